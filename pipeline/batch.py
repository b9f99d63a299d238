"""``extract batch DIR --out OUTDIR``: extract every notice in an archive folder.

What a run does (issue 6):

1. **Walk** ``DIR`` recursively in sorted order (component by component),
   keeping files whose suffix is in :data:`pipeline.readers.SUPPORTED_SUFFIXES`.
   Hidden files/folders, Word lock files ``~$*.docx`` and ``OUTDIR`` itself
   are skipped; directory symlinks are followed, but every real directory is
   entered once (``(st_dev, st_ino)`` set), so a symlink loop cannot hang the
   walk — a link back to an ancestor is reported as ``symlink loop``.
2. **Resume**: ``OUTDIR/manifest.jsonl`` maps each relative path to the
   content sha256 and :data:`pipeline.run.EXTRACTOR_VERSION` of its record.
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
   (:mod:`pipeline.index`), ``--jsonl FILE`` and ``--ics FILE``. The manifest
   and ``errors.jsonl`` are rewritten in walk order too, so an interrupted and
   resumed run leaves the same ``OUTDIR`` as an uninterrupted one.

Exit codes: 0 all files succeeded, 1 some failed, 2 usage error (bad DIR,
OUTDIR not writable, bad scheduler), 3 a missing optional dependency,
130 interrupted (re-run to resume).
"""
from __future__ import annotations

import concurrent.futures as cf
import contextlib
import errno
import hashlib
import json
import multiprocessing
import os
import signal
import stat
import sys
import time
import traceback
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

import click

from pipeline.atomic import append_line, atomic_open, atomic_write_text, remove_stale_temps
from pipeline.readers import SUPPORTED_SUFFIXES

MANIFEST = "manifest.jsonl"
ERRORS = "errors.jsonl"
INDEX = "index.sqlite"
RECORD_SUFFIX = ".json"
DEFAULT_MAX_MB = 40  # a circular, even scanned, is a few MB; bigger files are refused early
# Warning codes of a successful record that batch users must see in errors.jsonl.
REPORTED_WARNINGS = ("not_a_circular",)


# --------------------------------------------------------------------------- walk

@dataclass(frozen=True)
class SourceFile:
    """A file to extract: ``rel`` is '/'-separated relative to DIR, ``path``
    is DIR (as the user gave it) joined with ``rel`` — what the record's
    ``source.path`` will say."""

    rel: str
    path: str
    size: int


@dataclass(frozen=True)
class WalkProblem:
    """An entry that cannot be processed (symlink loop, unreadable folder …)."""

    rel: str
    path: str
    stage: str
    error: str
    reason: str


def walk(root: str | os.PathLike, *, exclude: tuple[str, ...] = ()
         ) -> Iterator[SourceFile | WalkProblem]:
    """Yield the supported files under ``root`` in sorted order, and a
    :class:`WalkProblem` for each entry that cannot be read.

    Sorted order is by name within each folder, folders entered where they
    sort, so the order equals sorting the relative paths component-wise.
    ``exclude`` lists folders (e.g. OUTDIR inside DIR) never entered.
    A folder reached twice (two symlinks to one place) is entered once; a
    symlink to one of its own ancestors is a ``symlink loop`` problem.
    """
    root_s = os.fspath(root)
    excluded = set()
    for ex in exclude:
        with contextlib.suppress(OSError):
            st = os.stat(ex)
            excluded.add((st.st_dev, st.st_ino))
    st = os.stat(root_s)
    visited = {(st.st_dev, st.st_ino)}
    yield from _walk_dir(root_s, (), [(st.st_dev, st.st_ino)], visited, excluded)


