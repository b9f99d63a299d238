"""Lines a saved web page adds around the circular it shows: navigation
(breadcrumb, neighbouring articles, menus) and meta lines (发布时间, 来源,
浏览次数). Web excerpts keep them as text; they are never part of a title,
never joined to the line after them (real/README.md "The circular is
annotated, not the page"). The meta labels are one vocabulary
(``data/page_meta.json``); :func:`skip_aside` steps over such lines (and the
rest of one a wrap cut) between a title and the addressee."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable, Optional, Sequence

from extractors.attachment_list import LINK_WORDS
from extractors.orgs import title_endings
from models.document import Block


def _labels(*kinds: str) -> str:
    """An alternation of the page-meta labels of ``kinds`` (data/page_meta.json), longest first."""
    data = json.loads((Path(__file__).with_name("data") / "page_meta.json").read_text(encoding="utf-8"))
    return "|".join(sorted({w for k in kinds for w in data[k]}, key=len, reverse=True))


# A web page's meta labels (data/page_meta.json): with a date even without a colon, the page's
# own wherever two stand on a line, and every label (weak ones head a notice's lines too).
META_DATED = _labels("dated")
META_STRONG = _labels("strong")
META_LABELS = _labels("dated", "strong", "weak")
CATALOGUE_LABELS = _labels("catalogue")  # a law database's 【label】 fields ("【时效性】现行有效")

# A page's publication date in figures under its title ("2016-04-25", "2016-04-25 09:30").
PAGE_DATE = re.compile(r"\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*")

# A saved page's own lines around the circular (kept by web excerpts): a
# breadcrumb ("您的位置:首页>>工作通知>>正文"), links to the neighbouring
# articles ("上一篇:…"), a meta line that names two of 发布时间/来源/作者/
# 浏览/点击/出处/录入 ("发表日期:2017/3/2 出处:本站 作者:…").
# Where a page's breadcrumb starts ("当前所在位置:首页/党群建设/工会", "您的位置:首页>…").
BREADCRUMB = re.compile(r"(?:^|您的|您现在的|您現在的|您当前|您當前|当前|當前|所在|当前所在|當前所在)位置(?:是|為|为)?\s*[:：>＞]"
                        r"|首[页頁]\s*[>/»›＞]")  # (and as a traditional-character page prints it)
_NAV = re.compile(rf"{BREADCRUMB.pattern}|>>|»|上一篇|下一篇|^上一条\s*[:：]|^下一条\s*[:：]|进入后台|内网登录"
                  r"|_第\d{1,3}页$|^(?:全文预览已结束|下载本文档|文档简介|版权说明[:：])"  # a document-sharing site's preview
                  r"|(?:[^\s>→]{1,16}\s*(?:-+>|→)\s*){2}"  # arrows drawn with a dash or →: "…网->文件库->正文"
                  r"|^[\u4e00-\u9fffA-Za-z0-9]{2,12}\s*[>›]\s*[\u4e00-\u9fff](?![^》]*》)"  # one step: "站名 > 标题"
                  # (not the close of a title cited inside 《…<…>…》 that a wrap left at the line's start)
                  r"|^(?:找回密码|立即注册|注册|登录|QQ登录|微信登录|只需一步[,，]?\s*快速开始)$"  # a forum's login bar
                  r"|[【\[]\s*(?:字号|字体)\s*[:：]?\s*大|(?:字号|字体)\s*[:：]\s*大\s*中\s*小")  # a font-size widget
# a page's tool links under its heading or at its foot (not a breadcrumb: what is above them stays)
_TOOLS = re.compile(rf"^全文下载$|^(?:网站地图|联系我们|关于我们)$|^(?:相关(?:文章|阅读|链接|新闻|信息)|推荐阅读|热门文章|附件下载)$|^跳(?:过|至|到)(?:导[览航]列?|主要?内容)[.。]?$|^{LINK_WORDS}$|【\s*[大中]\s*】\s*【\s*[中小]\s*】|我要纠错|打印本页|关闭窗口|收藏本页|加入收藏|收藏本站|设为首页|【(?:打印|关闭|收藏)】|[|｜]\s*收藏$"
                    r"|(?:打印|收藏|关闭|分享)\s*(?:打印|收藏|关闭|分享)\s*$"  # "打印 收藏" links run together
                    r"|[【\[]\s*复制链接\s*[】\]]|显示全部楼层|只看该作者|阅读模式"  # a forum post's tools
                    r"|[【\[]\s*(?:字号|字体)\s*[:：]?\s*[】\]]"  # an empty font-size widget
                    r"|^[上下]篇\s*[:：]|版权所有|Copyright|ICP备|公网安备"
                    r"|^[【\[]?(?:分享到|字号|字体大小|字体)\s*[:：]?\s*$", re.I)  # a tool's label alone ("分享到:", "【字号:")
# what a page prints under an article, after its 成文日期 ("…2021年5月18日 分享到:",
# "…【关闭】", "(此件主动公开) 附件下载", "同栏目信息 热点信息", "上一条:", "终审:局办", "用户登录",
# a site's own links: "热门", "成为会员 办公系统", "提交关闭")
# a site's leaders' mailbox widget ("领导邮箱", "书记信箱地址:…@…"): the site's, not a contact the notice gives
_LEADER_BOX = r"(?:领导|书记|校长|院长|局长|主席|部长|厂长|总经理|区长|市长|县长)(?:信箱|邮箱)"
PAGE_TAIL = re.compile(r"\s*[<«‹]?\s*(?:[（(]此件(?:主动|依申请|不予)?公开(?:发布)?[）)]|分享到|打印\s*收藏|收藏本页"
                       r"|附件下载|相关(?:文章|链接|新闻|阅读)|同栏目|热点信息"
                       r"|热门(?:文章|推荐|新闻|资讯)?|成为会员|办公系统|提交\s*关闭|微店|扫一扫"
                       r"|上一(?:篇|条)|下一(?:篇|条)|[【\[]\s*(?:打印|关闭|收藏|返回)\s*[】\]]|打印本页|关闭窗口|返回顶部|[|｜\s]+$"
                       r"|标签\s*[:：]|供稿人?\s*[:：]|责任编辑|责编\s*[:：]|(?:[初复终]审|审核|编辑)\s*[:：]|用户登录"
                       r"|https?://|(?:咨询|服务|投诉)热线\s*[:：]"  # (a page's own link or a site's hotline under the signature)
                       r"|" + _LEADER_BOX +  # (a site's leaders' mailbox widget)
                       r"|[（(]?(?:信息|文章|稿件)?来源\s*[:：/／]"  # (the page's source line: "…2022年8月31日(来源:XX总工会。")
                       r"|[（(](?:建议使用|发布时间|发布日期)|\d{1,4}\s*$"  # (a view count)
                       r"|[A-Za-z][A-Za-z ]*$)")  # (a search engine's words injected at the end: "Baidu sogou")
# a page's time stamp: a date in figures with its clock time ("2008/2/25 11:09:50")
_STAMP = re.compile(r"(?:(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)"
                    r"|\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2})\s*\d{1,2}:\d{2}")  # (or day first: "09.09.2014 13:20")
_META_LABEL = re.compile(rf"(?:{META_DATED})|(?:{META_STRONG})\s*[:：]|位读者")  # (two on a line: the page's)

# a page's column separator (or a lost glyph, or the bracket of a wrapped meta line) on its own line
_SEPARATOR = re.compile(r"[|｜¦?？]+|[\[\]【】]|[—–\-_=*~～]{2,}")  # (or a rule of dashes: "——")
# a menu item between rules on its own line ("| 信息公告 |", "|热门文章|")
_MENU_ITEM = re.compile(r"\s*[|｜][^|｜。，,：:]{1,12}[|｜]\s*")
# a 关于 title ending in its 文种 word right before a meta label
_TITLE_FIRST = re.compile(r"^关于[^:：|｜]{2,100}?(?:" + "|".join(map(re.escape, title_endings())) + r")\s*"
                          r"(?:发布|更新|发表|上传)(?:时间|日期)")
# a site's clock: a date with its weekday, maybe a solar term or lunar date ("2024年04月27日 星期六 谷雨")
_CLOCK = re.compile(r"^(?:今天是)?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]"
                    r"(?:\s*[\u4e00-\u9fff]{2,8}|\s*农历\s*[\u4e00-\u9fff]{2,4}年\s*(?:[(（][\u4e00-\u9fff][)）])?\s*[\u4e00-\u9fff]{2,6})?\s*$"
                    r"|^(?:今天是|今日|天气预报)\s*[:：]\s*$")  # (the clock's own label, its date a script fills in, lost)
# (the lunar date with its zodiac: "… 星期四 农历乙巳年(蛇)四月初四")
# ... and run into what follows it on one line: its words end at the weekday or a solar term
# ("2024年04月27日星期六谷雨2023年…方案")
_SOLAR_TERMS = "立春|雨水|惊蛰|春分|清明|谷雨|立夏|小满|芒种|夏至|小暑|大暑|立秋|处暑|白露|秋分|寒露|霜降|立冬|小雪|大雪|冬至|小寒|大寒"
CLOCK_RUN = re.compile(rf"(?:今天是\s*[:：]?)?\s*\d{{4}}年\d{{1,2}}月\d{{1,2}}日\s*(?:星期|周)[一二三四五六日天]\s*(?:{_SOLAR_TERMS})?")
# a site's name line ("法搜网--中国法律信息搜索网", "某某网_首页", or its home link alone: "美文网首页")
_SITE_NAME = re.compile(r"^[^\s，。：:]{1,20}网站?\s*(?:-{2}|—{1,2}|_|\|)\s*[^\s，。：:]{1,30}(?:网站?|首页)$"
                        r"|^[^\s，。：:、]{0,12}(?:网站?|频道)?首页$")
# a printed page's number ("- 1 -"), with a sharing site's item number before it ("1、- 1 -")
PAGE_NUMBER = re.compile(r"\s*(?:\d{1,3}[、.．]\s*)?[-—–]\s*\d{1,3}\s*[-—–]\s*")
# the end of a page's heading cut short ("转发《关于申报…...", "…干部..doc:..")
CUT_SHORT = r"(?:\.{2,}|…+)(?:[A-Za-z]{2,4})?[:：]?\.{0,3}"
# a download link's file name on its own line ("4、…的通知.doc", "报名表.xlsx")
_FILE_NAME = re.compile(r"^[^。；;：:]{2,120}\.(?:docx?|xlsx?|wps|pdf|ofd|rar|zip)$", re.I)


# a government page's 信息公开 catalogue line ("索引号:…", "发布机构:…"), and a
# line of "label:value |" fields ("网站:公文素材库 | 时间:2019-05-29 | 移动端:…")
# (and a law database's: "【时效性】现行有效", "【效力级别】部门规章", "【法规类别】")
_OPEN_LABELS = r"(?:索\s*引\s*号|主题分类|体裁分类|责任部门|发布机构|关\s*键\s*[字词]|公开方式|公开范围|公开时限|生成日期|信息分类)"
_CATALOGUE = re.compile(rf"^{_OPEN_LABELS}\s*[:：]|^[【\[](?:{CATALOGUE_LABELS})[】\]]|^[【\[]?字体\s*[:：]")
# (two of its labels anywhere in a line: the catalogue run on after a cut value, "市卫健委字体:[]体裁分类:…主题分类:…";
# 索引号 may print its value with no colon)
_CATALOGUE_ANY = re.compile(rf"{_OPEN_LABELS}\s*[:：]|索\s*引\s*号")
_FIELDS = re.compile(r"[\u4e00-\u9fff]{1,4}\s*[:：][^|｜]*[|｜]")


# a 范文 site's compilation lines: "工会五一活动通知(通用3篇)", "工会五一活动通知 篇1", "…会议通知范文1"
_COMPILATION = re.compile(r"\s*\S.{0,40}?(?:[（(](?:通用|精选|优选|热门|推荐|汇总)?\s*\d{1,2}\s*篇[)）]|\s*篇\s*\d{1,2}|范文\s*\d{1,2})\s*")
# a site's column name alone on its line ("通知公告" over the notice): a page word, though it ends in 公告
_COLUMN = re.compile(r"\s*(?:通知公告|通知通告|公告通知|公示公告|通知公示|公告公示|最近更新|最新动态|工作动态|新闻动态|工会动态|信息公开"
                     r"|通知公告栏|院务公开|校务公开|[\u4e00-\u9fff]{2,4}动态)\s*")  # (any "…动态" column: "创新动态")
_URL_LINE = re.compile(r"\s*(?:https?://|www\.)[A-Za-z0-9./?=&%#_\-:~+]+\s*")  # a page's own address printed alone


_IMAGE_LINK = re.compile(r"(?:!\[[^\]]{0,40}\]\([^)]{0,200}\)\s*)+")  # a picture's markdown left by the copy ("![]()")
_LEADER_MAIL = re.compile(r"(?:\s*" + _LEADER_BOX + r"(?:地址)?(?:\s*[:：]\s*[\w.\-]+@[\w.\-]+)?)+\s*")


# a page's label in brackets, maybe with a second name after "/" ("【点击次数】", "【作者/来自】")
BRACKET_LABEL = rf"[【\[]\s*(?:{META_LABELS})(?:[/／][\u4e00-\u9fff]{{1,4}})?\s*[】\]]"
_BRACKET_FIELD = re.compile(rf"\s*{BRACKET_LABEL}\s*[:：]?[^，。；;:：]{{0,30}}"
                            rf"|\s*【\s*(?:{META_LABELS})\s*[:：][^】，。；;]{{0,30}}】\s*")  # (or "【日期:2012-12-10】")


def is_page_chrome(t: str) -> bool:
    """True for a web page's navigation or meta line (never a title line):
    see :data:`_NAV` and :data:`_META_LABEL` (two labels on one line), or a
    bare publication date/time, a lone "|", a file name offered for download,
    a 信息公开 catalogue line, "label:value |" fields, the page's address or a column name alone."""
    if len(t) > 120 or re.search(r"[。！？]", t):
        return False  # a page's own line is short, no sentence: else the notice run onto one line
    if _MENU_ITEM.fullmatch(t):
        return True
    if re.search(r"\S\s*[|｜]+\s*$", t):
        t = re.sub(r"\s*[|｜]+\s*$", "", t)  # "2018-10-23 |": a table column's rule after the page date
    # labels in brackets ("【栏目名称】:群团工作 【发布时间】:2016-04-27 【点击数】:") read as plain labels
    t = re.sub(r"[【\[]\s*([\u4e00-\u9fff]{2,6})\s*[】\]]\s*(?=[:：])", r"\1", t)
    if _TITLE_FIRST.match(t):
        return False  # "关于…的通知发布时间:…来源:…": the title with the page's meta run on (cut by relines)
    if _BRACKET_FIELD.fullmatch(t):
        return True  # "【点击次数】634次", "【作者/来自】网站管理员": one page field in brackets, no colon
    if PAGE_DATE.match(t) and _META_LABEL.search(t):
        return True  # "2025-12-31 浏览量:63"
    if re.fullmatch(r"\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s+\d{1,7}\s*", t):
        return True  # "2019-07-10 2231": the posting date and the view count
    if len(t) <= 30 and re.search(r"(?<!\d)(?:19|20)\d{2}-\d{1,2}-\d{1,2}$", t) and not re.search(r"[，。；：:]", t):
        return True  # a site's name and the posting date under a heading ("亚投(中国) 2008-01-21")
    if re.match(r"\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2})?\s*[|｜]\s*[\u4e00-\u9fff]{2,4}\s*[:：]", t):
        return True  # "2013-11-19 |编辑:市科技工会|": the posting's date, a rule, then its fields
    if len(t) <= 60 and _STAMP.search(t) and not re.search(r"[，；;]", t):
        return True  # "总工会 2008/2/25 11:09:50 19829点 永安之窗": a posting's stamp line
    return bool(_NAV.search(t)) or bool(_TOOLS.search(t)) or len(_META_LABEL.findall(t)) >= 2 \
        or bool(PAGE_DATE.fullmatch(t)) or bool(_SEPARATOR.fullmatch(t)) or bool(PAGE_NUMBER.fullmatch(t)) \
        or bool(_SITE_NAME.match(t)) or bool(_CLOCK.match(t)) or bool(_FILE_NAME.match(t)) \
        or bool(_CATALOGUE.match(t)) or len(set(_CATALOGUE_ANY.findall(t))) >= 2 \
        or (len(_FIELDS.findall(t)) >= 2 or bool(re.search(r"[:：].*[|｜]\s*$", t))) \
        or bool(_URL_LINE.fullmatch(t)) or bool(_COLUMN.fullmatch(t)) or bool(_COMPILATION.fullmatch(t)) \
        or bool(INDEX_NUMBER.fullmatch(t)) or bool(_IMAGE_LINK.fullmatch(t)) or bool(_LEADER_MAIL.fullmatch(t))


