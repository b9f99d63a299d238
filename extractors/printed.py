"""印发机关和印发日期 (GB/T 9704-2012 §7.4.3) from the 版记.

Both "XXX办公室 2017年7月19日印发" on one line and the org on the line above
a "2017年7月19 日印" line count (ANNOTATION.md "printed"). None when the
版记 has no 印发 line (seed 004 has only 抄送).
"""
from __future__ import annotations

import re
from typing import Optional

from extractors._common import evidence, undoubled
from extractors.dates import parse_full_date
from extractors.orgs import BODY_WORDS, is_org_name, split_orgs
from models.document import Document
from models.notice import Printed

# a print-run note after the 印发 mark, in brackets or after a page's column rule
# ("…印发（共印120份）", "…印发 | 共印10份")
PRINT_RUN = r"(?:\s*[（(]共印[0-9一二三四五六七八九十百]+份[）)]|[|｜\s]*共印[0-9一二三四五六七八九十百]+份)"
# the 印发 mark ends the line, or a print-run note after it; a page may print it as a bare
# 发 after the date ("…办公室2018年7月6日发")
PRINTED_MARK = r"印发|印制|印|(?<=[日号])发"
_PRINTED_END = re.compile(rf"({PRINTED_MARK}){PRINT_RUN}?$")


def extract(doc: Document) -> Optional[Printed]:
    """The 印发机关 and 印发日期 with evidence on the date line, or None."""
    z = doc.zones
    if not z:
        return None
    for i in z.record:
        b = doc.blocks[i]
        t = undoubled(b.text)
        if b.kind != "paragraph" or not _PRINTED_END.search(t):
            continue
        hit = parse_full_date(t)
        if not hit:
            continue
        d, s, e = hit
        # the org is printed before the date (raw keeps the spaces between
        # names); "XX办公室印发2012年12月18日印发" names it before a first 印发
        org_raw = re.sub(r"\s*印[发發制製]\s*$", "", b.raw[: b.offsets[s]])
        orgs = split_orgs(org_raw) if org_raw.strip() else []
        if orgs == [org_raw.strip()] and orgs[0] in BODY_WORDS and i > 0:
            orgs = [_broken_name(doc.blocks[i - 1].text, orgs[0])]  # "中共江岭大学委员会" / "办公室2024年3月1日印发"
        if not orgs and i > 0 and doc.blocks[i - 1].kind == "paragraph":
            orgs = split_orgs(doc.blocks[i - 1].raw)
        return Printed(org=orgs[0] if orgs else None, date=d, evidence=evidence(doc, i))
    return None


def _broken_name(above: str, word: str) -> str:
    """The 印发机关 whose body word alone stands before the date because the line broke
    inside the name: the longest end of the line ``above`` that makes a name with it
    ("…中共江岭大学委员会" + "办公室"), after its last figure, stop or 印发 mark; ``word``
    alone when none does."""
    above = re.sub(rf"^[日号]?(?:{PRINTED_MARK})?", "", re.search(r"[^\d\s，。,;；:：、|｜]*$", above).group())
    for k in range(max(0, len(above) - 30), len(above)):
        if is_org_name(above[k:] + word):
            return above[k:] + word
    return word
