"""Forms read on the AN set (frozen for three measurements, then released as
dev), each as a case we wrote (names, numbers and places invented): items
counted after a list (四项职能), whose scores make a team's, the places the
issuer holds (全校共40个名额), results announced, a flattened quota table, a
per-person cap (只可报一期); a hand-in verb (汇总至…处) and a request an
excerpt cut before its verb; an institution and its 工会 printed apart, a
list item that is no 署名; a 印发 line that prints only 发; a phone label that
lost its 联; a site's leaders' mailboxes; a page heading that repeats the
发文字号 and title above the notice's own. One case per line: the text as a
reader gets it, the values expected."""
from __future__ import annotations

import pytest

from pipeline.readers import read_bytes
from pipeline.stages.run import extract_document

HEAD = "关于开展职工运动会的通知\n各基层工会:\n现将有关事项通知如下,请认真组织。\n"
TAIL = "\n江岭市总工会\n2024年3月1日\n"


def run(text: str, name: str = "case.txt"):
    return extract_document(read_bytes(name, text.encode("utf-8")))


def targets(sentence: str) -> list[tuple[float, str]]:
    return [(t.value if t.value is not None else (t.value_min, t.value_max), t.unit)
            for t in run(HEAD + sentence + TAIL).targets]


@pytest.mark.parametrize("sentence, expected", [
    # the items just listed, counted (listed with 、 only; things, not people)
    ("各基层工会围绕中心工作,全面履行维护、参与、建设、教育4项职能,在推进事业发展中彰显新作为。", []),
    ("各单位要围绕安全、质量、效益3项重点开展劳动竞赛。", []),
    ("各分工会推荐教师、学生、职工3人。", [(3.0, "人")]),  # (guard: people may be a quota)
    ("组建篮球、排球、足球、书法、摄影共5个协会。", [(5.0, "个")]),  # (guard: what is to be set up)
    # whose scores make a team's: how a result is reckoned
    ("团体按4名队员总得分计算成绩。", []),
    ("团体成绩取前5名队员成绩之和。", []),  # (already so before: a guard)
    ("每个分工会限报4名队员。", [(4.0, "名")]),  # (guard)
    # the places the issuer holds or was handed, and what is inside them
    ("全校共40个名额(含退休教职工5名),全年分4期进行。", []),
    ("全市共分配名额30个,各区县工会推荐名额2个。", [(2.0, "个")]),
    ("学校本次可推荐市劳动模范名额2名。", []),
    ("每个分工会推荐先进个人2人,也可推荐本单位退休教职工1人。", [(2.0, "人"), (1.0, "人")]),  # (guard)
    ("指标分配按本单位会员人数的5%下达。", [(5.0, "%")]),  # (guard: 本单位 is the recipient's)
    # results already decided, announced
    ("经专家评审,现将5项创意作品的评选结果通报如下。", []),
    ("各单位报送创意作品不少于5项。", [(5.0, "项")]),  # (guard)
    # a cap on each person
    ("每名会员子女只可报一期,重复报名无效。", [(1.0, "期")]),
    ("每位会员仅可享受一次。", [(1.0, "次")]),
    ("每人只能报一个项目。", [(1.0, "个")]),
    ("青年职工不能参加中年组比赛。(所有参赛队员只可参加一个队)", []),  # (guard: who may play where, a game rule)
])
def test_targets(sentence, expected):
    assert targets(sentence) == expected


def test_flattened_quota_table_is_no_target():
    # a 名额分配 table a web page printed one cell per line
    cells = "名额分配\n会员人数\n名额\n30人以内\n3\n31-100人\n8\n100人以上\n15\n"
    assert run(HEAD + cells + "请各分工会按名额报名。" + TAIL).targets == []


def deadlines(text: str) -> list[str]:
    return [str(d.due) for d in run(text).deadlines]


