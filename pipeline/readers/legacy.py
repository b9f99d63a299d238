"""Reader for legacy word-processor files (.doc, .wps, .rtf, Word 2003 XML)
through headless LibreOffice.

The file is converted to .docx (``soffice --headless --convert-to docx``)
and read by :mod:`pipeline.readers.docx`; the result keeps the detected
format (``doc`` / ``wps`` / ``rtf``). The pitfalls measured in ECOSYSTEM.md §2
shape the code:

* LibreOffice instances sharing one profile collide and fail silently ⇒ a
  private ``-env:UserInstallation`` profile per process, and one conversion
  at a time inside the process;
* no import filter is forced from the extension (``.wps`` may be Kingsoft
  Writer or MS Works; LibreOffice sniffs the content);
* LibreOffice exits 0 on garbage ⇒ the output must exist and hold text;
* a hung conversion is killed with its whole process group after a timeout
  (default 60 s; ``SOFFICE_TIMEOUT`` overrides);
* many files per ``soffice`` call are ~6× faster than one call each ⇒
  :func:`convert_many` for batches.

``SOFFICE_BIN`` names the executable (default: ``soffice`` on ``PATH``).
"""
from __future__ import annotations

import atexit
import os
import shutil
import signal
import struct
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Optional, Sequence

from models.document import Document
from pipeline.errors import DocumentLoadError, MissingDependencyError

INSTALL_HINT = ("LibreOffice needed to read .doc/.wps/.rtf but not installed: "
                "apt-get install libreoffice-writer-nogui")
DEFAULT_TIMEOUT = 60.0
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_LOCK = threading.Lock()
_PROFILE: Optional[str] = None
_PROFILE_PREFIX = "uc-lo-profile-"
_ACTIVE: set[int] = set()  # process groups of the soffice runs in progress


def soffice_bin(path: Optional[str] = None) -> str:
    """The LibreOffice executable: ``$SOFFICE_BIN``, else ``soffice`` or
    ``libreoffice`` on ``PATH``. Raises :class:`MissingDependencyError`
    (naming the Debian package) when there is none."""
    env = os.environ.get("SOFFICE_BIN")
    if env:
        found = shutil.which(env)
        if found:
            return found
        raise MissingDependencyError(path, f"SOFFICE_BIN={env} is not an executable; {INSTALL_HINT}",
                                     stage="convert")
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise MissingDependencyError(path, INSTALL_HINT, stage="convert")


def available() -> bool:
    """True when a LibreOffice executable can be found."""
    try:
        soffice_bin()
        return True
    except MissingDependencyError:
        return False


