"""Segment a normalised ``Document`` into the zones of GB/T 9704-2012 §7.

版头 (§7.2: 发文机关标志, 发文字号, 签发人) · 主体 (§7.3: 标题, 主送机关,
正文, 附件说明, 发文机关署名, 成文日期) · 版记 (§7.4: 抄送机关, 印发机关
和印发日期) · each 附件 body (§7.3.7 / §8).

The rules read the normalised text and, where a reader supplies them, style
cues (red or large 发文机关标志). Layouts vary — 版记 before the attachments
(seed 000) or at the very end (seed 001), an enclosed plan after the
成文日期 (seed 004) — so zones are found by what a line *is*, not only by
where it sits.
"""
from __future__ import annotations

import re
from typing import Optional

from extractors._common import undoubled
from extractors.cc import RECORD_LABEL
from extractors.dates import DAY_LOST_LINE, NUMERIC_DATE_LINE, compact_readings
from extractors.doc_number import lost_separator
from extractors.doc_number import own_number as parse_doc_number
from extractors.orgs import NAME_REST, is_org_name, split_orgs
from extractors.recipients import FIELD_LABEL
from extractors.title import quoted_notice
from models.document import Block, Document, Zones
from pipeline.stages.attachment_zones import attachment_zone, continues_item, followed_by_items
from pipeline.stages.chrome import (CUT_SHORT, footer_start, is_meta_rest, is_page_chrome, page_top_end, skip_aside,
                                    top_bar)
from pipeline.stages.headings import (ACT_HEADING, NUMBER_AFTER_TITLE, drop_label_lead, heading_above, heading_over_head,
                                      headline_over_meta, is_title_end, own_front_below)
from pipeline.stages.lines import (BARE_ITEM, BARE_LABEL, CC_START, DATE_LINE, GLUED_LABEL, LABEL_ALONE, LIST_ITEM, LIST_START,
                                   glued_list_end, is_org_line, spaced_item, spaced_list_start)
from pipeline.stages.relines import SENTENCE_OPENER, looks_like_recipients, reline

def _is_header_line(b: Block) -> bool:
    t = b.text
    if t.endswith("文件") and len(t) <= 60:
        return True
    styled = (b.color or "").upper().startswith(("FF", "C0", "E")) or (b.size or 0) >= 22
    return styled and is_org_line(b)


