"""Deadlines (截止时间) — ANNOTATION.md "deadlines".

A deadline is a date by which a recipient must do something (上报、报送、报名、
申报、提交 …). The extractor works sentence by sentence on the normalised
text of body paragraphs, attachment paragraphs (table notes) and table cells;
date phrases are found with regexes (:mod:`extractors.dates_cn`), never with
jieba tokens ("日前" is one jieba token).

A date phrase sets a deadline when

* it is followed by 前 / 以前 / 之前 / 止 / 为止 / 截止 and the sentence has an
  action verb or a deadline label (截止时间, 报名时间 …);
* it follows a deadline label ("截止时间为6月2日", "报名时间：4月9—16日") or
  "即日起至";
* it follows an imperative 请于 / 须于 and an action verb follows it
  ("请于4月15日报送").

A window (4月9—16日) is a deadline when labelled as a registration/submission
window or cued; its end is ``due`` and its first day ``start``. Periods under
event labels (竞赛时间, 比赛时间 …) are events (:mod:`extractors.events`).
Relative deadlines ("活动结束后15个工作日内报送") have ``due`` null.

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
from functools import lru_cache
from typing import Optional

from extractors import dates_cn
from extractors._common import attachment_of, evidence, vocab
from extractors.dates_cn import DateItem, DatePhrase, S
from models.common import Warning_
from models.deadlines import Deadline
from models.document import Document

# Zones whose dates are the document's own (成文日期, 印发日期, 发文字号).
SKIP_ZONES = ("head", "title", "recipients", "signature", "date", "record", "attachment_list")

_SENT_SPLIT = re.compile(r"[。；;！!？?\n]")
_EMAIL_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+\-]*\s*[@＠]\s*[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_SYSTEM_RE = re.compile(r"(?:通过|登录|登陆|使用|利用|经由)(?P<sys>[^\s，。；、：:（）()“”]{2,14}?(?:系统|平台|网站|小程序|公众号))")
_ATT_RE = re.compile(
    rf"附件{S}(?P<list>[0-9一二三四五六七八九十]+(?:{S}(?:[、，,和及与]|[—–\-~至到]){S}(?:附件)?{S}[0-9一二三四五六七八九十]+)*)")
_REL_RE = re.compile(
    rf"(?P<anchor>[^\s，。；、]{{0,12}}?(?:结束|完成|收到|接到|印发|下发|发布|公布|举办|举行)(?:通知)?)后{S}"
    rf"(?P<n>[0-9]{{1,3}}|[{dates_cn.CN_DIGITS}]{{1,3}}){S}个?{S}(?P<unit>工作日|自然日|日|天|周|星期|个月|月)(?:内|以内|之内)")
# "请于 / 各单位于 / 要在 <date> 将…报…": an imperative date without 前. Not
# 将于 / 定于 / 拟于 (a planned event) or 已于 / 曾于 (the past).
_IMPERATIVE_BEFORE = re.compile(rf"(?<![将定拟已曾])(?:于|要在|须在|应在|需在|请在){S}$")
_UNTIL_BEFORE = re.compile(rf"(?:即日起|即日|自即日起|从即日起|从今日起|今日起){S}(?:至|到){S}$")
_DOC_NOUN = re.compile(r"(?:表|表格|材料|方案|名单|报告|总结|作品|申请书|推荐书|资料|信息|照片|视频|稿件|回执|清单)$")
_LEAD_NUM = re.compile(r"^(?:备注|注|说明)?[：:]?\s*(?:[0-9一二三四五六七八九十]+\s*[、.．)）])?\s*")
_NEXT_CONSEQUENCE = re.compile(r"\s*(?:逾期|过期|未按时|未在规定时间|超过时限|届时未)")
_THIS_TABLE = re.compile(r"(?:此|本|该|上述|以上)(?:表|表格|登记表|申报表|汇总表)")


@dataclass
class Ref:
    """The document dates used for year inference (ANNOTATION.md): 成文日期,
    印发日期 and the 发文字号 year."""

    signed_date: Optional[dt.date] = None
    printed_date: Optional[dt.date] = None
    doc_year: Optional[int] = None

    @property
    def base(self) -> Optional[dt.date]:
        """The document date (成文 else 印发), or None."""
        return self.signed_date or self.printed_date


# Characters after a one-character verb that make it part of another word.
_SINGLE_BAD_NEXT = {"报": "告表道纸刊名送批销账价酬警考到备请社", "送": "温达交审礼", "交": "流通易叉往",
                    "寄": "宿托语", "传": "统达真播承递"}


@lru_cache(maxsize=1)
def _vocab() -> dict:
    v = dict(vocab("deadline_vocab"))
    acts = sorted(v["actions"], key=len, reverse=True)
    v["action_re"] = re.compile("|".join(map(re.escape, acts)))
    v["label_re"] = re.compile("|".join(map(re.escape, sorted(v["labels"], key=len, reverse=True))))
    v["event_label_re"] = re.compile(
        "|".join(map(re.escape, sorted(v["event_labels"], key=len, reverse=True))))
    v["cons_re"] = re.compile("|".join(map(re.escape, v["consequence"])))
    v["org_re"] = re.compile(
        "(?:" + "|".join(map(re.escape, sorted(v["org_suffix"], key=len, reverse=True))) + ")$")
    return v


# --- dates ------------------------------------------------------------------------


def resolve_phrase(p: DatePhrase, ref: Ref, *, before_month: bool = False
                   ) -> tuple[Optional[dt.date], str, bool]:
    """(due, precision, year_inferred) of a phrase in the document's context.

    A printed year is used as is; otherwise ANNOTATION.md's rule: the year of
    the 成文/印发 date (rolled to the next year when the date would fall more
    than 60 days before it), else the 发文字号 year; ``due`` None when the
    document gives no year. Raises ValueError for an impossible date.
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
    if ref.doc_year is not None:
        due, prec = p.resolve(ref.doc_year, before_month=before_month)
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