def _menu_end(blocks: Sequence[Block]) -> int:
    """Index after a site's menu above the notice: four or more short lines
    with no punctuation ("官方微信", "维权热线", "职工互助" …, a hotline) and the
    greeting under them — or any such lines with a greeting ("欢迎光临…!") —
    all before the first title-like line; 0 when none."""
    short, greeted = 0, False
    for k, b in enumerate(blocks):
        t = b.text if b.kind == "paragraph" else ""
        if re.search(r"(?:通知|通告|公告|意见|方案|办法|决定)$", t) or re.search(r"[〔\[［(（【﹝](?:19|20)\d{2}", t):
            return k if short >= 4 or greeted else 0
        # (a site's call to follow its WeChat account greets as well: "期待您的关注" / "微信公众号 |")
        greeting = re.match(r"(?:欢迎您?(?:访问|光临|来到)|今天是)", t) or (
            len(t) <= 16 and re.search(r"关注我们|您的关注|扫码关注|微信公众号", t))
        greeted = greeted or bool(greeting)
        if len(t) <= 12 and not re.search(r"[，。；：:,;]", t) or greeting or _HOTLINE.fullmatch(t):
            short += 1
        else:
            return 0
    return 0


# a site's hotline in its top bar ("服务热线:4006025110")
_HOTLINE = re.compile(r"(?:服务|客服|咨询|投诉|维权)?热线(?:电话)?\s*[:：]?\s*[\d\-—]{5,14}")