def _walk_dir(dirpath: str, relparts: tuple[str, ...], ancestors: list, visited: set,
              excluded: set) -> Iterator[SourceFile | WalkProblem]:
    try:
        with os.scandir(dirpath) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        rel = "/".join(relparts) or "."
        yield WalkProblem(rel, dirpath, "walk", type(e).__name__,
                          f"cannot list folder ({e.strerror or e})")
        return
    for entry in entries:
        name = entry.name
        if name.startswith(".") or name.startswith("~$"):
            continue  # hidden files/folders; Word/WPS owner (lock) files
        rel = "/".join(relparts + (name,))
        supported = os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES
        try:
            st = os.stat(entry.path)  # follows symlinks
        except OSError as e:
            if e.errno == errno.ELOOP:
                yield WalkProblem(rel, entry.path, "walk", "SymlinkLoop", "symlink loop")
            elif supported or entry.is_symlink():
                reason = "broken symlink" if entry.is_symlink() else (e.strerror or str(e))
                yield WalkProblem(rel, entry.path, "walk", type(e).__name__, reason)
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in excluded:
                continue
            if key in ancestors:
                yield WalkProblem(rel, entry.path, "walk", "SymlinkLoop",
                                  "symlink loop (points back to a parent folder)")
                continue
            if key in visited:
                continue  # the same real folder reached by a second path: walked once
            visited.add(key)
            ancestors.append(key)
            yield from _walk_dir(entry.path, relparts + (name,), ancestors, visited, excluded)
            ancestors.pop()
        elif supported:
            if stat.S_ISREG(st.st_mode):
                yield SourceFile(rel, entry.path, st.st_size)
            else:
                yield WalkProblem(rel, entry.path, "walk", "NotARegularFile",
                                  "not a regular file")


# --------------------------------------------------------------------------- worker side

_WARM = False


def _ensure_warm() -> None:
    """Load NLP resources once per process (``pipeline.run.warm_up`` when the
    pipeline provides it)."""
    global _WARM
    if _WARM:
        return
    import pipeline.run as run
    warm = getattr(run, "warm_up", None)
    if callable(warm):
        warm()
    _WARM = True


def _worker_init(client_pid: Optional[int] = None) -> None:
    """Process-pool initializer: the parent handles Ctrl-C (workers ignore
    SIGINT and finish their file); resources are warmed once; and a worker
    dies with the batch process ``client_pid`` even when that is SIGKILLed.

    Why a watcher: a forkserver worker is a child of the fork server, not of
    the batch process, so PR_SET_PDEATHSIG alone does not fire; and it holds
    the fork server's "alive" pipe, so the server waits for it — a killed run
    would leave both behind, one of them blocked writing a result nobody
    reads."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: the direct parent (fork/spawn)
    if client_pid:
        _watch_client(client_pid)
    _ensure_warm()


def _watch_client(pid: int) -> None:
    """Exit this process as soon as process ``pid`` ends (daemon thread)."""
    import threading

    def wait_pidfd(fd: int) -> None:
        import select
        select.select([fd], [], [])  # a pidfd becomes readable when the process exits
        os._exit(1)

    def poll() -> None:
        while True:
            time.sleep(0.5)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass

    try:
        fd = os.pidfd_open(pid)
        target, args = wait_pidfd, (fd,)
    except (AttributeError, OSError):
        target, args = poll, ()
    threading.Thread(target=target, args=args, daemon=True, name="batch-client-watch").start()


def _where(exc: BaseException) -> str:
    """``file.py:line in func`` of the innermost frame of our own code."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if any(p in f.filename for p in ("/pipeline/", "/extractors/",
                                                                "/models/"))]
    f = (ours or frames or [None])[-1]
    if f is None:
        return ""
    return f"{Path(f.filename).parent.name}/{Path(f.filename).name}:{f.lineno} in {f.name}"


LEGACY_CHUNK = 16  # legacy files per LibreOffice call (convert_many); ~6× faster than one each


