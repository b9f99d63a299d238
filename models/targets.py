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
    """The number (30万 → 300000; 90% → 90); null for a range."""
    value_min: Optional[float] = None
    """Lower bound of a range; else null."""
    value_max: Optional[float] = None
    """Upper bound of a range; else null."""
    unit: str = ""
    """Unit, normalised (％ → %, 人（次） → 人次); empty when none."""
    comparator: Comparator = "="
    """How the number binds: >= (不少于), <= (不超过), = or range."""
    metric: Optional[str] = None
    """What is counted; null when not printed."""
    scope: Optional[str] = None
    """Who or where it applies to; null when not printed."""
    qualifier: Optional[str] = None
    """Extra condition printed with it; null when none."""
    text: str = ""
    """The sentence the target was read from."""
    evidence: Optional[Evidence] = None
    """Where the number was read."""


def _num(x: float):
    return int(x) if x is not None and float(x).is_integer() else x


def compact_target(t: Target) -> dict:
    """The gold-file form of a target (ANNOTATION.md "targets"):
    ``{"value": 300000, "unit": "人次"}``, ``value`` a ``[min, max]`` list for
    a range; integral numbers as ints."""
    if t.value is None and t.value_min is not None:
        return {"value": [_num(t.value_min), _num(t.value_max)], "unit": t.unit}
    return {"value": _num(t.value), "unit": t.unit}