def page_top_end(blocks: Sequence[Block]) -> int:
    """Index after the last navigation line (breadcrumb, 上一篇/下一篇,
    login menu) among ``blocks`` (the first lines of a document) above its
    first sentence, 0 when none: a page's site name and
    menus above its breadcrumb go with it, and so does a 信息公开 catalogue
    whose labels the copy lost (:func:`_catalogue_values_end`)."""
    end = lead = 0
    for k, b in enumerate(blocks):
        if b.kind != "paragraph":
            break
        if re.search(r"[。！？]", b.text) or len(b.text) > 120:
            break  # the notice has begun: links after it (上一篇/下一篇 at its foot) are no top
        if _NAV.search(b.text) and k + 1 < len(blocks):
            end = k + 1 + _column_under(b.text, blocks[k + 1])
        if INDEX_NUMBER.fullmatch(b.text):
            end = max(end, _catalogue_values_end(blocks, k))
        if k == lead and (is_page_chrome(b.text) or _HOTLINE.fullmatch(re.sub(r"\s*[|｜]+\s*$", "", b.text))):
            lead = k + 1  # the site's hotline in its top bar ("维权热线:12351 |"), only page lines above it
    return max(end, lead, _menu_end(blocks))


def _column_under(crumb: str, nxt: Block) -> int:
    """1 when ``nxt`` is a column named in the breadcrumb ``crumb`` above it, printed
    again alone as the column's heading ("首页 >> 教工之家 >> 职代会 >> 正文" / "职代会"), else 0."""
    t = nxt.text.strip() if nxt.kind == "paragraph" else ""
    return int(0 < len(t) <= 12 and t in _crumb_steps(crumb))


