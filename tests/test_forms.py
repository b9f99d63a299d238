"""pipeline.exports.forms / ``extract tables``: attachment tables as fill-in forms."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from models.notice import Notice
from models.tables import Attachment, FormField, Table, TableCell
from pipeline.cli.tables import tables_cmd
from pipeline.exports.forms import build_workbook, export, grid_rows, merged_ranges, to_markdown

ROOT = Path(__file__).resolve().parents[1]
SEED001 = ROOT / "corpus" / "seeds" / "001_dde7b99b86b616a6.docx"


def _notice(*atts: Attachment) -> Notice:
    n = Notice.model_construct()
    n.attachments = list(atts)
    return n


def small() -> Attachment:
    t = Table(n_rows=2, n_cols=3, kind="form", header=["姓名", "性别"],
              cells=[TableCell(row=0, col=0, text="姓名"), TableCell(row=0, col=1, text=""),
                     TableCell(row=0, col=2, text="性别", row_span=2),
                     TableCell(row=1, col=0, text="简历"), TableCell(row=1, col=1, text="")],
              header_fields=[FormField(label="填报日期", slots=["年", "月", "日"],
                                       text="填报日期：    年  月  日")],
              notes=["注：此表一式两份。"])
    return Attachment(number=1, title="报名表", present=True, tables=[t])


def test_grid_rows_and_merges():
    t = small().tables[0]
    assert grid_rows(t) == [["姓名", "", "性别"], ["简历", "", ""]]
    assert merged_ranges(t, 5, 1) == [(5, 3, 6, 3)]


def test_workbook_layout():
    wb = build_workbook(_notice(small()))
    ws = wb["附件1"]
    assert ws["A1"].value == "附件1" and ws["A2"].value == "报名表"
    assert ws["A3"].value == "填报日期：    年  月  日"
    assert ws["A4"].value == "姓名" and ws["C4"].value == "性别"
    assert "C4:C5" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A6"].value == "注：此表一式两份。"


def test_markdown_uses_html_for_merges():
    md = to_markdown(small(), small().tables[0])
    assert md.startswith("# 附件1 报名表")
    assert '<td rowspan="2">性别</td>' in md and "注：此表一式两份。" in md


def test_list_without_blank_rows_gets_rows_to_fill():
    t = Table(n_rows=1, n_cols=2, kind="list", header=["序号", "名称"],
              cells=[TableCell(row=0, col=0, text="序号"), TableCell(row=0, col=1, text="名称")])
    ws = build_workbook(_notice(Attachment(number=2, title="名单", tables=[t])))["附件2"]
    assert ws.max_row >= 3 + 10  # label, title, header + blank rows


def test_no_tables_no_workbook(tmp_path):
    assert build_workbook(_notice(Attachment(number=1, title="方案"))) is None
    assert export(_notice(), "x", "csv", tmp_path) == []


@pytest.fixture(scope="module")
def seed001():
    if not SEED001.exists():
        pytest.skip("seed not copied")
    from pipeline.stages.run import extract_file

    return extract_file(SEED001)


def test_seed001_xlsx_merges_equal_record(seed001, tmp_path):
    """Every merged range of each table in the record is merged in the saved
    workbook (opened again with openpyxl), and the only other merges are
    full-width single-row lines (title, fill-in lines, notes) outside the grid."""
    import openpyxl

    (path,) = export(seed001, "001", "xlsx", tmp_path)
    wb = openpyxl.load_workbook(path)
    tables = [(a, t) for a in seed001.attachments for t in a.tables]
    assert len(wb.sheetnames) == len(tables) == 5
    for (att, t), ws in zip(tables, wb.worksheets):
        assert ws.title == f"附件{att.number}"
        first = t.cells[0]
        # grid origin: the row whose first cell holds the table's first cell text
        row0 = next(r for r in range(1, ws.max_row + 1)
                    if ws.cell(row=r, column=1).value == (first.printed or first.text))
        got = {(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges}
        want = set(merged_ranges(t, row0, 1))
        assert want <= got
        for r0, c0, r1, c1 in got - want:
            assert r0 == r1 and c0 == 1 and c1 == t.n_cols and not (row0 <= r0 < row0 + t.n_rows)
    ws1 = wb["附件1"]
    assert ws1["A2"].value.endswith("申报表")


def test_seed001_csv_and_md(seed001, tmp_path):
    paths = export(seed001, "001", "csv", tmp_path)
    assert [p.name for p in paths] == [f"001_附件{i}.csv" for i in range(1, 6)]
    raw = paths[3].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 7 and all(len(r) == 6 for r in rows)
    md = export(seed001, "001", "md", tmp_path)
    assert len(md) == 5 and "colspan" in md[0].read_text(encoding="utf-8")


def test_cli_from_notice_and_record(seed001, tmp_path):
    from pipeline.stages.run import to_json

    rec = tmp_path / "001.json"
    rec.write_text(to_json(seed001), encoding="utf-8")
    r = CliRunner().invoke(tables_cmd, [str(rec), "--format", "md", "-o", str(tmp_path / "o")])
    assert r.exit_code == 0, r.output
    assert len(list((tmp_path / "o").glob("001_附件*.md"))) == 5


def test_cli_bad_input_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    r = CliRunner().invoke(tables_cmd, [str(bad), "-o", str(tmp_path)])
    assert r.exit_code == 4
    assert "Traceback" not in r.output and str(bad) in r.output


def test_cli_unwritable_dir(seed001, tmp_path):
    from pipeline.stages.run import to_json

    rec = tmp_path / "001.json"
    rec.write_text(to_json(seed001), encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = CliRunner().invoke(tables_cmd, [str(rec), "-o", str(blocker / "sub")])
    assert r.exit_code == 5 and "cannot write" in r.output


def test_seed001_xlsx_a4_row_heights_and_heading(seed001, tmp_path):
    """A4 by width, the source's row heights (tall handwriting rows kept),
    and the form's own heading when the 附件说明 words it differently."""
    import openpyxl

    (path,) = export(seed001, "001", "xlsx", tmp_path)
    wb = openpyxl.load_workbook(path)
    tables = [(a, t) for a in seed001.attachments for t in a.tables]
    for (att, t), ws in zip(tables, wb.worksheets):
        assert int(ws.page_setup.paperSize) == 9  # A4 (ECMA-376 paper size code)
        assert ws.page_setup.orientation == "portrait"
        assert ws["A2"].value == att.body_title
        first = t.cells[0]
        row0 = next(r for r in range(1, ws.max_row + 1)
                    if ws.cell(row=r, column=1).value == (first.printed or first.text))
        for k, h in enumerate(t.row_heights):
            if h:
                assert ws.row_dimensions[row0 + k].height >= h - 0.01
    att1 = seed001.attachments[0]
    assert att1.title_differs or att1.title != att1.body_title
    assert wb["附件1"]["A2"].value == att1.body_title
    tall = max(h for h in tables[0][1].row_heights if h)
    assert tall > 60


