"""Reader for OFD (GB/T 33190-2016, 版式文档) read straight from its zip + XML.

No conversion through PDF: OFD→PDF renderers lose the text on Linux when the
SimSun/SimHei fonts are missing (ECOSYSTEM.md §2 ".ofd"). The chain is::

    OFD.xml  ofd:DocBody/ofd:DocRoot           → Doc_0/Document.xml
    Document.xml  ofd:Pages/ofd:Page@BaseLoc   → Pages/Page_N/Content.xml
    Content.xml  ofd:TextObject@Boundary,@Size → ofd:TextCode@X,@Y,@DeltaX + text
                 ofd:PathObject@Boundary,ofd:AbbreviatedData → ruling lines

Units are millimetres. Every glyph is placed (TextCode X/Y relative to the
TextObject's Boundary origin, DeltaX advances incl. the ``g n d`` repeat form,
§11.3 of the standard), glyphs on one baseline form lines, and the lines
become paragraphs and tables with the same layout rules as scans
(:func:`pipeline.readers.ocr.layout_page`, which needs no OCR engine).
Template pages referenced by a page are read too (they may carry the
发文机关标志).

Scanned OFDs (what many 公文 systems produce from stamped paper originals)
carry each page as an ``ofd:ImageObject`` whose ``ResourceID`` names an
``ofd:MultiMedia`` in the Res files (PublicRes, DocumentRes, PageRes; its
``MediaFile`` is relative to the Res file's ``BaseLoc``). A page with no
text but such an image is OCR'd like a page of a scanned PDF
(:mod:`pipeline.readers.ocr`, the optional OCR extra).
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from typing import Optional

from lxml import etree

from models.document import Document
from pipeline.errors import DocumentLoadError, MissingDependencyError
from pipeline.readers.zipparts import Members
from pipeline.readers import ocr
from pipeline.readers.ocr import OcrBox, TableRegion, _Line, join_pages, layout_page, merge_spans, regions  # noqa: F401

MM_TO_PT = 72 / 25.4
_MAX_XML = 50 * 1024 * 1024


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _floats(s: Optional[str]) -> list[float]:
    out = []
    for t in (s or "").replace(",", " ").split():
        try:
            out.append(float(t))
        except ValueError:
            pass
    return out


def deltas(s: Optional[str]) -> list[float]:
    """Expand an OFD DeltaX/DeltaY list: plain numbers, and ``g n d`` meaning
    ``n`` times the advance ``d`` (GB/T 33190-2016 §11.3)."""
    toks = (s or "").split()
    out: list[float] = []
    i = 0
    while i < len(toks):
        if toks[i] == "g" and i + 2 < len(toks):
            try:
                out.extend([float(toks[i + 2])] * int(float(toks[i + 1])))
            except ValueError:
                pass
            i += 3
            continue
        try:
            out.append(float(toks[i]))
        except ValueError:
            pass
        i += 1
    return out


class _Pkg:
    def __init__(self, path: str, data: bytes):
        self.path = path
        try:
            self.z = zipfile.ZipFile(io.BytesIO(data))
            self.names = {n.lstrip("/"): n for n in self.z.namelist()}
        except (zipfile.BadZipFile, ValueError, EOFError) as e:
            raise DocumentLoadError(path, f"truncated or corrupt OFD zip ({e})") from None
        self.lower = {k.lower(): v for k, v in self.names.items()}
        # every member is read by its real inflated size (a header may under-state it)
        self.members = Members(self.z, path, part_limit=_MAX_XML, kind="OFD")

    def xml(self, name: str):
        key = name.lstrip("/")
        real = self.names.get(key) or self.lower.get(key.lower())
        if real is None:
            raise DocumentLoadError(self.path, f"OFD part missing: {key}")
        try:
            info = self.z.getinfo(real)
            if info.file_size > _MAX_XML:
                raise DocumentLoadError(self.path, f"OFD part too large: {key}")
            raw = self.members.read(real)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as e:  # CRC errors, truncation
            raise DocumentLoadError(self.path, f"truncated or corrupt OFD zip ({key}: {e})") from None
        try:
            return etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True,
                                                         huge_tree=False))
        except etree.XMLSyntaxError as e:
            raise DocumentLoadError(self.path, f"malformed OFD XML in {key} ({e.msg})") from None


def _resolve(base_dir: str, loc: str) -> str:
    loc = loc.strip()
    if loc.startswith("/"):
        return posixpath.normpath(loc.lstrip("/"))
    return posixpath.normpath(posixpath.join(base_dir, loc))


def _path_segments(obj, bx: float, by: float) -> list[tuple[float, float, float, float]]:
    """Straight segments of a PathObject (absolute mm): from its
    AbbreviatedData (M/L/Z commands; curves ignored), or the Boundary itself
    when the object is a thin filled box (how some writers draw rules)."""
    segs = []
    ad = next((c for c in obj if _local(c.tag) == "AbbreviatedData"), None)
    if ad is not None and ad.text:
        toks = ad.text.split()
        cur = start = None
        i = 0
        while i < len(toks):
            t = toks[i]
            if t in ("M", "S") and i + 2 < len(toks):
                cur = start = (float(toks[i + 1]), float(toks[i + 2]))
                i += 3
            elif t == "L" and i + 2 < len(toks) and cur is not None:
                nxt = (float(toks[i + 1]), float(toks[i + 2]))
                segs.append((bx + cur[0], by + cur[1], bx + nxt[0], by + nxt[1]))
                cur = nxt
                i += 3
            elif t in ("B", "Q", "A"):  # curves: skip their operands, end at the last point
                k = {"B": 6, "Q": 4, "A": 7}[t]
                if i + k < len(toks):
                    cur = (float(toks[i + k - 1]), float(toks[i + k]))
                i += k + 1
            elif t == "Z" and cur is not None and start is not None:
                segs.append((bx + cur[0], by + cur[1], bx + start[0], by + start[1]))
                cur = start
                i += 1
            else:
                i += 1
    return segs


def _tables(segs: list[tuple[float, float, float, float]]) -> list[TableRegion]:
    """Ruled tables from vector segments: horizontal rules grouped by
    overlapping extent, vertical rules inside each group (same rules as
    :func:`pipeline.readers.ocr.find_tables`, in mm, no pixels)."""
    tol = 0.6
    hs: dict[float, list[tuple[float, float]]] = {}
    vs: dict[float, list[tuple[float, float]]] = {}
    for x0, y0, x1, y1 in segs:
        if abs(y0 - y1) < 0.3 and abs(x1 - x0) > 2:
            key = next((k for k in hs if abs(k - y0) < tol), round(y0, 2))
            hs.setdefault(key, []).append((min(x0, x1), max(x0, x1)))
        elif abs(x0 - x1) < 0.3 and abs(y1 - y0) > 2:
            key = next((k for k in vs if abs(k - x0) < tol), round(x0, 2))
            vs.setdefault(key, []).append((min(y0, y1), max(y0, y1)))

    def mk(pos: float, iv: list[tuple[float, float]]) -> _Line:
        spans = merge_spans(iv, tol)
        return _Line(pos, spans[0][0], max(b for _, b in spans), spans)

    hl = sorted((mk(k, v) for k, v in hs.items()), key=lambda ln: ln.pos)
    vl = sorted((mk(k, v) for k, v in vs.items()), key=lambda ln: ln.pos)
    groups: list[list[_Line]] = []
    for ln in hl:
        for g in groups:
            last = g[-1]
            ov = min(ln.hi, last.hi) - max(ln.lo, last.lo)
            if ov > 0.5 * min(ln.hi - ln.lo, last.hi - last.lo) and ln.pos - last.pos < 90:
                g.append(ln)
                break
        else:
            groups.append([ln])
    out = []
    for g in groups:
        if len(g) < 2:
            continue
        x0, x1 = min(ln.lo for ln in g), max(ln.hi for ln in g)
        cols = [ln for ln in vl if x0 - 1 <= ln.pos <= x1 + 1]
        out.extend(regions(g, cols))
    return out


def _page_content(pkg: _Pkg, loc: str):
    """(glyph boxes, segments, images) of one content/template XML part;
    an image is ``(ResourceID, [x, y, w, h] mm)``."""
    root = pkg.xml(loc)
    boxes: list[OcrBox] = []
    segs: list[tuple[float, float, float, float]] = []
    images: list[tuple[str, list[float]]] = []
    for el in root.iter():
        name = _local(el.tag)
        if name == "ImageObject":
            b = _floats(el.get("Boundary"))
            if len(b) == 4 and el.get("ResourceID") and b[2] > 0 and b[3] > 0:
                images.append((el.get("ResourceID").strip(), b))
        elif name == "TextObject":
            b = _floats(el.get("Boundary"))
            if len(b) < 2:
                continue
            bx, by = b[0], b[1]
            size = (_floats(el.get("Size")) or [3.5])[0]
            ctm = _floats(el.get("CTM"))
            scale = ctm[0] if len(ctm) == 6 and ctm[0] > 0 else 1.0
            size *= scale
            for tc in el:
                if _local(tc.tag) != "TextCode" or not tc.text:
                    continue
                x = (_floats(tc.get("X")) or [0.0])[0]
                y = (_floats(tc.get("Y")) or [0.0])[0]
                dx = deltas(tc.get("DeltaX"))
                dy = deltas(tc.get("DeltaY"))
                gx, gy = bx + x * scale, by + y * scale
                pieces: list[tuple[float, float, str]] = []
                for i, ch in enumerate(tc.text):
                    pieces.append((gx, gy, ch))
                    adv = dx[i] if i < len(dx) else (size if ord(ch) > 0x2E7F else size * 0.5)
                    gx += adv * scale
                    if i < len(dy):
                        gy += dy[i] * scale
                # one box per run of glyphs on a baseline without a wide gap
                run: list[tuple[float, float, str]] = []
                for p in pieces + [None]:
                    if run and (p is None or abs(p[1] - run[-1][1]) > 0.3 * size
                                or p[0] - run[-1][0] > 2.5 * size):
                        last = run[-1]
                        w = size if ord(last[2]) > 0x2E7F else size * 0.55
                        text = "".join(c for _, _, c in run)
                        if text.strip():
                            boxes.append(OcrBox(run[0][0], run[0][1] - size * 0.95,
                                                last[0] + w, run[0][1] + size * 0.25, text, 1.0))
                        run = []
                    if p is not None:
                        run.append(p)
        elif name == "PathObject":
            b = _floats(el.get("Boundary"))
            if len(b) == 4:
                segs.extend(_path_segments(el, b[0], b[1]))
                if el.get("Fill") == "true" and (b[3] < 0.5 < b[2] or b[2] < 0.5 < b[3]):
                    segs.append((b[0], b[1] + b[3] / 2, b[0] + b[2], b[1] + b[3] / 2) if b[3] < 0.5
                                else (b[0] + b[2] / 2, b[1], b[0] + b[2] / 2, b[1] + b[3]))
    return boxes, segs, images


def _media(pkg: _Pkg, res_locs: list[str]) -> dict[str, str]:
    """MultiMedia ID → zip path of its file, from the given Res files.

    A Res file's ``BaseLoc`` is relative to the Res file itself and each
    ``MediaFile`` to that BaseLoc (GB/T 33190-2016 §7.9). Res files that
    are missing or malformed are skipped: the images they name are then
    simply not found.
    """
    out: dict[str, str] = {}
    for loc in res_locs:
        try:
            root = pkg.xml(loc)
        except DocumentLoadError:
            continue
        base = _resolve(posixpath.dirname(loc), root.get("BaseLoc") or "")
        for el in root.iter():
            if _local(el.tag) != "MultiMedia" or not el.get("ID"):
                continue
            mf = next((c.text for c in el if _local(c.tag) == "MediaFile" and c.text), None)
            if mf:
                out[el.get("ID").strip()] = _resolve(base, mf)
    return out


def _ocr_image(pkg: _Pkg, member: str, box: list[float], page: int, n_pages: int):
    """OCR one page image of the package; positions put back on the page (pt).
    Reports page ``page`` of ``n_pages`` done to the OCR progress callback."""
    import numpy as np
    from PIL import UnidentifiedImageError

    from pipeline.readers.image import open_bounded

    real = pkg.names.get(member) or pkg.lower.get(member.lower())
    if real is None:
        raise DocumentLoadError(pkg.path, f"OFD image missing: {member}")
    try:
        img = open_bounded(pkg.path, pkg.members.read(real), f"OFD page {page} image")
        arr = np.asarray(img.convert("RGB"))
    except (UnidentifiedImageError, OSError, ValueError, zipfile.BadZipFile, EOFError) as e:
        raise DocumentLoadError(pkg.path, f"cannot decode OFD page {page} image {member} "
                                          f"({e.__class__.__name__})") from None
    k = box[2] * MM_TO_PT / arr.shape[1]  # points per pixel
    lay = ocr.ocr_page(arr, page, k, pkg.path)
    ocr.page_done(pkg.path, page, n_pages)
    dx, dy = box[0] * MM_TO_PT, box[1] * MM_TO_PT
    for b in lay.blocks:
        if b.bbox:
            b.bbox = (round(b.bbox[0] + dx, 1), round(b.bbox[1] + dy, 1),
                      round(b.bbox[2] + dx, 1), round(b.bbox[3] + dy, 1))
    return lay


def _page_height(root, default: float) -> float:
    """Height (mm) of the first ``PhysicalBox`` under ``root`` (document or
    page area, GB/T 33190-2016 §7.5), else ``default``."""
    for el in root.iter():
        if _local(el.tag) == "PhysicalBox":
            box = _floats(el.text)
            return box[3] if len(box) == 4 else default
    return default


def read(path: str, data: bytes) -> Document:
    """Read an .ofd into a ``Document`` (``format="ofd"``, pages counted,
    block bboxes in points).

    A page without text whose content is an image (a scanned OFD) is OCR'd
    when the OCR extra is installed (``doc.ocr = True``, blocks with
    ``origin="ocr"``); without it such pages get a ``needs_ocr`` warning.

    Errors: :class:`DocumentLoadError` for a truncated/corrupt zip, missing
    parts, malformed XML, an undecodable page image, or an OFD in which no
    text is found; :class:`MissingDependencyError` for an image-only OFD
    when the OCR extra is not installed.
    """
    pkg = _Pkg(path, data)
    root = pkg.xml("OFD.xml")
    doc_root = next((el.text for el in root.iter() if _local(el.tag) == "DocRoot" and el.text), None)
    if not doc_root:
        raise DocumentLoadError(path, "OFD.xml has no DocBody/DocRoot")
    doc_loc = _resolve("", doc_root)
    doc_dir = posixpath.dirname(doc_loc)
    dxml = pkg.xml(doc_loc)
    height = _page_height(dxml, 297.0)  # A4 when the document gives none
    templates = {}
    for el in dxml.iter():
        if _local(el.tag) == "TemplatePage" and el.get("BaseLoc"):
            templates[el.get("ID")] = _resolve(doc_dir, el.get("BaseLoc"))
    doc_res = [_resolve(doc_dir, el.text) for el in dxml.iter()
               if _local(el.tag) in ("PublicRes", "DocumentRes") and el.text]
    media: Optional[dict[str, str]] = None
    pages = [el for el in dxml.iter() if _local(el.tag) == "Page" and el.get("BaseLoc")]
    layouts = []
    unread: list[int] = []  # image-only pages left without OCR
    ocr_done = False
    for n, pg in enumerate(pages, start=1):
        loc = _resolve(doc_dir, pg.get("BaseLoc"))
        boxes, segs, images = [], [], []
        proot = pkg.xml(loc)
        for t in proot.iter():
            if _local(t.tag) == "Template" and t.get("TemplateID") in templates:
                b2, s2, i2 = _page_content(pkg, templates[t.get("TemplateID")])
                boxes += b2
                segs += s2
                images += i2
        b1, s1, i1 = _page_content(pkg, loc)
        boxes += b1
        segs += s1
        images += i1
        page_h = _page_height(proot, height)
        if not boxes and images:
            if not ocr.available():
                unread.append(n)
                continue
            if media is None:
                media = _media(pkg, doc_res)
            page_res = [_resolve(posixpath.dirname(loc), el.text) for el in proot.iter()
                        if _local(el.tag) == "PageRes" and el.text]
            found = {**media, **_media(pkg, page_res)} if page_res else media
            rid, box = max(images, key=lambda im: im[1][2] * im[1][3])  # the page scan, not a seal
            if rid not in found:
                raise DocumentLoadError(path, f"OFD page {n} image resource {rid} not found")
            layouts.append((n, _ocr_image(pkg, found[rid], box, n, len(pages))))
            ocr_done = True
            continue
        layouts.append((n, layout_page(boxes, None, n, MM_TO_PT, tables=_tables(segs),
                                       height=page_h, origin="body")))
    doc = Document(path=path, sha256="", format="ofd", pages=len(pages), ocr=ocr_done)
    doc.blocks = join_pages(layouts)
    for _, lay in layouts:
        doc.warnings.extend(lay.warnings)
    has_text = any(b.raw.strip() for b in doc.blocks)
    if unread:
        if not has_text:
            raise MissingDependencyError(path, "image-only OFD: " + ocr.INSTALL_HINT, stage="ocr")
        doc.warnings.append(("needs_ocr", f"pages {','.join(map(str, unread))} are images without "
                                          f"a text layer and OCR is not installed"))
    if not has_text:
        if ocr_done:
            raise DocumentLoadError(path, "OCR found no text in the OFD page images")
        raise DocumentLoadError(path, "OFD has no text (no text objects and no page images)")
    return doc
