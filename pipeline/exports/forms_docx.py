"""``extract tables --format docx``: attachment tables as Word forms a clerk
fills in (python-docx).

One .docx per notice; each table starts a new section of its own, A4,
portrait or landscape by the table's width (:func:`pipeline.exports.forms.landscape`),
with the GB/T 9704-2012 margins (top 37 mm, bottom 35 mm, left 28 mm,
right 26 mm; §5.2.2). On the page, top to bottom: the ``附件N`` label
(黑体), the form's own heading (:func:`pipeline.exports.forms.form_heading`,
centred, 小标宋), the fill-in lines above the table, the Word table, then the
fill-in lines and notes under it.

The table: the record's grid with every merged cell merged (python-docx
``merge`` gives ``gridSpan`` across and ``vMerge`` down, what Word writes),
thin borders on every cell, the printed text of each cell (the gaps of
"年 月 日" kept, they are where the date is written), column widths in the
source's proportions scaled to the type area (``w:tblGrid`` and each cell's
``w:tcW``, so Word and LibreOffice agree), row heights from the source as
"at least" heights (rows meant for handwriting stay tall), and the rows of
a list table that came without blank rows added blank.
"""
from __future__ import annotations

import io
from typing import Optional

from models.tables import Attachment, Table
from pipeline.exports.forms import (A4_LANDSCAPE_TEXT_WIDTH, A4_PORTRAIT_TEXT_WIDTH, BLANK_ROWS,
                                    _needs_blank_rows, _shown, field_lines, form_heading,
                                    iter_tables, landscape, natural_widths, source_height)

BODY_FONT = "仿宋_GB2312"   # GB/T 9704-2012 §5.3: body text in 3号仿宋
LABEL_FONT = "黑体"          # the 附件 label (§8.3: 3号黑体)
TITLE_FONT = "方正小标宋简体"  # titles in 2号小标宋
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}


def _set_font(run, name: str, size_pt: float, bold: bool = False) -> None:
    """Font of a run for Latin and East Asian text alike (python-docx sets
    only w:ascii/w:hAnsi; CJK text reads w:eastAsia)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    run.font.size = Pt(size_pt)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _paragraph(container, text: str, *, font: str = BODY_FONT, size: float = 12,
               bold: bool = False, centre: bool = False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = container.add_paragraph()
    if centre:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_font(p.add_run(text), font, size, bold)
    return p


def _new_page(doc, table: Table, first: bool):
    """The section for one table: A4, turned when the table is wide, GB/T
    9704 margins. Returns the type area width in points."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    section = doc.sections[0] if first else doc.add_section(WD_SECTION.NEW_PAGE)
    wide = landscape(table)
    section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if wide else (Mm(210), Mm(297))
    for side, mm in MARGINS_MM.items():
        setattr(section, f"{side}_margin", Mm(mm))
    return A4_LANDSCAPE_TEXT_WIDTH if wide else A4_PORTRAIT_TEXT_WIDTH


def column_widths(table: Table, text_width: float) -> list[float]:
    """Column widths in points: the source's proportions (or the text's,
    :func:`natural_widths`) scaled down to ``text_width`` when wider."""
    widths = natural_widths(table)
    total = sum(widths) or 1.0
    scale = min(1.0, text_width / total)
    return [w * scale for w in widths]


def _borders(table) -> None:
    """Thin single borders on every edge and inside line (w:tblBorders),
    independent of the template's table styles."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


def _fill_grid(wt, table: Table, widths: list[float]) -> None:
    """Texts, merges, widths and heights of Word table ``wt``."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    for j, col in enumerate(wt.columns):
        col.width = Pt(widths[j])
    for row in wt.rows:
        for j, cell in enumerate(row.cells):
            cell.width = Pt(widths[j])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for c in table.cells:
        cell = wt.cell(c.row, c.col)
        text = _shown(c)
        if text:
            para = cell.paragraphs[0]
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER if len(text) <= 12 else None
            _set_font(para.add_run(text), BODY_FONT, 12)
    for c in table.cells:
        if c.row_span > 1 or c.col_span > 1:
            wt.cell(c.row, c.col).merge(wt.cell(c.row + c.row_span - 1, c.col + c.col_span - 1))
    for i, row in enumerate(wt.rows):
        h: Optional[float] = source_height(table, i) if i < table.n_rows else 20.0
        if h:
            row.height = Pt(h)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def add_form(doc, att: Attachment, table: Table, *, first: bool) -> None:
    """One form on its own A4 page section of python-docx document ``doc``."""
    text_width = _new_page(doc, table, first)
    if att.number is not None:
        _paragraph(doc, f"附件{att.number}", font=LABEL_FONT, size=16)
    heading = form_heading(att)
    if heading:
        _paragraph(doc, heading, font=TITLE_FONT, size=18, centre=True)
    for line in field_lines(table.header_fields) + ([table.caption] if table.caption else []):
        _paragraph(doc, line)
    n_rows = table.n_rows + (BLANK_ROWS if _needs_blank_rows(table) else 0)
    wt = doc.add_table(rows=n_rows, cols=table.n_cols)
    wt.autofit = False
    _borders(wt)
    _fill_grid(wt, table, column_widths(table, text_width))
    for line in field_lines(table.footer_fields) + list(table.notes):
        _paragraph(doc, line)


def build_document(notice):
    """A python-docx ``Document`` with one form per table of ``notice``, or
    None when it has no tables."""
    import docx

    doc = docx.Document()
    first = True
    for att, _k, table, _label in iter_tables(notice):
        add_form(doc, att, table, first=first)
        first = False
    return None if first else doc


def to_bytes(notice) -> Optional[bytes]:
    """The .docx file of :func:`build_document` as bytes (None: no tables)."""
    doc = build_document(notice)
    if doc is None:
        return None
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
