"""Run the stages over one file: read → normalise → segment → extractors.

Public entry points:

* :func:`extract_file` — path → validated :class:`models.Notice`.
* :func:`extract_document` — an already read ``Document`` → ``Notice``.
* :func:`load_or_extract` — a saved JSON record or a notice file → ``Notice``
  (used by ``extract ics|push|contacts|tables``).
* :func:`to_json` — the record as UTF-8 JSON text (not ``\\u``-escaped).

Errors are :class:`pipeline.errors.NoticeError` subclasses with one-line
messages naming the file.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from models.common import Warning_
from models.document import Document
from models.notice import Notice, Source
from pipeline.errors import DocumentLoadError, NoticeError
from pipeline.stages.normalise import normalise, restore_printed
from pipeline.readers import MAX_BYTES, load_bytes, read_path
from pipeline.stages import circular
from pipeline.stages.segment import segment

# Bumped whenever extraction output may change, so batch manifests redo files.
EXTRACTOR_VERSION = "2026.12.01-13"


def extract_document(doc: Document) -> Notice:
    """Normalise and segment ``doc`` (in place) and run every extractor.

    Returns the validated ``Notice``. Extractors receive what they need from
    each other as arguments (the document dates for year inference, the
    attachment zones) instead of calling each other.
    """
    from extractors import (attachments, cc, contacts, dates, deadlines, doc_number, events,
                            issuers, printed, recipients, targets, title)

    normalise(doc)
    segment(doc)
    warnings = [Warning_(code=c, message=m) for c, m in doc.warnings]

    num = doc_number.extract(doc)
    ttl = title.extract(doc)
    signed, signed_ev = dates.extract_signed_date(doc)
    prn = printed.extract(doc)
    ref = dict(
        signed_date=signed,
        printed_date=prn.date if prn else None,
        doc_year=num.year if num else None,
    )
    dls, dl_warn = deadlines.extract(doc, **ref)
    cps, c_warn = contacts.extract(doc)
    notice = Notice(
        source=Source(path=doc.path, sha256=doc.sha256, format=doc.format, pages=doc.pages,
                      ocr=doc.ocr),
        issuers=issuers.extract(doc, title=ttl),
        doc_number=num,
        title=ttl,
        recipients=recipients.extract(doc),
        signed_date=signed,
        signed_date_evidence=signed_ev,
        printed=prn,
        deadlines=dls,
        events=events.extract(doc, **ref),
        contacts=cps,
        targets=targets.extract(doc),
        attachments=attachments.extract(doc),
        warnings=warnings + list(dl_warn) + list(c_warn),
    )
    notice.cc, notice.cc_evidence = cc.extract(doc)
    circular.check(notice, doc)  # a news report or other non-circular: empty record + warning
    restore_printed(notice, doc)  # values as printed when the notice is in traditional characters
    data = notice.model_dump()
    del notice  # its last reference: a large notice must not exist twice at once (issue 15)
    return Notice.model_validate(data)


def extract_file(path: str | os.PathLike, *, max_bytes: int = MAX_BYTES) -> Notice:
    """Read one notice file (any supported format, detected by content, scans
    OCR'd) and return its validated record — the one path from a file to a
    record that every entry point takes. Only a regular file of at most
    ``max_bytes`` is read. Raises :class:`NoticeError`."""
    return extract_read(str(path), read_path(path, max_bytes=max_bytes))


def extract_read(path: str, doc: Document) -> Notice:
    """:func:`extract_document` for a ``doc`` a reader just produced from
    ``path``, with document-level failures (pathological nesting) turned into
    one-line :class:`NoticeError`s naming ``path``."""
    try:
        return extract_document(doc)
    except NoticeError:
        raise
    except RecursionError as e:  # pathological nesting in a document
        raise DocumentLoadError(path, f"document too deeply nested ({e})",
                                stage="extract") from None


def load_or_extract(path: str | os.PathLike) -> Notice:
    """A ``Notice`` from a saved JSON record (``*.json``) or a notice file."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        data = load_bytes(p)  # the bounds of every read: a regular file, not too large
        try:
            return Notice.model_validate_json(data)
        except ValueError as e:
            first = str(e).splitlines()[0]
            raise DocumentLoadError(str(path), f"not a notice record ({first})") from None
    return extract_file(p)


def to_json(notice: Notice, *, indent: int | None = 2) -> str:
    """The record as JSON text: UTF-8 characters kept, dates ISO.

    Indented output is pydantic's own serialiser (the same bytes as
    ``json.dumps(model_dump(mode="json"), ensure_ascii=False, indent=2)``
    without the intermediate dict and the pure-Python indenting encoder:
    ~6× faster and far less memory on a large notice — issue 15 item 2)."""
    if indent:
        return notice.model_dump_json(indent=indent)
    return json.dumps(notice.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def warm_up() -> None:
    """Import the readers and extractors and load their vocabularies once,
    so that a batch worker pays these costs at start, not on its first file.
    Heavy optional resources (OCR models, spaCy) stay lazy: they load on the
    first document that needs them, once per process."""
    import importlib

    from pipeline.readers import READERS

    for target in set(READERS.values()):
        try:
            importlib.import_module(target.split(":")[0])
        except ImportError:
            pass  # an optional format; its files will report the missing part
    import extractors.attachments  # noqa: F401  (imports every extractor it uses)
    from extractors import (cc, contacts, dates, deadlines, doc_number, events,  # noqa: F401
                            issuers, printed, recipients, targets, title)
