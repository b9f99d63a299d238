"""Forms read on the AR set (frozen for three measurements, then released as
dev), each as a case we wrote (names, numbers and places invented): two
offices (办公厅) run together in a title; an area (城市副中心) opening a
company's name; a joint 版头 over a 署名 the excerpt cut; a union named in
full opening a title with no 关于; a body's act as the only heading; the date
a tenure is counted to; a date, its clock time and every mark lost; a hand-in
whose sentence the excerpt cut after 之前; a condition on a count, a tally a
structure splits, a remark before 的, a quota handed to the issuer listed
after a colon; a page's review fields (一审:二审:) on one line; an
attachment's own list after its numbered label on one line. One case per
line: the text as a reader gets it, the values expected."""
from __future__ import annotations

import pytest

from pipeline.readers import read_bytes
from pipeline.stages.run import extract_document

HEAD = "关于开展职工运动会的通知\n各基层工会:\n现将有关事项通知如下,请认真组织。\n"
TAIL = "\n江岭市总工会\n2024年3月1日\n"
BODY = "\n各有关单位:\n现将有关事项通知如下。\n"


def run(text: str, name: str = "case.txt"):
    return extract_document(read_bytes(name, text.encode("utf-8")))


def issuers(text: str) -> list[str]:
    return [i.name for i in run(text).issuers]


@pytest.mark.parametrize("text, expected", [
    # two offices (办公厅) run together before 关于: each ends at its own 办公厅
    ("共青团中央办公厅中华全国总工会办公厅关于举办青年技能大赛的通知" + BODY, ["共青团中央办公厅", "中华全国总工会办公厅"]),
    ("共青團中央辦公廳江嶺省人力資源社會保障廳關於舉辦青年技能大賽的通知" + BODY, ["共青團中央辦公廳", "江嶺省人力資源社會保障廳"]),
    # an area that opens a company's name is no body of its own
    ("关于开展职工满意度测评的通知" + BODY + "江岭城市副中心投资建设集团有限公司工会\n2024年6月21日\n",
     ["江岭城市副中心投资建设集团有限公司工会"]),
    ("关于开展职工满意度测评的通知" + BODY + "滨江商务中心开发集团有限公司工会\n2024年6月21日\n",
     ["滨江商务中心开发集团有限公司工会"]),
    ("关于开展职工满意度测评的通知" + BODY + "江岭市职工服务中心江岭交通集团有限公司工会\n2024年6月21日\n",
     ["江岭市职工服务中心", "江岭交通集团有限公司工会"]),  # (guard: the company names its own place)
    # a joint 版头 over a 署名 the excerpt cut: the 版头's list is the whole
    ("江岭省应急管理厅办公室\n江岭省总工会办公室\n关于开展应急知识竞赛的通知\n江应急办〔2024〕6号" + BODY
     + "江岭省应急管理厅办公室\n江", ["江岭省应急管理厅办公室", "江岭省总工会办公室"]),
    ("江岭市总工会文件\n关于开展应急知识竞赛的通知" + BODY + "江岭市总工会  江岭市应急管理局\n2024年5月6日\n",
     ["江岭市总工会", "江岭市应急管理局"]),  # (guard: a one-body 标志 over a joint 署名)
    ("江岭市总工会\n江岭市教育局\n关于开展应急知识竞赛的通知" + BODY + "滨江区总工会\n2024年5月6日\n",
     ["滨江区总工会"]),  # (guard: a 署名 that names no body of the 标志 is no cut one)
    # a union named in full opens a title with no 关于 or act verb
    ("2018年江岭县总工会集体协商“要约行动季”提示函\n全县各类企业:\n现将有关事项函告如下。\n", ["江岭县总工会"]),
    ("江岭大学工会2024年教职工运动会方案" + BODY, ["江岭大学工会"]),
    ("全市工会系统技能竞赛方案" + BODY, []),  # (guard: 全市 is a scope, no body)
    ("模范职工之家工会小组评选办法" + BODY, []),  # (guard: no place or institution)
])
def test_issuers(text, expected):
    assert issuers(text) == expected


