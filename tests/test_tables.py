"""extractors.tables: grids → Table (header, kind, spans, fields, notes) and
attachment title matching (ANNOTATION.md attachments; gold NOTES.md; issue 5)."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.tables import (build_table, inline_slots, match_titles, parse_field_line,
                               title_similarity, titles_differ)
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
