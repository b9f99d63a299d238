"""WordprocessingML namespaces and styles.xml for the .docx reader
(:mod:`pipeline.readers.docx`): qualified names for the transitional and the
strict flavour, ST_OnOff toggles, and the cheap part of style inheritance —
bold, size, colour, hidden, jc, pageBreakBefore, numPr — along ``w:basedOn``
chains (ECMA-376 §17.7)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# Transitional (ECMA-376) namespace; Strict OOXML files use the purl one and
# are otherwise identical for what we read.
W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_TRANSITIONAL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
M_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"


class NS:
    """Qualified tag names for one namespace flavour (transitional/strict)."""

    def __init__(self, w: str, r: str):
        self.w = w
        self.r = r

    def __call__(self, local: str) -> str:
        return f"{{{self.w}}}{local}"

    def attr(self, el, local: str) -> Optional[str]:
        """``w:<local>`` attribute of ``el`` (or None)."""
        if el is None:
            return None
        return el.get(f"{{{self.w}}}{local}")


def on(ns: NS, el) -> Optional[bool]:
    """An ST_OnOff toggle element (``<w:b/>``, ``<w:b w:val="0"/>``): True,
    False, or None when the element is absent."""
    if el is None:
        return None
    v = ns.attr(el, "val")
    return v is None or v.lower() not in ("0", "false", "off", "none")




def num_pr(ns: NS, npr) -> tuple[Optional[str], Optional[int]]:
    """``(numId, ilvl)`` of a ``w:numPr`` element; each None when absent or
    unreadable (ECMA-376 §17.9.19)."""
    nid, lvl = npr.find(ns("numId")), npr.find(ns("ilvl"))
    try:
        ilvl = int(ns.attr(lvl, "val")) if lvl is not None else None
    except (TypeError, ValueError):
        ilvl = None
    return (ns.attr(nid, "val") if nid is not None else None), ilvl


@dataclass
class Style:
    """The properties one ``w:style`` sets itself (None = inherited via ``based_on``)."""

    based_on: Optional[str] = None
    kind: str = "paragraph"
    bold: Optional[bool] = None
    size: Optional[float] = None
    color: Optional[str] = None
    vanish: Optional[bool] = None
    jc: Optional[str] = None
    page_break_before: Optional[bool] = None
    num_id: Optional[str] = None
    ilvl: Optional[int] = None


def rpr_props(ns: NS, rpr) -> dict:
    """Bold/size(pt)/colour/hidden from a ``w:rPr`` (missing keys = not set)."""
    out: dict = {}
    if rpr is None:
        return out
    b = on(ns, rpr.find(ns("b")))
    if b is not None:
        out["bold"] = b
    sz = rpr.find(ns("sz"))
    if sz is not None:
        try:
            out["size"] = int(ns.attr(sz, "val")) / 2.0  # half-points → pt
        except (TypeError, ValueError):
            pass
    col = rpr.find(ns("color"))
    if col is not None:
        v = (ns.attr(col, "val") or "").upper()
        if re.fullmatch(r"[0-9A-F]{6}", v):
            out["color"] = v
    van = on(ns, rpr.find(ns("vanish")))
    if van is not None:
        out["vanish"] = van
    return out


class Styles:
    """Resolved paragraph/character style properties."""

    def __init__(self, ns: NS, root):
        self.ns = ns
        self.styles: dict[str, Style] = {}
        self.default_para: Optional[str] = None
        self.doc_defaults: dict = {}
        self._cache: dict = {}
        if root is None:
            return
        dd = root.find(f"{ns('docDefaults')}/{ns('rPrDefault')}/{ns('rPr')}")
        self.doc_defaults = rpr_props(ns, dd)
        for st in root.iter(ns("style")):
            sid = ns.attr(st, "styleId")
            if not sid:
                continue
            s = Style(kind=ns.attr(st, "type") or "paragraph")
            bo = st.find(ns("basedOn"))
            s.based_on = ns.attr(bo, "val") if bo is not None else None
            props = rpr_props(ns, st.find(ns("rPr")))
            s.bold, s.size, s.color, s.vanish = (props.get("bold"), props.get("size"),
                                                 props.get("color"), props.get("vanish"))
            ppr = st.find(ns("pPr"))
            if ppr is not None:
                jc = ppr.find(ns("jc"))
                s.jc = ns.attr(jc, "val") if jc is not None else None
                s.page_break_before = on(ns, ppr.find(ns("pageBreakBefore")))
                npr = ppr.find(ns("numPr"))
                if npr is not None:
                    s.num_id, ilvl = num_pr(ns, npr)
                    s.ilvl = s.ilvl if ilvl is None else ilvl
            self.styles[sid] = s
            if s.kind == "paragraph" and \
                    (ns.attr(st, "default") or "").lower() in ("1", "true", "on"):
                self.default_para = sid

    def get(self, sid: Optional[str], key: str):
        """A property of style ``sid`` following ``basedOn`` (cycle-safe)."""
        ck = (sid, key)
        if ck in self._cache:
            return self._cache[ck]
        v = self._resolve(sid, key)
        self._cache[ck] = v
        return v

    def _resolve(self, sid: Optional[str], key: str):
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            s = self.styles.get(sid)
            if s is None:
                return None
            v = getattr(s, key)
            if v is not None:
                return v
            sid = s.based_on
        return None
