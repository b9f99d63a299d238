"""extractors.tables: grids → Table (header, kind, spans, fields, notes) and
attachment title matching (ANNOTATION.md attachments; gold NOTES.md; issue 5)."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.attachment_list import match_titles, title_similarity, titles_differ
from extractors.tables import build_table, inline_slots, parse_field_line
from models.document import Cell, Grid

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"
SHARED = Path("/work/shared/seeds")


def grid(rows: list[list[str]], merges=(), nested=()) -> Grid:
    """A Grid from row texts and merges (r0, c0, r1, c1 inclusive), like a
    reader makes it: one cell per visual cell, covered positions absent."""
    covered: set[tuple[int, int]] = set()
    spans = {}
    for r0, c0, r1, c1 in merges:
        spans[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
        covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
    cells = []
    for i, row in enumerate(rows):
        for j, t in enumerate(row):
            if (i, j) in covered:
                continue
            rs, cs = spans.get((i, j), (1, 1))
            cells.append(Cell(row=i, col=j, text=t, raw=t, row_span=rs, col_span=cs))
    return Grid(n_rows=len(rows), n_cols=max((len(r) for r in rows), default=0), cells=cells,
                nested=list(nested))


# --------------------------------------------------------------------------
# header and kind, decided by structure (gold NOTES.md)

KIND_CASES = [
    # (rows, merges, kind, header) — one case per line
    ([["企业名称", "竞赛项目", "组织方式"], ["", "", ""], ["", "", ""]], [], "list", ["企业名称", "竞赛项目", "组织方式"]),
    ([["单位名称", "", "", "何时组建", ""], ["班组名称", "", "人数", "", ""]], [(0, 1, 0, 2)], "form", ["单位名称", "何时组建"]),
    ([["姓 名", "", "性别", "", "出生年月", ""]], [], "form", ["姓名", "性别", "出生年月"]),
    ([["工会主席", "", "联系电话/QQ 号/微信号", "", ""]], [(0, 3, 0, 4)], "form", ["工会主席", "联系电话/QQ号/微信号"]),
    ([["序号", "类别", "考核内容", "分值", "自评分", "考核分"], ["1", "一全", "文件齐全", "20", "", ""]], [], "list", ["序号", "类别", "考核内容", "分值", "自评分", "考核分"]),
    ([["序号", "单位班组名称", "所属行业"], ["合 计", "企业参赛数", ""]], [], "list", ["序号", "单位班组名称", "所属行业"]),
    # two-level header (txt export: no spans) stays a list
    ([["序号", "姓名", "成绩", ""], ["", "", "初赛", "复赛"], ["", "", "", ""]], [], "list", ["序号", "姓名", "成绩"]),
    # two-level header with spans
    ([["序号", "姓名", "成绩", ""], ["", "", "初赛", "复赛"], ["", "", "", ""]], [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3)], "list", ["序号", "姓名", "成绩"]),
    # corner cell empty in a cross table: still a list
    ([["", "一月", "二月", "三月"], ["甲", "", "", ""]], [], "list", ["一月", "二月", "三月"]),
    # one label across the top row: the rows below decide (label/blank pairs → form)
    ([["基本情况", ""], ["姓名", ""], ["电话", ""], ["地址", ""]], [], "form", ["基本情况"]),
    # a title row across the grid above the labels is a caption, not the header
    ([["职工信息登记表", "", ""], ["姓名", "工号", "部门"], ["", "", ""]], [(0, 0, 0, 2)], "list", ["姓名", "工号", "部门"]),
    # leading empty rows are skipped
    ([["", "", ""], ["项目", "内容", "备注"], ["", "", ""]], [], "list", ["项目", "内容", "备注"]),
]


@pytest.mark.parametrize("rows,merges,kind,header", KIND_CASES,
                         ids=[f"{i}-{c[3][0] if c[3] else ''}" for i, c in enumerate(KIND_CASES)])
def test_kind_and_header(rows, merges, kind, header):
    t = build_table(grid(rows, merges))
    assert (t.kind, t.header) == (kind, header)


def test_columns_of_two_level_header():
    t = build_table(grid([["序号", "姓名", "成绩", ""], ["", "", "初赛", "复赛"], ["", "", "", ""]],
                         [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3)]))
    assert t.columns == ["序号", "姓名", "成绩/初赛", "成绩/复赛"]


def test_caption_row_kept():
    t = build_table(grid([["职工信息登记表", "", ""], ["姓名", "工号", "部门"]], [(0, 0, 0, 2)]))
    assert t.caption == "职工信息登记表"


# --------------------------------------------------------------------------
# form fields

def test_form_fields_seed001_att1_shape():
    rows = [["班组人员构成情况", "共人，其中男人；女 人；党员 人", "", ""],
            ["", "平均年龄 岁； 平均技术等级 级", "", ""],
            ["班 组 负责人 情 况", "姓名", "", "性别"],
            ["", "文化程度", "", "工 种"],
            ["单位地址", "", "邮 编", ""]]
    t = build_table(grid(rows, [(0, 0, 1, 0), (0, 1, 0, 3), (1, 1, 1, 3), (2, 0, 3, 0)]))
    got = [(f.group, f.label, f.slots) for f in t.fields]
    assert got == [
        (None, "班组人员构成情况", ["共", "男", "女", "党员", "平均年龄", "平均技术等级"]),
        ("班组负责人情况", "姓名", [""]),
        ("班组负责人情况", "性别", [""]),
        ("班组负责人情况", "文化程度", [""]),
        ("班组负责人情况", "工种", [""]),
        (None, "单位地址", [""]),
        (None, "邮编", [""]),
    ]
    assert t.kind == "form"


def test_form_field_value_cell_position():
    t = build_table(grid([["工会主席", "", "联系电话", "", ""]], [(0, 3, 0, 4)]))
    assert [(f.label, f.value_row, f.value_col) for f in t.fields] == [("工会主席", 0, 1), ("联系电话", 0, 3)]


SLOT_CASES = [
    ("共人，其中男人；女 人；党员 人；团员 人", [("共", "人"), ("男", "人"), ("女", "人"), ("党员", "人"), ("团员", "人")]),
    ("平均年龄 岁； 平均技术等级 级", [("平均年龄", "岁"), ("平均技术等级", "级")]),
    ("大专（及以上） 人； 高中 人； 初中 人；", [("大专（及以上）", "人"), ("高中", "人"), ("初中", "人")]),
    ("年 月 日", [("年", ""), ("月", ""), ("日", "")]),
    ("参赛 人", [("参赛", "人")]),
    ("出生年月", []),
    ("参赛人数", []),
    ("工 种", []),
    ("姓 名", []),  # letter-spaced labels of a list header (Word pads short labels)
    ("名 次", []),
    ("班 级", []),
    ("共 名", [("共", "名")]),
    ("联 系 人", []),
    ("负 责 人", []),
    ("女 人", [("女", "人")]),
    ("何 年 何 月 任 职", []),
    ("共12人，其中男8人", []),
    ("", []),
]


@pytest.mark.parametrize("text,expected", SLOT_CASES, ids=[c[0] or "empty" for c in SLOT_CASES])
def test_inline_slots(text, expected):
    assert inline_slots(text) == expected


# --------------------------------------------------------------------------
# fill-in lines above / below a table

FIELD_LINE_CASES = [
    ("单位名称（盖章）:", [("单位名称（盖章）", [""], "")]),
    ("企业名称（盖章）：", [("企业名称（盖章）", [""], "")]),
    ("填写日期： 年 月 日", [("填写日期", ["年", "月", "日"], "")]),
    ("单位:", [("单位", [""], "")]),
    ("乡镇（街道、园区）、县直属产业（行业）工会（工委）：", [("乡镇（街道、园区）、县直属产业（行业）工会（工委）", [""], "")]),
    ("填报单位：                          ", [("填报单位", [""], "")]),
    ("联系人：                联系电话：                           填报日期：         年    月    日",
     [("联系人", [""], ""), ("联系电话", [""], ""), ("填报日期", ["年", "月", "日"], "")]),
    ("填报单位：某某区总工会", [("填报单位", [], "某某区总工会")]),
    ("填报人：________  审核人：________", [("填报人", [""], ""), ("审核人", [""], "")]),
    ("此表请于8月20日前上报区总宣教部邮箱sjzghjjb@126.com", None),
    ("备注：1、此表由基层工会在 4 月 10 日前上报到县总工会经济部。", None),
    ("各单位要高度重视本次活动，认真组织，广泛发动职工积极参与，确保活动取得实效：", None),
]


@pytest.mark.parametrize("line,expected", FIELD_LINE_CASES, ids=[c[0][:10] for c in FIELD_LINE_CASES])
def test_parse_field_line(line, expected):
    got = parse_field_line(line)
    assert (None if got is None else [(f.label, f.slots, f.value) for f in got]) == expected


def test_filled_value_is_not_a_blank_footer_line():
    assert parse_field_line("联系电话: 57813758", blank_only=True) is None


# --------------------------------------------------------------------------
# bad input: a grid with what is there and a warning, never a crash

def test_ragged_rows_padded_with_warning():
    g = Grid(n_rows=2, n_cols=3, cells=[Cell(0, 0, "序号"), Cell(0, 1, "名称"), Cell(0, 2, "数量"),
                                        Cell(1, 0, "1")])
    t = build_table(g)
    assert (t.n_rows, t.n_cols, len(t.cells)) == (2, 3, 6)
    assert any("ragged" in w for w in t.warnings)


def test_grid_wider_than_declared():
    g = Grid(n_rows=1, n_cols=2, cells=[Cell(0, 0, "a"), Cell(0, 1, "b"), Cell(0, 2, "c")])
    t = build_table(g)
    assert (t.n_cols, t.header) == (3, ["a", "b", "c"])


@pytest.mark.parametrize("g", [None, Grid(0, 0, []), Grid(2, 2, [Cell(0, 0, ""), Cell(1, 1, " ")])])
def test_empty_table(g):
    t = build_table(g)
    assert t.header == [] and any("empty" in w for w in t.warnings)


def test_overlapping_spans_clipped():
    g = Grid(n_rows=2, n_cols=2, cells=[Cell(0, 0, "a", row_span=2), Cell(0, 1, "b"),
                                        Cell(1, 0, "x"), Cell(1, 1, "c")])
    t = build_table(g)
    assert any("overlap" in w for w in t.warnings)
    assert {(c.row, c.col) for c in t.cells} == {(0, 0), (0, 1), (1, 1)}


def test_bad_spans_repaired():
    g = Grid(n_rows=1, n_cols=2, cells=[Cell(0, 0, "a", row_span=0), Cell(0, 1, "b", col_span=-1)])
    t = build_table(g)
    assert t.header == ["a", "b"] and t.warnings


def test_nested_table_warned():
    inner = grid([["x", "y"]])
    t = build_table(grid([["甲", "乙"], ["", ""]], nested=[inner]))
    assert any("nested" in w for w in t.warnings)


def test_span_past_declared_grid_extends_grid():
    g = Grid(n_rows=1, n_cols=2, cells=[Cell(0, 0, "a", col_span=3)])
    t = build_table(g)
    assert t.n_cols == 3 and t.cells[0].col_span == 3


# --------------------------------------------------------------------------
# titles (issue 5 item 1)

def test_title_similarity_seed001():
    a = "2018 年长兴县“工人先锋号”创建单位培育申报表"
    b = "2018 年长兴县创建“工人先锋号”示范培育申报表"
    assert title_similarity(a, b) > 0.7
    assert titles_differ(a, b)
    assert not titles_differ(a, "2018年长兴县“工人先锋号”创建单位培育申报表")
    assert title_similarity("", b) == 0.0


def test_match_titles_discounts_shared_prefix():
    listed = ["2018 年长兴县“工人先锋号”创建单位培育申报表",
              "2018 年长兴县开展“工人先锋号”创建活动参赛企业汇总表",
              "2018 年长兴县开展“工人先锋号”创建活动考核评价表"]
    bodies = ["2018年长兴县开展“工人先锋号”创建活动考核评价表",
              "2018 年长兴县创建“工人先锋号”示范培育申报表",
              "2018年长兴县开展“工人先锋号”创建活动参赛企业情况汇总表"]
    assert match_titles(bodies, listed) == {0: 2, 1: 0, 2: 1}


def test_match_titles_leaves_unrelated_unmatched():
    assert match_titles(["职工疗休养安排表"], ["劳动竞赛报名表", "先进集体推荐表"]) == {}


# --------------------------------------------------------------------------
# seeds end to end: .txt and .pdf give the .docx headers; 001's true spans

SEED_STEMS = ["000_beae532f0dc098a7", "001_dde7b99b86b616a6", "002_a6ecc3133544287b",
              "003_0fb55c4c84d933ae", "004_4b022b1849280ac0"]


def _seed(stem: str, ext: str) -> Path:
    for base in (SEEDS, SHARED, SHARED / ext):
        p = base / f"{stem}.{ext}"
        if p.exists():
            return p
    pytest.skip(f"seed {stem}.{ext} not available")


def _tables_of(path: Path):
    from pipeline.stages.run import extract_file

    n = extract_file(path)
    return [(a.number, t.kind, t.header) for a in n.attachments for t in a.tables]


@pytest.mark.parametrize("stem", SEED_STEMS)
@pytest.mark.parametrize("ext", ["txt", "pdf"])
def test_seed_headers_same_as_docx(stem, ext):
    from pipeline.errors import NoticeError

    docx = _tables_of(_seed(stem, "docx"))
    try:
        other = _tables_of(_seed(stem, ext))
    except NoticeError as e:  # the pdf reader is optional in a partial install
        pytest.skip(str(e))
    assert other == docx


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_seed_docx_headers_match_gold(stem):
    import json

    gold = json.loads((SHARED / "gold" / f"{stem}.json").read_text(encoding="utf-8")) \
        if (SHARED / "gold").exists() else pytest.skip("no gold")
    want = [(a["number"], t["kind"], t["header"]) for a in gold["attachments"] for t in a["tables"]]
    assert _tables_of(_seed(stem, "docx")) == want


# Spans read off word/document.xml of 001 (w:gridSpan, w:vMerge restart/continue):
# (row, col, row_span, col_span) of every cell spanning more than one position.
SEED001_SPANS = {
    1: {(0, 1, 1, 5), (2, 0, 3, 1), (2, 1, 1, 7), (3, 1, 1, 7), (4, 1, 1, 7), (5, 0, 3, 1),
        (5, 6, 1, 2), (6, 6, 1, 2), (7, 6, 1, 2), (8, 1, 1, 5), (9, 1, 1, 7), (10, 1, 1, 2),
        (10, 4, 1, 4), (11, 1, 1, 2), (11, 4, 1, 4)},
    4: {(3, 1, 1, 4), (4, 1, 1, 5), (5, 3, 1, 3), (6, 3, 1, 3)},
}


@pytest.mark.parametrize("number", [1, 4])
def test_seed001_merged_cells(number):
    from pipeline.stages.run import extract_file

    n = extract_file(_seed("001_dde7b99b86b616a6", "docx"))
    (t,) = [a for a in n.attachments if a.number == number][0].tables
    spans = {(c.row, c.col, c.row_span, c.col_span) for c in t.cells
             if c.row_span > 1 or c.col_span > 1}
    assert spans == SEED001_SPANS[number]
    assert (t.n_rows, t.n_cols) == ({1: (12, 8), 4: (7, 6)}[number])


def test_seed001_header_fields_notes_and_slots():
    from pipeline.stages.run import extract_file

    n = extract_file(_seed("001_dde7b99b86b616a6", "docx"))
    by = {a.number: a for a in n.attachments}
    assert by[1].title_differs and by[1].body_title.startswith("2018")
    t4 = by[4].tables[0]
    assert [(f.label, f.slots) for f in t4.header_fields] == [
        ("企业名称（盖章）", [""]), ("填写日期", ["年", "月", "日"])]
    assert t4.copies == 3 and len(t4.notes) == 2
    f = [f for f in by[1].tables[0].fields if f.label == "班组人员构成情况"][0]
    assert f.slots[:3] == ["共", "男", "女"] and "平均年龄" in f.slots


def test_seed003_footer_fields():
    from pipeline.stages.run import extract_file

    n = extract_file(_seed("003_0fb55c4c84d933ae", "txt"))
    t = n.attachments[0].tables[0]
    assert [f.label for f in t.footer_fields] == ["联系人", "联系电话", "填报日期"]
    assert [f.label for f in t.header_fields] == ["填报单位"]
    assert t.notes[0].startswith("注")


# --------------------------------------------------------------------------
# notices of our own (python-docx, merged cells via cell.merge), gold-style


def make_notice(path: Path, *, listed, bodies, title="关于开展2024年职工技能竞赛活动的通知") -> Path:
    """A small circular: 版头, title, 主送, body, 附件说明 (``listed``:
    [(number or None, title)]), signature, date, then one page per body
    (dict: label, title, before=[lines], tables=[(rows, merges)], after=[lines])."""
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    for line in ("某某区总工会文件", "某工〔2024〕7号", title, "各基层工会：",
                 "为做好有关工作，现将有关事项通知如下。请各单位于2024年5月10日前报送。"):
        d.add_paragraph(line)
    if len(listed) == 1 and listed[0][0] is None:
        d.add_paragraph(f"附件：{listed[0][1]}")
    else:
        for k, (num, t) in enumerate(listed):
            d.add_paragraph(f"附件：{num}．{t}" if k == 0 else f"{num}．{t}")
    d.add_paragraph("某某区总工会")
    d.add_paragraph("2024年4月1日")
    for b in bodies:
        d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        d.add_paragraph(b["label"])
        d.add_paragraph(b["title"])
        for line in b.get("before", []):
            d.add_paragraph(line)
        for rows, merges in b["tables"]:
            t = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            t.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, txt in enumerate(r):
                    if txt:
                        t.cell(i, j).text = txt
            for r0, c0, r1, c1 in merges:
                t.cell(r0, c0).merge(t.cell(r1, c1))
        for line in b.get("after", []):
            d.add_paragraph(line)
    d.save(path)
    return path


def _spans(t):
    return {(c.row, c.col, c.row_span, c.col_span) for c in t.cells if c.row_span > 1 or c.col_span > 1}


OWN = {
    # 1. a registration form with a photo cell (vMerge) and a wide blank (gridSpan)
    "form_photo": (
        dict(listed=[(1, "2024年职工技能竞赛报名表")],
             bodies=[dict(label="附件1", title="2024年职工技能竞赛报名表",
                          before=["单位名称（盖章）：", "填报日期：    年  月  日"],
                          tables=[([["姓名", "", "性别", "", "照片"], ["工种", "", "年龄", "", ""],
                                    ["工作简历", "", "", "", ""]], [(0, 4, 1, 4), (2, 1, 2, 4)])],
                          after=["备注：此表一式两份，于5月10日前报送。"])]),
        [dict(number=1, title="2024年职工技能竞赛报名表", present=True, kind="form",
              header=["姓名", "性别", "照片"], spans={(0, 4, 2, 1), (2, 1, 1, 4)},
              header_fields=["单位名称（盖章）", "填报日期"], copies=2)]),
    # 2. a list with a two-level header (vMerge 序号/姓名, gridSpan 成绩)
    "two_level_list": (
        dict(listed=[(1, "成绩汇总表")],
             bodies=[dict(label="附件1", title="成绩汇总表",
                          tables=[([["序号", "姓名", "成绩", ""], ["", "", "初赛", "复赛"], ["", "", "", ""],
                                    ["", "", "", ""]], [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3)])])]),
        [dict(number=1, title="成绩汇总表", present=True, kind="list", header=["序号", "姓名", "成绩"],
              spans={(0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 1, 2)},
              columns=["序号", "姓名", "成绩/初赛", "成绩/复赛"])]),
    # 3. two attachments, one listed but sent separately (present False)
    "separate_file": (
        dict(listed=[(1, "先进班组推荐表"), (2, "活动方案（另发）")],
             bodies=[dict(label="附件1", title="先进班组推荐表",
                          tables=[([["班组名称", "", "", "人数", ""], ["主要事迹", "", "", "", ""]],
                                   [(0, 1, 0, 2), (1, 1, 1, 4)])],
                          after=["注：此表一式三份。"])]),
        [dict(number=1, title="先进班组推荐表", present=True, kind="form", header=["班组名称", "人数"],
              spans={(0, 1, 1, 2), (1, 1, 1, 4)}, copies=3),
         dict(number=2, title="活动方案（另发）", present=False, tables=0)]),
    # 4. page heading differs from the 附件说明 title; list with a merged 合计 row
    "title_differs": (
        dict(listed=[(1, "2024年职工疗休养名额分配表")],
             bodies=[dict(label="附件1", title="2024年度职工疗休养活动名额分配表",
                          before=["填报单位："],
                          tables=[([["序号", "单位", "名额", "备注"], ["1", "", "", ""], ["合计", "", "", ""]],
                                   [(2, 0, 2, 1)])])]),
        [dict(number=1, title="2024年职工疗休养名额分配表", present=True, kind="list",
              header=["序号", "单位", "名额", "备注"], spans={(2, 0, 1, 2)}, title_differs=True)]),
    # 5. a single unnumbered attachment (附件：title / 附件)
    "single_unnumbered": (
        dict(listed=[(None, "职工服务需求登记表")],
             bodies=[dict(label="附件", title="职工服务需求登记表",
                          tables=[([["企业名称", "", "联系电话", ""], ["服务需求", "", "", ""]],
                                   [(1, 1, 1, 3)])])]),
        [dict(number=1, title="职工服务需求登记表", present=True, kind="form",
              header=["企业名称", "联系电话"], spans={(1, 1, 1, 3)})]),
    # 6. 附件一/附件二 Chinese numbering; a list and a form in one notice
    "chinese_numbers": (
        dict(listed=[(1, "参赛选手名单"), (2, "参赛单位信息表")],
             bodies=[dict(label="附件一", title="参赛选手名单",
                          tables=[([["序号", "姓名", "性别", "工种"], ["", "", "", ""]], [])]),
                     dict(label="附件二", title="参赛单位信息表",
                          tables=[([["单位名称", "", "", ""], ["领队", "", "手机", ""]], [(0, 1, 0, 3)])])]),
        [dict(number=1, title="参赛选手名单", present=True, kind="list", header=["序号", "姓名", "性别", "工种"],
              spans=set()),
         dict(number=2, title="参赛单位信息表", present=True, kind="form", header=["单位名称"],
              spans={(0, 1, 1, 3)})]),
}


@pytest.mark.parametrize("name", sorted(OWN))
def test_own_notice(name, tmp_path):
    from pipeline.stages.run import extract_file

    spec, gold = OWN[name]
    n = extract_file(make_notice(tmp_path / f"{name}.docx", **spec))
    got = {a.number: a for a in n.attachments}
    for g in gold:
        a = got[g["number"]]
        assert (a.title, a.present) == (g["title"], g["present"])
        if "tables" in g:
            assert len(a.tables) == g["tables"]
            continue
        (t,) = a.tables
        assert (t.kind, t.header, _spans(t)) == (g["kind"], g["header"], g["spans"])
        if "columns" in g:
            assert t.columns == g["columns"]
        if "header_fields" in g:
            assert [f.label for f in t.header_fields] == g["header_fields"]
        if "copies" in g:
            assert t.copies == g["copies"]
        if "title_differs" in g:
            assert a.title_differs is g["title_differs"]
