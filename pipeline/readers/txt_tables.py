"""Table layouts inside plain-text (.txt) circulars → :class:`models.Grid`.

API (stable; called by ``pipeline.readers.txt``)
------------------------------------------------
``split(lines: list[str]) -> list[tuple[str, object]]``

    ``lines`` are the file's lines without their line ends (``text.split("\\n")``
    after decoding). The result accounts for every line exactly once, in order:

    * ``("text", i)`` — ``lines[i]`` is not part of a table (it may be blank);
      the caller makes paragraphs from these as it likes.
    * ``("table", TableSpan(start, end, grid))`` — ``lines[start:end]`` form one
      table whose cells are in ``grid`` (a :class:`models.document.Grid`; cell
      ``raw`` = ``text`` = the cell as printed, continuation lines joined, outer
      whitespace stripped). Blank lines inside the span (row separators) belong
      to the table.

``grid_text(grid) -> str`` gives the Block text of a table (rows joined by
``\\n``, cells by ``\\t``, top-left cells only, the ``models.document.Block``
convention).

Layouts recognised (seen in exported circulars, gold NOTES.md 000/001/003)
---------------------------------------------------------------------------
1. Tab-separated rows: one line per table row, cells separated by ``\\t``;
   merged cells come out as empty padding cells, so every row has one cell per
   grid position (no spans can be recovered). Single blank lines between rows
   of the same width are tolerated. A run is a table when it has ≥ 2 rows, or
   one row with ≥ 3 cells of which ≥ 2 are non-empty (seed 000's lone header
   row); a single ``label\\tvalue`` line stays text.
2. One cell per line (seed 003): a line starting with a tab starts a new cell,
   a non-blank line without the indent continues the previous cell, and a blank
   line ends the row. A run is a table when ≥ 2 rows have ≥ 2 cells, or one
   row has ≥ 3 short cells; an indented prose paragraph stays text.

4. A list flattened one cell per line by a web copy (real excerpts): a header row
   opening with 序号/编号, its cells on lines of their own (blank lines between
   ignored), then rows each opening with the next row number 1, 2, 3 …; a row's
   empty cells are lost in such a copy, so the row length is the one that keeps
   the row numbers in step (short rows are padded with empty cells). Needs ≥ 3
   header cells and ≥ 2 rows.

3. Merge markers of the corpus sources (corpus/build.py): a cell whose whole
   text is ``<<`` belongs to the cell on its left, ``^^`` to the cell above;
   they become spans. A marker that cannot extend a rectangle stays text.

Ragged rows are kept as printed (positions a short row lacks have no cell);
``extractors.tables`` pads them and warns. Never raises on any input.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from models.document import Cell, Grid

# A continuation line that opens like this is the note under the table, not
# more cell text (seed 003 prints "注：表格不够可另附" after the last row).
_NOTE_START = re.compile(r"^\s*(?:备\s*注|注|说\s*明)\s*[:：]")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
# Longest cell text that still looks like a table cell rather than prose,
# for the one-row one-cell-per-line case (chars).
_SHORT_CELL = 30
_LEFT, _UP = "<<", "^^"


class TableSpan(NamedTuple):
    """Lines ``[start, end)`` of the input that form one table, and its grid."""

    start: int
    end: int
    grid: Grid


def _kind(line: str) -> str:
    """blank | cell (one-cell-per-line: leading tab, no other tab) | row (tabbed) | text."""
    if "\t" not in line:
        return "blank" if not line.strip() else "text"
    if line.startswith("\t") and line.count("\t") == 1:
        return "cell"
    return "row"


def _join(a: str, b: str) -> str:
    """Join a continuation line to its cell: no space between CJK characters
    (a wrapped Chinese cell), one space between Latin words."""
    a, b = a.rstrip(), b.strip()
    if not a or not b:
        return a + b
    if _CJK.match(a[-1]) or _CJK.match(b[0]):
        return a + b
    return a + " " + b


def _inside(c: Cell, r: int, k: int) -> bool:
    return c.row <= r < c.row + c.row_span and c.col <= k < c.col + c.col_span


def _grid(rows: list[list[str]]) -> Grid:
    """Rows of cell texts → Grid; ``<<`` / ``^^`` cells (the corpus source
    convention of corpus/build.py) merge into the cell left / above."""
    n_cols = max((len(r) for r in rows), default=0)
    own: list[list[Cell | None]] = [[None] * len(r) for r in rows]
    cells: list[Cell] = []
    for ri, r in enumerate(rows):
        for ci, t in enumerate(r):
            o = None
            if t == _LEFT and ci > 0:
                o = own[ri][ci - 1]
                if o is not None and not _inside(o, ri, ci):
                    if o.row == ri and o.col + o.col_span == ci:
                        o.col_span += 1
                    else:
                        o = None
            elif t == _UP and ri > 0 and ci < len(own[ri - 1]):
                o = own[ri - 1][ci]
                if o is not None and not _inside(o, ri, ci):
                    if o.col == ci and o.row + o.row_span == ri:
                        o.row_span += 1
                    else:
                        o = None
            if o is None:
                o = Cell(row=ri, col=ci, text=t, raw=t)
                cells.append(o)
            own[ri][ci] = o
    return Grid(n_rows=len(rows), n_cols=n_cols, cells=cells)


def _tab_run(lines: list[str], kinds: list[str], i: int):
    """Rows of a tab-separated run starting at ``i`` → (end, rows) or None."""
    rows: list[list[str]] = []
    j = i
    end = i
    while j < len(kinds):
        k = kinds[j]
        if k == "row" or (k == "cell" and rows and max(len(r) for r in rows) == 2):
            rows.append([c.strip() for c in lines[j].split("\t")])
            j += 1
            end = j
            continue
        # one blank line between rows of equal width: a spaced-out table
        if (k == "blank" and rows and j + 1 < len(kinds) and kinds[j + 1] == "row"
                and len(lines[j + 1].split("\t")) == len(rows[-1])):
            j += 1
            continue
        break
    if not rows or all(sum(1 for c in r if c) < 2 for r in rows):
        return None  # lines indented by tabs, one value each: text, not a table
    if len(rows) == 1:
        r = rows[0]
        if len(r) < 3 or sum(1 for c in r if c) < 2:
            return None
    return end, rows


def _cell_run(lines: list[str], kinds: list[str], i: int):
    """Rows of a one-cell-per-line run starting at ``i`` → (end, rows) or None."""
    rows: list[list[str]] = []
    cur: list[str] = []
    j = i
    end = i
    while j < len(kinds):
        k = kinds[j]
        if k == "cell":
            cur.append(lines[j][1:].strip())
            j += 1
            end = j
        elif k == "text" and cur and kinds[j - 1] in ("cell", "text") \
                and not _NOTE_START.match(lines[j]):
            cur[-1] = _join(cur[-1], lines[j])
            j += 1
            end = j
        elif k == "blank" and cur and j + 1 < len(kinds) and kinds[j + 1] == "cell":
            rows.append(cur)
            cur = []
            j += 1
        else:
            break
    if cur:
        rows.append(cur)
    wide = [r for r in rows if len(r) >= 2]
    if len(wide) >= 2:
        return end, rows
    if len(rows) == 1 and len(rows[0]) >= 3 and all(
            len(c) <= _SHORT_CELL and not c.endswith("。") for c in rows[0]):
        return end, rows
    return None


_HEAD_FIRST = re.compile(r"\s*(?:序\s*号|编\s*号)\s*")
_HEAD_CELL = re.compile(r"\s*[^\s，。；：:,;0-9]{1,12}\s*")


def _flat_run(lines: list[str], i: int):
    """Rows of a list flattened one cell per line from ``i`` (layout 4) → (end, rows) or None."""
    cells = [(j, lines[j].strip()) for j in range(i, min(len(lines), i + 2000)) if lines[j].strip()]
    head = 1
    while head < len(cells) and head <= 12 and _HEAD_CELL.fullmatch(cells[head][1]):
        head += 1
    if head < 3 or head >= len(cells) or cells[head][1] != "1":
        return None
    body = cells[head:]
    for width in range(head, 1, -1):  # the row length that keeps the row numbers in step
        starts = list(range(0, len(body), width))
        good = 0
        for r, k in enumerate(starts):
            if body[k][1] != str(r + 1) or any(len(c) > _SHORT_CELL or c.endswith("。") for _, c in body[k:k + width]):
                break
            good += 1
        if good >= 2 and (good == len(starts) or good >= 3):
            rows = [[c for _, c in cells[:head]]]
            rows += [[c for _, c in body[k:k + width]] + [""] * (head - width) for k in starts[:good]]
            last_line = body[min(starts[good - 1] + width, len(body)) - 1][0]  # the last row's last cell
            return last_line + 1, rows
    return None


def split(lines: list[str]) -> list[tuple[str, object]]:
    """Split text lines into ``("text", i)`` and ``("table", TableSpan)`` items
    (see the module docstring for the contract)."""
    kinds = [_kind(x) for x in lines]
    out: list[tuple[str, object]] = []
    i = 0
    while i < len(lines):
        k = kinds[i]
        found = None
        if k == "row":
            found = _tab_run(lines, kinds, i)
        elif k == "cell":
            found = _cell_run(lines, kinds, i)
        elif k == "text" and _HEAD_FIRST.fullmatch(lines[i]):
            found = _flat_run(lines, i)
        if found is None:
            out.append(("text", i))
            i += 1
            continue
        end, rows = found
        out.append(("table", TableSpan(i, end, _grid(rows))))
        i = end
    return out


def grid_text(grid: Grid) -> str:
    """A grid as Block text: rows joined by ``\\n``, cells by ``\\t``."""
    return "\n".join("\t".join(r) for r in grid.row_texts())
