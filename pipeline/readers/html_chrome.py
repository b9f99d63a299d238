"""Site chrome around a saved circular: what the .html reader drops, keeps
as a title candidate, or restates (see :mod:`pipeline.readers.html`).

A page saved from an office site wraps the circular in a frame: navigation,
breadcrumbs ("您所在的位置"), meta lines ("发布时间/来源/浏览次数"), font-size
and print tools, share bars, related-article lists, a footer with 版权所有,
ICP备 and the site's own phone. None of it belongs to the notice, but the
page heading does: it is the title when the circular prints none
(real/README.md "The circular is annotated, not the page"). The download
widget that lists the attachment files after the signature is the page's
form of the 附件说明; it is restated as one (GB/T 9704-2012 §7.3.6).
"""
from __future__ import annotations

import html
import re
from typing import Optional

from models.document import Block

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
DROP_TAGS = {"script", "style", "noscript", "iframe", "nav", "header", "footer", "form", "aside",
             "button", "select", "textarea", "object", "embed", "svg", "head", "title", "meta", "link"}
CHROME_ATTR = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|footer|foot|share|bdshare|bdsharebuttonbox|crumb|crumbs|breadcrumb|"
    r"location|position|weizhi|toolbar|tools|sidebar|copyright|banner|logo|search)($|[\s_\d-])", re.I)
CHROME_LINE = re.compile(
    r"^(您(所在|现在|当前)的?位置|(当前|现在)位置|分享到|【?\s*字[号体]|打印本页|关闭窗口|【\s*打印|【\s*关闭|"
    r"(发布|发表|更新)(时间|日期)\s*[：:]|(信息)?来源\s*[：:]|(浏览|访问|阅读)(次数|量)?\s*[：:]|"
    r"点击(数|量|率)?\s*[：:]|上一篇|下一篇|相关(链接|文章|阅读|通知|新闻)\s*([：:]|$)|"
    r"[（(]?责任编辑\s*[：:]|扫一扫在手机)", re.I)
# A site footer: copyright, ICP licence, site code. Its address and phone are the site's, not a contact.
FOOTER = re.compile(r"ICP\s*备|版权所有|Copyright|©|网站标识码|公网安备|技术支持\s*[：:]", re.I)
CHROME_ANY = re.compile(
    r"【?\s*字[号体]\s*[：:]\s*[\[【]?\s*大\s*中\s*小\s*[\]】]?\s*】?|打印本页|关闭窗口|"
    r"[\[【]\s*(打印|关闭)\s*[\]】]")
# The last word of a circular's title: its 文种 (GB/T 9704-2012 §8.1, the kinds of 公文).
_TITLE_END = re.compile(r"(通知|通报|意见|方案|决定|办法|规定|细则|函|公告|通告|纪要|请示|报告|批复|要点|"
                        r"计划|倡议书|公示|决议|命令|议案)[）)]?$")
_TITLE_SEP = re.compile(r"\s*(?:[_|｜]|--+|——|—|-|–)\s*")


def cjk_outside_links(el) -> int:
    """CJK characters of ``el`` that are not link text (link text is navigation)."""
    n = len(CJK.findall(el.text_content()))
    for a in el.iter("a"):
        n -= len(CJK.findall(a.text_content()))
    return n


_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")


def norm_ws(s: str) -> str:
    """Collapse runs of ASCII whitespace and no-break spaces to one space;
    full-width spaces (U+3000) and en/em spaces stay (a signature line
    separates joint issuers with them). Entities left as text by a site
    that escaped its editor's markup twice (``&amp;nbsp;`` shows
    ``&nbsp;``) are decoded."""
    if "&" in s:
        s = _ENTITY.sub(lambda m: html.unescape(m.group(0)), s)
    s = s.replace("\xa0", " ")
    s = re.sub(r"[ \t\r\n\f\v]+", " ", s)
    return s.strip()


def clean(el) -> None:
    """Remove comments, never-content tags and elements whose class/id names
    navigation, menus, breadcrumbs, share bars, footers; small footer,
    catalogue and related-article blocks; hidden text."""
    from lxml import etree

    hidden_cls = _hidden_classes(el)

    for bad in list(el.iter(etree.Comment, etree.ProcessingInstruction)):
        bad.drop_tree() if hasattr(bad, "drop_tree") else bad.getparent().remove(bad)
    for node in list(el.iter()):
        if not isinstance(node.tag, str):
            continue
        tag = node.tag.lower()
        attrs = " ".join(filter(None, [node.get("class"), node.get("id")]))
        if tag in DROP_TAGS or (attrs and CHROME_ATTR.search(attrs) and tag not in ("body", "html")):
            if node.getparent() is not None:
                node.drop_tree()
        elif tag in ("div", "p", "table", "td", "ul", "dl", "center") and (_footer(node) or _catalogue(node)):
            node.drop_tree()
        elif tag in ("div", "section", "ul", "dl", "table", "td") and _related(node):
            node.drop_tree()
        elif _hidden(node, hidden_cls):
            node.drop_tree()


