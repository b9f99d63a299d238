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

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from extractors._common import evidence, vocab
from models.common import Warning_
from models.contacts import ContactPoint, ContactValue
from models.document import Document

_CJK = r"\u4e00-\u9fff"
# Loose on purpose: anything that looks meant as an address is read, then
# validated, so a malformed one becomes a warning instead of vanishing.
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@+[A-Za-z0-9_\-]*(?:[.,][A-Za-z0-9_\-]+)*")
_DASH = "\\-\u2014\u2013\u2012\u2015\uff0d~\uff5e"
# One phone as printed: optional (area code), local number (mobiles may be
# spaced 3-4-4), optional extension (转/分机/ext/-NNNN), optional /NN sibling.
_PHONE = re.compile(
    rf"(?<![0-9])"
    rf"(?:(?P<area>[(（]\s*0\d{{2,3}}\s*[)）]|0\d{{2,3}}(?=\s*[{_DASH}]|\s+\d))\s*[{_DASH}]*\s*)?"
    rf"(?P<local>1[3-9]\d[\s\-]?\d{{4}}[\s\-]?\d{{4}}|[48]00[\s\-]?\d{{3}}[\s\-]?\d{{4}}|\d+)"
    rf"(?:\s*(?:转|分机|ext\.?|[{_DASH}])\s*(?P<ext>\d{{1,6}}))?"
    rf"(?P<alts>(?:\s*/\s*\d{{1,6}}(?![0-9]))*)"
    rf"(?![0-9])"
)
_DELIM = re.compile(r"[\s、，,；;/（）()]+")
_CJK_RUN = re.compile(rf"[{_CJK}·]+")
_ASCII_ID = re.compile(r"[A-Za-z][A-Za-z0-9_\-]{3,29}")
_QQ = re.compile(r"[1-9]\d{4,11}(?![0-9])")
_MOBILE = re.compile(r"1[3-9]\d{9}(?![0-9])")
# Last characters that make a token an organisation rather than a person.
_ORG_FINAL = "部处科室办局组站所院队厅委会心"
_POSTCODE = re.compile(r"\d{6}(?![0-9])")
_HARD_STOP = re.compile(r"[。；;\n]")


@dataclass
class _Item:
    """A value, name or department found in one block, in reading order."""

    kind: str  # name | dept | phone | mobile | fax | email | qq | wechat | address | postcode
    value: str
    raw: str
    block: int
    start: int
    end: int


@dataclass
class _Point:
    names: list[_Item] = field(default_factory=list)
    dept: Optional[_Item] = None
    values: list[_Item] = field(default_factory=list)
    values_after_name: bool = False

    def empty(self) -> bool:
        return not (self.names or self.dept or self.values)


@lru_cache(maxsize=None)
def _labels() -> tuple[re.Pattern, list[str]]:
    data = vocab("contact_labels")
    kinds = [k for k, _ in data["labels"]]
    alt = "|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(data["labels"]))
    return re.compile(alt), kinds


@lru_cache(maxsize=None)
def _surnames() -> tuple[frozenset, tuple]:
    data = vocab("contact_surnames")
    return frozenset(data["single"]), tuple(data["compound"])


@lru_cache(maxsize=None)
def _org_re() -> re.Pattern:
    sfx = "|".join(sorted(vocab("contact_labels")["org_suffixes"], key=len, reverse=True))
    return re.compile(rf"(?:{sfx})")


# ---------------------------------------------------------------- phones

