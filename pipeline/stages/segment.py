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

from extractors.dates import FULL_DATE
from extractors.doc_number import parse as parse_doc_number
from extractors.orgs import is_org_name, split_orgs, title_endings
from models.document import AttachmentZone, Block, Document, Zones

# A line holding only a full date, optionally after an org and before 印发.
DATE_LINE = re.compile(rf"^(?P<org>.{{0,60}}?)(?P<date>{FULL_DATE.pattern})(?P<printed>印发|印制|印)?$")
LABEL_ALONE = re.compile(r"^[-—–·•\s]*附件\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})?\s*[:：]?$")
LIST_START = re.compile(r"^[-—–·•\s]*附件\s*[:：]")
LIST_ITEM = re.compile(r"^\s*(?P<n>\d{1,2})\s*[.、．,，]\s*\S")
CC_START = re.compile(r"^\s*(?:抄送|抄报|主送)\s*[:：]")


def is_org_line(b: Block) -> bool:
    """A line holding only organisation names (a signature or 印发机关)."""
    return b.kind == "paragraph" and len(b.text) <= 80 and bool(split_orgs(b.raw))


def _is_header_line(b: Block) -> bool:
    t = b.text
    if t.endswith("文件") and len(t) <= 60:
        return True
    styled = (b.color or "").upper().startswith(("FF", "C0", "E")) or (b.size or 0) >= 22
    return styled and is_org_line(b)


def _is_title_end(t: str) -> bool:
    t = t.rstrip("）)")
    return t.endswith(title_endings())


def segment(doc: Document) -> Zones:
    """Attach :class:`Zones` to ``doc`` (in place) and return them."""
    z = Zones()
    doc.zones = z
    blocks = doc.blocks
    n = len(blocks)
    if n == 0:
        return z
    i = 0
    # -- 版头: header lines and the 发文字号 line (§7.2); stop at the title.
    head_end = _find_head(blocks)
    z.head = list(range(head_end))
    i = head_end
    # -- 标题 (§7.3.1): up to 4 lines, ending with a document-type word.
    title, i = _find_title(blocks, i)
    z.title = title
    # -- 主送机关 (§7.3.2): the addressee line ending with a colon.
    if i < n and blocks[i].kind == "paragraph":
        t = blocks[i].text
        if t.endswith((":", "：")) and len(t) <= 200 and not LIST_START.match(t):
            z.recipients = i
            i += 1
    # -- 附件 bodies: a label alone on its line ("附件1", "附件 2:", "附件一").
    labels = [j for j in range(i, n) if blocks[j].kind == "paragraph"
              and LABEL_ALONE.match(blocks[j].text) and not _followed_by_items(blocks, j)]
    main_end = labels[0] if labels else n
    record_tail = _trailing_record(blocks, max(i, main_end))
    _main_part(blocks, i, min(main_end, record_tail), z)
    for k, lab in enumerate(labels):
        end = labels[k + 1] if k + 1 < len(labels) else record_tail
        z.attachments.append(_attachment_zone(blocks, lab, end))
    z.record.extend(range(record_tail, n))
    z.record = sorted(set(z.record))
    return z


def _find_head(blocks: list[Block]) -> int:
    """Index of the first block after the 版头 (0 when there is none)."""
    limit = min(len(blocks), 8)
    for j in range(limit):
        if blocks[j].kind == "paragraph" and len(blocks[j].text) <= 60 and parse_doc_number(blocks[j].text):
            return j + 1
    end = 0
    for j in range(limit):
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
    return end


def _find_title(blocks: list[Block], i: int) -> tuple[list[int], int]:
    n = len(blocks)
    j = i
    lines: list[int] = []
    while j < n and len(lines) < 5:
        b = blocks[j]
        if b.kind != "paragraph" or b.text.endswith((":", "：")) or len(b.text) > 90:
            break
        lines.append(j)
        if _is_title_end(b.text):
            return lines, j + 1
        j += 1
    # no document-type word: accept a single "关于…" line as the title
    if lines and blocks[lines[0]].text.startswith("关于") and len(lines) >= 1:
        return lines[:1], lines[0] + 1
    return [], i