def _crumb_steps(crumb: str) -> set[str]:
    """The steps of a breadcrumb ("首页 >> 教工之家 >> 职代会" → 首页, 教工之家, 职代会)."""
    return {x.strip() for x in re.split(r">>|[>»›＞/]", crumb)}


# A government page's 信息公开 index number (索引号: the body's code / year - serial):
# "014180233/2024-00113", "11320582014180233X/2024-00113"
_INDEX = r"[0-9A-Za-z]{6,20}\s*[/／]\s*(?:19|20)\d{2}\s*[-—－]\s*\d{3,8}"
INDEX_NUMBER = re.compile(rf"\s*{_INDEX}\s*")
# the catalogue's last value: whether the document is in force (有效性)
_IN_FORCE = r"(?:现行有效|有效|失效|已失效|部分失效|废止|已废止)"
_VALIDITY = re.compile(rf"\s*{_IN_FORCE}\s*")


def _catalogue_values_end(blocks: Sequence[Block], k: int) -> int:
    """Index after a 信息公开 catalogue printed as its values alone, one per line
    (index number, 分类, 发布机构, 成文日期, 发布日期, 文号, 有效性 — the labels lost
    in the copy): from the index number at ``k`` to its 有效性 value within ten
    short lines; ``k + 1`` (the number alone) when no such value closes it. Its
    发布机构 and dates are the page's record of the notice, not the notice's own lines."""
    for j in range(k + 1, min(len(blocks), k + 11)):
        t = blocks[j].text if blocks[j].kind == "paragraph" else ""
        if not t or len(t) > 40 or re.search(r"[。，,；;]", t):
            break
        if _VALIDITY.fullmatch(t):
            return j + 1
    return k + 1


