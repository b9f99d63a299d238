"""Contact points (联系方式) — ANNOTATION.md "contacts".

``extract(doc) -> (list[ContactPoint], list[Warning_])``.

How it works (rules, no statistical model):

1. In every block (paragraphs and tables, attachments included) the
   labels of ``data/contact_labels.json`` are found (联系人, 联系电话, 电话,
   手机, 传真, 邮箱, 电子邮箱, E-mail, QQ, 微信, 地址, 邮编 …), skipping
   any that sit inside an e-mail address (``…@qq.com``).
2. A label's *field* runs from after the label (and ``:`` / spaces / a tab)
   to the next label, a sentence end (``。；``), a line or cell break, or an
   unmatched ``）``. So ``联系电话:6032390/QQ:435746438/微信:13857286264``
   gives three fields and the 微信 number is WeChat, not a phone.
3. A field is read left to right and reading stops at the first thing
   that is not a value of the field's kind: a blank template field
   (``联系人:        联系电话:``) or a label in prose (``微信公众号等``)
   therefore gives nothing. ``联系人`` fields also take names, departments
   (``区总工会宣传教育部张琳、曹理仰`` → department + two names) and
   phones/e-mails by their shape.
4. Phones are validated (mobile ``1[3-9]`` + 9 digits; landline 7–8 digits
   not starting 0/1, optionally after a 0-led area code; 5-digit service
   numbers 12xxx/95xxx/96xxx; 400/800 numbers) and normalised to printed
   digits with one hyphen after an area code, ``转`` before an extension.
   Digit runs in a phone field that fail validation are reported as
   ``bad_phone`` warnings, never emitted. Dates, 发文字号 serials and amounts
   never reach the phone reader because they are not in a phone field.
5. E-mail addresses are found anywhere (ASCII classes only: Python's
   ``\\w`` would swallow the Chinese before them), lower-cased and checked
   with ``email_validator`` (syntax only, ``check_deliverability=False``);
   a malformed one is a ``bad_email`` warning.
6. Values are grouped into contact points in reading order: a new point
   starts at a department, or at a name once the current point already has
   a name followed by values (``张三 138…，李四 139…`` → two points;
   ``张琳、曹理仰`` → one point with two names). Consecutive blocks holding
   contact fields form one run; a block without any ends it. A department
   printed just before the contact fields (``上报区总宣教部邮箱…``,
   ``报送至市总工会经济技术部（…联系电话…）``) is the point's department.

Why no spaCy/jieba here: the blank ``zh`` pipeline has no NER, jieba tags
甘利平 as a place and splits 张琳 when spaced, and loading both costs
~1.3 s against a 1.0 s budget for a cold one-file run. Contact names only
ever appear inside 联系人 fields, where a surname list
(``data/contact_surnames.json``) and the department-suffix rule decide
every case in the corpus, so neither library is loaded.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from extractors._common import evidence, vocab
from extractors.orgs import is_org_name
from extractors.attachment_list import spaced_text
from extractors.contact_fields import (CJK, PHONE, PHONE_LABELS, Item, email_items, field_end,  # noqa: F401
                                       is_name, labels, normalise_phone, org_re, read_field, split_dept_name,
                                       validate_email)
from models.common import Warning_
from models.contacts import ContactPoint, ContactValue
from models.document import Block, Document

@dataclass
class _Point:
    names: list[Item] = field(default_factory=list)
    dept: Optional[Item] = None
    values: list[Item] = field(default_factory=list)
    values_after_name: bool = False

    def empty(self) -> bool:
        return not (self.names or self.dept or self.values)


def _dept_before(text: str, pos: int) -> Optional[tuple[int, int, str]]:
    """A department printed just before the first contact field at ``pos``
    in the same sentence (``上报区总宣教部邮箱`` → 区总宣教部). Its end must
    touch the field, or be followed by ``（`` / ``。（`` that opens the
    parenthesis the field sits in."""
    s = max(text.rfind(c, 0, pos) for c in "。；;\n") + 1
    seg = text[s:pos]
    # the org may end right before the label, or before the bracket that
    # holds the contact fields
    cands = [len(seg)]
    p = seg.rfind("（")
    if p >= 0:
        cands.append(p)
    cut = sorted(vocab("contact_labels")["cut_words"], key=len, reverse=True)
    for c_end in cands:
        head = seg[:c_end]
        m = re.search(rf"[{CJK}]{{2,30}}$", head)
        if not m:
            continue
        run = m.group()
        sfx = list(org_re().finditer(run))
        if not sfx or sfx[-1].end() != len(run):
            continue
        start = 0
        for w in cut:
            i = run.rfind(w)
            if i >= 0 and i + len(w) < len(run) - 1:
                start = max(start, i + len(w))
        org = run[start:]
        if 3 <= len(org) <= 20:
            a = s + m.start() + start
            return a, a + len(org), org
    # "…上报至县总工会经济工作部。（联系人:…）": the bracket right after a
    # sentence end belongs to that sentence
    if s >= 1 and text[s - 1] == "。" and seg.lstrip().startswith(("（", "(")):
        return _dept_before(text, s - 1)
    return None


# "请与德育处童莉芳老师联系", "请联系工会办公室王老师，…": a person the reader
# is told to contact is a contact name, with or without a channel
# (real/README.md "Contacts"); the run must end at punctuation or a label.
_TOLD_TO_CONTACT = re.compile(
    rf"(?:与|和|同|找)(?P<who>[{CJK}、·]{{2,30}}?)(?:联系|联络|咨询)"
    rf"|(?:请|可|可以|欢迎)(?:联系|联络|咨询)(?P<who2>[{CJK}、·]{{2,20}}?)(?=[，,。；;：:（(\s0-9]|$|电话|手机)"
    # "联系付老师报名(电话:8019)": an honorific name, what to do with them, then the number in brackets
    rf"|(?:联系|联络)(?P<who3>[{CJK}]{{1,3}}老师)(?=[{CJK}]{{0,4}}[（(])")
_NAME_CUTS = ("联系", "找")


def _told_to_contact(text: str, bi: int, doc: Document) -> list[Item]:
    """Names in "与…联系" / "请联系…" phrases of ``text`` (no 联系人 label)."""
    out: list[Item] = []
    for m in _TOLD_TO_CONTACT.finditer(text):
        g = next(k for k in ("who", "who2", "who3") if m.group(k))
        got = read_field(text, "name", m.start(g), m.end(g), bi, {}, [], doc)
        if got and got[-1].kind == "name" and got[-1].end == m.end(g):
            out.extend(it for it in got if it.kind == "name")
            # "请联系王老师13912345678", "请联系陈丽,136…": a phone printed right after the name
            p = re.compile(r"[ \t（(，,]*").match(text, m.end(g)).end()
            if p < len(text) and text[p].isdigit():
                out.extend(read_field(text, "phone", p, field_end(text, p, len(text)), bi, {}, [], doc))
    return out


# "交工会郑伟老师处,电子版发…邮箱:…": the person at whose desk material is handed in,
# earlier in the sentence that then gives the mailbox or the phone
_DESK = re.compile(rf"(?:交|交至|送至|送交|报送至?|递交至?)(?P<who>[{CJK}]{{2,16}}?)处(?=[，,])")


def _desk_before(text: str, pos: int, lo: int, bi: int, doc: Document) -> list[Item]:
    """The name in the last :data:`_DESK` phrase of the sentence before ``pos``
    (after ``lo``), [] when none reads as a name."""
    lo = max(lo, max(text.rfind(c, 0, pos) for c in "。；;\n") + 1)
    hits = list(_DESK.finditer(text, lo, pos))
    if not hits:
        return []
    m = hits[-1]
    got = read_field(text, "name", m.start("who"), m.end("who"), bi, {}, [], doc)
    return got if got and got[-1].kind == "name" and got[-1].end == m.end("who") else []


def _names_before(text: str, pos: int, lo: int, bi: int, doc: Document) -> list[Item]:
    """Names printed right before a phone or e-mail label at ``pos`` with no
    联系人 label ("交至校工会办公室张晓宁、李莉丽处,电话:…", "王老师，电话：…",
    "发送到区工会李敏邮箱:…", "…李敏老师OA邮箱,电话:…"):
    the run of names ends where the label's clause begins (a trailing 处
    or 的 dropped); it starts after the last cut word (交至, 联系 …)."""
    lo = max(lo, max(text.rfind(c, 0, pos) for c in "。；;\n") + 1)
    head = text[lo:pos].rstrip(" ，,、：:（(\t”\"」』")  # (a name in quotes: 上报给“运输公司--刘军”(QQ:…))
    # (a role in brackets may stand between the name and the phone: "徐苗(老师):173…")
    role = re.sub(rf"\s*[（(](?:{_ROLES})[）)]$", "", head)
    # "发送到校工会杨业琴老师OA邮箱,联系电话:…": the person's mailbox named after them
    box = re.sub(r"的?(?:OA|QQ|内网|工作)?(?:电子)?(?:邮箱|信箱)$", "", head)
    for h in dict.fromkeys((re.sub(r"(?:处|的)$", "", head), head, role, box)):
        m = re.search(rf"[{CJK}、·]{{2,40}}$", h)
        if not m:
            continue
        run, a = m.group(), lo + m.start()
        cuts = sorted(vocab("contact_labels")["cut_words"] + list(_NAME_CUTS), key=len, reverse=True)
        k = max((run.rfind(w) + len(w) for w in cuts if run.rfind(w) >= 0), default=0)
        got = read_field(text, "name", a + k, lo + len(h), bi, {}, [], doc)
        if got and got[-1].kind == "name" and got[-1].end == lo + len(h):
            return got
    return []


def _bracketed_names(text: str, bi: int, items: list[Item]) -> list[Item]:
    """A person named in brackets right after a phone ("联系电话：0571-87654321
    （王老师）"), or after it with an honorific at the field's end ("…13569531234
    郑老师。"), is that phone's contact."""
    named = {(it.start, it.end) for it in items if it.kind == "name"}
    out = []
    for it in items:
        if it.kind not in PHONE_LABELS:
            continue
        for rx in (_NAME_IN_BRACKETS, _HONORIFIC_AFTER):
            m = rx.match(text, it.end)
            dept, name = split_dept_name(m.group(1)) if m else (None, None)
            # ("86155971王婷老师": the full name, its honorific dropped, as the 联系人 field reads it)
            if m and dept is None and name and m.group(1).startswith(name) and (m.start(1), m.end(1)) not in named:
                out.append(Item("name", name, name, bi, m.start(1), m.start(1) + len(name)))
    return out


_ROLES = "老师|教师|学生|同学|主任|副主任|部长|科长|书记|干事|负责人|联系人"
_NAME_IN_BRACKETS = re.compile(rf"\s*[（(]([{CJK}]{{2,8}})[）)]")
# (or after it with an honorific, closing the field: "咨询电话:13569531234 郑老师。")
_HONORIFIC_AFTER = re.compile(rf"[ \t]*[，,]?[ \t]*([{CJK}]{{1,3}}(?:老师|主任|科长|部长|书记|秘书|干事))(?=[，,。；;\s]|$)")


def _name_before_mail(text: str, bi: int, doc: Document, items: list[Item]) -> list[Item]:
    """A person named right before an e-mail printed in brackets ("…发送给工会
    顾红宁(474473464@qq.com)"): the mailbox is that person's (issue 11: a
    name given with a way to reach them needs no 联系人 label)."""
    named = {(it.start, it.end) for it in items if it.kind == "name"}
    out: list[Item] = []
    for it in items:
        if it.kind == "email" and re.search(r"[(（]\s*$", text[:it.start]):
            out += [n for n in _names_before(text, it.start, 0, bi, doc)
                    if n.kind == "name" and (n.start, n.end) not in named]
    return out


def _bare_contacts(text: str, bi: int, doc: Document, items: list[Item]) -> list[Item]:
    """Names printed right before a phone that no label introduced ("县文联
    韦国栋 13974221234", "…或办公室 程老师 0576-88221234", a second person
    after "；" in a 联系人 line): a phone no field read whose preceding
    words are [department] name gives that contact point (issue 11: "a name
    directly before a phone"). Phones after anything else stay unread."""
    taken = sorted((it.start, it.end) for it in items)

    def free(a: int, z: int) -> bool:  # no taken span overlaps a:z (bisect: a long paste has many)
        k = bisect.bisect_left(taken, (z, -1))
        return not any(s < z and a < e for s, e in taken[max(0, k - 8):k])

    out: list[Item] = []
    for m in PHONE.finditer(text):
        p = m.start()
        if p == 0 or text[p - 1] not in " ，,、:：（(\t" and not re.match(rf"[{CJK}]", text[p - 1]):
            continue
        if not normalise_phone(m) or not free(p, m.end()):
            continue
        if re.match(r"\s*[年月日号元人个名万次%％]", text[m.end():]):
            continue  # a count or a date, not a phone
        names = _names_before(text, p, 0, bi, doc) or _bracketed_pair(text, p, m.end(), bi)
        remark = None if names else _REMARK_BEFORE.search(text, max(0, p - 16), p)
        if remark:  # "；亓老师(抚州校区),136…": a place or desk in brackets between the name and the phone
            names = _names_before(text, remark.start(), 0, bi, doc)
        if not any(n.kind == "name" for n in names) or not all(free(n.start, n.end) for n in names):
            continue
        phones = read_field(text, "phone", p, field_end(text, p, len(text)), bi, {}, [], doc)
        out += names + phones
        for it in names + phones:
            bisect.insort(taken, (it.start, it.end))
    return out


# a remark in brackets after a name, before its phone ("王老师(南昌校区),183…")
_REMARK_BEFORE = re.compile(r"[（(][^()（），,。；;]{1,10}[)）][ \t]*[，,:：]?[ \t]*$")


# a person and a phone together in brackets after an item ("象棋(阿希德 15048769869)"): the
# brackets pair them, so the name needs no listed surname (names of minority languages)
_PAIR_OPEN = re.compile(rf"[（(]([{CJK}]{{2,5}})\s*$")


def _bracketed_pair(text: str, p: int, end: int, bi: int) -> list[Item]:
    """The name in "(name phone)" around the phone at ``p``:``end``, else []."""
    m = _PAIR_OPEN.search(text, max(0, p - 8), p)
    if not m or not re.match(r"\s*[)）]", text[end:]):
        return []
    name = m.group(1)
    if name in vocab("contact_labels")["not_names"] or is_org_name(name) or re.search(_ROLES, name):
        return []
    return [Item("name", name, name, bi, m.start(1), m.end(1))]


def _labels_found(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the contact labels in ``text`` outside the e-mail ``spans``."""
    label_re, kinds = labels()
    found = []
    for m in label_re.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        k = kinds[int(m.lastgroup[1:])]
        if k in ("qq", "wechat") and ("、" in text[m.end():m.end() + 1] or text[m.start() - 1:m.start()] == "、"):
            continue  # "利用微博、微信、vlog": a platform in a list, no label
        if re.match(r"\s*[)）](?!\s*[:：])", text[m.end():m.end() + 4]) and re.search(r"[(（][带兼同及也]?\s*$", text[max(0, m.start() - 3):m.start()]):
            continue  # "010-84854726(带传真),…": a remark on the phone before it, no field of its own
        found.append((m.start(), m.end(), k))
    return found


def _block_items(doc: Document, bi: int, warnings: list, carry: Optional[str] = None) -> list[Item]:
    """Items of block ``bi``. ``carry`` is the kind of a label that ended the
    previous block with an empty field (a PDF line wrapped after
    ``电话:``): this block's first characters are read as that field."""
    text = doc.blocks[bi].text
    emails = {}
    spans = []
    for s, e, addr in email_items(text, bi):
        spans.append((s, e))
        ok = validate_email(addr)
        if ok is None:
            warnings.append(Warning_(code="bad_email",
                                     message=f"{addr!r} is not a well-formed e-mail address",
                                     evidence=evidence(doc, bi, s, e)))
            continue
        emails[s] = (e, ok)
    found = _labels_found(text, spans)
    items: list[Item] = []
    used_emails: set[int] = set()
    if carry:
        first = found[0][0] if found else len(text)
        items.extend(read_field(text, carry, 0, field_end(text, 0, first), bi, emails, warnings, doc))
    last_end = 0
    seen_name_label = False
    for i, (ls, le, k) in enumerate(found):
        nxt = found[i + 1][0] if i + 1 < len(found) else len(text)
        if seen_name_label and i > 0:
            # "联系人:A部王敏，电话:…；B处陈晓东，电话:…": a second person
            # printed without a new 联系人 label, between two fields
            g0 = last_end
            while g0 < ls and text[g0] in "；;，,、 \t":
                g0 += 1
            g1 = ls
            while g1 > g0 and text[g1 - 1] in "；;，,、 :：\t\n":
                g1 -= 1
            if g1 > g0 and text[g0] not in "。\n":
                bare = read_field(text, "name", g0, g1, bi, {}, [], doc)
                if bare and bare[-1].end == g1:
                    items.extend(bare)
        seen_name_label = seen_name_label or k == "name"
        start = le
        # "电话（传真）：…": the label sits in brackets, the value after them
        sep = re.compile(r"(?:[)）](?=[ \t]*[:：]))?[ \t:：]*").match(text, start)
        start = sep.end()
        end = field_end(text, start, nxt, doc.blocks[bi].offsets)
        got = read_field(text, k, start, end, bi, emails, warnings, doc)
        if (k in PHONE_LABELS or k in ("email", "qq")) and got and not any(
                it.kind == "name" and it.start >= last_end for it in items):  # (a second person's label)
            items.extend(_names_before(text, ls, last_end, bi, doc) or _desk_before(text, ls, last_end, bi, doc))
        # a field read short ("电话：0553-3831234区科协任涛电话：…") leaves the
        # rest for the next person's name
        if got or k != "email":  # an empty mailbox word ("…老师OA邮箱,电话:…") leaves its name to the next field
            last_end = got[-1].end if got and k in PHONE_LABELS else max(end, got[-1].end if got else end)
        for it in got:
            if it.kind == "email":
                used_emails.add(it.start)
        if got and not items:
            d = _dept_before(text, ls)
            if d and got[0].kind != "dept":
                items.append(Item("dept", d[2], d[2], bi, d[0], d[1]))
        items.extend(got)
    for it in items:
        if it.kind == "email":
            used_emails.add(it.start)
    for s, (e, addr) in emails.items():
        if s not in used_emails:
            items.append(Item("email", addr, text[s:e], bi, s, e))
    named = {(it.start, it.end) for it in items if it.kind == "name"}
    items.extend(it for it in _told_to_contact(text, bi, doc) if (it.start, it.end) not in named)
    if doc.blocks[bi].kind == "paragraph":
        items.extend(_bare_contacts(text, bi, doc, items))
        items.extend(_bracketed_names(text, bi, items))
        items.extend(_name_before_mail(text, bi, doc, items))
    # "13478864813(微信同号)": the label makes the mobile the WeChat id too
    items += [Item("wechat", it.value, it.raw, bi, it.start, it.end) for it in items
              if it.kind == "mobile" and _SAME_WECHAT.match(text, it.end)]
    items.sort(key=lambda x: x.start)
    return items


_SAME_WECHAT = re.compile(r"\s*[（(]\s*(?:微信同号|同微信号?|微信号同)\s*[)）]")


_SENTENCE_END = re.compile(r"[。！？!?；;]\s*$")
# an item number (one or two digits, never 0-led: "8701、8662…", "01、…" are a wrapped phone) is followed by
# its text, never by more ASCII ("26.com" is a wrapped mail)
_UNIT_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|[1-9][0-9]?(?:[、．]|\.(?![A-Za-z0-9])|\.(?=(?:19|20)\d{2}\s*年))|附件|附\s*[:：])")


def _wrapped_units(doc: Document) -> list[list[int]]:
    """Block indices grouped into paragraphs: a paragraph that ends no
    sentence runs on into the next paragraph unless that opens an item or
    an attachment — a line broken anywhere (a PDF text layer, a narrow
    page) must not split a phone, an address or a name (issue 11 invariance)."""
    units: list[list[int]] = []
    z = doc.zones
    # the 署名, 成文日期 and 版记 lines close the text: a field never runs into them
    # ("联系人:刘子洋 电话:8625300" / "2022年6月30日" is no phone 86253002022)
    closing = {z.date, *z.signature, *z.record} if z else set()
    page = set(z.page) if z else set()  # (nor does a field run into a page's own line, or out of it)
    for i, b in enumerate(doc.blocks):
        if units and i > 0:
            p = doc.blocks[i - 1]
            if (p.kind == b.kind == "paragraph" and (p.text or "").strip() and (b.text or "").strip()
                    and not _SENTENCE_END.search(p.text) and not _UNIT_START.match(b.text)
                    and (i in closing) == (i - 1 in closing) and (i in page) == (i - 1 in page)):
                units[-1].append(i)
                continue
        units.append([i])
    return units


def _label_across(a: str, b: str, label_re: re.Pattern) -> bool:
    """True when a label runs over the break between lines ``a`` and ``b``
    ("…谭志刚，联系" / "电话：…" is one 联系电话 label, not 电话)."""
    tail = a[-8:]
    return any(m.start() < len(tail) < m.end() for m in label_re.finditer(tail + b[:8]))


def _break(a: Block, b: Block, label_re: re.Pattern) -> str:
    """What stands between two lines read as one paragraph: a line break
    before a line that opens with a label (a new field), a space where the
    lines printed one between two ASCII runs ("0734-8221234" / " 138…":
    two phones), else nothing (a number or a name broken by the wrap)."""
    if label_re.match(b.text) and not _label_across(a.text, b.text, label_re):
        return "\n"
    if re.fullmatch(r"[\d\-—]{7,}", a.text.strip()) and re.fullmatch(r"[A-Za-z][\w.\-]*@[\w.\-]+", b.text.strip()):
        return "\n"  # "64253496" / "keji@ecust.edu.cn": a phone alone on its line, then an address on the next
    spaced = a.raw[-1:].isspace() or b.raw[:1].isspace()
    if spaced and re.search(r"[0-9A-Za-z]$", a.text) and re.match(r"[0-9A-Za-z]", b.text):
        return " "
    if re.search(r"(?<![\d\-])\d{7,12}$", a.text) and re.match(r"\d{7,}", b.text):
        return " "  # a whole phone on each line ("联系电话:25203953" / "25203220"): a wrap never cuts one so
    if len(a.text) <= 40 and len(b.text) <= 40:  # names listed over short lines ("联系人:周涛 路宽" / "胡永丽")
        last, first = spaced_text(a).split()[-1:], spaced_text(b).split()[:1]
        if last and first and is_name(re.split(r"[:：]", last[0])[-1]) and is_name(first[0]):
            return " "  # (a wrap never cuts one name into two names)
    return ""


def _unit_items(doc: Document, unit: list[int], warnings: list, carry: Optional[str]):
    """:func:`_block_items` of several blocks read as one paragraph, with the
    items' and warnings' positions put back into their own blocks, third
    parties' phones dropped. Returns (items, the merged block)."""
    label_re = labels()[0]
    blocks = [doc.blocks[i] for i in unit]
    seps = [_break(a, b, label_re) for a, b in zip(blocks, blocks[1:])] + [""]
    texts = [b.text + sep for b, sep in zip(blocks, seps)]
    starts = [0]
    for t in texts:
        starts.append(starts[-1] + len(t))
    raw, offs = "", []  # raw positions kept: "张三 李四" split by a space stays two names
    for b, sep in zip(blocks, seps):
        own = b.offsets if len(b.offsets) > len(b.text) else list(range(len(b.text) + 1))
        offs += [len(raw) + own[j] for j in range(len(b.text))]
        raw += b.raw if len(b.offsets) > len(b.text) else b.text
        if sep:
            offs.append(len(raw))
            raw += sep
    merged = Block(kind="paragraph", raw=raw, text="".join(texts), offsets=offs + [len(raw)],
                   page=doc.blocks[unit[0]].page, origin=doc.blocks[unit[0]].origin)
    # the merged block is read as one more block of the document: appended for
    # the call and removed after (copying the block list for every wrapped
    # unit made a long notice quadratic — issue 15: a 50 MB paste of circulars)
    n_warn = len(warnings)
    doc.blocks.append(merged)
    try:
        # third parties are judged on the merged text, where the positions hold
        items = _third_party_dropped(merged, _block_items(doc, len(doc.blocks) - 1, warnings, carry))
    finally:
        doc.blocks.pop()

    def home(a: int, z: int) -> tuple[int, int, int]:
        k = max(j for j in range(len(unit)) if starts[j] <= a)
        end = starts[k] + len(doc.blocks[unit[k]].text)
        return unit[k], min(a, end) - starts[k], max(min(a, end), min(z, end)) - starts[k]

    for it in items:
        it.block, it.start, it.end = home(it.start, it.end)
    for w in warnings[n_warn:]:
        if w.evidence is not None:
            w.evidence = evidence(doc, *home(w.evidence.start, w.evidence.end))
    return items, merged


def _third_party_dropped(block, items: list[Item]) -> list[Item]:
    """``items`` without third parties' phones (real/README.md "Contacts"):
    a table listing phones on two or more rows is a list of units or
    merchants, not the issuer's contact; a phone that follows a service
    provider's name (一卡通服务中心, 建设银行, 旅行社 …, not a 工会 office)
    in its sentence, with no contact person named, belongs to that provider."""
    phones = [it for it in items if it.kind in PHONE_LABELS]
    if not phones:
        return items
    text = block.text
    drop: set[int] = set()
    if block.kind == "table" and len({text.count("\n", 0, it.start) for it in phones}) >= 2:
        drop = {id(it) for it in phones}
    for it in phones:
        lo = max(text.rfind(c, 0, it.start) for c in "。；;\n\t") + 1
        named = any(n.kind == "name" and lo <= n.start < it.start for n in items)
        if not named and _provider_before(text[lo:it.start]):
            drop.add(id(it))
    return [it for it in items if id(it) not in drop]


def _provider_before(head: str) -> bool:
    """Whether the clause ``head`` before a phone names a service provider
    (the CJK run after the last cut word ends in a provider word and holds
    no 工会)."""
    words = vocab("contact_labels")["third_party"]
    for m in re.finditer(rf"[{CJK}]+", head):
        run = m.group()
        k = max((run.rfind(w) + len(w) for w in ("由", "到", "在", "向", "至", "找", "请", "与")
                 if run.rfind(w) >= 0), default=0)
        org = run[k:]
        if "工会" not in org and any(w in org for w in words):
            return True
    return False


def _open_label(text: str) -> Optional[str]:
    """The kind of a label that ends ``text`` with nothing after it but
    ``:`` or spaces (``…电话:``), else None."""
    label_re, kinds = labels()
    m = None
    for m in label_re.finditer(text):
        pass
    if m and not text[m.end():].strip(" :：\t"):
        return kinds[int(m.lastgroup[1:])]
    return None


def _group(runs: list[list[Item]]) -> list[_Point]:
    points: list[_Point] = []
    for run in runs:
        cur = _Point()
        for it in run:
            if it.kind == "dept":
                if not cur.empty():
                    points.append(cur)
                    cur = _Point()
                cur.dept = it
            elif it.kind == "name":
                if cur.names and cur.values_after_name:
                    points.append(cur)
                    cur = _Point()
                if it.value not in [n.value for n in cur.names]:
                    cur.names.append(it)
                cur.values_after_name = False
            else:
                if not any(v.kind == it.kind and v.value == it.value for v in cur.values):
                    cur.values.append(it)
                if cur.names:
                    cur.values_after_name = True
        if not cur.empty():
            points.append(cur)
    # a department alone with no way to reach it is not a contact point
    return [p for p in points if p.names or p.values]


def extract(doc: Document) -> tuple[list[ContactPoint], list[Warning_]]:
    """Contact points of ``doc`` and warnings (``bad_email``, ``bad_phone``).

    Every block is searched, attachments and tables included; blank template
    fields give nothing. Each value carries evidence into the normalised
    text. See the module docstring for the rules.
    """
    warnings: list[Warning_] = []
    runs: list[list[Item]] = []
    prev_had = False
    carry: Optional[str] = None
    page = set(doc.zones.page) if doc.zones else set()  # a site's menus ("维权热线 12351") are no contact
    for unit in _wrapped_units(doc):
        bi, b = unit[0], doc.blocks[unit[0]]
        if bi in page:
            prev_had = False
            continue
        if len(unit) > 1:
            items, b = _unit_items(doc, unit, warnings, carry)
        elif not b.text or not b.text.strip():
            continue
        else:
            items = _third_party_dropped(b, _block_items(doc, bi, warnings, carry))
        carry = _open_label(b.text)
        if items and any(it.kind not in ("dept",) for it in items):
            if prev_had and runs:
                runs[-1].extend(items)
            else:
                runs.append(items)
            prev_had = True
        else:
            prev_had = False
    out: list[ContactPoint] = []
    for p in _group(runs):
        members = ([p.dept] if p.dept else []) + p.names + p.values
        first = min(members, key=lambda x: (x.block, x.start))
        last = max((m for m in members if m.block == first.block), key=lambda x: x.end)
        ev = evidence(doc, first.block, first.start, last.end)
        out.append(ContactPoint(
            names=[n.value for n in p.names],
            department=p.dept.value if p.dept else None,
            values=[ContactValue(kind=v.kind, value=v.value, raw=v.raw,
                                 evidence=evidence(doc, v.block, v.start, v.end))
                    for v in p.values],
            text=ev.quote,
            evidence=ev,
        ))
    return out, warnings
