"""Readers: one per format, all returning the same ``models.Document``.

The format is decided by content (magic bytes and structure), never by the
extension alone — a ``.wps`` may really be a ``.docx``, a ``.doc`` may be RTF
or HTML, and LibreOffice happily "converts" garbage. Each reader module
exposes ``read(path: str, data: bytes) -> Document`` and is imported lazily,
so a missing optional dependency only affects its own format.
"""
from __future__ import annotations

import errno
import hashlib
import importlib
import io
import os
import stat
import zipfile

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

# A circular, even scanned, is a few MB; bigger files are refused before reading.
# The same default for `extract FILE` and `extract batch` (`--max-size`).
DEFAULT_MAX_MB = 40
MAX_BYTES = DEFAULT_MAX_MB * 1024 * 1024


def utf16_encoding(head: bytes) -> str | None:
    """``"utf-16"`` (BOM), ``"utf-16-le"`` / ``"utf-16-be"`` (no BOM) when
    ``head`` is UTF-16 text — what Notepad saves as "Unicode" — else None.
    Without a BOM, the test is that most high bytes of the ASCII/CJK code
    units fall on one parity: ≥ 40 % zero bytes on one side, < 5 % on the other."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    sample = head[: len(head) // 2 * 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even >= 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


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
    utf16 = utf16_encoding(head)
    if utf16:
        head = head[: len(head) // 2 * 2].decode(utf16, errors="replace").encode("utf-8")
    if _looks_like_text(head):
        low = head.lstrip(b"\xef\xbb\xbf \r\n\t").lower()
        # (the HTML reader decodes UTF-16 only with a BOM: a BOM-less page reads as text)
        html = low.startswith((b"<!doctype html", b"<html")) or (
            b"<html" in low[:2048] and b"</" in low)
        if html and utf16 in (None, "utf-16"):
            return "html"
        if low.startswith(b"<?xml") and b"w:wordDocument" in head and not utf16:
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


def read_path(path: str | os.PathLike, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read one notice file into a raw ``Document`` (not yet normalised).

    Errors: :class:`pipeline.errors.NoticeError` subclasses with a one-line
    message naming the file — missing, unreadable, not a regular file, larger
    than ``max_bytes``, empty, unsupported or corrupt.
    """
    return read_bytes(str(path), load_bytes(path, max_bytes=max_bytes))


def too_large(name: str, size: int, max_bytes: int) -> UnsupportedFormatError:
    """The one-line "file too large" error of single-file and batch reads."""
    return UnsupportedFormatError(name, f"file too large ({size / 2**20:.0f} MB > "
                                        f"{max_bytes / 2**20:.0f} MB limit, see --max-size)")


def load_bytes(path: str | os.PathLike, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a notice file, with :func:`read_path`'s one-line errors.

    Only regular files are read (after following symlinks): a FIFO, a socket
    or a device such as ``/dev/zero`` is refused *before* it is opened, so a
    read can neither block forever nor fill memory; the file is opened
    non-blocking, checked again on the open descriptor (it may have been
    swapped since the check) and read to at most ``max_bytes`` + 1 bytes.
    """
    name = str(path)
    try:
        st = os.stat(path)
        _check_regular(name, st.st_mode)
        if st.st_size > max_bytes:
            raise too_large(name, st.st_size, max_bytes)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            _check_regular(name, os.fstat(f.fileno()).st_mode)
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise DocumentLoadError(name, "no such file") from None
    except PermissionError:
        raise DocumentLoadError(name, "permission denied") from None
    except IsADirectoryError:
        raise UnsupportedFormatError(name, "is a directory") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise DocumentLoadError(name, "symlink loop") from None
        raise DocumentLoadError(name, f"cannot read ({e.strerror or e})") from None
    if len(data) > max_bytes:  # grew after the check
        raise too_large(name, len(data), max_bytes)
    return data


def _check_regular(name: str, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise UnsupportedFormatError(name, "is a directory")
    if not stat.S_ISREG(mode):
        kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else
                "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else
                "a socket" if stat.S_ISSOCK(mode) else "a special file")
        raise UnsupportedFormatError(name, f"not a regular file ({kind}); only files are read")


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