# --- sentence parts ---------------------------------------------------------------


def _clause_start(sent: str, pos: int) -> int:
    cut = max(sent.rfind(c, 0, pos) for c in "，,：:")
    return cut + 1


def find_action(sent: str, after: int) -> Optional[re.Match]:
    """The governing action verb: the first verb after ``after`` that is
    not the head of a noun (报名表, 申报书), else the last such verb before."""
    v = _vocab()
    nouny = v["noun_after"]
    found_after: list[re.Match] = []
    found_before: list[re.Match] = []
    for m in v["action_re"].finditer(sent):
        nxt = sent[m.end():m.end() + 1]
        if m.group(0) == "上报" and nxt == "名":
            continue  # 网上报名: the verb is 报名
        single = len(m.group(0)) == 1
        if single:
            prev = sent[m.start() - 1:m.start()]
            # a one-character verb only where it cannot be part of a word
            # (报告, 报表, 送温暖, 交流) and where it governs: right after the
            # date cue, before 至/到/给, or after a 将/把 object ("将材料报县总工会")
            if nxt and nxt in _SINGLE_BAD_NEXT.get(m.group(0), ""):
                continue
            if not (nxt in "至到给" or prev in "前止将，,内并再）)》”"
                    or re.search(r"[将把]", sent[min(after, m.start()):m.start()])):
                continue
        elif nxt and nxt in "表单书册稿件":
            continue  # 报名表, 申报书, 登记册: the verb heads a noun
        elif nxt and nxt in nouny and m.group(0) in ("报名", "申报", "登记", "推荐", "确认", "完成"):
            continue  # 报名人数, 申报工作, 推荐名额 …
        (found_after if m.start() >= after else found_before).append(m)
    if found_after:
        return found_after[0]
    if found_before:
        return found_before[-1]
    return None


def _clean_deliverable(s: str) -> Optional[str]:
    v = _vocab()
    s = s.strip(" ，,、：:")
    if "，" in s or "," in s:
        s = re.split(r"[，,]", s)[-1]
    changed = True
    while changed:
        changed = False
        for w in v["deliverable_lead"] + v["strip_deliverable"]:
            if s.startswith(w) and len(s) > len(w):
                s, changed = s[len(w):], True
        for w in v["strip_deliverable"]:
            if s.endswith(w) and len(s) > len(w):
                s, changed = s[:-len(w)], True
    s = s.strip(" ，,、：:")
    return s or None


