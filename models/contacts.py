"""Contact points (联系方式) — ANNOTATION.md "contacts"."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from models.common import Evidence, Record

ContactKind = Literal[
    "name", "department", "phone", "mobile", "fax", "email", "qq", "wechat", "address", "postcode"
]


class ContactValue(Record):
    """One way to reach someone, normalised per ANNOTATION.md (phones as
    printed digits with a single hyphen after an area code, extension as
    ``转NNNN``; emails lower case with ``＠`` → ``@``), with ``raw`` as printed
    and its evidence."""

    kind: ContactKind
    """What the value is: phone, mobile, fax, email, qq, wechat, address, postcode ..."""
    value: str
    """The value normalised per ANNOTATION.md (phones as digits with one hyphen after an area code)."""
    raw: str = ""
    """The value as printed."""
    evidence: Optional[Evidence] = None
    """Where the value was read."""


class ContactPoint(Record):
    """A group of values that belong together: the person, their department,
    and the phones/emails printed with them. ``names`` may hold several
    persons sharing one phone ("联系人：张琳、曹理仰")."""

    names: list[str] = Field(default_factory=list)
    """The persons (联系人) of this point, in order; may be empty."""
    department: Optional[str] = None
    """Their department (处室, 部门); null when not printed."""
    values: list[ContactValue] = Field(default_factory=list)
    """Phones, e-mails and other ways to reach them."""
    text: str = ""
    """The text the point was read from."""
    evidence: Optional[Evidence] = None
    """Where the point was read."""

    def of(self, kind: str) -> list[str]:
        """The normalised values of one kind, in order, each once."""
        seen: list[str] = []
        for v in self.values:
            if v.kind == kind and v.value not in seen:
                seen.append(v.value)
        return seen


# Kinds reported under ``phones`` in the compact gold form (ANNOTATION.md
# contacts: "mobile numbers too, unless labelled WeChat or QQ"; a fax line is
# a number printed to reach the issuer, so it is listed with the phones).
PHONE_KINDS = ("phone", "mobile", "fax")


def compact_contacts(points: list[ContactPoint]) -> dict[str, list[str]]:
    """The gold-file form of a notice's contact points:
    ``{"names", "phones", "emails", "qq", "wechat"}``, each value once, in
    order of first appearance (ANNOTATION.md "contacts")."""
    out: dict[str, list[str]] = {"names": [], "phones": [], "emails": [], "qq": [], "wechat": []}
    key = {"email": "emails", "qq": "qq", "wechat": "wechat"}
    key.update({k: "phones" for k in PHONE_KINDS})
    for p in points:
        for n in p.names:
            if n not in out["names"]:
                out["names"].append(n)
        for v in p.values:
            k = key.get(v.kind)
            if k and v.value not in out[k]:
                out[k].append(v.value)
    return out
