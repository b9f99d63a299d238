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

from extractors import attachment_list, tables as tables_mod
from extractors._common import evidence
from extractors.dates import FULL_DATE
from extractors.orgs import split_orgs
from models.document import AttachmentZone, Document
from models.tables import Attachment



def _clean_title(t: str) -> str:
    t = re.sub(r"\s+", "", t)
    return t.rstrip("。；;，,")


def _list_blocks(doc: Document) -> list[int]:
    """The blocks of the 附件说明: the segmenter's zone, else (no layout
    cue, e.g. a one-line paste) the first paragraph outside the attachment
    pages holding a list introducer and the list lines that follow it."""
    z = doc.zones
    if z.attachment_list and not (z.record and min(z.attachment_list) > max(z.record)):
        return list(z.attachment_list)
    inside = {k for a in z.attachments for k in [a.label_block, *a.blocks]}
    # (a page's tool line under the list is none of it, "收藏】【打印】【关闭"; a file name wrapped off is)
    page = {k for k in z.page if not attachment_list.FILE_LINE.match(doc.blocks[k].text)}
    skip = inside | set(z.head) | set(z.title) | {z.recipients} | set(z.signature) | {z.date} | page
    if z.attachment_list:
        # a download under the 版记 ("附件: 通知 登记表.zip") gives way to the notice's own
        # "附:" line in the body above its 署名
        own = _intro_list(doc, skip | set(z.record) | set(z.attachment_list))
        return own if own and own[0] < min(z.record) else list(z.attachment_list)
    return _intro_list(doc, skip)


def _intro_list(doc: Document, skip: set) -> list[int]:
    """The first paragraph outside ``skip`` holding a list introducer and
    the list lines that follow it; [] when none."""
    for i, b in doc.paragraphs():
        # (items numbered by a space alone, "附件 1 A表 2 B表", read as "附件 1.A表 2.B表")
        if i in skip or not attachment_list.INTRO.search(
                attachment_list.dot_spaced(attachment_list.dot_glued(attachment_list.spaced_text(b)))):
            continue
        out = [i]
        for k in range(i + 1, len(doc.blocks)):
            t = doc.blocks[k].text
            if k in skip or doc.blocks[k].kind != "paragraph" or not (
                    attachment_list.INTRO.match(t) or attachment_list.numbered(t)
                    or _wrapped_on(doc.blocks[k - 1].text, doc.blocks[k])):
                break
            if k + 1 == doc.zones.date and _SIGNER.search(t):
                break  # a 署名 cut short above its date ("…工会委员"), unread as one
            out.append(k)
        return out
    return []


# the words of a body's name (a 署名 the page cut short: "甘肃省教科文卫工会委员")
_SIGNER = re.compile(r"工会|工委|委员会?$|总工$")


# the first header cell of a table a web copy flattened one cell per line
_HEADER_CELL = re.compile(r"(?:序号|编号|姓名|单位名称|单位)\s*$")


def _wrapped_on(prev: str, b) -> bool:
    """True when line ``b`` is the wrapped rest of the list line ``prev``
    (a text re-broken at a fixed width): ``prev`` ends mid-sentence, ``b``
    is short and is no new label nor a signature; a date line closes the list."""
    if prev.endswith(("。", "；", ";", ":", "：")) or FULL_DATE.fullmatch(prev.strip()):
        return False
    if _HEADER_CELL.match(b.text):
        return False  # "附:…分配表" / "序号" / "分工会名称": a table flattened cell by cell starts
    if re.match(r"[ \u3000]{8,}", b.raw):
        return False  # a line pushed right by spaces is the 署名 or 成文日期 ("附1:…报名表" / "            校工")
    return len(b.text) <= 40 and not b.text.startswith("附件") and not split_orgs(b.raw)


def _listed(doc: Document) -> list[Attachment]:
    blocks = _list_blocks(doc)
    text = attachment_list.dot_spaced(attachment_list.dot_glued(
        " ".join(attachment_list.spaced_text(doc.blocks[i]) for i in blocks)))
    if blocks:
        m = attachment_list.INTRO.search(text)
        text = text[m.start():] if m and not doc.zones.attachment_list else text
    # an introducer with nothing after it ("相关附件：" above download links): the file names
    items = (attachment_list.parse(text) if blocks else []) or _file_lines(doc)
    if items and blocks and _cut_off(items[-1].title) and blocks[-1] == max(i for i, _ in doc.paragraphs()) and (
            text.rstrip().endswith(items[-1].title[-4:])):
        items = items[:-1]  # the excerpt ends inside its last title ("《…关于开展第十"): no title to give
    out = []
    for it in items:
        i, start = _locate(doc, blocks, it.title)
        out.append(Attachment(number=it.number, title=it.title,
                              evidence=evidence(doc, i, start, min(len(doc.blocks[i].text),
                                                                   start + len(it.title)))))
    return out