def _org_prefix(s: str) -> Optional[str]:
    """The longest prefix of ``s`` that ends like an organisation."""
    v = _vocab()
    cut = len(s)
    for w in v["channel_cut"]:
        i = s.find(w)
        if 0 <= i < cut:
            cut = i
    s = s[:cut]
    for end in range(len(s), 1, -1):
        if v["org_re"].search(s[:end]):
            return s[:end]
    return None


def parse_parts(sent: str, date_start: int, date_end: int, *,
                attachment_title: Optional[str] = None) -> dict:
    """action, deliverable, submit_to, channel and consequence of a deadline
    sentence whose date phrase spans ``date_start:date_end``."""
    out: dict = {"action": None, "deliverable": None, "submit_to": None,
                 "channel": None, "consequence": None}
    act = find_action(sent, date_end)
    post_from = date_end
    if act:
        out["action"] = act.group(0)
        if act.start() >= date_end:
            mid = sent[date_end:act.start()]
            k = max(mid.rfind("将"), mid.rfind("把"))
            if k >= 0:
                out["deliverable"] = _clean_deliverable(mid[k + 1:])
            else:
                to = re.search(r"向(?P<org>[^，,。]{2,20}?)$", mid)
                if to:
                    out["submit_to"] = _org_prefix(to.group("org"))
        else:  # "报送材料截止时间为…": the object sits between verb and date
            obj = re.sub(r"(?:的)?(?:截止|截至)?(?:时间|日期)?(?:为|是)?[：:]?$", "",
                         sent[act.end():date_start])
            if obj and _DOC_NOUN.search(obj):
                out["deliverable"] = _clean_deliverable(obj)
        post_from = act.end()
    post = sent[post_from:] if act and act.start() >= date_end else ""
    if act and post:
        lead = re.match(r"(?:至|到|给|交|于)", post)
        if lead:
            out["submit_to"] = out["submit_to"] or _org_prefix(post[lead.end():])
        else:
            seg = re.split(r"[，,。；;（(]", post, maxsplit=1)[0]
            m_to = re.search(r"(?:至|到|给)", seg)
            if m_to:
                obj, rest = seg[:m_to.start()], seg[m_to.end():]
                if obj and not out["deliverable"]:
                    out["deliverable"] = _clean_deliverable(obj)
                out["submit_to"] = out["submit_to"] or _org_prefix(rest)
            else:
                org = _org_prefix(seg)
                if org:
                    out["submit_to"] = out["submit_to"] or org
                elif seg and not out["deliverable"] and act.start() >= date_end:
                    d = _clean_deliverable(seg)
                    if d and _DOC_NOUN.search(d):
                        out["deliverable"] = d
    if not out["deliverable"]:
        pre = sent[_clause_start(sent, date_start):date_start]
        pre = _LEAD_NUM.sub("", pre)
        pre = re.sub(rf"(?:由[^，,]*?)?(?:请|须|需|务必|应|要|并)?(?:于|在){S}$", "", pre)
        if _THIS_TABLE.search(sent):
            out["deliverable"] = attachment_title or _THIS_TABLE.search(sent).group(0)
        elif pre and _DOC_NOUN.search(pre):
            out["deliverable"] = _clean_deliverable(pre)
    chans = []
    for e in _EMAIL_RE.finditer(sent):
        chans.append("email:" + re.sub(r"\s", "", e.group(0)).replace("＠", "@").lower())
    if "纸质" in sent or "书面" in sent:
        chans.append("paper")
    for s_ in _SYSTEM_RE.finditer(sent):
        chans.append("system:" + s_.group("sys"))
        break
    out["channel"] = "; ".join(dict.fromkeys(chans)) or None
    c = _vocab()["cons_re"].search(sent, date_end)
    if c:
        out["consequence"] = sent[c.start():].strip(" ，,。")
    return out


