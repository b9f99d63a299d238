"""End to end: a notice file in, a validated record out (issue "End to end").

The seeds' gold (corpus/seeds/gold) holds the issue-2 fields; every format of
every seed must give them, and the three formats of one seed must give the
same record apart from ``source`` and ``evidence``.
"""
from __future__ import annotations

import json

import pytest

from pipeline.evaluate import compact
from pipeline.stages.run import extract_file
from tests.conftest import SEED_IDS, SEEDS

HEADER_FIELDS = ("issuers", "doc_number", "title", "recipients", "signed_date", "printed", "cc")
FORMATS = ("txt", "docx", "pdf")


def _gold(seed: str) -> dict:
    return json.loads((SEEDS / "gold" / f"{seed}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", SEED_IDS)
def test_seed_header_fields_match_gold(seed, fmt):
    got = compact(extract_file(SEEDS / f"{seed}.{fmt}"))
    gold = _gold(seed)
    for key in HEADER_FIELDS:
        assert got[key] == gold[key], key
    assert [(a["number"], a["title"]) for a in got["attachments"]] == [
        (a["number"], a["title"]) for a in gold["attachments"]]


def _strip(obj):
    """The record without ``source`` and any ``evidence`` (which differ by format)."""
    if isinstance(obj, dict):
        return {k: _strip(v) for k, v in obj.items()
                if k not in ("source", "evidence", "signed_date_evidence", "cc_evidence", "warnings")}
    if isinstance(obj, list):
        return [_strip(x) for x in obj]
    return obj


@pytest.mark.parametrize("seed", ["002_a6ecc3133544287b", "004_4b022b1849280ac0"])
def test_formats_give_the_same_record(seed):
    records = {fmt: _strip(extract_file(SEEDS / f"{seed}.{fmt}").model_dump(mode="json"))
               for fmt in FORMATS}
    assert records["docx"] == records["txt"]
    assert records["pdf"] == records["txt"]


def test_record_is_json_with_chinese_kept(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    out = tmp_path / "r.json"
    res = CliRunner().invoke(main, [str(SEEDS / "002_a6ecc3133544287b.txt"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert "九江市劳动竞赛委员会" in text and "\\u" not in text
    assert json.loads(text)["schema_version"]


def test_not_a_circular_gives_empty_fields_and_a_warning(tmp_path):
    p = tmp_path / "menu.txt"
    p.write_text("本周食堂菜单\n周一：红烧肉、青菜\n周二：鱼香肉丝\n", encoding="utf-8")
    rec = extract_file(p)
    assert rec.title is None and rec.issuers == [] and rec.doc_number is None
    assert rec.deadlines == [] and rec.targets == []
    assert "not_a_circular" in [w.code for w in rec.warnings]


def test_every_value_has_evidence_pointing_into_the_document():
    from models.document import Document
    from pipeline.stages.normalise import normalise
    from pipeline.readers import read_path
    from pipeline.stages.segment import segment

    path = SEEDS / "001_dde7b99b86b616a6.txt"
    doc: Document = read_path(path)
    normalise(doc)
    segment(doc)
    rec = extract_file(path)
    evs = [rec.doc_number.evidence, rec.title.evidence, rec.recipients.evidence,
           rec.signed_date_evidence, rec.printed.evidence]
    evs += [i.evidence for i in rec.issuers] + [a.evidence for a in rec.attachments]
    for ev in evs:
        assert ev is not None
        assert doc.blocks[ev.block].text[ev.start:ev.end] == ev.quote
        assert ev.quote


@pytest.mark.slow
@pytest.mark.parametrize("scan, seed", [
    ("seeds/scanned/000_beae532f0dc098a7.pdf", "000_beae532f0dc098a7"),
    ("seeds/scanned/001_dde7b99b86b616a6.pdf", "001_dde7b99b86b616a6"),
    ("formats/fmt_000_scan_ofd.ofd", "000_beae532f0dc098a7"),  # the same page images in an OFD
])
def test_scanned_seed_gives_gold_header_and_deadlines(scan, seed):
    """Issue 7: an image-only PDF or OFD goes through OCR and gives the gold
    issuers, 发文字号, title, deadlines, contacts and attachment titles
    (15–30 s a file on two cores)."""
    from pipeline.readers import ocr

    if not ocr.available():
        pytest.skip("OCR extra not installed")
    rec = extract_file(SEEDS.parent / scan)
    got, gold = compact(rec), _gold(seed)
    assert rec.source.ocr
    for key in ("issuers", "doc_number", "title"):
        assert got[key] == gold[key], key
    assert sorted(d["due"] for d in got["deadlines"]) == sorted(d["due"] for d in gold["deadlines"])
    assert got["contacts"] == gold["contacts"]
    assert [a["title"] for a in got["attachments"]] == [a["title"] for a in gold["attachments"]]
