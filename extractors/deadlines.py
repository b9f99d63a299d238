"""Deadlines (截止时间) — being written (issue 3); returns nothing yet."""
from __future__ import annotations


def extract(doc, *, signed_date=None, printed_date=None, doc_year=None):
    """(deadlines, warnings) of ``doc``; see ANNOTATION.md "deadlines"."""
    return [], []
