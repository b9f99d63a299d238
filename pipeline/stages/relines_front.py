"""Front cuts of a run-on line (issue 11): where the 版头, the 发文字号, the
title, a 签发人 or a page's meta line, and the 主送机关 end when the top of a
notice arrives on one line ("校工会[2012]1号关于…的通知各分工会:庆祝…").
:mod:`pipeline.stages.relines` applies them with the tail cues to the first
lines of a notice; they read text cues only, never layout.
"""
from __future__ import annotations

import re
from typing import Optional

from extractors.doc_number import own_number as parse_doc_number
from extractors.doc_number import bare_lead, parse as parse_any_number
from extractors.orgs import is_org_name, title_endings
from pipeline.stages.chrome import BRACKET_LABEL, BREADCRUMB, CATALOGUE_LABELS, CLOCK_RUN, CUT_SHORT, META_DATED, META_LABELS, META_STRONG, PAGE_NUMBER

# Words that open a 主送机关 ("各县总工会", "全体教职工", "所属各分会", "市直各单位").
ADDRESSEE = re.compile(r"^(?:各|全体|全(?:校|院|系|厂|局|公司|集团|市|区|县)|所属|校内|院内|机关|集团|公司|本|直属|有关|市直|区直|县直|市总|"
                        r"[\u4e00-\u9fff]{0,12}(?:各|全体))")
# Words that open a sentence of the body, never an addressee or a title.
SENTENCE_OPENER = _SENTENCE = re.compile(r"^(?:为了?|根据|按照|依据|经|现将|现就|接|近日|值此|随着|在|由于|鉴于|今年|目前)")
STOP = "。！？!?"


