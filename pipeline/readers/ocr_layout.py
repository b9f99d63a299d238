"""Page layout of OCR text boxes: rows, paragraphs and ruled tables → ``Block`` s.

:func:`layout_page` turns the text boxes of one page into blocks in reading order:

* boxes → visual rows (vertical overlap) → paragraphs, using the cues a
  typeset 公文 page gives (GB/T 9704-2012 §5.2: 2-character first-line indent,
  justified lines that run to the right margin, centred titles);
* ruling lines (:mod:`pipeline.readers.ocr_rulings`) → table grids with
  row/column spans; text boxes are assigned to the cells by their centre;
* page numbers (``— 1 —``, GB/T 9704-2012 §7.5) are dropped.

Positions are in PDF points (``bbox = x0, top, x1, bottom``) via the
caller's ``pt_per_px``; with ``origin="ocr"`` every block has
``confidence`` = the lowest line confidence in it. The OFD reader uses the
same layout for its positioned text objects (``origin`` of its own).
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Optional

from models.document import Block, Cell, Grid
from pipeline.readers.ocr_rulings import TableRegion, find_tables, grid_cells
from pipeline.readers.ocr_text import fix_text

# Below this RapidOCR line score the text is often wrong in one or two
# characters (measured on the scanned seeds: clean lines score ≥ 0.9).
LOW_CONFIDENCE = 0.8


@dataclass
class OcrBox:
    """One text box from the engine, axis-aligned, in image pixels."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    conf: float

    @property
    def h(self) -> float:
        return self.y1 - self.y0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2



# --- rows and paragraphs -----------------------------------------------------

@dataclass
class _Row:
    boxes: list[OcrBox]
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    text: str = ""
    conf: float = 1.0

    @property
    def h(self) -> float:
        return self.y1 - self.y0


def _rows(boxes: list[OcrBox], fix: bool = True) -> list[_Row]:
    """Group boxes into visual rows (vertical overlap ≥ half the smaller
    height), left to right; rows top to bottom."""
    rows: list[_Row] = []
    for b in sorted(boxes, key=lambda b: (b.cy, b.x0)):
        best = None
        for r in rows[-3:]:
            ov = min(b.y1, r.y1) - max(b.y0, r.y0)
            if ov >= 0.5 * min(b.h, r.h):
                best = r
        if best is None:
            best = _Row([])
            rows.append(best)
            best.y0, best.y1 = b.y0, b.y1
        best.boxes.append(b)
        best.y0, best.y1 = min(best.y0, b.y0), max(best.y1, b.y1)
    for r in rows:
        r.boxes.sort(key=lambda b: b.x0)
        r.x0 = min(b.x0 for b in r.boxes)
        r.x1 = max(b.x1 for b in r.boxes)
        hs = statistics.median(b.h for b in r.boxes)
        parts = []
        for i, b in enumerate(r.boxes):
            if i and b.x0 - r.boxes[i - 1].x1 > 0.8 * hs:
                parts.append(" ")  # a visible gap: 联系人：张三   电话：…
            parts.append(b.text)
        r.text = fix_text("".join(parts)) if fix else "".join(parts).strip()
        r.conf = min(b.conf for b in r.boxes)
    rows.sort(key=lambda r: (r.y0 + r.y1) / 2)
    return rows


def _char_width(r: _Row) -> float:
    n = sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in r.text if not ch.isspace())
    return (r.x1 - r.x0) / n if n else r.h


# A paragraph runs on to the next page only from the foot of the text area:
# GB/T 9704-2012 §5.2.1 puts the bottom of the 版心 at 262 of 297 mm (0.88 of
# the page); the last line of a full page ends at 0.85-0.88 of the height on
# the scanned seeds. Three lines of slack (0.75) for scanner offsets. A short
# page whose last line merely happens to reach the right margin (seed 001
# page 8: two lines, then blank) must not swallow the next page's 附件2 label.
FOOT = 0.75

