"""Page forms and line shapes read on the real pages of the AH dev set (issue 11),
each as a case we wrote (names, numbers and places invented): a 公示 run onto one
line whose 署名 names five bodies glued together; a contact run into the 附件
label; a page's source line after the 成文日期; a gambling advert over the title
and in the breadcrumb; a 信息公开 catalogue printed as its values alone; a column
named again under the breadcrumb; the notice's own title, its 文种 lost, under the
page's heading; a compact date with its time before 截止; 附件 items each with
its own label glued on. One case per line: the text as a reader gets it, the
values expected."""
from __future__ import annotations

import datetime as dt

import pytest

from extractors.orgs import split_joined, split_orgs
from pipeline.readers import read_bytes
from pipeline.stages.injected import drop_adverts
from pipeline.stages.run import extract_document

B = "为做好相关工作，现将有关事项通知如下：一、请各单位认真组织。二、按时完成各项任务。"
D = dt.date


def run(text: str, name: str = "case.txt"):
    return extract_document(read_bytes(name, text.encode("utf-8")))


@pytest.mark.parametrize("line, names", [
    # five bodies of a joint 署名 glued into one run longer than any one name
    ("江岭县总工会中共江岭县委宣传部江岭县人力资源和社会保障局共青团江岭县委员会江岭县妇女联合会",
     ["江岭县总工会", "中共江岭县委宣传部", "江岭县人力资源和社会保障局", "共青团江岭县委员会", "江岭县妇女联合会"]),
    ("河湾市总工会河湾市教育局河湾市科学技术协会河湾市财政局河湾市应急管理局",
     ["河湾市总工会", "河湾市教育局", "河湾市科学技术协会", "河湾市财政局", "河湾市应急管理局"]),
    # one long name stays whole
    ("中国海员建设工会江岭省委员会", ["中国海员建设工会江岭省委员会"]),
])
def test_glued_signature_names(line, names):
    """Split as the 署名 reader splits a line: names apart, then names run together."""
    assert [p for n in split_orgs(line) for p in split_joined(n)] == names


PUBLICITY = ("根据上级通知要求,经各单位推荐、考察和公示等程序,完成了候选人推荐工作,现予公示,"
             "公示时间:2023年5月8日至2023年5月12日受理电话:0851-3620001受理邮箱:jlxgh@163.com"
             "邮政编码:550001附件:江岭县拟推荐候选人名单.docx江岭县总工会中共江岭县委宣传部江岭县人力资源和社会保障局"
             "共青团江岭县委员会江岭县妇女联合会2023年5月8日{tail}")


@pytest.mark.parametrize("tail", ["", "(来源:江岭县总工会。", " 信息来源:江岭县总工会"])
def test_publicity_on_one_line(tail):
    """A 公示 on one line: five issuers from the glued 署名, its date, the 附件 after a postcode,
    whatever page source line follows the date."""
    rec = run(PUBLICITY.format(tail=tail))
    assert [i.name for i in rec.issuers] == ["江岭县总工会", "中共江岭县委宣传部", "江岭县人力资源和社会保障局",
                                             "共青团江岭县委员会", "江岭县妇女联合会"]
    assert rec.signed_date == D(2023, 5, 8)
    assert [a.title for a in rec.attachments] == ["江岭县拟推荐候选人名单"]
    assert not [w for w in rec.warnings if w.code == "not_a_circular"]


