"""The sentence rule of deadlines: whether a date item sets one.

A date phrase sets a deadline (ANNOTATION.md "deadlines") when it is followed
by 前/止/截止 and the sentence has an action verb or a deadline label; when it
follows a label ("截止时间为6月2日"), "即日起至" or "no later than" (不迟于,
最迟) with an action; when an imperative 请于/须于 precedes it and an action
follows. Dates under event labels (比赛时间), the issuer's own tasks (评比,
表彰), "as of" dates (统计截至) and qualifying dates (…前入会的) are not.
:mod:`extractors.deadlines` calls :func:`is_deadline_item` per date item.
"""
from __future__ import annotations

import re
from typing import Optional

from extractors._common import ASKED_SUBJECT
from extractors.deadline_parts import ITEM_NUMBER, clause_start, deadline_vocab, find_action
from extractors.dates_cn import DateItem, S

# "请于 / 各单位于 / 要在 <date> 将…报…": an imperative date without 前. Not
# 将于 / 定于 / 拟于 (a planned event) or 已于 / 曾于 (the past).
_IMPERATIVE_BEFORE = re.compile(rf"(?:(?<![将定拟已曾])(?:于|要在|须在|应在|需在|请在)|请){S}$")
_OBLIGED_BEFORE = re.compile(rf"(?:要|须|需|应|应当|必须|务必)(?:在|于|提前{S}[(（]){S}$")
# (or organise it: "各分工会于1月10日前自行组织…开展一日捐活动")
_DONE_AFTER = re.compile(r"[^，,。；;]{0,4}?完成|(?:自行|统一|认真)?(?:组织|开展|举办|召开)(?![^，,。；;]{0,12}的)")
_UNTIL_BEFORE = re.compile(rf"(?:即日起|即日|自即日起|从即日起|从今日起|今日起"
                           rf"|(?:自|从)?(?:本?通知|文件)(?:下发|印发|发布)之日起){S}[，,]?{S}(?:至|到|[—–\-~～－]+){S}$")
# the date that figures or ages are counted to, not a date to act by
_AS_OF = re.compile(r"(?:统计|数据|数字|年龄|工龄|党龄|会龄|计算|时点)[^，。；,;]{0,6}(?:截止|截至)[^，。；,;]{0,4}$")
# "截止至2011年6月底的相关情况", "截至12月31日的会员人数": the date a count is taken at
_AS_OF_THE = re.compile(rf"{S}(?:底|末)?{S}的{S}(?:相关|有关|各项|基本)?{S}(?:情况|数据|人数|数字|会员|职工|名单)")
# a date that bounds who qualifies ("2009年8月31日之前（含8月31日）出生", "前年满
# 六周岁", "以前参加工作的"): eligibility, not a date by which anyone acts
_QUALIFIES_AFTER = re.compile(rf"{S}(?:之|以)?[前后]?{S}(?:[（(]含[^）)]{{0,12}}[）)])?{S}"
                              r"(?:出生|年满|满[0-9一二三四五六七八九十]+周?岁|参加工作|入职|退休|离休|取得|获得|入会|入党|入团"
                              # (or a state reached by then: "对2017年6月30日前已入库的困难职工")
                              r"|(?<=前)已(?:经)?[一-鿿]{1,4}的?)")
# "(截至2016年5月31日，在本单位工作时间满三个月)": the date a tenure or an age is counted to
_TENURE_AFTER = re.compile(rf"{S}[，,]{S}[^，,。；;]{{0,12}}?满{S}[0-9一二三四五六七八九十半]+{S}(?:个月|年|周年|周岁|岁)")
# a date in a clause that says which things may take part ("3月1日前开展的活动均可申报"): what
# was done by then qualifies, nothing is to be done by it
_QUALIFIED_NOUN = re.compile(rf"{S}(?:(?:之|以)?前)?{S}(?:(?!将|把|报|交|送|发|寄|传|至|到)[\u4e00-\u9fff]){{1,6}}的"
                             r"[\u4e00-\u9fff]{1,8}?(?:均|都|也)?(?:可以|可)")
