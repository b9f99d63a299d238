"""The 附件说明 (GB/T 9704-2012 §7.3.4) read from text cues, whatever the
wrapping: items on their own lines, "附件：1．A 2．B" on one line, a list
inside a web page pasted onto one line, "附件1：A" per line, or file names
offered for download ("A.docx").

Titles follow ANNOTATION.md "attachments" and ../shared/real/README.md
"Attachment titles": no file extension (an upload stamp before it goes
too), no 《》 that wrap the whole title, no list introducer; several
《A》、《B》 in one item are several attachments; a signature and date that
follow the last title on the same line are not part of it.

Titles are also compared here: :func:`title_similarity`, :func:`match_titles`
(an attachment page's heading to the 附件说明 titles, for bodies without a
number) and :func:`titles_differ` (``Attachment.title_differs``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

import difflib
from typing import Sequence

from extractors.dates import FULL_DATE
from extractors.doc_number import parse as parse_doc_number
from extractors.orgs import is_org_name, split_orgs
from models.document import Block

_CN = "一二三四五六七八九十"
# "附件：", "附：", "附件1：" — a list introducer at the start of a line (or of the
# body's last section: "七、附：…") or after a sentence end or a printed space
# (a one-line paste keeps those spaces), or after a phone, postcode or mail the label ran
# onto ("邮政编码:557699附件:…", one-line pages).
# "附件1." / "附件一：" number their own item (real pages print both); so does "附表一：" (a form
# listed as a 附表, S3_07-like pages).
# "附件1-1：" / "附件1-2：" label parts of one forwarded attachment: numbered in order.
INTRO = re.compile(r"(?:^|(?<=[\s。；;!！])|(?<=[0-9A-Za-z])(?=附件\s*[0-9一二三四五六七八九十]{0,3}\s*[:：]))(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])?[-—–·•]*[【\[]?(?:相关)?附(?:件|档|表)?(?:下载)?(?:链接|地址)?\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})?"
                   r"(?P<sub>(?<=\d)\s*[-－—–]\s*\d{1,2})?\s*(?:[:：]|(?<=[\d一二三四五六七八九十])[】\]]\s*[:：]?|(?<=\d)[.．、](?:(?![\d.])|(?=(?:19|20)\d{2}\s*(?:年|[-—~～至]\s*(?:19|20)\d{2}))))\s*")
# a download link's own words ("下载点击此处", "点击这里查看"), printed after a file's title
LINK_WORDS = r"(?:下载)?(?:请)?点击(?:(?:此处|这里)(?:下载|查看)?|下载(?:该|此|本)?(?:文件|附件)?)"
# a body label that starts an attachment page inside a one-line text ("附件1 X表")
_LATER_LABEL = re.compile(rf"\s附件\s*(?:\d{{1,2}}|[{_CN}]{{1,3}})(?![\d\-—至、])")
_EXTENSION = re.compile(r"\.(?:docx?|xlsx?|wps|et|pdf|ofd|rar|zip|7z|pptx?|txt|jpe?g|png)(?![A-Za-z])",
                        re.I)
_STAMP = re.compile(r"[\s_\-]*\d{8,}$")  # upload systems append a timestamp to the file name
# what ends the last title: the 版记 or a note, a sentence end, or a form
# field printed after the heading ("…申请表 填报日期：", "…汇总表 帮扶项目：")
_ENDS_LIST = re.compile(r"\s(?:抄送|抄报|联系人|联系电话|特此通知|备注|注[:：]|[一二三四五六七八九十]{1,2}、)|。"
                        r"|\s[\u4e00-\u9fff（）()]{2,8}[:：]"
                        # (a one-line text: the attachment's own table, form or list run on after its title —
                        # "…分配表 | 序号 | …", "…申报表 单位名称 联系电话 …", "…名单 外语系分工会、…")
                        r"|(?<=[表单])\s*[|｜]|(?<=表)\s+(?:单位名称|单\s*位|姓\s*名|序\s*号|名\s*称)(?=\s)"
                        r"|(?<=名单)\s*(?=[\u4e00-\u9fff]{2,20}(?:工会|学院|系|部|处|室|中心|公司|小组)、)"
                        r"|\s*【?\s*(?:收藏|打印|关闭)\s*】"  # (or the page's tools: "…名单 收藏】 【打印】")
                        r"|\s+\d{1,2}[.、．]?\s*$")  # (or the next item's number, its title cut off: "…分配表 2")
_BOOKS = re.compile(r"^(?:《[^《》]+》[、，,和及与\s]*)+$")
# the word that ends a document's title (a list item naming several: "A表、B规程")
_DOC_NOUN = re.compile(r"(?:表|单|册|规程|方案|办法|细则|通知|意见|说明|指南|目录|清单|规则|标准|须知|要求|承诺书|申请书|倡议书)$")
EXTENSION = _EXTENSION  # a file name's extension (a download link, not a page)
FILE_LINE = re.compile(rf"^(?P<t>[^:：。]{{2,80}}?){_EXTENSION.pattern}$", re.I)


# a link's path printed after its text ("申请表/upload/file/20160926/申请表.doc")
# (after the text only: "files/upload/申请表.doc" is a path before the name)
_LINK_PATH = re.compile(r"(?<=[^\x00-\x7f])/(?:upload|uploads|uploadfile|files?|attach(?:ment)?s?|UserFiles|resource)/\S*$",
                        re.I)
# a download's address run into the title it names ("https://…/2023/3/1:《…办法》.docx")
_LINK_BEFORE = re.compile(r"^\s*https?://[\x21-\x7e]*?[:：]?\s*(?=[\u4e00-\u9fff《“])")


@dataclass
class Item:
    """One listed attachment: its printed number (None when unnumbered)
    and cleaned title."""

    number: Optional[int]
    title: str


def spaced_text(b: Block) -> str:
    """``b.text`` with one space put back wherever the printed text had
    whitespace between two characters (normalisation drops spaces beside
    CJK; a one-line paste separates its parts only by them)."""
    t, offs, raw = b.text, b.offsets, b.raw
    if len(offs) != len(t) + 1 or b.kind != "paragraph":
        return t
    out = []
    for i, ch in enumerate(t):
        if i and t[i - 1] != " " and ch != " " and offs[i] > offs[i - 1] + 1 and \
                any(c.isspace() for c in raw[offs[i - 1] + 1:offs[i]]):
            out.append(" ")
        out.append(ch)
    return "".join(out)


def _strip_signature(t: str) -> str:
    """Drop a date that follows the title after a space, and the org
    names printed between them (one-line text: "…报名表 校工会 2019年3月27日")."""
    m = next((m for m in FULL_DATE.finditer(t) if m.start() > 0 and t[m.start() - 1] == " "), None)
    if not m:
        return t
    parts = t[:m.start()].split()
    while len(parts) > 1 and (is_org_name(parts[-1]) or split_orgs(parts[-1])):
        parts.pop()
    return " ".join(parts)


# words of a body's name ("《…统计表》长春中医药大学工": a 署名 run on after the title and cut);
# other words after 《…》 go on the title ("《…防治法》知识竞赛题目")
_NAME_PART = re.compile(r"大学|学院|学校|工会|委员|公司|集团|医院|中心|[局厅办]|工$")


def clean_title(t: str) -> list[str]:
    """The title(s) of one 附件说明 item as printed (several for
    "《A》、《B》"); [] when nothing is left."""
    m = _EXTENSION.search(t)
    if m:
        t = _STAMP.sub("", t[:m.start()])
        t = re.sub(r"(?<=\S)\s+附件\s*\d{0,2}$", "", t)  # the title, then its download named "附件.doc"
    t = _LINK_PATH.sub("", _LINK_BEFORE.sub("", t))
    t = re.sub(r"\s*[（(]?\s*https?://[^\s（）()]*[)）]?\s*$", "", t)  # the page's link after the title
    t = re.sub(r"\s*[，,;；]?\s*(?:链接地址|链接|网址|下载地址)\s*[:：]?\s*$", "", t)  # (and its label: "…》,链接地址:")
    # a link's note ("（请点击左下角链接下载）") and what follows it (the signature date)
    t = re.sub(r"\s*[（(][^（）()]{0,16}(?:下载|点击)[^（）()]{0,8}[)）].*$", "", t)
    t = re.sub(rf"\s*{LINK_WORDS}\s*$", "", t)  # the link's own words after it
    t = re.sub(rf"^\s*{LINK_WORDS}\s*(?=\S)", "", t)  # ... or before it ("点击下载该文件 …登记表.doc")
    booked = re.match(r"\s*(《[^《》]{2,80}》)\s+(?=[^\s《、，,])", t)
    if booked:  # a title wrapped whole in 《》, then what a one-line text ran on ("《…处理表》 七届五次…代表大会 筹备…")
        t = booked.group(1)
    for pat in (_LATER_LABEL, _ENDS_LIST):
        m = pat.search(t)
        if m:
            t = t[:m.start()]
    t = _strip_signature(t.strip())
    t = t.strip().rstrip("；;，,、.")
    if _BOOKS.match(t):
        return [re.sub(r"\s+", "", x) for x in re.findall(r"《([^《》]+)》", t)]
    for sep in "、，,":  # "报名表、竞赛规程", "…暂行办法,申请表": two documents
        parts = t.split(sep)
        if len(parts) > 1 and all(len(p.strip()) >= 3 and _DOC_NOUN.search(p.strip()) for p in parts):
            if all(len(p.strip()) <= 4 and p.strip()[-1] == parts[0].strip()[-1] for p in parts[1:]):
                break  # "…工作室创建申报表、登记表、汇总表": one file's forms under the first's name
            return [re.sub(r"\s+", "", p) for p in parts]
    t = re.sub(r"\s+", "", t).lstrip("-—–·•")
    t = re.sub(r"^\d{1,2}(?=[“\"《「])", "", t)  # a download list's index run into a quoted title
    # the file's own label inside the item ("附件1:关于…的通知", "提案表附件1:提案表(空表)"): what follows it
    t = re.sub(rf"^[^:：]{{0,12}}?附件\s*(?:\d{{1,2}}|[{_CN}]{{1,3}})\s*[:：](?=.)", "", t)
    t = re.sub(rf"^[（(]附件(?:\d{{1,2}}|[{_CN}]{{1,3}})[)）]", "", t)  # "(附件1)汇总表.doc": a download named by its label
    t = re.sub(r"^附件\d{1,2}[.．、_\-]?(?=[\u4e00-\u9fff“《]|(?:19|20)\d{2})", "", t)  # "附件1.2018-2019学年…", "附件1_…表.xls": the label
    t = re.sub(r"^(?:[A-Za-z0-9_.\-]+/)+(?=[\u4e00-\u9fff《“])", "", t)  # "imgs/articleimgs/关于….doc": the file's path on the site
    t = re.sub(r"(?<=》)[（(][^（）()]{0,24}$", "", t)  # "《…的通知》(徐": the excerpt cut the cited number after a whole title
    t = _cited_number_cut(t)
    t = re.sub(r"[（(]略[)）]$", "", t)  # a publisher's "(略)": the table was left out, the title stays
    t = _NOTE_AFTER.sub("", t)  # "…有关文件(通过OA发送至…邮箱)", "…名单(张三、李四)": a note on the item
    t = re.sub(r"□(?:工会委员会|委员会|工会|工委|分会)$", "", t)  # the 署名 an advert was cut from (pipeline.stages.injected)
    whole = re.fullmatch(r"《([^《》]+)》([\u4e00-\u9fff]{1,12})", t)
    if whole and not re.search(r"[表单书册]$", whole.group(2)) and _NAME_PART.search(whole.group(2)):
        t = f"《{whole.group(1)}》"  # "《…统计表》长春中医药大学工": a cut signature run on after it
    half = len(t) // 2
    if len(t) >= 8 and len(t) % 2 == 0 and t[:half] == t[half:]:
        t = t[:half]  # the title, then its download's file name under it ("…协议书" / "…协议书.docx")
    if t.startswith("《") and t.endswith("》") and "》" not in t[:-1]:
        t = t[1:-1]
    if re.fullmatch(r"附件\s*\d{0,2}", t):
        return []  # a link named only "附件.doc" names no title
    return [t] if re.search(r"[\u4e00-\u9fffA-Za-z0-9]", t) else []


# the cited file's 发文字号 in brackets after its title, maybe with its date ("《…的通知》
# (皖教工〔2017〕5号),2017年元月13日)"): the number is no part of a title (as for the notice's own)
_CITED_NUMBER = re.compile(r"[（(](?P<num>[^（）()]{3,24}号)文?[)）]"
                           r"[,，、\s]*(?:(?:19|20)\d{2}年[元正\d一二三四五六七八九十]{1,3}月\d{1,2}日)?[)）]?$")


def _cited_number_cut(t: str) -> str:
    """``t`` without a bracketed 发文字号 (and its date) closing it."""
    m = _CITED_NUMBER.search(t)
    return t[:m.start()] if m and m.start() >= 4 and parse_doc_number(m.group("num")) else t


# a note closing an item, no part of its title: how the file reaches the reader, or the
# people a list holds ("省、市有关文件(通过OA发送至各部门分会主席邮箱)", "已获此荣誉的名单(王芳、李强)")
_PERSON = r"[\u4e00-\u9fff]{1,3}[^\W\d_A-Za-z奖类组表级项批届年月日部处室会校院局队班]"  # (not 一等奖、二等奖)
_NOTE_AFTER = re.compile(r"[（(](?:[^（）()]{0,30}(?:通过|发送|详见|附后|已发|邮箱|OA)[^（）()]{0,30}"
                         rf"|{_PERSON}(?:、{_PERSON})+)[)）]$")


# an item number may follow a closing 》 or a file extension with no space
# ("1.《A》2.《B》", "1.A.docx2.B.xls": one-line lists of web pages)
_AFTER_TITLE = "|".join(rf"(?<={x})" for x in ("》", r"\.doc", r"\.docx", r"\.xls", r"\.xlsx", r"\.pdf", r"\.wps"))


def _cn_number(s: str) -> int:
    """一..九十九 as an int (attachment numbers printed 附件一, 附件十二)."""
    digit = {c: i + 1 for i, c in enumerate(_CN[:9])}
    if "十" not in s:
        return digit.get(s, 0)
    a, _, b = s.partition("十")
    return digit.get(a, 1) * 10 + digit.get(b, 0)


def _marker(k: int) -> re.Pattern:
    return re.compile(rf"(?:^|(?<=[\s;；。,，])|{_AFTER_TITLE})[（(]?{k}\s*(?:[.、,，:：)）](?!\d{{1,3}}(?!\d))|(?=[《“]))")


_SUB_FIRST = re.compile(r"[（(]?(?P<p>\d{1,2})\s*[-－—–]\s*1(?!\d)\s*[.、,，:：)）]?\s*")


def _sub_marker(p: int, c: int) -> re.Pattern:
    return re.compile(rf"(?:^|(?<=[\s;；。,，])|{_AFTER_TITLE})[（(]?{p}\s*[-－—–]\s*{c}(?!\d)"
                      r"\s*[.、,，:：)）]?\s*")


def _sub_numbered(text: str) -> list[tuple[int, str]]:
    """Items printed with a sub-number ("1-1A 1-2B", "2-1A 2-2B 3-1C": parts
    of a forwarded notice's attachment), numbered 1, 2, … in order
    (real/NOTES.md E_07: the scorer needs integers). A marker counts only
    in sequence — the next part (p-c+1) or the next group's first (p+1-1) —
    after a space or punctuation; [] when the text does not open with "N-1"."""
    m = _SUB_FIRST.match(text)
    if not m:
        return []
    p, c, start = int(m.group("p")), 1, m.end()
    out: list[tuple[int, str]] = []
    while True:
        cands = [(x.start(), x, q, d) for q, d in ((p, c + 1), (p + 1, 1))
                 for x in [_sub_marker(q, d).search(text, start)] if x]
        if not cands:
            out.append((len(out) + 1, text[start:]))
            return out
        _, nxt, p, c = min(cands, key=lambda x: x[0])
        out.append((len(out) + 1, text[start:nxt.start()]))
        start = nxt.end()


def numbered(text: str) -> list[tuple[int, str]]:
    """Items "1.A 2.B …" of one list text, numbered 1, 2, … in order (a
    number counts only in sequence, after a space or punctuation, so the
    digits of "2019年" or "第2、3批" never start an item, nor does a decimal
    "1.5"; "1.2012年度…" does); [] when the text
    does not start with item 1. Sub-numbered items ("1-1A 1-2B"): see
    :func:`_sub_numbered`."""
    text = text.lstrip()
    sub = _sub_numbered(text)
    if sub:
        return sub
    m = _marker(1).match(text)
    if not m:
        return []
    out: list[tuple[int, str]] = []
    k, start = 1, m.end()
    while True:
        nxt = _marker(k + 1).search(text, start)
        if not nxt:
            out.append((k, text[start:]))
            return out
        out.append((k, text[start:nxt.start()]))
        k, start = k + 1, nxt.end()


def _file_names(text: str) -> list[tuple[Optional[int], str]]:
    """Several file names in one unnumbered list text ("A.xlsx B.pdf", a
    page's download links run onto one line), one item each; [] for fewer.
    Item numbers glued to the names in order ("1A.doc 2B.doc") number them."""
    ends = [m.end() for m in _EXTENSION.finditer(text)]
    if len(ends) < 2:
        return []
    starts = [0] + ends[:-1]
    names = [text[a:b].strip() for a, b in zip(starts, ends)]
    # "1中国…通知.doc 2…推荐表.doc": the item numbers glued to the names, in order
    if all(re.match(rf"{k}(?=[\u4e00-\u9fff《“])", n) for k, n in enumerate(names, 1)):
        return [(k, n[len(str(k)):]) for k, n in enumerate(names, 1)]
    return [(None, n) for n in names]


# what follows an item number set off by a space alone: a title's first character or its year
_TITLE_AHEAD = r"(?=[\u4e00-\u9fff《“\"]|(?:19|20)\d{2}\s*年)"
_SPACED_START = rf"\s+{_TITLE_AHEAD}"
_FIRST_SPACED = re.compile(rf"(?<![0-9])1{_SPACED_START}")
# a line opening with such an item ("2 项目规程", "1 2014年…报名表"); ``match`` it (no anchor)
SPACED_ITEM = re.compile(rf"\s*\d{{1,2}}[ \t\u3000]+{_TITLE_AHEAD}")


# an item's own label glued to its title ("附件1清华…办法 附件2清华…申报表"), at a line's start or after a space
_GLUED_LABEL = re.compile(r"(?:^|(?<=\s))附件\s*(?P<n>\d{1,2})(?P<sep>\s?[:：])?(?=\s?[\u4e00-\u9fff《“])")


def dot_glued(text: str) -> str:
    """``text`` with items whose label is glued to the title written "附件1.…", so they
    read like any numbered list — only a run 附件1, 附件2, … in order (a lone "附件1…"
    may be a page's heading or a sentence's object)."""
    found = [m for m in _GLUED_LABEL.finditer(text)]
    run = []
    for m in found:
        if int(m.group("n")) == len(run) + 1:
            run.append(m)
    if len(run) < 2:
        return text
    for m in reversed(run):
        if not m.group("sep"):  # ("附件1漓江…说明 附件2:…报名表": a colon label counts in the run as it is)
            text = text[:m.end()] + "." + text[m.end():]
    return text


def dot_spaced(text: str) -> str:
    """``text`` with items numbered by a space alone ("附件 1 A表 2 B规程")
    written "1.A表 2.B规程", so they read like any numbered list. Only a run
    1, 2, … in order, each after the start, a space or a colon, and only when
    item 2 is there (a lone "1 " may be a count)."""
    if not _FIRST_SPACED.search(text):
        return text  # (most texts: no item 1 set off by a space, nothing to rewrite)
    found: list[re.Match] = []
    pos = 0
    while True:
        # (a later item may follow the last title directly when lines were joined: "…报名表2 …")
        # (only item 1 may carry the 附件 label: "附件1 A 附件2 B" labels pages, it lists nothing)
        lead = r"(?:^|(?<=[\s:：]))(?:附件\s*)?" if not found else r"(?:^|(?<=[\s:：\u4e00-\u9fff]))(?<!附件)(?<!附件 )"
        m = re.compile(rf"{lead}{len(found) + 1}{_SPACED_START}").search(text, pos)
        if not m:
            break
        found.append(m)
        pos = m.end()
    if len(found) < 2:
        return text
    for k, m in reversed(list(enumerate(found))):
        num = re.search(r"\d+", m.group()).group()
        gap = " " if k and not text[m.start() - 1].isspace() else ""  # "…报名表2 " → "…报名表 2."
        text = text[:m.start()] + gap + m.group()[:m.group().index(num)] + num + "." + text[m.end():]
    return text


# an item's number run into a title that opens with a year, its "." lost ("12020-2021年度…表"):
# no year has five digits
_GLUED_NUMBER = re.compile(r"(?:^|(?<=[\s:：]))([1-9])(?=(?:19|20)\d{2}(?:\s*年|\s*[-—–~～至]\s*(?:19|20)\d{2}))")


# a download widget around a file's name ("附件【…报名表.doc】已下载", maybe its download count)
WIDGET = r"附件\s*[:：]?\s*[【\[]([^【】\[\]]{2,100}\.[A-Za-z]{2,4})[】\]]\s*(?:已下载|下载)?\s*(?:[(（]?\s*\d+\s*次\s*[)）]?)?"


# an item's download link printed under it ("1.《…规则》 附件1:2025年…规程.doc 2.《…》"): no item of its own
_ITEM_LINK = re.compile(r"附件\s*(?P<n>[1-9])\s*[:：]\s*[^\s:：]+?" + _EXTENSION.pattern, re.I)


# a numbered label's title, then a list that starts again at 1: the attachment's content
_INNER_LIST = re.compile(r"^\s*附件\s*(?P<n>[1-9])\s*[:：]\s*(?P<t>(?:(?!附件)\S)(?:(?!附件).)*?[^\s\d])\s*1\s*[.、．](?!\d)"
                         r"\s*[\u4e00-\u9fff《“]")


def parse(text: str) -> list[Item]:
    """Items of a 附件说明 text that starts at (or after) its introducer.

    The text is split at every "附件N：" marker (or "【附件一】"); a part without its own
    number is read as "1.A 2.B …" or else as one title. Parsing stops at a
    number seen twice (an attachment page's label in a one-line text)."""
    text = dot_spaced(_GLUED_NUMBER.sub(r"\1.", text))
    # a download named in brackets after its label ("附件【…报名表.doc】已下载"): the label, then the file
    text = re.sub(WIDGET, r"附件:\1 ", text)
    text = _ITEM_LINK.sub(lambda m: " " if re.search(rf"(?:^|[\s:：]){m.group('n')}\s*[.、．]\s*\S", text[:m.start()])
                          else m.group(0), text)
    inner = _INNER_LIST.match(text)
    if inner:  # "附件1: …情况 1. 渔业…小组 2. …": the attachment's own list after its title (a one-line text)
        return [Item(int(inner.group("n")), x) for x in clean_title(inner.group("t"))[:1]]
    # a label alone before the items ("附件" then "1.…" on the next line)
    text = re.sub(r"^[-—–·•\s]*附件\s*(?=[（(]?1\s*[.、,，:：)）])", "", text)
    parts: list[tuple[Optional[int], str]] = []
    pos = 0
    cur: Optional[int] = None
    for m in INTRO.finditer(text):
        parts.append((cur, text[pos:m.start()]))
        n = m.group("n")
        cur = (int(n) if n.isdigit() else _cn_number(n)) if n and not m.group("sub") else None
        pos = m.end()
    parts.append((cur, text[pos:]))
    out: list[Item] = []
    seen: set[int] = set()
    for n, body in parts:
        if not body.strip():
            continue
        items = [(n, body)] if n is not None else numbered(body) or _file_names(body) or [(None, body)]
        for k, t in items:
            if k is not None and k in seen and out and out[-1].number == k and len(items) == 1 and (
                    len(t.strip()) <= 40 and not same_title(t.strip(), out[-1].title)):
                k = max(seen) + 1  # a label's number printed twice in a row ("附表一:A 附表一:B"): the next item
            if k is not None and k in seen:
                return out
            titles = clean_title(t)
            if k is None:  # a page repeats its download link's name after the list
                titles = [x for x in titles if not any(same_title(x, o.title) for o in out)]
            if k is not None:
                seen.add(k)
            out.extend(Item(k if len(titles) == 1 else None, x) for x in titles)
    if out and all(i.number is None for i in out):
        for k, i in enumerate(out, 1):
            i.number = k
    if len(out) > 1 and out[0].number is None and out[1].number == 2:
        out[0].number = 1  # "附件1漓江…说明 附件2:…报名表": the first label glued to its title
    return out


_TITLE_NOISE = re.compile(r"[\s“”‘’\"'《》〈〉「」『』()（）【】\[\]、,，.。:：;；!！?？·_\-—]+")
_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _norm_title(s: str) -> str:
    """Title for comparison: full-width digits folded, spaces, quotes and
    punctuation dropped (001: "2018 年…“工人先锋号”…" vs "2018年…")."""
    return _TITLE_NOISE.sub("", (s or "").translate(_FW_DIGITS))


def same_title(a: str, b: str) -> bool:
    """True when two listed titles differ only in punctuation and spacing
    (the same file named twice: "附件下载：X.docx" then the link "X.docx")."""
    return _norm_title(a) == _norm_title(b)


def title_similarity(a: str, b: str) -> float:
    """Similarity of two attachment titles in [0, 1] (difflib ratio of the
    normalised strings; 1.0 = same up to spacing/quotes/punctuation)."""
    x, y = _norm_title(a), _norm_title(b)
    if not x or not y:
        return 0.0
    return difflib.SequenceMatcher(None, x, y, autojunk=False).ratio()


def titles_differ(listed: str, body: str) -> bool:
    """True when the 附件说明 title and the page heading differ beyond
    spacing, quote style and punctuation (``Attachment.title_differs``)."""
    return bool(listed and body) and _norm_title(listed) != _norm_title(body)


def _common_prefix(titles: Sequence[str]) -> int:
    if len(titles) < 2:
        return 0
    n = 0
    for chars in zip(*titles):
        if len(set(chars)) != 1:
            break
        n += 1
    return n


def match_titles(bodies: Sequence[str], listed: Sequence[str],
                 threshold: float = 0.5) -> dict[int, int]:
    """Pair attachment page headings with 附件说明 titles: ``{body index:
    listed index}``, one-to-one, best pairs first.

    Titles of one notice often share a long prefix ("2018年长兴县开展“工人
    先锋号”创建活动…"), so the prefix common to all listed titles is
    discounted: a pair scores the mean of the whole-title similarity and the
    similarity of what follows that prefix. Pairs under ``threshold`` stay
    unmatched.
    """
    norm_l = [_norm_title(x) for x in listed]
    pre = _common_prefix(norm_l)
    scored: list[tuple[float, int, int]] = []
    for bi, b in enumerate(bodies):
        nb = _norm_title(b)
        for li, nl in enumerate(norm_l):
            if not nb or not nl:
                continue
            whole = difflib.SequenceMatcher(None, nb, nl, autojunk=False).ratio()
            tb = nb[pre:] if nb[:pre] == nl[:pre] else nb
            tail = difflib.SequenceMatcher(None, tb, nl[pre:], autojunk=False).ratio() \
                if nl[pre:] and tb else whole
            scored.append(((whole + tail) / 2, bi, li))
    out: dict[int, int] = {}
    used: set[int] = set()
    for s, bi, li in sorted(scored, key=lambda x: -x[0]):
        if s < threshold or bi in out or li in used:
            continue
        out[bi] = li
        used.add(li)
    return out
