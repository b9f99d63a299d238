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
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from models.document import Block, Cell, Document, Grid
from pipeline.errors import DocumentLoadError

# CJK Radicals Supplement → unified ideograph (Unicode EquivalentUnifiedIdeograph.txt);
# NFKC covers the Kangxi Radicals block (U+2F00–U+2FD5) but only two of these.
_RADICAL_SUPPLEMENT = {
    0x2E81: "厂", 0x2E86: "冂", 0x2E8A: "卜", 0x2E8C: "小", 0x2E8D: "小", 0x2E8E: "兀",
    0x2E90: "尢", 0x2E93: "幺", 0x2E94: "彑", 0x2E95: "彐", 0x2E96: "忄", 0x2E97: "心",
    0x2E98: "扌", 0x2E99: "攵", 0x2E9B: "旡", 0x2E9D: "月", 0x2E9F: "母", 0x2EA0: "民",
    0x2EA1: "氵", 0x2EA3: "灬", 0x2EA4: "爫", 0x2EA6: "丬", 0x2EA7: "牛", 0x2EA8: "犭",
    0x2EA9: "王", 0x2EAA: "疋", 0x2EAB: "罒", 0x2EAC: "示", 0x2EAD: "礻", 0x2EB2: "罓",
    0x2EB6: "羊", 0x2EB7: "羊", 0x2EB9: "耂", 0x2EBA: "肀", 0x2EBE: "艹", 0x2EBF: "艹",
    0x2EC0: "艹", 0x2EC1: "虎", 0x2EC2: "衤", 0x2EC3: "覀", 0x2EC4: "西", 0x2EC5: "见",
    0x2EC6: "角", 0x2EC8: "讠", 0x2EC9: "贝", 0x2ECB: "车", 0x2ECD: "辶", 0x2ECF: "阝",
    0x2ED3: "长", 0x2ED4: "门", 0x2ED6: "阝", 0x2ED8: "青", 0x2ED9: "韦", 0x2EDA: "页",
    0x2EDB: "风", 0x2EDC: "飞", 0x2EDD: "食", 0x2EE0: "饣", 0x2EE2: "马", 0x2EE3: "骨",
    0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE7: "卤", 0x2EE8: "麦", 0x2EE9: "黄",
    0x2EEC: "齐", 0x2EEE: "齿", 0x2EF0: "龙", 0x2EF3: "龟",
}

# A line that is only a page number: "- 3 -", "— 3 —", "3", "第 3 页", "第3页 共9页", "3/9"
_PAGE_NO = re.compile(
    r"^[\s\-—–－―─~·•]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*(?:/|共)\s*\d{1,4}\s*页?)?[\s\-—–－―─~·•]*$")
_CID = re.compile(r"^\(cid:\d+\)$")


def fix_radicals(text: str) -> str:
    """Map Kangxi radicals (U+2F00–U+2FD5, via NFKC), CJK Radicals Supplement
    look-alikes (table above) and CJK compatibility ideographs (U+F900–U+FAFF,
    NFKC) to unified ideographs; other characters are untouched.

    >>> fix_radicals("⾏政⽅⾯⻓期")
    '行政方面长期'
    """
    if not any(0x2E80 <= ord(c) <= 0x2FDF or 0xF900 <= ord(c) <= 0xFAFF for c in text):
        return text
    out = []
    for c in text:
        o = ord(c)
        if 0x2F00 <= o <= 0x2FD5 or 0xF900 <= o <= 0xFAFF:
            out.append(unicodedata.normalize("NFKC", c))
        elif 0x2E80 <= o <= 0x2EF3:
            out.append(_RADICAL_SUPPLEMENT.get(o, c))
        else:
            out.append(c)
    return "".join(out)


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF
            or 0x20000 <= o <= 0x2FFFF or 0x2010 <= o <= 0x206F)


_COLOR_CACHE: dict = {}


def _hex_color(c) -> Optional[str]:
    """pdfminer's non_stroking_color (gray, RGB or CMYK floats 0..1) as hex RGB."""
    try:
        return _COLOR_CACHE[c]
    except (KeyError, TypeError):
        pass
    out = _hex_color_uncached(c)
    try:
        if len(_COLOR_CACHE) < 1024:
            _COLOR_CACHE[c] = out
    except TypeError:
        pass  # unhashable (list) colour values
    return out


