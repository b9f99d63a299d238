"""Deadlines (截止时间) — ANNOTATION.md "deadlines".

A deadline is a date by which a recipient must do something (上报、报送、报名、
申报、提交 …). The extractor works sentence by sentence on the normalised
text of body paragraphs, attachment paragraphs (table notes) and table cells;
date phrases are found with regexes (:mod:`extractors.dates_cn`), never with
jieba tokens ("日前" is one jieba token).

A date phrase sets a deadline when

* it is followed by 前 / 以前 / 之前 / 止 / 为止 / 截止 and the sentence has an
  action verb or a deadline label (截止时间, 报名时间 …);
* it follows a deadline label ("截止时间为6月2日", "报名时间：4月9—16日"),
  "即日起至", or "no later than" (不迟于, 最迟, "申报不超过8月25日") with an
  action verb in the sentence;
* it follows an imperative 请于 / 须于 and an action verb follows it
  ("请于4月15日报送").

A window (4月9—16日) is a deadline when labelled as a registration/submission
window or cued; its end is ``due`` and its first day ``start``. Periods under
event labels (竞赛时间, 比赛时间 …) are events (:mod:`extractors.events`).
Relative deadlines ("活动结束后15个工作日内报送") have ``due`` null. A printed
date more than 400 days before the document's date is a reference; one up to
that far before is kept as printed with a ``bad_date`` warning to check its year.

The document's own dates are never read: blocks in the head, title,
recipients, signature, date, 附件说明 and 版记 zones are skipped. One deadline
per sentence (or note) per distinct date; a deadline inside an attachment
body lists that attachment's number, a body deadline the attachments its
sentence names ("附件1、附件2").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from extractors import dates_cn, deadline_tables
from extractors._common import ASKED_SUBJECT, attachment_of, evidence
from extractors.deadline_parts import ATT_LABEL, label_number, note_attachment
from extractors.deadline_parts import text_year  # noqa: F401  (re-exported: the year source)
from extractors.deadline_parts import block_heading, sentence_spans  # noqa: F401  (sentence_spans: events)
from extractors.deadline_parts import (ITEM_NUMBER, clause_start, deadline_vocab,  # noqa: F401
                                       find_action, named_attachments, parse_parts)
from extractors.dates_cn import DateItem, DatePhrase, S
from models.common import Warning_
from models.deadlines import Deadline
from models.document import Document

# Zones whose dates are the document's own (成文日期, 印发日期, 发文字号).
SKIP_ZONES = ("head", "title", "recipients", "signature", "date", "record", "attachment_list")

_REL_RE = re.compile(
    rf"(?P<anchor>[^\s，。；、]{{0,12}}?(?:结束|完成|收到|接到|印发|下发|发布|公布|举办|举行)(?:通知)?)后{S}"
    rf"(?P<n>[0-9]{{1,3}}|[{dates_cn.CN_DIGITS}]{{1,3}}){S}个?{S}(?P<unit>工作日|自然日|日|天|周|星期|个月|月)(?:内|以内|之内)")
# "提前一周报校工会": a span before an event the reader knows (due null).
_REL_AHEAD_RE = re.compile(
    rf"提前{S}(?:[0-9]{{1,3}}|[{dates_cn.CN_DIGITS}]{{1,3}}){S}个?{S}(?:工作日|自然日|日|天|周|星期|个月)")
# "于暑假放假前 / 在开展活动前 + action": before an event with no printed date;
# the anchor must name an event (deadline_vocab relative_anchor).
_REL_BEFORE_RE = re.compile(
    rf"(?<![将定拟已曾])(?:于|在){S}(?P<anchor>[^\s，。；、,:：0-9月日号周]{{2,10}}?)(?:之前|以前|前)")
# "请于 / 各单位于 / 要在 <date> 将…报…": an imperative date without 前. Not
# 将于 / 定于 / 拟于 (a planned event) or 已于 / 曾于 (the past).
_IMPERATIVE_BEFORE = re.compile(rf"(?:(?<![将定拟已曾])(?:于|要在|须在|应在|需在|请在)|请){S}$")
_OBLIGED_BEFORE = re.compile(rf"(?:要|须|需|应|应当|必须|务必)(?:在|于|提前{S}[(（]){S}$")
_DONE_AFTER = re.compile(r"[^，,。；;]{0,4}?完成")
_UNTIL_BEFORE = re.compile(rf"(?:即日起|即日|自即日起|从即日起|从今日起|今日起"
                           rf"|(?:自|从)?(?:本?通知|文件)(?:下发|印发|发布)之日起){S}(?:至|到|[—–\-~～－]+){S}$")
# the date that figures or ages are counted to, not a date to act by
_AS_OF = re.compile(r"(?:统计|数据|数字|年龄|工龄|党龄|会龄|计算|时点)[^，。；,;]{0,6}(?:截止|截至)[^，。；,;]{0,4}$")
# "截止至2011年6月底的相关情况", "截至12月31日的会员人数": the date a count is taken at
_AS_OF_THE = re.compile(rf"{S}(?:底|末)?{S}的{S}(?:相关|有关|各项|基本)?{S}(?:情况|数据|人数|数字|会员|职工|名单)")
# a date that bounds who qualifies ("2009年8月31日之前（含8月31日）出生", "前年满
# 六周岁", "以前参加工作的"): eligibility, not a date by which anyone acts
_QUALIFIES_AFTER = re.compile(rf"{S}(?:之|以)?[前后]?{S}(?:[（(]含[^）)]{{0,12}}[）)])?{S}"
                              r"(?:出生|年满|满[0-9一二三四五六七八九十]+周?岁|参加工作|入职|退休|离休|取得|获得|入会|入党|入团)")
# "no later than" before the date ("申报不超过8月25日", "不迟于6月10日报送")
_NO_LATER_BEFORE = re.compile(rf"(?:不迟于|不晚于|最迟(?:于|在|不超过)?|最晚(?:于|在|不超过)?|不得(?:迟于|晚于|超过)"
                              rf"|(?<=[报交送名])不超过){S}$")
_NEXT_CONSEQUENCE = re.compile(r"\s*(?:逾期|过期|未按时|未在规定时间|超过时限|届时未)")
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
# "…5月12日——5月17日，请各位教职工在钉钉中进行投票": the readers are asked to act in it
# (a vote the public casts, "网络展示投票时间为…", is not the readers' deadline)
_WINDOW_REQUEST = re.compile(rf"{S}[，,]{S}请[^。；;，,]{{0,20}}?(?:{_WINDOW_VERBS}|投票)")
# "网上报名（…", "报名时间：…", "投票时间为…": the window's own act named before it
_WINDOW_ACT_BEFORE = re.compile(rf"{_WINDOW_VERBS}{S}(?:时间|日期|期限)?{S}(?:为|是)?{S}[（(：:]?{S}$")
# (or its clause after a comma, closed by the act: "2020年11月3-6日,工会会员进行自荐和他荐报名;",
# a timetable item — not "4月9日—10日,基层报送节目集中汇演", where what is handed in is shown)
_WINDOW_ACT_AFTER = re.compile(rf"{S}[）)]?{S}(?:期间|内)?{S}[^，,。；;（(0-9、.]{{0,12}}?{_WINDOW_VERBS}"
                               rf"|{S}[，,]{S}[^，,。；;（(0-9、.]{{0,12}}?{_WINDOW_VERBS}{S}(?=[（(，,。；;]|$)")


@dataclass
class Ref:
    """The document dates used for year inference (ANNOTATION.md): 成文日期,
    印发日期 and the 发文字号 year."""

    signed_date: Optional[dt.date] = None
    printed_date: Optional[dt.date] = None
    doc_year: Optional[int] = None
    text_year: Optional[int] = None  # a year printed elsewhere (real/README.md)

    @property
    def base(self) -> Optional[dt.date]:
        """The document date (成文 else 印发), or None."""
        return self.signed_date or self.printed_date


# --- dates ------------------------------------------------------------------------


def resolve_phrase(p: DatePhrase, ref: Ref, *, before_month: bool = False
                   ) -> tuple[Optional[dt.date], str, bool]:
    """(due, precision, year_inferred) of a phrase in the document's context.

    A printed year is used as is; otherwise ANNOTATION.md's rule: the year of
    the 成文/印发 date (rolled to the next year when the date would fall more
    than 60 days before it), else the 发文字号 year, else a year printed
    elsewhere in the notice (real/README.md "Year inference"); ``due`` None
    when the document gives no year. Raises ValueError for an impossible date.
    """
    if p.year is not None:
        due, prec = p.resolve(p.year, before_month=before_month)
        return due, prec, False
    base = ref.base
    if base is not None:
        due, prec = p.resolve(base.year, before_month=before_month)
        if (base - due).days > 60:
            due, prec = p.resolve(base.year + 1, before_month=before_month)
        return due, prec, True
    for year in (ref.doc_year, ref.text_year):
        if year is not None:
            due, prec = p.resolve(year, before_month=before_month)
            return due, prec, True
    # No year anywhere: still check the day exists (2月30日 is never valid).
    p.resolve(2000, before_month=before_month)
    return None, prec_of(p), True


def prec_of(p: DatePhrase) -> str:
    """The precision a phrase would get: day, xun or month."""
    if p.day is not None:
        return "day"
    if p.part in ("上旬", "中旬", "下旬", "中下旬", "初"):
        return "xun"
    return "month"


# --- the sentence rule ------------------------------------------------------------


@dataclass
class Found:
    """A deadline found in a sentence, with its span inside the sentence."""

    deadline: Deadline
    start: int
    end: int


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
    if re.search(r"(?:截止|截至)至?到?\s*$", sent[:it.start]) and _AS_OF_THE.match(sent, it.end):
        return False
    if re.search(r"起算", clause):
        return False  # "会费…自四月起算至2014年12月31日止": the period a fee covers, no date to act by
    if _AS_OF.search(clause):
        return False  # "数据统计截止到6月30日", "年龄计算截至…": the date the figures count to
    if _QUALIFIES_AFTER.match(sent, it.end):
        return False
    act = find_action(sent, it.end)
    has_action = act is not None
    labelled = bool(v["label_re"].search(before)) or bool(
        heading and not clause.strip() and v["label_re"].search(heading))
    if it.compact:  # "截止时间:2023428": only right after a label, or 前 + action
        return bool(re.search(rf"(?:{v['label_re'].pattern}){S}均?{S}[:：为是]?{S}$", sent[:it.start])
                    or (it.cue_after and has_action))
    if it.cue_after and has_action and _ISSUER_WILL.search(sent, it.end, act.start()):
        return False  # "年底前…，公司将给予表彰，并向上级工会推荐": the issuer's own act
    if it.cue_after:
        # "各工会分会要在4月1日前召集正式代表": a task the readers must finish, whatever its verb
        # (the date may sit in brackets after 提前: "需提前(4月14日前)提供…")
        task = _OBLIGED_BEFORE.search(sent[cs:it.start]) and re.match(r"[)）]?[\u4e00-\u9fff](?<![的后])", sent[it.end:])
        # "各单位活动在3月20之前组织完成": the recipients named as the subject finish by the date
        subject = ASKED_SUBJECT.match(sent, cs) or (ev and ASKED_SUBJECT.match(clause, ev[-1].end()))
        task = task or (subject and _DONE_AFTER.match(sent, it.end))
        # "征文从…开始,到12月31日截稿", "报名于5月10日截止": a close of what the notice collects
        closes = (it.cue_after in ("截止", "截稿") and bool(re.search(
            rf"{_COLLECTS.pattern}|作品|征文|稿件", sent[:it.start]))) or (
            it.cue_after.endswith("截止") and len(it.cue_after) > 2)  # "3月16日报名截止": the act named in the cue
        return has_action or labelled or bool(task) or _costs(sent, it.end) or closes
    if labelled:
        return True
    if (_UNTIL_BEFORE.search(sent[:it.start]) or _NO_LATER_BEFORE.search(sent[:it.start])) and (
            has_action or _COLLECTS.search(sent[:it.start]) or (heading and _COLLECTS.search(heading))):
        return True  # "(一)作品征集 / 自通知下发之日起至9月19日": the heading names the hand-in
    if it.kind == "range":
        return _window_action(sent, cs, it)
    if _IMPERATIVE_BEFORE.search(sent[:it.start]):
        act = find_action(sent, it.end)
        return bool(act and act.start() >= it.end and act.start() - it.end <= 40
                    and not re.search(r"[，,。；;]", sent[it.end:act.start()]))
    return False


def _costs(sent: str, end: int) -> bool:
    """What missing the date costs follows it ("…9月20日止,逾期不予受理")."""
    return bool(deadline_vocab()["cons_re"].match(sent, re.match(r"[止为，,\s]*", sent[end:]).end() + end))


def _window_action(sent: str, cs: int, it: DateItem) -> bool:
    """A window named by the registration/submission it bounds: "网上报名
    （2010年10月1日—10月10日）", "5月8日至5月12日到工会报名"."""
    if _WINDOW_ACT_BEFORE.search(sent[cs:it.start]) or _costs(sent, it.end):
        return True
    m = _WINDOW_ACT_AFTER.match(sent, it.end) or _WINDOW_REQUEST.match(sent, it.end)
    return bool(m and not deadline_vocab()["event_label_re"].search(m.group(0)))


