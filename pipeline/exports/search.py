"""Archive search: an FTS5 table in ``index.sqlite`` tokenised with jieba.

Why jieba (measured for issue 13): FTS5's ``unicode61`` tokenizer keeps a
run of Chinese characters as one token, so a clerk's word (截止, 推荐, 会费)
matches only where it happens to stand alone between punctuation; the
``trigram`` tokenizer cannot match two-character words at all. So the text
is segmented in Python before it reaches SQLite: jieba's *search* mode at
index time (``工人先锋号`` → 工人 / 先锋 / 先锋号, every dictionary word and
its sub-words) and its *plain* mode at query time (``工人先锋号`` → 工人 /
先锋号), the tokens joined by spaces into columns of an FTS5 table whose
``unicode61`` tokenizer then only splits on those spaces. Query tokens are
ANDed; ranking is FTS5's BM25 with the title weighted highest.

Tables (added to the index by :class:`SearchIndex`, rows keyed by
``notices.seq``): ``notice_fts`` (title, issuer, doc_number, deadlines,
contacts, body — tokenised) and ``notice_text`` (path, sha256, the plain
text for snippets, and the tokenizer version of ``body``). Tokenising is the
costly part of indexing (jieba segments roughly 35–100 k characters/s), so a
rebuild copies the body tokens of an unchanged file (same path, sha256 and
tokenizer version) from the previous index instead of segmenting again.

jieba is imported and its dictionary loaded lazily, once per process, only
by indexing and search (:func:`tokenizer`); ``extract notice.docx`` never
loads it.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

TOKENIZER_VERSION = "jieba-0.42-search/1"
FTS_COLUMNS = ("title", "issuer", "doc_number", "deadlines", "contacts", "body")
WEIGHTS = (10.0, 4.0, 4.0, 2.0, 1.0, 1.0)  # bm25() column weights, in FTS_COLUMNS order
# (FTS5's "rank" of notice_fts is set to bm25() with these weights)

SCHEMA = """
CREATE VIRTUAL TABLE notice_fts USING fts5(
    title, issuer, doc_number, deadlines, contacts, body,
    tokenize = 'unicode61 remove_diacritics 0');
