"""pipeline.readers.pdf: synthetic reportlab PDFs for each rule, plus the seeds."""
from __future__ import annotations

import hashlib

import pytest

from fixtures.pdf_builder import (Para, encrypted, image_only, table_pdf, two_columns,
                                  typeset)
from fixtures.seeds import SEED_STEMS, seed_path
from pipeline.errors import DocumentLoadError
from pipeline.readers import pdf as reader


def read(data: bytes):
    return reader.read("t.pdf", data)


def flat(raw: str) -> str:
    return raw.replace("\n", "")


# ------------------------------------------------------------ paragraphs
# Sentences from the seed circulars, laid out as a word processor would.
TITLE = "关于开展二〇一七年松江区职工劳动竞赛活动和职工技能比武的通知"
RECIPIENTS = "各镇、街道、开发区总工会，各委、局及直属公司工会："
BODY1 = ("为充分落实科学发展观，打造效能型、服务型、学习型职工队伍，发扬劳模精神、工匠精神，"
         "进一步增强我区职工的主人翁意识，激发职工的劳动热情和创造活力。")
HEADING = "一、指导思想"
BODY2 = "以党的十八大精神为指导，紧紧围绕区委战略部署，不断创新形式、拓展范围、增强实效。"
BODY3 = "各单位请于4月15日前将相关表格上报至县总工会经济工作部。"
SIGNATURE = "上海市松江区总工会"
DATE = "2017年7月19日"

PAGES = [
    [Para(TITLE, "center", 22), Para(RECIPIENTS, "flush"), Para(BODY1), Para(HEADING),
     Para(BODY2)],
    [Para(BODY3), Para(SIGNATURE, "right"), Para(DATE, "right")],
]
EXPECTED = [
    # (text, page, page_break_before, align, size)
    (TITLE, 1, False, "center", 22.0),
    (RECIPIENTS, 1, False, "left", 16.0),
    (BODY1, 1, False, "justify", 16.0),
    (HEADING, 1, False, "left", 16.0),
    (BODY2, 1, False, "justify", 16.0),
    (BODY3, 2, True, "justify", 16.0),
    (SIGNATURE, 2, False, "right", 16.0),
    (DATE, 2, False, "right", 16.0),
]


@pytest.fixture(scope="module")
def typeset_doc():
    return read(typeset(PAGES))


def test_paragraphs_pages_and_style(typeset_doc):
    got = [(flat(b.raw), b.page, b.page_break_before, b.align, b.size)
           for b in typeset_doc.blocks]
    assert got == EXPECTED


def test_page_numbers_dropped_and_document_fields(typeset_doc):
    assert not any("—" in b.raw for b in typeset_doc.blocks)
    assert (typeset_doc.format, typeset_doc.pages, typeset_doc.warnings) == ("pdf", 2, [])
    assert all(b.text == "" and b.bbox is not None for b in typeset_doc.blocks)


def test_sha256_of_bytes():
    data = typeset([[Para(BODY3)]])
    assert read(data).sha256 == hashlib.sha256(data).hexdigest()


# Lists and 版记 lines: indented lines that continue the line above.
LIST_PAGE = [
    Para(BODY1),
    Para("附件：", "block", indent=2),
    Para("1.2018年长兴县开展“工人先锋号”创建活动参赛企业汇总表", "block", indent=5),
    Para("2.2018年长兴县职工节能减排义务监督员登记表", "block", indent=5),
    Para(BODY2),
    Para("附件：1.“弘扬劳模精神，建功‘创新杨浦’”主题活动申报表", "block", indent=2),
    Para("抄送：市国资委，市经信委，市财政局，市人社局，市商务局，市科技局，市工商联。",
         "hanging", indent=1),
    Para("一、指导思想"),
    Para("各基层工会要高度重视，精心组织，按时报送活动材料。"),  # exactly one full line
    Para("以党的十八大精神为指导，紧紧围绕区委战略部署，不断创新形式、拓展范围。"),
]


def test_block_and_hanging_indent_continuations():
    doc = read(typeset([LIST_PAGE]))
    assert [flat(b.raw) for b in doc.blocks] == [p.text for p in LIST_PAGE]


def test_fake_bold_duplicates_removed():
    doc = read(typeset(PAGES, fake_bold=True))
    assert [flat(b.raw) for b in doc.blocks] == [e[0] for e in EXPECTED]


@pytest.mark.parametrize("chars, expected", [
    ([("关", 0.0, 0.0), ("关", 0.3, 0.0), ("于", 22.0, 0.0), ("于", 22.3, 0.0)], "关于"),
    ([("1", 0.0, 0.0), ("1", 8.0, 0.0)], "11"),  # a real repeated digit stays
    ([("会", 0.0, 0.0), ("会", 0.0, 30.0)], "会会"),  # same glyph on the next line stays
])
def test_dedupe_chars(chars, expected):
    cs = [{"text": t, "x0": x, "top": y} for t, x, y in chars]
    assert "".join(c["text"] for c in reader.dedupe_chars(cs)) == expected


