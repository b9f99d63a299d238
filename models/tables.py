"""Attachments (附件) and their table layouts — ANNOTATION.md "attachments"."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from models.common import Evidence, Record


class TableCell(Record):
    """A visual cell: 0-based ``row``/``col`` of its top-left grid position
    and its spans (≥ 1). ``text`` is normalised; ``printed`` is the cell as
    read when that differs (the gaps of "女 人" are where a form is filled
    in, so the xlsx export prints them), else null."""

    row: int
    """Row of the cell's top-left grid position (0-based)."""
    col: int
    """Column of the cell's top-left grid position (0-based)."""
    row_span: int = 1
    """Grid rows the cell covers (>= 1)."""
    col_span: int = 1
    """Grid columns the cell covers (>= 1)."""
    text: str = ""
    """The cell's normalised text."""
    printed: Optional[str] = None
    """The cell as printed when that differs (gaps where a form is filled in); else null."""


class FormField(Record):
    """A label of a form and the value slots it asks for.

    ``label`` is the label text with whitespace removed (and a trailing
    colon dropped). ``slots`` names the blanks: one empty string for a plain
    blank cell, or the labels of the blanks inside the text ("共人，其中男人"
    → ["共", "男"]; "年 月 日" → ["年", "月", "日"]); ``units`` gives each
    slot's unit as printed after the blank ("人", "岁"; "" when none).
    ``value`` is a value already filled in (header lines such as
    "填报单位：某某公司"), else "". ``group`` is the label of a cell that
    spans the field's row(s) on its left ("班组负责人情况" over 姓名/性别…).
    For fields inside a table, ``row``/``col`` locate the label cell and
    ``value_row``/``value_col`` the blank cell (None when the slots are inline
    or the label has no blank cell); ``text`` is the line as printed for
    header/footer lines around a table.
    """

    label: str
    """The label, whitespace removed and a trailing colon dropped."""
    slots: list[str] = Field(default_factory=list)
    """The blanks asked for: one empty string for a blank cell, or the labels of inline blanks."""
    units: list[str] = Field(default_factory=list)
    """Each slot's unit as printed after the blank (人, 岁); empty string when none."""
    value: str = ""
    """A value already filled in; else empty."""
    group: Optional[str] = None
    """Label of a cell spanning the field's row(s) on its left; else null."""
    row: int = 0
    """Row of the label cell (0-based; 0 for lines around a table)."""
    col: int = 0
    """Column of the label cell (0-based)."""
    value_row: Optional[int] = None
    """Row of the blank cell; null when the slots are inline."""
    value_col: Optional[int] = None
    """Column of the blank cell; null when the slots are inline."""
    text: str = ""
    """The line as printed, for fill-in lines above or under a table."""


class Table(Record):
    """One table of an attachment: its grid, header and kind.

    ``n_rows``/``n_cols`` count grid positions; ``cells`` holds each visual
    cell once (top-left position + spans). ``header`` = the header row's
    non-empty cell texts, whitespace removed (gold NOTES.md: the first row,
    for forms too); ``kind`` = ``list`` (header row + rows to fill) or
    ``form`` (label cells beside blank value cells), decided by structure
    (ANNOTATION.md). ``columns`` (lists) names each column, "parent/child"
    under a two-level header; ``fields`` (forms) the labels and their blanks.
    ``header_fields`` are the fill-in lines between the title and the table
    (单位名称（盖章）：, 填写日期： 年 月 日); ``footer_fields`` the blank
    fill-in lines under it (联系人： 联系电话：); ``notes`` the other lines
    under it (备注：…, 注：…); ``copies`` the "一式N份" count when a note
    gives one; ``caption`` a line above the table that is not a field, or a
    title row printed inside the grid. ``warnings`` record repairs (ragged
    rows padded, overlapping spans, nested tables, empty table).
    """

    n_rows: int = 0
    """Number of grid rows."""
    n_cols: int = 0
    """Number of grid columns."""
    cells: list[TableCell] = Field(default_factory=list)
    """Each visual cell once: top-left position and spans."""
    header: list[str] = Field(default_factory=list)
    """The header row's non-empty cell texts, whitespace removed."""
    kind: Literal["list", "form"] = "list"
    """list (header row + rows to fill) or form (labels beside blank cells)."""
    columns: list[str] = Field(default_factory=list)
    """Column names of a list table (parent/child under a two-level header)."""
    fields: list[FormField] = Field(default_factory=list)
    """The labels and blanks of a form table."""
    header_fields: list[FormField] = Field(default_factory=list)
    """Fill-in lines between the title and the table (单位名称（盖章）：)."""
    footer_fields: list[FormField] = Field(default_factory=list)
    """Fill-in lines under the table (联系人： 联系电话：)."""
    notes: list[str] = Field(default_factory=list)
    """Other lines under the table (备注：, 注：)."""
    copies: Optional[int] = None
    """The 一式N份 count when a note gives one; else null."""
    caption: Optional[str] = None
    """A line above the table that is not a field, or a title row inside the grid; else null."""
    col_widths: list[float] = Field(default_factory=list)
    """Width of each grid column in points, as the source sets it (docx); empty when unknown."""
    row_heights: list[Optional[float]] = Field(default_factory=list)
    """Height of each grid row in points where the source sets one (docx), else null; empty
    when unknown. Tall rows are the ones meant for handwriting."""
    warnings: list[str] = Field(default_factory=list)
    """Repairs made while reading the grid (ragged rows, overlapping spans ...)."""
    evidence: Optional[Evidence] = None
    """Where the table was read."""


class Attachment(Record):
    """An attachment named in the 附件说明 and/or found as a body.

    ``title`` is from the 附件说明 when there is one (else the body's own
    heading); ``body_title`` is the heading on the attachment's page;
    ``title_differs`` flags the two disagreeing; ``present`` is false when
    the attachment is listed but its body is not in this file.
    """

    number: Optional[int] = None
    """The attachment number (附件N); null for an unnumbered single attachment."""
    title: str = ""
    """The title from the 附件说明, else the body's own heading."""
    body_title: Optional[str] = None
    """The heading on the attachment's own page; null when not in this file."""
    title_differs: bool = False
    """True when the 附件说明 wording and the body heading disagree."""
    present: bool = False
    """False when the attachment is listed but its body is not in this file."""
    tables: list[Table] = Field(default_factory=list)
    """The attachment's tables, in order."""
    evidence: Optional[Evidence] = None
    """Where the attachment was named."""
