"""The small exception hierarchy of the tool.

Every error a user can cause (bad path, bad bytes, missing optional
dependency) is a :class:`NoticeError` whose ``str()`` is one line naming the
file and the reason (control characters in either escaped, :func:`one_line`); the CLI prints it without a traceback. Internal defects
stay ordinary exceptions.
"""
from __future__ import annotations

from typing import Optional

# C0 controls, DEL and the Unicode line/paragraph separators: a file name may
# hold any of them, and each would break the one-line contract.
_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F)}
_CONTROL.update({0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x2028: "\\u2028", 0x2029: "\\u2029"})


def one_line(text: object) -> str:
    """``text`` with every control character escaped (``\\n``, ``\\x1b`` …),
    so a message naming a file called ``a\\nb.docx`` is still one line."""
    return str(text).translate(_CONTROL)


class NoticeError(Exception):
    """Base of user-facing errors. ``stage`` names the pipeline stage
    (``read``, ``convert``, ``ocr``, ``extract``, ``write`` …) for batch
    error logs; ``path`` the file concerned."""

    stage = "read"
    exit_code = 4

    def __init__(self, path: Optional[str], reason: str, *, stage: Optional[str] = None):
        self.path = path
        self.reason = reason
        if stage:
            self.stage = stage
        super().__init__(one_line(f"{path}: {reason}" if path else reason))


class UnsupportedFormatError(NoticeError):
    """The bytes are not a format we read (or are mislabelled garbage)."""


class DocumentLoadError(NoticeError):
    """A reader could not parse the bytes (corrupt zip, encrypted PDF …)."""


class MissingDependencyError(NoticeError):
    """An optional component (OCR extra, LibreOffice) is not installed;
    the message names what to install."""

    exit_code = 3


class OutputError(NoticeError):
    """An output location cannot be written."""

    stage = "write"
    exit_code = 5
