"""Reading the values of one contact field (ANNOTATION.md "contacts"):
phones (validated and normalised), e-mail addresses, QQ and WeChat ids,
addresses, postcodes, and the names and departments of a 联系人 field.
The rules are the ones listed in :mod:`extractors.contacts` (steps 3–5).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from extractors._common import ITEM_NUMBER, evidence, vocab
from models.common import Warning_
from models.document import Document

CJK = r"\u4e00-\u9fff"
# Loose on purpose: anything that looks meant as an address is read, then
# validated, so a malformed one becomes a warning instead of vanishing.
# (a web page may print a space beside the @: "1061024525 @qq.com")
# (a domain's dot typed as a full stop by a Chinese input method: "hfgh@163。com")
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+ ?@+ ?[A-Za-z0-9_\-]*"
                    r"(?:[.,][A-Za-z0-9_\-]+|。(?:com|cn|net|org)(?![A-Za-z0-9]))*")
_DASH = "\\-\u2014\u2013\u2012\u2015\uff0d~\uff5e"
# One phone as printed: optional (area code), local number (mobiles may be
# spaced 3-4-4), optional extension (转/分机/ext/-NNNN), optional /NN sibling.
_PHONE = re.compile(
    rf"(?<![0-9])"
    rf"(?:(?P<area>[(（]\s*0\d{{1,3}}\s*[)）]|0\d{{2,3}}(?=\s*[{_DASH}]|\s+\d)|0\d(?=-[2-9]\d{{2,3}}-?\d{{4}}(?!\d)))"
    rf"\s*[{_DASH}]*\s*)?"
    rf"(?P<local>1[3-9]\d[\s\-]?\d{{4}}[\s\-]?\d{{4}}|[48]00[\s\-]?\d{{3}}[\s\-]?\d{{4}}"
    rf"|(?<=[)）\-])\s*[2-9]\d{{2,3}}-\d{{4}}(?!\d)|\d+)"  # (02)2592-5252, 03-435-1688: a Taiwan local number split by a hyphen
    rf"(?:\s*(?:转|分机|ext\.?|[{_DASH}])\s*(?P<ext>\d{{1,6}}))?"
    rf"(?P<alts>(?:\s*/\s*\d{{1,6}}(?![0-9]))*)"
    rf"(?![0-9])"
)
PHONE = _PHONE  # public: contacts.py looks for phones printed without a label
_DELIM = re.compile(r"[\s、，,；;/（）()]+")
_CJK_RUN = re.compile(rf"[{CJK}·]+")
_ASCII_ID = re.compile(r"[A-Za-z][A-Za-z0-9_\-]{3,29}")
_INTERNAL = re.compile(r"[1-9]\d{3,5}")  # an internal number printed alone (内线, 校内短号 of 4–6 digits)
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"[ \t\u3000]*")
_INTERNAL_END = re.compile(r"\s*(?:[。，,；;）)、]|$)|\s+[1-9]\d{3,5}(?![0-9])")
_BRACKET_INTERNAL = re.compile(r"[(（][1-9]\d{3,4}(?:\s*[、,，/]\s*[1-9]\d{3,4})*[)）]")
_QQ = re.compile(r"[1-9]\d{4,11}(?![0-9])")
_MOBILE = re.compile(r"1[3-9]\d{9}(?![0-9])")
# Last characters that make a token an organisation rather than a person.
_ORG_FINAL = "部处科室办局组站所院队厅委会心馆"
_POSTCODE = re.compile(r"\d{6}(?![0-9])")


@dataclass
class Item:
    """A value, name or department found in one block, in reading order."""

    kind: str  # name | dept | phone | mobile | fax | email | qq | wechat | address | postcode
    value: str
    raw: str
    block: int
    start: int
    end: int


@lru_cache(maxsize=None)
def labels() -> tuple[re.Pattern, list[str]]:
    data = vocab("contact_labels")
    kinds = [k for k, _ in data["labels"]]
    alt = "|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(data["labels"]))
    return re.compile(alt), kinds


@lru_cache(maxsize=None)
def surnames() -> tuple[frozenset, tuple]:
    data = vocab("contact_surnames")
    return frozenset(data["single"]), tuple(data["compound"])


@lru_cache(maxsize=None)
def org_re() -> re.Pattern:
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
    ``/`` of 3–4 digits is an extension (``66120318/6612`` → ``66120318转6612``);
    one of 5–6 digits is a second, short number (``88335825/885825`` → both:
    a campus or company short number, as blind gold lists it).
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
    elif not area and not ext and _glued_pair(local):
        h = len(local) // 2  # two numbers of one exchange whose separator the page lost ("83373388337336")
        return [(local[:h], "phone"), (local[h:], "phone")]
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
        elif 5 <= len(a) < len(local):
            out.append((a, "phone"))  # "88335825/885825": a campus short number of its own
        elif len(a) < len(local) and kind != "mobile":
            out[0] = (f"{base}转{a}", kind)
        else:
            return out  # a full second number: read by the caller's next match
    return out


def _glued_pair(digits: str) -> bool:
    """Two landlines of one exchange run together (14 or 16 digits whose
    halves are each a 7–8 digit number and share their first three digits)."""
    h = len(digits) // 2
    return len(digits) in (14, 16) and digits[:3] == digits[h:h + 3] and all(
        re.fullmatch(r"[2-9]\d{6,7}", x) for x in (digits[:h], digits[h:]))


# ---------------------------------------------------------------- names

def is_name(tok: str) -> bool:
    """A person's name: a listed surname + 1–2 characters (compound surname
    + 1–2), not a form word (负责人, 姓名 …) and not ending like an org."""
    data = vocab("contact_labels")
    if tok in data["not_names"] or not (2 <= len(tok) <= 4):
        return False
    single, compound = surnames()
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
    A full name drops its honorific (``童莉芳老师`` → 童莉芳) and a 处 after it
    (``杨立红处``: the person's desk, 交…处); a name that is
    only a surname and an honorific stays as printed (``李老师``, ``王工``;
    real/README.md "Contacts").
    """
    honor = vocab("contact_labels")["name_honorifics"]
    bare = tok
    for h in honor:
        if bare.endswith(h) and len(bare) > len(h) + 1:
            bare = bare[: -len(h)]
    if len(bare) == 4 and bare.endswith("处") and is_name(bare[:-1]):
        bare = bare[:-1]  # "杨立红处": at the person's desk (交…处), not an office named 处
    for cand in dict.fromkeys((bare, tok)):
        if is_name(cand):
            return None, cand
        for post in vocab("contact_labels")["name_posts"]:  # "工会委员周化斌": a post before the name
            k = cand.rfind(post)
            if k >= 0 and is_name(cand[k + len(post):]):
                return cand[:k] or None, cand[k + len(post):]
        for m in reversed(list(org_re().finditer(cand))):
            dept, rest = cand[: m.end()], cand[m.end():]
            if len(dept) < 2:
                continue
            if not rest:
                return dept, None
            if is_name(rest):
                return dept, rest
    return None, None


