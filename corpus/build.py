"""Render the self-written corpus notices (``corpus/notices/*.txt``) as .docx and .pdf.

Usage::

    python corpus/build.py                  # every notice, into corpus/notices/{docx,pdf}/
    python corpus/build.py n05_spaced_date_tables --out /tmp/x --formats docx

Input layout (the same as the seed ``.txt`` files): blocks separated by blank
lines; a line containing a TAB is a table row (cells split on TAB), consecutive
rows form one table.  Merged cells are written in a *source* file
``corpus/notices/src/<id>.src`` (not ``.txt``, so that
``extract eval`` does not score the marked-up source): a cell whose whole text is ``<<`` belongs to
the cell on its left, ``^^`` to the cell above.  For such notices the build also
writes the plain rendition ``<id>.txt`` with those marker cells left empty, so
that the .txt, .docx and .pdf of a notice carry the same text.

Output is deterministic (same input ⇒ same bytes): docx core properties and
zip member timestamps are fixed; reportlab runs with ``invariant=1``.

Layout cues follow GB/T 9704-2012 loosely: red centred 发文机关标志 (§7.2.3),
centred 发文字号 (§7.2.4) and bold centred title (§7.3.1), right-aligned
signature and 成文日期 (§7.3.5), A4 page with the standard margins (§5.2).
Roles are recognised with simple, documented heuristics (see ``classify``); this
is a rendering helper for test data, not part of the extractor.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import io
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOTICES = HERE / "notices"
SRC = NOTICES / "src"

LEFT, UP = "<<", "^^"
FIXED_TIME = _dt.datetime(2000, 1, 1, 0, 0, 0)

# Date line under a signature: Arabic or Chinese numerals, stray spaces allowed.
_DATE_LINE = re.compile(r"^[0-9〇零一二三四五六七八九十○Ｏ\s]+年[0-9〇零一二三四五六七八九十\s]+月[0-9〇零一二三四五六七八九十\s]+日$")
# 发文字号 with any bracket style, e.g. 川工发 〔2019〕 8 号.
_DOCNO_LINE = re.compile(r"^\S*?\s*[〔\[［（(【]\s*(19|20)\d\d\s*[〕\]］）)】]\s*\d+\s*号$")
_ATT_LABEL = re.compile(r"^附件\s*([0-9０-９]+|[一二三四五六七八九十]+)?\s*[:：]?$")
_ORG_END = ("工会", "委员会", "联合会", "办公室", "局", "厅", "文件")


# ---------------------------------------------------------------- parsing
@dataclass
class Table:
    """A table: ``rows`` (padded to the same width, marker cells already blank)
    and ``spans``: (row, col, row_span, col_span) for every merged origin cell."""

    rows: list[list[str]]
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)


@dataclass
class Line:
    """One paragraph line with its layout role (see ``classify``)."""

    text: str
    role: str = "body"


def parse_table(lines: list[str]) -> Table:
    """Split TAB rows into a padded grid and turn ``<<``/``^^`` markers into spans."""
    raw = [ln.split("\t") for ln in lines]
    width = max(len(r) for r in raw)
    raw = [r + [""] * (width - len(r)) for r in raw]
    spans = []
    for r, row in enumerate(raw):
        for c, cell in enumerate(row):
            if cell in (LEFT, UP):
                continue
            cs = 1
            while c + cs < width and raw[r][c + cs] == LEFT:
                cs += 1
            rs = 1
            while r + rs < len(raw) and raw[r + rs][c] == UP:
                rs += 1
            if rs > 1 or cs > 1:
                spans.append((r, c, rs, cs))
    rows = [["" if cell in (LEFT, UP) else cell for cell in row] for row in raw]
    return Table(rows, spans)


def parse(text: str) -> list[list[Line | Table]]:
    """Blocks (blank-line separated) of paragraph lines and tables."""
    blocks: list[list[Line | Table]] = []
    # Only space-only lines separate blocks: a TAB-only line is a table row of empty cells.
    for chunk in re.split(r"\n[ \u3000]*\n", text.strip("\n")):
        items: list[Line | Table] = []
        pending: list[str] = []
        for ln in chunk.split("\n"):
            if "\t" in ln:
                pending.append(ln)
                continue
            if pending:
                items.append(parse_table(pending))
                pending = []
            items.append(Line(ln))
        if pending:
            items.append(parse_table(pending))
        if items:
            blocks.append(items)
    return blocks


def plain_text(src_text: str) -> str:
    """The .txt rendition of a source file: merge-marker cells become empty."""
    return re.sub(r"(?<![^\t\n])(<<|\^\^)(?![^\t\n])", "", src_text)


def _lines(block) -> list[Line]:
    return [it for it in block if isinstance(it, Line)]


def _is_org_line(s: str) -> bool:
    s = s.strip()
    return 0 < len(s) <= 40 and not re.search(r"[，。：；:]", s) and any(s.endswith(e) for e in _ORG_END)


def classify(blocks) -> None:
    """Give each line a role: header (red 版头), docno, title, recipients,
    att_label, att_title, signature, date, record (版记 抄送/印发) or body
    (body paragraphs get a two-character first-line indent)."""
    title_done = False
    for i, block in enumerate(blocks):
        lines = _lines(block)
        if not lines or len(lines) != len(block) or lines[0].role != "body":
            continue
        texts = [ln.text.strip() for ln in lines]
        joined = "".join(texts)
        if i <= 1 and not title_done and (texts[-1].endswith("文件") or (
                all(_is_org_line(t) for t in texts) and i + 1 < len(blocks))):
            # 发文机关标志: "XXX文件" (stacked names for joint issue) or a bare org name.
            nxt = _lines(blocks[i + 1]) if i + 1 < len(blocks) else []
            if texts[-1].endswith("文件") or (nxt and (_DOCNO_LINE.match(nxt[0].text.strip()) or "关于" in nxt[0].text)):
                for ln in lines:
                    ln.role = "header"
                continue
        if len(lines) == 1 and _DOCNO_LINE.match(texts[0]):
            lines[0].role = "docno"
            continue
        if not title_done and i <= 3 and ("关于" in joined or re.search(r"(通知|通报|意见|方案|纪要|菜谱)$", joined)):
            for ln in lines:
                ln.role = "title"
            title_done = True
            # 主送机关 (GB/T 9704 §7.3.2): the next line, ending in a colon, flush left.
            nxt = blocks[i + 1] if i + 1 < len(blocks) else []
            if len(nxt) == 1 and isinstance(nxt[0], Line) and nxt[0].text.rstrip().endswith(("：", ":")):
                nxt[0].role = "recipients"
            continue
        if len(lines) == 1 and _ATT_LABEL.match(texts[0]):
            lines[0].role = "att_label"
            if i + 1 < len(blocks) and len(blocks[i + 1]) == 1 and isinstance(blocks[i + 1][0], Line):
                blocks[i + 1][0].role = "att_title"
            continue
        if all(_DATE_LINE.match(t) for t in texts):
            for ln in lines:
                ln.role = "date"
            prev = _lines(blocks[i - 1]) if i else []
            if prev and len(prev) == len(blocks[i - 1]) and all(
                    all(_is_org_line(p) for p in re.split(r"\s{2,}|\u3000+", q.text.strip()) if p) for q in prev):
                for ln in prev:
                    ln.role = "signature"
            continue
        if texts[0].startswith("抄送") or re.search(r"日印(发)?$", texts[-1]):
            for ln in lines:
                ln.role = "record"


def load(notice_id: str) -> str:
    """Source text of a notice: ``src/<id>.src`` when it exists, else ``<id>.txt``."""
    src = SRC / f"{notice_id}.src"
    path = src if src.exists() else NOTICES / f"{notice_id}.txt"
    return path.read_text(encoding="utf-8")


# ---------------------------------------------------------------- docx
def _set_east_asian(run_or_style, name: str) -> None:
    from docx.oxml.ns import qn

    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), name)


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with constant member timestamps (python-docx stamps 'now')."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, zin.read(info.filename))
    return out.getvalue()


def render_docx(notice_id: str, blocks) -> bytes:
    """Word rendering: one paragraph per line, real tables with gridSpan/vMerge."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(14)
    _set_east_asian(normal, "仿宋_GB2312")
    cp = doc.core_properties
    cp.author = cp.last_modified_by = "corpus/build.py"
    cp.title, cp.comments = notice_id, ""
    cp.created = cp.modified = cp.last_printed = FIXED_TIME
    cp.revision = 1

    for block in blocks:
        for it in block:
            if isinstance(it, Table):
                ncols = len(it.rows[0])
                t = doc.add_table(rows=len(it.rows), cols=ncols)
                t.style = doc.styles["Table Grid"]
                t.alignment = WD_TABLE_ALIGNMENT.CENTER
                for r, row in enumerate(it.rows):
                    for c, cell in enumerate(row):
                        if cell:
                            t.cell(r, c).text = cell
                for r, c, rs, cs in it.spans:
                    t.cell(r, c).merge(t.cell(r + rs - 1, c + cs - 1))
                continue
            p = doc.add_paragraph()
            run = p.add_run(it.text.strip() if it.role != "body" else it.text)
            if it.role == "header":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run.bold, run.font.size = True, Pt(26)
                run.font.color.rgb = RGBColor(0xE0, 0x00, 0x00)
                _set_east_asian(run, "方正小标宋简体")
            elif it.role in ("title", "att_title"):
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run.bold, run.font.size = True, Pt(22 if it.role == "title" else 16)
                _set_east_asian(run, "方正小标宋简体")
            elif it.role == "docno":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif it.role in ("signature", "date"):
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif it.role == "att_label":
                # GB/T 9704 §8.3: an attachment starts on a new page.
                p.paragraph_format.page_break_before = True
                run.bold = True
                _set_east_asian(run, "黑体")
            elif it.role == "record":
                run.font.size = Pt(12)
            elif it.role == "body":
                p.paragraph_format.first_line_indent = Pt(28)  # two characters, as in print
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue())


