"""Build the format renditions of corpus notices (issue 7): .doc, .wps, .rtf,
.ofd and saved-page .html/.htm, each with a gold record copied from the seed.

Usage::

    python corpus/formats/make_formats.py            # writes into corpus/formats/
    python corpus/formats/make_formats.py fmt_000_scan_ofd   # just that one

* .doc / .rtf: LibreOffice ``--convert-to doc|rtf`` of the seed .docx;
* .wps: the .doc under a .wps name — what Kingsoft WPS "Word 97-2003" saves
  look like (a genuine Kingsoft binary was not available; see ECOSYSTEM.md §2);
* .ofd: a small OFD writer below (GB/T 33190-2016 structure: OFD.xml →
  Doc_0/Document.xml → Pages/Page_N/Content.xml with TextObject/TextCode
  and PathObject rulings), laying the notice out on A4 with 16 pt text,
  2-character first-line indents, centred titles, page numbers;
* scanned .ofd: the page images of a scanned seed PDF (its JPEG streams
  taken over unchanged) as one ImageObject per page, the images listed as
  MultiMedia in DocumentRes.xml — how 公文 systems wrap stamped originals;
* .html/.htm: the notice inside typical government-site chrome (navigation,
  breadcrumb "您所在的位置", "【字号：大 中 小】", share buttons, "打印本页 关闭窗口",
  scripts); the .htm is GB18030-encoded with a ``charset=gb2312`` meta.

The text comes from the seed .docx read by ``pipeline.readers.docx``, so a
rendition carries the same text and tables as the .docx it is compared with.
Output is deterministic (fixed zip timestamps).
"""
from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEEDS = ROOT / "corpus" / "seeds"
GOLD_SRC = SEEDS / "gold"
sys.path.insert(0, str(ROOT))

from pipeline.readers import docx as docx_reader  # noqa: E402

# (output stem, seed id, format)
RENDITIONS = [
    ("fmt_002_doc", "002_a6ecc3133544287b", "doc"),
    ("fmt_003_doc", "003_0fb55c4c84d933ae", "doc"),
    ("fmt_003_wps", "003_0fb55c4c84d933ae", "wps"),
    ("fmt_002_rtf", "002_a6ecc3133544287b", "rtf"),
    ("fmt_002_ofd", "002_a6ecc3133544287b", "ofd"),
    ("fmt_003_ofd", "003_0fb55c4c84d933ae", "ofd"),
    ("fmt_002_html", "002_a6ecc3133544287b", "html"),
    ("fmt_003_htm", "003_0fb55c4c84d933ae", "htm"),
    ("fmt_000_scan_ofd", "000_beae532f0dc098a7", "scan_ofd"),
]

# --- OFD writer -------------------------------------------------------------

PAGE_W, PAGE_H = 210.0, 297.0
LEFT, RIGHT, TOP, BOTTOM = 28.0, 26.0, 37.0, 35.0  # GB/T 9704-2012 §5.2.1 margins (mm)
BODY = 5.6  # 16 pt in mm
NS = "http://www.ofdspec.org/2016"


def _w(ch: str, size: float) -> float:
    return size if ord(ch) > 0x2E7F else size * 0.5


def _wrap(text: str, width: float, size: float, indent: float = 0.0) -> list[str]:
    lines, cur, w = [], "", indent
    for ch in text:
        if cur and w + _w(ch, size) > width + 0.01:
            lines.append(cur)
            cur, w = "", 0.0
        cur += ch
        w += _w(ch, size)
    if cur or not lines:
        lines.append(cur)
    return lines