def segment(doc: Document) -> Zones:
    """Attach :class:`Zones` to ``doc`` (in place) and return them."""
    z = Zones()
    doc.zones = z
    reline(doc)  # one-line and run-on texts: cut at text cues first
    blocks = doc.blocks
    n = len(blocks)
    if n == 0:
        return z
    # a saved web page's heading (html reader) is the title only when the
    # notice itself prints none (real/README.md "The circular is annotated")
    # (a heading broken over lines by a <br> is one heading: its lines up to a 文种 word)
    start = 0
    while doc.format == "html" and start < n and blocks[start].origin == "header" and (
            start == 0 or (start < 3 and len(blocks[start].text) <= 30 and not _opens_front(blocks[start].text)
                           and not re.search(r"[，。：:；;,]", blocks[start].text))):
        start += 1
        if is_title_end("".join(b.text for b in blocks[:start])):
            break
    # a saved page's site name, menus and breadcrumb above the notice are the page's, not its own
    heading, top = start, page_top_end(blocks[:60])
    start = max(start, top)
    while start < n and blocks[start].origin == "chrome":
        start += 1  # page words that relines cut off before the title of a one-line page
    while start < n and re.fullmatch(r"\d{1,3}[、.．]?", blocks[start].text.strip()):
        start += 1  # a page's number or a sharing site's item number above the notice
    # -- 版头 (§7.2), 标题 (§7.3.1), and the reposting body's lines before them
    z.head, z.title, i, z.body = _front(blocks, start)
    if not z.title and z.head and heading_over_head(blocks[z.head[0]]):
        z.title = [z.head.pop(0)]  # the title (or the page's heading) printed above the 版头 and 发文字号
    if not z.title and heading > top:
        z.title = list(range(top, heading))
    # -- 主送机关 (§7.3.2): the addressee line ending with a colon.
    i = skip_aside(blocks, i)
    i = own_front_below(blocks, z, i)
    if not z.title and not z.head and i + 1 < n and not _is_recipients(blocks[i]):
        # a page heading with no 文种 word, then the addressee or the page's meta lines
        j = skip_aside(blocks, i + 1)
        if j < n and (_is_recipients(blocks[j]) or j > i + 1) and heading_above(blocks, i, j):
            z.title, i = [i], j
            z.body = [k for k in z.body if k != z.title[0]]
    if i + 1 < n and FIELD_LABEL.fullmatch(blocks[i].text) and (
            looks_like_recipients(blocks[i + 1].text.rstrip(":："))):
        i += 1  # a site's form field "主送机关:" on its own line, its value on the next
        z.recipients = i
        i += 1
    elif i < n and _is_recipients(blocks[i]):
        z.recipients = i
        i += 1
    else:
        i = _late_recipients(blocks, i, z)
    # -- 附件 bodies: a label alone on its line ("附件1", "附件 2:", "附件一").
    labels = [j for j in range(i, n) if blocks[j].kind == "paragraph"
              and LABEL_ALONE.match(blocks[j].text) and not followed_by_items(blocks, j)
              and not _signature_follows(blocks, j)]
    main_end = labels[0] if labels else n
    record_tail = _trailing_record(blocks, max(i, main_end))
    _main_part(blocks, i, min(main_end, record_tail), z)
    for k, lab in enumerate(labels):
        end = labels[k + 1] if k + 1 < len(labels) else record_tail
        z.attachments.append(attachment_zone(blocks, lab, end))
    z.record.extend(range(record_tail, n))
    z.record = sorted(set(z.record))
    if len(z.title) >= 2 and blocks[z.title[0]].text.removeprefix("《").removesuffix("》") == blocks[z.title[1]].text:
        z.title.pop(0)  # the page's heading repeating the circular's own title line (perhaps in 《》)
    _page_lines(blocks, top, z)
    _byline(blocks, z)
    _site_footer(blocks, z)
    return z


def _byline(blocks: list[Block], z: Zones) -> None:
    """A 署名 and date printed under the title, above the addressee and the
    whole body ("办公室 / 2011-07-18"), are a web page's byline, not the
    notice's (GB/T 9704-2012 §7.3.5: the 署名 follows the 正文)."""
    if z.date is None or not z.body or z.date > min(z.body) or len(z.body) < 2:
        return
    z.page = sorted({*z.page, *z.signature, z.date})
    z.signature, z.date = [], None
    first = min(z.body)
    if z.recipients is None and _is_recipients(blocks[first]):
        z.recipients = first
        z.body.remove(first)


def _site_footer(blocks: list[Block], z: Zones) -> None:
    """Move a site footer at the end (the owner's name, 地址, 邮编, 电话 …:
    :func:`chrome.footer_start`) out of every zone into ``z.page``."""
    foot = footer_start([b.text if b.kind == "paragraph" else "" for b in blocks],
                        lambda t: len(t) <= 40 and bool(split_orgs(t)))
    if foot is None:
        return
    gone = set(range(foot, len(blocks)))
    for name in ("body", "signature", "record", "attachment_list"):
        setattr(z, name, [k for k in getattr(z, name) if k not in gone])
    if z.date in gone:
        z.date = None
    for a in z.attachments:
        a.blocks = [k for k in a.blocks if k not in gone]
    z.page = sorted(set(z.page) | gone)