def named_attachments(sent: str) -> list[int]:
    """Attachment numbers a sentence names: 附件1、附件2 → [1, 2];
    附件1-3 → [1, 2, 3]."""
    nums: list[int] = []
    for m in _ATT_RE.finditer(sent):
        parts = re.split(r"(\s*[—–\-~至到]\s*)", m.group("list"))
        prev: Optional[int] = None
        rng = False
        for tok in parts:
            if re.fullmatch(r"\s*[—–\-~至到]\s*", tok):
                rng = True
                continue
            for n in re.findall(r"[0-9]+|[一二三四五六七八九十]+", tok):
                try:
                    k = dates_cn.cn_int(n)
                except ValueError:
                    continue
                if rng and prev is not None and prev < k <= prev + 20:
                    nums.extend(range(prev + 1, k + 1))
                else:
                    nums.append(k)
                prev, rng = k, False
    return list(dict.fromkeys(nums))


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
    v = _vocab()
    clause = sent[_clause_start(sent, it.start):it.start]
    before = sent[max(0, it.start - 16):it.start]
    if v["event_label_re"].search(clause):
        return False
    if heading and not clause.strip() and v["event_label_re"].search(heading):
        return False
    has_action = find_action(sent, it.end) is not None
    labelled = bool(v["label_re"].search(before)) or bool(
        heading and not clause.strip() and v["label_re"].search(heading))
    if it.cue_after:
        return has_action or labelled
    if labelled:
        return True
    if _UNTIL_BEFORE.search(sent[:it.start]) and has_action:
        return True
    if it.kind != "range" and _IMPERATIVE_BEFORE.search(sent[:it.start]):
        act = find_action(sent, it.end)
        return bool(act and act.start() >= it.end and act.start() - it.end <= 40
                    and not re.search(r"[，,。；;]", sent[it.end:act.start()]))
    return False


def parse_sentence(sent: str, ref: Ref, *, attachment: Optional[int] = None,
                   attachment_title: Optional[str] = None, heading: Optional[str] = None
                   ) -> tuple[list[Found], list[tuple[str, int, int]]]:
    """Deadlines of one sentence (or note) and ``bad_date`` problems.

    Returns ([Found], [(message, start, end)]) with offsets into ``sent``.
    ``attachment`` is the number of the attachment body holding the sentence
    (its deadlines list it); ``attachment_title`` names "此表".
    """
    found: list[Found] = []
    problems: list[tuple[str, int, int]] = []
    bad = dates_cn.garbled(sent)
    items = [it for it in dates_cn.scan(sent)
             if not any(a <= it.start < b for a, b in bad)]
    atts = [attachment] if attachment is not None else named_attachments(sent)
    seen: set = set()
    for it in items:
        if it.error:
            if _AFTER_CUE(sent, it.end) or find_action(sent, it.end):
                problems.append((f"unreadable date in {sent[it.start:it.end + 2]!r}: {it.error}",
                                 it.start, it.end))
            continue
        if not is_deadline_item(sent, it, heading):
            continue
        start_date = None
        try:
            if it.kind == "week":
                base = ref.base
                if base is None:
                    problems.append((f"{sent[it.start:it.end]!r} needs a document date",
                                     it.start, it.end))
                    continue
                due = dates_cn.resolve_weekday(it.week[0], it.week[1], base)
                prec, inferred = "day", True
            else:
                last = it.last
                before_month = (it.kind == "date" and last.day is None and last.part is None
                                and it.cue_after in ("前", "以前", "之前"))
                due, prec, inferred = resolve_phrase(last, ref, before_month=before_month)
                if it.kind == "range":
                    first = it.first
                    if first.year is None and last.year is not None:
                        first.year = last.year - (1 if first.month > last.month else 0)
                    elif first.year is None and due is not None:
                        first.year = due.year - (1 if first.month > due.month else 0)
                    if first.year is not None:
                        start_date, _ = first.resolve(first.year)
        except ValueError as e:
            problems.append((f"impossible date {sent[it.start:it.end]!r}: {e}", it.start, it.end))
            continue
        if due is None:  # no year in the text or the document: a warning, never a dateless deadline
            problems.append((f"{sent[it.start:it.end]!r} has no year and the document gives none: "
                             "no deadline taken", it.start, it.end))
            continue
        base = ref.base
        if due is not None and not inferred and base is not None and (base - due).days > 30:
            continue  # a date well before the document: a reference, not a deadline
        key = (due, it.time)
        if key in seen:
            continue
        seen.add(key)
        parts = parse_parts(sent, it.start, it.end, attachment_title=attachment_title)
        if not parts["deliverable"] and attachment_title:
            parts["deliverable"] = attachment_title  # a note under a table is about that table
        if not parts["action"]:
            m = _vocab()["label_re"].search(sent[:it.start]) or (
                _vocab()["label_re"].search(heading) if heading else None)
            if m:
                a = _vocab()["action_re"].search(m.group(0))
                parts["action"] = a.group(0) if a else None
        dl = Deadline(due=due, due_time=it.time or _time_after(sent, it.end), start=start_date,
                      precision=prec, year_inferred=inferred, attachments=list(atts),
                      text=sent.strip(), **parts)
        found.append(Found(dl, it.start, it.end))
    for m in _REL_RE.finditer(sent):
        act = find_action(sent, m.end())
        if not act:
            continue
        parts = parse_parts(sent, m.start(), m.end(), attachment_title=attachment_title)
        dl = Deadline(due=None, relative=True, anchor=m.group(0), precision="day",
                      year_inferred=False, attachments=list(atts), text=sent.strip(), **parts)
        found.append(Found(dl, m.start(), m.end()))
    for a, b in bad:
        problems.append((f"garbled date {sent[a:b]!r}: no deadline taken", a, b))
    return found, problems


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


