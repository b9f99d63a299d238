"""Scores of real texts as printed and re-laid out (issue 11: a record must
not depend on how the text was wrapped). Each gold-paired notice under the
given folders is read once, then extracted as printed and as the variants of
``tests/test_invariance.py`` (joined onto one line, re-broken every 25–40
characters), and every version is scored against the same gold:

    python benchmarks/variant_scores.py ../shared/real/excerpts /path/to/blind/sets
    python benchmarks/variant_scores.py DIR... --variants one_line --show

The gap between "as printed" and a variant is what the layout still decides.
``--not-circular`` also counts the texts that read as a circular as printed
but not as a variant (the record emptied by the ``not_a_circular`` check).
Figures go in README ("Corpus and scores"); the texts stay where they are.
"""
from __future__ import annotations

import argparse
import copy
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.evaluate import Score, compact, find_pairs, mean_f1, score_record  # noqa: E402
from pipeline.readers import read_path  # noqa: E402
from pipeline.stages.run import extract_document  # noqa: E402
from tests.test_invariance import make_variant  # noqa: E402


def _empty(rec) -> bool:
    return any(w.code == "not_a_circular" for w in rec.warnings)


def run(dirs: list[Path], variants: list[str], show: bool = False) -> tuple[dict, dict]:
    """``({version: {field: Score}}, {variant: emptied count})`` over every
    gold pair under ``dirs``; ``show`` prints each field a variant changes."""
    totals: dict[str, dict[str, Score]] = {v: defaultdict(Score) for v in ["as printed", *variants]}
    emptied = dict.fromkeys(variants, 0)
    for d in dirs:
        for src, gold_path in find_pairs(d):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            doc = read_path(str(src))
            base = extract_document(copy.deepcopy(doc))
            base_scores = score_record(gold, compact(base))
            for k, s in base_scores.items():
                totals["as printed"][k].add(s)
            for v in variants:
                rec = extract_document(make_variant(doc, v))
                emptied[v] += _empty(rec) and not _empty(base)
                for k, s in score_record(gold, compact(rec)).items():
                    totals[v][k].add(s)
                    b = base_scores[k]
                    if show and (s.tp, s.fp, s.fn) != (b.tp, b.fp, b.fn):
                        print(f"{src}\t{v}\t{k}\tas printed {b.tp}/{b.fp}/{b.fn}\tvaried {s.tp}/{s.fp}/{s.fn}")
    return totals, emptied


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--variants", default="one_line,rewrap", help="comma-separated: one_line, rewrap")
    ap.add_argument("--show", action="store_true", help="print each field a variant changes")
    args = ap.parse_args(argv)
    totals, emptied = run(args.dirs, args.variants.split(","), args.show)
    for version, scores in totals.items():
        fields = " ".join(f"{k} {s.f1:.2f}" for k, s in scores.items() if s.tp + s.fp + s.fn)
        mean = mean_f1(scores)
        extra = f"  (read as no circular: {emptied[version]})" if version in emptied else ""
        print(f"{version:<11} mean F1 {mean:.3f}{extra}\n  {fields}" if mean is not None else f"{version}: no items")


if __name__ == "__main__":
    main()
