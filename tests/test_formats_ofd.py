"""OFD read from zip + XML: glyph placement, paragraphs, ruled tables,
renditions give the .docx record, corrupt packages fail clearly."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline.errors import DocumentLoadError
from pipeline.readers import ofd, read_path
from pipeline.readers.ocr import available as ocr_available

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "corpus" / "formats"
SEEDS = ROOT / "corpus" / "seeds"


@pytest.mark.parametrize("spec, expanded", [
    ("5.6 5.6 2.8", [5.6, 5.6, 2.8]),
    ("g 3 5.6", [5.6, 5.6, 5.6]),
    ("2.8 g 2 5.6 3", [2.8, 5.6, 5.6, 3.0]),
    ("", []),
    (None, []),
])
def test_deltas(spec, expanded):
    assert ofd.deltas(spec) == expanded


@pytest.mark.parametrize("rendition, seed", [
    ("fmt_002_ofd.ofd", "002_a6ecc3133544287b"),
    ("fmt_003_ofd.ofd", "003_0fb55c4c84d933ae"),
])
def test_rendition_matches_docx(rendition, seed):
    from tests.test_formats_legacy import record

    doc = read_path(FORMATS / rendition)
    assert doc.format == "ofd" and doc.pages >= 2
    assert record(FORMATS / rendition) == record(SEEDS / f"{seed}.docx")


def test_ofd_tables_and_page_numbers():
    doc = read_path(FORMATS / "fmt_003_ofd.ofd")
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 2
    assert tables[0].grid.row_texts()[0] == ["序号", "活动名称", "活动形式", "时间安排",
                                             "主要内容和形式（100字内）", "参与人数"]
    assert not any(b.raw.strip("— ").isdigit() for b in doc.blocks)  # page numbers dropped
    assert all(b.bbox and b.page for b in doc.blocks)


NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def _ofd(tmp_path, content, name="t.ofd", res: str = "", files: dict | None = None) -> Path:
    """A minimal OFD: ``content`` is one page's layer XML or a list of them;
    ``res`` the body of Doc_0/DocumentRes.xml (BaseLoc Res), ``files`` more members."""
    pages = [content] if isinstance(content, str) else content
    p = tmp_path / name
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("OFD.xml", f'<ofd:OFD {NS}><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml'
                              f'</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        page_list = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
                            for i in range(len(pages)))
        doc_res = "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>" if res else ""
        z.writestr("Doc_0/Document.xml", f'<ofd:Document {NS}><ofd:CommonData><ofd:PageArea>'
                                         f'<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
                                         f'{doc_res}</ofd:CommonData><ofd:Pages>{page_list}</ofd:Pages>'
                                         f'</ofd:Document>')
        if res:
            z.writestr("Doc_0/DocumentRes.xml", f'<ofd:Res {NS} BaseLoc="Res">{res}</ofd:Res>')
        for i, layer in enumerate(pages):
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml",
                       f'<ofd:Page {NS}><ofd:Content><ofd:Layer>{layer}</ofd:Layer></ofd:Content></ofd:Page>')
        for member, data in (files or {}).items():
            z.writestr(member, data)
    return p


def test_one_glyph_per_textcode_is_grouped_into_lines(tmp_path):
    # writers such as Suwell emit one TextCode per glyph; a CTM scales the object
    glyphs = "".join(f'<ofd:TextCode X="{i * 2.8}" Y="2.8">{ch}</ofd:TextCode>'
                     for i, ch in enumerate("各区总工会："))
    p = _ofd(tmp_path, f'<ofd:TextObject ID="1" Boundary="28 50 60 10" Size="2.8" CTM="2 0 0 2 0 0">'
                       f'{glyphs}</ofd:TextObject>')
    (b,) = read_path(p).blocks
    assert b.raw == "各区总工会：" and b.bbox[0] == pytest.approx(28 * 72 / 25.4, abs=0.2)


def test_truncated_zip(tmp_path):
    data = (FORMATS / "fmt_002_ofd.ofd").read_bytes()
    p = tmp_path / "cut.ofd"
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(DocumentLoadError) as e:
        read_path(p)
    assert str(e.value).startswith(f"{p}: ") and "corrupt" in str(e.value)


def test_missing_part_and_no_text(tmp_path):
    p = tmp_path / "nodoc.ofd"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("OFD.xml", f'<ofd:OFD {NS}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml'
                              f'</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
    with pytest.raises(DocumentLoadError, match="OFD part missing: Doc_0/Document.xml"):
        read_path(p)
    with pytest.raises(DocumentLoadError, match="OFD has no text"):
        read_path(_ofd(tmp_path, '<ofd:PathObject ID="2" Boundary="0 0 10 10"/>', "empty.ofd"))


# --- scanned OFD: page images OCR'd ------------------------------------------

SCAN_HEAD = FORMATS / "fmt_000_scan_head.jpg"  # the top of seed 000's first page, 200 dpi
IMAGE = '<ofd:ImageObject ID="2" Boundary="{x} {y} {w} {h}" CTM="{w} 0 0 {h} 0 0" ResourceID="{rid}"/>'
MEDIA = ('<ofd:MultiMedias><ofd:MultiMedia ID="9" Type="Image" Format="JPEG">'
         '<ofd:MediaFile>scan.jpg</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias>')
TEXT_PAGE = ('<ofd:TextObject ID="3" Boundary="28 50 150 10" Size="5.6">'
             '<ofd:TextCode X="0" Y="5.6" DeltaX="g 5 5.6">各区总工会：</ofd:TextCode></ofd:TextObject>')


def _scan_size_mm() -> tuple[float, float]:
    from PIL import Image

    with Image.open(SCAN_HEAD) as im:
        return im.width * 25.4 / 200, im.height * 25.4 / 200


needs_engine = pytest.mark.skipif(not ocr_available(), reason="OCR extra not installed")


@needs_engine
def test_image_only_page_is_ocred(tmp_path):
    w, h = _scan_size_mm()
    p = _ofd(tmp_path, [TEXT_PAGE, IMAGE.format(x=10, y=20, w=f"{w:.2f}", h=f"{h:.2f}", rid=9)],
             res=MEDIA, files={"Doc_0/Res/scan.jpg": SCAN_HEAD.read_bytes()})
    doc = read_path(p)
    assert doc.format == "ofd" and doc.ocr and doc.pages == 2
    texts = [b.raw for b in doc.blocks if b.page == 2]
    assert "上海市松江区总工会文件" in texts and "松工总〔2017〕64号" in texts
    scanned = [b for b in doc.blocks if b.page == 2]
    assert all(b.origin == "ocr" and b.confidence for b in scanned)
    # positions are on the page: the image starts 10 mm from the left edge
    assert min(b.bbox[0] for b in scanned) > 10 * 72 / 25.4
    assert [b.origin for b in doc.blocks if b.page == 1] == ["body"]


def test_image_only_ofd_without_ocr_names_the_extra(tmp_path, monkeypatch):
    from pipeline.errors import MissingDependencyError
    from pipeline.readers import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    p = _ofd(tmp_path, IMAGE.format(x=0, y=0, w=210, h=297, rid=9), res=MEDIA,
             files={"Doc_0/Res/scan.jpg": SCAN_HEAD.read_bytes()})
    with pytest.raises(MissingDependencyError) as e:
        read_path(p)
    assert str(e.value).startswith(f"{p}: ") and "pip install" in str(e.value)
    # a text page beside the image page still reads, with a warning for the other
    mixed = _ofd(tmp_path, [TEXT_PAGE, IMAGE.format(x=0, y=0, w=210, h=297, rid=9)], "mixed.ofd",
                 res=MEDIA, files={"Doc_0/Res/scan.jpg": SCAN_HEAD.read_bytes()})
    doc = read_path(mixed)
    assert [b.raw for b in doc.blocks] == ["各区总工会："]
    assert any(code == "needs_ocr" and "pages 2" in msg for code, msg in doc.warnings)


@needs_engine
@pytest.mark.parametrize("res, files, reason", [
    ("", {}, "image resource 9 not found"),
    (MEDIA, {}, "OFD image missing: Doc_0/Res/scan.jpg"),
    (MEDIA, {"Doc_0/Res/scan.jpg": b"\xff\xd8 not a jpeg"}, "cannot decode OFD page 1 image"),
])
def test_broken_page_image(tmp_path, res, files, reason):
    p = _ofd(tmp_path, IMAGE.format(x=0, y=0, w=210, h=297, rid=9), res=res, files=files)
    with pytest.raises(DocumentLoadError) as e:
        read_path(p)
    assert str(e.value).startswith(f"{p}: ") and reason in str(e.value)


@needs_engine
def test_blank_page_image(tmp_path):
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (600, 800), (246, 246, 244)).save(buf, "JPEG")
    p = _ofd(tmp_path, IMAGE.format(x=0, y=0, w=210, h=297, rid=9), res=MEDIA,
             files={"Doc_0/Res/scan.jpg": buf.getvalue()})
    with pytest.raises(DocumentLoadError, match="OCR found no text in the OFD page images"):
        read_path(p)
