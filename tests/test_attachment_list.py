"""附件说明 read from text cues (extractors/attachment_list.py): every class
issue 11 names, each on sentences written for this project."""
from __future__ import annotations

import pytest

from extractors.attachment_list import clean_title, numbered, parse, spaced_text
from models.document import Block
from pipeline.stages.normalise import normalise_text


@pytest.mark.parametrize("item, titles", [
    ("职工书画展参展作品登记表.docx", ["职工书画展参展作品登记表"]),
    ("2023年度困难职工帮扶台账.XLS", ["2023年度困难职工帮扶台账"]),
    ("先进班组推荐汇总表202305061122334455.docx", ["先进班组推荐汇总表"]),
    ("关于评选优秀工会积极分子的实施细则.pdf区总工会", ["关于评选优秀工会积极分子的实施细则"]),
    ("《职工健步走活动报名表》", ["职工健步走活动报名表"]),
    ("《职工之家建设标准》、《职工之家申报表》、《验收评分细则》",
     ["职工之家建设标准", "职工之家申报表", "验收评分细则"]),
    ("《劳动法》学习竞赛题库及《答题卡》", ["《劳动法》学习竞赛题库及《答题卡》"]),
    ("羽毛球比赛报名表 机关工会 2022年5月6日", ["羽毛球比赛报名表"]),
    ("劳模疗休养人员名单 市总工会 市劳模协会 2021年9月1日", ["劳模疗休养人员名单"]),
    ("“巾帼建功”标兵推荐表；", ["“巾帼建功”标兵推荐表"]),
    ("征文投稿登记表 抄送:市文明办", ["征文投稿登记表"]),
    ("技能比武报名表 附件1 技能比武报名表", ["技能比武报名表"]),
    # the file's own label inside the item, a link label before it
    ("附件1:关于申报青州市科学技术奖的通知", ["关于申报青州市科学技术奖的通知"]),
    ("提案表附件1:提案表(空表).doc", ["提案表(空表)"]),
    # the page's link after the title; the title and its download's file name under it
    ("2025年职工创新项目申报公告(http://www.example.gov.cn/n1/2025/0929/c4310.html)", ["2025年职工创新项目申报公告"]),
    ("青州市社科联课题立项协议书(一般课题)青州市社科联课题立项协议书(一般课题).docx", ["青州市社科联课题立项协议书(一般课题)"]),
])
def test_clean_title(item, titles):
    assert clean_title(item) == titles


@pytest.mark.parametrize("text, items", [
    ("1.春季运动会项目表 2.运动员报名表", [(1, "春季运动会项目表 "), (2, "运动员报名表")]),
    ("1、2024年度职工疗休养线路;2、疗休养报名表", [(1, "2024年度职工疗休养线路;"), (2, "疗休养报名表")]),
    ("1.第2、3批创建单位名单 2.验收表", [(1, "第2、3批创建单位名单 "), (2, "验收表")]),
    ("1.5万元以下项目清单", []),
    ("职工读书月活动方案", []),
    # sub-numbered parts of a forwarded notice's attachments: numbered in order
    ("1-1关于评选模范职工之家的通知 1-2申报材料格式要求", [(1, "关于评选模范职工之家的通知 "), (2, "申报材料格式要求")]),
    ("2-1 劳动竞赛报名表 2-2 劳动竞赛汇总表 3-1 评分办法", [(1, "劳动竞赛报名表 "), (2, "劳动竞赛汇总表 "), (3, "评分办法")]),
    ("1－1.先进班组推荐表；1－2.推荐汇总表", [(1, "先进班组推荐表；"), (2, "推荐汇总表")]),
    ("1-1 2023年1-6月会员发展统计表 1-2 填表说明", [(1, "2023年1-6月会员发展统计表 "), (2, "填表说明")]),
    ("1-3月困难职工名单", []),
    ("1-10号楼住户名单", []),
    # items numbered by a figure run into the 《 of the title
    ("1《劳模管理办法》2《市总经济部通知》", [(1, "《劳模管理办法》"), (2, "《市总经济部通知》")]),
])
def test_numbered(text, items):
    assert numbered(text) == items