def _is_legacy(path: str) -> bool:
    """True when the file starts like a .doc/.wps (OLE2) or RTF file — by
    content, as the readers decide; unreadable files are not (they fail on
    their own with a clear message)."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError:
        return False
    from pipeline.readers.legacy import OLE_MAGIC  # stdlib-only module: cheap in the client

    return head.startswith((OLE_MAGIC, b"{\\rtf"))


def process_file(path: str) -> dict:
    """The per-file function, run in a worker (process pool or Dask).

    Reads and extracts ``path``; never raises for a bad document. Returns a
    plain dict (cheap to pickle) —
    ``{"ok": True, "json": record_text, "sha256", "fingerprint", "warnings": [[code, message]]}``
    or ``{"ok": False, "stage", "error", "message", "where"}`` where
    ``message`` is one line naming the file.
    """
    _ensure_warm()
    from pipeline.readers import read_path

    return _guarded(path, lambda: _result(path, read_path(path)))


def process_files(paths: list[str]) -> list[dict]:
    """Legacy word-processor files of a batch (.doc/.wps/.rtf), run in a
    worker: converted with one LibreOffice call for all of them
    (:func:`pipeline.readers.legacy.read_many`), then extracted one by one.
    Returns one :func:`process_file` dict per path, in order; a file that
    turns out not to be a legacy format is processed on its own.
    """
    _ensure_warm()
    from pipeline.errors import NoticeError
    from pipeline.readers import detect_format, legacy, load_bytes

    results: list[Optional[dict]] = [None] * len(paths)
    batch: list[tuple[int, str, bytes]] = []
    for i, path in enumerate(paths):
        try:
            data = load_bytes(path)
            fmt = detect_format(path, data)
        except NoticeError as e:
            results[i] = _failure(path, e.stage, type(e).__name__, str(e), e)
            continue
        if fmt in ("doc", "wps", "rtf"):
            batch.append((i, path, data))
        else:
            results[i] = process_file(path)
    if not batch:
        return results  # type: ignore[return-value]
    try:
        docs = legacy.read_many([(p, d) for _, p, d in batch])
    except Exception:  # an internal defect in the shared call: each file on its own instead
        return [r if r is not None else process_file(p) for r, p in zip(results, paths)]
    for (i, path, data), doc in zip(batch, docs):
        if isinstance(doc, NoticeError):
            results[i] = _failure(path, doc.stage, type(doc).__name__, str(doc), doc)
        else:
            if not doc.sha256:
                doc.sha256 = hashlib.sha256(data).hexdigest()
            results[i] = _guarded(path, lambda: _result(path, doc))
    return results  # type: ignore[return-value]


def _result(path: str, doc) -> dict:
    """The success dict of :func:`process_file` for a read ``Document``."""
    from pipeline.errors import DocumentLoadError
    from pipeline.index import fingerprint
    from pipeline.run import extract_document, to_json

    # extract_document, not extract_file: the normalised body is needed for the
    # fingerprint fallback; mirror extract_file's error handling.
    try:
        notice = extract_document(doc)
    except RecursionError as e:
        raise DocumentLoadError(path, f"document too deeply nested ({e})", stage="extract") from None
    text = to_json(notice)
    rec = json.loads(text)
    fp = fingerprint(rec, (b.text or "" for b in doc.blocks))
    warns = [[w.code, w.message] for w in notice.warnings if w.code in REPORTED_WARNINGS]
    return {"ok": True, "json": text, "sha256": notice.source.sha256, "fingerprint": fp,
            "warnings": warns}


def _guarded(path: str, fn: Callable):
    """``fn()``, with every exception turned into a failure dict naming
    ``path`` — a bad document never stops a worker."""
    from pipeline.errors import NoticeError

    try:
        return fn()
    except NoticeError as e:
        return _failure(path, e.stage, type(e).__name__, str(e), e)
    except MemoryError as e:
        return _failure(path, "extract", "MemoryError", f"{path}: out of memory", e)
    except Exception as e:  # an internal defect: keep the batch going, report where
        first = (str(e).splitlines() or [""])[0]
        return _failure(path, "extract", type(e).__name__,
                        f"{path}: internal error: {type(e).__name__}: {first}", e)


def _worker_error(path: str, stage: str, e: BaseException) -> dict:
    """The failure dict for a future that raised (not a crash, not a bad document)."""
    first = (str(e).splitlines() or [""])[0]
    return _failure(path, stage, type(e).__name__, f"{path}: worker error: {type(e).__name__}: {first}", e)


def _failure(path: str, stage: str, error: str, message: str, exc: BaseException | None) -> dict:
    return {"ok": False, "stage": stage, "error": error,
            "message": " ".join(message.split("\n")), "where": _where(exc) if exc else ""}


# --------------------------------------------------------------------------- manifest

def load_manifest(path: Path) -> dict[str, dict]:
    """Read an append-only manifest: the last entry per ``path`` wins; a torn
    or garbled line (a killed writer) is ignored, and a torn tail is cut off
    so the next append starts on a fresh line."""
    entries: dict[str, dict] = {}
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return entries
    if data and not data.endswith(b"\n"):
        cut = data.rfind(b"\n") + 1
        with open(path, "r+b") as f:
            f.truncate(cut)
            os.fsync(f.fileno())
        data = data[:cut]
    for line in data.splitlines():
        try:
            e = json.loads(line)
        except ValueError:
            continue
        if isinstance(e, dict) and isinstance(e.get("path"), str) and e.get("sha256"):
            entries[e["path"]] = e
    return entries


def _manifest_line(e: dict) -> str:
    return json.dumps(e, ensure_ascii=False, sort_keys=True)


def sha256_file(path: str) -> str:
    """Content sha256 of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# --------------------------------------------------------------------------- executors