@pytest.mark.parametrize("text, title, issuer", [
    # a heading that names a body's act is the only title
    ("集团工会组织“三八”节活动\n“三八”节之际,各单位要积极宣传女职工的先进事迹。\n活动内容:各公司组织拔河比赛。\n",
     "集团工会组织“三八”节活动", ["集团工会"]),
    ("机关工会开展“书香三八”读书活动\n为丰富女职工文化生活,机关工会决定开展读书活动。\n一、活动时间\n",
     "机关工会开展“书香三八”读书活动", ["机关工会"]),
])
def test_heading_naming_a_bodys_act(text, title, issuer):
    n = run(text)
    assert (n.title.text, [i.name for i in n.issuers]) == (title, issuer)


def deadlines(text: str) -> list[str]:
    return [str(d.due) for d in run(text).deadlines]


@pytest.mark.parametrize("text, expected", [
    # the date a tenure or an age is counted to
    (HEAD + "各单位职工均可参赛(截至2024年5月31日,在本单位工作时间满三个月)。\n请于2024年5月20日前报名。" + TAIL,
     ["2024-05-20"]),
    (HEAD + "参赛者须为在职职工(截止2024年6月30日,入会满一年)。\n请于2024年6月20日前报名。" + TAIL, ["2024-06-20"]),
    (HEAD + "报名截至2024年5月31日,逾期不予受理。" + TAIL, ["2024-05-31"]),  # (guard)
    # a date and its clock time with every mark lost
    (HEAD + "七、报名截止时间:20245241800,报名表电子版发送至工会邮箱。" + TAIL, ["2024-05-24"]),
    (HEAD + "报名截止时间:202412201730,请按时报名。" + TAIL, ["2024-12-20"]),
    # a hand-in whose sentence the excerpt cut after 之前
    (HEAD + "4、材料申报表一式1份,于2024年12月31日(周五)之前", ["2024-12-31"]),
    (HEAD + "3、推荐名单及事迹材料于2024年6月9日前", ["2024-06-09"]),
    (HEAD + "3、活动于2024年6月9日前", []),  # (guard: nothing handed in)
])
def test_deadlines(text, expected):
    assert deadlines(text) == expected


def targets(sentence: str) -> list[tuple[float, str]]:
    return [(t.value, t.unit) for t in run(HEAD + sentence + TAIL).targets]


@pytest.mark.parametrize("sentence, expected", [
    # a condition on a count says which recipients, no goal
    ("基层工会如教职工人数少于20人或男教工少于10人,可与其他单位联合组队。", []),
    ("各分会如会员人数少于15人,可与相邻分会联合组队。", []),
    ("各分工会若参赛人数超过40人,可分两批参赛。", []),
    ("各单位推荐人数不少于3人。", [(3.0, "人")]),  # (guard)
    # a tally in brackets that the sentence splits
    ("按二级工会为单位(10个队)分为两组,每队8人。", [(8.0, "人")]),
    ("按片区(6个代表队)分为两组进行预赛。", []),
    # a remark in brackets before 的 still describes who
    ("对女职工人数满1500人(以2023年统计数据为依据)的区县工会,可推荐1名。", [(1.0, "名")]),
    ("对会员人数达到500人(以2023年底数据为准)的基层工会,每家推荐2名。", [(2.0, "名")]),
    # a quota handed to the issuer, listed after a colon
    ("全总分配给我省的名额为:全国五一劳动奖状2个,全国五一劳动奖章9名(其中农民工1名),全国工人先锋号8个。", []),
    ("全总分配给我省的指标:五一劳动奖章6个,工人先锋号4个。", []),
    ("名额分配:各县区总工会各推荐2名。", [(2.0, "名")]),  # (guard: a quota set on recipients)
    # 张 counts pieces of work (a photo contest's cap), never copies of a form or tickets
    ("书画作品每人限交6幅;摄影作品每人10张。", [(6.0, "幅"), (10.0, "张")]),
    ("(3)每人每项仅限投1张作品。", [(1.0, "张")]),
    ("报名时需提交近期一寸免冠照片2张。", []),  # (guard)
    ("每位获奖职工发放电影票2张。", []),  # (guard)
])
def test_targets(sentence, expected):
    assert targets(sentence) == expected


