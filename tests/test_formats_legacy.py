"""Legacy formats through LibreOffice: renditions give the .docx record,
batch conversion, and the clear errors (missing soffice, timeout,
password protection)."""
from __future__ import annotations

import os
import shutil
import stat
import struct
from pathlib import Path

import pytest

from pipeline.errors import DocumentLoadError, MissingDependencyError
from pipeline.readers import legacy, read_path

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "corpus" / "formats"
SEEDS = ROOT / "corpus" / "seeds"
has_soffice = pytest.mark.skipif(not legacy.available(), reason="LibreOffice not installed")


def record(path):
    """The record fields every rendition must share with its .docx."""
    from pipeline.run import extract_file

    n = extract_file(str(path))
    return {
        "issuers": [i.name for i in n.issuers],
        "doc_number": getattr(n.doc_number, "text", n.doc_number),
        "title": n.title.text if n.title else None,
        "recipients": n.recipients.text if n.recipients else None,
        "deadlines": sorted(str(d.due) for d in n.deadlines),
    }


@has_soffice
@pytest.mark.parametrize("rendition, seed, fmt", [
    ("fmt_002_doc.doc", "002_a6ecc3133544287b", "doc"),
    ("fmt_003_doc.doc", "003_0fb55c4c84d933ae", "doc"),
    ("fmt_003_wps.wps", "003_0fb55c4c84d933ae", "wps"),
    ("fmt_002_rtf.rtf", "002_a6ecc3133544287b", "rtf"),
])
def test_rendition_matches_docx(rendition, seed, fmt):
    doc = read_path(FORMATS / rendition)
    assert doc.format == fmt and doc.path.endswith(rendition) and len(doc.sha256) == 64
    assert record(FORMATS / rendition) == record(SEEDS / f"{seed}.docx")


@has_soffice
def test_convert_many_one_call_same_stems(tmp_path):
    a = tmp_path / "a"
    a.mkdir()
    shutil.copy(FORMATS / "fmt_002_doc.doc", a / "x.doc")
    shutil.copy(FORMATS / "fmt_003_wps.wps", tmp_path / "x.wps")
    out = legacy.convert_many([a / "x.doc", tmp_path / "x.wps"], tmp_path / "out")
    assert sorted(Path(p).name for p in out.values()) == ["x-2.docx", "x.docx"]
    assert all(Path(p).stat().st_size > 1000 for p in out.values())


def _fake_soffice(tmp_path, body: str) -> str:
    exe = tmp_path / "soffice"
    exe.write_text("#!/bin/sh\n" + body + "\n")
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)
    return str(exe)


def test_hung_conversion_times_out(tmp_path, monkeypatch):
    monkeypatch.setenv("SOFFICE_BIN", _fake_soffice(tmp_path, "sleep 30"))
    monkeypatch.setenv("SOFFICE_TIMEOUT", "1")
    with pytest.raises(DocumentLoadError) as e:
        read_path(FORMATS / "fmt_002_doc.doc")
    assert str(e.value).endswith("fmt_002_doc.doc: LibreOffice conversion timed out after 1 s")
    assert e.value.stage == "convert"


def test_conversion_without_output(tmp_path, monkeypatch):
    monkeypatch.setenv("SOFFICE_BIN", _fake_soffice(tmp_path, "exit 0"))  # rc 0, nothing written
    with pytest.raises(DocumentLoadError, match="LibreOffice could not convert it"):
        read_path(FORMATS / "fmt_003_wps.wps")


def test_missing_libreoffice_names_the_package(monkeypatch, tmp_path):
    monkeypatch.delenv("SOFFICE_BIN", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MissingDependencyError) as e:
        read_path(FORMATS / "fmt_002_doc.doc")
    assert "libreoffice-writer-nogui" in str(e.value) and "\n" not in str(e.value)


def test_other_formats_work_without_libreoffice(monkeypatch, tmp_path):
    monkeypatch.delenv("SOFFICE_BIN", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    for name in ("fmt_002_ofd.ofd", "fmt_002_html.html"):
        assert read_path(FORMATS / name).blocks
    assert read_path(SEEDS / "002_a6ecc3133544287b.docx").blocks


def _set_fib_encrypted(data: bytes) -> bytes:
    sector = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    buf = bytearray(data)
    for off in range(sector, len(buf) - 12, sector):
        if struct.unpack_from("<H", buf, off)[0] == 0xA5EC:
            flags = struct.unpack_from("<H", buf, off + 0x0A)[0]
            struct.pack_into("<H", buf, off + 0x0A, flags | 0x0100)
            return bytes(buf)
    raise AssertionError("no FIB found")


def test_password_protected_doc(tmp_path):
    p = tmp_path / "secret.doc"
    p.write_bytes(_set_fib_encrypted((FORMATS / "fmt_002_doc.doc").read_bytes()))
    with pytest.raises(DocumentLoadError) as e:
        read_path(p)
    assert str(e.value) == f"{p}: password-protected Word document; remove the password and try again"


def test_encrypted_office_package_in_ole(tmp_path):
    data = bytearray((FORMATS / "fmt_002_doc.doc").read_bytes())
    name = "EncryptedPackage".encode("utf-16-le")
    data[0x400:0x400 + len(name)] = name
    assert legacy.encryption(bytes(data)) == "password-protected document (encrypted Office package)"


@pytest.mark.parametrize("text, ok", [
    ("关于开展2017年松江区职工劳动竞赛活动的通知", True),
    ("Notice of the union, 2024", True),
    ("ÐÏà¡±á\x1aá þÿ\x09\x06Ôá\x8e\x9a", False),
])
def test_plausible_share(text, ok):
    assert (legacy.plausible_share(text) >= 0.6) is ok
