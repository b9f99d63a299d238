"""Reader for notices saved from a web site (.html / .htm).

A saved page is mostly site chrome. The reader

1. decodes: BOM, else UTF-8 when the bytes are UTF-8, else the ``<meta
   charset>`` / ``http-equiv`` / ``<?xml encoding>`` charset (gb2312/gbk
   read as GB18030, their superset), else GB18030;
2. drops what is never content (:mod:`pipeline.readers.html_chrome`):
   ``script style nav header footer aside form…``, comments, elements whose
   class/id names navigation, menus, breadcrumbs, share bars, footers,
   small blocks with a footer mark (版权所有, ICP备) and a portal's
   信息公开 catalogue box (索引号, 发布机构…);
3. picks the main content: the smallest ``div/article/section/main/td``
   holding ≥ 70 % of the page's CJK characters outside links (link text is
   navigation), i.e. the block with the densest notice text;
4. keeps the page heading as the first block (``origin="header"``): an
   ``h1``–``h3``/title-class element, a title-like line before the content,
   else ``ArticleTitle``/``<title>``;
5. walks the content into paragraphs (``<p>``, ``<div>``, headings,
   ``<li>``; ``<br>`` splits) and tables (``<table>`` with
   ``rowspan``/``colspan`` → ``Grid``; a table that holds another table is
   layout and is walked as flow; a one-column table of 版记 lines is read as
   those lines);
6. drops the chrome lines that live inside content blocks on many sites:
   "您所在的位置", "【字号：大 中 小】", "打印本页", "关闭窗口", "分享到",
   "发布时间/来源/浏览次数" meta lines, and restates the download widget
   (file names with sizes after the signature) as a 附件说明.
"""
from __future__ import annotations

import re
from typing import Optional

from models.document import Block, Cell, Document, Grid
from pipeline.errors import DocumentLoadError
from pipeline.readers.html_chrome import (CHROME_ANY, CHROME_LINE, CJK, clean, cjk_outside_links,
                                          document_title, download_list, frame, norm_ws,
                                          page_heading, record_rows, signature_rows,
                                          strip_size)

_CJK = CJK
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
               "blockquote", "center", "pre", "dd", "dt", "dl", "main", "address", "figure", "tbody", "body"}
_GB = ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030")


def decode(data: bytes) -> str:
    """Text of an HTML file: BOM; else UTF-8 when the bytes are valid UTF-8
    with non-ASCII text (pages saved as UTF-8 often keep their old
    ``charset=gb2312`` meta, and UTF-8 bytes read as GB18030 give mojibake
    without an error); else the declared charset (gb2312/gbk read as
    GB18030, their superset); else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    try:
        text = data.decode("utf-8")
        if not text.isascii():
            return text
    except UnicodeDecodeError:
        pass
    m = (re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", data[:4096], re.I)
         or re.match(rb"""\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", data[:200], re.I))
    if m:
        enc = m.group(1).decode("ascii").lower()
        enc = "gb18030" if enc in _GB else enc
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def main_content(root):
    """The element holding the notice: the smallest candidate with ≥ 70 %
    of the page's CJK text outside links (see module doc)."""
    body = root.find(".//body")
    body = body if body is not None else root
    total = cjk_outside_links(body)
    if total == 0:
        return body
    best, best_size = body, len(list(body.iter()))
    for el in body.iter("div", "article", "section", "main", "td"):
        if cjk_outside_links(el) >= 0.7 * total:
            size = len(list(el.iter()))
            if size < best_size:
                best, best_size = el, size
    return best


def widen(best, heading=None):
    """``best`` or an ancestor that adds at most a quarter more text and
    does not hold the page ``heading`` element: a Word page prints its
    letterhead before and its 版记 (抄送, 印发) after ``WordSection1``, at
    the section breaks (real/webpages); sibling Word sections (attachments)
    join whatever their size. The element that holds the heading
    is the article frame (heading, date, hit counter), not the notice."""
    while True:
        parent = best.getparent()
        if parent is None or not isinstance(parent.tag, str) or parent.tag.lower() in ("body", "html"):
            return best
        if heading is not None and any(a is parent for a in heading.iterancestors()):
            return best
        own = cjk_outside_links(best)
        extra = cjk_outside_links(parent) - own
        others = [s for s in parent if s is not best and isinstance(s.tag, str) and s.text_content().strip()]
        sections = others and all(_WORD_SECTION.match(s.get("class") or "") for s in others)
        if extra <= 0 or (extra > 0.25 * own and not sections) or any(frame(s) for s in others):
            return best
        best = parent