def _resolve_item(sent: str, it: DateItem, ref: Ref
                  ) -> tuple[Optional[dt.date], str, bool, Optional[dt.date]]:
    """(due, precision, year_inferred, window start) of a deadline item.
    Raises ValueError for an impossible date or a 本周五/今天 with no
    document date to count from."""
    if it.kind in ("week", "day", "month"):
        base = ref.base
        if base is None:
            raise ValueError("needs a document date")
        if it.kind == "day":
            return base + dt.timedelta(days=int(it.week[1])), "day", True, None
        if it.kind == "month":  # 本月底 / 下月5日
            y, mo = divmod(base.month - 1 + int(it.week[0]), 12)
            day, part = it.week[1], None
            if not day[0].isdigit() and day[0] not in dates_cn.CN_DIGITS:
                day, part = None, day
            ph = DatePhrase(base.year + y, mo + 1, dates_cn.cn_int(day) if day else None,
                            part, it.start, it.end, "")
            due, prec = ph.resolve(ph.year)
            return due, prec, True, None
        return dates_cn.resolve_weekday(it.week[0], it.week[1], base), "day", True, None
    last = it.last
    before_month = (it.kind == "date" and last.day is None and last.part is None
                    and it.cue_after in ("前", "以前", "之前"))
    due, prec, inferred = resolve_phrase(last, ref, before_month=before_month)
    start_date = None
    if it.kind == "range":
        first = it.first
        if first.year is None and last.year is not None:
            first.year = last.year - (1 if first.month > last.month else 0)
        elif first.year is None and due is not None:
            first.year = due.year - (1 if first.month > due.month else 0)
        if first.year is not None:
            start_date, _ = first.resolve(first.year)
    return due, prec, inferred, start_date


