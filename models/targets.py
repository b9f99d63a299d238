"""Quantitative targets (目标任务) — ANNOTATION.md "targets"."""
from __future__ import annotations

from typing import Literal, Optional

from models.common import Evidence, Record

Comparator = Literal[">=", "<=", "=", "range"]


class Target(Record):
    """A number the recipients are to reach.

    ``value`` is the number (``30万`` → 300000; percentages as 90 with unit
    ``%``) or null for a range, which sets ``value_min``/``value_max``.
    ``unit`` is normalised (``％`` → ``%``, ``人（次）`` → ``人次``).
    """

    value: Optional[float] = None
    value_min: Optional[float] = None
    value_max: Optional[float] = None
    unit: str = ""
    comparator: Comparator = "="
    metric: Optional[str] = None
    scope: Optional[str] = None
    qualifier: Optional[str] = None
    text: str = ""
    evidence: Optional[Evidence] = None
