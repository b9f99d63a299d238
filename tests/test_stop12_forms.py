"""Forms read on the AI and AM dev sets, and on AL after its frozen
measurement (issue 11), each as a case we wrote
(names, numbers and places invented): a name whose surname is not listed
between two labels; a person's mailbox named after them before a phone; a phone
after a comma behind "请联系…"; a 5–6 digit short number after "/"; an 附件 item
citing its own 发文字号 (never the notice's 版头) and the date after it; two
documents in one item apart by a comma; a compact date with two readings read
against the document date; days of one month listed with 、; a weekday as one
bracketed numeral; brackets a store left as "?"; a page's heading above a 标志;
a national industry union's committee printed apart; a summary label and
markdown meta lines of a page; a reposting body's notice over 附件:<the
circular's title>; Word's conditional comments; bracketed page fields without a
colon; a 发文字号 that lost its brackets; a 署名 broken before 筹备…; a page's
tool line under the list; a bare body type before a title's act. One case per
line: the text as a reader gets it, the values expected."""
from __future__ import annotations

import datetime as dt

import pytest

from extractors.doc_number import parse as parse_doc_number
from extractors.orgs import is_org_name, split_joined, split_orgs
from pipeline.readers import read_bytes
from pipeline.stages.run import extract_document

D = dt.date
HEAD = "各基层工会:\n现将有关事项通知如下,请认真组织。\n"
TAIL = "\n江岭市总工会\n2024年3月1日\n"


def run(text: str, name: str = "case.txt"):
    return extract_document(read_bytes(name, text.encode("utf-8")))


def contacts(rec) -> tuple[list[str], list[str]]:
    names = [n for c in rec.contacts for n in c.names]
    phones = [v.value for c in rec.contacts for v in c.values if v.kind in ("phone", "mobile")]
    return names, phones


@pytest.mark.parametrize("line, names, phones", [
    # a surname outside the list, fixed by the 联系人 label before it and the phone label after it
    ("办公室设在市总工会,联系人:未丹 电话:8721989", ["未丹"], ["8721989"]),
    ("联系人:仉伟 联系电话:0531-86001234。", ["仉伟"], ["0531-86001234"]),
    ("联系人:待定 电话:8721989", [], ["8721989"]),
    # the person's mailbox named after them, then the phone
    ("请于3月5日前发送到校工会杨柳青老师OA邮箱,联系电话:8649。", ["杨柳青"], ["8649"]),
    ("请于3月5日前发至区总工会李敏的电子邮箱,电话:86491234。", ["李敏"], ["86491234"]),
    ("请于3月5日前发至区总工会邮箱,电话:86491234。", [], ["86491234"]),
    # the phone after a comma behind the person the reader is told to contact
    ("未尽事宜,请联系学校工会陈丽,13606411213。", ["陈丽"], ["13606411213"]),
    ("如有疑问请联系张伟,0571-87654321。", ["张伟"], ["0571-87654321"]),
    # the person at whose desk material is handed in, then the mailbox and the phone
    ("请于11月27日前将报名表交工会郑伟老师处,电子版发工会邮箱:gh@example.edu.cn,联系电话:38256615。", ["郑伟"], ["38256615"]),
    ("请于11月27日前将材料交工会办公室处,联系电话:38256615。", [], ["38256615"]),
    # a line-type word before the number
    ("投稿咨询电话: 市话010—51892351", [], ["010-51892351"]),
])
def test_contact_forms(line, names, phones):
    assert contacts(run(HEAD + line + TAIL)) == (names, phones)


