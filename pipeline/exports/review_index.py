"""The review state in ``index.sqlite`` (issue 13): each deadline's status
and whether a correction of it needs a second look (``deadline_review``),
each notice's flags (``notice_review``); nothing that changes between runs, so
the index stays the same bytes for the same records.

:class:`ReviewIndex` is an extra of ``pipeline.exports.index.build_index``
and the one place the batch applies corrections to what it indexes;
:func:`refresh_notice` updates one notice's rows in place after a person
saved a decision in the review page, so the inbox shows it at once (the
next batch run rebuilds the same rows from the review files).
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from models.review import Applied
from pipeline.exports.corrections import deadline_ids, corrected, read_record


REVIEW_SCHEMA = """
CREATE TABLE deadline_review (
    path        TEXT NOT NULL,         -- notices.path
    seq         INTEGER NOT NULL,      -- deadlines.seq (order in the corrected record)
    value_id    TEXT NOT NULL,         -- the deadline's identity (review files key on it)
    status      TEXT NOT NULL,         -- unconfirmed | confirmed | done (rejected ones are gone)
    due         TEXT,
    due_time    TEXT,
    action      TEXT,
    deliverable TEXT,
    submit_to   TEXT,
    corrected   INTEGER NOT NULL,      -- 1 when a person changed a value of it
    flagged     INTEGER NOT NULL,      -- 1 when a correction of it needs a second look
    PRIMARY KEY (path, seq)
);
CREATE INDEX deadline_review_due ON deadline_review(due);
CREATE TABLE notice_review (
    path        TEXT PRIMARY KEY,
    n_flags     INTEGER NOT NULL,
    flags       TEXT,                  -- JSON list of models.review.Flag
    error       TEXT                   -- an unreadable review file, one line
);
"""


class ReviewIndex:
    """An extra of ``pipeline.exports.index.build_index`` and the one place
    the batch applies corrections: :meth:`corrected_items` turns the batch's
    ``(rel, record_path, record, document_id)`` items into corrected ones
    (remembering what was applied), :meth:`add` stores each deadline's review
    status and the notice's flags in ``deadline_review`` / ``notice_review``.
    ``problems`` collects unreadable review files (one line each)."""

    def __init__(self, out_dir: str | os.PathLike):
        self.out = Path(out_dir)
        self.applied: dict[str, Applied] = {}
        self.problems: list[str] = []

    def corrected_items(self, items):
        """Yield ``items`` with each record's review applied."""
        for rel, record_path, rec, doc_id in items:
            fixed, applied = corrected(self.out / record_path, rec)
            if applied.error:
                self.problems.append(applied.error)
            self.applied[rel] = applied
            yield rel, record_path, fixed, doc_id

    def create(self, con) -> None:
        """Create the review tables in the index being built."""
        con.executescript(REVIEW_SCHEMA)

    def add(self, con, seq: int, rel: str, record_path: str, rec: dict, doc_id: str) -> None:
        """Index the review state of one (corrected) record."""
        applied = self.applied.pop(rel, None) or Applied(deadline_ids=deadline_ids(rec))
        flagged = {f.id for f in applied.flags}
        rows = []
        for k, (d, i) in enumerate(zip(rec.get("deadlines") or [], applied.deadline_ids)):
            rows.append((rel, k, i, applied.status.get(i, "unconfirmed"), d.get("due"),
                         d.get("due_time"), d.get("action"), d.get("deliverable"),
                         d.get("submit_to"), int(i in applied.corrected), int(i in flagged)))
        con.executemany("INSERT INTO deadline_review VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        con.execute("INSERT INTO notice_review VALUES (?,?,?,?)",
                    (rel, len(applied.flags),
                     json.dumps([f.model_dump(mode="json") for f in applied.flags],
                                ensure_ascii=False) if applied.flags else None,
                     applied.error))


def refresh_notice(db_path: str | os.PathLike, out_dir: str | os.PathLike, rel: str) -> bool:
    """Re-index notice ``rel`` of the index at ``db_path`` with its current
    review applied: its row in ``notices`` (title, 发文字号, issuers, date,
    deadline count), its ``deadlines``, review rows and search rows. Returns
    False when ``rel`` is not in the index. Raises ``sqlite3.Error``/``OSError``."""
    from pipeline.exports.index import deadline_rows, notice_row
    from pipeline.exports.search import SearchIndex

    con = sqlite3.connect(os.fspath(db_path), timeout=30)
    try:
        row = con.execute("SELECT seq, record_path, document_id, duplicate_of FROM notices "
                          "WHERE path = ?", (rel,)).fetchone()
        if row is None:
            return False
        seq, record_path, doc_id, duplicate_of = row
        review = ReviewIndex(out_dir)
        [(_r, _p, fixed, _d)] = list(review.corrected_items(
            [(rel, record_path, read_record(Path(out_dir) / record_path), doc_id)]))
        search = SearchIndex(out_dir, previous=db_path)
        body = search.cached_body(rel, (fixed.get("source") or {}).get("sha256"))
        n = notice_row(rel, seq, record_path, fixed, doc_id)
        with con:
            con.execute("UPDATE notices SET issuer = ?, doc_number = ?, title = ?, "
                        "signed_date = ?, n_deadlines = ? WHERE path = ?",
                        (n[6], n[7], n[8], n[9], n[11], rel))
            for table in ("deadlines", "deadline_review", "notice_review"):
                con.execute(f"DELETE FROM {table} WHERE path = ?", (rel,))
            con.executemany("INSERT INTO deadlines VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                            list(deadline_rows(rel, fixed, doc_id)))
            con.execute("DELETE FROM notice_fts WHERE rowid = ?", (seq,))
            con.execute("DELETE FROM notice_text WHERE seq = ?", (seq,))
            review.add(con, seq, rel, record_path, fixed, doc_id)
            if duplicate_of is None:  # copies are not in the search tables
                search.add(con, seq, rel, record_path, fixed, doc_id, body=body)
        search.close()
        return True
    finally:
        con.close()
