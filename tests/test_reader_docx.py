"""pipeline.readers.docx: synthetic packages for each construct, plus the seeds."""
from __future__ import annotations

import io
import zipfile

import pytest

from fixtures.docx_builder import abstract_num, build_docx, num, numbered, p, tbl, tc
from fixtures.seeds import SEED_STEMS, seed_path
from pipeline.errors import DocumentLoadError
from pipeline.readers import docx as reader


def read(data: bytes):
    return reader.read("t.docx", data)


def raws(doc, kind="paragraph"):
    return [b.raw for b in doc.blocks if b.kind == kind]


# ---------------------------------------------------------------- numbering
# One three-level list as circulars use it: 一、 / （一） / 1.
NUMBERING = (
    abstract_num(0, [(0, "chineseCounting", "%1、", 1),
                     (1, "chineseCounting", "（%2）", 1),
                     (2, "decimal", "%3.", 1)])
    + abstract_num(1, [(0, "ideographTraditional", "%1．", 1)])
    + abstract_num(2, [(0, "upperLetter", "%1.", 1)])
    + abstract_num(3, [(0, "decimalEnclosedCircle", "%1", 1)])
    + abstract_num(4, [(0, "chineseCountingThousand", "第%1条", 1)])
    + abstract_num(5, [(0, "decimal", "%1.", 1), (1, "decimal", "%1.%2", 1)])
    + num(1, 0) + num(2, 1) + num(3, 2) + num(4, 3) + num(5, 4) + num(6, 5)
    # instance 7 restarts list 0 at level 0 (Word's "restart numbering")
    + num(7, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
    # instance 8 shares abstract list 0 without override: continues its counters
    + num(8, 0)
)

LIST_PARAS = [
    (numbered("指导思想", 1, 0), "一、指导思想"),
    (numbered("加强组织领导", 1, 1), "（一）加强组织领导"),
    (numbered("各基层工会要高度重视", 1, 2), "1.各基层工会要高度重视"),
    (numbered("及时报送材料", 1, 2), "2.及时报送材料"),
    (numbered("精心组织实施", 1, 1), "（二）精心组织实施"),
    (numbered("制定活动方案", 1, 2), "1.制定活动方案"),
    (numbered("竞赛主题", 1, 0), "二、竞赛主题"),
    (numbered("围绕中心工作", 1, 1), "（一）围绕中心工作"),
    (numbered("竞赛时间", 8, 0), "三、竞赛时间"),
    (numbered("申报表", 2, 0), "甲．申报表"),
    (numbered("汇总表", 2, 0), "乙．汇总表"),
    (numbered("活动方案", 3, 0), "A.活动方案"),
    (numbered("报名表", 4, 0), "① 报名表"),
    (numbered("总则", 5, 0), "第一条 总则"),
    (numbered("适用范围", 6, 0), "1.适用范围"),
    (numbered("参赛对象", 6, 1), "1.1 参赛对象"),
    (numbered("新的清单", 7, 0), "一、新的清单"),
]


def test_numbering_labels_rebuilt():
    doc = read(build_docx("".join(x for x, _ in LIST_PARAS), numbering=NUMBERING))
    assert raws(doc) == [want for _, want in LIST_PARAS]


def test_chinese_counting_past_ten():
    body = "".join(numbered(f"第{i}项", 1, 0) for i in range(1, 22))
    labels = [r.split("第")[0] for r in raws(read(build_docx(body, numbering=NUMBERING)))]
    assert labels[9:12] == ["十、", "十一、", "十二、"]
    assert labels[19:21] == ["二十、", "二十一、"]


STYLE_NUMBERING = abstract_num(9, [(0, "chineseCounting", "%1、", 1)]) + num(9, 9)
STYLES_WITH_NUM = (
    '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>'
    '<w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>'
)


@pytest.mark.parametrize("style, text, expected", [
    ("H1", "工作目标", "一、工作目标"),
    ("H1b", "工作要求", "一、工作要求"),  # numPr inherited through w:basedOn
])
def test_style_based_numbering(style, text, expected):
    body = p(text, ppr=f'<w:pStyle w:val="{style}"/>')
    doc = read(build_docx(body, numbering=STYLE_NUMBERING, styles=STYLES_WITH_NUM))
    assert raws(doc) == [expected]
    assert doc.blocks[0].bold is True  # bold from the paragraph style's rPr


@pytest.mark.parametrize("n, fmt, expected", [
    (1, "chineseCounting", "一"),
    (10, "chineseCounting", "十"),
    (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"),
    (3, "chineseCountingThousand", "三"),
    (105, "chineseCountingThousand", "一百零五"),
    (4, "chineseLegalSimplified", "肆"),
    (1, "ideographTraditional", "甲"),
    (10, "ideographTraditional", "癸"),
    (2, "upperLetter", "B"),
    (27, "upperLetter", "AA"),
    (3, "lowerLetter", "c"),
    (4, "upperRoman", "IV"),
    (9, "lowerRoman", "ix"),
    (5, "decimalEnclosedCircle", "⑤"),
    (2, "decimalEnclosedParen", "⑵"),
    (7, "decimal", "7"),
    (7, "decimalZero", "07"),
    (12, "decimalFullWidth", "１２"),
    (3, "someFutureFormat", "3"),
])
def test_format_number(n, fmt, expected):
    assert reader.format_number(n, fmt) == expected


# ------------------------------------------------- content the python-docx API drops
SDT_BLOCK = '<w:sdt><w:sdtPr><w:alias w:val="联系"/></w:sdtPr><w:sdtContent>' + \
    p("联系人：王强，电话：57813758") + "</w:sdtContent></w:sdt>"
SDT_INLINE = ('<w:p><w:r><w:t>请于</w:t></w:r><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>8月20日</w:t>'
              '</w:r></w:sdtContent></w:sdt><w:r><w:t>前报送。</w:t></w:r></w:p>')
SDT_PLACEHOLDER = ('<w:p><w:r><w:t>单位：</w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr>'
                   '<w:sdtContent><w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt></w:p>')
TRACKED = ('<w:p><w:r><w:t>截止时间：</w:t></w:r>'
           '<w:del w:id="1" w:author="a"><w:r><w:delText>3月10日</w:delText></w:r></w:del>'
           '<w:ins w:id="2" w:author="a"><w:r><w:t>3月15日</w:t></w:r></w:ins></w:p>')
MOVED = ('<w:p><w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>'
         '<w:r><w:t>报送至区总工会</w:t></w:r><w:moveTo w:id="4" w:author="a"><w:r><w:t>经济部</w:t>'
         '</w:r></w:moveTo></w:p>')
HYPERLINK = ('<w:p><w:r><w:t>详见</w:t></w:r><w:hyperlink r:id="rIdX"><w:r><w:t>www.acftu.org</w:t>'
             '</w:r></w:hyperlink></w:p>')
HIDDEN = ('<w:p><w:r><w:t>联系电话：</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>内部备注</w:t></w:r>'
          '<w:r><w:t>6032390</w:t></w:r></w:p>')
FIELD = ('<w:p><w:r><w:t>共</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
         '<w:r><w:instrText> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
         '</w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
         '<w:r><w:t>页</w:t></w:r></w:p>')
LINE_BREAK = '<w:p><w:r><w:t>附件：1.申报表</w:t><w:br/><w:t>2.汇总表</w:t></w:r></w:p>'


@pytest.mark.parametrize("body, expected, origin", [
    (SDT_BLOCK, ["联系人：王强，电话：57813758"], "sdt"),
    (SDT_INLINE, ["请于8月20日前报送。"], "body"),
    (SDT_PLACEHOLDER, ["单位："], "body"),
    (TRACKED, ["截止时间：3月15日"], "body"),
    (MOVED, ["报送至区总工会经济部"], "body"),
    (HYPERLINK, ["详见www.acftu.org"], "body"),
    (HIDDEN, ["联系电话：6032390"], "body"),
    (FIELD, ["共3页"], "body"),
    (LINE_BREAK, ["附件：1.申报表\n2.汇总表"], "body"),
])
def test_inline_constructs(body, expected, origin):
    doc = read(build_docx(body))
    assert raws(doc) == expected
    assert doc.blocks[0].origin == origin


DRAWING_TEXTBOX = (
    '<w:p><w:r><w:t>各基层工会：</w:t></w:r><w:r><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
    '<wps:wsp><wps:txbx><w:txbxContent>' + p("请于3月20日前缴费") +
    '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
    '</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>' + p("请于3月20日前缴费") +
    '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
    + p("为进一步做好工作")
)
VML_TEXTBOX = (
    '<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>'
    + p("文本框：联系人 李明") + p("电话 12345678") +
    '</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>'
)


@pytest.mark.parametrize("body, expected", [
    (DRAWING_TEXTBOX, [("各基层工会：", "body"), ("请于3月20日前缴费", "textbox"),
                       ("为进一步做好工作", "body")]),
    (VML_TEXTBOX, [("正文", "body"), ("文本框：联系人 李明", "textbox"), ("电话 12345678", "textbox")]),
])
def test_text_boxes_follow_their_anchor_once(body, expected):
    doc = read(build_docx(body))
    assert [(b.raw, b.origin) for b in doc.blocks] == expected


def test_header_first_footer_last_page_numbers_dropped():
    data = build_docx(p("关于开展劳动竞赛的通知"),
                      header=p("上海市松江区总工会文件"),
                      footer=p("— 2 —") + p("地址：松江区中山路1号"))
    doc = read(data)
    assert [(b.raw, b.origin) for b in doc.blocks] == [
        ("上海市松江区总工会文件", "header"),
        ("关于开展劳动竞赛的通知", "body"),
        ("地址：松江区中山路1号", "footer"),
    ]


# ---------------------------------------------------------------- page breaks
PAGE_BR_MID = '<w:p><w:r><w:t>印发日期</w:t><w:br w:type="page"/><w:t>附件1</w:t></w:r></w:p>'
PAGE_BR_END = '<w:p><w:r><w:t>正文末段</w:t><w:br w:type="page"/></w:r></w:p>' + p("附件2")
PBB = p("正文") + p("附件3", ppr="<w:pageBreakBefore/>")
SECTION = p("正文", ppr='<w:sectPr/>') + p("附件4")
CONTINUOUS = p("正文", ppr='<w:sectPr><w:type w:val="continuous"/></w:sectPr>') + p("续文")


@pytest.mark.parametrize("body, expected", [
    (PAGE_BR_MID, [("印发日期", False), ("附件1", True)]),
    (PAGE_BR_END, [("正文末段", False), ("附件2", True)]),
    (PBB, [("正文", False), ("附件3", True)]),
    (SECTION, [("正文", False), ("附件4", True)]),
    (CONTINUOUS, [("正文", False), ("续文", False)]),
])
def test_page_break_before(body, expected):
    doc = read(build_docx(body))
    assert [(b.raw, b.page_break_before) for b in doc.blocks] == expected
    assert doc.pages is None and all(b.page is None for b in doc.blocks)


# ---------------------------------------------------------------- style cues
STYLES = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="44"/></w:rPr></w:style>'
)


@pytest.mark.parametrize("para, align, bold, size, color", [
    (p("上海市总工会文件", ppr='<w:jc w:val="center"/>', rpr='<w:b/><w:color w:val="FF0000"/><w:sz w:val="72"/>'),
     "center", True, 36.0, "FF0000"),
    (p("关于开展竞赛的通知", ppr='<w:pStyle w:val="Title"/>'), "center", True, 22.0, None),
    (p("为深入贯彻落实", ppr='<w:jc w:val="both"/>'), "justify", False, 16.0, None),
    (p("2018年2月28日", ppr='<w:jc w:val="right"/>'), "right", False, 16.0, None),
    (p("各基层工会：", rpr='<w:b w:val="0"/><w:color w:val="auto"/>'), "left", False, 16.0, None),
])
def test_style_cues(para, align, bold, size, color):
    b = read(build_docx(para, styles=STYLES)).blocks[0]
    assert (b.align, b.bold, b.size, b.color) == (align, bold, size, color)


# ---------------------------------------------------------------- tables
def spans(grid):
    return sorted((c.row, c.col, c.row_span, c.col_span, c.raw) for c in grid.cells)


MERGED = tbl(4, [
    [tc("序号"), tc("单位名称", span=2), tc("人数")],
    [tc("1", vmerge="restart"), tc("电工"), tc("张三"), tc("2")],
    [tc(vmerge="continue"), tc("焊工"), tc("李四"), tc("3")],
    [tc("合计", span=3), tc("5")],
])


def test_merged_cells_spans_and_raw():
    doc = read(build_docx(MERGED))
    [t] = [b for b in doc.blocks if b.kind == "table"]
    assert (t.grid.n_rows, t.grid.n_cols) == (4, 4)
    assert spans(t.grid) == [
        (0, 0, 1, 1, "序号"), (0, 1, 1, 2, "单位名称"), (0, 3, 1, 1, "人数"),
        (1, 0, 2, 1, "1"), (1, 1, 1, 1, "电工"), (1, 2, 1, 1, "张三"), (1, 3, 1, 1, "2"),
        (2, 1, 1, 1, "焊工"), (2, 2, 1, 1, "李四"), (2, 3, 1, 1, "3"),
        (3, 0, 1, 3, "合计"), (3, 3, 1, 1, "5"),
    ]
    assert t.raw == "序号\t单位名称\t\t人数\n1\t电工\t张三\t2\n\t焊工\t李四\t3\n合计\t\t\t5"
    assert t.text == "" and doc.warnings == []


def test_multi_paragraph_cell_joined_without_separator():
    body = tbl(2, [[tc(inner=p("负责人"), text="姓名及职务"), tc("服务队人数")]])
    [t] = read(build_docx(body)).blocks
    assert t.raw == "负责人姓名及职务\t服务队人数"


def test_grid_before_after_shift_cells():
    body = tbl(3, [[tc("甲"), tc("乙"), tc("丙")], [tc("丁")]],
                   row_pr=["", '<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>'])
    doc = read(build_docx(body))
    assert spans(doc.blocks[0].grid)[-1] == (1, 1, 1, 1, "丁")
    assert doc.warnings == []


def test_ragged_row_padded_with_warning():
    body = tbl(3, [[tc("甲"), tc("乙"), tc("丙")], [tc("丁")]])
    doc = read(build_docx(body))
    assert doc.blocks[0].raw == "甲\t乙\t丙\n丁\t\t"
    assert [c for c, _ in doc.warnings] == ["ragged_table"]


def test_nested_table_flattened_with_warning():
    inner = tbl(2, [[tc("项目"), tc("分值")], [tc("创新"), tc("10")]])
    body = tbl(2, [[tc("类别"), tc(inner=inner, text="")]])
    doc = read(build_docx(body))
    [t] = doc.blocks
    assert len(t.grid.nested) == 1
    assert spans(t.grid.nested[0]) == [(0, 0, 1, 1, "项目"), (0, 1, 1, 1, "分值"),
                                       (1, 0, 1, 1, "创新"), (1, 1, 1, 1, "10")]
    assert "项目 分值 创新 10" in t.raw
    assert [c for c, _ in doc.warnings] == ["nested_table"]


# ---------------------------------------------------------------- bad input
def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for k, v in parts.items():
            z.writestr(k, v)
    return buf.getvalue()


@pytest.mark.parametrize("data, fragment", [
    (b"this is not a zip file at all", "not a valid zip"),
    (_zip({"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<x/>"}), "word/document.xml"),
    (build_docx(p("x"), extra_parts={"word/document.xml": b"<w:document><w:body>"}),
     "malformed XML in word/document.xml"),
    (build_docx(p("x"), numbering="<broken", extra_parts={"word/numbering.xml": b"<a><b></a>"}),
     "malformed XML in word/numbering.xml"),
])
def test_bad_input_one_line_error(data, fragment):
    with pytest.raises(DocumentLoadError) as e:
        reader.read("bad.docx", data)
    msg = str(e.value)
    assert msg.startswith("bad.docx: ") and fragment in msg and "\n" not in msg


def test_document_fields():
    data = build_docx(p("通知"))
    doc = read(data)
    import hashlib
    assert (doc.format, doc.sha256, doc.pages) == ("docx", hashlib.sha256(data).hexdigest(), None)
    assert all(b.text == "" for b in doc.blocks)


# ---------------------------------------------------------------- the seeds
def _seed_doc(stem):
    path = seed_path(stem, "docx")
    if path is None:
        pytest.skip(f"seed {stem}.docx not available")
    return reader.read(str(path), path.read_bytes())


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_seed_text_matches_txt(stem):
    """Every non-empty seed .txt line (the txt renders tables as tab-separated
    lines) appears in the reader's output, up to page-split paragraphs."""
    doc = _seed_doc(stem)
    txt_path = seed_path(stem, "txt")
    mine = "".join(b.raw.replace("\t", "").replace(" ", "").replace("\n", "") for b in doc.blocks)
    theirs = "".join(line.replace("\t", "").replace(" ", "")
                     for line in txt_path.read_text(encoding="utf-8").splitlines())
    assert mine == theirs


@pytest.mark.parametrize("block_title, expected_spans", [
    # 001 附件1: (row, col, row_span, col_span, text) of the merged cells
    ("示范培育申报表", [(0, 1, 1, 5, ""), (2, 0, 3, 1, "班组人员构成情况"),
                    (2, 1, 1, 7, "共人，其中男人；女 人；党员 人；团员 人"),
                    (5, 0, 3, 1, "班 组 负责人 情 况")]),
    # 001 附件4
    ("义务监督员登记表", [(3, 1, 1, 4, ""), (4, 1, 1, 5, ""), (5, 3, 1, 3, ""), (6, 3, 1, 3, "")]),
])
def test_seed_001_merged_cells(block_title, expected_spans):
    doc = _seed_doc("001_dde7b99b86b616a6")
    # the attachment's own heading (the last paragraph naming it), then its table
    i = max(i for i, b in enumerate(doc.blocks) if b.kind == "paragraph" and block_title in b.raw)
    t = next(b for b in doc.blocks[i:] if b.kind == "table")
    got = {(c.row, c.col, c.row_span, c.col_span, c.raw) for c in t.grid.cells
           if c.row_span > 1 or c.col_span > 1}
    assert set(expected_spans) <= got