@pytest.mark.parametrize("text, titles", [
    # an item citing its own number is the list's, never the notice's 版头 and title
    ("各单位:\n现将有关事项通知如下,请认真组织。\n附件:1.关于开展读书活动的通知(苏工发〔2023〕5号)\n2.报名表\n市总工会\n2023年2月1日",
     ["关于开展读书活动的通知", "报名表"]),
    ("各单位:\n现将有关事项通知如下,请认真组织。\n附件:关于开展读书活动的通知(苏工发〔2023〕5号)\n市总工会\n2023年2月1日",
     ["关于开展读书活动的通知"]),
    # the cited file's number and its date after the title
    ("各单位:\n现将有关事项通知如下,请认真组织。\n附:省总工会《关于开展读书活动的通知》(苏工发〔2023〕5号),2023年元月13日)\n"
     "市总工会\n2023年2月1日", ["省总工会《关于开展读书活动的通知》"]),
    # two documents in one item apart by a comma; a sentence after a comma stays
    ("各单位:\n现将有关事项通知如下,请认真组织。\n附件:市工会补助困难职工暂行办法,申请表\n市总工会\n2023年2月1日",
     ["市工会补助困难职工暂行办法", "申请表"]),
    ("各单位:\n现将有关事项通知如下,请认真组织。\n附件:报名表、竞赛规程\n市总工会\n2023年2月1日", ["报名表", "竞赛规程"]),
    # a 署名 broken before 筹备… is no part of the list
    ("各单位:\n现将有关事项通知如下,请认真组织。\n附:《提案征集处理表》\n第三届教职工代表大会\n筹备工作领导办公室\n2020年12月23日",
     ["提案征集处理表"]),
    # a page's tool line under the list
    ("各基层工会:\n现将表彰决定印发给你们。\n附:2017年度受表彰的工会名单\n\n收藏】 【打印】 【关闭", ["2017年度受表彰的工会名单"]),
])
def test_attachment_items(text, titles):
    rec = run(text)
    assert [a.title for a in rec.attachments] == titles
    assert rec.title is None and rec.doc_number is None


@pytest.mark.parametrize("sentence, signed, due", [
    # a compact date with two readings: the one just after the document date
    ("请于2024115日前发送至工会邮箱。", "2024年1月3日", D(2024, 1, 15)),
    ("请于2024115日前发送至工会邮箱。", "2024年10月20日", D(2024, 11, 5)),
    ("请于2024115日前发送至工会邮箱。", "2024年6月3日", None),
    # days of one month listed: the last closes the span
    ("请将名单于3月4日、5日报送到校工会。", "2013年3月1日", D(2013, 3, 5)),
    ("请将名单于3月4日、3月5日报送到校工会。", "2013年3月1日", D(2013, 3, 4)),
    # a weekday as one bracketed numeral before the cue or the time
    ("各参赛单位务必在2015年12月29日(二)前将报名表交至工会办公室。", "2015年12月1日", D(2015, 12, 29)),
    ("请于12月3日(四)下午5点前报送。", "2015年12月1日", D(2015, 12, 3)),
])
def test_deadline_dates(sentence, signed, due):
    rec = run(f"各单位:\n{sentence}\n校工会\n{signed}")
    assert [d.due for d in rec.deadlines] == ([due] if due else [])


@pytest.mark.parametrize("text, number", [
    ("邮银工?2014?10号", "邮银工〔2014〕10号"),  # the brackets a store could not encode
    ("建会函2023190号", "建会函〔2023〕190号"),  # brackets dropped, a line of its own
    ("共印2023190号", None),
    ("请于2023190号前", None),
])
def test_doc_number_forms(text, number):
    hit = parse_doc_number(text)
    assert (hit[0].text if hit else None) == number


@pytest.mark.parametrize("line, names", [
    # a national industry union, then its committee at a province or an enterprise
    ("中国邮政集团工会 中国邮政储蓄银行委员会", ["中国邮政集团工会中国邮政储蓄银行委员会"]),
    ("中国农林水利气象工会 江岭省委员会", ["中国农林水利气象工会江岭省委员会"]),
    ("中国海员建设工会 中国江岭建设集团委员会", ["中国海员建设工会中国江岭建设集团委员会"]),
    ("中国教育工会 中共江岭省委员会", ["中国教育工会", "中共江岭省委员会"]),
    # a body's second name after "/"
    ("市企业联合会/企业家协会 市工商联", ["市企业联合会/企业家协会", "市工商联"]),
])
def test_signature_names(line, names):
    assert [p for n in split_orgs(line) for p in split_joined(n)] == names


