"""The SQLite index of a batch output folder (``OUTDIR/index.sqlite``).

One row per notice (table ``notices``), one per deadline (``deadlines``) and
one per distinct document (``documents``), so that questions such as "what
is due next week" are plain SQL::

    SELECT d.due, d.due_time, n.issuer, n.doc_number, n.title,
           d.action, d.submit_to, n.source_path
    FROM deadlines AS d JOIN notices AS n USING (path)
    WHERE n.duplicate_of IS NULL
      AND d.due BETWEEN date('now', 'weekday 1')
                    AND date('now', 'weekday 1', '+6 days')
    ORDER BY d.due, d.due_time;

Dates are ISO ``YYYY-MM-DD`` text, so SQLite's date functions and plain
string comparison both work.

A circular met twice (the same notice as .docx and .pdf, or copied into two
folders) is recognised by :func:`fingerprint`, which looks at what the
notice *says* (title, 发文字号, issuers, date) and not at its bytes. All
copies share ``notices.document_id``; every copy but the first in walk order
has ``duplicate_of`` = the path of that first copy.

The index is rebuilt from the per-file records at the end of each batch run,
rows inserted in walk order (never completion order), into a temporary file
renamed over the old index — so two runs over the same archive give the same
index, and a reader never sees a half-built one.
"""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import unicodedata
from typing import Iterable, Optional, Sequence

from pipeline.exports.atomic import atomic_path