# ---------------------------------------------------------------- fields

# "电子信箱:yy 2028@163.com": a stray space inside the local part. The piece
# before it must follow the label's colon or a Chinese character directly.
_EMAIL_HEAD = re.compile(rf"(?:[:：][ \t]*|(?<=[{CJK}]))(?P<head>[A-Za-z0-9._%+\-]{{1,20}}) $")


def email_items(text: str, block: int) -> list[tuple[int, int, str]]:
    """(start, end, address) of each e-mail-looking run: a final full stop
    or comma dropped, a stray space inside the local part closed
    (real/README.md "E-mails lose a stray space or a final full stop")."""
    out = []
    for m in _EMAIL.finditer(text):
        addr = m.group().rstrip(".,").replace(" ", "").replace("。", ".")
        start = m.start()
        h = _EMAIL_HEAD.search(text, max(0, start - 24), start)
        # (not a phone printed before the address: "宋晓颖 83952271 songxy@…")
        if h and "@" not in h.group("head") and not (
                re.fullmatch(r"\d{7,}", h.group("head")) and addr[:1].isalpha()):
            start, addr = h.start("head"), h.group("head") + addr
        out.append((start, m.start() + len(m.group().rstrip(".,")), addr))
    return out


def validate_email(addr: str) -> Optional[str]:
    """The lower-cased address if its syntax is valid (email_validator,
    ``check_deliverability=False``), else None. Imported lazily: only a
    document with an ``@`` pays the import."""
    from email_validator import EmailNotValidError, validate_email
    try:
        validate_email(addr, check_deliverability=False)
    except EmailNotValidError:
        return None
    return addr.lower()