@pytest.mark.parametrize("text, ok", [
    ("请各分工会、直属工会", False),  # a sentence to the addressees an excerpt cut short
    ("凡本市工会", False),
    ("江岭市总工会", True),
])
def test_sentence_is_no_name(text, ok):
    assert is_org_name(text) is ok


HEADED = ("关于做好女职工工作的通知\n江岭邮政集团工会 江岭储蓄银行委员会文件\n江邮工?2014?10号\n"
          "关于做好女职工工作的通知\n各分行工会:\n现将有关事项通知如下,请认真组织。\n")


def test_page_heading_above_the_mark():
    """The page's heading above the 标志 is no part of the issuer's name."""
    rec = run(HEADED)
    assert [i.name for i in rec.issuers] == ["江岭邮政集团工会", "江岭储蓄银行委员会"]
    assert rec.doc_number.text == "江邮工〔2014〕10号"


SUMMARY = ("新闻详情\n关于推荐技能竞赛承办单位的通知\n- 分类:行业资讯\n- 作者:\n- 来源:\n- 发布时间:2020-02-12 20:32\n"
           "- 访问量:\n【概要描述】各设区市建设工会、江岭实验区工会: 为做好竞赛工作,现将有关事项通知如下: 一、请各单位推荐承办单位。")


def test_summary_label_and_markdown_meta():
    """A page's 【概要描述】 opens the notice's own text; "- 作者:" lines are the page's."""
    rec = run(SUMMARY)
    assert rec.recipients.text == "各设区市建设工会、江岭实验区工会"
    assert rec.title.text == "关于推荐技能竞赛承办单位的通知"


REPOST = ("各二级分工会、直属工会小组:\n接省教育工会通知,请各分工会于3月26日前将推荐材料报校工会。\n校 工 会\n2015年3月24日\n"
          "附件:关于推荐评选五一劳动奖章的通知\n各直属基层工会:\n现将有关事项通知如下:\n一、评选范围。\n")


def test_reposting_notice_over_attachment_title():
    """The reposting body's own short notice, then 附件:<the circular's title>: the label line is no title."""
    rec = run(REPOST)
    assert rec.title is None
    assert rec.recipients.text == "各二级分工会、直属工会小组"
    assert [i.name for i in rec.issuers] == ["校工会"]
    assert rec.signed_date == D(2015, 3, 24)
    assert [a.title for a in rec.attachments] == ["关于推荐评选五一劳动奖章的通知"]


def test_word_conditional_comments():
    """Markup a pasted page kept is dropped before any rule reads the line."""
    rec = run("关于举办教职工气排球比赛的通知\n各系(部)、各单位:\n为丰富教职工生活,现将有关事项通知如下:\n"
              "<!--[if !supportLists]-->一、<!--[endif]-->报名\n请于5月3日前将报名表发至工会邮箱。\n校工会\n2018年4月20日\n")
    assert rec.title.text == "关于举办教职工气排球比赛的通知"
    assert rec.recipients.text == "各系(部)、各单位"
    assert [d.due for d in rec.deadlines] == [D(2018, 5, 3)]


@pytest.mark.parametrize("text, title, number, recipients", [
    # 【作者/来自】… lines are the page's; a bare 发文字号 under the title ends the 版头
    ("关于开展安康杯竞赛活动的通知\n【作者/来自】网站管理员\n【发表时间】2023-5-8\n【点击次数】634次\n"
     "关于开展安康杯竞赛活动的通知\n建会函2023190号\n各市建设局、总工会,各有关单位:\n现将有关事项通知如下,请认真组织。\n",
     "关于开展安康杯竞赛活动的通知", "建会函〔2023〕190号", "各市建设局、总工会,各有关单位"),
    # a bracketed date field between the page's cut heading and the title (read on AL)
    ("当前位置: 首页 >> 通知公告 >> 正文\n关于2013年元旦活动\n【日期:2012-12-10】\n关于2013年元旦活动\n"
     "2012年度会费收缴工作的通知\n各分工会:\n现将有关事项通知如下,请认真组织。\n",
     "关于2013年元旦活动2012年度会费收缴工作的通知", None, "各分工会"),
])
@pytest.mark.parametrize("sep", ["\n", " "])  # (and the same page joined onto one line)
def test_bracketed_page_fields(text, title, number, recipients, sep):
    text = text.replace("\n", sep)
    rec = run(text)
    assert (rec.title.text, rec.doc_number and rec.doc_number.text, rec.recipients.text) == (title, number, recipients)