def normalise_phone(m: re.Match) -> list[tuple[str, str]]:
    """``[(value, kind)]`` for one :data:`_PHONE` match, ``[]`` when the
    digits are not a phone. ``kind`` is ``mobile`` or ``phone``.

    Rules (ANNOTATION.md contacts): mobiles are ``1[3-9]`` + 9 digits (spaces
    or hyphens inside dropped); landlines 7–8 digits not starting 0/1, after
    an optional area code of 3–4 digits starting 0 (kept with one hyphen);
    5-digit service numbers 12xxx/95xxx/96xxx; 400/800 + 7 digits. An
    extension (``转8012``, ``-8012``, ``分机8012``) is kept as ``转8012``. A
    ``/19`` after a number gives a sibling number with the last digits
    replaced (``66120318/19`` → 66120318, 66120319); a longer tail after
    ``/`` that is shorter than the number is an extension
    (``66120318/661203`` → ``66120318转661203``).
    """
    area = m.group("area")
    local = re.sub(r"[\s\-]", "", m.group("local"))
    ext = m.group("ext")
    if area:
        area = re.sub(r"\D", "", area)
    kind = "phone"
    if re.fullmatch(r"1[3-9]\d{9}", local) and not area:
        kind = "mobile"
    elif re.fullmatch(r"[48]00\d{7}", local) and not area:
        pass
    elif re.fullmatch(r"[2-9]\d{6,7}", local):
        pass
    elif re.fullmatch(r"(?:12\d{3}|9[56]\d{3})", local) and not area and not ext:
        pass
    elif not area and re.fullmatch(r"0\d{9,11}", local):
        pass  # area code printed without separator: kept as printed digits
    else:
        return []
    base = f"{area}-{local}" if area else local
    out: list[tuple[str, str]] = []
    alts = re.findall(r"\d+", m.group("alts") or "")
    if ext and kind == "mobile":
        return []  # 138…转12 is not a phone: a mobile has no extension
    if ext:
        out.append((f"{base}转{ext}", kind))
    else:
        out.append((base, kind))
    for a in alts:
        if len(a) <= 2 and len(a) < len(local):
            sib = local[: len(local) - len(a)] + a
            out.append((f"{area}-{sib}" if area else sib, kind))
        elif len(a) < len(local) and kind != "mobile":
            out[0] = (f"{base}转{a}", kind)
        else:
            return out  # a full second number: read by the caller's next match
    return out


# ---------------------------------------------------------------- names

def _is_name(tok: str) -> bool:
    """A person's name: a listed surname + 1–2 characters (compound surname
    + 1–2), not a form word (负责人, 姓名 …) and not ending like an org."""
    data = vocab("contact_labels")
    if tok in data["not_names"] or not (2 <= len(tok) <= 4):
        return False
    single, compound = _surnames()
    if tok.startswith(compound):
        given = len(tok) - 2
    elif tok[0] in single:
        given = len(tok) - 1
    else:
        return False
    if not 1 <= given <= 2:
        return False
    return tok[-1] not in _ORG_FINAL


def split_dept_name(tok: str) -> tuple[Optional[str], Optional[str]]:
    """``(department, name)`` of one 联系人 token.

    ``区总工会宣传教育部张琳`` → (``区总工会宣传教育部``, ``张琳``);
    ``张琳`` → (None, ``张琳``); ``经济工作部`` → (``经济工作部``, None);
    anything else → (None, None). The department is the longest prefix that
    ends in an org suffix (部, 处, 办公室 …, ``data/contact_labels.json``)
    and leaves a valid name, or the whole token when it ends in one.
    """
    honor = vocab("contact_labels")["name_honorifics"]
    for h in honor:
        if tok.endswith(h) and len(tok) > len(h) + 1:
            tok = tok[: -len(h)]
    if _is_name(tok):
        return None, tok
    for m in reversed(list(_org_re().finditer(tok))):
        dept, rest = tok[: m.end()], tok[m.end():]
        if len(dept) < 2:
            continue
        if not rest:
            return dept, None
        if _is_name(rest):
            return dept, rest
    return None, None


# ---------------------------------------------------------------- fields

def _email_items(text: str, block: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().rstrip(".,")) for m in _EMAIL.finditer(text)]


