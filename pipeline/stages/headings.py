"""Title lines of a notice among a page's headings (GB/T 9704-2012 §7.3.1 标题; issue 11
"the page heading as the only title", real/README.md "The circular is annotated, not the
page"): where a title ends, a page heading that is the only title (a headline over the
page's meta line, a body's act), the notice's own title above its 版头 or under the page's
heading and meta, a site's column name above the title's own opening. Used by :mod:`pipeline.stages.segment`.
"""
from __future__ import annotations

import re

from extractors.doc_number import own_number as parse_doc_number
from extractors.orgs import is_org_name, title_endings
from extractors.title import NUMBER_AFTER
from models.document import Block, Zones
from pipeline.stages.chrome import skip_aside
from pipeline.stages.lines import is_org_line
from pipeline.stages.relines_front import DATED_META

# A 发文字号 in brackets printed after the title ("…的通知（甬工〔2020〕5号）"): the title extractor's pattern.
NUMBER_AFTER_TITLE = NUMBER_AFTER


# a body (its union, committee or league) and the act it heads: 开展/举办/组织… (issuers._from_title);
# alone on its line over the body, the issuer's own heading is the title
ACT_HEADING = re.compile(r"^[\u4e00-\u9fff]{0,16}?(?:工会|工會|委员会|委員會|党委|黨委|团委|團委)"
                         r"(?:开展|開展|举办|舉辦|组织|組織|召开|召開|举行|舉行|启动|啟動)[^，,。:：]{2,30}$")


def is_title_end(t: str) -> bool:
    """``t`` ends with a 文种 word (a bracketed 发文字号 after it left aside)."""
    t = NUMBER_AFTER_TITLE.sub("", t).rstrip("）)")
    if t.startswith("转发《"):  # "转发《…的通知》" ends; "关于印发《…方案》" goes on to 的通知
        t = t.rstrip("》")
    return t.endswith(title_endings())


def heading_above(blocks: list[Block], k: int, recipients: int) -> bool:
    """Line ``k`` is a page heading that is the only title (real/README.md):
    only the page's own lines between it and the addressee, short, no
    sentence ("机关工会开展“金点子”合理化建议征集活动" / "亚投(中国) 2008-01-21")."""
    t = blocks[k].text
    return (blocks[k].kind == "paragraph" and 6 <= len(t) <= 40 and not re.search(r"[，。；：:,;！!？?]", t)
            and skip_aside(blocks, k + 1) >= recipients)


def own_title_below(blocks: list[Block], title: list[int], i: int) -> list[int]:
    """The notice's own title in up to three lines at ``i`` under a page heading (``title``)
    and its meta: their text ends with the heading's and adds only the issuer before it
    ("关于举办…的通知" / 发布日期:… / "黄浦区教育工会关于举办…" / "…的通知"), or repeats it; else []."""
    if not title or i <= title[-1] + 1:
        return []
    heading = "".join(blocks[k].text for k in title).lstrip("-—–·• ")  # ("--关于…": a list dash before the heading)
    for j in range(i + 1, min(len(blocks), i + 3) + 1):
        if any(blocks[k].kind != "paragraph" for k in range(i, j)):
            break
        text = "".join(blocks[k].text for k in range(i, j))
        if text.endswith(heading) and (text == heading or is_org_name(text[:-len(heading)])):
            return list(range(i, j))  # (or the heading printed again as the notice's own first line)
        if _issuer_about(text, heading):
            return list(range(i, j))
    return []


def own_front_below(blocks: list[Block], z: Zones, i: int) -> int:
    """Take the notice's own front under a page heading into ``z`` and return the
    index after it (else ``i``): its own title under the heading and the page's meta
    (:func:`own_title_below`), or its own 发文字号 and title lines repeating a page
    heading that printed both ("盤工發[2014]39號 關于…的通知" cut into a 版头 and a
    title): the notice's own lines are its 版头 and 标题 (GB/T 9704-2012 §7.2.4, §7.3.1)."""
    own = own_title_below(blocks, z.title, i)
    if not own and not z.head and z.title:
        z.head, own = _own_head_below(blocks, z.title, i)
    if not own and z.head and z.title and i < len(blocks) and parse_doc_number(blocks[i].text) \
            and blocks[i].text == "".join(blocks[k].text for k in z.head):
        heading = "".join(blocks[k].text for k in z.title)
        for j in range(i + 2, min(len(blocks), i + 4) + 1):
            if "".join(blocks[k].text for k in range(i + 1, j)) == heading:
                z.head, own = [i], list(range(i + 1, j))
                break
    if not own:
        return i
    z.body = [k for k in z.body if k not in own and k not in z.head]
    z.title = own
    return skip_aside(blocks, own[-1] + 1)


