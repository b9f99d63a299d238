"""The client side of a batch: schedule files on a backend, write each
record atomically, keep the manifest and errors.jsonl, rebuild the merged
outputs at the end. See :mod:`pipeline.batch` for what a run does."""
from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from pipeline.readers import DEFAULT_MAX_MB, too_large
from pipeline.batch.backends import DaskBackend, PoolBackend, default_mp_context, default_workers
from pipeline.batch.manifest import (ERRORS, INDEX, MANIFEST, RECORD_SUFFIX, load_manifest,
                                     manifest_line, sha256_file)
from pipeline.batch.progress import Reporter
from pipeline.batch.walk import SourceFile, WalkProblem, walk
from pipeline.batch.worker import (LEGACY_CHUNK, _failure, _is_legacy, _worker_error,
                                   process_file, process_files)
from pipeline.batch.lock import LOCK_NAME, Busy, OutdirLock
from pipeline.errors import OutputError
from pipeline.exports.atomic import (append_line, atomic_open, atomic_write_text, make_dirs_inside,
                                     remove_stale_temps)
from pipeline.exports.corrections import TEXT_SUFFIX



@dataclass
class BatchResult:
    """Counts of one run: ``ok`` records written now, ``skipped`` up to date
    from an earlier run, ``failed`` files listed in errors.jsonl, ``warned``
    records with a reported warning, ``seconds`` wall time."""

    ok: int = 0
    failed: int = 0
    skipped: int = 0
    warned: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    duplicates: int = 0
    outputs: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 all succeeded, 1 some failed, 130 interrupted (README exit codes)."""
        if self.interrupted:
            return 130
        return 1 if self.failed else 0


class UsageProblem(Exception):
    """A problem with the command line or the output folder, found before any
    work starts (exit code 2)."""


def check_output_dir(out: Path) -> None:
    """Create ``out`` if needed and prove it writable by creating and
    removing a temporary file in it (removed even when the write fails, e.g.
    on a full disk). Raises :class:`OutputError` (exit 5, one line)."""
    probe = out / f".write-test.{os.getpid()}"
    try:
        out.mkdir(parents=True, exist_ok=True)
        try:
            with open(probe, "wb") as f:
                f.write(b"x")
                f.flush()
                os.fsync(f.fileno())
        finally:
            with contextlib.suppress(OSError):
                probe.unlink()
    except OSError as e:
        raise OutputError(str(out), f"output folder is not writable ({_why(e)})") from None


# Names batch writes at the top of OUTDIR: no record may take them (a folder
# "errors.jsonl/" in DIR would otherwise turn OUTDIR/errors.jsonl into a folder).
RESERVED = (ERRORS, MANIFEST, INDEX, LOCK_NAME)


def _why(e: OSError) -> str:
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        return "disk full"
    return e.strerror or type(e).__name__


def _inside(out: Path, path: Path) -> bool:
    """True when ``path``'s folder is inside ``out`` with no symlink on the way."""
    return os.path.realpath(path.parent) == os.path.join(os.path.realpath(out),
                                                         *path.parent.relative_to(out).parts)


def _stop_for(e: OSError, out: Path, what: str) -> OutputError:
    """The clean stop of a run whose OUTDIR cannot take more writes (exit 5)."""
    return OutputError(str(out), f"cannot write {what} ({_why(e)}); batch stopped — make room "
                                 f"and run the same command again to resume")


def record_rel(rel: str) -> str:
    """The record's path inside OUTDIR for a source's relative path."""
    return rel + RECORD_SUFFIX


@dataclass
class Options:
    """The settings of one run (see :func:`run_batch`)."""

    workers: Optional[int] = None
    scheduler: Optional[str] = None
    mp_context: Optional[str] = None
    reprocess: bool = False
    fail_fast: bool = False
    jsonl: Optional[str] = None
    ics: Optional[str] = None
    max_bytes: int = DEFAULT_MAX_MB * 1024 * 1024
    progress: Optional[bool] = None
    quiet: bool = False
    fsync: bool = True
    after_record: Optional[Callable[[str], None]] = None