class OfdWriter:
    """Lays blocks out on A4 pages and writes an OFD package."""

    def __init__(self):
        self.pages: list[list[str]] = [[]]
        self.y = TOP
        self.next_id = 10

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id

    def _need(self, h: float) -> None:
        if self.y + h > PAGE_H - BOTTOM:
            self.pages.append([])
            self.y = TOP

    def text_line(self, x: float, baseline: float, text: str, size: float, target=None) -> None:
        # one TextObject per run of CJK / non-CJK glyphs, as converters often write
        runs: list[str] = []
        for ch in text:
            if runs and (ord(ch) > 0x2E7F) == (ord(runs[-1][-1]) > 0x2E7F):
                runs[-1] += ch
            else:
                runs.append(ch)
        for run in runs:
            w = sum(_w(c, size) for c in run)
            advs = [_w(c, size) for c in run[:-1]]
            if advs and all(a == advs[0] for a in advs):
                dx = f"g {len(advs)} {advs[0]:.3f}"
            else:
                dx = " ".join(f"{a:.3f}" for a in advs)
            (self.pages[-1] if target is None else target).append(
                f'<ofd:TextObject ID="{self._id()}" Boundary="{x:.3f} {baseline - size:.3f} '
                f'{w:.3f} {size * 1.3:.3f}" Font="3" Size="{size:.3f}">'
                f'<ofd:TextCode X="0" Y="{size:.3f}" DeltaX="{dx}">{html.escape(run)}</ofd:TextCode>'
                f'</ofd:TextObject>')
            x += w

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        bx, by = min(x0, x1), min(y0, y1)
        self.pages[-1].append(
            f'<ofd:PathObject ID="{self._id()}" Boundary="{bx:.3f} {by:.3f} {abs(x1 - x0) + 0.3:.3f} '
            f'{abs(y1 - y0) + 0.3:.3f}" LineWidth="0.25"><ofd:AbbreviatedData>M {x0 - bx:.3f} '
            f'{y0 - by:.3f} L {x1 - bx:.3f} {y1 - by:.3f}</ofd:AbbreviatedData></ofd:PathObject>')

    def paragraph(self, text: str, align: str | None, size: float = BODY) -> None:
        width = PAGE_W - LEFT - RIGHT
        pitch = size * 1.75
        centred = align in ("center", "right")
        lines = _wrap(text, width, size, 0.0 if centred else 2 * size)
        for i, line in enumerate(lines):
            self._need(pitch)
            lw = sum(_w(c, size) for c in line)
            if align == "center":
                x = LEFT + (width - lw) / 2
            elif align == "right":
                x = PAGE_W - RIGHT - lw - 2 * size
            else:
                x = LEFT + (2 * size if i == 0 else 0.0)
            self.text_line(x, self.y + size, line, size)
            self.y += pitch

    def table(self, grid) -> None:
        size = 4.2
        width = PAGE_W - LEFT - RIGHT
        need = [1.0] * grid.n_cols
        for c in grid.cells:
            if c.col_span == 1:
                need[c.col] = max(need[c.col], min(12.0, len(c.raw or c.text) + 1.0))
        tot = sum(need)
        xs = [LEFT]
        for n in need:
            xs.append(xs[-1] + width * n / tot)
        rows = grid.rows()
        heights = []
        for r in range(grid.n_rows):
            h = 1
            for c in rows[r]:
                if c and c.row_span == 1:
                    cw = xs[c.col + c.col_span] - xs[c.col] - 2
                    h = max(h, len(_wrap(c.raw or c.text, cw, size)))
            heights.append(h * size * 1.4 + 3)
        ys = [self.y + 2]
        for h in heights:
            ys.append(ys[-1] + h)
        self._need(ys[-1] - self.y)
        if self.y == TOP:  # moved to a new page
            ys = [TOP + 2 + (y - ys[0]) for y in ys]
        for c in grid.cells:
            x0, x1 = xs[c.col], xs[c.col + c.col_span]
            y0, y1 = ys[c.row], ys[c.row + c.row_span]
            self.rule(x0, y0, x1, y0)
            self.rule(x0, y1, x1, y1)
            self.rule(x0, y0, x0, y1)
            self.rule(x1, y0, x1, y1)
            for k, line in enumerate(_wrap(c.raw or c.text, x1 - x0 - 2, size)):
                if line:
                    self.text_line(x0 + 1, y0 + 1.5 + size + k * size * 1.4, line, size)
        self.y = ys[-1] + 4

    def page_numbers(self) -> None:
        for n, objs in enumerate(self.pages, start=1):
            label = f"— {n} —"
            lw = sum(_w(c, 4.9) for c in label)
            self.text_line((PAGE_W - lw) / 2, PAGE_H - 20, label, 4.9, target=objs)

    def save(self, out: Path) -> None:
        self.page_numbers()
        files = {
            "OFD.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" '
                       f'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>corpus</ofd:DocID>'
                       f'</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
            "Doc_0/PublicRes.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" '
                                   f'BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="宋体" '
                                   f'FamilyName="宋体"/></ofd:Fonts></ofd:Res>',
        }
        pages_xml = "".join(f'<ofd:Page ID="{100 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
                            for i in range(len(self.pages)))
        files["Doc_0/Document.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
            f'<ofd:MaxUnitID>{self.next_id + 1}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 '
            f'{PAGE_W:g} {PAGE_H:g}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml'
            f'</ofd:PublicRes></ofd:CommonData><ofd:Pages>{pages_xml}</ofd:Pages></ofd:Document>')
        for i, objs in enumerate(self.pages):
            files[f"Doc_0/Pages/Page_{i}/Content.xml"] = (
                f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
                f'<ofd:Layer ID="{2 + i}">' + "".join(objs) + '</ofd:Layer></ofd:Content></ofd:Page>')
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in files.items():
                info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, text.encode("utf-8"))


