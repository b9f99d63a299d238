"""OCR layer: text fixes, page layout, ruled-table grids, the engine on one
small scan crop, the PDF hook, and the messages when OCR is missing."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from models.document import Document
from pipeline.errors import DocumentLoadError, MissingDependencyError
from pipeline.readers import ocr, pdf_ocr

FORMATS = Path(__file__).resolve().parents[1] / "corpus" / "formats"


@pytest.mark.parametrize("raw, fixed", [
    ("松工总[2017]64号", "松工总〔2017〕64号"),
    ("长总工【2018] 4号", "长总工〔2018〕4号"),
    ("杨工(2018)14号", "杨工〔2018〕14号"),
    ("各委、局及直属公司工会:", "各委、局及直属公司工会："),
    ("联系电话: 57813758", "联系电话：57813758"),
    ("总工会, 各委局", "总工会，各委局"),
    ("上午9:30在区总工会", "上午9:30在区总工会"),
    ("2O17年7月", "2017年7月"),
    ("s.jzghjjb@126.com", "s.jzghjjb@126.com"),
    ("关于 开展 劳动竞赛", "关于开展劳动竞赛"),
    ("G60 上海", "G60 上海"),
    ("(2018)年度计划", "(2018)年度计划"),
    ("邮箱zgh2011@163.c0m，", "邮箱zgh2011@163.com，"),
    ("邮箱sjzghjjb@ 126 .com", "邮箱sjzghjjb@126.com"),
    ("邮箱x0y@s0hu.c0m.cn", "邮箱x0y@sohu.com.cn"),
    ("3号楼@二楼", "3号楼@二楼"),
])
def test_fix_text(raw, fixed):
    assert ocr.fix_text(raw) == fixed


# first reading, stretched readings → restored text: one doubled letter or
# digit comes back; nothing else of a second reading is ever taken over
@pytest.mark.parametrize("first, readings, restored", [
    ("邮箱sjzghjb@126.com", ["邮箱 sjzghjjb@126.com"], "邮箱sjzghjjb@126.com"),
    ("邮箱s.jzghjb@126.com", ["箱 s.jzghjjb@126.c0m"], "邮箱s.jzghjjb@126.com"),
    ("E-mail: jggll@qq.com", ["E-mail: jggll@qq.com", "E-mail: jjggli@qq.com"], "E-mail: jjggll@qq.com"),
    ("联系电话：1331112222", ["联系电话：13311112222"], "联系电话：13311112222"),
    ("电话13311112222", ["电话1331112222"], "电话13311112222"),
    ("QQ：12345678", ["QQ：123345679"], "QQ：12345678"),
    ("QQ：12345678", ["QQ：1233456788"], "QQ：1233456788"),
    ("ab@qq.com或cd@qq.com", ["abb@qq.com 或 cdd@qq.com"], "abb@qq.com或cdd@qq.com"),
    ("邮箱ab@qq.com", ["邮箱abbbb@qq.com"], "邮箱abb@qq.com"),
    ("邮箱abc@qq.com", ["邮箱 abxc@qq.com"], "邮箱abc@qq.com"),
    ("会议于2024年召开", ["会议于20024年召开"], "会议于2024年召开"),
    ("人人参与活动", ["人人人参与活动"], "人人参与活动"),
])
def test_restore_repeats(first, readings, restored):
    assert ocr.restore_repeats(first, readings) == restored


def B(x0, y0, x1, y1, text, conf=0.99):
    return ocr.OcrBox(x0, y0, x1, y1, text, conf)


# a page at 100 dpi: body text 24 px per character, column 110..734 (26 chars)
PAGE = [
    B(250, 100, 594, 150, "上海市总工会文件"),               # red header, centred, large
    B(326, 200, 518, 230, "沪工〔2024〕5号"),                 # centred 发文字号
    B(116, 280, 728, 320, "关于开展2024年职工劳动竞赛活动的"),  # title line 1, large, ~full width
    B(384, 330, 460, 370, "通知"),                            # title line 2, centred
    B(110, 420, 590, 447, "各区总工会，各产业工会："),
    B(158, 457, 734, 484, "为落实全会精神，进一步激发职工的劳动热情和创造"),
    B(110, 494, 734, 521, "活力，现将有关事项通知如下，请认真组织，抓好落"),
    B(110, 531, 300, 558, "实。具体如下："),
    B(158, 568, 310, 595, "一、竞赛时间"),
    # the last paragraph runs to the foot of the text area (ocr_layout.FOOT)
    B(158, 1005, 734, 1032, "竞赛自3月开始，至11月结束，各单位请于4月15日前报"),
    B(110, 1042, 734, 1069, "送方案，联系电话:57813758，邮箱按原渠道报送，逾期"),
    B(385, 1120, 450, 1145, "—1—"),                          # page number
]


def test_layout_paragraphs_titles_and_page_numbers():
    gray = np.full((1170, 828), 235, np.uint8)
    lay = ocr.layout_page(PAGE, gray, 1, 72 / 100)
    texts = [(b.align, b.raw) for b in lay.blocks]
    assert texts == [
        ("center", "上海市总工会文件"),
        ("center", "沪工〔2024〕5号"),
        ("center", "关于开展2024年职工劳动竞赛活动的通知"),
        ("left", "各区总工会，各产业工会："),
        ("left", "为落实全会精神，进一步激发职工的劳动热情和创造活力，现将有关事项通知如下，请认真组织，抓好落实。具体如下："),
        ("left", "一、竞赛时间"),
        ("left", "竞赛自3月开始，至11月结束，各单位请于4月15日前报送方案，联系电话：57813758，邮箱按原渠道报送，逾期"),
    ]
    assert all(b.origin == "ocr" and b.page == 1 and b.confidence == 0.99 for b in lay.blocks)
    assert lay.blocks[0].bbox == (180.0, 72.0, 427.7, 108.0)  # pt = px * 72/100
    assert lay.last_open and not lay.first_cont


def test_paragraph_continues_over_page_break_and_low_confidence_warns():
    gray = np.full((1170, 828), 235, np.uint8)
    p1 = ocr.layout_page(PAGE, gray, 1, 72 / 100)
    p2 = ocr.layout_page([
        B(110, 100, 380, 127, "不报的视为放弃。", conf=0.55),
        B(158, 137, 734, 164, "二、工作要求各单位要高度重视，加强组织领导，确保"),
        B(110, 174, 400, 201, "竞赛活动取得实效。"),
    ], gray, 2, 72 / 100)
    blocks = ocr.join_pages([(1, p1), (2, p2)])
    assert blocks[6].raw.endswith("逾期不报的视为放弃。") and blocks[6].confidence == 0.55
    assert blocks[7].page == 2 and blocks[7].page_break_before
    assert [c for c, _ in p2.warnings] == ["low_confidence"] and "page 2" in p2.warnings[0][1]


# Seed 001's scan at 150 dpi (1241 × 1754 px): page 8 holds the last two
# lines of a note and is blank below; page 9 opens with the 附件2 label. The
# second line stops about 1.5 characters short of the right margin, the
# layout's tolerance, so only the page's foot tells a paragraph cut by the
# page break from one that ended on a short page.
SHORT_PAGE = [
    B(165, 229, 1073, 264, "2、此表一式3份，县总工会经济工作部、各乡镇（街道、园区）"),
    B(183, 279, 1028, 313, "（总）工会，县直属产业（行业）工会（工委）、基层工会各一份。"),
]
NEXT_PAGE = [
    B(165, 232, 278, 268, "附件2:"),
    B(169, 319, 1092, 365, "2018年长兴县开展“工人先锋号”创建活动参赛企业汇"),
    B(584, 387, 675, 429, "总表"),
    B(168, 479, 914, 517, "乡镇（街道、园区）、县直属产业（行业）工会（工委）："),
    B(163, 1115, 1067, 1152, "备注：此表由一式2份，县总工会经济工作部、各乡镇（街道、园区)"),
    B(177, 1166, 1085, 1202, "（总）工会，县直属产业（行业）工会（工委）各一份。在4月15日"),
    B(161, 1216, 496, 1249, "前上报到县总工会经济部。"),
]


@pytest.mark.parametrize("shift, joined", [
    (0, False),     # the note ends near the top of a short page: the label stays apart
    (1150, True),   # the same two lines at the foot of the page (ends at 0.83 of it): one paragraph
])
def test_paragraph_joins_next_page_only_from_the_foot_of_the_page(shift, joined):
    gray = np.full((1754, 1241), 235, np.uint8)
    moved = [B(b.x0, b.y0 + shift, b.x1, b.y1 + shift, b.text) for b in SHORT_PAGE]
    p8 = ocr.layout_page(moved, gray, 8, 72 / 150)
    p9 = ocr.layout_page(NEXT_PAGE, gray, 9, 72 / 150)
    raws = [b.raw for b in ocr.join_pages([(8, p8), (9, p9)])]
    assert ("附件2:" not in raws) == joined
    assert "2018年长兴县开展“工人先锋号”创建活动参赛企业汇总表" in raws


def test_hanging_attachment_list_items_stay_apart():
    gray = np.full((1170, 828), 235, np.uint8)
    rows = [
        B(110, 100, 734, 127, "各单位要按时报送材料，确保工作顺利开展，不得延误，特此通知并"),
        B(110, 137, 300, 164, "请遵照执行。"),
        B(158, 200, 230, 227, "附件："),
        B(230, 237, 730, 264, "1.2018年长兴县“工人先锋号”创建单位培育申报"),
        B(230, 274, 254, 301, "表"),
        B(230, 311, 705, 338, "2.2018年长兴县职工节能减排义务监督员登记表"),
        B(230, 348, 690, 375, "3.2018年长兴县企业需求技术服务项目登记表"),
    ]
    lay = ocr.layout_page(rows, gray, 1, 0.72)
    assert [b.raw for b in lay.blocks][1:] == [
        "附件：", "1.2018年长兴县“工人先锋号”创建单位培育申报表",
        "2.2018年长兴县职工节能减排义务监督员登记表", "3.2018年长兴县企业需求技术服务项目登记表"]


def _ruled(h_rows, v_cols, missing=()):
    """A white page with black 2 px rulings; ``missing`` = (row index, col index)
    vertical-ruling pieces left out (a merged cell)."""
    img = np.full((900, 1200), 238, np.uint8)
    x0, x1 = v_cols[0], v_cols[-1]
    for y in h_rows:
        img[y:y + 2, x0:x1 + 2] = 30
    for j, x in enumerate(v_cols):
        for i in range(len(h_rows) - 1):
            if (i, j) not in missing:
                img[h_rows[i]:h_rows[i + 1] + 2, x:x + 2] = 30
    return img


def test_ruled_table_grid_with_merged_cell():
    img = _ruled([100, 180, 260, 340], [100, 400, 700, 1000], missing={(0, 1)})
    (t,) = ocr.find_tables(img)
    assert [round(r) for r in t.rows] == [100, 180, 260, 340]
    assert [round(c) for c in t.cols] == [100, 400, 700, 1000]
    assert ocr.grid_cells(t) == [(0, 0, 1, 2), (0, 2, 1, 1), (1, 0, 1, 1), (1, 1, 1, 1), (1, 2, 1, 1),
                                 (2, 0, 1, 1), (2, 1, 1, 1), (2, 2, 1, 1)]
    boxes = [B(150, 120, 600, 160, "申报单位名称"), B(750, 120, 950, 160, "人数"),
             B(150, 200, 300, 240, "张三"), B(450, 200, 650, 240, "技师"), B(750, 200, 800, 240, "3")]
    lay = ocr.layout_page(boxes, img, 1, 0.36)
    (tb,) = lay.blocks
    assert tb.kind == "table" and tb.grid.n_rows == 3 and tb.grid.n_cols == 3
    assert tb.raw == "申报单位名称\t人数\n张三\t技师\t3\n\t\t"


def test_two_rules_are_not_a_table():
    img = _ruled([100, 180], [100, 1000])[:, :]
    img[:, :] = 238
    img[100:102, 100:1000] = 30
    img[180:182, 100:1000] = 30  # a 版记 between two rules
    lay = ocr.layout_page([B(120, 130, 600, 160, "上海市总工会办公室 2024年1月5日印发")], img, 1, 0.36)
    assert [b.kind for b in lay.blocks] == ["paragraph"] and not lay.warnings


@pytest.mark.parametrize("message, pages", [
    ("pages 1,2 have no text layer; OCR needed", [1, 2]),
    ("page 3 has no text layer; OCR needed", [3]),
    ("pages 2-4 have no text layer", [2, 3, 4]),
])
def test_needs_ocr_pages(message, pages):
    doc = Document(path="x.pdf", sha256="", format="pdf", warnings=[("needs_ocr", message)])
    assert pdf_ocr.needs_ocr_pages(doc) == pages


def test_missing_ocr_extra_gives_install_hint(monkeypatch):
    monkeypatch.setattr(ocr, "_ENGINE", None)
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)  # import fails
    with pytest.raises(MissingDependencyError) as e:
        ocr.engine("scan.pdf")
    assert str(e.value) == "scan.pdf: OCR needed but not installed: pip install 'union-circulars[ocr]'"
    from pipeline.readers import image

    with pytest.raises(MissingDependencyError):
        image.read("scan.png", (FORMATS / "fmt_000_scan_head.jpg").read_bytes())


needs_engine = pytest.mark.skipif(not ocr.available(), reason="OCR extra not installed")


@needs_engine
def test_ocr_scan_crop_gives_header_docnumber_title():
    from pipeline.readers import read_path

    doc = read_path(FORMATS / "fmt_000_scan_head.jpg")
    assert doc.format == "image" and doc.ocr and doc.pages == 1
    texts = [b.raw for b in doc.blocks]
    assert "上海市松江区总工会文件" in texts
    assert "松工总〔2017〕64号" in texts
    assert "关于开展2017年松江区职工劳动竞赛活动的通知" in texts
    assert all(b.origin == "ocr" and b.confidence and b.bbox for b in doc.blocks)


@needs_engine
def test_values_read_by_ocr_are_marked_in_their_evidence():
    import json

    from pipeline.stages.run import extract_file, to_json

    rec = extract_file(FORMATS / "fmt_000_scan_head.jpg")
    ev = rec.doc_number.evidence
    assert rec.source.ocr and ev.ocr is True and 0.8 < ev.confidence <= 1
    assert json.loads(to_json(rec))["title"]["evidence"]["ocr"] is True
    # a text-layer record carries no OCR keys at all
    text_rec = json.loads(to_json(extract_file(FORMATS.parent / "seeds" / "002_a6ecc3133544287b.docx")))
    assert "ocr" not in text_rec["issuers"][0]["evidence"]
    assert "confidence" not in text_rec["title"]["evidence"]


EMAILS = ["ffjjtt@sina.com", "jjggll@qq.com", "sjzghjjb@126.com", "hzzgh_ll@126.com",
          "abjjcd@gmail.com", "wxxzgh@163.com", "ggh1100@qq.com", "kkzgh@yeah.net"]


@needs_engine
def test_doubled_letters_in_emails_survive_ocr():
    """The recogniser merges touching doubled glyphs (jj, ll, xx); the
    stretched second reading puts them back. Lines rendered with Pillow's
    bundled font, slightly blurred like a scan."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    try:
        font = ImageFont.load_default(size=44)
    except TypeError:
        pytest.skip("Pillow without a scalable default font")
    img = Image.new("RGB", (1000, 100 * len(EMAILS) + 40), (240, 240, 238))
    draw = ImageDraw.Draw(img)
    for i, e in enumerate(EMAILS):
        draw.text((40, 30 + 100 * i), "E-mail: " + e, fill=(40, 40, 40), font=font)
    arr = np.asarray(img.filter(ImageFilter.GaussianBlur(0.6)))
    first, _ = ocr.engine()(np.ascontiguousarray(arr[..., ::-1]))
    got = " ".join(ocr.fix_text(b.text) for b in ocr.recognise(arr))
    assert sum(e in " ".join(r[1] for r in first) for e in EMAILS) < len(EMAILS)  # the fault is there
    assert [e for e in EMAILS if e not in got] == []