@pytest.mark.parametrize("text", [
    # a page's review fields (一审:二审:三审:) run into a one-line text
    "关于开展青年文化艺术节的通知 来源:江岭职业技术学院 一审:二审:三审: 创建部门:人员机构发布时间:2011-03-29 "
    "各分工会、直属工会小组: 为展现青年风貌,校工会将举办青年文化艺术节。",
    "关于开展青年文化艺术节的通知 来源:校工会 一审:王明 二审:李华 发布时间:2011-03-29 "
    "各分工会、直属工会小组: 为展现青年风貌,校工会将举办青年文化艺术节。",
])
def test_review_fields_on_one_line(text):
    n = run(text)
    assert (n.title.text, n.recipients.text) == ("关于开展青年文化艺术节的通知", "各分工会、直属工会小组")


@pytest.mark.parametrize("text, expected", [
    # an attachment's own list after its numbered label (one line): the label's title only
    (HEAD + "请于9月10日前报所工会。 江岭研究所工会 2024年8月29日 附件1: 工会小组划分情况 1. 生态实验室工会小组 "
     "召集人:王明 2. 加工实验室工会小组 召集人:李华", ["工会小组划分情况"]),
    (HEAD + "请于9月10日前报所工会。 江岭研究所工会 2024年8月29日 附件1: 分组及召集人名单 1. 第一小组 召集人:王明 "
     "2. 第二小组", ["分组及召集人名单"]),
    (HEAD + "请于9月10日前报所工会。\n附件:1.报名表 2.汇总表" + TAIL, ["报名表", "汇总表"]),  # (guard)
])
def test_attachment_list_on_one_line(text, expected):
    assert [a.title for a in run(text).attachments] == expected


@pytest.mark.parametrize("text, title, recipients", [
    # a breadcrumb that says where the reader is (您现在的位置是:) is page chrome, not a title line
    # (an image's file name under the title parts it from the addressee)
    ("ENGLISH\n手机版登录\n您现在的位置是: 首页| 通知公告\n关于评选2023-2024年度“先进基层工会”、“工会之友”、“工会积极分子”"
     "和“优秀工会干部”的通知 (江工〔2024〕23号)\n1.jpg\n各基层工会:\n现将有关事项通知如下。\n",
     "关于评选2023-2024年度“先进基层工会”、“工会之友”、“工会积极分子”和“优秀工会干部”的通知", "各基层工会"),
    ("ENGLISH\n江岭大学工会\n您现在的位置是:首页| 通知公告\n关于评选2022-2023年度“先进女职工集体”、“巾帼建功标兵”、"
     "“优秀女工干部”和“最美家庭”的通知 (江工〔2023〕11号)\n2.jpg\n各基层工会:\n现将有关事项通知如下。\n",
     "关于评选2022-2023年度“先进女职工集体”、“巾帼建功标兵”、“优秀女工干部”和“最美家庭”的通知", "各基层工会"),
    # a page's meta line with an empty count, the addressee run on after it
    ("通知公告\n关于开展荣誉奖励摸底调查的通知\n发布时间:2024-12-31点击:各分工会:\n为做好推荐工作,现将有关事项通知如下。\n",
     "关于开展荣誉奖励摸底调查的通知", "各分工会"),
    ("通知公告\n关于开展荣誉奖励摸底调查的通知\n发布时间:2024-12-31 浏览次数:各分工会、直属工会:\n为做好推荐工作,特此通知。\n",
     "关于开展荣誉奖励摸底调查的通知", "各分工会、直属工会"),
])
def test_page_lines_above_the_addressee(text, title, recipients):
    n = run(text)
    assert (n.title.text, n.recipients.text) == (title, recipients)


@pytest.mark.parametrize("line, names, phones, department", [
    # a short number on a campus or company network (短号) is a phone; a date's 前 and 报 end the desk
    ("请将参赛名单于4月12日前报财金学院李明老师处,短号:698308。", ["李明"], ["698308"], "财金学院"),
    ("联系人:王芳,集团短号:661234。", ["王芳"], ["661234"], None),
])
def test_short_numbers(line, names, phones, department):
    c = run(HEAD + line + TAIL).contacts
    assert ([n for x in c for n in x.names], [v.value for x in c for v in x.values if v.kind == "phone"],
            c[0].department) == (names, phones, department)



