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
"""
from __future__ import annotations

import csv
import io
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


def to_vcard(entries: list[Entry]) -> str:
    """vCard 4.0 text, one card per entry."""
    import vobject

    cards = []
    for e in entries:
        c = vobject.vCard()
        c.add("version").value = "4.0"
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
        cards.append(c.serialize())
    return "".join(cards)


def to_csv(entries: list[Entry]) -> str:
    """CSV text with :data:`CSV_COLUMNS`; several values joined by ``; ``."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for e in entries:
        v = e.values
        w.writerow([e.name, e.department or "", e.organisation or "", "; ".join(v["phone"]),
                    "; ".join(v["mobile"]), "; ".join(v["fax"]), "; ".join(v["email"]),
                    "; ".join(v["qq"]), "; ".join(v["wechat"]), "; ".join(v["address"]),
                    "; ".join(v["postcode"]), "; ".join(e.notices)])
    return buf.getvalue()
