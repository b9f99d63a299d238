"""Deadline (截止时间) and event records — ANNOTATION.md "deadlines"."""
from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import Field

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
    """

    due: Optional[dt.date] = None
    due_time: Optional[str] = Field(default=None, pattern=r"^\d{2}:\d{2}$")
    start: Optional[dt.date] = None  # first day of a registration window
    precision: Precision = "day"
    year_inferred: bool = False
    relative: bool = False
    action: Optional[str] = None
    deliverable: Optional[str] = None
    submit_to: Optional[str] = None
    channel: Optional[str] = None
    consequence: Optional[str] = None
    attachments: list[int] = Field(default_factory=list)
    text: str = ""
    evidence: Optional[Evidence] = None


class Event(Record):
    """A period or date that is not a deadline (竞赛时间, 比赛时间, 一季度召开
    动员会): ``start``/``end`` ISO dates (end inclusive), ``precision`` of
    the printed form (``day``, ``month``, ``quarter``, ``year``)."""

    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    precision: Literal["day", "xun", "month", "quarter", "year"] = "day"
    label: str = ""
    text: str = ""
    evidence: Optional[Evidence] = None
