"""Organisation names (发文机关, 署名, 印发机关, 抄送机关): the suffix rule.

A name is 2–40 characters without sentence punctuation that ends with a
suffix from ``extractors/data/org_suffixes.json`` (总工会, 委员会, 办公室,
局 …). The list is data so an office can add its own bodies' endings.
"""
from __future__ import annotations

import re

from extractors._common import vocab

__all__ = ["is_org_name", "split_joined", "split_orgs", "title_endings"]


def _suffixes() -> tuple[str, ...]:
    return tuple(vocab("org_suffixes")["suffixes"])


def title_endings() -> tuple[str, ...]:
    """Words that end a 标题 (通知, 意见, 方案 …)."""
    return tuple(vocab("org_suffixes")["title_endings"])


def is_org_name(s: str) -> bool:
    """True when ``s`` (one name, no spaces) looks like an organisation name."""
    s = s.strip()
    if not (2 <= len(s) <= 40) or re.search(r"[。，,;；:：!！?？\d]", s):
        return False
    return s.endswith(_suffixes())


def split_orgs(raw: str) -> list[str]:
    """Organisation names printed side by side in one line, split on runs of
    whitespace ("长兴县劳动竞赛委员会 长兴县总工会" → two names). A part that
    is not a name alone is joined to the next (a name spaced out for
    justification, "长 兴 县 总 工 会"). Returns [] when the line is not
    made only of names."""
    parts = [p for p in re.split(r"\s+", raw.strip()) if p]
    out: list[str] = []
    buf = ""
    for p in parts:
        buf += p
        if is_org_name(buf):
            out.append(buf)
            buf = ""
    if buf:
        if out and is_org_name(out[-1] + buf):
            out[-1] += buf
        else:
            return []
    # a spaced-out single name ("长 兴 县 总 工 会") would split at "总工会"/"会"
    joined = "".join(parts)
    if len(out) > 1 and any(len(o) < 4 for o in out) and is_org_name(joined):
        return [joined]
    return out


def split_joined(name: str) -> list[str]:
    """Split names that lost the space between them ("长兴县劳动竞赛委员会长兴县
    总工会", as OCR returns a signature line) at an inner suffix boundary
    where both sides are names of at least 5 characters; else ``[name]``.
    Only used where the layout promises separate names (OCR'd signatures):
    a real name can contain another (中国海员建设工会浙江省委员会)."""
    strong = tuple(x for x in _suffixes() if len(x) >= 2)  # 委员会, 总工会 — not 委, 局
    for k in range(5, len(name) - 4):
        left, right = name[:k], name[k:]
        if left.endswith(strong) and is_org_name(left) and is_org_name(right):
            return [left, *split_joined(right)]
    return [name]
