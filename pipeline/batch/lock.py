"""One batch per OUTDIR: an advisory lock on ``OUTDIR/.extract-batch.lock``.

Two runs writing one OUTDIR would rewrite each other's manifest and
errors.jsonl and delete each other's temporaries. The lock is ``flock(2)``
(``fcntl``, stdlib): the kernel releases it when the holder exits, even by
SIGKILL, so a killed run never leaves a stale lock behind and the next run
resumes at once. The file keeps the holder's pid, host and start time so
the second run can say who holds it; it is hidden, so walks skip it.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import socket
from pathlib import Path
from typing import Optional

LOCK_NAME = ".extract-batch.lock"


class Busy(Exception):
    """Another process holds the OUTDIR lock; ``str()`` says who, in one line."""


class OutdirLock:
    """``with OutdirLock(out):`` — held for the whole run. Raises :class:`Busy`
    when another run holds it, ``OSError`` when OUTDIR is not writable."""

    def __init__(self, out: str | os.PathLike):
        self.path = Path(out) / LOCK_NAME
        self.fd: Optional[int] = None

    def acquire(self) -> None:
        """Take the lock without waiting (see class doc)."""
        import fcntl

        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.path, flags, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            raise Busy(f"{self.path.parent}: another batch is writing to this folder ({holder}); "
                       f"wait for it to finish or choose another --out") from None
        except OSError:
            os.close(fd)
            raise
        info = {"pid": os.getpid(), "host": socket.gethostname(),
                "since": dt.datetime.now().astimezone().isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, (json.dumps(info) + "\n").encode(), 0)
        self.fd = fd

    def release(self) -> None:
        """Drop the lock (closing the descriptor releases the flock). The file
        is emptied first, not removed: removing it would let a third run lock
        a new file while a second still waits on the old one; and an empty
        file leaves the same OUTDIR bytes whichever run held it."""
        if self.fd is not None:
            try:
                os.ftruncate(self.fd, 0)
            except OSError:
                pass
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> "OutdirLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _holder(fd: int) -> str:
    """"pid 123 on host h since …" from the lock file, or a vaguer phrase."""
    try:
        info = json.loads(os.pread(fd, 4096, 0) or b"{}")
        return f"pid {info['pid']} on {info['host']} since {info['since']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "a process that is just starting"
