"""OFD read from zip + XML: glyph placement, paragraphs, ruled tables,
renditions give the .docx record, corrupt packages fail clearly."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline.errors import DocumentLoadError
from pipeline.readers import ofd, read_path

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


def _ofd(tmp_path, content: str, name="t.ofd") -> Path:
    p = tmp_path / name
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("OFD.xml", f'<ofd:OFD {NS}><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml'
                              f'</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        z.writestr("Doc_0/Document.xml", f'<ofd:Document {NS}><ofd:CommonData><ofd:PageArea>'
                                         f'<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
                                         f'</ofd:CommonData><ofd:Pages><ofd:Page ID="1" '
                                         f'BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>')
        z.writestr("Doc_0/Pages/Page_0/Content.xml",
                   f'<ofd:Page {NS}><ofd:Content><ofd:Layer>{content}</ofd:Layer></ofd:Content></ofd:Page>')
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
    with pytest.raises(DocumentLoadError, match="no text layer"):
        read_path(_ofd(tmp_path, '<ofd:ImageObject ID="2" Boundary="0 0 210 297" ResourceID="9"/>', "img.ofd"))