# Word's "Save as web page" puts each section (letterhead + body, attachments, 版记) in its own div.
_WORD_SECTION = re.compile(r"^(WordSection|Section)\d+$")


def _align(el) -> Optional[str]:
    style = (el.get("style") or "").lower().replace(" ", "")
    m = re.search(r"text-align:(center|right|left|justify)", style)
    if m:
        return m.group(1)
    a = (el.get("align") or "").lower()
    if a in ("center", "right", "left", "justify"):
        return a
    if isinstance(el.tag, str) and el.tag.lower() == "center":
        return "center"
    return None


def _grid(table) -> Grid:
    """A <table> as a Grid: rows of its own (not nested tables'), cells
    placed with rowspan/colspan into the first free positions (HTML table model)."""
    rows = [tr for tr in table.iter("tr") if _owner_table(tr) is table]
    occupied: set[tuple[int, int]] = set()
    cells: list[Cell] = []
    n_cols = 0
    for r, tr in enumerate(rows):
        c = 0
        for td in tr:
            if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                continue
            while (r, c) in occupied:
                c += 1
            try:
                rs = max(1, min(int(td.get("rowspan") or 1), len(rows) - r))
            except ValueError:
                rs = 1
            try:
                cs = max(1, min(int(td.get("colspan") or 1), 100))
            except ValueError:
                cs = 1
            text = "\n".join(t for t in (norm_ws(x) for x in _lines(td)) if t)
            cells.append(Cell(row=r, col=c, text=text, raw=text, row_span=rs, col_span=cs))
            for i in range(r, r + rs):
                for j in range(c, c + cs):
                    occupied.add((i, j))
            c += cs
            n_cols = max(n_cols, c)
    return Grid(n_rows=len(rows), n_cols=n_cols, cells=cells)


def _owner_table(el):
    p = el.getparent()
    while p is not None and not (isinstance(p.tag, str) and p.tag.lower() == "table"):
        p = p.getparent()
    return p


def _lines(el) -> list[str]:
    """Text of an element split at <br> and block children."""
    out = [""]

    def walk(n):
        if not isinstance(n.tag, str):
            return
        tag = n.tag.lower()
        if tag == "br":
            out.append("")
        elif tag in _BLOCK_TAGS and n is not el:
            out.append("")
        if n.text and tag != "br":
            out[-1] += n.text
        for ch in n:
            walk(ch)
            if ch.tail:
                out[-1] += ch.tail
        if tag in _BLOCK_TAGS and n is not el:
            out.append("")

    walk(el)
    return out


# A meta line worth keeping: the posting's date in figures, or the page's source.
_PAGE_META = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}|来源\s*[：:]\s*\S")


def _walk(el, blocks: list[Block], align: Optional[str] = None) -> None:
    """Flow content → paragraph blocks; data tables → table blocks."""
    buf: list[str] = [""]
    own_align = _align(el) or align

    def flush():
        for line in "".join(buf).split("\n"):
            t = norm_ws(line)
            if t and CHROME_LINE.match(t) and _PAGE_META.search(t):
                # a meta line's date and source stay as the page's own line: a year to read
                # deadlines by, a newspaper named as the source (segment skips it, as in a .txt)
                blocks.append(Block(kind="paragraph", raw=t, origin="chrome"))
            elif t and not CHROME_LINE.match(t):
                t = strip_size(norm_ws(CHROME_ANY.sub("", t)))
                if t:
                    blocks.append(Block(kind="paragraph", raw=t, align=own_align))
        buf[:] = [""]

    if el.text:
        buf.append(el.text)
    for ch in el:
        tag = ch.tag.lower() if isinstance(ch.tag, str) else ""
        if tag == "table":
            flush()
            if ch.find(".//table") is not None:
                _walk(ch, blocks, own_align)  # layout table around content
            else:
                g = _grid(ch)
                record = record_rows(g) if g.cells else None
                signed = signature_rows(g) if g.cells and not record else None
                if record:  # the 版记 between rules, not a data table
                    blocks.extend(Block(kind="paragraph", raw=t) for t in record)
                elif signed:  # joint signatures side by side
                    blocks.extend(Block(kind="paragraph", raw=t, align="right") for t in signed)
                elif g.cells and any(c.text for c in g.cells):
                    raw = "\n".join("\t".join(r) for r in g.row_texts())
                    blocks.append(Block(kind="table", raw=raw, grid=g))
        elif tag == "br":
            buf.append("\n")
        elif tag in _BLOCK_TAGS or tag in ("tr", "td", "th", "thead", "tfoot", "caption"):
            flush()
            _walk(ch, blocks, own_align)
        elif tag:
            buf.append(ch.text_content() if ch.find(".//br") is None else "\n".join(_lines(ch)))
        if ch.tail:
            buf.append(ch.tail)
    flush()


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)  # an XHTML page's <?xml version=… encoding=…?>
_MAX_DEPTH = 120  # deeper wrappers are unwrapped: the walk below recurses per level
_WRAPPERS = re.compile(r"</?(?:div|span|font|section|article|center|b|i|u|em|strong)\b[^>]*>", re.I)


