"""发文字号 (GB/T 9704-2012 §7.2.4): 机关代字 + 〔年份〕 + 序号 + 号.

ANNOTATION.md: brackets of any kind (``[ ]``, ``［ ］``, ``( )``, ``（ ）``,
``【 】``, small ``﹝ ﹞``, and the ``„ ‟``, ``?`` or ``�`` a page store left for 〔 〕) become 〔 〕, digits half-width, no spaces —
``乐工办发〔2014〕12号``. Searched in the 版头 first, then the first lines
(a 发文字号 printed above the title, seed 003), never in the body, where
other documents' numbers are cited.
"""
from __future__ import annotations

import re
from typing import Optional

from extractors._common import evidence
from models.document import Block, Document
from models.notice import DocNumber

__all__ = ["bare_lead", "extract", "lost_separator", "own_number", "parse"]

_RE = re.compile(
    r"(?P<code>[\u4e00-\u9fffA-Za-z]{1,16}?)\s*"   # 机关代字, shortest before the bracket
    r"[〔\[［(（【﹝„?？\ufffd]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］)）】﹞‟?？\ufffd]\s*"  # 〔年份〕 in any bracket
    # (a store's „‟ or the ? / � it left for a bracket it could not encode too)
    r"第?\s*(?P<serial>\d{1,5})\s*号"                 # 序号 号 (第 tolerated)
)
# A number whose brackets a site dropped ("建会函2023190号"): read only as a line of its own,
# the 机关代字 ending like one (…发, …函, …字 …) and the year run straight into the 序号.
_BARE = r"^\s*(?P<code>[\u4e00-\u9fff]{1,8}[发函字办工委电复])(?P<year>(?:19|20)\d{2})(?P<serial>[1-9]\d{0,3})\s*号"
_BARE_LINE = re.compile(_BARE + r"\s*$")
_BARE_LEAD = re.compile(_BARE)  # (the same, opening a longer text: cut there by relines)


def bare_lead(text: str) -> int:
    """End of a 发文字号 whose brackets were dropped opening ``text``
    ("建会函2023190号各市…": a one-line page), 0 when none (:data:`_BARE_LINE`)."""
    m = _BARE_LEAD.match(text)
    return m.end() if m else 0


_LIST_LINE = re.compile(r"^[-—–·•\s]*附(?:件\s*\d{0,2})?\s*[:：]")
# Words that end a preceding label rather than start a 机关代字.
_LABEL = re.compile(r"^(?:.*?(?:文号|字号|编号)[:：]?)")


def parse(text: str) -> Optional[tuple[DocNumber, int, int]]:
    """The first 发文字号 in ``text`` as ``(DocNumber, start, end)`` or None."""
    m = _RE.search(text) or _BARE_LINE.match(text)
    if not m:
        return None
    code = _LABEL.sub("", m.group("code")) or m.group("code")
    # a number printed right after the title ("关于…的通知镇工〔2019〕8号"):
    # the 机关代字 starts after the title's 文种 word
    code = re.sub(r"^.*(?:通知|意见|方案|办法|决定|通报|规定|计划|文件)(?=.)", "", code)  # (and after the 标志's "…文件")
    start = m.start("code") + (len(m.group("code")) - len(code))
    year, serial = int(m.group("year")), int(m.group("serial"))
    # the 序号 as printed ("02号" stays 02: ANNOTATION.md "as printed, normalised")
    num = DocNumber(text=f"{code}〔{year}〕{m.group('serial')}号", agency_code=code, year=year, serial=serial)
    return num, start, m.end()


# A sentence that cites other documents ("根据《…意见》（浙总工发〔2015〕13号）
# 文件精神…"), real/webpages: its numbers are not the notice's own.
_CITING = re.compile(r"^(?:根据|按照|依据|依照|为贯彻|为落实|贯彻|落实|遵照|参照|接)")


