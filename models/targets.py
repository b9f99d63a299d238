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


def _num(x: float):
    return int(x) if x is not None and float(x).is_integer() else x


def compact_target(t: Target) -> dict:
    """The gold-file form of a target (ANNOTATION.md "targets"):
    ``{"value": 300000, "unit": "人次"}``, ``value`` a ``[min, max]`` list for
    a range; integral numbers as ints."""
    if t.value is None and t.value_min is not None:
        return {"value": [_num(t.value_min), _num(t.value_max)], "unit": t.unit}
    return {"value": _num(t.value), "unit": t.unit}
