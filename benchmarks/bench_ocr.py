"""OCR speed and accuracy on this machine: this project (fast and legacy
settings) and Tesseract 5 ``chi_sim`` over the scanned pages of the corpus.

Usage::

    python benchmarks/bench_ocr.py [--repeat 2] [--engines fast,legacy,tesseract] [FILE ...]

Default files: the scanned seed PDFs (``corpus/seeds/scanned/*.pdf``), the
scanned-seed OFD and the scanned page head (``corpus/formats/fmt_000_scan_*``).
For each engine it prints, summed over the files:

* pages/s (wall clock) and CPU-seconds per page (this process and its
  children, so ONNX Runtime's and Tesseract's threads are counted) of the
  whole read — render or decode, OCR, layout (Tesseract: render and OCR);
* CER, the character error rate of the OCR text of each page against the
  text layer of the same page of the same notice (``corpus/seeds/<id>.pdf``,
  read by the project's PDF reader; whitespace removed on both sides;
  Levenshtein distance / reference length, summed over pages). The page
  head ``.jpg`` holds only the top of page 1, so it is aligned against the
  best-matching stretch of that page;
* field F1 of the records extracted from the scans against their gold
  (micro-averaged over the fields of ``extract eval``).

Runs are interleaved (for each repeat, each file, each engine) so that a
change of machine load hits all engines alike; the median of the repeats
is used. The load average is printed: on a shared machine the wall-clock
figures only compare within one run, CPU-seconds are steadier.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEEDS = ROOT / "corpus" / "seeds"
FORMATS = ROOT / "corpus" / "formats"
ENGINES = ("fast", "legacy", "tesseract")


def default_files() -> list[Path]:
    return sorted((SEEDS / "scanned").glob("*.pdf")) + [FORMATS / "fmt_000_scan_ofd.ofd",
                                                         FORMATS / "fmt_000_scan_head.jpg"]


def seed_of(f: Path) -> str:
    """The seed id a scan was made from (``000_…`` from the scanned PDF's
    name; the format renditions name the seed number)."""
    if f.parent.name == "scanned":
        return f.stem
    num = f.stem.split("_")[1]
    return next(p.stem for p in SEEDS.glob(f"{num}_*.pdf"))


def gold_of(f: Path) -> Path | None:
    for g in (f.parent / "gold" / f"{f.stem}.json", SEEDS / "gold" / f"{f.stem}.json"):
        if g.exists():
            return g
    return None


# --- accuracy -------------------------------------------------------------------

def levenshtein(ref: str, hyp: str, *, free_ends: bool = False, band: int = 300) -> int:
    """Edit distance of ``hyp`` to ``ref``; with ``free_ends`` to the
    best-matching substring of ``ref`` (for a crop of a page). Cells further
    than ``band`` from the diagonal are not computed (the texts are nearly
    equal; a whole notice is ~5,000 characters)."""
    INF = 1 << 30
    n, m = len(ref), len(hyp)
    prev = [0] * (n + 1) if free_ends else list(range(n + 1))
    for i in range(1, m + 1):
        h = hyp[i - 1]
        cur = [INF] * (n + 1)
        mid = i * n // max(m, 1)
        lo, hi = (1, n) if free_ends else (max(1, mid - band), min(n, mid + band))
        if lo == 1:
            cur[0] = i
        for j in range(lo, hi + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (h != ref[j - 1]))
        prev = cur
    return min(prev) if free_ends else prev[n]


def squeeze(s: str) -> str:
    return "".join(s.split())


def reference_pages(seed: str) -> dict[int, str]:
    """Page → text of the seed's text-layer PDF (the project's PDF reader:
    page numbers dropped, as OCR layout drops them)."""
    from pipeline.readers import read_path

    doc = read_path(SEEDS / f"{seed}.pdf")
    pages: dict[int, list[str]] = {}
    for b in doc.blocks:
        pages.setdefault(b.page or 0, []).append(b.raw)
    return {p: squeeze("".join(t)) for p, t in pages.items()}


def cer_counts(pages: dict[int, str], ref: dict[int, str], partial: bool) -> tuple[int, int]:
    """(edits, reference characters): the OCR'd pages against the same pages
    of the reference, as one text (a paragraph that OCR layout joins across
    a page break is not an error); ``partial``: a crop of the first page."""
    hyp = "".join(pages[p] for p in sorted(pages))
    r = "".join(ref.get(p, "") for p in sorted(pages))
    if partial:
        return levenshtein(r, hyp, free_ends=True), len(hyp)
    return levenshtein(r, hyp), len(r)


def field_f1(notice, gold: Path) -> tuple[int, int, int]:
    """(tp, fp, fn) of a record against its gold, summed over the fields."""
    import json

    from pipeline.evaluate import compact, score_record

    scores = score_record(json.loads(gold.read_text(encoding="utf-8")), compact(notice))
    return (sum(s.tp for s in scores.values()), sum(s.fp for s in scores.values()),
            sum(s.fn for s in scores.values()))


# --- engines ----------------------------------------------------------------------

def cpu_now() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def variant(name: str):
    """The OCR settings an engine name stands for: ``fast``, ``legacy``, or
    ``fast`` with changes, e.g. ``fast-h32-d1280`` (recogniser input 32 px
    high, detector at 1280 px) — for trying a setting against the default."""
    from pipeline.readers.ocr import Settings

    parts = name.split("-")
    kw: dict = {"mode": parts[0]}
    for p in parts[1:]:
        key = {"h": "rec_height", "d": "det_side", "t": "threads"}[p[0]]
        kw[key] = int(p[1:])
    return Settings(**kw)


def run_project(f: Path, mode: str):
    """Read ``f`` (complete Document, OCR included) in OCR setting ``mode``;
    returns (page texts, Document)."""
    from pipeline.readers import ocr, read_path

    ocr.configure(variant(mode))
    ocr.engine()  # built once per setting, outside the timing
    doc = read_path(f)
    pages: dict[int, list[str]] = {}
    for b in doc.blocks:
        pages.setdefault(b.page or 0, []).append(b.raw)
    return {p: squeeze("".join(t)) for p, t in pages.items()}, doc


def page_images(f: Path, tmp: Path) -> list[tuple[int, Path]]:
    """The page images of a scan as files Tesseract can read: PDF pages
    rendered at their scan's resolution, OFD page images as stored."""
    import zipfile

    if f.suffix.lower() == ".pdf":
        import pypdfium2 as pdfium

        from pipeline.readers.pdf_ocr import page_dpi

        pdf = pdfium.PdfDocument(str(f))
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            dpi = page_dpi(page)
            p = tmp / f"p{i + 1}.png"
            page.render(scale=dpi / 72).to_pil().convert("L").save(p, dpi=(dpi, dpi))
            out.append((i + 1, p))
        return out
    if f.suffix.lower() == ".ofd":
        with zipfile.ZipFile(f) as z:
            names = sorted((n for n in z.namelist() if n.lower().endswith((".jpg", ".png"))),
                           key=lambda n: int("".join(ch for ch in n if ch.isdigit()) or 0))
            out = []
            for k, n in enumerate(names, start=1):
                p = tmp / f"p{k}{Path(n).suffix}"
                p.write_bytes(z.read(n))
                out.append((k, p))
            return out
    return [(1, f)]