def run_batch(src: str | os.PathLike, out: str | os.PathLike, *, workers: Optional[int] = None,
              scheduler: Optional[str] = None, mp_context: Optional[str] = None,
              reprocess: bool = False, fail_fast: bool = False,
              jsonl: Optional[str] = None, ics: Optional[str] = None,
              max_bytes: int = DEFAULT_MAX_MB * 1024 * 1024,
              progress: Optional[bool] = None, quiet: bool = False,
              fsync: bool = True,
              _after_record: Optional[Callable[[str], None]] = None) -> BatchResult:
    """Run a batch (see :mod:`pipeline.batch`); the API behind ``extract batch``.

    ``src`` is the archive folder, ``out`` the output folder; ``workers``
    processes (default: the usable cores); ``scheduler`` ``None`` for the
    process pool, ``"local"`` or ``"tcp://host:port"`` for Dask. ``progress``
    None means "a bar when stderr is a terminal". Raises
    :class:`UsageProblem` for a bad folder before any work.
    """
    opts = Options(workers, scheduler, mp_context, reprocess, fail_fast, jsonl, ics, max_bytes,
                   progress, quiet, fsync, _after_record)
    run = _Run(_checked_src(src, scheduler), Path(out), opts)
    try:
        run.execute()
    finally:
        run.lock.release()
    return run.res


def _checked_src(src: str | os.PathLike, scheduler: Optional[str]) -> str:
    """DIR as the records will name it; absolute for an external scheduler,
    whose workers resolve relative paths against their own folder."""
    src_s = os.fspath(src)
    if not os.path.isdir(src_s):
        raise UsageProblem(f"{src_s}: not a folder" if os.path.exists(src_s)
                           else f"{src_s}: no such folder")
    if scheduler is not None and scheduler != "local" and "://" not in scheduler:
        raise UsageProblem(f"--scheduler {scheduler}: expected 'local' or tcp://HOST:PORT")
    if scheduler is not None and "://" in scheduler:
        src_s = os.path.abspath(src_s)
    return src_s