class _PoolBackend:
    """Stdlib process pool; recreated when a worker dies (BrokenProcessPool)."""

    def __init__(self, workers: int, mp_context: str):
        self.workers = workers
        self.ctx = multiprocessing.get_context(mp_context)
        if mp_context == "forkserver":
            # imported once in the fork server, inherited by every worker
            main = getattr(sys.modules.get("__main__"), "__spec__", None)
            # (re-running the main module in workers would import it twice: keep it out)
            self.ctx.set_forkserver_preload(
                ["pipeline.run"] + ([] if main and main.name == "pipeline.batch" else ["pipeline.batch"]))
        self.pool: Optional[cf.ProcessPoolExecutor] = None
        self.capacity = workers
        self._new()

    def _new(self) -> None:
        self.pool = cf.ProcessPoolExecutor(self.workers, mp_context=self.ctx,
                                           initializer=_worker_init, initargs=(os.getpid(),))

    def submit(self, fn: Callable, arg):
        return self.pool.submit(fn, arg)

    @staticmethod
    def wait_first(futs):
        done, _ = cf.wait(futs, return_when=cf.FIRST_COMPLETED)
        return done

    @staticmethod
    def is_crash(exc: BaseException) -> bool:
        return isinstance(exc, cf.process.BrokenProcessPool)

    def restart(self) -> None:
        with contextlib.suppress(Exception):
            self.pool.shutdown(wait=True, cancel_futures=True)
        self._new()

    def close(self, cancel: bool = False) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=cancel)
            self.pool = None


class _DaskBackend:
    """A Dask distributed cluster: ``local`` starts a LocalCluster of
    ``workers`` single-threaded processes; ``tcp://HOST:PORT`` connects to an
    existing scheduler (the workers must see DIR at the same path)."""

    def __init__(self, scheduler: str, workers: int):
        try:
            import logging

            from distributed import Client, LocalCluster
        except ImportError:  # pragma: no cover - dask is a dependency
            from pipeline.errors import MissingDependencyError
            raise MissingDependencyError(None, "--scheduler needs dask: pip install "
                                         "'dask[distributed]'") from None
        self.cluster = None
        if scheduler == "local":
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        else:
            self.client = Client(scheduler, timeout="10s")
        self.client.run(_ensure_warm)
        threads = sum(self.client.nthreads().values()) or workers
        self.capacity = max(1, threads)

    def submit(self, fn: Callable, arg):
        return self.client.submit(fn, arg, pure=False)

    @staticmethod
    def wait_first(futs):
        from distributed import wait
        return wait(list(futs), return_when="FIRST_COMPLETED").done

    @staticmethod
    def is_crash(exc: BaseException) -> bool:
        return False  # Dask retries dead workers itself (KilledWorker after 3 deaths)

    def restart(self) -> None:  # pragma: no cover - never called (is_crash is False)
        pass

    def close(self, cancel: bool = False) -> None:
        with contextlib.suppress(Exception):
            self.client.close()
        if self.cluster is not None:
            with contextlib.suppress(Exception):
                self.cluster.close()


