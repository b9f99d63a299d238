"""Shared record pieces: where a value came from, and warnings."""
from __future__ import annotations

from typing import ClassVar, Optional

from pydantic import BaseModel, ConfigDict, Field, model_serializer


def field_docs(cls: type) -> dict[str, str]:
    """The attribute docstrings of ``cls`` and its bases: the string literal
    under each annotated field, by field name. Read from the source with
    ``ast`` only when a schema is generated — pydantic's
    ``use_attribute_docstrings`` would parse every model's source at import
    and slow down every cold ``extract`` run."""
    import ast
    import inspect
    import textwrap

    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if not (isinstance(klass, type) and issubclass(klass, BaseModel)) or klass is BaseModel:
            continue
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(klass)))
        except (OSError, TypeError, SyntaxError):
            continue
        body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
        for stmt, nxt in zip(body, body[1:]):
            if (isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
                    and isinstance(nxt, ast.Expr) and isinstance(nxt.value, ast.Constant)
                    and isinstance(nxt.value.value, str)):
                docs[stmt.target.id] = inspect.cleandoc(nxt.value.value)
    return docs


def require_always_present(schema: dict, cls: type) -> None:
    """JSON Schema hook: each property gets its field's docstring as
    ``description`` (:func:`field_docs`), and every property a record
    always writes is ``required`` (``model_dump`` writes fields with
    defaults too), except those the class lists in ``omitted_when_unset``."""
    props = schema.get("properties") or {}
    docs = field_docs(cls)
    for name, prop in props.items():
        if name in docs and not prop.get("description"):
            prop["description"] = docs[name]
    omitted = getattr(cls, "omitted_when_unset", ())
    schema["required"] = [k for k in props if k not in omitted]


class Record(BaseModel):
    """Base of every output record: unknown keys are refused, so a typo in a
    producer fails loudly instead of silently dropping data.

    Each field's docstring (the string under it) is its description in the
    JSON Schema, and every property a record always writes is listed as
    ``required`` there (:func:`require_always_present`)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=require_always_present)


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

    # left out of the JSON for a text layer, so not required in the schema
    omitted_when_unset: ClassVar[tuple[str, ...]] = ("ocr", "confidence")

    block: int = Field(ge=0)
    """Index of the block in Document.blocks (0-based)."""
    start: int = Field(ge=0)
    """Start offset of the value in the block's normalised text (characters, inclusive)."""
    end: int = Field(ge=0)
    """End offset in the block's normalised text (characters, exclusive)."""
    page: Optional[int] = None
    """1-based page of the block when the source has pages (PDF, OFD, scans); else null."""
    quote: str = ""
    """The normalised text between start and end, so a person can check the value."""
    ocr: Optional[bool] = None
    """True when the text was read from a scan by OCR; omitted for a text layer."""
    confidence: Optional[float] = Field(default=None, ge=0, le=1)
    """The recogniser's lowest line score in the block (0-1); omitted for a text layer."""

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
    """Short stable identifier (needs_ocr, bad_date, not_a_circular ...)."""
    message: str
    """What happened, for people."""
    evidence: Optional[Evidence] = None
    """The text involved, when there is one."""