def _page_lines(blocks: list[Block], top: int, z: Zones) -> None:
    """Move a page's lines into ``z.page`` (out of the body): everything above
    its breadcrumb (``top``) and every navigation or meta line in no other zone."""
    zoned = {*z.head, *z.title, z.recipients, *z.attachment_list, *z.signature, z.date, *z.record,
             *(k for a in z.attachments for k in [a.label_block, *a.blocks])}
    page = set(range(top)) - zoned
    page |= {k for k in range(len(blocks)) if k not in zoned and blocks[k].kind == "paragraph"
             and is_page_chrome(blocks[k].text)}
    first = min([*z.head, *z.title], default=0)  # (a site's top bar above the notice: "职工投稿: …@163.com")
    page |= {k for k in range(first) if k not in zoned and top_bar(blocks[k].text)}
    z.page = sorted(page)
    z.body = [k for k in z.body if k not in page]


def _late_recipients(blocks: list[Block], i: int, z: Zones) -> int:
    """The addressee under up to three of a page's stray short lines ("朗读", "责编": a widget's or
    an editor's label), with the body's first sentence under it ("市总工会:" / "认真开展…" is a
    headline's split). Sets ``z.recipients`` and returns the index after it, else ``i``."""
    for j in range(i, min(len(blocks), i + 4)):
        nxt = blocks[j + 1].text if j + 1 < len(blocks) else ""
        if _is_recipients(blocks[j]) and (re.search(r"[，。；,;]", nxt) or len(nxt) >= 20):  # (or its wrapped line)
            z.recipients = j
            return j + 1
        t = blocks[j].text
        if blocks[j].kind != "paragraph" or len(t) > 12 or re.search(r"[，。；！？,;:：!?、]", t):
            break
    return i


def _opens_front(t: str) -> bool:
    """True when ``t`` opens the notice's own front: a 发文字号 or a title."""
    return bool(parse_doc_number(t)) or t.startswith(("关于", "转发"))


# How an addressee line ends when a web page dropped its colon ("各分工会").
_ADDRESSEE_END = re.compile(r"(?:工会|单位|部门|会员|老师|教职工|职工|同志|同仁|学院|学校|科室|处室|小组|支部|分会|委员会|团委|团总支|协会|学会|队)$")


def _is_recipients(b: Block) -> bool:
    """A 主送机关 line: ends with a colon and reads as an addressee, not as
    the body's "…通知如下:" lead-in; or, with the colon lost, a short line
    of "各…" addressees ending in a body word ("各分工会")."""
    t = b.text
    if b.kind != "paragraph" or len(t) > 200 or LIST_START.match(t):
        return False
    if t.endswith((":", "：")):
        return looks_like_recipients(t[:-1])
    return (len(t) <= 60 and t.startswith(("各", "全体")) and looks_like_recipients(t)
            and bool(_ADDRESSEE_END.search(t)))