def field_end(text: str, start: int, stop: int, offsets: Optional[list[int]] = None) -> int:
    """End of a field starting at ``start`` (≤ ``stop``, the next label):
    a sentence end, a line or cell break, or an unmatched closing bracket; with
    the block's ``offsets`` (text index → raw index), also the next numbered
    item printed after a space ("联系人:…、李烨 四、卫生大扫除…": a text joined onto one line)."""
    depth = 0
    i = start
    while i < stop:
        c = text[i]
        if c in "。；;\n\t":
            return i
        if offsets and i > start and i < len(offsets) and offsets[i] - offsets[i - 1] > 1 and ITEM_NUMBER.match(text, i):
            return i
        if c in "（(":
            depth += 1
        elif c in "）)":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return stop


PHONE_LABELS = ("phone", "mobile", "fax")


def read_field(text: str, kind: str, start: int, end: int, block: int,
               emails: dict[int, tuple[int, str]], warnings: list, doc: Document) -> list[Item]:
    """Values of one field ``text[start:end]`` whose label has ``kind``,
    read left to right until something that is not a value of that kind.
    ``emails`` maps the start of each valid address to (end, address);
    a digit run after a phone label that is not a phone adds a ``bad_phone``
    warning to ``warnings``."""
    items: list[Item] = []
    pos = start
    while pos < end:
        got, nxt = _read_value(text, kind, pos, end, block, emails, doc)
        if got is None:  # digits after a phone label that are not a phone
            m = _PHONE.match(text, pos, end)
            if items and "转" in items[-1].value and re.fullmatch(r"\d{1,4}", m.group()) and text[pos - 1:pos] in "、/":
                # "84854786-927、928": a second extension of the same number, then the field goes on
                base = items[-1].value.split("转")[0]
                items.append(Item(items[-1].kind, f"{base}转{m.group()}", m.group(), block, m.start(), m.end()))
                pos = m.end()
                continue
            if kind in PHONE_LABELS and len(re.sub(r"\D", "", m.group())) >= 5:
                warnings.append(Warning_(
                    code="bad_phone",
                    message=f"{m.group().strip()!r} after a phone label is not a valid phone number",
                    evidence=evidence(doc, block, m.start(), m.end())))
            break
        items.extend(got)
        if nxt is None:
            break
        pos = nxt
    return items


# words in brackets: a name after a phone ("13812345678（陈晓东）"), a place or desk after a
# 联系人's name ("陈昌(东莞校区)")
_CJK_BRACKET = re.compile(rf"[(（][{CJK}]{{2,10}}[)）]")


