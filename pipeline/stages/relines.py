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
import os
import re
from typing import Optional

from extractors.dates import FULL_DATE, compact_readings
from extractors.doc_number import own_number as parse_doc_number
from extractors.orgs import split_joined, title_endings
from extractors.printed import PRINT_RUN
from models.document import Block, Document
from pipeline.stages.chrome import PAGE_TAIL, is_aside, is_page_chrome, nav_prefix_end
from pipeline.stages.headings import ACT_HEADING
from pipeline.stages.rejoin import DATE_ALONE as _DATE_ALONE
from pipeline.stages.rejoin import join_addressee as _join_addressee
from pipeline.stages.rejoin import join_broken_names as _join_broken_names
from pipeline.stages.rejoin import join_open_brackets as _join_open_brackets
from pipeline.stages.rejoin import join_split_dates as _join_split_dates
from pipeline.stages.rejoin import names_only as _names
from pipeline.stages.relines_front import SENTENCE_OPENER, looks_like_recipients  # noqa: F401 (segment)
from pipeline.stages.relines_front import STOP as _STOP
from pipeline.stages.relines_front import front_cuts as _front_cuts
from pipeline.stages.relines_front import (addressee_at_break, aside_end, heading_before_meta, opens_addressee, opens_with_title,
                                           title_after_chrome, title_like)

_FILE_AT_END = re.compile(r"(?<=[。！？!?；;])\s*[^。！？!?；;:：，,]{2,60}\.(?:docx?|xlsx?|pdf|wps|et|rar|zip)\s*$", re.I)
_EXTENSION = re.compile(r"\.(?:docx?|xlsx?|pdf|wps|et|rar|zip|txt)(?=[\u4e00-\u9fff])", re.I)
# 版记 lines that may close a flattened notice.
_CC = re.compile(r"(?:抄送|抄报)\s*[:：]")
_RECORD = re.compile(r"(?:抄送|抄报|报|主题词|关键词)\s*[:：]")  # (报: the superiors a copy goes up to)