def _timeout() -> float:
    try:
        return float(os.environ.get("SOFFICE_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


def _profile() -> str:
    """This process's private LibreOffice profile directory (created once) —
    shared profiles make concurrent soffice runs fail.

    Removed when the process ends: by ``atexit`` in a main process and by a
    multiprocessing finaliser in a pool worker (workers never run ``atexit``);
    and the profiles of processes that died without either (SIGKILL) are
    removed by the next process that creates one (the pid is in the name)."""
    global _PROFILE
    if _PROFILE is None or not os.path.isdir(_PROFILE):
        _remove_orphan_profiles()
        _PROFILE = tempfile.mkdtemp(prefix=f"{_PROFILE_PREFIX}{os.getpid()}-")
        atexit.register(shutil.rmtree, _PROFILE, True)
        from multiprocessing import util

        util.Finalize(None, shutil.rmtree, args=(_PROFILE, True), exitpriority=10)
    return _PROFILE


def _remove_orphan_profiles() -> None:
    """Delete ``uc-lo-profile-<pid>-*`` folders whose process no longer exists."""
    tmp = tempfile.gettempdir()
    try:
        names = os.listdir(tmp)
    except OSError:
        return
    for name in names:
        if not name.startswith(_PROFILE_PREFIX):
            continue
        pid = name[len(_PROFILE_PREFIX):].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(os.path.join(tmp, name), ignore_errors=True)
        except (PermissionError, OverflowError):
            pass  # alive under another user, or not a pid


def shutdown() -> None:
    """SIGKILL every soffice process group this process started that is still
    running, and remove the profile — for a worker about to ``os._exit``
    because its batch died, so no LibreOffice and no profile outlive it."""
    for pgid in list(_ACTIVE):
        try:
            os.killpg(pgid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    if _PROFILE:
        shutil.rmtree(_PROFILE, ignore_errors=True)


def encryption(data: bytes) -> Optional[str]:
    """Why an OLE2 file cannot be converted without a password, or None.

    * an encrypted Office 2007+ package stored in OLE2 (``EncryptionInfo`` /
      ``EncryptedPackage`` streams — a password-protected .docx/.wps);
    * a Word 97–2003 document whose FIB has ``fEncrypted`` set
      ([MS-DOC] 2.5.2 FibBase: wIdent 0xA5EC, flags word at offset 0x0A,
      bit 0x0100). The FIB starts the WordDocument stream, which begins on
      a sector boundary; the wIdent + nFib check keeps stray matches out.
    """
    if not data.startswith(OLE_MAGIC):
        return None
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "password-protected document (encrypted Office package)"
    try:
        sector = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    except struct.error:
        return None
    if sector not in (512, 4096):
        return None
    for off in range(sector, min(len(data), 64 * sector * 8) - 12, sector):
        ident, nfib = struct.unpack_from("<HH", data, off)
        if ident == 0xA5EC and 0x0065 <= nfib <= 0x0200:
            flags = struct.unpack_from("<H", data, off + 0x0A)[0]
            if flags & 0x0100:
                return "password-protected Word document"
            return None
    return None


def _run_soffice(args: list[str], timeout: float, path: Optional[str]) -> subprocess.CompletedProcess:
    """Run soffice in its own process group; on timeout kill the whole group
    (soffice.bin is a child of the soffice wrapper script)."""
    try:
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    except OSError as e:
        raise MissingDependencyError(path, f"cannot start LibreOffice ({e.strerror or e}); {INSTALL_HINT}",
                                     stage="convert") from None
    _ACTIVE.add(proc.pid)  # its own session: the group id is its pid
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            proc.kill()
        proc.communicate()
        raise DocumentLoadError(path, f"LibreOffice conversion timed out after {timeout:g} s",
                                stage="convert") from None
    finally:
        _ACTIVE.discard(proc.pid)
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def convert_many(paths: Sequence[str | os.PathLike], outdir: str | os.PathLike, *,
                 fmt: str = "docx", timeout: Optional[float] = None) -> dict[str, Optional[str]]:
    """Convert many files with one ``soffice`` call (much faster than one call each).

    Returns {input path: output path or None when LibreOffice produced
    nothing for it}. Outputs are ``<outdir>/<stem>.<fmt>``; inputs with the
    same stem get ``<stem>-2.<fmt>`` … Inputs are staged under safe names,
    so odd file names (spaces, leading dashes) cannot reach the command line.
    ``timeout`` (s) defaults to ``SOFFICE_TIMEOUT``/60 s plus 5 s per file.

    Errors: :class:`MissingDependencyError` without LibreOffice;
    :class:`DocumentLoadError` (stage ``convert``) on timeout.
    """
    paths = [str(p) for p in paths]
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    if not paths:
        return {}
    exe = soffice_bin(paths[0] if len(paths) == 1 else None)
    tmo = timeout if timeout is not None else _timeout() + 5 * (len(paths) - 1)
    result: dict[str, Optional[str]] = {}
    with tempfile.TemporaryDirectory(prefix="uc-lo-") as tmp:
        src, dst = Path(tmp, "in"), Path(tmp, "out")
        src.mkdir()
        dst.mkdir()
        staged = []
        for i, p in enumerate(paths):
            ext = Path(p).suffix.lower()
            if not ext or len(ext) > 6 or not ext[1:].isalnum():
                ext = ".doc"
            name = f"f{i:05d}{ext}"
            shutil.copyfile(p, src / name)
            staged.append(name)
        args = [exe, f"-env:UserInstallation={Path(_profile()).as_uri()}", "--headless",
                "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                "--convert-to", fmt, "--outdir", str(dst)] + [str(src / n) for n in staged]
        with _LOCK:
            _run_soffice(args, tmo, paths[0] if len(paths) == 1 else None)
        used: set[str] = set()
        for p, name in zip(paths, staged):
            got = dst / (Path(name).stem + "." + fmt.split(":")[0])
            if not got.is_file() or got.stat().st_size == 0:
                result[p] = None
                continue
            stem = Path(p).stem
            target = f"{stem}.{got.suffix[1:]}"
            k = 2
            while target in used or (out / target).exists():
                target = f"{stem}-{k}.{got.suffix[1:]}"
                k += 1
            used.add(target)
            shutil.move(str(got), out / target)
            result[p] = str(out / target)
    return result


def plausible_share(text: str) -> float:
    """Share of characters a Chinese or English document is made of (CJK
    ideographs, ASCII, CJK/full-width/general punctuation, whitespace).
    Bytes that are not a document "convert" to Latin-1/private-use mojibake,
    which scores far below 0.6."""
    if not text:
        return 0.0
    ok = 0
    for ch in text:
        o = ord(ch)
        if (32 <= o < 127 or ch in "\t\n\r" or 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF
                or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F
                or 0x2460 <= o <= 0x24FF or o in (0xB7, 0xD7, 0xA0)):
            ok += 1
    return ok / len(text)


def _suffix_for(data: bytes, path: str) -> str:
    """A file name extension LibreOffice will accept; the content decides
    the import filter, the extension only has to be plausible."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \r\n\t")
    if head.startswith(b"{\\rtf"):
        return ".rtf"
    if head.startswith(b"<?xml") or head.startswith(b"<w:wordDocument"):
        return ".xml"
    ext = Path(path).suffix.lower()
    return ext if ext in (".doc", ".wps", ".dot", ".wpt") else ".doc"


def _fmt_of(data: bytes, path: str) -> str:
    head = data[:16]
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(OLE_MAGIC) and path.lower().endswith((".wps", ".wpt")):
        return "wps"
    return "doc"


def read(path: str, data: bytes) -> Document:
    """Convert a .doc/.wps/.rtf/Word-2003-XML file with LibreOffice and read it.

    Returns the docx reader's ``Document`` with ``format`` set to ``doc``,
    ``wps`` or ``rtf`` and ``path`` the original file.

    Errors (one line naming the file): password protection; LibreOffice
    missing (:class:`MissingDependencyError`, naming
    ``libreoffice-writer-nogui``); conversion timed out; no output or no
    text (LibreOffice exits 0 on garbage).
    """
    why = encryption(data)
    if why:
        raise DocumentLoadError(path, why + "; remove the password and try again")
    soffice_bin(path)
    with tempfile.TemporaryDirectory(prefix="uc-legacy-") as tmp:
        src = Path(tmp, "in" + _suffix_for(data, path))
        src.write_bytes(data)
        try:
            got = convert_many([src], Path(tmp, "out"), timeout=_timeout()).get(str(src))
        except (DocumentLoadError, MissingDependencyError) as e:
            raise type(e)(path, e.reason, stage=e.stage) from None  # name the user's file
        return _from_docx(path, data, Path(got).read_bytes() if got else None)


def read_many(items: Sequence[tuple[str, bytes]]) -> list:
    """Read many legacy files with one LibreOffice call (batches: starting
    soffice costs ~2 s, converting a notice well under that).

    ``items`` are ``(path, data)``; returns, in the same order, a
    ``Document`` or the :class:`NoticeError` that :func:`read` would have
    raised for that file. Password-protected files are refused before the
    call; if the shared call times out (one file hangs LibreOffice), every
    file is converted again on its own with its own timeout, so only the
    culprit fails.
    """
    from pipeline.errors import NoticeError

    out: list = [None] * len(items)
    todo: list[int] = []
    for i, (path, data) in enumerate(items):
        why = encryption(data)
        if why:
            out[i] = DocumentLoadError(path, why + "; remove the password and try again")
        else:
            todo.append(i)
    if not todo:
        return out
    try:
        soffice_bin()
    except MissingDependencyError as e:
        for i in todo:
            out[i] = MissingDependencyError(items[i][0], e.reason, stage=e.stage)
        return out
    with tempfile.TemporaryDirectory(prefix="uc-legacy-") as tmp:
        staged = []
        for i in todo:
            path, data = items[i]
            src = Path(tmp, f"in{i:05d}" + _suffix_for(data, path))
            src.write_bytes(data)
            staged.append(src)
        try:
            got = convert_many(staged, Path(tmp, "out"), timeout=_timeout() + 5 * (len(staged) - 1))
        except DocumentLoadError:
            got = None  # the whole call hung: fall back to one call per file below
        for i, src in zip(todo, staged):
            path, data = items[i]
            try:
                if got is None:
                    out[i] = read(path, data)
                else:
                    docx = got.get(str(src))
                    out[i] = _from_docx(path, data, Path(docx).read_bytes() if docx else None)
            except NoticeError as e:
                out[i] = e
    return out


def _from_docx(path: str, data: bytes, docx_bytes: Optional[bytes]) -> Document:
    """The ``Document`` of one converted file, after the checks that catch
    LibreOffice "succeeding" on garbage (no output, no text, mojibake)."""
    if not docx_bytes:
        raise DocumentLoadError(path, "LibreOffice could not convert it "
                                      "(damaged, password-protected or not a document)",
                                stage="convert")
    from pipeline.readers import docx as docx_reader  # lazily: only when a legacy file is read

    try:
        doc = docx_reader.read(path, docx_bytes)
    except DocumentLoadError as e:
        raise DocumentLoadError(path, f"LibreOffice output unreadable ({e.reason})",
                                stage="convert") from None
    text = "".join(b.raw or "" for b in doc.blocks)
    if not text.strip():
        raise DocumentLoadError(path, "LibreOffice produced no text (empty or unreadable document)",
                                stage="convert")
    if plausible_share(text) < 0.6:
        raise DocumentLoadError(path, "LibreOffice output is garbage (not a readable document)",
                                stage="convert")
    doc.format = _fmt_of(data, path)
    doc.path = path
    doc.sha256 = ""  # read_bytes fills in the hash of the original bytes
    return doc