def _hex_color_uncached(c) -> Optional[str]:
    if c is None:
        return None
    if isinstance(c, (int, float)):
        c = (c,)
    try:
        vals = [float(v) for v in c]
    except (TypeError, ValueError):
        return None  # pattern colour spaces
    if len(vals) == 1:
        r = g = b = vals[0]
    elif len(vals) == 3:
        r, g, b = vals
    elif len(vals) == 4:
        cc, m, y, k = vals
        r, g, b = (1 - cc) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    else:
        return None
    return "".join(f"{max(0, min(255, round(v * 255))):02X}" for v in (r, g, b))


def dedupe_chars(chars: list, tol: float = 1.0) -> list:
    """Drop glyphs drawn again at (almost) the same place — the "fake bold"
    of PDF producers that print a title twice offset by a fraction of a
    point, which pdfplumber reads as "关关于于" (ECOSYSTEM.md §1a). Same rule
    as pdfplumber's ``Page.dedupe_chars`` (same text within ``tol`` pt in x
    and y; the first drawn is kept) at a fraction of its cost, which matters
    because it runs on every page.
    """
    kept: dict[str, list[tuple[float, float]]] = {}
    out = []
    for c in chars:
        x, y = c["x0"], c["top"]
        seen = kept.get(c["text"])
        if seen is None:
            kept[c["text"]] = [(x, y)]
        elif any(abs(x - a) <= tol and abs(y - b) <= tol for a, b in seen):
            continue
        else:
            seen.append((x, y))
        out.append(c)
    return out


# --------------------------------------------------------------------------
# lines
# --------------------------------------------------------------------------

@dataclass
class _Line:
    """One text line (or one column's part of a row)."""

    chars: list = field(default_factory=list)
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False
    color: Optional[str] = None

    def finish(self) -> "_Line":
        cs = sorted(self.chars, key=lambda c: c["x0"])
        self.chars = cs
        self.x0 = min(c["x0"] for c in cs)
        self.x1 = max(c["x1"] for c in cs)
        self.top = min(c["top"] for c in cs)
        self.bottom = max(c["bottom"] for c in cs)
        self.text = _join_chars(cs)
        visible = [c for c in cs if not c["text"].isspace()] or cs
        sizes = Counter(round(c["size"] * 2) / 2 for c in visible)
        self.size = sizes.most_common(1)[0][0]
        bold = sum(1 for c in visible if "bold" in (c.get("fontname") or "").lower())
        self.bold = bold * 2 > len(visible)
        colors = Counter(_hex_color(c.get("non_stroking_color")) for c in visible)
        self.color = colors.most_common(1)[0][0]
        return self


def _join_chars(cs: list) -> str:
    """Text of x-sorted chars of one line. A space is inserted for a visible
    gap: between two non-CJK glyphs a gap over 0.2 em is a word space; next to
    a CJK glyph only a gap over 1 em counts (producers auto-space CJK/Latin
    boundaries by ~0.25 em without a space glyph)."""
    out: list[str] = []
    prev = None
    for c in cs:
        t = c["text"]
        if _CID.match(t):
            t = "\ufffd"
        if prev is not None and not t.isspace() and out and not out[-1].isspace():
            gap = c["x0"] - prev["x1"]
            size = max(c["size"], prev["size"], 1.0)
            cjk = _is_cjk(t[:1] or " ") or _is_cjk(prev["text"][-1:] or " ")
            if gap > (1.0 if cjk else 0.2) * size:
                out.append(" ")
        out.append(t)
        prev = c
    return fix_radicals(re.sub(r"[ \u3000]{2,}", " ", "".join(out)).strip())


def _rows(chars: list) -> list[list]:
    """Cluster chars into rows: a char joins the current row when its
    vertical midpoint lies within the row's extent."""
    rows: list[list] = []
    cur: list = []
    top = bottom = 0.0
    for c in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        mid = (c["top"] + c["bottom"]) / 2
        if cur and top - 0.5 <= mid <= bottom + 0.5:
            cur.append(c)
            bottom = max(bottom, c["bottom"])
        else:
            if cur:
                rows.append(cur)
            cur = [c]
            top, bottom = c["top"], c["bottom"]
    if cur:
        rows.append(cur)
    return rows


