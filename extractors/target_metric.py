"""What a target counts (ANNOTATION.md "targets"), for :mod:`extractors.targets`:
the metric (…参与率, 职工书屋), the scope it applies to (每个乡镇（街道、园区）) and a
qualifier (每季度), read from the clause around the number. Vocabularies in
``extractors/data/target_cues.json`` (lead_strip, scope_markers, scope_heads, frequency).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from extractors._common import vocab


@lru_cache(maxsize=None)
def _scope_re() -> re.Pattern:
    c = vocab("target_cues")
    mk = "|".join(sorted(c["scope_markers"], key=len, reverse=True))
    hd = "|".join(sorted(c["scope_heads"], key=len, reverse=True))
    # brackets are taken whole, so a scope never ends inside one
    # (每个乡镇（街道、园区）, not 每个乡镇（街道、园区)
    return re.compile(
        rf"(?:{mk})(?:[^，。；：“”（()）]|[（(][^）)]*[）)])*(?:{hd})(?:[（(][^）)]*[）)])*")


def describe(seg: str, after: str, cues: dict) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(metric, scope, qualifier) of a target: what the number counts, over which units,
    how often (``seg``: the clause before the number, comparator words already removed;
    ``after``: the text after its unit; ``cues``: the target_cues vocabulary). Each is
    None when not printed (ANNOTATION.md "targets": value, unit and what is counted)."""
    scope = qual = None
    lead = sorted(cues["lead_strip"], key=len, reverse=True)
    seg = re.sub(r"^\s*(?:\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[）)])\s*", "", seg)  # an item's number
    metric = _strip_lead(seg, lead)
    m = _scope_re().match(metric)
    if m:
        scope = m.group()
        metric = metric[m.end():]
        if scope.startswith("每"):
            qual = scope
    f = next(
        (w for w in sorted(cues["frequency"], key=len, reverse=True) if metric.startswith(w)), None)
    if f:  # 每季度开展1次: a frequency is a per-unit qualifier
        qual = f
        metric = metric[len(f):]
    # an actor at the start (县总工会全年计划…): not part of the metric
    metric = re.sub(r"^[\u4e00-\u9fff]{0,6}?(?:总工会|各级工会|各单位)(?=全年|计划|将|要|每年|年内|力争)", "", metric)
    # a relative clause (开展技能比赛的企业) keeps its verb
    strip = lead if "的" in metric else sorted(cues["lead_strip"] + cues["target_verbs"], key=len, reverse=True)
    metric = _strip_lead(metric, strip)
    if metric in cues["target_verbs"]:
        metric = ""
    metric = metric.strip("，,、：: ")
    if not metric:
        metric = _noun_after(after)
    return (metric or None), scope, qual


def _strip_lead(s: str, words: list[str]) -> str:
    """``s`` without any of ``words`` at its start, repeatedly."""
    changed = True
    while changed:
        changed = False
        for w in words:
            if s.startswith(w) and len(s) > len(w):
                s = s[len(w):]
                changed = True
                break
    return s


def _noun_after(after: str) -> str:
    """The noun phrase right after a number's unit, up to the clause end,
    brackets kept whole (``区劳模（先进）和技师创新工作室``)."""
    out, depth = [], 0
    for c in after:
        if c in "（(":
            depth += 1
        elif c in "）)":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and c in "，,。；;、:：":
            break
        out.append(c)
    s = "".join(out).strip()
    for w in ("及以上", "以上", "以下", "以内", "的"):
        if s.startswith(w):
            s = s[len(w):]
    return s
