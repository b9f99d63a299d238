"""OCR fallback for PDF pages without a usable text layer.

The pdf reader (``pipeline.readers.pdf``) reads the text layer and warns
``needs_ocr`` for pages with no characters or mostly ``(cid:…)`` codes.
:func:`ocr_pages` renders those pages with pypdfium2 and replaces their
blocks with OCR blocks laid out by :mod:`pipeline.readers.ocr`. A page that
is one scanned image is rendered at that image's own resolution
(:func:`page_dpi`): rendering a 150-dpi scan at 200 dpi only interpolates
pixels the recogniser then has to read (the legacy OCR setting still
renders at 200 dpi).
"""
from __future__ import annotations

import re
from typing import Iterable

from models.document import Block, Document
from pipeline.errors import DocumentLoadError
from pipeline.readers import ocr

DPI = ocr.DEFAULT_DPI
# A page without one dominant image (outlined text, vector drawings) is
# rendered so that A4 is 2,000 px long — what the engine used to scale
# 200-dpi renders down to before detecting.
VECTOR_DPI = 170
MIN_DPI, MAX_DPI = 100, 300


def page_dpi(page) -> int:
    """The resolution to render ``page`` (a ``pypdfium2.PdfPage``) for OCR:
    the dpi of the image that covers most of it when one covers ≥ 60 % of the
    page, clamped to 100–300; :data:`VECTOR_DPI` otherwise."""
    import pypdfium2.raw as raw

    pw, ph = page.get_size()
    best = None
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        try:
            x0, y0, x1, y1 = obj.get_bounds()
            px_w, px_h = obj.get_px_size()
        except Exception:  # a broken image object: judge the page without it
            continue
        area = (x1 - x0) * (y1 - y0)
        if area >= 0.6 * pw * ph and (best is None or area > best[0]):
            # the long sides correspond (a rotated placement swaps them)
            best = (area, 72 * max(px_w, px_h) / max(x1 - x0, y1 - y0, 1e-6))
    if best is None:
        return VECTOR_DPI
    return int(round(min(MAX_DPI, max(MIN_DPI, best[1]))))


def render_page(pdf, index: int, dpi: int = DPI):
    """Page ``index`` (0-based) of an open ``pypdfium2.PdfDocument`` as an
    RGB uint8 numpy array (the page's /Rotate applied)."""
    import numpy as np

    page = pdf[index]
    try:
        return np.asarray(page.render(scale=dpi / 72).to_pil().convert("RGB"))
    finally:
        page.close()


def _dpi_of(pdf, index: int) -> int:
    page = pdf[index]
    try:
        return page_dpi(page)
    finally:
        page.close()


def needs_ocr_pages(doc: Document) -> list[int]:
    """1-based page numbers named in the reader's ``needs_ocr`` warnings
    (message form ``"pages 1,2 have no text layer…"``/``"page 3 …"``)."""
    pages: set[int] = set()
    for code, msg in doc.warnings:
        if code != "needs_ocr":
            continue
        m = re.search(r"pages?\s+([\d,\s\-–]+)", msg)
        if not m:
            continue
        for part in re.split(r"[,\s]+", m.group(1).strip()):
            if re.fullmatch(r"\d+[-–]\d+", part):
                a, b = (int(x) for x in re.split(r"[-–]", part))
                pages.update(range(a, b + 1))
            elif part.isdigit():
                pages.add(int(part))
    return sorted(pages)


def ocr_pages(path: str, data: bytes, doc: Document, pages: Iterable[int]) -> None:
    """Replace the blocks of ``pages`` (1-based) of ``doc`` with OCR blocks, in place.

    The OCR blocks take the position of the page's old blocks (or come before
    the first block of a later page); a paragraph cut by a page break between
    two OCR'd pages is joined. Sets ``doc.ocr = True``, adds the layout
    warnings (``low_confidence``, ``table_as_text``), and drops the
    ``needs_ocr`` warning once every page it named is done.

    Errors: :class:`MissingDependencyError` when the OCR extra is absent,
    :class:`DocumentLoadError` when pdfium cannot open or render the file.
    """
    targets = sorted({int(p) for p in pages})
    if not targets:
        return
    ocr.engine(path)  # fail fast with the install hint before rendering anything
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as e:  # pdfium raises PdfiumError with a terse reason
        raise DocumentLoadError(path, f"cannot render PDF for OCR ({e})") from None
    try:
        n = len(pdf)
        todo = [p for p in targets if 1 <= p <= n]
        layouts = []
        for k, p in enumerate(todo, start=1):
            try:
                dpi = DPI if ocr.settings().legacy else _dpi_of(pdf, p - 1)
                img = render_page(pdf, p - 1, dpi)
            except Exception as e:
                raise DocumentLoadError(path, f"cannot render page {p} for OCR ({e})") from None
            layouts.append((p, ocr.ocr_page(img, p, 72 / dpi, path)))
            ocr.page_done(path, k, len(todo))
    finally:
        pdf.close()
    new = ocr.join_pages(layouts)
    by_page: dict[int, list[Block]] = {}
    for b in new:
        by_page.setdefault(b.page or 0, []).append(b)
    done = {p for p, _ in layouts}
    out: list[Block] = []
    inserted: set[int] = set()

    def flush(upto: float) -> None:
        for p in sorted(done - inserted):
            if p < upto:
                out.extend(by_page.get(p, []))
                inserted.add(p)

    for b in doc.blocks:
        if b.page in done:
            flush(b.page + 1)
            continue
        if b.page is not None:
            flush(b.page)
        out.append(b)
    flush(float("inf"))
    doc.blocks = out
    doc.ocr = True
    for _, lay in layouts:
        doc.warnings.extend(lay.warnings)
    left = [p for p in needs_ocr_pages(doc) if p not in done]
    if not left:
        doc.warnings = [w for w in doc.warnings if w[0] != "needs_ocr"]
    if not any(lay.boxes for _, lay in layouts):
        doc.warnings.append(("ocr_no_text", f"OCR found no text on page(s) {','.join(map(str, sorted(done)))}"))
