"""Helpers shared by extractors: evidence spans, vocabularies, block access."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from models.common import Evidence
from models.document import Document

DATA = Path(__file__).parent / "data"

# The recipients as the subject of a sentence ("1.各分会…", "请各单位…", "各分工会在…前"),
# after an optional item number; 各项/各类/各种 open no addressee.
ASKED_SUBJECT = re.compile(r"\s*(?:[（(]?[0-9一二三四五六七八九十]{1,2}[)）.、．]\s*)?(?:请|要求)?各(?!项|类|种|方面|自|环节|阶段)")

# An item number that opens a clause or a list item ("1、", "2.", "(三)", "四、", "①"): a text
# flattened onto one line keeps "…时间地点1、参加比赛的单位请于…" with the heading run into the item.
ITEM_NUMBER = re.compile(r"(?<![0-9.件表])[0-9]{1,2}[、．](?![0-9])|(?<![0-9件表])[0-9]{1,2}\.(?![0-9])"
                         r"|[（(][一二三四五六七八九十0-9]{1,2}[)）]|[一二三四五六七八九十]{1,2}、|[①-⑳]")


def evidence(doc: Document, block: int, start: int = 0, end: Optional[int] = None) -> Evidence:
    """An :class:`Evidence` for ``doc.blocks[block].text[start:end]``
    (``end`` defaults to the end of the block); marked ``ocr`` with the
    block's confidence when the block was read from a scan."""
    b = doc.blocks[block]
    if end is None:
        end = len(b.text)
    if b.origin == "ocr":
        conf = round(b.confidence, 3) if b.confidence is not None else None
        return Evidence(block=block, start=start, end=end, page=b.page, quote=b.text[start:end],
                        ocr=True, confidence=conf)
    return Evidence(block=block, start=start, end=end, page=b.page, quote=b.text[start:end])


@lru_cache(maxsize=None)
def vocab(name: str) -> dict:
    """A vocabulary file ``extractors/data/<name>.json``, loaded once per process."""
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def zone_blocks(doc: Document, *names: str) -> list[int]:
    """Block indices of the named zones, in document order (``attachments``
    expands to every attachment body's blocks)."""
    z = doc.zones
    if z is None:
        return []
    out: list[int] = []
    for n in names:
        if n == "attachments":
            for a in z.attachments:
                out.extend(a.blocks)
            continue
        v = getattr(z, n)
        if v is None:
            continue
        out.extend(v if isinstance(v, list) else [v])
    return sorted(set(out))


def attachment_of(doc: Document, block: int) -> Optional[int]:
    """The attachment number whose body holds ``block``, or None (the first
    attachment in order that holds it or is labelled by it)."""
    if doc.zones is None:
        return None
    # A block → number map built once per zones (kept on the Zones object;
    # segment fills the zones before any extractor runs): scanning every
    # attachment's blocks per call made a notice with thousands of attachments
    # quadratic (issue 15: a 50 MB paste of circulars).
    atts = doc.zones.attachments
    key = (len(atts), len(atts[-1].blocks) if atts else 0)
    cached = getattr(doc.zones, "_attachment_of", None)
    if cached is None or cached[0] != key:
        where: dict[int, int] = {}
        for a in atts:
            for b in (*a.blocks, a.label_block):
                where.setdefault(b, a.number)
        cached = (key, where)
        doc.zones._attachment_of = cached  # not a field: never compared, copied or dumped
    return cached[1].get(block)


def iter_text_blocks(doc: Document, indices: Iterable[int] | None = None):
    """(index, block) for the given indices (default: all blocks)."""
    idx = range(len(doc.blocks)) if indices is None else indices
    for i in idx:
        yield i, doc.blocks[i]


def undoubled(t: str) -> str:
    """``t`` without a repeat of itself: a page that prints one cell twice
    ("…办公室2018年7月6日发…办公室2018年7月6日发", its desktop and mobile copies)
    gives the first copy; any other text is returned as is."""
    h = len(t) // 2
    return t[:h] if len(t) >= 16 and len(t) % 2 == 0 and t[:h] == t[h:] else t
