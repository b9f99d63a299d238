"""主送机关 (GB/T 9704-2012 §7.3.2): the addressee line before the body,
without its final colon, whitespace removed (ANNOTATION.md "recipients").
``items`` splits it on 、，; at bracket depth 0, so "各县（市、区）总工会"
stays one item."""
from __future__ import annotations

import re

from typing import Optional

from extractors._common import evidence
from models.document import Document
from models.notice import Recipients


def split_top_level(text: str, seps: str = "、，,;；") -> list[str]:
    """Split ``text`` on ``seps`` outside （）()《》“” brackets; empty parts dropped."""
    out, buf, depth = [], "", 0
    for ch in text:
        if ch in "（(《“[【":
            depth += 1
        elif ch in "）)》”]】" and depth:
            depth -= 1
        if ch in seps and depth == 0:
            if buf.strip():
                out.append(buf.strip())
            buf = ""
        else:
            buf += ch
    if buf.strip():
        out.append(buf.strip())
    return out


# A site's form field before the 主送机关 ("主送机关:各县区残联", or alone on the line above it).
FIELD_LABEL = re.compile(r"\s*主送(?:机关|機關|单位|單位)?\s*[:：]\s*")


# a page's words run on before the addressee of a one-line page: a read-aloud button (朗读),
# a section label (正文, 内容), a file name's extension or empty brackets (".rar", "[]")
_PAGE_WORDS_BEFORE = re.compile(r"(?:朗读|文件正文|正文|内容|[\[\]【】().\s]*[A-Za-z]{0,4}[\[\]【】()]*)\s*(?=各|全体)")


def extract(doc: Document) -> Optional[Recipients]:
    """The 主送机关 with its items, or None."""
    z = doc.zones
    if not z or z.recipients is None:
        return None
    i = z.recipients
    t = doc.blocks[i].text
    # a site's form field printed before the value ("主送机关:各县区残联")
    label = FIELD_LABEL.match(t) or _PAGE_WORDS_BEFORE.match(t)
    a = label.end() if label and label.end() < len(t.rstrip(":：")) else 0
    text = "".join(t[a:].rstrip(":：").split())
    return Recipients(text=text, items=split_top_level(text), evidence=evidence(doc, i, a, len(t.rstrip(":："))))
