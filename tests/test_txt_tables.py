"""pipeline.readers.txt_tables: tables in plain-text circulars (issue 5)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.readers.txt_tables import TableSpan, grid_text, split

SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "seeds"


def tables(text: str) -> list[list[list[str]]]:
    """Row texts of every table that split() finds in ``text``."""
    return [p.grid.row_texts() for k, p in split(text.split("\n")) if k == "table"]


# (text with → as tab, expected tables as row lists) — one case per line
CASES = [
    # seed 000: a lone header row (blank rows dropped by the export) is a table
    ("单位:\n\n企业名称→竞赛项目→组织方式→参与人数(规模)→时间安排\n\n此表请于8月20日前上报",
     [[["企业名称", "竞赛项目", "组织方式", "参与人数(规模)", "时间安排"]]]),
    # seed 001: padding cells of merged positions kept; indented continuation row
    ("单位名称→→→何时组建→\n班组人员构成情况→共人，其中男人→→→\n→平均年龄 岁→→→",
     [[["单位名称", "", "", "何时组建", ""], ["班组人员构成情况", "共人，其中男人", "", "", ""],
       ["", "平均年龄 岁", "", "", ""]]]),
    # a single label<TAB>value line is text, not a table
    ("联系人：→张三", []),
    # one tab-led line (004's 抄送 line) is text
    ("→  抄送：市国资委，市经信委\n局。", []),
    # seed 003 layout: tab-led line = new cell, plain line continues it, blank = row end
    ("填报单位：\n→序号\n→负责人\n姓名及职务\n→服务队\n人数\n\n→\n→\n→\n\n\n注：表格不够可另附",
     [[["序号", "负责人姓名及职务", "服务队人数"], ["", "", ""]]]),
    # a note right after the last cell line is not a continuation
    ("→序号\n→名称\n\n→1\n→甲\n注：此表一式两份", [[["序号", "名称"], ["1", "甲"]]]),
    # tab-indented prose paragraphs are not a table
    ("→一、活动时间为全年，各单位应当认真组织本单位职工积极参加各项活动并做好总结上报工作。\n"
     "→二、活动内容由各基层工会结合实际自行确定，报区总工会备案后实施，确保取得实效。", []),
    # lines indented by runs of tabs, one value each (a saved page's layout), are text
    ("→→→→→→→→\n→→→→→→→→→新闻来源:未知\n→→→→→→→→→浏览人次:0", []),
    ("→→→→\n→→→→关于开展推荐工作的通知", []),
    # one blank line between tab rows of the same width is tolerated
    ("姓名→性别→年龄\n\n张三→男→30", [[["姓名", "性别", "年龄"], ["张三", "男", "30"]]]),
    # Latin continuation lines are joined with a space
    ("→Name\n→Phone\nnumber\n\n→a\n→b", [[["Name", "Phone number"], ["a", "b"]]]),
    # ragged rows are kept as printed (extractors.tables pads them)
    ("序号→名称→数量\n1→甲\n2→乙→3→多", [[["序号", "名称", "数量"], ["1", "甲"], ["2", "乙", "3", "多"]]]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:12] for c in CASES])
def test_split_tables(text, expected):
    assert tables(text.replace("→", "\t")) == expected


def test_every_line_accounted_for_once():
    lines = "标题\n\n序号\t名称\t数量\n1\t甲\t2\n\n备注：无\n\t序号\n\t名称\n\n\t\n\t".split("\n")
    seen: list[int] = []
    for kind, p in split(lines):
        if kind == "text":
            seen.append(p)
        else:
            assert isinstance(p, TableSpan)
            seen.extend(range(p.start, p.end))
    assert seen == list(range(len(lines)))


def test_grid_text_is_block_convention():
    (_, span), = [x for x in split(["a\tb\tc", "1\t\t3"]) if x[0] == "table"]
    assert grid_text(span.grid) == "a\tb\tc\n1\t\t3"


@pytest.mark.parametrize("lines", [[], [""], ["\t"], ["\t\t\t"], ["\t", "", "\t"], ["x"] * 3])
def test_degenerate_input_never_raises(lines):
    out = split(lines)
    n = sum(1 if k == "text" else p.end - p.start for k, p in out)
    assert n == len(lines)


@pytest.mark.parametrize("stem,n_tables,shape", [
    ("000_beae532f0dc098a7", 2, [(1, 5), (1, 7)]),
    ("001_dde7b99b86b616a6", 5, [(12, 8), (2, 6), (12, 6), (7, 6), (7, 5)]),
    ("002_a6ecc3133544287b", 0, []),
    ("003_0fb55c4c84d933ae", 2, [(4, 6), (4, 7)]),
    ("004_4b022b1849280ac0", 0, []),
])
def test_seed_txt_tables(stem, n_tables, shape):
    p = SEEDS / f"{stem}.txt"
    if not p.exists():
        pytest.skip("seed not copied")
    found = [s for k, s in split(p.read_text(encoding="utf-8").split("\n")) if k == "table"]
    assert len(found) == n_tables
    assert [(s.grid.n_rows, s.grid.n_cols) for s in found] == shape


@pytest.mark.parametrize("text,spans", [
    ("序号→单位→参赛选手→<<→<<→领队", {(0, 2, 1, 3)}),
    ("合计→<<→5\n^^→^^→6", {(0, 0, 2, 2)}),
    ("类别→内容\n一全→甲\n^^→乙", {(1, 0, 2, 1)}),
    ("<<→a→b", set()),  # nothing on the left: stays text
])
def test_corpus_merge_markers(text, spans):
    (_, p), = [x for x in split(text.replace("→", "\t").split("\n")) if x[0] == "table"]
    assert {(c.row, c.col, c.row_span, c.col_span) for c in p.grid.cells
            if c.row_span > 1 or c.col_span > 1} == spans