def _validate_email(addr: str) -> Optional[str]:
    """The lower-cased address if its syntax is valid (email_validator,
    ``check_deliverability=False``), else None. Imported lazily: only a
    document with an ``@`` pays the import."""
    from email_validator import EmailNotValidError, validate_email
    try:
        validate_email(addr, check_deliverability=False)
    except EmailNotValidError:
        return None
    return addr.lower()


def _field_end(text: str, start: int, stop: int) -> int:
    """End of a field starting at ``start`` (≤ ``stop``, the next label):
    a sentence end, a line or cell break, or an unmatched closing bracket."""
    depth = 0
    i = start
    while i < stop:
        c = text[i]
        if c in "。；;\n\t":
            return i
        if c in "（(":
            depth += 1
        elif c in "）)":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return stop


def _read_field(text: str, kind: str, start: int, end: int, block: int,
                emails: dict[int, tuple[int, str]], warnings: list, doc: Document) -> list[_Item]:
    """Values of one field ``text[start:end]`` whose label has ``kind``."""
    items: list[_Item] = []
    pos = start
    while pos < end:
        if text[pos] in "(（" and kind in ("phone", "mobile", "fax"):
            m = _PHONE.match(text, pos, end)  # (0532)85912346: the bracket is the area code's
            if m and normalise_phone(m):
                for v, shape in normalise_phone(m):
                    items.append(_Item("fax" if kind == "fax" else shape, v, m.group().strip(),
                                       block, m.start(), m.end()))
                pos = m.end()
                continue
        d = _DELIM.match(text, pos, end)
        if d and d.end() <= end:
            pos = d.end()
            continue
        if pos in emails:
            e_end, addr = emails[pos]
            items.append(_Item("email", addr, text[pos:e_end], block, pos, e_end))
            pos = e_end
            continue
        c = text[pos]
        if kind == "address":
            seg = text[pos:end].rstrip("，,、 ")
            if re.search(rf"[{_CJK}]", seg) and re.search(r"[市区县镇路街道号楼室村巷弄]", seg):
                items.append(_Item("address", seg, seg, block, pos, pos + len(seg)))
            break
        if kind == "postcode":
            m = _POSTCODE.match(text, pos, end)
            if m and m.end() <= end:
                items.append(_Item("postcode", m.group(), m.group(), block, pos, m.end()))
            break
        if kind in ("qq", "wechat"):
            if kind == "qq":
                m = _QQ.match(text, pos, end)
            else:  # a WeChat id: a mobile number, an ASCII id, or digits
                m = _MOBILE.match(text, pos, end) or _ASCII_ID.match(text, pos, end) or _QQ.match(text, pos, end)
            if m and m.end() <= end:
                items.append(_Item(kind, m.group(), m.group(), block, pos, m.end()))
                pos = m.end()
                continue
            break
        if c.isdigit() or c in "(（":
            m = _PHONE.match(text, pos, end)
            if not m or m.end() > end:
                break
            vals = normalise_phone(m)
            if not vals:
                digits = re.sub(r"\D", "", m.group())
                if kind in ("phone", "mobile", "fax") and len(digits) >= 5:
                    warnings.append(Warning_(
                        code="bad_phone",
                        message=f"{m.group().strip()!r} after a phone label is not a valid phone number",
                        evidence=evidence(doc, block, m.start(), m.end())))
                break
            for v, shape in vals:
                k = "fax" if kind == "fax" else shape
                items.append(_Item(k, v, m.group().strip(), block, m.start(), m.end()))
            pos = m.end()
            continue
        if kind in ("name", "dept"):
            m = _CJK_RUN.match(text, pos, end)
            if not m or m.end() > end:
                break
            tok = m.group()
            if kind == "dept":
                items.append(_Item("dept", tok, tok, block, pos, m.end()))
                break
            dept, name = split_dept_name(tok)
            if dept is None and name is None:
                break
            if dept:
                items.append(_Item("dept", dept, dept, block, pos, pos + len(dept)))
            if name:
                s = pos + (len(dept) if dept else 0)
                items.append(_Item("name", name, text[s:m.end()], block, s, m.end()))
            pos = m.end()
            continue
        break
    return items


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
        m = re.search(rf"[{_CJK}]{{2,30}}$", head)
        if not m:
            continue
        run = m.group()
        sfx = list(_org_re().finditer(run))
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


