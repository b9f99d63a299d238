"""`extract eval`: pairs files with gold, scores per field and per group,
keeps OCR'd files in a group of their own."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from pipeline.evaluate import evaluate, find_pairs, score_record

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"
FORMATS = ROOT / "corpus" / "formats"


def test_seed_scores_one_and_groups_by_folder_and_format(tmp_path):
    (tmp_path / "a" / "gold").mkdir(parents=True)
    for ext in ("txt", "docx"):
        shutil.copy(SEEDS / f"002_a6ecc3133544287b.{ext}", tmp_path / "a")
    shutil.copy(SEEDS / "gold" / "002_a6ecc3133544287b.json", tmp_path / "a" / "gold")
    (tmp_path / "a" / "no_gold.txt").write_text("没有金标准的文件", "utf-8")
    assert [f.name for f, _ in find_pairs(tmp_path)] == ["002_a6ecc3133544287b.docx",
                                                         "002_a6ecc3133544287b.txt"]
    rep = evaluate(tmp_path)
    assert rep.files == 2 and not rep.errors
    assert sorted(rep.by_group) == ["a:docx", "a:txt"]
    assert all(s.f1 == 1.0 for s in rep.overall.values())


@pytest.mark.skipif(not __import__("pipeline.readers.ocr", fromlist=["available"]).available(),
                    reason="OCR extra not installed")
def test_ocr_files_have_their_own_group(tmp_path):
    (tmp_path / "f" / "gold").mkdir(parents=True)
    shutil.copy(FORMATS / "fmt_000_scan_head.jpg", tmp_path / "f" / "scan.jpg")
    (tmp_path / "f" / "gold" / "scan.json").write_text(json.dumps(
        {"id": "scan", "doc_number": "松工总〔2017〕64号"}, ensure_ascii=False), "utf-8")
    rep = evaluate(tmp_path)
    assert list(rep.by_group) == ["f:jpg+ocr"]
    assert rep.overall["doc_number"].f1 == 1.0


@pytest.mark.parametrize("gold, pred, field, tp_fp_fn", [
    ({"issuers": ["甲总工会", "乙委员会"]}, {"issuers": ["甲总工会"]}, "issuers", (1, 0, 1)),
    ({"doc_number": "长总工〔2018〕4号"}, {"doc_number": "长总工〔2018〕4号"}, "doc_number", (1, 0, 0)),
    ({"doc_number": None}, {"doc_number": "长总工〔2018〕4号"}, "doc_number", (0, 1, 0)),
    # a title with or without its leading issuer; a joint one with or without all its issuers
    ({"issuers": ["甲总工会"], "title": "关于X的通知"}, {"issuers": ["甲总工会"], "title": "甲总工会关于X的通知"}, "title", (1, 0, 0)),
    ({"issuers": ["甲总工会", "乙区教育局"], "title": "关于X的通知"},
     {"issuers": ["甲总工会", "乙区教育局"], "title": "甲总工会乙区教育局关于X的通知"}, "title", (1, 0, 0)),
    ({"issuers": ["甲总工会", "乙区教育局"], "title": "关于X的通知"},
     {"issuers": ["甲总工会", "乙区教育局"], "title": "乙区教育局关于Y的通知"}, "title", (0, 1, 1)),
])
def test_score_record(gold, pred, field, tp_fp_fn):
    s = score_record(gold, pred)[field]
    assert (s.tp, s.fp, s.fn) == tp_fp_fn


@pytest.mark.parametrize("scores, expected", [
    ({"title": (1, 0, 0), "cc": (0, 0, 0)}, 1.0),                 # a field with no items is left out
    ({"title": (1, 0, 0), "targets": (1, 1, 0)}, (1.0 + 2 / 3) / 2),
    ({"title": (0, 1, 1), "issuers": (2, 0, 0)}, 0.5),
    ({"cc": (0, 0, 0)}, None),
])
def test_mean_f1_over_fields_with_items(scores, expected):
    from pipeline.evaluate import Score, mean_f1

    got = mean_f1({k: Score(*v) for k, v in scores.items()})
    assert got == pytest.approx(expected) if expected is not None else got is None


def test_report_gives_mean_f1_per_group_and_folder(tmp_path):
    from pipeline.evaluate import format_report

    (tmp_path / "a" / "gold").mkdir(parents=True)
    shutil.copy(SEEDS / "002_a6ecc3133544287b.txt", tmp_path / "a")
    shutil.copy(SEEDS / "gold" / "002_a6ecc3133544287b.json", tmp_path / "a" / "gold")
    text = format_report(evaluate(tmp_path))
    assert re.search(r"^mean F1 +1\.000$", text, re.M)
    assert "by folder: a 1.000" in text
