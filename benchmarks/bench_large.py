"""Benchmark of one very large notice (issue 15 item 2) — not a test; prints a Markdown table.

    python benchmarks/bench_large.py                  # 1, 10 and 50 MB of text
    python benchmarks/bench_large.py --sizes 1 2 4    # other sizes (MB)
    python benchmarks/bench_large.py --sizes 60 --keep /tmp/large

Each row is one cold ``extract NOTICE.txt -o record.json`` in its own process
(``--max-size`` raised above the size), measured with ``os.wait4``: wall
time, CPU time (user + system: the figure to compare on a shared machine),
the peak resident memory of that process, and the size of the record it wrote. The notice is the five seed circulars (``corpus/seeds/*.txt``) pasted
one after another until the size is reached — what a clerk gets when a whole
year of circulars is pasted into one file: every copy brings its title,
deadlines, contacts and attachment forms, so the record grows with the text.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))


def make_notice(path: Path, mb: float) -> int:
    """Write ``mb`` MB (at least) of seed circulars into ``path``; returns its size."""
    texts = [p.read_text(encoding="utf-8").strip() + "\n\n" for p in SEEDS]
    want = int(mb * 2**20)
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        while size < want:
            for t in texts:
                f.write(t)
                size += len(t.encode("utf-8"))
    return size


def run_one(notice: Path, record: Path, max_mb: int) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS MiB) of one cold ``extract`` process.
    CPU time (user + system) is what to compare on a shared machine."""
    exe = shutil.which("extract") or "extract"
    t0 = time.monotonic()
    proc = subprocess.Popen([exe, str(notice), "-o", str(record), "--max-size", str(max_mb)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"extract failed on {notice}: {proc.stderr.read().decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # Linux: KiB


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 50], metavar="MB")
    ap.add_argument("--keep", type=Path, help="Keep the notices and records in this folder.")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-large-"))
    work.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores (times are only comparable below 2)")
    print("| text | wall time | CPU time | CPU per MB | peak RSS | RSS per MB of text | record "
          "| record / text |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    try:
        for mb in args.sizes:
            notice, record = work / f"notice_{mb:g}MB.txt", work / f"notice_{mb:g}MB.json"
            size = make_notice(notice, mb) / 2**20
            wall, cpu, rss = run_one(notice, record, int(size) + 2)
            rec = record.stat().st_size / 2**20
            print(f"| {size:.1f} MB | {wall:.0f} s | {cpu:.0f} s | {cpu / size:.1f} s | "
                  f"{rss:.0f} MB | {rss / size:.0f} MB | {rec:.1f} MB | {rec / size:.1f}× |",
                  flush=True)
            if not args.keep:
                notice.unlink()
                record.unlink()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
