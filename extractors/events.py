"""Events — dates and periods that are not deadlines (ANNOTATION.md
"deadlines": activity/competition periods, event dates).

* a period under an event label ("竞赛时间：2017年7月—11月", "比赛时间", or a
  heading "三、竞赛时间" whose next block is only the period);
* any date window that is not a deadline (no registration label, no 前/止);
* a single date with an event verb after it ("将于5月20日举行决赛");
* a quarter or half year with an event verb ("一季度，召开…动员会").

Year inference is the deadline rule (:func:`extractors.deadlines.resolve_phrase`).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from extractors import dates_cn
from extractors._common import evidence
from extractors.deadlines import (Ref, candidate_blocks, deadline_vocab, is_deadline_item, make_ref,
                                  prec_of, resolve_phrase, sentence_spans)
from extractors.dates_cn import S
from extractors.deadline_parts import HEADING_NUM
from models.deadlines import Event
from models.document import Document

_EVENT_VERB = re.compile(r"召开|举办|举行|开幕|闭幕|开赛|进行|开展|启动|组织|集中|评选|表彰|培训")
_PERIOD_RE = re.compile(
    rf"(?:(?P<y>[0-9]{{4}}){S}年{S})?(?:第)?(?:(?P<q>[一二三四1-4]){S}季度|(?P<h>上|下)半年)")


def _period_dates(y: int, q: Optional[str], h: Optional[str]) -> tuple[dt.date, dt.date, str]:
    if q:
        k = dates_cn.cn_int(q)
        sm = 3 * (k - 1) + 1
        em = sm + 2
        return dt.date(y, sm, 1), dt.date(y, em, dates_cn.last_day(y, em)), "quarter"
    if h == "上":
        return dt.date(y, 1, 1), dt.date(y, 6, 30), "quarter"
    return dt.date(y, 7, 1), dt.date(y, 12, 31), "quarter"


def _first_clause(s: str) -> str:
    """``s`` up to its first ，/。 outside quotation marks (a slogan in “…”
    may hold commas)."""
    depth = 0
    for i, ch in enumerate(s):
        if ch in "“‘《（(":
            depth += 1
        elif ch in "”’》）)":
            depth = max(0, depth - 1)
        elif ch in "，,。；;" and depth == 0:
            return s[:i]
    return s


def _label(sent: str, start: int, end: int, prev_heading: Optional[str]) -> str:
    v = deadline_vocab()
    m = v["event_label_re"].search(sent[:start])
    if m:
        return m.group(0)
    pre = HEADING_NUM.sub("", sent[:start]).strip(" ，,：:")
    pre = re.sub(r"(?:将于|定于|拟于|于|在|为|是)$", "", pre).strip(" ，,：:")
    if pre:
        return pre[-20:]
    if prev_heading and v["event_label_re"].search(prev_heading):
        return prev_heading
    post = _first_clause(sent[end:].strip(" ，,"))
    if post:
        return post[:30]
    return prev_heading or ""


def parse_sentence(sent: str, ref: Ref, *, prev_heading: Optional[str] = None) -> list[tuple[Event, int, int]]:
    """Events of one sentence as (Event, start, end) with offsets into ``sent``;
    ``prev_heading`` labels a sentence that is only a period (the heading
    block "三、竞赛时间" above it)."""
    out: list[tuple[Event, int, int]] = []
    v = deadline_vocab()
    for it in dates_cn.scan(sent):
        if it.error or it.kind in ("week", "day", "month") or is_deadline_item(sent, it, prev_heading):
            continue
        clause_label = v["event_label_re"].search(sent[:it.start])
        after = sent[it.end:it.end + 12]
        if it.kind == "date" and not clause_label and not _EVENT_VERB.search(after):
            if not (prev_heading and v["event_label_re"].search(prev_heading)
                    and len(sent.strip()) <= it.end - it.start + 2):
                continue
        try:
            first, last = it.first, it.last
            end, prec, _ = resolve_phrase(last, ref)
            if first is last:
                if first.day is None and first.part is None:
                    start = end.replace(day=1) if end else None
                else:
                    start = end
            else:
                if first.year is None and last.year is not None:
                    first.year = last.year - (1 if first.month > last.month else 0)
                elif first.year is None and end is not None:
                    first.year = end.year - (1 if first.month > end.month else 0)
                start = dt.date(first.year, first.month, first.day or 1) if first.year else None
                prec = prec_of(last) if last.day is None else "day"
        except ValueError:
            continue
        label = _label(sent, it.start, it.end, prev_heading)
        if prev_heading and len(sent.strip()) <= it.end - it.start + 2:
            label = prev_heading
        out.append((Event(start=start, end=end, precision=prec, label=label, text=sent.strip()),
                    it.start, it.end))
    for m in _PERIOD_RE.finditer(sent):
        if not _EVENT_VERB.search(sent[m.end():]):
            continue
        y = int(m.group("y")) if m.group("y") else (ref.base.year if ref.base else ref.doc_year)
        if y is None:
            continue
        start, end, prec = _period_dates(y, m.group("q"), m.group("h"))
        label = _first_clause(sent[m.end():].strip(" ，,"))[:40]
        out.append((Event(start=start, end=end, precision=prec, label=label, text=sent.strip()),
                    m.start(), m.end()))
    return out


def extract(doc: Document, *, signed_date: Optional[dt.date] = None,
            printed_date: Optional[dt.date] = None, doc_year: Optional[int] = None) -> list[Event]:
    """Events of ``doc`` in document order (same blocks and year rule as
    deadlines: the document's own dates are never events)."""
    ref = make_ref(doc, signed_date, printed_date, doc_year)
    out: list[Event] = []
    prev_text: Optional[str] = None
    for i in candidate_blocks(doc):
        b = doc.blocks[i]
        text = b.text or b.raw
        heading = HEADING_NUM.sub("", prev_text or "").strip(" ：:") or None
        prev_text = text
        if not text or not re.search(r"[月季年]", text):
            continue
        for s, e in sentence_spans(text, table=b.kind == "table"):
            for ev, a, z in parse_sentence(text[s:e], ref, prev_heading=heading):
                ev.evidence = evidence(doc, i, s, e)
                out.append(ev)
    return out