# "no later than" before the date ("申报不超过8月25日", "不迟于6月10日报送")
_NO_LATER_BEFORE = re.compile(rf"(?:不迟于|不晚于|最迟(?:于|在|不超过)?|最晚(?:于|在|不超过)?|不得(?:迟于|晚于|超过)"
                              rf"|(?<=[报交送名])不超过){S}$")
# The issuer's own schedule, not a task set on the reader ("评比工作于2013年1月
# 中旬完成", real excerpts): the clause's subject is the issuer's review work,
# or what it hands out ("奖品、奖金和证书将于11月底前寄送获奖者").
_ISSUER_TASK = re.compile(r"(?:评比|评选|评审|表彰|验收|评定|评议|公示|颁奖"
                          r"|奖品|奖金|奖状|证书|奖杯|获奖名单|评选结果|比赛结果)(?:工作|活动)?(?:将|拟|定)?于?$")
# the issuer announcing its own act after the date ("…，公司将给予表彰…推荐")
_ISSUER_WILL = re.compile(r"[，,](?:公司|本会|我会|学校|校工会|院工会|本单位|组委会|[市区县]总工会?|工会)(?:将|会将|拟)")
# "截至2023年底，全市已建成…": a date that counts what exists, not a deadline.
_STATUS_AFTER = re.compile(rf"{S}[，,]?{S}(?:已经?|共|累计|全[市省区县]|我[市省区县校]"
                           rf"|[^，,。；;]{{0,20}}(?:按期|如期|顺利|全部|均已|已经?)完成"  # "截止12月26日，推荐工作按期完成"
                           rf"|(?:(?!须|要|请|应|需)[^，,。；;]){{0,20}}(?<![第前])\d+{S}(?:篇|条|个|家|件|项|次|人次)(?![^。；;]*前))")
# ("截止10月31日，在各级媒体发布信息189篇": a count of what was done by then)
_WINDOW_VERBS = r"(?:报名|申报|报送|提交|上报|上交|送交|交回|递交|登记|填报|缴费|预约|推荐|选送|推选)"
_COLLECTS = re.compile(rf"{_WINDOW_VERBS}|征集|征稿|收稿|投稿")  # what an open-ended window collects
_COLLECTS_AFTER = re.compile(rf"{S}止?{S}(?:征集|征稿|收稿)")
# "…5月12日——5月17日，请各位教职工在钉钉中进行投票": the readers are asked to act in it
# (a vote the public casts, "网络展示投票时间为…", is not the readers' deadline)
_WINDOW_REQUEST = re.compile(rf"{S}[，,]{S}请[^。；;，,]{{0,20}}?(?:{_WINDOW_VERBS}|投票)")
# "网上报名（…", "报名时间：…", "投票时间为…": the window's own act named before it
_WINDOW_ACT_BEFORE = re.compile(rf"{_WINDOW_VERBS}{S}(?:时间|日期|期限)?{S}(?:为|是)?{S}[（(：:]?{S}$")
# (or its clause after a comma, closed by the act: "2020年11月3-6日,工会会员进行自荐和他荐报名;",
# a timetable item — not "4月9日—10日,基层报送节目集中汇演", where what is handed in is shown)
_WINDOW_ACT_AFTER = re.compile(rf"{S}[）)]?{S}(?:期间|内)?{S}[^，,。；;（(0-9、.]{{0,12}}?{_WINDOW_VERBS}"
                               rf"|{S}[，,]{S}[^，,。；;（(0-9、.]{{0,12}}?{_WINDOW_VERBS}{S}(?=[（(，,。；;]|$)")


# a timetable line that opens on its day, the recipients (各…) its subject and a
# hand-in its act ("12月21日各单位上报文艺节目单", "12月5日,各单位…参赛者报名")
_SCHEDULED_HAND_IN = re.compile(rf"{S}[，,]?{S}各(?!项|类|种|方面|环节|阶段)[^，,。；;0-9]{{1,20}}?{_WINDOW_VERBS}")


def _opens_item(clause: str) -> bool:
    """The date opens its timetable item: nothing before it in its clause, or
    the item before it, itself opened by a date, runs into it unpunctuated
    ("12月12日各单位开始编排节目12月21日…": lines joined, the text re-wrapped)."""
    return not clause.strip() or bool(re.search(r"\d{1,2}月\d{1,2}日[^\d于在至到前]*[\u4e00-\u9fff]$", clause))


