"""Page forms and record lines read on the real pages of the AF dev set (issue 11),
each as a case we wrote (names, numbers and places invented): a page heading, a
meta line and the notice's own title; a law database's catalogue lines; a site's
home link and clock; a copy counter after the title; 抄报 beside 抄送; an 印发
line under a 抄送 line; contacts listed over lines; deadline cues. One case per
line: the text as a reader gets it, the values expected."""
from __future__ import annotations

import datetime as dt

import pytest

from models.contacts import compact_contacts
from pipeline.readers import read_bytes
from pipeline.stages.normalise import normalise_text
from pipeline.stages.run import extract_document

B = "为做好相关工作，现将有关事项通知如下：一、请各单位认真组织。二、按时完成各项任务。"
D = dt.date


def run(text: str, name: str = "case.txt"):
    return extract_document(read_bytes(name, text.encode("utf-8")))


def header(rec) -> tuple:
    return (rec.title.text if rec.title else None, rec.doc_number.text if rec.doc_number else None,
            rec.recipients.text if rec.recipients else None, rec.signed_date)


@pytest.mark.parametrize("text, expected", [
    # the page's heading, a dash, its meta line, then the notice's own (shorter) title over its 发文字号
    (f"关于开展2023年度职工书屋检查的通知\n-\n发布时间:2024年03月05日\n关于开展职工书屋检查的通知\n江工办〔2024〕7号\n"
     f"各区县总工会:\n{B}\n江岭市总工会\n2024年3月4日\n",
     ("关于开展职工书屋检查的通知", "江工办〔2024〕7号", "各区县总工会", D(2024, 3, 4))),
    # a law database: the heading, its catalogue lines (【时效性】…), then the notice's own title and number
    ("您现在的位置:首页 >> 法规 >> 文章\n某省总工会办公室关于报送统计年报的通知\n【字体:【发布部门】某省总工会【发文字号】某工办发[2011]9号\n"
     "【发布日期】2011-03-01\n【时效性】现行有效\n【效力级别】地方规范性文件\n【法规类别】\n"
     f"某省总工会办公室关于报送统计年报的通知\n某工办发[2011]9号\n各市总工会,各产业工会:\n{B}\n某省总工会办公室\n2011年3月1日\n",
     ("某省总工会办公室关于报送统计年报的通知", "某工办发〔2011〕9号", "各市总工会,各产业工会", D(2011, 3, 1))),
    # ... the same page joined onto one line
    ("您现在的位置:首页 >> 法规 >> 文章 某省总工会办公室关于报送统计年报的通知 【字体: 【发布部门】 某省总工会 【发文字号】 某工办发[2011]9号 "
     "【发布日期】 2011-03-01 【时效性】 现行有效 【效力级别】 地方规范性文件 【法规类别】 某省总工会办公室关于报送统计年报的通知 某工办发[2011]9号 "
     f"各市总工会,各产业工会: {B} 某省总工会办公室 2011年3月1日\n",
     ("某省总工会办公室关于报送统计年报的通知", "某工办发〔2011〕9号", "各市总工会,各产业工会", D(2011, 3, 1))),
    # a 通报 with the page's meta run on (a view count the page left empty), under a column name "…动态"
    (f"工作动态\n关于表彰2022年度合理化建议优秀成果的通报发布时间:2023-01-09 来源:本站 访问量:次\n江机协发〔2023〕2号\n"
     f"各会员单位:\n{B}\n江岭市机械工业协会\n2023年1月9日\n",
     ("关于表彰2022年度合理化建议优秀成果的通报", "江机协发〔2023〕2号", "各会员单位", D(2023, 1, 9))),
    # a sharing site's home link over the heading printed twice
    (f"好文网首页\n区工会开展2019年送清凉活动的通知\n\n区工会开展2019年送清凉活动的通知\n作者: 某公司 | 来源:发表于2019-07-02\n{B}\n",
     ("区工会开展2019年送清凉活动的通知", None, None, None)),
    # a download site's copy counter after the title
    (f"“书香润校园”教职工读书征文比赛通知 (2)\n\n各分工会:\n{B}\n校工会\n2021年4月1日\n",
     ("“书香润校园”教职工读书征文比赛通知", None, "各分工会", D(2021, 4, 1))),
    # a 成文日期 printed after the 附件说明 of a one-line paste, the attachment pages' labels after it
    (f"关于推荐安全班组的通知 各基层工会: {B} 附件:1.名额分配表 2.推荐表 二〇二二年五月九日 附件1: 名额分配表\n附件2: 推荐表\n",
     ("关于推荐安全班组的通知", None, "各基层工会", D(2022, 5, 9))),
    # a date whose 日 the page lost, under the 附件说明: the 成文日期, no part of the last title
    (f"各分工会:\n{B}\n附件:2024年调研参考课题\n    2024年6月12\n", (None, None, "各分工会", D(2024, 6, 12))),
])
def test_header_fields_on_page_forms(text, expected):
    assert header(run(text)) == expected


