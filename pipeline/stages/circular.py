"""Is this a circular? (issue 11 "Bad input").

A document that is not a 公文 — a news report about a circular, a meeting
report — has no record to give: every field is empty and the
``not_a_circular`` warning says why, so nothing is invented from it (the
news reports in ``../shared/real/excerpts`` have empty gold).

It is not a circular when it has none of the elements only a circular has
(标题, 发文机关, 发文字号, 主送机关), or when it reads as a news report (a
dateline "…日报讯", "记者"/"通讯员" bylines, "来源：…") and has neither a
主送机关 nor a 发文字号 — a report may quote a notice's title and its issuer,
it never addresses recipients.
"""
from __future__ import annotations

import re

from models.common import Warning_
from models.document import Document
from models.notice import Notice
from extractors.contact_fields import is_name
from extractors.orgs import title_endings
from pipeline.stages.chrome import is_page_chrome

# Cues of a news report, each with the shape of its line: a dateline opening
# the text ("厦门日报讯", "本报讯", "新华网讯"), a byline in brackets ("（记者
# 何无痕）") or alone on a short line ("本报记者 陈素萍", "通讯员 郑杰"), a
# source line ("来源:厦门日报"), an agency dateline ("新华社杭州5月3日电").
_NEWS = (
    re.compile(r"^[\u4e00-\u9fff]{0,8}(?:日报|晚报|时报|本报|新闻网|网|电视台)(?:\d{1,2}月\d{1,2}日)?讯"),
    re.compile(r"[（(](?:本报|全媒体|融媒体|首席)?(?:记者|通讯员)[^（()）]{1,20}[）)]"),
    re.compile(r"^(?:本报)?(?:记者|通讯员|实习生)[\s\u4e00-\u9fff、]{2,20}$"),
    re.compile(r"^(?:来源|稿源|文/图|责任编辑)[:：]"),
    re.compile(r"^新华社[\u4e00-\u9fff]{0,6}\d{1,2}月\d{1,2}日电"),
    # the byline closing a report run onto one line ("…上报。本报记者 陈素萍 通讯员 郑杰")
    re.compile(r"[。！？!?]\s*(?:本报)?(?:记者|通讯员|实习生)[\s\u4e00-\u9fff、]{2,20}$"),
)
# a page's meta line naming a newspaper or news site as its source ("来源:驻马店日报")
# ("来源:人民铁道网-人民铁道报": a site and its paper; a newspaper's name ends in 报)
_NEWS_SOURCE = re.compile(r"来源\s*[:：]\s*(?:[\u4e00-\u9fff]{2,12}[-—·/])?[\u4e00-\u9fff]{0,12}"
                          r"(?:日报|晚报|时报|商报|报社|新闻网|新闻中心|电视台|广播电视台|融媒体中心|[\u4e00-\u9fff]{2}报(?![告名送表刊]))")
_DATELINE_AFTER_HEADLINE = re.compile(r"[”\"》\s][\u4e00-\u9fff]{0,8}(?:日报|晚报|时报|本报|新闻网|网|电视台)讯")
# The fields a circular record holds besides the header ones; emptied for a
# document that is not a circular.
_EMPTIED = {"issuers": [], "doc_number": None, "title": None, "recipients": None,
            "signed_date": None, "signed_date_evidence": None, "printed": None, "cc": [],
            "cc_evidence": None, "deadlines": [], "events": [], "contacts": [], "targets": [],
            "attachments": []}


# Cues of a report on what happened (a meeting, an event): past-tense
# narrative a circular never uses about its own matter.
_NARRATIVE = re.compile(r"会上[，,]|会议由[\u4e00-\u9fff]{1,20}主持|"
                        # (not asked of the reader: "请与会人员准时出席会议", "确保代表按时出席会议", "代表出席会议,要着正装")
                        r"(?<!请)(?<!按时)(?<!准时)(?<!确保)(?<!务必)(?<![须应要需])(?:出席|参加了)(?:会议|活动|仪式)(?![，,]?(?:要|须|应|需|时|期间))|"
                        r"^(?:日前|近日)[，,]|"
                        # a report's lede opens on the day of the event ("8月7日至9日,…带队到…"); a
                        # circular's own plan says 将/拟/要/请 ("5月20日,我会将举办…")
                        r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[至到—\-－]\d{1,2}日)?(?:上午|下午|晚上?)?[，,](?![^。]*?(?:将|拟|要|请|须|需|应))|(?:召开|举行|举办|成立|开展|组织|发放|下发|印发|发出)了|(?:日前|近日)(?:印发|下发|发出)(?:了)?通知|(?:^|[。！？!?])据(?:悉|了解)[，,]|记者从[\u4e00-\u9fff]{2,20}(?:获悉|了解到)")