INDEX_SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE notices (
    path          TEXT PRIMARY KEY,   -- relative to the batch input folder, '/'-separated
    seq           INTEGER NOT NULL,   -- position in walk (sorted) order
    source_path   TEXT,               -- source.path of the record
    record_path   TEXT NOT NULL,      -- the JSON record, relative to OUTDIR
    format        TEXT,
    sha256        TEXT,
    issuer        TEXT,               -- issuer names joined with '、'
    doc_number    TEXT,               -- 发文字号
    title         TEXT,
    signed_date   TEXT,
    printed_date  TEXT,
    n_deadlines   INTEGER NOT NULL,
    warnings      TEXT,               -- warning codes joined with ','
    document_id   TEXT NOT NULL,      -- content fingerprint, shared by copies
    duplicate_of  TEXT REFERENCES notices(path)
);
CREATE TABLE deadlines (
    path         TEXT NOT NULL REFERENCES notices(path),
    seq          INTEGER NOT NULL,    -- order within the notice
    due          TEXT,                -- ISO date; NULL for a relative deadline
    due_time     TEXT,                -- HH:MM
    start        TEXT,
    precision    TEXT,
    relative     INTEGER NOT NULL,
    action       TEXT,
    deliverable  TEXT,
    submit_to    TEXT,
    channel      TEXT,
    attachments  TEXT,                -- attachment numbers joined with ','
    text         TEXT,
    document_id  TEXT NOT NULL,
    PRIMARY KEY (path, seq)
);
CREATE TABLE documents (
    document_id    TEXT PRIMARY KEY,
    canonical_path TEXT NOT NULL REFERENCES notices(path),
    n_copies       INTEGER NOT NULL,
    paths          TEXT NOT NULL       -- all copies in walk order, one per line
);
CREATE INDEX deadlines_due ON deadlines(due);
CREATE INDEX notices_document ON notices(document_id);
"""

# Everything but letters/digits/CJK ideographs is dropped before hashing, so
# line breaks, spaces and full/half-width punctuation do not separate two
# renderings of one title (a .docx title vs the same title read from a PDF).
_KEEP = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# PDF page numbers ("— 3 —", "-3-") are not part of the body of the notice.
_PAGE_NO = re.compile(r"^[\s\-—–－]*\d{1,3}[\s\-—–－]*$")


def _squash(text: Optional[str]) -> str:
    return "".join(_KEEP.findall(unicodedata.normalize("NFKC", text or "")))


def fingerprint(record: dict, body_lines: Optional[Iterable[str]] = None) -> str:
    """A 16-hex-digit identity of the circular a record describes.

    ``record`` is the JSON form of a ``Notice``. The key is the squashed
    title + 发文字号 + sorted issuer names + 成文日期 (or 印发日期), because
    those are what GB/T 9704-2012 makes unique to one document; it is used
    when the record has a title or a 发文字号. Otherwise (a non-circular, a
    failed segmentation) the key is the squashed normalised body text
    ``body_lines`` (the blocks' text, page-number lines dropped); with no
    body either, the source file hash.
    """
    title = _squash((record.get("title") or {}).get("text"))
    number = _squash((record.get("doc_number") or {}).get("text"))
    if title or number:
        issuers = sorted({_squash(i.get("name")) for i in record.get("issuers") or []})
        date = record.get("signed_date") or (record.get("printed") or {}).get("date") or ""
        key = "meta\x1f" + "\x1f".join([title, number, "|".join(issuers), str(date)])
    else:
        body = "".join(_squash(line) for line in body_lines or () if not _PAGE_NO.match(line))
        if body:
            key = "body\x1f" + body
        else:
            key = "file\x1f" + str((record.get("source") or {}).get("sha256", ""))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def notice_row(rel: str, seq: int, record_path: str, rec: dict, doc_id: str) -> tuple:
    src = rec.get("source") or {}
    return (
        rel, seq, src.get("path"), record_path, src.get("format"), src.get("sha256"),
        "、".join(i.get("name", "") for i in rec.get("issuers") or []) or None,
        (rec.get("doc_number") or {}).get("text"),
        (rec.get("title") or {}).get("text"),
        rec.get("signed_date"),
        (rec.get("printed") or {}).get("date"),
        len(rec.get("deadlines") or []),
        ",".join(w.get("code", "") for w in rec.get("warnings") or []) or None,
        doc_id,
    )


def deadline_rows(rel: str, rec: dict, doc_id: str) -> Iterable[tuple]:
    for k, d in enumerate(rec.get("deadlines") or []):
        yield (
            rel, k, d.get("due"), d.get("due_time"), d.get("start"), d.get("precision"),
            int(bool(d.get("relative"))), d.get("action"), d.get("deliverable"),
            d.get("submit_to"), d.get("channel"),
            ",".join(str(a) for a in d.get("attachments") or []) or None,
            d.get("text"), doc_id,
        )


def build_index(db_path: str | os.PathLike,
                items: Iterable[tuple[str, str, dict, str]],
                extras: Sequence = ()) -> tuple[int, int, int]:
    """(Re)build the index at ``db_path`` atomically.

    ``items`` yields ``(rel_path, record_path, record_dict, document_id)`` in
    walk order; it is consumed once, row by row, so memory does not grow with
    the archive. Returns ``(notices, deadlines, documents)`` row counts.
    ``extras`` add tables of their own: each has ``create(con)`` and
    ``add(con, seq, rel, record_path, record, document_id)`` (the archive
    search, ``pipeline.exports.search.SearchIndex``; review states,
    ``pipeline.exports.review_index.ReviewIndex``).
    Raises ``OSError``/``sqlite3.Error`` if the folder is not writable.
    """
    with atomic_path(db_path) as tmp:
        con = sqlite3.connect(tmp)
        try:
            con.executescript(SCHEMA)
            for extra in extras:
                extra.create(con)
            con.execute("INSERT INTO meta VALUES ('index_schema_version', ?)",
                        (str(INDEX_SCHEMA_VERSION),))
            n_notices = n_deadlines = 0
            with con:
                for seq, (rel, record_path, rec, doc_id) in enumerate(items):
                    con.execute("INSERT INTO notices VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL)",
                                notice_row(rel, seq, record_path, rec, doc_id))
                    rows = list(deadline_rows(rel, rec, doc_id))
                    con.executemany("INSERT INTO deadlines VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                    rows)
                    for extra in extras:
                        extra.add(con, seq, rel, record_path, rec, doc_id)
                    n_notices += 1
                    n_deadlines += len(rows)
                # Copies: the first in walk order (lowest seq) is canonical.
                con.execute("""
                    INSERT INTO documents
                    SELECT document_id,
                           (SELECT path FROM notices AS m WHERE m.document_id = n.document_id
                            ORDER BY seq LIMIT 1),
                           COUNT(*),
                           (SELECT group_concat(path, char(10)) FROM
                               (SELECT path FROM notices AS m WHERE m.document_id = n.document_id
                                ORDER BY seq))
                    FROM notices AS n GROUP BY document_id ORDER BY MIN(seq)""")
                con.execute("""
                    UPDATE notices SET duplicate_of = (
                        SELECT canonical_path FROM documents AS d
                        WHERE d.document_id = notices.document_id)
                    WHERE path <> (SELECT canonical_path FROM documents AS d
                                   WHERE d.document_id = notices.document_id)""")
            n_docs = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    return n_notices, n_deadlines, n_docs


def upcoming(db_path: str | os.PathLike, start: str, end: str) -> list[dict]:
    """Deadlines due between ISO dates ``start`` and ``end`` (inclusive), one
    row per distinct document (copies skipped), ordered by due date/time."""
    con = sqlite3.connect(f"file:{os.fspath(db_path)}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        rows = con.execute("""
            SELECT d.due, d.due_time, n.issuer, n.doc_number, n.title, d.action,
                   d.submit_to, n.source_path, n.path
            FROM deadlines AS d JOIN notices AS n USING (path)
            WHERE n.duplicate_of IS NULL AND d.due BETWEEN ? AND ?
            ORDER BY d.due, d.due_time, n.seq, d.seq""", (start, end)).fetchall()
        return [dict(r) for r in rows]
    finally:
        con.close()