@pytest.mark.parametrize("line", [
    "2024年03月01日 星期五 农历甲辰年(龙)正月廿一",  # a site's clock with the lunar date and its zodiac
    "好文网首页", "首页",  # a site's home link
    "【时效性】现行有效", "【法规类别】",  # a law database's catalogue lines
    "跳过导览列.",  # a skip-navigation link
])
def test_page_lines(line):
    from pipeline.stages.chrome import is_page_chrome
    assert is_page_chrome(normalise_text(line)[0])


def test_skip_navigation_link_is_no_title():
    rec = run("跳过导览列.\n首页\n本会定于下月召开会员代表大会,请各分会于5月3日前报送代表名单。\n")
    assert rec.title is None


@pytest.mark.parametrize("text, cc, printed", [
    # the 印发 line under a 抄送 line whose last item ends with 单位: two lines, never one
    (f"各会员单位:\n{B}\n江岭市机械工业协会\n2023年1月9日\n抄送:市工信局,市应急局,市总工会,本协会理事长、副理事长,各参评单位及个人\n"
     "江岭市机械工业协会秘书处 2023年1月9日印发\n",
     ["市工信局", "市应急局", "市总工会", "本协会理事长", "副理事长", "各参评单位及个人"], ("江岭市机械工业协会秘书处", D(2023, 1, 9))),
    # ... and when the page re-broke both, the 印发 mark's 发 on a line of its own
    (f"各会员单位:\n{B}\n江岭市机械工业协会\n2023年1月9日\n抄送:市工信局,市应急局,市总工会,本协会理事长、副\n理事长,各参评单位及个人\n"
     "江岭市机械工业协会秘书处 2023年1月9日印\n发\n",
     ["市工信局", "市应急局", "市总工会", "本协会理事长", "副理事长", "各参评单位及个人"], ("江岭市机械工业协会秘书处", D(2023, 1, 9))),
    # 抄报 reports to a superior body: not a 抄送机关
    (f"各分会:\n{B}\n校工会\n2009年9月5日\n抄报:校领导班子成员\n", [], None),
    (f"各分会:\n{B}\n某公司工会\n2019年9月5日\n抄报:集团工会\n抄送:人力资源部、办公室\n", ["人力资源部", "办公室"], None),
    # the page's link words under the 抄送 line are no part of it
    (f"各分会:\n{B}\n省总工会\n2015年3月5日\n抄送:省总机关各部室、各办事处\n\n附件下载\n相关文章\n", ["省总机关各部室", "各办事处"], None),
    # one line, the 版记's parts set apart by a page's column rules, a print-run note after 印发
    (f"关于X的通知 各工会:{B} 江岭市总工会 2011年3月8日 抄送:省总工会 | 江岭市总工会办公室 2011年3月28日印发 | 共印10份\n",
     ["省总工会"], ("江岭市总工会办公室", D(2011, 3, 28))),
])
def test_record_lines(text, cc, printed):
    rec = run(text)
    assert rec.cc == cc
    assert ((rec.printed.org, rec.printed.date) if rec.printed and rec.printed.org else None) == printed


