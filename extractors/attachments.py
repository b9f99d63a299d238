"""附件 (GB/T 9704-2012 §7.3.4 附件说明, §8 附件): number and title of each
attachment, matched to its body and tables (ANNOTATION.md "attachments").

The 附件说明 ("附件：1．… 2．…", or "附件：title" for a single one) gives
numbers and titles; each body labelled "附件N" / "附件一" / "附件：" later in
the document is matched to its entry by number, else (unnumbered) by title
similarity. The title comes from the 附件说明 when there is one; the body's
own heading is kept as ``body_title`` and a difference flagged. Listed
attachments without a body here are ``present: false`` (sent as separate
files). With no 附件说明, each body's heading gives the title.
"""
from __future__ import annotations

import difflib
import re
from typing import Optional

from extractors import tables as tables_mod
from extractors._common import evidence
from models.document import Document
from models.tables import Attachment

_LIST_HEAD = re.compile(r"^[-—–·•\s]*附件\s*[:：]\s*")
_ITEM = re.compile(r"^\s*(?P<n>\d{1,2})\s*[.、．,，]\s*(?P<t>.+)$")


def _clean_title(t: str) -> str:
    t = re.sub(r"\s+", "", t)
    return t.rstrip("。；;，,")


def _listed(doc: Document) -> list[Attachment]:
    z = doc.zones
    out: list[Attachment] = []
    for i in z.attachment_list:
        t = doc.blocks[i].text
        m = _LIST_HEAD.match(t)
        rest = t[m.end():] if m else t
        if not rest.strip():
            continue
        im = _ITEM.match(rest)
        if not m and not im and out:
            # the wrapped tail of the previous item's title
            out[-1].title = _clean_title(out[-1].title + rest)
            continue
        if im:
            out.append(Attachment(number=int(im.group("n")), title=_clean_title(im.group("t")),
                                  evidence=evidence(doc, i, len(t) - len(rest))))
        elif m:  # a single unnumbered attachment: "附件：XXX申报表"
            out.append(Attachment(number=None, title=_clean_title(rest),
                                  evidence=evidence(doc, i, m.end())))
    if len(out) == 1 and out[0].number is None:
        out[0].number = 1  # "附件：X" names attachment 1 (the only one)
    return out


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def extract(doc: Document) -> list[Attachment]:
    """Attachments in 附件说明 order (then unlisted bodies), each with its
    tables from :func:`extractors.tables.extract`."""
    z = doc.zones
    if not z:
        return []
    listed = _listed(doc)
    bodies = list(z.attachments)
    if len(bodies) == 1 and bodies[0].number is None and len(listed) <= 1:
        bodies[0].number = listed[0].number if listed else 1
    used: set[int] = set()
    for att in listed:
        match: Optional[int] = None
        for k, zone in enumerate(bodies):
            if k not in used and zone.number is not None and zone.number == att.number:
                match = k
                break
        if match is None:  # unnumbered bodies: best title match
            best = max(((k, _similar(att.title, _body_title(doc, zone)))
                        for k, zone in enumerate(bodies) if k not in used and zone.number is None),
                       key=lambda x: x[1], default=None)
            if best and best[1] >= 0.5:
                match = best[0]
        if match is None:
            continue
        used.add(match)
        _fill(doc, att, bodies[match])
    for k, zone in enumerate(bodies):
        if k in used:
            continue
        att = Attachment(number=zone.number, title=_body_title(doc, zone),
                         evidence=evidence(doc, zone.label_block))
        _fill(doc, att, zone)
        listed.append(att)
    return listed


def _body_title(doc: Document, zone) -> str:
    return _clean_title("".join(doc.blocks[i].text for i in zone.title_blocks))


def _fill(doc: Document, att: Attachment, zone) -> None:
    att.present = True
    body = _body_title(doc, zone)
    att.body_title = body or None
    if body and att.title and tables_mod.titles_differ(att.title, body):
        att.title_differs = True
    if not att.title:
        att.title = body
    att.tables = tables_mod.extract(doc, zone)
