"""Recognising one circular given twice — its .docx and its .pdf, or a copy
under another name — so that calendar outputs carry its deadlines once.

The identity is :func:`pipeline.exports.index.fingerprint` (squashed title,
发文字号, issuers and date — what GB/T 9704-2012 makes unique to a document),
the same key ``extract batch`` uses for ``index.sqlite`` and ``--ics``; this
module applies it to ``Notice`` objects for ``extract ics`` and ``extract push``.
"""
from __future__ import annotations

from typing import Iterable

from models.notice import Notice
from pipeline.exports.index import fingerprint


def notice_fingerprint(notice: Notice) -> str:
    """The 16-hex-digit document identity of ``notice`` (see module doc).
    A notice with neither title nor 发文字号 falls back to its file hash
    (a record does not keep the body text that batch would use)."""
    rec = notice.model_dump(mode="json", include={"title", "doc_number", "issuers",
                                                  "signed_date", "printed", "source"})
    return fingerprint(rec)


def distinct_notices(notices: Iterable[Notice]) -> list[Notice]:
    """``notices`` in their order, each circular once (the first rendering given wins)."""
    seen: set[str] = set()
    out: list[Notice] = []
    for n in notices:
        key = notice_fingerprint(n)
        if key not in seen:
            seen.add(key)
            out.append(n)
    return out
