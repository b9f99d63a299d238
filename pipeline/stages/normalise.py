"""Normalise a read ``Document`` in place: text fit for matching, with an
offset map back to what the reader produced.

Rules (issue "End to end" §4; ANNOTATION.md):

* full-width → half-width where meaning is kept: digits, ASCII letters, ＠,
  ：, ．(in numbers), ％, ＋－／ and full-width space; the 〔〕 of a
  发文字号 and other CJK punctuation (，。、（）《》“”) are kept;
* Kangxi / CJK-radical look-alikes → unified ideographs (NFKC on those
  blocks only); emoji (a mirror site's injected 🍡👈, ↪️) dropped;
* spaces (ASCII, full-width, NBSP, tabs in paragraphs) inside Chinese runs
  removed — "2018 年 2 月 28 日" → "2018年2月28日", "张  琳" → "张琳",
  "联 系 人" → "联系人" — but kept between two ASCII letters/digits
  ("138 5728 6264" stays for the phone rules to judge);
* paragraphs split by a page break (or a hard line wrap) rejoined: a long
  body line that ends without closing punctuation followed by a line that
  does not start a heading or label is one paragraph (seed 000 "立" / "足本职").

* pinyin readings that mirror sites print after characters ("工會(huì)")
  are dropped from the block's ``raw`` before anything reads it, and so
  are the gambling adverts they inject (:mod:`pipeline.stages.injected`);
* a year of the ROC calendar (Taiwan: "112年3月10日") is written as its
  Gregorian year in ``text`` (offsets point every digit at the printed year);
* a notice printed in traditional characters (issue 11: mirrors of
  university and Hong Kong/Taiwan union pages) is read through OpenCC's
  ``t2s`` table so the simplified vocabularies match; ``raw`` keeps the
  printed characters and values are put back into them by
  :func:`restore_printed`. Simplified text is never touched: a document is
  converted only when enough of its ideographs are traditional-only
  (:func:`is_traditional`).

``Block.offsets[i]`` is the index in ``Block.raw`` of ``Block.text[i]``,
so evidence found in ``text`` maps back exactly (the conversion is one
character for one character, so offsets are unchanged by it).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from pydantic import BaseModel

from extractors.attachment_list import SPACED_ITEM
from extractors.dates import cn_number
from models.document import Block, Document
from pipeline.stages.chrome import is_page_chrome
from pipeline.stages.headings import heading_over_head
from pipeline.stages.injected import drop_adverts
from pipeline.stages.lines import DATE_LINE

# Reader warning code that marks a document read through the t2s conversion.
TRADITIONAL = "traditional_script"

_FW_KEEP = {
    "＠": "@", "：": ":", "％": "%", "＋": "+", "－": "-", "／": "/", "．": ".",
    "\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
    "\u200b": "",  # zero-width space: drop
    "\ufeff": "",
}
_SPACES = " \t\u3000\u00a0\u2002\u2003\u2009"


# A pinyin reading some mirror sites print after a character ("工會(huì)",
# "號（hào）"): a reading aid, not the circular's text. Only syllables with a
# tone mark qualify, so "(A)", "(QQ)" or an e-mail in brackets are untouched.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[(（]\s*[a-zü]{{0,5}}[{_TONED}][a-zü]{{0,4}}\s*[)）]")


def drop_pinyin(raw: str) -> str:
    """``raw`` without the pinyin readings a mirror site prints after
    characters ("工會(huì)" → "工會"); see :data:`_PINYIN_GLOSS`."""
    return _PINYIN_GLOSS.sub("", raw) if "(" in raw or "（" in raw else raw


# Word's conditional comments a pasted page kept ("<!--[if !supportLists]-->一、<!--[endif]-->")
_WORD_COMMENT = re.compile(r"<!--\s*\[\s*(?:if[^\]]{0,40}|endif)\s*\]\s*-->")


def drop_markup(raw: str) -> str:
    """``raw`` without Word's conditional comments (:data:`_WORD_COMMENT`):
    markup a copy left in the text, never the notice's words."""
    return _WORD_COMMENT.sub("", raw) if "<!--" in raw else raw


