"""One path from a file to a record (issue 12): ``extract FILE``, batch on
the process pool and batch on Dask give the same record for scans; without
the OCR extra a scan is a failure (exit 3 / errors.jsonl stage ``ocr``), and
a PDF with text and image pages keeps its text pages and names the others."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.batch import ERRORS, run_batch
from pipeline.cli import main
from pipeline.readers import ocr, read_path
from pipeline.stages.run import extract_file, to_json

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SCANS = [CORPUS / "seeds/scanned/000_beae532f0dc098a7.pdf", CORPUS / "formats/fmt_000_scan_head.jpg"]
needs_ocr = pytest.mark.skipif(not ocr.available(), reason="OCR extra not installed")


@pytest.fixture(scope="module")
def scan_dir(tmp_path_factory):
    src = tmp_path_factory.mktemp("scans") / "in"
    src.mkdir()
    for p in SCANS:
        shutil.copy(p, src / p.name)
    return src


def _records(out: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.json"))}


@pytest.mark.slow
@needs_ocr
@pytest.mark.parametrize("scheduler", [None, "local"])
def test_batch_gives_extract_file_record_for_scans(scan_dir, tmp_path, scheduler):
    if scheduler:
        pytest.importorskip("distributed")
    res = run_batch(scan_dir, tmp_path / "out", workers=2, scheduler=scheduler, quiet=True)
    assert (res.ok, res.failed) == (len(SCANS), 0)
    got = _records(tmp_path / "out")
    for p in SCANS:
        expected = to_json(extract_file(scan_dir / p.name)) + "\n"
        assert got[p.name + ".json"] == expected, p.name
        rec = json.loads(expected)
        assert rec["source"]["ocr"] and rec["title"], p.name


def _no_ocr(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    monkeypatch.setattr(ocr, "_ENGINE", None)
    monkeypatch.setitem(__import__("sys").modules, "rapidocr_onnxruntime", None)


def test_scan_without_ocr_extra_exits_3(monkeypatch):
    _no_ocr(monkeypatch)
    r = CliRunner().invoke(main, [str(SCANS[0])])
    assert r.exit_code == 3
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and str(SCANS[0]) in lines[0]
    assert "pip install 'union-circulars[ocr]'" in lines[0]


def test_batch_counts_scan_without_ocr_as_failed(scan_dir, tmp_path, monkeypatch):
    _no_ocr(monkeypatch)
    # fork: the workers inherit this process's patched OCR module
    res = run_batch(scan_dir, tmp_path / "out", workers=1, mp_context="fork", quiet=True)
    assert (res.ok, res.failed) == (0, len(SCANS))
    errors = [json.loads(x) for x in (tmp_path / "out" / ERRORS).read_text().splitlines()]
    assert {e["stage"] for e in errors} == {"ocr"}
    assert all("pip install 'union-circulars[ocr]'" in e["message"] for e in errors)


def test_mixed_pdf_without_ocr_keeps_text_pages_and_names_the_others(tmp_path, monkeypatch):
    import pypdfium2 as pdfium

    mixed = pdfium.PdfDocument(str(CORPUS / "seeds/002_a6ecc3133544287b.pdf"))
    n_text = len(mixed)
    mixed.import_pages(pdfium.PdfDocument(str(SCANS[0])), [0, 1])
    path = tmp_path / "mixed.pdf"
    mixed.save(str(path))
    _no_ocr(monkeypatch)
    doc = read_path(path)
    warn = [m for c, m in doc.warnings if c == "needs_ocr"]
    assert len(warn) == 1 and f"{n_text + 1}" in warn[0] and f"{n_text + 2}" in warn[0]
    assert doc.blocks and not doc.ocr
    rec = extract_file(path)
    assert rec.title and "needs_ocr" in {w.code for w in rec.warnings}
