"""The document text kept beside a record: ``OUTDIR/<path>.blocks.jsonl``.

Every ``Evidence`` of a record points into the *normalised* blocks of the
document (block index, character span). The review page draws those blocks
with each value highlighted at its span, and the archive search indexes their
text; both need the text, and reading the source again on every page view
would mean OCR and LibreOffice again. So the batch writes, once per record,
what they need: for each block its kind, normalised ``text``, ``page``,
alignment/bold (for a readable layout) and, for tables, the grid's cell
positions and spans (a table block's text is its rows joined by ``\\n`` and
top-left cells by ``\\t`` — ``pipeline.stages.normalise`` — so the spans
are all the page needs to draw the real table). Written by the batch client,
atomically, whenever it writes the record; same sha256 as the record. JSON
Lines (a header line, then one block a line) and not ``.json``, so that
``records/**/*.json`` still names only records.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

from models.document import Document

TEXT_SCHEMA_VERSION = 1
TEXT_SUFFIX = ".blocks.jsonl"


def document_text(doc: Document) -> dict:
    """The JSON-able text of a normalised ``doc`` (see module doc):
    ``{"schema", "sha256", "blocks": [{"kind", "text", "page", "align",
    "bold", "cells"?: [[row, col, row_span, col_span], …]}]}``; cells in
    the order of the table text (row by row, column order)."""
    blocks = []
    for b in doc.blocks:
        item = {"kind": b.kind, "text": b.text, "page": b.page, "align": b.align,
                "bold": b.bold}
        if b.kind == "table" and b.grid is not None:
            cells = sorted((c for c in b.grid.cells if 0 <= c.row < b.grid.n_rows),
                           key=lambda c: (c.row, c.col))
            item["cells"] = [[c.row, c.col, c.row_span, c.col_span] for c in cells]
            item["n_cols"] = b.grid.n_cols
        blocks.append(item)
    return {"schema": TEXT_SCHEMA_VERSION, "sha256": doc.sha256, "blocks": blocks}


def dumps_text(text: dict) -> str:
    """:func:`document_text` as JSON Lines: the header (schema, sha256), then
    one block a line."""
    head = {k: v for k, v in text.items() if k != "blocks"}
    return "\n".join(json.dumps(x, ensure_ascii=False) for x in [head, *text["blocks"]]) + "\n"


def text_path(record_path: str | os.PathLike) -> Path:
    """``x.docx.json`` → ``x.docx.blocks.jsonl``."""
    s = os.fspath(record_path)
    return Path((s[:-5] if s.endswith(".json") else s) + TEXT_SUFFIX)


def load_text(record_path: str | os.PathLike) -> Optional[dict]:
    """The text kept beside the record at ``record_path`` (the dict of
    :func:`document_text`), or None when it is missing or unreadable
    (records of runs before issue 13 have none)."""
    try:
        with open(text_path(record_path), "rb") as f:
            lines = [json.loads(line) for line in f.read().splitlines() if line.strip()]
    except (OSError, ValueError):
        return None
    if not lines or not all(isinstance(x, dict) for x in lines):
        return None
    return {**lines[0], "blocks": lines[1:]}


def plain_text(text: Optional[dict]) -> str:
    """All block texts of a :func:`document_text`, one block a line (tables'
    cells separated by spaces) — what the archive search indexes."""
    if not text:
        return ""
    return "\n".join(str(b.get("text") or "").replace("\t", " ") for b in text["blocks"])
