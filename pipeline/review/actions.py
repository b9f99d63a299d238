"""The decisions a person makes on the notice page, turned into
:class:`models.review.Correction` entries, checked and saved.

Every save names the review revision the page was drawn from; a save from an
older page (another browser saved in between) is refused with
:class:`~pipeline.exports.corrections.ReviewConflict` — the person reloads
and sees the other edit instead of silently overwriting it. A decision whose
result would not be a valid record (a date that is not a date) is refused
with one line (:class:`Refused`) and nothing is stored.
"""
from __future__ import annotations

import re
import secrets
from typing import Mapping

from models.review import STATUSES, Correction
from pipeline.exports import corrections as corr
from pipeline.review.archive import Archive, NoticeView

CONTACT_KINDS = ("name", "phone", "mobile", "fax", "email", "qq", "wechat", "address",
                 "department", "postcode")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Refused(Exception):
    """A decision that cannot be stored: one line saying why."""


def _clean(value) -> str:
    return " ".join(str(value or "").split())[:500]


def _locate(v: NoticeView, id_: str) -> tuple:
    if id_ in v.ids:
        return v.ids[id_]
    if id_.startswith("add-") and any(e.id == id_ for e in v.review.entries):
        return ("added",)
    raise Refused(f"{id_}: no such value in this notice")


def _status(v: NoticeView, form: Mapping, who: str) -> list[Correction]:
    id_, new = str(form.get("id") or ""), str(form.get("status") or "")
    if new not in STATUSES:
        raise Refused(f"unknown status {new!r}")
    loc = _locate(v, id_)
    old = None
    if loc[0] == "deadline" or loc == ("added",):
        k = _fixed_deadline_index(v, id_)
        old = corr.snapshot(v.fixed["deadlines"][k]) if k is not None else None
    elif new not in ("rejected", "unconfirmed"):
        raise Refused("a contact can only be rejected or restored")
    return [corr.correction(id_, "status", old, new, who=who)]


def _fixed_deadline_index(v: NoticeView, id_: str):
    try:
        return v.applied.deadline_ids.index(id_)
    except ValueError:
        return None


def _correct(v: NoticeView, form: Mapping, who: str) -> list[Correction]:
    """One entry per field whose submitted value differs from what the page
    showed; ``old`` is the *extracted* value, so a later extraction that
    changes it is noticed (``changed`` flag)."""
    id_ = str(form.get("id") or "")
    if id_ == "notice":
        fields, shown, extracted = corr.NOTICE_FIELDS, v.fixed, v.raw
        get = corr.notice_value
    else:
        loc = _locate(v, id_)
        if loc[0] in ("deadline", "added") and _fixed_deadline_index(v, id_) is not None:
            fields = corr.DEADLINE_FIELDS
        else:
            fields = ("value",)
        shown, extracted = v.fixed, v.raw
        get = None
    out = []
    for f in fields:
        if f not in form:
            continue
        new = _clean(form.get(f)) or None
        if get is not None:
            before, orig = get(shown, f), get(extracted, f)
        else:
            before, orig = _current(v, id_, f, shown), _current(v, id_, f, extracted)
        if (before or None) != new:
            out.append(corr.correction(id_, f, orig, new, who=who))
    if not out:
        raise Refused("nothing changed")
    return out


def _current(v: NoticeView, id_: str, field: str, rec: dict):
    if rec is v.fixed:
        k = _fixed_deadline_index(v, id_)
        if k is not None:
            return v.fixed["deadlines"][k].get(field)
    loc = v.ids.get(id_)
    if loc is None:
        return None
    try:
        return corr.value_at(rec, loc, field if loc[0] == "deadline" else "value")
    except (IndexError, KeyError):
        return None


def _evidence(v: NoticeView, form: Mapping) -> dict:
    """The evidence of a selection: block and span checked against the text."""
    try:
        block, start, end = (int(form.get(k, "")) for k in ("block", "start", "end"))
    except ValueError:
        raise Refused("select the text in the document first") from None
    blocks = (v.text or {}).get("blocks") or []
    if not (0 <= block < len(blocks)) or not (0 <= start < end <= len(blocks[block]["text"])):
        raise Refused("the selection is not inside one paragraph of the document")
    return {"block": block, "start": start, "end": end, "page": blocks[block].get("page"),
            "quote": blocks[block]["text"][start:end]}


def _add(v: NoticeView, form: Mapping, who: str) -> list[Correction]:
    ev = _evidence(v, form)
    kind = str(form.get("type") or "")
    id_ = f"add-{secrets.token_hex(5)}"
    if kind == "deadline":
        new = {"type": "deadline", "due": _clean(form.get("due")) or None,
               "due_time": _clean(form.get("due_time")) or None,
               "action": _clean(form.get("action")) or None,
               "deliverable": _clean(form.get("deliverable")) or None,
               "submit_to": _clean(form.get("submit_to")) or None,
               "text": ev["quote"], "evidence": ev}
        if not new["due"]:
            raise Refused("a deadline needs its date")
    elif kind in CONTACT_KINDS:
        new = {"type": "contact", "kind": kind,
               "value": _clean(form.get("value")) or ev["quote"], "evidence": ev}
    else:
        raise Refused(f"cannot add a value of kind {kind!r}")
    return [corr.correction(id_, "add", None, new, who=who)]


ACTIONS = {"status": _status, "correct": _correct, "add": _add}


def decide(archive: Archive, v: NoticeView, form: Mapping, who: str) -> str:
    """Apply one form of the notice page: check it, save it under the
    revision the page showed (``form["revision"]``), refresh the index row.
    Returns the identity of the value decided on. Raises :class:`Refused`,
    ``ReviewConflict`` or ``ReviewError``."""
    from models.notice import Notice

    if v.error or v.raw is None:
        raise Refused(v.error or "the record cannot be read")
    if v.review_error:
        raise Refused(v.review_error + " — fix or remove it before saving")
    # the form's operation is "op": "action" is a field of a deadline (报送, 上报 …)
    action = ACTIONS.get(str(form.get("op") or ""))
    if action is None:
        raise Refused("unknown action")
    try:
        expected = int(form.get("revision", ""))
    except ValueError:
        raise Refused("the page is missing its revision; reload it") from None
    entries = action(v, form, who[:80])
    for e in entries:
        if e.field in ("due", "signed_date") and e.new and not _ISO.match(str(e.new)):
            raise Refused(f"{e.new}: a date is written YYYY-MM-DD")
    trial = v.review.model_copy(deep=True)
    trial.entries.extend(entries)
    fixed, _ = corr.apply_review(v.raw, trial)
    try:
        Notice.model_validate(fixed)
    except ValueError as e:
        raise Refused(_why(str(e))) from None
    corr.add_entries(corr.review_path(v.record_path), entries, expected=expected,
                     record=v.rel)
    from pipeline.exports.review_index import refresh_notice

    refresh_notice(archive.db, archive.out, v.rel)
    return entries[0].id


def _why(msg: str) -> str:
    """The first useful line of a pydantic error, for a person."""
    lines = [x.strip() for x in msg.splitlines() if x.strip()]
    for a, b in zip(lines, lines[1:]):
        if not a[0].isdigit() and "validation error" not in a:
            return f"{a}: {b.split(' [')[0]}"
    return lines[0] if lines else "invalid value"