@pytest.mark.parametrize("text, titles", [
    # the 附件 label run onto a phone, a postcode or a mail address
    (f"各乡镇工会:{B}请于9月5日前报送名单。联系电话:0855-2626001附件:培训人员名单.docx河湾县总工会2022年8月31日",
     ["培训人员名单"]),
    (f"各乡镇工会:{B}邮箱:hwx@163.com附件:1.推荐表 2.汇总表 河湾县总工会 2022年8月31日", ["推荐表", "汇总表"]),
    # items each with its own label glued to its title, with or without a space
    (f"各分工会:\n{B}\n附件1江岭大学工会特色活动实施办法\n附件2江岭大学分工会特色活动申报表\n校工会\n2021年10月5日\n",
     ["江岭大学工会特色活动实施办法", "江岭大学分工会特色活动申报表"]),
    (f"各分工会:\n{B}\n附件1 教职工运动会报名表\n附件2 教职工运动会项目规程\n附件3 裁判员推荐表\n校工会\n2021年10月5日\n",
     ["教职工运动会报名表", "教职工运动会项目规程", "裁判员推荐表"]),
    # numbered by spaces alone under one label: as before
    (f"各分工会:\n{B}\n附件 1 读书征文报名表\n2 读书分享会登记表\n校工会\n2021年10月5日\n",
     ["读书征文报名表", "读书分享会登记表"]),
])
def test_attachment_labels(text, titles):
    assert [a.title for a in run(text).attachments] == titles


@pytest.mark.parametrize("raw, clean", [
    ("bet36体育在线_bet36体育投注@:组织开展职工技能竞赛的通知", "组织开展职工技能竞赛的通知"),
    ("根据市总工会《bet36体育投注@:确定2024年竞赛项目的通知》", "根据市总工会《确定2024年竞赛项目的通知》"),
    # an ordinary word is no advert
    ("组织开展职工体育比赛的通知", "组织开展职工体育比赛的通知"),
])
def test_betting_adverts(raw, clean):
    assert drop_adverts(raw) == clean


CATALOGUE = ("当前位置 > 信息公开 > 信息公开目录 > 政府文件\n{number}\n政府文件\n其他\n河湾市人民政府\n2023-06-30\n2023-06-30\n"
             "河政发〔2023〕12号\n{valid}\n关于开展2023年职工技能竞赛的通知\n河政发〔2023〕12号\n各镇政府,市各部门:\n" + B + "\n")


@pytest.mark.parametrize("number, valid", [
    ("014180001/2023-00112", "有效"),
    ("11320500MB1234567X/2023-00045", "现行有效"),
])
def test_catalogue_values_alone(number, valid):
    """A 信息公开 catalogue whose labels the copy lost: the page's lines, not the notice's
    版头, 署名 or 成文日期."""
    rec = run(CATALOGUE.format(number=number, valid=valid))
    assert rec.title.text == "关于开展2023年职工技能竞赛的通知"
    assert rec.doc_number.text == "河政发〔2023〕12号"
    assert rec.recipients.text == "各镇政府,市各部门"
    assert rec.issuers == [] and rec.signed_date is None


@pytest.mark.parametrize("text, title", [
    # a column named again under the breadcrumb, the page heading, its meta, the notice's own title
    # with its 文种 word lost at the end of the copied line
    ("您当前所在的位置:首页 >> 教工之家 >> 教代会 >> 正文\n教代会\n第三届第二次教代会提案征集的通知\n作者: 来源: 发布时间:2014/03/01\n"
     f"江岭市三中关于第三届第二次教代会提案征集的\n各工会小组:\n{B}\n", "江岭市三中关于第三届第二次教代会提案征集的"),
    ("当前位置:首页>>工会园地>>通知公告>>正文\n通知公告\n关于举办教职工趣味运动会的通知\n发布时间:2019-10-08\n"
     f"河湾小学工会关于举办教职工趣味运动会的通知\n各年级组:\n{B}\n", "河湾小学工会关于举办教职工趣味运动会的通知"),
])
def test_own_title_under_heading(text, title):
    rec = run(text)
    assert rec.title.text == title and rec.recipients is not None


@pytest.mark.parametrize("sentence, due, time", [
    ("提案征集自通知之日起,至2013616日下午5时截止。", D(2013, 6, 16), "17:00"),
    ("作品征集至2019930日截止。", D(2019, 9, 30), None),
    ("请于2013616日下午5时前报送名单。", D(2013, 6, 16), "17:00"),
])
def test_compact_date_closing(sentence, due, time):
    rec = run(f"各工会小组:\n{sentence}\n校工会\n2013年6月10日\n")
    assert [(d.due, d.due_time) for d in rec.deadlines] == [(due, time)]
