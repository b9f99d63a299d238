"""Corrections stored beside a record, and applying them (issue 13).

A record ``OUTDIR/<path>.json`` stays what the extractor wrote; a person's
decisions live in ``OUTDIR/<path>.review.json`` (:class:`models.review.Review`,
written atomically). Every export that reads records — the batch's JSONL,
``index.sqlite`` and ``--ics``, ``extract ics|push|contacts`` and the review
server's calendar — calls :func:`corrected` first, so a human value replaces
the extracted one everywhere and a re-run of the batch (``--reprocess``, a
new extractor version) keeps it: the review file is never rewritten by the
batch, and corrections find their value again by *identity*, not position.

Value identity (:func:`value_ids`): a deadline is ``dl-`` + a hash of its
sentence and evidence quote (what the notice printed, which a new extractor
version reads the same way), a contact value ``cv-`` + hash of its kind and
printed form, a contact name ``cn-`` + hash of the name; repeats get ``.2``,
``.3`` in document order. Notice-level fields use the identity ``notice``.

When the extracted value under a correction is no longer the one the person
corrected, the human value is still applied and a ``changed`` :class:`Flag`
is raised; when the value is gone, the correction is kept (not applied) and
flagged ``missing`` — never silently dropped. A confirmation whose date
changed underneath counts as unconfirmed until confirmed again.
"""
from __future__ import annotations

import contextlib
import copy
import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import Any, Iterator, Optional

from models.review import Applied, Correction, Flag, Review
from pipeline.exports.doctext import TEXT_SUFFIX

REVIEW_SUFFIX = ".review.json"
SIDECAR_SUFFIXES = (REVIEW_SUFFIX, TEXT_SUFFIX)

DEADLINE_FIELDS = ("due", "due_time", "action", "deliverable", "submit_to", "channel")
NOTICE_FIELDS = ("title", "doc_number", "signed_date", "recipients")
# statuses that let a deadline into a "confirmed only" calendar
CONFIRMED = ("confirmed", "done")


class ReviewError(Exception):
    """A review file that cannot be read (one line, naming the file)."""


class ReviewConflict(Exception):
    """A save made from an older revision than the file's (another browser
    saved in between). ``current`` is the revision on disk."""

    def __init__(self, path: str, current: int, expected: int):
        super().__init__(f"{path}: changed by someone else since you opened it "
                         f"(revision {current}, yours {expected}); reload to see it")
        self.current = current


def review_path(record_path: str | os.PathLike) -> Path:
    """``x.docx.json`` → ``x.docx.review.json`` (beside the record)."""
    s = os.fspath(record_path)
    return Path((s[:-5] if s.endswith(".json") else s) + REVIEW_SUFFIX)


def is_sidecar(path: str | os.PathLike) -> bool:
    """True for a review or document-text file kept beside a record (not a record)."""
    return os.fspath(path).endswith(SIDECAR_SUFFIXES)


