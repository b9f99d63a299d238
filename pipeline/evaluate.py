"""``extract eval DIR``: score extracted records against gold files.

Scoring follows ANNOTATION.md "Scoring": per field, micro-averaged over
documents, precision / recall / F1. Scalars (doc_number, title, recipients,
signed_date, printed) count as one item each when present; lists (issuers,
cc, deadlines by ``due``, contact values, targets by value and unit,
attachments by number and title, table headers) are matched as multisets. A
``xun``/``month`` gold deadline also matches a predicted date inside that
period. Titles ignore whitespace and accept a leading issuer name.

A notice file ``X/<stem>.<ext>`` is scored against ``gold/<stem>.json`` in
its own folder or the nearest ancestor up to DIR; only the fields present in
a gold file are scored (passages may carry only ``deadlines``). A file that
fails to extract counts all its gold items as missed.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional


from models.contacts import compact_contacts
from models.notice import Notice
from models.targets import compact_target

SCALARS = ("doc_number", "title", "recipients", "signed_date", "printed")
CONTACT_KEYS = ("names", "phones", "emails", "qq", "wechat")
FIELD_ORDER = ("issuers", "doc_number", "title", "recipients", "signed_date", "printed", "cc",
               "deadlines", *(f"contacts.{k}" for k in CONTACT_KEYS), "targets", "attachments",
               "tables.header", "tables.kind")


@dataclass
class Score:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _ws(s: Optional[str]) -> str:
    return re.sub(r"\s+", "", s or "")


def _multiset(gold: Iterable, pred: Iterable) -> Score:
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return Score(tp, sum(p.values()) - tp, sum(g.values()) - tp)


def _scalar(gold: Any, pred: Any, same=lambda a, b: a == b) -> Score:
    if gold is None and pred is None:
        return Score()
    if gold is None:
        return Score(fp=1)
    if pred is None:
        return Score(fn=1)
    return Score(tp=1) if same(gold, pred) else Score(fp=1, fn=1)


def _num(v: Any) -> Any:
    if isinstance(v, list):
        return tuple(round(float(x), 6) for x in v)
    return None if v is None else round(float(v), 6)


def _period(due: str, precision: str) -> tuple[dt.date, dt.date]:
    d = dt.date.fromisoformat(due)
    last = calendar.monthrange(d.year, d.month)[1]
    if precision == "month":
        return d.replace(day=1), d.replace(day=last)
    if precision == "xun":
        lo = 1 if d.day <= 10 else 11 if d.day <= 20 else 21
        hi = 10 if lo == 1 else 20 if lo == 11 else last
        return d.replace(day=lo), d.replace(day=hi)
    return d, d


def _deadlines(gold: list[dict], pred: list[Optional[str]]) -> Score:
    left = list(pred)
    tp = 0
    # exact dates first, then period matches, so a period never steals an exact hit
    pending = []
    for g in gold:
        if g.get("due") in left:
            left.remove(g.get("due"))
            tp += 1
        else:
            pending.append(g)
    fn = 0
    for g in pending:
        if g.get("due") and g.get("precision", "day") != "day":
            lo, hi = _period(g["due"], g["precision"])
            hit = next((p for p in left if p and lo <= dt.date.fromisoformat(p) <= hi), None)
            if hit:
                left.remove(hit)
                tp += 1
                continue
        fn += 1
    return Score(tp, len(left), fn)


def compact(notice: Notice) -> dict:
    """The record in the compact gold form of ANNOTATION.md."""
    d = notice.model_dump(mode="json")
    contacts = compact_contacts(notice.contacts)
    targets = [compact_target(t) for t in notice.targets]
    return {
        "issuers": [i["name"] for i in d["issuers"]],
        "doc_number": d["doc_number"]["text"] if d["doc_number"] else None,
        "title": d["title"]["text"] if d["title"] else None,
        "recipients": d["recipients"]["text"] if d["recipients"] else None,
        "signed_date": d["signed_date"],
        "printed": ({"org": d["printed"]["org"], "date": d["printed"]["date"]}
                    if d["printed"] else None),
        "cc": d["cc"],
        "deadlines": [{"due": x["due"], "precision": x["precision"],
                       "year_inferred": x["year_inferred"], "attachments": x["attachments"]}
                      for x in d["deadlines"]],
        "contacts": contacts,
        "targets": targets,
        "attachments": [{"number": a["number"], "title": a["title"],
                         "tables": [{"kind": t["kind"], "header": t["header"]} for t in a["tables"]]}
                        for a in d["attachments"]],
    }


def score_record(gold: dict, pred: Optional[dict]) -> dict[str, Score]:
    """Per-field scores of one predicted compact record (None = failed)."""
    p = pred or {}
    out: dict[str, Score] = {}
    if "issuers" in gold:
        out["issuers"] = _multiset(gold["issuers"], p.get("issuers", []))
    if "doc_number" in gold:
        out["doc_number"] = _scalar(gold["doc_number"], p.get("doc_number"))
    if "title" in gold:
        issuers = gold.get("issuers") or []

        out["title"] = _scalar(gold["title"], p.get("title"), lambda g, q: _title_eq(g, q, issuers))
    if "recipients" in gold:
        out["recipients"] = _scalar(gold["recipients"], p.get("recipients"),
                                    lambda g, q: _ws(g) == _ws(q))
    for key in ("signed_date", "printed"):
        if key in gold:
            out[key] = _scalar(gold[key], p.get(key))
    if "cc" in gold:
        out["cc"] = _multiset(gold["cc"], p.get("cc", []))
    if "deadlines" in gold:
        out["deadlines"] = _deadlines(gold["deadlines"], [x["due"] for x in p.get("deadlines", [])])
    if "contacts" in gold:
        pc = p.get("contacts", {})
        for k in CONTACT_KEYS:
            out[f"contacts.{k}"] = _multiset(set(gold["contacts"].get(k, [])), set(pc.get(k, [])))
    if "targets" in gold:
        out["targets"] = _multiset([(_num(t["value"]), t["unit"]) for t in gold["targets"]],
                                   [(_num(t["value"]), t["unit"]) for t in p.get("targets", [])])
    if "attachments" in gold:
        ga, pa = gold["attachments"], p.get("attachments", [])
        out["attachments"] = _multiset([(a["number"], _ws(a["title"])) for a in ga],
                                       [(a["number"], _ws(a["title"])) for a in pa])
        out["tables.header"] = _multiset(
            [(a["number"], tuple(t["header"])) for a in ga for t in a.get("tables", [])],
            [(a["number"], tuple(t["header"])) for a in pa for t in a.get("tables", [])])
        out["tables.kind"] = _multiset(
            [(a["number"], k, t["kind"]) for a in ga for k, t in enumerate(a.get("tables", []))],
            [(a["number"], k, t["kind"]) for a in pa for k, t in enumerate(a.get("tables", []))])
    return out


def _title_eq(g: str, q: str, issuers: list[str]) -> bool:
    """Titles equal ignoring whitespace, with or without a leading issuer
    (ANNOTATION.md "title"); a joint notice's title with or without all its
    issuers' names before 关于 ("A区总工会B区文旅局关于…" / "关于…")."""
    g, q = _ws(g), _ws(q)
    return bool(_without_issuers(g, issuers) & _without_issuers(q, issuers))


