"""Deadline (截止时间) and event records — ANNOTATION.md "deadlines"."""
from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import Field, model_validator

from models.common import Evidence, Record

Precision = Literal["day", "xun", "month"]


class Deadline(Record):
    """A date by which a recipient must act (submit, register, apply …).

    ``due`` is the last day (ISO date; for ``xun``/``month`` precision the
    last day of that part of the month, ANNOTATION.md) or null for a relative
    deadline ("活动结束后15个工作日内"), whose wording stays in ``text``.
    ``due_time`` is ``HH:MM`` (24 h, Asia/Shanghai) when a time of day is
    printed. ``year_inferred`` is true when the printed date had no year.
    ``attachments`` lists the attachment numbers the deadline belongs to.

    A deadline is dated or relative, never neither (ANNOTATION.md
    deadlines): ``due`` null requires ``relative`` true and the relative
    wording in ``anchor``; a printed date that cannot be resolved (no year
    anywhere in the document) is no deadline but a warning. A dateless
    deadline that is not relative would be dropped by every calendar export
    without a word, so the model refuses it.
    """

    due: Optional[dt.date] = None
    """The last day (ISO date); null only for a relative deadline."""
    due_time: Optional[str] = Field(default=None, pattern=r"^\d{2}:\d{2}$")
    """Time of day HH:MM (24 h, Asia/Shanghai) when printed; else null."""
    start: Optional[dt.date] = None  # first day of a registration window
    """First day of a registration window (报名时间 3月1日至3月15日); else null."""
    precision: Precision = "day"
    """How exact the printed date is: day, xun (上/中/下旬) or month."""
    year_inferred: bool = False
    """True when the printed date had no year and it was inferred."""
    relative: bool = False
    """True for a deadline counted from an event (活动结束后15个工作日内): due is null."""
    anchor: Optional[str] = None
    """The relative wording as printed (活动结束后15个工作日内); null for a dated deadline."""
    action: Optional[str] = None
    """What to do (报送, 报名, 上报 ...); null when not printed."""
    deliverable: Optional[str] = None
    """What to hand in; null when not printed."""
    submit_to: Optional[str] = None
    """To whom; null when not printed."""
    channel: Optional[str] = None
    """How (e-mail, OA system, in person ...); null when not printed."""
    consequence: Optional[str] = None
    """What happens when late (逾期视为放弃); null when not printed."""
    attachments: list[int] = Field(default_factory=list)
    """Numbers of the attachments the deadline is about."""
    text: str = ""
    """The sentence the deadline was read from."""
    evidence: Optional[Evidence] = None
    """Where the date was read."""

    @model_validator(mode="after")
    def _dated_or_relative(self) -> "Deadline":
        if self.relative:
            if self.due is not None:
                raise ValueError("a relative deadline has no due date (due must be null)")
            if not (self.anchor or self.text):
                raise ValueError("a relative deadline needs its anchor text")
        elif self.due is None:
            raise ValueError("a deadline without a due date must be relative: true with its "
                             "anchor text (else it is no deadline but a warning)")
        return self


class Event(Record):
    """A period or date that is not a deadline (竞赛时间, 比赛时间, 一季度召开
    动员会): ``start``/``end`` ISO dates (end inclusive), ``precision`` of
    the printed form (``day``, ``month``, ``quarter``, ``year``)."""

    start: Optional[dt.date] = None
    """First day (ISO date); null when only the end is printed."""
    end: Optional[dt.date] = None
    """Last day, inclusive (ISO date); null when only the start is printed."""
    precision: Literal["day", "xun", "month", "quarter", "year"] = "day"
    """How exact the printed dates are: day, xun, month, quarter or year."""
    label: str = ""
    """What the period is (竞赛时间, 比赛时间 ...)."""
    text: str = ""
    """The sentence the event was read from."""
    evidence: Optional[Evidence] = None
    """Where the dates were read."""