# an enumeration label opening a line: 1. 1、 (1) （一） 一、 第一
_ENUM = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|[(（]\s*[\d一二三四五六七八九十]{1,3}\s*[)）]|"
                   r"[一二三四五六七八九十]{1,3}\s*、|第[一二三四五六七八九十]{1,3})")
_PAGE_NO = re.compile(r"^[\-—–－一~～_\s]*\d{1,3}[\-—–－一~～_\s]*$")


@dataclass
class PageLayout:
    """The blocks of one OCR'd page plus what cross-page merging needs."""

    blocks: list[Block]
    warnings: list[tuple[str, str]]
    last_open: bool = False  # the last paragraph runs to the right margin at the foot of the page (FOOT)
    first_cont: bool = False  # the first paragraph starts at the margin, unindented
    boxes: int = 0


def _cell_text(boxes: list[OcrBox], fix: bool = True) -> str:
    return "".join(r.text.replace(" ", "") for r in _rows(boxes, fix)) if boxes else ""


def _table_blocks(tables: list[TableRegion], boxes: list[OcrBox], page: int, pt_per_px: float,
                  origin: str, warnings: list[tuple[str, str]]
                  ) -> tuple[list[tuple[float, Block]], list[OcrBox]]:
    """Table blocks (with their top y) for the ruled ``tables`` that hold
    text boxes, and the boxes left outside them. Rulings without vertical
    lines are read as text (``table_as_text`` when there are ≥ 4 of them)."""
    is_ocr = origin == "ocr"
    items: list[tuple[float, Block]] = []
    rest = list(boxes)
    for t in tables:
        inside = [b for b in rest if t.x0 - 3 <= b.cx <= t.x1 + 3 and t.y0 - 3 <= b.cy <= t.y1 + 3]
        if not inside:
            continue
        if not t.cols:
            if len(t.rows) >= 4:  # two or three rules: a 版记 or underlines, not a table
                warnings.append(("table_as_text", f"page {page}: ruled table without vertical rulings read as text"))
            continue
        rest = [b for b in rest if b not in inside]
        cells = []
        for (r0, c0, rs, cs) in grid_cells(t):
            xa, xb = t.cols[c0], t.cols[c0 + cs]
            ya, yb = t.rows[r0], t.rows[r0 + rs]
            mine = [b for b in inside if xa <= b.cx < xb and ya <= b.cy < yb]
            text = _cell_text(mine, is_ocr)
            cells.append(Cell(row=r0, col=c0, text=text, raw=text, row_span=rs, col_span=cs))
        grid = Grid(n_rows=len(t.rows) - 1, n_cols=len(t.cols) - 1, cells=cells)
        raw = "\n".join("\t".join(r) for r in grid.row_texts())
        conf = min(b.conf for b in inside)
        items.append((t.y0, Block(kind="table", raw=raw, page=page, origin=origin, grid=grid,
                                  confidence=round(conf, 3) if is_ocr else None,
                                  bbox=_pt((t.x0, t.y0, t.x1, t.y1), pt_per_px))))
        for b in inside:
            if is_ocr and b.conf < LOW_CONFIDENCE:
                warnings.append(("low_confidence",
                                 f"page {page} table cell: '{b.text[:30]}' confidence {b.conf:.2f}"))
    return items, rest


