"""Shared record pieces: where a value came from, and warnings."""
from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, model_serializer


class Record(BaseModel):
    """Base of every output record: unknown keys are refused, so a typo in a
    producer fails loudly instead of silently dropping data."""

    model_config = ConfigDict(extra="forbid")


class Evidence(Record):
    """Where in the normalised document a value was read.

    ``block`` indexes ``Document.blocks``; ``start``/``end`` are character
    offsets (end exclusive) into that block's normalised ``text``; ``page`` is
    1-based when the source has pages (PDF, OCR) and null otherwise.
    ``quote`` repeats ``text[start:end]`` so a person can check the value
    without re-reading the file.

    ``ocr`` is true and ``confidence`` (0–1, the recogniser's lowest line
    score in the block) is given when the text was read from a scan, so a
    person knows which values to check against the paper; both are left out
    of the JSON for text read from a text layer.
    """

    block: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: Optional[int] = None
    quote: str = ""
    ocr: Optional[bool] = None
    confidence: Optional[float] = Field(default=None, ge=0, le=1)

    @model_serializer(mode="wrap")
    def _omit_ocr_when_unset(self, handler):
        # most documents have a text layer: keep their records free of two null keys per value
        out = handler(self)
        if self.ocr is None:
            out.pop("ocr", None)
        if self.confidence is None:
            out.pop("confidence", None)
        return out


class Warning_(Record):
    """A problem found while reading or extracting; never fatal.

    ``code`` is a short stable identifier (``needs_ocr``, ``bad_date``,
    ``not_a_circular`` …) that batch reports can count; ``message`` is for
    people; ``evidence`` points at the text involved when there is one.
    """

    code: str
    message: str
    evidence: Optional[Evidence] = None
