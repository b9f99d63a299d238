"""Saved web pages of circulars (corpus/webpages): each page gives its gold
record, and the record of a circular does not depend on the site that
framed it — the same body saved inside other sites' chrome (portal, old
table layout, HTML5 with related notices) gives the same compact record."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate import compact, score_record
from pipeline.readers import html, read_bytes
from pipeline.stages.run import extract_document, extract_file

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "corpus" / "webpages"
FILES = sorted(p for p in PAGES.iterdir() if p.suffix in (".htm", ".html"))


def _gold(stem: str) -> dict:
    return json.loads((PAGES / "gold" / f"{stem}.json").read_text(encoding="utf-8"))


def _misses(gold: dict, rec: dict) -> dict:
    return {k: (s.fp, s.fn) for k, s in score_record(gold, rec).items() if s.fp or s.fn}


@pytest.mark.parametrize("page", FILES, ids=[p.stem for p in FILES])
def test_page_gives_gold(page):
    assert _misses(_gold(page.stem), compact(extract_file(page))) == {}


# Site frames: {heading} is the page's heading, {body} the article's markup.
PORTAL = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{heading}_通知公告_某某工会网</title></head><body>
<div class="topbar">欢迎访问某某工会网！<a href="/login">登录</a></div>
<ul class="menu"><li><a href="/">首页</a></li><li><a href="/tzgg/">通知公告</a></li><li><a href="/wq/">维权服务</a></li></ul>
<div class="dqwz">您所在的位置：<a href="/">首页</a> &gt;&gt; <a href="/tzgg/">通知公告</a> &gt;&gt; 正文</div>
<div class="art_box"><div class="art_tit"><h1>{heading}</h1></div>
<div class="art_xx">发布时间：2024-05-06 10:00:00 来源：本网 浏览次数：321 【字号：<a>大</a> <a>中</a> <a>小</a>】</div>
<div class="zoom" id="zoom">{body}</div>
<div class="bdsharebuttonbox">分享到：<a class="bds_weixin"></a></div>
<div class="xgwz"><h4>相关文章</h4><ul><li><a href="/1.html">关于开展职工疗休养活动的通知</a><span>2024-03-01</span></li>
<li><a href="/2.html">关于做好职工书屋建设工作的通知</a><span>2024-02-18</span></li></ul></div></div>
<div class="bottom_info"><p>主办单位：某某工会网 地址：某某路1号 联系电话：0571-86000000 邮箱：site@example.cn</p>
<p>版权所有 浙ICP备00000001号</p></div></body></html>"""

TABLES = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>某某县总工会</title></head>
<body><table width="980" align="center"><tr><td><img src="top.gif"></td></tr>
<tr><td><a href="/">网站首页</a>　|　<a href="/l?id=2">通知公告</a>　|　<a href="/l?id=3">职工之家</a></td></tr></table>
<table width="980" align="center"><tr><td width="220" valign="top"><table><tr><td><b>最新公告</b></td></tr>
<tr><td><a href="/a?id=9">关于举办职工乒乓球比赛的通知</a></td></tr><tr><td><a href="/a?id=8">关于做好防暑降温工作的通知</a></td></tr></table></td>
<td width="760" valign="top"><table width="96%" align="center">
<tr><td class="hui12">您现在的位置：<a href="/">首页</a> &gt;&gt; 通知公告</td></tr>
<tr><td height="50" align="center"><strong><font size="4" color="#C00000">{heading}</font></strong></td></tr>
<tr><td align="center">作者：办公室　发布时间：2024-5-6 10:21:33　点击：88</td></tr>
<tr><td class="content">{body}</td></tr>
<tr><td align="right">【<a href="javascript:window.close()">关闭窗口</a>】</td></tr></table></td></tr></table>
<table width="980" align="center"><tr><td align="center">Copyright &copy; 2024 某某县总工会 版权所有<br>
地址：某某县人民路1号　电话：0576-83000000　浙ICP备00000002号</td></tr></table></body></html>"""

HTML5 = """<!doctype html><html><head><meta charset="UTF-8"><title>通知公告</title></head><body>
<header><div class="logo">某某工会</div><nav><a href="/">首页</a><a href="/notice/">通知公告</a></nav></header>
<div class="wrapper"><div class="bread">您当前的位置：<a href="/">首页</a> &gt; 通知公告</div>
<div class="main-col"><div class="detail"><div class="detail-hd"><h3>{heading}</h3>
<p class="detail-info"><span>发布日期：2024-05-06</span><span>浏览量：12</span></p></div>
<div class="detail-bd">{body}</div></div>
<div class="box"><div class="box-hd">联系我们</div><p>地址：某某路1号</p><p>电话：0579-86000001</p></div>
<div class="more-notice"><div class="more-hd">相关通知</div>
<div class="more-item"><h4><a href="/n/1.html">关于开展夏季送清凉活动的通知</a></h4>
<p class="more-sum">各基层工会：请于7月5日前将送清凉活动方案报送，联系人：钱一，电话：0579-86009999。</p></div></div></div>
<aside><div class="side-hd">通知公告</div><ul><li><a href="/n/2.html">关于举办职工书画展的通知</a> 05-03</li></ul></aside></div>
<footer><p>版权所有 地址：某某路1号 电话：0579-86000000</p></footer></body></html>"""

# A news site that prints three other notices' openings under the article (more text than a short body).
RELATED = """<html><head><meta charset="utf-8"><title>{heading}</title></head><body>
<div class="t"><a href="/">首页</a> <a href="/n/">通知</a></div>
<div class="c"><div class="c1"><div class="tt">{heading}</div>
<div class="c2">{body}</div></div>
<div class="c3"><div class="c3h">推荐阅读</div>
<div class="c3i"><a href="/n/11.html">关于组织职工参加全省职工运动会的通知</a>
<p>各市总工会：为展示职工风采，省总工会决定举办全省职工运动会。请各地于6月15日前将参赛报名表报省总工会文体部，每个代表队运动员不超过40人。联系人：柯一平，电话：0571-85550001，邮箱：ydh2024@example.cn。</p></div>
<div class="c3i"><a href="/n/12.html">关于开展职工心理健康服务进企业活动的通知</a>
<p>各县（市、区）总工会：为关爱职工心理健康，请各单位于6月30日前组织不少于3场心理健康讲座，并将活动情况报市总工会，联系人：韦三，电话：0579-86551234。</p></div>
<div class="c3i"><a href="/n/13.html">关于推荐第五届最美职工的通知</a>
<p>各产业工会：请于7月10日前推荐最美职工候选人，每单位限报2名，推荐表发送至zmzg@example.cn，逾期不予受理。</p></div></div></div>
<div class="f">地址：某某路1号 电话：0579-86000000</div></body></html>"""

FRAMES = {"portal": PORTAL, "tables": TABLES, "html5": HTML5, "related": RELATED}

# (page, element holding the body: tag and class or id, the heading the frames print)
BODIES = [
    ("w01_portal_word_gb2312.htm", ("div", "id", "zoom"), "临澜市总工会关于开展2024年“职工书香节”读书活动的通知"),
    ("w02_school_repost_bom.html", ("div", "class", "article-body"), "转发区教育工会气排球比赛通知"),
    ("w03_one_p_br_gbk.htm", ("td", "class", "content"), "青溪县总工会关于组织开展职工健步走活动的通知"),
    ("w05_word_lists_merged.htm", ("div", "class", "conTxt"), "关于举办临澜市第五届教职工微课大赛的通知"),
    ("w07_heading_only_xls_links.htm", ("div", "id", "Zoom"), "青溪县总工会关于组织2023年度劳模疗休养的通知"),
    ("w08_banji_table_ensp.html", ("div", "class", "TRS_Editor"), "区总工会部署开展“安康杯”知识竞赛"),
    ("w11_word_letterhead_sign_table.htm", ("div", "class", "news_text"), "【转载】关于开展2024年教职工健康体检的通知"),
    ("w12_cms_escaped_hidden.html", ("div", "class", "g-txt"), "关于推荐2023年度“最美职工”的通知"),
]


def _body(page: str, where: tuple[str, str, str]) -> str:
    """The markup inside the page's article element (its children, as saved),
    after the page's ``<style>`` elements."""
    import lxml.html

    root = lxml.html.document_fromstring(html.decode((PAGES / page).read_bytes()))
    tag, attr, value = where
    el = root.xpath(f"//{tag}[@{attr}='{value}']")[0]
    inner = (el.text or "") + "".join(lxml.html.tostring(ch, encoding="unicode") for ch in el)
    # the page's own style rules travel with its markup (w12 hides a snippet by class)
    return "".join(lxml.html.tostring(st, encoding="unicode") for st in root.iter("style")) + inner