def write_ofd(doc, out: Path) -> None:
    """Lay the blocks of a read .docx ``Document`` out as an OFD file."""
    w = OfdWriter()
    for b in doc.blocks:
        if b.origin in ("header", "footer"):
            continue
        if b.kind == "table" and b.grid is not None:
            w.table(b.grid)
        elif b.raw.strip():
            size = BODY
            if b.size and b.size >= 20:
                size = 7.7  # 二号 titles (GB/T 9704-2012 §7.3.1)
            w.paragraph(b.raw.strip(), b.align, size)
    w.save(out)


def write_scanned_ofd(pdf_path: Path, out: Path) -> None:
    """Wrap the page images of an image-only PDF into an OFD, one
    ImageObject per page covering it, JPEG bytes unchanged."""
    import io

    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    files: dict[str, bytes] = {}
    pages, media = [], []
    for i in range(len(pdf)):
        page = pdf[i]
        w_pt, h_pt = page.get_size()
        img = max((o for o in page.get_objects() if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE),
                  key=lambda o: o.get_px_size()[0] * o.get_px_size()[1])
        buf = io.BytesIO()
        img.extract(buf, fb_format="png")
        data = buf.getvalue()
        ext = "jpg" if data[:2] == b"\xff\xd8" else "png"
        files[f"Doc_0/Res/page_{i}.{ext}"] = data
        w, h = w_pt * 25.4 / 72, h_pt * 25.4 / 72
        media.append(f'<ofd:MultiMedia ID="{200 + i}" Type="Image" Format="{ext.upper()}">'
                     f'<ofd:MediaFile>page_{i}.{ext}</ofd:MediaFile></ofd:MultiMedia>')
        pages.append((w, h, f'<ofd:ImageObject ID="{300 + i}" ResourceID="{200 + i}" '
                            f'Boundary="0 0 {w:.2f} {h:.2f}" CTM="{w:.2f} 0 0 {h:.2f} 0 0"/>'))
    pdf.close()
    xml = {
        "OFD.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" '
                   f'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>corpus-scan</ofd:DocID>'
                   f'</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
        "Doc_0/DocumentRes.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" '
                                 f'BaseLoc="Res"><ofd:MultiMedias>{"".join(media)}</ofd:MultiMedias></ofd:Res>',
        "Doc_0/Document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
            f'<ofd:MaxUnitID>{400 + len(pages)}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 '
            f'{pages[0][0]:.2f} {pages[0][1]:.2f}</ofd:PhysicalBox></ofd:PageArea>'
            f'<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData><ofd:Pages>'
            + "".join(f'<ofd:Page ID="{100 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
            + '</ofd:Pages></ofd:Document>'),
    }
    for i, (w, h, obj) in enumerate(pages):
        xml[f"Doc_0/Pages/Page_{i}/Content.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Area><ofd:PhysicalBox>'
            f'0 0 {w:.2f} {h:.2f}</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="{20 + i}">'
            f'{obj}</ofd:Layer></ofd:Content></ofd:Page>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in xml.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
        for name, data in files.items():  # images are compressed already
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            z.writestr(info, data)


# --- HTML writer ------------------------------------------------------------

CHROME_TOP = """<div class="header"><div class="logo">{site}</div><ul class="nav"><li><a href="/">首页</a></li>
<li><a href="/xwzx/">新闻中心</a></li><li><a href="/tzgg/">通知公告</a></li><li><a href="/zcfg/">政策法规</a></li>
<li><a href="/lxwm/">联系我们</a></li></ul></div>
<div class="location">您所在的位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a> &gt; 正文</div>"""
CHROME_INFO = """<div class="info">发布时间：2021-07-01 来源：本站 浏览次数：1024 【字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>"""
CHROME_BOTTOM = """<div class="share">分享到：<a class="weixin">微信</a> <a class="weibo">微博</a> <a class="qzone">QQ空间</a></div>
<div class="tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="footer"><p>主办单位：{site} 地址：江西省九江市浔阳区 邮编：332000</p>
<p>版权所有 ©2021 {site} 备案号：赣ICP备00000000号-1 技术支持：某某网络科技有限公司</p></div>
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>"""


def write_html(doc, out: Path, encoding: str) -> None:
    """The notice as a saved web page with site chrome around the content."""
    site = "工会网"
    parts = []
    for b in doc.blocks:
        if b.origin in ("header", "footer"):
            continue
        if b.kind == "table" and b.grid is not None:
            rows = []
            for r in range(b.grid.n_rows):
                cells = [c for c in b.grid.cells if c.row == r]
                tds = "".join(
                    f'<td{f" rowspan={c.row_span}" if c.row_span > 1 else ""}'
                    f'{f" colspan={c.col_span}" if c.col_span > 1 else ""}>{html.escape(c.raw or c.text)}</td>'
                    for c in sorted(cells, key=lambda c: c.col))
                rows.append(f"<tr>{tds}</tr>")
            parts.append('<table border="1" cellspacing="0">' + "".join(rows) + "</table>")
        elif b.raw.strip():
            style = {"center": ' style="text-align:center"', "right": ' style="text-align:right"'}.get(
                b.align or "", ' style="text-indent:2em"')
            text = html.escape(b.raw.strip()).replace("\n", "<br>")
            parts.append(f"<p{style}>{text}</p>")
    charset = "utf-8" if encoding == "utf-8" else "gb2312"
    meta = (f'<meta charset="{charset}">' if encoding == "utf-8" else
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">')
    page = (f"<!DOCTYPE html>\n<html><head>{meta}<title>通知公告 - {site}</title>"
            f"<style>body{{font-size:14px}}</style><script src=\"/js/jquery.js\"></script></head>\n<body>"
            + CHROME_TOP.format(site=site)
            + '\n<div class="main"><div class="left"><h3>栏目导航</h3><ul><li>通知公告</li><li>工作动态</li></ul></div>\n'
            + '<div class="article">' + CHROME_INFO + '\n<div class="content" id="zoom">\n'
            + "\n".join(parts) + "\n</div>\n" + CHROME_BOTTOM.format(site=site)
            + "</div></div>\n</body></html>\n")
    out.write_bytes(page.encode(encoding))


# --- driver -------------------------------------------------------------------


def main() -> None:
    from pipeline.readers import legacy

    gold_dir = HERE / "gold"
    gold_dir.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        only = set(sys.argv[1:])  # build just these stems, e.g. fmt_000_scan_ofd
        for stem, seed, fmt in RENDITIONS:
            if only and stem not in only:
                continue
            src = SEEDS / f"{seed}.docx"
            out = HERE / f"{stem}.{fmt}"
            if fmt in ("doc", "rtf"):
                got = legacy.convert_many([src], tmp, fmt=fmt)[str(src)]
                shutil.move(got, out)
            elif fmt == "scan_ofd":
                out = HERE / f"{stem}.ofd"
                write_scanned_ofd(SEEDS / "scanned" / f"{seed}.pdf", out)
            elif fmt == "wps":
                got = legacy.convert_many([src], tmp, fmt="doc")[str(src)]
                shutil.move(got, out)
            else:
                doc = docx_reader.read(str(src), src.read_bytes())
                if fmt == "ofd":
                    write_ofd(doc, out)
                else:
                    write_html(doc, out, "utf-8" if fmt == "html" else "gb18030")
            gold = json.loads((GOLD_SRC / f"{seed}.json").read_text(encoding="utf-8"))
            gold["id"] = stem
            (gold_dir / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n",
                                                   encoding="utf-8")
            print(out.relative_to(ROOT))


if __name__ == "__main__":
    main()
