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


@pytest.mark.parametrize("items, bodies, issuers, titles", [
    ("附件1、 “安全优质服务竞赛”先进集体推荐表 附件2、 “安全优质服务竞赛”先进个人推荐表",
     "中华人民共和国江岭省交通运输厅(章) 中国海员建设工会江岭省委员会(章)",
     ["中华人民共和国江岭省交通运输厅", "中国海员建设工会江岭省委员会"],
     ["“安全优质服务竞赛”先进集体推荐表", "“安全优质服务竞赛”先进个人推荐表"]),
    ("附件:1.名额分配表 2.推荐审批表", "河湾市人力资源和社会保障局(章) 江岭省总工会(章)",
     ["河湾市人力资源和社会保障局", "江岭省总工会"], ["名额分配表", "推荐审批表"]),
    # (two bodies of one place: as before)
    ("附件1、先进集体推荐表 附件2、先进个人推荐表", "江岭省交通运输厅(章) 江岭省总工会(章)",
     ["江岭省交通运输厅", "江岭省总工会"], ["先进集体推荐表", "先进个人推荐表"]),
])
def test_joint_signature_sealed_apart_after_list(items, bodies, issuers, titles):
    """A one-line 附件说明, then bodies each sealed "(章)", then the date: all sign,
    none is part of the last title."""
    rec = run(f"各省总工会: {B} {items} {bodies} 二〇一一年十二月八日\n")
    assert [i.name for i in rec.issuers] == issuers
    assert [a.title for a in rec.attachments] == titles


@pytest.mark.parametrize("sentence, n", [
    ("(一)每年春运开始前,各省要将竞赛实施方案报送竞赛办公室。", 1),
    ("每届运动会召开前,各分工会须将参赛名单报送校工会。", 1),
    ("活动开始前,我们将组织培训。", 0),  # no obligation on the reader, nothing handed in
    ("会议召开前,请各单位认真学习文件精神。", 0),
])
def test_relative_deadline_opening(sentence, n):
    rec = run(f"各单位:\n{sentence}\n江岭市总工会\n2021年12月8日\n")
    assert len(rec.deadlines) == n and all(d.due is None for d in rec.deadlines)


@pytest.mark.parametrize("sentence, dues", [
    ("对2017年6月30日前已入库并经审核通过的困难职工进行摸底,符合条件的可以申报。", []),
    ("2019年12月31日前已经建档的会员不再重复报送。", []),
    ("请于7月30日前报送申报表。", [D(2017, 7, 30)]),
])
def test_state_reached_by_date(sentence, dues):
    rec = run(f"各单位:\n{sentence}\n江岭市总工会\n2017年7月8日\n")
    assert [d.due for d in rec.deadlines] == dues


@pytest.mark.parametrize("text, number", [
    (f"各单位:\n请积极组织参加比赛。(详情见市总工会文件江体函[2022]98号)\n江岭市统计局工会委员会\n2022年4月18日\n", None),
    (f"各单位:\n{B}按照江岭市总工会文件江工发[2021]3号要求,做好本次比赛的组织工作,请各单位按时报名参加。\n江岭市统计局工会\n2021年4月18日\n", None),
    (f"江岭市总工会文件 江工发〔2022〕8号\n关于开展活动的通知\n各单位:\n{B}\n江岭市总工会\n2022年4月18日\n", "江工发〔2022〕8号"),
])
def test_cited_number_in_body(text, number):
    rec = run(text)
    assert (rec.doc_number.text if rec.doc_number else None) == number


@pytest.mark.parametrize("text, names, phones", [
    # a person and a mobile together in brackets after each item: names of any origin
    ("报名联系方式:\n象棋(巴图孟和 15048760001)\n跳棋(王子娟 15847470002)\n", ["巴图孟和", "王子娟"],
     ["15048760001", "15847470002"]),
    ("围棋(其其格 13500000003)、五子棋(阿依古丽 13500000004)\n", ["其其格", "阿依古丽"], ["13500000003", "13500000004"]),
    # a site's hotline in its top bar is the page's
    (f"![]() |\n维权热线:12351 |\n各单位:\n{B}请与李明联系,电话:13500000005。\n", ["李明"], ["13500000005"]),
])
def test_bracketed_pairs_and_top_hotline(text, names, phones):
    c = run(f"各单位:\n{B}\n{text}" if not text.startswith("!") else text)
    flat = [n for p in c.contacts for n in p.names]
    nums = [v.value for p in c.contacts for v in p.values if v.kind in ("phone", "mobile")]
    assert flat == names and nums == phones