def run_tesseract(f: Path, tmp: Path) -> dict[int, str]:
    pages = {}
    for p, img in page_images(f, tmp):
        r = subprocess.run(["tesseract", str(img), "stdout", "-l", "chi_sim"],
                           capture_output=True, text=True, check=True)
        pages[p] = squeeze(r.stdout)
    return pages


# --- the run -------------------------------------------------------------------------

def measure(files: list[Path], engines: list[str], repeat: int) -> dict[str, dict]:
    from pipeline.stages.run import extract_document

    refs = {s: reference_pages(s) for s in {seed_of(f) for f in files}}
    res = {e: {"wall": {}, "cpu": {}, "pages": 0, "edits": 0, "chars": 0, "f1": [0, 0, 0]} for e in engines}
    for rep in range(repeat):
        for f in files:
            for e in engines:
                with tempfile.TemporaryDirectory() as tmp:
                    c0, w0 = cpu_now(), time.perf_counter()
                    if e == "tesseract":
                        pages, doc = run_tesseract(f, Path(tmp)), None
                    else:
                        pages, doc = run_project(f, e)
                    wall, cpu = time.perf_counter() - w0, cpu_now() - c0
                r = res[e]
                r["wall"].setdefault(f, []).append(wall)
                r["cpu"].setdefault(f, []).append(cpu)
                if rep:
                    continue
                r["pages"] += len(pages)
                ed, ch = cer_counts(pages, refs[seed_of(f)], partial=f.suffix.lower() == ".jpg")
                r["edits"] += ed
                r["chars"] += ch
                g = gold_of(f)
                if doc is not None and g is not None:
                    r["f1"] = [a + b for a, b in zip(r["f1"], field_f1(extract_document(doc), g))]
                print(f"  {e:9} {f.name:34} {len(pages):3d} pages {wall:7.1f} s wall {cpu:7.1f} CPU-s "
                      f"CER {ed / max(ch, 1):.4f}", file=sys.stderr, flush=True)
    return res


