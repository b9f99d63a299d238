"""Deadlines (ANNOTATION.md "deadlines"): sentence rules and the seeds."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors.dates_cn import infer_year, parse_cn_date
from extractors.deadlines import Ref, named_attachments, parse_sentence
from pipeline.stages.run import extract_file

D = dt.date
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"
if not (SEEDS / "000_beae532f0dc098a7.txt").exists():
    SEEDS = Path("/work/shared/seeds")

S17 = Ref(signed_date=D(2017, 7, 19))
S18 = Ref(signed_date=D(2018, 2, 28))
DEC = Ref(signed_date=D(2017, 12, 20))

# (sentence, ref, due, due_time, precision, year_inferred)
DUE_CASES = [
    ("于2021年7月22日前将报名表报送至市总工会", Ref(), D(2021, 7, 22), None, "day", False),
    ("请各单位于4月15日前上报", S18, D(2018, 4, 15), None, "day", True),
    ("此表由基层工会在 4 月 10 日前上报到县总工会经济部", S18, D(2018, 4, 10), None, "day", True),
    ("此表请于10月中旬前上报区总宣教部", S17, D(2017, 10, 20), None, "xun", True),
    ("请于8月上旬前报送参赛名单", S17, D(2017, 8, 10), None, "xun", True),
    ("请于9月下旬前报送总结", S17, D(2017, 9, 30), None, "xun", True),
    ("各单位于11月底前完成申报", S17, D(2017, 11, 30), None, "month", True),
    ("请于2月底前报送", Ref(signed_date=D(2020, 1, 5)), D(2020, 2, 29), None, "month", True),
    ("请于5月前报送参赛名单", S18, D(2018, 4, 30), None, "month", True),
    ("报名时间：4月9—16日", S18, D(2018, 4, 16), None, "day", True),
    ("网上报名时间为2023年5月8日9:00至2023年6月2日17:00止", Ref(D(2023, 4, 20)), D(2023, 6, 2), "17:00", "day", False),
    ("请于4月10日下午4点前报送回执", S18, D(2018, 4, 10), "16:00", "day", True),
    ("请于4月10日16:30前提交材料", S18, D(2018, 4, 10), "16:30", "day", True),
    ("请于二〇二一年七月二十二日前报送", Ref(), D(2021, 7, 22), None, "day", False),
    ("请于十月二十日前上报", S17, D(2017, 10, 20), None, "day", True),
    ("请于1月10日前报送年度总结", DEC, D(2018, 1, 10), None, "day", True),
    ("请于本周五下班前报送统计表", Ref(signed_date=D(2024, 3, 12)), D(2024, 3, 15), None, "day", True),
    ("请于下周三前报送统计表", Ref(signed_date=D(2024, 3, 12)), D(2024, 3, 20), None, "day", True),
    ("报名截止时间为6月2日", S18, D(2018, 6, 2), None, "day", True),
    ("即日起至5月20日报名", S18, D(2018, 5, 20), None, "day", True),
    ("请于6月15日前将申报表发送至区总工会", Ref(doc_year=2018), D(2018, 6, 15), None, "day", True),
    # issue 11 classes seen in real circulars, each with a second sentence written here
    ("截止报名时间:2024517", Ref(), D(2024, 5, 17), None, "day", False),  # 年/月 lost
    ("报送截止时间：20231106", Ref(), D(2023, 11, 6), None, "day", False),
    ("请各分工会于915日前上报总结", S17, D(2017, 9, 15), None, "day", True),
    ("各单位务必于85日前报名", S17, D(2017, 8, 5), None, "day", True),
    ("请于今天下班前报送统计表", Ref(signed_date=D(2024, 3, 12)), D(2024, 3, 12), None, "day", True),
    ("请明天上午报送参会名单", Ref(signed_date=D(2024, 3, 12)), D(2024, 3, 13), None, "day", True),
    ("进入报名系统进行网上报名（2024年3月1日—3月10日）", Ref(), D(2024, 3, 10), None, "day", False),
    ("3月8日至3月12日到区总工会报名", S18, D(2018, 3, 12), None, "day", True),
    ("截稿时间：2024年9月30日", Ref(), D(2024, 9, 30), None, "day", False),
    ("三、报名及比赛时间1、请各分工会于5月10日前报送参赛名单", S18, D(2018, 5, 10), None, "day", True),
    ("四、比赛时间地点(一)参赛单位请于4月3日前将报名表报送校工会", S18, D(2018, 4, 3), None, "day", True),
    ("预报名截止时间为4月21日", Ref(text_year=2026), D(2026, 4, 21), None, "day", True),
    # a label with what is handed in between its heads
    ("征集作品时间:即日起到12月20日下午5:00", S18, D(2018, 12, 20), "17:00", "day", True),
    ("二、征稿日期:自即日起至7月10日结束", S18, D(2018, 7, 10), None, "day", True),
    ("报送材料截止日期：2018年5月10日", S18, D(2018, 5, 10), None, "day", False),
    ("截止11月30日，各单位须报送作品3件", S18, D(2018, 11, 30), None, "day", True),
    ("每个分工会可将节目名称于2018年9月21日前提供给院工会办", S18, D(2018, 9, 21), None, "day", False),
    # the year's end: December's last day, precision month
    ("各区总工会在年底前组织实施，并将落实情况报市总工会", S18, D(2018, 12, 31), None, "month", True),
    ("请于2018年年底前报送总结", S18, D(2018, 12, 31), None, "month", False),
    # handing in money or receipts
    ("请于2018年1月31日前收齐,上缴至财务部办公室", S18, D(2018, 1, 31), None, "day", False),
    ("各工会小组于9月29日前凭正式发票到院工会报销", S18, D(2018, 9, 29), None, "day", True),
    ("请于本月底前报送统计表", Ref(signed_date=D(2024, 3, 12)), D(2024, 3, 31), None, "month", True),
    ("请各单位于下月5日前上报", Ref(signed_date=D(2024, 12, 20)), D(2025, 1, 5), None, "day", True),
    # a window in which recipients recommend candidates
    ("一、评选、表彰时间2018年4月1日至4月20日组织推荐评选，五四前夕命名表彰", Ref(), D(2018, 4, 20), None, "day", False),
    ("推荐时间：5月6日至5月17日", S18, D(2018, 5, 17), None, "day", True),
    # "no later than" before the date (real excerpt class; sentences written here)
    ("困难职工子女助学金申报不超过8月25日", S17, D(2017, 8, 25), None, "day", True),
    ("参赛作品报送不迟于2019年6月10日", Ref(), D(2019, 6, 10), None, "day", False),
    ("请最迟于5月12日将名单报校工会", S18, D(2018, 5, 12), None, "day", True),
    # figure dates in a sentence
    ("各单位报名表请于2024.5.20前发送至邮箱", Ref(), D(2024, 5, 20), None, "day", False),
    ("推荐材料报送截止日期:2023-11-06", Ref(), D(2023, 11, 6), None, "day", False),
    ("请于2022/9/15前上报参赛名单", Ref(), D(2022, 9, 15), None, "day", False),
    ("请于9月15日前上报名单", S18, D(2018, 9, 15), None, "day", True),  # 上报 + 名单, not 报名
    ("各分会于3月1日前上报名册", S18, D(2018, 3, 1), None, "day", True),
    # 元月 is January
    ("请于元月10日前报送总结", Ref(signed_date=D(2018, 12, 20)), D(2019, 1, 10), None, "day", True),
    ("征集阶段:即日起至2024年元月3日,作品提交至行政楼405室", S18, D(2024, 1, 3), None, "day", False),
    # a 截点 label, its 月 lost ("1014日": only 10月14日 fits)
    ("以上报名及申请时间截点均为1014日(周三)17:00,过时不予受理", S18, D(2018, 10, 14), None, "day", True),
    # a day that lost its 月 right after a deadline label; a day that lost its 日 before a weekday
    ("本年度申报截止日期为322日,请按附件要求填写申报表", S18, D(2018, 3, 22), None, "day", True),
    ("请于4月7(星期四)前报送材料", S18, D(2018, 4, 7), None, "day", True),
    # a day that lost its 日 before 前
    ("各工会小组必须在6月10以前到校工会报销", S18, D(2018, 6, 10), None, "day", True),
    ("请于4月15之前报送总结材料", S18, D(2018, 4, 15), None, "day", True),
    # the recipients named as the subject finish a task by the date, a heading run on before them
    ("各单位活动在3月20日之前组织完成", S18, D(2018, 3, 20), None, "day", True),
    ("二、时间安排各分工会在5月31日前完成初赛", S18, D(2018, 5, 31), None, "day", True),
    # an open-ended window from the notice's day, what it collects named before it
    ("(一)作品征集自通知下发之日起至2018年9月19日", S18, D(2018, 9, 19), None, "day", False),
    ("请各单位自本通知印发之日起至10月8日报送作品", S18, D(2018, 10, 8), None, "day", True),
    # a window for the readers to hand in, named after it
    ("6月15日至16日为各分工会收卷并上交校工会日期", S18, D(2018, 6, 16), None, "day", True),
]


@pytest.mark.parametrize("sent,ref,due,time,prec,inferred", DUE_CASES)
def test_due(sent, ref, due, time, prec, inferred):
    found, problems = parse_sentence(sent, ref)
    assert len(found) == 1, found
    d = found[0].deadline
    assert (d.due, d.due_time, d.precision, d.year_inferred) == (due, time, prec, inferred)
    assert problems == []


# (sentence, ref) that are not deadlines
NOT_DEADLINES = [
    ("竞赛时间2017年7月—11月", S17),
    ("比赛时间：2018年5月10日至12日", S18),
    ("决赛将于5月20日在市体育馆举行", S18),
    ("一季度，召开全县职工主题劳动竞赛活动动员会", S18),
    ("2018年，各乡镇至少新培育示范点1个", S18),
    ("对2016年12月31日前入会的会员给予慰问", S18),
    ("近日前往企业调研", S18),
    ("评比工作于2013年1月中旬完成", Ref(signed_date=D(2012, 12, 18))),  # the issuer's own task
    ("评选表彰工作将于6月底前完成", S18),
    ("联系电话:2023428", Ref()),  # digits after a phone label are not a date
    ("请于115日前报送", S18),  # 1月15日 or 11月5日: no guess
    ("请于20日前报送", S18),  # a day with no month stays unread
    ("2024.5.20，区总工会召开了工作会议", S18),  # a figure date with no deadline cue
    ("作品请在5月20日前后报送", S18),  # 前后: around the date, no deadline
    ("各单位于国庆节前后组织开展慰问活动，时间定在9月30日前后", S18),
    ("版本号2024.5.20前的文件不再使用", S18),
    ("截至2018年5月底，全市已建成职工书屋120家", S18),  # a count, not a deadline
    ("截至3月31日，累计完成培训2000人次", S18),
    ("截止12月26日,各单位代表推荐工作按期完成", S18),  # a report of work done by the date
    ("截至5月10日，各基层工会的申报工作已全部完成", S18),
    ("本次统计数字截止时间为2018年12月25日", S18),  # the date figures count to
    ("数据统计截止到2018年6月30日", S18),
    ("年龄计算截至2018年12月31日", S18),
    ("评审阶段（5月—6月10日）", S18),  # a stage heading
    ("二、申报阶段（2018年4月1日—4月30日）", S18),
    ("报名对象为2012年8月31日之前（含8月31日）出生的适龄儿童", S18),  # a date bounding who qualifies
    ("凡1990年1月1日以后参加工作的职工均可报名", S18),
    ("2000年12月31日前年满18周岁的会员可申报", S18),
    ("奖品、奖金和证书将于2018年11月底前通过邮局寄送获奖者", S18),  # what the issuer hands out
    ("获奖名单将于6月10日前在网站公布", S18),
    ("二、比赛时间各代表队在5月20日进行决赛", S18),  # an event day, not a task finished by it
    ("活动时间:自通知下发之日起至9月19日", S18),  # an activity period collects nothing
    ("评审工作于6月10日前完成", S18),  # no recipients as the subject: the issuer's own work
    ("参会人员请于4月7日13时40分至13时55分在图书馆报告厅签到处报到", S18),  # arriving at a meeting
    ("截止日期为115日", S18),  # 1月15日 or 11月5日: no guess
    ("到年底举办一次摄影比赛", S18),  # no 前: when, not by when
    ("年底前对于取得成果的工作室，公司将给予表彰奖励，并积极向上级工会推荐", S18),  # the issuer's own act
    ("截止10月31日,在各级媒体发布信息189篇(其中:工人日报3篇)", S18),  # a count of what was done by then
    ("截至5月20日，全区已报送作品56件", S18),
]


@pytest.mark.parametrize("sent,ref", NOT_DEADLINES)
def test_not_deadline(sent, ref):
    assert parse_sentence(sent, ref)[0] == []


# (sentence, action, deliverable, submit_to, channel, consequence)
PART_CASES = [
    ("于2021年7月22日前将参赛报名表和竞赛实施方案一并报送至市总工会经济技术部（纸质版加盖单位公章，电子版发至邮箱：jjszjjb@sina.com），未在规定时间内报送的单位均视为未参赛",
     "报送", "参赛报名表和竞赛实施方案", "市总工会经济技术部", "email:jjszjjb@sina.com; paper", "视为未参赛"),
    ("各单位请于4月15日前将相关表格上报至县总工会经济工作部", "上报", "相关表格", "县总工会经济工作部", None, None),
    ("请于5月10日前报送参赛名单至市总工会职工服务中心", "报送", "参赛名单", "市总工会职工服务中心", None, None),
    ("请于5月10日前向市总工会宣教部提交作品，逾期不予受理", "提交", "作品", "市总工会宣教部", None, "逾期不予受理"),
    ("请于3月20日前通过全国工会网上工作平台报名", "报名", None, None, "system:全国工会网上工作平台", None),
    ("请于2018年10月20日前将活动情况，认真总结，形成经验材料上报市总工会经济保障部", "上报", "经验材料", "市总工会经济保障部", None, None),
    ("推荐材料请于6月30日前报送区总工会", "报送", "推荐材料", "区总工会", None, None),
    ("请各单位于8月20日前将《金秋助学申请表》及相关证明材料报县总工会权益保障部", "报", "《金秋助学申请表》及相关证明材料", "县总工会权益保障部", None, None),
    ("请各单位于12月5日前将送温暖对象名单报送至市总工会保障部", "报送", "送温暖对象名单", "市总工会保障部", None, None),
    ("请各市（州）总工会于11月下旬将经费收缴情况报省总工会财务部", "报", "经费收缴情况", "省总工会财务部", None, None),
    # the deliverable is the object of 将, without the subject before it or the channel after it
    ("各分工会要认真组织,将推荐材料于5月10日前报送区总工会", "报送", "推荐材料", "区总工会", None, None),
    ("请于5月15日前将报名表通过OA发至工会办公室", "发至", "报名表", "工会办公室", "system:OA", None),
]


def test_heading_label_makes_window_a_deadline():
    found, _ = parse_sentence("2023年5月8日9:00至2023年6月2日17:00止", S18, heading="报名时间")
    d = found[0].deadline
    assert (d.due, d.due_time, d.start, d.action) == (D(2023, 6, 2), "17:00", D(2023, 5, 8), "报名")
    assert parse_sentence("2023年6月—9月", S18, heading="竞赛时间")[0] == []


@pytest.mark.parametrize("sent,action,deliverable,submit_to,channel,consequence", PART_CASES)
def test_parts(sent, action, deliverable, submit_to, channel, consequence):
    found, _ = parse_sentence(sent, S18)
    assert len(found) == 1
    d = found[0].deadline
    assert (d.action, d.deliverable, d.submit_to, d.channel) == (action, deliverable, submit_to, channel)
    assert (d.consequence or None) == consequence or consequence in (d.consequence or "")


def test_relative_deadline_keeps_text():
    found, _ = parse_sentence("请于活动结束后15个工作日内报送总结材料", S18)
    assert len(found) == 1
    d = found[0].deadline
    assert d.due is None and d.relative and "15个工作日内" in d.text and d.action == "报送"


def test_registration_window_start():
    d = parse_sentence("报名时间：4月9—16日", S18)[0][0].deadline
    assert d.start == D(2018, 4, 9) and d.action == "报名"


@pytest.mark.parametrize("sent", [
    "请于2月30日前报送",
    "请于4月日前报送",
    "请于4月1O日前报送",
    "请于13月5日前报送",
])
def test_bad_date_warns_and_invents_nothing(sent):
    found, problems = parse_sentence(sent, S18)
    assert found == [] and len(problems) == 1


# (sentence with a relative deadline, its anchor) — due null, real/README.md
RELATIVE_CASES = [
    ("我校参赛同学将参赛作品于暑假放假前送至政教处", "于暑假放假前"),
    ("各单位须在召开职代会前将会议方案报区总工会", "在召开职代会前"),
    ("各分工会要将申请报告提前一周报校工会", "提前一周"),
    ("参赛队须提前3天报送参赛名单", "提前3天"),
    ("在开展活动前需将活动方案发送工会邮箱报备", "在开展活动前"),
]


@pytest.mark.parametrize("sent,anchor", RELATIVE_CASES)
def test_relative_before_event(sent, anchor):
    found, _ = parse_sentence(sent, S18)
    assert [(f.deadline.due, f.deadline.relative, sent[f.start:f.end]) for f in found] == [
        (None, True, anchor)]


@pytest.mark.parametrize("sent", [
    "赛前抽签确定参赛顺序",
    "请在报名前仔细阅读参赛须知",
    "会议于开幕前进行彩排",
])
def test_not_relative(sent):
    assert parse_sentence(sent, S18)[0] == []


@pytest.mark.parametrize("sent", [
    "请全校教职工于7月31日17:00前将线路报至组长，组长汇总后于7月31日18:00之前将名单交工会",
    "请于5月6日上午10点前报送初稿，定稿于5月6日下午5点前发送至邮箱",
])
def test_one_deadline_for_two_times_of_one_day(sent):
    found, _ = parse_sentence(sent, S18)
    assert len(found) == 1


@pytest.mark.parametrize("sent,atts", [
    # a page run onto one line: the 附件说明 before the item is not named by it
    ("附件1:作品登记表附件2:作品汇总表备注:1、我校参赛同学于暑假放假前将作品送至政教处", []),
    ("附件:1.报名表2.汇总表三、请各单位于5月10日前报送附件1", [1]),
])
def test_attachments_named_in_own_item(sent, atts):
    found, _ = parse_sentence(sent, S18)
    assert [f.deadline.attachments for f in found] == [atts]


def _deadlines_of(*paragraphs: str, signed=D(2018, 5, 2)):
    from extractors import deadlines
    from models.document import Block, Document
    from pipeline.stages.normalise import normalise
    from pipeline.stages.segment import segment
    d = Document(path="t.txt", sha256="", format="txt",
                 blocks=[Block(kind="paragraph", raw=x) for x in paragraphs])
    segment(normalise(d))
    return [(x.due, x.attachments) for x in deadlines.extract(d, signed_date=signed)[0]]


def test_wrapped_lines_read_as_one_paragraph():
    # a paragraph broken every 25-40 characters, each line its own block
    assert _deadlines_of("请各单位于6月15日前将参赛单位汇总表", "报送至市总工会劳动保护部，逾期不予受理。") == [
        (D(2018, 6, 15), [])]
    assert _deadlines_of("请各分工会于5月10日前报", "送参赛名单。") == [(D(2018, 5, 10), [])]


def test_note_after_an_attachment_label_on_one_line():
    # a page run onto one line: no attachment zones, the labels are in the text
    assert _deadlines_of(
        "附件1 参赛单位汇总表",
        "注:此表请于5月31日前报送市总工会。附件2 承诺书注:本承诺书于6月10日前寄送市总工会。") == [
        (D(2018, 5, 31), [1]), (D(2018, 6, 10), [2])]
    # Chinese-numeral labels; 此表 marks the note of the table just labelled
    assert _deadlines_of(
        "附件一 2018年度活动计划表",
        "此表请于8月20日前上报区总工会附件二 2018年度活动汇总表",
        "此表请于10月中旬前上报区总工会") == [(D(2018, 8, 20), [1]), (D(2018, 10, 20), [2])]


def test_one_deadline_per_sentence_when_dates_repeat():
    found, _ = parse_sentence("请于4月15日前报送申报表，纸质版同样于4月15日前寄送", S18)
    assert len(found) == 1


@pytest.mark.parametrize("sent,nums", [
    ("将主题活动申报表（附件1）和登记表（附件2）发送至区总工会", [1, 2]),
    ("报送附件1、附件2", [1, 2]),
    ("按规程(见附件2)组织报名,将报名表(见附件1及附件2)报送", [1, 2]),  # number order
    ("填写附件1-3", [1, 2, 3]),
    ("填写附件三", [3]),
    ("将相关表格上报", []),
])
def test_named_attachments(sent, nums):
    assert named_attachments(sent) == nums


@pytest.mark.parametrize("month,day,ref,year", [
    (1, 10, DEC, 2018),          # December notice, January deadline
    (11, 15, DEC, 2017),         # within 60 days before: same year
    (10, 15, DEC, 2018),         # more than 60 days before: next year
    (4, 15, S18, 2018),
    (6, 15, Ref(doc_year=2018), 2018),  # only the 发文字号: no roll-over
])
def test_infer_year(month, day, ref, year):
    assert infer_year(month, day, signed_date=ref.signed_date, doc_year=ref.doc_year) == year


@pytest.mark.parametrize("text,date", [
    ("二〇一九年十月九日", D(2019, 10, 9)),
    ("2018 年 2 月 28 日", D(2018, 2, 28)),
    ("2017年7月19 日印", D(2017, 7, 19)),
    ("2018年2月30日", None),
])
def test_parse_cn_date(text, date):
    assert parse_cn_date(text) == date


# --- seeds: every gold deadline, with its parts -----------------------------------
# (seed id, due, attachments, action, deliverable substring, submit_to)
SEED_DEADLINES = [
    ("000_beae532f0dc098a7", "2017-08-20", [1], "上报", "活动计划表", "区总宣教部"),
    ("000_beae532f0dc098a7", "2017-10-20", [2], "上报", "活动汇总表", "区总宣教部"),
    ("001_dde7b99b86b616a6", "2018-04-15", [], "上报", "相关表格", "县总工会经济工作部"),
    ("001_dde7b99b86b616a6", "2018-04-10", [1], "上报", "申报表", "县总工会经济部"),
    ("001_dde7b99b86b616a6", "2018-04-15", [2], "上报", "参赛企业汇总表", "县总工会经济部"),
    ("001_dde7b99b86b616a6", "2018-11-25", [3], "上报", "考核评价表", "县总工会经济部"),
    ("001_dde7b99b86b616a6", "2018-04-15", [4], "上报", "监督员登记表", "县总工会经济部"),
    ("001_dde7b99b86b616a6", "2018-04-15", [5], "上报", "技术服务项目登记表", None),
    ("002_a6ecc3133544287b", "2021-07-22", [], "报送", "参赛报名表和竞赛实施方案", "市总工会经济技术部"),
    ("003_0fb55c4c84d933ae", "2018-06-15", [1, 2], "发送", "主题活动申报表", "区总工会"),
    ("004_4b022b1849280ac0", "2014-10-20", [], "上报", "经验材料", "市总工会经济保障部"),
]

_cache: dict = {}


def _notice(seed: str):
    if seed not in _cache:
        _cache[seed] = extract_file(SEEDS / f"{seed}.txt")
    return _cache[seed]


@pytest.mark.parametrize("seed,due,atts,action,deliverable,submit_to", SEED_DEADLINES)
def test_seed_deadline(seed, due, atts, action, deliverable, submit_to):
    n = _notice(seed)
    hits = [d for d in n.deadlines if str(d.due) == due and d.attachments == atts]
    assert len(hits) == 1, [(str(d.due), d.attachments) for d in n.deadlines]
    d = hits[0]
    assert d.action == action
    assert deliverable in (d.deliverable or "")
    assert d.submit_to == submit_to
    assert d.evidence is not None and d.text in n.model_dump()["deadlines"][n.deadlines.index(d)]["text"]


@pytest.mark.parametrize("seed", sorted({s[0] for s in SEED_DEADLINES}))
def test_seed_has_exactly_gold_deadlines(seed):
    import json

    gold_dir = SEEDS / "gold"
    if not gold_dir.exists():
        gold_dir = Path("/work/shared/seeds/gold")
    gold = json.loads((gold_dir / f"{seed}.json").read_text(encoding="utf-8"))["deadlines"]
    got = [{"due": str(d.due), "precision": d.precision, "year_inferred": d.year_inferred,
            "attachments": d.attachments} for d in _notice(seed).deadlines]
    key = lambda x: (x["due"], x["attachments"])  # noqa: E731
    assert sorted(got, key=key) == sorted(gold, key=key)


@pytest.mark.parametrize("ref, atts", [
    # the notice's only attachment named without a number (corpus README: it is number 1)
    ("（附件）", [1]),
    ("（见附件）", [1]),
    ("（详见附件）", [1]),
    ("", []),
])
def test_sole_attachment_named_without_number(ref, atts):
    from pipeline.readers import read_bytes
    from pipeline.stages.run import extract_document

    text = f"关于开展推荐工作的通知\n各区总工会：\n请于5月20日前将推荐表{ref}报送市总工会。\n附件：推荐表\n市总工会\n2024年5月6日\n"
    rec = extract_document(read_bytes("case.txt", text.encode("utf-8")))
    assert [d.attachments for d in rec.deadlines] == [atts]


@pytest.mark.parametrize("text, year", [
    ("2015学年义务教育阶段招生工作安排\n报名对象为2009年8月31日前出生的儿童。请于4月10日前报送。", 2015),
    ("关于做好2021学年教职工疗休养的通知\n2019年出台的办法继续执行。", 2021),
    ("关于开展2010年工会工作的通知", 2010),
])
def test_text_year_reads_school_years(text, year):
    """real/README.md year source: a 学年 in the text counts like a 年."""
    from extractors.deadlines import text_year
    from pipeline.readers import read_bytes
    from pipeline.stages.normalise import normalise

    doc = read_bytes("case.txt", text.encode("utf-8"))
    normalise(doc)
    assert text_year(doc) == year


@pytest.mark.parametrize("table, dues", [
    # a real table (tab-separated rows) with a deadline column: one deadline per row
    ("序号\t项目\t报名截止时间\t决赛时间\n1\t音乐大赛\t6月30日\t7月\n2\t曲艺大赛\t7月31日\t8月\n",
     [D(2017, 6, 30), D(2017, 7, 31)]),
    # a web page's table kept as text; a row whose merged cell leaves it short is read by its dates' order
    ("序号|板块|项目名称|负责单位|报名截止时间|决赛时间|\n1 |劳动|音乐大赛|市文化宫| 6月30日| 7月|\n"
     "2 |曲艺大赛|市文化宫| 7月31日| 8月||\n", [D(2017, 6, 30), D(2017, 7, 31)]),
    # an event column alone sets no deadline
    ("序号\t项目\t比赛时间\n1\t音乐大赛\t6月30日\n", []),
])
def test_deadline_column_of_a_table(table, dues):
    from pipeline.readers import read_bytes
    from pipeline.stages.run import extract_document

    text = f"关于调整赛事安排的通知\n各区总工会：\n调整后的安排如下：\n{table}市总工会\n2017年5月10日\n"
    rec = extract_document(read_bytes("case.txt", text.encode("utf-8")))
    assert [d.due for d in rec.deadlines] == dues