def default_mp_context() -> str:
    """``forkserver`` where available (Linux): workers start from a clean,
    single-threaded server with our modules preloaded, so the progress-bar and
    executor threads of the parent never get forked; ``spawn`` elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# --------------------------------------------------------------------------- progress

class _Reporter:
    """A rich progress bar on a terminal, plain stderr lines otherwise."""

    def __init__(self, total: int, *, bar: bool, quiet: bool):
        self.total, self.quiet, self.bar = total, quiet, bar and not quiet
        self.done = self.failed = 0
        self.t0 = time.monotonic()
        self._last = self.t0
        self._progress = None
        if self.bar:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)
            self._progress = Progress(
                TextColumn("extract"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.1f} files/s"),
                TextColumn("[red]{task.fields[failed]} failed"),
                TimeElapsedColumn(), TimeRemainingColumn(),
                console=Console(stderr=True), transient=False)
            self._progress.start()
            self._task = self._progress.add_task("extract", total=total, rate=0.0, failed=0)

    def log(self, msg: str) -> None:
        if self.quiet:
            return
        if self._progress is not None:
            self._progress.console.print(msg, markup=False, highlight=False)
        else:
            click.echo(msg, err=True)

    def advance(self, *, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        rate = self.done / max(now - self.t0, 1e-9)
        if self._progress is not None:
            self._progress.update(self._task, completed=self.done, rate=rate, failed=self.failed)
        elif not self.quiet and (now - self._last >= 5.0 or self.done == self.total):
            self._last = now
            click.echo(f"batch: {self.done}/{self.total} files ({rate:.1f} files/s, "
                       f"{self.failed} failed)", err=True)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


# --------------------------------------------------------------------------- the run

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
        if self.interrupted:
            return 130
        return 1 if self.failed else 0


class UsageProblem(Exception):
    """A problem with the command line or the output folder, found before any
    work starts (exit code 2)."""


def check_output_dir(out: Path) -> None:
    """Create ``out`` if needed and prove it writable by creating and
    removing a temporary file in it. Raises :class:`UsageProblem` (one line)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".write-test.{os.getpid()}"
        with open(probe, "wb") as f:
            f.write(b"x")
        probe.unlink()
    except OSError as e:
        raise UsageProblem(f"{out}: output folder is not writable "
                           f"({e.strerror or type(e).__name__})") from None


def _record_rel(rel: str) -> str:
    return rel + RECORD_SUFFIX


