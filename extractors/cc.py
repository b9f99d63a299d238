"""抄送机关 (GB/T 9704-2012 §7.4.2): the organisations after 抄送, split on
、， (and on the spaces of a line printed with names side by side), joined
across line breaks (``市科技`` + ``局`` → ``市科技局``) and with closing
punctuation dropped (ANNOTATION.md "cc")."""
from __future__ import annotations

import re
from typing import Optional

from extractors._common import evidence
from extractors.attachment_list import spaced_text
from extractors.orgs import split_orgs
from extractors.printed import PRINT_RUN
from extractors.recipients import split_top_level
from models.common import Evidence
from models.document import Document

# only 抄送: a 抄报 line reports to a superior body and is no 抄送机关 (ANNOTATION.md
# "cc" names the organisations after 抄送; the reviewed real pages AD1_07, AF2_08 leave 抄报 out)
_CC = re.compile(r"^\s*抄送\s*[:：]\s*")
_RECORD_LINE = re.compile(r"^\s*(?:抄送|抄报)\s*[:：]")
# a 版记 field of its own after the 抄送 list ("校对:高文云", "拟稿:…", "印数:50份"): no 抄送 name
RECORD_LABEL = re.compile(r"\s*(?:校\s*对|核\s*稿|拟\s*稿|签\s*发|审\s*核|打\s*印|印\s*数|责任编辑|共印)人?\s*[:：]")


# the page's own words after the list when a page is joined onto one line ("…各办事处 附件下载 相关文章",
# "…省总组织部 网站地图"): the 版记 ends there
_PAGE_WORDS = re.compile(r"\s*(?:附件下载|相关文章|相关链接|相关新闻|相关阅读|网站地图|打印本页|关闭窗口|返回顶部"
                         r"|【\s*(?:打印|关闭|收藏)\s*】|上一篇|下一篇|分享到|版权所有)")


def extract(doc: Document) -> tuple[list[str], Optional[Evidence]]:
    """``(names, evidence)``; ``([], None)`` when there is no 抄送 line (a 抄报
    line alone gives none).

    A 抄送 line not ending in 。 continues on the following 版记 line(s)
    until a 印发 line; the text is joined before splitting so a name broken
    by the line end is one name.
    """
    z = doc.zones
    if not z:
        return [], None
    rec = sorted(z.record)
    for k, i in enumerate(rec):
        t = doc.blocks[i].text
        m = _CC.match(t)
        if not m:
            continue
        spaced = spaced_text(doc.blocks[i])  # (names printed side by side keep the spaces between them)
        text = spaced[m.end():] if spaced.startswith(t[:m.end()]) else t[m.end():]
        for j in rec[k + 1:]:
            nxt = doc.blocks[j].text
            if text.rstrip().endswith("。") or _RECORD_LINE.match(nxt) or re.search(rf"印发?{PRINT_RUN}?$", nxt):
                break
            text += (" " if doc.blocks[rec[rec.index(j) - 1]].raw[-1:].isspace() else "") + nxt
        label = RECORD_LABEL.search(text) or _PAGE_WORDS.search(text)  # (run on after the list: "…各部门 校对:高文云")
        text = text[:label.start()] if label else text
        text = text.strip().rstrip("。.;；，,|｜ ")  # (a page's column rule after the line: "省总工会|")
        names = [n.rstrip("。.") for p in split_top_level(text, "、，,;；") for n in _names(p)]
        return [n for n in names if n], evidence(doc, i)
    return [], None


def _names(part: str) -> list[str]:
    """The names in one 、-separated part: a part printed as names side by side
    with spaces between ("市总工会 学院党委 学院行政", as a web page prints the
    line) is several, split on org suffixes where they tell, else on the spaces;
    a name spaced out letter by letter ("长 兴 县 总 工 会") is one."""
    toks = part.split()
    if len(toks) > 1 and all(len(t) >= 2 for t in toks):
        return split_orgs(part) or toks
    return [re.sub(r"\s+", "", part)]