@pytest.mark.parametrize("text, names, phones", [
    # a surname alone after 联系人: (a wide space, then the phone field)
    (f"各分会:\n{B}\n联系人:吴        联系电话:66301234\n", ["吴"], ["66301234"]),
    # names listed over lines under the label, a whole phone on each line
    (f"各单位:\n{B}\n联系人:\n王强 刘洋\n陈晓红\n联系电话:23301234\n23301235 23301236\n",
     ["王强", "刘洋", "陈晓红"], ["23301234", "23301235", "23301236"]),
    # two numbers of one exchange run together where the page lost their separator
    (f"各分会:\n{B}\n联系电话:6630123566301236\n", [], ["66301235", "66301236"]),
    (f"各分会:\n{B}\n联系电话:63212346321235\n", [], ["6321234", "6321235"]),
])
def test_contacts_over_lines(text, names, phones):
    c = compact_contacts(run(text).contacts)
    assert (c["names"], c["phones"]) == (names, phones)


@pytest.mark.parametrize("text, dues", [
    # 发给 hands the form in like 发至
    ("各分工会:\n一、办理方式\n2.各分工会于11月8日前将登记表电子版通过OA发给校工会张敏。\n校工会\n2020年10月20日\n",
     [D(2020, 11, 8)]),
    # a registration window labelled under a heading of event dates is a deadline; the event date is not
    ("各系部:\n现将具体事项通知如下:\n一、活动时间\n(一)报名时间:4月1日至4月15日\n(二)比赛时间:4月20日(星期六)\n"
     "某学院分工会\n2019年3月28日\n", [D(2019, 4, 15)]),
    # a page that lost 月 and 日: a bare figure run between 于 and 前 (one reading only)
    ("各分会:\n请各分会务于1015前将参赛作品送到校工会。\n校工会\n2012年9月20日\n", [D(2012, 10, 15)]),
    ("各分会:\n请各分会务于1231前报送年度总结。\n校工会\n2012年12月1日\n", [D(2012, 12, 31)]),
    # a window whose last day another sentence sets as the hand-in date: one deadline, the sentence's
    ("各位代表:\n一、提案征集时间:2015年3月2日--3月20日\n二、提案要求:提案须一事一案。提案于3月20日交工会办公室。\n",
     [D(2015, 3, 20)]),
])
def test_deadline_cues(text, dues):
    assert [d.due for d in run(text).deadlines] == dues


@pytest.mark.parametrize("text, dues, signed, issuers", [
    # a date under a field's label alone is the field's value, not the 成文日期; the hosts sign, not the 承办单位
    ("征文启事\n各位教职工:\n欢迎投稿。\n截稿日期\n\n2021年5月20日\n\n来稿要求\n请发送至邮箱:zwqs@163.com\n\n"
     "主办单位:\n\n江岭大学工会\n\n承办单位\n\n江岭大学图书馆、文学社\n", [D(2021, 5, 20)], None, ["江岭大学工会"]),
    # a hand-in label under a numbered heading, its window on the next line
    ("各位离退休教职工:\n现将有关事项通知如下:\n四、送稿时间及地点\n9月1日-9月10日;离退休工作处\n离退休工作处\n2021年6月3日\n",
     [D(2021, 9, 10)], D(2021, 6, 3), ["离退休工作处"]),
    # the thing handed in named before the verb ("作品上交时间")
    ("各分会:\n三、作品上交时间:自下发通知之日起至5月15日\n校工会\n2019年4月2日\n", [D(2019, 5, 15)], D(2019, 4, 2), ["校工会"]),
])
def test_field_labels_over_values(text, dues, signed, issuers):
    rec = run(text)
    assert ([d.due for d in rec.deadlines], rec.signed_date, [i.name for i in rec.issuers]) == (dues, signed, issuers)


