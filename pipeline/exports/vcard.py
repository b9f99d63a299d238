"""``extract contacts``: a contact directory (通讯录) across notices, as CSV
or vCard 4.0 (RFC 6350, written with vobject).

One directory entry per person (a contact point naming 张琳、曹理仰 gives
two entries sharing the phone), or per nameless contact point (its
department, else the notice's first issuer, is the display name).
Duplicates are merged: two entries are the same when their names agree
(or one has none) and they share a phone or an e-mail address; the merged
entry keeps every value and every notice it came from.

vCard mapping: FN/N the name (N split after the surname); ORG the issuer
and department; TEL;TYPE=work (landline), TEL;TYPE=cell (mobile),
TEL;TYPE=fax; EMAIL; X-QQ and IMPP:qq:… for QQ; IMPP:weixin:… for WeChat;
ADR for an address and postcode; NOTE the notice titles with their 发文字号.

What CardDAV servers and RFC 6350 ask of every card:

* ``UID`` (§6.7.6) — CardDAV servers refuse a card without one (Radicale
  answers 400). It is ``urn:uuid:`` + a name-based UUID (uuid5) of the
  person's name and organisation, so exporting or pushing again gives the
  same UID and updates the card; two different people of one name and
  organisation (the merge kept them apart) add their sorted phones/e-mails
  to the key; a nameless card is keyed by its department, organisation and
  numbers (:func:`card_uid`).
* ``KIND:org`` (§6.1.4) for a card naming only a department or issuer (a
  contact point printed without a person), so address books file it as an
  organisation, not as a person called "办公室".
* lines folded at 75 octets (§3.2), never inside a UTF-8 sequence
  (:func:`fold`): vobject decides by characters, so a 30-character Chinese
  NOTE line would be 95 octets.

The CSV starts with a UTF-8 BOM: Excel on Chinese Windows reads a CSV
without one as GBK and shows mojibake.
"""
from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional



_KINDS = ("phone", "mobile", "fax", "email", "qq", "wechat", "address", "postcode")
CSV_COLUMNS = ["name", "department", "organisation", "phones", "mobiles", "fax", "emails",
               "qq", "wechat", "address", "postcode", "notices"]


@dataclass
class Entry:
    """One person (or nameless contact point) in the directory."""

    name: str = ""
    department: Optional[str] = None
    organisation: Optional[str] = None
    values: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in _KINDS})
    notices: list[str] = field(default_factory=list)

    def add(self, kind: str, value: str) -> None:
        if value not in self.values[kind]:
            self.values[kind].append(value)

    def reach(self) -> set[tuple[str, str]]:
        """The phones and e-mails that identify this entry."""
        return {(k, v) for k in ("phone", "mobile", "fax", "email") for v in self.values[k]}

    @property
    def display(self) -> str:
        return self.name or self.department or self.organisation or "联系人"


def _notice_label(notice) -> str:
    title = notice.title.text if notice.title else Path(notice.source.path).name
    if notice.doc_number:
        return f"{title}（{notice.doc_number.text}）"
    return title


def entries_of(notice) -> list[Entry]:
    """Directory entries of one ``Notice`` (not yet merged)."""
    org = notice.issuers[0].name if notice.issuers else None
    label = _notice_label(notice)
    out: list[Entry] = []
    for cp in notice.contacts:
        for name in (cp.names or [""]):
            e = Entry(name=name, department=cp.department, organisation=org, notices=[label])
            for v in cp.values:
                e.add(v.kind, v.value)
            out.append(e)
    return out


def merge(entries: list[Entry]) -> list[Entry]:
    """Merge duplicates: same name (or one nameless) and a shared phone or
    e-mail. Order of first appearance is kept."""
    out: list[Entry] = []
    for e in entries:
        for m in out:
            if (m.name == e.name or not m.name or not e.name) and (m.reach() & e.reach()):
                m.name = m.name or e.name
                m.department = m.department or e.department
                m.organisation = m.organisation or e.organisation
                for k in _KINDS:
                    for v in e.values[k]:
                        m.add(k, v)
                for n in e.notices:
                    if n not in m.notices:
                        m.notices.append(n)
                break
        else:
            out.append(e)
    return out


def _split_name(name: str) -> tuple[str, str]:
    from extractors._common import vocab

    compound = vocab("contact_surnames")["compound"]
    for c in compound:
        if name.startswith(c):
            return c, name[len(c):]
    return name[:1], name[1:]


# Fixed namespace of the card UIDs (uuid5): never change it, or every
# address book that holds our cards gets a second copy of each.
UID_NAMESPACE = uuid.UUID("6f1c8a52-3b0e-5d59-9a64-2f7c0e8b4d13")
FOLD_OCTETS = 75