def run_batch(src: str | os.PathLike, out: str | os.PathLike, *, workers: Optional[int] = None,
              scheduler: Optional[str] = None, mp_context: Optional[str] = None,
              reprocess: bool = False, fail_fast: bool = False,
              jsonl: Optional[str] = None, ics: Optional[str] = None,
              max_bytes: int = DEFAULT_MAX_MB * 1024 * 1024,
              progress: Optional[bool] = None, quiet: bool = False,
              fsync: bool = True,
              _after_record: Optional[Callable[[str], None]] = None) -> BatchResult:
    """Run a batch (see the module doc); the API behind ``extract batch``.

    ``src`` is the archive folder, ``out`` the output folder; ``workers``
    processes (default: the usable cores); ``scheduler`` ``None`` for the
    process pool, ``"local"`` or ``"tcp://host:port"`` for Dask. ``progress``
    None means "a bar when stderr is a terminal". Raises
    :class:`UsageProblem` for a bad folder before any work.
    """
    from pipeline.run import EXTRACTOR_VERSION

    t0 = time.monotonic()
    src_s = os.fspath(src)
    if not os.path.isdir(src_s):
        raise UsageProblem(f"{src_s}: not a folder" if os.path.exists(src_s)
                           else f"{src_s}: no such folder")
    if scheduler is not None and scheduler != "local" and "://" not in scheduler:
        raise UsageProblem(f"--scheduler {scheduler}: expected 'local' or tcp://HOST:PORT")
    out_p = Path(out)
    if out_p.exists() and os.path.samefile(out_p, src_s):
        raise UsageProblem(f"{out_p}: the output folder must not be the input folder")
    check_output_dir(out_p)
    workers = workers or default_workers()
    remove_stale_temps(out_p)  # left by a killed run; nothing else writes here now

    manifest_p, errors_p = out_p / MANIFEST, out_p / ERRORS
    manifest = load_manifest(manifest_p)  # with --reprocess only to find stale records
    atomic_write_text(errors_p, "", fsync=fsync)  # this run's problems, rebuilt at the end

    items = list(walk(src_s, exclude=(os.fspath(out_p),)))
    n_files = sum(isinstance(i, SourceFile) for i in items)
    order = {i.rel: k for k, i in enumerate(items)}
    res = BatchResult()
    done: dict[str, dict] = {}        # rel -> manifest entry, valid for the current file
    problems: dict[str, list] = {}    # rel -> errors.jsonl lines (errors and warnings)
    reporter = _Reporter(n_files, bar=sys.stderr.isatty() if progress is None else progress,
                         quiet=quiet)

    def problem(rel: str, path: str, stage: str, error: str, message: str, *,
                severity: str = "error", where: str = "") -> None:
        entry = {"file": rel, "path": path, "stage": stage, "error": error, "message": message,
                 "severity": severity}
        if where:
            entry["where"] = where
        problems.setdefault(rel, []).append(entry)
        append_line(errors_p, json.dumps(entry, ensure_ascii=False), fsync=fsync)
        if severity == "error":
            reporter.log(f"batch: FAILED {message} [{stage}, {error}]")
            # a stale record of an earlier version of this file no longer describes it
            if rel in manifest:
                with contextlib.suppress(OSError):
                    os.unlink(out_p / _record_rel(rel))

    def finished(sf: SourceFile, r: dict) -> None:
        if r.get("ok"):
            rec_rel = _record_rel(sf.rel)
            text = r["json"] if r["json"].endswith("\n") else r["json"] + "\n"
            atomic_write_text(out_p / rec_rel, text, fsync=fsync)
            entry = {"path": sf.rel, "sha256": r["sha256"], "extractor_version": EXTRACTOR_VERSION,
                     "output": rec_rel, "fingerprint": r["fingerprint"],
                     "warnings": r.get("warnings") or []}
            append_line(manifest_p, _manifest_line(entry), fsync=fsync)
            done[sf.rel] = entry
            res.ok += 1
            for code, msg in entry["warnings"]:
                res.warned += 1
                problem(sf.rel, sf.path, "extract", code, f"{sf.path}: {msg}", severity="warning")
            if _after_record is not None:
                _after_record(sf.rel)
            reporter.advance()
        else:
            res.failed += 1
            problem(sf.rel, sf.path, r.get("stage", "extract"), r.get("error", "Error"),
                    r.get("message", f"{sf.path}: failed"), where=r.get("where", ""))
            reporter.advance(failed=True)

    backend = None
    stop = False
    try:
        if scheduler:
            backend = _DaskBackend(scheduler, workers)
        else:
            backend = _PoolBackend(workers, mp_context or default_mp_context())
        cap = 2 * backend.capacity
        inflight: dict = {}            # future -> (SourceFile or list of them, isolated)
        retry: deque = deque()         # files in flight when a worker crashed
        legacy: list[SourceFile] = []  # .doc/.wps/.rtf waiting for a chunk
        todo = iter(items)

        def handle(fut) -> bool:
            """Record one finished future; True when its worker crashed."""
            nonlocal stop
            sf, isolated = inflight.pop(fut)
            if isinstance(sf, list):  # a chunk of legacy files (one LibreOffice call)
                try:
                    rs = fut.result()
                except BaseException as e:  # noqa: BLE001
                    if backend.is_crash(e):
                        retry.extend(sf)  # each is tried again on its own
                        return True
                    rs = [_worker_error(f.path, "convert", e) for f in sf]
                for f, r in zip(sf, rs):
                    finished(f, r)
                    if fail_fast and not r.get("ok"):
                        stop = True
                return False
            try:
                r = fut.result()
            except BaseException as e:  # noqa: BLE001 - a worker crash, not a bad document
                if not backend.is_crash(e):
                    r = _worker_error(sf.path, "extract", e)
                elif isolated:
                    r = _failure(sf.path, "extract", "WorkerCrashed",
                                 f"{sf.path}: the worker process died while reading it "
                                 f"(crash or out of memory)", None)
                    finished(sf, r)
                    stop = stop or fail_fast
                    return True
                else:
                    retry.append(sf)  # one of the in-flight files killed the worker
                    return True
            finished(sf, r)
            if fail_fast and not r.get("ok"):
                stop = True
            return False

        def drain(limit: int) -> None:
            """Wait until fewer than ``limit`` files are in flight."""
            while len(inflight) >= limit and inflight:
                crashed = False
                for fut in backend.wait_first(list(inflight)):
                    if fut in inflight:
                        crashed = handle(fut) or crashed
                if crashed:
                    # the pool is broken: every other in-flight file is suspect too
                    for fut in list(inflight):
                        sf, _iso = inflight.pop(fut)
                        retry.extend(sf) if isinstance(sf, list) else retry.append(sf)
                    backend.restart()

        while not stop:
            if retry:
                # after a crash, run suspects one at a time so the culprit is named
                drain(1)
                if stop or not retry:
                    continue
                sf = retry.popleft()
                inflight[backend.submit(process_file, sf.path)] = (sf, True)
                drain(1)
                continue
            item = next(todo, None)
            if item is None:
                if legacy and not stop:
                    drain(cap)
                    inflight[backend.submit(process_files, [f.path for f in legacy])] = (legacy, False)
                    legacy = []
                break
            if isinstance(item, WalkProblem):
                res.failed += 1
                problem(item.rel, item.path, item.stage, item.error, f"{item.path}: {item.reason}")
                if fail_fast:
                    stop = True
                continue
            sf = item
            if sf.size > max_bytes:
                finished(sf, _failure(sf.path, "read", "FileTooLarge",
                                      f"{sf.path}: file too large ({sf.size / 2**20:.0f} MB > "
                                      f"{max_bytes / 2**20:.0f} MB limit, see --max-size)", None))
                stop = stop or fail_fast
                continue
            try:
                sha = sha256_file(sf.path)
            except OSError as e:
                reason = "permission denied" if isinstance(e, PermissionError) else (
                    f"cannot read ({e.strerror or e})")
                finished(sf, _failure(sf.path, "read", "DocumentLoadError",
                                      f"{sf.path}: {reason}", None))
                stop = stop or fail_fast
                continue
            prev = None if reprocess else manifest.get(sf.rel)
            if (prev and prev.get("sha256") == sha
                    and prev.get("extractor_version") == EXTRACTOR_VERSION
                    and (out_p / prev.get("output", _record_rel(sf.rel))).is_file()):
                done[sf.rel] = prev
                res.skipped += 1
                for code, msg in prev.get("warnings") or []:
                    res.warned += 1
                    problem(sf.rel, sf.path, "extract", code, f"{sf.path}: {msg}",
                            severity="warning")
                reporter.advance()
                continue
            if _is_legacy(sf.path):
                # .doc/.wps/.rtf wait for a chunk: one LibreOffice start per LEGACY_CHUNK files
                legacy.append(sf)
                if len(legacy) < LEGACY_CHUNK:
                    continue
                chunk, legacy = legacy, []
                drain(cap)
                if stop:
                    break
                inflight[backend.submit(process_files, [f.path for f in chunk])] = (chunk, False)
                continue
            drain(cap)
            if stop:
                break
            inflight[backend.submit(process_file, sf.path)] = (sf, False)
        drain(1)
        while retry and not stop:  # crashes in the last window
            sf = retry.popleft()
            inflight[backend.submit(process_file, sf.path)] = (sf, True)
            drain(1)
    except KeyboardInterrupt:
        res.interrupted = True
    finally:
        reporter.close()
        if backend is not None:
            backend.close(cancel=True)

    # ---- rebuild the merged, order-independent outputs (walk order)
    ranked = sorted(done, key=lambda r: order.get(r, len(order)))
    with atomic_open(manifest_p, fsync=fsync) as f:
        for rel in ranked:
            f.write(_manifest_line(done[rel]) + "\n")
    with atomic_open(errors_p, fsync=fsync) as f:
        for rel in sorted(problems, key=lambda r: order.get(r, len(order))):
            for entry in problems[rel]:
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")
    if not res.interrupted:
        res.duplicates = _merged_outputs(out_p, [r for r in ranked if r in order], done,
                                         jsonl=jsonl, ics=ics, fsync=fsync, res=res)
    res.seconds = time.monotonic() - t0
    return res