def test_year_from_a_cited_number_and_dates_before_the_document():
    # no 成文日期, no year in the text but a cited 发文字号's: the deadline's year is inferred from it
    rec = run("根据《关于开展读书活动的通知》(江团联字〔2012〕8号)精神,请各团委务必于10月8日前将推荐表发送至邮箱。\n")
    assert [(d.due, d.year_inferred) for d in rec.deadlines] == [(D(2012, 10, 8), True)]
    # a printed date well before the 成文日期 (a page's typo) is kept as printed, with a warning to check it
    rec = run("各县区教育工会:\n二、参评文章于2015年10月15日前报市教育工会。\n市教育工会\n2016年9月17日\n")
    assert [d.due for d in rec.deadlines] == [D(2015, 10, 15)]
    assert any(w.code == "bad_date" and "before the document" in w.message for w in rec.warnings)
    # years before the document it is a reference (a condition on the applicants), no deadline
    rec = run("各位老师:\n报名要求:持有C级证书三年及以上(需在2021年6月前获得C证)。请于3月14日前完成报名。\n校工会\n2024年3月13日\n")
    assert [d.due for d in rec.deadlines] == [D(2024, 3, 14)]


@pytest.mark.parametrize("text, titles", [
    # an item's number run into a title that opens with a year span (its "." lost)
    (f"各基层工会:\n{B}\n附件:\n\n12022-2023年度先进个人推荐表\n\n22022-2023年度先进集体申报表\n\n校工会\n2023年10月9日\n",
     ["2022-2023年度先进个人推荐表", "2022-2023年度先进集体申报表"]),
    # labels in brackets
    (f"各分會:\n{B}\n附件: 【附件一】會員名冊\n【附件二】活動辦法\n教師會\n2020年3月1日\n", ["會員名冊", "活動辦法"]),
    # a download link's words before the file name; a link's label after the title
    (f"各分工会:\n{B}\n校工会\n2016年6月13日\n点击下载该文件 暑期慰问对象登记表.doc\n", ["暑期慰问对象登记表"]),
    (f"各分工会:\n{B}\n附件一:市总工会《关于开展职工书屋建设的通知》,链接地址:http://www.example.cn/a.asp?id=3\n校工会\n2014年5月21日\n",
     ["市总工会《关于开展职工书屋建设的通知》"]),
    # the 署名 pushed right by spaces under the list is no part of the last title
    (f"各分工会:\n{B}\n附1:2019年教职工拔河比赛报名表\n\n                         校工\n", ["2019年教职工拔河比赛报名表"]),
])
def test_attachment_lists_on_pages(text, titles):
    assert [a.title for a in run(text).attachments] == titles


def test_advert_over_the_signature_gives_no_issuer():
    rec = run(f"关于发放慰问品的通知\n各部门工会:\n{B}\n88123太阳成城集团工会\n2019年12月3日\n")
    assert (rec.issuers, rec.signed_date) == ([], D(2019, 12, 3))


def test_notice_own_file_is_no_attachment():
    rec = run(f"关于举办职工健步走活动的通知\n各分工会:\n{B}\n校工会\n2019年4月1日\n"
              "关于举办职工健步走活动的通知.doc\n健步走报名表.xls\n")
    assert [(a.number, a.title) for a in rec.attachments] == [(1, "健步走报名表")]


def test_lists_numbered_as_forms():
    """附表 introduces a listed form as 附件 does; a number printed twice in a row is the next item."""
    rec = run(f"各分工会:\n{B}\n附表一:运动会报名表\n附表一:项目安排表\n校工会\n2022年4月1日\n")
    assert [(a.number, a.title) for a in rec.attachments] == [(1, "运动会报名表"), (2, "项目安排表")]
    body_ref = run("各工会:\n请于5月1日前将表格(附表1、2)报送区总工会。\n区总工会\n2022年4月1日\n")
    assert body_ref.attachments == []


def test_news_source_run_onto_the_headline():
    rec = run("省总工会启动年度劳模推选工作 优先推荐一线职工 • 来源:江城晚报\n• 2023-02-19 10:01:05\n"
              "省总工会近日发布《关于推荐评选劳动模范的通知》。通知明确,一线职工不少于6名。\n")
    assert "not_a_circular" in [w.code for w in rec.warnings]
    assert not (rec.targets or rec.title)


def test_teams_counted_in_zhi():
    """只 (a common misprint of 支 for teams) counts teams as 支 does."""
    t = run(f"各部门工会:\n{B}\n2、每单位限报两只参赛队伍。\n校工会\n2009年5月1日\n").targets
    assert [(x.value, x.unit, x.comparator) for x in t] == [(2, "只", "<=")]