def is_deadline_item(sent: str, it: DateItem, heading: Optional[str] = None) -> bool:
    """Whether a date item of ``sent`` sets a deadline (see module doc).
    ``heading`` is the heading block just above ("二、报名时间") when the
    sentence opens its block; its label counts like one in the sentence."""
    v = deadline_vocab()
    if re.match(rf"{S}前后", sent[it.end:]):
        return False  # "5月20日前后": around the date, not by it
    if not it.cue_after and re.match(rf"{S}(?:开始|起(?!草))", sent[it.end:]):
        return False  # "从3月26日开始,截止到5月底": a window's start, never its close
    if re.search(r"(?:[xX*＊×]{2,4}|(?:19|20)?[0-9]{0,2}[xX*＊×]{1,2})\s*年\s*$", sent[:it.start]):
        return False  # "于xxx年6月5日前", "20xx年…": a template's masked year, no date to keep
    cs = clause_start(sent, it.start)
    clause = sent[cs:it.start]
    before = sent[max(0, it.start - 16, cs if ITEM_NUMBER.match(sent, cs) else 0):it.start]
    ev = list(v["event_label_re"].finditer(clause))
    # (a heading run on before the recipients' own sentence does not govern the date:
    # "二、时间安排各单位活动在3月20日前组织完成")
    if ev and not v["label_re"].search(clause, ev[-1].end()) and not ASKED_SUBJECT.match(clause, ev[-1].end()):
        return False  # "比赛时间：5月中旬"; not "比赛报名截止时间：…"
    if heading and not clause.strip() and v["event_label_re"].search(heading) and not (
            it.cue_after and re.match(rf"{S}完成", sent[it.end:])) and not v["label_re"].search(before):
        return False  # (under 活动时间 a date is the event's, unless something is to be 完成 by it
        # or its own label names a hand-in: "一、活动时间" / "(一)报名时间:10月24日至11月6日")
    if _ISSUER_TASK.search(clause) or (not it.cue_after and _STATUS_AFTER.match(sent, it.end)):
        return False
    as_of = re.search(r"(?:截止|截至)至?到?\s*$", sent[:it.start])  # "截至12月31日的…", "截至…,工作满…"
    if as_of and _AS_OF_THE.match(sent, it.end):
        return False
    if re.search(r"起算", clause):
        return False  # "会费…自四月起算至2014年12月31日止": the period a fee covers, no date to act by
    if _AS_OF.search(clause):
        return False  # "数据统计截止到6月30日", "年龄计算截至…": the date the figures count to
    if _QUALIFIES_AFTER.match(sent, it.end) or _QUALIFIED_NOUN.match(sent, it.end) or (
            as_of and _TENURE_AFTER.match(sent, it.end)):
        return False
    act = find_action(sent, it.end)
    has_action = act is not None
    labelled = bool(v["label_re"].search(before)) or bool(
        heading and not clause.strip() and v["label_re"].search(heading))
    if it.compact:  # "截止时间:2023428": only right after a label, or 前 + action, or 于 + 将…报
        return bool(re.search(rf"(?:{v['label_re'].pattern}){S}均?{S}[:：为是]?{S}$", sent[:it.start])
                    or (it.cue_after and (has_action or _closes(sent, it)))
                    or (not it.cue_after and has_action and sent[it.end:it.end + 1] in "将把"))
    if it.cue_after and has_action and _ISSUER_WILL.search(sent, it.end, act.start()):
        return False  # "年底前…，公司将给予表彰，并向上级工会推荐": the issuer's own act
    if (_UNTIL_BEFORE.search(sent[:it.start]) or _NO_LATER_BEFORE.search(sent[:it.start])) and (
            has_action or _COLLECTS.search(sent[:it.start]) or (heading and _COLLECTS.search(heading))):
        return True  # "(一)作品征集 / 自通知下发之日起至9月19日(止)": the heading names the hand-in
    if re.search(rf"起{S}(?:至|到){S}$", sent[:it.start]) and _COLLECTS_AFTER.match(sent, it.end):
        return True  # "7月1日起至9月10日止征集所有资料、照片、作品": a window's close, what it collects after it
    if it.cue_after:
        # "各工会分会要在4月1日前召集正式代表": a task the readers must finish, whatever its verb
        # (the date may sit in brackets after 提前: "需提前(4月14日前)提供…")
        task = _OBLIGED_BEFORE.search(sent[cs:it.start]) and re.match(r"[)）]?[\u4e00-\u9fff](?<![的后])", sent[it.end:])
        # "各单位活动在3月20之前组织完成": the recipients named as the subject finish by the date
        subject = ASKED_SUBJECT.match(sent, cs) or (ev and ASKED_SUBJECT.match(clause, ev[-1].end()))
        task = task or (subject and _DONE_AFTER.match(sent, it.end))
        return has_action or labelled or bool(task) or _costs(sent, it.end) or _closes(sent, it) or _cut_request(sent, cs, it)
    if labelled:
        return True
    if it.kind == "range":
        return _window_action(sent, cs, it)
    if _opens_item(sent[cs:it.start]) and _SCHEDULED_HAND_IN.match(sent, it.end):
        return True  # "12月21日各单位上报文艺节目单": a timetable's day for the recipients' hand-in
    if _IMPERATIVE_BEFORE.search(sent[:it.start]):
        act = find_action(sent, it.end)
        return bool(act and act.start() >= it.end and act.start() - it.end <= 40
                    and not re.search(r"[，,。；;]", sent[it.end:act.start()]))
    return False