def _without_issuers(t: str, issuers: list[str]) -> set[str]:
    """``t`` and ``t`` less each run of leading issuer names."""
    out, rest = {t}, t
    while True:
        lead = next((i for i in issuers if i and rest.startswith(i)), None)
        if lead is None:
            return out
        rest = rest[len(lead):]
        out.add(rest)


def find_pairs(root: Path) -> list[tuple[Path, Path]]:
    """(notice file, gold file) pairs under ``root``, sorted by path."""
    from pipeline.readers import SUPPORTED_SUFFIXES

    pairs = []
    for f in sorted(root.rglob("*")):
        if not f.is_file() or "gold" in f.relative_to(root).parts or f.name.startswith((".", "~$")):
            continue
        if f.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        d = f.parent
        while True:
            g = d / "gold" / f"{f.stem}.json"
            if g.exists():
                pairs.append((f, g))
                break
            if d == root or root not in d.parents and d != root:
                break
            d = d.parent
    return pairs


def mean_f1(scores: dict[str, Score]) -> Optional[float]:
    """Mean F1 over the fields with any gold or predicted item (tp+fp+fn >
    0) — issue 11's "mean F1 in each folder"; None when no field has one."""
    f1s = [s.f1 for s in scores.values() if s.tp + s.fp + s.fn]
    return sum(f1s) / len(f1s) if f1s else None