# a day named relatively, its date glossed in brackets ("本周三(5月12日)下午4:30前", "明天（3月4日）"):
# the bracketed date is the one to read, as if printed without the brackets
_RELATIVE_GLOSS = re.compile(r"(?<=[一二三四五六日天])[（(]\s*((?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号])\s*[)）]")


def parse_sentence(sent: str, ref: Ref, *, attachment: Optional[int] = None,
                   attachment_title: Optional[str] = None, heading: Optional[str] = None,
                   own_date: bool = True) -> tuple[list[Found], list[tuple[str, int, int]]]:
    """Deadlines of one sentence (or note) and ``bad_date`` problems.

    Returns ([Found], [(message, start, end)]) with offsets into ``sent``.
    ``attachment`` is the number of the attachment body holding the sentence
    (its deadlines list it); ``attachment_title`` names "此表". One deadline
    per date: a sentence giving two times of one day ("17:00前报组长 …
    18:00之前交工会") sets one deadline. ``own_date`` False: the sentence is
    the reposting body's, written on a day the document does not give, so
    下星期一 / 明天 stay relative (due null; real/README.md "Deadlines").
    """
    found: list[Found] = []
    problems: list[tuple[str, int, int]] = []
    sent = _RELATIVE_GLOSS.sub(lambda m: " " + m.group(1) + " ", sent)  # same length: offsets hold
    bad = dates_cn.garbled(sent)
    items = [it for it in dates_cn.scan(sent) if not any(a <= it.start < b for a, b in bad)]
    items += dates_cn.compact_items(sent, [(it.start, it.end) for it in items] + bad)
    atts = [attachment] if attachment is not None else None
    seen: set = set()
    for it in sorted(items, key=lambda x: x.start):
        if it.error:
            if _AFTER_CUE(sent, it.end) or find_action(sent, it.end):
                problems.append((f"unreadable date in {sent[it.start:it.end + 2]!r}: {it.error}",
                                 it.start, it.end))
            continue
        if not is_deadline_item(sent, it, heading):
            continue
        if not own_date and it.kind in ("week", "day", "month"):
            parts = _parts_of(sent, it.start, it.end, attachment_title, heading)
            found.append(Found(Deadline(due=None, relative=True, anchor=sent[it.start:it.end], precision="day",
                                        year_inferred=False, attachments=atts or [], text=sent.strip(),
                                        **parts), it.start, it.end))
            continue
        try:
            due, prec, inferred, start_date = _resolve_item(sent, it, ref)
        except ValueError as e:
            problems.append((f"date {sent[it.start:it.end]!r}: {e}", it.start, it.end))
            continue
        if due is None:  # no year in the text or the document: a warning, never a dateless deadline
            problems.append((f"{sent[it.start:it.end]!r} has no year and the document gives none: "
                             "no deadline taken", it.start, it.end))
            continue
        base = ref.base
        if due is not None and not inferred and base is not None and (base - due).days > 400:
            continue  # a date years before the document: a reference ("需在2021年6月前获得C证" in 2024)
        if due is not None and not inferred and base is not None and (base - due).days > 30:
            # a printed date up to a year before the document's own: kept as printed (the guide keeps
            # printed years; a page's typo of the year, "于2012年10月15日前报…" under 2013年9月17日), flagged
            problems.append((f"{sent[it.start:it.end]!r} falls {(base - due).days} days before the document's "
                             "date: kept as printed, check its year", it.start, it.end))
        key = due or (it.last.month if it.last else None, it.last.day if it.last else None)
        if key in seen:
            continue
        seen.add(key)
        parts = _parts_of(sent, it.start, it.end, attachment_title, heading)
        dl = Deadline(due=due, due_time=it.time or _time_after(sent, it.end), start=start_date,
                      precision=prec, year_inferred=inferred,
                      attachments=atts or _named_near(sent, it.start, it.end),
                      text=sent.strip(), **parts)
        found.append(Found(dl, it.start, it.end))
    for a, z in _relative_spans(sent):
        parts = parse_parts(sent, a, z, attachment_title=attachment_title)
        dl = Deadline(due=None, relative=True, anchor=sent[a:z], precision="day",
                      year_inferred=False, attachments=atts or _named_near(sent, a, z),
                      text=sent.strip(), **parts)
        found.append(Found(dl, a, z))
    for a, b in bad:
        problems.append((f"garbled date {sent[a:b]!r}: no deadline taken", a, b))
    return found, problems