def _segments(row: list) -> list[list]:
    """Split one row into horizontal runs separated by more than 1 em."""
    cs = sorted(row, key=lambda c: c["x0"])
    segs = [[cs[0]]]
    for c in cs[1:]:
        prev = segs[-1][-1]
        if c["x0"] - prev["x1"] > max(c["size"], prev["size"]):
            segs.append([c])
        else:
            segs[-1].append(c)
    return [s for s in segs if any(not ch["text"].isspace() for ch in s)]


def _find_gutter(rows: list[list[list]], width: float) -> Optional[float]:
    """x of a vertical gutter splitting the page into two text columns, or
    None. Cheap test on row segments: a position in the middle half of the
    page that almost no segment crosses, with many rows holding text on both
    sides."""
    segs = [(min(c["x0"] for c in s), max(c["x1"] for c in s)) for r in rows for s in r]
    if len(rows) < 8 or len(segs) < 12:
        return None
    best = None
    for x in range(int(width * 0.3), int(width * 0.7), 2):
        crossing = sum(1 for a, b in segs if a < x < b)
        if best is None or crossing < best[1]:
            best = (x, crossing)
    if best is None or best[1] > 0.1 * len(segs):
        return None
    x = best[0]
    # The gutter lies between the left column's right edge and the right
    # column's usual left edge (the most common x0 right of x) — not the
    # nearest glyph, which may belong to a centred title over both columns.
    rights = Counter(round(a) for a, b in segs if a >= x)
    if not rights:
        return None
    hi = float(rights.most_common(1)[0][0])
    lo = max((b for a, b in segs if b <= x), default=x)
    if hi - lo < 8:
        return None
    gx = (lo + hi) / 2
    if sum(1 for a, b in segs if a < gx < b) > 0.1 * len(segs):
        return None
    both = sum(1 for r in rows
               if any(max(c["x1"] for c in s) <= gx for s in r)
               and any(min(c["x0"] for c in s) >= gx for s in r))
    left = sum(1 for a, b in segs if b <= gx)
    right = sum(1 for a, b in segs if a >= gx)
    if both < 0.3 * len(rows) or left < 0.25 * len(segs) or right < 0.25 * len(segs):
        return None
    return gx


def _ordered_lines(chars: list, width: float) -> tuple[list[list[_Line]], bool]:
    """Lines of a page in reading order, grouped into regions (one region for
    a single-column page; for two columns, alternating bands of full-width
    lines and left-then-right column lines). Returns (regions, two_column)."""
    rows = _rows(chars)
    seg_rows = [_segments(r) for r in rows]
    seg_rows = [s for s in seg_rows if s]
    gutter = _find_gutter(seg_rows, width)
    if gutter is None:
        lines = [_Line(chars=[c for s in segs for c in s]).finish() for segs in seg_rows]
        return [lines], False
    regions: list[list[_Line]] = []
    left: list[_Line] = []
    right: list[_Line] = []

    def flush():
        for col in (left, right):
            if col:
                regions.append(list(col))
                col.clear()

    for segs in seg_rows:
        if any(min(c["x0"] for c in s) < gutter < max(c["x1"] for c in s) for s in segs):
            flush()
            regions.append([_Line(chars=[c for s in segs for c in s]).finish()])
            continue
        lcs = [c for s in segs if max(ch["x1"] for ch in s) <= gutter for c in s]
        rcs = [c for s in segs if min(ch["x0"] for ch in s) >= gutter for c in s]
        if lcs:
            left.append(_Line(chars=lcs).finish())
        if rcs:
            right.append(_Line(chars=rcs).finish())
    flush()
    return regions, True


# --------------------------------------------------------------------------
# paragraphs
# --------------------------------------------------------------------------

@dataclass
class _Layout:
    """Margins and line pitch used to split lines into paragraphs."""

    left: float
    right: float
    pitch: dict[float, float]
    body_size: float = 0.0  # the most common line font size
    indent: float = 0.0  # the usual first-line indent, pt from ``left``

    def pitch_for(self, size: float) -> float:
        return self.pitch.get(size) or 1.6 * size


