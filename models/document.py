"""The one document type that flows through the stages.

Readers build a :class:`Document` (ordered :class:`Block` s: paragraphs with
their style cues, and tables as true cell grids); ``pipeline.stages.normalise`` fills
in each block's normalised ``text`` and the offset map back to ``raw``;
``pipeline.stages.segment`` attaches the GB/T 9704-2012 :class:`Zones`. Extractors
only read it.

These are plain dataclasses, not pydantic models: a document is internal,
rebuilt for every file, and never serialised as the output contract.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

BlockKind = Literal["paragraph", "table"]
# Where a block sat in the source file; headers/footers and text boxes matter
# because 发文机关标志 or 版记 lines sometimes live there. "chrome": a web page's
# own words that relines cut off before the notice's title on a one-line page.
Origin = Literal["body", "header", "footer", "textbox", "sdt", "ocr", "chrome"]


@dataclass
class Cell:
    """One cell of a table grid (0-based ``row``/``col`` of its top-left
    corner; spans ≥ 1). ``text`` is normalised by ``pipeline.stages.normalise``;
    ``raw`` is as read."""

    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    raw: str = ""


@dataclass
class Grid:
    """A table as a true grid: each visual cell once, with its spans.

    Positions covered by a span belong to the spanning cell; ``n_rows`` and
    ``n_cols`` count grid positions. ``nested`` holds tables found inside a
    cell (docx), flattened into their own grids. ``col_widths`` (one per
    grid column) and ``row_heights`` (one per row, None where the source sets
    none) are in points when the source gives them (docx w:tblGrid and
    w:trHeight), else empty: a form's tall rows are where people write.
    """

    n_rows: int
    n_cols: int
    cells: list[Cell]
    nested: list["Grid"] = field(default_factory=list)
    col_widths: list[float] = field(default_factory=list)
    row_heights: list[Optional[float]] = field(default_factory=list)

    def rows(self) -> list[list[Optional[Cell]]]:
        """Grid positions row by row; a position covered by a span but not
        its top-left corner is ``None``."""
        out: list[list[Optional[Cell]]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            if 0 <= c.row < self.n_rows and 0 <= c.col < self.n_cols:
                out[c.row][c.col] = c
        return out

    def row_texts(self) -> list[list[str]]:
        """Each row's cell texts in column order (top-left cells only)."""
        by_row: list[list[Cell]] = [[] for _ in range(self.n_rows)]
        for c in self.cells:
            if 0 <= c.row < self.n_rows:
                by_row[c.row].append(c)
        return [[c.text for c in sorted(r, key=lambda x: x.col)] for r in by_row]


@dataclass
class Block:
    """A paragraph or a table, in document order.

    ``raw`` is the text as the reader produced it; ``text`` the normalised
    text (filled by ``pipeline.stages.normalise``); ``offsets[i]`` is the index in
    ``raw`` of ``text[i]`` (length ``len(text) + 1``, last entry = len(raw)).
    A table block's ``raw``/``text`` is its rows joined by ``\\n`` with cells
    joined by ``\\t``, so extractors can search tables like paragraphs.
    ``page`` is 1-based or None. Style cues are None when unknown.
    """

    kind: BlockKind
    raw: str
    page: Optional[int] = None
    text: str = ""
    offsets: list[int] = field(default_factory=list)
    align: Optional[str] = None  # left | center | right | justify
    bold: Optional[bool] = None
    color: Optional[str] = None  # hex RGB such as "FF0000" (red 发文机关标志)
    size: Optional[float] = None  # points
    bbox: Optional[tuple[float, float, float, float]] = None  # x0, top, x1, bottom in pt
    origin: Origin = "body"
    grid: Optional[Grid] = None
    confidence: Optional[float] = None  # OCR line confidence 0..1
    page_break_before: bool = False  # the block starts on a new page


@dataclass
class AttachmentZone:
    """One attachment body (附件N page): its number (None for an unnumbered
    single 附件), the block holding the "附件N" label, the title blocks and
    all blocks up to the next attachment or the 版记."""

    number: Optional[int]
    label_block: int
    title_blocks: list[int] = field(default_factory=list)
    blocks: list[int] = field(default_factory=list)


@dataclass
class Zones:
    """The zones of GB/T 9704-2012 §7 as block indices.

    版头 (``head``: 发文机关标志 and 发文字号 lines), 主体 (``title``,
    ``recipients``, ``body``, ``attachment_list`` = 附件说明, ``signature``
    = 发文机关署名, ``date`` = 成文日期), 版记 (``record``: 抄送 and 印发
    lines) and each 附件 body (``attachments``); ``page`` holds a saved web
    page's navigation and meta lines. A block belongs to at most one zone;
    blocks in none are unclassified.
    """

    head: list[int] = field(default_factory=list)
    title: list[int] = field(default_factory=list)
    recipients: Optional[int] = None
    body: list[int] = field(default_factory=list)
    attachment_list: list[int] = field(default_factory=list)
    signature: list[int] = field(default_factory=list)
    date: Optional[int] = None
    record: list[int] = field(default_factory=list)
    attachments: list[AttachmentZone] = field(default_factory=list)
    # a saved web page's own lines kept in the text (breadcrumb, menus, meta
    # lines "发布时间:… 浏览次数:…"): the page's, not the notice's
    page: list[int] = field(default_factory=list)


@dataclass
class Document:
    """A circular read from one file.

    ``format`` is the detected format (``docx``, ``pdf``, ``txt`` …, by
    content, not extension); ``pages`` is the page count when known.
    ``warnings`` are (code, message) pairs from the reader.
    """

    path: str
    sha256: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    pages: Optional[int] = None
    warnings: list[tuple[str, str]] = field(default_factory=list)
    zones: Optional[Zones] = None
    ocr: bool = False

    def paragraphs(self) -> list[tuple[int, Block]]:
        """(index, block) of every paragraph block, in order."""
        return [(i, b) for i, b in enumerate(self.blocks) if b.kind == "paragraph"]