def _tail_cuts(b: Block) -> list[int]:
    """Cuts in a line around what closes a notice: a signature + date
    ("…另行通知。校工会2019年3月27日", "…报名表 校工会 2019年3月27日")
    followed by the end, the 版记 or an attachment label; a 版记 ("抄送：…。",
    "XX办公室2021年6月18日印发"); a signature after a file name ("…通知.docx
    校工会"). A line that is only one of these is left whole."""
    t = b.text
    cuts: list[int] = []
    dates = list(FULL_DATE.finditer(t))
    dates += list(re.finditer(r"(?<![0-9])(?:19|20)\d{2}(?:\d{4}|([./\-、])\d{1,2}\1\d{1,2})(?=[|｜\s]*$)", t))
    # a date whose 年/月/日 the page lost ("校工会 202436 【关闭】"): read where it has a reading
    dates += [m for m in re.finditer(r"(?<![0-9])(?:19|20)\d{3,6}(?![0-9])", t) if compact_readings(m.group())]
    dates += [m for m in re.finditer(r"(?<![0-9])(?:19|20)\d{2}年\d{2,4}(?![0-9月])", t) if compact_readings(m.group())]
    # (or all eight figures before the page's own words: "…四川大学工会 20141215 领导邮箱…")
    dates += list(re.finditer(r"(?<![0-9])(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![0-9])(?![|｜\s]*$)", t))
    # (or its figures apart with no 年/月/日, the page's own words after it: "…工会委员会 2024 4 3 同栏目信息")
    dates += [m for m in re.finditer(r"(?<![0-9])(?:19|20)\d{2}\s+\d{1,2}\s+\d{1,2}(?![0-9])", t) if PAGE_TAIL.match(t, m.end())]
    # (or only its 日: "…工会委员会 2011年1月17 版权所有…")
    dates += list(re.finditer(r"(?<![0-9])(?:19|20)\d{2}年\d{1,2}月\d{1,2}(?![0-9日号])", t))
    for m in dates:
        after = t[m.end():]
        # (a print-run note may follow the mark: "…印发（共印120份）", "…印发|共印10份")
        mark = re.match(rf"(?:印发|印制|印)(?![\u4e00-\u9fff]{{0,2}}[章刷]){PRINT_RUN}?",
                        after)
        if mark:  # "XX办公室2021年6月18日印发", "XX办公室印发2012年12月18日印发"
            start = _signature_start(b, m.start() - 2 if t[:m.start()].endswith("印发") else m.start(),
                                     after_date=True)
            if start is not None and _zone_start(after[mark.end():]):
                names = split_joined(t[start:m.start()].removesuffix("印发"))
                if len(names) > 1:  # "抄送:省教育工会绍兴市总工会2018年6月25日印发": one 印发机关
                    start = m.start() - len(names[-1]) - (2 if t[:m.start()].endswith("印发") else 0)
                cuts += [start, m.end() + mark.end()]
        else:
            era = 4 if t[:m.start()].endswith("中华民国") else 2 if t[:m.start()].endswith("民国") else 0
            start = _signature_start(b, m.start() - era)  # "…工会中华民国113年8月19日": the era opens the date
            c = max(t.rfind(",", 0, m.start()), t.rfind("，", 0, m.start())) if start is None else -1
            if c > 0 and _names(t[c + 1:m.start() - era]) and _NOTE_OR_END.fullmatch(after):
                start = c + 1  # "…落实到位,XX局2025年11月25日(联系人:…": a page that printed every 。 as a comma
            # a date closing a sentence's names ("。XX总工会2020年1月6日")
            # is a signature's even when a plan printed after it follows
            # (a stray comma the page left after the sentence: "…多功能厅)。 , XX工会 2015年3月1日")
            stop = start - 2 if start and start > 1 and t[start - 1] in ",，" else (start or 1) - 1
            sentence = start is not None and start > 0 and t[stop] in _STOP and not re.match(
                r"[起前后内止以到至为，,的在及和、—~～-]", after)
            if start is not None and (_zone_start(after) or sentence or _repeats_item(t[:start], after)):
                cuts += [start, m.start() - era, m.end()]
            elif start is None and m.start() > 0 and _zone_start(after) and (
                    t[m.start() - 1] in _STOP or _RECORD.match(after) or _after_contact(b, m.start()) or _after_list(b, m.start())
                    or t[:m.start()].rstrip().endswith(("特此通知", "特此通告", "特此函告"))):
                cuts += [m.start(), m.end()]  # a date alone after the last sentence or before the 版记
    if len(t) > 60 and not any(m.end() >= len(t.rstrip()) for m in dates):  # no date closes the text
        cuts += _undated_tail(b)
    for m in _CC.finditer(t):
        stop = t.find("。", m.end())
        cuts += [m.start()] + ([stop + 1] if stop > 0 else [])
    ext = None
    for m in _EXTENSION.finditer(t + "。"):
        ext = m
    if ext and ext.end() < len(t) and _names(t[ext.end():]):
        cuts.append(ext.end())
    # a file offered for download after the last sentence ("…另行通知。 第四届…报名表.doc"):
    # its own line, as an attachment list of file names prints it
    last = _FILE_AT_END.search(t)
    if last and last.start() > 0:
        cuts.append(last.start())
    # (and one before the 署名 cut off after it: "…运动员。 夏季比赛附件.doc 高新区工会 2012年6月5日")
    cuts += [f.start() for c in cuts if (f := _FILE_AT_END.search(t[:c].rstrip())) and f.start() > 0]
    return sorted(k for k in set(cuts) if 0 < k < len(t))


def _after_contact(b: Block, k: int) -> bool:
    """A date at ``k`` printed apart (a space in ``raw``) after a contact's
    figures ("联系人:刘某 电话:8625300 2022年6月30日"): the 成文日期 of a
    notice with no 署名, not a value of the contact line."""
    before = b.raw[:b.offsets[k]]
    return before[-1:].isspace() and bool(re.search(r"(?:电话|手机|传真|邮箱|联系人)[^。；;]{0,40}[0-9A-Za-z]\s+$", before))


def _repeats_item(before: str, after: str) -> bool:
    """What follows a 署名 and its date opens with the title of an 附件 item listed
    before them ("附件:…推荐对象名单 湖北省…委员会 2024年3月12日 …推荐对象名单 一、…"): the
    attachment's own page, run on after the 成文日期 (one-line text)."""
    labels = re.finditer(r"附件\s*[0-9一二三四五六七八九十]{0,3}\s*[:：]\s*(?:\d{1,2}\s*[.、．]\s*)?", before)
    return any(len(os.path.commonprefix([before[m.end():m.end() + 80], after])) >= 8 for m in labels)


