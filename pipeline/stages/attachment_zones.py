"""The 附件说明 and 附件 zones' line shapes (GB/T 9704-2012 §7.3.6 附件说明,
§8 附件): whether an "附件：" label heads a numbered list, whether a short
line continues the item above it, and one attachment's zone (its label,
title lines and body) under a label alone on its line."""
from __future__ import annotations

import re
from typing import Optional

from extractors.dates import DAY_LOST_LINE
from extractors.dates_cn import cn_int
from models.document import AttachmentZone, Block
from pipeline.stages.chrome import is_page_chrome
from pipeline.stages.headings import is_title_end
from pipeline.stages.lines import CC_START, DATE_LINE, LABEL_ALONE, LIST_ITEM, LIST_START, is_org_line, spaced_item


def followed_by_items(blocks: list[Block], j: int) -> bool:
    """True when the "附件：" at ``j`` heads a numbered 附件说明 list."""
    k = j + 1
    return k < len(blocks) and blocks[k].kind == "paragraph" and bool(
        LIST_ITEM.match(blocks[k].text) or spaced_item(blocks[k].raw) or _LABELLED_ITEM.match(blocks[k].text))


_LABELLED_ITEM = re.compile(r"附件\s*\d{1,2}\s*[.．、:：]?\s*(?:[\u4e00-\u9fff“《]{2}|(?:19|20)\d{2})")  # "附件1.2018-2019学年…一览表": an item with its own label


_DOC_WORD_END = re.compile(r"(?:表|单|标准|方案|办法|细则|名单|名册|目录|清单|说明|指南|简章|规程|材料)$")


def continues_item(blocks: list[Block], j: int) -> bool:
    """True when block ``j`` is the wrapped tail of the 附件说明 item above it:
    short, not a label, date, signature or sentence."""
    t = blocks[j].text
    # an item may close with 。 ("…“模范职工小家”" / "申报表。"): a short tail naming a document
    closed = t.endswith("。") and not (len(t) <= 12 and _DOC_WORD_END.search(t[:-1]))
    if len(t) > 40 or closed or t.endswith((":", "：")) or LABEL_ALONE.match(t) or LIST_START.match(t):
        return False
    if DATE_LINE.match(t) or DAY_LOST_LINE.match(t) or is_org_line(blocks[j]) or CC_START.match(t) or (
            is_page_chrome(t) and not re.search(r"\.(?:docx?|xlsx?|pdf|wps|rar|zip)$", t, re.I)):
        return False  # (nor a page's link under it, "下载点击此处"; a file name's tail is the item's)
    if re.fullmatch(r"[\d\s\-—]+", t) or re.match(r"[\u4e00-\u9fff]{2,8}[:：]\S", t):
        return False  # a phone alone, or a field ("校内报名方式:请…") the page added under the list
    prev = blocks[j - 1].text
    item = re.sub(r"^\s*\d{1,2}\s*[.、．,，]\s*", "", LIST_START.sub("", prev)).strip()
    if is_title_end(t) and re.sub(r"\s", "", t) == re.sub(r"\s", "", item):
        return False  # the attachment's own first page, its title repeating the item's ("附件:关于…的通知" / "关于…的通知")
    return not prev.endswith(("。", "；", ";"))


def attachment_zone(blocks: list[Block], label: int, end: int) -> AttachmentZone:
    """The 附件 under the label alone at ``label`` up to ``end``: its number
    (None when the label prints none), up to three title lines, its blocks."""
    m = LABEL_ALONE.match(blocks[label].text)
    num: Optional[int] = None
    if m and m.group("n"):
        try:
            num = cn_int(m.group("n"))
        except ValueError:  # ("十十" is no numeral)
            num = None
    zone = AttachmentZone(number=num, label_block=label, blocks=list(range(label + 1, end)))
    for k in zone.blocks[:3]:
        b = blocks[k]
        if b.kind != "paragraph":
            break
        t = b.text
        if re.search(r"[:：]", t) or len(t) > 80 or t.endswith("。"):
            break
        zone.title_blocks.append(k)
        if is_title_end(t) or t.endswith(("表", "单", "书", "名单", "汇总", "目录", "清单")):
            break
    return zone
