"""The self-written corpus (corpus/notices): gold files follow the form of
/work/shared/ANNOTATION.md ("Gold file form"), every gold file has its notice,
the gold values can be found in the notice text, and corpus/build.py renders
deterministically.
"""
from __future__ import annotations

import calendar
import datetime as dt
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from pipeline.stages.normalise import drop_pinyin

ROOT = Path(__file__).resolve().parents[1]
NOTICES = ROOT / "corpus" / "notices"
GOLD = NOTICES / "gold"
SEED_GOLD = ROOT / "corpus" / "seeds" / "gold"

GOLD_FILES = sorted(GOLD.glob("*.json"))
SEED_FILES = sorted(SEED_GOLD.glob("*.json")) if SEED_GOLD.exists() else []

TOP_KEYS = ["id", "issuers", "doc_number", "title", "recipients", "signed_date", "printed", "cc",
            "deadlines", "contacts", "targets", "attachments"]
CONTACT_KEYS = ["names", "phones", "emails", "qq", "wechat"]
# ANNOTATION.md doc_number: brackets 〔〕, half-width digits, no spaces.
DOCNO = re.compile(r"^[^\s〔〕\[\]［］()（）【】]+〔(19|20)\d\d〕\d+号$")


def _spec():
    spec = importlib.util.spec_from_file_location("corpus_build", ROOT / "corpus" / "build.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up in sys.modules
    spec.loader.exec_module(mod)
    return mod


build = _spec()


def _iso(value) -> dt.date:
    assert isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    return dt.date.fromisoformat(value)


def _number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def check_form(g: dict, stem: str) -> None:
    """Raise AssertionError unless ``g`` has exactly the gold form of ANNOTATION.md."""
    assert list(g) == TOP_KEYS, f"keys {list(g)}"
    assert g["id"] == stem
    assert isinstance(g["issuers"], list) and all(isinstance(s, str) and s.strip() for s in g["issuers"])
    assert g["doc_number"] is None or DOCNO.match(g["doc_number"]), g["doc_number"]
    for k in ("title", "recipients"):
        assert g[k] is None or (isinstance(g[k], str) and g[k] and not g[k].endswith(("：", ":"))), k
    if g["signed_date"] is not None:
        _iso(g["signed_date"])
    if g["printed"] is not None:
        assert set(g["printed"]) == {"org", "date"}
        assert isinstance(g["printed"]["org"], str) and g["printed"]["org"]
        _iso(g["printed"]["date"])
    assert isinstance(g["cc"], list) and all(isinstance(s, str) and s and s[-1] not in "。，、；" for s in g["cc"])
    numbers = [a["number"] for a in g["attachments"]] if isinstance(g["attachments"], list) else []
    assert isinstance(g["deadlines"], list)
    for d in g["deadlines"]:
        assert list(d) == ["due", "precision", "year_inferred", "attachments"], list(d)
        assert d["precision"] in ("day", "xun", "month")
        assert isinstance(d["year_inferred"], bool)
        assert isinstance(d["attachments"], list) and all(isinstance(n, int) for n in d["attachments"])
        assert set(d["attachments"]) <= set(numbers), (d, numbers)
        if d["due"] is None:  # relative deadline ("活动结束后15个工作日内")
            assert d["year_inferred"] is False
            continue
        due = _iso(d["due"])
        last = calendar.monthrange(due.year, due.month)[1]
        if d["precision"] == "xun":  # 上旬 → 10th, 中旬 → 20th, 下旬 → last day
            assert due.day in (10, 20, last), d
        if d["precision"] == "month":
            assert due.day == last, d
    c = g["contacts"]
    assert list(c) == CONTACT_KEYS
    for k in CONTACT_KEYS:
        assert isinstance(c[k], list) and all(isinstance(s, str) and s for s in c[k])
        assert len(set(c[k])) == len(c[k]), f"duplicate in contacts.{k}"
    for p in c["phones"]:
        # (a 4-digit internal number after 电话 is a phone too: corpus r5_web_page_menus_breadcrumb)
        # (02-: a Taiwan area code; 4–6 digits: an internal or campus short number)
        assert re.fullmatch(r"(0\d{1,3}-)?\d{7,8}(转\d+)?|1\d{10}|[1-9]\d{3,5}", p), p
    for e in c["emails"]:
        assert e == e.lower() and "＠" not in e and e.count("@") == 1, e
    for n in c["names"]:
        assert not re.search(r"\s", n), n
    assert isinstance(g["targets"], list)
    for t in g["targets"]:
        assert list(t) == ["value", "unit"], list(t)
        v = t["value"]
        if isinstance(v, list):
            assert len(v) == 2 and all(_number(x) for x in v) and v[0] <= v[1], v
        else:
            assert _number(v), v
        assert isinstance(t["unit"], str) and t["unit"] and "％" not in t["unit"], t
    assert isinstance(g["attachments"], list)
    for a in g["attachments"]:
        assert list(a) == ["number", "title", "tables"], list(a)
        assert isinstance(a["number"], int) and a["number"] >= 1
        assert isinstance(a["title"], str) and a["title"]
        for tb in a["tables"]:
            assert list(tb) == ["kind", "header"]
            assert tb["kind"] in ("list", "form")
            assert tb["header"] and all(isinstance(h, str) and h and not re.search(r"\s", h) for h in tb["header"])
    assert len(set(numbers)) == len(numbers)


def test_corpus_is_big_enough():
    assert len(GOLD_FILES) >= 22
    with_tables = [p for p in GOLD_FILES if any(a["tables"] for a in json.loads(p.read_text("utf-8"))["attachments"])]
    assert len(with_tables) >= 8


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_form(path):
    check_form(json.loads(path.read_text(encoding="utf-8")), path.stem)


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.stem for p in SEED_FILES])
def test_validator_accepts_seed_gold(path):
    """The validator itself agrees with the reference gold files."""
    check_form(json.loads(path.read_text(encoding="utf-8")), path.stem)


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_has_its_notice_and_renderings(path):
    stem = path.stem
    assert (NOTICES / f"{stem}.txt").exists()
    assert (NOTICES / "docx" / f"{stem}.docx").exists()
    g = json.loads(path.read_text(encoding="utf-8"))
    if any(a["tables"] for a in g["attachments"]):
        assert (NOTICES / "pdf" / f"{stem}.pdf").exists()


