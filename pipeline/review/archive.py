"""What the review pages read: a batch output folder (``index.sqlite``,
the records, their text and review files).

Only paths listed in the index are ever opened, and each is checked to lie
inside OUTDIR after resolving links — a URL can name a notice, never a file.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from models.review import Applied, Review
from pipeline.exports import corrections as corr


class NotInArchive(Exception):
    """A path that is not a notice of this archive (or lies outside OUTDIR)."""


@dataclass
class NoticeView:
    """Everything the notice page shows. ``error`` is one line when the
    record cannot be read (the page shows it, the rest of the app works);
    ``review_error`` likewise for its review file."""

    rel: str
    record_path: Path
    raw: Optional[dict] = None
    fixed: Optional[dict] = None
    text: Optional[dict] = None
    review: Review = field(default_factory=Review)
    applied: Applied = field(default_factory=Applied)
    ids: dict = field(default_factory=dict)
    error: Optional[str] = None
    review_error: Optional[str] = None
    duplicate_of: Optional[str] = None


class Archive:
    """A batch output folder served by the review app."""

    def __init__(self, out: str | os.PathLike):
        self.out = Path(out).resolve()
        self.db = self.out / "index.sqlite"

    def connect(self) -> sqlite3.Connection:
        """A read-only connection to the current index (a batch run may have
        renamed a new one over it since the last request)."""
        con = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10)
        con.row_factory = sqlite3.Row
        return con

    def inside(self, rel_path: str) -> Path:
        """``OUTDIR/rel_path`` resolved; raises :class:`NotInArchive` when it
        would lie outside OUTDIR."""
        p = (self.out / rel_path).resolve()
        if p != self.out and self.out not in p.parents:
            raise NotInArchive(rel_path)
        return p

    def notice_row(self, rel: str) -> sqlite3.Row:
        """The ``notices`` row of ``rel``; raises :class:`NotInArchive`."""
        con = self.connect()
        try:
            row = con.execute("SELECT * FROM notices WHERE path = ?", (rel,)).fetchone()
        finally:
            con.close()
        if row is None:
            raise NotInArchive(rel)
        return row

    def view(self, rel: str) -> NoticeView:
        """Load notice ``rel`` for its page."""
        row = self.notice_row(rel)
        rp = self.inside(row["record_path"])
        v = NoticeView(rel=rel, record_path=rp, duplicate_of=row["duplicate_of"])
        try:
            v.raw = corr.read_record(rp)
            if not isinstance(v.raw, dict):
                raise ValueError("not a JSON object")
            from models.notice import Notice
            Notice.model_validate(v.raw)
        except (OSError, ValueError) as e:
            v.raw, v.error = None, f"{row['record_path']}: cannot read the record " \
                                   f"({(str(e).splitlines() or [''])[0][:200]})"
            return v
        from pipeline.exports.doctext import load_text

        v.text = load_text(rp)
        try:
            v.review = corr.load_review(corr.review_path(rp))
        except corr.ReviewError as e:
            v.review_error = str(e).replace(str(self.out) + os.sep, "")
        v.ids = corr.value_ids(v.raw)
        v.fixed, v.applied = corr.apply_review(v.raw, v.review)
        return v

    # ---- lists

    def has_review_tables(self) -> bool:
        """False for an index built before issue 13 (re-run the batch)."""
        con = self.connect()
        try:
            return bool(con.execute("SELECT 1 FROM sqlite_master WHERE name = "
                                    "'deadline_review'").fetchone())
        finally:
            con.close()

    def inbox(self, today: dt.date) -> dict[str, list[dict]]:
        """Deadlines of distinct notices: ``week`` (due today … +7 days),
        ``month`` (+8 … +30), ``overdue`` (before today, not done), each with
        its notice; ``recent`` notices by record time; ``flagged`` notices
        with corrections to look at again or an unreadable review file."""
        q = ("SELECT r.*, n.title, n.issuer, n.doc_number FROM deadline_review AS r "
             "JOIN notices AS n USING (path) WHERE n.duplicate_of IS NULL AND r.due IS NOT NULL "
             "AND r.due BETWEEN ? AND ? {extra} ORDER BY r.due {order}, r.due_time, n.seq, r.seq "
             "LIMIT 200")
        d = dt.timedelta
        con = self.connect()
        try:
            rows = {
                "week": con.execute(q.format(extra="", order="ASC"),
                                    (today.isoformat(), (today + d(days=7)).isoformat())),
                "month": con.execute(q.format(extra="", order="ASC"),
                                     ((today + d(days=8)).isoformat(),
                                      (today + d(days=30)).isoformat())),
                "overdue": con.execute(q.format(extra="AND r.status <> 'done'", order="DESC"),
                                       ("0000-01-01", (today - d(days=1)).isoformat())),
                "recent": con.execute(
                    "SELECT n.path, n.title, n.issuer, n.doc_number, n.n_deadlines, "
                    "n.record_path FROM notices AS n WHERE n.duplicate_of IS NULL"),
                "flagged": con.execute(
                    "SELECT n.path, n.title, v.n_flags, v.error FROM notices AS n "
                    "JOIN notice_review AS v USING (path) WHERE v.n_flags > 0 OR v.error "
                    "IS NOT NULL ORDER BY n.seq LIMIT 100"),
            }
            out = {k: [dict(r) for r in cur.fetchall()] for k, cur in rows.items()}
        finally:
            con.close()
        out["recent"] = self._recent(out["recent"])
        return out

    def _recent(self, rows: list[dict], n: int = 10) -> list[dict]:
        """The ``n`` notices whose records were written last, newest first.
        The time comes from the record files, not the index, so that
        index.sqlite stays the same bytes whenever the same records are
        indexed (resumed and uninterrupted batches agree)."""
        for r in rows:
            try:
                mtime = os.stat(self.out / r.pop("record_path")).st_mtime
            except OSError:
                mtime = 0.0
            r["mtime"] = mtime
            r["added"] = (dt.datetime.fromtimestamp(mtime, dt.timezone.utc)
                          .isoformat(timespec="seconds") if mtime else None)
        rows.sort(key=lambda r: r.pop("mtime"), reverse=True)
        return rows[:n]

    def filters(self) -> tuple[list[str], list[str]]:
        """The issuers and years the search filters offer."""
        con = self.connect()
        try:
            names: set[str] = set()
            for (s,) in con.execute("SELECT DISTINCT issuer FROM notices WHERE issuer IS NOT NULL"):
                names.update(x for x in s.split("、") if x)
            years = [r[0] for r in con.execute(
                "SELECT DISTINCT substr(coalesce(signed_date, printed_date), 1, 4) AS y "
                "FROM notices WHERE y IS NOT NULL ORDER BY y DESC")]
            return sorted(names), years
        finally:
            con.close()

    def notices(self, *, confirmed_only: bool = False):
        """Every distinct notice of the index as a validated, corrected
        ``Notice`` (only confirmed deadlines with ``confirmed_only``); a
        record that cannot be read is left out."""
        from models.notice import Notice

        con = self.connect()
        try:
            paths = [r[0] for r in con.execute(
                "SELECT record_path FROM notices WHERE duplicate_of IS NULL ORDER BY seq")]
        finally:
            con.close()
        out = []
        for rp in paths:
            try:
                p = self.inside(rp)
                rec, applied = corr.corrected(p, corr.read_record(p))
                if confirmed_only:
                    rec = corr.confirmed_only(rec, applied)
                out.append(Notice.model_validate(rec))
            except (OSError, ValueError, NotInArchive):
                continue
        return out


def flags_of(row_flags: Optional[str]) -> list[dict]:
    """The JSON flags column of ``notice_review`` as a list."""
    try:
        return json.loads(row_flags) if row_flags else []
    except ValueError:
        return []