def card_uid(e: Entry, *, with_reach: bool = False) -> str:
    """The stable UID of a card: ``urn:uuid:<uuid5>`` of name and
    organisation (plus the sorted phones/e-mails when ``with_reach``, or
    when the card has no name: then department, organisation and numbers)."""
    reach = ",".join(sorted(f"{k}:{v}" for k, v in e.reach()))
    if e.name:
        key = f"person|{e.name}|{e.organisation or ''}"
        if with_reach:
            key += f"|{reach}"
    else:
        key = f"org|{e.department or ''}|{e.organisation or ''}|{reach}"
    return f"urn:uuid:{uuid.uuid5(UID_NAMESPACE, key)}"


def card_uids(entries: list[Entry]) -> list[str]:
    """One UID per entry, all distinct: entries sharing a name and
    organisation are told apart by their numbers (and, failing that, by
    their position among those that still collide)."""
    first = [card_uid(e) for e in entries]
    uids = [card_uid(e, with_reach=True) if first.count(u) > 1 else u
            for e, u in zip(entries, first)]
    out: list[str] = []
    for u in uids:
        k, cand = 2, u
        while cand in out:
            cand = f"{u}-{k}"
            k += 1
        out.append(cand)
    return out


def fold(text: str, limit: int = FOLD_OCTETS) -> str:
    """``text`` (CRLF-separated content lines, possibly already folded) with
    every line folded at ``limit`` octets (RFC 6350 §3.2: CRLF + one space),
    never splitting a UTF-8 sequence."""
    logical = text.replace("\r\n ", "").replace("\r\n\t", "")
    out = []
    for line in logical.split("\r\n"):
        parts: list[str] = []
        cur, size = "", 0
        for ch in line:
            n = len(ch.encode("utf-8"))
            if size + n > limit:
                parts.append(cur)
                cur, size = " ", 1  # the continuation's leading space counts
            cur += ch
            size += n
        parts.append(cur)
        out.append("\r\n".join(parts))
    return "\r\n".join(out)


def to_vcard(entries: list[Entry]) -> str:
    """vCard 4.0 text, one card per entry, each with its :func:`card_uids`
    UID, ``KIND:org`` when nameless, lines folded at 75 octets."""
    return "".join(card_texts(entries).values())


def card_texts(entries: list[Entry]) -> dict[str, str]:
    """UID → the text of that entry's card (what a CardDAV PUT sends)."""
    import vobject

    cards: dict[str, str] = {}
    for e, uid in zip(entries, card_uids(entries)):
        c = vobject.vCard()
        c.add("version").value = "4.0"
        c.add("uid").value = uid
        if not e.name:
            c.add("kind").value = "org"
        c.add("fn").value = e.display
        fam, giv = _split_name(e.name) if e.name else ("", "")
        c.add("n").value = vobject.vcard.Name(family=fam, given=giv)
        org = [x for x in (e.organisation, e.department) if x]
        if org:
            c.add("org").value = org
        for kind, typ in (("phone", "work"), ("mobile", "cell"), ("fax", "fax")):
            for v in e.values[kind]:
                t = c.add("tel")
                t.value = v
                t.type_param = typ
        for v in e.values["email"]:
            c.add("email").value = v
        for v in e.values["qq"]:
            c.add("x-qq").value = v
            c.add("impp").value = f"qq:{v}"
        for v in e.values["wechat"]:
            c.add("impp").value = f"weixin:{v}"
        if e.values["address"] or e.values["postcode"]:
            c.add("adr").value = vobject.vcard.Address(
                street=e.values["address"][0] if e.values["address"] else "",
                code=e.values["postcode"][0] if e.values["postcode"] else "")
        if e.notices:
            c.add("note").value = "；".join(e.notices)
        cards[uid] = fold(c.serialize())
    return cards


def to_csv(entries: list[Entry], *, bom: bool = True) -> str:
    """CSV text with :data:`CSV_COLUMNS`; several values joined by ``; ``;
    starting with a BOM (``bom``) so Excel on Chinese Windows reads UTF-8."""
    buf = io.StringIO()
    if bom:
        buf.write("\ufeff")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for e in entries:
        v = e.values
        w.writerow([e.name, e.department or "", e.organisation or "", "; ".join(v["phone"]),
                    "; ".join(v["mobile"]), "; ".join(v["fax"]), "; ".join(v["email"]),
                    "; ".join(v["qq"]), "; ".join(v["wechat"]), "; ".join(v["address"]),
                    "; ".join(v["postcode"]), "; ".join(e.notices)])
    return buf.getvalue()