def _iter_records(out_p: Path, rels: list[str], done: dict[str, dict]):
    for rel in rels:
        e = done[rel]
        with open(out_p / e["output"], "rb") as f:
            yield rel, e, json.loads(f.read())


def _merged_outputs(out_p: Path, rels: list[str], done: dict[str, dict], *,
                    jsonl: Optional[str], ics: Optional[str], fsync: bool,
                    res: BatchResult) -> int:
    """Write index.sqlite, the JSONL stream and the calendar from the
    per-file records, reading one record at a time. Returns the number of
    notices that duplicate an earlier one."""
    from pipeline.index import build_index

    n_notices, _n_deadlines, n_docs = build_index(
        out_p / INDEX, ((rel, e["output"], rec, e["fingerprint"])
                        for rel, e, rec in _iter_records(out_p, rels, done)))
    res.outputs.append(str(out_p / INDEX))
    if jsonl:
        if jsonl == "-":
            for _rel, _e, rec in _iter_records(out_p, rels, done):
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            with atomic_open(jsonl, fsync=fsync) as f:
                for _rel, _e, rec in _iter_records(out_p, rels, done):
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            res.outputs.append(jsonl)
    if ics:
        _write_ics(out_p, rels, done, ics)
        res.outputs.append(ics)
    return n_notices - n_docs


