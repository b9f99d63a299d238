"""Contact points (联系方式) — being written (issue 4)."""
from __future__ import annotations


def extract(doc):
    """(contact points, warnings) of ``doc``."""
    return [], []