_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.I)


def _hidden_classes(root) -> set[str]:
    """Class names the page's own ``<style>`` rules hide (``.ac{display:none}``)."""
    out: set[str] = set()
    for st in root.iter("style"):
        for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", st.text or ""):
            if _HIDDEN.search(body):
                out.update(m for part in sel.split(",")
                           for m in re.findall(r"^\s*[a-zA-Z]*\.([\w-]+)\s*$", part))
    return out


def _hidden(el, classes: set[str] = frozenset()) -> bool:
    """Text the page never shows (``display:none`` inline or by a class of
    the page's style sheet, Word's ``mso-hide:all``, anti-copy snippets):
    dropped when short (≤ 200 CJK characters), so a site that hides its
    whole article until a script runs keeps it."""
    if el.getparent() is None:
        return False
    hidden = bool(_HIDDEN.search(el.get("style") or "")) or bool(classes & set((el.get("class") or "").split()))
    return hidden and len(CJK.findall(el.text_content())) <= 200


_RELATED = re.compile(r"^(相关(通知|文章|阅读|链接|新闻|信息|公告|推荐)|推荐(阅读|文章)|延伸阅读|热点(信息|新闻|文章)|"
                      r"最新(公告|通知|文章|动态|信息)|热门(文章|信息)|猜你喜欢|往期回顾|更多(通知|公告|文章))"
                      r"\s*[：:]?$")


def _related(el) -> bool:
    """A list of other articles (相关通知, 推荐阅读, 最新公告…): its first line
    is such a heading and every part after it holds a link. Summaries printed
    under the links are other notices' text — their deadlines and phones are
    not this notice's. At most 300 CJK characters outside links, so a frame
    that starts with a sidebar list and then holds the article stays."""
    if el.getparent() is None:
        return False
    parts = [ch for ch in el if isinstance(ch.tag, str)]
    own = norm_ws(el.text or "")
    if own:  # <div>相关链接：<br><a>…</a>
        head, items = own, parts
    elif parts:  # <div><div class="hd">相关通知</div><div class="item"><a>…
        head, items = norm_ws(parts[0].text_content()), parts[1:]
    else:
        return False
    if not _RELATED.match(head):
        return False
    items = [ch for ch in items if ch.tag.lower() != "br"]
    return (bool(items) and all(ch.tag.lower() == "a" or ch.find(".//a") is not None for ch in items)
            and cjk_outside_links(el) <= 300)


_CATALOGUE = re.compile(r"索\s*引\s*号|发布机构|主题分类|公开(方式|范围|时限)|信息(分类|名称)|组配分类|"
                        r"体裁分类|生成日期|成文日期|发文机关")


def _catalogue(el) -> bool:
    """A government portal's 信息公开目录 box (索引号, 发布机构, 主题分类…):
    the portal's catalogue record of the page, not the circular."""
    if el.getparent() is None or el.tag.lower() not in ("table", "div", "ul", "dl"):
        return False
    text = el.text_content()
    return len({m.group(0) for m in _CATALOGUE.finditer(text)}) >= 2 and len(CJK.findall(text)) <= 150


def _footer(el) -> bool:
    """A small element (≤ 120 CJK characters) that carries a footer mark
    (版权所有, ICP备, Copyright): the site footer, dropped whole with the
    site's address and phone."""
    if el.getparent() is None:
        return False
    text = el.text_content()
    return bool(FOOTER.search(text)) and len(CJK.findall(text)) <= 120


def frame(el) -> bool:
    """True for an element of the page frame around an article: a heading,
    a meta line (发布时间, 来源, 浏览次数), links, a title/info/meta class."""
    if not isinstance(el.tag, str):
        return False
    text = norm_ws(el.text_content())
    cls = " ".join(filter(None, [el.get("class"), el.get("id")])).lower()
    return (el.tag.lower() in ("h1", "h2", "h3", "h4", "h5", "h6", "a")
            or bool(re.search(r"title|info|meta|property|attr|date|time|author|source", cls))
            or bool(CHROME_LINE.match(text) or CHROME_ANY.search(text))
            or any(CJK.search(a.text_content() or "") for a in el.iter("a")))


