"""Forms read on the AQ set (frozen for three measurements, then released as
dev), each as a case we wrote (names, numbers and places invented): a page
that quotes a notice in full under its lead ("近日…发布《…的通知》:"); a
government site's catalogue line (体裁分类…索引号); a 版记 label under the
抄送 list; a numbered heading closed with a stop; a timetable's day for a
hand-in; a window that collects; a long 机关代字; an attachment's own first
page repeating its item; a page number that lost a dash before the 发文字号;
a place in brackets after each contact, a name after the phone; a cap on
registration (限报名); a count of who exists; a table title's ratio; the
figure a standard is changed from. One case
per line: the text as a reader gets it, the values expected."""
from __future__ import annotations

import pytest

from pipeline.readers import read_bytes
from pipeline.stages.run import extract_document

HEAD = "关于开展职工运动会的通知\n各基层工会:\n现将有关事项通知如下,请认真组织。\n"
TAIL = "\n江岭市总工会\n2024年3月1日\n"


def run(text: str, name: str = "case.txt"):
    return extract_document(read_bytes(name, text.encode("utf-8")))


@pytest.mark.parametrize("lead", [
    "近日,江岭市总工会办公室发布《关于调整职工疗休养补助标准的通知》:",
    "日前,市总工会印发了《关于调整职工疗休养补助标准的通知》:",
])
def test_page_quoting_a_notice_in_full(lead):
    text = ("市总工会:疗休养补助标准提高\n2024-03-09 08:10 来源:江岭日报\n" + lead +
            "\n各区县总工会,市产业工会:\n为做好职工疗休养工作,将补助标准提高至每人不超过1800元。\n"
            "江岭市总工会办公室\n2024年3月4日\n")
    n = run(text)
    assert n.title.text == "关于调整职工疗休养补助标准的通知"
    assert n.recipients.text == "各区县总工会,市产业工会"
    assert [i.name for i in n.issuers] == ["江岭市总工会办公室"]
    assert str(n.signed_date) == "2024-03-04"


def test_news_quoting_a_title_stays_news():  # (guard: no 主送机关 under the quote)
    text = ("江岭职工疗休养补助标准提高\n2024-03-09 08:10 来源:江岭日报\n"
            "近日,市总工会印发《关于调整职工疗休养补助标准的通知》,补助标准提高至1800元。\n"
            "记者从市总工会获悉,新标准自4月起执行。\n")
    n = run(text)
    assert n.title is None and any(w.code == "not_a_circular" for w in n.warnings)


@pytest.mark.parametrize("catalogue", [
    "体裁分类:公告公示 主题分类:卫生、体育 文号: 索引号169/2024-170531",
    "体裁分类:工作部署 主题分类:其他 索引号:jlznongyeban/1619094528510",
])
def test_catalogue_line_above_the_addressee(catalogue):
    text = ("江岭市卫生健康委关于开展医师节走访慰问活动的通知\n发布时间:2024-08-15 发布机构:市卫健委\n"
            + catalogue + "\n各县、区卫生健康局,市直各卫生单位:\n为庆祝医师节,广泛开展慰问活动。\n")
    assert run(text).recipients.text == "各县、区卫生健康局,市直各卫生单位"


@pytest.mark.parametrize("line, expected", [
    ("校对:吴红", ["市教育工会", "学院党委", "宣传部"]),
    ("拟稿:吴红 印数:30份", ["市教育工会", "学院党委", "宣传部"]),
    ("各系部", ["市教育工会", "学院党委", "宣传部各系部"]),  # (guard: a wrapped line still joins)
])
def test_record_label_under_the_cc_list(line, expected):
    text = HEAD + "请认真组织。\n江岭学院工会\n2024年3月1日\n抄送:市教育工会 学院党委 宣传部\n" + line + "\n"
    assert run(text).cc == expected


def deadlines(text: str) -> list[str]:
    return [str(d.due) for d in run(text).deadlines]


@pytest.mark.parametrize("text, expected", [
    # a numbered heading the page closed with a stop still heads the window under it
    (HEAD + "四、征稿时间。\n从即日起,至5月20日止。" + TAIL, ["2024-05-20"]),
    (HEAD + "四、报名时间\n即日起,到5月20日止。" + TAIL, ["2024-05-20"]),  # (guard)
    (HEAD + "四、活动时间\n即日起,到5月20日止。" + TAIL, []),  # (guard: an event's span)
    # a timetable's day on which the recipients hand something in
    (HEAD + "五、日程安排\n4月8日各分会开始排练节目\n4月18日各分会上报节目单\n4月20日节目审查" + TAIL, ["2024-04-18"]),
    (HEAD + "4月2日,各分会参赛者报名。\n4月9日,各分会进行比赛。" + TAIL, ["2024-04-02"]),
    (HEAD + "4月9日,各分会组织职工观看比赛。" + TAIL, []),  # (guard: no hand-in)
    # a window that collects what is sent in
    (HEAD + "1、2024年3月1日起至2024年5月10日止征集照片、书法作品" + TAIL, ["2024-05-10"]),
    (HEAD + "2、3月10日至4月30日征稿,请踊跃投稿。" + TAIL, ["2024-04-30"]),
])
def test_deadlines(text, expected):
    assert deadlines(text) == expected