@pytest.mark.parametrize("n_cols,width,orientation", [
    (5, 80.0, "portrait"),
    (12, 60.0, "landscape"),
])
def test_xlsx_orientation_by_width(n_cols, width, orientation):
    cells = [TableCell(row=0, col=j, text=f"列{j}") for j in range(n_cols)]
    t = Table(n_rows=1, n_cols=n_cols, kind="list", header=[c.text for c in cells], cells=cells,
              col_widths=[width] * n_cols)
    ws = build_workbook(_notice(Attachment(number=1, title="表", tables=[t])))["附件1"]
    assert ws.page_setup.orientation == orientation and ws.page_setup.paperSize == 9


@pytest.mark.parametrize("paths,stems", [
    (["a/x.docx", "b/x.docx"], ["a_x", "b_x"]),
    (["x.docx", "y.pdf"], ["x", "y"]),
    (["p/a/x.docx", "q/a/x.docx"], ["p_a_x", "q_a_x"]),
    (["x.docx", "x.pdf"], ["x", "x-2"]),
    (["a/x y.docx", "b/x y.docx"], ["a_x_y", "b_x_y"]),
])
def test_unique_stems(paths, stems):
    from pipeline.exports.forms import unique_stems

    assert unique_stems([Path(p) for p in paths]) == stems


def test_same_name_in_two_folders_gives_two_workbooks(tmp_path):
    """`extract tables a/x.docx b/x.docx -o forms` (issue 15): two files, not one written twice."""
    if not SEED001.exists():
        pytest.skip("seed not copied")
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.docx").write_bytes(SEED001.read_bytes())
    out = tmp_path / "forms"
    r = CliRunner().invoke(tables_cmd, [str(tmp_path / "a" / "x.docx"), str(tmp_path / "b" / "x.docx"),
                                        "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == ["a_x.xlsx", "b_x.xlsx"]


def test_never_overwrites_an_input(tmp_path):
    if not SEED001.exists():
        pytest.skip("seed not copied")
    src = tmp_path / "x.docx"
    src.write_bytes(SEED001.read_bytes())
    before = src.read_bytes()
    r = CliRunner().invoke(tables_cmd, [str(src), "--format", "docx", "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert src.read_bytes() == before
    assert (tmp_path / "x_表格.docx").exists()
