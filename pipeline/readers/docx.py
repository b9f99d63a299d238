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

Modules: this one walks the body (paragraphs, runs, text boxes, headers and
footers); :mod:`~pipeline.readers.docx_styles` (namespaces, styles.xml),
:mod:`~pipeline.readers.docx_numbering` (list labels from numbering.xml),
:mod:`~pipeline.readers.docx_tables` (table grids) and
:mod:`~pipeline.readers.zipparts` (package parts read by their real inflated
size, so a zip bomb stops at the limit).
"""
from __future__ import annotations
from __future__ import annotations

import hashlib
import io
import posixpath
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from lxml import etree

from models.document import Block, Document
from pipeline.errors import DocumentLoadError
from pipeline.readers.docx_numbering import Numbering, format_number  # noqa: F401 (API)
from pipeline.readers.docx_styles import (num_pr, M_MATH, MC, PKG_REL, R_STRICT, R_TRANSITIONAL, NS,
                                          W_STRICT, W_TRANSITIONAL, Styles, on, rpr_props)
from pipeline.readers.docx_tables import TableReader
from pipeline.readers.zipparts import PART_LIMIT, Members, _first_line

MAX_PART_BYTES = PART_LIMIT  # one part, counted while inflating (zipparts)

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


# The walk
# --------------------------------------------------------------------------

@dataclass
class _PPr:
    """What a paragraph's ``w:pPr`` sets directly (style-inherited values are
    looked up separately)."""

    style_id: Optional[str] = None
    jc: Optional[str] = None
    num_id: Optional[str] = None
    ilvl: Optional[int] = None
    break_before: bool = False
    section_end: bool = False


@dataclass
class _Para:
    """Text and run statistics of one paragraph being read."""

    parts: list[str] = field(default_factory=list)
    runs: list[tuple[int, Optional[bool], Optional[float], Optional[str]]] = field(
        default_factory=list)  # (chars, bold, size, colour)
    textboxes: list = field(default_factory=list)  # w:txbxContent elements
    nested_blocks: list = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)  # len(text) at each page break


class _Reader(TableReader):
    """One package being read: the body walk (tables in :class:`TableReader`)."""

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
        members = getattr(self, "members", None)
        if members is None or members.z is not z:
            members = self.members = Members(z, self.path, kind=".docx")
        try:
            raw = members.read(name)  # counted while inflating: the header may lie
        except DocumentLoadError:
            raise
        except Exception as e:  # anything else a damaged member raises
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
            self.ns = ns = NS(wns, R_STRICT if wns == W_STRICT else R_TRANSITIONAL)
            rels = self._rels(z, self, main)
            by_type = self._rels_by_type(z, main)
            styles_part = by_type.get("styles") or posixpath.join(posixpath.dirname(main),
                                                                  "styles.xml")
            num_part = by_type.get("numbering") or posixpath.join(posixpath.dirname(main),
                                                                  "numbering.xml")
            self.styles = Styles(ns, self._part(z, styles_part))
            self.numbering = Numbering(ns, self._part(z, num_part), self.styles)

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
        return pr is not None and bool(on(self.ns, pr.find(self.ns("showingPlcHdr"))))

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

    def _para_props(self, ppr) -> _PPr:
        """The paragraph properties a ``w:pPr`` sets directly."""
        ns = self.ns
        out = _PPr()
        if ppr is None:
            return out
        ps = ppr.find(ns("pStyle"))
        out.style_id = ns.attr(ps, "val") if ps is not None else None
        jc = ppr.find(ns("jc"))
        out.jc = ns.attr(jc, "val") if jc is not None else None
        pbb = on(ns, ppr.find(ns("pageBreakBefore")))
        out.break_before = bool(pbb) if pbb is not None else False
        npr = ppr.find(ns("numPr"))
        if npr is not None:
            out.num_id, out.ilvl = num_pr(ns, npr)
        sect = ppr.find(ns("sectPr"))
        if sect is not None:
            typ = sect.find(ns("type"))
            # every section type except "continuous" starts the next one on a new page
            out.section_end = ns.attr(typ, "val") != "continuous" if typ is not None else True
        return out

    def _label(self, pp: _PPr) -> str:
        """The list label Word shows for the paragraph (style numbering included)."""
        num_id, ilvl = pp.num_id, pp.ilvl
        if num_id is None:
            num_id = self.styles.get(pp.style_id, "num_id")
            if ilvl is None:
                ilvl = self.styles.get(pp.style_id, "ilvl")
                if ilvl is None and pp.style_id in self.numbering.style_level:
                    ilvl = self.numbering.style_level[pp.style_id][1]
        return self.numbering.label(num_id, ilvl or 0) if num_id else ""

    def _paragraph(self, p, origin: str) -> None:
        pp = self._para_props(p.find(self.ns("pPr")))
        pp.style_id = pp.style_id or self.styles.default_para
        style_id = pp.style_id
        if not pp.break_before and self.styles.get(style_id, "page_break_before"):
            pp.break_before = True
        label = self._label(pp)

        para = _Para()
        para_bold = self.styles.get(style_id, "bold")
        para_size = self.styles.get(style_id, "size")
        para_color = self.styles.get(style_id, "color")
        para_vanish = self.styles.get(style_id, "vanish")
        self._inline(p, para, (para_bold, para_size, para_color, para_vanish))

        jc = pp.jc or self.styles.get(style_id, "jc")
        align = _ALIGN.get(jc or "left", "left")
        bold, size, color = self._style_cues(para)
        for seg, brk in self._pieces(para, pp.break_before, label):
            self.blocks.append(Block(kind="paragraph", raw=seg.strip("\n"), align=align,
                                     bold=bold, color=color, size=size, origin=origin,
                                     page_break_before=brk))
        if pp.section_end:
            self.pending_break = True
        # text boxes anchored in this paragraph follow it
        for tb in para.textboxes:
            keep = self.pending_break
            self.pending_break = False
            self._container(tb, "textbox")
            self.pending_break = keep

    def _pieces(self, para: _Para, break_before: bool, label: str) -> list[tuple[str, bool]]:
        """The paragraph's text split at explicit page breaks (w:br
        w:type="page"): [(text, page_break_before)], the label on the first."""
        text = "".join(para.parts)
        pieces: list[tuple[str, bool]] = []
        prev = 0
        first_break = break_before or self.pending_break
        for c in para.breaks:
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
        return pieces

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
        props = rpr_props(ns, rpr)
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