def _cited(text: str, start: int, end: Optional[int] = None) -> bool:
    """True when the 发文字号 at ``start`` cites another document: it
    follows a 《title》 directly, the line is a sentence citing one, or a
    title names it ("关于转发市总工〔2020〕5号文件的通知")."""
    before = re.sub(r"[\s（(]+$", "", text[:start])
    own_after_title = before.endswith(("通知", "意见", "方案", "办法", "决定", "通报", "函", "规定", "计划"))
    if end is not None and (text[end:].startswith("文件") or (
            re.search(r"关于|转发|印发(?!日期|时间)", before) and not own_after_title)):
        return True  # (a number printed right after the title is the title's own; 印发日期 is a page's label)
    return bool(re.search(r"》\s*[（(]?\s*$", text[:start]) or _CITING.match(text)
                or _SEE_BEFORE.search(text, max(0, start - 24), start))


def own_number(text: str) -> Optional[tuple[DocNumber, int, int]]:
    """:func:`parse` for a line that prints the notice's own 发文字号, None
    when the number found is cited (see :func:`_cited`)."""
    hit = parse(text)
    return hit if hit and not _cited(text, hit[1], hit[2]) else None


def extract(doc: Document) -> Optional[DocNumber]:
    """The notice's 发文字号 with evidence, or None when it has none."""
    z = doc.zones
    candidates = list(z.head) if z else []
    # a 发文字号 may sit just above the title or beside 签发人 when there is no header
    candidates += [i for i in range(min(6, len(doc.blocks))) if i not in candidates]
    # or alone on a line under the 成文日期 (web excerpts)
    if z and z.date is not None:
        candidates += [i for i in (z.date + 1, z.date + 2)
                       if i < len(doc.blocks) and len(doc.blocks[i].text) <= 30 and i not in candidates]
    listed = set(z.attachment_list) if z else set()
    for i in candidates:
        b = doc.blocks[i]
        if b.kind != "paragraph" or len(b.text) > 80 or i in listed or _LIST_LINE.match(b.text):
            continue  # (an 附件 item citing its own file's number: "附件:1.关于…的通知(苏工发〔2023〕5号)")
        hit = own_number(b.text)
        if hit:
            num, s, e = hit
            num, s = _after_space(b, num, s)
            num.evidence = evidence(doc, i, s, e)
            return num
    return _labelled(doc, candidates) or _header_in_text(doc) or _lost_separators(
        doc, candidates + [i for i in range(min(10, len(doc.blocks))) if i not in candidates])


# a site's catalogue field that labels the notice's own number ("…公开方式:主动公开文件编号:常教工〔2022〕20号…",
# "发文号:国卫办疾控函〔2014〕283号发布单位:…"): read at the label whatever the line's length
_NUMBER_LABEL = re.compile(r"(?:文件编号|发文字号|发文号|文件字号|文号)\s*[:：]\s*")


def _labelled(doc: Document, candidates: list[int]) -> Optional[DocNumber]:
    """The 发文字号 right after a catalogue label (:data:`_NUMBER_LABEL`) in
    one of the first lines, however long the line (a page joined onto one
    line keeps its catalogue inside the text); None when there is none."""
    for i in candidates:
        b = doc.blocks[i]
        for m in _NUMBER_LABEL.finditer(b.text) if b.kind == "paragraph" else ():
            hit = parse(b.text[m.end():m.end() + 40])
            if hit and hit[1] == 0:
                num, _, e = hit
                num.evidence = evidence(doc, i, m.end(), m.end() + e)
                return num
    return None


def _after_space(b: Block, num: DocNumber, s: int) -> tuple[DocNumber, int]:
    """``num`` less the words before a space the page printed inside its
    机关代字 ("…娱乐科技處 科技﹝2023﹞56號" run onto one line: the code is 科技);
    kept whole when one character stands before the space or is left after it
    (a PDF's letter spacing, a code printed spaced)."""
    o, code = b.offsets, num.agency_code
    cut = max((k for k in range(1, len(code)) if s + k < len(o) and o[s + k] > o[s + k - 1] + 1
               and b.raw[o[s + k - 1] + 1:o[s + k]].isspace()), default=0)
    if cut < 2 or len(code) - cut < 2:
        return num, s  # (one letter apart is a PDF's spacing: "衡 工办发")
    code = code[cut:]
    text = code + num.text[len(num.agency_code):]
    return DocNumber(text=text, agency_code=code, year=num.year, serial=num.serial), s + cut