def test_signature_broken_before_its_committee_word():
    rec = run("各单位:\n现将有关事项通知如下,请认真组织。\n附:《提案征集处理表》\n第三届教职工代表大会\n筹备工作领导办公室\n2020年12月23日")
    assert [i.name for i in rec.issuers] == ["第三届教职工代表大会筹备工作领导办公室"]


@pytest.mark.parametrize("title, issuers", [
    ("工会组织会员信息进行登记", []),  # a bare body type before the act is its subject
    ("机关工会开展读书征文活动的通知", ["机关工会"]),
])
def test_title_prefix_issuer(title, issuers):
    rec = run(f"{title}\n各单位:\n现将有关事项通知如下,请认真组织。\n")
    assert [i.name for i in rec.issuers] == issuers


@pytest.mark.parametrize("sentence, targets", [
    # the issuer naming itself as the one who selects
    ("经省总工会研究,我校推荐1个二级单位参与省工人先锋号申报。", []),
    ("学院将根据报名情况在全院范围内择优选拔4名队员组成代表队参赛。", []),
    ("请各分工会择优推荐2名队员参加比赛。", [(2, "名")]),
    # results already chosen, published or settled
    ("经审查,推荐的代表候选人资格全部有效,现对第一批60名候选人名单进行公示,公示期3天。", []),
    ("经评审,校工会最后审定18个项目为年度建设项目。", []),
    ("各分工会要对本单位3名候选人进行考察。", [(3, "名")]),
    # the next items of a list of results share its fate
    ("经考核,评选出年度工会工作优秀单位15家,优胜单位20家,合格单位44家,现予以表彰。", []),
    ("校工会最后审定25个项目为建设项目,其中重点项目13项、一般项目12项。", []),
    ("各单位推荐优秀单位2家,优胜单位3家。", [(2, "家"), (3, "家")]),
    ("以部门工会为单位组队参赛,每队领队一名,运动员3名。", [(3, "名")]),  # a numeral rejected for want of a cue passes nothing on
])
def test_issuer_selection_and_results(sentence, targets):
    rec = run(f"各单位:\n{sentence}\n江岭大学工会\n2024年3月12日\n")
    assert [(t.value, t.unit) for t in rec.targets] == targets


@pytest.mark.parametrize("sentence, targets", [
    ("每人至少提一条节约能源资源的合理化建议。", [(1, "条")]),  # a bound and one verb before 一
    ("每位会员至少交一份读书心得。", [(1, "份")]),
    ("每个分会至少有一个活动室。", []),  # what a member has is no goal
    ("每个二级工会认真筛选出10--20条相关建议报送校工会。", [((10, 20), "条")]),  # a dash typed twice
])
def test_bounds_and_ranges(sentence, targets):
    rec = run(f"各单位:\n{sentence}\n江岭大学工会\n2020年6月1日\n")
    got = [((t.value_min, t.value_max) if t.comparator == "range" else t.value, t.unit) for t in rec.targets]
    assert got == targets


@pytest.mark.parametrize("text, signed", [
    # the 成文日期 alone under the 发文字号, above the addressee, and no date under a 署名
    ("关于开展职工书屋建设的通知\n江工发〔2008〕39号\n2008年6月13日\n各县(市、区)总工会:\n现将有关事项通知如下,请认真组织。\n",
     D(2008, 6, 13)),
    ("关于开展职工书屋建设的通知\n江工发〔2008〕39号\n发布时间:2010年12月19日\n各县(市、区)总工会:\n现将有关事项通知如下,请认真组织。\n",
     None),
    # a date under the 署名 wins
    ("关于开展职工书屋建设的通知\n江工发〔2008〕39号\n2008年6月13日\n各县(市、区)总工会:\n现将有关事项通知如下,请认真组织。\n"
     "江岭市总工会\n2008年6月15日\n", D(2008, 6, 15)),
])
def test_signed_date_under_number(text, signed):
    assert run(text).signed_date == signed