def _after_list(b: Block, k: int) -> bool:
    """A date at ``k`` printed apart after the 附件说明's items ("附件:1.…表
    2.…表 二〇一一年五月三十日 附件1:…"): the 成文日期 of a notice with no
    署名 (GB/T 9704-2012 §7.3.5 follows §7.3.4), not the last item's words."""
    before = b.raw[:b.offsets[k]]
    return before[-1:].isspace() and bool(re.search(r"附件\s*[:：][^。；;]{4,400}\s$", before))


def _heading_before_table(b: Block) -> list[int]:
    """Cuts in a flattened line that a table follows: the last sentence, the
    署名, then the table's heading ("…给予通报表扬。 绍兴市教育工会 绍兴市教育
    工会工作“金点子”征集表"), each printed after a space: an attachment page
    without a label, run onto the notice's last line."""
    t = b.text
    m = re.search(r"[。！？!?]\s*([^。！？!?；;:：，,]{6,100})$", t)
    if not m:
        return []
    a = m.start(1)
    raw_parts = b.raw[b.offsets[a]:].split()
    if len(raw_parts) < 2 or not 4 <= len(re.sub(r"\s", "", raw_parts[-1])) <= 60:
        return []
    n = len("".join(raw_parts[:-1]))  # the printed names, one character for one (t2s)
    if not _names(t[a:a + n]):
        return []
    return [a, a + n]


def _names_line_cut(b: Block, nxt: Optional[Block]) -> list[int]:
    """A 署名 line that a reader (a PDF's paragraph pass) put under the last
    body line or list item of its block ("…电话：0553-3835678\n江东区总工会",
    "…2.疗休养线路及行程安排\n中共江岭大学委员会 江岭大学"): the block's last
    printed line is only organisation names and a date or another name line
    follows, so it is cut off as its own line."""
    nl = b.raw.rstrip().rfind("\n")
    if nl < 0 or nxt is None or nxt.kind != "paragraph":
        return []
    k = next((i for i, o in enumerate(b.offsets[:len(b.text)]) if o > nl), None)
    if not k or not _names(b.text[k:]) or any(c in b.text[k:] for c in "，。：:,"):
        return []
    follows = FULL_DATE.fullmatch(nxt.text.strip()) or _names(nxt.text)
    return [k] if follows else []




def _names_before_date_line(b: Block, nxt: Optional[Block]) -> list[int]:
    """A 署名 run onto the end of the last body line while the 成文日期
    printed on the next line ("…其他事项另行通知。校工会" / "2022年9月26日"):
    the names after a sentence end (or printed spaces) are cut off as their
    own line, as when the date shares their line (:func:`_tail_cuts`)."""
    if nxt is None or nxt.kind != "paragraph" or not _DATE_ALONE.fullmatch(nxt.text):
        return []
    t = b.text
    start = _signature_start(b, len(t))
    if not start or len(t) - start < 3:
        return []
    before = b.raw[:b.offsets[start]]
    return [start] if t[start - 1] in _STOP or before[-1:].isspace() else []


# A date cut short where an excerpt ends ("二○", "2019年3") or typed with its
# separators lost ("2021115"), closing a line.
_STUB_END = re.compile(r"(?:(?<![0-9])(?:19|20)[0-9]{3,6}|[0-9〇○零一二三四五六七八九十OＯ]{1,4}(?:年[0-9一二三四五六七八九十]{0,2}"
                       r"(?:月[0-9一二三四五六七八九十]{0,3})?)?)?$")


# where a page's words may open after an undated 署名: a download, an editor, print buttons
_TAIL_CUE = re.compile(r"附件下载|责编|责任编辑|打印|分享到|[（(]此件")


def _undated_tail(b: Block) -> list[int]:
    """Cuts before a 署名 that closes a flattened text with no date, or with
    a date the excerpt cut short ("…本次活动由所工会主办 XX研究所工会委员会
    二○"): the names must follow a sentence end or a printed space."""
    t = b.text
    stub = _STUB_END.search(t)
    # (a page's column rule after the 署名: "…人事处 |")
    end = stub.start() if stub and stub.group() else len(t.rstrip(" |｜"))
    tail = next((m.start() for m in _TAIL_CUE.finditer(t, max(0, len(t) - 80)) if PAGE_TAIL.match(t, m.start())), None)
    if tail and end == len(t):
        end = tail  # the page's own words after the 署名 ("… 湖南省直属机关工会委员会 责编:admin")
    start = _signature_start(b, end)
    if start is None or start == 0 or (end - start < 3 and t[start:end] not in ("工会", "工會")):
        return []  # (a bare 工会 signs a school's notice: "…统计表 工会")
    before = b.raw[:b.offsets[start]]
    if t[start - 1] not in _STOP and not before[-1:].isspace():
        return []
    return [start] + ([end] if end < len(t) else [])


