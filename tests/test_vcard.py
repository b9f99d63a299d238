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
from pipeline.exports.vcard import Entry, card_uids, fold, merge, to_csv, to_vcard
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
    rows = list(csv.DictReader(io.StringIO(res.output.removeprefix("\ufeff"))))
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


def _entry(name="", department=None, organisation=None, **values) -> Entry:
    e = Entry(name=name, department=department, organisation=organisation)
    for k, vs in values.items():
        for v in vs:
            e.add(k, v)
    return e


def test_every_card_has_a_distinct_stable_uid(vcf_text):
    cards = list(vobject.readComponents(vcf_text))
    uids = [c.uid.value for c in cards]
    assert all(u.startswith("urn:uuid:") for u in uids) and len(set(uids)) == len(uids)
    paths = [str(SEEDS / f"{s}.txt") for s in SEED_IDS]
    again = CliRunner().invoke(contacts_cmd, [*reversed(paths), "--format", "vcf"]).output
    assert {c.uid.value for c in vobject.readComponents(again)} == set(uids)


@pytest.mark.parametrize("entries,distinct", [
    # one person met in two notices with different phones (merge keeps two)
    ([_entry("张三", organisation="某市总工会", phone=["1"]),
      _entry("张三", organisation="某市总工会", phone=["2"])], 2),
    # the same name in two organisations
    ([_entry("张三", organisation="甲总工会"), _entry("张三", organisation="乙总工会")], 2),
    # nameless points of one department told apart by their numbers
    ([_entry(department="办公室", phone=["1"]), _entry(department="办公室", phone=["2"])], 2),
    # nothing to tell two apart: still distinct
    ([_entry("李四"), _entry("李四")], 2),
])
def test_uids_distinct_within_a_directory(entries, distinct):
    assert len(set(card_uids(entries))) == distinct


def test_uid_does_not_depend_on_a_person_s_numbers_alone():
    """A person's card keeps its UID when a later notice adds a phone, so a
    CardDAV push updates it instead of adding a second card."""
    a = card_uids([_entry("王五", organisation="某区总工会", phone=["1"])])
    b = card_uids([_entry("王五", organisation="某区总工会", phone=["1"], mobile=["13800000000"])])
    assert a == b


@pytest.mark.parametrize("entry,kind", [
    (_entry(department="区总宣教部", organisation="某区总工会", phone=["57813758"]), "org"),
    (_entry(organisation="某市总工会办公室", email=["a@b.cn"]), "org"),
    (_entry("甘利平", department="经济工作部", phone=["6032390"]), None),
])
def test_kind_org_for_department_only_cards(entry, kind):
    card = next(vobject.readComponents(to_vcard([entry])))
    got = card.kind.value if "kind" in card.contents else None
    assert got == kind


def test_lines_folded_at_75_octets(vcf_text):
    lines = vcf_text.splitlines()
    assert max(len(ln.encode("utf-8")) for ln in lines) <= 75
    assert any(ln.startswith(" ") for ln in lines)  # the long NOTE lines are folded


@pytest.mark.parametrize("line", [
    "NOTE:" + "关于在全市职工中广泛开展劳动竞赛的通知" * 3,   # 3-octet characters
    "NOTE:" + "a" * 200,                                        # ASCII
    "NOTE:" + "𠀀" * 40,                                        # 4-octet characters
    "FN:张三",                                                   # short: unchanged
])
def test_fold_never_splits_utf8_and_unfolds_back(line):
    folded = fold(line + "\r\n")
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert folded.replace("\r\n ", "") == line + "\r\n"


def test_csv_has_bom_for_excel():
    text = to_csv([_entry("张三", phone=["1"])])
    assert text.startswith("\ufeffname,") and text.encode("utf-8").startswith(b"\xef\xbb\xbf")


def test_csv_file_opens_as_utf8_sig(tmp_path):
    out = tmp_path / "通讯录.csv"
    paths = [str(SEEDS / f"{s}.txt") for s in SEED_IDS]
    assert CliRunner().invoke(contacts_cmd, [*paths, "--format", "csv", "-o", str(out)]).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert "甘利平" in {r["name"] for r in rows}