def _h(*parts: Any) -> str:
    key = "\x1f".join("".join(str(p or "").split()) for p in parts)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _unique(ids: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i in ids:
        seen[i] = seen.get(i, 0) + 1
        out.append(i if seen[i] == 1 else f"{i}.{seen[i]}")
    return out


def value_ids(rec: dict) -> dict[str, tuple]:
    """Identity → location of every reviewable value of a record (JSON form):
    ``("deadline", i)``, ``("value", point, j)``, ``("name", point, j)``."""
    out: dict[str, tuple] = {}
    dls = rec.get("deadlines") or []
    ids = _unique([f"dl-{_h(d.get('text'), (d.get('evidence') or {}).get('quote'))}"
                   for d in dls])
    out.update({i: ("deadline", k) for k, i in enumerate(ids)})
    vals, names = [], []
    for p, cp in enumerate(rec.get("contacts") or []):
        for j, v in enumerate(cp.get("values") or []):
            vals.append((f"cv-{_h(v.get('kind'), v.get('raw') or v.get('value'))}", p, j))
        for j, n in enumerate(cp.get("names") or []):
            names.append((f"cn-{_h(n)}", p, j))
    for i, (_, p, j) in zip(_unique([v[0] for v in vals]), vals):
        out[i] = ("value", p, j)
    for i, (_, p, j) in zip(_unique([n[0] for n in names]), names):
        out[i] = ("name", p, j)
    return out


# ---- reading and writing review files

def load_review(path: str | os.PathLike) -> Review:
    """The review at ``path``; an empty one when there is none. Raises
    :class:`ReviewError` for a file that is not a valid review."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return Review()
    except OSError as e:
        raise ReviewError(f"{path}: cannot read ({e.strerror or e})") from None
    try:
        return Review.model_validate_json(data)
    except ValueError as e:
        first = (str(e).splitlines() or [""])[0]
        raise ReviewError(f"{path}: not a review file ({first})") from None


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive advisory lock on ``<path>.lock`` (POSIX ``flock``), so
    two writers (server threads, processes) serialise their read-check-write."""
    lock_p = path.with_name("." + path.name + ".lock")
    lock_p.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_p, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            import fcntl
            fcntl.flock(fd, fcntl.LOCK_EX)
        except ImportError:  # not POSIX: the revision check alone guards
            pass
        yield
    finally:
        os.close(fd)


def add_entries(path: str | os.PathLike, entries: list[Correction], *, expected: int,
                record: str = "") -> Review:
    """Append ``entries`` to the review at ``path`` if its revision is still
    ``expected``; write it atomically with ``revision + 1`` and return it.
    Raises :class:`ReviewConflict` (stale page) or :class:`ReviewError`."""
    from pipeline.exports.atomic import atomic_write_text

    p = Path(path)
    with _locked(p):
        review = load_review(p)
        if review.revision != expected:
            raise ReviewConflict(p.name, review.revision, expected)
        review.entries.extend(entries)
        review.revision += 1
        review.record = review.record or record
        atomic_write_text(p, review.model_dump_json(indent=1) + "\n")
    return review


def correction(id_: str, field: str, old: Any, new: Any, *, who: str = "",
               note: str = "") -> Correction:
    """A :class:`Correction` stamped now (UTC)."""
    return Correction(id=id_, field=field, old=old, new=new, who=who, note=note,
                      when=dt.datetime.now(dt.timezone.utc).replace(microsecond=0))


# ---- applying

def latest_entries(review: Review) -> dict[tuple[str, str], Correction]:
    """The decision in force per ``(id, field)``: the latest entry wins."""
    latest: dict[tuple[str, str], Correction] = {}
    for e in review.entries:
        latest[(e.id, e.field)] = e
    return latest


def notice_value(rec: dict, field: str) -> Any:
    """A notice-level field's value (``title``, ``doc_number``, ``recipients``
    as text; ``signed_date`` as ISO text)."""
    if field == "signed_date":
        return rec.get("signed_date")
    return (rec.get(field) or {}).get("text")


def _notice_set(rec: dict, field: str, new: Any) -> None:
    if field == "signed_date":
        rec["signed_date"] = new or None
    elif field == "doc_number":
        rec["doc_number"] = _doc_number(new, rec.get("doc_number"))
    elif not new:
        rec[field] = None
    else:
        node = dict(rec.get(field) or {})
        node["text"] = new
        if field == "recipients":
            node.setdefault("items", [new])
        rec[field] = node


def _doc_number(text: Optional[str], old: Optional[dict]) -> Optional[dict]:
    """A 发文字号 node for a corrected text, its parts parsed like GB/T 9704
    §7.2.4 (机关代字〔年份〕序号号); None when the text is empty."""
    import re

    if not text:
        return None
    m = re.match(r"^(.*?)[〔\[［(（【](\d{4})[〕\]］)）】](\d+)号$", text.strip())
    node = dict(old or {})
    node.update(text=text.strip(), agency_code=m.group(1) if m else text.strip(),
                year=int(m.group(2)) if m else 0, serial=int(m.group(3)) if m else 0)
    node.setdefault("evidence", None)
    return node


def _added(rec: dict, e: Correction) -> None:
    """Put a value a person added (``field == "add"``) into ``rec``."""
    new = e.new if isinstance(e.new, dict) else {}
    if new.get("type") == "deadline":
        d = {k: v for k, v in new.items() if k != "type"}
        rec.setdefault("deadlines", []).append(d)
    elif new.get("type") == "contact":
        kind, value = new.get("kind"), new.get("value") or ""
        ev = new.get("evidence")
        point = {"names": [value] if kind == "name" else [], "department": None,
                 "values": [] if kind == "name" else
                 [{"kind": kind, "value": value, "raw": value, "evidence": ev}],
                 "text": (ev or {}).get("quote", value), "evidence": ev}
        rec.setdefault("contacts", []).append(point)


def value_at(rec: dict, loc: tuple, field: str) -> Any:
    """The value at a location of :func:`value_ids` (a deadline's ``field``,
    a contact value's or name's text)."""
    if loc[0] == "deadline":
        return rec["deadlines"][loc[1]].get(field)
    point = rec["contacts"][loc[1]]
    if loc[0] == "value":
        return point["values"][loc[2]].get("value")
    return point["names"][loc[2]]


def _set(rec: dict, loc: tuple, field: str, new: Any) -> None:
    if loc[0] == "deadline":
        rec["deadlines"][loc[1]][field] = new if new not in ("",) else None
    elif loc[0] == "value":
        rec["contacts"][loc[1]]["values"][loc[2]]["value"] = new
    else:
        rec["contacts"][loc[1]]["names"][loc[2]] = new


def snapshot(d: dict) -> dict:
    """What a confirmation is a confirmation *of*: the deadline's date fields."""
    return {"due": d.get("due"), "due_time": d.get("due_time")}


def apply_review(rec: dict, review: Review) -> tuple[dict, Applied]:
    """``rec`` (JSON form of a Notice) with ``review`` applied, and what
    happened (:class:`models.review.Applied`). ``rec`` is not modified.
    Rejected deadlines, contact values and names are left out of the result."""
    out = copy.deepcopy(rec)
    latest = latest_entries(review)
    ids = value_ids(out)
    for (id_, field), e in latest.items():
        if field == "add":
            _added(out, e)
            loc = ("deadline", len(out["deadlines"]) - 1) if (e.new or {}).get("type") == \
                "deadline" else (("name", len(out["contacts"]) - 1, 0)
                                 if (e.new or {}).get("kind") == "name"
                                 else ("value", len(out["contacts"]) - 1, 0))
            ids[id_] = loc
    res = Applied()
    _apply_values(out, ids, latest, res)
    status = _apply_status(out, ids, latest, res)
    return _without_rejected(out, ids, status, res), res


def _apply_values(out: dict, ids: dict, latest: dict, res: Applied) -> None:
    for (id_, field), e in latest.items():
        if field in ("add", "status"):
            continue
        if id_ == "notice":
            cur, setter = notice_value(out, field), (lambda v, f=field: _notice_set(out, f, v))
        elif id_ in ids:
            loc = ids[id_]
            cur, setter = value_at(out, loc, field), (lambda v, l=loc, f=field: _set(out, l, f, v))
        else:
            res.flags.append(Flag(id=id_, field=field, reason="missing", old=e.old, new=e.new,
                                  message="the corrected value is no longer extracted"))
            continue
        setter(e.new)
        res.corrected.append(id_)
        if cur != e.old and cur != e.new and not id_.startswith("add-"):
            res.flags.append(Flag(id=id_, field=field, reason="changed", old=e.old, current=cur,
                                  new=e.new, message="the extracted value changed since it was "
                                                     "corrected; the correction is kept"))


def _apply_status(out: dict, ids: dict, latest: dict, res: Applied) -> dict[str, str]:
    status: dict[str, str] = {}
    for id_, loc in ids.items():
        if loc[0] == "deadline":
            status[id_] = "confirmed" if id_.startswith("add-") else "unconfirmed"
    for (id_, field), e in latest.items():
        if field != "status":
            continue
        if id_ not in ids:
            res.flags.append(Flag(id=id_, field="status", reason="missing", old=e.old, new=e.new,
                                  message="the reviewed value is no longer extracted"))
            continue
        loc = ids[id_]
        if loc[0] == "deadline" and isinstance(e.old, dict) and e.new in ("confirmed", "done") \
                and snapshot(out["deadlines"][loc[1]]) != e.old:
            res.flags.append(Flag(id=id_, field="status", reason="changed", old=e.old,
                                  current=snapshot(out["deadlines"][loc[1]]), new=e.new,
                                  message="the date changed since it was confirmed; "
                                          "confirm it again"))
            status[id_] = "unconfirmed"
            continue
        status[id_] = e.new
    return status


def _without_rejected(out: dict, ids: dict, status: dict, res: Applied) -> dict:
    by_loc = {loc: i for i, loc in ids.items()}
    dls = out.get("deadlines") or []
    keep = []
    for k, d in enumerate(dls):
        i = by_loc.get(("deadline", k))
        if status.get(i) != "rejected":
            keep.append(d)
            res.deadline_ids.append(i)
    out["deadlines"] = keep
    res.status = status
    for p, cp in enumerate(out.get("contacts") or []):
        cp["values"] = [v for j, v in enumerate(cp.get("values") or [])
                        if status.get(by_loc.get(("value", p, j))) != "rejected"]
        cp["names"] = [n for j, n in enumerate(cp.get("names") or [])
                       if status.get(by_loc.get(("name", p, j))) != "rejected"]
    return out


def corrected(record_path: str | os.PathLike, rec: dict) -> tuple[dict, Applied]:
    """``rec`` (read from ``record_path``) with the review beside it applied.
    An unreadable review leaves ``rec`` as it is, with ``Applied.error`` set,
    so one hand-broken file never stops an export."""
    try:
        review = load_review(review_path(record_path))
    except ReviewError as e:
        return rec, Applied(error=str(e))
    if not review.entries:
        return rec, Applied(deadline_ids=list(deadline_ids(rec)),
                            status={i: "unconfirmed" for i in deadline_ids(rec)})
    return apply_review(rec, review)


def deadline_ids(rec: dict) -> list[str]:
    return [i for i, loc in value_ids(rec).items() if loc[0] == "deadline"]


def confirmed_only(rec: dict, applied: Applied) -> dict:
    """``rec`` (already corrected) keeping only deadlines a person confirmed
    (or marked done) — ``extract ics|push --confirmed-only``."""
    out = dict(rec)
    out["deadlines"] = [d for d, i in zip(rec.get("deadlines") or [], applied.deadline_ids)
                        if applied.status.get(i) in CONFIRMED]
    return out


def read_record(path: str | os.PathLike) -> dict:
    """A record file's JSON (raises OSError / ValueError)."""
    with open(path, "rb") as f:
        return json.loads(f.read())


def reviewed_notice(path: str | os.PathLike, notice, *, confirmed: bool = False):
    """A loaded ``Notice`` with the review beside its record file ``path``
    applied (and, with ``confirmed``, only its confirmed deadlines kept).
    Returns ``(notice, problem)``: ``problem`` is one line when the review
    could not be read (the notice is then as extracted). Raises ValueError
    when the corrected record is not a valid notice."""
    from models.notice import Notice

    has_review = str(path).endswith(".json") and review_path(path).exists()
    if not has_review and not confirmed:
        return notice, None
    rec = notice.model_dump(mode="json")
    if has_review:
        rec, applied = corrected(path, rec)
    else:
        applied = Applied(deadline_ids=deadline_ids(rec))
    if confirmed:
        rec = confirmed_only(rec, applied)
    return Notice.model_validate(rec), applied.error