def _named_near(sent: str, start: int, end: int) -> list[int]:
    """Attachments named in the item of ``sent`` that holds ``start:end``: a
    sentence run on across item numbers (a page pasted as one line: "附件1:…
    附件2:…备注:1、…于暑假放假前送至…") names only its own item's."""
    lo = max((m.start() for m in ITEM_NUMBER.finditer(sent, 0, start)), default=0)
    hi = next((m.start() for m in ITEM_NUMBER.finditer(sent, end)), len(sent))
    return named_attachments(sent[lo:hi])


def _parts_of(sent: str, start: int, end: int, attachment_title: Optional[str],
              heading: Optional[str]) -> dict:
    """:func:`parse_parts`, with a table's title as the deliverable of a note
    under it and the action taken from a label ("报名时间") when no verb."""
    parts = parse_parts(sent, start, end, attachment_title=attachment_title)
    if not parts["deliverable"] and attachment_title:
        parts["deliverable"] = attachment_title  # a note under a table is about that table
    if not parts["action"]:
        m = deadline_vocab()["label_re"].search(sent[:start]) or (
            deadline_vocab()["label_re"].search(heading) if heading else None)
        if m:
            a = deadline_vocab()["action_re"].search(m.group(0))
            parts["action"] = a.group(0) if a else None
    return parts


