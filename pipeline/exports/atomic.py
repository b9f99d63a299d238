"""Atomic file writes: readers of a path see the old file or the whole new
one, never a truncated one, even if the writer is SIGKILLed.

The recipe (POSIX): write to a temporary file *in the same directory* (so the
final ``os.replace`` is a rename within one filesystem, which is atomic),
``fsync`` it, ``os.replace`` it over the target, then ``fsync`` the directory
so the rename itself survives a crash. Temporary names are hidden and
recognisable (``.<name>.<random>.extract-tmp``) so that :func:`remove_stale_temps`
deletes what a killed writer left behind — and never a user's own ``*.tmp``.

Files get the permissions a command-line tool gives: those of the file they
replace, else ``0666`` less the umask (``mkstemp`` alone would make every
output ``0600``). :func:`make_dirs_inside` creates folders under a root
without ever following a symbolic link out of it.

Used by the batch runner for every per-file record, the manifest compaction,
``errors.jsonl``, the merged JSONL/ICS outputs and ``index.sqlite``; other
writers may reuse :func:`atomic_write_text` / :func:`atomic_open`.
"""
from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import IO, Iterator

# ".<target name>.<8 random chars from tempfile>.extract-tmp" — see tempfile._RandomNameSequence
TEMP_SUFFIX = ".extract-tmp"
_TEMP_RE = re.compile(r"^\..+\.[a-z0-9_]{8}\.extract-tmp$")


def fsync_dir(path: str | os.PathLike) -> None:
    """fsync a directory so a rename/creation inside it is durable.

    Silently does nothing where directories cannot be opened (Windows)."""
    try:
        fd = os.open(os.fspath(path), os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    """The process umask, read without changing it where Linux allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere: the only portable read is a set-and-restore
    os.umask(mask)
    return mask


def _mode_for(target: Path) -> int:
    """Permission bits of a new ``target``: the replaced file's, else 0666 & ~umask."""
    try:
        st = os.stat(target)
        if stat.S_ISREG(st.st_mode):
            return stat.S_IMODE(st.st_mode)
    except OSError:
        pass
    return 0o666 & ~_umask()


def _temp_for(target: Path) -> tuple[int, str]:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        os.fchmod(fd, _mode_for(target))
    except OSError:
        pass  # a filesystem without modes (vfat): keep what it gives
    return fd, tmp


def _commit(tmp: str, target: Path, fsync: bool) -> None:
    """Rename the finished temporary file over ``target`` and make the
    rename durable (fsync of the directory)."""
    os.replace(tmp, target)
    if fsync:
        fsync_dir(target.parent)


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", *, encoding: str | None = "utf-8",
                fsync: bool = True, make_parents: bool = True) -> Iterator[IO]:
    """Open a temporary file next to ``path``; on a clean exit of the
    ``with`` block it is flushed, fsync'd and renamed over ``path``; on an
    exception it is deleted and ``path`` is left untouched.

    ``mode`` is ``"w"`` (text, ``encoding``) or ``"wb"``. For streaming
    writers (JSON Lines, calendars) whose whole output should appear at once.
    Raises ``OSError`` when the directory is not writable.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_open mode must be 'w' or 'wb', not {mode!r}")
    target = Path(path)
    if make_parents:
        target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temp_for(target)
    try:
        if mode == "wb":
            f = os.fdopen(fd, "wb")
        else:
            f = os.fdopen(fd, "w", encoding=encoding, newline="")
        with f:
            yield f
            f.flush()
            if fsync:
                os.fsync(f.fileno())
        _commit(tmp, target, fsync)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write_bytes(path: str | os.PathLike, data: bytes, *, fsync: bool = True,
                       make_parents: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically (see module doc)."""
    with atomic_open(path, "wb", fsync=fsync, make_parents=make_parents) as f:
        f.write(data)


def atomic_write_text(path: str | os.PathLike, text: str, *, encoding: str = "utf-8",
                      fsync: bool = True, make_parents: bool = True) -> None:
    """Replace ``path`` with ``text`` (encoded, newlines kept as given) atomically."""
    atomic_write_bytes(path, text.encode(encoding), fsync=fsync, make_parents=make_parents)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, *, fsync: bool = True) -> Iterator[Path]:
    """Yield a temporary *path* next to ``path`` for tools that open files by
    name themselves (SQLite); on a clean exit it is fsync'd and renamed over
    ``path``; on an exception it is removed."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temp_for(target)
    os.close(fd)  # an empty file: SQLite opens it as a new database
    try:
        yield Path(tmp)
        if fsync and os.path.exists(tmp):
            fd = os.open(tmp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _commit(tmp, target, fsync)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def make_dirs_inside(root: str | os.PathLike, rel_dir: str) -> Path:
    """Create ``root/rel_dir`` (``/``-separated) folder by folder and return
    it, refusing — :class:`OSError` ``ELOOP`` naming the link — when any
    folder below ``root`` is a symbolic link (or not a folder), so nothing
    is ever written outside ``root`` through a link planted inside it."""
    cur = Path(root)
    for part in [p for p in rel_dir.split("/") if p]:
        cur = cur / part
        try:
            st = os.lstat(cur)
        except FileNotFoundError:
            with contextlib.suppress(FileExistsError):
                os.mkdir(cur)
            st = os.lstat(cur)
        if stat.S_ISLNK(st.st_mode):
            raise OSError(errno.ELOOP, "is a symbolic link; nothing is written through links",
                          str(cur))
        if not stat.S_ISDIR(st.st_mode):
            raise NotADirectoryError(errno.ENOTDIR, "exists and is not a folder", str(cur))
    return cur


def is_temp_name(name: str) -> bool:
    """True for a file name this module creates as a temporary."""
    return bool(_TEMP_RE.match(name))


def remove_stale_temps(root: str | os.PathLike) -> int:
    """Delete temporaries left in ``root`` (recursively) by a killed writer.

    Only names matching this module's pattern are touched. Returns how many
    were removed. Call it only when no other writer is active in ``root``.
    """
    removed = 0
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            if is_temp_name(name):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(dirpath, name))
                    removed += 1
    return removed


def append_line(path: str | os.PathLike, line: str, *, fsync: bool = True) -> None:
    """Append one text line (``\\n`` added) to an append-only log and fsync
    it. A crash can leave at most a torn *last* line, which loaders of such
    logs must tolerate."""
    data = (line.rstrip("\n") + "\n").encode("utf-8")
    # O_NOFOLLOW: a log replaced by a symlink must not append to the file it points at
    fd = os.open(os.fspath(path), os.O_WRONLY | os.O_APPEND | os.O_CREAT
                 | getattr(os, "O_NOFOLLOW", 0), 0o666)
    try:
        os.write(fd, data)
        if fsync:
            os.fsync(fd)
    finally:
        os.close(fd)