def sentence_spans(text: str, *, table: bool = False) -> list[tuple[int, int]]:
    """(start, end) of the sentences of a block: split on 。；！？ and line
    breaks (and cell tabs for a table block); empty spans dropped."""
    pat = re.compile(r"[。；;！!？?\n\t]") if table else _SENT_SPLIT
    spans = []
    pos = 0
    for m in pat.finditer(text):
        if text[pos:m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


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
    return [i for i in range(len(doc.blocks)) if i not in skip]


def attachment_titles(doc: Document) -> dict[int, str]:
    """Attachment number → its heading text (from its own page)."""
    out: dict[int, str] = {}
    if doc.zones is None:
        return out
    for a in doc.zones.attachments:
        if a.number is not None and a.title_blocks:
            out[a.number] = "".join(doc.blocks[i].text.strip() for i in a.title_blocks)
    return out


_HEADING_NUM = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十0-9]+[)）、.．]\s*)+")


def block_heading(text: Optional[str]) -> Optional[str]:
    """``text`` without its numbering when it looks like a heading (short, no
    sentence punctuation: "二、报名时间"), else None."""
    if not text:
        return None
    t = _HEADING_NUM.sub("", text).strip(" ：:")
    if not t or len(t) > 20 or re.search(r"[。；，,]", t):
        return None
    return t


def extract(doc: Document, *, signed_date: Optional[dt.date] = None,
            printed_date: Optional[dt.date] = None, doc_year: Optional[int] = None
            ) -> tuple[list[Deadline], list[Warning_]]:
    """(deadlines, warnings) of ``doc`` (ANNOTATION.md "deadlines").

    ``signed_date`` (成文日期), ``printed_date`` (印发日期) and ``doc_year``
    (发文字号 year) give the year of dates printed without one. Warnings:
    ``bad_date`` for an impossible or garbled date (no deadline is invented).
    """
    ref = Ref(signed_date, printed_date, doc_year)
    titles = attachment_titles(doc)
    out: list[Deadline] = []
    warns: list[Warning_] = []
    prev: Optional[str] = None
    for i in candidate_blocks(doc):
        b = doc.blocks[i]
        text = b.text or b.raw
        heading, prev = block_heading(prev), text
        if not text or not re.search(r"[月周季后至]", text):
            continue
        att = attachment_of(doc, i)
        spans = sentence_spans(text, table=b.kind == "table")
        for k, (s, e) in enumerate(spans):
            found, problems = parse_sentence(text[s:e], ref, attachment=att,
                                             attachment_title=titles.get(att) if att else None,
                                             heading=heading if k == 0 else None)
            nxt = text[spans[k + 1][0]:spans[k + 1][1]] if k + 1 < len(spans) else ""
            for f in found:
                f.deadline.evidence = evidence(doc, i, s, e)
                if not f.deadline.consequence and _NEXT_CONSEQUENCE.match(nxt):
                    # "…17:00止。逾期系统自动关闭，不再受理。"
                    f.deadline.consequence = nxt.strip(" ，,。")
                out.append(f.deadline)
            for msg, a, z in problems:
                warns.append(Warning_(code="bad_date", message=msg,
                                      evidence=evidence(doc, i, s + a, s + z)))
    return out, warns
