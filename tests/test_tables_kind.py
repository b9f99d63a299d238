"""extractors.table_kind: ``list`` / ``form`` decided by structure, class by
class (ANNOTATION.md attachments; real/README.md; gold NOTES.md), and the
passages in corpus/passages/tables that reproduce each class."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.table_kind import value_like
from extractors.tables import build_table
from test_tables import grid

PASSAGES = Path(__file__).resolve().parents[1] / "corpus" / "passages" / "tables"

# (class, rows, merges (r0, c0, r1, c1 inclusive), kind) — one case per line
KIND_CASES = [
    # value cells printed with a hint, check boxes or a sign-off are still blanks
    ("bracket hint", [["申报单位", "（盖章）"], ["作品名称", ""], ["作品简介", "（200字以内）"]], [], "form"),
    ("bracket hint 4 cols", [["推荐单位", "（公章）", "", ""], ["姓名", "", "性别", ""]], [(0, 1, 0, 3)], "form"),
    ("check boxes", [["是否工会会员", "□是　□否"], ["联系电话", ""]], [], "form"),
    ("check boxes ☐", [["婚姻状况", "☐已婚 ☐未婚"], ["住址", ""]], [], "form"),
    ("sign-off", [["单位意见", "盖章　　年　月　日"], ["经办人", ""]], [], "form"),
    # labels over a blank row, then label/blank rows across the header's columns
    ("labels over spans", [["姓名", "性别", "出生年月", "民族", "照片"], ["", "", "", "", ""],
                           ["工作单位", "", "", "", ""], ["主要事迹", "", "", "", ""]],
     [(0, 4, 1, 4), (2, 1, 2, 4), (3, 1, 3, 4)], "form"),
    ("labels over pairs", [["姓名", "性别", "年龄", "政治面貌"], ["", "", "", ""],
                           ["工作单位", "", "职务", ""], ["出生年月", "", "联系电话", ""]], [], "form"),
    ("labels over spans + ghost row", [["姓名", "单位", "职务"], ["", "", ""], ["推荐理由", "", ""],
                                       ["单位意见", "", ""], ["", "", ""]], [(2, 1, 2, 2), (3, 1, 3, 2)], "form"),
    # a filled two-column sheet of labels and values
    ("filled label/value", [["活动时间", "2024年5月10日"], ["活动地点", "市工人文化宫"], ["参加对象", "各基层工会主席"]], [], "form"),
    ("filled label/value spanned", [["报到时间", "6月3日上午9:00", ""], ["报到地点", "市总工会三楼", ""],
                                    ["联系人", "周老师", ""]], [(0, 1, 0, 2), (1, 1, 1, 2), (2, 1, 2, 2)], "form"),
    ("one label over a pair and a ghost row", [["基本情况", "", ""], ["姓名", "", ""], ["", "", ""]], [(0, 0, 0, 2), (1, 1, 1, 2)], "form"),
    # lists stay lists
    ("filled schedule", [["时间", "内容"], ["5月10日上午", "开幕式"], ["5月10日下午", "分组比赛"]], [], "list"),
    ("filled two-column list", [["项目", "要求"], ["书法", "四尺整张，竖幅"], ["摄影", "组照3至6张"]], [], "list"),
    ("unlabelled edge column", [["序号", "姓名", "部门", ""], ["1", "", "", ""], ["2", "", "", ""]], [], "list"),
    ("row labels", [["", "姓名", "性别", "单位"], ["领队", "", "", ""], ["队员", "", "", ""]], [], "list"),
    ("row labels spanned", [["", "", "姓名", "单位"], ["指挥", "", "", ""], ["伴奏", "", "", ""]],
     [(0, 0, 0, 1), (1, 0, 1, 1), (2, 0, 2, 1)], "list"),
    ("scoring rows", [["序号", "项目", "得分"], ["1", "安全生产", ""], ["2", "职工培训", ""]], [], "list"),
    ("two-column scoring", [["项目", "分值"], ["安全生产", ""], ["职工培训", ""]], [], "list"),
    ("side by side", [["项目", "数量", "项目", "数量"], ["书屋面积", "", "藏书册数", ""],
                      ["电子终端", "", "借阅人次", ""]], [], "list"),
    ("section rows", [["序号", "考核内容", "分值", "得分"], ["一、组织建设", "", "", ""], ["1", "班子健全", "10", ""],
                      ["二、制度建设", "", "", ""], ["三、工作成效", "", "", ""]], [(1, 0, 1, 2), (3, 0, 3, 2), (4, 0, 4, 2)], "list"),
    ("totals row only", [["序号", "单位名称", "参赛人数", "领队"], ["合计", "单位数", "", "人数"]], [], "list"),
    ("totals row spanned", [["序号", "单位", "人数", "金额"], ["", "", "", ""], ["合计", "", "", ""]],
     [(2, 0, 2, 1)], "list"),
    ("signature footer row", [["项目", "评测要求", "分值", "得分"], ["科学性", "目标明确", "4", ""],
                              ["规范性", "环节完整", "3", ""], ["评委签名", "", "合计得分", ""]], [], "list"),
    ("fill-in row above labels", [["填报单位：", "", "填报日期：", ""], ["序号", "单位", "人数", "备注"],
                                  ["", "", "", ""]], [], "list"),
    ("sign-in sheet", [["序号", "姓名", "单位", "签名"], ["", "", "", ""], ["", "", "", ""]], [], "list"),
    ("sign-in sheet bracketed", [["序号", "姓名", "本人签字（签名）"], ["", "", ""]], [], "list"),
    ("lone header row", [["企业名称", "竞赛项目", "组织方式"]], [], "list"),
    ("letter-spaced list header", [["序号", "姓 名", "性 别", "名 次"], ["1", "", "", ""], ["2", "", "", ""]], [], "list"),
    ("letter-spaced header + opinion footer", [["序号", "姓 名", "部门", "职 务"], ["1", "", "", ""], ["2", "", "", ""],
                                              ["3", "", "", ""], ["工会意见（盖章）", "", "行政意见（盖章）", ""]], [], "list"),
    ("letter-spaced three-character label", [["序 号", "单 位", "联 系 人", "电 话"], ["1", "", "", ""], ["2", "", "", ""]], [], "list"),
    # opinion boxes: a signer's role before the sign-off is still a value cell
    ("opinion boxes", [["车间意见", "车间主任（签字）\n年 月 日"], ["评审意见", "评审组长（签名或盖章）\n年 月 日"]], [], "form"),
    ("opinion boxes 4 cols", [["初审意见", "单位盖章 年 月 日", "", ""],
                              ["复审意见", "负责人（签字） 年 月 日", "备注", "盖 章 年 月 日"]], [(0, 1, 0, 3)], "form"),
]


@pytest.mark.parametrize("name,rows,merges,kind", KIND_CASES, ids=[c[0] for c in KIND_CASES])
def test_kind_by_class(name, rows, merges, kind):
    assert build_table(grid(rows, merges)).kind == kind


# a traditional page: ``raw`` printed traditional with gaps, ``text`` simplified and squashed
TRADITIONAL_CASES = [
    ("opinion boxes", [["車間意見", "車間主任（簽字）\n年 月 日"], ["評審意見", "評審組長（簽名或蓋章）\n年 月 日"]],
     [["车间意见", "车间主任（签字）年月日"], ["评审意见", "评审组长（签名或盖章）年月日"]], "form"),
    ("letter-spaced list header", [["序號", "姓 名", "單 位"], ["1", "", ""], ["2", "", ""]],
     [["序号", "姓名", "单位"], ["1", "", ""], ["2", "", ""]], "list"),
    ("blank in a cell", [["參賽人數", "共 人", "領隊", ""], ["聯繫電話", "", "郵箱", ""]],
     [["参赛人数", "共人", "领队", ""], ["联系电话", "", "邮箱", ""]], "form"),
]


@pytest.mark.parametrize("name,raw,text,kind", TRADITIONAL_CASES, ids=[c[0] for c in TRADITIONAL_CASES])
def test_kind_reads_traditional_cells_simplified(name, raw, text, kind):
    g = grid(raw)
    for c in g.cells:
        c.text = text[c.row][c.col]
    assert build_table(g).kind == kind


VALUE_CASES = [
    ("（盖章）", True),
    ("(签字)", True),
    ("（限300字以内）", True),
    ("□是　□否", True),
    ("盖章 2018年 月 日", True),
    ("签字　2025年　月　日", True),
    ("年 月 日", True),
    ("签名", False),
    ("车间主任（签字）\n年 月 日", True),
    ("评审组长（签名或盖章） 年 月 日", True),
    ("单位盖章　年　月　日", True),
    ("盖 章\n年 月 日", True),
    ("负责人签字", False),
    ("请于5月前签字盖章 年 月 日", False),
    ("姓 名", False),
    ("盖章", False),
    ("本人签字", False),
    ("共 人，其中男 人", True),
    ("金额（元）", False),
    ("参与人数(规模)", False),
    ("姓名", False),
    ("二〇二五年", False),
    ("以单位名义上报的，此栏不填", False),
    ("", False),
]


@pytest.mark.parametrize("text,expected", VALUE_CASES, ids=[c[0] or "empty" for c in VALUE_CASES])
def test_value_like(text, expected):
    assert value_like(text) is expected


@pytest.mark.parametrize("path", sorted(p for p in PASSAGES.glob("*.*") if p.suffix in (".txt", ".htm")),
                         ids=lambda p: p.stem)
def test_passage_kinds_match_gold(path):
    from pipeline.stages.run import extract_file

    gold = json.loads((PASSAGES / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
    n = extract_file(path)
    got = [(a.number, [(t.kind, t.header) for t in a.tables]) for a in n.attachments]
    want = [(a["number"], [(t["kind"], t["header"]) for t in a["tables"]]) for a in gold["attachments"]]
    assert got == want
