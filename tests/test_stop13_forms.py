"""Forms read on the AO dev set and on AL (released), each as a case we
wrote (names, numbers and places invented): counts received or checked
(共收到, 共验收), a proposal's validity rule (由…提出, 附议, 联名), a quiz's
rules (每次答5题), and a share of a sum of money or a subsidy rate
(会费总额的80%, 补助比例调整至60%) — none of them a target (ANNOTATION.md
"targets"; ../shared/real/README.md "Targets"). One case per line: the text
as a reader gets it, the values expected."""
from __future__ import annotations

import pytest

from pipeline.readers import read_bytes
from pipeline.stages.run import extract_document

HEAD = "关于开展职工读书活动的通知\n各基层工会:\n现将有关事项通知如下,请认真组织。\n"
TAIL = "\n江岭市总工会\n2024年3月1日\n"


def run(text: str, name: str = "case.txt"):
    return extract_document(read_bytes(name, text.encode("utf-8")))


def targets(sentence: str) -> list[tuple[float, str]]:
    return [(t.value, t.unit) for t in run(HEAD + sentence + TAIL).targets]


@pytest.mark.parametrize("sentence, expected", [
    # counts received or checked: what happened, not a goal
    ("经各区县认真组织,共收到征文作品312篇。", []),
    ("本次活动共受理申请材料58份,现将结果公布如下。", []),
    ("此次共验收职工书屋14家,验收工作已全部结束。", []),
    ("各区县工会要推荐征文作品不少于5篇。", [(5.0, "篇")]),  # (guard: a quota stays)
    # a proposal's validity rule: who must table or second it
    ("每件提案须由3名以上代表联名提出。", []),
    ("提案必须由1名代表提出,并有2名以上代表附议。", []),
    ("各代表团要认真征集提案,每个代表团至少提交提案2件。", [(2.0, "件")]),  # (guard)
    # a quiz's rules
    ("活动期间每人每天可答题3次,每次答10道题。", []),
    ("比赛每轮抽取20道题目。", []),
    # a share of a sum of money, a subsidy rate changed by a rule
    ("收缴的会费总额的60%返还基层工会使用,40%由市总工会统筹使用。", []),
    ("按会员基本工资的0.5%收缴会费。", []),
    ("职工疗休养补助比例由原来的30%调整至60%。", []),
    ("全市会费收缴率要达到98%以上。", [(98.0, "%")]),  # (guard: a goal stays)
    # an approval threshold, a size that describes who qualifies, the length of a couplet's lines
    ("撤并小组须经70%以上组员同意。", []),
    ("会员人数在30人以下(含30人)的分工会可与邻近分工会联合组队。", []),
    ("征集的春联每联控制在7至11个汉字。", []),
    ("各单位推荐人数不超过5人(含5人)。", [(5.0, "人")]),  # (guard: a cap on recipients)
])
def test_counts_rules_and_shares_are_no_targets(sentence, expected):
    assert targets(sentence) == expected


def codes(rec) -> list[str]:
    return [w.code for w in rec.warnings]


@pytest.mark.parametrize("text, report", [
    # a report's lede opens on the day of the event: nothing is extracted from it
    ("6月12日至14日,区总工会副主席带队到各街道工会检查职工书屋建设情况。\n"
     "年度内拟建职工书屋不少于40家。此次共检查18家单位,联系电话:86123456。", True),
    ("2019年9月3日上午,县总工会在县文化中心举办职工趣味运动会,参赛职工不少于300人。", True),
    # a circular's passage that opens on a date says what the reader or the issuer will do
    ("5月20日,市总工会将举办职工趣味运动会,各单位至少报名10人,联系电话:86123456。", False),
    ("3月8日前,请各单位报送参赛名单,每单位限报5人。", False),
])
def test_report_lede_on_the_event_day(text, report):
    rec = run(text)
    assert "not_a_circular" in codes(rec)  # (no header element in any of them)
    assert (not rec.targets and not rec.contacts) is report


@pytest.mark.parametrize("date_line, signed", [
    # a year printed with its last two digits before a full date: the nearest century
    ("一二年八月七日", "2012-08-07"),
    ("〇九年十二月二十日", "2009-12-20"),
    ("08年5月6日", "2008-05-06"),
    ("九八年六月一日", "1998-06-01"),
    ("二〇一二年八月七日", "2012-08-07"),  # (guards: a full year is read as before)
    ("2012年8月7日", "2012-08-07"),
])
def test_two_digit_year_of_the_date(date_line, signed):
    rec = run("关于开展职工读书活动的通知\n各基层工会:\n请认真组织。\n江岭市总工会\n" + date_line + "\n")
    assert rec.signed_date is not None and rec.signed_date.isoformat() == signed