def nav_prefix_end(raw: str) -> int:
    """In a page flattened onto one line, the index in ``raw`` where its
    navigation prefix ends ("网站首页 … 您现在的位置: 首页>>通知>>正文 关于…"
    → before "关于"): the first space after the last breadcrumb step in the
    first 200 characters; 0 when the line opens with no breadcrumb."""
    head = raw[:200]
    steps = list(_NAV.finditer(head))
    if not steps:
        return 0
    ws = re.search(r"\s", head[steps[-1].end():])
    if not ws:
        return 0
    end = steps[-1].end() + ws.start()
    opened = steps[-1].group().rstrip()[-1:] in ">＞»›/"  # ("首页 / 最新信息 / 工作动态 / 正文": the step took its separator)
    trail = re.match((r"\s*[^\s>＞»›/]{1,12}" if opened else "") + r"(?:\s*[>＞»›/]+\s*[^\s>＞»›/]{0,12})+(?=\s)",
                     raw[steps[-1].end():])
    if trail:  # (steps set apart by single "> " or " / ": "当前位置 > 信息公开 > 政府文件 > 市政府文件")
        end = max(end, steps[-1].end() + trail.end())
    # (the last step, then the column named again and a 信息公开 catalogue's values:
    # "…>> 职代会 >> 正文 职代会 第六届…", "…> 市政府文件 014180233/2024-00113 … 有效 组织开展…")
    items = _crumb_steps(head[:end]) | {"正文"}
    m = re.match(r"\s+(\S{1,12})(?=\s)", raw[end:])
    while m and m.group(1) in items:
        end += m.end()
        m = re.match(r"\s+(\S{1,12})(?=\s)", raw[end:])
    cat = _CATALOGUE_RUN.match(raw, end)
    end = cat.end() if cat else end
    return end if raw[end:].strip() else 0