# ---------------------------------------------------------------- pdf
_FONTS: dict[bool, str] = {}


def _system_cjk_ttf() -> str | None:
    """A CJK .ttf/.otf reported by ``fc-list :lang=zh`` (TrueType outlines only), else None."""
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = sorted(ln.split(":")[0].strip() for ln in out.splitlines() if ln.strip())
    return next((f for f in files if f.lower().endswith(".ttf")), None)


def pdf_font(force_cid: bool = False) -> str:
    """Register and return the CJK font name: a system TTF, else the CID font STSong-Light."""
    if force_cid in _FONTS:
        return _FONTS[force_cid]
    from reportlab.pdfbase import pdfmetrics

    ttf = None if force_cid else _system_cjk_ttf()
    if ttf:
        from reportlab.pdfbase.ttfonts import TTFont

        try:
            pdfmetrics.registerFont(TTFont("CorpusCJK", ttf))
            _FONTS[force_cid] = "CorpusCJK"
            return _FONTS[force_cid]
        except Exception:  # a TTF reportlab cannot subset: fall back to the CID font
            pass
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    _FONTS[force_cid] = "STSong-Light"
    return _FONTS[force_cid]


# Characters that STSong-Light's UniGB-UCS2-H CMap cannot encode (they would be
# dropped from the PDF): drawn with a standard Latin font instead.
_CID_MISSING = {"\u00b7": "Times-Roman"}