@pytest.mark.parametrize("sentence, targets", [
    ("经基层工会申报,省直机关工会研究,拟推荐1个集体申报五一劳动奖状、2名个人申报五一劳动奖章。", []),
    ("市总将对申报单位进行审核,最后确定15家示范点。", []),
    ("各基层工会推荐2名优秀职工参加评选。", [(2, "名")]),
])
def test_issuer_selection_counts(sentence, targets):
    rec = run(f"各单位:\n{sentence}\n江岭市总工会\n2024年3月12日\n")
    assert [(t.value, t.unit) for t in rec.targets] == targets


FLAT = ("各分工会:\n" + B + "\n校工会\n二0一二年六月十二日\n{label}\n序号\n\n单位名称\n\n教职工人数\n\n休养名额\n\n备注\n\n"
        "1\n\n机械学院分工会\n\n120\n\n12\n\n2\n\n化工学院分工会\n\n95\n\n10\n\n3\n\n图书馆分工会\n\n40\n\n4\n")


@pytest.mark.parametrize("label, title", [
    ("附:教职工暑假休养名额分配表", "教职工暑假休养名额分配表"),
    ("附件1:教职工暑假休养名额分配表", "教职工暑假休养名额分配表"),
])
def test_list_flattened_one_cell_per_line(label, title):
    """A list a web copy flattened one cell per line, its empty 备注 cells lost: one table,
    its header the first row, under the attachment its heading names."""
    att = run(FLAT.format(label=label)).attachments
    assert [a.title for a in att] == [title]
    assert [(t.kind, t.header) for t in att[0].tables] == [("list", ["序号", "单位名称", "教职工人数", "休养名额", "备注"])]


@pytest.mark.parametrize("lines", [
    ["序号", "姓名", "1", "张三"],                      # two header cells: too few to call a table
    ["序号", "为做好工作，请各单位按时报送。", "1", "2"],  # a sentence is no header cell
])
def test_flattened_list_guards(lines):
    from pipeline.readers.txt_tables import split
    assert all(kind == "text" for kind, _ in split(lines))


@pytest.mark.parametrize("item, title", [
    ("省、市有关文件(通过OA发送至各部门分会主席邮箱)", "省、市有关文件"),
    ("已获得此荣誉的名单(王芳、李强、赵一鸣)", "已获得此荣誉的名单"),
    ("江岭市职工书屋管理办法(试行)", "江岭市职工书屋管理办法(试行)"),
    ("获奖名单(一等奖、二等奖)", "获奖名单(一等奖、二等奖)"),
    ("报名表(男队、女队)", "报名表(男队、女队)"),
])
def test_note_after_item(item, title):
    from extractors.attachment_list import clean_title
    assert clean_title(item) == [title]


@pytest.mark.parametrize("sentence, names, values", [
    ("将电子档上报给“运输公司--王海”(QQ号码:648230001;办公电话:88460001)。", ["王海"], ["648230001", "88460001"]),
    ("请将报名表发至邮箱:jlgh@163。com。", [], ["jlgh@163.com"]),
])
def test_contact_forms(sentence, names, values):
    rec = run(f"各单位:\n{B}{sentence}\n江岭市总工会\n2020年1月2日\n")
    assert [n for p in rec.contacts for n in p.names] == names
    assert [v.value for p in rec.contacts for v in p.values if v.kind in ("qq", "phone", "email")] == values


@pytest.mark.parametrize("meta, rest", [
    ("发布时间:2014-07-08 00:00:00作者:来源:点", "击数:"),
    ("发布时间: 2022-08-10来源:天心区总工会字", "体大小:"),
])
def test_meta_label_cut_by_wrap(meta, rest):
    """A meta line re-broken inside a label ("点" / "击数:"): the label's rest is the page's, no addressee."""
    rec = run(f"关于举办职工乒乓球比赛的通知\n{meta}\n{rest}\n各基层工会:\n{B}\n江岭市总工会\n2014年7月8日\n")
    assert rec.recipients.text == "各基层工会"


@pytest.mark.parametrize("text, issuers", [
    (f"各分工会: {B}特此通知 江岭地质大学(武汉)工会委员会 2017年11月27日", ["江岭地质大学(武汉)工会委员会"]),
    (f"各分工会:\n{B}\n特此通知\n江岭地质大学(武汉)工会委员会\n2017年11月27日\n", ["江岭地质大学(武汉)工会委员会"]),
])
def test_place_in_brackets_inside_signature(text, issuers):
    assert [i.name for i in run(text).issuers] == issuers


def test_glued_labels_on_one_line():
    text = (f"关于开展特色活动申报的通知 各分工会: {B} 联系方式:62780001 附件1江岭大学工会特色活动实施办法 "
            "附件2江岭大学分工会特色活动申报表 附件3江岭大学分工会特色活动汇总表 校工会 2021年10月5日")
    assert [a.title for a in run(text).attachments] == ["江岭大学工会特色活动实施办法", "江岭大学分工会特色活动申报表",
                                                      "江岭大学分工会特色活动汇总表"]