@pytest.mark.parametrize("sentence, due", [
    ("请于12年8月20日前报送名单。", "2012-08-20"),
    ("我会成立12年来,请于8月20日前报送名单。", "2012-08-20"),  # (a span of years is no date)
    # a full year broken after its first two digits is read whole, not as a two-digit year
    ("请于20\n13年1月10日前报送名单。", "2013-01-10"),
    ("请于二〇\n一三年一月十日前报送名单。", "2013-01-10"),
])
def test_two_digit_year_in_a_deadline(sentence, due):
    rec = run("关于开展职工读书活动的通知\n各基层工会:\n" + sentence + "\n江岭市总工会\n2012年8月7日\n")
    assert [d.due.isoformat() for d in rec.deadlines] == [due]


@pytest.mark.parametrize("sentence, due, time", [
    # a site dropped 年 (the year runs into the month), or 月 and 日 with a weekday and a
    # time that lost its colon before the 前 (real excerpts NOTES "dates printed without 年/月/日")
    ("请于20243月15日前将提案表交校工会办公室。", "2024-03-15", None),
    ("请于202412月6日前报送。", "2024-12-06", None),
    ("各分工会于315(星期五)下午430前将名单报校工会。", "2024-03-15", "16:30"),
    ("请于1206(周五)1700前报送。", "2024-12-06", "17:00"),
    ("请在2024年3月15日前报送。", "2024-03-15", None),  # (guards: dates as printed in full)
    ("在1000人以上的单位开展。", None, None),
])
def test_dates_a_site_ran_together(sentence, due, time):
    rec = run("关于开展职工读书活动的通知\n各基层工会:\n" + sentence + "\n江岭市总工会\n2024年3月1日\n")
    got = [(d.due.isoformat(), d.due_time) for d in rec.deadlines]
    assert got == ([(due, time)] if due else [])


@pytest.mark.parametrize("text, issuers", [
    # a reposting body's short notice, its 署名 and date, above the circular's 标志
    ("各学院、各部门:\n现将省教育工会《关于开展读书活动的通知》转发,请于4月8日前报送教务处。\n教务处\n2023年3月16\n"
     "江岭省教育工会文件\n江教工发〔2023〕7号\n关于开展读书活动的通知\n各直属工会:\n请认真组织。\n江岭省教育工会\n2023年3月1日\n",
     ["江岭省教育工会"]),
    ("人事处\n2023年3月16日\n江岭市总工会文件\n江工发〔2023〕7号\n关于开展读书活动的通知\n各基层工会:\n请认真组织。\n"
     "江岭市总工会\n2023年3月1日\n", ["江岭市总工会"]),
    # (guard: a 标志 over its number keeps its name)
    ("江岭市总工会文件\n江工发〔2023〕7号\n关于开展读书活动的通知\n各基层工会:\n请认真组织。\n2023年3月1日\n", ["江岭市总工会"]),
])
def test_reposting_signature_above_the_mark(text, issuers):
    assert [i.name for i in run(text).issuers] == issuers


@pytest.mark.parametrize("text, titles", [
    # a download's address run into the title it names; a site path before a file's name
    ("各单位:\n请认真组织。\n附件:\nhttps://files.example.cn/up/2024/3/1:《职工书屋管理办法》(江工发〔2024〕3号).docx\n"
     "市总工会\n2024年3月1日\n", ["职工书屋管理办法"]),
    ("各单位:\n请认真组织。\n市总工会\n2024年3月1日\nfiles/upload/职工书屋申报表.doc\n", ["职工书屋申报表"]),
    ("各单位:\n请认真组织。\n附件:申报表/upload/file/20240301/申报表.doc\n市总工会\n2024年3月1日\n", ["申报表"]),  # (guard)
])
def test_download_addresses_around_a_title(text, titles):
    assert [a.title for a in run(text).attachments] == titles


@pytest.mark.parametrize("sentence, relative", [
    # a task to finish before a holiday the notice gives no date for: a relative deadline (due null)
    ("请各分工会于寒假前完成会费收缴工作。", 1),
    ("各基层工会应于春节前将慰问名单报区总工会。", 1),
    ("春节前,区总工会将走访慰问困难职工。", 0),  # (guard: the issuer's own plan, no reader's task)
])
def test_deadline_before_a_holiday(sentence, relative):
    rec = run("关于做好慰问工作的通知\n各基层工会:\n" + sentence + "\n江岭区总工会\n2024年1月5日\n")
    assert [(d.due, d.relative) for d in rec.deadlines] == [(None, True)] * relative


@pytest.mark.parametrize("tail, titles", [
    # the notice's own "附:" line above its 署名, a page's download under the 版记
    ("附:省总工会《关于开展读书活动的通知》\n市总工会\n2023年2月1日\n市总工会办公室2023年2月1日印发\n附件: 通知 报名表 汇总表.zip\n",
     ["省总工会《关于开展读书活动的通知》"]),
    # ... and a 署名 the page cut short above its date
    ("附:省总工会《关于开展读书活动的通知》\n江岭市教科文卫工会委员\n2023年2月1日\n江岭市教科文卫工会2023年2月1日印发\n附件: 通知.zip\n",
     ["省总工会《关于开展读书活动的通知》"]),
    # (guard: with no list of its own the download under the 版记 is the list)
    ("市总工会\n2023年2月1日\n市总工会办公室2023年2月1日印发\n附件: 报名表.docx\n", ["报名表"]),
])
def test_own_list_before_a_download_under_the_record(tail, titles):
    text = "关于转发省总工会读书活动通知的通知\n各学院:\n现将省总工会文件转发给你们,请认真组织。\n" + tail
    assert [a.title for a in run(text).attachments] == titles