def _followed_by_items(blocks: list[Block], j: int) -> bool:
    """True when the "附件：" at ``j`` heads a numbered 附件说明 list."""
    k = j + 1
    return k < len(blocks) and blocks[k].kind == "paragraph" and bool(LIST_ITEM.match(blocks[k].text))


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
        if LIST_START.match(t) and not LABEL_ALONE.match(t) or (
                LABEL_ALONE.match(t) and _followed_by_items(blocks, j)):
            z.attachment_list.append(j)
            in_list = True
            j += 1
            continue
        if in_list and LIST_ITEM.match(t) and len(t) <= 100:
            z.attachment_list.append(j)
            j += 1
            continue
        if in_list and _continues_item(blocks, j):
            z.attachment_list.append(j)  # a list title wrapped onto the next line (PDF)
            j += 1
            continue
        in_list = False
        m = DATE_LINE.match(t)
        if m and (not m.group("org") or is_org_name(m.group("org").strip())):
            if m.group("printed"):
                z.record.append(j)
                if not m.group("org") and z.body and z.body[-1] == j - 1 and is_org_line(blocks[j - 1]):
                    z.body.pop()
                    z.record.append(j - 1)
            elif z.date is None and (z.body or z.signature or z.attachment_list):
                z.date = j
                # the org lines just above are the 发文机关署名 (§7.3.5)
                while z.body and z.body[-1] == j - 1 - len(z.signature) and is_org_line(
                        blocks[z.body[-1]]):
                    z.signature.insert(0, z.body.pop())
            else:
                z.body.append(j)
            j += 1
            continue
        if CC_START.match(t):
            z.record.append(j)
            if j + 1 < end and not blocks[j].text.endswith("。") and len(blocks[j + 1].text) <= 30:
                z.record.append(j + 1)
                j += 1
            j += 1
            continue
        z.body.append(j)
        j += 1
    # a signature with no date under it (§7.3.5 allows 署名 without 成文日期 rarely)


def _continues_item(blocks: list[Block], j: int) -> bool:
    """True when block ``j`` is the wrapped tail of the 附件说明 item above it:
    short, not a label, date, signature or sentence."""
    t = blocks[j].text
    if len(t) > 40 or t.endswith(("。", ":", "：")) or LABEL_ALONE.match(t) or LIST_START.match(t):
        return False
    if DATE_LINE.match(t) or is_org_line(blocks[j]) or CC_START.match(t):
        return False
    prev = blocks[j - 1].text
    return not prev.endswith(("。", "；", ";"))


def _attachment_zone(blocks: list[Block], label: int, end: int) -> AttachmentZone:
    m = LABEL_ALONE.match(blocks[label].text)
    num: Optional[int] = None
    if m and m.group("n"):
        s = m.group("n")
        num = int(s) if s.isdigit() else _cn_small(s)
    zone = AttachmentZone(number=num, label_block=label, blocks=list(range(label + 1, end)))
    for k in zone.blocks[:3]:
        b = blocks[k]
        if b.kind != "paragraph":
            break
        t = b.text
        if re.search(r"[:：]", t) or len(t) > 80 or t.endswith("。"):
            break
        zone.title_blocks.append(k)
        if _is_title_end(t) or t.endswith(("表", "单", "书", "名单", "汇总", "目录", "清单")):
            break
    return zone


def _cn_small(s: str) -> Optional[int]:
    """一..九十九 → int (attachment numbers); None when not a numeral."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if s == "十":
        return 10
    if "十" in s:
        a, _, b = s.partition("十")
        return (digits.get(a, 1) if a else 1) * 10 + (digits.get(b, 0) if b else 0)
    return digits.get(s)