@dataclass
class Report:
    """Scores of an evaluation run: overall and per format, plus failures."""

    overall: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    by_group: dict[str, dict[str, Score]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Score)))
    by_folder: dict[str, dict[str, Score]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Score)))
    errors: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0


def evaluate(root: Path, *, progress=None, pairs=None) -> Report:
    """Extract every notice under ``root`` that has gold and score it.

    ``progress(path)`` is called after each file; ``pairs`` (from
    :func:`find_pairs`) saves walking ``root`` again."""
    from pipeline.errors import NoticeError
    from pipeline.stages.run import extract_file

    rep = Report()
    for f, g in (find_pairs(root) if pairs is None else pairs):
        gold = json.loads(g.read_text(encoding="utf-8"))
        ocr = False
        try:
            notice = extract_file(f)
            pred, ocr = compact(notice), bool(notice.source.ocr)
        except NoticeError as e:
            rep.errors.append((str(f), str(e.reason)))
            pred = None
        except Exception as e:  # a defect: keep scoring the rest, but show it
            rep.errors.append((str(f), f"internal error {type(e).__name__}: {e}"))
            pred = None
        rep.files += 1
        parts = f.relative_to(root).parts
        # scans are scored apart from text-layer files of the same format
        fmt = f.suffix.lower().lstrip(".") + ("+ocr" if ocr or "scanned" in parts else "")
        group = f"{parts[0] if len(parts) > 1 else root.name}:{fmt}"
        for k, s in score_record(gold, pred).items():
            rep.overall[k].add(s)
            rep.by_group[group][k].add(s)
            rep.by_folder[group.split(":")[0]][k].add(s)
        if progress:
            progress(f)
    return rep


def format_report(rep: Report) -> str:
    """A plain-text table: per field P/R/F1 with counts, then F1 by group."""
    lines = [f"{'field':<18}{'P':>7}{'R':>7}{'F1':>7}   tp/fp/fn"]
    for k in FIELD_ORDER:
        if k in rep.overall:
            s = rep.overall[k]
            lines.append(f"{k:<18}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}   "
                         f"{s.tp}/{s.fp}/{s.fn}")
    groups = sorted(rep.by_group)
    lines.append("")
    lines.append("F1 by group: " + ", ".join(f"[{i}] {g}" for i, g in enumerate(groups)))
    lines.append(f"{'field':<18}" + "".join(f"{'[' + str(i) + ']':>7}" for i in range(len(groups))))
    for k in FIELD_ORDER:
        if k in rep.overall:
            row = "".join(f"{rep.by_group[g][k].f1:>7.3f}" if k in rep.by_group[g] else f"{'-':>7}"
                          for g in groups)
            lines.append(f"{k:<18}{row}")
    means = [mean_f1(rep.by_group[g]) for g in groups]
    lines.append(f"{'mean F1':<18}" + "".join(f"{m:>7.3f}" if m is not None else f"{'-':>7}"
                                               for m in means))
    lines.append("")
    by_folder = ", ".join(f"{f} {m:.3f}" for f in sorted(rep.by_folder)
                          if (m := mean_f1(rep.by_folder[f])) is not None)
    total = mean_f1(rep.overall)
    lines.append(f"mean F1 (fields with items): all {total:.3f}; by folder: {by_folder}"
                 if total is not None else "mean F1: no items")
    for path, why in rep.errors:
        lines.append(f"error: {path}: {why}")
    lines.append(f"{rep.files} files scored, {len(rep.errors)} failed")
    return "\n".join(lines)