@pytest.mark.parametrize("text, expected", [
    # a hand-in verb: 汇总至/到 someone
    (HEAD + "请各小组长于3月8日下班前将报名表汇总至王敏处。" + TAIL, ["2024-03-08"]),
    (HEAD + "请各分会于3月15日前将名单汇总到工会办公室。" + TAIL, ["2024-03-15"]),
    # a request an excerpt cut before its verb
    (HEAD + "请各单位做好宣传工作。并请于2024年3月20日前向市总工会宣", ["2024-03-20"]),
    (HEAD + "请各单位于2024年3月20日前做好准备工作。", []),  # (guard: no hand-in, not cut)
    # a booking by a date is something to do by it
    (HEAD + "愿意购买米或油的教职工可在3月5日下午5点前到本分工会预定。" + TAIL, ["2024-03-05"]),
    # a date in a clause that says which things may take part
    (HEAD + "各单位于3月1日前开展的活动均可申报。" + TAIL, []),
    (HEAD + "请于3月1日前将开展的活动情况报工会。" + TAIL, ["2024-03-01"]),  # (guard)
])
def test_deadlines(text, expected):
    assert deadlines(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an institution and its 工会 printed apart on the 署名 line
    (HEAD + "请认真组织。\n江岭市第二高级中学 工会\n2024-3-1\n", ["江岭市第二高级中学工会"]),
    (HEAD + "请认真组织。\n江岭市总工会 江岭市教育局\n2024年3月1日\n", ["江岭市总工会", "江岭市教育局"]),  # (guard)
    # a list item an excerpt was cut after is no 署名
    ("各部门工会:\n兹定于4月7日召开第八届教代会。\n二、大会主要议题\n(一)听取学校工作报告\n"
     "(二)选举产生江岭大学第十届工会委员会和经费审查委员会\n(三)学校党", []),
])
def test_issuers(text, expected):
    assert [i.name for i in run(text).issuers] == expected


@pytest.mark.parametrize("line", [
    "中共江岭大学委员会办公室2024年3月1日发",
    # the same cell printed twice by the page
    "中共江岭大学委员会办公室2024年3月1日发中共江岭大学委员会办公室2024年3月1日发",
])
def test_printed_line_with_bare_fa(line):
    p = run(HEAD + "请认真组织。\n中共江岭大学委员会\n2024年3月1日\n" + line + "\n").printed
    assert (p.org, str(p.date)) == ("中共江岭大学委员会办公室", "2024-03-01")


def test_phone_label_that_lost_its_lian():
    c = run(HEAD + "请认真组织。\n联系人:周明亮\n系电话:0571-88001234\n" + TAIL).contacts
    assert [(x.names, [v.value for v in x.values]) for x in c] == [(["周明亮"], ["0571-88001234"])]


def test_leaders_mailbox_widget_is_the_sites():
    text = HEAD + "请将材料发送至邮箱:ghb@jlu.edu.cn。" + TAIL + \
        "领导邮箱\n书记信箱地址:shuji@jlu.edu.cn\n校长信箱地址:xz6688@163.com\n"
    emails = [v.value for x in run(text).contacts for v in x.values if v.kind == "email"]
    assert emails == ["ghb@jlu.edu.cn"]


def test_page_heading_repeating_number_and_title():
    text = ("当前位置:首页>工会动态\n江工发[2024]5号 关于举办职工象棋比赛的通知\n江工发[2024]5号\n"
            "关于举办职工象棋比赛的通知\n各县区总工会,市直各单位工会:\n为丰富职工文化生活,决定举办比赛。\n")
    n = run(text)
    assert n.recipients.text == "各县区总工会,市直各单位工会"
    assert n.title.text == "关于举办职工象棋比赛的通知"
    assert n.doc_number.text == "江工发〔2024〕5号"


@pytest.mark.parametrize("line, expected", [
    # names printed side by side with spaces between, as a web page prints the 抄送 line
    ("抄送:市总工会 学院党委 学院行政", ["市总工会", "学院党委", "学院行政"]),
    ("抄送：市总工会　学院党委", ["市总工会", "学院党委"]),
    ("抄送:长 兴 县 总 工 会,市科技局", ["长兴县总工会", "市科技局"]),  # (guard: a name spaced out is one)
    ("抄送:市总工会、学院党委。", ["市总工会", "学院党委"]),  # (guard)
])
def test_cc_names_printed_apart(line, expected):
    assert run(HEAD + "请认真组织。\n江岭学院工会\n2024年3月1日\n" + line + "\n").cc == expected


def test_undated_signature_closing_a_flattened_page_before_a_column_rule():
    text = ("各分会:\n各分会须推荐1至2篇,于2024年12月10日前交校工会,同时将电子版发至gh@jl.edu.cn。"
            " 特此通知 校工会 人事处 |")
    assert [i.name for i in run(text).issuers] == ["校工会", "人事处"]


@pytest.mark.parametrize("line, expected", [
    # a list of names after 联系人: one with an unlisted surname (年) or a desk-like ending (科) is still a name
    ("联系人:马新科、年华明、路雨欣、李烨", ["马新科", "年华明", "路雨欣", "李烨"]),
    ("联系人:吴俊科、邹文", ["吴俊科", "邹文"]),
    ("联系人:工会办、宣传科、李烨", ["李烨"]),  # (guard: a list of desks is no list of names)
])
def test_contact_name_lists(line, expected):
    c = run(HEAD + "请认真组织。\n" + line + TAIL).contacts
    assert [n for x in c for n in x.names] == expected