# a 信息公开 catalogue printed as its values alone, on one line: the index number up to the 有效性
_CATALOGUE_RUN = re.compile(rf"\s*{_INDEX}(?:\s+\S{{1,30}}){{0,9}}?\s+{_IN_FORCE}(?=\s)")


# a site footer's own lines: bare labels (地址, 邮编, 电话, 邮箱 — a circular's
# contact block says 联系电话/联系地址 and names its 联系人), copyright, ICP
_FOOTER_LABELS = re.compile(r"(?:地\s*址|邮\s*编|邮政编码|电\s*话|传\s*真|邮\s*箱|电子邮箱|E-?mail|网\s*址)\s*[:：]", re.I)
_FOOTER_LINE = re.compile(rf"^{_FOOTER_LABELS.pattern}"
                          r"|版权所有|Copyright|©|ICP备|公网安备|[（(]?官方微信(?:公众号)?[）)]?$", re.I)
_FOOTER_NEEDS = re.compile(r"^(?:地\s*址|邮\s*编|邮政编码)\s*[:：]|版权所有|Copyright|ICP备", re.I)


def footer_start(texts: Sequence[str], is_org: Callable[[str], bool]) -> Optional[int]:
    """Index where a site footer at the end of ``texts`` (a document's
    paragraph texts) starts: a trailing run of three or more bare-label lines
    (地址：…, 邮编：…, 邮箱：…, 电话：…, 版权所有 …) holding an address,
    postcode or copyright, with the site owner's name line above it
    (``is_org``); None when the text ends otherwise. Its phone and mail are
    the site's, not a contact the notice gives (real/README.md "Contacts":
    third parties' phones are not contacts)."""
    k = len(texts)
    last = texts[-1].strip() if texts else ""
    if len(_FOOTER_LABELS.findall(last)) >= 3 and _FOOTER_LABELS.search(last).start() <= 30 \
            and re.search(r"地\s*址|邮\s*编|版权", last) and "联系" not in last:
        return k - 1  # the footer run onto one line ("江川市总工会地址:…邮编:…电话:…")
    while k > 0 and _FOOTER_LINE.search(texts[k - 1].strip()) and len(texts[k - 1]) <= 80:
        k -= 1
    run = [t.strip() for t in texts[k:]]
    if len(run) < 3 or not any(_FOOTER_NEEDS.search(t) for t in run) or any("联系" in t for t in run):
        return None
    return k - 1 if k > 0 and is_org(texts[k - 1].strip()) else k


