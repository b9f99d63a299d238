"""Reader for PDF files with a text layer (pdfplumber / pdfminer.six).

Per page: fake-bold duplicate glyphs are removed (:func:`dedupe_chars`, the
rule of pdfplumber's ``page.dedupe_chars()``, ECOSYSTEM.md §1a), ruled tables are read with pdfplumber's table finder (run
only on pages that have ruling lines — it is the costly step) and rebuilt as
true grids from the cell boxes, the remaining characters are clustered into
lines in reading order (two-column pages are read column by column when a
clear vertical gutter exists) and the lines grouped into paragraphs by
layout: first-line indent, a previous line ending short of the right margin,
a vertical gap above 1.5 × the line pitch, a font-size change, centring.
Page-number lines ("- 3 -", "— 3 —", "第3页") are dropped.

Pages without a usable text layer (no characters, or mostly ``(cid:NNN)``
glyphs) are not read; the reader adds one ``needs_ocr`` warning listing
them ("pages 1,2,3 have no text layer; OCR needed") for the OCR stage.

Kangxi-radical and CJK-radical-supplement look-alikes that some PDF producers
emit (⾏ U+2F8F for 行) are mapped back to unified ideographs here, since they
are an artefact of the producer's ToUnicode map.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from typing import Optional

from models.document import Block, Document
from pipeline.errors import DocumentLoadError
from pipeline.readers.pdf_chars import (_CID, _PAGE_NO, _join_chars, dedupe_chars,  # noqa: F401
                                        fix_radicals)
from pipeline.readers.pdf_lines import _Line, _layout, _ordered_lines, _para_block, _paragraphs
from pipeline.readers.pdf_tables import _append_rows, _grid_raw, _table_grid


def _open(path: str, data: bytes):
    import pdfplumber  # heavy: imported only when a PDF is read
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages  # forces the page tree: corrupt files fail here
        return pdf
    except PDFPasswordIncorrect:
        raise DocumentLoadError(path, "encrypted PDF (password required)") from None
    except Exception as e:  # pdfminer raises many types for broken files
        cause = e.__cause__ or e.__context__ or e
        if isinstance(cause, PDFPasswordIncorrect) or "PDFPasswordIncorrect" in repr(e):
            raise DocumentLoadError(path, "encrypted PDF (password required)") from None
        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise DocumentLoadError(path, f"corrupt PDF ({msg[:120]})") from None


def _has_rules(page) -> bool:
    """True when the page draws lines/rectangles the table finder could use."""
    return bool(page.lines or page.rects)


@dataclass
class _Pages:
    """What the per-page pass collects for the assembly of the document."""

    lines: list[tuple[int, list[list[_Line]], list[tuple[float, Block]]]] = field(default_factory=list)
    table_xs: dict[int, list[float]] = field(default_factory=dict)  # id(table block) → column x-edges
    no_text: list[int] = field(default_factory=list)
    cid_pages: list[int] = field(default_factory=list)


def _page_chars(path: str, page, pno: int) -> list:
    """The page's chars inside the page box, fake-bold duplicates removed."""
    try:
        return dedupe_chars([c for c in page.chars
                             if c["x1"] > 0 and c["x0"] < page.width
                             and c["bottom"] > 0 and c["top"] < page.height])
    except Exception as e:
        raise DocumentLoadError(path, f"corrupt PDF (page {pno}: "
                                      f"{str(e).splitlines()[0][:100] if str(e) else type(e).__name__})") from None


def _read_page(path: str, page, pno: int, acc: _Pages) -> None:
    """Lines (by region) and table blocks of one page into ``acc``; a page
    without a usable text layer is noted in ``acc.no_text``."""
    chars = _page_chars(path, page, pno)
    visible = [c for c in chars if not c["text"].isspace()]
    cids = sum(1 for c in visible if _CID.match(c["text"]))
    if not visible or cids * 2 > len(visible):
        if visible or page.images or len(page.curves) > 20 or page.rects:
            acc.no_text.append(pno)
        acc.lines.append((pno, [], []))
        return
    if cids:
        acc.cid_pages.append(pno)
    tables: list[tuple[float, Block]] = []
    boxes = []
    if _has_rules(page):
        for t in page.find_tables():
            got = _table_grid(t, chars)
            if got is None:
                continue
            grid, xs = got
            b = Block(kind="table", raw="", page=pno, grid=grid, bbox=tuple(t.bbox))
            acc.table_xs[id(b)] = xs
            tables.append((t.bbox[1], b))
            boxes.append(t.bbox)

    def in_table(c) -> bool:
        cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        return any(x0 <= cx <= x1 and t0 <= cy <= t1 for x0, t0, x1, t1 in boxes)

    free = [c for c in chars if not in_table(c)] if boxes else chars
    regions, _ = _ordered_lines(free, float(page.width)) if free else ([], False)
    # drop page-number lines at the top/bottom edge of the page
    h = float(page.height)
    regions = [[ln for ln in reg if not (_PAGE_NO.match(ln.text) and (
        ln.top > 0.85 * h or ln.bottom < 0.12 * h))] for reg in regions]
    acc.lines.append((pno, [r for r in regions if r], tables))