@pytest.mark.parametrize("sentence, expected", [
    # a date a site printed without 月/日, four figures before what is handed in
    ("竞赛结束后各分工会于1021将参赛者名单报给校工会。", ["2024-10-21"]),
    ("请各单位于1215将报名表交工会办公室。", ["2024-12-15"]),
    ("本次活动于1021将在体育馆举行。", []),  # (guard: an event, nothing handed in)
])
def test_compact_date_before_a_hand_in(sentence, expected):
    text = "各基层工会:\n" + sentence + "\n江岭市总工会\n2024年10月10日\n"
    assert deadlines(text) == expected


@pytest.mark.parametrize("line, expected", [
    # a campus's short number printed right after the 联系人's name
    ("俱乐部联系人:胡章明669372,工会联系人:薛纪华662232。", [(["胡章明"], ["669372"]), (["薛纪华"], ["662232"])]),
    ("联系人:胡章明 66937。", [(["胡章明"], ["66937"])]),
    ("联系人:胡章明 100084 北京市海淀区", [(["胡章明"], [])]),  # (guard: figures that run on are no number of hers)
])
def test_short_number_after_the_name(line, expected):
    c = run(HEAD + "请认真组织。\n" + line + TAIL).contacts
    assert [(x.names, [v.value for v in x.values]) for x in c] == expected


def test_compact_date_with_its_hour_run_on():
    # every 年/月/日 and the colon lost: 2025 4 3 17时 — only 4月3日 17时 reads as a date and an hour
    d = run("各单位:\n请于20254317时前报送材料。\n江岭大学工会\n2025年3月27日\n").deadlines
    assert [(str(x.due), x.due_time) for x in d] == [("2025-04-03", "17:00")]


@pytest.mark.parametrize("text, issuers, signed", [
    # a page run onto one line: the 署名 and an eight-figure date before the site's mailbox widget
    ("各部门工会: 请各部门工会认真审核,于12月23日前将附件1纸质版交到校工会组建科,同时将电子版发送到邮箱。"
     " 联系电话:85460716 附件1:2024年困难在职教职工登记表 江岭大学工会 20241215 领导邮箱 书记信箱地址:sj@jl.edu.cn",
     ["江岭大学工会"], "2024-12-15"),
    # a date that lost its 日 before the page's "<上一篇" link; a year's tail is no name
    ("各基层分会: 请各分会认真组织调研,于7月20日前将调研报告报送校工会。 附件:2023年调研参考课题 校工会 2023年7月6"
     " <上一篇 关于开展提案征集工作的通知", ["校工会"], "2023-07-06"),
    # a bare 工会 closing the line after the attachment list
    ("各院部、处室: 各部门填写附件2活动捐款信息统计表,于11月28日前发送至工会邮箱。 联系人及电话:解强"
     " 附件1:2023年一日捐建议标准 附件2:2023年一日捐活动捐款信息统计表 工会", ["工会"], None),
])
def test_one_line_signature_before_page_words(text, issuers, signed):
    n = run(text)
    assert ([i.name for i in n.issuers], str(n.signed_date) if n.signed_date else None) == (issuers, signed)


def test_printed_org_broken_before_its_body_word():
    # the 印发机关 broken by the line end inside its name: only 办公室 stands before the date
    p = run(HEAD + "请认真组织。\n中共江岭大学委员会\n2024年3月1日\n抄送:市总工会。中共江岭大学委员会\n办公室2024年3月1日印发\n").printed
    assert (p.org, str(p.date)) == ("中共江岭大学委员会办公室", "2024-03-01")


@pytest.mark.parametrize("text, expected", [
    # a page run onto one line: the 抄送 names cut apart keep the space the page printed
    (HEAD.replace("\n", " ") + "请认真组织。 江岭学院工会 2024年3月1日 抄送:市总工会 学院党委", ["市总工会", "学院党委"]),
    (HEAD + "请认真组织。\n江岭学院工会\n2024年3月1日\n抄送:市科技\n局、市总工会。\n", ["市科技局", "市总工会"]),  # (guard)
])
def test_cc_continued_on_the_next_line(text, expected):
    assert run(text).cc == expected


def test_flattened_quota_table_on_one_line_is_no_target():
    line = "名额分配 会员人数 名额 30人以内 3 31-100人 8 100人以上 15 请各分工会按名额报名。"
    assert run(HEAD.replace("\n", " ") + line + " 江岭市总工会 2024年3月1日").targets == []


def test_leaders_mailboxes_on_one_line_are_the_sites():
    text = (HEAD.replace("\n", " ") + "请将材料发送至邮箱:ghb@jlu.edu.cn。 江岭市总工会 2024年3月1日"
            " 领导邮箱 书记信箱地址:shuji@jlu.edu.cn 校长信箱地址:xz6688@163.com")
    emails = [v.value for x in run(text).contacts for v in x.values if v.kind == "email"]
    assert emails == ["ghb@jlu.edu.cn"]