# Lines between the 版头/标题 and the 主送机关 that belong to neither: a
# 签发人 printed beside the 发文字号 (cut off from it), a web page's meta line
# ("发布时间:2025-03-18 来源:校工会 浏览次数:256").
_ASIDE = re.compile(rf"^(?:[-*•·]\s*)?(?:签发人|{META_LABELS})\s*[:：]"  # (a markdown list's "- 作者:" too)
                    rf"(?=\s*[^:：]{{0,30}}(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|作者|来源|浏览|点击|发布|更新|时间|日期|$|(?:{META_LABELS})\s*[:：]))")


def is_aside(t: str) -> bool:
    """``t`` is a 签发人 or page meta line set aside between title and addressee (:data:`_ASIDE`)."""
    return bool(_ASIDE.match(t))


def skip_aside(blocks: list[Block], i: int) -> int:
    """``i`` moved past :data:`_ASIDE` lines and the short rest of one that
    a wrap cut ("发布时间:…浏览" / "次数:256")."""
    while i < len(blocks) and blocks[i].kind == "paragraph" and (
            _ASIDE.match(blocks[i].text) or is_page_chrome(blocks[i].text) or (i > 0 and (
                _ASIDE.match(blocks[i - 1].text) or is_page_chrome(blocks[i - 1].text))
                and _label_rest(blocks[i - 1].text, blocks[i].text))):
        i += 1
        while i < len(blocks) and (_wrapped_rest(blocks[i].text) or _value_rest(blocks, i)
                                   or _label_rest(blocks[i - 1].text, blocks[i].text)):
            i += 1  # (or the rest of a name: "签发人：何建" / "平"; of a count: "浏览量:" / "4151次")
    return i


