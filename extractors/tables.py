"""Attachment table layouts (ANNOTATION.md "attachments"; issue 5).

Entry points
------------
* :func:`extract` ``(doc, zone) -> list[Table]`` — every table of one
  attachment body, with the fill-in lines above it (``header_fields``), the
  notes and blank fill-in lines under it.
* :func:`build_table` ``(grid) -> Table`` — one grid → ``Table`` (cells,
  header, kind, columns / fields, warnings); never raises.
* :func:`parse_field_line` ``(text) -> list[FormField] | None`` — a printed
  fill-in line ("填写日期： 年 月 日") as fields.

Rules (gold NOTES.md): ``header`` is the first row's non-empty cell texts
with whitespace removed, forms included; ``kind`` is decided by structure
in :mod:`extractors.table_kind` — ``form`` when label cells stand beside blank
value cells, ``list`` for a header row with rows to fill (or data) below it.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from extractors._common import evidence, vocab
from extractors.table_kind import DATE_BLANK as _DATE_BLANK
from extractors.table_kind import decide_kind, inline_slots, printed_text, two_level
from models.document import Cell, Document, Grid
from models.tables import FormField, Table, TableCell

_WS = re.compile(r"\s+")
_COLON = re.compile(r"[:：]")
# Blank fill-in material: spaces, underscores, dashes printed as a line.
_BLANK = re.compile(r"[\s_＿\-—－…·.]*")
_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9, "十": 10}
# A label longer than this is a sentence ("请于…前报送："), not a fill-in label.
_MAX_LABEL = 40
_MAX_VALUE = 40


def _cues() -> dict:
    return vocab("table_cues")


def _squash(s: str) -> str:
    """Whitespace removed — the gold form of header texts and labels."""
    return _WS.sub("", s or "")


def _cell_text(c: Cell) -> str:
    return (c.text if c.text else c.raw or "").strip()


# --------------------------------------------------------------------------
# grids


class _Layout:
    """A repaired grid: visual cells and an owner map of grid positions."""

    def __init__(self, grid: Grid):
        self.warnings: list[str] = []
        cells = [c for c in (grid.cells or []) if c is not None]
        for c in cells:
            if c.row_span < 1 or c.col_span < 1:
                self.warnings.append(f"cell at row {c.row}, col {c.col} had span "
                                     f"{c.row_span}×{c.col_span}; set to 1")
                c.row_span, c.col_span = max(1, c.row_span), max(1, c.col_span)
        cells = [c for c in cells if c.row >= 0 and c.col >= 0]
        n_rows = max([grid.n_rows or 0] + [c.row + c.row_span for c in cells])
        n_cols = max([grid.n_cols or 0] + [c.col + c.col_span for c in cells])
        self.n_rows, self.n_cols = n_rows, n_cols
        self.owner: list[list[Optional[int]]] = [[None] * n_cols for _ in range(n_rows)]
        self.cells: list[Cell] = []
        for c in sorted(cells, key=lambda x: (x.row, x.col)):
            if self.owner[c.row][c.col] is not None:
                self.warnings.append(f"cell at row {c.row}, col {c.col} overlaps another; dropped")
                continue
            # clip a span that runs into a position already owned
            rs, cs = c.row_span, c.col_span
            while cs > 1 and any(self.owner[c.row][c.col + k] is not None for k in range(cs)):
                cs -= 1
            while rs > 1 and any(self.owner[c.row + k][c.col + j] is not None
                                 for k in range(rs) for j in range(cs)):
                rs -= 1
            if (rs, cs) != (c.row_span, c.col_span):
                self.warnings.append(f"span of cell at row {c.row}, col {c.col} clipped "
                                     f"to {rs}×{cs} (overlap)")
            idx = len(self.cells)
            self.cells.append(Cell(row=c.row, col=c.col, text=_cell_text(c), row_span=rs,
                                   col_span=cs, raw=c.raw))
            for r in range(c.row, c.row + rs):
                for k in range(c.col, c.col + cs):
                    self.owner[r][k] = idx
        padded = 0
        for r in range(n_rows):
            for k in range(n_cols):
                if self.owner[r][k] is None:
                    self.owner[r][k] = len(self.cells)
                    self.cells.append(Cell(row=r, col=k, text=""))
                    padded += 1
        if padded:
            self.warnings.append(f"ragged rows: {padded} missing grid position(s) padded "
                                 "with empty cells")
        self.cells.sort(key=lambda x: (x.row, x.col))
        # owner indices changed by the sort: rebuild
        for idx, c in enumerate(self.cells):
            for r in range(c.row, c.row + c.row_span):
                for k in range(c.col, c.col + c.col_span):
                    self.owner[r][k] = idx

    def at(self, r: int, k: int) -> Optional[Cell]:
        if 0 <= r < self.n_rows and 0 <= k < self.n_cols:
            return self.cells[self.owner[r][k]]
        return None

    def row_cells(self, r: int) -> list[Cell]:
        """Cells whose top-left corner is in row ``r``, left to right."""
        return [c for c in self.cells if c.row == r]

    def row_positions(self, r: int) -> list[Cell]:
        """The distinct cells covering row ``r`` (spans from above included)."""
        out: list[Cell] = []
        for k in range(self.n_cols):
            c = self.at(r, k)
            if c is not None and (not out or out[-1] is not c):
                out.append(c)
        return out


def _printed(c: Cell) -> Optional[str]:
    p = (c.raw or "").strip()
    return p if p and p != c.text else None


def _header_row(lay: _Layout) -> Optional[int]:
    for r in range(lay.n_rows):
        if any(c.text for c in lay.row_cells(r)):
            return r
    return None


def _columns(lay: _Layout, h: int) -> list[str]:
    """Column names of a list: one per distinct header cell, "parent/child"
    under a two-level header."""
    two = two_level(lay, h)
    out: list[str] = []
    seen: set[tuple[int, int]] = set()
    for k in range(lay.n_cols):
        top = lay.at(h, k)
        low = lay.at(h + 1, k) if two else None
        key = (id(top), id(low))
        if key in seen:
            continue
        seen.add(key)
        name = _squash(top.text)
        if low is not None and low is not top and low.text:
            name = f"{name}/{_squash(low.text)}" if name else _squash(low.text)
        if name and (not out or out[-1] != name or low is not None):
            out.append(name)
    return out


def _fields(lay: _Layout, h: int) -> list[FormField]:
    """Label → blank slots of a form, row by row."""
    out: list[FormField] = []
    # field that owns the blanks of a row-spanning value area, by label cell
    by_label: dict[int, FormField] = {}
    group_of_row: dict[int, str] = {}
    last_inline: Optional[FormField] = None
    for r in range(h, lay.n_rows):
        cells = lay.row_cells(r)
        first = lay.at(r, 0)
        # a txt grid has no spans: an empty first cell under a group label
        # continues that group (001 txt "→平均年龄 岁…")
        if r not in group_of_row and first is not None and not first.text and r - 1 in group_of_row:
            group_of_row[r] = group_of_row[r - 1]
        for c in cells:
            if not c.text:
                continue
            label = _squash(c.text).rstrip(":：")
            slots = inline_slots(printed_text(c))
            left = lay.at(r, c.col - 1) if c.col > 0 else None
            if slots:
                target = None
                if left is not None and left.text and id(left) in by_label:
                    target = by_label[id(left)]
                elif left is not None and not left.text and last_inline is not None \
                        and last_inline.col < c.col:
                    target = last_inline
                if target is not None:
                    if target.slots == [""]:
                        target.slots, target.units = [], []
                        target.value_row = target.value_col = None
                    target.slots += [s for s, _ in slots]
                    target.units += [u for _, u in slots]
                    last_inline = target
                    continue
                m = _COLON.search(c.text)
                lab = _squash(c.text[:m.start()]) if m else label
                f = FormField(label=lab, slots=[s for s, _ in slots],
                              units=[u for _, u in slots], row=c.row, col=c.col,
                              group=group_of_row.get(r))
                out.append(f)
                last_inline = f
                continue
            right = lay.at(r, c.col + c.col_span)
            if right is not None and right.text and not inline_slots(printed_text(right)):
                # a label beside another label: it heads the row(s) it spans
                for rr in range(c.row, c.row + c.row_span):
                    group_of_row[rr] = label
                continue
            f = FormField(label=label, slots=[""], units=[""], row=c.row, col=c.col,
                          group=group_of_row.get(r) if group_of_row.get(r) != label else None)
            if right is not None and not right.text:
                f.value_row, f.value_col = right.row, right.col
            elif right is not None:  # inline blanks follow in the next cell
                f.slots, f.units = [], []
            by_label[id(c)] = f
            out.append(f)
    return out


def build_table(grid: Optional[Grid]) -> Table:
    """A :class:`Table` from a grid: cells with spans, header, kind, columns
    (list) or fields (form), and repair warnings. Never raises: ragged rows
    are padded, overlapping spans clipped, an empty grid gives an empty table
    with a warning."""
    if grid is None or not grid.cells:
        return Table(warnings=["empty table: no cells"])
    lay = _Layout(grid)
    t = Table(n_rows=lay.n_rows, n_cols=lay.n_cols, warnings=list(lay.warnings),
              cells=[TableCell(row=c.row, col=c.col, row_span=c.row_span, col_span=c.col_span,
                               text=c.text, printed=_printed(c)) for c in lay.cells])
    # the source's geometry, kept only when it matches the repaired grid (fill-in forms use it)
    if len(grid.col_widths) == t.n_cols:
        t.col_widths = list(grid.col_widths)
    if len(grid.row_heights) == t.n_rows:
        t.row_heights = list(grid.row_heights)
    for i, n in enumerate(grid.nested or []):
        t.warnings.append(f"nested table {i + 1} ({n.n_rows}×{n.n_cols}) inside a cell; "
                          "kept as a separate table")
    h = _header_row(lay)
    if h is None:
        t.warnings.append("empty table: no text in any cell")
        return t
    row = lay.row_positions(h)
    nonempty = [c for c in row if c.text]
    # A single title cell across the whole width, above a row of labels, is
    # a caption printed inside the grid, not the header.
    if (len(nonempty) == 1 and nonempty[0].col_span == lay.n_cols and lay.n_cols > 1
            and h + nonempty[0].row_span < lay.n_rows):
        nxt = h + nonempty[0].row_span
        if sum(1 for c in lay.row_positions(nxt) if c.text) >= 2:
            t.caption = nonempty[0].text
            h = nxt
            row = lay.row_positions(h)
    t.header = [_squash(c.text) for c in lay.row_cells(h) if c.text]
    t.kind = decide_kind(lay, h)
    if t.kind == "list":
        t.columns = _columns(lay, h)
    else:
        t.fields = _fields(lay, h)
    return t


# --------------------------------------------------------------------------
# lines around a table


def parse_field_line(text: str, *, blank_only: bool = False) -> Optional[list[FormField]]:
    """A printed fill-in line as fields, or None when it is not one.

    "单位名称（盖章）：" → [单位名称（盖章） → [""]];
    "填写日期： 年 月 日" → [填写日期 → ["年","月","日"]];
    "联系人：    联系电话：" → two fields. A value already printed is kept in
    ``value`` (slots empty) unless ``blank_only``, where it makes the line a
    note instead. Sentences (long labels, 。) are not field lines.
    """
    line = (text or "").strip()
    if not line or "。" in line:
        return None
    colons = [m.start() for m in _COLON.finditer(line)]
    if not colons:
        return None
    labels: list[str] = []
    values: list[str] = []
    start = 0
    for i, p in enumerate(colons):
        seg = line[start:p]
        if i == 0:
            labels.append(seg)
        else:
            m = list(re.finditer(r"\s+", seg.rstrip()))
            if not m:
                if seg.strip():
                    return None  # "单位:某某公司联系人:" — cannot split; not a template line
                values.append("")
                labels.append("")
            else:
                cut = m[-1]
                values.append(seg[:cut.start()])
                labels.append(seg[cut.end():])
        start = p + 1
    values.append(line[start:])
    out: list[FormField] = []
    for lab, val in zip(labels, values):
        lab_s = _squash(lab)
        if not lab_s or len(lab_s) > _MAX_LABEL or re.search(r"[，,；;。！!？?]", lab_s):
            return None  # a sentence ending in a colon, not a label
        if _BLANK.fullmatch(val):
            out.append(FormField(label=lab_s, slots=[""], units=[""], text=line))
        elif _DATE_BLANK.fullmatch(val):
            out.append(FormField(label=lab_s, slots=["年", "月", "日"], units=["", "", ""],
                                 text=line))
        else:
            v = val.strip()
            if blank_only or len(v) > _MAX_VALUE:
                return None
            out.append(FormField(label=lab_s, value=v, text=line))
    return out


def _is_note_start(text: str) -> bool:
    t = text.strip()
    for p in _cues()["note_prefixes"]:
        if t.startswith(p) and _COLON.match(t[len(p):].lstrip()[:1] or "x"):
            return True
    return False


def _copies(notes: Iterable[str]) -> Optional[int]:
    rx = re.compile(_cues()["copies"])
    for n in notes:
        m = rx.search(n)
        if m:
            v = m.group(1).translate(_FW_DIGITS)
            if v.isdigit():
                return int(v)
            if v in _CN_NUM:
                return _CN_NUM[v]
            if len(v) == 2 and v[0] == "十" and v[1] in _CN_NUM:
                return 10 + _CN_NUM[v[1]]
    return None


def _block_text(doc: Document, i: int) -> str:
    b = doc.blocks[i]
    return (b.text or b.raw or "").strip()


def _fields_of(doc: Document, i: int, blank_only: bool = False) -> Optional[list[FormField]]:
    """Fill-in fields of paragraph ``i``. Read from ``raw``: normalisation
    closes the printed gaps ("联系人：    联系电话：") that separate one
    field's blank from the next label."""
    b = doc.blocks[i]
    for s in (b.raw, b.text):
        ff = parse_field_line(s or "", blank_only=blank_only)
        if ff is not None:
            return ff
    return None