def _esc(s: str, font: str = "") -> str:
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if font == "STSong-Light":
        for ch, latin in _CID_MISSING.items():
            s = s.replace(ch, f'<font name="{latin}">{ch}</font>')
    return s


def render_pdf(notice_id: str, blocks, force_cid: bool = False) -> bytes:
    """PDF rendering (reportlab platypus): wrapped CJK paragraphs, GRID tables with SPAN."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    font = pdf_font(force_cid)
    base = ParagraphStyle("base", fontName=font, fontSize=11, leading=17, wordWrap="CJK")
    styles = {
        "body": ParagraphStyle("body", parent=base, firstLineIndent=22),
        "recipients": base,
        "header": ParagraphStyle("header", parent=base, fontSize=22, leading=30, alignment=TA_CENTER, textColor=colors.red),
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=24, alignment=TA_CENTER),
        "att_title": ParagraphStyle("att_title", parent=base, fontSize=13, leading=20, alignment=TA_CENTER),
        "docno": ParagraphStyle("docno", parent=base, alignment=TA_CENTER),
        "signature": ParagraphStyle("signature", parent=base, alignment=TA_RIGHT),
        "date": ParagraphStyle("date", parent=base, alignment=TA_RIGHT),
        "att_label": ParagraphStyle("att_label", parent=base, alignment=TA_LEFT),
        "record": ParagraphStyle("record", parent=base, fontSize=10, leading=15),
    }
    cell_style = ParagraphStyle("cell", parent=base, fontSize=9, leading=13)
    buf = io.BytesIO()
    width = A4[0] - 52 * mm
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=28 * mm, rightMargin=24 * mm,
                            topMargin=30 * mm, bottomMargin=28 * mm, title=notice_id,
                            author="corpus/build.py", creator="corpus/build.py", invariant=1)
    story = []
    for block in blocks:
        for it in block:
            if isinstance(it, Table):
                ncols = len(it.rows[0])
                data = [[Paragraph(_esc(c, font), cell_style) for c in row] for row in it.rows]
                heights = [None if any(row) else 20 for row in it.rows]
                cmds = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
                cmds += [("SPAN", (c, r), (c + cs - 1, r + rs - 1)) for r, c, rs, cs in it.spans]
                tbl = RLTable(data, colWidths=[width / ncols] * ncols, rowHeights=heights, repeatRows=0)
                tbl.setStyle(TableStyle(cmds))
                story += [tbl, Spacer(1, 4)]
            else:
                if it.role == "att_label" and story:
                    story.append(PageBreak())  # GB/T 9704 §8.3: an attachment starts on a new page
                story.append(Paragraph(_esc(it.text.strip(), font) or "&nbsp;", styles[it.role]))
        story.append(Spacer(1, 6))
    while story and isinstance(story[-1], (Spacer, PageBreak)):  # a trailing spacer can spill onto an empty page
        story.pop()
    doc.build(story)
    return buf.getvalue()


# ---------------------------------------------------------------- driver
def build(notice_id: str, out: Path | None = None, formats=("docx", "pdf"), force_cid: bool = False) -> list[Path]:
    """Build one notice; returns the written paths.

    ``out`` None writes into the corpus layout (``notices/docx/<id>.docx``,
    ``notices/pdf/<id>.pdf``, and ``notices/<id>.txt`` when a merge source exists);
    otherwise everything goes flat into ``out``.
    """
    src_text = load(notice_id)
    blocks = parse(src_text)
    classify(blocks)
    written = []
    targets = {
        "txt": (out or NOTICES) / f"{notice_id}.txt",
        "docx": (out / f"{notice_id}.docx") if out else NOTICES / "docx" / f"{notice_id}.docx",
        "pdf": (out / f"{notice_id}.pdf") if out else NOTICES / "pdf" / f"{notice_id}.pdf",
    }
    if (SRC / f"{notice_id}.src").exists():
        targets["txt"].parent.mkdir(parents=True, exist_ok=True)
        targets["txt"].write_text(plain_text(src_text), encoding="utf-8")
        written.append(targets["txt"])
    for fmt in formats:
        data = render_docx(notice_id, blocks) if fmt == "docx" else render_pdf(notice_id, blocks, force_cid)
        targets[fmt].parent.mkdir(parents=True, exist_ok=True)
        targets[fmt].write_bytes(data)
        written.append(targets[fmt])
    return written


def notice_ids() -> list[str]:
    """Ids of all notices: stems of ``notices/*.txt`` and ``notices/src/*.src``."""
    ids = {p.stem for p in NOTICES.glob("*.txt")} | {p.stem for p in SRC.glob("*.src")}
    return sorted(ids)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ids", nargs="*", help="notice ids (default: all)")
    ap.add_argument("--out", type=Path, help="write flat into this folder instead of the corpus")
    ap.add_argument("--formats", default="docx,pdf", help="comma list of docx,pdf")
    ap.add_argument("--cid", action="store_true", help="always use the built-in CID font STSong-Light")
    args = ap.parse_args(argv)
    ids = args.ids or notice_ids()
    unknown = [i for i in ids if i not in notice_ids()]
    if unknown:
        print(f"build.py: unknown notice id(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    for nid in ids:
        for p in build(nid, args.out, tuple(args.formats.split(",")), args.cid):
            print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
