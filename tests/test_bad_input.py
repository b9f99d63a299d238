"""Bad input: one line on stderr naming the file and the reason, a non-zero
exit code, no traceback (issue "End to end", "Bad input")."""
from __future__ import annotations

import io
import zipfile

import pytest
from click.testing import CliRunner

from pipeline.cli import main


def _encrypted_pdf(path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    enc = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", canPrint=0)
    c = canvas.Canvas(str(path), encrypt=enc)
    c.drawString(100, 700, "hello")
    c.save()


def _zip_without_document(path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/styles.xml", "<styles/>")
    path.write_bytes(buf.getvalue())


CASES = [
    ("missing.docx", None, "no such file"),
    ("empty.txt", lambda p: p.write_bytes(b""), "empty file"),
    ("binary.txt", lambda p: p.write_bytes(bytes(range(256)) * 20), "binary data"),
    ("notzip.docx", lambda p: p.write_bytes(b"PK\x03\x04 this is not really a zip"), "corrupt zip"),
    ("nodoc.docx", _zip_without_document, "without word/document.xml"),
    ("image.pdf", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64), ""),
    ("spreadsheet.docx", lambda p: _xlsx_like(p), "neither .docx nor .ofd"),
    ("locked.pdf", _encrypted_pdf, "encrypted"),
    ("truncated.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj\n<<"), ""),
]


def _xlsx_like(path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    path.write_bytes(buf.getvalue())


@pytest.mark.parametrize("name, make, reason", CASES, ids=[c[0] for c in CASES])
def test_bad_input_one_line_error(tmp_path, name, make, reason):
    p = tmp_path / name
    if make:
        make(p)
    res = CliRunner().invoke(main, [str(p)])
    assert res.exit_code not in (0, None)
    assert "Traceback" not in res.output
    err = res.stderr if hasattr(res, "stderr") else res.output
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert str(p) in lines[0]
    assert reason in lines[0]
    assert not isinstance(res.exception, Exception) or isinstance(res.exception, SystemExit)


def test_mislabelled_format_is_read_by_content(tmp_path):
    """A .docx named .txt and a text file named .pdf are read as what they are."""
    from tests.conftest import SEEDS

    docx_as_txt = tmp_path / "notice.txt"
    docx_as_txt.write_bytes((SEEDS / "002_a6ecc3133544287b.docx").read_bytes())
    txt_as_pdf = tmp_path / "notice.pdf"
    txt_as_pdf.write_bytes((SEEDS / "002_a6ecc3133544287b.txt").read_bytes())
    for p, fmt in ((docx_as_txt, "docx"), (txt_as_pdf, "txt")):
        res = CliRunner().invoke(main, [str(p), "--compact"])
        assert res.exit_code == 0, res.output
        assert f'"format":"{fmt}"' in res.output.replace(" ", "")


def test_gb18030_text_is_decoded(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes("关于开展职工技能竞赛的通知\n各基层工会：\n请于5月10日前报送。\n".encode("gb18030"))
    res = CliRunner().invoke(main, [str(p), "--compact"])
    assert res.exit_code == 0
    assert "关于开展职工技能竞赛的通知" in res.output


@pytest.mark.parametrize("source, name, fmt", [
    ("seeds/002_a6ecc3133544287b.docx", "notice.wps", "docx"),   # WPS saving as .docx under .wps
    ("formats/fmt_002_rtf.rtf", "notice.doc", "rtf"),             # "Word" files that are RTF
    ("formats/fmt_002_html.html", "notice.doc", "html"),          # web pages saved as .doc
    ("formats/fmt_002_ofd.ofd", "notice.zip.docx", "ofd"),
    ("formats/fmt_000_scan_head.jpg", "scan.pdf", "image"),
    ("formats/fmt_002_doc.doc", "notice.docx", "doc"),
    ("formats/fmt_003_wps.wps", "notice.wps", "wps"),
])
def test_format_is_detected_by_content(tmp_path, source, name, fmt):
    from pipeline.readers import detect_format
    from tests.conftest import SEEDS

    data = (SEEDS.parent / source).read_bytes()
    assert detect_format(str(tmp_path / name), data) == fmt


def test_wps_that_is_docx_and_doc_that_is_html_read_without_libreoffice(tmp_path, monkeypatch):
    from pipeline.readers import read_path
    from tests.conftest import SEEDS

    monkeypatch.delenv("SOFFICE_BIN", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice: these must not need it
    wps = tmp_path / "notice.wps"
    wps.write_bytes((SEEDS / "002_a6ecc3133544287b.docx").read_bytes())
    doc_html = tmp_path / "page.doc"
    doc_html.write_bytes((SEEDS.parent / "formats" / "fmt_002_html.html").read_bytes())
    assert read_path(wps).format == "docx" and read_path(doc_html).format == "html"