def _front(blocks: list[Block], start: int) -> tuple[list[int], list[int], int, list[int]]:
    """``(head, title, next, preamble)`` at the top of the notice.

    A 发文字号 may follow the title ("关于…的通知" / "通工办〔2012〕178号").
    A reposted circular may follow lines the reposting body wrote ("各位教师:
    接…通知…"): when no title opens the text, or the title found has no
    addressee under it, a title with an addressee line under it within the
    next lines is the circular's, and the lines before it are body."""
    head_end = _find_head(blocks, start)
    head = list(range(start, head_end))
    # sentences and an addressee above the 发文字号 are the reposting body's,
    # and so is every line above the last of them (a sentence wrapped over
    # lines of which only some hold punctuation)
    lead = max((k + 1 for k in range(len(head) - 1) if _is_sentence(blocks[head[k]])), default=0)
    preamble, head = head[:lead], head[lead:]
    if head and NUMBER_AFTER_TITLE.search(blocks[head[-1]].text) and is_title_end(blocks[head[-1]].text):
        return head[:-1], [head[-1]], head_end, preamble  # "关于…的通知（甬工〔2020〕5号）"
    if head and parse_doc_number(blocks[head[-1]].text):
        pre = _title_before(blocks, head[:-1])
        after, j = _find_title(blocks, head_end)
        if pre and after and j < len(blocks) and _is_recipients(blocks[skip_aside(blocks, j)]):
            # a page heading above the 发文字号 and the circular's own title under it: the latter
            return [h for h in head if h not in pre], after, j, preamble + pre
        if pre:
            return [h for h in head if h not in pre], pre, head_end, preamble
        return head, *_find_title(blocks, head_end), preamble
    title, i = _find_title(blocks, head_end)
    i = skip_aside(blocks, i)
    # a reposting body's own "转发…" title yields to the circular it reposts
    reposting = bool(title) and blocks[title[0]].text.startswith("转发")
    if title and i < len(blocks) and _is_recipients(blocks[i]) and not reposting:
        return head, title, i, []
    # (a later title starts after the lines of the one found: "转发《…的" / "通知》" / "关于…的通知")
    for k in range(title[-1] + 1 if title else head_end + 1, min(len(blocks), head_end + 8)):
        if any(b.kind == "paragraph" and (LABEL_ALONE.match(b.text) or LIST_START.match(b.text)) for b in blocks[k - 1:k + 1]):
            break  # at an 附件 label (under the notice's own 成文日期): what follows is its attachment
        k_top = skip_aside(blocks, k)
        k_head = _find_head(blocks, k_top) if not head else k_top  # (its own 版头 under a page heading)
        later, j = _find_title(blocks, k_head)
        own_head = list(range(k_top, k_head))
        if not later and not head and k_head > k_top:  # its own title, then the 发文字号 under it
            later, j = _find_title(blocks, k_top)
            own_head = list(range(j, _find_head(blocks, j))) if later else []
            later, j = (later, j + len(own_head)) if own_head else ([], j)
        j = skip_aside(blocks, j)
        if later and j < len(blocks) and _is_recipients(blocks[j]):
            return head + own_head, later, j, list(range(head_end, k))
    return head, title, i, []


def _is_sentence(b: Block) -> bool:
    """A body sentence or an addressee line, never part of a 版头."""
    t = b.text
    return b.kind == "paragraph" and (len(t) > 60 or bool(re.search(r"[，。；！？,;!]|[\u4e00-\u9fff]\.$", t))
                                      or _is_recipients(b))  # (a web page may close it with ".")


def _title_before(blocks: list[Block], lines: list[int]) -> list[int]:
    """The title lines at the end of ``lines`` (just above a 发文字号)."""
    run: list[int] = []
    for j in reversed(lines):
        b = blocks[j]
        if b.kind == "paragraph" and skip_aside(blocks, j) > j and not run:
            continue  # a page's meta line between the title and the 发文字号
        if b.kind != "paragraph" or _is_header_line(b) or len(run) >= 5 or skip_aside(blocks, j) > j:
            break
        if re.search(r"(?:电话|热线|邮箱|传真)\s*[:：]", b.text):
            break  # "咨询电话:0712-…" a site's top bar: no title line holds a contact field
        run.insert(0, j)
    if run and not is_title_end(blocks[run[-1]].text):
        return []
    # the 发文机关标志 lines above a 关于 title, printed with no "文件", are the 版头's
    k = next((i for i, j in enumerate(run) if blocks[j].text.startswith(("关于", "转发"))), 0)
    return run[k:] if all(is_org_line(blocks[j]) for j in run[:k]) else run


