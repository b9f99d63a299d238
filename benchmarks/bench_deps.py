"""What each runtime dependency costs: installed size and import time.

    python benchmarks/bench_deps.py [--repeat 5]

For every requirement in pyproject.toml ``[project].dependencies`` (and, for
comparison, spaCy when it is installed) this prints:

* ``own MB`` — the files its distribution installed (its RECORD);
* ``with deps MB`` — that plus every distribution it pulls in that no
  other listed dependency also needs (what uninstalling it would free);
* ``import ms`` — median over ``--repeat`` fresh interpreters of the
  cumulative ``python -X importtime`` figure of its top-level module (wall
  time: inflated when the machine is busy, so the load average is printed);
* ``import CPU ms`` — median CPU time (user + system) of ``python -c
  "import X"`` less that of ``python -c pass``: what the import costs on an
  idle core, much less disturbed by other work on the machine.

Sizes come from the current environment (the project's .venv), so run it
there. Figures go into README "Dependencies and why"; they are measured, not
asserted by tests.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# distribution name → module to import (where they differ)
MODULE = {"python-docx": "docx", "lxml": "lxml.etree", "email-validator": "email_validator", "dask": "dask.distributed",
          "pypdfium2": "pypdfium2", "rapidocr-onnxruntime": "rapidocr_onnxruntime"}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")


def _canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requires(dist: str) -> set[str]:
    """Names of the distributions ``dist`` requires (no extras, markers that
    hold here only)."""
    from packaging.requirements import Requirement

    out = set()
    try:
        reqs = metadata.requires(dist) or []
    except metadata.PackageNotFoundError:
        return out
    for r in reqs:
        req = Requirement(r)
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        out.add(_canon(req.name))
    return out


def closure(dist: str) -> set[str]:
    """``dist`` and every installed distribution it pulls in, transitively."""
    seen, todo = set(), [_canon(dist)]
    while todo:
        d = todo.pop()
        if d in seen:
            continue
        try:
            metadata.distribution(d)
        except metadata.PackageNotFoundError:
            continue
        seen.add(d)
        todo.extend(_requires(d) - seen)
    return seen


def size_mb(dist: str) -> float:
    """Installed size of one distribution (its RECORD's files), in MB."""
    try:
        d = metadata.distribution(dist)
    except metadata.PackageNotFoundError:
        return 0.0
    total = 0
    for f in d.files or []:
        p = Path(d.locate_file(f))
        if p.is_file():
            total += p.stat().st_size
    return total / 1e6


def import_ms(module: str, repeat: int) -> float:
    """Median cumulative import time of ``module`` in a fresh interpreter, ms."""
    times = []
    for _ in range(repeat):
        r = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            return float("nan")
        last = [ln for ln in r.stderr.splitlines() if ln.startswith("import time:")][-1]
        times.append(int(last.split("|")[1]) / 1000)
    return statistics.median(times)


def _cpu_ms(code: str) -> float:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", code], capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000


def import_cpu_ms(module: str, repeat: int, base: float) -> float:
    """Median CPU time of importing ``module`` in a fresh interpreter, less
    ``base`` (the interpreter's own start-up), ms."""
    return statistics.median(_cpu_ms(f"import {module}") for _ in range(repeat)) - base


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = [_NAME.match(r).group(0) for r in project["dependencies"]]
    extra = [_NAME.match(r).group(0) for r in project["optional-dependencies"].get("ocr", [])]
    compare = [d for d in ("spacy",) if d not in deps]
    closures = {d: closure(d) for d in deps + extra + compare}
    runtime = set().union(*(closures[d] for d in deps))
    with_ocr = runtime.union(*(closures[d] for d in extra))
    for label, dists in (("runtime", runtime), ("runtime + ocr extra", with_ocr)):
        print(f"{label}: {len(dists)} distributions, {sum(map(size_mb, dists)):.0f} MB")
    base = statistics.median(_cpu_ms("pass") for _ in range(args.repeat))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"interpreter start-up {base:.0f} ms CPU")
    print(f"{'dependency':24} {'own MB':>8} {'with deps MB':>13} {'import ms':>10} "
          f"{'import CPU ms':>14}")
    for d in deps + extra + compare:
        others = set().union(*(c for k, c in closures.items() if k != d and k in deps + extra))
        mine = (closures[d] - others) | {_canon(d)}
        mod = MODULE.get(d, _canon(d).replace("-", "_"))
        print(f"{d:24} {size_mb(d):8.1f} {sum(map(size_mb, mine)):13.1f} "
              f"{import_ms(mod, args.repeat):10.0f} {import_cpu_ms(mod, args.repeat, base):14.0f}")


if __name__ == "__main__":
    main()