@pytest.mark.parametrize("header, number, issuers", [
    # a 机关代字 of up to eight characters is taken whole, though part of it ends like a name
    ("国卫基层社卫便函〔2024〕12号", "国卫基层社卫便函〔2024〕12号", []),
    ("国卫体宣社卫函〔2023〕8号", "国卫体宣社卫函〔2023〕8号", []),
    ("江岭市总工会办公室江工办发〔2024〕5号", "江工办发〔2024〕5号", ["江岭市总工会办公室"]),  # (guard)
])
def test_long_agency_code(header, number, issuers):
    n = run(header + "\n关于举办社区卫生技能竞赛的通知\n各省总工会:\n为提高服务能力,特举办竞赛。\n")
    assert (n.doc_number.text, [i.name for i in n.issuers]) == (number, issuers)


def test_attachment_page_repeating_its_item():
    text = ("关于参加“我的故事”征文活动的通知\n各科室:\n现将省卫生厅通知转发给你们,请踊跃投稿。\n"
            "联系人:李青\n附件:关于开展“我的故事”征文活动的通知\n\n关于开展“我的故事”征文活动的通知\n"
            "江卫办发〔2024〕7号\n各市卫生局:\n为弘扬医德医风,现将有关事项通知如下:\n一、活动主题\n")
    n = run(text)
    assert [a.title for a in n.attachments] == ["关于开展“我的故事”征文活动的通知"]
    assert n.title.text == "关于参加“我的故事”征文活动的通知"
    assert n.recipients.text == "各科室"


@pytest.mark.parametrize("line", [
    "1 -江工会文〔2024〕33号关于开展",
    "2 —江工会文〔2024〕33号关于开展",
])
def test_page_number_lost_a_dash_before_the_number(line):
    n = run("编辑: 周明 | 2024-01-28 |\n" + line + "\n2024年度职工合理化建议征集活动的通知\n"
            "各乡镇工会:\n为激发职工创新活力,现将有关事项通知如下:\n")
    assert (n.doc_number.text, n.title.text) == ("江工会文〔2024〕33号", "关于开展2024年度职工合理化建议征集活动的通知")


@pytest.mark.parametrize("line, expected", [
    # a place or desk in brackets after each name
    ("联系人:周强(东校区),马丽(西校区);联系电话:13800138000(东校区)。", ["周强", "马丽"]),
    ("联系人:周强(东校区)、马丽(西校区)。", ["周强", "马丽"]),
    ("联系人:王芳(工会办公室),电话:5356540。", ["王芳"]),  # (guard)
    # a name with an honorific right after the phone
    ("四、联系电话:86155971王丽老师。", ["王丽"]),
    ("咨询电话:13569531234 郑老师。", ["郑老师"]),  # (guard: a surname and honorific stay as printed)
])
def test_contact_names(line, expected):
    c = run(HEAD + "请认真组织。\n" + line + TAIL).contacts
    assert [n for x in c for n in x.names] == expected


def targets(sentence: str) -> list[tuple[float, str]]:
    return [(t.value, t.unit) for t in run(HEAD + sentence + TAIL).targets]


@pytest.mark.parametrize("sentence, expected", [
    # a cap on registration
    ("趣味乒乓比赛(团体)各分工会限报名三个队。", [(3.0, "个")]),
    ("各分工会限报名2个队。", [(2.0, "个")]),  # (guard)
    # a count of who exists, a table title's ratio
    ("2024年度优秀工会积极分子名额分配表(14%)\n(工会会员1263人,按四舍五入,评选175人)", []),
    ("2024年度优秀工会积极分子名额分配表(14%) (工会会员1263人,按四舍五入,评选175人)", []),  # (the same on one line)
    ("本单位职工320人,请推荐职工2人参加。", [(2.0, "人")]),
    ("各分工会按会员人数的15%推荐。", [(15.0, "%")]),  # (guard)
    # the figure a standard is changed from
    ("将节日慰问品的标准由每人每年不超过1500元提高至不超过1800元。", [(1800.0, "元")]),
    ("各单位参赛人数从5人增加到不少于8人。", [(8.0, "人")]),
    ("各单位由工会主席1人带队。", [(1.0, "人")]),  # (guard: 由 naming who leads)
])
def test_targets(sentence, expected):
    assert targets(sentence) == expected