def _write_ics(out_p: Path, rels: list[str], done: dict[str, dict], path: str) -> None:
    """The combined calendar of every distinct document's deadlines, via
    ``pipeline.ics.write_calendar`` (copies of one circular are given once)."""
    try:
        from pipeline import ics as ics_mod
    except ImportError:
        from pipeline.errors import MissingDependencyError
        raise MissingDependencyError(path, "calendar export (pipeline.ics) is not available") \
            from None
    from models.notice import Notice

    def notices():
        seen: set[str] = set()
        for _rel, e, rec in _iter_records(out_p, rels, done):
            if e["fingerprint"] in seen:
                continue
            seen.add(e["fingerprint"])
            yield Notice.model_validate(rec)

    ics_mod.write_calendar(notices(), path)


# --------------------------------------------------------------------------- CLI

@click.command("batch", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("src", metavar="DIR")
@click.option("-o", "--out", "out", required=True, metavar="OUTDIR",
              help="Output folder: OUTDIR/<path>.json per file, errors.jsonl, manifest.jsonl, "
                   "index.sqlite.")
@click.option("-j", "--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--scheduler", metavar="local|tcp://HOST:PORT", default=None,
              help="Run on Dask: 'local' starts a LocalCluster of --workers processes; "
                   "tcp://HOST:PORT uses an existing cluster that sees DIR at the same path.")
@click.option("--reprocess", is_flag=True, help="Redo every file, ignoring the manifest.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first failed file.")
@click.option("--jsonl", metavar="FILE", default=None,
              help="Also write all records as JSON Lines in path order ('-' = stdout).")
@click.option("--ics", metavar="FILE", default=None,
              help="Also write the combined deadline calendar (.ics).")
@click.option("--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_MB, show_default=True,
              metavar="MB", help="Refuse files larger than this.")
@click.option("--mp-context", type=click.Choice(["fork", "forkserver", "spawn"]), default=None,
              help="Process start method (default forkserver on Linux).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar (default: when stderr is a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="Only the final summary.")
def batch_cmd(src, out, workers, scheduler, reprocess, fail_fast, jsonl, ics, max_size,
              mp_context, progress, quiet):
    """Extract every notice under DIR (recursively) into OUTDIR, resumably.

    Exit codes: 0 all succeeded, 1 some files failed (see OUTDIR/errors.jsonl),
    2 usage error, 3 missing dependency, 130 interrupted (run again to resume).
    """
    from pipeline.errors import NoticeError
    old_term = signal.getsignal(signal.SIGTERM)

    def _term(_sig, _frm):
        raise KeyboardInterrupt

    with contextlib.suppress(ValueError):  # not in the main thread (tests)
        signal.signal(signal.SIGTERM, _term)
    try:
        res = run_batch(src, out, workers=workers, scheduler=scheduler, mp_context=mp_context,
                        reprocess=reprocess, fail_fast=fail_fast, jsonl=jsonl, ics=ics,
                        max_bytes=max_size * 1024 * 1024, progress=progress, quiet=quiet)
    except UsageProblem as e:
        click.echo(f"extract batch: error: {e}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:  # while writing the merged outputs
        click.echo("extract batch: interrupted; run the same command again to resume", err=True)
        sys.exit(130)
    except NoticeError as e:
        click.echo(f"extract batch: error: {e}", err=True)
        sys.exit(getattr(e, "exit_code", 1))
    except OSError as e:
        # e.g. the scheduler is unreachable or the output folder vanished mid-run
        click.echo(f"extract batch: error: {e.strerror or e}", err=True)
        sys.exit(2 if scheduler else 1)
    finally:
        with contextlib.suppress(ValueError):
            signal.signal(signal.SIGTERM, old_term)
    rate = (res.ok / res.seconds) if res.seconds else 0.0
    summary = (f"batch: {res.ok} ok, {res.failed} failed, {res.skipped} skipped"
               f"{f', {res.warned} warnings' if res.warned else ''}"
               f"{f', {res.duplicates} duplicates' if res.duplicates else ''}"
               f" in {res.seconds:.1f} s ({rate:.1f} files/s) → {out}")
    if res.failed or res.warned:
        summary += f"; see {Path(out) / ERRORS}"
    if res.interrupted:
        summary = "batch: interrupted; run the same command again to resume. " + summary[7:]
    click.echo(summary, err=True)
    sys.exit(res.exit_code)


if __name__ == "__main__":  # python -m pipeline.batch DIR --out OUTDIR
    batch_cmd()