@pytest.mark.parametrize("text, titles", [
    # a file offered after the last sentence, then the 署名 and date, all on one line
    (f"各分工会: {B}团体比赛奖励前三名的代表队。夏季乒乓球比赛附件.doc高新区工会2012年6月5日", ["夏季乒乓球比赛附件"]),
    (f"各分工会:{B}单打比赛奖励前六名的运动员。夏季乒乓球比赛附件.doc 高新区工会 2012年6月5日", ["夏季乒乓球比赛附件"]),
    # the attachment page's first section heading run on after its title
    (f"各单位: {B} 附件:职业安全知识竞赛实施方案 江岭省总工会办公厅 二○○九年三月六日 附件: 职业安全知识竞赛实施方案 一、竞赛主办单位 江岭省总工会",
     ["职业安全知识竞赛实施方案"]),
])
def test_one_line_list_ends(text, titles):
    assert [a.title for a in run(text).attachments] == titles


def test_one_line_catalogue_values_and_plain_breadcrumb():
    """A 信息公开 page on one line: single "> " steps, the catalogue's values, then the notice."""
    text = ("图片 当前位置 > 信息公开 > 信息公开目录 > 政府文件 > 市政府文件 014180001/2023-00112 市政府文件 其他 "
            "河湾市人民政府 2023-06-30 2023-06-30 河政发〔2023〕12号 有效 关于开展2023年职工技能竞赛的通知 "
            f"河政发〔2023〕12号 各镇政府,市各部门: {B}")
    rec = run(text)
    assert rec.title.text == "关于开展2023年职工技能竞赛的通知" and rec.issuers == [] and rec.signed_date is None


@pytest.mark.parametrize("text", [
    # a newspaper's page: its page links above the headline, the dateline and byline under it
    "第08版:要闻 上一版3 4下一版\n版面导航\n第01版\n头版\n第02版\n要闻\n标题导航\n2022年05月12日 星期四\n全省女职工竞赛发出召集令\n"
    "  江岭日报5月11日讯(全媒体记者 王明 通讯员 李红)今天,省总工会发布消息称,下半年将启动竞赛活动。\n"
    "征集内容包括竞赛主题、内容、举措和口号。\n每位职工只能投稿一次,可在7月30日前投递电子邮箱jl@163.com。\n"
    "省总工会将组织专家评选。\n3 上一篇 下一篇 4 放大 缩小 默认\n© 版权所有 江岭日报报业集团\ncopyright © 2008 Geo Info.\n",
    "首页 | 版面导航\n第03版\n要闻\n职工书屋建设推进会召开\n  河湾晚报3月2日讯(融媒体记者 赵一)昨天,市总工会召开推进会。\n"
    "会议要求各单位于4月底前完成建设。\n会议还部署了读书月活动。\n各区县总工会负责人参加会议。\n",
])
def test_newspaper_page_is_news(text):
    rec = run(text)
    assert any(w.code == "not_a_circular" for w in rec.warnings) and not rec.deadlines and not rec.issuers


@pytest.mark.parametrize("text, cc, titles", [
    (f"各县区总工会:\n{B}\n附件:江岭市模范职工之家名单\n附件.doc\n江岭市总工会\n2016年1月25日\n抄送:市委办、市府办,省总办公室\n网站地图\n",
     ["市委办", "市府办", "省总办公室"], ["江岭市模范职工之家名单"]),
])
def test_download_named_attachment_and_site_map(text, cc, titles):
    rec = run(text)
    assert rec.cc == cc and [a.title for a in rec.attachments] == titles


@pytest.mark.parametrize("text, issuers, signed", [
    (f"各分工会:\n{B}\n工会(妇委会) 体育学院\n2024年5月14日\n", ["工会(妇委会)", "体育学院"], D(2024, 5, 14)),
    (f"各分工会:\n{B}\n江岭师范大学工会委员会\n2024 4 3\n同栏目信息\n", ["江岭师范大学工会委员会"], D(2024, 4, 3)),
])
def test_alias_in_brackets_and_spaced_date(text, issuers, signed):
    rec = run(text)
    assert [i.name for i in rec.issuers] == issuers and rec.signed_date == signed


@pytest.mark.parametrize("sentence, due", [
    ("1.请在 2022 2 11 日前报送所有材料。", D(2022, 2, 11)),
    ("请于 2021 12 3 日前将报名表发至工会邮箱。", D(2021, 12, 3)),
])
def test_spaced_date_deadline(sentence, due):
    rec = run(f"各部门工会:\n{sentence}\n校工会\n2022年2月8日\n")
    assert [d.due for d in rec.deadlines] == [due]


