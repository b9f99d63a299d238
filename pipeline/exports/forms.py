"""``extract tables``: attachment tables as blank fill-in forms (issue 5).

    extract tables RECORD_OR_NOTICE... [--format xlsx|csv|md] -o DIR

Output layout (one choice, kept stable):

* ``xlsx`` — one workbook per notice, ``DIR/<stem>.xlsx``, one sheet per
  table named ``附件N`` (``附件N-2`` for an attachment's second table,
  ``表K`` when an attachment has no number). Each sheet, top to bottom: the
  ``附件N`` label, the title (merged across the table's width), the fill-in
  lines printed above the table (单位名称（盖章）：, 填写日期： 年 月 日), the
  grid with its merged cells (openpyxl ``merge_cells`` from the record's
  row/column spans) and thin borders, then the blank fill-in lines and the
  notes printed under it. A list table that came without blank rows (a .txt
  export keeps only printed rows) gets ``BLANK_ROWS`` empty rows so it can be
  filled in. Pages are set to fit one page wide (landscape past 6 columns).
* ``csv`` — one file per table, ``DIR/<stem>_附件N.csv``: the grid only, one
  line per grid row, a merged cell's text at its top-left position and empty
  positions elsewhere; UTF-8 with BOM so spreadsheet programs show Chinese.
* ``md`` — one file per table, ``DIR/<stem>_附件N.md``: title heading, the
  fill-in lines, the table (a pipe table, or an HTML ``<table>`` with
  rowspan/colspan when cells are merged — pipe tables cannot merge), notes.

Errors: an unreadable notice or record is a one-line ``NoticeError``
(exit 4); an unwritable DIR exits 5. Notices without tables are reported on
stderr and skipped.
"""
from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from pathlib import Path
from typing import Iterable


from models.tables import Attachment, FormField, Table

BLANK_ROWS = 10
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
_FILE_BAD = re.compile(r"[\\/:*?\"<>|\s]+")


def table_label(att: Attachment, k: int, n_tables: int, position: int) -> str:
    """Sheet / file label of table ``k`` (0-based) of ``att``: 附件N, 附件N-2,
    or 表P (P = position among the notice's tables) without a number."""
    base = f"附件{att.number}" if att.number is not None else f"表{position}"
    return base if k == 0 else f"{base}-{k + 1}"


def grid_rows(table: Table) -> list[list[str]]:
    """The grid as text rows: ``n_rows`` × ``n_cols``, a cell's text at its
    top-left position, "" at positions a span covers."""
    rows = [[""] * table.n_cols for _ in range(table.n_rows)]
    for c in table.cells:
        if 0 <= c.row < table.n_rows and 0 <= c.col < table.n_cols:
            rows[c.row][c.col] = _shown(c)
    return rows


def _shown(c) -> str:
    """Cell text for a fill-in form: as printed (blanks' gaps kept)."""
    return c.printed if c.printed is not None else c.text


def merged_ranges(table: Table, row0: int = 1, col0: int = 1) -> list[tuple[int, int, int, int]]:
    """(start_row, start_col, end_row, end_col), 1-based and inclusive, of
    each cell spanning more than one position, the grid's top-left placed
    at (``row0``, ``col0``)."""
    out = []
    for c in table.cells:
        if c.row_span > 1 or c.col_span > 1:
            out.append((row0 + c.row, col0 + c.col,
                        row0 + c.row + c.row_span - 1, col0 + c.col + c.col_span - 1))
    return out


def field_lines(fields: Iterable[FormField]) -> list[str]:
    """The printed lines of header/footer fields, each once, in order (a
    line holding several fields is printed once)."""
    out: list[str] = []
    for f in fields:
        line = f.text or _field_text(f)
        if not out or out[-1] != line:
            out.append(line)
    return out


def _field_text(f: FormField) -> str:
    if f.value:
        return f"{f.label}：{f.value}"
    if f.slots == ["年", "月", "日"]:
        return f"{f.label}：      年    月    日"
    return f"{f.label}："


def _needs_blank_rows(table: Table) -> bool:
    return table.kind == "list" and table.n_rows <= 1 and table.n_cols > 0


