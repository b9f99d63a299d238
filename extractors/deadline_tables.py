"""Deadlines set by a table column (ANNOTATION.md "deadlines").

A schedule table whose header names a deadline ("报名截止时间", "报送时间",
"截止日期") gives one deadline per row: the date in that column. The rows
may be a real table (a :class:`models.document.Grid`, whose block text is
rows joined by ``\\n`` and cells by ``\\t``) or a web page's table kept as
text, one row per line with cells between ``|``. Rows whose merged cells
leave them short ("2 | 曲艺大赛 | 市文化宫 | 7月31日 | 8月 |" under a
six-column header) are read by the order of their dates: the deadline
column is the k-th date column of the header, so it is the k-th date of
the row.

``extract(doc, parse) -> list[Deadline]``: ``parse`` reads one labelled
sentence ("报名截止时间：6月30日") in the document's context and returns
the deadlines found in it (``extractors.deadlines.parse_sentence`` with
the document's year reference), so year inference is the body's.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from extractors import dates_cn
from extractors._common import attachment_of, evidence
from extractors.deadline_parts import deadline_vocab
from models.deadlines import Deadline
from models.document import Document

# a header cell that holds dates (时间, 日期, 截止 …): the k-th of them is the deadline's
_DATE_HEAD = re.compile(r"时间|日期|截止|期限|时限")
_PIPE_ROW = re.compile(r"[|｜]")

Cells = list[tuple[str, int, int]]  # (cell text, start, end) in its block's text


def _split(text: str, base: int, sep: str) -> Cells:
    out, pos = [], 0
    for part in re.split(sep, text):
        out.append((part.strip(), base + pos, base + pos + len(part)))
        pos += len(part) + 1
    return out


def _tables(doc: Document) -> list[list[tuple[int, Cells]]]:
    """Each table of ``doc`` as rows of (block, cells): a table block's
    lines, and runs of paragraph lines with three or more ``|``."""
    tables: list[list[tuple[int, Cells]]] = []
    run: list[tuple[int, Cells]] = []
    for i, b in enumerate(doc.blocks):
        t = b.text or ""
        if b.kind == "paragraph" and len(_PIPE_ROW.findall(t)) >= 3:
            run.append((i, _split(t.rstrip(" |｜"), 0, r"[|｜]")))  # (no empty cell after the last rule)
            continue
        if run:
            tables.append(run)
            run = []
        if b.kind == "table":
            rows, base = [], 0
            for line in t.split("\n"):
                rows.append((i, _split(line, base, "\t")))
                base += len(line) + 1
            tables.append(rows)
    if run:
        tables.append(run)
    return tables


def _header(rows: list[tuple[int, Cells]]) -> Optional[tuple[int, int, str, int, int]]:
    """(row index, column, label, date-column rank, width) of the first row
    naming a deadline column, or None."""
    v = deadline_vocab()
    for r, (_, cells) in enumerate(rows[:3]):
        heads = [re.sub(r"\s+", "", c[0]) for c in cells]
        for j, h in enumerate(heads):
            if len(h) <= 12 and v["label_re"].search(h) and not v["event_label_re"].search(h):
                rank = sum(1 for x in heads[:j] if _DATE_HEAD.search(x))
                return r, j, h, rank, len(heads)
    return None


def _cell(cells: Cells, col: int, rank: int, width: int) -> Optional[tuple[str, int, int]]:
    """The row's deadline cell: at ``col`` in a full row, else its
    ``rank``-th cell holding a date."""
    if len(cells) == width:
        return cells[col] if dates_cn.scan(cells[col][0]) else None
    dated = [c for c in cells if dates_cn.scan(c[0])]
    return dated[rank] if rank < len(dated) else None


def extract(doc: Document, parse: Callable[[str], list], taken: set[tuple[int, int]]
            ) -> list[Deadline]:
    """One deadline per row of each table with a deadline column, each with
    its cell as evidence. ``taken``: (block, row start) pairs of rows whose
    cells already gave a deadline by their own words (not read twice)."""
    out: list[Deadline] = []
    for rows in _tables(doc):
        head = _header(rows)
        if head is None:
            continue
        r0, col, label, rank, width = head
        for bi, cells in rows[r0 + 1:]:
            cell = _cell(cells, col, rank, width)
            if cell is None or (bi, cells[0][1]) in taken:
                continue
            sentence = f"{label}：{cell[0]}"
            for f in parse(sentence):
                d = f.deadline
                d.text = " | ".join(c[0] for c in cells if c[0])
                att = attachment_of(doc, bi)
                d.attachments = [att] if att is not None else d.attachments
                d.evidence = evidence(doc, bi, cell[1], cell[2])
                out.append(d)
    return out


def row_starts(doc: Document, block: int, start: int) -> tuple[int, int]:
    """(block, start of the row holding ``start``) — the key of ``taken``."""
    t = doc.blocks[block].text or ""
    if doc.blocks[block].kind == "table":
        return block, t.rfind("\n", 0, start) + 1
    return block, 0
