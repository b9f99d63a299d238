"""Attachments (附件) and their table layouts — ANNOTATION.md "attachments"."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from models.common import Evidence, Record


class TableCell(Record):
    """A visual cell: 0-based ``row``/``col`` of its top-left grid position
    and its spans (≥ 1)."""

    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    text: str = ""


class FormField(Record):
    """A label cell of a form and the value slots it asks for.

    ``slots`` names the blanks: one empty string for a plain blank cell, or
    the labels of the blanks inside the text ("共人，其中男人" → ["共", "男"]).
    ``row``/``col`` locate the label cell.
    """

    label: str
    slots: list[str] = Field(default_factory=list)
    row: int = 0
    col: int = 0


class Table(Record):
    """One table of an attachment: its grid, header and kind.

    ``header`` = the header row's non-empty cell texts, whitespace removed;
    ``kind`` = ``list`` (header row + rows to fill) or ``form`` (label cells
    beside blank value cells), decided by structure (ANNOTATION.md).
    """

    n_rows: int = 0
    n_cols: int = 0
    cells: list[TableCell] = Field(default_factory=list)
    header: list[str] = Field(default_factory=list)
    kind: Literal["list", "form"] = "list"
    columns: list[str] = Field(default_factory=list)
    fields: list[FormField] = Field(default_factory=list)
    header_fields: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
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
