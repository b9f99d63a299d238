"""Text lines and paragraphs of a PDF page: rows of chars → lines in
reading order (two columns read column by column when a clear gutter
exists) → paragraphs by layout (first-line indent, a previous line ending
short of the right margin, a vertical gap over 1.5 × the line pitch, a
font-size change, centring)."""
from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from models.document import Block
from pipeline.readers.pdf_chars import _hex_color, _join_chars, _rows

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