def title_like(text: str) -> bool:
    """A line that reads as a circular's title: 6+ CJK characters, at most
    120 characters, ending in a 文种 word (通知, 意见, 方案…)."""
    return 6 <= len(CJK.findall(text)) and len(text) <= 120 and bool(_TITLE_END.search(text))


def _heading_candidate(el, marked_only: bool = False) -> bool:
    """An element printed as the article heading: ``h1``–``h3`` or a
    title/biaoti class (not a subtitle), or — on sites that mark nothing,
    unless ``marked_only`` — any element whose whole text reads as a title;
    never link text."""
    if not isinstance(el.tag, str) or el.tag.lower() in ("body", "html", "table", "tbody", "tr"):
        return False
    text = norm_ws(el.text_content())
    if not 6 <= len(CJK.findall(text)) or len(text) > 120:
        return False
    if any(a.tag == "a" for a in el.iterancestors()) or el.find(".//a") is not None:
        return False
    cls = " ".join(filter(None, [el.get("class"), el.get("id")])).lower()
    marked = el.tag.lower() in ("h1", "h2", "h3") or (bool(re.search(r"title|biaoti", cls))
                                                     and "sub" not in cls)
    return marked or (not marked_only and title_like(text) and not CHROME_LINE.match(text))


def page_heading(root, content):
    """The article heading element of the page, or None: the last heading
    candidate before ``content``; else the first marked one (``h1``–``h3``,
    title class) at the top of ``content`` (no more than 20 CJK characters
    of text before it), where the site printed heading and meta line inside
    the article block — a centred line of the circular itself is its own
    title, not the page's. Its
    text is a title candidate: the notice's own title line wins when it
    prints one (real/README.md)."""
    found = None
    for el in root.iter():
        if el is content:
            break
        if _heading_candidate(el):
            found = found if found is not None and _inside(el, found) else el
    if found is not None:
        return found
    seen = 0
    for el in content.iter():
        if el is content or not isinstance(el.tag, str):
            continue
        if _heading_candidate(el, marked_only=True):
            return el if seen <= 20 else None
        if el.text:
            seen += len(CJK.findall(el.text))
        if seen > 20:
            return None
    return None


def _inside(el, outer) -> bool:
    return any(a is outer for a in el.iterancestors())


def document_title(root) -> Optional[str]:
    """The page's own name for the article when no heading element prints
    it: ``<meta name="ArticleTitle">``, else the ``<title>`` part (split at
    the site-name separators ``_ | - —``) that reads as a circular title."""
    for m in root.iter("meta"):
        if (m.get("name") or "").lower() in ("articletitle", "title") and title_like(norm_ws(m.get("content") or "")):
            return norm_ws(m.get("content"))
    t = root.find(".//title")
    if t is None:
        return None
    parts = [p for p in _TITLE_SEP.split(norm_ws(t.text_content())) if title_like(p)]
    return max(parts, key=len) if parts else None


# --- the download widget --------------------------------------------------

_EXT = r"(?:docx?|xlsx?|wps|et|pdf|ofd|zip|rar|7z|pptx?|txt|jpe?g|png)"
# what a download widget prints after a file name: its size, a download count, a "click to download"
_SIZE = re.compile(r"(\." + _EXT + r")\s*(?:[（(\[【]\s*\d+(?:\.\d+)?\s*[KMG]?i?B?\s*[）)\]】]|"
                   r"[（(\[【]?\s*(?:点击)?下载\s*[）)\]】]?|(?:已下载|下载次数\s*[：:]?)\s*\d*\s*次?)\s*$", re.I)
_COUNT = re.compile(r"\s*(?:已下载|下载次数\s*[：:]?)\s*\d*\s*次?\s*$")
_HAS_FILE = re.compile(r"\." + _EXT + r"\b", re.I)
# VSB/博达 sites: "附件【报名表.doc】已下载 12 次"
_BRACKETED = re.compile(r"^附件\s*[【\[]\s*([^】\]]+\." + _EXT + r")\s*[】\]]$", re.I)
_FILE_LINE = re.compile(r"^[^。；;，,]{1,100}\." + _EXT + r"$", re.I)
_MACHINE_NAME = re.compile(r"^[0-9A-Za-z_\-.]+\." + _EXT + r"$", re.I)
_DOWNLOAD_LABEL = re.compile(r"^(附件下载|下载附件|相关附件|附件列表|相关下载|附件)\s*[：:]?\s*$")
_LISTED = re.compile(r"^(附件|附\s*[：:])")
_ITEM = re.compile(r"^(附件|附\s*[：:]|\d{1,2}\s*[.．、])")


