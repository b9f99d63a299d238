"""Ruled tables of a PDF page (pdfplumber's table finder) rebuilt as true
grids with row/column spans, and a table continued across a page break."""
from __future__ import annotations

from typing import Optional

from models.document import Cell, Grid
from pipeline.readers.pdf_chars import _join_chars, _rows

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


