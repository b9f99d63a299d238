"""Forms read on the AS set (frozen for two measurements, then released as
dev), each as a case we wrote (names, numbers and places invented). One case
per line: the text as a reader gets it, the values expected; cases marked
"(guard" hold on the code before these rules too."""
from __future__ import annotations

import pytest

from pipeline.readers import read_bytes
from pipeline.stages.run import extract_document

BODY = "\n各有关单位:\n现将有关事项通知如下。\n"
HEAD = "关于开展职工运动会的通知\n各基层工会:\n现将有关事项通知如下,请认真组织。\n"
TAIL = "\n江岭市总工会\n2024年3月1日\n"


def run(text: str, name: str = "case.txt"):
    return extract_document(read_bytes(name, text.encode("utf-8")))


def _front(r) -> tuple:
    return ([i.name for i in r.issuers], r.doc_number.text if r.doc_number else None,
            r.title.text if r.title else None, r.recipients.text if r.recipients else None)


# a page heading that carried the title and its 发文字号, then the notice's own 版头 and title again
@pytest.mark.parametrize("text, expected", [
    ("江岭大学工会\n当前位置:首页|通知公告\n关于评选年度优秀工会干部的通知(江大工〔2023〕7号)\n江岭大学工会\n"
     "江大工〔2023〕7号    签发人:周明\n关于评选年度优秀工会干部的通知\n各分工会:\n现将有关事项通知如下。\n",
     (["江岭大学工会"], "江大工〔2023〕7号", "关于评选年度优秀工会干部的通知", "各分工会")),
    ("首页 > 工作动态\n关于举办教职工羽毛球赛的通知(滨师工字〔2022〕3号)\n滨江师范学院工会\n滨师工字〔2022〕3号\n"
     "关于举办教职工\n羽毛球赛的通知\n各部门工会小组:\n现将有关事项通知如下。\n",
     (["滨江师范学院工会"], "滨师工字〔2022〕3号", "关于举办教职工羽毛球赛的通知", "各部门工会小组")),
    # (guard: an org line under the heading with no 发文字号 and no title again is the body's)
    ("关于举办教职工羽毛球赛的通知\n滨江师范学院工会\n各部门工会小组:\n现将有关事项通知如下。\n",
     ([], None, "关于举办教职工羽毛球赛的通知", "各部门工会小组")),
])
def test_own_head_under_page_heading(text, expected):
    assert _front(run(text)) == expected


# a catalogue page's meta line: 印发日期 and 发布日期, then the notice's own 发文字号 with no label
@pytest.mark.parametrize("text, expected", [
    ("江岭市总工会关于开展职工健康讲座的通知\n印发日期:2024-03-02  发布日期:2024-03-05  江工发〔2024〕9 号\n字号:\n"
     "各区总工会:\n现将有关事项通知如下。\n", (["江岭市总工会"], "江工发〔2024〕9号", "江岭市总工会关于开展职工健康讲座的通知", "各区总工会")),
    ("滨江区卫生健康委关于举办护士技能竞赛的通知\n印发日期:2023-05-06 滨卫发〔2023〕21号\n"
     "各医疗机构:\n现将有关事项通知如下。\n", (["滨江区卫生健康委"], "滨卫发〔2023〕21号", "滨江区卫生健康委关于举办护士技能竞赛的通知", "各医疗机构")),
])
def test_catalogue_meta_with_number(text, expected):
    assert _front(run(text)) == expected


# the same meta line re-broken inside the 发文字号's bracket: the two pieces are one number
@pytest.mark.parametrize("text, expected", [
    ("江岭市总工会关于开展职工健康讲座的通知\n印发日期:2024-03-02  发布日期:2024-03-05  江工发〔\n2024〕9 号\n字号:\n"
     "各区总工会:\n现将有关事项通知如下。\n", (["江岭市总工会"], "江工发〔2024〕9号", "江岭市总工会关于开展职工健康讲座的通知", "各区总工会")),
])
def test_catalogue_meta_broken_in_the_number(text, expected):
    assert _front(run(text)) == expected


# a font widget whose buttons the copy lost ("【字体:"), then a 发文字号 whose 〕 it lost: whole lines, never joined
@pytest.mark.parametrize("text, expected", [
    ("关于开展职工创新工作室评选的通知\n发布日期:2021-04-02 作者: 来源:\n【字体:\n江工发〔202115\n关于开展职工创新\n工作室评选的通知\n"
     "各区总工会:\n现将有关事项通知如下。\n", ([], "江工发〔2021〕15号", "关于开展职工创新工作室评选的通知", "各区总工会")),
    ("关于做好困难职工帮扶的通知\n【字号:\n滨工办〔20198号\n关于做好困难职工帮扶的通知\n"
     "各基层工会:\n现将有关事项通知如下。\n", ([], "滨工办〔2019〕8号", "关于做好困难职工帮扶的通知", "各基层工会")),
])
def test_widget_and_lost_bracket_lines(text, expected):
    assert _front(run(text)) == expected