# a page's words after the 成文日期 of a flattened page: the notice's file offered for
# download ("…的通知.doc"), a view counter ("(本文已被浏览 371 次)"), the poster's label
_PAGE_AFTER_DATE = re.compile(r"[^。，,；;:：]{2,80}?\.(?:docx?|xlsx?|pdf|wps|rar|zip)(?![A-Za-z])"
                              r"|[（(]?\s*(?:本文已被浏览|已被浏览|浏览次数|点击次数|阅读次数|(?:发布|起草|拟稿)人\s*[:：])"
                              r"|[\u4e00-\u9fff]{0,6}联系人\s*[:：]"  # (the reposting body's contact under the date)
                              r"|[-—_=]{5,}"  # (or a page's rule under the notice)
                              r"|(?![)）\]】])[^\u4e00-\u9fff\w]{0,4}[^\u4e00-\u9fff]{0,4}$", re.I)  # (or a few marks a page mangled: "?。ù")


# what may follow a 成文日期 closing a text: nothing, or the 附注 in brackets (GB/T 9704-2012 §7.3.6)
_NOTE_OR_END = re.compile(r"[。.]?|[（(](?:此件|联系人|联系电话|联系方式).*", re.S)


def _zone_start(after: str) -> bool:
    """True when ``after`` (the text after a date) starts what follows a
    成文日期: nothing, the 版记, an attachment label, a 印发 line, the
    发文字号 alone (printed under the date) or a site footer (…地址:, 版权所有)."""
    num = parse_doc_number(after.strip()[:40])
    if num and num[1] == 0 and not after.strip()[num[2]:].strip():
        return True  # "…工会委员会 2024年4月8日 华瑞工〔2024〕6号": the number printed last
    return bool(re.fullmatch(r"[。.]?", after) or _RECORD.match(after) or PAGE_TAIL.match(after)
                or (len(after) > 40 and opens_with_title(after))  # a plan it encloses ("…关于…方案 为…")
                or re.match(r"(?:相关)?附件\s*[0-9一二三四五六七八九十]{0,3}\s*[:：]?|附\s*[:：]", after)
                or _NOTE_OR_END.fullmatch(after)  # the 附注 under the date (§7.3.6)
                or re.match(rf"[^。，,；;:：]{{2,40}}?{FULL_DATE.pattern}(?:印发|印制|印)", after)
                or re.match(r"[^。，,；;:：]{0,30}?(?:地\s*址|版权所有|Copyright)", after)  # a site footer
                or _PAGE_AFTER_DATE.match(after))


# Where a signature may start in a run-on line: after a sentence end, a file
# name, a phone or mail (ASCII), a date, or a word that ends an attachment
# title ("…汇总表杭州市总工会").
_BOUND = re.compile(r"[。；;！!？?|｜]|[0-9A-Za-z)](?=[\u4e00-\u9fff])|日(?=[\u4e00-\u9fff])|"
                    r"(?:表(?![彰格])|单(?!位)|方案|办法|细则|规则|规程|简章|须知|名单|通知|意见|目录|清单|材料(?!科学|学院|与)|要求|标准|指南|说明|决议|纪要)"
                    r"(?=[\u4e00-\u9fff])")  # (not the 表 of 表彰/表格, the 材料 of a 材料学院)