def _read_value(text: str, kind: str, pos: int, end: int, block: int,
                emails: dict[int, tuple[int, str]], doc: Document
                ) -> tuple[Optional[list[Item]], Optional[int]]:
    """The value at ``pos``: (items, next position); next None ends the
    field; items None for digits that fail the phone check."""
    if text[pos] in "(（" and kind in PHONE_LABELS:
        m = _BRACKET_INTERNAL.match(text, pos, end)
        if m and pos > 0 and text[pos - 1].isdigit():
            return [], m.end()  # "2061037(6037)": the short number of the phone just read, no second phone
        m = _PHONE.match(text, pos, end)  # (0532)85912346: the bracket is the area code's
        if m and normalise_phone(m):
            return _phone_items(m, kind, block), m.end()
        m = _CJK_BRACKET.match(text, pos, end)
        if m:  # "13812345678（陈晓东）、139…": the name is read by the caller
            return [], m.end()
    m = _BRACKET_INTERNAL.match(text, pos, end) if kind in ("name", "dept") else None
    if m:  # "联系人:张萌(91861)", "党群工作部（6207、6026）": internal numbers in brackets after the name
        return [Item("phone", n.group(), n.group(), block, n.start(), n.end())
                for n in _DIGITS.finditer(text, m.start(), m.end())], m.end()
    q = _CJK_BRACKET.match(text, pos, end) if kind == "name" and pos > 0 and text[pos - 1] not in "：:" else None
    if q:  # "联系人:陈昌(东莞校区),马士元(广州校区)": where each person sits, then the next name
        return [], q.end()  # (the evidence quotes it: "于伟迪(校工会)87934402")
    d = _DELIM.match(text, pos, end)
    if d and d.end() <= end:
        return [], d.end()
    if pos in emails:
        e_end, addr = emails[pos]
        return [Item("email", addr, text[pos:e_end], block, pos, e_end)], e_end
    if kind == "address":
        seg = text[pos:end].rstrip("，,、 ")
        ok = re.search(rf"[{CJK}]", seg) and re.search(r"[市区县镇路街道号楼室村巷弄]", seg)
        return ([Item("address", seg, seg, block, pos, pos + len(seg))] if ok else []), None
    if kind == "postcode":
        m = _POSTCODE.match(text, pos, end)
        return ([Item("postcode", m.group(), m.group(), block, pos, m.end())] if m else []), None
    if kind in ("qq", "wechat"):
        # a WeChat id: a mobile number, an ASCII id, or digits
        m = _QQ.match(text, pos, end) if kind == "qq" else (
            _MOBILE.match(text, pos, end) or _ASCII_ID.match(text, pos, end)
            or _QQ.match(text, pos, end))
        return ([Item(kind, m.group(), m.group(), block, pos, m.end())], m.end()) if m else ([], None)
    if text[pos].isdigit() or text[pos] in "(（":
        m = _PHONE.match(text, pos, end)
        if not m:
            return [], None
        after_name = kind == "name" and re.search(rf"[{CJK}]\s?$", text[max(0, pos - 2):pos]) \
            and re.match(r"\s*[。，,；;、）)]", text[m.end():m.end() + 3])  # (closed by a stop: no address's figures)
        if not normalise_phone(m) and (kind == "phone" or after_name) and _INTERNAL.fullmatch(m.group()) and (
                _INTERNAL_END.match(text, m.end(), end) or labels()[0].match(text, _SPACES.match(text, m.end()).end(), end)):
            # "电话:4978。", "联系电话:3048 3900 联系人:…": 4- to 6-digit internal numbers (内线)
            # after an explicit 电话 label, each closed by a stop, another such number or the next label;
            # or right after the 联系人's name ("联系人:胡章勇669372,")
            return [Item("phone", m.group(), m.group(), block, m.start(), m.end())], m.end()
        return (_phone_items(m, kind, block), m.end()) if normalise_phone(m) else (None, None)
    if kind in ("name", "dept"):
        return _name_items(text, kind, pos, end, block, doc)
    desk = re.match(rf"([{CJK}]{{2,8}})[ \t]*[,，、][ \t]*(?=[0-9(（])", text[pos:end]) if kind in PHONE_LABELS else None
    if desk and org_re().search(desk.group(1)):  # "联系电话:离退办,5356540": whose desk, then the number
        return [Item("dept", desk.group(1), desk.group(1), block, pos, pos + len(desk.group(1)))], pos + desk.end()
    return [], None


