"""Typed records of the union-circular extractor.

Two layers live here and import nothing else of ours:

* :mod:`models.document` — the normalised ``Document`` that readers make and
  extractors read (ordered blocks of paragraphs and table grids).
* :mod:`models.notice` and friends — the pydantic v2 output records
  (``Notice`` with its ``Deadline``, ``ContactPoint``, ``Target``,
  ``Attachment`` …), each extracted value carrying its ``Evidence``.
"""
from models.common import Evidence, Warning_
from models.document import Block, Cell, Document, Grid, Zones, AttachmentZone
from models.notice import (
    SCHEMA_VERSION,
    DocNumber,
    Issuer,
    Notice,
    Printed,
    Recipients,
    Source,
    Title,
)
from models.deadlines import Deadline, Event
from models.contacts import ContactPoint, ContactValue
from models.targets import Target
from models.tables import Attachment, Table, TableCell, FormField

__all__ = [
    "Evidence", "Warning_", "Block", "Cell", "Document", "Grid", "Zones", "AttachmentZone",
    "SCHEMA_VERSION", "DocNumber", "Issuer", "Notice", "Printed", "Recipients", "Source",
    "Title", "Deadline", "Event", "ContactPoint", "ContactValue", "Target", "Attachment",
    "Table", "TableCell", "FormField",
]
