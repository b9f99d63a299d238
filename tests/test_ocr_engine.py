"""OCR engine settings (issue 14): fast and legacy settings selectable, the
page-progress callback and its terminal display, the render resolution of
scanned PDF pages, blank pages and ruling-only boxes skipped, batched line
reading, the CUDA provider optional, batch's page counts."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from pipeline.batch.progress import Reporter
from pipeline.cli.progress import PagePrinter, ocr_pages_shown
from pipeline.readers import ocr, pdf_ocr

ROOT = Path(__file__).resolve().parents[1]
HEAD = ROOT / "corpus" / "formats" / "fmt_000_scan_head.jpg"  # top of seed 000's page 1, 200 dpi
SCANNED = ROOT / "corpus" / "seeds" / "scanned" / "000_beae532f0dc098a7.pdf"  # 150-dpi page images
TEXT_PDF = ROOT / "corpus" / "seeds" / "002_a6ecc3133544287b.pdf"
needs_engine = pytest.mark.skipif(not ocr.available(), reason="OCR extra not installed")


@pytest.mark.parametrize("env, mode, threads", [
    ({}, "fast", 0),
    ({"UC_OCR_MODE": "legacy"}, "legacy", 0),
    ({"UC_OCR_MODE": "LEGACY "}, "legacy", 0),
    ({"UC_OCR_MODE": "nonsense"}, "fast", 0),
    ({"UC_OCR_THREADS": "1"}, "fast", 1),
    ({"UC_OCR_THREADS": "x"}, "fast", 0),
])
def test_settings_from_environment(monkeypatch, env, mode, threads):
    for k in ("UC_OCR_MODE", "UC_OCR_THREADS"):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    s = ocr._from_env()
    assert (s.mode, s.threads, s.legacy) == (mode, threads, mode == "legacy")


def test_configure_switches_and_returns_previous(monkeypatch):
    monkeypatch.setattr(ocr, "_SETTINGS", ocr.Settings())
    monkeypatch.setattr(ocr, "_ENGINE", None)
    old = ocr.configure(mode="legacy")
    assert old == ocr.Settings() and ocr.settings().legacy
    assert ocr.configure(old).legacy and ocr.settings() == old


@pytest.mark.parametrize("path, page, dpi", [
    (SCANNED, 0, 150),   # a page that is one 1241×1754 image on A4
    (SCANNED, 6, 150),   # the landscape page (1754×1241 on 842×596 pt)
    (TEXT_PDF, 0, pdf_ocr.VECTOR_DPI),  # no page-sized image
])
def test_page_dpi_is_the_scans_own_resolution(path, page, dpi):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    assert pdf_ocr._dpi_of(pdf, page) == dpi


def test_blank_page_and_ruling_only_box():
    paper = np.full((400, 300, 3), 235, np.uint8)
    assert ocr._blank(paper)
    specks = np.full((1754, 1241, 3), 235, np.uint8)  # an A4 back side at 150 dpi
    specks[[400, 800, 1200], [300, 600, 900]] = 20  # three specks of dust
    assert ocr._blank(specks)
    text = paper.copy()
    text[100:140, 50:250:6] = 30  # the strokes of a line of characters
    assert not ocr._blank(text)
    rule = np.full((30, 600, 3), 240, np.uint8)
    rule[14:16, 10:590] = 40  # a 2-px ruling across the box
    assert ocr._ruling_only(rule)
    assert not ocr._ruling_only(np.ascontiguousarray(text[95:145, 40:260]))
    underlined = rule.copy()
    underlined[2:12, 50:200:5] = 40  # text above the rule
    assert not ocr._ruling_only(underlined)


@pytest.mark.parametrize("text, a, b, frac", [
    ("邮箱sjzghjjb@126.com", 2, 18, (2 / 10.8, 1.0)),
    ("abc", 0, 3, (0.0, 1.0)),
    ("电话：57813758，传真", 3, 11, (3 / 10.4, 7.4 / 10.4)),
])
def test_span_fraction(text, a, b, frac):
    got = ocr._span_fraction(text, a, b)
    assert got == pytest.approx(frac, abs=1e-6)


def test_page_done_calls_the_callback_and_set_progress_restores():
    calls = []
    old = ocr.set_progress(lambda p, d, t: calls.append((p, d, t)))
    try:
        ocr.page_done("scan.pdf", 1, 3)
        ocr.page_done(None, 2, 3)
    finally:
        assert ocr.set_progress(old) is not None
    ocr.page_done("scan.pdf", 3, 3)  # no callback: nothing happens
    assert calls == [("scan.pdf", 1, 3), ("", 2, 3)]


def _drain(fd: int) -> str:
    """Everything written to the terminal so far (a pty delivers it in pieces)."""
    import select

    out = b""
    while select.select([fd], [], [], 0.5)[0]:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        out += chunk
    return out.decode()


def test_pages_shown_on_a_pseudo_terminal_only():
    master, slave = os.openpty()
    with os.fdopen(slave, "w", encoding="utf-8", closefd=True) as tty:
        with ocr_pages_shown(tty):
            ocr.page_done("/x/scan.pdf", 1, 2)
            ocr.page_done("/x/scan.pdf", 2, 2)
        ocr.page_done("/x/scan.pdf", 2, 2)  # outside: not shown
        shown = _drain(master)
    os.close(master)
    assert shown.replace("\r\n", "\n") == "\rOCR scan.pdf: page 1/2\rOCR scan.pdf: page 2/2\n"
    pipe = io.StringIO()
    with ocr_pages_shown(pipe):
        ocr.page_done("scan.pdf", 1, 1)
    assert pipe.getvalue() == ""


def test_page_printer_ends_the_line_after_the_last_page():
    out = io.StringIO()
    p = PagePrinter(out)
    p("a/b.ofd", 1, 7)
    p("a/b.ofd", 7, 7)
    p.close()  # nothing left open
    assert out.getvalue() == "\rOCR b.ofd: page 1/7\rOCR b.ofd: page 7/7\n"
    p("a/c.ofd", 2, 3)  # the last pages of c.ofd are text: no OCR call for them
    p.close()
    assert out.getvalue().endswith("\rOCR c.ofd: page 2/3\n")


def test_batch_reporter_counts_pages(capsys):
    r = Reporter(2, bar=False, quiet=False)
    r.advance(pages=7, ocr_pages=7)
    r.advance(pages=3)
    r.close()
    lines = capsys.readouterr().err.strip().splitlines()
    assert "batch: 2/2 files, 10 pages, 7 OCR" in lines[-1]


@needs_engine
def test_progress_reported_for_each_page_of_a_scanned_pdf(tmp_path):
    from PIL import Image

    from pipeline.readers import read_path

    img = Image.open(HEAD).convert("RGB")
    path = tmp_path / "two.pdf"
    img.save(path, save_all=True, append_images=[img], resolution=200)
    calls = []
    old = ocr.set_progress(lambda p, d, t: calls.append((p, d, t)))
    try:
        doc = read_path(path)
    finally:
        ocr.set_progress(old)
    assert calls == [(str(path), 1, 2), (str(path), 2, 2)]
    assert doc.ocr and "松工总〔2017〕64号" in [b.raw for b in doc.blocks]


@needs_engine
def test_extract_on_a_terminal_shows_ocr_pages(tmp_path):
    """``extract scan.jpg`` with stderr on a pseudo-terminal shows the page
    count; the record still goes to stdout."""
    master, slave = os.openpty()
    try:
        r = subprocess.run([sys.executable, "-m", "pipeline.cli", str(HEAD)], stdout=subprocess.PIPE,
                           stderr=slave, cwd=ROOT, timeout=300)
        os.close(slave)
        slave = -1
        err = _drain(master)
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)
    assert r.returncode == 0, err
    assert "OCR fmt_000_scan_head.jpg: page 1/1" in err
    assert b'"title"' in r.stdout


@needs_engine
def test_batched_reading_equals_reading_line_by_line(monkeypatch):
    from PIL import Image

    eng = ocr.engine()
    bgr = np.ascontiguousarray(np.asarray(Image.open(HEAD).convert("RGB"))[..., ::-1])
    crops = eng.rapid.get_crop_img_list(bgr, eng.detect(bgr))
    assert len(crops) >= 5
    batched = eng.read(crops)
    monkeypatch.setattr(ocr, "BATCH_MAX", 1)
    single = eng.read(crops)
    assert [t for t, _ in batched] == [t for t, _ in single]
    assert "上海市松江区总工会文件" in [t for t, _ in batched]


@needs_engine
def test_fast_and_legacy_settings_read_the_same_head(monkeypatch):
    from PIL import Image

    arr = np.asarray(Image.open(HEAD).convert("RGB"))
    got = {}
    for mode in ("legacy", "fast"):
        monkeypatch.setattr(ocr, "_SETTINGS", ocr.Settings(mode=mode))
        monkeypatch.setattr(ocr, "_ENGINE", None)
        got[mode] = [b.raw for b in ocr.ocr_page(arr, 1, 72 / 200).blocks]
    for line in ("上海市松江区总工会文件", "松工总〔2017〕64号", "关于开展2017年松江区职工劳动竞赛活动的通知"):
        assert line in got["fast"] and line in got["legacy"]


@needs_engine
def test_cuda_provider_requested_only_when_offered(monkeypatch):
    """With ``onnxruntime-gpu`` the engine asks RapidOCR for CUDA; on a
    CPU-only install that request is never made, and a request that cannot
    be met still gives a working CPU engine."""
    import rapidocr_onnxruntime

    seen = {}

    class Spy(rapidocr_onnxruntime.RapidOCR):
        def __init__(self, **kw):
            seen.update(kw)
            super().__init__(**kw)

    monkeypatch.setattr(rapidocr_onnxruntime, "RapidOCR", Spy)
    ocr.Engine(ocr.Settings(threads=1))
    assert "det_use_cuda" not in seen and seen["intra_op_num_threads"] == 1
    seen.clear()
    monkeypatch.setattr(ocr, "_has_cuda", lambda: True)
    eng = ocr.Engine(ocr.Settings(threads=1))
    assert seen["det_use_cuda"] and seen["rec_use_cuda"]
    assert eng.read([np.full((32, 200, 3), 255, np.uint8)])[0][0] == ""
