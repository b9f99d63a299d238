"""Characters of a PDF text layer (pdfplumber char dicts): radical
look-alikes mapped back, fill colours, fake-bold duplicates removed, chars
joined into the text of a line and clustered into rows."""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

# CJK Radicals Supplement → unified ideograph (Unicode EquivalentUnifiedIdeograph.txt);
# NFKC covers the Kangxi Radicals block (U+2F00–U+2FD5) but only two of these.
_RADICAL_SUPPLEMENT = {
    0x2E81: "厂", 0x2E86: "冂", 0x2E8A: "卜", 0x2E8C: "小", 0x2E8D: "小", 0x2E8E: "兀",
    0x2E90: "尢", 0x2E93: "幺", 0x2E94: "彑", 0x2E95: "彐", 0x2E96: "忄", 0x2E97: "心",
    0x2E98: "扌", 0x2E99: "攵", 0x2E9B: "旡", 0x2E9D: "月", 0x2E9F: "母", 0x2EA0: "民",
    0x2EA1: "氵", 0x2EA3: "灬", 0x2EA4: "爫", 0x2EA6: "丬", 0x2EA7: "牛", 0x2EA8: "犭",
    0x2EA9: "王", 0x2EAA: "疋", 0x2EAB: "罒", 0x2EAC: "示", 0x2EAD: "礻", 0x2EB2: "罓",
    0x2EB6: "羊", 0x2EB7: "羊", 0x2EB9: "耂", 0x2EBA: "肀", 0x2EBE: "艹", 0x2EBF: "艹",
    0x2EC0: "艹", 0x2EC1: "虎", 0x2EC2: "衤", 0x2EC3: "覀", 0x2EC4: "西", 0x2EC5: "见",
    0x2EC6: "角", 0x2EC8: "讠", 0x2EC9: "贝", 0x2ECB: "车", 0x2ECD: "辶", 0x2ECF: "阝",
    0x2ED3: "长", 0x2ED4: "门", 0x2ED6: "阝", 0x2ED8: "青", 0x2ED9: "韦", 0x2EDA: "页",
    0x2EDB: "风", 0x2EDC: "飞", 0x2EDD: "食", 0x2EE0: "饣", 0x2EE2: "马", 0x2EE3: "骨",
    0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE7: "卤", 0x2EE8: "麦", 0x2EE9: "黄",
    0x2EEC: "齐", 0x2EEE: "齿", 0x2EF0: "龙", 0x2EF3: "龟",
}

# A line that is only a page number: "- 3 -", "— 3 —", "3", "第 3 页", "第3页 共9页", "3/9"
_PAGE_NO = re.compile(
    r"^[\s\-—–－―─~·•]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*(?:/|共)\s*\d{1,4}\s*页?)?[\s\-—–－―─~·•]*$")
_CID = re.compile(r"^\(cid:\d+\)$")


def fix_radicals(text: str) -> str:
    """Map Kangxi radicals (U+2F00–U+2FD5, via NFKC), CJK Radicals Supplement
    look-alikes (table above) and CJK compatibility ideographs (U+F900–U+FAFF,
    NFKC) to unified ideographs; other characters are untouched.

    >>> fix_radicals("⾏政⽅⾯⻓期")
    '行政方面长期'
    """
    if not any(0x2E80 <= ord(c) <= 0x2FDF or 0xF900 <= ord(c) <= 0xFAFF for c in text):
        return text
    out = []
    for c in text:
        o = ord(c)
        if 0x2F00 <= o <= 0x2FD5 or 0xF900 <= o <= 0xFAFF:
            out.append(unicodedata.normalize("NFKC", c))
        elif 0x2E80 <= o <= 0x2EF3:
            out.append(_RADICAL_SUPPLEMENT.get(o, c))
        else:
            out.append(c)
    return "".join(out)


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF
            or 0x20000 <= o <= 0x2FFFF or 0x2010 <= o <= 0x206F)


_COLOR_CACHE: dict = {}


def _hex_color(c) -> Optional[str]:
    """pdfminer's non_stroking_color (gray, RGB or CMYK floats 0..1) as hex RGB."""
    try:
        return _COLOR_CACHE[c]
    except (KeyError, TypeError):
        pass
    out = _hex_color_uncached(c)
    try:
        if len(_COLOR_CACHE) < 1024:
            _COLOR_CACHE[c] = out
    except TypeError:
        pass  # unhashable (list) colour values
    return out


def _hex_color_uncached(c) -> Optional[str]:
    if c is None:
        return None
    if isinstance(c, (int, float)):
        c = (c,)
    try:
        vals = [float(v) for v in c]
    except (TypeError, ValueError):
        return None  # pattern colour spaces
    if len(vals) == 1:
        r = g = b = vals[0]
    elif len(vals) == 3:
        r, g, b = vals
    elif len(vals) == 4:
        cc, m, y, k = vals
        r, g, b = (1 - cc) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    else:
        return None
    return "".join(f"{max(0, min(255, round(v * 255))):02X}" for v in (r, g, b))


def dedupe_chars(chars: list, tol: float = 1.0) -> list:
    """Drop glyphs drawn again at (almost) the same place — the "fake bold"
    of PDF producers that print a title twice offset by a fraction of a
    point, which pdfplumber reads as "关关于于" (ECOSYSTEM.md §1a). Same rule
    as pdfplumber's ``Page.dedupe_chars`` (same text within ``tol`` pt in x
    and y; the first drawn is kept) at a fraction of its cost, which matters
    because it runs on every page.
    """
    kept: dict[str, list[tuple[float, float]]] = {}
    out = []
    for c in chars:
        x, y = c["x0"], c["top"]
        seen = kept.get(c["text"])
        if seen is None:
            kept[c["text"]] = [(x, y)]
        elif any(abs(x - a) <= tol and abs(y - b) <= tol for a, b in seen):
            continue
        else:
            seen.append((x, y))
        out.append(c)
    return out


def _join_chars(cs: list) -> str:
    """Text of x-sorted chars of one line. A space is inserted for a visible
    gap: between two non-CJK glyphs a gap over 0.2 em is a word space; next to
    a CJK glyph only a gap over 1 em counts (producers auto-space CJK/Latin
    boundaries by ~0.25 em without a space glyph)."""
    out: list[str] = []
    prev = None
    for c in cs:
        t = c["text"]
        if _CID.match(t):
            t = "\ufffd"
        if prev is not None and not t.isspace() and out and not out[-1].isspace():
            gap = c["x0"] - prev["x1"]
            size = max(c["size"], prev["size"], 1.0)
            cjk = _is_cjk(t[:1] or " ") or _is_cjk(prev["text"][-1:] or " ")
            if gap > (1.0 if cjk else 0.2) * size:
                out.append(" ")
        out.append(t)
        prev = c
    return fix_radicals(re.sub(r"[ \u3000]{2,}", " ", "".join(out)).strip())


def _rows(chars: list) -> list[list]:
    """Cluster chars into rows: a char joins the current row when its
    vertical midpoint lies within the row's extent."""
    rows: list[list] = []
    cur: list = []
    top = bottom = 0.0
    for c in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        mid = (c["top"] + c["bottom"]) / 2
        if cur and top - 0.5 <= mid <= bottom + 0.5:
            cur.append(c)
            bottom = max(bottom, c["bottom"])
        else:
            if cur:
                rows.append(cur)
            cur = [c]
            top, bottom = c["top"], c["bottom"]
    if cur:
        rows.append(cur)
    return rows