def _relative_spans(sent: str) -> list[tuple[int, int]]:
    """Spans of relative deadlines (``due`` null, ANNOTATION.md): "活动结束后
    15个工作日内报送", "申请报告提前一周报校工会", "于暑假放假前送至…",
    "在开展活动前需将方案发送…" — each followed by an action verb."""
    out = []
    for m in _REL_RE.finditer(sent):
        if find_action(sent, m.end()):
            out.append((m.start(), m.end()))
    for m in _REL_AHEAD_RE.finditer(sent):
        act = deadline_vocab()["action_re"].match(sent, m.end()) or find_action(sent, m.end())
        if act and act.start() - m.end() <= 20 and not re.search(r"[，,]", sent[m.end():act.start()]):
            out.append((m.start(), m.end()))
    for m in _REL_BEFORE_RE.finditer(sent):
        if not deadline_vocab()["relative_anchor_re"].search(m.group("anchor")):
            continue
        act = find_action(sent, m.end())
        if act and act.start() >= m.end() and act.start() - m.end() <= 30:
            out.append((m.start(), m.end()))
    return out


def _AFTER_CUE(sent: str, pos: int) -> bool:
    return bool(re.match(rf"{S}[日号]?{S}(?:以前|之前|前|止)", sent[pos:]))


def _time_after(sent: str, pos: int) -> Optional[str]:
    """A time of day printed later in the clause with its own cue ("当天16:30前")."""
    m = re.search(rf"(?:当天|当日)?{S}(?P<t>(?:上午|下午|中午|晚上)?{S}[0-9]{{1,2}}{S}(?:[:：]{S}[0-9]{{2}}|[点时](?:[0-9]{{1,2}}分|半)?)){S}(?:以前|之前|前|止)",
                  sent[pos:pos + 30])
    if not m or re.search(r"[，,。]", sent[pos:pos + m.start()]):
        return None
    t = dates_cn.parse_time(m.group("t"))
    return t[0] if t else None