class _Run:
    """One batch run: the state shared by scheduling, recording and merging."""

    def __init__(self, src: str, out: Path, opts: Options):
        from pipeline.stages.run import EXTRACTOR_VERSION

        self.t0 = time.monotonic()
        self.src, self.out, self.opts = src, out, opts
        self.version = EXTRACTOR_VERSION
        if out.exists() and os.path.samefile(out, src):
            raise UsageProblem(f"{out}: the output folder must not be the input folder")
        check_output_dir(out)
        self.lock = OutdirLock(out)
        try:
            self.lock.acquire()
        except Busy as e:
            raise UsageProblem(str(e)) from None
        except OSError as e:
            raise OutputError(str(out), f"cannot take the batch lock ({_why(e)})") from None
        try:
            self._setup(src, out, opts)
        except BaseException:
            self.lock.release()
            raise

    def _setup(self, src: str, out: Path, opts: Options) -> None:
        remove_stale_temps(out)  # left by a killed run; the lock says nothing else writes here
        self.manifest_p, self.errors_p = out / MANIFEST, out / ERRORS
        self.manifest = load_manifest(self.manifest_p)  # with --reprocess only to find stale records
        atomic_write_text(self.errors_p, "", fsync=opts.fsync)  # this run's problems, rebuilt at the end
        self.items = list(walk(src, exclude=(os.fspath(out),)))
        self.order = {i.rel: k for k, i in enumerate(self.items)}
        self.res = BatchResult()
        self.done: dict[str, dict] = {}       # rel -> manifest entry, valid for the current file
        self.problems: dict[str, list] = {}   # rel -> errors.jsonl lines (errors and warnings)
        n_files = sum(isinstance(i, SourceFile) for i in self.items)
        self.reporter = Reporter(n_files, quiet=opts.quiet,
                                 bar=sys.stderr.isatty() if opts.progress is None else opts.progress)
        self.stop = False

    # ---- recording

    def problem(self, rel: str, path: str, stage: str, error: str, message: str, *,
                severity: str = "error", where: str = "") -> None:
        """Append one errors.jsonl line (kept for the final rewrite too)."""
        entry = {"file": rel, "path": path, "stage": stage, "error": error, "message": message,
                 "severity": severity}
        if where:
            entry["where"] = where
        self.problems.setdefault(rel, []).append(entry)
        try:
            append_line(self.errors_p, json.dumps(entry, ensure_ascii=False), fsync=self.opts.fsync)
        except OSError as e:
            raise _stop_for(e, self.out, ERRORS) from None
        if severity == "error":
            self.reporter.log(f"batch: FAILED {message} [{stage}, {error}]")
            # a stale record of an earlier version of this file no longer describes it
            stale = self.out / record_rel(rel)
            if rel in self.manifest and _inside(self.out, stale):
                with contextlib.suppress(OSError):
                    os.unlink(stale)

    def finished(self, sf: SourceFile, r: dict) -> None:
        """Record a worker's result: the record and its manifest line, or a failure."""
        if not r.get("ok"):
            self.res.failed += 1
            self.problem(sf.rel, sf.path, r.get("stage", "extract"), r.get("error", "Error"),
                         r.get("message", f"{sf.path}: failed"), where=r.get("where", ""))
            self.reporter.advance(failed=True)
            self.stop = self.stop or self.opts.fail_fast
            return
        rec_rel = record_rel(sf.rel)
        text = r["json"] if r["json"].endswith("\n") else r["json"] + "\n"
        try:
            self._record_dir(rec_rel)
            if r.get("text"):  # the document text beside the record (pipeline.exports.doctext)
                atomic_write_text(self.out / (rec_rel[:-5] + TEXT_SUFFIX), r["text"],
                                  fsync=self.opts.fsync)
            atomic_write_text(self.out / rec_rel, text, fsync=self.opts.fsync)
        except OSError as e:
            self._unwritable(sf, rec_rel, e)
            return
        entry = {"path": sf.rel, "sha256": r["sha256"], "extractor_version": self.version,
                 "output": rec_rel, "fingerprint": r["fingerprint"],
                 "warnings": r.get("warnings") or []}
        try:
            append_line(self.manifest_p, manifest_line(entry), fsync=self.opts.fsync)
        except OSError as e:
            raise _stop_for(e, self.out, MANIFEST) from None
        self.done[sf.rel] = entry
        self.res.ok += 1
        self._warnings(sf, entry)
        if self.opts.after_record is not None:
            self.opts.after_record(sf.rel)
        self.reporter.advance(pages=r.get("pages", 0), ocr_pages=r.get("ocr_pages", 0))

    def _record_dir(self, rec_rel: str) -> None:
        """Create the record's folder inside OUTDIR, never through a symlink
        and never over a name batch keeps for itself; ``OSError`` otherwise."""
        top = rec_rel.split("/", 1)[0]
        if top in RESERVED:
            raise OSError(errno.EEXIST, "a name batch keeps for itself", str(self.out / top))
        make_dirs_inside(self.out, rec_rel.rpartition("/")[0])

    def _unwritable(self, sf: SourceFile, rec_rel: str, e: OSError) -> None:
        """A record that cannot be written: a full disk stops the run (exit 5,
        resumable); anything else (a folder or a link in the way) is that
        file's failure, and the batch goes on."""
        if e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS):
            raise _stop_for(e, self.out, rec_rel) from None
        where = e.filename or str(self.out / rec_rel)
        self.finished(sf, _failure(sf.path, "write", type(e).__name__,
                                   f"{sf.path}: cannot write its record {rec_rel} "
                                   f"({where}: {e.strerror or e})", None))

    def _warnings(self, sf: SourceFile, entry: dict) -> None:
        for code, msg in entry.get("warnings") or []:
            self.res.warned += 1
            self.problem(sf.rel, sf.path, "extract", code, f"{sf.path}: {msg}", severity="warning")

    # ---- the run

    def execute(self) -> None:
        """Schedule every file, then rebuild the merged outputs."""
        backend = None
        try:
            if self.opts.scheduler:
                backend = DaskBackend(self.opts.scheduler, self.opts.workers or default_workers())
            else:
                backend = PoolBackend(self.opts.workers or default_workers(),
                                      self.opts.mp_context or default_mp_context())
            _Scheduler(self, backend).run()
        except KeyboardInterrupt:
            self.res.interrupted = True
        finally:
            self.reporter.close()
            if backend is not None:
                backend.close(cancel=True)
        try:
            self._rewrite_logs()
            if not self.res.interrupted:
                ranked = [r for r in self._ranked() if r in self.order]
                self.res.duplicates = _merged_outputs(self.out, ranked, self.done, self.opts,
                                                      self.res)
        except OSError as e:  # the records are safe; the merged files keep their old version
            name = e.filename or "the merged outputs"
            if e.errno in (errno.ENOSPC, errno.EDQUOT):
                raise _stop_for(e, self.out, str(name)) from None
            raise OutputError(str(name), f"cannot write ({_why(e)})") from None
        self.res.seconds = time.monotonic() - self.t0

    def _ranked(self) -> list[str]:
        return sorted(self.done, key=lambda r: self.order.get(r, len(self.order)))

    def _rewrite_logs(self) -> None:
        """Manifest and errors.jsonl in walk order, so a resumed run leaves the
        same bytes as an uninterrupted one."""
        with atomic_open(self.manifest_p, fsync=self.opts.fsync) as f:
            for rel in self._ranked():
                f.write(manifest_line(self.done[rel]) + "\n")
        with atomic_open(self.errors_p, fsync=self.opts.fsync) as f:
            for rel in sorted(self.problems, key=lambda r: self.order.get(r, len(self.order))):
                for entry in self.problems[rel]:
                    f.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def up_to_date(self, sf: SourceFile) -> bool:
        """True (and recorded as skipped) when the manifest says ``sf``'s
        record is current; a file that cannot be hashed is a failure."""
        try:
            sha = sha256_file(sf.path)
        except OSError as e:
            reason = "permission denied" if isinstance(e, PermissionError) else (
                f"cannot read ({e.strerror or e})")
            self.finished(sf, _failure(sf.path, "read", "DocumentLoadError",
                                       f"{sf.path}: {reason}", None))
            return True
        prev = None if self.opts.reprocess else self.manifest.get(sf.rel)
        if not (prev and prev.get("sha256") == sha
                and prev.get("extractor_version") == self.version
                and (self.out / prev.get("output", record_rel(sf.rel))).is_file()):
            return False
        self.done[sf.rel] = prev
        self.res.skipped += 1
        self._warnings(sf, prev)
        self.reporter.advance()
        return True


