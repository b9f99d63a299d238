"""Cut run-on lines at text cues before segmentation (issue 11).

Real circulars pasted from web pages arrive with several GB/T 9704 elements
on one line: the whole notice flattened onto one line, a 发文字号 printed in
front of the title ("校工会[2012]1号关于…的通知"), the 主送机关 running into
the first sentence ("各分工会:庆祝…"), a signature after an attachment file
name ("…通知.docx校工会"), or a signature and date closing the last line
("…报名表 校工会 2019年3月27日"). The zone rules of
:mod:`pipeline.stages.segment` work on lines, so such a line is cut into the
lines a printed circular would have, by what the text says, not by layout.
A document already laid out line by line has nothing to cut: every cue
must sit inside a line, so the pass leaves such a document unchanged.

Each piece keeps its ``raw`` slice and offsets, so evidence still points at
the printed characters.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Optional

from extractors.dates import FULL_DATE
from extractors.doc_number import parse as parse_doc_number
from extractors.orgs import is_org_name, split_joined, split_orgs, title_endings
from models.document import Block, Document

# Words that open a 主送机关 ("各县总工会", "全体教职工", "所属各分会", "市直各单位").
_ADDRESSEE = re.compile(r"^(?:各|全体|所属|校内|院内|机关|集团|公司|本|直属|有关|市直|区直|县直|市总|"
                        r"[\u4e00-\u9fff]{0,12}(?:各|全体))")
# Words that open a sentence of the body, never an addressee.
_SENTENCE = re.compile(r"^(?:为了?|根据|按照|依据|经|现将|现就|接|近日|值此|随着|在|由于|鉴于|今年|目前)")
_STOP = "。！？!?"
_EXTENSION = re.compile(r"\.(?:docx?|xlsx?|pdf|wps|et|rar|zip|txt)(?=[\u4e00-\u9fff])", re.I)
# 版记 lines that may close a flattened notice.
_CC = re.compile(r"(?:抄送|抄报)\s*[:：]")


def looks_like_recipients(t: str) -> bool:
    """True when ``t`` (without its colon) reads as a 主送机关: short, no
    sentence end, not a sentence opener ("为…", "根据…") nor the
    "…通知如下" lead-in of the body (real/webpages D_15, excerpts E_18)."""
    t = t.strip()
    if not (2 <= len(t) <= 120) or any(c in t for c in _STOP) or t.endswith("如下"):
        return False
    if _SENTENCE.match(t) or re.search(r"(?:通知|安排|事项|事宜|方案)如下|如下$", t):
        return False
    return True


def _title_like(t: str) -> bool:
    """A title up to a 文种 word: no sentence end, and either a 关于 title or
    short and without commas."""
    if not (4 <= len(t) <= 120) or any(c in t for c in _STOP) or _SENTENCE.match(t):
        return False
    return "关于" in t or (len(t) <= 50 and not re.search(r"[，,；;]", t))


def _title_end(t: str) -> Optional[int]:
    """End of a title that opens ``t`` and runs into the addressee
    ("关于…的通知各分工会:…") or the first sentence ("关于…的通知为进一步…"),
    or None."""
    colon = re.search(r"[:：]", t[:240])
    ends = [m.end() for w in title_endings() for m in re.finditer(re.escape(w), t[:200])]
    for e in sorted(set(ends), reverse=True):
        if not _title_like(t[:e]) or e >= len(t):
            continue
        if colon and e < colon.start():
            rest = t[e:colon.start()]
            if rest and _ADDRESSEE.match(rest) and looks_like_recipients(rest):
                return e
        elif t[:e].startswith("关于") or re.match(r"^[\u4e00-\u9fff]{2,30}关于", t[:e]):
            # no addressee: the title is followed by the body; the 文种 word
            # must close a "…的通知" phrase and come before the first comma
            first = re.search(r"[，,。]", t)
            if t[:e].endswith(tuple("的" + w for w in title_endings())) and (not first or e < first.start()):
                return e
    return None


def _front_cuts(t: str) -> list[int]:
    """Cuts in a line at the top of a notice: after "XXX文件", around a
    发文字号 that opens it, after the title, after the addressee's colon."""
    cuts: list[int] = []
    pos = 0
    m = re.match(r"^(.{2,40}?)文件", t)
    if m and is_org_name(m.group(1)) and m.end() < len(t):
        pos = m.end()
        cuts.append(pos)
    hit = parse_doc_number(t[pos:pos + 60])
    if hit and hit[1] <= 1 and pos + hit[2] < len(t):
        pos += hit[2]
        cuts.append(pos)
    e = _title_end(t[pos:])
    if e:
        pos += e
        cuts.append(pos)
    colon = re.match(r"^([^:：]{2,120})[:：]", t[pos:])
    if colon and pos + colon.end() < len(t):
        rest = colon.group(1)
        if _ADDRESSEE.match(rest) and looks_like_recipients(rest):
            cuts.append(pos + colon.end())
    return cuts


