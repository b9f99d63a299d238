"""Reader for notices saved from a web site (.html / .htm).

A saved page is mostly site chrome. The reader

1. decodes: BOM, else the ``<meta charset>`` / ``http-equiv`` charset
   (gb2312/gbk read as GB18030, their superset), else UTF-8, else GB18030;
2. drops what is never content: ``script style noscript iframe nav header
   footer form button select``, comments, and elements whose class/id names
   navigation, menus, breadcrumbs, share bars, footers;
3. picks the main content: the smallest ``div/article/section/main/td``
   holding ≥ 70 % of the page's CJK characters outside links (link text is
   navigation), i.e. the block with the densest notice text;
4. walks it into paragraphs (``<p>``, ``<div>``, headings, ``<li>``; ``<br>``
   splits) and tables (``<table>`` with ``rowspan``/``colspan`` → ``Grid``;
   a table that holds another table is layout and is walked as flow);
5. drops the chrome lines that live inside content blocks on many sites:
   "您所在的位置", "【字号：大 中 小】", "打印本页", "关闭窗口", "分享到",
   "发布时间/来源/浏览次数" meta lines.
"""
from __future__ import annotations

import re
from typing import Optional

from models.document import Block, Cell, Document, Grid
from pipeline.errors import DocumentLoadError

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_DROP_TAGS = {"script", "style", "noscript", "iframe", "nav", "header", "footer", "form",
              "button", "select", "textarea", "object", "embed", "svg", "head", "title", "meta", "link"}
_CHROME_ATTR = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|footer|foot|share|bdshare|bdsharebuttonbox|crumb|breadcrumb|"
    r"location|position|weizhi|toolbar|tools|sidebar|copyright|banner|logo|search)($|[\s_\d-])", re.I)
_CHROME_LINE = re.compile(
    r"^(您(所在|现在|当前)的?位置|当前位置|分享到|【?\s*字号|打印本页|关闭窗口|【\s*打印|【\s*关闭|"
    r"(发布|发表|更新)(时间|日期)\s*[：:]|来源\s*[：:]|浏览(次数)?\s*[：:]|点击(数|量|率)?\s*[：:]|"
    r"上一篇|下一篇|相关(链接|文章|阅读))")
_CHROME_ANY = re.compile(r"【?\s*字号\s*[：:]\s*大\s*中\s*小\s*】?|打印本页|关闭窗口|\[\s*打印\s*\]|\[\s*关闭\s*\]")
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
               "blockquote", "center", "pre", "dd", "dt", "dl", "main", "address", "figure", "tbody", "body"}


def decode(data: bytes) -> str:
    """Text of an HTML file: BOM, then the declared charset, then UTF-8,
    then GB18030 (which also reads GB2312/GBK pages)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", data[:4096], re.I)
    if m:
        enc = m.group(1).decode("ascii").lower()
        if enc in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936"):
            enc = "gb18030"
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _cjk_outside_links(el) -> int:
    n = len(_CJK.findall(el.text_content()))
    for a in el.iter("a"):
        n -= len(_CJK.findall(a.text_content()))
    return n


def _clean(el) -> None:
    from lxml import etree

    for bad in list(el.iter(etree.Comment, etree.ProcessingInstruction)):
        bad.drop_tree() if hasattr(bad, "drop_tree") else bad.getparent().remove(bad)
    for node in list(el.iter()):
        if not isinstance(node.tag, str):
            continue
        tag = node.tag.lower()
        attrs = " ".join(filter(None, [node.get("class"), node.get("id")]))
        if tag in _DROP_TAGS or (attrs and _CHROME_ATTR.search(attrs) and tag not in ("body", "html")):
            if node.getparent() is not None:
                node.drop_tree()


def main_content(root):
    """The element holding the notice: the smallest candidate with ≥ 70 %
    of the page's CJK text outside links (see module doc)."""
    body = root.find(".//body")
    body = body if body is not None else root
    total = _cjk_outside_links(body)
    if total == 0:
        return body
    best, best_size = body, len(list(body.iter()))
    for el in body.iter("div", "article", "section", "main", "td"):
        if _cjk_outside_links(el) >= 0.7 * total:
            size = len(list(el.iter()))
            if size < best_size:
                best, best_size = el, size
    return best