# A 发文字号 at the head of a line whose site lost the year's close ("清工发〔20248",
# "建会函2023190号", "材料学院工会〔20156 签发人:…"): the year is always four
# digits, so code, year and 序号 have one reading; the open bracket or 号 must remain
_LOST = re.compile(r"(?P<code>[\u4e00-\u9fff]{2,12}?)\s*(?P<open>[〔\[［(（【﹝])?\s*(?P<year>(?:19|20)\d{2})\s*"
                   r"(?P<serial>[1-9]\d{0,3})\s*(?P<hao>号)?"  # (the year's close is the separator lost)
                   r"(?=\s*$|\s*签发人|\s*(?:关于|转发)|\s*[\u4e00-\u9fff]{2,20}关于)")  # then the line ends, or the title


def lost_separator(text: str) -> bool:
    """True when ``text`` is a line holding the notice's own 发文字号 with its year's close
    lost ("九工通〔201940"): see :data:`_LOST`; the line is whole, never a wrapped piece."""
    m = _LOST.fullmatch(text.strip())
    return bool(m and (m.group("open") or m.group("hao")))


def _lost_separators(doc: Document, candidates: list[int]) -> Optional[DocNumber]:
    """The notice's own 发文字号 printed on a line of its own in the first
    lines with a separator lost (see :data:`_LOST`), brackets and 号
    restored (the blind reviews' reading: a lost 〕 or 号 is the store's, the
    notice still has its number); None when no such line."""
    for i in candidates:
        b = doc.blocks[i]
        m = _LOST.match(b.text.strip()) if b.kind == "paragraph" else None
        if m and (m.group("open") or m.group("hao")) and not re.search(r"[的将由把对向]|^(?:根据|按照|依据)", m.group("code")):
            code, year, serial = m.group("code"), int(m.group("year")), int(m.group("serial"))
            num = DocNumber(text=f"{code}〔{year}〕{m.group('serial')}号", agency_code=code, year=year, serial=serial)
            off = len(b.text) - len(b.text.lstrip())
            num.evidence = evidence(doc, i, off + m.start("code"), off + m.end("hao" if m.group("hao") else "serial"))
            return num
    return None


# a 版头 run into the text by a PDF's scrambled reading order, its brackets
# lost ("…宜昌市总工会 办公室 文件 宜工办 2014 45 号 - 2 -"): the
# 发文机关标志 (an org name + 文件) right before it makes it the notice's own number
_HEADER_NUMBER = re.compile(
    r"(?:会|室|委|局|厅|部|处|团|联|办)\s*文件\s*(?P<code>[\u4e00-\u9fff]{1,10}?)\s*[〔\[［(（【﹝]?\s*"
    r"(?P<year>(?:19|20)\d{2})\s*[〕\]］)）】﹞]?\s*第?\s*(?P<serial>\d{1,5})\s*号")


# a sentence pointing at another body's document ("(详情见市总工会文件安教体函[2022]98号)"): cited
_SEE_BEFORE = re.compile(r"(?:见|根据|按照|依据|依照|参照|转发|贯彻|落实)[^，。；,;:：]{0,20}$")


def _header_in_text(doc: Document) -> Optional[DocNumber]:
    """The 发文字号 of a 版头 found inside a paragraph (GB/T 9704-2012
    §7.2.4: the number sits under the 发文机关标志), brackets restored; None
    when there is none."""
    for i, b in enumerate(doc.blocks):
        m = _HEADER_NUMBER.search(b.text) if b.kind == "paragraph" else None
        if m and not _SEE_BEFORE.search(b.text, max(0, m.start() - 24), m.start()):
            year, serial = int(m.group("year")), int(m.group("serial"))
            num = DocNumber(text=f"{m.group('code')}〔{year}〕{m.group('serial')}号",
                            agency_code=m.group("code"), year=year, serial=serial)
            num.evidence = evidence(doc, i, m.start("code"), m.end())
            return num
    return None
