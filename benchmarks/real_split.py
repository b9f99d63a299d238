"""Build the frozen dev / test split of ``../shared/real`` (issue 11, "measure
honestly"): every third file of each folder (sorted, index % 3 == 0) is the
held-out test split, the rest is dev. Writes symlink trees that
``extract eval`` scores like the real folders:

    python benchmarks/real_split.py [REAL_DIR] [--out /tmp]
    extract eval /tmp/real_dev      # tune on this
    extract eval /tmp/real_test     # score only at the start and at the end

The split was frozen on 2026-11-29 before any tuning; its scores are in README.
"""
from __future__ import annotations

import argparse
from pathlib import Path

SUFFIXES = {".htm", ".html", ".txt"}


def split(real: Path) -> dict[str, list[Path]]:
    """``{"test": [...], "dev": [...]}`` notice files of every folder of ``real``."""
    parts: dict[str, list[Path]] = {"test": [], "dev": []}
    for folder in sorted(p for p in real.iterdir() if p.is_dir()):
        files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in SUFFIXES)
        for i, f in enumerate(files):
            parts["test" if i % 3 == 0 else "dev"].append(f)
    return parts


def build(real: Path, out: Path) -> None:
    """Create ``out/real_test`` and ``out/real_dev`` as symlink trees (notice
    and ``gold/<stem>.json`` per file), replacing earlier ones."""
    for name, files in split(real).items():
        root = out / f"real_{name}"
        for f in files:
            dest = root / f.parent.name
            (dest / "gold").mkdir(parents=True, exist_ok=True)
            for link, target in ((dest / f.name, f),
                                 (dest / "gold" / f"{f.stem}.json", f.parent / "gold" / f"{f.stem}.json")):
                if link.is_symlink() or link.exists():
                    link.unlink()
                link.symlink_to(target.resolve())
        print(f"{root}: {len(files)} files")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("real", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "real"))
    ap.add_argument("--out", default="/tmp")
    a = ap.parse_args()
    build(Path(a.real), Path(a.out))
