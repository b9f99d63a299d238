"""标题 (GB/T 9704-2012 §7.3.1): the title lines joined with no break and no
spaces added (ANNOTATION.md "title")."""
from __future__ import annotations

import re
from typing import Optional

from extractors._common import evidence
from models.document import Document
from models.notice import Title


def extract(doc: Document) -> Optional[Title]:
    """The title from the ``title`` zone, or None when segmentation found none.
    Evidence points at the first title line (its full text)."""
    z = doc.zones
    if not z or not z.title:
        return None
    text = "".join(doc.blocks[i].text.strip() for i in z.title)
    # a bracketed 发文字号 after the title is the number, not the title
    text = _NUMBER_AFTER.sub("", text)
    # a web page's column tag before the title ("【通知】", "[通知公告]") is not printed on the circular
    text = re.sub(r"^(?:【[^】]{1,8}】|\[[^\]]{1,8}\])\s*(?=\S)", "", text)
    return Title(text=text, evidence=evidence(doc, z.title[0]))


_NUMBER_AFTER = re.compile(r"[（(]\s*[\u4e00-\u9fffA-Za-z]{1,16}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*"
                           r"[〕\]］)）】]\s*第?\s*\d{1,5}\s*号\s*[）)]$")