@lru_cache(maxsize=None)
def _openers_re() -> re.Pattern:
    return re.compile("|".join(vocab("contact_labels")["sentence_openers"]))


def _phone_items(m: re.Match, kind: str, block: int) -> list[Item]:
    return [Item("fax" if kind == "fax" else shape, v, m.group().strip(), block, m.start(), m.end())
            for v, shape in normalise_phone(m)]


def _name_items(text: str, kind: str, pos: int, end: int, block: int, doc: Document
                ) -> tuple[list[Item], Optional[int]]:
    """A department and/or a person's name at ``pos`` (``区总工会宣传教育部张琳``),
    or several names printed apart by spaces (``张三 李四``)."""
    m = _CJK_RUN.match(text, pos, end)
    if not m:
        return [], None
    tok = m.group()
    if kind == "dept":
        return [Item("dept", tok, tok, block, pos, m.end())], None
    if _in_name_list(text[:end], pos, tok):
        return [Item("name", tok, tok, block, pos, m.end())], m.end()
    if len(tok) == 1 and tok in surnames()[0] and re.search(r"[:：]\s*$", text[max(0, pos - 3):pos]):
        # a surname alone is the field's whole value ("联系人:罗  联系电话:…")
        return [Item("name", tok, tok, block, pos, m.end())], m.end()
    f = _openers_re().search(tok, 2)
    if f and split_dept_name(tok[:f.start()]) == (None, tok[:f.start()]):
        # "联系人: 赵宏阳 联系 市总工会 - 联系人: …": a name, then the next row of a flattened table
        return [Item("name", tok[:f.start()], tok[:f.start()], block, pos, pos + f.start())], pos + f.start()
    dash = re.match(rf"[ \t]*[-—－]{{1,2}}[ \t]*([{CJK}]{{2,6}})", text[m.end():end])
    if dash and org_re().search(tok) and split_dept_name(dash.group(1)) == (None, dash.group(1)):
        # "校工会-陆磊", "运输公司--刘军": the desk, a dash, then the person
        a = m.end() + dash.start(1)
        return [Item("dept", tok, tok, block, pos, m.end()),
                Item("name", dash.group(1), dash.group(1), block, a, a + len(dash.group(1)))], a + len(dash.group(1))
    dept, name = split_dept_name(tok)
    if dept is None and name is None:
        # a run-on line: "联系人:闫勇、殷惠兰请广大职工…踊跃报名" — the name ends
        # where the next sentence's first word begins
        f = _openers_re().search(tok, 2)
        if f:
            tok = tok[:f.start()]
            m = _CJK_RUN.match(text, pos, pos + len(tok))
            dept, name = split_dept_name(tok)
    if dept is None and name is None:
        offsets = doc.blocks[block].offsets if doc else None
        names = _spaced_names(tok, pos, offsets)
        if not names:
            got = _dept_then_names(text, tok, pos, block, offsets)
            return got if got[0] else _unlisted_name(text, tok, pos, end, block)
        return [Item("name", n, text[a:b], block, a, b) for n, a, b in names], (
            m.end() if names else None)
    items = []
    if dept:
        items.append(Item("dept", dept, dept, block, pos, pos + len(dept)))
    if name:
        s = pos + (len(dept) if dept else 0)
        items.append(Item("name", name, text[s:m.end()], block, s, m.end()))
    return items, m.end()


_NOT_IN_NAME = set("的了是在和与及或等各请将于为按由向到对从本该此其")