@pytest.mark.parametrize("sentence, targets", [
    ("比赛项目:焊工、起重装卸机械操作工、物流服务师3个赛项。", []),  # the count of the items just listed
    ("竞赛设太极拳、广播操、健身操等3个项目。", []),
    ("推荐教师、学生、家长代表6名。", [(6, "名")]),  # a nominating verb: a quota
    ("组建篮球、排球、书法、摄影共4个协会。", [(4, "个")]),  # what is to be formed
    ("请各单位组织太极拳、广播操、健身操3个项目的比赛。", [(3, "个")]),
])
def test_tally_of_listed_items(sentence, targets):
    rec = run(f"各单位:\n{sentence}\n江岭市总工会\n2022年5月1日\n")
    assert [(t.value, t.unit) for t in rec.targets] == targets


# --- read on the AL set after its frozen measurement (see README) ---

def test_site_clock_label_and_top_bar():
    """A clock's label whose date a script filled ("今天是:") and a top bar's mailbox are the page's."""
    rec = run("今天是:\n职工投稿: jlgh2022@163.com\n江岭市总工会关于做好职工创新成果申报工作的通知\n作者:\n来源:江岭市总工会\n"
              "日期: 2022-02-25\n为做好申报工作,现将有关事项通知如下:\n一、请各单位于3月20日前将申报表报送市总工会。\n")
    assert rec.title.text == "江岭市总工会关于做好职工创新成果申报工作的通知"
    assert rec.recipients is None
    assert [v.value for c in rec.contacts for v in c.values] == []


@pytest.mark.parametrize("line, title, recipients", [
    ("江岭县总工会关于对县人大第二次会议第15号建议的答复王建国代表:", "江岭县总工会关于对县人大第二次会议第15号建议的答复", "王建国代表"),
    ("关于对市政协第8号提案的答复李春华委员:", "关于对市政协第8号提案的答复", "李春华委员"),
])
def test_reply_to_one_person(line, title, recipients):
    rec = run(f"{line}\n您提出的建议已交我们研究办理,现答复如下:\n一、基本情况\n")
    assert (rec.title.text, rec.recipients.text) == (title, recipients)


def test_download_widget_lines():
    rec = run("各单位:\n现将有关事项通知如下,请认真组织。\n江岭大学工会\n2019年5月24日\n"
              "附件【2019年教职工羽毛球比赛报名表.doc】已下载\n附件【2019年教职工羽毛球比赛竞赛规程.doc】已下载\n")
    assert [a.title for a in rec.attachments] == ["2019年教职工羽毛球比赛报名表", "2019年教职工羽毛球比赛竞赛规程"]


@pytest.mark.parametrize("date_line, signed", [
    ("2025年828", D(2025, 8, 28)),  # 月 and 日 lost, one reading
    ("2025年1028", D(2025, 10, 28)),  # a day is never three digits ("028")
    ("2025年115", None),  # two readings and no other date to choose
])
def test_date_line_year_then_figures(date_line, signed):
    rec = run(f"各基层工会:\n现将有关事项通知如下,请认真组织。\n校工会\n{date_line}\n上一条:关于举办征文活动的通知\n")
    assert rec.signed_date == signed
    assert [i.name for i in rec.issuers] == ["校工会"]


def test_closing_label_then_compact_day():
    rec = run("各基层工会:\n1.电子版于92日下班前上传工会邮箱。\n2.会费上缴截止时间为92日。\n校工会\n2025年828\n")
    assert [d.due for d in rec.deadlines] == [D(2025, 9, 2), D(2025, 9, 2)]


def test_flattened_contact_table_rows():
    rec = run(HEAD + "公示时间: 4月22日至4月27日 联系 市文明办 - 联系人: 周明远 联系 市总工会 - 联系人: 贺西平 邮箱" + TAIL)
    assert [n for c in rec.contacts for n in c.names] == ["周明远", "贺西平"]