@pytest.mark.parametrize("frame", sorted(FRAMES))
@pytest.mark.parametrize("page, where, heading", BODIES, ids=[b[0].split("_")[0] for b in BODIES])
def test_same_record_in_other_frames(page, where, heading, frame):
    """The body in another site's frame gives the gold record of its page."""
    framed = FRAMES[frame].replace("{heading}", heading).replace("{body}", _body(page, where))
    rec = compact(extract_document(read_bytes(f"{Path(page).stem}.html", framed.encode("utf-8"))))
    assert _misses(_gold(Path(page).stem), rec) == {}, frame


# A meta line inside the article's own markup (as many sites print it): its date is the year
# deadlines are read by when the notice prints none, its source may name a newspaper.
INLINE_META = ("<html><head><meta charset='utf-8'><title>某某工会网</title></head><body>"
               "<div class='nav'><a href='/'>首页</a> <a href='/tz'>通知公告</a></div><div class='content'>"
               "<p>{heading}</p><p>{meta}</p>{body}</div></body></html>")


@pytest.mark.parametrize("heading, meta, body, dues", [
    ("关于举办园丁歌手大赛的通知", "发布时间:2015-10-12 点击: 来源:本站原创 录入者:王一",
     "<p>各中小学,各基层工会:</p><p>一、报名事项</p><p>请将报名表于10月14日前送至教育工会1101室。</p>", ["2015-10-14"]),
    ("关于开展读书征文活动的通知", "发布日期：2019/4/2　浏览次数：88",
     "<p>各分工会：</p><p>请各分工会于4月20日前将征文报校工会。</p>", ["2019-04-20"]),
])
def test_inline_meta_date_gives_the_year(heading, meta, body, dues):
    page = INLINE_META.format(heading=heading, meta=meta, body=body)
    rec = extract_document(read_bytes("inline_meta.html", page.encode("utf-8")))
    assert [str(d.due) for d in rec.deadlines] == dues and rec.title.text == heading


def test_inline_meta_source_names_a_newspaper():
    page = INLINE_META.format(heading="市总工会启动职工读书月活动", meta="发布时间：2023-04-13 来源：江城日报 浏览：391",
                              body="<p>市总工会发出通知，在全市启动职工读书月活动。</p><p>各基层工会可于4月20日前报名。</p>")
    rec = extract_document(read_bytes("inline_news.html", page.encode("utf-8")))
    assert [w.message for w in rec.warnings if w.code == "not_a_circular"] == [
        "a news or meeting report, not a circular: nothing extracted"] and not rec.deadlines
