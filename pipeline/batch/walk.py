"""Walk an archive folder: the supported files in sorted order, and the
entries that cannot be read (symlink loops, unreadable folders)."""
from __future__ import annotations

import contextlib
import errno
import os
import stat
from dataclasses import dataclass
from typing import Iterator

from pipeline.readers import SUPPORTED_SUFFIXES


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
    Symlinks to files and folders are followed, each real folder is entered
    once (two links to one place: walked once), and a link to a folder that
    contains DIR — one of its own ancestors, or one of DIR's (``up -> ..``) —
    is a ``symlink loop`` problem, so a link never walks the parent tree.
    """
    root_s = os.fspath(root)
    excluded = set()
    for ex in exclude:
        with contextlib.suppress(OSError):
            st = os.stat(ex)
            excluded.add((st.st_dev, st.st_ino))
    st = os.stat(root_s)
    visited = {(st.st_dev, st.st_ino)}
    yield from _walk_dir(root_s, (), _real_ancestors(root_s), visited, excluded)


def _real_ancestors(root: str) -> list:
    """(st_dev, st_ino) of DIR's real folder and of every folder above it up to /."""
    keys = []
    cur = os.path.realpath(root)
    while True:
        with contextlib.suppress(OSError):
            st = os.stat(cur)
            keys.append((st.st_dev, st.st_ino))
        parent = os.path.dirname(cur)
        if parent == cur:
            return keys[::-1]
        cur = parent


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
