"""numbering.xml for the .docx reader (:mod:`pipeline.readers.docx`):
``w:numPr`` (ilvl, numId) → ``w:num`` → ``w:abstractNum`` → ``w:lvl``, the
running list counters, and the labels Word generates ("一、", "（一）", "1.")
in every ST_NumberFormat a circular uses (ECMA-376 §17.9, §17.18.59)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from pipeline.readers.docx_styles import NS, on, Styles

@dataclass
class Level:
    """One ``w:lvl`` of a list definition: counter start, number format,
    label template (``%1、``), suffix, restart level, legal numbering, style."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    suff: str = "tab"
    restart: Optional[int] = None  # w:lvlRestart (1-based level; 0 = never)
    is_lgl: bool = False
    pstyle: Optional[str] = None


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL_DIGITS = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
_IDEO_DIGITS = "〇一二三四五六七八九"


@lru_cache(maxsize=512)
def _chinese(n: int) -> str:
    """Chinese counting numeral (十一, 二十, 一百零五) via cn2an, imported
    lazily because most files never need it."""
    import cn2an  # ~0.1 s import: only when a Chinese-numbered list exists

    return cn2an.an2cn(n)


def _letters(n: int) -> str:
    # Word repeats the letter past Z: 27 → AA, 28 → BB (ECMA-376 ST_NumberFormat upperLetter)
    n = max(n, 1)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in Word number format ``fmt`` (ECMA-376 §17.18.59
    ST_NumberFormat). Formats without a rendering here fall back to decimal.

    >>> format_number(11, "chineseCounting"), format_number(3, "ideographTraditional")
    ('十一', '丙')
    """
    if fmt in ("decimal", "ordinal", "cardinalText", "ordinalText", "decimalHalfWidth"):
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "koreanCounting",
               "japaneseDigitalTenThousand", "ideographLegalTraditional"):
        return _chinese(n)
    if fmt in ("chineseLegalSimplified", "japaneseLegal"):
        return _chinese(n).translate(_LEGAL_DIGITS)
    if fmt in ("ideographDigital", "taiwaneseDigital", "koreanDigital"):
        return "".join(_IDEO_DIGITS[int(d)] for d in str(n))
    if fmt in ("ideographTraditional",):
        return _TIANGAN[(n - 1) % 10]
    if fmt in ("ideographZodiac", "ideographZodiacTraditional"):
        return _DIZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese",
               "ideographEnclosedCircle"):
        return _CIRCLED[n - 1] if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return _PAREN[n - 1] if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return _FULLSTOP[n - 1] if 1 <= n <= 20 else f"{n}."
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """List state for one document: definitions from numbering.xml and the
    running counters. Counters are kept per abstract list, as Word does, so
    two ``w:num`` instances of one abstract list continue each other unless
    the instance restarts it with ``w:lvlOverride/w:startOverride``."""

    def __init__(self, ns: NS, root, styles: Styles):
        self.ns = ns
        self.styles = styles
        self.abstract: dict[str, dict[int, Level]] = {}
        self.abstract_style_link: dict[str, str] = {}
        self.nums: dict[str, tuple[str, dict[int, Level], set[int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.style_level: dict[str, tuple[str, int]] = {}
        if root is None:
            return
        for an in root.iter(ns("abstractNum")):
            aid = ns.attr(an, "abstractNumId")
            if aid is None:
                continue
            self.abstract[aid] = {lv_i: lv for lv_i, lv in
                                  (self._level(lv) for lv in an.findall(ns("lvl")))}
            link = an.find(ns("numStyleLink"))
            if link is not None and ns.attr(link, "val"):
                self.abstract_style_link[aid] = ns.attr(link, "val")
        for num in root.iter(ns("num")):
            nid = ns.attr(num, "numId")
            ref = num.find(ns("abstractNumId"))
            if nid is None or ref is None:
                continue
            overrides: dict[int, Level] = {}
            restarts: set[int] = set()
            for ov in num.findall(ns("lvlOverride")):
                try:
                    ilvl = int(ns.attr(ov, "ilvl"))
                except (TypeError, ValueError):
                    continue
                lv = ov.find(ns("lvl"))
                if lv is not None:
                    overrides[ilvl] = self._level(lv)[1]
                so = ov.find(ns("startOverride"))
                if so is not None:
                    restarts.add(ilvl)
                    base = overrides.get(ilvl)
                    try:
                        start = int(ns.attr(so, "val"))
                    except (TypeError, ValueError):
                        start = 1
                    if base is None:
                        overrides[ilvl] = Level(start=start, fmt="", text="\0inherit")
                    else:
                        base.start = start
            self.nums[nid] = (ns.attr(ref, "val"), overrides, restarts)
        # levels bound to a paragraph style (w:lvl/w:pStyle): style → (numId?, ilvl)
        for aid, levels in self.abstract.items():
            for ilvl, lv in levels.items():
                if lv.pstyle:
                    self.style_level[lv.pstyle] = (aid, ilvl)

    def _level(self, lv) -> tuple[int, Level]:
        ns = self.ns
        try:
            ilvl = int(ns.attr(lv, "ilvl") or 0)
        except ValueError:
            ilvl = 0
        out = Level()
        st = lv.find(ns("start"))
        if st is not None:
            try:
                out.start = int(ns.attr(st, "val"))
            except (TypeError, ValueError):
                pass
        fmt = lv.find(ns("numFmt"))
        if fmt is not None:
            out.fmt = ns.attr(fmt, "val") or "decimal"
        txt = lv.find(ns("lvlText"))
        if txt is not None:
            out.text = ns.attr(txt, "val") or ""
        suff = lv.find(ns("suff"))
        if suff is not None:
            out.suff = ns.attr(suff, "val") or "tab"
        rs = lv.find(ns("lvlRestart"))
        if rs is not None:
            try:
                out.restart = int(ns.attr(rs, "val"))
            except (TypeError, ValueError):
                pass
        out.is_lgl = bool(on(ns, lv.find(ns("isLgl"))))
        ps = lv.find(ns("pStyle"))
        if ps is not None:
            out.pstyle = ns.attr(ps, "val")
        return ilvl, out

    def _abstract_for(self, num_id: str) -> Optional[str]:
        entry = self.nums.get(num_id)
        if entry is None:
            return None
        aid = entry[0]
        # w:numStyleLink: the real definition hangs off the numbering style
        for _ in range(3):
            link = self.abstract_style_link.get(aid)
            if not link:
                break
            nid = self.styles.get(link, "num_id")
            if not nid or nid not in self.nums:
                break
            aid = self.nums[nid][0]
        return aid

    def _levels(self, num_id: str) -> dict[int, Level]:
        aid = self._abstract_for(num_id)
        base = dict(self.abstract.get(aid, {})) if aid is not None else {}
        for ilvl, ov in self.nums.get(num_id, (None, {}, set()))[1].items():
            if ov.text == "\0inherit":
                if ilvl in base:
                    b = base[ilvl]
                    base[ilvl] = Level(ov.start, b.fmt, b.text, b.suff, b.restart, b.is_lgl,
                                        b.pstyle)
            else:
                base[ilvl] = ov
        return base

    def label(self, num_id: Optional[str], ilvl: int) -> str:
        """Advance the counters for a paragraph at (``num_id``, ``ilvl``) and
        return its rendered label (``"一、"``, ``"（二）"``, ``"3."``) plus
        separator, or ``""`` when the paragraph is not numbered."""
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        levels = self._levels(num_id)
        lv = levels.get(ilvl)
        if lv is None:
            return ""
        aid = self._abstract_for(num_id) or num_id
        _, _, restarts = self.nums[num_id]
        # an instance with startOverride keeps its own counters (Word's "restart numbering")
        key = f"num:{num_id}" if restarts else f"abs:{aid}"
        counters = self.counters.get(key)
        if counters is None:
            counters = self.counters[key] = {}
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else lv.start
        # deeper levels restart after a higher level, unless w:lvlRestart says otherwise
        for d in [d for d in counters if d > ilvl]:
            rs = levels.get(d).restart if levels.get(d) else None
            if rs is None or (rs != 0 and ilvl < rs):
                del counters[d]
        if lv.fmt == "bullet":
            return ""  # bullets carry no number; their glyph is usually a Symbol-font PUA char

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            klv = levels.get(k, lv)
            n = counters.get(k, klv.start)
            fmt = "decimal" if (lv.is_lgl and k != ilvl) else klv.fmt
            return format_number(n, fmt)

        text = re.sub(r"%([1-9])", sub, lv.text)
        if not text.strip():
            return ""
        # The label's tab/space suffix: keep one space unless the label already ends
        # in a separator mark ("一、", "（一）", "1.") — the form circulars print.
        sep = "" if lv.suff == "nothing" or text[-1] in "、.．)）:：]】" else " "
        return text + sep
