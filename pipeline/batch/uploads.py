"""Files added to a batch output folder from the review page, and the index
of the whole folder.

A file dropped on the review page's *Add* page is read and extracted by the
batch's own per-file function (:func:`pipeline.batch.worker.process_file`,
i.e. ``read_path`` + ``extract_read``: the one path), kept as
``OUTDIR/uploads/<name>`` with its record ``OUTDIR/uploads/<name>.json`` and
text beside it, and listed in ``OUTDIR/uploads.jsonl`` (manifest lines). The
batch's merged outputs take those records after the archive's own, so a
later ``extract batch DIR --out OUTDIR`` keeps them in the index, the JSONL
and the calendar. Nothing is written outside OUTDIR, and a file that cannot
be read leaves nothing behind.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Iterable

from pipeline.batch.manifest import INDEX, MANIFEST, RECORD_SUFFIX, load_manifest, manifest_line
from pipeline.exports.atomic import append_line, atomic_write_bytes, atomic_write_text
from pipeline.exports.corrections import TEXT_SUFFIX

UPLOADS = "uploads.jsonl"
UPLOAD_DIR = "uploads"
# characters never kept in an uploaded file's name (path separators, controls,
# characters that shells and Windows treat specially)
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


class UploadRefused(Exception):
    """An upload that was not stored: one line saying why."""


def with_uploads(out_p: Path, rels: list[str], done: dict[str, dict]
                 ) -> tuple[list[str], dict[str, dict]]:
    """The batch's records followed by the uploaded ones (in upload order)
    whose record still exists."""
    added = load_manifest(out_p / UPLOADS)
    extra = [r for r in added if r not in done and (out_p / added[r]["output"]).is_file()]
    if not extra:
        return rels, done
    merged = dict(done)
    merged.update({r: added[r] for r in extra})
    return rels + extra, merged


def archive_index(out_p: Path, items: Iterable[tuple[str, str, dict, str]]) -> tuple[int, int]:
    """Build ``OUTDIR/index.sqlite`` from raw records with every review
    applied, the archive search tables and the review tables
    (:class:`~pipeline.exports.review_index.ReviewIndex`,
    :class:`~pipeline.exports.search.SearchIndex`). Returns (notices,
    distinct documents). An unreadable review file is reported on stderr in
    one line and its corrections are left out; the rest is indexed."""
    import sys

    from pipeline.exports.review_index import ReviewIndex
    from pipeline.exports.index import build_index
    from pipeline.exports.search import SearchIndex

    review = ReviewIndex(out_p)
    search = SearchIndex(out_p, previous=out_p / INDEX)
    try:
        n_notices, _n_deadlines, n_docs = build_index(
            out_p / INDEX, review.corrected_items(items), extras=(review, search))
    finally:
        search.close()
    for line in review.problems:
        print(f"batch: warning: {line}; its corrections were not applied", file=sys.stderr)
    return n_notices, n_docs


def rebuild_index(out: str | os.PathLike) -> tuple[int, int]:
    """Rebuild ``OUTDIR/index.sqlite`` from the manifest of the last batch
    run (walk order) and the uploads, as the batch's merge step does — after
    an upload from the review page. Returns (notices, distinct documents)."""
    import json

    out_p = Path(out)
    done = load_manifest(out_p / MANIFEST)
    rels = [r for r in done if (out_p / done[r].get("output", "")).is_file()]
    rels, done = with_uploads(out_p, rels, done)

    def items():
        for rel in rels:
            e = done[rel]
            with open(out_p / e["output"], "rb") as f:
                yield rel, e["output"], json.loads(f.read()), e["fingerprint"]

    return archive_index(out_p, items())


def safe_name(name: str, fmt: str) -> str:
    """A file name for an upload: the last path component of what the
    browser sent, unsafe characters replaced, at most 120 characters, and a
    suffix the batch walk accepts (the detected format's when it has none)."""
    from pipeline.readers import SUPPORTED_SUFFIXES

    base = _UNSAFE.sub("_", re.split(r"[/\\]", name or "")[-1]).strip(" .") or "notice"
    stem, dot, suffix = base.rpartition(".")
    if not dot or "." + suffix.lower() not in SUPPORTED_SUFFIXES:
        stem, suffix = base, {"image": "png"}.get(fmt, fmt)
    return f"{stem[:100]}.{suffix.lower()}"


def _target(out_p: Path, name: str, sha: str) -> str:
    """``uploads/<name>``, or ``uploads/<stem>-<sha8>.<ext>`` when another
    file already has that name."""
    rel = f"{UPLOAD_DIR}/{name}"
    if (out_p / rel).exists():
        stem, _, suffix = name.rpartition(".")
        rel = f"{UPLOAD_DIR}/{stem}-{sha[:8]}.{suffix}"
    return rel


def add_upload(out: str | os.PathLike, filename: str, data: bytes, *, max_bytes: int) -> dict:
    """Store and extract one uploaded file; return its manifest entry
    (``path``, ``output``, ``sha256``, ``fingerprint``, ``added``). Raises
    :class:`UploadRefused` (one line: too large, not a supported format,
    unreadable — nothing stored) for a bad file. A file already uploaded
    (same content) returns the existing entry."""
    import hashlib

    from pipeline.batch.worker import process_file
    from pipeline.errors import NoticeError
    from pipeline.readers import detect_format
    from pipeline.stages.run import EXTRACTOR_VERSION

    out_p = Path(out)
    shown = safe_name(filename, "txt")
    if len(data) > max_bytes:
        raise UploadRefused(f"{shown}: file too large ({len(data) / 2**20:.1f} MB > "
                            f"{max_bytes / 2**20:.0f} MB limit, see --max-size)")
    try:
        fmt = detect_format(shown, data)
    except NoticeError as e:
        raise UploadRefused(str(e)) from None
    sha = hashlib.sha256(data).hexdigest()
    for entry in load_manifest(out_p / UPLOADS).values():
        if entry.get("sha256") == sha and (out_p / entry["output"]).is_file():
            return entry
    rel = _target(out_p, safe_name(filename, fmt), sha)
    src = out_p / rel
    atomic_write_bytes(src, data)
    r = process_file(str(src))
    if not r.get("ok"):
        os.unlink(src)
        raise UploadRefused(r.get("message") or f"{shown}: could not be read")
    out_rel = rel + RECORD_SUFFIX
    atomic_write_text(out_p / (rel + TEXT_SUFFIX), r["text"])
    atomic_write_text(out_p / out_rel, r["json"] if r["json"].endswith("\n") else r["json"] + "\n")
    entry = {"path": rel, "sha256": sha, "extractor_version": EXTRACTOR_VERSION,
             "output": out_rel, "fingerprint": r["fingerprint"], "warnings": r.get("warnings") or [],
             "added": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    append_line(out_p / UPLOADS, manifest_line(entry))
    return entry