def _block_items(doc: Document, bi: int, warnings: list, carry: Optional[str] = None) -> list[_Item]:
    """Items of block ``bi``. ``carry`` is the kind of a label that ended the
    previous block with an empty field (a PDF line wrapped after
    ``电话:``): this block's first characters are read as that field."""
    text = doc.blocks[bi].text
    label_re, kinds = _labels()
    emails = {}
    spans = []
    for s, e, addr in _email_items(text, bi):
        spans.append((s, e))
        ok = _validate_email(addr)
        if ok is None:
            warnings.append(Warning_(code="bad_email",
                                     message=f"{addr!r} is not a well-formed e-mail address",
                                     evidence=evidence(doc, bi, s, e)))
            continue
        emails[s] = (s + len(addr), ok)
    labels = []
    for m in label_re.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        k = kinds[int(m.lastgroup[1:])]
        labels.append((m.start(), m.end(), k))
    items: list[_Item] = []
    used_emails: set[int] = set()
    if carry:
        first = labels[0][0] if labels else len(text)
        items.extend(_read_field(text, carry, 0, _field_end(text, 0, first), bi, emails, warnings, doc))
    last_end = 0
    seen_name_label = False
    for i, (ls, le, k) in enumerate(labels):
        nxt = labels[i + 1][0] if i + 1 < len(labels) else len(text)
        if seen_name_label and i > 0:
            # "联系人:A部王敏，电话:…；B处陈晓东，电话:…": a second person
            # printed without a new 联系人 label, between two fields
            g0 = last_end
            while g0 < ls and text[g0] in "；;，,、 \t":
                g0 += 1
            g1 = ls
            while g1 > g0 and text[g1 - 1] in "；;，,、 :：\t":
                g1 -= 1
            if g1 > g0 and text[g0] not in "。\n":
                bare = _read_field(text, "name", g0, g1, bi, {}, [], doc)
                if bare and bare[-1].end == g1:
                    items.extend(bare)
        seen_name_label = seen_name_label or k == "name"
        start = le
        sep = re.compile(r"[ \t:：]*").match(text, start)
        start = sep.end()
        end = _field_end(text, start, nxt)
        got = _read_field(text, k, start, end, bi, emails, warnings, doc)
        last_end = max(end, got[-1].end if got else end)
        for it in got:
            if it.kind == "email":
                used_emails.add(it.start)
        if got and not items:
            d = _dept_before(text, ls)
            if d and got[0].kind != "dept":
                items.append(_Item("dept", d[2], d[2], bi, d[0], d[1]))
        items.extend(got)
    for it in items:
        if it.kind == "email":
            used_emails.add(it.start)
    for s, (e, addr) in emails.items():
        if s not in used_emails:
            items.append(_Item("email", addr, text[s:e], bi, s, e))
    items.sort(key=lambda x: x.start)
    return items


def _open_label(text: str) -> Optional[str]:
    """The kind of a label that ends ``text`` with nothing after it but
    ``:`` or spaces (``…电话:``), else None."""
    label_re, kinds = _labels()
    m = None
    for m in label_re.finditer(text):
        pass
    if m and not text[m.end():].strip(" :：\t"):
        return kinds[int(m.lastgroup[1:])]
    return None


def _group(runs: list[list[_Item]]) -> list[_Point]:
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
    runs: list[list[_Item]] = []
    prev_had = False
    carry: Optional[str] = None
    for bi, b in enumerate(doc.blocks):
        if not b.text or not b.text.strip():
            continue
        items = _block_items(doc, bi, warnings, carry)
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