def _cut_off(title: str) -> bool:
    """A title left open: a 《, bracket or quote with no close. Where the text ends
    there, the item is left out (README "Choices where the guide is silent")."""
    return (title.count("《") > title.count("》") or title.count("“") > title.count("”")
            or title.count("(") + title.count("（") > title.count(")") + title.count("）")
            or title.count('"') % 2 == 1)  # (half-width quotes: '2017年"春雨杯')


def listed_count(doc: Document) -> int:
    """How many attachments ``doc`` lists in its 附件说明 (a one-line paste
    too), else how many attachment pages it prints."""
    if doc.zones is None:
        return 0
    return len(_listed(doc)) or len(doc.zones.attachments)


# a line made only of download widgets (several when a page is joined onto one line)
_WIDGETS = re.compile(rf"(?:\s*{attachment_list.WIDGET})+\s*")


def _file_lines(doc: Document) -> list[attachment_list.Item]:
    """With no 附件说明: lines that are only a file name ("X报名表.doc", a
    web page's download link) outside the attachment pages, numbered in order."""
    z = doc.zones
    inside = {k for a in z.attachments for k in [a.label_block, *a.blocks]}
    # (a link to the notice's own file above it, "4、…的通知.doc", is no attachment)
    first = z.recipients if z.recipients is not None else max([*z.head, *z.title], default=-1)
    # (nor is a sharing site's heading, the file's own name, on the page's first line)
    first = max(first, next((i for i, _ in doc.paragraphs()), -1))
    # (nor is the notice's own file, named by its title: "关于…的通知.doc" under it; reviews AD4_10, AE3_07)
    own = "".join(doc.blocks[k].text for k in z.title)
    out = []
    for i, b in doc.paragraphs():
        # "附件【…报名表.doc】已下载": a download widget around the name (several run onto one line)
        whole = _WIDGETS.fullmatch(b.text)
        texts = [w.group(1) for w in re.finditer(attachment_list.WIDGET, b.text)] if whole else [b.text]
        for text in texts if i not in inside and i > first else ():
            if not attachment_list.FILE_LINE.match(text):
                continue
            for t in attachment_list.clean_title(text):
                if own and attachment_list.title_similarity(t, own) >= 0.9:
                    continue
                if not any(attachment_list.same_title(t, o.title) for o in out):  # a link printed twice
                    out.append(attachment_list.Item(len(out) + 1, t))
    return out


def _locate(doc: Document, blocks: list[int], title: str) -> tuple[int, int]:
    """(block, start) of a listed title: the first listing block whose
    text holds it whole, else its opening characters, else the first block."""
    for head in (title, title[:6]):  # (the whole title first: two titles may open alike, "2025年…规程" / "2025年…报名表")
        for i in blocks or range(len(doc.blocks)):
            k = doc.blocks[i].text.find(head)
            if k >= 0:
                return i, k
    return (blocks[0] if blocks else 0), 0


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def extract(doc: Document) -> list[Attachment]:
    """Attachments in 附件说明 order (then unlisted bodies), each with its
    tables from :func:`extractors.tables.extract`."""
    z = doc.zones
    if not z:
        return []
    listed = _listed(doc)
    bodies = list(z.attachments) or _labelled_tables(doc) or _headed_tables(doc) or _labelled_lines(doc)
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
        title = _body_title(doc, zone)
        if not title and set(zone.blocks) <= set(zone.title_blocks):
            continue  # a label with nothing after it ("附件:" where an excerpt is cut, or a bare link)
        att = Attachment(number=zone.number, title=title,
                         evidence=evidence(doc, zone.label_block))
        _fill(doc, att, zone)
        listed.append(att)
    return listed


def _labelled_tables(doc: Document) -> list[AttachmentZone]:
    """With no attachment pages found by layout (a notice pasted onto one
    line): a table whose preceding paragraph ends with an attachment label
    and its heading ("…附件1 X报名表") belongs to that attachment, and so do
    the tables that follow it with no new label — directly, or after one
    line of notes (a form printed as two tables; real D_19, D_01 flattened)."""
    out: list[AttachmentZone] = []
    for ti, b in enumerate(doc.blocks):
        if b.kind != "table" or ti == 0:
            continue
        if doc.blocks[ti - 1].kind != "paragraph" or not _LABEL_IN_TEXT.search(
                attachment_list.spaced_text(doc.blocks[ti - 1])):
            # a second table of the same attachment: right after the last one,
            # or after its notes ("备注：…" under a long table split in two)
            if out and (doc.blocks[ti - 1].kind == "table" or ti - 2 in out[-1].blocks):
                out[-1].blocks.append(ti)
            continue
        text = attachment_list.spaced_text(doc.blocks[ti - 1])
        m = None
        for m in _LABEL_IN_TEXT.finditer(text):
            pass
        if m is None or len(text) - m.end() > 80:
            continue
        n = m.group("n")
        num = (int(n) if n.isdigit() else "一二三四五六七八九十".index(n) + 1) if n else 1
        out.append(AttachmentZone(number=num, label_block=ti - 1, blocks=[ti]))
    return out


