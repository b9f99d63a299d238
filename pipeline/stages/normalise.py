"""Normalise a read ``Document`` in place: text fit for matching, with an
offset map back to what the reader produced.

Rules (issue "End to end" §4; ANNOTATION.md):

* full-width → half-width where meaning is kept: digits, ASCII letters, ＠,
  ：, ．(in numbers), ％, ＋－／ and full-width space; the 〔〕 of a
  发文字号 and other CJK punctuation (，。、（）《》“”) are kept;
* Kangxi / CJK-radical look-alikes → unified ideographs (NFKC on those
  blocks only);
* spaces (ASCII, full-width, NBSP, tabs in paragraphs) inside Chinese runs
  removed — "2018 年 2 月 28 日" → "2018年2月28日", "张  琳" → "张琳",
  "联 系 人" → "联系人" — but kept between two ASCII letters/digits
  ("138 5728 6264" stays for the phone rules to judge);
* paragraphs split by a page break (or a hard line wrap) rejoined: a long
  body line that ends without closing punctuation followed by a line that
  does not start a heading or label is one paragraph (seed 000 "立" / "足本职").

``Block.offsets[i]`` is the index in ``Block.raw`` of ``Block.text[i]``,
so evidence found in ``text`` maps back exactly.
"""
from __future__ import annotations

import re
import unicodedata

from models.document import Block, Document

_FW_KEEP = {
    "＠": "@", "：": ":", "％": "%", "＋": "+", "－": "-", "／": "/", "．": ".",
    "\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
    "\u200b": "",  # zero-width space: drop
    "\ufeff": "",
}
_SPACES = " \t\u3000\u00a0\u2002\u2003\u2009"


def _char_map(ch: str) -> str:
    o = ord(ch)
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return chr(o - 0xFEE0)  # full-width digits and letters
    if 0x2F00 <= o <= 0x2FDF or 0x2E80 <= o <= 0x2EFF or 0xF900 <= o <= 0xFAFF:
        return unicodedata.normalize("NFKC", ch)  # radicals / compatibility ideographs
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
    r"^(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|"
    r"附件|抄送|联系人|联系电话|电话|邮箱|电子邮箱|备注|注[:：]|[—-]{2}|第[一二三四五六七八九十\d]+[条章])"
)
_ENDS_OPEN = re.compile(r"[\u4e00-\u9fff\d、，“‘（(《a-zA-Z]$")
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
    if len(a) < 40 or not b or not _ENDS_OPEN.search(a) or a.endswith(_CLOSING_WORDS):
        return False
    if _STARTS_UNIT.match(b) or "\t" in b:
        return False
    return bool(re.match(r"[\u4e00-\u9fff\d“‘（(《a-zA-Z，、]", b))


def normalise(doc: Document) -> Document:
    """Fill ``text``/``offsets`` of every block of ``doc`` (in place) and
    rejoin paragraphs split across pages. Returns ``doc``.

    Table blocks: each cell's text is normalised (``Cell.raw`` keeps the
    original) and the block text rebuilt as rows joined by ``\\n`` and cells
    by ``\\t``; its offsets are positional (cell text offsets are not mapped).
    """
    for b in doc.blocks:
        if b.kind == "table" and b.grid is not None:
            for c in b.grid.cells:
                if not c.raw:
                    c.raw = c.text
                c.text, _ = normalise_text(c.raw)
            b.text = "\n".join("\t".join(r) for r in b.grid.row_texts())
            b.offsets = list(range(len(b.text) + 1))
        else:
            b.text, b.offsets = normalise_text(b.raw)
    merged: list[Block] = []
    for b in doc.blocks:
        if not b.text.strip() and b.kind == "paragraph":
            continue  # empty paragraphs carry nothing and break zone rules
        if merged and _joinable(merged[-1], b):
            p = merged[-1]
            base = len(p.raw)
            p.raw = p.raw + b.raw
            p.offsets = p.offsets[:-1] + [base + o for o in b.offsets]
            p.text = p.text + b.text
            continue
        merged.append(b)
    doc.blocks = merged
    return doc
