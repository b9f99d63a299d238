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
