"""Tables of the .docx reader (:mod:`pipeline.readers.docx`): a ``w:tbl``
read into a true :class:`Grid` — ``gridSpan`` → col_span, ``vMerge``
restart/continue → row_span (walking down the same grid column),
``gridBefore``/``gridAfter`` skip grid columns, legacy ``hMerge`` folds into
the previous cell, nested tables go to ``Grid.nested`` (ECMA-376 §17.4)."""
from __future__ import annotations

from typing import Optional

from models.document import Block, Cell, Grid
from pipeline.readers.docx_styles import on

# one row as read: (grid column, col_span, text, vMerge value or None)
_Row = list[tuple[int, int, str, Optional[str]]]


class TableReader:
    """The table part of the body reader; mixed into ``docx._Reader``, whose
    ``ns``, ``blocks``, ``warnings``, ``pending_break`` and ``_paragraph``
    it uses."""

    def _rows(self, tbl):
        """The w:tr of a table, looking through row-level sdt/customXml."""
        ns = self.ns
        for ch in tbl:
            if ch.tag == ns("tr"):
                yield ch
            elif ch.tag in (ns("sdt"), ns("customXml"), ns("ins")):
                inner = ch.find(ns("sdtContent")) if ch.tag == ns("sdt") else ch
                if inner is not None:
                    yield from self._rows(inner)

    def _cells(self, tr):
        ns = self.ns
        for ch in tr:
            if ch.tag == ns("tc"):
                yield ch
            elif ch.tag in (ns("sdt"), ns("customXml"), ns("ins")):
                inner = ch.find(ns("sdtContent")) if ch.tag == ns("sdt") else ch
                if inner is not None:
                    yield from self._cells(inner)

    def _cell_text(self, tc, grids: list[Grid], textboxes: list) -> str:
        """A cell's text: its paragraphs joined with nothing (a cell wrapped
        over lines "负责人/姓名及职务" reads "负责人姓名及职务"); nested
        tables are read into ``grids`` and their text appended."""
        ns = self.ns
        parts: list[str] = []
        for ch in tc:
            if ch.tag == ns("p"):
                saved = self.blocks
                self.blocks = []
                brk = self.pending_break
                self._paragraph(ch, "body")
                self.pending_break = brk
                for b in self.blocks:
                    if b.origin == "textbox":
                        textboxes.append(b)
                    else:
                        parts.append(b.raw)
                self.blocks = saved
            elif ch.tag == ns("tbl"):
                g, raw, tbs = self._grid(ch)
                grids.append(g)
                grids.extend(g.nested)
                g.nested = []
                textboxes.extend(tbs)
                parts.append(raw.replace("\n", " ").replace("\t", " "))
            elif ch.tag in (ns("sdt"), ns("customXml")):
                inner = ch.find(ns("sdtContent")) if ch.tag == ns("sdt") else ch
                if inner is not None:
                    parts.append(self._cell_text(inner, grids, textboxes))
        return "".join(parts)

    def _int_attr(self, parent, local: str, default: int) -> int:
        """``w:val`` of child ``local`` of ``parent`` as an int (``default``
        when absent; ``ValueError`` when not a number)."""
        el = parent.find(self.ns(local)) if parent is not None else None
        if el is None:
            return default
        return int(self.ns.attr(el, "val"))

    def _read_row(self, tr, nested: list[Grid], textboxes: list) -> tuple[_Row, int]:
        """One w:tr → its cells and the number of grid columns it covers."""
        ns = self.ns
        trpr = tr.find(ns("trPr"))
        try:
            col = self._int_attr(trpr, "gridBefore", 0)
            after = self._int_attr(trpr, "gridAfter", 0)
        except (TypeError, ValueError):
            col, after = 0, 0
        row: _Row = []
        for tc in self._cells(tr):
            tcpr = tc.find(ns("tcPr"))
            span, vmerge = 1, None
            if tcpr is not None:
                try:
                    span = max(1, self._int_attr(tcpr, "gridSpan", 1))
                except (TypeError, ValueError):
                    span = 1
                vm = tcpr.find(ns("vMerge"))
                if vm is not None:
                    vmerge = ns.attr(vm, "val") or "continue"
                elif on(ns, tcpr.find(ns("hMerge"))) and row:
                    # legacy horizontal merge: fold into the previous cell
                    pc, ps, pt, pv = row[-1]
                    row[-1] = (pc, ps + span, pt, pv)
                    col += span
                    continue
            row.append((col, span, self._cell_text(tc, nested, textboxes), vmerge))
            col += span
        return row, col + after

    def _twips(self, el, attr: str) -> Optional[float]:
        """Attribute ``attr`` of ``el`` in twips → points (None when absent or
        not a positive number)."""
        try:
            v = float(self.ns.attr(el, attr))
        except (TypeError, ValueError):
            return None
        return round(v / 20, 2) if v > 0 else None

    def _row_height(self, tr) -> Optional[float]:
        """A row's w:trHeight in points (exact or at-least), None when unset."""
        trpr = tr.find(self.ns("trPr"))
        h = trpr.find(self.ns("trHeight")) if trpr is not None else None
        return self._twips(h, "val") if h is not None else None

    def _grid(self, tbl) -> tuple[Grid, str, list[Block]]:
        """Read a w:tbl into a true grid (see module doc). Returns the grid,
        its raw text (one tab-separated field per grid column, spanned
        positions empty) and text-box blocks found in cells."""
        ns = self.ns
        grid_el = tbl.find(ns("tblGrid"))
        n_cols = len(grid_el.findall(ns("gridCol"))) if grid_el is not None else 0
        rows: list[_Row] = []
        nested: list[Grid] = []
        textboxes: list[Block] = []
        ragged = False
        for tr in self._rows(tbl):
            row, width = self._read_row(tr, nested, textboxes)
            if width > n_cols:
                if n_cols:
                    ragged = True
                n_cols = width
            elif width < n_cols:
                ragged = True
            rows.append(row)
        if ragged:
            self.warnings.append(("ragged_table", "table rows cover different numbers of grid "
                                                  "columns; short rows padded"))
        grid = Grid(n_rows=len(rows), n_cols=n_cols, cells=self._merged_cells(rows),
                    nested=nested, row_heights=[self._row_height(tr) for tr in self._rows(tbl)])
        widths = [self._twips(g, "w") for g in grid_el.findall(ns("gridCol"))] \
            if grid_el is not None else []
        if len(widths) == n_cols and all(w is not None for w in widths):
            grid.col_widths = widths
        lines = ["\t".join(c.raw if c is not None else "" for c in positions)
                 for positions in grid.rows()]
        if nested:
            self.warnings.append(("nested_table", f"{len(nested)} table(s) nested inside a "
                                                  "table cell, flattened into Grid.nested"))
        return grid, "\n".join(lines), textboxes

    def _merged_cells(self, rows: list[_Row]) -> list[Cell]:
        """The cells of ``rows`` with vertical merges resolved: a ``restart``
        cell spans the ``continue`` cells below it in its grid column."""
        cells: list[Cell] = []
        starts = [{c: (s, t, v) for c, s, t, v in row} for row in rows]
        for r, row in enumerate(rows):
            for col, span, text, vmerge in row:
                if vmerge == "continue" and r > 0 and self._covered_above(starts, r, col, cells):
                    continue
                rspan = 1
                if vmerge == "restart":
                    k = r + 1
                    while k < len(rows) and starts[k].get(col, (0, "", None))[2] == "continue":
                        rspan += 1
                        k += 1
                cells.append(Cell(row=r, col=col, text="", raw=text, row_span=rspan,
                                  col_span=span))
        return cells

    @staticmethod
    def _covered_above(starts, r: int, col: int, cells: list[Cell]) -> bool:
        """True when a vMerge=continue cell at (r, col) is covered by a cell
        starting above it in the same column (an orphan continue is a cell)."""
        for c in cells:
            if c.col == col and c.row < r < c.row + c.row_span:
                return True
        return False

    def _table(self, tbl, origin: str) -> None:
        grid, raw, textboxes = self._grid(tbl)
        if not grid.cells:
            return
        brk = self.pending_break
        self.pending_break = False
        self.blocks.append(Block(kind="table", raw=raw, grid=grid, origin=origin,
                                 page_break_before=brk))
        self.blocks.extend(textboxes)