def test_record_label_run_on_after_the_cc_list():
    text = HEAD + "请认真组织。 江岭学院工会 2024年3月1日 抄送:市教育工会 学院党委 宣传部 校对:吴红"
    assert run(text).cc == ["市教育工会", "学院党委", "宣传部"]


def test_catalogue_run_on_after_a_cut_value():
    text = ("江岭市卫生健康委关于开展医师节走访慰问活动的通知\n发布时间:2024-08-15发布机构:\n"
            "市卫健委(市爱卫办)字体:[]体裁分类:公告公示主题分类:卫生、体育文号:索引号169/2024-170531\n"
            "各县、区卫生健康局,市直各卫生单位:\n为庆祝医师节,广泛开展慰问活动。\n")
    assert run(text).recipients.text == "各县、区卫生健康局,市直各卫生单位"


def test_heading_run_into_its_line():
    text = "各基层工会: 为丰富职工生活,开展读书征文活动。四、征稿时间。从即日起,至5月20日止。五、奖项设置 江岭市总工会 2024年3月1日"
    assert deadlines(text) == ["2024-05-20"]


@pytest.mark.parametrize("text, expected", [
    # a page's column rule before a one-line notice: the issuer's name still leads its title
    ("|江岭市总工会关于推荐2024年度安全优秀班组的通知 各区县总工会,各产业工会: 2024年度安全竞赛活动现已进入评比阶段,"
     "请各单位认真推荐。 江岭市总工会 2024年5月30日", "江岭市总工会关于推荐2024年度安全优秀班组的通知"),
    ("江岭市总工会关于推荐2024年度安全优秀班组的通知 各区县总工会,各产业工会: 2024年度安全竞赛活动现已进入评比阶段,"
     "请各单位认真推荐。 江岭市总工会 2024年5月30日", "江岭市总工会关于推荐2024年度安全优秀班组的通知"),  # (guard)
])
def test_column_rule_before_a_one_line_title(text, expected):
    assert run(text).title.text == expected


@pytest.mark.parametrize("crumb", [
    "当前位置:首页 / 最新信息 / 工作动态 / 正文",
    "当前位置:首页 > 最新信息 > 工作动态 > 正文",
    "當前位置:首頁 / 最新信息 / 工作動態 / 正文",  # (as a traditional-character page prints it)
])
def test_breadcrumb_run_into_a_one_line_title(crumb):
    text = ("江岭区总工会官方网站 今天是: " + crumb + " 创文连着你我他——致全区职工的倡议书 发布时间:2020年11月06日"
            "浏览:159编辑:江岭区总工会【关闭当前页】 家园是我们赖以生存的地方,为了更好的响应区委号召,特发出倡议。")
    assert run(text).title.text == "创文连着你我他——致全区职工的倡议书"



@pytest.mark.parametrize("tail, expected", [
    # one line: the attachment's own table, form or list run on after the item's title
    ("附件: 2024年职工疗休养名额分配表 | 序号 | 分工会名称 | 人数 | 名额 | 1 | 机电学院分工会 | 133 | 13 |",
     ["2024年职工疗休养名额分配表"]),
    ("附件:《职工书屋申报表》 2024年3月10日 附件: 职工书屋申报表 单位名称 联系电话 单位地址 邮政编码",
     ["职工书屋申报表"]),
    ("附件:第一批验收的分工会名单外语系分工会、工商学院分工会、后勤处分工会", ["第一批验收的分工会名单"]),
    ("附件:1.职工书屋申报表 2.推荐单位汇总表", ["职工书屋申报表", "推荐单位汇总表"]),  # (guard)
    ("附:2024年度受表彰的企业工会名单 收藏】 【打印】 【关闭", ["2024年度受表彰的企业工会名单"]),
    ("附:《江岭学院七届五次教代会提案征集处理表》 七届五次教职工代表大会 筹备工作领导办公室", ["江岭学院七届五次教代会提案征集处理表"]),
    ("附件:1. “安康杯”竞赛名额分配表 2", ["“安康杯”竞赛名额分配表"]),
    ("附件:《职工书屋申报表》 《推荐单位汇总表》", ["职工书屋申报表", "推荐单位汇总表"]),  # (guard)
])
def test_one_line_attachment_with_its_content_run_on(tail, expected):
    text = "各分工会: 请各分工会按附件名额做好报名工作。 联系人:王青,电话85258209。 江岭大学工会 2024年3月10日 " + tail
    assert [a.title for a in run(text).attachments] == expected


