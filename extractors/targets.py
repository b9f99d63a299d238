"""Quantitative targets (目标任务) — being written (issue 4)."""
from __future__ import annotations


def extract(doc):
    """Targets of ``doc``."""
    return []