CREATE TABLE notice_text (
    seq        INTEGER PRIMARY KEY,    -- notices.seq = notice_fts.rowid
    path       TEXT NOT NULL,
    sha256     TEXT,
    tokenizer  TEXT,                   -- TOKENIZER_VERSION of the body tokens
    text       TEXT NOT NULL           -- plain text (block texts, one a line) for snippets
);
CREATE INDEX notice_text_path ON notice_text(path);
"""

# A token worth searching: it has a letter, a digit or an ideograph.
_WORDY = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_JIEBA = None


def tokenizer():
    """The jieba module, its dictionary loaded — once per process."""
    global _JIEBA
    if _JIEBA is None:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        _JIEBA = jieba
    return _JIEBA


def index_tokens(text: str) -> str:
    """``text`` segmented for the index (jieba search mode), tokens joined by
    spaces; punctuation and whitespace tokens dropped, ASCII lower-cased."""
    if not text:
        return ""
    return " ".join(t.lower() for t in tokenizer().cut_for_search(text) if _WORDY.search(t))


def query_tokens(query: str) -> list[str]:
    """The distinct words of a query (jieba plain mode), in order; a query of
    only punctuation or spaces gives ``[]``."""
    if not query or not _WORDY.search(query):
        return []
    out: list[str] = []
    for t in tokenizer().cut(query):
        t = t.strip().lower()
        if _WORDY.search(t) and t not in out:
            out.append(t)
    return out


def match_expression(tokens: list[str]) -> str:
    """The FTS5 MATCH expression: every token as a quoted string, ANDed."""
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in tokens)


def _deadline_words(rec: dict) -> str:
    return " ".join(" ".join(str(d.get(k) or "") for k in ("action", "deliverable", "submit_to",
                                                            "text"))
                    for d in rec.get("deadlines") or [])


def _contact_words(rec: dict) -> str:
    parts = []
    for cp in rec.get("contacts") or []:
        parts.extend(cp.get("names") or [])
        parts.append(cp.get("department") or "")
        parts.extend(str(v.get("value") or "") for v in cp.get("values") or [])
    return " ".join(parts)


class SearchIndex:
    """An extra of ``pipeline.exports.index.build_index``: fills the search
    tables for each notice. ``out_dir`` is the batch output folder (to find
    each record's ``.blocks.jsonl``); ``previous`` an older index whose body
    tokens may be reused."""

    def __init__(self, out_dir: str | os.PathLike, previous: Optional[str | os.PathLike] = None):
        self.out = Path(out_dir)
        self.prev: Optional[sqlite3.Connection] = None
        if previous and os.path.isfile(previous):
            try:
                self.prev = sqlite3.connect(f"file:{os.fspath(previous)}?mode=ro", uri=True)
                self.prev.execute("SELECT 1 FROM notice_text LIMIT 1")
            except sqlite3.Error:
                self.prev = None
        self.reused = self.tokenised = 0
        self.seen: set[str] = set()  # document ids indexed: later copies are not

    def create(self, con: sqlite3.Connection) -> None:
        """Create the search tables in the index being built."""
        con.executescript(SCHEMA)
        # FTS5 orders by this itself ("ORDER BY rank"), faster than sorting bm25() in SQL
        con.execute("INSERT INTO notice_fts (notice_fts, rank) VALUES ('rank', ?)",
                    (f"bm25({', '.join(str(x) for x in WEIGHTS)})",))

    def text_of(self, record_path: str) -> str:
        """The plain text of the document whose record is ``record_path``
        (relative to OUTDIR), from the text kept beside it; "" when none."""
        from pipeline.exports.doctext import load_text, plain_text

        return plain_text(load_text(self.out / record_path))

    def cached_body(self, path: str, sha: Optional[str]) -> Optional[str]:
        """The body tokens of ``path`` in the previous index when its file
        (``sha``) and the tokenizer are unchanged, else None."""
        if self.prev is None or not sha:
            return None
        row = self.prev.execute(
            "SELECT f.body FROM notice_text AS t JOIN notice_fts AS f ON f.rowid = t.seq "
            "WHERE t.path = ? AND t.sha256 = ? AND t.tokenizer = ?",
            (path, sha, TOKENIZER_VERSION)).fetchone()
        return row[0] if row else None

    def add(self, con: sqlite3.Connection, seq: int, rel: str, record_path: str, rec: dict,
            doc_id: str, body: Optional[str] = None) -> None:
        """Index one notice (``rec`` already corrected) at rowid ``seq``;
        ``body`` its body tokens when the caller has them. A later copy of a
        document already indexed (same ``doc_id``, ``pipeline.exports.index.
        fingerprint``) is not indexed: search shows each circular once."""
        if doc_id in self.seen:
            return
        self.seen.add(doc_id)
        text = self.text_of(record_path)
        sha = (rec.get("source") or {}).get("sha256")
        body = body if body is not None else self.cached_body(rel, sha)
        if body is None:
            body = index_tokens(text)
            self.tokenised += 1
        else:
            self.reused += 1
        issuers = " ".join(i.get("name", "") for i in rec.get("issuers") or [])
        fields = [(rec.get("title") or {}).get("text") or "", issuers,
                  (rec.get("doc_number") or {}).get("text") or "",
                  _deadline_words(rec), _contact_words(rec)]
        con.execute("INSERT INTO notice_fts (rowid, title, issuer, doc_number, deadlines, "
                    "contacts, body) VALUES (?,?,?,?,?,?,?)",
                    (seq, *[index_tokens(f) for f in fields], body))
        con.execute("INSERT INTO notice_text VALUES (?,?,?,?,?)",
                    (seq, rel, sha, TOKENIZER_VERSION, text))

    def close(self) -> None:
        """Release the previous index."""
        if self.prev is not None:
            self.prev.close()
            self.prev = None


@dataclass
class Hit:
    """One search result: the notice (canonical copy), its BM25 ``score``
    (lower is better, as FTS5 gives it) and ``snippet`` / ``title_marked`` as
    ``[(text, is_match), …]`` segments for the caller to render (escaped)."""

    path: str
    record_path: str
    title: str
    issuer: str
    doc_number: str
    date: str
    score: float
    snippet: list[tuple[str, bool]] = field(default_factory=list)
    title_marked: list[tuple[str, bool]] = field(default_factory=list)


def _filters(issuer: Optional[str], year: Optional[int], open_deadline: bool,
             today: Optional[dt.date]) -> tuple[str, list]:
    sql, args = "", []
    if issuer:
        sql += " AND n.issuer LIKE ? ESCAPE '\\'"
        args.append("%" + re.sub(r"([%_\\])", r"\\\1", issuer.strip()) + "%")
    if year:
        sql += " AND substr(coalesce(n.signed_date, n.printed_date, ''), 1, 4) = ?"
        args.append(f"{int(year):04d}")
    if open_deadline:
        sql += (" AND EXISTS (SELECT 1 FROM deadline_review AS r WHERE r.path = n.path"
                " AND r.due >= ? AND r.status IN ('unconfirmed', 'confirmed'))")
        args.append((today or dt.date.today()).isoformat())
    return sql, args


def search(db_path: str | os.PathLike, query: str, *, limit: int = 20,
           issuer: Optional[str] = None, year: Optional[int] = None,
           open_deadline: bool = False, today: Optional[dt.date] = None) -> list[Hit]:
    """Rank the distinct notices of the index at ``db_path`` for ``query``
    (BM25, best first), at most ``limit``; filters: ``issuer`` (substring of
    the issuers), ``year`` (of 成文日期, else 印发日期), ``open_deadline`` (a
    deadline on or after ``today`` not done or rejected). A query with no
    word gives ``[]``. Raises ``sqlite3.Error`` for an index without search
    tables (built before this version: run the batch again)."""
    tokens = query_tokens(query)
    if not tokens:
        return []
    where, args = _filters(issuer, year, open_deadline, today)
    con = sqlite3.connect(f"file:{os.fspath(db_path)}?mode=ro", uri=True)
    try:
        if where:
            ranked = con.execute(
                f"SELECT f.rowid, f.rank FROM notice_fts AS f "
                f"JOIN notice_text AS t ON t.seq = f.rowid JOIN notices AS n ON n.path = t.path "
                f"WHERE notice_fts MATCH ?{where} ORDER BY f.rank LIMIT ?",
                [match_expression(tokens), *args, int(limit)]).fetchall()
        else:  # the common case: FTS5 ranks alone, only the shown rows are joined
            ranked = con.execute("SELECT rowid, rank FROM notice_fts WHERE notice_fts MATCH ? "
                                 "ORDER BY rank LIMIT ?",
                                 (match_expression(tokens), int(limit))).fetchall()
        rows = {r[0]: r[1:] for r in con.execute(
            f"SELECT t.seq, n.path, n.record_path, coalesce(n.title, ''), "
            f"coalesce(n.issuer, ''), coalesce(n.doc_number, ''), "
            f"coalesce(n.signed_date, n.printed_date, ''), t.text "
            f"FROM notice_text AS t JOIN notices AS n ON n.path = t.path "
            f"WHERE t.seq IN ({','.join('?' * len(ranked))})", [r[0] for r in ranked])}
    finally:
        con.close()
    return [Hit(path=r[0], record_path=r[1], title=r[2], issuer=r[3], doc_number=r[4],
                date=r[5], score=score, snippet=snippet(r[6], tokens),
                title_marked=marked(r[2], tokens))
            for seq, score in ranked if (r := rows.get(seq))]


def _occurrences(text: str, tokens: list[str]) -> list[tuple[int, int, int]]:
    """(start, end, token index) of every occurrence of a query word, in
    order; one regular expression (longest words first), case-insensitive."""
    order = sorted(range(len(tokens)), key=lambda k: -len(tokens[k]))
    rx = re.compile("|".join(f"({re.escape(tokens[k])})" for k in order), re.IGNORECASE)
    return [(m.start(), m.end(), order[m.lastindex - 1]) for m in rx.finditer(text)]


def marked(text: str, tokens: list[str]) -> list[tuple[str, bool]]:
    """``text`` as segments, the query words marked."""
    out, pos = [], 0
    for s, e, _k in _occurrences(text, tokens):
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def _best_window(occ: list[tuple[int, int, int]], width: int) -> int:
    """Start of the ``width``-character window (beginning a quarter width
    before an occurrence) holding the most distinct words; the earliest of
    equals. A sliding window over the occurrences: linear in their number."""
    best, best_n, counts, j = 0, -1, {}, 0
    for i, (s, _e, _k) in enumerate(occ):
        start = max(0, s - width // 4)
        while j < len(occ) and occ[j][1] <= start + width:
            counts[occ[j][2]] = counts.get(occ[j][2], 0) + 1
            j += 1
        if len(counts) > best_n:
            best, best_n = start, len(counts)
        k = occ[i][2]  # occurrence i leaves the window before the next one starts
        counts[k] -= 1
        if not counts[k]:
            del counts[k]
    return best


def snippet(text: str, tokens: list[str], width: int = 80) -> list[tuple[str, bool]]:
    """The ``width``-character window of ``text`` holding the most distinct
    query words (the earliest such window), as marked segments, with ``…``
    where it was cut."""
    occ = _occurrences(text, tokens)
    if not occ:
        return [(" ".join(text[:width].split()), False)]
    best = _best_window(occ, width)
    piece = text[best:best + width]
    segs = [(" ".join(t.split()) if not m else t, m) for t, m in marked(piece, tokens)]
    if best > 0:
        segs.insert(0, ("…", False))
    if best + width < len(text):
        segs.append(("…", False))
    return segs