def test_every_notice_has_gold():
    assert build.notice_ids() == sorted(p.stem for p in GOLD_FILES)


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_values_occur_in_text(path):
    """Every string value of the gold is printed in the notice (whitespace-insensitive);
    phones by their digits, emails after ＠ → @ and lower-casing."""
    g = json.loads(path.read_text(encoding="utf-8"))
    # (a mirror's pinyin readings, 工會(huì), are not part of the values: corpus r5_mirror_pinyin_own_quota)
    text = drop_pinyin((NOTICES / f"{path.stem}.txt").read_text(encoding="utf-8"))
    flat = re.sub(r"\s", "", text)
    for v in [g["title"], g["recipients"]] + g["issuers"] + g["cc"] + g["contacts"]["names"] \
            + g["contacts"]["qq"] + g["contacts"]["wechat"] + [a["title"] for a in g["attachments"]]:
        assert v is None or v in flat, v
    if g["printed"]:
        assert g["printed"]["org"] in flat
    low = flat.replace("＠", "@").lower()
    for e in g["contacts"]["emails"]:
        assert e in low, e
    digits = re.sub(r"\D", "", flat)
    for p in g["contacts"]["phones"]:
        assert re.sub(r"\D", "", p) in digits, p
    for a in g["attachments"]:
        for tb in a["tables"]:
            for h in tb["header"]:
                assert h in flat, h


@pytest.mark.parametrize("nid", sorted(p.stem for p in (NOTICES / "src").glob("*.src")))
def test_merge_source_matches_plain_txt(nid):
    """The committed .txt of a notice with merged cells is its source with marker cells emptied."""
    src = (NOTICES / "src" / f"{nid}.src").read_text(encoding="utf-8")
    assert build.plain_text(src) == (NOTICES / f"{nid}.txt").read_text(encoding="utf-8")
    assert "<<" not in build.plain_text(src) and "^^" not in build.plain_text(src)


# (source table rows with → as tab, expected spans (row, col, row_span, col_span)) — one case per line
SPAN_CASES = [
    ("序号→费用→<<\n^^→预算→实际\n1→→", [(0, 0, 2, 1), (0, 1, 1, 2)]),
    ("合计→<<→<<→5", [(0, 0, 1, 3)]),
    ("姓名→→性别→", []),
]


@pytest.mark.parametrize("rows,spans", SPAN_CASES, ids=[c[0][:8] for c in SPAN_CASES])
def test_parse_table_spans(rows, spans):
    table = build.parse_table(rows.replace("→", "\t").split("\n"))
    assert table.spans == spans
    assert all(cell not in ("<<", "^^") for row in table.rows for cell in row)


def test_build_is_deterministic(tmp_path):
    nid = "n13_enterprise_relative_deadline"  # merged cells, a 合计 row and a notes line
    a = build.build(nid, tmp_path / "a", force_cid=True)
    b = build.build(nid, tmp_path / "b", force_cid=True)
    assert [p.name for p in a] == [p.name for p in b] == [f"{nid}.txt", f"{nid}.docx", f"{nid}.pdf"]
    for pa, pb in zip(a, b):
        assert pa.read_bytes() == pb.read_bytes(), pa.name


def test_docx_has_real_merged_cells(tmp_path):
    docx = pytest.importorskip("docx")
    nid = "n16_before_month_merged"
    (path,) = build.build(nid, tmp_path, formats=("docx",))[1:]
    table = docx.Document(str(path)).tables[0]
    first = table._tbl.tr_lst[0].tc_lst
    assert [tc.grid_span for tc in first] == [1, 1, 3, 2]
    assert first[0].vMerge == "restart"
    assert table._tbl.tr_lst[1].tc_lst[0].vMerge == "continue"


def test_pdf_font_encodes_every_corpus_character(tmp_path):
    """No character of the notices is dropped by the PDF font (STSong-Light lacks U+00B7 ·)."""
    pdfplumber = pytest.importorskip("pdfplumber")
    chars = sorted(set("".join(p.read_text(encoding="utf-8") for p in NOTICES.glob("*.txt"))) - set(" \t\n\u3000"))
    src = tmp_path / "chars.txt"
    src.write_text("\n\n".join("".join(chars[i:i + 30]) for i in range(0, len(chars), 30)), encoding="utf-8")
    blocks = build.parse(src.read_text(encoding="utf-8"))
    build.classify(blocks)
    data = build.render_pdf("chars", blocks, force_cid=True)
    (tmp_path / "chars.pdf").write_bytes(data)
    with pdfplumber.open(tmp_path / "chars.pdf") as pdf:
        got = set("".join(page.extract_text() or "" for page in pdf.pages))
    assert [c for c in chars if c not in got] == []
