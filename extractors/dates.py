"""成文日期 (GB/T 9704-2012 §7.3.5.1) and full-date parsing.

``parse_full_date`` reads one isolated date phrase with a year —
``2018年2月28日``, ``二〇一九年十月九日``, ``2017年7月19 日`` after
normalisation — using cn2an for Chinese numerals (only ever on the isolated
numeral span; cn2an's whole-text transform would turn 九江 into 9江).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from extractors._common import evidence
from extractors.dates_cn import cn_int
from models.common import Evidence
from models.document import Document

_CN = "〇零一二三四五六七八九十○"
# A year in Chinese numerals as typed on real pages: the 〇 is often a digit
# zero or a Latin O ("二0一三年", "二OO九年"); read as 〇.
_CN_YEAR = _CN + "0OoＯ"
FULL_DATE = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN_YEAR}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s*月\s*"
    rf"(?P<d>\d{{1,2}}|[{_CN}廿卅]{{1,3}})\s*日")  # (a day written with 廿/卅: "三月廿九日")


def cn_number(s: str) -> Optional[int]:
    """An integer from ASCII digits or a Chinese numeral (二十二, 二〇一九),
    or None when ``s`` is not a number (``extractors.dates_cn.cn_int``)."""
    if not s.isascii() or not s.isdigit():
        s = re.sub("[○0OoＯ]", "〇", s)
    try:
        return cn_int(s)
    except ValueError:
        return None


def parse_full_date(text: str) -> Optional[tuple[dt.date, int, int]]:
    """The first valid full date in ``text`` as ``(date, start, end)``.

    An impossible day (2月30日) is skipped, never adjusted.
    """
    for m in FULL_DATE.finditer(text):
        y, mo, d = (cn_number(m.group(k)) for k in "ymd")
        if None in (y, mo, d):
            continue
        try:
            return dt.date(y, mo, d), m.start(), m.end()
        except ValueError:
            continue
    return None


# A date line written with figures only, as web editors print a 成文日期:
# "20141210", "2014.12.10", "2014-12-10", "2014/12/10". Only a whole line
# qualifies: inside a sentence such a figure is a number, not a date.
# (or set apart by single spaces where a site dropped 年 and 月: "2024 4 3")
NUMERIC_DATE_LINE = re.compile(
    r"^(?P<y>(?:19|20)\d{2})(?:(?P<m>\d{2})(?P<d>\d{2})|(?P<sep>[./\-、 \u3000])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2}))$")


# A 成文日期 line whose final 日 the page lost ("2013年9月6", "二〇一二年三月二十二"): a whole
# line only, where it has one reading.
DAY_LOST_LINE = re.compile(rf"^(?P<y>\d{{4}}|[{_CN_YEAR}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s*月\s*"
                           rf"(?P<d>\d{{1,2}}|[{_CN}廿卅]{{1,3}})$")


# A figure date that lost its separators and a leading zero ("2021115",
# "2017227"): the year, then 2-3 digits of month and day (a site-conversion
# artefact of real excerpts).
COMPACT_DATE_LINE = re.compile(r"^(?P<y>(?:19|20)\d{2})(?:(?P<md>\d{2,3})|年(?P<md2>\d{2,4}))$")  # (or "2025年828")


def compact_readings(text: str) -> list[dt.date]:
    """Every valid date a :data:`COMPACT_DATE_LINE` can be read as
    ("2021115" → 2021-01-15 and 2021-11-05; "2017227" → 2017-02-27 only)."""
    m = COMPACT_DATE_LINE.match(text.strip())
    if not m:
        return []
    y, md = int(m.group("y")), m.group("md") or m.group("md2")
    out = []
    for k in range(1, len(md)):
        if md[k] == "0" and len(md) - k == 1 or len(md) - k > 2:
            continue  # a day is never "0", nor three digits
        try:
            out.append(dt.date(y, int(md[:k]), int(md[k:])))
        except ValueError:
            continue
    return sorted(set(out))


def parse_date_line(text: str, known: tuple[dt.date, ...] = ()) -> Optional[tuple[dt.date, int, int]]:
    """``parse_full_date``, else a line that is only a figure date
    (:data:`NUMERIC_DATE_LINE`), else a compact one with one reading, or
    the one reading among ``known`` (dates printed elsewhere in the
    document, such as the page's "日期:2021-11-05"), as ``(date, start,
    end)``; None otherwise (real/excerpts/NOTES.md: E_19)."""
    hit = parse_full_date(text)
    if hit:
        return hit
    lost = DAY_LOST_LINE.match(text.strip())
    if lost:
        y, mo, d = (cn_number(lost.group(k)) for k in "ymd")
        try:
            start = text.index(text.strip())
            return dt.date(y, mo, d), start, start + len(text.strip())
        except (TypeError, ValueError):
            return None
    m = NUMERIC_DATE_LINE.match(text.strip())
    if not m:
        readings = compact_readings(text)
        if len(readings) > 1:
            readings = [d for d in readings if d in known]
        if len(readings) != 1:
            return None
        start = text.index(text.strip())
        return readings[0], start, start + len(text.strip())
    mo, d = (m.group("m"), m.group("d")) if m.group("m") else (m.group("m2"), m.group("d2"))
    try:
        day = dt.date(int(m.group("y")), int(mo), int(d))
    except ValueError:
        return None
    start = text.index(text.strip())
    return day, start, start + len(text.strip())


def extract_signed_date(doc: Document) -> tuple[Optional[dt.date], Optional[Evidence]]:
    """The 成文日期 under the signature as ``(date, evidence)``, or
    ``(None, None)`` when the notice has none (a ``…印发`` date is the
    printed date, not this one — ANNOTATION.md)."""
    z = doc.zones
    if z and z.date is None:
        return _date_under_number(doc)
    if not z:
        return None, None
    text = doc.blocks[z.date].text
    # (the page's own dates are gathered only when a compact date has two readings)
    hit = parse_date_line(text, _printed_dates(doc) if len(compact_readings(text)) > 1 else ())
    if not hit:
        return None, None
    d, s, e = hit
    return d, evidence(doc, z.date, s, e)


def _date_under_number(doc: Document) -> tuple[Optional[dt.date], Optional[Evidence]]:
    """A 成文日期 printed alone under the 发文字号, above the addressee (a
    national body's notice as its site prints it: "总工发〔2008〕39号" /
    "2008年6月13日" / "各省…总工会:"), when no date stands under a 署名."""
    z = doc.zones
    if not z.head or z.recipients is None:
        return None, None
    for i in range(max(z.head) + 1, z.recipients):
        t = doc.blocks[i].text.strip()
        hit = parse_full_date(t) if i not in z.page and doc.blocks[i].kind == "paragraph" else None
        if hit and hit[1] == 0 and hit[2] == len(t):
            s = doc.blocks[i].text.index(t)
            return hit[0], evidence(doc, i, s + hit[1], s + hit[2])
    return None, None


_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


def _printed_dates(doc: Document) -> tuple[dt.date, ...]:
    """The dates printed in figures anywhere in ``doc`` ("2021-11-05")."""
    out = []
    for b in doc.blocks:
        for m in _ISO_DATE.finditer(b.text or ""):
            try:
                out.append(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
            except ValueError:
                continue
    return tuple(out)
