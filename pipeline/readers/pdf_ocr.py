"""OCR fallback for PDF pages without a usable text layer.

The pdf reader (``pipeline.readers.pdf``) reads the text layer and warns
``needs_ocr`` for pages with no characters or mostly ``(cid:…)`` codes.
:func:`ocr_pages` renders those pages with pypdfium2 at 200 dpi (ECOSYSTEM.md
§2: 200 dpi → RapidOCR ≈ 2 s/page here) and replaces their blocks with OCR
blocks laid out by :mod:`pipeline.readers.ocr`.
"""
from __future__ import annotations

import re
from typing import Iterable

from models.document import Block, Document
from pipeline.errors import DocumentLoadError
from pipeline.readers import ocr

DPI = ocr.DEFAULT_DPI


def render_page(pdf, index: int, dpi: int = DPI):
    """Page ``index`` (0-based) of an open ``pypdfium2.PdfDocument`` as an
    RGB uint8 numpy array (the page's /Rotate applied)."""
    import numpy as np

    page = pdf[index]
    try:
        return np.asarray(page.render(scale=dpi / 72).to_pil().convert("RGB"))
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
        layouts = []
        for p in targets:
            if not 1 <= p <= n:
                continue
            try:
                img = render_page(pdf, p - 1)
            except Exception as e:
                raise DocumentLoadError(path, f"cannot render page {p} for OCR ({e})") from None
            layouts.append((p, ocr.ocr_page(img, p, 72 / DPI, path)))
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
