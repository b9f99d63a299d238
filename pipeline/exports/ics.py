"""``extract ics``: deadlines (and optionally events) as one RFC 5545 calendar.

Conventions (ECOSYSTEM.md §3, "Calendar feeding"):

* a dated deadline is an all-day VEVENT (``DTSTART;VALUE=DATE`` plus the
  exclusive ``DTEND`` of the next day — without DTEND iCloud and others show
  a zero-length 00:00 event); ``--todo`` writes VTODO with ``DUE`` instead,
  for CalDAV task lists (Outlook/Google ignore imported VTODO);
* a deadline with a time of day is a DATE-TIME in ``Asia/Shanghai`` with one
  compact VTIMEZONE (``add_missing_timezones(first_date=…)`` gives a single
  ``STANDARD +0800`` block, not the 1986–1991 DST RDATE lists Google refused).
  As a VEVENT it is the hour that *ends* at the deadline: ``DTSTART`` = due
  − :data:`TIMED_BLOCK`, ``DTEND`` = due. Without DTEND clients disagree
  (RFC 5545 §3.6.1 makes it zero-length; khal shows 1 h, ical.js nothing), and
  a block after the deadline would put the work past it;
* UID = ``sha256(document|due|sentence)[:16]@union-circulars`` with the
  document's fingerprint (title, 发文字号, issuers, date), not its file
  hash: the same circular — re-saved, or as .docx and as .pdf — always gives
  the same UIDs, so re-imports and CalDAV pushes update instead of
  duplicating; DTSTAMP is the (injectable) export time;
* a VALARM ``--remind`` before (Apple/Thunderbird honour it; Google and
  Outlook drop alarms of imported calendars, so the lead time is also written
  into DESCRIPTION);
* ``NAME`` (RFC 7986) and ``X-WR-CALNAME`` name the calendar;
* DESCRIPTION names the source by file name and 发文字号 only: the item is
  pushed to servers, and a local path would leak folder names and change
  whenever the file moves;
* one circular given twice (its .docx and its .pdf, or a copy) gives its
  items once: :func:`pipeline.exports.same_document.distinct_notices` keeps
  the first notice of each :func:`pipeline.exports.index.fingerprint`, the
  same identity ``extract batch --ics``, ``push`` and the index use.

Relative deadlines (``due`` null, ``relative`` true) have no date and are not
exported; the model refuses a dateless deadline that is not relative, so no
deadline is dropped here silently.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
import unicodedata
from pathlib import Path
from typing import Iterable, Optional, Sequence
from zoneinfo import ZoneInfo


from models.deadlines import Deadline, Event
from models.notice import Notice
# one identity of "the same circular" for ics, push, batch --ics and review
from pipeline.exports.same_document import distinct_notices, notice_fingerprint  # noqa: F401

TZ = ZoneInfo("Asia/Shanghai")
PRODID = "-//union-circulars//extract ics//ZH"
UID_DOMAIN = "union-circulars"
DEFAULT_NAME = "工会通知截止日期"
_REMIND_RE = re.compile(r"^\s*(\d+)\s*([wdhm])\s*$", re.I)
_UNIT_ZH = {"w": "周", "d": "天", "h": "小时", "m": "分钟"}
TIMED_BLOCK = dt.timedelta(hours=1)
_KEEP = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def parse_remind(spec: Optional[str]) -> Optional[dt.timedelta]:
    """A reminder lead time: ``3d``, ``12h``, ``30m``, ``1w``; ``0``/``none``/
    empty → no alarm. Raises ValueError on anything else."""
    if spec is None or spec.strip().lower() in ("", "0", "none", "no", "off"):
        return None
    m = _REMIND_RE.match(spec)
    if not m:
        raise ValueError(f"bad reminder {spec!r}: use e.g. 3d, 12h, 30m or 1w")
    n, u = int(m.group(1)), m.group(2).lower()
    return {"w": dt.timedelta(weeks=n), "d": dt.timedelta(days=n),
            "h": dt.timedelta(hours=n), "m": dt.timedelta(minutes=n)}[u]


def _remind_zh(spec: str) -> str:
    m = _REMIND_RE.match(spec)
    return f"{m.group(1)}{_UNIT_ZH[m.group(2).lower()]}" if m else spec


def _squash(text: str) -> str:
    """Letters, digits and ideographs only: a sentence read from the .docx
    and from the .pdf of one circular differ in spaces, line breaks and
    punctuation width, not in these."""
    return "".join(_KEEP.findall(unicodedata.normalize("NFKC", text or "")))


def deadline_uid(notice: Notice, d: Deadline) -> str:
    """Stable UID of a deadline: sha256(document|sentence|quoted date)[:16].

    ``document`` is :func:`pipeline.exports.same_document.notice_fingerprint`
    — what the circular says, not its file's bytes — so the .docx and the
    .pdf of one circular give the same UIDs even when pushed on different
    days, and a CalDAV server keeps one item. The due date and time are not
    part of it: a clerk's correction of the date (``extract serve``) must
    update the item already pushed, not add a second one beside it."""
    quote = d.evidence.quote if d.evidence else ""
    key = f"{notice_fingerprint(notice)}|{_squash(d.text)}|{_squash(quote)}"
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}@{UID_DOMAIN}"


def event_uid(notice: Notice, e: Event) -> str:
    """Stable UID of an event (document, dates, label and sentence)."""
    key = f"{notice_fingerprint(notice)}|event|{e.start}|{e.end}|{e.label}|{_squash(e.text)}"
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}@{UID_DOMAIN}"


def summary(notice: Notice, d: Deadline) -> str:
    """"【上报】参赛报名表和竞赛实施方案 → 市总工会经济技术部"; the notice title
    stands in for a missing deliverable."""
    what = d.deliverable or (notice.title.text if notice.title else "") or d.text[:30]
    s = f"【{d.action or '截止'}】{what}"
    if d.submit_to:
        s += f" → {d.submit_to}"
    return s


def _contacts_lines(notice: Notice) -> list[str]:
    names: list[str] = []
    phones: list[str] = []
    emails: list[str] = []
    for cp in notice.contacts:
        for n in cp.names:
            if n not in names:
                names.append(n)
        for kind, acc in (("phone", phones), ("mobile", phones), ("email", emails)):
            for v in cp.of(kind):
                if v not in acc:
                    acc.append(v)
    out = []
    if names:
        out.append("联系人：" + "、".join(names))
    if phones:
        out.append("电话：" + "、".join(phones))
    if emails:
        out.append("邮箱：" + "、".join(emails))
    return out


def description(notice: Notice, d: Optional[Deadline], remind: Optional[str],
                text: Optional[str] = None) -> str:
    """The sentence, the notice's title and 发文字号, the contacts and the
    reminder lead time, one per line."""
    lines = [text if text is not None else d.text]  # type: ignore[union-attr]
    if d is not None:
        if d.due_time:
            lines.append(f"截止：{d.due.isoformat()} {d.due_time}（北京时间）")  # type: ignore[union-attr]
        if d.channel:
            lines.append(f"报送方式：{d.channel}")
        if d.consequence:
            lines.append(f"逾期：{d.consequence}")
        if d.attachments:
            lines.append("附件：" + "、".join(str(a) for a in d.attachments))
    if notice.title:
        lines.append(f"通知：{notice.title.text}")
    if notice.doc_number:
        lines.append(f"发文字号：{notice.doc_number.text}")
    lines.extend(_contacts_lines(notice))
    if remind:
        lines.append(f"提醒：截止前{_remind_zh(remind)}")
    lines.append(f"来源文件：{_file_name(notice.source.path)}")
    return "\n".join(lines)


def _file_name(path: str) -> str:
    """The last component of a record's source path, whichever OS wrote it."""
    return re.split(r"[\\/]", path)[-1]