class _Column:
    """The text column of a page and the alignment tests made against it
    (units: box units; ``cw`` = median character width of body lines)."""

    def __init__(self, rows: list[_Row], tables: list[TableRegion]):
        # The outermost rows of some length (justified lines run margin to
        # margin) and any table, which spans the column too.
        sized = [r for r in rows if len(r.text) >= 4] or rows
        self.left = min([r.x0 for r in sized] + [t.x0 for t in tables if t.cols])
        self.right = max([r.x1 for r in sized] + [t.x1 for t in tables if t.cols])
        body = [r for r in sized if r.x1 - r.x0 >= 0.6 * (self.right - self.left)] or sized
        self.cw = statistics.median(_char_width(r) for r in body)
        self.body_h = statistics.median(r.h for r in rows)  # most rows on a page are body text
        gaps = [b.y0 - a.y1 for a, b in zip(rows, rows[1:]) if b.y0 > a.y1]
        self.line_gap = statistics.median(gaps) if gaps else self.cw * 0.5

    def centred(self, r: _Row) -> bool:
        lm, rm, cw = r.x0 - self.left, self.right - r.x1, self.cw
        if abs(lm - 2 * cw) < 0.5 * cw and r.h <= 1.08 * self.body_h:
            return False  # the 2-character first-line indent of body text
        return lm > 1.2 * cw and rm > 1.2 * cw and abs(lm - rm) < 1.5 * cw

    def symmetric(self, r: _Row) -> bool:
        return abs((r.x0 - self.left) - (self.right - r.x1)) < 1.5 * self.cw

    def right_aligned(self, r: _Row) -> bool:
        return r.x0 - self.left > 6 * self.cw and self.right - r.x1 < 2.5 * self.cw and not self.centred(r)

    def indented(self, r: _Row) -> bool:
        return r.x0 - self.left > 0.9 * self.cw

    def reaches_right(self, r: _Row) -> bool:
        return self.right - r.x1 < 1.5 * self.cw

    def titleish(self, prev: _Row, r: _Row) -> bool:
        # A nearly full-width heading in a larger size above body text: centred,
        # so its margins match to within a character. The first line of a body
        # paragraph (2-character indent, running to the right margin) differs
        # by more, and its box may be 10 % taller than the next line's.
        return (prev.x0 - self.left > 0.9 * self.cw and prev.h > 1.1 * r.h
                and abs((prev.x0 - self.left) - (self.right - prev.x1)) < 1.0 * self.cw)

    def hanging(self, r: _Row, para: list[_Row]) -> bool:
        # wrapped item of a hanging list (附件：1.…) aligned under its own text
        first = para[0]
        if _ENUM.match(r.text) and _ENUM.match(first.text):
            return False  # the next item of the list
        if first.x0 - self.left > 2.5 * self.cw and abs(r.x0 - first.x0) < 0.6 * self.cw:
            return True
        return first.text.startswith("附件") and r.x0 > first.x0 + 0.5 * self.cw


def _paragraphs(rows: list[_Row], col: _Column) -> list[list[_Row]]:
    """Rows grouped into paragraphs: a title over two or three centred lines,
    or a line that runs to the right margin continued by an unindented one."""
    paras: list[list[_Row]] = []
    for r in rows:
        if paras:
            prev = paras[-1][-1]
            gap = r.y0 - prev.y1
            same_size = abs(r.h - prev.h) < 0.2 * max(r.h, prev.h)
            big = r.h > 1.08 * col.body_h and prev.h > 1.08 * col.body_h
            if col.symmetric(prev) and col.centred(r) and same_size and (col.centred(prev) or big) \
                    and gap < col.line_gap + 0.6 * r.h and len(paras[-1]) < 4:
                paras[-1].append(r)  # a title over two or three centred lines
                continue
            cont = (col.reaches_right(prev) and not col.centred(prev) and not col.centred(r)
                    and (not col.indented(r) or col.hanging(r, paras[-1]))
                    and not col.titleish(prev, r) and gap < col.line_gap + 0.7 * r.h)
            if cont:
                paras[-1].append(r)
                continue
        paras.append([r])
    return paras


def _para_block(p: list[_Row], col: _Column, page: int, pt_per_px: float, origin: str) -> Block:
    first = p[0]
    is_ocr = origin == "ocr"
    conf = min(r.conf for r in p)
    is_centred = col.centred(p[-1]) and all(col.symmetric(r) for r in p)
    align = "center" if is_centred else "right" if col.right_aligned(first) else "left"
    x0 = min(r.x0 for r in p)
    x1 = max(r.x1 for r in p)
    sz = statistics.median(r.h for r in p) * pt_per_px * 0.8  # box height ≈ 1.25 em
    return Block(kind="paragraph", raw="".join(r.text for r in p), page=page, origin=origin,
                 align=align, size=round(sz, 1), confidence=round(conf, 3) if is_ocr else None,
                 bbox=_pt((x0, first.y0, x1, p[-1].y1), pt_per_px))