def _width(s: str) -> int:
    """Display width: East Asian wide characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def iter_tables(notice) -> Iterable[tuple[Attachment, int, Table, str]]:
    """(attachment, index in attachment, table, label) for every table with
    a grid, in document order."""
    pos = 0
    for att in notice.attachments:
        for k, t in enumerate(att.tables):
            pos += 1
            if t.n_rows == 0 or t.n_cols == 0:
                continue
            yield att, k, t, table_label(att, k, len(att.tables), pos)


# --------------------------------------------------------------------------
# xlsx


def write_sheet(ws, att: Attachment, table: Table) -> int:
    """Lay out one table on worksheet ``ws`` (openpyxl); returns the 1-based
    worksheet row of the grid's first row."""
    from openpyxl.styles import Alignment, Border, Font, Side

    width = max(table.n_cols, 1)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap_left = Alignment(wrap_text=True, vertical="center", horizontal="left")
    r = 1

    def full_row(text: str, *, font=None, align=wrap_left) -> None:
        nonlocal r
        cell = ws.cell(row=r, column=1, value=text)
        cell.alignment = align
        if font is not None:
            cell.font = font
        if width > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        r += 1

    if att.number is not None:
        full_row(f"附件{att.number}", font=Font(bold=True, size=12))
    title = att.title or att.body_title or ""
    if title:
        full_row(title, font=Font(bold=True, size=14),
                 align=Alignment(horizontal="center", vertical="center", wrap_text=True))
    for line in field_lines(table.header_fields):
        full_row(line)
    if table.caption:
        full_row(table.caption)
    grid_row = r
    rows = grid_rows(table)
    if _needs_blank_rows(table):
        rows += [[""] * table.n_cols for _ in range(BLANK_ROWS)]
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            cell = ws.cell(row=grid_row + i, column=1 + j, value=text or None)
            cell.border = box
            cell.alignment = Alignment(wrap_text=True, vertical="center",
                                       horizontal="center" if _width(text) <= 24 else "left")
    for sr, sc, er, ec in merged_ranges(table, grid_row, 1):
        ws.merge_cells(start_row=sr, start_column=sc, end_row=er, end_column=ec)
    r = grid_row + len(rows)
    for line in field_lines(table.footer_fields):
        full_row(line)
    for note in table.notes:
        full_row(note)
    # column widths from single-column cells; row heights from wrapped text
    from openpyxl.utils import get_column_letter

    col_w = [8.0] * width
    for c in table.cells:
        if c.col_span == 1 and c.col < width:
            col_w[c.col] = max(col_w[c.col], min(30.0, _width(_shown(c)) + 2.0))
    for j, w in enumerate(col_w):
        ws.column_dimensions[get_column_letter(j + 1)].width = w
    total = sum(col_w)
    for i in range(1, r):
        if grid_row <= i < grid_row + len(rows):
            continue
        text = ws.cell(row=i, column=1).value or ""
        lines = max(1, -(-_width(str(text)) // max(int(total), 1)))
        if lines > 1:
            ws.row_dimensions[i].height = 15 * lines + 3
    for c in table.cells:
        w = sum(col_w[c.col:c.col + c.col_span])
        need = -(-_width(_shown(c)) // max(int(w) - 1, 1)) if c.text else 1
        per_row = 15 * need / max(c.row_span, 1) + 4
        cur = ws.row_dimensions[grid_row + c.row].height or 20
        ws.row_dimensions[grid_row + c.row].height = max(cur, per_row, 20)
    ws.page_setup.orientation = "landscape" if table.n_cols > 6 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    return grid_row


def build_workbook(notice):
    """An openpyxl Workbook with one sheet per table of ``notice`` (a
    ``models.Notice``), or None when it has no tables."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for att, _k, table, label in iter_tables(notice):
        name = _SHEET_BAD.sub("_", label)[:31]
        base, n = name, 2
        while name in used:
            name = f"{base[:28]}_{n}"
            n += 1
        used.add(name)
        write_sheet(wb.create_sheet(name), att, table)
    return wb if used else None


# --------------------------------------------------------------------------
# csv / md


def to_csv(table: Table) -> str:
    """The grid as CSV text (no BOM; the writer adds one)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for row in grid_rows(table):
        w.writerow(row)
    return buf.getvalue()


def _md_cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", "<br>")


def to_markdown(att: Attachment, table: Table) -> str:
    """A table as Markdown: title, fill-in lines, table, notes."""
    out: list[str] = []
    head = f"附件{att.number}" if att.number is not None else "附件"
    title = att.title or att.body_title or ""
    out.append(f"# {head} {title}".rstrip())
    out.append("")
    for line in field_lines(table.header_fields):
        out.append(line + "  ")
    if table.caption:
        out.append(table.caption + "  ")
    if table.header_fields or table.caption:
        out.append("")
    rows = grid_rows(table)
    if _needs_blank_rows(table):
        rows += [[""] * table.n_cols for _ in range(BLANK_ROWS)]
    if any(c.row_span > 1 or c.col_span > 1 for c in table.cells):
        out.append("<table>")
        start = {(c.row, c.col): c for c in table.cells}
        for i in range(len(rows)):
            tds = []
            for j in range(table.n_cols):
                c = start.get((i, j))
                if c is None:
                    if i < table.n_rows:
                        continue  # covered by a span
                    tds.append("<td></td>")
                    continue
                attrs = ""
                if c.row_span > 1:
                    attrs += f' rowspan="{c.row_span}"'
                if c.col_span > 1:
                    attrs += f' colspan="{c.col_span}"'
                tds.append(f"<td{attrs}>{html.escape(_shown(c))}</td>")
            out.append("<tr>" + "".join(tds) + "</tr>")
        out.append("</table>")
    else:
        for i, row in enumerate(rows):
            out.append("| " + " | ".join(_md_cell(x) for x in row) + " |")
            if i == 0:
                out.append("|" + "---|" * table.n_cols)
    out.append("")
    for line in field_lines(table.footer_fields):
        out.append(line + "  ")
    for n in table.notes:
        out.append(n + "  ")
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------
# command


def export(notice, stem: str, fmt: str, out_dir: Path) -> list[Path]:
    """Write ``notice``'s tables under ``out_dir`` in ``fmt``; returns the
    paths written (empty when there are no tables). Raises ``OSError`` when
    the directory is not writable."""
    from pipeline.exports.atomic import atomic_write_bytes, atomic_write_text

    out_dir.mkdir(parents=True, exist_ok=True)
    stem = _FILE_BAD.sub("_", stem)
    written: list[Path] = []
    if fmt == "xlsx":
        wb = build_workbook(notice)
        if wb is None:
            return []
        buf = io.BytesIO()
        wb.save(buf)
        p = out_dir / f"{stem}.xlsx"
        atomic_write_bytes(p, buf.getvalue())
        return [p]
    for att, _k, table, label in iter_tables(notice):
        name = f"{stem}_{_FILE_BAD.sub('_', label)}"
        if fmt == "csv":
            p = out_dir / f"{name}.csv"
            atomic_write_bytes(p, ("\ufeff" + to_csv(table)).encode("utf-8"))
        else:
            p = out_dir / f"{name}.md"
            atomic_write_text(p, to_markdown(att, table))
        written.append(p)
    return written