def extract(doc: Document, zone) -> list:
    """Tables of one attachment body ``zone`` (``models.AttachmentZone``).

    Table blocks (``kind == "table"`` with a grid) become :class:`Table` s
    via :func:`build_table`. Paragraphs between the title and a table that
    are fill-in lines become its ``header_fields`` (others its ``caption``);
    paragraphs after a table, up to the fill-in lines of the next table or a
    版记 line, become its ``notes`` (blank fill-in lines → ``footer_fields``).
    Nested grids become extra tables with a warning. Evidence points at the
    table block's first row.
    """
    skip = {zone.label_block, *getattr(zone, "title_blocks", [])}
    idx = [i for i in zone.blocks if i not in skip and 0 <= i < len(doc.blocks)]
    record_rx = re.compile(_cues()["record_line"])
    # split into: paragraphs before table k, table k
    pieces: list[tuple[list[int], Optional[int]]] = []
    pend: list[int] = []
    for i in idx:
        b = doc.blocks[i]
        if b.kind == "table" and not _framed_text(b.grid):
            pieces.append((pend, i))
            pend = []
        elif _block_text(doc, i):
            pend.append(i)
    tail = pend
    tables: list[Table] = []
    for k, (before, ti) in enumerate(pieces):
        # the run of fill-in lines just above the table is its header
        head: list[list[FormField]] = []
        cut = len(before)
        while cut > 0:
            ff = _fields_of(doc, before[cut - 1])
            if ff is None or _is_note_start(_block_text(doc, before[cut - 1])):
                break
            head.insert(0, ff)
            cut -= 1
        rest = before[:cut]
        if k == 0:
            caption_lines, prev_notes = rest, []
        else:
            caption_lines, prev_notes = [], rest
        if prev_notes and tables:
            _add_notes(doc, tables[-1], prev_notes, record_rx)
        b = doc.blocks[ti]
        t = build_table(b.grid)
        t.header_fields = [f for ff in head for f in ff]
        if caption_lines:
            cap = " ".join(_block_text(doc, i) for i in caption_lines)
            t.caption = f"{cap} {t.caption}".strip() if t.caption else cap
        first_line = (b.text or "").split("\n", 1)[0]
        t.evidence = evidence(doc, ti, 0, len(first_line))
        tables.append(t)
        for n in (b.grid.nested if b.grid is not None else []) or []:
            nt = build_table(n)
            nt.warnings.insert(0, "nested table found inside a cell of the table above")
            nt.evidence = t.evidence
            tables.append(nt)
    if tables:
        main = max((j for j, t in enumerate(tables)
                    if not t.warnings or not t.warnings[0].startswith("nested")), default=0)
        _add_notes(doc, tables[main], tail, record_rx)
    return tables


def _framed_text(grid: Optional[Grid]) -> bool:
    """A one-cell grid is a framed paragraph (a template box, real D_05), not a table."""
    return grid is not None and grid.n_rows == 1 and grid.n_cols == 1


def _add_notes(doc: Document, t: Table, lines: list[int], record_rx) -> None:
    """Notes and blank fill-in lines under table ``t``; stops at a 版记 line
    (印发 / 抄送) and drops the issuer line just above it."""
    lines = list(lines)
    for j, i in enumerate(lines):
        if record_rx.search(_block_text(doc, i)):
            lines = lines[:j]
            # the 印发 org line ("长兴县总工会办公室") sits right above
            last = _block_text(doc, lines[-1]) if lines else ""
            if last and len(last) <= 30 and not re.search(r"[。：:；;，,]", last):
                lines.pop()
            break
    for i in lines:
        s = _block_text(doc, i)
        ff = None if _is_note_start(s) else _fields_of(doc, i, blank_only=True)
        if ff:
            t.footer_fields.extend(ff)
        else:
            t.notes.append(s)
    t.copies = _copies(t.notes)