@pytest.mark.parametrize("text, expected", [
    ("附件:1.春季运动会项目表 2.运动员报名表", [(1, "春季运动会项目表"), (2, "运动员报名表")]),
    ("附件: 1、2024年“健康工会 快乐职工”健步走报名表 区总工会 2024年4月2日",
     [(1, "2024年“健康工会快乐职工”健步走报名表")]),
    ("附件:困难职工登记表 附件:慰问金发放办法.docx工会办公室",
     [(1, "困难职工登记表"), (2, "慰问金发放办法")]),
    ("附件1:摄影作品登记表 附件2:摄影作品汇总表", [(1, "摄影作品登记表"), (2, "摄影作品汇总表")]),
    ("附:参加互助保障职工名单", [(1, "参加互助保障职工名单")]),
    ("附件:1.报名表 2.汇总表 镇总工会 2020年3月1日 附件1 报名表",
     [(1, "报名表"), (2, "汇总表")]),
    ("附件:《安全知识竞赛规则》、《竞赛报名表》", [(1, "安全知识竞赛规则"), (2, "竞赛报名表")]),
    ("- 附件：1、年度竞赛计划表 2、年度竞赛汇总表", [(1, "年度竞赛计划表"), (2, "年度竞赛汇总表")]),
    ("附件 1.职工运动会规程 2.报名表", [(1, "职工运动会规程"), (2, "报名表")]),
    # items run together after a closing 》 or a file extension
    ("附件：1.《职业技能大赛报名表》2.《职业技能大赛项目申报表》", [(1, "职业技能大赛报名表"), (2, "职业技能大赛项目申报表")]),
    ("附件:1.《读书征文报名表》2.《征文汇总表》3.《评分标准》",
     [(1, "读书征文报名表"), (2, "征文汇总表"), (3, "评分标准")]),
    ("附件:1.慰问对象花名册.xls2.资金使用统计表.xlsx", [(1, "慰问对象花名册"), (2, "资金使用统计表")]),
    ("附件:1.关于学习《工会法》2.3条的说明 2.汇总表", [(1, "关于学习《工会法》2.3条的说明"), (2, "汇总表")]),
    # a label numbered with a full stop or in Chinese numerals introduces its own item
    ("附件1.《报名表》 附件2.《汇总表》", [(1, "报名表"), (2, "汇总表")]),
    ("附件1、职工书屋申报表 附件2、推荐汇总表", [(1, "职工书屋申报表"), (2, "推荐汇总表")]),
    ("附件一：报名表 附件二：汇总表", [(1, "报名表"), (2, "汇总表")]),
    ("附件十二：评分细则", [(12, "评分细则")]),
    # several documents named in one item, and a download list
    ("附件：职工运动会报名表、职工运动会竞赛规程", [(1, "职工运动会报名表"), (2, "职工运动会竞赛规程")]),
    ("附件：先进集体、先进个人推荐表", [(1, "先进集体、先进个人推荐表")]),  # one form for both
    ("附件下载：1.报名表.doc 2.汇总表.xls", [(1, "报名表"), (2, "汇总表")]),
    # the download link under the list repeats the listed file's name: one attachment
    ("附件下载：职工健步走比赛报名表.docx 职工健步走比赛报名表.docx", [(1, "职工健步走比赛报名表")]),
    ("附件：1.“书香工会”征文汇总表.xls “书香工会”征文汇总表.xls", [(1, "“书香工会”征文汇总表")]),
    ("附件：报名表.doc 汇总表.xls 报名表.doc", [(1, "报名表"), (2, "汇总表")]),
    # a link's path printed after its text, a download list's index before a quoted title
    ("附件:1. 团总支/支部成立申请表/upload/file/20160926/团总支、团支部成立申请表.doc",
     [(1, "团总支/支部成立申请表")]),
    ("附件下载:3“书香职工”推荐表.doc", [(1, "“书香职工”推荐表")]),
    ("相关附件：1.职工书屋申报表", [(1, "职工书屋申报表")]),
    ("相关附件: 健步走活动报名表.xlsx 健步走活动细则.pdf", [(1, "健步走活动报名表"), (2, "健步走活动细则")]),
    ("附件：读书征文汇总表.xls 征文格式要求.doc 校工会", [(1, "读书征文汇总表"), (2, "征文格式要求")]),
    # sub-numbered items and labels (1-1, 1-2): numbered 1, 2 in order
    ("附件: 1-1关于开展职工技能比武的通知 1-2比武项目及规则", [(1, "关于开展职工技能比武的通知"), (2, "比武项目及规则")]),
    ("附件1-1：女职工权益知识竞赛报名表 附件1-2：竞赛题库", [(1, "女职工权益知识竞赛报名表"), (2, "竞赛题库")]),
    ("附件2-1.困难职工建档表 附件2-2.帮扶台账", [(1, "困难职工建档表"), (2, "帮扶台账")]),
    # the body's last section is the list ("七、附：…")
    ("七、附:职工创新工作室申报表。", [(1, "职工创新工作室申报表")]),
    ("（五）附件：1.申报表 2.汇总表", [(1, "申报表"), (2, "汇总表")]),
    # a publisher's (略); a cut signature run on after a quoted title
    ("附件:1.劳动模范推荐名额分配表(略) 2.市直推荐名额分配表(略)", [(1, "劳动模范推荐名额分配表"), (2, "市直推荐名额分配表")]),
    ("附件: 《2015年工会会员缴纳会费统计表》江岭中医药大学工", [(1, "2015年工会会员缴纳会费统计表")]),
])
def test_parse(text, expected):
    assert [(i.number, i.title) for i in parse(text)] == expected