class _Scheduler:
    """Keeps at most ``2 × capacity`` files in flight on a backend; after a
    worker crash, runs the suspects one at a time so the culprit is named."""

    def __init__(self, run: _Run, backend):
        self.run_, self.backend = run, backend
        self.cap = 2 * backend.capacity
        self.inflight: dict = {}         # future -> (SourceFile or a list of them, isolated)
        self.retry: deque = deque()      # files in flight when a worker crashed
        self.legacy: list[SourceFile] = []  # .doc/.wps/.rtf waiting for a chunk
        # the per-file functions with this run's --max-size (partials pickle for both backends)
        self.one = functools.partial(process_file, max_bytes=run.opts.max_bytes)
        self.many = functools.partial(process_files, max_bytes=run.opts.max_bytes)

    def run(self) -> None:
        """Submit every item of the walk; returns when all are finished."""
        r = self.run_
        for item in r.items:
            if r.stop:
                break
            while self.retry and not r.stop:
                self._isolated(self.retry.popleft())
            if not r.stop:
                self._item(item)
        if self.legacy and not r.stop:
            self._submit(self.many, [f.path for f in self.legacy], self.legacy)
            self.legacy = []
        self.drain(1)
        while self.retry and not r.stop:  # crashes in the last window
            self._isolated(self.retry.popleft())

    def _item(self, item) -> None:
        r = self.run_
        if isinstance(item, WalkProblem):
            r.res.failed += 1
            r.problem(item.rel, item.path, item.stage, item.error, f"{item.path}: {item.reason}")
            r.stop = r.stop or r.opts.fail_fast
            return
        sf = item
        if sf.size > r.opts.max_bytes:
            r.finished(sf, _failure(sf.path, "read", "FileTooLarge",
                                    str(too_large(sf.path, sf.size, r.opts.max_bytes)), None))
            return
        if r.up_to_date(sf):
            return
        if _is_legacy(sf.path):
            # .doc/.wps/.rtf wait for a chunk: one LibreOffice start per LEGACY_CHUNK files
            self.legacy.append(sf)
            if len(self.legacy) >= LEGACY_CHUNK:
                chunk, self.legacy = self.legacy, []
                self._submit(self.many, [f.path for f in chunk], chunk)
            return
        self._submit(self.one, sf.path, sf)

    def _submit(self, fn, arg, what) -> None:
        self.drain(self.cap)
        if not self.run_.stop:
            self.inflight[self.backend.submit(fn, arg)] = (what, False)

    def _isolated(self, sf: SourceFile) -> None:
        self.drain(1)
        if self.run_.stop:
            return
        self.inflight[self.backend.submit(self.one, sf.path)] = (sf, True)
        self.drain(1)

    def drain(self, limit: int) -> None:
        """Wait until fewer than ``limit`` files are in flight."""
        while len(self.inflight) >= limit and self.inflight:
            crashed = False
            for fut in self.backend.wait_first(list(self.inflight)):
                if fut in self.inflight:
                    crashed = self._handle(fut) or crashed
            if crashed:
                # the pool is broken: every other in-flight file is suspect too
                for fut in list(self.inflight):
                    sf, _iso = self.inflight.pop(fut)
                    self.retry.extend(sf) if isinstance(sf, list) else self.retry.append(sf)
                self.backend.restart()

    def _handle(self, fut) -> bool:
        """Record one finished future; True when its worker crashed."""
        sf, isolated = self.inflight.pop(fut)
        try:
            result = fut.result()
        except BaseException as e:  # noqa: BLE001 - a worker crash, not a bad document
            if self.backend.is_crash(e) and not isolated:
                self.retry.extend(sf) if isinstance(sf, list) else self.retry.append(sf)
                return True
            if self.backend.is_crash(e):
                self.run_.finished(sf, _failure(
                    sf.path, "extract", "WorkerCrashed",
                    f"{sf.path}: the worker process died while reading it "
                    f"(crash or out of memory)", None))
                return True
            stage = "convert" if isinstance(sf, list) else "extract"
            result = ([_worker_error(f.path, stage, e) for f in sf] if isinstance(sf, list)
                      else _worker_error(sf.path, stage, e))
        if isinstance(sf, list):  # a chunk of legacy files (one LibreOffice call)
            for f, one in zip(sf, result):
                self.run_.finished(f, one)
        else:
            self.run_.finished(sf, result)
        return False