def _layout(lines: list[_Line]) -> Optional[_Layout]:
    """Body margins (the most common left edge; the most common right edge of
    long lines) and, per font size, the median top-to-top distance of
    consecutive lines."""
    if not lines:
        return None
    # the leftmost edge shared by a good share of the lines: indented first
    # lines may outnumber flush ones on a page of short paragraphs
    lefts = Counter(round(ln.x0) for ln in lines)
    common = [x for x, n in lefts.items() if n >= max(2, 0.1 * len(lines))]
    left = float(min(common) if common else lefts.most_common(1)[0][0])
    # merge jitter: the smallest x within 2 pt of the mode
    left = min((ln.x0 for ln in lines if abs(ln.x0 - left) <= 2), default=left)
    rights = Counter(round(ln.x1) for ln in lines if ln.x1 - ln.x0 > 0.5 * (max(
        l2.x1 for l2 in lines) - left))
    right = float(rights.most_common(1)[0][0]) if rights else max(ln.x1 for ln in lines)
    right = max((ln.x1 for ln in lines if abs(ln.x1 - right) <= 2), default=right)
    deltas: dict[float, list[float]] = {}
    for a, b in zip(lines, lines[1:]):
        d = b.top - a.top
        if a.size == b.size and 0 < d < 3 * a.size:
            deltas.setdefault(a.size, []).append(d)
    pitch = {s: statistics.median(v) for s, v in deltas.items()}
    body = Counter(ln.size for ln in lines).most_common(1)[0][0]
    # GB/T 9704-2012 §7.3.3 body paragraphs indent two characters; take what the file does
    indents = Counter(round(ln.x0 - left) for ln in lines
                      if 0.8 * ln.size < ln.x0 - left < 4 * ln.size and ln.size == body)
    indent = float(indents.most_common(1)[0][0]) if indents else 2.0 * body
    return _Layout(left, right, pitch, body, indent)


def _balanced(ln: _Line, lay: _Layout) -> bool:
    """Left and right margins about equal (centring is exact up to a
    fraction of a glyph; a body line's indent and ragged end rarely are)."""
    tol = max(0.6 * ln.size, 0.015 * (lay.right - lay.left))
    return abs((ln.x0 - lay.left) - (lay.right - ln.x1)) <= tol


def _centred(ln: _Line, lay: _Layout) -> bool:
    """Balanced margins and visibly narrower than the measure (a 版记 line
    indented one character on both sides is not a centred line)."""
    return ln.x0 > lay.left + ln.size * 1.5 and _balanced(ln, lay)


_LABEL_END = set("：:、.．)）")
_SENTENCE_END = set("。！？；：!?;:”’」』")


def _indent_continues(prev: _Line, ln: _Line, lay: _Layout) -> bool:
    """True when an indented line continues the previous (full) line:

    * block indent — same x0 as the previous line, and that x0 is not the
      document's usual first-line indent (two indented one-line paragraphs
      in a row would look the same): "1. 2018年…申报" / "表" in a 附件 list;
    * hanging indent — x0 aligned under the text after the previous line's
      label ("抄送：市国资委…" / "科技局…", "1.…" / "…").
    """
    tol = 2.0
    if abs(ln.x0 - prev.x0) <= tol:
        # the previous line must really fill the measure: a short item line
        # ("4. …登记表") ends its paragraph
        if prev.x1 < lay.right - 0.6 * prev.size:
            return False
        if abs(prev.x0 - (lay.left + lay.indent)) > 0.5 * prev.size:
            return True
        # at the usual first-line indent: continue only a line that stops
        # mid-sentence ("…主题活动" / "申报表"), not one ending a sentence
        return not prev.text or prev.text[-1] not in _SENTENCE_END
    if prev.x1 < lay.right - 1.5 * prev.size:
        return False
    for i, c in enumerate(prev.chars[:8]):
        if c["text"] in _LABEL_END and i + 1 < len(prev.chars):
            nxt = prev.chars[i + 1]
            if abs(ln.x0 - nxt["x0"]) <= tol:
                return True
    return False


def _paragraphs(lines: list[_Line], lay: _Layout) -> list[list[_Line]]:
    """Group consecutive lines into paragraphs (rules in the module doc)."""
    paras: list[list[_Line]] = []
    for ln in lines:
        if not paras:
            paras.append([ln])
            continue
        prev = paras[-1][-1]
        size = max(ln.size, 1.0)
        new = False
        if abs(ln.size - prev.size) > 0.5:
            new = True
        elif ln.top - prev.top > 1.5 * lay.pitch_for(prev.size):
            new = True
        else:
            c_prev, c_this = _centred(prev, lay), _centred(ln, lay)
            if c_prev or c_this:
                # A centred multi-line title continues only with centred lines in
                # the same style; its first line may fill the measure, so it counts
                # as centred when balanced and set apart from body text (larger/bold).
                lead = c_prev or (_balanced(prev, lay) and (prev.bold or prev.size > lay.body_size))
                new = not (lead and c_this and prev.bold == ln.bold)
            elif ln.x0 > lay.left + 0.8 * size:
                # first-line indent (or a right-aligned line) — unless the previous
                # line was full and this one keeps a block or hanging indent
                new = not _indent_continues(prev, ln, lay)
            elif prev.x1 < lay.right - 1.5 * size:
                new = True  # previous line stopped short: it ended its paragraph
        if new:
            paras.append([ln])
        else:
            paras[-1].append(ln)
    return paras


