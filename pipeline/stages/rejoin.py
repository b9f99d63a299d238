"""Lines joined again before segmentation (issue 11), for :mod:`pipeline.stages.relines`:
a 主送机关 wrapped over lines, a line left inside a short bracket (a 发文字号's 〔 re-broken),
a 署名 broken inside a name, a 成文日期 or its 印发 mark broken off; and the test of a run of
organisation names (a 署名) that the cuts and joins share. Each joined block keeps its raw
lines and offsets, so evidence still points at the printed characters.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Optional

from extractors.dates import FULL_DATE
from extractors.doc_number import lost_separator
from extractors.doc_number import own_number as parse_doc_number
from extractors.orgs import ALIAS_AFTER, SEAL_REMARK, is_org_name, split_joined, split_orgs, title_endings
from models.document import Block
from pipeline.stages.chrome import is_page_chrome
from pipeline.stages.relines_front import ADDRESSEE as _ADDRESSEE
from pipeline.stages.relines_front import STOP as _STOP
from pipeline.stages.relines_front import looks_like_recipients


# A line that is a 成文日期 alone, perhaps cut short by a wrap ("2022年9" / "月26日").
DATE_ALONE = re.compile(r"\s*(?:(?:19|20)\d{2}|[〇○零一二]{1}[〇○零一二三四五六七八九]{3})\s*年"
                         r"[0-9一二三四五六七八九十〇○]{0,3}月?[0-9一二三四五六七八九十〇○]{0,3}日?\s*")


def names_only(s: str) -> bool:
    """True when ``s`` is only organisation names of a signature (each at
    most 30 characters, no figures, quotes or labels; a place in brackets
    inside a name allowed: "中国地质大学(武汉)工会委员会")."""
    s = re.sub(r"[（(][筹籌][)）]", "", SEAL_REMARK.sub("", s.strip()))  # ("…协会(筹)": a body still being set up)
    s = re.sub(r"[（(]([\u4e00-\u9fff]{2,6})[)）](?=[\u4e00-\u9fff])", r"\1", s)
    s = ALIAS_AFTER.sub("", s)  # ("…群团工作部(总工会、团委、妇联)": the bodies it stands for)
    if re.fullmatch(r"[“\"][^“”\"]{2,20}[”\"][\u4e00-\u9fff]{2,10}", s):
        s = re.sub(r"[“”\"]", "", s)  # "“三届三次双代会”主席团": a meeting's body, the meeting quoted
    if not s or len(s) > 60 or re.search(r"[\d“”《》\"()（）]|附件|联系|电话|点击|下载|老师|先生|女士", s):
        return False
    names = [p for n in split_orgs(s) for p in split_joined(n)]
    return bool(names) and all(is_org_name(p) and len(p) <= 30 for p in names)


def join_blocks(a: Block, b: Block) -> Block:
    """One paragraph from ``a`` and the line ``b`` that continues it; the
    raw texts are joined by a newline, the offsets shifted to match."""
    offs = a.offsets[:-1] + [o + len(a.raw) + 1 for o in b.offsets]
    return dataclasses.replace(a, raw=a.raw + "\n" + b.raw, text=a.text + b.text, offsets=offs)


def join_addressee(blocks: list[Block]) -> list[Block]:
    """A 主送机关 wrapped over up to four lines under the title (a text
    re-broken at a fixed width) joined into one line: lines that open with an
    addressee word, hold no sentence end and close with a colon."""
    endings = title_endings()
    for k in range(0, min(len(blocks), 12)):
        above = "".join(b.text for b in blocks[max(0, k - 2):k] if b.kind == "paragraph")
        first = blocks[k]
        if first.kind != "paragraph" or first.text.endswith((":", "：")) or not _ADDRESSEE.match(first.text):
            continue
        if first.text.endswith(endings) and first.text.startswith("关于"):
            continue  # "关于在县直各有关单位…的通知" printed again: a title, whatever 各 it holds
        # under the title or the 发文字号, perhaps past a 签发人 or meta line between them; or
        # at the top of an excerpt (under a widget's stray word: "朗读")
        # (at the top, a list broken after a separator, or inside a word when its first line is a
        # list and the lines hold no title's words or figures: a title may open with 机关…/各… —
        # "各区总工会,…、开发区" / "工会:")
        top = all(len(b.text) <= 12 and not re.search(r"[，。；：:,;]", b.text) for b in blocks[:k]) and "关于" not in first.text
        under = above.endswith(endings) or any(parse_doc_number(b.text) or b.text.endswith(endings)
                                               for b in blocks[max(0, k - 4):k] if b.kind == "paragraph")
        if not (top or under):
            continue
        for j in range(k + 1, min(len(blocks), k + 4)):
            run = blocks[k:j + 1]
            if any(b.kind != "paragraph" or len(b.text) > 45 or any(c in b.text for c in _STOP) for b in run):
                break
            text = "".join(b.text for b in run)
            wrapped = first.text.endswith(("、", "，", ",", "；", ";")) or (  # (";": groups of addressees)
                re.search(r"[、，,]", first.text) and not re.search(r"\d", text) and not any(e in text for e in endings))
            if text.endswith((":", "：")) and looks_like_recipients(text[:-1]) and (under or wrapped):
                merged = run[0]
                for b in run[1:]:
                    merged = join_blocks(merged, b)
                return blocks[:k] + [merged] + blocks[j + 1:]
    return blocks


def _open_bracket(t: str) -> Optional[int]:
    """Index of the last bracket of ``t`` left open at its end, or None."""
    stack: list[int] = []
    for i, c in enumerate(t):
        if c in "（([［【〔":
            stack.append(i)
        elif c in "）)]］】〕" and stack:
            stack.pop()
    return stack[-1] if stack else None


def join_open_brackets(blocks: list[Block]) -> list[Block]:
    """Lines joined where a wrap fell inside a short bracket ("…的通知(衡" /
    "工办发[2026]2号" / ")各县…:"): the line above leaves a bracket open
    within its last 25 characters and this line closes it within its first
    25, or is a short piece with no sentence punctuation still inside it."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        o = _open_bracket(prev.text) if prev is not None and prev.kind == b.kind == "paragraph" else None
        if o is not None and ((is_page_chrome(prev.text) and prev.text[o] in "【[") or lost_separator(prev.text)):
            o = None  # "【字体:" (a widget, its buttons lost), "九工通〔201940" (a 发文字号, its 〕 lost): whole lines
        if o is not None and len(prev.text) - o <= 25 and b.text:
            closes = re.search(r"[）)\]］】〕]", b.text[:25])
            inside = len(b.text) <= 25 and not re.search(r"[。；;，,！？!?:：]", b.text)
            if closes or inside:
                out[-1] = join_blocks(prev, b)
                continue
        out.append(b)
    return out


