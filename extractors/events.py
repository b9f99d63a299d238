"""Events (periods that are not deadlines) — being written (issue 3)."""
from __future__ import annotations


def extract(doc, *, signed_date=None, printed_date=None, doc_year=None):
    """Events of ``doc``."""
    return []