def is_meta_rest(blocks: Sequence[Block], i: int) -> bool:
    """Line ``i`` is the rest of the page's meta line above it that a wrap cut ("…浏览:187" / "5次")."""
    above = blocks[i - 1].text if i > 0 and blocks[i - 1].kind == "paragraph" else ""
    return bool(above) and (bool(_ASIDE.match(above)) or is_page_chrome(above)) and _wrapped_rest(blocks[i].text)


def _label_rest(above: str, t: str) -> bool:
    """``t`` opens with the rest of a meta label a wrap cut from the line ``above``
    ("…来源:区总工会字" / "体大小:", "…作者:来源:点" / "击数:")."""
    m = re.fullmatch(r"([\u4e00-\u9fff]{1,5})[:：]\s*\S{0,10}", t)
    return bool(m) and any(re.fullmatch(f"(?:{META_STRONG}|{META_DATED})", above[-k:] + m.group(1))
                           for k in range(1, 4) if len(above) > k)


def _wrapped_rest(t: str) -> bool:
    """``t`` reads as the rest of a meta line (:data:`_WRAPPED_REST`), never a 文种 word alone ("通知")."""
    return bool(_WRAPPED_REST.fullmatch(t)) and not t.endswith(title_endings())


def _value_rest(blocks: list[Block], i: int) -> bool:
    """Line ``i`` is the rest of a meta value that a wrap cut ("来源:天津经济技术" /
    "开发区总工会"): a few characters of no title, followed by a page line or a colon's line."""
    t = blocks[i].text
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,10}", t) or t.endswith(title_endings()):
        return False
    nxt = blocks[i + 1].text if i + 1 < len(blocks) and blocks[i + 1].kind == "paragraph" else ""
    return bool(nxt) and (is_page_chrome(nxt) or bool(_ASIDE.match(nxt)) or nxt.endswith((":", "：")))


# The rest of a meta line that a wrap cut: a label and its figures, a word or a count, an
# empty label ("浏览数:", the "到:" of 分享到), the tail of a value, name or gloss with
# further fields ("创录入者:奚斌寅", "uild|查看: 149|评论: 0", "(shù):0 |", "1次浏览|分享到:").
_WRAPPED_REST = re.compile(r"[\u4e00-\u9fff]{0,10}[:：]\s*[0-9A-Za-z\-/.: ]{1,20}|[\u4e00-\u9fff]{1,2}|[\u4e00-\u9fff]?[:：]|\d{1,8}\s*次?"
                           r"|[:：]\s*[\u4e00-\u9fff]{1,10}(?:\s*[:：]\s*[\u4e00-\u9fff]{0,10})*"  # a value cut from its label
                           # ("…来源" / ":刘红伟运营", "…来源" / ":   作者:")
                           rf"|(?:{META_STRONG})\s*[:：]\s*\d{{0,8}}"
                           # (a value's tail, then labels: "创录入者:奚斌寅", "会作者:浏览数:")
                           rf"|[\u4e00-\u9fff]{{1,6}}?(?:{META_DATED}|{META_STRONG})\s*[:：][^。，,；;！？!?:：]{{0,20}}"
                           rf"(?:(?:{META_DATED}|{META_STRONG})\s*[:：][^。，,；;！？!?:：]{{0,20}})*"
                           r"|(?=.{0,30}$)(?=.*[|｜\d])(?:[A-Za-z0-9()（）\[\]【】\u00e0-\u01dc\s|｜:：./\-]|\d+\s*次(?:浏览|点击|阅读)"
                           r"|[\u4e00-\u9fff]{1,4}\s*[:：])+")


# a site's top bar offering a mailbox or a number ("职工投稿: …@163.com"): no title line holds one
TOP_BAR_FIELD = re.compile(r"(?:投稿|邮箱|信箱|热线|电话)\s*[:：]\s*[A-Za-z0-9][\w.\-]*@|(?:热线|电话)\s*[:：]\s*\d{3,}")


def top_bar(t: str) -> bool:
    """A short line offering a mailbox or a number, no sentence: a site's top bar."""
    return len(t) <= 40 and not re.search(r"[。，；！？]", t) and bool(TOP_BAR_FIELD.search(t))
