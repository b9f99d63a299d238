"""``extract contacts``: the directory parses back with vobject, holds each
seed's contacts, and merges duplicates."""
from __future__ import annotations

import csv
import io

import pytest
import vobject
from click.testing import CliRunner

from models.contacts import compact_contacts
from pipeline.stages.run import extract_file, to_json
from pipeline.cli.contacts import contacts_cmd
from pipeline.exports.vcard import Entry, merge
from tests.conftest import SEED_IDS, SEEDS


@pytest.fixture(scope="module")
def vcf_text():
    paths = [str(SEEDS / f"{s}.txt") for s in SEED_IDS]
    res = CliRunner().invoke(contacts_cmd, [*paths, "--format", "vcf"])
    assert res.exit_code == 0, res.output
    return res.output


@pytest.mark.parametrize("seed", SEED_IDS)
def test_vcard_holds_each_seed(vcf_text, seed):
    cards = list(vobject.readComponents(vcf_text))
    assert all(c.version.value == "4.0" for c in cards)
    got = {"names": set(), "phones": set(), "emails": set(), "qq": set(), "wechat": set()}
    for c in cards:
        if c.n.value.family:
            got["names"].add(c.fn.value)
        got["phones"].update(t.value for t in c.contents.get("tel", []))
        got["emails"].update(e.value for e in c.contents.get("email", []))
        got["qq"].update(q.value for q in c.contents.get("x-qq", []))
        got["wechat"].update(i.value[len("weixin:"):] for i in c.contents.get("impp", [])
                             if i.value.startswith("weixin:"))
    want = compact_contacts(extract_file(SEEDS / f"{seed}.txt").contacts)
    for k, vals in want.items():
        assert set(vals) <= got[k], k


def test_vcard_types_and_note(vcf_text):
    card = next(c for c in vobject.readComponents(vcf_text) if c.fn.value == "甘利平")
    assert card.tel.params["TYPE"] == ["work"] and card.tel.value == "6032390"
    assert card.contents["x-qq"][0].value == "435746438"
    assert "长总工〔2018〕4号" in card.note.value
    assert card.org.value[0] == "长兴县劳动竞赛委员会"


def test_duplicates_merged_across_records(tmp_path):
    """The same notice given twice (file and saved record) gives each person once."""
    src = SEEDS / "003_0fb55c4c84d933ae.txt"
    rec = tmp_path / "003.json"
    rec.write_text(to_json(extract_file(src)), encoding="utf-8")
    res = CliRunner().invoke(contacts_cmd, [str(src), str(rec), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert [r["name"] for r in rows] == ["张琳", "曹理仰"]
    assert rows[0]["phones"] == "25032216"


@pytest.mark.parametrize("a,b,merged", [
    (Entry(name="张三", values={"phone": ["1"], "mobile": [], "fax": [], "email": [], "qq": [],
                              "wechat": [], "address": [], "postcode": []}),
     Entry(name="张三", values={"phone": ["1"], "mobile": [], "fax": [], "email": ["a@b.cn"], "qq": [],
                              "wechat": [], "address": [], "postcode": []}), True),
    (Entry(name="张琳", values={"phone": [], "mobile": [], "fax": [], "email": ["x@y.cn"], "qq": [],
                              "wechat": [], "address": [], "postcode": []}),
     Entry(name="曹理仰", values={"phone": [], "mobile": [], "fax": [], "email": ["x@y.cn"], "qq": [],
                               "wechat": [], "address": [], "postcode": []}), False),
])
def test_merge_rule(a, b, merged):
    assert len(merge([a, b])) == (1 if merged else 2)


def test_unreadable_input_is_one_line(tmp_path):
    res = CliRunner().invoke(contacts_cmd, [str(tmp_path / "missing.txt")])
    assert res.exit_code != 0 and "missing.txt" in res.output and "Traceback" not in res.output