def _find_head(blocks: list[Block], start: int = 0) -> int:
    """Index of the first block after the 版头 (``start`` when there is none)."""
    limit = min(len(blocks), start + 8)
    for j in range(start, limit):
        if blocks[j].kind == "paragraph" and len(blocks[j].text) <= 60 and (
                parse_doc_number(blocks[j].text) or lost_separator(blocks[j].text)) and (
                not is_page_chrome(blocks[j].text)  # (a law database's meta line cites the number: "【发文字号】…")
                and not (LIST_START.match(blocks[j].text) or BARE_LABEL.match(blocks[j].text))):
            # (an 附件 item citing its own number, "附件:1.关于…的通知(苏工发〔2023〕5号)", is no 版头)
            # after body sentences it is the 版头's only when a title follows
            # (a reposted circular); else it sits under the date (excerpts); never
            # under an 附件 label (the attached circular's own first page)
            if any(LIST_START.match(blocks[k].text) or LABEL_ALONE.match(blocks[k].text) for k in range(start, j)):
                break
            if (not any(_is_sentence(blocks[k]) for k in range(start, j)) or _find_title(blocks, j + 1)[0]
                    or is_title_end(blocks[j].text) or _title_before(blocks, list(range(start, j)))):
                return j + 1
            break
    # a 发文机关标志 broken over lines ("绍兴市总工" / "会文件"): short lines up to "…文件"
    for j in range(start, min(limit, start + 3)):
        b = blocks[j]
        if b.kind != "paragraph" or len(b.text) > 25 or re.search(r"[，。：:；]", b.text):
            break
        if b.text.endswith("文件") and j > start:
            return j + 1
    end = start
    for j in range(start, limit):
        b = blocks[j]
        if b.kind != "paragraph":
            break
        if _is_header_line(b) or (is_org_line(b) and j + 1 < limit and
                                  any(_is_header_line(blocks[k]) for k in range(j + 1, limit))):
            end = j + 1
            if b.text.endswith("文件"):
                break
        elif re.match(r"^(签发人|签发|密级|紧急程度|特急|加急|[★*]|[━─—-]{3,})", b.text):
            end = j + 1
        else:
            break
    if 0 < end < limit and blocks[end - 1].text.endswith("文件") and _BARE_NUMBER.match(blocks[end].text):
        end += 1  # the 发文字号 under the 标志 with its 号 lost ("衡江院工字[2017]7")
    return end


# a 发文字号 whose 号 a web copy dropped: 机关代字, bracketed year, 序号, nothing else
_BARE_NUMBER = re.compile(r"^[\u4e00-\u9fff]{2,10}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*\d{1,4}$")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．,，]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d))")


_CUT_SHORT = re.compile(CUT_SHORT + "$")  # a page's heading cut short


def _find_title(blocks: list[Block], i: int) -> tuple[list[int], int]:
    n = len(blocks)
    i = skip_aside(blocks, i)
    j = i
    lines: list[int] = []
    while j < n and len(lines) < 5:
        b = blocks[j]
        if b.kind == "paragraph" and (is_page_chrome(b.text) or _CUT_SHORT.search(b.text) or is_meta_rest(blocks, j)
                                      or top_bar(b.text)):
            if len(lines) == 1 and headline_over_meta(blocks[lines[0]].text, b.text):
                return lines, j + 1  # "快来报名!…托管班即将开班" / "发布时间:2025-06-27…": the page's headline
            lines = []  # a title starts after the page's breadcrumb, menu, meta line, cut heading or top bar
            j = max(j + 1, skip_aside(blocks, j))  # (and the rest of a meta line a wrap cut: "…浏览:187" / "5次")
            continue
        if not lines and b.kind == "paragraph" and quoted_notice(b.text):
            return [j], j + 1  # "近日,…发布《关于…的通知》:" over the notice it quotes
        if b.kind != "paragraph" or b.text.endswith((":", "：")) or len(b.text) > 90:
            break
        # a sentence or a numbered heading ("一、活动安排") is never a title line,
        # nor the body's lead-in ("根据…精神，…现将有关事项通知" wrapped before 如下)
        if re.search(r"[。！？；;]", b.text) or _NUMBERED.match(b.text) or DATE_LINE.match(b.text) or (
                not lines and (SENTENCE_OPENER.match(b.text) or re.search(r"现将|现就", b.text))):
            break  # nor a date line (the reposting body's own signed date above the circular)
        lines.append(j)
        # the 文种 word may itself be broken over two lines ("…的通" / "知")
        joined = "".join(blocks[k].text for k in lines)
        # a 《 still open means the line broke inside the quoted title ("…实施方案" / "》的通知")
        if is_title_end(joined) and joined.count("《") <= joined.count("》"):
            nxt = blocks[j + 1] if j + 1 < n else None
            if nxt is not None and nxt.kind == "paragraph" and re.fullmatch(r"[的之][\u4e00-\u9fff]{1,6}", nxt.text) \
                    and is_title_end(nxt.text):
                return lines + [j + 1], j + 2  # "关于…采购方案" / "的通知": a 文种 word inside the title, its end below
            return drop_label_lead(blocks, lines), j + 1
        j += 1
    # no document-type word: accept a single "关于…" line as the title, or a heading that names
    # a body's act ("集团工会组织“三八”节活动": the issuer's own heading, real excerpts)
    if lines and (blocks[lines[0]].text.startswith("关于") or ACT_HEADING.match(blocks[lines[0]].text)):
        return lines[:1], lines[0] + 1
    return [], i


