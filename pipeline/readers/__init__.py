"""Readers: one per format, all returning the same ``models.Document``.

The format is decided by content (magic bytes and structure), never by the
extension alone — a ``.wps`` may really be a ``.docx``, a ``.doc`` may be RTF
or HTML, and LibreOffice happily "converts" garbage. Each reader module
exposes ``read(path: str, data: bytes) -> Document`` and is imported lazily,
so a missing optional dependency only affects its own format.
"""
from __future__ import annotations

import hashlib
import importlib
import io
import os
import zipfile
from pathlib import Path

from models.document import Document
from pipeline.errors import DocumentLoadError, MissingDependencyError, UnsupportedFormatError

# format → "module:function"; modules import their heavy libraries lazily.
READERS: dict[str, str] = {
    "txt": "pipeline.readers.txt:read",
    "docx": "pipeline.readers.docx:read",
    "pdf": "pipeline.readers.pdf:read",
    "html": "pipeline.readers.html:read",
    "ofd": "pipeline.readers.ofd:read",
    "doc": "pipeline.readers.legacy:read",
    "wps": "pipeline.readers.legacy:read",
    "rtf": "pipeline.readers.legacy:read",
    "image": "pipeline.readers.image:read",
}

SUPPORTED_SUFFIXES = (
    ".docx", ".pdf", ".txt", ".md", ".doc", ".wps", ".rtf", ".ofd", ".html", ".htm",
    ".png", ".jpg", ".jpeg", ".tif", ".tiff",
)

MAX_BYTES = 200 * 1024 * 1024  # a circular is never this big; refuse before reading


def _looks_like_text(head: bytes) -> bool:
    """True when the first bytes decode as UTF-8 or GB18030 with no control
    bytes other than whitespace — the test that keeps binaries named .txt out."""
    if b"\x00" in head:
        return False
    for enc in ("utf-8", "gb18030"):
        try:
            text = head.decode(enc)
        except UnicodeDecodeError as e:
            # a multi-byte char cut at the end of the sample is fine
            if e.start >= len(head) - 4:
                text = head[: e.start].decode(enc, errors="strict")
            else:
                continue
        bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f\x0b")
        return bad <= max(2, len(text) // 200)
    return False


def detect_format(path: str, data: bytes) -> str:
    """The format of ``data`` by content.

    Returns one of the keys of :data:`READERS`. Raises
    :class:`UnsupportedFormatError` (one line, naming the file) when the bytes
    are none of them — an empty file, a binary named ``.txt``, a zip that is
    neither Word nor OFD.
    """
    if not data:
        raise UnsupportedFormatError(path, "empty file")
    head = data[:4096]
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
        except zipfile.BadZipFile as e:
            raise DocumentLoadError(path, f"corrupt zip container ({e})") from None
        if "word/document.xml" in names:
            return "docx"
        if "OFD.xml" in names or any(n.lower() == "ofd.xml" for n in names):
            return "ofd"
        if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
            raise DocumentLoadError(path, "Word package without word/document.xml")
        raise UnsupportedFormatError(path, "zip archive that is neither .docx nor .ofd")
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "wps" if path.lower().endswith(".wps") else "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"\x89PNG") or head.startswith(b"\xff\xd8\xff") or head[:4] in (
        b"II*\x00", b"MM\x00*"):
        return "image"
    if _looks_like_text(head):
        low = head.lstrip(b"\xef\xbb\xbf \r\n\t").lower()
        if low.startswith(b"<!doctype html") or low.startswith(b"<html") or (
            b"<html" in low[:2048] and b"</" in low):
            return "html"
        if low.startswith(b"<?xml") and b"w:wordDocument" in head:
            return "doc"  # Word 2003 XML (some Kingsoft files): LibreOffice reads it
        return "txt"
    raise UnsupportedFormatError(path, "binary data that is not a supported document format")


def _reader(path: str, fmt: str):
    mod_name, func = READERS[fmt].split(":")
    try:
        module = importlib.import_module(mod_name)
    except ModuleNotFoundError as e:
        if e.name == mod_name:
            raise UnsupportedFormatError(path, f"no reader for {fmt} files in this installation") from None
        raise MissingDependencyError(
            path, f"reading {fmt} needs the Python package {e.name!r}, which is not installed") from None
    return getattr(module, func)


def read_path(path: str | os.PathLike) -> Document:
    """Read one notice file into a raw ``Document`` (not yet normalised).

    Errors: :class:`pipeline.errors.NoticeError` subclasses with a one-line
    message naming the file — missing, unreadable, too big, empty,
    unsupported or corrupt.
    """
    return read_bytes(str(path), load_bytes(path))


def load_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of a notice file, with :func:`read_path`'s one-line errors
    (missing, directory, too big, permission denied, unreadable)."""
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise UnsupportedFormatError(name, "is a directory")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise UnsupportedFormatError(name, f"file too large ({size // (1024 * 1024)} MB)")
        data = p.read_bytes()
    except FileNotFoundError:
        raise DocumentLoadError(name, "no such file") from None
    except PermissionError:
        raise DocumentLoadError(name, "permission denied") from None
    except IsADirectoryError:
        raise UnsupportedFormatError(name, "is a directory") from None
    except OSError as e:
        raise DocumentLoadError(name, f"cannot read ({e.strerror or e})") from None
    return data


def read_bytes(name: str, data: bytes) -> Document:
    """Detect the format of ``data``, run its reader and OCR what has no text
    layer; see :func:`read_path`."""
    fmt = detect_format(name, data)
    doc = _reader(name, fmt)(name, data)
    return complete(name, data, doc)


def complete(name: str, data: bytes, doc: Document) -> Document:
    """Finish a reader's ``Document``: OCR the PDF pages that have no text
    layer and set the content hash — so every entry point gets the same,
    complete document (DESIGN.md "one path from a file to a record").

    Without the OCR extra, a PDF whose every page needs OCR raises
    :class:`MissingDependencyError` (exit 3, stage ``ocr``, the install hint);
    a PDF with some text pages keeps them and its ``needs_ocr`` warning, which
    names the image-only pages.
    """
    if doc.format == "pdf":
        _ocr_pdf_pages(name, data, doc)
    if not doc.sha256:
        doc.sha256 = hashlib.sha256(data).hexdigest()
    return doc


def _ocr_pdf_pages(name: str, data: bytes, doc: Document) -> None:
    from pipeline.readers import ocr, pdf_ocr

    pages = pdf_ocr.needs_ocr_pages(doc)
    if not pages:
        return
    if ocr.available():
        pdf_ocr.ocr_pages(name, data, doc, pages)
    elif len(pages) >= (doc.pages or len(pages)):
        raise MissingDependencyError(name, f"scanned PDF with no text layer; {ocr.INSTALL_HINT}",
                                     stage="ocr")