# addressees in groups, a line each, the first closed by a semicolon
@pytest.mark.parametrize("text, expected", [
    ("各二级单位党委;\n各学院、各单位、机关各部门:\n现将有关事项通知如下。\n江岭大学工会\n2024年3月1日\n",
     "各二级单位党委;各学院、各单位、机关各部门"),
    ("各区总工会;\n各产业工会,市直机关工会:\n现将有关事项通知如下。\n江岭市总工会\n2024年3月1日\n",
     "各区总工会;各产业工会,市直机关工会"),
])
def test_addressee_groups_over_lines(text, expected):
    assert run(text).recipients.text == expected


# 教代会/职代会/工代会 sign beside a department and the union
@pytest.mark.parametrize("text, expected", [
    ("各学院:\n现将有关事项通知如下。\n附件:“书香校园”主题征文、摄影、书法作品征集活动评选结果\n党委宣传部 教代会、工会\n2024年9月27日\n",
     ["党委宣传部", "教代会", "工会"]),
    ("各单位:\n现将有关事项通知如下。\n滨江集团职代会  滨江集团工会\n2023年4月2日\n", ["滨江集团职代会", "滨江集团工会"]),
])
def test_congress_signs(text, expected):
    assert [i.name for i in run(text).issuers] == expected


# a page that printed every 。 as a comma: the 署名 and date after the last comma, then the 附注 or the end
@pytest.mark.parametrize("text, expected", [
    ("各施工企业:现就有关事项通知如下:一、积极宣传,营造良好氛围,二、加强指导,确保工作要求落实到位,"
     "江岭市住房和城乡建设局2025年11月25日(联系人:彭先生,电话:020-83456789)", (["江岭市住房和城乡建设局"], "2025-11-25")),
    ("各基层工会:现就有关事项通知如下:请各单位认真组织,按时报送材料,滨江区总工会2024年6月3日",
     (["滨江区总工会"], "2024-06-03")),
    # (guard: a body sentence naming a body and a day goes on after it)
    ("各基层工会:现就有关事项通知如下:请各单位认真组织,滨江区总工会2024年6月3日召开推进会,请准时参加。",
     ([], None)),
])
def test_signature_after_a_comma(text, expected):
    r = run(text)
    assert ([i.name for i in r.issuers], r.signed_date.isoformat() if r.signed_date else None) == expected


def deadlines(text: str) -> list[str]:
    return [d.due.isoformat() for d in run(text).deadlines if d.due]


@pytest.mark.parametrize("text, expected", [
    # 填写 a form by a day is a hand-in (an online form is the registration)
    ("各分工会:\n请于10月16日12点前在线填写《趣味运动会报名表》。\n校工会\n2025年10月9日\n", ["2025-10-16"]),
    ("各分工会:\n请各分会于5月20日前填写职工满意度调查问卷。\n校工会\n2024年5月9日\n", ["2024-05-20"]),
    ("各分工会:\n10月16日前已填写报名表的会员无需重复提交。\n校工会\n2025年10月9日\n", []),  # (guard: no request)
    # a window of two compact dates (every 年 and 月 lost): its end
    ("各分工会:\n三、征稿时间:2016328日——2016528日。\n校工会\n2016年3月9日\n", ["2016-05-28"]),
    ("各分工会:\n报名时间:2024510日至2024520日。\n校工会\n2024年5月2日\n", ["2024-05-20"]),
])
def test_deadlines(text, expected):
    assert deadlines(text) == expected


# a second person after "；" with a place in brackets between the name and the phone
@pytest.mark.parametrize("line, expected", [
    ("联系人:王老师(东校区),13812345678;李老师(西校区),13987654321。",
     [(["王老师"], ["13812345678"]), (["李老师"], ["13987654321"])]),
    ("联系人:赵敏(工会办公室),0571-87654321;孙立(财务处),0571-87651234。",
     [(["赵敏"], ["0571-87654321"]), (["孙立"], ["0571-87651234"])]),
])
def test_second_contact_with_a_remark(line, expected):
    r = run("各分工会:\n现将有关事项通知如下。\n" + line + TAIL)
    assert [(c.names, [v.value for v in c.values]) for c in r.contacts] == expected


def attachments(text: str) -> list[tuple[int, str, str]]:
    return [(a.number, a.title, a.evidence.quote) for a in run(text).attachments]