# --- the document -----------------------------------------------------------------


_RUN_ON = 200  # characters: longer than any title, 主送 line, signature or 版记


def candidate_blocks(doc: Document) -> list[int]:
    """Blocks that may hold deadlines: all blocks except those of the zones
    carrying the document's own dates (:data:`SKIP_ZONES`)."""
    skip: set[int] = set()
    z = doc.zones
    if z is not None:
        for name in SKIP_ZONES:
            v = getattr(z, name)
            if v is None:
                continue
            skip.update(v if isinstance(v, list) else [v])
        for a in z.attachments:
            skip.add(a.label_block)
            skip.update(a.title_blocks)
    # a run-on paragraph (a web page pasted as one line) that segmentation put
    # in one of those zones still holds the body: its own dates carry no
    # deadline cue, so it is read like the body
    return [i for i, b in enumerate(doc.blocks)
            if i not in skip or len(b.text or b.raw) > _RUN_ON]


def attachment_titles(doc: Document) -> dict[int, str]:
    """Attachment number → its heading text (from its own page)."""
    out: dict[int, str] = {}
    if doc.zones is None:
        return out
    for a in doc.zones.attachments:
        if a.number is not None and a.title_blocks:
            out[a.number] = "".join(doc.blocks[i].text.strip() for i in a.title_blocks)
    return out


def make_ref(doc: Document, signed_date: Optional[dt.date], printed_date: Optional[dt.date],
             doc_year: Optional[int]) -> Ref:
    """The :class:`Ref` of ``doc``: its dates, and a printed year only when
    none of the guide's three sources exists."""
    ref = Ref(signed_date, printed_date, doc_year)
    if ref.base is None and doc_year is None:
        ref.text_year = text_year(doc)
    return ref