def _dated_org(blocks: list[Block], k: int) -> bool:
    """Line ``k`` is an org line over a date line (a 印发 line that lost 印发), no wrapped 抄送 rest."""
    return (k + 1 < len(blocks) and is_org_line(blocks[k]) and blocks[k + 1].kind == "paragraph"
            and _date_parts(blocks[k + 1].text) is not None)


def _signature_follows(blocks: list[Block], j: int) -> bool:
    """True when the "附件:" at ``j`` has only the 署名 (≤ 2 org lines) and 成文日期 under it:
    a 附件说明 whose items the page lost, not the label of an attachment below (UL reviews)."""
    k = j + 1
    while k < len(blocks) and k <= j + 2 and blocks[k].kind == "paragraph" and is_org_line(blocks[k]):
        k += 1
    return k < len(blocks) and blocks[k].kind == "paragraph" and _date_parts(blocks[k].text) is not None


def _trailing_record(blocks: list[Block], start: int) -> int:
    """Index where the 版记 at the end of the document begins (``len`` when
    none): 抄送 lines, 印发 lines and their continuations, scanning back."""
    n = len(blocks)
    j = n
    seen = False
    while j - 1 >= start:
        b = blocks[j - 1]
        if b.kind != "paragraph":
            break
        t = b.text
        m = DATE_LINE.match(t)
        if CC_START.match(t) or (m and m.group("printed")):
            seen = True
            j -= 1
            continue
        if seen and (is_org_line(b) or len(t) <= 30):
            # the 印发机关 line above a "…印发" date line, or a wrapped 抄送 tail
            j -= 1
            continue
        if not seen and len(t) <= 30 and j - 2 >= start and CC_START.match(blocks[j - 2].text):
            j -= 1  # "局，市工商联。" wrapped from the 抄送 line above
            continue
        break
    return j if seen else n