# an attachment label inside a line: at its start or after a space or sentence end
# (or "附:" heading the one attachment: "附:…名额分配表" over its table)
_LABEL_IN_TEXT = re.compile(r"(?:^|(?<=[\s。；;]))附(?:件\s*(?P<n>\d{1,2}|[一二三四五六七八九十])?(?![\d\-—至、])|\s*[:：])")


def _headed_tables(doc: Document) -> list[AttachmentZone]:
    """Attachment pages without a "附件N" label (ANNOTATION.md: "the heading
    on the attachment's own page gives the title"): a table whose heading
    line follows the notice's signature or date — or the previous such
    table — is an attachment, numbered in order."""
    z = doc.zones
    ends = set(z.signature) | ({z.date} if z.date is not None else set())
    out: list[AttachmentZone] = []
    for ti, b in enumerate(doc.blocks):
        if b.kind != "table" or ti < 2:
            continue
        h, p = doc.blocks[ti - 1], doc.blocks[ti - 2]
        if h.kind != "paragraph" or not _HEADING.match(h.text):
            continue
        signed = p.kind == "paragraph" and len(p.text) <= 80 and (
            bool(split_orgs(p.raw)) or bool(FULL_DATE.fullmatch(p.text.strip())))
        if ti - 2 in ends or signed or (out and out[-1].blocks[-1] == ti - 2):
            out.append(AttachmentZone(number=len(out) + 1, label_block=ti - 1,
                                      title_blocks=[ti - 1], blocks=[ti - 1, ti]))
    return out


def _labelled_lines(doc: Document) -> list[AttachmentZone]:
    """With no attachment pages nor tables found: a line after the notice's
    成文日期 (or 署名) that opens with an attachment label and runs on into
    its heading ("附件 X结对关系表 说明：…", a page without a table pasted
    onto one line) is that attachment's page; its heading follows the label."""
    z = doc.zones
    ends = set(z.signature) | ({z.date} if z.date is not None else set())
    if not ends:
        return []
    out: list[AttachmentZone] = []
    for i, b in doc.paragraphs():
        text = attachment_list.spaced_text(b)  # "附件 2025年…": the printed space ends the label
        m = _LABEL_IN_TEXT.match(text)
        # "附件1：X.doc" after the signature is a download list, not a page
        if i <= max(ends) or i in z.record or not m or len(text) - m.end() < 4 or \
                text[m.end():].lstrip()[:1] in (":", "：") or attachment_list.EXTENSION.search(text) or \
                re.match(r"\s*(?:下载)?(?:链接|地址)\s*[:：]?\s*$", text[m.end():]) or \
                len(list(_LABEL_IN_TEXT.finditer(text))) > 1:  # one heading per line read here
            continue
        n = m.group("n")
        num = (int(n) if n.isdigit() else "一二三四五六七八九十".index(n) + 1) if n else len(out) + 1
        out.append(AttachmentZone(number=num, label_block=i, blocks=[i]))
    return out


# a heading line: short, no colon, not a sentence, not a numbered section
_HEADING = re.compile(r"^(?![一二三四五六七八九十\d]+[、.])[^:：。；;]{4,60}$")


def _body_title(doc: Document, zone) -> str:
    if not zone.title_blocks and zone.label_block is not None and doc.blocks[zone.label_block].kind == "paragraph":
        # a label inside a line (one-line paste): the heading is what follows it
        text = attachment_list.spaced_text(doc.blocks[zone.label_block])
        m = None
        for m in _LABEL_IN_TEXT.finditer(text):
            pass
        rest = text[m.end():].lstrip(" :：") if m else ""
        if not rest:  # the label alone, a download named under it ("附件:" / "https://…:《…》.docx")
            below = [doc.blocks[i].text for i in zone.blocks if i > zone.label_block][:1]
            return _first_title(below[0]) if below and attachment_list.EXTENSION.search(below[0]) else ""
        return _first_title(rest)
    heading = "".join(doc.blocks[i].text for i in zone.title_blocks)
    if attachment_list.EXTENSION.search(heading):  # a download link as the heading ("附件.doc 31.5 KB")
        return _first_title(heading)
    return _clean_title(heading)


def _first_title(text: str) -> str:
    """The first title :func:`attachment_list.clean_title` reads in ``text``, or ""."""
    titles = attachment_list.clean_title(text)
    return titles[0] if titles else ""


def _fill(doc: Document, att: Attachment, zone) -> None:
    att.present = True
    body = _body_title(doc, zone)
    att.body_title = body or None
    if body and att.title and attachment_list.titles_differ(att.title, body):
        att.title_differs = True
    if not att.title:
        att.title = body
    att.tables = tables_mod.extract(doc, zone)