def _alarm(lead: dt.timedelta, text: str, *, related_end: bool):
    from icalendar import Alarm

    a = Alarm()
    a.add("action", "DISPLAY")
    a.add("description", text)
    a.add("trigger", -lead, parameters={"RELATED": "END"} if related_end else None)
    return a


def iter_items(notices: Iterable[Notice], *, events: bool = False):
    """(notice, deadline|None, event|None) of every dated item, in order;
    copies of one circular count once (:func:`distinct_notices`)."""
    for n in distinct_notices(notices):
        for d in n.deadlines:
            if d.due is not None:
                yield n, d, None
        if events:
            for e in n.events:
                if e.start is not None or e.end is not None:
                    yield n, None, e


def _deadline_component(n: Notice, d: Deadline, *, todo: bool, remind: Optional[str]):
    """The VTODO (``todo``) or VEVENT of one dated deadline, without UID,
    DTSTAMP or alarm: all-day with the exclusive next-day DTEND, or timed as
    the :data:`TIMED_BLOCK` ending at the deadline."""
    from icalendar import Event as VEvent, Todo

    comp = Todo() if todo else VEvent()
    comp.add("summary", summary(n, d))
    comp.add("description", description(n, d, remind))
    assert d.due is not None
    if d.due_time:
        hh, mm = map(int, d.due_time.split(":"))
        when = dt.datetime(d.due.year, d.due.month, d.due.day, hh, mm, tzinfo=TZ)
    else:
        when = d.due
    if todo:
        comp.add("due", when)
    elif d.due_time:
        comp.add("dtstart", when - TIMED_BLOCK)
        comp.add("dtend", when)
    else:
        comp.add("dtstart", when)
        comp.add("dtend", d.due + dt.timedelta(days=1))
    if not todo:
        comp.add("transp", "TRANSPARENT")
    comp.add("categories", ["截止"])
    return comp


