"""A batch run SIGKILLed part-way and run again gives the same OUTDIR,
byte for byte, as an uninterrupted run (issue 6, "Resumable")."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch import ERRORS, INDEX, MANIFEST, run_batch

sys.path.insert(0, str(Path(__file__).parent))
from test_batch import make_archive  # noqa: E402

N = 60


def tree(out: Path) -> dict[str, bytes]:
    """Every file of OUTDIR except the SQLite index (compared by rows)."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != INDEX}


def index_rows(out: Path) -> list:
    con = sqlite3.connect(out / INDEX)
    try:
        return [con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                for t in ("notices", "deadlines", "documents")]
    finally:
        con.close()


def manifest_lines(out: Path) -> int:
    try:
        return (out / MANIFEST).read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def start(src: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "batch", str(src), "--out", str(out), "-j", "1", "-q"],
        cwd=Path(__file__).resolve().parents[1], start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def kill_after(proc: subprocess.Popen, out: Path, n_done: int, *, group: bool) -> int:
    """SIGKILL the run once ``n_done`` records are in its manifest; returns
    how many there were. ``group`` kills the worker processes too; otherwise
    only the main process, and the workers must die by themselves."""
    deadline = time.monotonic() + 60
    while manifest_lines(out) < n_done and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert proc.poll() is None, "the run ended before it could be killed: make N bigger"
    if group:
        os.killpg(proc.pid, signal.SIGKILL)
    else:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return manifest_lines(out)


def assert_group_gone(pgid: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.killpg(pgid, signal.SIGKILL)
    pytest.fail("worker processes outlived the killed batch")


def test_sigkill_and_rerun_gives_identical_outdir(tmp_path):
    src = make_archive(tmp_path / "in", N)
    ref = tmp_path / "ref"
    res = run_batch(src, ref, workers=2, quiet=True)
    assert (res.ok, res.failed) == (N, 0)

    out = tmp_path / "out"
    # 1st kill: the main process only (workers must not be left behind)
    proc = start(src, out)
    done1 = kill_after(proc, out, 5, group=False)
    assert_group_gone(proc.pid)
    # whatever is on disk now is whole JSON: no truncated record
    for p in out.rglob("*.json"):
        json.loads(p.read_bytes())
    # 2nd kill: later, the whole process group, mid-way through the rest
    proc = start(src, out)
    done2 = kill_after(proc, out, done1 + 15, group=True)
    assert done1 < done2 < N, (done1, done2)
    for p in out.rglob("*.json"):
        json.loads(p.read_bytes())

    res = run_batch(src, out, workers=2, quiet=True)
    assert res.failed == 0 and res.ok + res.skipped == N and res.skipped >= done1
    assert tree(out) == tree(ref)
    assert index_rows(out) == index_rows(ref)
    assert (out / ERRORS).read_bytes() == b""