@pytest.mark.parametrize("text, expected", [
    # one line: the next numbered item after the names, set apart by a space, ends the 联系人 field
    ("各分工会: 请按时报名。 3.联系人:马新科、年中华、路雨欣、李烨 四、卫生大扫除活动 1.活动区域:主楼东广场。",
     ["马新科", "年中华", "路雨欣", "李烨"]),
    ("各分工会: 请按时报名。 联系人:周明 2.报名地点:工会办公室。", ["周明"]),  # (guard)
    ("各分工会:\n请按时报名。\n3.联系人:马新科、年中华、路雨欣、李烨\n四、卫生大扫除活动\n", ["马新科", "年中华", "路雨欣", "李烨"]),  # (guard)
])
def test_numbered_item_run_on_after_the_names(text, expected):
    assert [n for x in run(text).contacts for n in x.names] == expected


@pytest.mark.parametrize("text, issuers, signed", [
    # one line: the 署名 and date, then the attachment's own page repeating the listed item's title
    ("各分工会: 现将推荐对象予以公示。 联系人:郑羽 027-87238683 附件:江岭五一劳动奖推荐对象名单 江岭市直属机关工会工作委员会 "
     "2024年3月12日 江岭五一劳动奖推荐对象名单 一、劳动奖状推荐对象 江岭市环境监测中心", ["江岭市直属机关工会工作委员会"], "2024-03-12"),
    ("各分工会: 请各分工会认真组织。 附件:江岭大学2024年教职工春游活动情况表 校工会 2024416 江岭大学2024年教职工春游活动情况表 序号",
     ["校工会"], "2024-04-16"),
    # its figures printed apart with no 年/月/日, the page's own words after it
    ("各分工会: 请按规定程序做好推荐工作。 联系人:刘丽;联系电话:83656098 江岭师范大学工会委员会 2024 4 3 同栏目信息 热点信息",
     ["江岭师范大学工会委员会"], "2024-04-03"),
])
def test_one_line_signature_before_the_attachment_page(text, issuers, signed):
    n = run(text)
    assert ([i.name for i in n.issuers], str(n.signed_date)) == (issuers, signed)


@pytest.mark.parametrize("text, title, recipients", [
    # a page's meta value left empty before the title broken over two lines ("点击次数: 关于建立 …")
    ("欢迎光临江岭小学! 关于建立各协作片工会联系人制度的通知 发布日期:2024年04月02日 作者:周明 来源:本站原创 点击次数: "
     "关于建立 各协作片工会联系人制度的通知 各基层工会: 为进一步提高工会工作的水平,经研究,决定建立联系人制度。 江岭区教育工会 2024年4月1日",
     "关于建立各协作片工会联系人制度的通知", "各基层工会"),
    # a posting stamp with a rule and its fields
    ("江岭天文台工会 首页 工会简介 现在位置:首页 > 工会 > 公告信息 关于举办科技系统迎新年健步走活动的通知 "
     "2024-11-19 | 编辑:市科技工会 | 【 】【打印】【关闭    各基层工会:    为推动科技系统体育活动的广泛开展,科技工会决定举办健步走活动。",
     "关于举办科技系统迎新年健步走活动的通知", "各基层工会"),
    # meta fields opened by a list's dash, then the page's summary label
    ("新闻详情 NEWS CENTER 关于推荐上报技能竞赛项目承办单位的通知 - 分类:行业资讯 - 作者: - 来源: - 发布时间:2024-02-12 20:32 "
     "- 访问量: 【概要描述】各设区市建设系统工会、江岭实验区交建局工会: 为传承传统建筑技艺,经研究,拟开展技能竞赛。",
     "关于推荐上报技能竞赛项目承办单位的通知", "各设区市建设系统工会、江岭实验区交建局工会"),
    # a site's column word or top bar before the title
    ("相关栏目 院系热点 江岭理工学院工会委员会关于做好教代会增补代表工作的通知 发布时间:2024年04月07日 字体大小: "
     "各分工会: 2024年4月下旬召开我校教职工代表大会,现将增补代表工作通知如下。",
     "江岭理工学院工会委员会关于做好教代会增补代表工作的通知", "各分工会"),
    ("设为首页 +  加入收藏 群团工作 首页   党务工作   群团工作 关于开展2024年元旦、春节“送温暖”活动的通知 信息来源:暂无 "
     "发布日期: 2023-12-28 浏览次数: 各学院党委,各部门工会: 在2024年元旦、春节来临之际,为保障困难职工基本生活,请认真组织。",
     "关于开展2024年元旦、春节“送温暖”活动的通知", "各学院党委,各部门工会"),
])
def test_one_line_page_title_and_addressee(text, title, recipients):
    n = run(text)
    assert (n.title.text, n.recipients.text) == (title, recipients)