@pytest.mark.parametrize("line, dept, name, phone", [
    ("联系人:校工会-陆明(联系电话:85420001)", "校工会", "陆明", "85420001"),
    ("五、报送地点及联系电话:离退办,5350001", "离退办", None, "5350001"),
    ("联系电话:校工会办公室,83210001。", "校工会办公室", None, "83210001"),
])
def test_desk_before_contact(line, dept, name, phone):
    p = run(f"各单位:\n{B}\n{line}\n江岭市总工会\n2020年1月2日\n").contacts
    assert [(c.department, c.names[:1] and c.names[0] or None, [v.value for v in c.values if v.kind == "phone"])
            for c in p] == [(dept, name, [phone])]


@pytest.mark.parametrize("sentence, targets", [
    ("没有工号的部门请使用身份证后6位登陆。", []),
    ("每队人数限报6名,每场比赛选派5名队员上场。", [(6, "名")]),
    ("A组2个小组第1、2名交叉进行半决赛、决赛。", []),
    ("每队至少有4名女职工上场参与拔河。", [(4, "名")]),
    ("我校共推荐3名模范教职工候选人,请各基层工会推荐1名候选人。", [(1, "名")]),
    ("全省推荐省先进女职工集体60个、先进个人100名。", []),
    ("疗休养经费是学校按5%标准从工资总额中提取。", []),
])
def test_game_rules_and_issuer_totals(sentence, targets):
    rec = run(f"各单位:\n{sentence}\n江岭市总工会\n2024年3月12日\n")
    assert [(t.value, t.unit) for t in rec.targets] == targets


def test_relative_opening_inside_run_on_line():
    """An item opening with the event it counts back from, inside a line run on from a heading."""
    rec = run("各单位: [接上页] 七、竞赛要求 (一)每年春运开始前,各省要将竞赛实施方案报送竞赛办公室。\n总工会\n2011年12月8日\n")
    assert [d.due for d in rec.deadlines] == [None]


@pytest.mark.parametrize("text, issuers, recipients", [
    # an advert over the union's name at the line start leaves no body that signs (REVIEW decision 2)
    (f"各工会小组:\n{B}\n太阳集团网站入口工会委员会\n2021年4月1日\n", [], "各工会小组"),
    # a page's posting date and view count between the heading and the addressee
    (f"新闻详情\n关于召开先进集体表彰大会的通知\n2019-07-10 2231\n\n各省评选机构、各有关单位:\n{B}\n", [], "各省评选机构、各有关单位"),
])
def test_advert_signature_and_view_count(text, issuers, recipients):
    rec = run(text)
    assert [i.name for i in rec.issuers] == issuers and rec.recipients.text == recipients


def test_file_name_ending_in_a_body_word_is_no_signature():
    """A one-line list item whose file name ends before "工会" (the 署名) keeps its whole title."""
    rec = run(f"各分工会: {B}联系人:章明联系电话:13584320001附件1:江岭市总工会关于推荐评选2021年五一劳动奖的通知.pdf工会2021年3月18日")
    assert [a.title for a in rec.attachments] == ["江岭市总工会关于推荐评选2021年五一劳动奖的通知"]
    assert [i.name for i in rec.issuers] == ["工会"]


@pytest.mark.parametrize("sentence, targets", [
    ("要求100名教职工以上工会推荐2名,以下工会推荐1名。", [(2, "名"), (1, "名")]),
    ("比赛采用2人一组的形式,各工会分会限报一队。", [(1, "队")]),
    ("40人以上的分工会可报4名教职工参加。", [(4, "名")]),
    ("各单位推荐2人为一组参加培训。", [(2, "人")]),
])
def test_size_of_who_may_send(sentence, targets):
    rec = run(f"各单位:\n{sentence}\n江岭市总工会\n2024年3月12日\n")
    assert [(t.value, t.unit) for t in rec.targets] == targets


@pytest.mark.parametrize("text, titles, issuers", [
    # an advert cut from over the 署名 under the list: no part of the last title
    (f"各分工会:\n{B}\n附件:1.疗休养名额分配表\n2.疗休养报名统计表\n太阳集团网站入口工会委员会\n2023年4月1日\n",
     ["疗休养名额分配表", "疗休养报名统计表"], []),
    (f"各单位:\n{B}\n附件:1.任务安排表\n2.实施方案(非公企业类)\nbet365苹果版\n2015年3月1日\n",
     ["任务安排表", "实施方案(非公企业类)"], []),
])
def test_advert_signature_under_list(text, titles, issuers):
    rec = run(text)
    assert [a.title for a in rec.attachments] == titles and [i.name for i in rec.issuers] == issuers
