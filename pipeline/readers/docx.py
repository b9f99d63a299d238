"""Reader for Office Open XML word-processing files (.docx, and .wps/.doc
files that are really .docx).

The package XML is walked directly with lxml instead of python-docx's
``paragraph.text``, which silently drops content a circular may rely on
(ECOSYSTEM.md §1b): block and inline content controls (``w:sdt``), text boxes
(``w:txbxContent`` in DrawingML ``wps:txbx`` or VML ``v:textbox``), tracked
insertions (``w:ins``), and the "一、" / "（一）" / "1." labels that Word
generates from ``numbering.xml``. Deleted revision text (``w:del`` /
``w:delText`` / ``w:moveFrom``) is dropped, so the result is the text as it
reads with all changes accepted.

Output (``models.document.Document``): ``format="docx"``, ``pages=None``
(a .docx has no fixed pages), blocks in reading order — header paragraphs
first, then the body in document order (tables as true grids, text boxes
right after the paragraph that anchors them), footer paragraphs last.
``Block.raw`` holds the text as read; ``Block.text`` is left for
``pipeline.stages.normalise``.
"""
from __future__ import annotations

import hashlib
import io
import posixpath
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from lxml import etree

from models.document import Block, Cell, Document, Grid
from pipeline.errors import DocumentLoadError

# Transitional (ECMA-376) namespace; Strict OOXML files use the purl one and
# are otherwise identical for what we read.
W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_TRANSITIONAL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
M_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"

MAX_PART_BYTES = 100 * 1024 * 1024  # refuse zip bombs before inflating

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True,
                          remove_comments=True, remove_pis=True)

# w:jc values → Block.align (ECMA-376 §17.18.44 ST_Jc; start/end are the
# bidi-neutral spellings of left/right).
_ALIGN = {"center": "center", "right": "right", "end": "right", "both": "justify",
          "distribute": "justify", "left": "left", "start": "left",
          "thaiDistribute": "justify", "lowKashida": "justify",
          "mediumKashida": "justify", "highKashida": "justify"}

# Footer/header lines that only carry a page number ("- 3 -", "第 3 页 共 9 页").
_PAGE_NO = re.compile(r"^[\s\-—–－~·]*(第\s*)?\d*\s*页?\s*((/|共)\s*\d*\s*页?)?[\s\-—–－~·]*$")


def _first_line(msg: object) -> str:
    return str(msg).strip().splitlines()[0] if str(msg).strip() else "unknown error"


class _NS:
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


def _on(ns: _NS, el) -> Optional[bool]:
    """An ST_OnOff toggle element (``<w:b/>``, ``<w:b w:val="0"/>``): True,
    False, or None when the element is absent."""
    if el is None:
        return None
    v = ns.attr(el, "val")
    return v is None or v.lower() not in ("0", "false", "off", "none")


# --------------------------------------------------------------------------
# styles.xml: the cheap part of style inheritance (bold, size, colour, jc,
# pageBreakBefore, numPr) along w:basedOn chains.
# --------------------------------------------------------------------------

@dataclass
class _Style:
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


def _rpr_props(ns: _NS, rpr) -> dict:
    """Bold/size(pt)/colour/hidden from a ``w:rPr`` (missing keys = not set)."""
    out: dict = {}
    if rpr is None:
        return out
    b = _on(ns, rpr.find(ns("b")))
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
    van = _on(ns, rpr.find(ns("vanish")))
    if van is not None:
        out["vanish"] = van
    return out


class _Styles:
    """Resolved paragraph/character style properties."""

    def __init__(self, ns: _NS, root):
        self.ns = ns
        self.styles: dict[str, _Style] = {}
        self.default_para: Optional[str] = None
        self.doc_defaults: dict = {}
        self._cache: dict = {}
        if root is None:
            return
        dd = root.find(f"{ns('docDefaults')}/{ns('rPrDefault')}/{ns('rPr')}")
        self.doc_defaults = _rpr_props(ns, dd)
        for st in root.iter(ns("style")):
            sid = ns.attr(st, "styleId")
            if not sid:
                continue
            s = _Style(kind=ns.attr(st, "type") or "paragraph")
            bo = st.find(ns("basedOn"))
            s.based_on = ns.attr(bo, "val") if bo is not None else None
            props = _rpr_props(ns, st.find(ns("rPr")))
            s.bold, s.size, s.color, s.vanish = (props.get("bold"), props.get("size"),
                                                 props.get("color"), props.get("vanish"))
            ppr = st.find(ns("pPr"))
            if ppr is not None:
                jc = ppr.find(ns("jc"))
                s.jc = ns.attr(jc, "val") if jc is not None else None
                s.page_break_before = _on(ns, ppr.find(ns("pageBreakBefore")))
                npr = ppr.find(ns("numPr"))
                if npr is not None:
                    nid = npr.find(ns("numId"))
                    lvl = npr.find(ns("ilvl"))
                    s.num_id = ns.attr(nid, "val") if nid is not None else None
                    if lvl is not None:
                        try:
                            s.ilvl = int(ns.attr(lvl, "val"))
                        except (TypeError, ValueError):
                            pass
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