@pytest.mark.parametrize("line, issuers, signed", [
    # a notice pasted onto one line: the 署名 and 成文日期 read between what surrounds them
    # (a stray comma after the last sentence, then the 版记's "报:" line)
    ("关于组织读书活动的通知 各分工会: 请于3月5日前报名。 , 江岭学院工会委员会 2015年3月1日 报:省教育工会、校领导",
     ["江岭学院工会委员会"], "2015-03-01"),
    # (a date that lost its 日, then the site's footer)
    ("关于组织读书活动的通知 各分工会: 请于3月5日前报名。 江岭学院工会委员会 2011年1月17 江岭学院版权所有 地址:江岭市学府路5号",
     ["江岭学院工会委员会"], "2011-01-17"),
    # (an attachment title ending in 决议 right before the 署名)
    ("关于学习大会决议的通知 各分工会: 请认真学习。 附件:江岭学院第三届教职工代表大会决议 江岭学院工会委员会 2023年5月8日",
     ["江岭学院工会委员会"], "2023-05-08"),
    # (a department with the bodies it stands for in brackets)
    ("关于申报工作的通知 各基层工会: 请于3月5日前报名。 咨询电话: 25203941 江岭市群团工作部(总工会、团委、妇联) 2023年3月3日 附件: 报名表.docx",
     ["江岭市群团工作部(总工会、团委、妇联)"], "2023-03-03"),
])
def test_one_line_signature_and_date(line, issuers, signed):
    rec = run(line)
    assert ([i.name for i in rec.issuers], rec.signed_date and rec.signed_date.isoformat()) == (issuers, signed)


def wechat(rec) -> list[str]:
    return [v.value for c in rec.contacts for v in c.values if v.kind == "wechat"]


@pytest.mark.parametrize("line, ids", [
    # a mobile the label says is the WeChat id too
    ("联系人:赵宇,联系电话:13478864813(微信同号)", ["13478864813"]),
    ("咨询:王威 15710570106(同微信)", ["15710570106"]),
    ("联系人:赵宇,联系电话:13478864813", []),  # (guard)
])
def test_mobile_that_is_the_wechat_id(line, ids):
    assert wechat(run(HEAD + line + TAIL)) == ids


@pytest.mark.parametrize("item, titles", [
    # words after a cited book title go on the title; a 署名 cut after it does not
    ("附件:1、《中华人民共和国工会法》知识竞赛题目\n2、《中华人民共和国工会法》知识竞赛答题卡",
     ["《中华人民共和国工会法》知识竞赛题目", "《中华人民共和国工会法》知识竞赛答题卡"]),
    ("附件:《职工书屋统计表》江岭师范大学工", ["职工书屋统计表"]),
])
def test_words_after_a_book_title(item, titles):
    text = "关于开展知识竞赛的通知\n各分工会:\n请认真组织。\n" + item + "\n江岭市总工会\n2024年3月1日\n"
    assert [a.title for a in run(text).attachments] == titles


@pytest.mark.parametrize("text, signed", [
    # a date under an item heading that names a time is the event's day, not the 成文日期
    ("各分工会:\n一、举办歌咏比赛\n4、比赛时间\n2012年5月24日\n5、报名方式\n即日起至5月10日止报名。\n", None),
    ("各分工会:\n请于5月10日前报名。\n活动日期:\n2012年5月24日\n", None),
    ("各分工会:\n请于5月10日前报名。\n校工会\n2012年4月24日\n", "2012-04-24"),  # (guard)
])
def test_date_under_a_time_heading(text, signed):
    rec = run(text)
    assert (rec.signed_date and rec.signed_date.isoformat()) == signed


@pytest.mark.parametrize("sentence, due", [
    # the recipients, named as the subject, organise or hold something by the date
    ("各分工会于2024年1月10日前自行组织教职工开展“一日捐”活动。", "2024-01-10"),
    ("各基层工会于2024年1月20日前召开会员代表大会。", "2024-01-20"),
    ("市总工会于2024年1月10日前组织开展春节慰问活动。", None),  # (guard: the issuer's own act)
])
def test_recipients_organise_by_the_date(sentence, due):
    rec = run("关于开展一日捐活动的通知\n各分工会:\n" + sentence + "\n江岭市总工会\n2023年12月25日\n")
    assert [d.due.isoformat() for d in rec.deadlines] == ([due] if due else [])
