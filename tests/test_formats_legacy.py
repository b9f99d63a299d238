"""Legacy formats through LibreOffice: renditions give the .docx record,
batch conversion, and the clear errors (missing soffice, timeout,
password protection)."""
from __future__ import annotations

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
    from pipeline.stages.run import extract_file

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


# --- many files per LibreOffice call (batches) --------------------------------

def _copying_soffice(tmp_path, log: Path) -> str:
    """A stand-in soffice: logs each call, "converts" every input by copying a
    real .docx, and hangs on an input containing HANG."""
    docx = SEEDS / "002_a6ecc3133544287b.docx"
    return _fake_soffice(tmp_path, f"""echo call >> '{log}'
out=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
for a in "$@"; do
  case "$a" in
    *.doc|*.wps|*.rtf) grep -q HANG "$a" && sleep 30
       b=$(basename "$a"); cp '{docx}' "$out/${{b%.*}}.docx";;
  esac
done""")


def test_read_many_converts_in_one_call_and_refuses_passwords_first(tmp_path, monkeypatch):
    log = tmp_path / "calls.log"
    monkeypatch.setenv("SOFFICE_BIN", _copying_soffice(tmp_path, log))
    good = (FORMATS / "fmt_002_doc.doc").read_bytes()
    secret = _set_fib_encrypted(good)
    items = [("a.doc", good), ("secret.doc", secret), ("b.rtf", b"{\\rtf1 x}"), ("c.wps", good)]
    docs = legacy.read_many(items)
    assert log.read_text().count("call") == 1
    assert [getattr(d, "format", None) for d in docs] == ["doc", None, "rtf", "wps"]
    assert [d.path for d in (docs[0], docs[2], docs[3])] == ["a.doc", "b.rtf", "c.wps"]
    assert str(docs[1]) == "secret.doc: password-protected Word document; remove the password and try again"


def test_read_many_isolates_a_hanging_file(tmp_path, monkeypatch):
    log = tmp_path / "calls.log"
    monkeypatch.setenv("SOFFICE_BIN", _copying_soffice(tmp_path, log))
    monkeypatch.setenv("SOFFICE_TIMEOUT", "1")
    good = (FORMATS / "fmt_002_doc.doc").read_bytes()
    docs = legacy.read_many([("ok.doc", good), ("hang.doc", good + b"HANG")])
    # the shared call timed out, then each file got its own call: only the culprit fails
    assert log.read_text().count("call") == 3
    assert docs[0].format == "doc" and docs[0].blocks
    assert isinstance(docs[1], DocumentLoadError)
    assert str(docs[1]) == "hang.doc: LibreOffice conversion timed out after 1 s"


def test_read_many_without_libreoffice(monkeypatch, tmp_path):
    monkeypatch.delenv("SOFFICE_BIN", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    (d,) = legacy.read_many([("x.doc", (FORMATS / "fmt_002_doc.doc").read_bytes())])
    assert isinstance(d, MissingDependencyError) and str(d).startswith("x.doc: ")
    assert "libreoffice-writer-nogui" in str(d)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_batch_converts_legacy_files_together(tmp_path, monkeypatch):
    """In a batch, .doc/.wps/.rtf files share LibreOffice calls and give the
    same records as `extract FILE`; a password-protected one fails alone."""
    import json

    from pipeline.batch import ERRORS, run_batch
    from pipeline.stages.run import extract_file, to_json

    log = tmp_path / "calls.log"
    monkeypatch.setenv("SOFFICE_BIN", _fake_soffice(tmp_path, f"echo call >> '{log}'\n"
                                                               f"exec '{shutil.which('soffice')}' \"$@\""))
    src = tmp_path / "in"
    src.mkdir()
    names = ["fmt_002_doc.doc", "fmt_003_wps.wps", "fmt_002_rtf.rtf", "fmt_002_html.html"]
    for n in names:
        shutil.copy(FORMATS / n, src / n)
    (src / "secret.doc").write_bytes(_set_fib_encrypted((FORMATS / "fmt_002_doc.doc").read_bytes()))
    out = tmp_path / "out"
    # spawn: workers see SOFFICE_BIN (a fork server started by an earlier test would not)
    res = run_batch(src, out, workers=2, mp_context="spawn", progress=False, quiet=True)
    assert (res.ok, res.failed) == (4, 1)
    assert log.read_text().count("call") == 1  # three legacy files, one LibreOffice start
    errors = [json.loads(x) for x in (out / ERRORS).read_text("utf-8").splitlines()]
    assert [(e["file"], e["severity"]) for e in errors] == [("secret.doc", "error")]
    assert "password-protected" in errors[0]["message"]
    for n in names[:3]:
        got = json.loads((out / f"{n}.json").read_text("utf-8"))
        want = json.loads(to_json(extract_file(src / n)))
        got.pop("source"), want.pop("source")
        assert got == want, n