ONE = "关于开展职工读书活动的通知 各基层工会: 为丰富职工文化生活,现将有关事项通知如下。请于5月10日前报名。 "


@pytest.mark.parametrize("text, issuers, signed", [
    # a 署名 and date joined onto one line, then the page's words with "/" labels
    (ONE + "电子邮箱:jlgh@126.com 江岭市总工会 2025年4月17日 来源/ 江岭日报 编辑/ 王明 校对/ 李华", ["江岭市总工会"], "2025-04-17"),
    (ONE + "电话:0571-86152685 江岭县总工会 2024年3月8日 稿件来源/ 县总工会 责编/ 张三", ["江岭县总工会"], "2024-03-08"),
    # a date that lost 月 and 日 but kept 年 ("2025年828"), then the page's navigation
    (ONE + "校工会 2025年828 上一条:关于举办征文活动的通知 下一条:关于健康体检的通知", ["校工会"], "2025-08-28"),
    (ONE + "校工会 2024年1215 上一篇:关于举办书法比赛的通知", ["校工会"], "2024-12-15"),
    # a meeting's body with the meeting quoted
    (ONE + "“三届三次双代会”主席团 2014年2月19日", ["“三届三次双代会”主席团"], "2014-02-19"),
    (ONE + "“第五届职代会”筹备组 2023年6月1日", ["“第五届职代会”筹备组"], "2023-06-01"),
    (ONE + '"第五届职代会"筹备组 2023年6月1日', ['"第五届职代会"筹备组'], "2023-06-01"),  # (half-width quotes)
    # a person with an honorific after the phone is no part of the 署名 after it
    (ONE + "咨询电话:13569531234 郑老师 校工会 2016年12月29日", ["校工会"], "2016-12-29"),
    (ONE + "联系电话:87654321 王先生 江岭大学工会 2020年5月6日", ["江岭大学工会"], "2020-05-06"),
])
def test_one_line_signature(text, issuers, signed):
    n = run(text)
    assert ([i.name for i in n.issuers], str(n.signed_date)) == (issuers, signed)


@pytest.mark.parametrize("text, number", [
    # a site's catalogue field that labels the notice's own number, however long its line
    ("您当前的位置:浏览次数:信息名称: 关于公布2022年江岭市“模范教工之家”名单的通知 索引号:014109488/2022-00269 "
     "法定主动公开分类:其他 公开方式:主动公开 文件编号:江教工〔2022〕20号 发布机构:江岭市教育局 生成日期:2022-10-11 "
     "公开时限:长期公开 主题分类:教育 各区教育局、各区教育工会: 现将名单公布如下。",
     "江教工〔2022〕20号"),
    ("江岭安全网 点击数:   更新日期:2024年04月16日 关于开展2024年职业病防治宣传周活动的通知 发 文 号:江卫办疾控函〔2024〕283号 "
     "发布单位:江岭省卫生健康委办公室、江岭省总工会办公室 发布日期:2024-04-08 关于开展2024年职业病防治宣传周活动的通知 "
     "江卫办疾控函〔2024〕283号 各市卫生健康委、总工会: 为深入宣传职业病防治知识,决定开展宣传周活动。现就有关事项通知如下:",
     "江卫办疾控函〔2024〕283号"),
])
def test_labelled_number_on_one_line(text, number):
    assert run(text).doc_number.text == number


@pytest.mark.parametrize("text, cc", [
    # the page's own words after the 抄送 list on one line
    (ONE + "江岭市总工会 2024年3月1日 抄送:省总机关各部室,各医疗互助办事处 附件下载 相关文章",
     ["省总机关各部室", "各医疗互助办事处"]),
    (ONE + "江岭市总工会 2024年3月1日 抄送:市委办、市府办、省总办公室 网站地图 版权所有", ["市委办", "市府办", "省总办公室"]),
])
def test_cc_before_page_words(text, cc):
    assert run(text).cc == cc