def _main_part(blocks: list[Block], start: int, end: int, z: Zones) -> None:
    """Classify 正文, 附件说明, 署名, 成文日期 and inline 版记 lines."""
    j = start
    in_list = False
    while j < end:
        b = blocks[j]
        t = b.text
        if b.kind == "table":
            z.body.append(j)
            in_list = False
            j += 1
            continue
        if BARE_ITEM.match(t):  # "附:…征集表": one document, nothing after it continues the item
            z.attachment_list.append(j)
            in_list = False
            j += 1
            continue
        if LIST_START.match(t) and not LABEL_ALONE.match(t) or (
                (LABEL_ALONE.match(t) or BARE_LABEL.fullmatch(t)) and followed_by_items(blocks, j)) or spaced_list_start(b.raw):
            z.attachment_list.append(j)
            in_list = True
            j += 1
            continue
        glued = glued_list_end([blocks[k].text if blocks[k].kind == "paragraph" else "" for k in range(j, end)],
                               0) if GLUED_LABEL.match(t) else 0
        if glued:  # "附件1…办法" / "附件2…申报表": each item with its own label
            z.attachment_list.extend(range(j, j + glued))
            j += glued
            continue
        if in_list and (LIST_ITEM.match(t) or spaced_item(b.raw)) and len(t) <= 100:
            z.attachment_list.append(j)
            j += 1
            continue
        if in_list and continues_item(blocks, j):
            z.attachment_list.append(j)  # a list title wrapped onto the next line (PDF)
            j += 1
            continue
        in_list = False
        # (a date under a field's label alone is the field's value: "截稿日期" / "2020年10月10日")
        parts = _date_parts(t) if not (j and _FIELD_ABOVE.fullmatch(blocks[j - 1].text)) else None
        if parts:
            _take_date(blocks, j, parts, z)
            j += 1
            continue
        if CC_START.match(t):
            z.record.append(j)
            # the 抄送 list wrapped over lines, up to its 。 or the 印发 line
            while (j + 1 < end and not blocks[j].text.endswith("。") and len(blocks[j + 1].text) <= 45
                   and blocks[j + 1].kind == "paragraph" and not _date_parts(blocks[j + 1].text)
                   and not re.search(r"印发|印制", blocks[j + 1].text) and len(z.record) < 8
                   and not _dated_org(blocks, j + 1) and not is_page_chrome(blocks[j + 1].text)
                   and not RECORD_LABEL.match(blocks[j + 1].text)):  # ("校对:…" under the list)
                z.record.append(j + 1)
                j += 1
            j += 1
            continue
        z.body.append(j)
        j += 1
    if z.date is None and not z.signature:
        _undated_signature(blocks, end, z)
    elif z.date is not None and not z.signature and z.body and z.body[-1] == z.date + 1 and is_org_line(
            blocks[z.date + 1]):
        z.signature.append(z.body.pop())  # the date printed above the 署名 (web excerpts)


_FIELD_ABOVE = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])?[\u4e00-\u9fff]{0,8}"
                          r"(?:日期|时间|期限|截止)\s*[:：]?")


def _date_parts(t: str) -> Optional[tuple[str, bool]]:
    """``(org, printed)`` for a line holding only a date, optionally after an
    org name and before 印发; None for any other line. "XX办公室印发2012年
    12月18日印发" names its org before a first 印发; a figure date line
    ("20141210") is a date too (real excerpts); a line a page printed twice is read once."""
    m = DATE_LINE.match(undoubled(t))
    if m:
        org, printed = m.group("org").strip(), bool(m.group("printed"))
        org = re.sub(r"(?:中华)?民国$", "", org)  # "中华民国112年3月1日": the era, no org
        if printed and org.endswith(("印发", "印制")):
            org = org[:-2]
        return (org, printed) if not org or is_org_name(org) else None
    return ("", False) if NUMERIC_DATE_LINE.match(t.strip()) or DAY_LOST_LINE.match(t.strip()) or compact_readings(t) else None


# an item heading whose value is the date under it ("4、比赛时间" / "2012年5月24日"): an event's day, no 成文日期
_TIME_LABEL = re.compile(r"^\s*(?:[（(]?[0-9一二三四五六七八九十]{1,2}[)）、.．]\s*)?[\u4e00-\u9fff]{0,8}(?:时间|日期)\s*[:：]?\s*$")