def _parse_deep(text: str):
    """Parse a page of any nesting depth without losing text.

    libxml2 stops at 256 levels (2048 with ``huge_tree``) and drops what is
    deeper; such pages (generated wrappers) are parsed again with the wrapper
    tags removed when the first parse kept less than half of the CJK text.
    Then wrappers deeper than :data:`_MAX_DEPTH` are unwrapped, keeping their
    text and children, so the recursive walk stays far from Python's limit."""
    import lxml.html
    from lxml import etree

    text = _XML_DECL.sub("", text, count=1)  # lxml refuses a decoded string that declares its encoding
    root = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(huge_tree=True))
    expected = len(_CJK.findall(re.sub(r"<[^>]*>", "", text)))
    if expected and len(_CJK.findall(root.text_content())) * 2 < expected:
        root = lxml.html.document_fromstring(_WRAPPERS.sub("", text),
                                             parser=lxml.html.HTMLParser(huge_tree=True))
    deep, stack = [], [(root, 0)]
    while stack:  # iterative: the tree may be thousands of levels deep
        el, d = stack.pop()
        for ch in el:
            if isinstance(ch.tag, str):
                if d + 1 > _MAX_DEPTH and ch.tag.lower() not in ("table", "tr", "td", "th", "br"):
                    deep.append(ch)
                stack.append((ch, d + 1))
    for el in reversed(deep):  # children before parents
        if el.tag.lower() in _BLOCK_TAGS:  # keep the paragraph boundary as line breaks
            el.insert(0, etree.Element("br"))
            el.append(etree.Element("br"))
        el.drop_tag()
    return root


def read(path: str, data: bytes) -> Document:
    """Read a saved web page into a ``Document`` (``format="html"``).

    The page heading (or, when no element prints one, the page's
    ``ArticleTitle``/``<title>``) comes first as a centred ``origin="header"``
    block; then the main content's blocks, with the download widget restated
    as a 附件说明 (:func:`html_chrome.download_list`).

    Errors: :class:`DocumentLoadError` when the page cannot be parsed or
    holds no text after the chrome is removed.
    """
    from lxml import etree

    text = decode(data)
    try:
        root = _parse_deep(text)
    except (etree.ParserError, ValueError) as e:
        raise DocumentLoadError(path, f"cannot parse HTML ({e})") from None
    named = document_title(root)
    clean(root)
    content = main_content(root)
    heading = page_heading(root, content)
    if heading is not None and any(a is content for a in heading.iterancestors()):
        named = norm_ws(heading.text_content())  # printed inside the article block: not body text
        heading.drop_tree()
        heading = None
    content = widen(content, heading)
    blocks: list[Block] = []
    named = norm_ws(heading.text_content()) if heading is not None else named
    if named:
        blocks.append(Block(kind="paragraph", raw=named, align="center", origin="header"))
    _walk(content, blocks)
    if not any(b.raw.strip() for b in blocks):
        raise DocumentLoadError(path, "no text in the page after removing navigation and scripts")
    return Document(path=path, sha256="", format="html", blocks=download_list(blocks))
