"""The worker side of a batch: one file (or one chunk of legacy files) →
a plain result dict, never an exception for a bad document.

Every file goes through :func:`pipeline.readers.read_path` (the complete
``Document``: text layer, OCR, LibreOffice) and
:func:`pipeline.stages.run.extract_read` — the same path as ``extract FILE``.
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Callable, Optional

# Warning codes of a successful record that batch users must see in errors.jsonl.
REPORTED_WARNINGS = ("not_a_circular",)
# The record fields pipeline.exports.index.fingerprint reads.
FINGERPRINT_FIELDS = {"title", "doc_number", "issuers", "signed_date", "printed", "source"}


_WARM = False


def _ensure_warm() -> None:
    """Load NLP resources once per process (``pipeline.stages.run.warm_up`` when the
    pipeline provides it)."""
    global _WARM
    if _WARM:
        return
    import pipeline.stages.run as run
    from pipeline.readers import ocr

    ocr.configure(threads=1)  # the workers share the cores: one ONNX Runtime thread each
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
    """Exit this process as soon as process ``pid`` ends (daemon thread),
    taking any LibreOffice it started and its profile along."""
    import threading

    def die() -> None:
        legacy = sys.modules.get("pipeline.readers.legacy")
        if legacy is not None:
            with contextlib.suppress(Exception):
                legacy.shutdown()
        os._exit(1)

    def wait_pidfd(fd: int) -> None:
        import select
        select.select([fd], [], [])  # a pidfd becomes readable when the process exits
        die()

    def poll() -> None:
        while True:
            time.sleep(0.5)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                die()
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


def process_file(path: str, max_bytes: Optional[int] = None) -> dict:
    """The per-file function, run in a worker (process pool or Dask).

    Reads and extracts ``path``; never raises for a bad document. Returns a
    plain dict (cheap to pickle) —
    ``{"ok": True, "json": record_text, "sha256", "fingerprint", "warnings": [[code, message]]}``
    or ``{"ok": False, "stage", "error", "message", "where"}`` where
    ``message`` is one line naming the file. ``max_bytes`` is the size
    limit (``--max-size``; default :data:`pipeline.readers.MAX_BYTES`).
    """
    _ensure_warm()
    from pipeline.readers import MAX_BYTES, read_path

    limit = max_bytes or MAX_BYTES
    return _guarded(path, lambda: _result(path, read_path(path, max_bytes=limit)))


def process_files(paths: list[str], max_bytes: Optional[int] = None) -> list[dict]:
    """Legacy word-processor files of a batch (.doc/.wps/.rtf), run in a
    worker: converted with one LibreOffice call for all of them
    (:func:`pipeline.readers.legacy.read_many`), then extracted one by one.
    Returns one :func:`process_file` dict per path, in order; a file that
    turns out not to be a legacy format is processed on its own.
    """
    _ensure_warm()
    from pipeline.errors import NoticeError
    from pipeline.readers import MAX_BYTES, complete, detect_format, legacy, load_bytes

    results: list[Optional[dict]] = [None] * len(paths)
    batch: list[tuple[int, str, bytes]] = []
    for i, path in enumerate(paths):
        try:
            data = load_bytes(path, max_bytes=max_bytes or MAX_BYTES)
            fmt = detect_format(path, data)
        except NoticeError as e:
            results[i] = _failure(path, e.stage, type(e).__name__, str(e), e)
            continue
        if fmt in ("doc", "wps", "rtf"):
            batch.append((i, path, data))
        else:
            results[i] = process_file(path, max_bytes)
    if not batch:
        return results  # type: ignore[return-value]
    try:
        docs = legacy.read_many([(p, d) for _, p, d in batch])
    except Exception:  # an internal defect in the shared call: each file on its own instead
        return [r if r is not None else process_file(p, max_bytes) for r, p in zip(results, paths)]
    for (i, path, data), doc in zip(batch, docs):
        if isinstance(doc, NoticeError):
            results[i] = _failure(path, doc.stage, type(doc).__name__, str(doc), doc)
        else:
            results[i] = _guarded(path, lambda: _result(path, complete(path, data, doc)))
    return results  # type: ignore[return-value]


def _result(path: str, doc) -> dict:
    """The success dict of :func:`process_file` for a read ``Document``."""
    from pipeline.exports.doctext import document_text, dumps_text
    from pipeline.exports.index import fingerprint
    from pipeline.stages.run import extract_read, to_json

    notice = extract_read(path, doc)
    text = to_json(notice)
    # only the fields the identity uses: parsing the whole record back costs as much as
    # writing it (a 1 MB notice with many forms makes a 7 MB record)
    rec = notice.model_dump(mode="json", include=FINGERPRINT_FIELDS)
    fp = fingerprint(rec, (b.text or "" for b in doc.blocks))
    warns = [[w.code, w.message] for w in notice.warnings if w.code in REPORTED_WARNINGS]
    # the normalised blocks the review page and the archive search need (issue 13)
    doc_text = dumps_text(document_text(doc))
    return {"ok": True, "json": text, "sha256": notice.source.sha256, "fingerprint": fp,
            "warnings": warns, "text": doc_text, "pages": doc.pages or 0,
            "ocr_pages": len({b.page for b in doc.blocks if b.origin == "ocr"})}


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
