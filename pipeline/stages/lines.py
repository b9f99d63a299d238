"""Shapes of the lines the segmenter files (GB/T 9704-2012 §7.3.5 成文日期, §7.3.6 附件说明,
§7.4 版记): a date line, an attachment label or list line, a 抄送 line, an org-only line.
Patterns only; :mod:`pipeline.stages.segment` decides the zones.
"""
from __future__ import annotations

import re

from extractors.attachment_list import SPACED_ITEM
from extractors.dates import FULL_DATE
from extractors.orgs import split_orgs
from extractors.printed import PRINT_RUN, PRINTED_MARK
from models.document import Block

# A line holding only a full date, optionally after an org and before 印发.
DATE_LINE = re.compile(rf"^(?P<org>.{{0,60}}?)(?P<date>{FULL_DATE.pattern})(?P<printed>{PRINTED_MARK})?"
                       rf"{PRINT_RUN}?"  # "…印发（共印120份）"
                       r"(?:\s*[|｜]+)?$")  # (a page's column rule after it: "二〇〇七年八月二十四日 |")
LABEL_ALONE = re.compile(r"^[-—–·•\s]*附件\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})?\s*[:：]?$")
LIST_START = re.compile(r"^[-—–·•\s]*附件\s*[:：]")
# an item whose own label is glued to its title, as a web copy prints a list ("附件1清华大学…申报表")
GLUED_LABEL = re.compile(r"^[-—–·•\s]*附件\s*(?P<n>\d{1,2})(?=[\u4e00-\u9fff《“])")
# an item "1." / "1、", or "1-1" numbered under an attachment ("1-1关于…的通知")
LIST_ITEM = re.compile(r"^\s*(?P<n>\d{1,2})(?:\s*[.、．,，]\s*|-\d{1,2}(?![\d月日号])[.、．,，]?\s*(?=[\u4e00-\u9fff《“])|(?=[《“])"
                       r"|(?<=^[1-9])(?=(?:19|20)\d{2}(?:年|\s*[-—–~～至]\s*(?:19|20)\d{2})))\S")  # ("12020-2021年度…表": its "." lost)
BARE_LABEL = re.compile(r"[-—–·•\s]*附\s*[:：]\s*")  # "附:" heading a numbered list
# "附:" and one document on its line ("附:…提案征集表"): the 附件说明 of a single attachment
BARE_ITEM = re.compile(r"^[-—–·•\s]*附\s*[:：]\s*(?![\d（(]|[一二三四五六七八九十]+、)[^。；;，,:：]{4,60}?(?:表|单|册|方案|办法|细则|规程|须知|名单|指南|说明|通知)\s*$")
CC_START = re.compile(r"^\s*(?:抄送|抄报|主送)\s*[:：]")
# items numbered by a space alone, as printed ("附件 1 报名表" / "2 项目规程"), or a file
# name with its number glued on ("1中国….doc"); read on ``raw``, where the spaces survive
_SPACED_LABEL = re.compile(r"[-—–·•\s]*附件(?=[ \t\u3000]+1[ \t\u3000])")
_GLUED_FILE_ITEM = re.compile(r"\s*\d{1,2}(?=[\u4e00-\u9fff《“]).{2,80}\.(?:docx?|xlsx?|wps|pdf)\s*$")


def spaced_list_start(raw: str) -> bool:
    """``raw`` opens a list numbered by spaces alone ("附件 1 报名表")."""
    m = _SPACED_LABEL.match(raw)
    return bool(m and SPACED_ITEM.match(raw, m.end()))


def spaced_item(raw: str) -> bool:
    """``raw`` is an item numbered by a space alone, or a file name with its number glued on."""
    return bool(SPACED_ITEM.match(raw) or _GLUED_FILE_ITEM.match(raw))


def is_org_line(b: Block) -> bool:
    """A line holding only organisation names (a signature or 印发机关)."""
    return b.kind == "paragraph" and len(b.text) <= 80 and bool(split_orgs(b.raw))


def glued_list_end(texts: list[str], j: int) -> int:
    """End of a run of list lines at ``j`` each labelled with its own number glued
    to its title ("附件1…实施办法" / "附件2…申报表"): numbered 1, 2, … in order, short,
    no sentence; ``j`` when there are fewer than two (a lone "附件1…" may head its page)."""
    k = j
    while k < len(texts):
        m = GLUED_LABEL.match(texts[k])
        if not m or int(m.group("n")) != k - j + 1 or len(texts[k]) > 80 or re.search(r"[。；;，,]", texts[k]):
            break
        k += 1
    return k if k - j >= 2 else j