def _para_block(lines: list[_Line], lay: _Layout, page: int) -> Block:
    text = "\n".join(ln.text for ln in lines)
    chars = [c for ln in lines for c in ln.chars if not c["text"].isspace()]
    sizes = Counter(round(c["size"] * 2) / 2 for c in chars)
    bold = sum(1 for c in chars if "bold" in (c.get("fontname") or "").lower())
    colors = Counter(_hex_color(c.get("non_stroking_color")) for c in chars)
    first = lines[0]
    if all(_balanced(ln, lay) for ln in lines) and any(_centred(ln, lay) for ln in lines):
        align = "center"
    elif first.x1 >= lay.right - first.size * 0.5 and first.x0 > lay.left + 3 * first.size \
            and len(lines) == 1:
        align = "right"
    elif len(lines) > 1 and all(ln.x1 >= lay.right - 1.5 * ln.size for ln in lines[:-1]):
        align = "justify"
    else:
        align = "left"
    return Block(kind="paragraph", raw=text, page=page, align=align,
                 bold=(bold * 2 > len(chars)) if chars else None,
                 color=colors.most_common(1)[0][0] if colors else None,
                 size=sizes.most_common(1)[0][0] if sizes else None,
                 bbox=(min(ln.x0 for ln in lines), min(ln.top for ln in lines),
                       max(ln.x1 for ln in lines), max(ln.bottom for ln in lines)))


# --------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------

def _cluster(values: list[float], tol: float = 1.5) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - v))


def _cell_text(chars: list, bbox) -> str:
    """Text of the chars whose centre lies in ``bbox``: lines joined with
    nothing, as a wrapped cell reads ("负责人" + "姓名及职务")."""
    x0, top, x1, bottom = bbox
    inside = [c for c in chars if x0 <= (c["x0"] + c["x1"]) / 2 <= x1
              and top <= (c["top"] + c["bottom"]) / 2 <= bottom]
    if not inside:
        return ""
    return "".join(_join_chars(sorted(r, key=lambda c: c["x0"])) for r in _rows(inside))


def _table_grid(table, chars: list) -> Optional[tuple[Grid, list[float]]]:
    """A pdfplumber table as a true grid. Merged cells (``None`` in
    pdfplumber's row output) are rebuilt from the cell boxes: a box spanning
    several grid columns/rows gets col_span/row_span. Returns the grid and
    its column x-edges, or None for a lone box (a framed paragraph)."""
    boxes = list(table.cells)
    if not boxes:
        return None
    xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes])
    n_cols, n_rows = len(xs) - 1, len(ys) - 1
    if n_cols < 1 or n_rows < 1 or n_cols * n_rows < 2:
        return None
    cells: list[Cell] = []
    seen: set[tuple[int, int]] = set()
    for b in sorted(boxes, key=lambda b: (b[1], b[0])):
        c0, c1 = _index(xs, b[0]), _index(xs, b[2])
        r0, r1 = _index(ys, b[1]), _index(ys, b[3])
        if c1 <= c0 or r1 <= r0 or (r0, c0) in seen:
            continue
        seen.add((r0, c0))
        cells.append(Cell(row=r0, col=c0, text="", raw=_cell_text(chars, b),
                          row_span=r1 - r0, col_span=c1 - c0))
    return Grid(n_rows=n_rows, n_cols=n_cols, cells=cells), xs


def _grid_raw(grid: Grid) -> str:
    """Rows joined by newlines, one tab-separated field per grid column
    (positions covered by a span are empty)."""
    return "\n".join("\t".join(c.raw if c is not None else "" for c in row)
                     for row in grid.rows())