def layout_page(boxes: list[OcrBox], gray, page: int, pt_per_px: float, *,
                tables: Optional[list[TableRegion]] = None, height: Optional[float] = None,
                origin: str = "ocr") -> PageLayout:
    """Blocks of one page from its text boxes (see module doc).

    ``gray`` is the greyscale page image whose rulings give the tables, or
    None when ``tables`` are given (vector formats such as OFD pass their
    own, with ``height`` = page height in box units). ``page`` is 1-based;
    ``pt_per_px`` converts box units to points (72/dpi; 72/25.4 for mm).
    ``origin="ocr"`` also applies :func:`fix_text` and the confidence
    warnings: ``low_confidence`` per line below :data:`LOW_CONFIDENCE`,
    ``table_as_text`` when rulings were found but no cell grid.
    """
    is_ocr = origin == "ocr"
    H = gray.shape[0] if gray is not None else (height or max([b.y1 for b in boxes] + [1.0]))
    warnings: list[tuple[str, str]] = []
    if tables is None:
        tables = find_tables(gray) if boxes and gray is not None else []
    items, rest = _table_blocks(tables, boxes, page, pt_per_px, origin, warnings)
    rows = _rows(rest, is_ocr)
    # page numbers: a lone number, maybe between dashes, in the top 10 % or bottom 15 % of the page
    rows = [r for r in rows
            if not (_PAGE_NO.match(r.text) and (r.y0 > 0.85 * H or r.y1 < 0.1 * H))]
    layout = PageLayout([], warnings, boxes=len(boxes))
    if not rows:
        layout.blocks = [b for _, b in sorted(items, key=lambda x: x[0])]
        return layout
    col = _Column(rows, tables)
    paras = _paragraphs(rows, col)
    for p in paras:
        items.append((p[0].y0, _para_block(p, col, page, pt_per_px, origin)))
        for r in p:
            if is_ocr and r.conf < LOW_CONFIDENCE:
                warnings.append(("low_confidence",
                                 f"page {page} line at {r.y0 * pt_per_px:.0f} pt: "
                                 f"'{r.text[:30]}' confidence {r.conf:.2f}"))
    items.sort(key=lambda x: x[0])
    layout.blocks = [b for _, b in items]
    if layout.blocks and layout.blocks[-1].kind == "paragraph":
        last = paras[-1][-1]
        layout.last_open = (col.reaches_right(last) and not col.centred(last)
                            and last.y1 >= FOOT * H)
    if layout.blocks and layout.blocks[0].kind == "paragraph":
        f = paras[0][0]
        layout.first_cont = not col.indented(f) and not col.centred(f)
    return layout


def _pt(b: tuple[float, float, float, float], k: float) -> tuple[float, float, float, float]:
    return (round(b[0] * k, 1), round(b[1] * k, 1), round(b[2] * k, 1), round(b[3] * k, 1))



def join_pages(layouts: list[tuple[int, PageLayout]]) -> list[Block]:
    """Concatenate page layouts (``(page, layout)`` in page order), joining a
    paragraph that runs off the bottom of page N into the unindented first
    paragraph of page N+1 (one sentence split by the page break). The first
    block of each later page gets ``page_break_before``."""
    out: list[Block] = []
    prev_page: Optional[int] = None
    prev_open = False
    for page, lay in layouts:
        blocks = list(lay.blocks)
        if (out and prev_open and lay.first_cont and prev_page is not None
                and page == prev_page + 1 and blocks and out[-1].kind == "paragraph"):
            head = blocks.pop(0)
            tail = out[-1]
            tail.raw += head.raw
            if head.confidence is not None and tail.confidence is not None:
                tail.confidence = min(tail.confidence, head.confidence)
        if blocks and out:
            blocks[0].page_break_before = True
        out.extend(blocks)
        prev_open = lay.last_open if lay.blocks else False
        prev_page = page
    return out