def test_spaced_text_keeps_printed_spaces_between_cjk():
    raw = "附件: 1、报名表 校工会 2019年3月27日"
    text, offs = normalise_text(raw)
    b = Block(kind="paragraph", raw=raw, text=text, offsets=offs)
    assert "报名表校工会" in text
    assert spaced_text(b) == "附件: 1、报名表 校工会 2019年3月27日"


# one-line pastes of a notice: attachment pages found after the 成文日期 (extractors/attachments.py)
ONE_LINE_CASES = [
    ("各分工会： 请于7月4日前报名。 校工会 2025年6月24日 附件 2025年暑期疗休养线路一览(省内) 说明：线路详情见校工会主页。",
     [(1, "2025年暑期疗休养线路一览(省内)", True)]),
    ("各车间工会： 请于3月1日前报送。 公司工会 2024年2月5日 附件2 女职工专项体检分组安排表",
     [(2, "女职工专项体检分组安排表", True)]),
    # two tableless pages on one line, each label with its title: read as the list they name
    ("各分工会： 请于7月4日前报名。 校工会 2025年6月24日 附件1 疗休养报名表 附件2 疗休养线路说明",
     [(1, "疗休养报名表", False), (2, "疗休养线路说明", False)]),
    # a download link after the signature is listed, not a page
    ("各分工会： 请于7月4日前报名。 校工会 2025年6月24日 附件1：疗休养报名表.doc", [(1, "疗休养报名表", False)]),
]


@pytest.mark.parametrize("text, expected", ONE_LINE_CASES)
def test_one_line_attachment_pages(tmp_path, text, expected):
    from pipeline.stages.run import extract_file

    p = tmp_path / "notice.txt"
    p.write_text(text, encoding="utf-8")
    assert [(a.number, a.title, a.present) for a in extract_file(p).attachments] == expected


@pytest.mark.parametrize("text", [
    "各分工会:\n请于5月1日前报名。\n校工会\n2024年4月1日\n附件:\n",  # an excerpt cut after the label
    "各分工会:\n请于5月1日前报名。\n校工会\n2024年4月1日\n附件1\n",
    "各分工会:\n请于5月1日前报名。\n校工会\n2024年4月1日\n附件下载链接:\n",  # a link label, its link lost
])
def test_label_with_nothing_after_it_gives_no_attachment(text):
    from pipeline.readers import read_bytes
    from pipeline.stages.run import extract_document

    assert extract_document(read_bytes("case.txt", text.encode("utf-8"))).attachments == []


# an excerpt that ends inside the last listed title: that item is left out (README "Choices");
# a closed last title, or an open one with text after it, is kept
@pytest.mark.parametrize("text, titles", [
    ("各县区总工会:\n请于5月1日前报送。\n附件:1.推荐表\n2.《市总工会办公室关于开展第十", ["推荐表"]),
    ("各分工会:\n请于5月1日前报名。\n附件:1.报名表\n2.许昌市劳动模范(先进工作", ["报名表"]),
    ("各分工会:\n请于5月1日前报名。\n附件:1.报名表\n2.“示范职工小家", ["报名表"]),
    ("各分工会:\n请于5月1日前报名。\n附件:1.报名表\n2.《劳模疗休养管理办法》", ["报名表", "劳模疗休养管理办法"]),
    # "附:" heading a list whose items are numbered by a figure run into the 《
    ("各分工会:\n请于5月1日前报送。\n附:\n1《劳模管理办法》\n2《在职劳模信息表》\n教育工会\n2016年3月10日\n",
     ["劳模管理办法", "在职劳模信息表"]),
])
def test_title_cut_by_the_excerpt_end_is_left_out(text, titles):
    from pipeline.readers import read_bytes
    from pipeline.stages.run import extract_document

    got = extract_document(read_bytes("case.txt", text.encode("utf-8"))).attachments
    assert [a.title for a in got] == titles


def test_link_to_the_notice_itself_is_no_attachment():
    """A page's link to the notice's own file above its title is no attachment; a file after the body is."""
    from pipeline.readers import read_bytes
    from pipeline.stages.run import extract_document

    text = ("2、江岭市总工会关于举办书法比赛的通知.doc\n江岭市总工会关于举办书法比赛的通知\n江工发〔2013〕2号\n"
            "各区总工会:\n请于5月1日前报名。\n江岭市总工会\n2013年4月1日\n书法比赛报名表.xls\n")
    rec = extract_document(read_bytes("case.txt", text.encode("utf-8")))
    assert [(a.number, a.title) for a in rec.attachments] == [(1, "书法比赛报名表")]

