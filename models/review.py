"""Human review of a record (issue 13): corrections, confirmations and added
values, stored beside the record as ``OUTDIR/<path>.review.json``.

A review is a log: every decision is one :class:`Correction` naming the value
it is about by a *stable value identity* (``id``, computed from what the
notice printed, not from list positions — see
``pipeline.exports.corrections.value_ids``) and the ``field`` it changes.
The latest entry per ``(id, field)`` wins; earlier ones stay as history.
Records themselves stay pure extractor output; the corrections are applied
on top wherever a record is used (JSONL, index, calendars, contacts).
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Optional

from pydantic import Field

from models.common import Record

REVIEW_SCHEMA_VERSION = "1"

# The life of a deadline in review: extracted values start ``unconfirmed``; a
# clerk ``confirmed`` it (it may go to the office calendar), ``rejected`` it
# (not a deadline: dropped from every export) or marked it ``done``.
Status = Literal["unconfirmed", "confirmed", "rejected", "done"]
STATUSES: tuple[str, ...] = ("unconfirmed", "confirmed", "rejected", "done")


class Correction(Record):
    """One human decision about one value.

    ``id`` is the value identity (``notice``, ``dl-…`` a deadline, ``cv-…`` a
    contact value, ``cn-…`` a contact name, ``add-…`` a value a person added);
    ``field`` the part changed (``due``, ``due_time``, ``action``,
    ``deliverable``, ``submit_to``, ``channel``, ``value``, ``title``,
    ``doc_number``, ``signed_date``, ``status``, or ``add`` for a new value);
    ``old`` what the record said when the decision was taken (for ``status``:
    a snapshot of the deadline's date fields), ``new`` the decision.
    ``who`` is the reviewer's name as given, ``when`` UTC.
    """

    id: str = Field(min_length=1, max_length=200)
    field: str = Field(min_length=1, max_length=40)
    old: Any = None
    new: Any = None
    who: str = ""
    when: dt.datetime
    note: str = ""


class Review(Record):
    """All decisions about one record. ``revision`` grows by one with every
    save; a save made from an older revision is refused as a conflict (two
    browsers editing one notice)."""

    schema_version: str = REVIEW_SCHEMA_VERSION
    record: str = ""
    revision: int = Field(default=0, ge=0)
    entries: list[Correction] = Field(default_factory=list)


class Flag(Record):
    """A correction that could not be applied as made, for a person to look
    at: ``changed`` — the extracted value under it is no longer what it was
    when corrected (``old`` then, ``current`` now; the human value ``new`` is
    kept); ``missing`` — the value it corrected is no longer extracted at all
    (kept in the review file, not applied)."""

    id: str
    field: str
    reason: Literal["changed", "missing"]
    old: Any = None
    current: Any = None
    new: Any = None
    message: str = ""


class Applied(Record):
    """The result of applying a review to a record: ``status`` of every
    deadline identity (rejected ones included), ``deadline_ids`` the identity
    of each deadline left in the corrected record, in order, ``flags`` the
    corrections to look at again, ``corrected`` the identities with a human
    value."""

    status: dict[str, Status] = Field(default_factory=dict)
    deadline_ids: list[str] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    corrected: list[str] = Field(default_factory=list)
    error: Optional[str] = None
