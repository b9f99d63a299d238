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
    col: int
    row_span: int = 1
    col_span: int = 1
    text: str = ""
    printed: Optional[str] = None


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
    slots: list[str] = Field(default_factory=list)
    units: list[str] = Field(default_factory=list)
    value: str = ""
    group: Optional[str] = None
    row: int = 0
    col: int = 0
    value_row: Optional[int] = None
    value_col: Optional[int] = None
    text: str = ""


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
    n_cols: int = 0
    cells: list[TableCell] = Field(default_factory=list)
    header: list[str] = Field(default_factory=list)
    kind: Literal["list", "form"] = "list"
    columns: list[str] = Field(default_factory=list)
    fields: list[FormField] = Field(default_factory=list)
    header_fields: list[FormField] = Field(default_factory=list)
    footer_fields: list[FormField] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    copies: Optional[int] = None
    caption: Optional[str] = None
    warnings: list[str] = Field(default_factory=list)
    evidence: Optional[Evidence] = None


class Attachment(Record):
    """An attachment named in the 附件说明 and/or found as a body.

    ``title`` is from the 附件说明 when there is one (else the body's own
    heading); ``body_title`` is the heading on the attachment's page;
    ``title_differs`` flags the two disagreeing; ``present`` is false when
    the attachment is listed but its body is not in this file.
    """

    number: Optional[int] = None
    title: str = ""
    body_title: Optional[str] = None
    title_differs: bool = False
    present: bool = False
    tables: list[Table] = Field(default_factory=list)
    evidence: Optional[Evidence] = None