_CLOSING_FORMULA = re.compile(r"^特此(?:通知|公告|通告|函告|函复)[。!！]?$")


def is_news_report(doc: Document) -> bool:
    """True when a line at the start or the end of ``doc`` carries a news
    dateline, byline or source line."""
    page = [b.text for b in doc.blocks if b.kind == "paragraph" and b.text]
    if any(_NEWS_SOURCE.search(t) for t in page[:8] if is_page_chrome(t)):
        return True  # the page's meta line names a newspaper as the source
    if any(m.end() == len(t.rstrip()) for t in page[:3] for m in _NEWS_SOURCE.finditer(t)):
        return True  # (or its source run onto the headline: "…高技能人才 • 来源:三秦都市报")
    # (the page's breadcrumb, headline meta and separators above the report do not count)
    lines = [t for t in page if not is_page_chrome(t)]
    ends = lines[:3] + lines[-3:]
    # the headline and its dateline pasted onto one line ("…中国梦”中工网讯为深入…")
    opening = "".join(lines[:8])[:120]  # (the first lines only: a huge paste is not joined whole)
    # (a newspaper's page: its section and page links above the headline, the dateline under it)
    dated = any(_NEWS[0].search(t) and _NEWS[1].search(t) for t in lines[:25])
    return any(rx.search(t) for t in ends for rx in _NEWS) or bool(_DATELINE_AFTER_HEADLINE.search(opening)) or dated


_AUTHOR = re.compile(r"(?:作者|记者|撰稿|文/图)\s*[:：/]\s*([\u4e00-\u9fff]{2,4}?)"
                     r"(?=\s*(?:来源|编辑|责任编辑|审核|发布|浏览|点击|阅读|时间|日期|[\s|｜/]|$))")


def _personal_byline(doc: Document) -> bool:
    """A page line near the top names a person as the author ("作者: 岳建军")."""
    top = [b.text for b in doc.blocks[:8] if b.kind == "paragraph" and b.text]
    return any(is_name(m.group(1)) for t in top if is_page_chrome(t) for m in _AUTHOR.finditer(t))


def _narrative(doc: Document) -> bool:
    return any(_NARRATIVE.search(b.text) for b in doc.blocks if b.kind == "paragraph")


def check(notice: Notice, doc: Document) -> None:
    """Add the ``not_a_circular`` warning to ``notice`` (in place) when
    ``doc`` has none of a circular's header elements or is a news report
    (see the module doc). Its fields are emptied only on positive evidence
    of a report (news cues, or narrative with no header element): a passage
    cut from a circular keeps the deadlines and contacts it holds."""
    header = notice.title or notice.issuers or notice.doc_number or notice.recipients
    # (a notice that closes with 特此公告/特此通知, its 署名 and 成文日期 is the issuer's own,
    # whatever editor's line the page prints under it: "…特此公告 / X联合工会 / 2015年2月10日 / 责任编辑:…")
    closes = notice.signed_date is not None and any(i.source == "signature" for i in notice.issuers) and any(
        _CLOSING_FORMULA.match(b.text) for b in doc.blocks if b.kind == "paragraph")
    news = is_news_report(doc) and not notice.recipients and not notice.doc_number and not closes
    # a headline with no 文种 word under which the page names a person as the author
    # ("…总工会开展安全生产月系列活动" / "2021-06-03 作者: 岳建军 来源: …总工会"): a report
    typed_title = bool(notice.title) and notice.title.text.rstrip("》”\" ").endswith(title_endings())
    news = news or (not typed_title and _personal_byline(doc) and not (notice.recipients or notice.doc_number or closes))
    # a meeting report may close with its writer's name ("…取得好成绩。 校 工 会"):
    # a name alone does not make narrative a circular
    # (nor does a headline with no 文种 word: "某工会组织开展征文活动" over "据悉，…")
    # (nor is narrative a report when the text closes as a notice does: contacts, then a
    # signature and its 成文日期 — "…联系电话:… 地址:… / 湖北省总工会 / 2021年9月14日")
    signed = notice.signed_date is not None and any(i.source == "signature" for i in notice.issuers) and bool(
        notice.contacts)
    named_only = not (typed_title or notice.doc_number or notice.recipients or signed)
    if header and not news and not (named_only and _narrative(doc)):
        return
    if news or _narrative(doc):
        for name, empty in _EMPTIED.items():
            setattr(notice, name, empty.copy() if isinstance(empty, list) else empty)
        message = "a news or meeting report, not a circular: nothing extracted"
    else:
        message = "no title, issuer, 发文字号 or 主送机关 found: probably not a circular"
    notice.warnings.append(Warning_(code="not_a_circular", message=message))