_GLOSS_HEAD = re.compile(rf"(?<=[\u4e00-\u9fff])[(（]\s*[a-zü{_TONED}]{{0,6}}\s*$")
_GLOSS_TAIL = re.compile(rf"^\s*[a-zü{_TONED}]{{0,6}}\s*[)）]")


def _drop_split_pinyin(blocks: list[Block]) -> None:
    """Drop a pinyin reading that a line wrap split over two paragraphs
    ("…工會(" / "huì)…") or put at the start of the next one ("…开发区" /
    "(qū)工会:"), in place, before each block is read on its own."""
    for a, b in zip(blocks, blocks[1:]):
        if a.kind != "paragraph" or b.kind != "paragraph":
            continue
        h, t = _GLOSS_HEAD.search(a.raw), _GLOSS_TAIL.match(b.raw)
        if h and t and _PINYIN_GLOSS.fullmatch(re.sub(r"\s", "", a.raw[h.start() - 1] + h.group() + t.group()), 1):
            a.raw, b.raw = a.raw[:h.start()], b.raw[t.end():]
        whole = _GLOSS_OPENING.match(b.raw)
        if whole and re.search(r"[\u4e00-\u9fff]\s*$", a.raw):  # "…开发区" / "(qū)工会:": the wrap fell before it
            b.raw = b.raw[whole.end():]


# A reading printed without its tone mark ("教(jiao)育局", "關(guan)於"): dropped only when a
# document holds three or more, each a pinyin syllable (a mirror's habit, never a notice's).
_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|iao|ian|ai|ei|ui|ao|ou"
             r"|iu|ie|ve|ue|er|an|en|in|un|vn|ia|ua|uo|a|o|e|i|u|v)")
_TONELESS_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])(?:[(（]\s*{_SYLLABLE}\s*[)）])+")  # (printed twice at times)


def _drop_toneless_pinyin(blocks: list[Block]) -> None:
    """Drop toneless pinyin readings from every paragraph's ``raw`` when the
    document holds at least three of them (see :data:`_TONELESS_GLOSS`), in place."""
    paras = [b for b in blocks if b.kind == "paragraph" and b.raw]
    if sum(len(_TONELESS_GLOSS.findall(b.raw)) for b in paras) >= 3:
        for b in paras:
            b.raw = _TONELESS_GLOSS.sub("", b.raw)


# A whole reading opening a line, its character at the end of the line above.
_GLOSS_OPENING = re.compile(rf"\s*[(（]\s*[a-zü]{{0,5}}[{_TONED}][a-zü]{{0,4}}\s*[)）]")


def _char_map(ch: str) -> str:
    o = ord(ch)
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return chr(o - 0xFEE0)  # full-width digits and letters
    if 0x2F00 <= o <= 0x2FDF or 0x2E80 <= o <= 0x2EFF or 0xF900 <= o <= 0xFAFF:
        return unicodedata.normalize("NFKC", ch)  # radicals / compatibility ideographs
    if o >= 0x1F000 or o in (0xFE0F, 0x200D, 0x21A9, 0x21AA):
        return ""  # emoji a mirror site injected ("電話🍡👈:", "各二級學院↪️:"): no text of the notice
    return _FW_KEEP.get(ch, ch)


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF or 0x2010 <= o <= 0x206F)


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def normalise_text(raw: str) -> tuple[str, list[int]]:
    """``(text, offsets)`` for one string; see the module rules.

    ``offsets`` has ``len(text) + 1`` entries (the last = ``len(raw)``).
    Newlines inside a block become nothing between CJK characters and a
    space elsewhere.
    """
    mapped: list[tuple[str, int]] = []
    for i, ch in enumerate(raw):
        m = _char_map(ch)
        if ch in "\r\n":
            m = " "
        for c in m:
            mapped.append((c, i))
    out: list[str] = []
    offs: list[int] = []
    n = len(mapped)
    i = 0
    while i < n:
        c, src = mapped[i]
        if c in _SPACES:
            j = i
            while j < n and mapped[j][0] in _SPACES:
                j += 1
            prev = out[-1] if out else ""
            nxt = mapped[j][0] if j < n else ""
            # keep one space only between two ASCII alphanumerics/punctuation
            # ("E-mail: a@b", "138 5728"), never at the ends or beside CJK.
            if prev and nxt and not _is_cjk(prev) and not _is_cjk(nxt) and (
                    _is_ascii_alnum(prev) or _is_ascii_alnum(nxt)):
                out.append(" ")
                offs.append(src)
            i = j
            continue
        out.append(c)
        offs.append(src)
        i += 1
    offs.append(len(raw))
    return "".join(out), offs


