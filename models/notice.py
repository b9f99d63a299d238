"""The ``Notice`` record: one validated JSON record per circular.

Field names follow GB/T 9704-2012 elements: ``issuers`` 发文机关,
``doc_number`` 发文字号, ``title`` 标题, ``recipients`` 主送机关,
``signed_date`` 成文日期, ``printed`` 印发机关和印发日期, ``cc`` 抄送机关.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import Field

from models.common import Evidence, Record, Warning_
from models.contacts import ContactPoint
from models.deadlines import Deadline, Event
from models.tables import Attachment
from models.targets import Target

SCHEMA_VERSION = "1.0"


class Source(Record):
    """The file a record came from: ``format`` detected from content;
    ``pages`` when the format has pages; ``ocr`` true when text came from
    OCR (values then carry lower certainty)."""

    path: str
    sha256: str
    format: str
    pages: Optional[int] = None
    ocr: bool = False


class Issuer(Record):
    """An issuing body (发文机关), full name as printed; ``source`` is the
    strongest place it was found (GB/T 9704-2012 §7.2.1 发文机关标志 =
    ``header``, §7.3.5 发文机关署名 = ``signature``, title prefix = ``title``)."""

    name: str
    source: Literal["header", "signature", "title"]
    evidence: Optional[Evidence] = None


class DocNumber(Record):
    """发文字号 (GB/T 9704-2012 §7.2.4): ``text`` normalised to
    ``机关代字〔年份〕序号号`` with 〔〕 brackets and no spaces."""

    text: str
    agency_code: str
    year: int
    serial: int
    evidence: Optional[Evidence] = None


class Title(Record):
    """标题 (§7.3.1), its lines joined without spaces."""

    text: str
    evidence: Optional[Evidence] = None


class Recipients(Record):
    """主送机关 (§7.3.2): ``text`` as printed without the final colon and
    whitespace; ``items`` split on top-level 、，, (brackets kept whole)."""

    text: str
    items: list[str] = Field(default_factory=list)
    evidence: Optional[Evidence] = None


class Printed(Record):
    """印发机关和印发日期 (§7.4.3) from the 版记."""

    org: Optional[str] = None
    date: Optional[dt.date] = None
    evidence: Optional[Evidence] = None


class Notice(Record):
    """One circular as structured data. Lists are empty, never null, when
    nothing was found; a document that is not a circular gives empty fields
    and a ``not_a_circular`` warning, never invented values."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    issuers: list[Issuer] = Field(default_factory=list)
    doc_number: Optional[DocNumber] = None
    title: Optional[Title] = None
    recipients: Optional[Recipients] = None
    signed_date: Optional[dt.date] = None
    signed_date_evidence: Optional[Evidence] = None
    printed: Optional[Printed] = None
    cc: list[str] = Field(default_factory=list)
    cc_evidence: Optional[Evidence] = None
    deadlines: list[Deadline] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    contacts: list[ContactPoint] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)
    warnings: list[Warning_] = Field(default_factory=list)