def _append_rows(base: Grid, more: Grid) -> None:
    """Join a table continued on the next page onto ``base``; a repeated
    header row (same texts as the first row) is dropped."""
    first = [c.raw for c in base.cells if c.row == 0]
    cont_first = [c.raw for c in more.cells if c.row == 0]
    skip = 1 if first and first == cont_first and more.n_rows > 1 else 0
    for c in more.cells:
        if c.row < skip:
            continue
        base.cells.append(Cell(row=c.row - skip + base.n_rows, col=c.col, text="", raw=c.raw,
                               row_span=c.row_span, col_span=c.col_span))
    base.n_rows += more.n_rows - skip


# --------------------------------------------------------------------------
# the reader
# --------------------------------------------------------------------------

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
    blocks: list[Block] = []
    warnings: list[tuple[str, str]] = []
    no_text: list[int] = []
    cid_pages: list[int] = []
    page_lines: list[tuple[int, list[list[_Line]], list[tuple[float, Block]]]] = []
    table_xs: dict[int, list[float]] = {}
    try:
        n_pages = len(pdf.pages)
        for pno, page in enumerate(pdf.pages, start=1):
            try:
                chars = dedupe_chars([c for c in page.chars
                                      if c["x1"] > 0 and c["x0"] < page.width
                                      and c["bottom"] > 0 and c["top"] < page.height])
            except Exception as e:
                raise DocumentLoadError(path, f"corrupt PDF (page {pno}: "
                                              f"{str(e).splitlines()[0][:100] if str(e) else type(e).__name__})") from None
            visible = [c for c in chars if not c["text"].isspace()]
            cids = sum(1 for c in visible if _CID.match(c["text"]))
            if not visible or cids * 2 > len(visible):
                if visible or page.images or len(page.curves) > 20 or page.rects:
                    no_text.append(pno)
                page_lines.append((pno, [], []))
                continue
            if cids:
                cid_pages.append(pno)
            tables: list[tuple[float, Block]] = []
            boxes = []
            if _has_rules(page):
                for t in page.find_tables():
                    got = _table_grid(t, chars)
                    if got is None:
                        continue
                    grid, xs = got
                    b = Block(kind="table", raw="", page=pno, grid=grid, bbox=tuple(t.bbox))
                    table_xs[id(b)] = xs
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
            page_lines.append((pno, [r for r in regions if r], tables))
            page.close()
    finally:
        pdf.close()

    all_lines = [ln for _, regs, _ in page_lines for reg in regs for ln in reg]
    doc_layout = _layout(all_lines)
    prev_table: Optional[Block] = None
    for pno, regions, tables in page_lines:
        page_blocks: list[tuple[float, Block]] = []
        for reg in regions:
            lay = doc_layout
            if len(regions) > 1 and len(reg) >= 5:
                lay = _layout(reg) or doc_layout  # a column has its own margins
            for para in _paragraphs(reg, lay):
                page_blocks.append((para[0].top, _para_block(para, lay, pno)))
        # tables take their place by vertical position; paragraph order within
        # regions is kept (columns are already in reading order)
        merged: list[Block] = []
        tables = sorted(tables, key=lambda t: t[0])
        ti = 0
        for top, b in page_blocks:
            while ti < len(tables) and tables[ti][0] < top and len(regions) <= 1:
                merged.append(tables[ti][1])
                ti += 1
            merged.append(b)
        merged.extend(t[1] for t in tables[ti:])
        if not merged:
            continue
        first = merged[0]
        if (prev_table is not None and first.kind == "table"
                and blocks and blocks[-1] is prev_table
                and first.grid.n_cols == prev_table.grid.n_cols
                and all(abs(a - b) <= 2 for a, b in zip(table_xs[id(first)],
                                                        table_xs[id(prev_table)]))):
            _append_rows(prev_table.grid, first.grid)
            warnings.append(("table_continued",
                             f"table on page {prev_table.page} continues on page {pno}; "
                             "joined into one grid"))
            merged = merged[1:]
            if not merged:
                continue
        if pno > 1 and blocks:
            merged[0].page_break_before = True
        elif pno > 1 and not blocks and any(p < pno for p in no_text):
            merged[0].page_break_before = True
        blocks.extend(merged)
        prev_table = merged[-1] if merged[-1].kind == "table" else None
    for b in blocks:
        if b.kind == "table":
            b.raw = _grid_raw(b.grid)

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