def test_two_columns_read_column_by_column():
    left = ["各基层工会：请于八月二十日前", "报送参赛名单和活动计划表。", "联系人：王强"] * 4
    right = ["附件一：活动计划表", "附件二：参赛人员名单", "附件三：经费预算表"] * 4
    doc = read(two_columns("劳动竞赛活动安排", left, right))
    raws = [b.raw for b in doc.blocks]
    assert raws[0] == "劳动竞赛活动安排"
    text = "\n".join(raws[1:])
    assert text.index("联系人：王强") < text.index("附件一：活动计划表")
    assert "".join(left) == flat("".join(raws[1:])).split("附件一")[0]


# ------------------------------------------------------------ text clean-up
@pytest.mark.parametrize("raw, expected", [
    ("⾏政⽅⾯", "行政方面"),  # Kangxi radicals (NFKC)
    ("⻓期⻔⼝", "长期门口"),  # CJK Radicals Supplement (table) + Kangxi
    ("⼯会⼀⽂", "工会一文"),
    ("劳动竞赛", "劳动竞赛"),  # unified ideographs untouched
    ("2018年⑵", "2018年⑵"),  # unrelated symbols untouched
])
def test_fix_radicals(raw, expected):
    assert reader.fix_radicals(raw) == expected


def _char(t, x0, size=16.0):
    return {"text": t, "x0": x0, "x1": x0 + (size if ord(t[0]) > 0x2E80 else size / 2),
            "size": size}


@pytest.mark.parametrize("chars, expected", [
    ([_char("年", 0), _char("度", 16)], "年度"),
    ([_char("2", 0), _char("0", 8), _char("年", 20.5)], "20年"),  # CJK/Latin autospace: no space
    ([_char("Q", 0), _char("Q", 8), _char("号", 30)], "QQ号"),
    ([_char("委", 0), _char("员", 16), _char("会", 32), _char("县", 100)], "委员会 县"),  # wide gap
    ([_char("a", 0), _char("b", 12)], "a b"),  # word space between Latin letters
    ([_char("(cid:12)", 0), _char("会", 16)], "\ufffd会"),
])
def test_join_chars(chars, expected):
    assert reader._join_chars(chars) == expected


# ------------------------------------------------------------ tables
MERGED_ROWS = [
    ["序号", "单位名称", "", "人数"],
    ["1", "电工", "张三", "2"],
    ["", "焊工", "李四", "3"],
    ["合计", "", "", "5"],
]
MERGED_SPANS = [((1, 0), (2, 0)), ((0, 1), (0, 2)), ((0, 3), (2, 3))]


def test_merged_cell_table_spans():
    doc = read(table_pdf(MERGED_ROWS, MERGED_SPANS, before="附件1", after="此表请于8月20日前上报。"))
    assert [(b.kind, b.raw if b.kind == "paragraph" else "") for b in doc.blocks] == [
        ("paragraph", "附件1"), ("table", ""), ("paragraph", "此表请于8月20日前上报。")]
    grid = doc.blocks[1].grid
    assert (grid.n_rows, grid.n_cols) == (4, 4)
    assert sorted((c.row, c.col, c.row_span, c.col_span, c.raw) for c in grid.cells) == [
        (0, 0, 1, 1, "序号"), (0, 1, 1, 2, "单位名称"), (0, 3, 1, 1, "人数"),
        (1, 0, 2, 1, "1"), (1, 1, 1, 1, "电工"), (1, 2, 1, 1, "张三"), (1, 3, 1, 1, "2"),
        (2, 1, 1, 1, "焊工"), (2, 2, 1, 1, "李四"), (2, 3, 1, 1, "3"),
        (3, 0, 1, 3, "合计"), (3, 3, 1, 1, "5"),
    ]
    assert doc.blocks[1].raw == "序号\t单位名称\t\t人数\n1\t电工\t张三\t2\n\t焊工\t李四\t3\n合计\t\t\t5"


def test_table_words_not_repeated_as_paragraphs():
    doc = read(table_pdf(MERGED_ROWS, MERGED_SPANS, before="附件1"))
    paras = " ".join(b.raw for b in doc.blocks if b.kind == "paragraph")
    assert "电工" not in paras and "合计" not in paras


def test_table_continued_on_next_page_joined():
    rows = [["序号", "单位名称", "参赛人数"]] + [[str(i), f"第{i}分会", str(i * 2)]
                                                for i in range(1, 61)]
    doc = read(table_pdf(rows, repeat_rows=1, before="附件2"))
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1 and doc.pages == 2
    grid = tables[0].grid
    assert (grid.n_rows, grid.n_cols) == (61, 3)  # the repeated header row is dropped
    lines = tables[0].raw.splitlines()
    assert (lines[0], lines[1], lines[60]) == ("序号\t单位名称\t参赛人数", "1\t第1分会\t2",
                                               "60\t第60分会\t120")
    assert [c for c, _ in doc.warnings] == ["table_continued"]


