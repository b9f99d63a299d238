"""LibreOffice conversion speed: one soffice call per file against one call
per chunk (what ``extract batch`` does with .doc/.wps/.rtf files).

Usage::

    python benchmarks/bench_legacy.py [--files 32] [--chunk 16]

Reads ``--files`` copies of the corpus .doc/.wps/.rtf renditions in one
process, first with ``legacy.read`` per file, then with ``legacy.read_many``
per chunk, and prints files/s for both (conversion and .docx reading, no
extraction). Needs LibreOffice (``soffice`` on PATH or ``SOFFICE_BIN``).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=32)
    ap.add_argument("--chunk", type=int, default=16)
    args = ap.parse_args()

    from pipeline.readers import legacy

    pool = sorted(p for p in (ROOT / "corpus" / "formats").iterdir()
                  if p.suffix in (".doc", ".wps", ".rtf"))
    items = [(f"{i:04d}{p.suffix}", p.read_bytes()) for i, p in
             zip(range(args.files), (pool[k % len(pool)] for k in range(args.files)))]
    legacy.read(*items[0])  # profile creation and first start, not measured

    t = time.perf_counter()
    for path, data in items:
        legacy.read(path, data)
    one = time.perf_counter() - t

    t = time.perf_counter()
    bad = 0
    for k in range(0, len(items), args.chunk):
        bad += sum(not hasattr(d, "blocks") for d in legacy.read_many(items[k:k + args.chunk]))
    many = time.perf_counter() - t

    print(f"load average {os.getloadavg()[0]:.2f} · {len(items)} files ({', '.join(p.name for p in pool)})")
    print(f"one call per file      {len(items) / one:6.2f} files/s  ({one:.1f} s)")
    print(f"one call per {args.chunk:3d} files {len(items) / many:6.2f} files/s  ({many:.1f} s)  "
          f"{one / many:.1f}× faster, {bad} failed")


if __name__ == "__main__":
    main()