def looks_like_recipients(t: str) -> bool:
    """True when ``t`` (without its colon) reads as a 主送机关: short (a
    provincial list of many bodies, four or more separators, may run to 200
    characters), no sentence end, not a sentence opener ("为…", "根据…") nor
    the "…通知如下" lead-in of the body (real/webpages D_15, excerpts E_18)."""
    t = t.strip()
    limit = 200 if len(re.findall(r"[、，,]", t)) >= 4 else 120
    if not (2 <= len(t) <= limit) or any(c in t for c in STOP) or t.endswith("如下"):
        return False
    if _SENTENCE.match(t) or re.search(r"如下|以下|下列|做好|务必|要求|请各|(?:事项|内容|安排|情况)(?:主要)?(?:有|是|为)$", t):
        return False  # "各单位要做好以下工作:", "…提出了如下决议:", "…的主要事项有:" is the body speaking
    if re.fullmatch(r"(?:说明|主旨|事由|附注|备注|注|要求|内容|正文|摘要|概要|简介|详情)", t):
        return False  # "说明:" a section label of a 函 (主旨/说明), or a page's "摘要:", never an addressee
    if re.match(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[\d~～\-—至]+\s*(?:月|日|号)", t):
        return False  # a report of a meeting opens with its day ("2019年5月9日上午…召开…"); a plan's "1~2月:"
    return not _PAGE_WORDS.search(t)


# A page's own words, never in an addressee ("分享到:", "字号:", "…作者: 浏览数:", "81 次浏览 | 分享到").
_PAGE_WORDS = re.compile(rf"[|｜]|分享到|字号|字体|[【\[]\s*(?:大|中|小|关闭|打印|收藏)\s*[】\]]"  # (a font widget's buttons)
                         rf"|(?<!工)(?:{META_DATED}|{META_STRONG})")  # (not 工作者)


def _addressee(t: str) -> bool:
    """``t`` reads as a 主送机关: it opens with an addressee word, or all its
    items are organisation names ("分(直属部门)工会")."""
    if not looks_like_recipients(t):
        return False
    items = [x for x in re.split(r"[、，,]", t) if x]
    # "新乡经济开发区、各乡(镇)总工会,各系统工会": a named body first, then 各… items
    # ("赵家区委、各乡镇党委、…、各企业党组及社会团体": the last item an addressee word's)
    listed = len(items) > 1 and bool(re.fullmatch(r"[\u4e00-\u9fff（）()]{2,12}", items[0])) and any(
        ADDRESSEE.match(x) for x in items[1:]) and (
        is_org_name(items[-1]) or bool(re.match(r"各|全体|所属|有关", items[-1])))
    # (a reply to one deputy or member: "…建议的答复李永福代表:")
    one_person = bool(re.fullmatch(r"[\u4e00-\u9fff]{2,4}(?:代表|委员|同志)", t))
    # (a body's members or parts: "…大赛领导小组各成员单位", "市总工会各部门")
    body = re.fullmatch(r"(.{2,30}?)各(?:成员单位|部门|处室|科室|直属单位|下属单位)", t)
    members = len(items) == 1 and bool(body) and is_org_name(body.group(1))
    return bool(ADDRESSEE.match(t)) or listed or one_person or members or (
        bool(items) and all(is_org_name(x) for x in items))


def title_like(t: str) -> bool:
    """A title up to a 文种 word: no sentence end, and either a 关于 title or
    short and without commas."""
    if not (4 <= len(t) <= 120) or any(c in t for c in STOP + ":：") or _SENTENCE.match(t):
        return False
    if t.count("《") != t.count("》") or "如下" in t:  # inside a cited 《title》; a lead-in
        return False
    return "关于" in t or (len(t) <= 50 and not re.search(r"[，,；;]", t))


def _title_end(t: str) -> Optional[int]:
    """End of a title that opens ``t`` and runs into the addressee
    ("关于…的通知各分工会:…") or the first sentence ("关于…的通知为进一步…"),
    or None."""
    colon = re.search(r"[:：]", t[:240])
    ends = [m.end() for w in title_endings() for m in re.finditer(re.escape(w), t[:200])]
    for e in sorted(set(ends), reverse=True):
        if not title_like(t[:e]) or e >= len(t):
            continue
        if colon and e < colon.start():
            rest = t[e:colon.start()]
            num = parse_doc_number(rest[:40])
            if num and num[1] == 0:  # "关于…的通知通工办〔2012〕178号市总各…工会:"
                rest = rest[num[2]:]
            else:  # (its brackets dropped: "…的通知建会函2023190号各市…:")
                rest = rest[bare_lead(rest):]
            if rest and _addressee(rest):
                return e
        if (t[:e].startswith("关于") or re.match(r"^[\u4e00-\u9fff]{2,30}关于", t[:e])) and (
                not colon or e < colon.start()):
            # no addressee: the title is followed by the body; the 文种 word
            # must close a "…的通知" phrase and come before the first comma
            # (a remark after the title, "…的通知（试行）", is not the body)
            first = re.search(r"[，,。]", t)
            body = len(t) - e >= 20 and first is not None
            if _OF_GENRE.search(t[:e]) and body and e < first.start():
                return e
        if (not colon or e < colon.start()) and _HEADING_THEN_LEAD.match(t[e:]) and _heading(t[:e]):
            return e  # "医院党委迎国庆活动方案为深入贯彻…,": a heading, then the body's lead clause
    return None


# The body's lead clause right after a heading with no 的-phrase ("…实施方案为落实…精神,"),
# never a phrase that continues the heading's own sentence ("…方案为依据", "…方案为准").
_HEADING_THEN_LEAD = re.compile(r"(?:为了?|根据|按照|依据)(?!依据|指导|准|主|重点|核心|基础|目标|载体|抓手|契机|例)"
                                r"[^。！？!?；;:：，,]{4,120}[，,]")


def _heading(t: str) -> bool:
    """``t`` reads as a heading that may open the text (8–60 characters,
    no comma, not the 以/按/依… of a phrase cut from a sentence)."""
    return 8 <= len(t) <= 60 and not re.search(r"[，,；;]", t) and not re.match(
        r"以|按|依|根据|为|将|把|对|并|和|及|与|各|全体|请", t)


# "…的通知", "…工作的实施方案": a 文种 word closing a 的-phrase (a few words may qualify it)
_OF_GENRE = re.compile("的[\u4e00-\u9fff]{0,3}(?:" + "|".join(map(re.escape, title_endings())) + ")$")


# the end of a name that a 机关代字 never reads as (a one-character 社/局/委 can: 国卫基层社卫便函)
_LONG_SUFFIX = re.compile(r"(?:工会|委员会|办公室|办公厅|公司|集团|大学|学院|学校|中心|协会|联合会|研究院|研究所)$")


def _header_before_number(t: str) -> Optional[int]:
    """Length of an organisation name run into the 机关代字 of a 发文字号
    that opens ``t`` ("贵州省总工会办公室黔工办发〔2020〕15号" → 9), or None.
    The 机关代字 is 2–8 characters; the longest name before it is taken."""
    m = re.search(r"[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]", t)
    if not m or not re.fullmatch(r"[\u4e00-\u9fff]{4,48}", t[:m.start()]):
        return None
    pre = t[:m.start()]
    if re.search(r"关于|转发|印发|根据", pre):  # a title or sentence citing a number
        return None
    for k in range(len(pre) - 2, 4, -1):  # (a name of 5+ characters: "国资党办群工〔2007〕" is one 机关代字)
        if len(pre) <= 8 and not _LONG_SUFFIX.search(pre[:k]):
            continue  # (nor is "国卫基层社卫便函": a 机关代字 whole, though "国卫基层社" ends like a 社)
        if len(pre) - k <= 8 and is_org_name(pre[:k]):
            return k
    return None


# An addressee printed without its colon, run into the body's first sentence.
_BARE_ADDRESSEE = re.compile(r"^(各[^，。:：；,;]{2,60}?(?:工会|单位|部门|小组|分会|委员会|学院|学校))"
                             r"(?=为了?|根据|按照|依据|现将|现就|接|近日)")


# The reposting body's words before the circular it forwards, ending in a colon
# ("附学院工会文件:", "转发市总工会文件：", "现转发县总工会通知如下：").
_REPOST_LEAD = re.compile(r"^\s*(?:下附|附|转发|现转发|现将)[^:：。，,；;]{0,30}(?:文件|通知)(?:如下)?\s*[:：]")


# A page's heading cut short ("…优秀共青团干部..doc:..", "转发《关于申报…...") run into
# the circular's own title in a one-line text.
_CUT_HEADING = re.compile(rf"^[^。：:]{{4,100}}?{CUT_SHORT}\s*(?=关于|转发)")


_SUMMARY_LABEL = re.compile(r"^\s*[【\[]\s*(?:概要描述|内容摘要|摘\s*要|概\s*要|导\s*读|内容提要)\s*[】\]]\s*[:：]?\s*")


def _lead_end(t: str) -> int:
    """Where words that stand before the notice's own first line end, 0 when
    none: the close of a page's bracketed meta line ("]各分会:"), a printed
    page's number ("1、- 1 -宜昌市…"), a sharing site's item number before a
    title run into its addressee ("1、关于…的通知各县区总工会:"), a page's
    truncated heading ("关于评选…干部..doc:..关于…"), the reposting body's
    words ("附学院工会文件:江西…")."""
    if t[:1] in "]】" and len(t) > 1:
        return 1
    summary = _SUMMARY_LABEL.match(t)
    if summary and summary.end() < len(t):
        return summary.end()  # "【概要描述】各…工会: 为…": the page's summary label before the notice's text
    page_no = PAGE_NUMBER.match(t)
    if page_no and page_no.end() < len(t):
        return page_no.end()
    half = re.match(r"\d{1,3}\s*[-—–]\s*(?=[\u4e00-\u9fff])", t)  # "1 -神工会文〔2017〕33号…": a page number that lost its first dash
    number = parse_doc_number(t[half.end():half.end() + 60]) if half else None
    if number and number[1] == 0:
        return half.end()
    item = re.match(r"\d{1,2}[、.．](?=关于)", t)
    end = _title_end(t[item.end():]) if item else None
    if end and re.match(r"(?:各|全体)[^。：:]{1,60}[:：]", t[item.end() + end:]):
        return item.end()
    cut_heading = _CUT_HEADING.match(t)
    if cut_heading:
        return cut_heading.end()
    lead = _REPOST_LEAD.match(t)
    return lead.end() if lead and lead.end() < len(t) else 0


def front_cuts(t: str) -> list[int]:
    """Cuts in a line at the top of a notice: after "XXX文件", around a
    发文字号 that opens it, after the title, after the addressee's colon."""
    cuts: list[int] = []
    pos = 0
    lead = _lead_end(t)
    if lead:
        return [lead] + [lead + k for k in front_cuts(t[lead:])]
    m = re.match(r"^(.{2,40}?)文件", t)
    if m and is_org_name(m.group(1)) and m.end() < len(t):
        pos = m.end()
        cuts.append(pos)
    code = _header_before_number(t[pos:pos + 80])
    if code:  # "宁波市鄞州区总工会鄞工〔2017〕21号": the 版头 name, then the number
        pos += code
        cuts.append(pos)
    hit = parse_doc_number(t[pos:pos + 60])
    opened = bool(hit and hit[1] <= 1 and re.search(r"[^\s)）\]］】]", t[pos + hit[2]:]))  # not "（…号）" alone
    if opened:
        pos += hit[2]
        cuts.append(pos)
    e = _title_end(t[pos:])
    after = parse_doc_number(t[pos:pos + 140])
    if not e and after and t[pos:pos + after[1]].rstrip().endswith(title_endings()) and title_like(
            t[pos:pos + after[1]].strip()):
        e = after[1]  # "关于…的通知 镇工〔2019〕8号": the number after the title on its line
    if not e:  # "关于…的通知发布时间:2025-03-18…": a page's meta line after the title
        e = next((m.end() for m in re.finditer("|".join(map(re.escape, title_endings())), t[pos:pos + 120])
                  if _META.match(t[pos + m.end():]) and title_like(t[pos:pos + m.end()])), None)
    if e:
        # a page heading or reposting title run into the circular's own
        # ("转发…的通知关于开展…的通知"): the last title starts at its 关于
        inner = [m.end() for m in re.finditer(r"(?:" + "|".join(map(re.escape, title_endings()))
                                              + r"|》)(?=关于)", t[pos:pos + e])]
        if inner:
            cuts.append(pos + inner[-1])
        # a page heading (or the reposting body's sentence), the 发文字号, then the
        # circular's own title, run together
        num = parse_any_number(t[pos:pos + e])  # (a number after a sentence reads as cited: it is not)
        before = t[pos:pos + num[1]].rstrip() if num else ""
        if num and num[1] > 0 and (before.endswith(title_endings()) or before[-1:] in "。.！!？?") and (
                title_like(t[pos + num[2]:pos + e].strip())):
            cuts += [pos + num[1], pos + num[2]]
        pos += e
        cuts.append(pos)
    hit = parse_doc_number(t[pos:pos + 60])
    lost = bare_lead(t[pos:]) if not hit and e else 0
    if lost:
        hit = (None, 0, lost)  # the number under the title, its brackets dropped
    bracketed = hit and hit[1] == 1 and t[pos] in "(（" and t[pos + hit[2]:pos + hit[2] + 1] in (")", "）")
    if e and hit and (hit[1] == 0 or bracketed) and pos + hit[2] < len(t):
        pos += hit[2] + (1 if bracketed else 0)  # the number under the title, "(衡工办发[2026]2号)" too
        cuts.append(pos)
        e2 = _title_end(t[pos:])  # a page heading, the number, then the circular's own title
        if e2 and pos + e2 < len(t):
            pos += e2
            cuts.append(pos)
    asides = _aside_cuts(t[pos:]) if e or hit or opened else []  # ("…13号字号:各…": a widget after the number)
    if asides:  # 签发人 or a page's meta line before the addressee
        cuts += [pos + a for a in asides]
        pos += asides[-1]
        own = [] if opens_addressee(t[pos:]) else front_cuts(t[pos:])
        if own:  # a page heading and its meta, then the notice's own 版头 or title ("…通知 发布时间:… 关于…的通知 各…:")
            return cuts + [pos + c for c in own]
    bare = _BARE_ADDRESSEE.match(t[pos:]) if (e or hit or asides) else None
    if bare and looks_like_recipients(bare.group(1)):  # "…作者:孙明各分工会、直属工会小组根据…": no colon
        return cuts + [pos + bare.end(1)]
    colon = re.match(r"^([^:：]{2,120})[:：]", t[pos:])
    if colon and pos + colon.end() < len(t) and _addressee(colon.group(1)):
        pos += colon.end()
        cuts.append(pos)
        lead = _REPOST_LEAD.match(t[pos:])
        if lead and not e and pos + lead.end() < len(t):  # "各位老师:附学院工会文件:…": the circular follows
            pos += lead.end()
            return cuts + [pos] + [pos + k for k in front_cuts(t[pos:])]
    if not e or t.startswith("转发"):
        cuts += [pos + k for k in _reposted(t[pos:])]
    return cuts


# A web page's meta line run into the text ("发布时间:2025-03-18来源:校工会浏览次数:256",
# "来源: | 作者: | 发布时间: 2020-04-14 | 81 次浏览 | 分享到:", "字体大小:"): labels with
# or without a value, a labelled or bare date, view counts, rules between fields.
_META_TOOL = (r"(?:字体大小|字号|字体|分享到)\s*[:：]\s*(?:[\[【(（]?\s*大\s*中\s*小\s*[\]】)）]?)?"  # no value of their own
              r"|[\[【](?:复制链接|打印|关闭|收藏)[\]】]|打印本页|关闭窗口")
_META_DATE = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
# a byline's name run into the page's date in figures ("办公室2011-07-18", "市直机关工委2025-07-16 19:03")
# (figures with hyphens only: a sentence writes its dates with 年月日)
_META_BYLINE = r"[\u4e00-\u9fff]{2,12}?(?:[（(][\u4e00-\u9fff]{2,4}[)）])?\s*\d{4}-\d{1,2}-\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
_LABEL = rf"[【\[]?(?:{META_LABELS})[】\]]?"  # (a label in brackets: "【发布时间】:2016-04-27")
# a law database's catalogue fields, each value up to the next label; the last one's value is
# empty where the notice's own title follows ("【法规类别】中华全国总工会办公厅关于…")
_CATALOGUE = (rf"[【\[]字体\s*[:：]|【(?:{CATALOGUE_LABELS})】"
              r"(?:[^【]{1,30}?(?=【)|(?=[^【]{0,20}关于)|$)")
# a label in brackets needs no colon ("【作者/来自】网站管理员【点击次数】634次"): its value runs to the next
# bracket, an addressee or a title
_BRACKETED = (rf"{BRACKET_LABEL}\s*[:：]?\s*"
              r"(?:\d+\s*次|[\u4e00-\u9fffA-Za-z]{1,20}?(?=[【\[]|各|全体|关于|$))")
# (a value never opens with a title's 关于: "点击次数: 关于建立 各协作片…的通知" is an empty count, then the title;
# a field may open with a list's dash: "- 分类:行业资讯 - 作者: - 来源:")
# a count's label takes figures only ("点击数: 校内各单位:" is an empty count, then the addressee);
# a page's widget words after it ("浏览:10设置", "点击量:加载中...")
_COUNT = (r"(?:点击|浏览|阅读|访问|评论)(?:次数|人数|数量|数|量|率)?\s*[:：]\s*(?:\d*\s*次|\d+)?"
          r"(?:\s*(?:设置|加载中\.{0,3}|举报))?")  # ("评论:0举报": a comment count and its report button)
_META = re.compile(rf"^(?:\s*(?:-\s*)?(?:(?:(?:{_LABEL}|发表于)\s*[:：]?\s*)?{_META_DATE}|{_META_BYLINE}"
                   rf"|{_META_TOOL}|{_CATALOGUE}|{_COUNT}|{_LABEL}\s*[:：]\s*(?:\d*\s*次"  # (a count the page left empty: "访问量:次")
                   rf"|\d+"
                   rf"|(?!关于|转发)[\u4e00-\u9fffA-Za-z]{{1,20}}?(?=\s|[|｜•·]|-?\s*(?:{_LABEL}|字体大小|字体|字号|分享到)\s*[:：]|打印本页|关闭窗口|各|全体|\d{{4}}[-/.]\d|$))?"
                   rf"|{_BRACKETED}"
                   r"|\d+\s*次(?:浏览|点击|阅读))(?:\s*[|｜•·])*)+")  # (a rule only between fields)


def _aside_cuts(t: str) -> list[int]:
    """Where 签发人 or a page's meta line that opens ``t`` ends, and the page's
    summary label after it ("…访问量: 【概要描述】各…:"); [] when none, or nothing follows."""
    aside = aside_end(t)
    if not aside or aside >= len(t):
        return []
    summary = _SUMMARY_LABEL.match(t[aside:])
    return [aside] + ([aside + summary.end()] if summary and aside + summary.end() < len(t) else [])


def aside_end(t: str) -> int:
    """Length of a 签发人 or a page's meta line that opens ``t`` before the
    addressee (0 when none): "签发人:何建平各乡镇工会:…" → the name ends where
    an addressee begins."""
    m = re.match(r"签发人\s*[:：]\s*", t)
    if m:
        for k in (2, 3, 4):
            rest = t[m.end() + k:]
            colon = re.match(r"([^:：]{2,120})[:：]", rest)
            if colon and re.match(r"各|全体|所属|市直|区直|县直|校内|院内|有关", rest) and _addressee(colon.group(1)):
                return m.end() + k
        return 0
    m = _META.match(t)
    return m.end() if m else 0


def _reposted(t: str) -> list[int]:
    """Cuts where a reposted circular starts after the reposting body's
    sentences ("接市教育工会通知，现转发如下…。关于举办…的通知绍市教工〔2022〕
    11号各区…工会：…"): after a sentence end, a title with an addressee."""
    for m in re.finditer(r"[。！？!?]|如下[:：]?", t[:400]):
        rest = t[m.end():]
        lead = _REPOST_LEAD.match(rest)  # "…报名。下附西大工会比赛通知:关于举办…的通知各基层分会:"
        if lead and _title_end(rest[lead.end():]):
            return [m.end(), m.end() + lead.end()] + [m.end() + lead.end() + k for k in front_cuts(rest[lead.end():])]
        e = _title_end(rest)
        colon = re.search(r"[:：]", rest[:240])
        if e and colon and e < colon.start():
            return [m.end()] + [m.end() + k for k in front_cuts(rest)]
    return []


# Words of a sentence citing a title, never page chrome ("根据《关于…", "根据上级关于…").
_CITES = re.compile(r"(?:根据|按照|依据|贯彻|落实|执行|学习)[^|>]{0,12}$|(?:转发|印发|关于|及|和|与|并|、|《|“|「|\x22|的)$")
# Page chrome inside a cut title: rules, breadcrumb arrows, a date (a site's clock), a word of
# the site's menu in Latin letters, a forum's tag ("…注册[政务]…") after other words.
_NOT_TITLE = re.compile(r"[|｜>＞»›]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日\s*星期|[A-Za-z]{3}|.[\[【][\u4e00-\u9fff]{1,4}[\]】]"
                        r"|设为首页|加入收藏|相关栏目")  # (a site's top bar or column: "设为首页 + 加入收藏 …群团工作 关于…")


def opens_with_title(t: str) -> bool:
    """``t`` opens with a title that :func:`front_cuts` cuts off as such (an
    enclosed plan printed after the 成文日期: "海南省总工会关于…方案 为…")."""
    return _title_cut(t) is not None


def _title_cut(t: str) -> Optional[int]:
    """End of the title :func:`front_cuts` cuts off at the start of ``t``
    (before an addressee, a page's meta line, a 发文字号 or the body), None
    when it cuts none or the title holds page chrome."""
    for c in front_cuts(t)[:3]:
        if t[:c].endswith(title_endings()) and title_like(t[:c]):
            return None if _NOT_TITLE.search(t[:c]) else c
    return None


def _candidates(t: str, word_starts: frozenset[int]) -> list[int]:
    """Where a title may start in ``t``: at 关于/转发 (moved back over an
    organisation name run into it, "汶上县总工会关于…"), at a 发文字号 after a
    printed space, then at any other word after a printed space."""
    titles = []
    for m in re.finditer(r"关于|转发", t[:400]):
        s = m.start()
        while True:  # "延安市总工会 延安市融媒体中心关于…": every issuer named before 关于
            k = max((k for k in word_starts if s - 30 <= k < s and "\u4e00" <= t[k] <= "\u9fff"
                     and is_org_name(t[k:s]) and t[k - 1:k] not in tuple("»›>＞|｜")), default=None)  # (no breadcrumb step)
            if k is None:
                break
            s = k
        titles.append(s)
    # the step after a breadcrumb's last arrow ("您的位置:首页>通知公告>职工…的通知")
    steps = [m.end() for m in re.finditer(r"(?:>|＞|»|›)+\s*(?=[\u4e00-\u9fff])", t[:300])][-1:]
    clock = CLOCK_RUN.match(t)  # (the words of a site's clock are no title: "…星期六 谷雨 2023年…方案")
    words = sorted(k for k in word_starts if (clock.end() if clock else 0) <= k < 400)
    numbers = [k for k in words if (hit := parse_doc_number(t[k:k + 40])) and hit[1] == 0]
    return list(dict.fromkeys(titles + numbers + steps + words))


# A site's greeting in its banner ("欢迎您访问锦州市总工会网站!", "欢迎光临江岭市第十二中学!").
_GREETING = re.compile(r"欢迎(?:您|你)?(?:访问|光临|来到|进入|登录)[^。！？!?；;]{2,30}?[!！]")

def title_after_chrome(t: str, word_starts: frozenset[int] = frozenset()) -> int:
    """Where the notice's own title starts in a line that opens with a web
    page's chrome run on ("首页>通知公告 长沙市天心区总工会关于…的通知
    发布时间:…各…工会:…"), 0 when a title opens the line or none is found.
    ``word_starts`` are the text indices that followed whitespace in the raw
    line. The words before the title hold no sentence end, no open 《 or “
    and no citing verb, and :func:`front_cuts` must cut the title as such
    (issue 11: a title found inside a one-line text); with no title, an
    addressee after words that are only the page's (:func:`_bare_prefix`)
    starts the notice."""
    rule = len(t) - len(t.lstrip("|｜¦ "))  # (a page's column rule before it all: "|交通运输部…局关于…")
    if rule and re.match(r"[\u4e00-\u9fff]", t[rule:rule + 1]):
        return rule + title_after_chrome(t[rule:], frozenset(i - rule for i in word_starts if i > rule)) or rule
    if len(t) < 40 or any(not _NOT_TITLE.search(t[:c]) for c in front_cuts(t)[:3]):
        return 0  # the line opens with the notice's own parts (a title, a 版头, an addressee)
    for s in _candidates(t, word_starts):
        # (a site's greeting, and all above the breadcrumb, are no sentence of the notice)
        prefix = _GREETING.sub("", t[:s])
        crumb = list(BREADCRUMB.finditer(prefix))
        prefix = prefix[crumb[-1].start():] if crumb else prefix
        if s == 0 or re.search(r"[。！？!?；;]", prefix) or _CITES.search(prefix) or (
                prefix.count("《") > prefix.count("》") or prefix.count("“") > prefix.count("”") or prefix.count('"') % 2):
            continue
        if _title_cut(t[s:]) or (_bare_prefix(prefix) and opens_addressee(t[s:])):
            return s
    return 0


def _bare_prefix(prefix: str) -> bool:
    """Words before an addressee that are only a page's: meta fields
    ("浏览次数: 信息来源:…|"), or no Chinese at all ("| 2017-03-16", "1")."""
    m = _META.match(prefix)
    return bool(m and m.end() == len(prefix)) or not re.search(r"[\u4e00-\u9fff]", prefix)


def opens_addressee(t: str) -> bool:
    """``t`` opens with a 主送机关 and its colon ("各乡镇工会、市直基层工会:…")."""
    colon = re.match(r"^([^:：]{2,200})[:：]", t)
    # (not "关于…的通知各工会小组:": a title run into the addressee)
    # ("江南产业区工会,各县(区)总工会,…:": a named body, then 各… items)
    return bool(colon and _addressee(colon.group(1))) and not _title_end(t)


# the first word of an addressee found by a break alone (not "通知各…": a word run on before it)
_OPENS_AT_BREAK = re.compile(r"各|全体|所属|有关|市直|区直|县直|校内|院内|直属")


def addressee_at_break(t: str, word_starts: frozenset[int], limit: int = 400) -> list[int]:
    """Cuts around a 主送机关 left inside the top of a run-on line, when the
    front cues found none: an addressee that opens after a break the page
    printed (a space, a rule "|" or a meta value's figures: "浏览量:1550 各分工会:",
    "发布时间:2015-05-05 各部门、各工会小组:"), before any sentence ends,
    with body text after its colon. ``[start, end]`` of the addressee line,
    or ``[]``."""
    for p in range(1, min(len(t), limit)):
        if t[p - 1] in STOP:
            return []  # the body began: an addressee comes before its first sentence
        if not (p in word_starts or t[p - 1] in "|｜" or t[p - 1].isdigit()) or not _OPENS_AT_BREAK.match(t, p):
            continue
        colon = re.match(r"^([^:：]{2,200})[:：]", t[p:])
        if colon and ADDRESSEE.match(colon.group(1)) and _addressee(colon.group(1)) and (
                p + colon.end() < len(t)) and not _title_end(t[p:]):
            return [p, p + colon.end()]
    return []


# a page's dated meta opening a piece: a labelled date ("日期:2016年04月25日") or a byline and
# its date in figures ("北京市直机关工委 2025-07-31 18:12:46")
# (after labels the page left empty: "来源: 发布日期:2019-12-11")
DATED_META = re.compile(rf"(?:{_LABEL}\s*[:：]\s*)*(?:(?:{_LABEL}|发表于)\s*[:：]?\s*{_META_DATE}|{_META_BYLINE})")


_ITEM_START = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．])")


def heading_before_meta(t: str, word_starts: frozenset[int]) -> int:
    """Where a page's heading with no 文种 word ends when its dated meta line
    runs on after it ("建工学院开展读书日活动 日期:2016年04月25日 作者:…",
    "…知识竞赛启动 北京市直机关工委 2025-07-31 18:12:46 为深入…"), 0 when
    none. A byline needs the page's space before it (the name's start has
    no other cue); a labelled date does not."""
    for p in range(8, min(len(t), 61)):
        m = DATED_META.match(t, p)
        if not m or not _heading(t[:p]) or any(c in t[:p] for c in "。？?:：|｜>") or _ITEM_START.match(t):
            continue  # (not an item's label: "四、征集提案起止时间: 2024年…"; a headline may exclaim: "快来报名!…")
        if p not in word_starts and (t[p - 1] in "起止至截" or t[p - 2:p] in ("期限", "报名", "活动")):
            continue  # (a field's own label run on: "活动日期:", "截止时间:")
        labelled = not re.match(_META_BYLINE, t[p:])
        if labelled or p in word_starts:
            return p
    return 0