# ------------------------------------------------------------ no text layer / bad input
@pytest.mark.parametrize("n_pages, text_page, message, n_blocks", [
    (1, None, "page 1 has no text layer; OCR needed", 0),
    (3, None, "pages 1,2,3 have no text layer; OCR needed", 0),
    (2, "各基层工会：", "pages 1,2 have no text layer; OCR needed", 1),
])
def test_image_only_pages_need_ocr(n_pages, text_page, message, n_blocks):
    doc = read(image_only(n_pages, text_page))
    assert ("needs_ocr", message) in doc.warnings
    assert len(doc.blocks) == n_blocks and doc.ocr is False


def test_encrypted_pdf():
    with pytest.raises(DocumentLoadError) as e:
        reader.read("secret.pdf", encrypted("机密通知"))
    assert str(e.value) == "secret.pdf: encrypted PDF (password required)"


def _truncated_seed() -> bytes:
    path = seed_path(SEED_STEMS[0], "pdf")
    if path is None:
        return typeset([[Para(BODY1)]])[:1500]
    return path.read_bytes()[:3000]


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\nthis is not really a pdf",
    b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF",
    _truncated_seed(),
])
def test_corrupt_pdf_one_line_error(data):
    with pytest.raises(DocumentLoadError) as e:
        reader.read("broken.pdf", data)
    msg = str(e.value)
    assert msg.startswith("broken.pdf: corrupt PDF") and "\n" not in msg


# ------------------------------------------------------------ the seeds
def _seed(stem, ext):
    path = seed_path(stem, ext)
    if path is None:
        pytest.skip(f"seed {stem}.{ext} not available")
    return path


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_seed_pdf_text_matches_docx(stem):
    """The PDF seeds were rendered from the .docx seeds: same characters in
    the same order once whitespace and page-number lines are ignored."""
    from pipeline.readers import docx

    p = _seed(stem, "pdf")
    d = _seed(stem, "docx")
    pdf_doc = reader.read(str(p), p.read_bytes())
    docx_doc = docx.read(str(d), d.read_bytes())

    def chars(doc):
        return "".join("".join(b.raw.split()) for b in doc.blocks if b.origin != "footer")

    assert chars(pdf_doc) == chars(docx_doc)
    assert pdf_doc.warnings == []


@pytest.mark.parametrize("stem, first_blocks", [
    ("000_beae532f0dc098a7", ["上海市松江区总工会文件", "松工总〔2017〕64号",
                              "关于开展2017年松江区职工劳动竞赛活动的通知",
                              "各镇、街道、开发区总工会，各委、局及直属公司工会："]),
    ("002_a6ecc3133544287b", ["九江市劳动竞赛委员会文件"]),
])
def test_seed_head_paragraphs(stem, first_blocks):
    p = _seed(stem, "pdf")
    doc = reader.read(str(p), p.read_bytes())
    got = ["".join(b.raw.split()) for b in doc.blocks[:len(first_blocks)]]
    assert got == first_blocks
    assert doc.blocks[0].color == "FF0000" and doc.blocks[0].bold is True


def test_seed_000_page_breaks():
    p = _seed("000_beae532f0dc098a7", "pdf")
    doc = reader.read(str(p), p.read_bytes())
    firsts = {}
    for b in doc.blocks:
        firsts.setdefault(b.page, b)
    assert all(b.page_break_before == (page > 1) for page, b in firsts.items())
    assert sum(b.page_break_before for b in doc.blocks) == len(firsts) - 1


@pytest.mark.parametrize("title, expected_spans", [
    ("示范培育申报表", [(0, 1, 1, 5), (2, 0, 3, 1), (2, 1, 1, 7), (5, 0, 3, 1)]),
    ("义务监督员登记表", [(3, 1, 1, 4), (4, 1, 1, 5), (5, 3, 1, 3), (6, 3, 1, 3)]),
])
def test_seed_001_merged_cells_match_docx(title, expected_spans):
    p = _seed("001_dde7b99b86b616a6", "pdf")
    doc = reader.read(str(p), p.read_bytes())
    i = max(i for i, b in enumerate(doc.blocks) if b.kind == "paragraph"
            and title in "".join(b.raw.split()))
    t = next(b for b in doc.blocks[i:] if b.kind == "table")
    got = {(c.row, c.col, c.row_span, c.col_span) for c in t.grid.cells
           if c.row_span > 1 or c.col_span > 1}
    assert set(expected_spans) <= got