@pytest.mark.parametrize("text, expected", [
    # each listed item's download link under it is no item of its own
    ("各分工会:\n现将有关事项通知如下。\n附件:1.《趣味运动会比赛规则》\n附件1:2025年趣味运动会比赛规程.doc\n"
     "2.《趣味运动会报名表》\n附件2:2025年趣味运动会报名表.doc" + TAIL,
     [(1, "趣味运动会比赛规则", "趣味运动会比赛规则"), (2, "趣味运动会报名表", "趣味运动会报名表")]),
    # two titles that open alike: each one's evidence is its own line
    ("各分工会:\n现将有关事项通知如下。\n附件:1.2025年趣味运动会比赛规程.doc\n2.2025年趣味运动会报名表.doc" + TAIL,
     [(1, "2025年趣味运动会比赛规程", "2025年趣味运动会比赛规程"), (2, "2025年趣味运动会报名表", "2025年趣味运动会报名表")]),
    # one file's forms named after the first ("…申报表、登记表、汇总表"): one attachment
    ("各分工会:\n现将有关事项通知如下。\n附件:1.江岭市职工创新工作室创建申报表、登记表、汇总表" + TAIL,
     [(1, "江岭市职工创新工作室创建申报表、登记表、汇总表", "江岭市职工创新工作室创建申报表、登记表、汇总表")]),
    ("各分工会:\n现将有关事项通知如下。\n附件:江岭市困难职工帮扶暂行办法、申请表" + TAIL,  # (guard: two kinds of document)
     [(1, "江岭市困难职工帮扶暂行办法", "江岭市困难职工帮扶暂行办法"), (2, "申请表", "申请表")]),
])
def test_attachment_items(text, expected):
    assert attachments(text) == expected


def targets(text: str) -> list[tuple[float, str]]:
    return [(t.value, t.unit) for t in run(HEAD + text + TAIL).targets]


@pytest.mark.parametrize("text, expected", [
    # a cap on the total in brackets after each one's quota (共计最多, 合计不超过)
    ("本科类高校每个竞赛组别可推荐1名青年教师(共计最多5名)参加决赛。", [(1.0, "名"), (5.0, "名")]),
    ("各分会可推荐2名代表(合计不超过10名)。", [(2.0, "名"), (10.0, "名")]),
    ("各分工会推荐1人,共计20人。", [(1.0, "人")]),  # (guard: the sum of the quotas just set)
    # who is sent to the final is a quota, not how the match is played
    ("其他学科类别各推荐1名青年教师参加教学竞赛决赛。", [(1.0, "名")]),
    ("各县区总工会推选2支代表队参加全市决赛。", [(2.0, "支")]),
    ("每场比赛选派5名队员上场。", []),  # (guard)
    # 二次 is "a second time": no count
    ("一次不能完成的可组织二次,尽量让每位女教职工参与。", []),
    ("各分会一次不能完成的可组织二次,确保全员参与。", []),
    ("每年至少组织二次集中学习。", [(2.0, "次")]),  # (guard: its comparator makes it a count)
    # the quota the province handed to the issuer, under its heading
    ("一、名额和类型\n(一)省上分配的名额类型\n1.江岭省五一劳动奖状2个。其中:\n(1)“非公有制企业单位”1个。", []),
    ("一、名额\n(一)省总工会下达的名额\n1.省五一劳动奖章3名。", []),
    # a share of a whole that is to reach a goal: the 的 names what it counts
    ("2018年末全省40%的工资集体协商建制企业达到A级质量标准。", [(40.0, "%")]),
    ("年底前全市60%以上的规上企业建立职代会制度。", [(60.0, "%")]),
    ("缴费比例不低于30%的单位可以参加。", []),  # (guard: a threshold on who may join)
    # the same headings with the lines joined (a page pasted onto one line)
    ("一、名额和类型(一)省上分配的名额类型1.江岭省五一劳动奖状2个。其中:(1)“非公有制企业单位”1个。", []),
    ("一、名额(一)市总分配的指标1.市级劳模5名。(二)各单位推荐名额各推荐1名。", [(1.0, "名")]),  # (guard: (二) ends it)
])
def test_targets(text, expected):
    assert targets(text) == expected


# a page heading that printed the 发文字号 and the title in 《》 over the notice's own title: the latter
@pytest.mark.parametrize("text, expected", [
    ("江工发〔2024〕3号《关于召开全市工会劳动保障工作座谈会的通知》\n关于召开全市工会劳动保障工作座谈会的通知\n江工发〔2024〕3号\n"
     "各区总工会:\n现将有关事项通知如下。\n", "关于召开全市工会劳动保障工作座谈会的通知"),
    ("滨工字〔2019〕8号《关于举办职工书法展的通知》\n关于举办职工书法展的通知\n滨工字〔2019〕8号\n"
     "各基层工会:\n现将有关事项通知如下。\n", "关于举办职工书法展的通知"),
])
def test_heading_in_book_marks_over_own_title(text, expected):
    assert run(text).title.text == expected