# A line that starts a new unit and must never be glued to the previous one.
_STARTS_UNIT = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[、．]|\.(?![A-Za-z0-9])|\.(?=(?:19|20)\d{2}\s*年))|"
    r"附件|附\s*[:：]|抄送|联系人|联系电话|电话|邮箱|电子邮箱|备注|注[:：]|[—-]{2}|第[一二三四五六七八九十\d]+[条章]"
    r"|(?:主办|承办|协办)单位\s*[:：])"
)
_ATTACHMENT_LABEL = re.compile(r"^[-—–·•\s]*附件\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?\s*[:：]?$")
_ADDRESSEE_LINE = re.compile(r"^(?:各|全体|所属)[^。；;!?！？]{1,60}[:：]$")
_HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．])")
_ENDS_OPEN = re.compile(r"[\u4e00-\u9fff\d、，“‘（(《a-zA-Z@_]$")  # "…发至512415646@" / "qq.com"
# a line ending inside a number, and a line going on with its digits or unit
_NUMBER_CUT = re.compile(r"[\u4e00-\u9fff，、（(]\d+(?:[%％]?[.\-—~～至]\d*)?$|\d[.\-—~～至]$")  # "60%-70" / "%"
_NUMBER_REST = re.compile(r"[\d.%％\-—~至]|[年月日号个人名项场次家件元万亿千位支期所]")
_CLOSING_WORDS = ("通知", "文件", "意见", "方案", "办法", "计划", "决定", "报告")


