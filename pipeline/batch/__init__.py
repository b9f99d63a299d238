"""``extract batch DIR --out OUTDIR``: extract every notice in an archive folder.

Modules: :mod:`~pipeline.batch.walk` (the archive walk),
:mod:`~pipeline.batch.worker` (one file → a result dict, the same path as
``extract FILE``), :mod:`~pipeline.batch.backends` (process pool or Dask),
:mod:`~pipeline.batch.manifest`, :mod:`~pipeline.batch.progress`, and
:mod:`~pipeline.batch.runner` (the client: schedule, record, merge).

What a run does (issue 6):

1. **Walk** ``DIR`` recursively in sorted order (component by component),
   keeping files whose suffix is in :data:`pipeline.readers.SUPPORTED_SUFFIXES`.
   Hidden files/folders, Word lock files ``~$*.docx`` and ``OUTDIR`` itself
   are skipped; directory symlinks are followed, but every real directory is
   entered once (``(st_dev, st_ino)`` set), so a symlink loop cannot hang the
   walk — a link to a folder that contains DIR (an ancestor inside DIR, or
   DIR's own parents: ``up -> ..``) is reported as ``symlink loop``.
2. **Resume**: ``OUTDIR/manifest.jsonl`` maps each relative path to the
   content sha256 and :data:`pipeline.stages.run.EXTRACTOR_VERSION` of its record.
   A file whose hash and version match and whose record exists is skipped;
   ``--reprocess`` redoes everything. The manifest is append-only, one fsync'd
   line written *after* the record's atomic rename, so a SIGKILL at any moment
   leaves at worst a torn last line (ignored on load) or a record without a
   manifest line (redone, giving the same bytes).
3. **Extract** in worker processes (stdlib ``ProcessPoolExecutor``; or a Dask
   cluster with ``--scheduler``), with at most ``2 × workers`` files in flight
   so memory does not grow with the archive. Workers return the record as JSON
   text; only this (client) process writes ``OUTDIR/<rel>.json``, atomically.
4. **Failures** go to ``OUTDIR/errors.jsonl`` (file, stage, error, message,
   severity) and the run goes on (``--fail-fast`` stops). A record whose
   notice is ``not_a_circular`` is written and listed there as a warning.
5. **Merged outputs** are rebuilt at the end from the per-file records in walk
   order — so they never depend on completion order: ``OUTDIR/index.sqlite``
   (:mod:`pipeline.exports.index`), ``--jsonl FILE`` and ``--ics FILE``. The manifest
   and ``errors.jsonl`` are rewritten in walk order too, so an interrupted and
   resumed run leaves the same ``OUTDIR`` as an uninterrupted one.

6. **One run per OUTDIR** (:mod:`~pipeline.batch.lock`, an flock); records
   are never written through a symlink in OUTDIR, and a record that collides
   with a folder or a name batch keeps is that file's failure. A full disk
   stops the run cleanly (exit 5); the same command resumes.

Exit codes: 0 all files succeeded, 1 some failed, 2 usage error (bad DIR,
bad scheduler, another run holds OUTDIR), 3 a missing optional dependency,
5 OUTDIR not writable or full, 130 interrupted (re-run to resume).
"""
from __future__ import annotations

from pipeline.batch.manifest import ERRORS, INDEX, MANIFEST, load_manifest, sha256_file
from pipeline.batch.runner import (DEFAULT_MAX_MB, BatchResult, UsageProblem, check_output_dir,
                                   run_batch)
from pipeline.batch.walk import SourceFile, WalkProblem, walk
from pipeline.batch.worker import process_file, process_files

__all__ = ["ERRORS", "INDEX", "MANIFEST", "DEFAULT_MAX_MB", "BatchResult", "SourceFile",
           "UsageProblem", "WalkProblem", "check_output_dir", "load_manifest", "process_file",
           "process_files", "run_batch", "sha256_file", "walk"]