# a 版头 line of the notice's own under the page heading: its sender, its 发文字号 (签发人 beside it)
_HEAD_LINE = re.compile(r"^(?:签发人|簽發人)[:：]")


def _own_head_below(blocks: list[Block], title: list[int], i: int) -> tuple[list[int], list[int]]:
    """([版头 lines], [title lines]) of the notice's own front printed under a page heading
    that carried its title and 发文字号 ("关于…的通知(工会〔2020〕13号)" / "某大学工会" /
    "工会〔2020〕13号 签发人:…" / "关于…的通知"): one to three 版头 lines (the sender's
    name, the 发文字号, 签发人) and then the heading's title again (GB/T 9704-2012 §7.2);
    else ([], [])."""
    heading = NUMBER_AFTER_TITLE.sub("", "".join(blocks[k].text for k in title)).strip()
    n = len(blocks)
    head: list[int] = []
    for j in range(i, min(n, i + 3)):
        b = blocks[j]
        if b.kind != "paragraph" or not (is_org_line(b) or parse_doc_number(b.text) or _HEAD_LINE.match(b.text)):
            break
        head.append(j)
        for e in range(j + 2, min(n, j + 4) + 1):
            if "".join(blocks[k].text for k in range(j + 1, e)) == heading:
                has_number = any(parse_doc_number(blocks[k].text) for k in head)
                return (head, list(range(j + 1, e))) if has_number else ([], [])
    return [], []


def _issuer_about(text: str, heading: str) -> bool:
    """``text`` is "<issuer>关于<heading>" where the heading has no 关于, its 文种 word
    perhaps lost at the end of the copied line ("职代会提案征集的通知" / "岳阳市五中关于
    职代会提案征集的"): the notice's own title naming its sender."""
    m = re.fullmatch(r"([^，。；：:,;！!？?\s]{2,30}?)关于(.{4,})", text)
    core = heading.removeprefix("关于")
    if not m:
        return False
    rest = m.group(2)
    return rest == core or (rest.endswith("的") and core.startswith(rest) and core[len(rest):] in title_endings())


def heading_over_head(b: Block) -> bool:
    """A 关于 title line above the 版头's name and 发文字号 ("关于开展…的通知" /
    "某某学院" / "团发[2015]1号"): no sentence, a 文种 word at its end."""
    t = b.text
    return (b.kind == "paragraph" and 6 <= len(t) <= 90 and "关于" in t[:30] and is_title_end(t)
            and not re.search(r"[，。；：:,;！!？?]", t) and not parse_doc_number(t))


# a complete title's own opening: 关于/转发…, an act (开展…的通知) or a place name (霍邱县职工…的通知)
_TITLE_OPEN = re.compile(r"^(?:关于|转发|印发|批转|开展|举办|组织|做好|[\u4e00-\u9fff]{1,6}?(?:省|市|县|区|旗|盟|州)(?![委长]))")
# the end of a title's first line that the next line continues ("…职工“迎驾杯”" / "…关于举办")
_LINE_GOES_ON = re.compile(r"(?:[的和及与之、“‘《（(年度届第]|关于|开展|举办)$")


def drop_label_lead(blocks: list[Block], lines: list[int]) -> list[int]:
    """Title lines less a site's column name above the title's own opening
    ("球类赛事" over "霍邱县职工…的通知", "…政策正文" over "开展…的通知"). A
    lead line stays when it reads on into the next (ends in 的/关于/“…), when
    the rest opens mid-phrase, and when it names an organisation: the issuer
    leading its title ("…总工会" / "关于…的通知") is part of it (ANNOTATION.md)."""
    if len(lines) < 2:
        return lines
    for k in range(1, len(lines)):
        if not _TITLE_OPEN.match(blocks[lines[k]].text) or not is_title_end(
                "".join(blocks[i].text for i in lines[k:])):
            continue
        lead = [blocks[i] for i in lines[:k]]
        if all(len(b.text) <= 10 and "关于" not in b.text and not _LINE_GOES_ON.search(b.text) and not is_org_line(b)
               and not re.search(r"[，,：:。\d]", b.text) for b in lead):
            return lines[k:]
        break
    return lines


def headline_over_meta(t: str, meta: str) -> bool:
    """``t`` is a page's headline right over its dated meta line ``meta``
    ("快来报名!2025年…托管班即将开班" / "发布时间:2025-06-27 16:52浏览量:1"): a
    short line, no sentence (an exclamation allowed), no label; the page's
    heading is then the only title (issue 11; blind gold takes it so)."""
    return bool(DATED_META.match(meta)) and 8 <= len(t) <= 60 and not re.search(r"[。；;，,:：]", t) \
        and not re.match(r"\d|[（(]?[一二三四五六七八九十]+[、)）]", t)
