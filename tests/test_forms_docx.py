"""``extract tables --format docx``: Word forms python-docx reads back with
the record's merged cells, column widths in the source's proportions, A4 by
width, the form's own heading — and that LibreOffice renders."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from models.notice import Notice
from models.tables import Attachment, Table, TableCell
from pipeline.cli.tables import tables_cmd
from pipeline.exports.forms import export
from pipeline.exports.forms_docx import build_document, column_widths
from tests.conftest import SEEDS

SEED001 = SEEDS / "001_dde7b99b86b616a6.docx"


@pytest.fixture(scope="module")
def seed001():
    from pipeline.stages.run import extract_file

    return extract_file(SEED001)


@pytest.fixture(scope="module")
def seed001_docx(seed001, tmp_path_factory) -> Path:
    (path,) = export(seed001, "001", "docx", tmp_path_factory.mktemp("forms"))
    return path


def _spans(wt) -> set[tuple[int, int, int, int]]:
    """(row, col, row_span, col_span) of each visual cell of a python-docx
    table: grid positions sharing one merged cell report the same w:tc."""
    boxes: dict[object, list[tuple[int, int]]] = {}  # keyed by the w:tc element itself
    for r, row in enumerate(wt.rows):
        for c, cell in enumerate(row.cells):
            boxes.setdefault(cell._tc, []).append((r, c))
    out = set()
    for pos in boxes.values():
        rows = [p[0] for p in pos]
        cols = [p[1] for p in pos]
        out.add((min(rows), min(cols), max(rows) - min(rows) + 1, max(cols) - min(cols) + 1))
    return out


def _record_spans(t: Table) -> set[tuple[int, int, int, int]]:
    return {(c.row, c.col, c.row_span, c.col_span) for c in t.cells}


def _tables(notice) -> list[tuple[Attachment, Table]]:
    return [(a, t) for a in notice.attachments for t in a.tables]


def test_merged_cells_read_back_with_python_docx(seed001, seed001_docx):
    d = docx.Document(str(seed001_docx))
    tables = _tables(seed001)
    assert len(d.tables) == len(tables) == 5
    for (att, t), wt in zip(tables, d.tables):
        assert len(wt.rows) == t.n_rows and len(wt.columns) == t.n_cols
        assert _spans(wt) == _record_spans(t), att.number
        for c in t.cells:
            assert wt.cell(c.row, c.col).text == (c.printed if c.printed is not None else c.text)


def test_column_widths_in_source_proportion(seed001, seed001_docx):
    d = docx.Document(str(seed001_docx))
    for (_att, t), wt in zip(_tables(seed001), d.tables):
        got = [col.width.pt for col in wt.columns]
        src = t.col_widths
        assert len(src) == t.n_cols
        for g, s in zip(got, src):
            assert g / sum(got) == pytest.approx(s / sum(src), abs=0.005)


def test_row_heights_from_source(seed001, seed001_docx):
    """The tall rows meant for handwriting stay tall (at least the source's height)."""
    d = docx.Document(str(seed001_docx))
    (att, t), wt = _tables(seed001)[0], d.tables[0]
    assert max(h for h in t.row_heights if h) > 60  # the seed's last rows are ~74 pt
    for k, row in enumerate(wt.rows):
        if t.row_heights[k]:
            assert row.height.pt == pytest.approx(t.row_heights[k], abs=0.1)


def test_a4_sections_and_headings(seed001, seed001_docx):
    d = docx.Document(str(seed001_docx))
    assert len(d.sections) == 5
    for s in d.sections:
        assert {round(s.page_width.mm), round(s.page_height.mm)} == {210, 297}
        assert s.page_width < s.page_height  # the seed's forms are portrait
    texts = [p.text for p in d.paragraphs]
    for att, _t in _tables(seed001):
        assert f"附件{att.number}" in texts
        assert att.body_title in texts  # the form's own heading
    # attachment 1's 附件说明 words it differently from its page: the page wins
    att1 = seed001.attachments[0]
    assert att1.title != att1.body_title and att1.title not in texts


def _notice(*atts: Attachment) -> Notice:
    n = Notice.model_construct()
    n.attachments = list(atts)
    return n


def _wide(n_cols: int, width: float) -> Attachment:
    cells = [TableCell(row=0, col=j, text=f"项目{j}") for j in range(n_cols)]
    t = Table(n_rows=2, n_cols=n_cols, kind="list", header=[c.text for c in cells],
              cells=cells + [TableCell(row=1, col=j) for j in range(n_cols)],
              col_widths=[width] * n_cols, row_heights=[None, 40.0])
    return Attachment(number=2, title="汇总表", present=True, tables=[t])


@pytest.mark.parametrize("n_cols,width,orientation", [
    (6, 70.0, "portrait"),     # 420 pt: fits the type area
    (8, 62.0, "portrait"),     # 496 pt: a Word form laid out to 180 mm, shrunk in
    (12, 60.0, "landscape"),   # 720 pt: turned
    (16, 50.0, "landscape"),
])
def test_orientation_by_width(n_cols, width, orientation):
    d = build_document(_notice(_wide(n_cols, width)))
    s = d.sections[0]
    assert (s.page_width > s.page_height) == (orientation == "landscape")
    assert round(s.page_width.mm) in (210, 297) and round(s.page_height.mm) in (210, 297)
    text_width = (s.page_width - s.left_margin - s.right_margin) / 12700  # EMU → pt
    assert sum(column_widths(_wide(n_cols, width).tables[0], text_width)) <= text_width + 0.5


def test_list_without_blank_rows_gets_rows_to_fill():
    t = Table(n_rows=1, n_cols=2, kind="list", header=["序号", "名称"],
              cells=[TableCell(row=0, col=0, text="序号"), TableCell(row=0, col=1, text="名称")])
    d = build_document(_notice(Attachment(number=3, title="名单", tables=[t])))
    assert len(d.tables[0].rows) == 11


def test_cli_docx_and_no_tables(seed001, tmp_path):
    r = CliRunner().invoke(tables_cmd, [str(SEED001), "--format", "docx", "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert (tmp_path / f"{SEED001.stem}.docx").exists()
    assert export(_notice(), "x", "docx", tmp_path) == []


def _soffice() -> str | None:
    return os.environ.get("SOFFICE_BIN") or shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
def test_libreoffice_renders_the_forms(seed001_docx, tmp_path):
    """LibreOffice (a private profile, headless) turns the forms into a PDF
    of A4 pages, one or more per form, each with the table's ruled lines.
    (Text is not compared: without CJK fonts installed LibreOffice draws a
    fallback whose glyphs do not map back to the characters.)"""
    soffice = _soffice()
    if soffice is None:
        pytest.skip("LibreOffice (soffice) not installed")
    import pdfplumber

    profile = (tmp_path / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(seed001_docx)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / (seed001_docx.stem + ".pdf")
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) >= 5
        ruled = 0
        for page in doc.pages:
            assert {round(page.width), round(page.height)} == {595, 842}
            ruled += bool(page.lines or page.rects or page.edges)
        assert ruled >= 5
        assert "2018" in (doc.pages[0].extract_text() or "")  # the heading's year
