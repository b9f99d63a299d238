"""The ``Notice`` record: one validated JSON record per circular.

Field names follow GB/T 9704-2012 elements: ``issuers`` 发文机关,
``doc_number`` 发文字号, ``title`` 标题, ``recipients`` 主送机关,
``signed_date`` 成文日期, ``printed`` 印发机关和印发日期, ``cc`` 抄送机关.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import ConfigDict, Field

from models.common import Evidence, Record, Warning_, require_always_present
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
    """The file as given on the command line (or relative to the batch folder)."""
    sha256: str
    """SHA-256 of the file's bytes, hex."""
    format: str
    """Format detected from the content: docx, pdf, txt, ofd, html, doc, wps, rtf, image ..."""
    pages: Optional[int] = None
    """Page count when the format has pages; else null."""
    ocr: bool = False
    """True when some of the text came from OCR."""


class Issuer(Record):
    """An issuing body (发文机关), full name as printed; ``source`` is the
    strongest place it was found (GB/T 9704-2012 §7.2.1 发文机关标志 =
    ``header``, §7.3.5 发文机关署名 = ``signature``, title prefix = ``title``)."""

    name: str
    """Full name of the issuing body as printed (发文机关)."""
    source: Literal["header", "signature", "title"]
    """Where it was found: header (发文机关标志), signature (发文机关署名) or title prefix."""
    evidence: Optional[Evidence] = None
    """Where the name was read."""


class DocNumber(Record):
    """发文字号 (GB/T 9704-2012 §7.2.4): ``text`` normalised to
    ``机关代字〔年份〕序号号`` with 〔〕 brackets and no spaces."""

    text: str
    """The 发文字号 normalised to 机关代字〔年份〕序号号."""
    agency_code: str
    """The 机关代字 part (e.g. 乐工办发)."""
    year: int
    """The year in the brackets."""
    serial: int
    """The serial number (序号)."""
    evidence: Optional[Evidence] = None
    """Where the 发文字号 was read."""


class Title(Record):
    """标题 (§7.3.1), its lines joined without spaces."""

    text: str
    """The title (标题), its lines joined without spaces."""
    evidence: Optional[Evidence] = None
    """Where the title was read (its first line)."""


class Recipients(Record):
    """主送机关 (§7.3.2): ``text`` as printed without the final colon and
    whitespace; ``items`` split on top-level 、，, (brackets kept whole)."""

    text: str
    """The 主送机关 line as printed, without the final colon and whitespace."""
    items: list[str] = Field(default_factory=list)
    """The recipients split on top-level 、，, (brackets kept whole)."""
    evidence: Optional[Evidence] = None
    """Where the 主送机关 line was read."""


class Printed(Record):
    """印发机关和印发日期 (§7.4.3) from the 版记."""

    org: Optional[str] = None
    """The 印发机关 of the 版记; null when not printed."""
    date: Optional[dt.date] = None
    """The 印发日期 (ISO date); null when not printed."""
    evidence: Optional[Evidence] = None
    """Where the 印发 line was read."""


JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = f"urn:union-circulars:notice:{SCHEMA_VERSION}"


def _notice_schema(schema: dict, cls: type) -> None:
    """JSON Schema hook of the top-level record: the shared ``required``
    rule, then ``$schema`` (the draft pydantic generates, 2020-12) and a
    versioned ``$id`` first, so validators and editors know what it is."""
    require_always_present(schema, cls)
    rest = dict(schema)
    schema.clear()
    schema.update({"$schema": JSON_SCHEMA_DIALECT, "$id": SCHEMA_ID, **rest})


class Notice(Record):
    """One circular as structured data. Lists are empty, never null, when
    nothing was found; a document that is not a circular gives empty fields
    and a ``not_a_circular`` warning, never invented values."""

    model_config = ConfigDict(json_schema_extra=_notice_schema)

    schema_version: str = SCHEMA_VERSION
    """Version of this record format."""
    source: Source
    """The file the record came from."""
    issuers: list[Issuer] = Field(default_factory=list)
    """The issuing bodies (发文机关), in signature order."""
    doc_number: Optional[DocNumber] = None
    """The 发文字号; null when the notice has none."""
    title: Optional[Title] = None
    """The title (标题); null when none was found."""
    recipients: Optional[Recipients] = None
    """The 主送机关; null when absent."""
    signed_date: Optional[dt.date] = None
    """The 成文日期 under the signature (ISO date); null when absent."""
    signed_date_evidence: Optional[Evidence] = None
    """Where the 成文日期 was read."""
    printed: Optional[Printed] = None
    """The 印发机关和印发日期 of the 版记; null when absent."""
    cc: list[str] = Field(default_factory=list)
    """The 抄送机关, each once, in order."""
    cc_evidence: Optional[Evidence] = None
    """Where the 抄送 line was read."""
    deadlines: list[Deadline] = Field(default_factory=list)
    """Every deadline (截止时间), in document order."""
    events: list[Event] = Field(default_factory=list)
    """Periods and dates that are not deadlines (竞赛时间, 会议)."""
    contacts: list[ContactPoint] = Field(default_factory=list)
    """Contact points (联系人 and their phones, e-mails, QQ, WeChat ...)."""
    targets: list[Target] = Field(default_factory=list)
    """Numeric targets (目标任务)."""
    attachments: list[Attachment] = Field(default_factory=list)
    """The attachments (附件) listed or found, with their tables."""
    warnings: list[Warning_] = Field(default_factory=list)
    """Problems met while reading or extracting; never fatal."""