def _cut_request(sent: str, cs: int, it: DateItem) -> bool:
    """A request by a date whose sentence an excerpt cut short before its verb ("并请于2017年1月25日
    前向省总宣", "请于5月8日前将"): 请 opens the clause, and after 前 only where or what
    (向/将…) in a few characters with no stop: the verb was lost to the cut. Or nothing at all
    after 前 and what is due named before the date ("材料申报表一式1份,于…(周五)之前")."""
    rest = sent[it.end:]
    if not rest.strip() and it.cue_after and it.cue_after.endswith("前") and _DELIVERABLE.search(sent[:it.start]):
        return True  # "材料申报表一式1份,于2021年12月31日(周五)之前" and the text ends: what is due, cut before its verb
    return bool(re.search(r"请[^。；;，,]{0,12}$", sent[cs:it.start])) and len(rest) <= 12 \
        and bool(re.fullmatch(r"(?:向|给|到|至|将|把)[^。！!；;？?，,、（()）\s]{0,10}", rest))


# what is handed in: a form, the material, a list, the works
_DELIVERABLE = re.compile(r"表|材料|名单|作品|稿件|报告|总结|申请书")


def _closes(sent: str, it: DateItem) -> bool:
    """The date closes what the notice collects: "征文从…开始,到12月31日截稿", "报名于5月10日截止",
    "提案征集…至2013616日下午5时截止"; or the cue names the act ("3月16日报名截止")."""
    return (it.cue_after in ("截止", "截稿") and bool(re.search(
        rf"{_COLLECTS.pattern}|作品|征文|稿件|提案", sent[:it.start]))) or (
        it.cue_after.endswith("截止") and len(it.cue_after) > 2)


def _costs(sent: str, end: int) -> bool:
    """What missing the date costs follows it ("…9月20日止,逾期不予受理")."""
    return bool(deadline_vocab()["cons_re"].match(sent, re.match(r"[止为，,\s]*", sent[end:]).end() + end))


def _window_action(sent: str, cs: int, it: DateItem) -> bool:
    """A window named by the registration/submission it bounds: "网上报名
    （2010年10月1日—10月10日）", "5月8日至5月12日到工会报名"."""
    if _WINDOW_ACT_BEFORE.search(sent[cs:it.start]) or _costs(sent, it.end):
        return True
    if _COLLECTS_AFTER.match(sent, it.end):
        return True  # "5月1日至5月31日征稿": the window collects what is sent in
    m = _WINDOW_ACT_AFTER.match(sent, it.end) or _WINDOW_REQUEST.match(sent, it.end)
    return bool(m and not deadline_vocab()["event_label_re"].search(m.group(0)))