def _page_blocks(regions: list[list[_Line]], tables: list[tuple[float, Block]], doc_layout,
                 pno: int) -> list[Block]:
    """Paragraphs of one page in reading order with its tables placed by
    vertical position (paragraph order within regions is kept: columns are
    already in reading order)."""
    page_blocks: list[tuple[float, Block]] = []
    for reg in regions:
        lay = doc_layout
        if len(regions) > 1 and len(reg) >= 5:
            lay = _layout(reg) or doc_layout  # a column has its own margins
        for para in _paragraphs(reg, lay):
            page_blocks.append((para[0].top, _para_block(para, lay, pno)))
    merged: list[Block] = []
    tables = sorted(tables, key=lambda t: t[0])
    ti = 0
    for top, b in page_blocks:
        while ti < len(tables) and tables[ti][0] < top and len(regions) <= 1:
            merged.append(tables[ti][1])
            ti += 1
        merged.append(b)
    merged.extend(t[1] for t in tables[ti:])
    return merged


def _assemble(acc: _Pages, warnings: list[tuple[str, str]]) -> list[Block]:
    """The document's blocks from the pages: a table continued at the top of
    the next page with the same columns is joined to its first part; the
    first block of every later page gets ``page_break_before``."""
    blocks: list[Block] = []
    all_lines = [ln for _, regs, _ in acc.lines for reg in regs for ln in reg]
    doc_layout = _layout(all_lines)
    prev_table: Optional[Block] = None
    for pno, regions, tables in acc.lines:
        merged = _page_blocks(regions, tables, doc_layout, pno)
        if not merged:
            continue
        first = merged[0]
        if (prev_table is not None and first.kind == "table"
                and blocks and blocks[-1] is prev_table
                and first.grid.n_cols == prev_table.grid.n_cols
                and all(abs(a - b) <= 2 for a, b in zip(acc.table_xs[id(first)],
                                                        acc.table_xs[id(prev_table)]))):
            _append_rows(prev_table.grid, first.grid)
            warnings.append(("table_continued",
                             f"table on page {prev_table.page} continues on page {pno}; "
                             "joined into one grid"))
            merged = merged[1:]
            if not merged:
                continue
        if pno > 1 and blocks:
            merged[0].page_break_before = True
        elif pno > 1 and not blocks and any(p < pno for p in acc.no_text):
            merged[0].page_break_before = True
        blocks.extend(merged)
        prev_table = merged[-1] if merged[-1].kind == "table" else None
    for b in blocks:
        if b.kind == "table":
            b.raw = _grid_raw(b.grid)
    return blocks


def read(path: str, data: bytes) -> Document:
    """Read a PDF (bytes ``data``, named ``path`` in messages) into a
    ``Document`` with ``format="pdf"``, ``pages`` = page count and blocks in
    reading order: paragraphs (``raw`` = lines joined by ``\\n``, 1-based
    ``page``, ``bbox`` in pt, size/bold/colour/alignment cues) and ruled
    tables as :class:`Grid` with spans (``raw`` = one tab-separated field per
    grid column, rows joined by ``\\n``). The first block of every page after
    the first has ``page_break_before=True``.

    Warnings: ``needs_ocr`` (pages without a text layer), ``unmapped_glyphs``
    (``(cid:N)`` glyphs replaced by U+FFFD), ``table_continued`` (a table
    joined across a page break).

    Raises :class:`DocumentLoadError`: ``encrypted PDF (password required)``
    or ``corrupt PDF (…)``.
    """
    pdf = _open(path, data)
    acc = _Pages()
    try:
        n_pages = len(pdf.pages)
        for pno, page in enumerate(pdf.pages, start=1):
            _read_page(path, page, pno, acc)
            page.close()
    finally:
        pdf.close()
    warnings: list[tuple[str, str]] = []
    blocks = _assemble(acc, warnings)
    no_text, cid_pages = acc.no_text, acc.cid_pages
    if no_text:
        pages = ",".join(str(p) for p in no_text)
        noun = "page" if len(no_text) == 1 else "pages"
        verb = "has" if len(no_text) == 1 else "have"
        warnings.append(("needs_ocr", f"{noun} {pages} {verb} no text layer; OCR needed"))
    if cid_pages:
        warnings.append(("unmapped_glyphs", "pages " + ",".join(map(str, cid_pages))
                         + " have glyphs without a Unicode mapping (shown as U+FFFD)"))
    return Document(path=path, sha256=hashlib.sha256(data).hexdigest(), format="pdf",
                    blocks=blocks, pages=n_pages, warnings=warnings)
