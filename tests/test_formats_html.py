"""Saved web pages: encoding, main-content choice, chrome removal,
rowspan/colspan grids, renditions give the .docx record."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import DocumentLoadError
from pipeline.readers import html, read_bytes, read_path

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "corpus" / "formats"
SEEDS = ROOT / "corpus" / "seeds"


@pytest.mark.parametrize("data, text", [
    ('<html><meta charset="gb2312"><p>工会通知</p></html>'.encode("gb18030"), "工会通知"),
    ('<html><meta http-equiv="Content-Type" content="text/html; charset=GBK"><p>关于</p>'.encode("gbk"), "关于"),
    ("<html><p>总工会</p></html>".encode("utf-8"), "总工会"),
    ("<html><p>总工会</p></html>".encode("gb18030"), "总工会"),  # undeclared, not UTF-8
    (b"\xef\xbb\xbf<html><p>\xe9\x80\x9a\xe7\x9f\xa5</p></html>", "通知"),
])
def test_decode(data, text):
    assert text in html.decode(data)


@pytest.mark.parametrize("rendition, seed", [
    ("fmt_002_html.html", "002_a6ecc3133544287b"),
    ("fmt_003_htm.htm", "003_0fb55c4c84d933ae"),
])
def test_rendition_matches_docx(rendition, seed):
    from tests.test_formats_legacy import record

    doc = read_path(FORMATS / rendition)
    assert doc.format == "html"
    text = "\n".join(b.raw for b in doc.blocks)
    for chrome in ("您所在的位置", "字号", "打印本页", "关闭窗口", "分享到", "首页", "备案号", "浏览次数"):
        assert chrome not in text
    assert record(FORMATS / rendition) == record(SEEDS / f"{seed}.docx")


PAGE = """<html><head><meta charset="utf-8"><title>t</title><style>p{}</style></head><body>
<div id="top"><ul class="nav"><li><a href="/">首页</a></li><li><a>工会动态</a></li><li><a>通知公告</a></li></ul></div>
<div class="crumb">当前位置：<a>首页</a> &gt; 通知公告</div>
<table width="1000"><tr><td class="left"><a>工作动态</a><a>政策法规</a></td><td>
  <div class="art"><h1 style="text-align:center">关于做好2024年职工疗休养工作的通知</h1>
  <p>【字号：大 中 小】 【打印】</p>
  <p>各区总工会：<br>现将有关事项通知如下。请于3月15日前报送名单。</p>
  <table border="1"><tr><td rowspan="2">单位</td><td colspan="2">人数</td></tr>
  <tr><td>男</td><td>女</td></tr><tr><td>甲</td><td>1</td><td>2</td></tr></table>
  <p style="text-align:right">市总工会</p></div>
