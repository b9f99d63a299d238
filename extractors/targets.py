"""Quantitative targets (目标任务) — ANNOTATION.md "targets".

``extract(doc) -> list[Target]``: every number with a unit (or a
percentage) that the notice sets for its recipients or the issuer's own plan.

Rules, in order, for each number found in a sentence (``。；`` split) of a
paragraph block outside the 版头, title, 主送, 附件说明, signature, date and
版记 zones (table blocks are skipped: scoring rules and blank form fields
live there):

1. Shape: Arabic digits (``2,000``, ``1.5``), a multiplier (``30万`` →
   300000, ``5万件``), Chinese numerals (``三十`` → 30, via cn2an on the
   isolated span only — never ``cn2an.transform`` on running text),
   ``百分之九十``, ranges (``1-2场``, ``2至3场``, ``10%-20%``), followed by a
   unit of ``data/target_units.json`` (``％`` → ``%``, ``人（次）`` → 人次).
   A unit followed by a word that makes it a duration/date (``15个工作日``)
   is not a unit.
2. Not targets: numbers inside quotation marks or 《》 (slogans such as
   “三个到位”), ordinals and ranks (``第二届``, ``前3名``), counts of what
   exists (``现有12支``) unless a comparator goes with them, format specs
   (``一式3份``), award counts (``一等奖1名``), eligibility thresholds,
   structure descriptions (``分为3个组``); then the clause evidence of
   ``extractors.target_evidence`` (examples, the past, what exists, fees and
   subsidies, schedules, the issuer's capacities; a 其中-clause shares the
   fate of the number it splits; ``target_sections``: a condition on a count,
   如…人数少于20人, a tally a structure splits, a quota handed to the issuer). Chinese numerals also need a cue:
   ``一`` only with a comparator (``至少一个``: ``一支队伍`` is an article)
   or in a request to nominate (请…推荐一名), others with a comparator or a
   target verb right before (建立, 举办 …),
   and never in a heading line (``三、深化开展五项劳动竞赛``).
3. Comparator: a word right after the unit (以上 → ``>=``; 以下/以内 →
   ``<=``), else right before the number (不少于/至少/达到 → ``>=``;
   不超过/控制在/限报 → ``<=``), else 力争/确保 earlier in the sentence →
   ``>=``; a range → ``range``; otherwise ``=``.
4. Metric, scope, qualifier (:mod:`extractors.target_metric`): the clause before the number (from the
   previous number or the last ``，：`` outside brackets) minus the comparator
   words; a scope phrase (全市…企业, 每个乡镇（街道、园区）) is split off;
   leading verbs/adverbs are stripped; when nothing is left the noun phrase
   after the unit is the metric (``建立30个…创新工作室``), else the previous
   target's metric in the sentence (``（每个县、市、区至少一个）``). A
   ``每…``-phrase is also the per-unit ``qualifier``; ``各1个`` has
   qualifier ``各``.

5. Sections: a sentence under a heading of conditions a candidate must
   meet (二、评比条件, 申报条件, 推荐标准) gives no target unless it speaks
   of the nominated set (推荐的…中…比例不低于70%) — eligibility thresholds
   are not targets (ANNOTATION.md).

One target per printed number: ``各1个`` and ``均达到70%以上`` count once.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from extractors import target_evidence, target_metric, target_sections
from extractors._common import evidence, vocab
from models.document import Document
from models.targets import Target

_CN = "零〇一二两三四五六七八九十百千"
_SKIP_ZONES = ("head", "title", "recipients", "attachment_list", "signature", "date", "record", "page")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])")
_SENT = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")


@lru_cache(maxsize=None)
def _cands_re() -> re.Pattern:
    u = vocab("target_units")
    units = "|".join(re.escape(a) for a, _ in sorted(u["units"], key=lambda x: -len(x[0])))
    mult = "|".join(u["multipliers"])
    num = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN}]+)"
    sep = r"\s*(?:-{1,2}|—{1,2}|–|~|～|至|到)\s*"  # (a dash typed twice: "10--20条")
    return re.compile(
        rf"(?<![A-Za-z0-9.@_\-])(?:百分之(?P<pct>{num})"
        rf"|(?P<a>{num})(?P<am>{mult})?(?P<apct>%|％)?(?:{sep}(?P<b>{num})(?P<bm>{mult})?)?"
        rf"\s*(?:余|多)?\s*(?P<unit>{units}))"
    )


def _is_heading(text: str) -> bool:
    """A numbered heading line (三、深化开展五项劳动竞赛活动): an enumerator,
    short, and no sentence end or clause break (a wrapped first line of an
    item, "（一）全年建设服务站三十个，每个区县（市）", is no heading)."""
    t = text.strip()
    return bool(_HEADING.match(t)) and len(t) < 40 and not re.search(r"[。，；,;]", t)


def _num(s: str) -> float:
    """A numeral span as a number: Arabic digits directly, Chinese numerals
    (三十, 两千零五, 三十万) with cn2an on the isolated span only — never its
    whole-text transform, which turns 九江 into 9江. cn2an is imported on the
    first Chinese numeral, once per process."""
    s = s.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    import cn2an

    return float(cn2an.cn2an(s, "smart"))


def _is_cn(s: str) -> bool:
    return not any(c.isdigit() for c in s)


def _depth_mask(sent: str) -> list[bool]:
    """For each character: is it inside “…”, ‘…’, 《…》 or "…" (half-width
    quotes open and close alike: odd ones open)?"""
    out, depth, ascii_open = [], 0, False
    for c in sent:
        if c == '"':
            ascii_open = not ascii_open
            depth = depth + 1 if ascii_open else max(0, depth - 1)
            out.append(True)
            continue
        if c in "“‘《":
            depth += 1
            out.append(True)
            continue
        if c in "”’》":
            depth = max(0, depth - 1)
            out.append(True)
            continue
        out.append(depth > 0)
    return out


def _clause_start(sent: str, pos: int, floor: int) -> int:
    """Start of the clause holding ``pos``: after the last ``，,：:`` outside
    brackets and quotes, or after an opening bracket that holds ``pos``;
    never before ``floor``."""
    depth = 0
    for i in range(pos - 1, floor - 1, -1):
        c = sent[i]
        if c in "）)”’》":
            depth += 1
        elif c in "（(“‘《":
            if depth:
                depth -= 1
            elif c in "（(":
                return i + 1  # the number sits inside this bracket
        elif depth == 0 and c in "，,：:":
            return i + 1
    return floor


def _endswith_any(s: str, words) -> Optional[str]:
    for w in sorted(words, key=len, reverse=True):
        if s.endswith(w):
            return w
    return None


def _comparator(sent: str, ns: int, ne: int, seg: str, is_range: bool, cues: dict) -> tuple[str, int, int]:
    """(comparator, chars of cue before the number, chars of cue after the unit)."""
    after = sent[ne:ne + 4]
    for w in sorted(cues["ge_after"], key=len, reverse=True):
        if after.startswith(w):
            return ("range" if is_range else ">="), 0, len(w)
    for w in sorted(cues["le_after"], key=len, reverse=True):
        if after.startswith(w):
            return ("range" if is_range else "<="), 0, len(w)
    if is_range:
        return "range", 0, 0
    core, cue = _strip_cues(seg, cues)
    if not cue:  # 至少举办二场: a target verb between the cue and the number
        v = _endswith_any(seg.rstrip(), cues["target_verbs"])
        if v:
            core, cue = _strip_cues(seg.rstrip()[: -len(v)], cues)
    if not cue:  # 至少新培育…各1个, 至少评选出“金点子”10项: cue, verb, object, number
        verbs = "|".join(sorted(cues["target_verbs"] + cues["award_soft"], key=len, reverse=True))
        lead = "|".join(sorted(cues["ge_before"] + cues["le_before"], key=len, reverse=True))
        m = None
        for m in re.finditer(rf"({lead})(?=新?(?:{verbs}))", seg):
            pass
        if m:
            w = m.group(1)
            return ("<=" if w in cues["le_before"] else ">="), 0, 0
    if cue:
        return ("<=" if cue in cues["le_before"] else ">="), len(seg) - len(core), 0
    if any(c in sent[:ns] for c in cues["ge_sentence"]):
        return ">=", 0, 0
    return "=", 0, 0


def _strip_cues(seg: str, cues: dict) -> tuple[str, Optional[str]]:
    """``seg`` without the comparator words and fillers at its end
    (``…参与率均达到`` → ``…参与率``), and the comparator word found."""
    found = None
    s = seg.rstrip()
    while True:
        w = _endswith_any(s, cues["le_before"] + cues["ge_before"])
        if w and found is None:
            found = w
        if not w:
            w = _endswith_any(s, cues["fillers_before"])
        if not w:
            return s, found
        s = s[: -len(w)].rstrip()


def _zone_skip(doc: Document) -> set[int]:
    z = doc.zones
    if z is None:
        return set()
    out: set[int] = set()
    for n in _SKIP_ZONES:
        v = getattr(z, n)
        if v is None:
            continue
        out.update(v if isinstance(v, list) else [v])
    return out


def _shape(m: re.Match, units: dict) -> Optional[tuple[str, Optional[str], str, str, int]]:
    """(a, b, unit, unit as printed, end of the number's unit) of one
    candidate match, or None when its shape is not a count."""
    unit_raw, ne = m.group("unit"), m.end()
    if m.group("pct") is not None:
        if unit_raw:
            ne = m.start("unit")  # 百分之九十 has no printed unit after it
        return m.group("pct"), None, "%", unit_raw or "%", ne
    unit = units[unit_raw]
    if m.group("apct") and unit != "%":
        return None
    return m.group("a"), m.group("b"), unit, unit_raw, ne


def _after_unit_bars(rest: str, unit_raw: str) -> bool:
    """True when the words after the unit make it a duration, date part or
    rank (``15个工作日``, ``次年``); a bracket right after the unit is
    skipped (``5个（独立）教学节段``)."""
    rest = re.sub(r"^[（(][^（()）]{0,12}[）)]", "", rest)
    words = vocab("target_units")["not_after_unit"].get(unit_raw, [])
    return any(rest.startswith(w) for w in words)


def _clause_after(sent: str, ne: int) -> str:
    """The text after the unit up to the end of the number's clause, less a
    bracketed remark that closes it ("…参加（人员较少单位可酌情减少）。":
    an allowance, not a condition on the number)."""
    m = re.search(r"[，,。；;]", sent[ne:])
    end = ne + m.end() if m else len(sent)  # (with the mark that ends it: a remark closes a sentence only)
    return _without_remark(sent[ne:end]).rstrip("，,。；;")


def _without_remark(after: str) -> str:
    """``after`` less a bracketed remark that closes its sentence (a remark
    before a comma may hold the condition: "达到15人及以上（…），校工会自行组团")."""
    return re.sub(r"[（(][^()（）]*[)）](?=\s*(?:[。；;]|$))", "", after, count=1)


_CHANGED_TO = re.compile(r"[^，,。；;]{0,3}?(?:提高|调整|增加|提升|上调|下调|降低|降)(?:至|到|为)")


def _text_rejects(sent: str, ns: int, ne: int, seg: str, cues: dict) -> bool:
    """Cue rules that reject a number whatever its comparator: format
    specs, award counts and eligibility in its own clause, eligibility
    sentences, structure descriptions, ordinals, and operands of a
    formula (``月工资*0.5%*6``)."""
    if sent[max(0, ns - 1):ns] in ("第", "前") or sent[max(0, ns - 2):ns] in ("第 ", "前 "):
        return True
    if re.search(r"[（(]\s*含\s*$", sent[:ns]):
        return True  # 2人以上（含2人）: the bound restated, no second target
    if target_evidence.counts_or_qualifies(sent[:ns], _clause_after(sent, ne)):
        return True
    if re.search(r"[*×÷=＝]\s*$", sent[:ns]) or re.match(r"\s*[*×÷=＝]", sent[ne:]):
        return True
    if re.search(rf"组由\s*[\d{_CN}]+\s*[人名]\s*组成", sent):
        return True  # "审查组由3人组成,组长1名、组员2名": the issuer's own working group
    clause = seg + sent[ns:ne] + _clause_after(sent, ne)
    if any(w in clause for w in cues["format"] + cues["award"] + cues["eligibility"]):
        return True
    if re.search(r"奖\s*$", seg) or re.search(r"奖\s*[（(][^（）()]*$", sent[:ns]):
        return True  # 个人奖20名, 组织奖5个, 名次奖(甲校区4个,乙校区2个): an award's count
    if any(w in sent[:ns] for w in cues["eligibility_sentence"]):
        return True
    if target_sections.condition_or_tally(sent[_clause_start(sent, ns, 0):ns], sent, ne):
        return True  # "如教职工人数少于20人,…", "(10个队)分为两组"
    if re.search(r"(?:由|从)[^，,。；;由从]{0,16}$", sent[:ns]) and _CHANGED_TO.match(sent, ne):
        return True  # "标准由每人每年不超过1600元提高至不超过2000元": the figure replaced, not the one to reach
    return any(w in seg for w in cues["structure"])


def _soft_rejects(sent: str, ns: int, ne: int, seg: str, unit_raw: str, unit: str, comp: str,
                  explicit: bool, cues: dict) -> bool:
    """Cue rules that reject a number only without an explicit comparator
    (counts of what exists, selections, past figures, money and session
    lengths), and schedules and the issuer's capacities or run
    conditions (``每条线路报名人数至少20人``, ``每周2次``:
    ``target_evidence.soft_rejects``)."""
    if target_evidence.soft_rejects(seg, seg + sent[ns:ne] + _clause_after(sent, ne), unit, comp, sent[:ns]) or \
            target_evidence.issuer_capacity(sent, comp):
        return True
    whole_clause = sent[_clause_start(sent, ns, 0):ns]
    if explicit:
        # 全校表彰不超过30个团支部: the issuer's own award count, bounded; never a recipient's quota
        return any(w in whole_clause for w in ("表彰", "评选", "评出")) and not target_evidence.NOMINATES.search(whole_clause)
    if any(w in whole_clause for w in cues["exists"]) or target_evidence.POPULATION.fullmatch(whole_clause):
        return True
    if re.search(r"表\s*[（(]\s*$", sent[:ns]) and re.match(r"\s*[)）]", sent[ne:]):
        return True  # "…名额分配表(14%)": the ratio a table's title states, no one's task
    if target_evidence.confers_honours(seg, whole_clause):
        return True
    # 全市共推选100名 is the issuer's selection; 每年段选出15名 a quota on each recipient
    if any(w in whole_clause for w in cues["award_soft"]) and not re.match(
            r"\s*[（(]?\s*(?:每|各)(?!等奖)", whole_clause):
        return True
    if any(w in sent[:ns] for w in cues["past_sentence"]) and not target_evidence.goal_or_future(sent[:ns]):
        return True  # 累计投入…; not 截至今年6月底，各单位要完成…
    return unit_raw in cues["explicit_only_units"]


def _cn_rejects(a: str, seg: str, sent: str, ns: int, ne: int, heading: bool, explicit: bool,
                cues: dict, unit: str = "") -> bool:
    """Chinese numerals need a cue: never in a heading; with a comparator or
    a cue of ``target_evidence.cn_cue`` (请…推荐一名, 每队两人); other than
    ``一``/``两`` also with a target verb."""
    if heading or (a == "二" and unit == "次" and not explicit):
        return True  # (二次 is "a second time", 可组织二次: a count of times is 两次 or has its comparator)
    verb = _endswith_any(seg.rstrip("新再各"), cues["target_verbs"])
    if not verb and re.match(r"[，,。；;]|$", sent[ne:]):
        # 建设职工心理健康服务站三十个，: the count closes the clause
        verb = next((v for v in cues["target_verbs"] if v in seg), None)
    if explicit or target_evidence.cn_cue(a, seg, sent[:ns], unit):
        return False
    return a in ("一", "两") or not verb


def _values(m: re.Match, a: str, b: Optional[str], mults: dict) -> Optional[tuple[float, Optional[float]]]:
    mul_a = mults.get(m.group("am") or "", 1) if m.group("pct") is None else 1
    mul_b = mults.get(m.group("bm") or "", 1) if b else 1
    if b and not m.group("bm") and m.group("am"):
        mul_b = mul_a
    if b and m.group("bm") and not m.group("am"):
        mul_a = mul_b  # 1-2万人: the multiplier covers both ends
    try:
        return _num(a) * mul_a, (_num(b) * mul_b if b else None)
    except (ValueError, KeyError):
        return None


def _decide(sent: str, ns: int, ne: int, seg: str, a: str, b: Optional[str], unit: str,
            unit_raw: str, heading: bool, cues: dict,
            inherit: Optional[bool]) -> Optional[tuple[str, int, int]]:
    """(comparator, cue chars before, cue chars after) when the number at
    ``sent[ns:ne]`` is a target, else None: the rules of the module
    docstring and of ``target_evidence``. ``inherit``: the fate of the
    number a 其中-clause splits (None when not such a clause)."""
    if _text_rejects(sent, ns, ne, seg, cues) or inherit is False:
        return None
    is_range = b is not None
    comp, cue_before, cue_after = _comparator(sent, ns, ne, seg, is_range, cues)
    if inherit:
        return comp, cue_before, cue_after
    if target_evidence.rejects(sent, ns, ne, seg, unit, _clause_after(sent, ne)):
        return None
    if target_evidence.weight(seg, seg + sent[ns:ne] + _clause_after(sent, ne), unit, comp):
        return None
    explicit = comp != "=" and (cue_before or cue_after or is_range or not any(
        w in sent[:ns] for w in cues["ge_sentence"]))
    if _soft_rejects(sent, ns, ne, seg, unit_raw, unit, comp, explicit, cues):
        return None
    rest = sent[ne + cue_after:]
    if not target_evidence.share_reaching(unit, rest) and (
            re.match(r"的|[（(]含[)）]|[（(]含[^（）()]{1,8}[)）]的", rest) or target_evidence.describes_holder(
            _without_remark(rest)) or target_evidence.headcount_threshold(unit, cue_after > 0, rest)):
        return None  # 不超过25人（含）的小微企业: a threshold that describes
    if (_is_cn(a) or (b is not None and _is_cn(b))) and _cn_rejects(
            a, seg, sent, ns, ne, heading, explicit, cues, unit):
        return None
    return comp, cue_before, cue_after


def extract_sentence(sent: str, cues: Optional[dict] = None, heading: Optional[bool] = None) -> list[tuple[Target, int, int]]:
    """Targets of one sentence, each with the (start, end) of its number,
    unit and comparator words in ``sent``. Pure function of the text, so
    rules can be tested sentence by sentence."""
    cues = cues or vocab("target_cues")
    if heading is None:
        heading = _is_heading(sent)
    units = dict(vocab("target_units")["units"])
    mults = vocab("target_units")["multipliers"]
    quoted = _depth_mask(sent)
    out: list[tuple[Target, int, int]] = []
    prev_end = 0
    prev_metric: Optional[str] = None
    prev_ok: Optional[bool] = None  # fate of the previous number in the sentence
    prev_unit: Optional[str] = None
    prev_digits = False
    cells = _table_cells(sent)
    # after a quota handed to the issuer (我校可申报先进团支部3个), the
    # sentence's later numbers list or split that quota; a split with 各/每
    # or a request (请) hands it on to recipients (高一、高二、高三各1个) —
    # real NOTES D_25
    handed = False
    for m in _cands_re().finditer(sent):
        ns = m.start()
        if ns in cells:
            continue
        prev_floor, prev_end = prev_end, m.end()
        shape = _shape(m, units)
        if shape is None:
            continue
        a, b, unit, unit_raw, ne = shape
        if unit == "个百分点" or quoted[ns] or _after_unit_bars(sent[ne:], unit_raw):
            continue
        cstart = _clause_start(sent, ns, prev_floor)
        seg = sent[cstart:ns]
        # 其中… splits the number before it: it shares that number's
        # rejection (共有教职工216人，其中会员198人), and inside a bracket its
        # acceptance too (限报7人（其中领队一人）)
        inherit = None
        if seg.lstrip().startswith("其中") and (prev_ok is False or (cstart and sent[cstart - 1] in "（(")):
            inherit = prev_ok
        elif prev_ok is False and target_sections.in_split_bracket(sent, ns):
            inherit = False  # 发布信息189篇（其中：工人日报3篇，…9篇）: every item of the split
        elif prev_ok is False and unit == prev_unit and (
                not seg.strip(" ，,、") or re.fullmatch(r"[\u4e00-\u9fff]{0,8}[和及与、]", sent[prev_floor:ns])
                or (prev_digits and target_sections.list_item(sent[prev_floor:ns]))):
            # 确定了2支队伍为…，5支队伍为…; 包括50支重点团队和196支一般团队; 优秀单位15家,优胜单位20家:
            # the same list as the number before
            inherit = False
        handed = handed or target_sections.handed_list(sent, cstart)
        if handed and not re.search(r"[各每请]", seg):
            prev_ok = False  # a later item of the issuer's quota (优秀团干部7名（教师1名）)
            continue
        decided = _decide(sent, ns, ne, seg, a, b, unit, unit_raw, heading, cues, inherit)
        handed = handed or (decided is None and target_evidence.handed_to_issuer(seg))
        # (a Chinese numeral rejected for want of a cue passes nothing on: 每队领队一名,运动员3名)
        prev_ok, prev_unit, prev_digits = decided is not None, unit, a[:1].isdigit()
        if decided is None:
            continue
        comp, cue_before, cue_after = decided
        vals = _values(m, a, b, mults)
        if vals is None:
            continue
        va, vb = vals
        seg_core, _ = _strip_cues(seg, cues)
        qual = "各" if re.search(r"各\s*$", seg[: len(seg) - cue_before] if cue_before else seg) else None
        metric, scope, q2 = target_metric.describe(seg_core, _without_remark(sent[ne + cue_after:]), cues)
        metric = metric if metric is not None else prev_metric
        prev_metric = metric
        e_start, e_end = ns - cue_before, ne + cue_after
        clause_end = re.search(r"[，,。；;]|$", sent[e_end:])
        t = Target(value=None if b else va, value_min=va if b else None, value_max=vb, unit=unit,
                   comparator=comp, metric=metric, scope=scope, qualifier=q2 or qual,
                   text=sent[cstart:e_end + clause_end.start()].strip())
        out.append((t, e_start, e_end))
    return out


def extract(doc: Document) -> list[Target]:
    """Targets of ``doc`` in document order, each with evidence (the number,
    its unit and comparator words). Rules: module docstring."""
    cues = vocab("target_cues")
    skip = _zone_skip(doc)
    out: list[Target] = []
    # inside a 评比条件 / 申报条件 ("criteria") or 我区名额 ("own") section: (kind, opened by a sub-heading)
    criteria: Optional[tuple[str, bool]] = None
    labels = {a.label_block for a in doc.zones.attachments} if doc.zones else set()
    for bi, b in enumerate(doc.blocks):
        if bi in skip or bi in labels:
            criteria = None  # the body's (or an attachment's) sections end here
        if b.kind != "paragraph" or bi in skip or not b.text:
            continue
        text = b.text
        heading = _is_heading(text)
        marks = target_sections.section_marks(text)
        start_state = criteria
        for sm in _SENT.finditer(text):
            sent = sm.group()
            first = re.search(r"\d", sent)  # (a heading run into the sentence before its first figure: one line)
            criteria = target_sections.section_after(marks, sm.start() + (first.start() if first else 0), start_state)
            kind = criteria[0] if criteria else None
            if (kind == "criteria" and not target_evidence.nominated_set(sent)) or \
                    target_sections.criteria_label(sent):
                continue
            if kind == "own" and not target_sections.EACH_RECIPIENT.search(sent):
                continue
            h = None if heading else _INLINE_HEADING.match(sent)
            # a section heading run into its first item (a page pasted onto one
            # line: "三、深化开展五项劳动竞赛活动1.深化…") is read as a heading
            parts = [(0, sent[:h.end()], True), (h.end(), sent[h.end():], False)] if h else [(0, sent, heading)]
            for off, part, hd in parts:
                for t, s, e in extract_sentence(part, cues, hd):
                    if target_sections.table_row(text, t.comparator, cues["target_verbs"]):
                        continue
                    t.evidence = evidence(doc, bi, sm.start() + off + s, sm.start() + off + e)
                    out.append(t)
    return out


# between two cells of a table flattened into running text: a short name,
# no punctuation (东城区5名 西城区3名 南城区4名; the normaliser may have
# dropped the spaces, so they are optional)
_CELL_GAP = re.compile(r"\s*(?=\S)[\u4e00-\u9fff（）()]{0,8}\s*(?:\d{1,4}\s*)?")  # (or a bare figure of the column beside)


def _table_cells(sent: str) -> set[int]:
    """Starts of numbers that are cells of a table flattened into a line: a
    run of at least three numbers with the same unit separated only by
    short names — numbers in tables are not targets
    (../shared/real/README.md)."""
    ms = list(_cands_re().finditer(sent))
    out: set[int] = set()
    run = ms[:1]
    for prev, m in zip(ms, ms[1:]):
        if m.group("unit") == prev.group("unit") and _CELL_GAP.fullmatch(sent[prev.end():m.start()]):
            run.append(m)
            continue
        if len(run) >= 3:
            out.update(x.start() for x in run)
        run = [m]
    if len(run) >= 3:
        out.update(x.start() for x in run)
    return out


_INLINE_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+、[^，,。；;：:\d]{2,30}?"
                             r"(?=\s*(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,2}[）)]))")