def _joinable(prev: Block, nxt: Block) -> bool:
    """True when ``nxt`` continues the paragraph ``prev`` (a page break or a
    hard wrap split it). Only long body lines qualify, so titles, signatures
    and label lines are never merged."""
    if prev.kind != "paragraph" or nxt.kind != "paragraph":
        return False
    if prev.origin != nxt.origin or prev.align == "center" or nxt.align in ("center", "right"):
        return False
    a, b = prev.text, nxt.text
    if is_page_chrome(a) or is_page_chrome(b):
        return False  # a page's breadcrumb or meta line stands alone ("…>>正文" / "关于…的通知")
    if len(a) >= 10 and re.search(r"[（(]?《$|[（(“]$", a) and not _closing_line(nxt):
        return True  # "…(详见《" / "附件1:…公示》)": a line never ends on an opening mark; the quote goes on below
    if len(a) >= 20 and re.match(r"[，,、；;]", b):
        return True  # no line opens with a comma: the wrap fell before it ("…（…）" / "，校工会…")
    if len(a) >= 20 and _NUMBER_CUT.search(a) and _NUMBER_REST.match(b):
        return True  # a number or date cut by the wrap ("完成20" / "0项", "6月" / "18日")
    if re.search(r"[\u4e00-\u9fff]\.$", a) and re.match(r"(?:docx?|xlsx?|pdf|wps|et|rar|zip)(?![A-Za-z])", b, re.I):
        return True  # a file name cut before its extension ("…统计表." / "xls")
    # a line of 25+ characters that ends open was wrapped (a PDF text layer,
    # a page re-broken every 25-40 characters), unless it is a heading
    if len(a) >= 25 and b.startswith("如下") and a.endswith("通知"):
        return True  # "…现将有关事项通知" / "如下：" is the body's lead-in, not a title
    if len(a) < 25 or not b or not _ENDS_OPEN.search(a) or a.endswith(_CLOSING_WORDS):
        return False
    if re.search(r"\.(?:docx?|xlsx?|pdf|wps|et|rar|zip|ofd)$", a, re.I):
        return False  # a file name closes its line ("…代表名单.xls" / "深圳…教代会"): the name is whole
    if _HEADING_START.match(a) and not re.search(r"[，。；,;]", a):
        return False  # "（一）加强组织领导确保各项工作落实到位" is a heading
    if _STARTS_UNIT.match(b) or "\t" in b or _closing_line(nxt) or _printed_line(b):
        return False
    if heading_over_head(nxt):
        return False  # "关于转发《…》的函": a whole title line under the page's lines, never their tail
    if re.fullmatch(r"[^，。；：:,;\s]{2,40}文件", b):
        return False  # "共青团中央办公厅文件": a 发文机关标志 (§7.2.3) opens the notice, under whatever the page printed
    if SPACED_ITEM.match(nxt.raw):
        return False  # "2 经典诗文参考篇目": the next item of a list numbered by a space alone
    if _ADDRESSEE_LINE.match(b) and not a.endswith(("，", ",", "、")):
        return False  # "各分工会:" opens the text under a title or a page's meta line
    # a line never opens with a colon or a closing mark: it goes on from above
    # ("…通知凤工" / "[2021]5号…": a 发文字号's year bracket goes on from above too)
    return bool(re.match(r"[\u4e00-\u9fff\d“‘（(《a-zA-Z，、,:：。）)”’》\[［〔]", b))


def _printed_line(t: str) -> bool:
    """A 版记's 印发 line ("XX办公室 2019年9月28日印发", its 发 possibly wrapped off:
    GB/T 9704-2012 §7.4.3): it stands on its own, never the tail of the 抄送 list above."""
    m = DATE_LINE.match(t)
    return bool(m and m.group("printed") and m.group("org"))


def _closing_line(b: Block) -> bool:
    """A 署名 or 成文日期 line: only organisation names (each its own name,
    "江东区总工会" under the last body line), or only a date. Such a line
    closes the body and never continues the paragraph above it."""
    from extractors.dates import FULL_DATE
    from extractors.orgs import split_orgs

    t = b.text
    if len(t) > 40 or re.search(r"[。，；：:,;]", t):
        return False
    if FULL_DATE.fullmatch(t) or split_orgs(b.raw):
        return True
    # names set apart by wide spaces, the last one broken by the wrap
    # ("成都市劳动竞赛委员会　　成都市总工会　　成都市经济和信息化" / "局")
    parts = re.split(r"\s{2,}|\u3000+", b.raw.strip())
    return len(parts) >= 2 and all(split_orgs(p) == [p] for p in parts[:-1])


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # lazy: only documents with traditional characters pay for it

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def _t2s_char(ch: str) -> str:
    out = _t2s().convert(ch)
    return out if len(out) == 1 else ch


def to_simplified(text: str) -> str:
    """``text`` with traditional characters replaced by simplified ones,
    one character for one character (OpenCC ``t2s``; where a phrase rule
    would change the length, each character is converted on its own)."""
    if not text:
        return text
    out = _t2s().convert(text)
    if len(out) == len(text):
        return out
    return "".join(_t2s_char(c) for c in text)


def _ideographs(text: str) -> int:
    return sum(1 for c in text if 0x4E00 <= ord(c) <= 0x9FFF or 0x3400 <= ord(c) <= 0x4DBF)


def is_traditional(text: str) -> bool:
    """True when ``text`` is printed in traditional characters: at least 5
    of its ideographs, and at least 5 % of them, change under ``t2s``
    (traditional prose changes ~25 %; simplified text only for a rare
    variant such as a name character, which must not switch the document)."""
    n = _ideographs(text)
    if n == 0:
        return False
    changed = sum(1 for a, b in zip(text, to_simplified(text)) if a != b)
    return changed >= 5 and changed >= 0.05 * n