# the body's lead-in to its items ("…的主要事项有:") is no addressee
@pytest.mark.parametrize("text", [
    "关于评选先进的通知\n2024年江岭公司开展劳动竞赛活动已进入总结阶段,本次评选的主要事项有:\n一、条件\n江岭公司工会\n2024年3月1日\n",
    "关于举办职工书法展的通知\n2024年滨江区职工书法展将于五月举行,活动的内容是:\n一、时间\n滨江区总工会\n2024年3月1日\n",
])
def test_lead_in_is_no_addressee(text):
    assert run(text).recipients is None


def relative(text: str) -> list[str]:
    return [d.anchor for d in run(text).deadlines if d.relative]


# deadlines counted from a meeting or an event the notice names (due null, the wording kept)
@pytest.mark.parametrize("text, expected", [
    ("各分工会:\n提案受理截止时间拟定为预备会议结束之前,在此之后的议案作为平时意见处理。" + TAIL, ["截止时间拟定为预备会议结束之前"]),
    ("各代表团:\n提案征集截止日期为大会开幕式开始前,逾期不再受理。" + TAIL, ["截止日期为大会开幕式开始前"]),
    ("各分工会:\n会后一周内向校工会提交二级教代会召开情况。" + TAIL, ["会后一周内"]),
    ("各代表:\n闭会三天内亦可直接送交工会办公室。" + TAIL, ["闭会三天内"]),
    ("各分工会:\n赛后三天内各队讨论热烈。" + TAIL, []),  # (guard: no hand-in)
    # 告知 is a hand-in too (the union is told)
    ("各分工会:\n名单确定后原则上不予更改,如确需调整须提前三天告之。" + TAIL, ["提前三天"]),
])
def test_relative_deadlines(text, expected):
    assert relative(text) == expected


def test_notify_by_a_day():
    assert deadlines("各分工会:\n请于5月10日前告知校工会参赛人数。" + TAIL) == ["2024-05-10"]


# 填写 is the action only when no hand-in verb governs the date
@pytest.mark.parametrize("text, expected", [
    ("各分工会:\n请于10月16日前在线填写《趣味运动会报名表》。" + TAIL, ["填写"]),
    ("各分工会:\n申报人请在2024年3月16日前填写申报表,同时提交电子版材料至工会邮箱。" + TAIL, ["提交"]),  # (guard: the hand-in verb governs)
    ("各分工会:\n报名时间:6月1日—6月15日,请填写报名表后报区总工会。" + TAIL, ["报名"]),  # (guard: the registration governs)
])
def test_fill_in_yields(text, expected):
    assert [d.action for d in run(text).deadlines] == expected


# one-line pages: a count or widget label left empty, then the addressee; a body's members as addressee
@pytest.mark.parametrize("text, recipients", [
    ("关于开展2024年教职工疗休养工作的通知发布时间:2024-07-01阅读人数:各二级工会:根据上级通知精神,现将有关事项通知如下。",
     "各二级工会"),
    ("关于开展职工医疗互助活动的通知2024-06-30 12:44:35来源:滨江新闻网作者:李明阅读:1评论:0举报各乡镇工会、县直各单位:"
     "根据上级工会通知精神,现将有关事项通知如下。", "各乡镇工会、县直各单位"),
    ("江岭市卫生健康委关于举办护理技能竞赛的通知印发日期:2024-05-06发布日期:2024-05-08江卫发〔2024〕21号字号:"
     "各区卫生健康委、各市属医院:根据省卫生健康委通知精神,现将有关事项通知如下。", "各区卫生健康委、各市属医院"),
    ("关于印发江岭市职业技能大赛实施方案的通知来源:江岭市总工会更新时间:2024-06-02江岭市第三届职业技能大赛领导小组各成员单位:"
     "根据市政府有关文件精神,现将方案印发给你们。", "江岭市第三届职业技能大赛领导小组各成员单位"),
    ("关于做好职工疗休养工作的通知发布时间:2024-06-02江岭市总工会各部门:根据上级文件精神,现将有关事项通知如下。",
     "江岭市总工会各部门"),  # (guard: held before)
])
def test_one_line_addressee_after_page_labels(text, recipients):
    r = run(text)
    assert r.recipients is not None and r.recipients.text == recipients