def _tail_cuts(b: Block) -> list[int]:
    """Cuts at the end of a line: before a signature + date that close it
    ("…另行通知。校工会2019年3月27日", "…报名表 校工会 2019年3月27日"),
    before a signature after a file name ("…通知.docx校工会"). A line that
    is only "org date印发" (a 版记 line) is left whole."""
    t = b.text
    date = None
    for m in FULL_DATE.finditer(t):
        date = m
    if date and re.fullmatch(r"(?:印发|印制|印)?[。.]?", t[date.end():]):
        start = _signature_start(b, date.start())
        if start is None or (start == 0 and t[date.end():].startswith("印")):
            return []
        return [k for k in (start, date.start()) if k > 0]
    ext = None
    for m in _EXTENSION.finditer(t + "。"):
        ext = m
    if ext and ext.end() < len(t) and _names(t[ext.end():]):
        return [ext.end()]
    return []


def _signature_start(b: Block, end: int) -> Optional[int]:
    """Start of the organisation names that end ``b.text[:end]``: after the
    last sentence end or file name, or after the last spaces the raw line
    printed before them; None when no names end the text there."""
    t = b.text[:end]
    bounds = [m.end() for m in re.finditer(r"[。；;！!？?]", t)]
    bounds += [m.end() for m in _EXTENSION.finditer(t + "。")]
    start = max(bounds, default=0)
    if start < len(t) and _names(t[start:]):
        return start
    # the raw line may print spaces before the names ("…报名表 校工会")
    r0 = b.offsets[start] if start < len(t) else len(b.raw)
    parts = b.raw[r0:b.offsets[end] if end < len(b.text) else len(b.raw)].split()
    k = len(parts)
    while k - 1 >= 1 and _names(parts[k - 1]):
        k -= 1
    cand = "".join(parts[k:])
    if k < len(parts) and t.endswith(cand):
        return len(t) - len(cand)
    return None


def _names(s: str) -> bool:
    """True when ``s`` is only organisation names of a signature (each at
    most 30 characters, no figures, quotes or labels)."""
    s = s.strip()
    if not s or len(s) > 60 or re.search(r"[\d“”《》\"()（）]|附件|联系|电话", s):
        return False
    names = [p for n in split_orgs(s) for p in split_joined(n)]
    return bool(names) and all(is_org_name(p) and len(p) <= 30 for p in names)


def split_block(b: Block, cuts: list[int]) -> list[Block]:
    """``b`` cut at text offsets ``cuts``: pieces with their ``raw`` slices
    and offsets, outer spaces dropped, empty pieces left out."""
    points = [0, *sorted(c for c in set(cuts) if 0 < c < len(b.text)), len(b.text)]
    out: list[Block] = []
    for a, e in zip(points, points[1:]):
        while a < e and b.text[a].isspace():
            a += 1
        while e > a and b.text[e - 1].isspace():
            e -= 1
        if a == e:
            continue
        r0, r1 = b.offsets[a], b.offsets[e] if e < len(b.text) else len(b.raw)
        offs = [o - r0 for o in b.offsets[a:e]] + [r1 - r0]
        out.append(dataclasses.replace(b, raw=b.raw[r0:r1], text=b.text[a:e], offsets=offs,
                                       page_break_before=b.page_break_before and a == 0))
    return out


def reline(doc: Document) -> None:
    """Cut the run-on lines of ``doc`` in place (see the module doc): front
    cues in the first lines of the notice, tail cues in any line that ends
    with a signature (and date)."""
    blocks: list[Block] = []
    front = True
    for k, b in enumerate(doc.blocks):
        if b.kind != "paragraph" or not b.text:
            blocks.append(b)
            continue
        cuts = _front_cuts(b.text) if front and k < 4 else []
        if len(b.text) > 12:
            cuts += _tail_cuts(b)
        if cuts:
            pieces = split_block(b, cuts)
            blocks.extend(pieces)
        else:
            blocks.append(b)
        if len(b.text) > 90 and k >= 1:
            front = False
    doc.blocks[:] = blocks