# --------------------------------------------------------------------------
# numbering.xml: w:numPr (ilvl, numId) → w:num → w:abstractNum → w:lvl.
# --------------------------------------------------------------------------

@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    suff: str = "tab"
    restart: Optional[int] = None  # w:lvlRestart (1-based level; 0 = never)
    is_lgl: bool = False
    pstyle: Optional[str] = None


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL_DIGITS = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
_IDEO_DIGITS = "〇一二三四五六七八九"


@lru_cache(maxsize=512)
def _chinese(n: int) -> str:
    """Chinese counting numeral (十一, 二十, 一百零五) via cn2an, imported
    lazily because most files never need it."""
    import cn2an  # ~0.1 s import: only when a Chinese-numbered list exists

    return cn2an.an2cn(n)


def _letters(n: int) -> str:
    # Word repeats the letter past Z: 27 → AA, 28 → BB (ECMA-376 ST_NumberFormat upperLetter)
    n = max(n, 1)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in Word number format ``fmt`` (ECMA-376 §17.18.59
    ST_NumberFormat). Formats without a rendering here fall back to decimal.

    >>> format_number(11, "chineseCounting"), format_number(3, "ideographTraditional")
    ('十一', '丙')
    """
    if fmt in ("decimal", "ordinal", "cardinalText", "ordinalText", "decimalHalfWidth"):
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "koreanCounting",
               "japaneseDigitalTenThousand", "ideographLegalTraditional"):
        return _chinese(n)
    if fmt in ("chineseLegalSimplified", "japaneseLegal"):
        return _chinese(n).translate(_LEGAL_DIGITS)
    if fmt in ("ideographDigital", "taiwaneseDigital", "koreanDigital"):
        return "".join(_IDEO_DIGITS[int(d)] for d in str(n))
    if fmt in ("ideographTraditional",):
        return _TIANGAN[(n - 1) % 10]
    if fmt in ("ideographZodiac", "ideographZodiacTraditional"):
        return _DIZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese",
               "ideographEnclosedCircle"):
        return _CIRCLED[n - 1] if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return _PAREN[n - 1] if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return _FULLSTOP[n - 1] if 1 <= n <= 20 else f"{n}."
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)


class _Numbering:
    """List state for one document: definitions from numbering.xml and the
    running counters. Counters are kept per abstract list, as Word does, so
    two ``w:num`` instances of one abstract list continue each other unless
    the instance restarts it with ``w:lvlOverride/w:startOverride``."""

    def __init__(self, ns: _NS, root, styles: _Styles):
        self.ns = ns
        self.styles = styles
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.abstract_style_link: dict[str, str] = {}
        self.nums: dict[str, tuple[str, dict[int, _Level], set[int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.style_level: dict[str, tuple[str, int]] = {}
        if root is None:
            return
        for an in root.iter(ns("abstractNum")):
            aid = ns.attr(an, "abstractNumId")
            if aid is None:
                continue
            self.abstract[aid] = {lv_i: lv for lv_i, lv in
                                  (self._level(lv) for lv in an.findall(ns("lvl")))}
            link = an.find(ns("numStyleLink"))
            if link is not None and ns.attr(link, "val"):
                self.abstract_style_link[aid] = ns.attr(link, "val")
        for num in root.iter(ns("num")):
            nid = ns.attr(num, "numId")
            ref = num.find(ns("abstractNumId"))
            if nid is None or ref is None:
                continue
            overrides: dict[int, _Level] = {}
            restarts: set[int] = set()
            for ov in num.findall(ns("lvlOverride")):
                try:
                    ilvl = int(ns.attr(ov, "ilvl"))
                except (TypeError, ValueError):
                    continue
                lv = ov.find(ns("lvl"))
                if lv is not None:
                    overrides[ilvl] = self._level(lv)[1]
                so = ov.find(ns("startOverride"))
                if so is not None:
                    restarts.add(ilvl)
                    base = overrides.get(ilvl)
                    try:
                        start = int(ns.attr(so, "val"))
                    except (TypeError, ValueError):
                        start = 1
                    if base is None:
                        overrides[ilvl] = _Level(start=start, fmt="", text="\0inherit")
                    else:
                        base.start = start
            self.nums[nid] = (ns.attr(ref, "val"), overrides, restarts)
        # levels bound to a paragraph style (w:lvl/w:pStyle): style → (numId?, ilvl)
        for aid, levels in self.abstract.items():
            for ilvl, lv in levels.items():
                if lv.pstyle:
                    self.style_level[lv.pstyle] = (aid, ilvl)

    def _level(self, lv) -> tuple[int, _Level]:
        ns = self.ns
        try:
            ilvl = int(ns.attr(lv, "ilvl") or 0)
        except ValueError:
            ilvl = 0
        out = _Level()
        st = lv.find(ns("start"))
        if st is not None:
            try:
                out.start = int(ns.attr(st, "val"))
            except (TypeError, ValueError):
                pass
        fmt = lv.find(ns("numFmt"))
        if fmt is not None:
            out.fmt = ns.attr(fmt, "val") or "decimal"
        txt = lv.find(ns("lvlText"))
        if txt is not None:
            out.text = ns.attr(txt, "val") or ""
        suff = lv.find(ns("suff"))
        if suff is not None:
            out.suff = ns.attr(suff, "val") or "tab"
        rs = lv.find(ns("lvlRestart"))
        if rs is not None:
            try:
                out.restart = int(ns.attr(rs, "val"))
            except (TypeError, ValueError):
                pass
        out.is_lgl = bool(_on(ns, lv.find(ns("isLgl"))))
        ps = lv.find(ns("pStyle"))
        if ps is not None:
            out.pstyle = ns.attr(ps, "val")
        return ilvl, out

    def _abstract_for(self, num_id: str) -> Optional[str]:
        entry = self.nums.get(num_id)
        if entry is None:
            return None
        aid = entry[0]
        # w:numStyleLink: the real definition hangs off the numbering style
        for _ in range(3):
            link = self.abstract_style_link.get(aid)
            if not link:
                break
            nid = self.styles.get(link, "num_id")
            if not nid or nid not in self.nums:
                break
            aid = self.nums[nid][0]
        return aid

    def _levels(self, num_id: str) -> dict[int, _Level]:
        aid = self._abstract_for(num_id)
        base = dict(self.abstract.get(aid, {})) if aid is not None else {}
        for ilvl, ov in self.nums.get(num_id, (None, {}, set()))[1].items():
            if ov.text == "\0inherit":
                if ilvl in base:
                    b = base[ilvl]
                    base[ilvl] = _Level(ov.start, b.fmt, b.text, b.suff, b.restart, b.is_lgl,
                                        b.pstyle)
            else:
                base[ilvl] = ov
        return base

    def label(self, num_id: Optional[str], ilvl: int) -> str:
        """Advance the counters for a paragraph at (``num_id``, ``ilvl``) and
        return its rendered label (``"一、"``, ``"（二）"``, ``"3."``) plus
        separator, or ``""`` when the paragraph is not numbered."""
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        levels = self._levels(num_id)
        lv = levels.get(ilvl)
        if lv is None:
            return ""
        aid = self._abstract_for(num_id) or num_id
        _, _, restarts = self.nums[num_id]
        # an instance with startOverride keeps its own counters (Word's "restart numbering")
        key = f"num:{num_id}" if restarts else f"abs:{aid}"
        counters = self.counters.get(key)
        if counters is None:
            counters = self.counters[key] = {}
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else lv.start
        # deeper levels restart after a higher level, unless w:lvlRestart says otherwise
        for d in [d for d in counters if d > ilvl]:
            rs = levels.get(d).restart if levels.get(d) else None
            if rs is None or (rs != 0 and ilvl < rs):
                del counters[d]
        if lv.fmt == "bullet":
            return ""  # bullets carry no number; their glyph is usually a Symbol-font PUA char

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            klv = levels.get(k, lv)
            n = counters.get(k, klv.start)
            fmt = "decimal" if (lv.is_lgl and k != ilvl) else klv.fmt
            return format_number(n, fmt)

        text = re.sub(r"%([1-9])", sub, lv.text)
        if not text.strip():
            return ""
        # The label's tab/space suffix: keep one space unless the label already ends
        # in a separator mark ("一、", "（一）", "1.") — the form circulars print.
        sep = "" if lv.suff == "nothing" or text[-1] in "、.．)）:：]】" else " "
        return text + sep


# --------------------------------------------------------------------------
# The walk
# --------------------------------------------------------------------------

@dataclass
class _Para:
    """Text and run statistics of one paragraph being read."""

    parts: list[str] = field(default_factory=list)
    runs: list[tuple[int, Optional[bool], Optional[float], Optional[str]]] = field(
        default_factory=list)  # (chars, bold, size, colour)
    textboxes: list = field(default_factory=list)  # w:txbxContent elements
    nested_blocks: list = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)  # len(text) at each page break


class _Reader:
    def __init__(self, path: str, data: bytes):
        self.path = path
        self.data = data
        self.warnings: list[tuple[str, str]] = []
        self.blocks: list[Block] = []
        self.pending_break = False

    # ---- package ---------------------------------------------------------
    def _part(self, z: zipfile.ZipFile, name: str, required: bool = False):
        try:
            info = z.getinfo(name)
        except KeyError:
            if required:
                raise DocumentLoadError(self.path, f"not a Word document: no {name} in the package") \
                    from None
            return None
        if info.file_size > MAX_PART_BYTES:
            raise DocumentLoadError(self.path, f"part {name} is too large "
                                               f"({info.file_size // (1024 * 1024)} MB)")
        try:
            raw = z.read(name)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError,
                NotImplementedError, RuntimeError) as e:
            raise DocumentLoadError(self.path, f"cannot unpack {name} ({_first_line(e)})") \
                from None
        except Exception as e:  # zlib.error and friends from a damaged member
            raise DocumentLoadError(self.path, f"cannot unpack {name} ({_first_line(e)})") \
                from None
        try:
            return etree.fromstring(raw, _PARSER)
        except etree.XMLSyntaxError as e:
            raise DocumentLoadError(self.path, f"malformed XML in {name} ({_first_line(e)})") \
                from None

    @staticmethod
    def _rels(z: zipfile.ZipFile, reader: "_Reader", part: str) -> dict[str, str]:
        """Relationship id → target part name for ``part``."""
        d, base = posixpath.split(part)
        rel_name = posixpath.join(d, "_rels", base + ".rels")
        root = reader._part(z, rel_name)
        out: dict[str, str] = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
            tgt = rel.get("Target") or ""
            if rel.get("TargetMode") == "External":
                continue
            tgt = tgt.lstrip("/") if tgt.startswith("/") else posixpath.normpath(
                posixpath.join(d, tgt))
            out[rel.get("Id") or ""] = tgt
        return out

    def read(self) -> Document:
        try:
            z = zipfile.ZipFile(io.BytesIO(self.data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as e:
            raise DocumentLoadError(self.path, f"not a .docx (not a valid zip archive: "
                                               f"{_first_line(e)})") from None
        with z:
            main = "word/document.xml"
            root_rels = self._part(z, "_rels/.rels")
            if root_rels is not None:
                for rel in root_rels.iter(f"{{{PKG_REL}}}Relationship"):
                    if (rel.get("Type") or "").endswith("/officeDocument"):
                        cand = (rel.get("Target") or "").lstrip("/")
                        if cand in z.namelist():
                            main = cand
            doc_root = self._part(z, main, required=True)
            wns = doc_root.nsmap.get("w") or (W_STRICT if W_STRICT in doc_root.tag else
                                               W_TRANSITIONAL)
            self.ns = ns = _NS(wns, R_STRICT if wns == W_STRICT else R_TRANSITIONAL)
            rels = self._rels(z, self, main)
            by_type = self._rels_by_type(z, main)
            styles_part = by_type.get("styles") or posixpath.join(posixpath.dirname(main),
                                                                  "styles.xml")
            num_part = by_type.get("numbering") or posixpath.join(posixpath.dirname(main),
                                                                  "numbering.xml")
            self.styles = _Styles(ns, self._part(z, styles_part))
            self.numbering = _Numbering(ns, self._part(z, num_part), self.styles)

            body = doc_root.find(ns("body"))
            if body is None:
                raise DocumentLoadError(self.path, f"not a Word document: {main} has no w:body")

            # headers/footers referenced from the section properties, in order
            headers: list[str] = []
            footers: list[str] = []
            for sect in body.iter(ns("sectPr")):
                for ref in sect:
                    if ref.tag not in (ns("headerReference"), ns("footerReference")):
                        continue
                    tgt = rels.get(ref.get(f"{{{ns.r}}}id") or "")
                    lst = headers if ref.tag == ns("headerReference") else footers
                    if tgt and tgt not in lst:
                        lst.append(tgt)

            seen_hf: set[str] = set()
            for part in headers:
                self._header_footer(z, part, "header", seen_hf)
            self.pending_break = False
            self._container(body, "body")
            self.pending_break = False
            for part in footers:
                self._header_footer(z, part, "footer", seen_hf)

        return Document(path=self.path, sha256=hashlib.sha256(self.data).hexdigest(),
                        format="docx", blocks=self.blocks, pages=None, warnings=self.warnings)

    def _rels_by_type(self, z, part: str) -> dict[str, str]:
        d, base = posixpath.split(part)
        root = self._part(z, posixpath.join(d, "_rels", base + ".rels"))
        out: dict[str, str] = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            typ = (rel.get("Type") or "").rsplit("/", 1)[-1]
            tgt = rel.get("Target") or ""
            tgt = tgt.lstrip("/") if tgt.startswith("/") else posixpath.normpath(
                posixpath.join(d, tgt))
            out.setdefault(typ, tgt)
        return out

    def _header_footer(self, z, part: str, origin: str, seen: set[str]) -> None:
        root = self._part(z, part)
        if root is None:
            return
        start = len(self.blocks)
        self._container(root, origin)
        # drop empty lines, bare page numbers and repeats of the same header text
        kept = []
        for b in self.blocks[start:]:
            key = b.raw.strip()
            if b.kind == "paragraph" and (not key or _PAGE_NO.match(key)):
                continue
            if key in seen:
                continue
            seen.add(key)
            b.page_break_before = False
            kept.append(b)
        self.blocks[start:] = kept

    # ---- block level -----------------------------------------------------
    def _container(self, el, origin: str) -> None:
        """Emit the blocks of a block-level container (body, cell, text box,
        sdtContent, header) in document order."""
        ns = self.ns
        for ch in el:
            tag = ch.tag
            if tag == ns("p"):
                self._paragraph(ch, origin)
            elif tag == ns("tbl"):
                self._table(ch, origin)
            elif tag == ns("sdt"):
                content = ch.find(ns("sdtContent"))
                if content is not None and not self._is_placeholder(ch):
                    self._container(content, "sdt" if origin == "body" else origin)
            elif tag in (ns("customXml"), ns("ins"), ns("moveTo")):
                self._container(ch, origin)
            elif tag == f"{{{MC}}}AlternateContent":
                branch = self._alt_branch(ch)
                if branch is not None:
                    self._container(branch, origin)
            # w:del/w:moveFrom at block level hold removed paragraphs: skipped

    def _is_placeholder(self, sdt) -> bool:
        """True when the content control still shows its placeholder prompt
        ("单击或点击此处输入文字") rather than content."""
        pr = sdt.find(self.ns("sdtPr"))
        return pr is not None and bool(_on(self.ns, pr.find(self.ns("showingPlcHdr"))))

    @staticmethod
    def _alt_branch(alt):
        """One branch of mc:AlternateContent: the first mc:Choice, else the
        mc:Fallback — never both, since they hold the same content twice."""
        for ch in alt:
            if ch.tag == f"{{{MC}}}Choice":
                return ch
        for ch in alt:
            if ch.tag == f"{{{MC}}}Fallback":
                return ch
        return None

    def _paragraph(self, p, origin: str) -> None:
        ns = self.ns
        ppr = p.find(ns("pPr"))
        style_id = None
        direct_jc = None
        num_id = None
        ilvl = None
        break_before = False
        section_end = False
        if ppr is not None:
            ps = ppr.find(ns("pStyle"))
            style_id = ns.attr(ps, "val") if ps is not None else None
            jc = ppr.find(ns("jc"))
            direct_jc = ns.attr(jc, "val") if jc is not None else None
            pbb = _on(ns, ppr.find(ns("pageBreakBefore")))
            break_before = bool(pbb) if pbb is not None else False
            npr = ppr.find(ns("numPr"))
            if npr is not None:
                nid = npr.find(ns("numId"))
                lvl = npr.find(ns("ilvl"))
                num_id = ns.attr(nid, "val") if nid is not None else None
                if lvl is not None:
                    try:
                        ilvl = int(ns.attr(lvl, "val"))
                    except (TypeError, ValueError):
                        ilvl = None
            sect = ppr.find(ns("sectPr"))
            if sect is not None:
                typ = sect.find(ns("type"))
                # every section type except "continuous" starts the next one on a new page
                section_end = ns.attr(typ, "val") != "continuous" if typ is not None else True
        style_id = style_id or self.styles.default_para
        if not break_before and self.styles.get(style_id, "page_break_before"):
            break_before = True
        if num_id is None:
            num_id = self.styles.get(style_id, "num_id")
            if ilvl is None:
                ilvl = self.styles.get(style_id, "ilvl")
                if ilvl is None and style_id in self.numbering.style_level:
                    ilvl = self.numbering.style_level[style_id][1]
        label = self.numbering.label(num_id, ilvl or 0) if num_id else ""

        para = _Para()
        para_bold = self.styles.get(style_id, "bold")
        para_size = self.styles.get(style_id, "size")
        para_color = self.styles.get(style_id, "color")
        para_vanish = self.styles.get(style_id, "vanish")
        self._inline(p, para, (para_bold, para_size, para_color, para_vanish))

        jc = direct_jc or self.styles.get(style_id, "jc")
        align = _ALIGN.get(jc or "left", "left")
        bold, size, color = self._style_cues(para)

        # split the text at explicit page breaks (w:br w:type="page")
        text = "".join(para.parts)
        pieces: list[tuple[str, bool]] = []
        cuts = [c for c in para.breaks]
        prev = 0
        first_break = break_before or self.pending_break
        for c in cuts:
            seg = text[prev:c]
            if seg.strip():
                pieces.append((seg, first_break))
                first_break = False
            first_break = True
            prev = c
        tail = text[prev:]
        self.pending_break = False
        if tail.strip() or (not pieces and label):
            pieces.append((tail, first_break))
            first_break = False
        elif first_break:
            self.pending_break = True  # a break with nothing after it: the next block
        if label and pieces:
            pieces[0] = (label + pieces[0][0].lstrip(" \t"), pieces[0][1])
        for seg, brk in pieces:
            self.blocks.append(Block(kind="paragraph", raw=seg.strip("\n"), align=align,
                                     bold=bold, color=color, size=size, origin=origin,
                                     page_break_before=brk))
        if section_end:
            self.pending_break = True
        # text boxes anchored in this paragraph follow it
        for tb in para.textboxes:
            keep = self.pending_break
            self.pending_break = False
            self._container(tb, "textbox")
            self.pending_break = keep

    def _style_cues(self, para: _Para):
        """Bold/size/colour of the runs carrying most of the text."""
        if not para.runs:
            return None, None, None
        total = sum(n for n, *_ in para.runs) or 1
        bold_chars = sum(n for n, b, *_ in para.runs if b)
        # Word's default is not bold, so an unset toggle is a known False
        bold = bold_chars * 2 > total
        sizes: Counter = Counter()
        colors: Counter = Counter()
        for n, _, sz, col in para.runs:
            if sz is not None:
                sizes[sz] += n
            if col is not None:
                colors[col] += n
        size = sizes.most_common(1)[0][0] if sizes else None
        # a colour only counts when it covers most of the text (a red 发文机关标志 line)
        color = None
        if colors:
            col, n = colors.most_common(1)[0]
            if n * 2 > total:
                color = col
        return bold, size, color

    # ---- inline level ----------------------------------------------------
    def _inline(self, el, para: _Para, inherited) -> None:
        ns = self.ns
        for ch in el:
            tag = ch.tag
            if tag == ns("r"):
                self._run(ch, para, inherited)
            elif tag in (ns("ins"), ns("moveTo"), ns("hyperlink"), ns("smartTag"),
                         ns("customXml"), ns("fldSimple"), ns("dir"), ns("bdo")):
                self._inline(ch, para, inherited)
            elif tag == ns("sdt"):
                content = ch.find(ns("sdtContent"))
                if content is not None and not self._is_placeholder(ch):
                    self._inline(content, para, inherited)
            elif tag == f"{{{MC}}}AlternateContent":
                branch = self._alt_branch(ch)
                if branch is not None:
                    self._inline(branch, para, inherited)
            elif tag == f"{{{M_MATH}}}oMath" or tag == f"{{{M_MATH}}}oMathPara":
                txt = "".join(t.text or "" for t in ch.iter(f"{{{M_MATH}}}t"))
                if txt:
                    para.parts.append(txt)
                    para.runs.append((len(txt), None, None, None))
            # w:del, w:moveFrom (removed text), w:pPr, bookmarks, comments: nothing to read

    def _run(self, r, para: _Para, inherited) -> None:
        ns = self.ns
        p_bold, p_size, p_color, p_vanish = inherited
        rpr = r.find(ns("rPr"))
        props = _rpr_props(ns, rpr)
        rstyle = None
        if rpr is not None:
            rs = rpr.find(ns("rStyle"))
            rstyle = ns.attr(rs, "val") if rs is not None else None

        def prop(key, para_value):
            if key in props:
                return props[key]
            v = self.styles.get(rstyle, key) if rstyle else None
            if v is not None:
                return v
            if para_value is not None:
                return para_value
            return self.styles.doc_defaults.get(key)

        if prop("vanish", p_vanish):
            return  # hidden text (w:vanish) is not printed
        buf: list[str] = []
        for ch in r:
            tag = ch.tag
            if tag == ns("t"):
                buf.append(ch.text or "")
            elif tag in (ns("tab"), ns("ptab")):
                buf.append(" ")
            elif tag == ns("br"):
                if ns.attr(ch, "type") == "page":
                    para.parts.append("".join(buf))
                    buf = []
                    para.breaks.append(len("".join(para.parts)))
                else:
                    buf.append("\n")
            elif tag == ns("cr"):
                buf.append("\n")
            elif tag == ns("noBreakHyphen"):
                buf.append("-")
            elif tag == ns("sym"):
                code = ns.attr(ch, "char") or ""
                try:
                    c = chr(int(code, 16))
                except ValueError:
                    c = ""
                if c and not 0xE000 <= ord(c) <= 0xF8FF:  # Symbol-font PUA glyphs carry no text
                    buf.append(c)
            elif tag in (ns("drawing"), ns("pict"), ns("object"), f"{{{MC}}}AlternateContent"):
                self._find_textboxes(ch, para)
        text = "".join(buf)
        if text:
            para.parts.append(text)
            n = len(text.strip())
            if n:
                para.runs.append((n, bool(prop("bold", p_bold)) if prop("bold", p_bold)
                                  is not None else None, prop("size", p_size),
                                  prop("color", p_color)))

    def _find_textboxes(self, el, para: _Para) -> None:
        """Collect the outermost w:txbxContent under a drawing/VML object,
        taking only one branch of each mc:AlternateContent."""
        ns = self.ns
        if el.tag == ns("txbxContent"):
            para.textboxes.append(el)
            return
        if el.tag == f"{{{MC}}}AlternateContent":
            branch = self._alt_branch(el)
            if branch is not None:
                self._find_textboxes(branch, para)
            return
        for ch in el:
            self._find_textboxes(ch, para)

    # ---- tables ----------------------------------------------------------
    def _rows(self, tbl):
        """The w:tr of a table, looking through row-level sdt/customXml."""
        ns = self.ns
        for ch in tbl:
            if ch.tag == ns("tr"):
                yield ch
            elif ch.tag in (ns("sdt"), ns("customXml"), ns("ins")):
                inner = ch.find(ns("sdtContent")) if ch.tag == ns("sdt") else ch
                if inner is not None:
                    yield from self._rows(inner)

    def _cells(self, tr):
        ns = self.ns
        for ch in tr:
            if ch.tag == ns("tc"):
                yield ch
            elif ch.tag in (ns("sdt"), ns("customXml"), ns("ins")):
                inner = ch.find(ns("sdtContent")) if ch.tag == ns("sdt") else ch
                if inner is not None:
                    yield from self._cells(inner)

    def _cell_text(self, tc, grids: list[Grid], textboxes: list) -> str:
        """A cell's text: its paragraphs joined with nothing (a cell wrapped
        over lines "负责人/姓名及职务" reads "负责人姓名及职务"); nested
        tables are read into ``grids`` and their text appended."""
        ns = self.ns
        parts: list[str] = []
        for ch in tc:
            if ch.tag == ns("p"):
                saved = self.blocks
                self.blocks = []
                brk = self.pending_break
                self._paragraph(ch, "body")
                self.pending_break = brk
                for b in self.blocks:
                    if b.origin == "textbox":
                        textboxes.append(b)
                    else:
                        parts.append(b.raw)
                self.blocks = saved
            elif ch.tag == ns("tbl"):
                g, raw, tbs = self._grid(ch)
                grids.append(g)
                grids.extend(g.nested)
                g.nested = []
                textboxes.extend(tbs)
                parts.append(raw.replace("\n", " ").replace("\t", " "))
            elif ch.tag in (ns("sdt"), ns("customXml")):
                inner = ch.find(ns("sdtContent")) if ch.tag == ns("sdt") else ch
                if inner is not None:
                    parts.append(self._cell_text(inner, grids, textboxes))
        return "".join(parts)

    def _grid(self, tbl) -> tuple[Grid, str, list[Block]]:
        """Read a w:tbl into a true grid: gridSpan → col_span, vMerge
        restart/continue → row_span (walking down the same grid column),
        w:gridBefore/w:gridAfter skip grid columns. Returns the grid, its
        raw text (one tab-separated field per grid column, spanned positions
        empty) and text-box blocks found in cells."""
        ns = self.ns
        grid_el = tbl.find(ns("tblGrid"))
        n_cols = len(grid_el.findall(ns("gridCol"))) if grid_el is not None else 0
        rows: list[list[tuple[int, int, str, Optional[str]]]] = []  # (col, span, text, vmerge)
        nested: list[Grid] = []
        textboxes: list[Block] = []
        ragged = False
        for tr in self._rows(tbl):
            trpr = tr.find(ns("trPr"))
            col = 0
            after = 0
            if trpr is not None:
                gb = trpr.find(ns("gridBefore"))
                ga = trpr.find(ns("gridAfter"))
                try:
                    col = int(ns.attr(gb, "val")) if gb is not None else 0
                    after = int(ns.attr(ga, "val")) if ga is not None else 0
                except (TypeError, ValueError):
                    col, after = 0, 0
            row = []
            for tc in self._cells(tr):
                tcpr = tc.find(ns("tcPr"))
                span = 1
                vmerge = None
                if tcpr is not None:
                    gs = tcpr.find(ns("gridSpan"))
                    if gs is not None:
                        try:
                            span = max(1, int(ns.attr(gs, "val")))
                        except (TypeError, ValueError):
                            span = 1
                    vm = tcpr.find(ns("vMerge"))
                    if vm is not None:
                        vmerge = ns.attr(vm, "val") or "continue"
                    elif _on(ns, tcpr.find(ns("hMerge"))) and row:
                        # legacy horizontal merge: fold into the previous cell
                        pc, ps, pt, pv = row[-1]
                        row[-1] = (pc, ps + span, pt, pv)
                        col += span
                        continue
                text = self._cell_text(tc, nested, textboxes)
                row.append((col, span, text, vmerge))
                col += span
            width = col + after
            if width > n_cols:
                if n_cols:
                    ragged = True
                n_cols = width
            elif width < n_cols:
                ragged = True
            rows.append(row)
        if ragged:
            self.warnings.append(("ragged_table", "table rows cover different numbers of grid "
                                                  "columns; short rows padded"))
        cells: list[Cell] = []
        starts = [{c: (s, t, v) for c, s, t, v in row} for row in rows]
        for r, row in enumerate(rows):
            for col, span, text, vmerge in row:
                if vmerge == "continue" and r > 0 and self._covered_above(starts, r, col, cells):
                    continue
                rspan = 1
                if vmerge == "restart":
                    k = r + 1
                    while k < len(rows) and starts[k].get(col, (0, "", None))[2] == "continue":
                        rspan += 1
                        k += 1
                cells.append(Cell(row=r, col=col, text="", raw=text, row_span=rspan,
                                  col_span=span))
        # pad: positions no cell covers and not left empty on purpose by gridBefore/After
        grid = Grid(n_rows=len(rows), n_cols=n_cols, cells=cells, nested=nested)
        lines = []
        for r, positions in enumerate(grid.rows()):
            lines.append("\t".join(c.raw if c is not None else "" for c in positions))
        if nested:
            self.warnings.append(("nested_table", f"{len(nested)} table(s) nested inside a "
                                                  "table cell, flattened into Grid.nested"))
        return grid, "\n".join(lines), textboxes

    @staticmethod
    def _covered_above(starts, r: int, col: int, cells: list[Cell]) -> bool:
        """True when a vMerge=continue cell at (r, col) is covered by a cell
        starting above it in the same column (an orphan continue is a cell)."""
        for c in cells:
            if c.col == col and c.row < r < c.row + c.row_span:
                return True
        return False

    def _table(self, tbl, origin: str) -> None:
        grid, raw, textboxes = self._grid(tbl)
        if not grid.cells:
            return
        brk = self.pending_break
        self.pending_break = False
        self.blocks.append(Block(kind="table", raw=raw, grid=grid, origin=origin,
                                 page_break_before=brk))
        self.blocks.extend(textboxes)


def read(path: str, data: bytes) -> Document:
    """Read a .docx package (bytes ``data``, named ``path`` in messages).

    Returns a ``Document`` (format ``"docx"``, ``pages=None``) whose blocks
    are: header paragraphs (origin ``header``), the body in document order
    (paragraphs with Word numbering labels rebuilt and prepended; tables as
    :class:`Grid` with spans; content-control content with origin ``sdt``;
    text boxes with origin ``textbox`` after their anchoring paragraph),
    then footer paragraphs (origin ``footer``; bare page numbers dropped).
    ``page_break_before`` marks blocks after a page break, a
    ``pageBreakBefore`` paragraph or a section break.

    Warnings: ``nested_table``, ``ragged_table``.

    Raises :class:`DocumentLoadError` (one line) when ``data`` is not a zip,
    has no main document part, or a part is malformed XML (the message names
    the part).
    """
    return _Reader(path, data).read()
