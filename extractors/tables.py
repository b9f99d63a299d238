"""Attachment table layouts — being written (issue 5)."""
from __future__ import annotations


def extract(doc, zone):
    """Tables of one attachment body ``zone`` (a ``models.AttachmentZone``)."""
    return []
