"""``extract tables``: attachment tables as blank fill-in forms (issue 5).

    extract tables RECORD_OR_NOTICE... [--format xlsx|csv|md] -o DIR

Output layout (one choice, kept stable):

* ``xlsx`` — one workbook per notice, ``DIR/<stem>.xlsx``, one sheet per
  table named ``附件N`` (``附件N-2`` for an attachment's second table,
  ``表K`` when an attachment has no number). Each sheet, top to bottom: the
  ``附件N`` label, the form's own heading (:func:`form_heading`: the heading
  on the attachment page, which may word it differently from the 附件说明),
  the fill-in lines printed above the table (单位名称（盖章）：, 填写日期：
  年 月 日), the grid with its merged cells (openpyxl ``merge_cells`` from
  the record's row/column spans) and thin borders, then the blank fill-in
  lines and the notes printed under it. A list table that came without
  blank rows (a .txt export keeps only printed rows) gets ``BLANK_ROWS``
  empty rows so it can be filled in. Column widths and row heights follow
  the source where it gives them (a .docx: the tall rows are for
  handwriting), never below what the text needs. A4, portrait or landscape
  by the table's width (:func:`landscape`), one page wide.
* ``docx`` — one Word file per notice, ``DIR/<stem>.docx``
  (:mod:`pipeline.exports.forms_docx`): each table on its own A4 page
  section, as a Word table with the same merged cells, column widths in
  the source's proportions, the form's heading and fill-in lines — a clerk
  fills these forms in Word.
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
from typing import Iterable, Optional


from models.tables import Attachment, FormField, Table

BLANK_ROWS = 10
# GB/T 9704-2012 §5.2.2: A4 with a 156 mm wide type area (left margin 28 mm,
# right 26 mm). A table up to 180 mm wide (A4 less 15 mm a side, what Word
# forms are laid out to) is shrunk into it on a portrait page; a wider one is
# printed on a landscape page, whose type area is 297 − 54 = 243 mm.
MM = 72 / 25.4
A4_PORTRAIT_TEXT_WIDTH = 156 * MM
A4_LANDSCAPE_TEXT_WIDTH = 243 * MM
PORTRAIT_MAX_TABLE_WIDTH = 180 * MM
# openpyxl column width is in characters of the default font (≈ 5.25 pt each at 11 pt Calibri)
XLSX_POINTS_PER_WIDTH = 5.25
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
# page geometry shared by the xlsx and docx forms


def form_heading(att: Attachment) -> str:
    """The heading printed over a form: the attachment page's own heading
    (``body_title``) when the file has it — that is the form's name as the
    clerk will see it, even when the 附件说明 words it differently — else the
    附件说明 title."""
    return att.body_title or att.title or ""


def natural_widths(table: Table) -> list[float]:
    """Each grid column's width in points: the source's (``col_widths``) when
    it gives them, else from the widest single-column text (a CJK character
    ≈ one 10.5 pt em, clamped to 40–160 pt)."""
    if len(table.col_widths) == table.n_cols and table.n_cols:
        return list(table.col_widths)
    widths = [40.0] * table.n_cols
    for c in table.cells:
        if c.col_span == 1 and c.col < table.n_cols:
            widths[c.col] = max(widths[c.col], min(160.0, (_width(_shown(c)) + 2) * 5.25))
    return widths


def landscape(table: Table) -> bool:
    """True when the table is too wide for an A4 portrait page
    (:data:`PORTRAIT_MAX_TABLE_WIDTH`): the page is then turned."""
    return sum(natural_widths(table)) > PORTRAIT_MAX_TABLE_WIDTH


def source_height(table: Table, row: int) -> Optional[float]:
    """The source's height of grid row ``row`` in points, or None."""
    if row < len(table.row_heights):
        return table.row_heights[row]
    return None


# --------------------------------------------------------------------------
# xlsx


def _xlsx_preamble(ws, att: Attachment, table: Table, width: int) -> int:
    """The lines above the grid (label, heading, fill-in lines, caption),
    each merged across the table's width; returns the next free row."""
    from openpyxl.styles import Font

    r = 1
    lines: list[tuple[str, Optional[object], bool]] = []
    if att.number is not None:
        lines.append((f"附件{att.number}", Font(bold=True, size=12), False))
    heading = form_heading(att)
    if heading:
        lines.append((heading, Font(bold=True, size=14), True))
    lines += [(line, None, False) for line in field_lines(table.header_fields)]
    if table.caption:
        lines.append((table.caption, None, False))
    for text, font, centre in lines:
        _full_row(ws, r, width, text, font=font, centre=centre)
        r += 1
    return r


def _full_row(ws, r: int, width: int, text: str, *, font=None, centre: bool = False) -> None:
    from openpyxl.styles import Alignment

    cell = ws.cell(row=r, column=1, value=text)
    cell.alignment = Alignment(wrap_text=True, vertical="center",
                               horizontal="center" if centre else "left")
    if font is not None:
        cell.font = font
    if width > 1:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)


def _xlsx_grid(ws, table: Table, grid_row: int) -> list[list[str]]:
    """The grid (plus blank rows for a list without them) with borders and
    merges; returns the rows written."""
    from openpyxl.styles import Alignment, Border, Side

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
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
    return rows


