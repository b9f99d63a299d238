"""Plain-text reader (.txt, .md, pasted text).

Decoding: UTF-8 (with or without BOM), else GB18030 — never a silent
single-byte fallback; undecodable bytes give a one-line error suggesting the
fix. Each non-empty line is a paragraph (pasted circulars use either blank
lines or single newlines between paragraphs); tab-separated lines and the
one-cell-per-line layout become table grids through
:mod:`pipeline.readers.txt_tables`.
"""
from __future__ import annotations

import hashlib

from models.document import Block, Document, Grid
from pipeline.errors import DocumentLoadError


def decode(path: str, data: bytes) -> str:
    """The text of ``data``: UTF-8 (BOM stripped), UTF-16 (BOM or the zero-byte
    pattern of ASCII/CJK text) or GB18030.

    Raises :class:`DocumentLoadError` when neither decodes — the message
    names the file and says the encoding is unknown.
    """
    from pipeline.readers import utf16_encoding

    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    else:
        utf16 = utf16_encoding(data[:4096])  # Notepad's "Unicode", with or without BOM
        if utf16:
            try:
                return data.decode(utf16)
            except UnicodeDecodeError:
                pass
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise DocumentLoadError(path, "text is neither UTF-8 nor GB18030; re-save it as UTF-8")


def read(path: str, data: bytes) -> Document:
    """Read a text notice into a ``Document`` (format ``txt``, no pages)."""
    from pipeline.readers import txt_tables

    text = decode(path, data).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    doc = Document(path=path, sha256=hashlib.sha256(data).hexdigest(), format="txt")
    for kind, item in txt_tables.split(lines):
        if kind == "table":
            grid: Grid = item.grid
            doc.blocks.append(Block(kind="table", raw=txt_tables.grid_text(grid), grid=grid))
        elif lines[item].strip():
            doc.blocks.append(Block(kind="paragraph", raw=lines[item]))
    if not doc.blocks:
        doc.warnings.append(("empty_text", "the file holds no text"))
    return doc