def _signature_start(b: Block, end: int, after_date: bool = False) -> Optional[int]:
    """Start of the organisation names that end ``b.text[:end]``: after the
    nearest boundary (:data:`_BOUND`) whose following text is only names,
    or after the last spaces the raw line printed before them; None when no
    names end the text there. A 版记 org (``after_date``) may follow the
    成文日期 directly."""
    t = b.text[:end]
    bounds = {m.end() for m in _BOUND.finditer(t)} | {0}
    if after_date:  # a 印发机关 may follow the 抄送 list run into it
        bounds |= {m.end() for m in re.finditer(r"[:：]", t)}
    bounds = sorted(bounds, reverse=True)
    for n, k in enumerate(bounds):
        if k < len(t) and (after_date or not t[k - 1:k] == "日" or k == 0) and _names(t[k:]):
            # (and each whole name before it: a joint 署名 sealed apart, "…审批表 A部(章) B工会(章)")
            for k2 in bounds[n + 1:]:
                if not _names(t[k2:k]):
                    break
                k = k2
            if t[k:] in _BODY_ONLY and n + 1 < len(bounds) and t[:k].endswith((")", "）")) and _names(t[bounds[n + 1]:]):
                k = bounds[n + 1]  # "中国地质大学(武汉)工会委员会": a body word names no body alone
            return _same_place_before(t, k)
    # the raw line may print spaces before the names ("…报名表 校工会")
    r0 = 0
    parts = b.raw[r0:b.offsets[end] if end < len(b.text) else len(b.raw)].split()
    k = len(parts)
    while k - 1 >= 1 and _names(parts[k - 1]):
        k -= 1
    spaced = k
    while spaced - 1 >= 1 and len(parts[spaced - 1]) == 1:
        spaced -= 1  # a name spaced out for justification ("校 工 会", "办 公 室")
    if k == len(parts) and len(parts) - spaced >= 2 and _names("".join(parts[spaced:])):
        k = spaced
    cand = "".join(parts[k:])
    # compared in the normalised text: a traditional line is matched simplified
    n = len(cand)
    if k < len(parts) and n <= len(t) and _names(t[len(t) - n:]):
        return _same_place_before(t, len(t) - n)
    return None


def _same_place_before(t: str, k: int) -> int:
    """``k`` moved back over names printed just before it that start with
    the same place as the name at ``k`` ("长汀县总工会|长汀县人力资源和社会
    保障局": a joint signature names bodies of one place)."""
    place = t[k:k + 3]
    while k >= 4:
        q = t.rfind(place, max(0, k - 25), k - 3)
        if q < 0 or not _names(t[q:k]):
            return k
        k = q
    return k


# a body type alone ends a name whose owner the run cut off at a bracket: "…大学(武汉)" + "工会委员会"
_BODY_ONLY = frozenset({"工会", "工会委员会", "委员会", "工会工作委员会", "工会联合会", "总工会"})




def _word_starts(b: Block) -> frozenset[int]:
    """Indices of ``b.text`` that followed whitespace in ``b.raw`` (normalise
    drops the spaces between Chinese words; where a page printed one is a cue)."""
    o = b.offsets
    return frozenset(i for i in range(1, min(len(b.text), len(o)))
                     if o[i] > o[i - 1] + 1 and b.raw[o[i - 1] + 1:o[i]].isspace())


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


















def _heading_left(b: Block, cuts: list[int], starts: frozenset[int]) -> list[int]:
    """Cuts for a page's heading with no 文种 word and its dated meta run on
    (:func:`heading_before_meta`), then the front cues after it, in place of
    front ``cuts`` that all fall after the heading (a clock's colon read as
    an addressee's); ``cuts`` when there is no such heading. ``starts``:
    :func:`_word_starts` of ``b``."""
    p = heading_before_meta(b.text, starts)
    if not p:
        return _title_at_break(b, cuts, starts)
    if any(c <= p for c in cuts):
        return cuts  # (the front cues cut the top already: a title, a 版头, chrome)
    q = p + aside_end(b.text[p:])
    return [p] + ([q] + [q + c for c in _front_cuts(b.text[q:])] if q > p else [p + c for c in _front_cuts(b.text[p:])])


def _title_at_break(b: Block, cuts: list[int], word_starts: frozenset[int]) -> list[int]:
    """Cuts around a title with no 关于 and no addressee that ends where the
    page broke the line ("通知公告 最近更新 校工会举办…比赛的通知 校工会定于…",
    "“我们的节日·元宵”活动方案 元宵佳节是…"): its 文种 word right before a
    printed space, page words alone before it; ``cuts`` when the front cues
    cut the top already or no such title opens the line."""
    t, starts = b.text, sorted(word_starts)
    for e in (e for e in starts if e <= 100):
        if any(c <= e for c in cuts):
            return cuts
        if not (t[:e].endswith(title_endings()) or ACT_HEADING.match(t[:e])) or not re.match(
                r"[\u4e00-\u9fff“\"]", t[e:]) or t[e] in "的之":
            continue  # (or a body's act heading it: "集团工会组织“三八”节活动 “三八”节之际,…")
        bounds = [0, *(w for w in starts if w < e)]
        i = 0  # the title starts after the page's words ("通知公告", "最近更新")
        while i + 1 < len(bounds) and is_page_chrome(t[bounds[i]:bounds[i + 1]]):
            i += 1
        s = bounds[i]
        if not title_like(t[s:e]) or e - s < 6:
            continue
        # (each page word its own line, as printed: the segmenter knows them one by one)
        return sorted({*bounds[1:i + 1], e} | {e + c for c in _front_cuts(t[e:])} | set(cuts))
    return cuts


