"""Deadlines (截止时间) — ANNOTATION.md "deadlines".

A deadline is a date by which a recipient must do something (上报、报送、报名、
申报、提交 …). The extractor works sentence by sentence on the normalised
text of body paragraphs, attachment paragraphs (table notes) and table cells;
date phrases are found with regexes (:mod:`extractors.dates_cn`), never with
jieba tokens ("日前" is one jieba token).

A date phrase sets a deadline when (the sentence rule, :mod:`extractors.deadline_rule`)

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
from extractors._common import attachment_of, evidence
from extractors.deadline_parts import ATT_LABEL, label_number, note_attachment
from extractors.deadline_parts import text_year  # noqa: F401  (re-exported: the year source)
from extractors.deadline_parts import HEADING_NUM, block_heading, sentence_spans  # noqa: F401  (sentence_spans: events)
from extractors.deadline_parts import (ITEM_NUMBER, deadline_vocab,  # noqa: F401
                                       find_action, named_attachments, parse_parts)
from extractors.dates_cn import DateItem, DatePhrase, S
from extractors.deadline_rule import is_deadline_item
from models.common import Warning_
from models.deadlines import Deadline
from models.document import Document

# what missing the date costs, in the sentence after it ("…前报送。逾期不予受理")
_NEXT_CONSEQUENCE = re.compile(r"\s*(?:逾期|过期|未按时|未在规定时间|超过时限|届时未)")

# Zones whose dates are the document's own (成文日期, 印发日期, 发文字号).
SKIP_ZONES = ("head", "title", "recipients", "signature", "date", "record", "attachment_list")

# "活动结束后15个工作日内", and a span after the meeting the notice calls ("会后一周内", "闭会三天内")
_REL_RE = re.compile(
    rf"(?:(?P<anchor>[^\s，。；、]{{0,12}}?(?:结束|完成|收到|接到|印发|下发|发布|公布|举办|举行)(?:通知)?)后|(?:散会|赛|会)后|闭会后?){S}"
    rf"(?P<n>[0-9]{{1,3}}|[{dates_cn.CN_DIGITS}]{{1,3}}){S}个?{S}(?P<unit>工作日|自然日|日|天|周|星期|个月|月)(?:内|以内|之内)")
# "截止时间拟定为预备会议结束之前": a closing label set at an event (due null)
_REL_LABELLED_RE = re.compile(r"截止(?:时间|日期)[^，。；;,\d]{0,6}?(?:为|是|至|[:：])"
                              r"(?P<anchor>[^，。；;,\d]{2,14}?(?:结束|召开|开始|举行))(?:之前|以前|前)")
# "提前一周报校工会": a span before an event the reader knows (due null).
_REL_AHEAD_RE = re.compile(
    rf"提前{S}(?:[0-9]{{1,3}}|[{dates_cn.CN_DIGITS}]{{1,3}}){S}个?{S}(?:工作日|自然日|日|天|周|星期|个月)")
# "于暑假放假前 / 在开展活动前 + action": before an event with no printed date;
# the anchor must name an event (deadline_vocab relative_anchor).
_REL_BEFORE_RE = re.compile(
    rf"(?<![将定拟已曾])(?:于|在){S}(?P<anchor>[^\s，。；、,:：0-9月日号周]{{2,10}}?)(?:之前|以前|前)")
# "(一)每年春运开始前,各省要将…报送…": a sentence opening with the event it counts back from,
# an obligation and an action after it (due null)
_REL_OPENING_RE = re.compile(rf"{S}(?:{ITEM_NUMBER.pattern})?{S}(?:每年|每届|每次|每期)?"
                             rf"(?P<anchor>[^\s，。；、,:：0-9月日号]{{2,10}}?)(?:之前|以前|前)(?=[，,])")
# (or an item opening inside a run-on line: "… 七、竞赛要求 (一)每年春运开始前,…")
_REL_ITEM_RE = re.compile(rf"(?:{ITEM_NUMBER.pattern}){S}(?:每年|每届|每次|每期)?"
                          rf"(?P<anchor>[^\s，。；、,:：0-9月日号]{{2,10}}?)(?:之前|以前|前)(?=[，,])")
_OBLIGED = re.compile(r"要|须|需|应当?|务必|必须")

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
    items += dates_cn.compact_items(sent, [(it.start, it.end) for it in items] + bad, ref.base)
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
    out = [(m.start(), m.end()) for m in _REL_LABELLED_RE.finditer(sent)
           if deadline_vocab()["relative_anchor_re"].search(m.group("anchor"))]
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
    m = _REL_OPENING_RE.match(sent) or _REL_ITEM_RE.search(sent)
    if m and deadline_vocab()["relative_anchor_re"].search(m.group("anchor")) and not any(a <= m.end("anchor") < b for a, b in out):
        act = find_action(sent, m.end())
        if act and act.start() - m.end() <= 60 and _OBLIGED.search(sent, m.end(), act.start()):
            out.append((m.start("anchor"), m.end()))
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
        if not text or not re.search(r"[月周季后至前止天日]|[于在][0-9]{3,4}(?![0-9])", text):  # (于1021将…报)
            continue
        att = attachment_of(doc, unit[0])
        spans = sentence_spans(text, table=doc.blocks[unit[0]].kind == "table")
        for k, (s, e) in enumerate(spans):
            found, problems = parse_sentence(text[s:e], ref, attachment=att,
                                             attachment_title=titles.get(att) if att else None,
                                             heading=heading if k == 0 else _run_in_heading(text, spans[k - 1]),
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


def _run_in_heading(text: str, span: tuple[int, int]) -> Optional[str]:
    """The sentence before, when it is a numbered heading closed by a stop ("四、征稿时间。从即日起…"):
    a heading run into its item's line (the text joined onto one line) heads it as its own line does."""
    prev = text[span[0]:span[1]]
    return block_heading(prev) if HEADING_NUM.match(prev) else None


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