@needs_engine
def test_blank_image_is_a_clear_error(tmp_path):
    from PIL import Image

    from pipeline.readers import read_path

    p = tmp_path / "blank.png"
    Image.new("L", (400, 300), 245).save(p)
    with pytest.raises(DocumentLoadError, match=r"blank\.png: OCR found no text"):
        read_path(p)


@needs_engine
def test_undecodable_image(tmp_path):
    from pipeline.readers import read_path

    p = tmp_path / "broken.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    with pytest.raises(DocumentLoadError, match="cannot decode image"):
        read_path(p)


# --- half-width brackets read as full-width (ocr_brackets) -------------------

SCAN_000 = Path(__file__).resolve().parents[1] / "corpus" / "seeds" / "scanned" / "000_beae532f0dc098a7.pdf"


@pytest.mark.parametrize("page, box, read, fixed", [
    (6, (691, 473, 893, 507), "参与人数（规模）", "参与人数(规模)"),       # bold table header, half-width
    (7, (762, 421, 936, 452), "参与人数（规模）", "参与人数(规模)"),
    (7, (1212, 425, 1366, 456), "经费支出(元)", "经费支出(元)"),             # read right: left alone
    (3, (165, 839, 1083, 873), "室（设在区总工会宣传部），确保劳动竞赛活动有组织上的保",
     "室（设在区总工会宣传部），确保劳动竞赛活动有组织上的保"),                # body text, full-width
    (4, (156, 220, 1076, 266), "府（行政）主管部门的协调配合，充分发挥自身优势，把劳动",
     "府（行政）主管部门的协调配合，充分发挥自身优势，把劳动"),
])
def test_bracket_width_from_the_scan(page, box, read, fixed):
    import pypdfium2 as pdfium

    from pipeline.readers.ocr_brackets import fix_brackets

    pdf = pdfium.PdfDocument(str(SCAN_000))
    try:
        gray = ocr.to_gray(pdf_ocr.render_page(pdf, page - 1, 150))
    finally:
        pdf.close()
    x0, y0, x1, y1 = box
    assert fix_brackets(gray[y0 - 2:y1 + 3, x0 - 2:x1 + 3], read) == fixed


WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def _line(text: str, px: int, bold: bool):
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    font = ImageFont.truetype(WQY, px)
    img = Image.new("L", (int(font.getlength(text)) + 2 * px, int(px * 1.8)), 245)
    ImageDraw.Draw(img).text((px // 2, int(px * 0.3)), text, font=font, fill=20,
                             stroke_width=int(bold), stroke_fill=20)
    return np.asarray(img.filter(ImageFilter.GaussianBlur(0.7)))


# the OCR reading (always full-width) of a line printed with either width →
# the text after the repair; 25/33/42 px are 12/16/20 pt at 150 dpi
@pytest.mark.parametrize("printed, px, bold, fixed", [
    ("参与人数(规模)", 33, False, "参与人数(规模)"),
    ("参与人数（规模）", 33, False, "参与人数（规模）"),
    ("经费(万元)合计", 25, False, "经费(万元)合计"),
    ("经费（万元）合计", 25, False, "经费（万元）合计"),
    ("职工(含农民工)人数", 42, False, "职工(含农民工)人数"),
    ("职工（含农民工）人数", 42, False, "职工（含农民工）人数"),
    ("府(行政)主管部门", 42, True, "府(行政)主管部门"),
    # fake bold at 33 px: the bracket's ink touches its neighbours', so no decision
    ("府(行政)主管部门", 33, True, "府（行政）主管部门"),
    ("府（行政）主管部门", 33, True, "府（行政）主管部门"),
    ("室（设在区总工会宣传部），确保", 25, True, "室（设在区总工会宣传部），确保"),
])
@pytest.mark.skipif(not Path(WQY).exists(), reason="needs fonts-wqy-microhei")
def test_bracket_width_on_rendered_lines(printed, px, bold, fixed):
    from pipeline.readers.ocr_brackets import fix_brackets

    read = printed.replace("(", "（").replace(")", "）")
    assert fix_brackets(_line(printed, px, bold), read) == fixed