def _addressee_left(b: Block, cuts: list[int], starts: frozenset[int]) -> list[int]:
    """``cuts`` plus the cuts around a 主送机关 the front cues left inside a
    piece (a page's meta run between the title and the addressee)."""
    bounds = [0, *sorted(set(cuts)), len(b.text)]
    if any(opens_addressee(b.text[c:]) for c in bounds[:-1]):
        return cuts
    for lo, hi in zip(bounds, bounds[1:]):
        # (read on to the text's end: the addressee's colon may close the piece)
        found = addressee_at_break(b.text[lo:], frozenset(i - lo for i in starts if i > lo), limit=min(hi - lo, 400))
        if found:
            return sorted(set(cuts) | {lo + c for c in found})
    return cuts


def reline(doc: Document) -> None:
    """Cut the run-on lines of ``doc`` in place (see the module doc): front
    cues in the first lines of the notice, tail cues in any line that ends
    with a signature (and date)."""
    blocks: list[Block] = []
    front = True
    chrome = 0  # a page's breadcrumb and meta lines above the notice do not count as its lines
    headings: list[str] = []
    doc.blocks[:] = _join_open_brackets(doc.blocks)
    for k, b in enumerate(doc.blocks):
        if b.kind != "paragraph" or not b.text:
            blocks.append(b)
            continue
        page_line = is_page_chrome(b.text)
        if front and (page_line or is_aside(b.text)) and k - chrome < 4:
            chrome += 1
        cuts = _front_cuts(b.text) if front and k - chrome < 4 and not page_line else []
        meta = aside_end(b.text) if front and page_line else 0
        if 0 < meta < len(b.text) and opens_addressee(b.text[meta:]):
            cuts = [meta]  # "发布时间:2024-12-31点击:各分工会:": an empty count, then the addressee
        # the page's heading repeated by the notice's own title line, its addressee and body run on
        # ("关于…的通知" / 发布时间… / "关于…的通知 各团体会员单位:根据…"), below a site's menus
        if not cuts and front and k < 16 and any(b.text.startswith(h) and len(b.text) > len(h) + 5 for h in headings):
            cuts = _front_cuts(b.text)
        if len(b.text) <= 90 and b.text.endswith(title_endings()):
            headings.append(b.text)
        nav = 0
        if front and k - chrome < 4 and len(b.text) > 120:  # a whole page on one line: its menus first
            raw_end = nav_prefix_end(b.raw)
            nav = next((i for i, o in enumerate(b.offsets) if o >= raw_end), 0) if raw_end else 0
            if nav:
                cuts = [nav] + [nav + c for c in _front_cuts(b.text[nav:])]
        starts = _word_starts(b) if front and k - chrome < 4 else frozenset()  # (once per front line)
        start = title_after_chrome(b.text, starts) if front and k - chrome < 4 and len(b.text) > 60 else 0
        if start and start > nav:  # "首页>通知公告 某某总工会关于…的通知发布时间:…": page chrome run into the title
            cuts = sorted({c for c in cuts if c < start} | {start} | {start + c for c in _front_cuts(b.text[start:])})
        if front and k - chrome < 4 and len(b.text) > 30 and not page_line:
            cuts = _addressee_left(b, _heading_left(b, cuts, starts), starts)
        if len(b.text) > 12:
            cuts += _tail_cuts(b)
            nxt = doc.blocks[k + 1] if k + 1 < len(doc.blocks) else None
            cuts += _names_line_cut(b, nxt) + _names_before_date_line(b, nxt)
            if k + 1 < len(doc.blocks) and doc.blocks[k + 1].kind == "table":
                cuts += _heading_before_table(b)
        if cuts:
            pieces = split_block(b, cuts)
            if start:  # the page's words cut off before the title: mark them for segment
                for p in pieces[:len(split_block(b, [c for c in cuts if c <= start])) - 1]:
                    p.origin = "chrome"
            blocks.extend(pieces)
        else:
            blocks.append(b)
        if len(b.text) > 90 and k >= 1:
            front = False
    doc.blocks[:] = _join_addressee(_join_split_dates(_join_broken_names(blocks)))
