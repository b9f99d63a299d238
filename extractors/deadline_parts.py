"""The parts of a deadline sentence (ANNOTATION.md "deadlines": "each deadline
also carries the action, what is delivered, to whom, any consequence"):
the governing verb (上报、报送、报名 …), the deliverable (a noun phrase:
参赛报名表和竞赛实施方案), the recipient body (市总工会经济技术部), the channel
(e-mail, paper, a system) and the consequence of missing it (视为放弃).
Also the clause and item-number cues, sentence spans and block headings that the
deadline and event rules share, and the vocabulary (``data/deadline_vocab.json``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from extractors import dates_cn
from extractors._common import ITEM_NUMBER, vocab  # noqa: F401  (ITEM_NUMBER: re-exported)
from extractors.dates_cn import S
from models.document import Document

_EMAIL_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+\-]*\s*[@＠]\s*[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_SYSTEM_RE = re.compile(r"(?:通过|登录|登陆|使用|利用|经由)(?P<sys>OA|钉钉|[^\s，。；、：:（）()“”]{2,14}?(?:系统|平台|网站|小程序|公众号))")
_ATT_RE = re.compile(
    rf"附件{S}(?P<list>[0-9一二三四五六七八九十]+(?:{S}(?:[、，,和及与]|[—–\-~至到]){S}(?:附件)?{S}[0-9一二三四五六七八九十]+)*)")
_DOC_NOUN = re.compile(r"(?:表|表格|材料|方案|名单|报告|总结|作品|申请书|推荐书|资料|信息|照片|视频|稿件|回执|清单)$")
_LEAD_NUM = re.compile(r"^(?:备注|注|说明)?[：:]?\s*(?:[0-9一二三四五六七八九十]+\s*[、.．)）])?\s*")
_THIS_TABLE = re.compile(r"(?:此|本|该|上述|以上)(?:表|表格|登记表|申报表|汇总表)")

# Characters after a one-character verb that make it part of another word.
_SINGLE_BAD_NEXT = {"报": "告表道纸刊名送批销账价酬警考到备请社", "送": "温达交审礼", "交": "流通易叉往",
                    "寄": "宿托语", "传": "统达真播承递"}


@lru_cache(maxsize=1)
def deadline_vocab() -> dict:
    """``data/deadline_vocab.json`` with its word lists compiled to regexes
    (``action_re``, ``label_re``, ``event_label_re``, ``relative_anchor_re``,
    ``cons_re``, ``org_re``); loaded once per process."""
    v = dict(vocab("deadline_vocab"))
    acts = sorted(v["actions"], key=len, reverse=True)
    v["action_re"] = re.compile("|".join(map(re.escape, acts)))
    # the listed labels, and the same heads with what is handed in between
    # ("征集作品时间", "报送材料截止日期"): label_patterns
    v["label_re"] = re.compile("|".join([*v["label_patterns"],
                                         *map(re.escape, sorted(v["labels"], key=len, reverse=True))]))
    v["event_label_re"] = re.compile(
        "|".join(map(re.escape, sorted(v["event_labels"], key=len, reverse=True))))
    v["relative_anchor_re"] = re.compile("|".join(map(re.escape, v["relative_anchor"])))
    v["cons_re"] = re.compile("|".join(map(re.escape, v["consequence"])))
    v["org_re"] = re.compile(
        "(?:" + "|".join(map(re.escape, sorted(v["org_suffix"], key=len, reverse=True))) + ")$")
    return v




def clause_start(sent: str, pos: int) -> int:
    """Start of the clause holding ``pos``: after the last ，/： before it, or
    at an item number (1、 （二） ③) between that and ``pos``."""
    cut = max(sent.rfind(c, 0, pos) for c in "，,：:") + 1
    for m in ITEM_NUMBER.finditer(sent, cut, pos):
        cut = m.start()
    return cut


# Objects that open with 书 after a verb that heads no noun (报送书面材料, 提交书目).
_OBJECTS_WITH_BOOK = ("书面", "书目", "书籍", "书法", "书画", "书记")


def find_action(sent: str, after: int) -> Optional[re.Match]:
    """The governing action verb: the first verb after ``after`` that is
    not the head of a noun (报名表, 申报书), else the last such verb before."""
    v = deadline_vocab()
    nouny = v["noun_after"]
    found_after: list[re.Match] = []
    found_before: list[re.Match] = []
    for m in v["action_re"].finditer(sent):
        nxt = sent[m.end():m.end() + 1]
        if m.group(0) == "上报" and nxt == "名" and sent[m.end():m.end() + 2] not in ("名单", "名册", "名额"):
            continue  # 网上报名: the verb is 报名 (but 上报名单 reports a list)
        if m.group(0) == "报到" and re.match(r"\s*(?:[，,。；;]|$)", sent[m.end():]) and re.search(
                r"(?:在[^，,。；;]{1,20}|向[^，,。；;]{1,10}|集合[^，,。；;]{0,6})$", sent[:m.start()]):
            continue  # "在…签到处报到", "集合完毕后向裁判长报到": arriving, nothing handed in
        single = len(m.group(0)) == 1
        if single:
            prev = sent[m.start() - 1:m.start()]
            # a one-character verb only where it cannot be part of a word
            # (报告, 报表, 送温暖, 交流) and where it governs: right after the
            # date cue, before 至/到/给, or after a 将/把 object ("将材料报县总工会")
            if nxt and nxt in _SINGLE_BAD_NEXT.get(m.group(0), ""):
                continue
            if not (nxt in "至到给" or prev in "前止将，,内并再）)》”" or m.start() == after
                    or re.search(r"[将把]", sent[min(after, m.start()):m.start()])):
                continue
        elif nxt and nxt in "表单书册稿件" and sent[m.end():m.end() + 2] not in _OBJECTS_WITH_BOOK:
            continue  # 报名表, 申报书, 登记册: the verb heads a noun (报送书面材料 / 书目 do not)
        elif nxt and nxt in nouny and m.group(0) in ("报名", "申报", "登记", "推荐", "确认", "完成"):
            continue  # 报名人数, 申报工作, 推荐名额 …
        (found_after if m.start() >= after else found_before).append(m)
    # 填写 governs only when no hand-in verb does ("填写附件…至…，同时提交电子版";
    # "报名时间:…，请填写报名表…": the registration)
    strong = [m for m in found_after if m.group(0) != "填写"]
    if strong:
        return strong[0]
    if found_before:
        return found_before[-1]
    return found_after[0] if found_after else None


# What is delivered is the object of 将/把 (a noun phrase), never the clause's
# subject ("各分工会要将申请报告…" → 申请报告) nor the channel after it
# ("将报名表通过OA发至…" → 报名表).
_OBJECT_MARK = re.compile(r"^.*?(?:将|把)(?=[^将把]{2,}$)")
_CHANNEL_TAIL = re.compile(r"(?:通过|经由|利用|使用|以)[^，,]*$")


def _clean_deliverable(s: str) -> Optional[str]:
    """The deliverable noun phrase in ``s`` (ANNOTATION.md: "what is
    delivered"), adverbs and lead verbs dropped; None when nothing is left."""
    v = deadline_vocab()
    s = s.strip(" ，,、：:")
    if "，" in s or "," in s:
        s = re.split(r"[，,]", s)[-1]
    s = _CHANNEL_TAIL.sub("", _OBJECT_MARK.sub("", s))
    changed = True
    while changed:
        changed = False
        for w in v["deliverable_lead"] + v["strip_deliverable"]:
            if s.startswith(w) and len(s) > len(w):
                s, changed = s[len(w):], True
        for w in v["strip_deliverable"]:
            if s.endswith(w) and len(s) > len(w):
                s, changed = s[:-len(w)], True
    s = s.strip(" ，,、：:")
    return s or None


def _org_prefix(s: str) -> Optional[str]:
    """The longest prefix of ``s`` that ends like an organisation."""
    v = deadline_vocab()
    cut = len(s)
    for w in v["channel_cut"]:
        i = s.find(w)
        if 0 <= i < cut:
            cut = i
    s = s[:cut]
    for end in range(len(s), 1, -1):
        if v["org_re"].search(s[:end]):
            return s[:end]
    return None


def parse_parts(sent: str, date_start: int, date_end: int, *,
                attachment_title: Optional[str] = None) -> dict:
    """action, deliverable, submit_to, channel and consequence of a deadline
    sentence whose date phrase spans ``date_start:date_end``."""
    out: dict = {"action": None, "deliverable": None, "submit_to": None,
                 "channel": None, "consequence": None}
    act = find_action(sent, date_end)
    post_from = date_end
    if act:
        out["action"] = act.group(0)
        if act.start() >= date_end:
            mid = sent[date_end:act.start()]
            k = max(mid.rfind("将"), mid.rfind("把"))
            if k >= 0:
                out["deliverable"] = _clean_deliverable(mid[k + 1:])
            else:
                to = re.search(r"向(?P<org>[^，,。]{2,20}?)$", mid)
                if to:
                    out["submit_to"] = _org_prefix(to.group("org"))
        else:  # "报送材料截止时间为…": the object sits between verb and date
            obj = re.sub(r"(?:的)?(?:截止|截至)?(?:时间|日期)?(?:为|是)?[：:]?$", "",
                         sent[act.end():date_start])
            if obj and _DOC_NOUN.search(obj):
                out["deliverable"] = _clean_deliverable(obj)
        post_from = act.end()
    post = sent[post_from:] if act and act.start() >= date_end else ""
    if act and post:
        lead = re.match(r"(?:至|到|给|交|于)", post)
        if lead:
            out["submit_to"] = out["submit_to"] or _org_prefix(post[lead.end():])
        else:
            seg = re.split(r"[，,。；;（(]", post, maxsplit=1)[0]
            m_to = re.search(r"(?:至|到|给)", seg)
            if m_to:
                obj, rest = seg[:m_to.start()], seg[m_to.end():]
                if obj and not out["deliverable"]:
                    out["deliverable"] = _clean_deliverable(obj)
                out["submit_to"] = out["submit_to"] or _org_prefix(rest)
            else:
                org = _org_prefix(seg)
                if org:
                    out["submit_to"] = out["submit_to"] or org
                elif seg and not out["deliverable"] and act.start() >= date_end:
                    d = _clean_deliverable(seg)
                    if d and _DOC_NOUN.search(d):
                        out["deliverable"] = d
    if not out["deliverable"]:
        pre = sent[clause_start(sent, date_start):date_start]
        pre = _LEAD_NUM.sub("", pre)
        pre = re.sub(rf"(?:由[^，,]*?)?(?:请|须|需|务必|应|要|并)?(?:于|在){S}$", "", pre)
        if _THIS_TABLE.search(sent):
            out["deliverable"] = attachment_title or _THIS_TABLE.search(sent).group(0)
        elif pre and _DOC_NOUN.search(pre):
            out["deliverable"] = _clean_deliverable(pre)
    chans = []
    for e in _EMAIL_RE.finditer(sent):
        chans.append("email:" + re.sub(r"\s", "", e.group(0)).replace("＠", "@").lower())
    if "纸质" in sent or "书面" in sent:
        chans.append("paper")
    for s_ in _SYSTEM_RE.finditer(sent):
        chans.append("system:" + s_.group("sys"))
        break
    out["channel"] = "; ".join(dict.fromkeys(chans)) or None
    c = deadline_vocab()["cons_re"].search(sent, date_end)
    if c:
        out["consequence"] = sent[c.start():].strip(" ，,。")
    return out


def named_attachments(sent: str) -> list[int]:
    """Attachment numbers a sentence names: 附件1、附件2 → [1, 2];
    附件1-3 → [1, 2, 3]; "见附件2…附件1" → [1, 2]."""
    nums: list[int] = []
    for m in _ATT_RE.finditer(sent):
        parts = re.split(r"(\s*[—–\-~至到]\s*)", m.group("list"))
        prev: Optional[int] = None
        rng = False
        for tok in parts:
            if re.fullmatch(r"\s*[—–\-~至到]\s*", tok):
                rng = True
                continue
            for n in re.findall(r"[0-9]+|[一二三四五六七八九十]+", tok):
                try:
                    k = dates_cn.cn_int(n)
                except ValueError:
                    continue
                if not 1 <= k <= 50:
                    continue  # "附件2 2017年…": a year, not an attachment number
                if rng and prev is not None and prev < k <= prev + 20:
                    nums.extend(range(prev + 1, k + 1))
                else:
                    nums.append(k)
                prev, rng = k, False
    return sorted(set(nums))  # in number order, whatever order the sentence names them


# "2016年…", and a date a web page prints in figures ("2016-04-25", "2016/4/25")
_YEAR_RE = re.compile(rf"(?<![0-9])((?:19|20)[0-9]{{2}})(?:{S}(?:学)?年|([-/.])[01]?[0-9]\2[0-3]?[0-9](?![0-9]))")


_NUMBER_YEAR = re.compile(r"[〔\[［【]\s*((?:19|20)[0-9]{2})\s*[〕\]］】]\s*第?\s*[0-9]{1,4}\s*号")


def text_year(doc: Document) -> Optional[int]:
    """The latest year printed in ``doc`` ("2026年5月15日", "2010年工会工作
    安排", "2015学年招生工作", a cited number's "〔2010〕15号"; a birth year "1986年1月1日以后出生" is earlier): real/README.md's
    year source when the notice has no 成文日期, 印发日期 or 发文字号. None
    when no year is printed."""
    years: set[int] = set()
    for t in (b.text or "" for b in doc.blocks):
        years |= {int(m.group(1)) for m in _YEAR_RE.finditer(t) if not _SPAN_END.search(t[max(0, m.start() - 16):m.start()])}
        # (a cited 发文字号's year is printed in the notice too: "《…的通知》(琼团联字〔2010〕15号)")
        years |= {int(m.group(1)) for m in _NUMBER_YEAR.finditer(t)}
    if not years:
        return None
    return max(years)


# a year closing a span that opened with another ("2017年6月至2018年10月"): the span's end, often
# a plan's last year, is no year of the notice (the year it opens is kept)
_SPAN_END = re.compile(r"(?:19|20)\d{2}\s*年[^。；;，,]{0,8}?(?:至|到|—|－|-|~|～)\s*$")


# An attachment's own label ("附件2", "附件 1:") — not a reference to it
# ("见附件2", "附件1、2", "（附件1）").
ATT_LABEL = re.compile(
    rf"(?<![见详如按和及与、（(])附件{S}(?:(?P<n>[0-9]{{1,2}})(?![0-9、，,和及至—\-）)])"
    rf"|(?P<c>[一二三四五六七八九十]{{1,3}})(?![一二三四五六七八九十、，,和及至—\-）)]))")
# A note of the table above: 备注：/注：/说明：, or the sentence names 此表/本表.
_NOTE_MARK = re.compile(r"(?:备注|注|说明)[:：]|(?:此|本)(?:表|表格)")


def label_number(m: re.Match) -> int:
    """The number of an :data:`ATT_LABEL` match (附件2 → 2, 附件二 → 2)."""
    return int(m.group("n")) if m.group("n") else dates_cn.cn_int(m.group("c"))


def note_attachment(text: str, s: int, pos: int, carried: Optional[int]) -> Optional[int]:
    """The number of the attachment whose notes hold the deadline ending at
    ``pos`` of ``text`` when the zones do not say (a page run onto one
    line): a note marker (备注：, 此表) precedes it in its sentence or the
    one before (from ``s``), and an attachment's
    label precedes the marker (in ``text``, or ``carried``: the last one in
    an earlier block). None otherwise."""
    marks = list(_NOTE_MARK.finditer(text, s, pos))
    if not marks:
        return None
    labels = list(ATT_LABEL.finditer(text, 0, marks[-1].start()))
    return label_number(labels[-1]) if labels else carried


# sentence ends and line breaks: where a deadline sentence stops
SENT_SPLIT = re.compile(r"[。；;！!？?\n]")


def sentence_spans(text: str, *, table: bool = False) -> list[tuple[int, int]]:
    """(start, end) of the sentences of a block: split on 。；！？ and line
    breaks (and cell tabs for a table block); empty spans dropped."""
    pat = re.compile(r"[。；;！!？?\n\t]") if table else SENT_SPLIT
    spans = []
    pos = 0
    for m in pat.finditer(text):
        if text[pos:m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


# a heading's numbering ("二、", "（三）", "1.")
HEADING_NUM = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十0-9]+[)）、.．]\s*)+")


def block_heading(text: Optional[str]) -> Optional[str]:
    """``text`` without its numbering when it looks like a heading (short, no
    sentence punctuation: "二、报名时间"), else None."""
    if not text:
        return None
    t = HEADING_NUM.sub("", text).strip(" ：:")
    if t != text.strip(" ：:") and re.fullmatch(r"[^。；，,]{2,12}[。.]", t):
        t = t[:-1]  # a numbered heading the page closed with a stop ("四、征稿时间。")
    if not t or len(t) > 20 or re.search(r"[。；，,]", t) or re.search(r"[:：]\s*\S", t):
        return None  # (nor a field with its value: "征稿:即日起——9月20日" heads no line under it)
    return t