def _printed_mark_cut(a: str, b: str) -> bool:
    """True when the 印发 mark of a 版记 date went onto the next line
    ("…办公室 2023年3月16日" / "印发", "…16日印" / "发")."""
    return bool(re.search(rf"{FULL_DATE.pattern}(?:印)?$", a)) and (
        b in ("印发", "印制", "印") or (a.endswith("印") and b in ("发", "制")))


def join_broken_names(blocks: list[Block]) -> list[Block]:
    """A 署名 line broken inside a name ("成都市劳动竞赛委员会　成都市经济和信息化" /
    "局") joined into one line: the first part is not a run of organisation
    names, both together are, neither holds punctuation, and the first part
    prints whole names before the broken one (wide spaces), or a date line
    follows and the second part is no name of its own ("特此通知" /
    "XX工会委员会" stay apart)."""
    out: list[Block] = []
    for k, b in enumerate(blocks):
        prev = out[-1] if out else None
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if (prev is not None and prev.kind == b.kind == "paragraph"
                and len(prev.text) + len(b.text) <= 60
                and not re.search(r"[，。：:；;,]", prev.text + b.text)
                and (_whole_names_first(prev.raw) or (nxt is not None and DATE_ALONE.fullmatch(nxt.text)
                                                      and not names_only(b.text)))
                and not names_only(prev.text) and names_only(prev.text + b.text)):
            out[-1] = join_blocks(prev, b)
        else:
            out.append(b)
    return out


def _whole_names_first(raw: str) -> bool:
    """True when ``raw`` prints two or more parts set apart by wide spaces and
    each but the last is an organisation name."""
    parts = re.split(r"\s{2,}|\u3000+", raw.strip())
    return len(parts) >= 2 and all(names_only(p) for p in parts[:-1])


def join_split_dates(blocks: list[Block]) -> list[Block]:
    """Short lines joined where a full date is broken between them
    ("…2012年12月1" / "8日印发") or its 印发 mark went onto the next line,
    so the date line reads as one."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == b.kind == "paragraph" and len(prev.text) <= 45
                and (any(m.start() < len(prev.text) < m.end()
                         for m in FULL_DATE.finditer(prev.text + b.text[:12]))
                     or _printed_mark_cut(prev.text, b.text))):
            out[-1] = join_blocks(prev, b)
        else:
            out.append(b)
    return out