def report(res: dict[str, dict], load0: float) -> None:
    print(f"load average at start {load0:.2f}, at end {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")
    print(f"| engine | pages | pages/s | CPU-s/page | CER | field F1 |")
    print(f"|---|---:|---:|---:|---:|---:|")
    base = res.get("legacy")
    for e, r in res.items():
        wall = sum(statistics.median(v) for v in r["wall"].values())
        cpu = sum(statistics.median(v) for v in r["cpu"].values())
        tp, fp, fn = r["f1"]
        f1 = f"{2 * tp / (2 * tp + fp + fn):.3f}" if tp + fp + fn and e != "tesseract" else "—"
        speed = ""
        if base and e != "legacy":
            bw = sum(statistics.median(v) for v in base["wall"].values())
            speed = f" ({bw / wall:.2f}× legacy)"
        print(f"| {e} | {r['pages']} | {r['pages'] / wall:.3f}{speed} | {cpu / max(r['pages'], 1):.2f} | "
              f"{r['edits'] / max(r['chars'], 1):.4f} | {f1} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=2, help="interleaved runs; the median is reported")
    ap.add_argument("--engines", default=",".join(ENGINES),
                    help="comma-separated: fast (this project, default setting), legacy "
                         "(this project before issue 14), tesseract (Tesseract 5 chi_sim)")
    args = ap.parse_args()
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    if any(e.split("-")[0] not in ENGINES for e in engines):
        sys.exit(f"unknown engine in {args.engines!r}; choose from {', '.join(ENGINES)}")
    from pipeline.readers import ocr

    if any(e != "tesseract" for e in engines) and not ocr.available():
        sys.exit("OCR extra not installed: pip install '.[ocr]'")
    if "tesseract" in engines and not shutil.which("tesseract"):
        sys.exit("tesseract not found: apt-get install tesseract-ocr tesseract-ocr-chi-sim")
    for e in engines:
        if e != "tesseract":
            t = time.perf_counter()
            ocr.configure(variant(e))
            ocr.engine()
            print(f"engine load ({e}): {time.perf_counter() - t:.2f} s", file=sys.stderr)
    load0 = os.getloadavg()[0]
    report(measure(args.files or default_files(), engines, args.repeat), load0)


if __name__ == "__main__":
    main()