def test_byline_with_a_place_in_brackets():
    text = ("机关工会开展“金点子”合理化建议征集活动 江岭投资(中国) 2008-01-21 机关、开发、劳务各工会小组: "
            "为激发会员热情,机关工会决定开展合理化建议征集活动。")
    n = run(text)
    assert (n.title.text, n.recipients.text) == ("机关工会开展“金点子”合理化建议征集活动", "机关、开发、劳务各工会小组")


@pytest.mark.parametrize("text, title", [
    # a page's headline right over its dated meta line is the only title
    ("快来报名!2025年江岭区总工会暑假爱心托管班即将开班\n发布时间:2025-06-27 16:52浏览量:1\n"
     "为解决职工暑期子女看护难问题,区总工会开办爱心托管班。\n报名时间:即日起至2025年7月1日。\n",
     "快来报名!2025年江岭区总工会暑假爱心托管班即将开班"),
    ("当前位置:首页>>通知公告\n江岭市总工会“温暖回家路”助力农民工平安返乡行动开始啦!\n来源:发布日期:2019-12-11\n"
     "为帮助农民工平安返乡,市总工会开展购票补贴活动。\n请于2020年1月10日前报名。\n",
     "江岭市总工会“温暖回家路”助力农民工平安返乡行动开始啦!"),
])
def test_headline_over_meta(text, title):
    assert run(text).title.text == title


def test_news_headline_over_meta_stays_news():  # (guard: a report under its headline is emptied)
    text = ("江岭市总工会召开2024年度工作会议\n发布时间:2024-01-10 来源:江岭日报\n"
            "1月9日,市总工会召开年度工作会议。记者从会上了解到,去年全市新建职工之家120个。\n"
            "会议要求,各级工会要在2月底前完成换届工作。\n")
    n = run(text)
    assert any(w.code == "not_a_circular" for w in n.warnings) and n.deadlines == []


@pytest.mark.parametrize("text, recipients", [
    # a count's label takes figures only, and a page's widget words after it are the page's
    ("通知公告 当前位置: 首页» 通知公告 关于江岭大学五届四次教代会提案征集工作的通知 更新时间:2019-03-07 点击数: "
     "校内各单位、全体教代会代表: 为做好提案工作,现将有关事项通知如下。", "校内各单位、全体教代会代表"),
    ("当前位置: 首页 > 通知公告 > 正文 关于征集校第九届教代会第二次会议提案的通知 发布日期:2023-03-07 点击: "
     "教代会各代表团并转各位代表: 为做好提案工作,现将有关事项通知如下。", "教代会各代表团并转各位代表"),
    ("关于推选2024年“江岭市模范教职工”候选人的通知 时间:2024-04-03浏览:10设置 各基层工会: 根据市总工会通知精神,"
     "现将有关事项通知如下。", "各基层工会"),
    ("关于参加江岭省职工科技节有关活动的通知 发布时间:2015-6-23 18:14:46点击量:加载中... 各基层工会: 根据省总工会安排,"
     "现将有关事项通知如下。", "各基层工会"),
    # a print button after the page's source
    ("关于组队参加市职工运动会的通知 2017/3/29 10:57:26 来源:家园网 打印本页 市级机关各基层工会: 五一前夕,市总工会"
     "将举办职工运动会。", "市级机关各基层工会"),
])
def test_addressee_after_an_empty_count(text, recipients):
    assert run(text).recipients.text == recipients


@pytest.mark.parametrize("tail, expected", [
    # download widgets run onto one line, each a file
    ("附件【2024年教职工羽毛球比赛报名表.doc】已下载 附件【2024年教职工羽毛球比赛竞赛规程.doc】已下载",
     ["2024年教职工羽毛球比赛报名表", "2024年教职工羽毛球比赛竞赛规程"]),
    ("附件【职工书画作品登记表.xls】下载 附件【参赛须知.pdf】下载", ["职工书画作品登记表", "参赛须知"]),
    # a first label glued to its title, the second with a colon
    ("附件1江岭学院2024年元旦趣味运动会项目规则说明 附件2:江岭学院2024年元旦趣味运动会报名表",
     ["江岭学院2024年元旦趣味运动会项目规则说明", "江岭学院2024年元旦趣味运动会报名表"]),
    ("附件1职工健步走活动方案 附件2:职工健步走报名汇总表", ["职工健步走活动方案", "职工健步走报名汇总表"]),
    # a file named by its label and an underscore
    ("附件: ·附件1_困难职工档案表.xls", ["困难职工档案表"]),
    ("附件: ·附件2_送温暖对象汇总表.xlsx", ["送温暖对象汇总表"]),
])
def test_attachments_after_the_date_on_one_line(tail, expected):
    text = ONE + "江岭学院工会 2024年5月24日 " + tail
    assert [a.title for a in run(text).attachments] == expected