def _document_text(doc: Document) -> str:
    parts = []
    for b in doc.blocks:
        if b.kind == "table" and b.grid is not None:
            parts.extend(c.text for c in b.grid.cells)
        else:
            parts.append(b.text)
    return "\n".join(parts)


def _convert_script(doc: Document) -> None:
    """Convert every block and cell text of a traditional ``doc`` to
    simplified (in place) and record the :data:`TRADITIONAL` warning."""
    if not is_traditional(_document_text(doc)):
        return
    for b in doc.blocks:
        if b.kind == "table" and b.grid is not None:
            for c in b.grid.cells:
                c.text = to_simplified(c.text)
        b.text = to_simplified(b.text)
    doc.warnings.append((TRADITIONAL, ("printed in traditional characters: matched as "
                                       "simplified (OpenCC t2s), values given as printed")))


# a year of the Republic of China calendar (Taiwan: 112年3月10日 = 2023-03-10):
# three digits (100–199) before 年…月 have no Gregorian reading; two digits
# count only in a notice that names the era (民国98年)
_ROC_YEAR = re.compile(r"(?<![\d.\-/])(?P<y>\d{2,3})(?=\s*年\s*\d{1,2}\s*月)")
# a year printed with its last two digits before a full month and day
# ("一二年八月七日", "08年5月6日", "二O年"): the century is the nearest one
# (00–49 → 20xx, 50–99 → 19xx); a 年 with no day after it ("12年来") is no date
_SHORT_YEAR = re.compile(r"(?<![\d.\-/〇○零Oo一二三四五六七八九十百千第])(?P<y>\d{2}|[〇○零Oo一二三四五六七八九]{2})"
                         r"(?=\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
                         r"(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})\s*[日号])")


def _set_year(b, a: int, z: int, year: str) -> None:
    """Write ``year`` over ``b.text[a:z]``; every new digit maps back to the
    printed year, so evidence still quotes it."""
    b.text = b.text[:a] + year + b.text[z:]
    b.offsets = b.offsets[:a] + [b.offsets[a]] * (len(year) - (z - a)) + b.offsets[a:]


def _roc_years(doc: Document) -> None:
    """Write ROC years of ``doc``'s paragraphs as Gregorian years in
    ``text`` (``offsets`` map every new digit back to the printed year, so
    evidence still quotes "112年"); in a notice that names no era, a
    two-digit year before a full date as the nearest century's."""
    era = any("民国" in b.text for b in doc.blocks if b.kind == "paragraph")
    prev = ""
    for b in doc.blocks:
        if b.kind != "paragraph" or "年" not in b.text:
            prev = b.text if b.kind == "paragraph" else ""
            continue
        hits = [m for m in _ROC_YEAR.finditer(b.text)
                if 100 <= int(m.group("y")) <= 199 or (era and len(m.group("y")) == 2)]
        for m in reversed(hits):
            _set_year(b, *m.span("y"), str(int(m.group("y")) + 1911))
        if era:
            continue
        # (a line that opens on the two digits may hold the end of a year broken after "20")
        broken = bool(re.search(r"[0-9〇○零一二三四五六七八九]$", prev.rstrip()))
        prev = b.text
        for m in reversed(list(_SHORT_YEAR.finditer(b.text))):
            if broken and not b.text[:m.start()].strip():
                continue
            yy = cn_number(m.group("y")) or 0  # ("一二" → 12, "O八" → 8)
            _set_year(b, *m.span("y"), str((2000 if yy < 50 else 1900) + yy))


