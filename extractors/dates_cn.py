"""Chinese date phrases: numerals, parts of a month, year inference.

Shared by the deadline, event and 成文日期 extractors. Everything here works
on normalised text (``pipeline.stages.normalise``: half-width digits, no spaces in
Chinese runs) but tolerates stray spaces between a number and 年/月/日 so it
can be used on raw text too.

Rules (ANNOTATION.md "deadlines"):

* a part of a month is its last day: 上旬 → 10th, 中旬 → 20th, 下旬 / 月底 /
  底 / 末 → last day of the month (precision ``xun`` or ``month``);
* "X月前" with no day is the last day of the previous month (``month``);
* a missing year comes from the document date (成文日期, else 印发日期) or,
  failing that, the 发文字号 year; a date more than 60 days before the
  document date rolls over to the next year.

Chinese numerals (二〇二一, 二十二) are converted with cn2an on the isolated
numeral span only — never on running text, where cn2an rewrites 九江市 to
9江市 (BASELINES.md "cn2an transform").
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

CN_DIGITS = "〇零一二三四五六七八九十两"
# A number as printed: ASCII digits, or a run of Chinese numeral characters.
_N = rf"(?:[0-9]{{1,2}}|[{CN_DIGITS}]{{1,3}})"
# A day may also be written with 廿 (20) or 卅 (30): "三月廿九日", "卅一日".
_D = rf"(?:[0-9] [0-9](?=\s*[日号])|[0-9]{{1,2}}|[{CN_DIGITS}廿卅]{{1,3}})"  # (a stray space: "3月2 4日")
_Y = r"(?:[0-9]{4}|[〇零一二三四五六七八九]{4})"
S = r"[ \t\u3000]*"  # stray spaces tolerated between parts

# year? month (day | part of month)?  — the core date phrase.
DATE_RE = re.compile(
    # (or a year run into its month where a site dropped 年: "请于20233月12日前")
    rf"(?<![0-9])(?:(?P<y>{_Y}(?={S}年)|(?:19|20)[0-9]{{2}}(?=(?:1[0-2]|[1-9]){S}月))(?:{S}年{S})?)?"
    rf"(?P<m>{_N}|元(?=月)){S}月{S}"  # 元月: January
    # (a day that lost its 日 before 前 or a weekday: "6月10以前", "4月7(星期四)")
    rf"(?:(?P<d>{_D}){S}(?:[日号]|(?=[之以]?前(?!后))|(?=[（(](?:星期|周)[一二三四五六日天][)）]))|(?P<part>上旬|中旬|下旬|月底|月末|底|末|中下旬|初))?"
)

XUN_END = {"上旬": 10, "中旬": 20}
MONTH_END_PARTS = {"下旬", "月底", "月末", "底", "末", "中下旬"}


def cn_int(s: str) -> int:
    """Integer value of an ASCII or Chinese numeral span ("22", "二十二",
    "二〇二一", "两", "廿九", "卅一"). Raises ValueError on anything else."""
    s = s.strip()
    if s.isascii():
        return int(s.replace(" ", ""))
    import cn2an  # lazy: ~0.1 s import, only needed for Chinese numerals

    s = s.replace("卅", "三十")  # (cn2an reads 廿 but not 卅)

    try:
        v = cn2an.cn2an(s, "smart")
    except Exception as e:  # cn2an raises its own errors on bad spans
        raise ValueError(f"not a numeral: {s!r}") from e
    return int(v)


def last_day(year: int, month: int) -> int:
    """Number of days in ``month`` of ``year``."""
    return calendar.monthrange(year, month)[1]


@dataclass
class DatePhrase:
    """A parsed date phrase: ``year`` None when not printed; ``day`` None when
    only a part of the month (``part``) or nothing was printed. ``start``/
    ``end`` are character offsets of the match in the searched text."""

    year: Optional[int]
    month: int
    day: Optional[int]
    part: Optional[str]
    start: int
    end: int
    text: str

    def resolve(self, year: int, *, before_month: bool = False) -> tuple[dt.date, str]:
        """The due date and precision in ``year`` (ANNOTATION.md: part of a
        month → its last day; ``before_month`` for "X月前" → last day of the
        previous month). Raises ValueError for an impossible date (2月30日)."""
        if self.day is not None:
            return dt.date(year, self.month, self.day), "day"
        if self.part in XUN_END:
            return dt.date(year, self.month, XUN_END[self.part]), "xun"
        if self.part == "下旬" or self.part == "中下旬":
            return dt.date(year, self.month, last_day(year, self.month)), "xun"
        if self.part in MONTH_END_PARTS:
            return dt.date(year, self.month, last_day(year, self.month)), "month"
        if self.part == "初":  # 月初 → first xun
            return dt.date(year, self.month, 10), "xun"
        if before_month:
            prev = dt.date(year, self.month, 1) - dt.timedelta(days=1)
            return prev, "month"
        return dt.date(year, self.month, last_day(year, self.month)), "month"


def match_to_phrase(m: re.Match) -> DatePhrase:
    """A :class:`DatePhrase` from a :data:`DATE_RE` match. Raises ValueError
    when a numeral cannot be read or the month is out of range."""
    y = cn_int(m.group("y")) if m.group("y") else None
    mo = 1 if m.group("m") == "元" else cn_int(m.group("m"))
    d = cn_int(m.group("d")) if m.group("d") else None
    if not 1 <= mo <= 12:
        raise ValueError(f"month {mo} out of range in {m.group(0)!r}")
    if d is not None and not 1 <= d <= 31:
        raise ValueError(f"day {d} out of range in {m.group(0)!r}")
    return DatePhrase(y, mo, d, m.group("part"), m.start(), m.end(), m.group(0))


def infer_year(month: int, day: int, *, signed_date: Optional[dt.date] = None,
               printed_date: Optional[dt.date] = None,
               doc_year: Optional[int] = None) -> Optional[int]:
    """The year of a date printed without one (ANNOTATION.md "deadlines").

    The 成文日期's year, else the 印发日期's, else the 发文字号 year; when a
    document date exists and the date in that year would fall more than 60
    days before it, the next year (a December notice asking for January).
    ``day`` may be a month's last day for parts of months. None when the
    document gives no year at all.
    """
    base = signed_date or printed_date
    if base is not None:
        y = base.year
        try:
            cand = dt.date(y, month, min(day, last_day(y, month)))
        except ValueError:
            return y
        if (base - cand).days > 60:
            return y + 1
        return y
    return doc_year


def parse_cn_date(text: str) -> Optional[dt.date]:
    """The first full date (year, month and day all printed) in ``text``:
    "二〇一九年十月九日", "2018 年 2 月 28 日", "2017年7月19 日印". None when
    there is none or it is impossible (2月30日)."""
    for m in DATE_RE.finditer(text):
        if not (m.group("y") and m.group("d")):
            continue
        try:
            p = match_to_phrase(m)
            return dt.date(p.year, p.month, p.day)  # type: ignore[arg-type]
        except ValueError:
            continue
    return None


_TIME_RE = re.compile(
    rf"(?P<ampm>上午|下午|中午|晚上|早上|凌晨)?{S}"
    rf"(?:(?P<h>[0-9]{{1,2}}){S}[:：]{S}(?P<mi>[0-9]{{2}})"
    rf"|(?P<h2>[0-9]{{1,2}}|[{CN_DIGITS}]{{1,3}}){S}[点时]{S}(?:(?P<mi2>[0-9]{{1,2}}|[{CN_DIGITS}]{{1,3}}){S}分|(?P<half>半))?)"
)


def parse_time(text: str) -> Optional[tuple[str, int, int]]:
    """A time of day at the start of ``text`` ("下午4点", "16:30", "17时",
    "下午五点半") as (HH:MM, start, end) with 12 h → 24 h for 下午/晚上.
    None when absent or out of range."""
    m = _TIME_RE.match(text)
    if not m or not (m.group("h") or m.group("h2")):
        return None
    try:
        h = cn_int(m.group("h") or m.group("h2"))
        mi = m.group("mi") or m.group("mi2")
        minute = cn_int(mi) if mi else (30 if m.group("half") else 0)
    except ValueError:
        return None
    if m.group("ampm") in ("下午", "晚上") and h < 12:
        h += 12
    if not (0 <= h <= 24 and 0 <= minute < 60):
        return None
    if h == 24:
        h, minute = 23, 59
    return f"{h:02d}:{minute:02d}", m.start(), m.end()


WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


def resolve_weekday(which: str, wd: str, base: dt.date) -> dt.date:
    """"本周五" / "下周三" against ``base`` (the document date): the given
    weekday of base's week (Monday-first, as Chinese calendars count), or of
    the next week for 下周."""
    monday = base - dt.timedelta(days=base.weekday())
    if which == "下":
        monday += dt.timedelta(days=7)
    return monday + dt.timedelta(days=WEEKDAYS[wd])


# --- scanning a sentence for date items ---------------------------------------

_SEP_RE = re.compile(rf"{S}(?:[—–\-~～－]+|至|到){S}")
_DAY_ONLY_RE = re.compile(rf"(?P<d>{_N}){S}[日号]")
_LISTED_DAY_RE = re.compile(rf"{S}、{S}(?={_N}{S}[日号])")
_BARE_DAY_RE = re.compile(rf"(?P<d>[0-9]{{1,2}}|[{CN_DIGITS}]{{1,3}})(?={S}(?:[—–\-~～－]+|至|到))")
# A weekday note printed after a date: （星期五） (周五) ，星期五
_WEEKDAY_NOTE_RE = re.compile(rf"{S}[（(]?{S}(?:星期|周|礼拜)[一二三四五六日天]{S}[）)]?{S}"
                              rf"|{S}[（(][一二三四五六日天][）)](?={S}(?:[上下]午|晚上?|中午|\d|以前|之前|前(?!后)|止))")
# (a weekday as one numeral in brackets, "12月29日(二)前": only right before a time or a cue)
# 前后 is "around", no cue; "3月16日报名截止": the act closed, then 截止
_AFTER_CUE_RE = re.compile(rf"{S}(?:以前|之前|前(?!后)|为止|止|截止|截稿|(?:报名|申报|投稿|报送|征稿|收稿){S}截止)")
_WEEK_RE = re.compile(r"(?P<which>本|这|下)(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])")
# 今天/明天/后天 (issue 11 "今天下班前 / 明天上午"): days counted from the
# document date. Not 当天/当日, which name the day of an event.
DAY_WORDS = {"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2}
_DAY_WORD_RE = re.compile(r"(?<![昨前])(?:今天|今日|明天|明日|后天)")
# 本月底 / 下月5日: a day or part of the document's month or the next one.
_MONTH_WORD_RE = re.compile(
    rf"(?P<mw>本月|当月|下月|下个月)(?:(?P<md>[0-9]{{1,2}}|[{CN_DIGITS}]{{1,3}}){S}[日号]|(?P<mp>底|末|上旬|中旬|下旬))")
# 年底 / 2010年底 / 2010年年底 / 今年年底: the last day of December (precision month)
_YEAR_END_RE = re.compile(r"(?:(?P<yy>(?:19|20)[0-9]{2})\s*(?:年\s*)?|(?<![0-9〇○零一二三四五六七八九十])(?:今年|本年|当年)?)年(?:底|末)")
_QUARTER_RE = re.compile(r"(?:(?P<y>[0-9]{4})年)?(?:第)?(?P<q>[一二三四1-4])季度")
_GARBLED_RE = re.compile(
    rf"(?<![0-9])(?:[0-9]{{1,2}}|[{CN_DIGITS}]{{1,3}}){S}月{S}"
    rf"(?P<bad>[0-9]*[OoIlｌＯ][0-9OoIl]*|){S}[日号]{S}(?:以前|之前|前|止)"
)


@dataclass
class DateItem:
    """One date expression found in a sentence.

    ``kind``: ``date`` (one date or part of a month), ``range`` (``first``
    to ``last``), ``week`` (本周五: ``week`` = (本|下, weekday char)),
    ``day`` (今天/明天: ``week`` = ("+", days after the document date)),
    ``month`` (本月底/下月5日: ``week`` = (months ahead, day or part)).
    ``time`` is HH:MM of the (last) date when printed; ``cue_after`` is the
    deadline word right after (前/以前/之前/止/为止/截止) or None;
    ``start``/``end`` span the expression (including time and cue).
    """

    kind: str
    first: Optional[DatePhrase]
    last: Optional[DatePhrase]
    time: Optional[str]
    start: int
    end: int
    cue_after: Optional[str] = None
    week: Optional[tuple[str, str]] = None
    error: Optional[str] = None
    compact: bool = False  # printed without 年/月 (:func:`compact_items`)


def _time_at(text: str, pos: int) -> tuple[Optional[str], int]:
    """An optional weekday note and time of day (or 上午/下班 with no hour) at
    ``pos``: (HH:MM or None, new pos)."""
    m = _WEEKDAY_NOTE_RE.match(text, pos)
    if m:
        pos = m.end()
    gap = re.match(rf"{S}(?=上午|中午|下午|晚上|早上|凌晨)", text[pos:])
    if gap:  # "5月12日 下午4:30前": a space before the part of the day (a bracket the reader dropped)
        pos += gap.end()
    t = parse_time(text[pos:])
    if t:
        return t[0], pos + t[2]
    lost = re.match(rf"{S}(?P<part>上午|中午|下午|晚上)?{S}(?P<h>[01]?[0-9]|2[0-3])(?P<mi>[0-5][0-9])"
                    rf"(?={S}(?:之前|以前|前(?!后)|止))", text[pos:])
    if lost:  # "916日(周六)1200前", "下午500前": a time whose colon the page lost, right before the cue
        h = int(lost.group("h"))
        h += 12 if lost.group("part") in ("下午", "晚上") and h < 12 else 0
        return f"{h:02d}:{lost.group('mi')}", pos + lost.end()
    # a part of the day with no hour ("3月19日(周五)下班前", "明天上午"): the 前/止 cue follows it
    half = re.match(r"(?:上午|中午|下午|晚上)?下班|上午|中午|下午", text[pos:])
    return None, pos + (half.end() if half else 0)


def _cue_at(text: str, pos: int) -> tuple[Optional[str], int]:
    m = _AFTER_CUE_RE.match(text, pos)
    if m:
        return m.group(0).strip(), m.end()
    return None, pos


def _relative_item(text: str, pos: int) -> Optional[DateItem]:
    """The first date counted from the document date at or after ``pos``:
    本周五 / 下周三 (``week``), 今天 / 明天 (``day``), 本月底 / 下月5日
    (``month``: ``week`` = (months ahead, day or part)), 年底 (a ``date`` in
    December, precision month); with its time of day,
    下班 and 前/止 cue."""
    found = [x for x in (_WEEK_RE.search(text, pos), _DAY_WORD_RE.search(text, pos),
                         _MONTH_WORD_RE.search(text, pos), _YEAR_END_RE.search(text, pos)) if x]
    if not found:
        return None
    w = min(found, key=lambda x: x.start())
    t, p = _time_at(text, w.end())
    cue, p = _cue_at(text, p)
    if w.re is _YEAR_END_RE:  # 年底前: the year's last month, its year printed or inferred
        ph = DatePhrase(int(w.group("yy")) if w.group("yy") else None, 12, None, "底", w.start(), w.end(), w.group(0))
        return DateItem("date", ph, ph, t, w.start(), p, cue)
    if w.re is _DAY_WORD_RE:
        return DateItem("day", None, None, t, w.start(), p, cue,
                        week=("+", str(DAY_WORDS[w.group(0)])))
    if w.re is _MONTH_WORD_RE:
        ahead = "1" if w.group("mw").startswith("下") else "0"
        return DateItem("month", None, None, t, w.start(), p, cue,
                        week=(ahead, w.group("md") or w.group("mp")))
    return DateItem("week", None, None, t, w.start(), p, cue,
                    week=(w.group("which"), w.group("wd")))


def scan(text: str) -> list[DateItem]:
    """Every date expression in ``text``, in order, without overlaps.

    Recognises "2021年7月22日", "4月15日", "10月中旬", "5月", "二〇二一年七月
    二十二日", windows "4月9—16日" / "2023年5月8日9:00至2023年6月2日17:00",
    "本周五", each with an optional time of day and a following 前/止 cue.
    A numeral that cannot be read or an impossible date gives an item with
    ``error`` set (never a guessed date).
    """
    items: list[DateItem] = []
    pos = 0
    while True:
        m = DATE_RE.search(text, pos)
        w = _relative_item(text, pos)
        if w and (not m or w.start < m.start()):
            items.append(w)
            pos = w.end
            continue
        if not m:
            break
        try:
            first = match_to_phrase(m)
        except ValueError as e:
            items.append(DateItem("date", None, None, None, m.start(), m.end(), error=str(e)))
            pos = m.end()
            continue
        p = m.end()
        # "4月9—16日": a bare day before the separator
        if first.day is None and first.part is None:
            b = _BARE_DAY_RE.match(text, p)
            if b:
                try:
                    first.day = cn_int(b.group("d"))
                    p = b.end()
                except ValueError:
                    pass
        t1, p = _time_at(text, p)
        sep = _SEP_RE.match(text, p)
        if not sep and first.day is not None:
            # "于3月4日、5日报送": days of one month listed; the span they give ends on the last
            sep = _LISTED_DAY_RE.match(text, p)
        last: Optional[DatePhrase] = None
        if sep:
            q = sep.end()
            m2 = DATE_RE.match(text, q)
            if m2:
                try:
                    last = match_to_phrase(m2)
                    q = m2.end()
                except ValueError:
                    last = None
            else:
                d2 = _DAY_ONLY_RE.match(text, q)
                if d2:
                    try:
                        dd = cn_int(d2.group("d"))
                        last = DatePhrase(None, first.month, dd, None, d2.start(), d2.end(),
                                          d2.group(0))
                        q = d2.end()
                    except ValueError:
                        last = None
            if last is not None:
                if last.year is None and first.year is not None and last.month is not None:
                    last.year = first.year + (1 if last.month < first.month else 0)
                t2, q = _time_at(text, q)
                cue, q = _cue_at(text, q)
                items.append(DateItem("range", first, last, t2, m.start(), q, cue))
                pos = q
                continue
        cue, p = _cue_at(text, p)
        items.append(DateItem("date", first, first, t1, m.start(), p, cue))
        pos = max(p, m.end()) if p > m.start() else m.end() + 1
    return items


# Dates whose 年/月 were lost when a site converted the page ("截止时间:2023428",
# "于202141日前", "于75日前", "1230日前"): a printed year run into month and day, or month and
# day run together before 日. Only read where exactly one reading is a real
# date (real/README.md, excerpts NOTES "dates printed without 年/月/日").
_COMPACT_YMD_RE = re.compile(r"(?<![0-9./\-])(?P<y>(?:19|20)[0-9]{2})(?P<md>[0-9]{3,4}|[1-9]{2}(?=[日号]))(?![0-9])")
_COMPACT_YMD_HM_RE = re.compile(r"(?<![0-9./\-])(?P<y>(?:19|20)[0-9]{2})(?P<md>[0-9]{3,4})(?P<hm>(?:[01][0-9]|2[0-3])[0-5][0-9])(?![0-9])")
_COMPACT_MD_RE = re.compile(rf"(?<![0-9./\-])(?P<md>[0-9]{{2,4}}){S}[日号]")
# a date that lost both 月 and 日 ("务于926前送到"): read only between 于/在 and 前
# (its weekday and a time that lost its colon may stand before the 前: "于120(星期四)下午500前")
_COMPACT_BARE_RE = re.compile(r"(?<=[于在])(?P<md>[0-9]{3,4})(?![0-9])")
_HAND_IN_AFTER = re.compile(r"(?:将|把)[^，,。；;0-9]{1,20}?(?:报|交|送|发|提交)")
# a month's end that lost its 月 ("于12底之前选送"): read only before 前
_COMPACT_END_RE = re.compile(rf"(?<![0-9./\-年])(?P<m>1[0-2]|[1-9]){S}(?P<part>底|末)(?={S}(?:之前|以前|前(?!后)))")
# A figure date in a sentence ("请于2024.5.20前发送", "截止日期:2024-05-20").
# a date whose 年 and 月 a site dropped, leaving spaces, its 日 kept ("请在 2022 2 11 日前报送")
_SPACED_RE = re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})[ \u3000]+(?P<m>[0-9]{1,2})[ \u3000]+(?P<d>[0-9]{1,2})[ \u3000]*[日号]")
_FIGURE_RE = re.compile(r"(?<![0-9./\-])(?P<y>(?:19|20)[0-9]{2})(?P<sep>[./\-])(?P<m>[0-9]{1,2})(?P=sep)"
                        r"(?P<d>[0-9]{1,2})(?![0-9./\-])")


def _splits(md: str, year: int = 2000) -> list[tuple[int, int]]:
    """Every (month, day) split of ``md`` into a 1–2 digit month and a 1–2
    digit day (no leading zero on the month) that is a real date."""
    found = []
    for k in (1, 2):
        m, d = md[:k], md[k:]
        if not 1 <= len(d) <= 2 or m[0] == "0":
            continue
        try:
            dt.date(year, int(m), int(d))
        except ValueError:
            continue
        found.append((int(m), int(d)))
    return found


def _one_reading(md: str, year: int = 2000) -> Optional[tuple[int, int]]:
    """(month, day) when exactly one of :func:`_splits` is a real date."""
    found = _splits(md, year)
    return found[0] if len(found) == 1 else None


def _hour_run_on(md: str, year: int, text: str, pos: int) -> Optional[tuple[tuple[int, int], int, str]]:
    """((month, day), position after 时/点, "HH:00") when the figures ``md`` end with an
    hour run into the day ("4317" before 时: 4月3日 17时) and only one such split is a
    date and an hour; else None."""
    if not re.match(r"时|点", text[pos:pos + 1]):
        return None
    found = [(r, int(md[-k:])) for k in (2, 1) if 0 <= int(md[-k:]) <= 23 and len(md) - k >= 2
             for r in [_one_reading(md[:-k], year)] if r]
    if len(found) != 1:
        return None
    (mo, d), h = found[0]
    return (mo, d), pos + 1, f"{h:02d}:00"


def _reading_after(md: str, year: int, base: Optional[dt.date]) -> Optional[tuple[int, int]]:
    """The one of :func:`_splits` ("115": 1-15 or 11-5) that falls within 92
    days after ``base`` (the document date: a deadline follows its notice
    soon), else None."""
    if base is None:
        return None
    found = [(m, d) for m, d in _splits(md, year) if 0 <= (dt.date(year, m, d) - base).days <= 92]
    return found[0] if len(found) == 1 else None


_CLOSING_LABEL = re.compile(rf"(?:截止|截至|截点)(?:日期|时间)?{S}均?{S}(?:为|是|[:：]){S}$")


def _compact_ymd(text: str, free: Callable[[int, int], bool], base: Optional[dt.date]) -> list[DateItem]:
    """Year+month+day runs of :func:`compact_items` (``free`` tells a span no other
    reading took); a run after a range mark right after another is that window's end."""
    out: list[DateItem] = []
    for m in _COMPACT_YMD_RE.finditer(text):
        md = _one_reading(m.group("md"), int(m.group("y"))) or _reading_after(m.group("md"), int(m.group("y")), base)
        p = m.end()
        if text.startswith("日", p) or text.startswith("号", p):
            p += 1
        hour = _hour_run_on(m.group("md"), int(m.group("y")), text, p) if md is None else None
        if hour:  # "请于20254317时前": 4月3日 and its hour, every 年/月/日 and the colon lost
            md, p, tm = hour
        else:
            tm, p = _time_at(text, p)  # "至2013616日下午5时截止": its time of day before the cue
        cue, p = _cue_at(text, p)
        colon = re.search(rf"[:：为]{S}$", text[:m.start()])
        # the window's end after its compact start ("征稿时间:2016328日——2016528日")
        sep = re.search(rf"{S}(?:[—–\-~～]{{1,2}}|至){S}$", text[:m.start()])
        after_start = bool(sep and out and out[-1].compact and out[-1].kind == "date" and out[-1].end == sep.start())
        if md is None or not free(m.start(), m.end()) or not (cue or colon or after_start):
            continue
        ph = DatePhrase(int(m.group("y")), md[0], md[1], None, m.start(), m.end(), m.group(0))
        if after_start:
            first = out.pop()
            out.append(DateItem("range", first.first, ph, tm if cue else None, first.start, p, cue, compact=True))
            continue
        out.append(DateItem("date", ph, ph, tm if cue else None, m.start(), p, cue, compact=True))
    return out