def _iter_records(out_p: Path, rels: list[str], done: dict[str, dict], *,
                  corrected: bool = False):
    """(rel, manifest entry, record) in ``rels`` order; with ``corrected``,
    each record with the review beside it applied (issue 13)."""
    from pipeline.exports.corrections import corrected as apply_review

    for rel in rels:
        e = done[rel]
        with open(out_p / e["output"], "rb") as f:
            rec = json.loads(f.read())
        yield rel, e, (apply_review(out_p / e["output"], rec)[0] if corrected else rec)


def _merged_outputs(out_p: Path, rels: list[str], done: dict[str, dict], opts: Options,
                    res: BatchResult) -> int:
    """Write index.sqlite, the JSONL stream and the calendar from the
    per-file records (with the files added in the review page, and every
    review's corrections applied), reading one record at a time. Returns the
    number of notices that duplicate an earlier one."""
    from pipeline.batch.uploads import archive_index, with_uploads

    rels, done = with_uploads(out_p, rels, done)
    n_notices, n_docs = archive_index(out_p, ((rel, e["output"], rec, e["fingerprint"])
                                              for rel, e, rec in _iter_records(out_p, rels, done)))
    res.outputs.append(str(out_p / INDEX))
    if opts.jsonl == "-":
        for _rel, _e, rec in _iter_records(out_p, rels, done, corrected=True):
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    elif opts.jsonl:
        with atomic_open(opts.jsonl, fsync=opts.fsync) as f:
            for _rel, _e, rec in _iter_records(out_p, rels, done, corrected=True):
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        res.outputs.append(opts.jsonl)
    if opts.ics:
        _write_ics(out_p, rels, done, opts.ics)
        res.outputs.append(opts.ics)
    return n_notices - n_docs


def _write_ics(out_p: Path, rels: list[str], done: dict[str, dict], path: str) -> None:
    """The combined calendar of every distinct document's deadlines, via
    ``pipeline.exports.ics.write_calendar`` (copies of one circular are given once)."""
    from models.notice import Notice
    from pipeline.exports import ics as ics_mod

    def notices():
        seen: set[str] = set()
        for _rel, e, rec in _iter_records(out_p, rels, done, corrected=True):
            if e["fingerprint"] in seen:
                continue
            seen.add(e["fingerprint"])
            yield Notice.model_validate(rec)

    ics_mod.write_calendar(notices(), path)