def printed_map(doc: Document) -> dict[str, str]:
    """For a document read through :func:`to_simplified`: each simplified
    character → the printed character it most often stood for in this
    document (``{}`` for a document that was not converted). A character
    the document prints both ways keeps its most frequent printed form."""
    if not any(code == TRADITIONAL for code, _ in doc.warnings):
        return {}
    counts: Counter = Counter()
    for b in doc.blocks:
        texts = ([c.raw or c.text for c in b.grid.cells] if b.kind == "table" and b.grid
                 else [b.raw])
        for raw in texts:
            counts.update(normalise_text(raw)[0])
    groups: dict[str, Counter] = {}
    for p, n in counts.items():
        s = _t2s_char(p)
        if s != p:
            groups.setdefault(s, Counter({s: counts.get(s, 0)}))[p] = n
    return {s: c.most_common(1)[0][0] for s, c in groups.items() if c.most_common(1)[0][0] != s}


def restore_printed(record: BaseModel, doc: Document) -> BaseModel:
    """Put the values of ``record`` (extracted from the simplified reading
    of a traditional ``doc``) back into the document's printed characters,
    in place: gold and readers expect names and titles as printed
    (ANNOTATION.md "as printed"). Evidence quotes stay equal to the
    normalised block text they cite; a simplified document is unchanged."""
    table = printed_map(doc)
    if table:
        _restore(record, str.maketrans(table))
    return record


def _restore(node, table) -> object:
    from models.common import Evidence

    if isinstance(node, str):
        return node.translate(table)
    if isinstance(node, list):
        node[:] = [_restore(v, table) for v in node]
        return node
    if isinstance(node, BaseModel) and not isinstance(node, Evidence):
        for name in type(node).model_fields:
            if name in ("source", "warnings"):
                continue
            v = getattr(node, name)
            if isinstance(v, (str, list, BaseModel)):
                object.__setattr__(node, name, _restore(v, table))
    return node


# A web page's list marker opening a line (an <li> saved as text).
_BULLET = re.compile(r"[•●▪◆■]\s*(?=\S)")


def normalise(doc: Document) -> Document:
    """Fill ``text``/``offsets`` of every block of ``doc`` (in place) and
    rejoin paragraphs split across pages. Returns ``doc``.

    Table blocks: each cell's text is normalised (``Cell.raw`` keeps the
    original) and the block text rebuilt as rows joined by ``\\n`` and cells
    by ``\\t``; its offsets are positional (cell text offsets are not mapped).
    """
    _drop_split_pinyin(doc.blocks)
    _drop_toneless_pinyin(doc.blocks)
    for b in doc.blocks:
        # (on the reader's text itself: raw-text rules such as the signature's
        # org names must not see the readings either)
        if b.kind == "table" and b.grid is not None:
            for c in b.grid.cells:
                if not c.raw:
                    c.raw = c.text
                c.raw = drop_adverts(drop_pinyin(drop_markup(c.raw)))
                c.text, _ = normalise_text(c.raw)
            b.text = "\n".join("\t".join(r) for r in b.grid.row_texts())
            b.offsets = list(range(len(b.text) + 1))
        else:
            b.raw = drop_adverts(drop_pinyin(drop_markup(b.raw)))
            b.text, b.offsets = normalise_text(b.raw)
            bullet = _BULLET.match(b.text)
            if bullet:  # a web list's marker is no part of the line ("• 各基层工会:")
                b.text, b.offsets = b.text[bullet.end():], b.offsets[bullet.end():]
    _convert_script(doc)
    _roc_years(doc)
    merged: list[Block] = []
    for b in doc.blocks:
        if not b.text.strip() and b.kind == "paragraph":
            continue  # empty paragraphs carry nothing and break zone rules
        # the heading under an attachment label ("附件2" / "…参赛企业汇总表") is its own line
        heading = len(merged) >= 2 and _ATTACHMENT_LABEL.match(merged[-2].text) is not None
        if merged and not heading and _joinable(merged[-1], b):
            p = merged[-1]
            base = len(p.raw)
            p.raw = p.raw + b.raw
            p.offsets = p.offsets[:-1] + [base + o for o in b.offsets]
            p.text = p.text + b.text
            continue
        merged.append(b)
    doc.blocks = merged
    return doc