def extract(doc: Document, *, signed_date: Optional[dt.date] = None,
            printed_date: Optional[dt.date] = None, doc_year: Optional[int] = None
            ) -> tuple[list[Deadline], list[Warning_]]:
    """(deadlines, warnings) of ``doc`` (ANNOTATION.md "deadlines").

    ``signed_date`` (成文日期), ``printed_date`` (印发日期) and ``doc_year``
    (发文字号 year) give the year of dates printed without one. Warnings:
    ``bad_date`` for an impossible or garbled date (no deadline is invented).
    """
    ref = make_ref(doc, signed_date, printed_date, doc_year)
    titles = attachment_titles(doc)
    out: list[Deadline] = []
    warns: list[Warning_] = []
    prev: Optional[str] = None
    last_label: Optional[int] = None  # the last attachment label read so far
    z = doc.zones  # lines above the circular's 版头/标题 are the reposting body's own
    front = min(z.head + z.title, default=None) if z is not None else None
    for unit in _units(doc):
        starts = [0]
        for i in unit:
            starts.append(starts[-1] + len(doc.blocks[i].text or doc.blocks[i].raw))
        text = "".join(doc.blocks[i].text or doc.blocks[i].raw for i in unit)
        heading, prev = block_heading(prev), doc.blocks[unit[-1]].text

        def ev(a: int, z: int):  # evidence in the block holding position a
            k = max(j for j in range(len(unit)) if starts[j] <= a)
            return evidence(doc, unit[k], a - starts[k], min(z, starts[k + 1]) - starts[k])

        carried = last_label
        own = list(ATT_LABEL.finditer(text))
        last_label = label_number(own[-1]) if own else last_label
        if not text or not re.search(r"[月周季后至前止天日]", text):
            continue
        att = attachment_of(doc, unit[0])
        spans = sentence_spans(text, table=doc.blocks[unit[0]].kind == "table")
        for k, (s, e) in enumerate(spans):
            found, problems = parse_sentence(text[s:e], ref, attachment=att,
                                             attachment_title=titles.get(att) if att else None,
                                             heading=heading if k == 0 else None,
                                             own_date=front is None or unit[-1] >= front)
            nxt = text[spans[k + 1][0]:spans[k + 1][1]] if k + 1 < len(spans) else ""
            for f in found:
                note_of = None if att is not None else note_attachment(
                    text, spans[k - 1][0] if k else s, s + f.end, carried)
                if note_of is not None:
                    f.deadline.attachments = [note_of]
                f.deadline.evidence = ev(max(s, _block_start(starts, s + f.start)), e)
                if not f.deadline.consequence and _NEXT_CONSEQUENCE.match(nxt):
                    # "…17:00止。逾期系统自动关闭，不再受理。"
                    f.deadline.consequence = nxt.strip(" ，,。")
                out.append(f.deadline)
            for msg, a, z in problems:
                warns.append(Warning_(code="bad_date", message=msg, evidence=ev(s + a, s + z)))
    taken = {deadline_tables.row_starts(doc, d.evidence.block, d.evidence.start) for d in out if d.evidence}
    out += deadline_tables.extract(doc, lambda sent: parse_sentence(sent, ref)[0], taken)
    out = _windows_set_again(out)
    if _sole_attachment(doc):
        for d in out:  # "将推荐表（见附件）报送…": the notice's only attachment
            if not d.attachments and _UNNUMBERED_REF.search(d.text or ""):
                d.attachments = [1]
    return out, warns


def _windows_set_again(out: list[Deadline]) -> list[Deadline]:
    """``out`` less each window (a deadline with a ``start``: "一、提案征集时间:
    5月13日--6月10日", "评审阶段（5月—6月10日）") whose last day another
    sentence sets as a deadline of its own ("提案于6月10日交院办"): the window
    is the stage, the sentence the deadline (real/README.md "Year inference")."""
    dues = {d.due for d in out if d.start is None and d.due is not None}
    return [d for d in out if d.start is None or d.due not in dues]


# A reference to "the attachment" without a number: （附件）, （见附件）, 详见附件.
_UNNUMBERED_REF = re.compile(r"(?:[（(](?:见|详见)?附件[）)]|(?:见|详见)附件(?![0-9一二三四五六七八九十]))")


def _sole_attachment(doc: Document) -> bool:
    """True when ``doc`` lists or prints exactly one attachment (corpus
    README: a single unnumbered 附件 has number 1)."""
    from extractors.attachments import listed_count

    return listed_count(doc) == 1


def _block_start(starts: list[int], pos: int) -> int:
    return max(x for x in starts[:-1] if x <= pos)


_SENTENCE_END = re.compile(r"[。！？!?；;]\s*$")


# a line that opens a list item or a labelled field ("(二)…", "2、…", "评奖:…") starts a sentence of its own
_OPENS_ITEM = re.compile(rf"\s*(?:{ITEM_NUMBER.pattern}|[\u4e00-\u9fff]{{2,6}}[:：])")


def _units(doc: Document) -> list[list[int]]:
    """Candidate blocks grouped into paragraphs: a paragraph block that does
    not end a sentence (。！？；) runs on into the next candidate paragraph of
    the same attachment, as a line a PDF or a narrow page wrapped anywhere
    does ("请各单" / "位于4月15日前报送"): the deadline must not depend on
    where the text was broken (issue 11 invariance) — unless the next line opens a
    list item or a labelled field (:data:`_OPENS_ITEM`)."""
    units: list[list[int]] = []
    for i in candidate_blocks(doc):
        b = doc.blocks[i]
        if units:
            j = units[-1][-1]
            p = doc.blocks[j]
            if (j == i - 1 and p.kind == b.kind == "paragraph"
                    and not _SENTENCE_END.search(p.text or p.raw) and not _OPENS_ITEM.match(b.text or "")
                    and attachment_of(doc, j) == attachment_of(doc, i)):
                units[-1].append(i)
                continue
        units.append([i])
    return units
