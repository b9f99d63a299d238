"""OCR speed on this machine: pages/s for the scanned files of the corpus.

Usage::

    python benchmarks/bench_ocr.py [--repeat 1] [FILE ...]

Default files: the two scanned seed PDFs and the scanned-seed OFD of
corpus/formats. For each file it times the whole ``extract_file`` (render or
decode, OCR, layout, extraction) and prints pages/s; it also prints the
engine load time and how many text lines needed the stretched second reading
that restores doubled letters (``pipeline.readers.ocr._restore_repeats``)
and what those readings cost. The machine load average is printed because
the figures are only comparable on a quiet machine.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT = [
    ROOT / "corpus" / "seeds" / "scanned" / "000_beae532f0dc098a7.pdf",
    ROOT / "corpus" / "seeds" / "scanned" / "001_dde7b99b86b616a6.pdf",
    ROOT / "corpus" / "formats" / "fmt_000_scan_ofd.ofd",
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=1, help="runs per file; the median is reported")
    args = ap.parse_args()

    from pipeline.readers import ocr
    from pipeline.stages.run import extract_file

    if not ocr.available():
        sys.exit("OCR extra not installed: pip install '.[ocr]'")
    t0 = time.perf_counter()
    ocr.engine()
    load = time.perf_counter() - t0

    # count and time the second readings without changing what they do
    calls = {"n": 0, "s": 0.0}
    orig = ocr._restore_repeats

    def counted(eng, img, box):
        t = time.perf_counter()
        orig(eng, img, box)
        calls["n"] += 1
        calls["s"] += time.perf_counter() - t

    ocr._restore_repeats = counted

    print(f"load average {os.getloadavg()[0]:.2f} · engine load {load:.2f} s")
    print(f"{'file':44} {'pages':>5} {'seconds':>8} {'pages/s':>8} {'re-read lines':>14} {'re-read s':>10}")
    tot_pages, tot_s = 0, 0.0
    for f in args.files:
        times = []
        for _ in range(args.repeat):
            calls["n"], calls["s"] = 0, 0.0
            t = time.perf_counter()
            rec = extract_file(f)
            times.append(time.perf_counter() - t)
        s = statistics.median(times)
        pages = rec.source.pages or 0
        tot_pages += pages
        tot_s += s
        print(f"{f.name:44} {pages:5d} {s:8.1f} {pages / s:8.2f} {calls['n']:14d} {calls['s']:10.1f}")
    print(f"{'all':44} {tot_pages:5d} {tot_s:8.1f} {tot_pages / tot_s:8.2f}")


if __name__ == "__main__":
    main()