def _take_date(blocks: list[Block], j: int, parts: tuple[str, bool], z: Zones) -> None:
    """File the date line ``j``: a 印发 line goes to the 版记; the first date
    after the body is the 成文日期 with the org lines above it as the 署名
    (§7.3.5) — unless it has no 署名 and a later date has one (a dated
    lead-in, then the signed date: real excerpts)."""
    org, printed = parts
    if printed:
        z.record.append(j)
        if not org and z.body and z.body[-1] == j - 1 and is_org_line(blocks[j - 1]):
            z.body.pop()
            z.record.append(j - 1)
        return
    later = (z.date is not None and not z.signature and z.body and z.body[-1] == j - 1
             and is_org_line(blocks[j - 1]))
    if later:
        z.body.append(z.date)
        z.body.sort()
        z.date = None
    if z.date is None and (z.body or z.signature or z.attachment_list) and not _TIME_LABEL.match(blocks[j - 1].text):
        z.date = j
        while z.body and z.body[-1] == j - 1 - len(z.signature) and is_org_line(blocks[z.body[-1]]):
            z.signature.insert(0, z.body.pop())
        _name_head_above(blocks, z)
        if not z.signature:
            _hosts_above(blocks, j, z)
    else:
        z.body.append(j)


def _name_head_above(blocks: list[Block], z: Zones) -> None:
    """The short line above a 署名 that opens with :data:`extractors.orgs.NAME_REST` is the
    name's first part: moved from the body or the 附件 list into the 署名."""
    if not z.signature or not NAME_REST.match(blocks[z.signature[0]].text):
        return
    k = z.signature[0] - 1
    t = blocks[k].text if k >= 0 else ""
    if 4 <= len(t) <= 30 and blocks[k].kind == "paragraph" and not re.search(r"[，。；：:,;！？!?《》、]", t):
        for zone in (z.body, z.attachment_list):
            if k in zone:
                zone.remove(k)
                z.signature.insert(0, k)
                return


_CO_HOST = re.compile(r"^\s*(?:承办|协办|支持)单位\s*(?:[:：]|$)")  # (or the label alone, its names below)


def _hosts_above(blocks: list[Block], j: int, z: Zones) -> None:
    """A closing "主办单位: A B" line above the date, with only 承办/协办单位
    lines between, is the 署名 (the hosts sign; the bodies that carry the
    event out do not)."""
    k = j - 1
    while k in z.body and k > j - 4 and _CO_HOST.match(blocks[k].text):
        k -= 1
    if k in z.body and blocks[k].text.startswith("主办单位") and is_org_line(blocks[k]):
        z.body.remove(k)
        z.signature.append(k)


# A date cut short where an excerpt ends ("二○", "2019年3").
_DATE_STUB = re.compile(r"^[0-9〇○零一二三四五六七八九十OＯ]{1,4}(?:年[0-9一二三四五六七八九十]{0,2}(?:月[0-9一二三四五六七八九十]{0,3})?)?$")


def _undated_signature(blocks: list[Block], end: int, z: Zones) -> None:
    """A 署名 with no 成文日期 under it: the last org-only line of the body
    when what follows it up to ``end`` is only tables, short headings (an
    attachment printed without a label), a date cut short or the page's own
    lines."""
    lines = 0
    for k in range(len(z.body) - 1, 0, -1):
        j = z.body[k]
        if is_org_line(blocks[j]) and len(blocks[j].text) <= 40 and not (
                k and _CO_HOST.match(blocks[z.body[k - 1]].text)):
            break  # (the names under "承办单位" carry the event out; the hosts above them sign)
        b = blocks[j]
        if b.kind == "paragraph" and is_page_chrome(b.text):
            continue  # the page's links under the notice (上篇:/下篇:)
        lines += b.kind != "table"
        if re.match(r"(?:常务)?(?:副)?(?:主任|组长|主席|秘书长|成员|委员|顾问)\s*[:：]", b.text):
            return  # "主任:…": a roster under a heading (组委会), not lines under a 署名
        if lines > 2 or not (b.kind == "table" or _DATE_STUB.match(b.text) or (
                len(b.text) <= 40 and not b.text.endswith(("。", ":", "：")))):
            return
    else:
        return
    if all(j2 in z.body or is_page_chrome(blocks[j2].text) for j2 in range(j, end)):
        z.signature.append(z.body.pop(k))