def _xlsx_sizes(ws, table: Table, grid_row: int, n_grid_rows: int, last_row: int) -> None:
    """Column widths (the source's proportions, else from the text) and row
    heights: the source's height where it gives one (rows meant for
    handwriting are tall), never less than the wrapped text needs."""
    from openpyxl.utils import get_column_letter

    col_w = [max(6.0, w / XLSX_POINTS_PER_WIDTH) for w in natural_widths(table)]
    for j, w in enumerate(col_w):
        ws.column_dimensions[get_column_letter(j + 1)].width = round(w, 2)
    total = sum(col_w) or 1.0
    for i in range(1, last_row):
        if grid_row <= i < grid_row + n_grid_rows:
            continue
        text = ws.cell(row=i, column=1).value or ""
        lines = max(1, -(-_width(str(text)) // max(int(total), 1)))
        if lines > 1:
            ws.row_dimensions[i].height = 15 * lines + 3
    need = [20.0] * n_grid_rows
    for c in table.cells:
        w = sum(col_w[c.col:c.col + c.col_span])
        lines = -(-_width(_shown(c)) // max(int(w) - 1, 1)) if c.text else 1
        per_row = 15 * lines / max(c.row_span, 1) + 4
        for k in range(c.row, min(c.row + c.row_span, n_grid_rows)):
            need[k] = max(need[k], per_row)
    for k in range(n_grid_rows):
        ws.row_dimensions[grid_row + k].height = max(need[k], source_height(table, k) or 0)


def _xlsx_page(ws, table: Table) -> None:
    """A4, portrait or landscape by the table's width, one page wide."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape(table) else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True


def write_sheet(ws, att: Attachment, table: Table) -> int:
    """Lay out one table on worksheet ``ws`` (openpyxl): label, the form's
    heading (:func:`form_heading`), fill-in lines, the grid with merges and
    borders, the lines and notes under it; A4 by width. Returns the 1-based
    worksheet row of the grid's first row."""
    width = max(table.n_cols, 1)
    grid_row = _xlsx_preamble(ws, att, table, width)
    rows = _xlsx_grid(ws, table, grid_row)
    r = grid_row + len(rows)
    for line in [*field_lines(table.footer_fields), *table.notes]:
        _full_row(ws, r, width, line)
        r += 1
    _xlsx_sizes(ws, table, grid_row, len(rows), r)
    _xlsx_page(ws, table)
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
    title = form_heading(att)
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


def unique_stems(paths: list[Path]) -> list[str]:
    """One output stem per input, all distinct: the file's stem, or, when
    two inputs share it (``a/x.docx`` and ``b/x.docx``), the stem prefixed
    with its parent folders until it differs (``a_x``, ``b_x``), else
    numbered. Characters that are unsafe in file names become ``_``."""
    parts = [[_FILE_BAD.sub("_", q) for q in p.with_suffix("").parts if q not in ("/", "..", ".")]
             or ["notice"] for p in paths]
    depth = [1] * len(paths)
    while True:
        stems = ["_".join(pp[-d:]) for pp, d in zip(parts, depth)]
        clash = {s for s in stems if stems.count(s) > 1}
        grow = [i for i, s in enumerate(stems) if s in clash and depth[i] < len(parts[i])]
        if not grow:
            break
        for i in grow:
            depth[i] += 1
    out: list[str] = []
    for s in stems:
        cand, k = s, 2
        while cand in out:
            cand, k = f"{s}-{k}", k + 1
        out.append(cand)
    return out


def _target(out_dir: Path, name: str, ext: str, protect: set[Path]) -> Path:
    """``out_dir/name.ext``, or ``name_表格.ext`` when that would be one of the
    inputs (``extract tables x.docx --format docx -o .`` must not overwrite
    the notice it reads)."""
    p = out_dir / f"{name}.{ext}"
    if p.resolve() in protect:
        p = out_dir / f"{name}_表格.{ext}"
    return p


def export(notice, stem: str, fmt: str, out_dir: Path, *,
           protect: Iterable[Path] = ()) -> list[Path]:
    """Write ``notice``'s tables under ``out_dir`` in ``fmt`` (xlsx, docx,
    csv, md); returns the paths written (empty when there are no tables).
    No path in ``protect`` (the command's inputs) is ever written. Raises
    ``OSError`` when the directory is not writable."""
    from pipeline.exports.atomic import atomic_write_bytes, atomic_write_text

    out_dir.mkdir(parents=True, exist_ok=True)
    stem = _FILE_BAD.sub("_", stem)
    keep = {Path(p).resolve() for p in protect}
    if fmt in ("xlsx", "docx"):
        data = _workbook_bytes(notice) if fmt == "xlsx" else _docx_bytes(notice)
        if data is None:
            return []
        p = _target(out_dir, stem, fmt, keep)
        atomic_write_bytes(p, data)
        return [p]
    written: list[Path] = []
    for att, _k, table, label in iter_tables(notice):
        p = _target(out_dir, f"{stem}_{_FILE_BAD.sub('_', label)}", fmt, keep)
        if fmt == "csv":
            atomic_write_bytes(p, ("\ufeff" + to_csv(table)).encode("utf-8"))
        else:
            atomic_write_text(p, to_markdown(att, table))
        written.append(p)
    return written


def _workbook_bytes(notice) -> Optional[bytes]:
    wb = build_workbook(notice)
    if wb is None:
        return None
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _docx_bytes(notice) -> Optional[bytes]:
    from pipeline.exports.forms_docx import to_bytes

    return to_bytes(notice)