def compact_items(text: str, taken: list[tuple[int, int]], base: Optional[dt.date] = None) -> list[DateItem]:
    """Date items printed without 年/月 (see :data:`_COMPACT_YMD_RE`) or as
    figures (``2024.5.20``, :data:`_FIGURE_RE`) outside the spans ``taken``
    by :func:`scan`. A year+month+day run needs a label
    colon or 为 just before it or a 前/止 cue after; a month+day run needs
    日 and a 前/止 cue after, or 日 right after a 截止日期为 label; a bare month+day run
    needs 于/在 before it and 前 after it, or four figures and 将…报 after it
    ("于1021将名单报给校工会"). Only unambiguous readings are returned;
    a year+month+day run with two readings ("2024115日前") takes the one
    just after ``base``, the document date, when only one lies there. After a
    closing label, a run with its clock time on ("20245241800") is read too."""
    out: list[DateItem] = []

    def free(a: int, b: int) -> bool:
        return not any(a < e and s < b for s, e in taken)

    out += _compact_ymd(text, free, base)
    for m in _COMPACT_YMD_HM_RE.finditer(text):
        # "报名截止时间:20245241800": year, month and day, then the clock time, every mark lost
        md = _one_reading(m.group("md"), int(m.group("y")))
        if md is None or not _CLOSING_LABEL.search(text[:m.start()]) or not free(m.start(), m.end()):
            continue
        ph = DatePhrase(int(m.group("y")), md[0], md[1], None, m.start(), m.end(), m.group(0))
        tm = f"{m.group('hm')[:2]}:{m.group('hm')[2:]}"
        out.append(DateItem("date", ph, ph, tm, m.start(), m.end(), None, compact=True))
    for m in [*_SPACED_RE.finditer(text), *_FIGURE_RE.finditer(text)]:
        try:
            dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
        cue, p = _cue_at(text, m.end())
        if free(m.start(), m.end()):
            ph = DatePhrase(int(m.group("y")), int(m.group("m")), int(m.group("d")), None, m.start(), m.end(),
                            m.group(0))
            out.append(DateItem("date", ph, ph, None, m.start(), p, cue, compact=True))
    for m in _COMPACT_MD_RE.finditer(text):
        md = _one_reading(m.group("md"))
        if len(m.group("md")) == 2 and (int(m.group("md")) <= 31 or not (
                re.search(rf"[于在至到]{S}$", text[:m.start()]) or _CLOSING_LABEL.search(text[:m.start()]))):
            continue  # "20日前" is a day of the month; "于75日前", "截止时间为92日" lost its 月
        tm, p = _time_at(text, m.end())  # "于510日下午4点前": its time of day before the cue
        cue, p = _cue_at(text, p)
        # (or right after a deadline label: "申报截止日期为322日")
        labelled = _CLOSING_LABEL.search(text[:m.start()])
        if md is None or not (cue or labelled) or not free(m.start(), m.end()):
            continue
        ph = DatePhrase(None, md[0], md[1], None, m.start(), m.end(), m.group(0))
        out.append(DateItem("date", ph, ph, tm if cue else None, m.start(), p, cue, compact=True))
    for m in _COMPACT_BARE_RE.finditer(text):
        md = _one_reading(m.group("md"))
        tm, p = _time_at(text, m.end())
        cue, p = _cue_at(text, p)
        # (or four figures before what is to be handed in: "于1021将参赛者名单报给校工会")
        hand_in = not cue and len(m.group("md")) == 4 and _HAND_IN_AFTER.match(text, m.end())
        if md is not None and ((cue and cue.endswith("前")) or hand_in) and free(m.start(), m.end()):
            ph = DatePhrase(None, md[0], md[1], None, m.start(), m.end(), m.group(0))
            out.append(DateItem("date", ph, ph, tm, m.start(), p, cue, compact=True))
    for m in _COMPACT_END_RE.finditer(text):
        cue, p = _cue_at(text, m.end())
        if free(m.start(), m.end()):
            ph = DatePhrase(None, int(m.group("m")), None, m.group("part"), m.start(), m.end(), m.group(0))
            out.append(DateItem("date", ph, ph, None, m.start(), p, cue, compact=True))
    return out


def garbled(text: str) -> list[tuple[int, int]]:
    """Spans of deadline-looking phrases whose day is missing or garbled
    ("4月日前", "4月1O日前") — reported as ``bad_date``, never guessed."""
    return [(g.start(), g.end()) for g in _GARBLED_RE.finditer(text)]