def _in_name_list(text: str, pos: int, tok: str) -> bool:
    """``tok`` at ``pos`` is one of two or more 2–3-character words joined by 、
    right after a 联系人 label's colon ("联系人:马新科、年中华、路雨欣、李烨"), at least half
    of them names by the surname list: the list fixes what each word is, so a name whose
    surname is unlisted (年) or that ends like a desk (科) is still a name."""
    a = re.search(rf"[{CJK}、]*$", text[:pos]).start()  # where the run of words and 、 opens
    run = re.match(rf"[{CJK}、]+", text[a:])
    if not run or not re.search(r"[:：]\s*$", text[max(0, a - 3):a]):
        return False
    toks = run.group().split("、")
    if len(toks) < 2 or not all(2 <= len(t) <= 3 and not set(t) & _NOT_IN_NAME for t in toks):
        return False
    return tok in toks and tok not in vocab("contact_labels")["not_names"] \
        and 2 * sum(is_name(t) for t in toks) >= len(toks)


def _unlisted_name(text: str, tok: str, pos: int, end: int, block: int
                   ) -> tuple[list[Item], Optional[int]]:
    """A name whose surname is not listed (未丹, 仉伟): read only when it is
    the whole value between an explicit 联系人 label's colon and a phone
    label ("联系人:未丹 电话:8721989"), 2–3 characters, no function word,
    no org ending — the two labels fix what the token is."""
    after = _SPACES.match(text, pos + len(tok)).end()
    labelled = re.search(r"[:：]\s*$", text[max(0, pos - 3):pos])
    m = labels()[0].match(text, after) if after < len(text) else None
    if not (labelled and m and labels()[1][int(m.lastgroup[1:])] in PHONE_LABELS):
        return [], None
    if not 2 <= len(tok) <= 3 or tok in vocab("contact_labels")["not_names"] or tok[-1] in _ORG_FINAL \
            or set(tok) & _NOT_IN_NAME:
        return [], None
    return [Item("name", tok, tok, block, pos, pos + len(tok))], pos + len(tok)


def _dept_then_names(text: str, tok: str, pos: int, block: int, offsets: Optional[list[int]]
                     ) -> tuple[list[Item], Optional[int]]:
    """A department, then names, each printed apart by spaces ("联系人:团省委少年部
    郭炜城 喻凯"): the first printed word ends like a department (部, 处, 室…)."""
    if not offsets or pos + len(tok) > len(offsets):
        return [], None
    gap = next((i for i in range(1, len(tok)) if offsets[pos + i] - offsets[pos + i - 1] > 1), None)
    if gap is None or tok[gap - 1] not in _ORG_FINAL:
        return [], None
    rest = tok[gap:]
    names = _spaced_names(rest, pos + gap, offsets) or (
        [(rest, pos + gap, pos + len(tok))] if is_name(rest) else [])
    if not names:
        return [], None
    return [Item("dept", tok[:gap], tok[:gap], block, pos, pos + gap)] + [
        Item("name", n, text[a:b], block, a, b) for n, a, b in names], pos + len(tok)


def _spaced_names(tok: str, pos: int, offsets: Optional[list[int]]) -> list[tuple[str, int, int]]:
    """``tok`` (starting at ``pos`` in the normalised text) as several names
    where the printed text had spaces between them: normalising removes
    spaces inside Chinese runs, so "张三 李四" arrives as 张三李四 and the
    gaps are found in ``offsets`` (raw index of each character). Each piece
    must be a name (pieces may join: "林  芳 张 琳" → 林芳, 张琳); else []."""
    if not offsets or pos + len(tok) > len(offsets):
        return []
    cuts = [i for i in range(1, len(tok)) if offsets[pos + i] - offsets[pos + i - 1] > 1]
    bounds = [0] + cuts + [len(tok)]
    pieces = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]

    def parse(k: int) -> Optional[list[tuple[int, int]]]:
        if k == len(pieces):
            return []
        for j in range(k + 1, len(pieces) + 1):
            a, b = pieces[k][0], pieces[j - 1][1]
            if is_name(tok[a:b]):
                rest = parse(j)
                if rest is not None:
                    return [(a, b)] + rest
        return None

    found = parse(0) if len(pieces) > 1 else None
    if not found or len(found) < 2:
        return []
    return [(tok[a:b], pos + a, pos + b) for a, b in found]