def widen(best, heading=None):
    """``best`` or an ancestor that adds at most a quarter more text and
    does not hold the page ``heading`` element: a Word page prints its
    letterhead before and its 版记 (抄送, 印发) after ``WordSection1``, at
    the section breaks (real/webpages). The element that holds the heading
    is the article frame (heading, date, hit counter), not the notice."""
    while True:
        parent = best.getparent()
        if parent is None or not isinstance(parent.tag, str) or parent.tag.lower() in ("body", "html"):
            return best
        if heading is not None and any(a is parent for a in heading.iterancestors()):
            return best
        own = _cjk_outside_links(best)
        extra = _cjk_outside_links(parent) - own
        if extra <= 0 or extra > 0.25 * own or any(_frame(s) for s in parent if s is not best):
            return best
        best = parent


def _frame(el) -> bool:
    """True for an element of the page frame around an article: a heading,
    a meta line (发布时间, 来源, 浏览次数), links, a title/info/meta class."""
    if not isinstance(el.tag, str):
        return False
    text = _norm_ws(el.text_content())
    cls = " ".join(filter(None, [el.get("class"), el.get("id")])).lower()
    return (el.tag.lower() in ("h1", "h2", "h3", "h4", "h5", "h6", "a")
            or bool(re.search(r"title|info|meta|property|attr|date|time|author|source", cls))
            or bool(_CHROME_LINE.match(text) or _CHROME_ANY.search(text))
            or any(_CJK.search(a.text_content() or "") for a in el.iter("a")))


def page_heading(root, content):
    """The article heading element printed above ``content`` (the last
    ``h1``–``h3`` or ``class="title"`` element before it, outside links),
    or None. Its text is a title candidate: the notice's own title line wins
    when it prints one (real/README.md "The circular is annotated, not the
    page")."""
    found = None
    for el in root.iter():
        if el is content:
            break
        if not isinstance(el.tag, str):
            continue
        cls = " ".join(filter(None, [el.get("class"), el.get("id")])).lower()
        # "title", "news_title", "article-title", "biaoti" — not a subtitle
        titled = bool(re.search(r"title|biaoti", cls)) and "sub" not in cls
        if el.tag.lower() in ("h1", "h2", "h3") or titled:
            text = _norm_ws(el.text_content())
            inside_link = any(a.tag == "a" for a in el.iterancestors()) or el.find(".//a") is not None
            if 6 <= len(_CJK.findall(text)) and len(text) <= 120 and not inside_link:
                found = el
    return found


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


def _norm_ws(s: str) -> str:
    s = s.replace("\xa0", " ").replace("\u3000", "\u3000")
    s = re.sub(r"[ \t\r\n\f\v]+", " ", s)
    return s.strip()


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
            text = "\n".join(t for t in (_norm_ws(x) for x in _lines(td)) if t)
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


def _walk(el, blocks: list[Block], align: Optional[str] = None) -> None:
    """Flow content → paragraph blocks; data tables → table blocks."""
    buf: list[str] = [""]
    own_align = _align(el) or align

    def flush():
        for line in "".join(buf).split("\n"):
            t = _norm_ws(line)
            if t and not _CHROME_LINE.match(t):
                t = _norm_ws(_CHROME_ANY.sub("", t))
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
                if g.cells and any(c.text for c in g.cells):
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

    Errors: :class:`DocumentLoadError` when the page cannot be parsed or
    holds no text after the chrome is removed.
    """
    from lxml import etree

    text = decode(data)
    try:
        root = _parse_deep(text)
    except (etree.ParserError, ValueError) as e:
        raise DocumentLoadError(path, f"cannot parse HTML ({e})") from None
    _clean(root)
    content = main_content(root)
    heading = page_heading(root, content)
    content = widen(content, heading)
    blocks: list[Block] = []
    if heading is not None:
        blocks.append(Block(kind="paragraph", raw=_norm_ws(heading.text_content()), align="center",
                            origin="header"))
    _walk(content, blocks)
    if not any(b.raw.strip() for b in blocks):
        raise DocumentLoadError(path, "no text in the page after removing navigation and scripts")
    return Document(path=path, sha256="", format="html", blocks=blocks)