</td></tr></table>
<div class="footer">版权所有 市总工会 地址：某路1号</div><script>var a = "通知";</script>
</body></html>"""


def test_main_content_paragraphs_and_grid():
    doc = read_bytes("page.html", PAGE.encode("utf-8"))
    assert [(b.kind, b.align, b.raw) for b in doc.blocks] == [
        ("paragraph", "center", "关于做好2024年职工疗休养工作的通知"),
        ("paragraph", None, "各区总工会："),
        ("paragraph", None, "现将有关事项通知如下。请于3月15日前报送名单。"),
        ("table", None, "单位\t人数\n男\t女\n甲\t1\t2"),
        ("paragraph", "right", "市总工会"),
    ]
    g = doc.blocks[3].grid
    assert (g.n_rows, g.n_cols) == (3, 3)
    assert [(c.row, c.col, c.row_span, c.col_span, c.text) for c in g.cells][:4] == [
        (0, 0, 2, 1, "单位"), (0, 1, 1, 2, "人数"), (1, 1, 1, 1, "男"), (1, 2, 1, 1, "女")]


def test_page_without_text():
    with pytest.raises(DocumentLoadError, match="empty.html: no text in the page"):
        read_bytes("empty.html", b"<html><body><script>x=1</script><nav>\xe9\xa6\x96</nav></body></html>")


XHTML = ('<?xml version="1.0" encoding="gb2312"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
         '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">'
         '<head><title>t</title></head><body><div><p>各区总工会：</p><p>请于3月15日前报送名单。</p></div></body></html>')


@pytest.mark.parametrize("data", [XHTML.encode("gbk"), XHTML.encode("utf-8"), XHTML.replace("gb2312", "utf-8").encode()])
def test_xhtml_with_an_xml_declaration(data):
    """A page saved as XHTML declares its encoding in <?xml …?>; lxml refuses such a decoded string."""
    assert [b.raw for b in read_bytes("x.htm", data).blocks] == ["各区总工会：", "请于3月15日前报送名单。"]


def test_utf8_bytes_under_a_gb2312_meta():
    """A page re-saved as UTF-8 keeps its old meta; GB18030 would read it as mojibake without an error."""
    data = '<html><meta charset="gb2312"><p>各分厂（部门）工会：</p></html>'.encode("utf-8")
    assert "各分厂（部门）工会：" in html.decode(data)


def _raws(page: str) -> list[str]:
    return [b.raw for b in read_bytes("p.html", page.encode("utf-8")).blocks]


ARTICLE = "<p>各区总工会：</p><p>请于3月15日前报送名单，联系人：张三，电话：88001234。</p><p>市总工会</p><p>2024年3月1日</p>"


@pytest.mark.parametrize("tail, lines", [
    # the download widget after the date: a label, file names with sizes
    ('<p>附件下载：</p><p><a href="/u/1.xls">1.报名汇总表.xls</a>&nbsp;(15KB)</p><p><a href="/u/2.docx">2.线路安排.docx</a> (42KB)</p>',
     ["附件：", "1.报名汇总表.xls", "2.线路安排.docx"]),
    ('<p><img src="icon_doc.gif"><a href="/u/f.doc">气排球比赛报名表.doc</a>（28.5 KB）</p>',
     ["附件：气排球比赛报名表.doc"]),
    ('<ul><li><a href="/u/a.doc">附件1：登记表.doc</a> [32.0K]</li><li><a href="/u/b.xls">附件2：汇总表.xls</a> [18.5K]</li></ul>',
     ["附件1：登记表.doc", "附件2：汇总表.xls"]),
    ('<p>附件【<a href="/u/1.doc">报名表.doc</a>】已下载<span>12</span>次</p>'
     '<p>附件【<a href="/u/2.xls">汇总表.xls</a>】已下载<span>3</span>次</p>', ["附件：", "报名表.doc", "汇总表.xls"]),
    ('<p><a href="/u/1.docx">1.推荐表.docx</a>（点击下载）</p>', ["附件：1.推荐表.docx"]),
    # machine file names under the listed items name nothing
    ('<p>附件：</p><p>1.名额分配表</p><p><a href="/u/2026042008.docx">2026042008.docx</a></p>',
     ["附件：", "1.名额分配表"]),
    ('<p><a href="/u/a.doc">登记表.doc</a></p><p><a href="/u/b.doc">汇总表.doc</a></p>',
     ["附件：", "登记表.doc", "汇总表.doc"]),
    # a 附件说明 whose titles keep their extensions stays as printed
    ("<p>附件：1.报名表.doc</p><p>2.汇总表.xls</p>", ["附件：1.报名表.doc", "2.汇总表.xls"]),
    ("<p>附件：</p><p>1.报名表.doc</p><p>2.汇总表.xls</p>", ["附件：", "1.报名表.doc", "2.汇总表.xls"]),
    ("<p>附件：1.报名表</p><p>2.汇总表.xls</p>", ["附件：1.报名表", "2.汇总表.xls"]),
])
def test_download_widget_is_an_attachment_list(tail, lines):
    raws = _raws(f"<html><body><div>{ARTICLE}{tail}</div></body></html>")
    assert raws[4:] == lines


@pytest.mark.parametrize("table, lines", [
    ('<tr><td style="border-top:solid">抄送：区应急管理局，区卫生健康委。</td></tr>'
     '<tr><td>东岚区总工会办公室&emsp;&emsp;2020年5月11日印发</td></tr>',
     ["抄送：区应急管理局，区卫生健康委。", "东岚区总工会办公室\u2003\u20032020年5月11日印发"]),
    ('<tr><td>主题词：工会 竞赛 通知</td></tr><tr><td></td></tr><tr><td>某市总工会办公室 2019年4月3日印</td></tr>',
     ["主题词：工会 竞赛 通知", "某市总工会办公室 2019年4月3日印"]),
])
def test_record_drawn_as_a_table_is_read_as_lines(table, lines):
    raws = _raws(f"<html><body><div>{ARTICLE}<table border=0>{table}</table></div></body></html>")
    assert raws[4:] == lines


def test_one_column_data_table_stays_a_table():
    doc = read_bytes("p.html", f"<html><body><div>{ARTICLE}<table><tr><td>姓名</td></tr><tr><td>张三</td></tr>"
                     "</table></div></body></html>".encode("utf-8"))
    assert doc.blocks[-1].kind == "table"


@pytest.mark.parametrize("chrome", [
    '<div class="bottom_info"><p>地址：某某路1号 联系电话：0579-86900000</p><p>版权所有：某某工会 浙ICP备12345678号</p></div>',
    '<table><tr><td>Copyright &copy; 2022 某县总工会<br>地址：人民路1号 电话：0576-83400000</td></tr></table>',
    '<div id="dibu">主办：某区总工会 联系电话：0571-88888888 邮箱：x@example.cn<br>浙ICP备10012345号</div>',
    '<table class="xxgk"><tr><td>索引号：</td><td>113309/2023-00128</td><td>发布机构：</td><td>县总工会</td></tr>'
    '<tr><td>主题分类：</td><td>劳动</td><td>发文日期：</td><td>2023-06-26</td></tr></table>',
    '<div class="more"><div class="hd">相关通知</div><div class="it"><a href="/1">关于开展送清凉的通知</a>'
    '<p>各基层工会：请于7月5日前报送方案，联系人：钱一，电话：0579-86009999。</p></div></div>',
    '<div>推荐阅读：<br><a href="/2">关于举办书画展的通知</a><br><a href="/3">关于职工疗休养的通知</a></div>',
])
def test_site_chrome_around_the_article_is_dropped(chrome):
    for page in (f"<html><body>{chrome}<div>{ARTICLE}</div></body></html>",
                 f"<html><body><div>{ARTICLE}</div>{chrome}</body></html>"):
        assert _raws(page) == ["各区总工会：", "请于3月15日前报送名单，联系人：张三，电话：88001234。",
                               "市总工会", "2024年3月1日"]


LONG = ARTICLE.replace("</p><p>请于", "</p><p>为丰富职工文化生活，增强职工体质，经研究，决定在全体职工中组织开展本项活动，"
                       "各单位要高度重视，认真组织，确保活动取得实效。</p><p>请于")
TITLE = "<title>某区教育局关于开展暑期志愿服务活动的通知_某区教育局</title>"


@pytest.mark.parametrize("head, page, heading", [
    # no class, no h1: a title-like line before the article
    ("", '<table><tr><td align="center"><strong><font size="4">某县总工会关于组织职工健步走活动的通知</font>'
     '</strong></td></tr><tr><td>发布时间：2022-4-19</td></tr><tr><td class="content">{a}</td></tr></table>',
     "某县总工会关于组织职工健步走活动的通知"),
    # heading and meta line inside the article block
    ("", '<div class="detail"><h3>某市总工会关于做好困难职工走访慰问工作的通知</h3><p>发布日期：2025-01-07</p>'
     '<div>{a}</div></div>', "某市总工会关于做好困难职工走访慰问工作的通知"),
    # only <title> names it (site name after the separator)
    (TITLE, "<div>{a}</div>", "某区教育局关于开展暑期志愿服务活动的通知"),
    # a generic page name is no title
    ("<title>通知公告</title>", "<h1>通知公告</h1><div>{a}</div>", None),
])
def test_page_heading_is_a_title_candidate(head, page, heading):
    doc = read_bytes("p.html", f"<html><head>{head}</head><body>{page.format(a=LONG)}</body></html>"
                     .encode("utf-8"))
    first = doc.blocks[0]
    assert (first.raw if first.origin == "header" else None) == heading
    assert [b.raw for b in doc.blocks if b.origin != "header"][0] == "各区总工会："


@pytest.mark.parametrize("table, lines", [
    ("<tr><td>临澜市总工会</td><td>临澜市教育局</td></tr><tr><td colspan=2>2025年3月5日</td></tr>",
     ["临澜市总工会\u3000\u3000临澜市教育局", "2025年3月5日"]),
    ("<tr><td>东岚区总工会<br>（盖章）</td><td>东岚区人力资源和社会保障局<br>（盖章）</td></tr>"
     "<tr><td></td><td>二〇二一年五月二十五日</td></tr>",
     ["东岚区总工会\u3000\u3000东岚区人力资源和社会保障局", "二〇二一年五月二十五日"]),
])
def test_signatures_laid_out_as_a_table_are_lines(table, lines):
    raws = _raws(f"<html><body><div>{ARTICLE}<table border=0>{table}</table></div></body></html>")
    assert raws[4:] == lines


@pytest.mark.parametrize("table", [
    "<tr><td>日期</td><td>地点</td></tr><tr><td>2025年3月5日</td><td>临澜市体育馆</td></tr>",  # a header row
    "<tr><td>临澜市总工会</td><td>文件</td></tr><tr><td>临澜市教育局</td><td></td></tr>",  # a letterhead
])
def test_other_small_tables_stay_tables(table):
    doc = read_bytes("p.html", f"<html><body><div>{ARTICLE}<table>{table}</table></div></body></html>".encode())
    assert doc.blocks[-1].kind == "table"


@pytest.mark.parametrize("markup, line", [
    ('联系人：张三<span style="display:none">盗版必究13900001111</span>，电话：88001234。', "联系人：张三，电话：88001234。"),
    ("联系人：张三<span style='mso-hide:all'>隐藏</span>，电话：88001234。", "联系人：张三，电话：88001234。"),
    ('联系人：张三<em class="ac">本站电话0579-86901111</em>，电话：88001234。', "联系人：张三，电话：88001234。"),
    ("联系人：张三&amp;nbsp;&amp;nbsp;电话：88001234&amp;ldquo;", "联系人：张三 电话：88001234\u201c"),
    ("联系人：张三&amp;#12288;电话：88001234", "联系人：张三\u3000电话：88001234"),
])
def test_hidden_text_and_twice_escaped_entities(markup, line):
    raws = _raws(f"<html><head><style>p{{margin:0}} span.x, em.ac {{ display: none }}</style></head>"
                 f"<body><div>{ARTICLE}<p>{markup}</p></div></body></html>")
    assert raws[-1] == line