def strip_size(line: str) -> str:
    """``报名表.doc（28.5 KB）`` → ``报名表.doc``: the size, download count or
    "点击下载" a download widget prints after a file name is not the
    attachment's title; ``附件【报名表.doc】`` (a site's widget) is the file
    name alone, listed by :func:`download_list`."""
    line = _SIZE.sub(r"\1", _COUNT.sub("", line) if _HAS_FILE.search(line) else line)
    m = _BRACKETED.match(line)
    return m.group(1).strip() if m else line


def download_list(blocks: list[Block]) -> list[Block]:
    """Restate the page's download widget as a 附件说明.

    A line that is only a file name (``1.报名汇总表.xls``) lists an
    attachment file. A machine name with no words (``2026042008.docx``) names
    nothing and is dropped (the item above it gives the title). A widget label
    on the line before a run of file lines ("附件下载：", "相关附件") becomes
    "附件："; a run with no label and no "附件" of its own gets "附件：" before
    its first line, which is how the circular itself would list it."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind != "paragraph" or not _FILE_LINE.match(b.raw):
            out.append(b)
            i += 1
            continue
        if _MACHINE_NAME.match(b.raw):
            i += 1
            continue
        run = []
        while i < len(blocks) and blocks[i].kind == "paragraph" and _FILE_LINE.match(blocks[i].raw):
            if not _MACHINE_NAME.match(blocks[i].raw):
                run.append(blocks[i])
            i += 1
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "paragraph" and _DOWNLOAD_LABEL.match(prev.raw):
            prev.raw = "附件："
        elif prev is not None and prev.kind == "paragraph" and _ITEM.match(prev.raw):
            pass  # the rest of a 附件说明 whose titles keep their extensions
        elif not _LISTED.match(run[0].raw):
            if len(run) == 1:
                run[0].raw = "附件：" + run[0].raw
            else:
                out.append(Block(kind="paragraph", raw="附件：", align=run[0].align))
        out.extend(run)
    return out


# --- the 版记 drawn as a table ---------------------------------------------

_RECORD_LINE = re.compile(r"^(抄\s*送|主\s*送|分\s*送|报\s*送|主题词|关键词)\s*[：:]|"
                          r"(印\s*发|印)\s*$")


def record_rows(grid) -> Optional[list[str]]:
    """The lines of a 版记 that Word drew as a one-column table (its rules
    are the cell borders, GB/T 9704-2012 §7.4), or None for a data table:
    every non-empty row holds one cell, and each reads as a 版记 line
    (抄送：…, …印发, 主题词：…)."""
    rows: dict[int, list[str]] = {}
    for c in grid.cells:
        if c.text.strip():
            rows.setdefault(c.row, []).append(c.text)
    if not rows or any(len(v) != 1 for v in rows.values()):
        return None
    lines = [norm_ws(t) for r in sorted(rows) for t in rows[r][0].split("\n") if norm_ws(t)]
    heads = [ln for ln in lines if _RECORD_LINE.search(ln)]
    return lines if heads and len(heads) * 2 >= len(lines) else None


# --- a signature laid out as a table -----------------------------------------

_DATE_LINE = re.compile(r"^[0-9〇○零一二三四五六七八九十OＯ]{2,4}\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月"
                        r"\s*[0-9一二三四五六七八九十]{1,3}\s*日$")
_SEAL = re.compile(r"^[（(]?\s*(盖章|公章|章)\s*[）)]?$")


def signature_rows(grid) -> Optional[list[str]]:
    """The 署名 and 成文日期 lines of a borderless table that places joint
    issuers side by side (Word users lay out two signatures and their seals
    this way), or None: every non-empty cell line is an organisation name
    (the vocabulary of :mod:`extractors.orgs`), a date or a seal mark, with
    at least one name. A row's cells become one line, joined by full-width
    spaces as a side-by-side signature prints."""
    from extractors.orgs import split_orgs

    rows: dict[int, list[list[str]]] = {}
    for c in sorted(grid.cells, key=lambda c: (c.row, c.col)):
        lines = [norm_ws(t) for t in c.text.split("\n") if norm_ws(t)]
        if lines:
            rows.setdefault(c.row, []).append(lines)
    kinds = [("org" if split_orgs(ln) else "date" if _DATE_LINE.match(ln) else "seal" if _SEAL.match(ln) else "")
             for cells in rows.values() for lines in cells for ln in lines]
    if not kinds or "" in kinds or "org" not in kinds:
        return None
    out: list[str] = []
    for r in sorted(rows):
        depth = max(len(lines) for lines in rows[r])
        for i in range(depth):
            parts = [lines[i] for lines in rows[r] if i < len(lines) and not _SEAL.match(lines[i])]
            parts = [p for j, p in enumerate(parts) if p not in parts[:j]]
            if parts:
                out.append("\u3000\u3000".join(parts))
    return out