def _event_component(n: Notice, e: Event):
    """The all-day VEVENT of an event (end inclusive in the record, exclusive
    in iCalendar)."""
    from icalendar import Event as VEvent

    comp = VEvent()
    comp.add("summary", f"【活动】{e.label or (n.title.text if n.title else '')}")
    comp.add("description", description(n, None, None, text=e.text))
    start = e.start or e.end
    end = e.end or e.start
    comp.add("dtstart", start)
    comp.add("dtend", end + dt.timedelta(days=1))
    comp.add("transp", "TRANSPARENT")
    comp.add("categories", ["活动"])
    return comp


def build_calendar(notices: Sequence[Notice], *, todo: bool = False, remind: Optional[str] = "3d",
                   events: bool = False, name: str = DEFAULT_NAME,
                   now: Optional[dt.datetime] = None):
    """One ``icalendar.Calendar`` holding every dated deadline of ``notices``
    (VEVENT all-day or timed, or VTODO with ``todo``), plus events with
    ``events``; copies of one circular once (:func:`distinct_notices`).

    ``remind`` is the alarm lead time (see :func:`parse_remind`); ``now``
    the DTSTAMP (default: current UTC time — DTSTAMP may differ between runs,
    UIDs never do). Raises ValueError for a bad ``remind``.
    """
    from icalendar import Calendar

    lead = parse_remind(remind)
    stamp = now or dt.datetime.now(dt.timezone.utc)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    first: Optional[dt.date] = None
    timed = False
    seen: set[str] = set()
    for n, d, e in iter_items(notices, events=events):
        if d is not None:
            uid = deadline_uid(n, d)
            comp = _deadline_component(n, d, todo=todo, remind=remind if lead else None)
            timed = timed or bool(d.due_time)
            day = d.due
        else:
            assert e is not None
            uid = event_uid(n, e)
            comp = _event_component(n, e)
            day = e.start or e.end
        if uid in seen:  # the same sentence twice (a repeated note): one item
            continue
        seen.add(uid)
        comp.add("uid", uid)
        comp.add("dtstamp", stamp)
        comp.add("sequence", 0)
        if lead is not None and d is not None:
            comp.add_component(_alarm(lead, summary(n, d), related_end=todo))
        cal.add_component(comp)
        first = day if first is None or day < first else first
    if timed:
        cal.add_missing_timezones(first_date=first or dt.date(2000, 1, 1))
    return cal


def write_calendar(notices: Sequence[Notice], path: str | Path, **kw) -> int:
    """Write :func:`build_calendar` to ``path`` atomically (``-`` = stdout).
    Returns the number of items written. Raises OSError when unwritable."""
    cal = build_calendar(notices, **kw)
    data = cal.to_ical()
    count = sum(1 for c in cal.subcomponents if c.name in ("VEVENT", "VTODO"))
    if str(path) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return count
    from pipeline.exports.atomic import atomic_write_bytes

    atomic_write_bytes(path, data)
    return count