@pytest.mark.parametrize("text, issuers, signed", [
    # an institution's bodies by its one-character short name, run together; a body still being set up (筹)
    (HEAD + "欢迎大家积极参加!\n所党委所工会所团委\n所羽毛球协会(筹)\n2006年6月12日\n",
     ["所党委", "所工会", "所团委", "所羽毛球协会(筹)"], "2006-06-12"),
    (HEAD + "欢迎大家积极参加!\n校党委校工会校团委\n2024年3月8日\n", ["校党委", "校工会", "校团委"], "2024-03-08"),
    (HEAD + "歡迎大家積極參加!\n所黨委所工會所團委\n所羽毛球協會(籌)\n2006年6月12日\n",
     ["所黨委", "所工會", "所團委", "所羽毛球協會(籌)"], "2006-06-12"),  # (traditional characters)
    (ONE + "欢迎大家积极参加! 所党委 所工会 所团委 所羽毛球协会(筹) 2006年6月12日 |",
     ["所党委", "所工会", "所团委", "所羽毛球协会(筹)"], "2006-06-12"),
])
def test_short_named_bodies(text, issuers, signed):
    n = run(text)
    assert ([i.name for i in n.issuers], str(n.signed_date)) == (issuers, signed)


@pytest.mark.parametrize("text, title", [
    # one line: a headline that exclaims before the page's dated meta; a body's act heading run into the body
    ("快来报名!2025年江岭区总工会暑假爱心托管班即将开班 发布时间:2025-06-27 16:52浏览量:1 为解决职工暑期子女"
     "看护难问题,区总工会开办爱心托管班。报名时间:即日起至2025年7月1日。", "快来报名!2025年江岭区总工会暑假爱心托管班即将开班"),
    ("江岭市总工会“温暖回家路”行动开始啦! 来源: 发布日期:2019-12-11 为帮助农民工平安返乡,市总工会开展购票补贴"
     "活动。请于2020年1月10日前报名。", "江岭市总工会“温暖回家路”行动开始啦!"),
    ("集团工会组织“三八”节活动 “三八”节之际,各单位要积极宣传女职工的先进事迹。活动内容:各公司组织拔河比赛。",
     "集团工会组织“三八”节活动"),
    ("机关工会开展“书香三八”读书活动 为丰富女职工文化生活,机关工会决定开展读书活动。一、活动时间:3月1日至3月8日。",
     "机关工会开展“书香三八”读书活动"),
])
def test_headings_on_one_line(text, title):
    assert run(text).title.text == title


@pytest.mark.parametrize("text, expected", [
    # "附:" and one document on the last line: the 附件说明 of a single attachment, never glued to the line above
    (HEAD + "七、提案组办公室设在纪委办公室,请各代表团按时报送提案。电话4309278\n附:八届五次教代会提案征集表",
     ["八届五次教代会提案征集表"]),
    (HEAD + "五、请各分工会认真组织,按时报送申报材料,联系人王芳。电话87654321\n附:职工书屋示范点申报表", ["职工书屋示范点申报表"]),
    (HEAD + "五、请各分工会认真组织,按时报送申报材料,联系人王芳。电话87654321\n附:\n1.报名表\n2.汇总表",
     ["报名表", "汇总表"]),  # (the label alone over its items, not glued to the line above either)
    (HEAD + "请各单位按时报送。\n附:1、名额分配表\n2、结对登记表\n3、汇总表", ["名额分配表", "结对登记表", "汇总表"]),  # (guard: a list)
])
def test_bare_label_with_one_document(text, expected):
    assert [a.title for a in run(text).attachments] == expected
