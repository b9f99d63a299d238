"""Clause evidence for and against a candidate target — ANNOTATION.md
"targets" and ../shared/real/README.md "Targets".

``extractors.targets`` finds a number with a unit and its comparator; this
module reads the words around it to decide whether the recipients are to
reach it (or are capped at it) or whether it only describes something:

Against, whatever the comparator (``rejects``):

- a number of days that is not a count of days to reach (培训不少于3天;
  达标天数累计满25天 counts — the clause names 天数);
- an example (``如：参赛人数12人``): a number after an example word in its
  sentence (cue list ``example``);
- the past: a sentence that speaks of a past period (去年, 上届, 截至目前 —
  ``past_sentence_hard``) with no goal or time word (力争, 要 —
  ``future_words``; 今年 — ``future_time``) before the number; a clause whose
  verb is finished (吸引了, 参加过 — ``past_aspect``); a clause stating what
  exists (已有, 已建成, 共有 — ``exists_hard``) unless a 的 makes that a
  modifier (已建会的企业…) or a goal word opens the sentence;
- money the issuer pays or charges (补助, 报名费, 票价 — ``payment``): a fee,
  price, subsidy or prize, not a cap on what recipients spend;
- a split of the contest (比赛分4个小组): the number right after 分;
- a condition: a permission after the number (50人以上企业可单独组队);
- a scoring rule: points given or taken after it (迟到1次扣1分);
- a quota handed to the issuer (分配我市名额10个 — ``handed_down``).

- a condition: a conditional clause (如少于15人，则不组团), a consequence
  after the number (超过30家为废票) or a run condition in the next clause
  (须达到20人及以上，工会才组团);
- the issuer's own nomination (拟推荐…1名, 学校将择优推荐2名) and, after a
  quota handed to the issuer (我校可申报先进团支部3个), the sentence's later
  items (``extractors.targets``), unless 各 hands it on (高一、高二各1个);
- what is already there: a pool chosen from (在全市700多个基地中), a
  reference back (这30家, 上述5个), a count labelling a list (兼职（29人）：…);
- a timed contest task (30分钟内书写汉字100个).

Score weights (占30%, 按40%计算 — ``weight``) are out without a comparator,
a share of a score or of the material's content (占总成绩的40%,
内容占比不超过20%) whatever the comparator;
so is a number in a phrase that a 的 turns into a modifier of who qualifies
(获得2次以上市级表彰的职工 — ``holder_heads``).

Against, only without a comparator or a quota word:

- a schedule: a sub-annual frequency (每周, 每季度 — ``frequency_schedule``)
  before a count of sessions (次, 期, 场 — ``frequency_units``): 每周2次 is
  a timetable, 每月组织不少于2次 a minimum;
- a capacity or run condition the issuer sets (每车, 每期安排, 满25人方可成行
  — ``group_size``); a cap (不多于30人) stays a target;
- a pick from candidates (选定60家为候选基地, 确定其中30家) and a set named
  before (候选的60家).

Sources: ../shared/real/README.md "Targets" and the real NOTES (D_13
voting and run conditions, D_25 quota and weights, E_16 own nomination).

For (``quota_word``, ``cn_cue``): a quota word in the clause (限报, 名额 —
``quota``) makes a number a quota on recipients; nominating and submitting
verbs (选送, 推选 — ``quota_verbs``) and a per-team phrase (每队, 每支队伍 —
``team_size``) are cues that let a Chinese numeral count (每队两人); 一/两
after such a verb counts in a request to recipients (请…推荐一名老师), not
in the issuer's own act (学校将择优推荐一名).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from extractors._common import ASKED_SUBJECT, vocab
from extractors.dates_cn import cn_int

_VIEWS = re.compile(r"(?:阅读|浏览|点击|访问)(?:量|次数|数)?\s*[:：]?\s*$")
_YEARS_SINCE = re.compile(r"(?:\d+|[多几两三四五六七八九十]+)年来")  # a span of past years up to now
_DIGITS_OF = re.compile(r"(?:号|号码|账号|帐号|代码|编码|卡号|身份证|工号)\s*(?:为|是|的)?\s*[（(]?\s*[前后末]?\s*$")  # also 身份证号码(18位), 身份证后6位
# a run of items joined by 、 and a last 和/及/与 ("维权、参与、教育和建设"), or by 、 only
# ("维护、参与、教育、建设")
_ENUMERATED = re.compile(r"(?:[\u4e00-\u9fff“”]{1,8}、)+[\u4e00-\u9fff“”]{1,8}?(?P<last>(?:和|及|与)[\u4e00-\u9fff“”]{1,8})?$")
_PERSONS = ("人", "名", "位", "人次")
# a verb that makes the counted items a task ("组建…共13个协会", "请各单位组织太极拳、广播操、健身操3个项目的比赛")
_SETS_UP = re.compile(r"组建|成立|设立|建立|新建|创建|培育|打造|新增|组织|开展|举办|举行|承办|完成|推荐|选送|报送|申报|征集")


def _enumerated(before: str, number: str, unit: str) -> bool:
    """The number counts the items just listed ("维权、参与、教育和建设四项基本职能",
    "一流学科建设、综合改革、东山校区建设三项重点工作"). Listed without a last 和 it must
    count things, not people ("教师、学生、职工3人" may be a quota), with no verb that
    makes them a task ("组建篮球、排球…共13个协会", "组织太极拳、广播操、健身操3个项目的比赛"
    are goals)."""
    m = _ENUMERATED.search(before)
    if not m or (not m.group("last") and (unit in _PERSONS or _SETS_UP.search(before))):
        return False  # (组建篮球、排球…钓鱼共13个协会: what is to be set up, counted)
    return len(m.group().split("、")) + bool(m.group("last")) == _count(number)


def _count(s: str) -> Optional[int]:
    try:
        return cn_int(s)
    except ValueError:
        return None


# what a quota in 份 counts: pieces of work the recipients write (not copies of a form)
_WORKS = re.compile(r"建议|提案|作品|论文|案例|报告|稿件|征文|文章|答卷|问卷|心得|体会|方案|书法|作业")
# 要 as a goal word, not inside 要求/重要/主要/需要/只要
_YAO = re.compile(r"(?<![重主需只])要(?!求)")
# 了 as a verb suffix, not inside 为了/除了/了解
_LE = re.compile(r"(?<![为除])了(?!解)")
# 分 right before the number splits something (分4个小组); not 得分/总分/分会…
_SPLIT = re.compile(r"(?<![得积总评加扣满部百])分\s*$")
# a count up to the end of a past year or month (截至2023年底, 截止到2024年6月), or up to
# a day opening a clause of what was done ("截止10月31日，在各级媒体发布信息189篇")
_AS_OF = re.compile(r"截[至止]到?\s*\d{4}\s*年\s*(?:底|末|\d{1,2}\s*月)"
                    r"|截[至止]到?\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*[，,]")
# a sentence that opens with 凡 states who may take part: its numbers are eligibility
_ELIGIBLE_OPENING = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[、.．)）]\s*)?[^，,。；;]{0,8}凡")
# permission after the number makes it a condition (50人以上企业可单独组队);
# not 认可/许可/不可/可能
_MAY = re.compile(r"(?<![认许不])可(?!能)|方能|才能")
# points given or taken after the number: a scoring rule (每缺1项扣2分)
# what follows a count that sizes who may take part ("100名教职工以上工会", "40人以下的分工会")
# or how players are grouped ("2人一组")
_SIZE_OF_HOLDER = re.compile(r"[\u4e00-\u9fff（()）]{1,8}?(?:以上|以下)的?(?:工会|分工会|单位|企业|部门|基层工会)"
                             r"|一(?:组|队)(?![\u4e00-\u9fff]{0,2}(?:名额|限报))")
# what follows a number in a game's rules: players on court, groups crossed into the final rounds
_GAME_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}(?:上场|出场)|小组[第前]|[^，,。；;]{0,12}(?:半决赛|决赛|淘汰赛|交叉)")
_POINTS = re.compile(r"[扣加减得计记]\s*(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*分")
# whose scores make a team's ("团体按3名运动员总得分计算成绩", "取前6名队员成绩之和"): how a result is reckoned
_SCORE_BASIS = re.compile(r"(?:按|取|以)(?:前|成绩最好的|最好的)?\s*$")
_SCORE_AFTER = re.compile(r"[^，,。；;]{0,10}?(?:总得分|得分|成绩|总分|积分)")
# the issuer speaking of itself (我市, 我校, 我单位)
_OWN = re.compile(r"我(?:省|市|区|县|镇|校|院|局|厂|司|会|单位|公司|系统)|学校(?=本次|今年|本年)")
# the whole of the issuer's domain before a count of places ("全校共50个名额"): the places the
# issuer holds or offers, not a quota set on each recipient
_WHOLE = r"(?:全校|全院|全所|全局|全公司|全系统|全市|全区|全县|全省)(?:共|总共|共计|合计)?"
_WIDE_PLACES = re.compile(_WHOLE + r"[^，,。；;各每]{0,6}"
                          r"(?:名额|指标)(?:数|总数)?\s*(?:为|是|有)?\s*$")  # (全市共分配名额30个)
_ISSUER_WIDE = re.compile(_WHOLE + r"有?\s*$")


# a team's roles, registered by each recipient ("各单位可报领队一人，教练二人")
_ROLE = re.compile(r"(?:领队|教练|队员|运动员|选手|替补队员|工作人员|联络员)(?:员)?$")
_REGISTERS = re.compile(r"(?:^\s*(?:\d{1,2}[、.．]|[（(]?[一二三四五六七八九十]{1,2}[、）)])?|[，,])\s*(?:各|每)"
                        r"[^，,。；;]{0,12}?(?:可报|报|推荐|选派|选送)")


def _team_role(seg: str, before: str) -> bool:
    """``seg`` ends with a team role and the sentence so far has each
    recipient registering a team (各单位可报领队…, 教练…)."""
    return bool(_ROLE.search(seg)) and bool(_REGISTERS.search(before))


@lru_cache(maxsize=None)
def _cues() -> dict:
    return vocab("target_cues")


def _has_goal(text: str, cues: dict) -> bool:
    """A goal word (力争, 确保, 要 …) in ``text``."""
    if _YAO.search(text):
        return True
    return any(w in text for w in cues["future_words"] if w != "要")


def _in_example(before: str, cues: dict) -> bool:
    """The number sits in an example: an example word (如：, 例如) earlier in
    its sentence ``before`` and no 等 closing that example with a clause
    break between them (如：技能竞赛、岗位练兵等，每单位至少举办2场)."""
    for w in cues["example"]:
        i = before.rfind(w)
        if i >= 0 and not re.search(r"等[，,；;]", before[i:]):
            return True
    return False


def goal_or_future(before: str) -> bool:
    """A goal word (力争, 要) or a time word of the present or future (今年)
    in ``before``, the sentence up to a number: it speaks of what is to be
    done, so past words in it do not reject the number."""
    cues = _cues()
    if _has_goal(before, cues):
        return True
    # 今年以来 is a period up to now, not a time to come
    return any(re.search(re.escape(w) + r"(?!以来)", before) for w in cues["future_time"])


def _past_sentence(before: str, cues: dict) -> bool:
    """``before`` (the sentence up to the number) speaks of a past period
    (去年, 截至2023年底) and no goal or time word lifts it. A past word after
    比/较 is a comparison (比上年增长10%), not a statement about the past."""
    if goal_or_future(before):
        return False
    hits = [m.start() for w in cues["past_sentence_hard"] for m in re.finditer(re.escape(w), before)]
    hits += [m.start() for m in _AS_OF.finditer(before)]
    return any(before[max(0, i - 1):i] not in ("比", "较") for i in hits)


def _exists_clause(seg: str, before: str, cues: dict) -> bool:
    """The clause ``seg`` before the number states what exists or happened
    (已有超过300家, 共有教职工216人), unless a 的 after the word makes it a
    modifier (已建会的企业…) or a goal word in the sentence ``before`` the
    number makes it a goal for what exists (力争…，已建会单位覆盖面不低于90%)."""
    if _has_goal(before, cues):
        return False
    for w in sorted(cues["exists_hard"], key=len, reverse=True):
        i = seg.find(w)
        if i >= 0 and "的" not in seg[i + len(w):]:
            return True
    return False


def _past_aspect(seg: str, cues: dict) -> bool:
    """A finished verb in the clause before the number (吸引了, 参加过)."""
    if any(w in seg for w in cues["past_aspect"] if w != "了"):
        return True
    return "了" in cues["past_aspect"] and bool(_LE.search(seg))


# a conditional clause (如少于15人，则不组团; 若超过…): a run condition, not a
# goal; not 如下/如期/如实/如何
_IF = re.compile(r"^\s*(?:如果|假如|倘若|若|如)(?![下期实何：:])")
# the next clause makes the number a condition of running something
# (人数必须达到20人及以上，校工会才组团; 则不组团); not 人才/天才
_THEN = re.compile(r"(?<![人天英])才(?![华艺干])|则不|不予|不再组")
# a consequence after the number marks a rule on entries (超过30家为废票)
# (not 视为合格/为达标: a standard to reach, 满20学时视为合格)
_VOID = re.compile(r"废|无效|不予|视为(?:无效|弃权|放弃|自动)")
# a pool chosen from (在全市700多个基地中, 从候选的60家中): 中, not 中心/中国…
_POOL = re.compile(r"^[^，,。；;]{0,12}?中(?![心国学级层小专华央])")
# a demonstrative before the number refers back (这30家单位, 上述5个项目)
_REFER = re.compile(r"(?:这|那|该|上述|此|以上)些?\s*$")
# a count labelling a list (专职（1人）：张三；兼职（29人）：…)
_LABEL = re.compile(r"^\s*[）)]\s*[:：]")
# the issuer's own nomination (拟推荐…1名, 学校将择优推荐1名)
# (学院将根据报名情况…择优选拔4名; 我校推荐1个二级单位参与申报: the issuer naming itself)
_OWN_ACT = re.compile(r"(?:拟|将)[^，,。；;]{0,6}?(?:推荐|推选|选送|评选|上报|申报|选拔)"
                      r"|(?:拟|将)[^，,。；;]{0,20}?择优(?:推荐|推选|选送|选拔)"
                      r"|(?:我校|我院|我单位|我会|本校|本院|本单位)[^，,。；;]{0,4}?(?:推荐|推选|选送|选拔)")


def _conditional(sent: str, ne: int, seg: str, clause_after: str) -> bool:
    """A condition rather than a goal: a conditional clause (如少于15人),
    a consequence in its own clause (超过30家为废票) or in the next
    (…达到20人及以上，校工会才组团)."""
    if _IF.search(seg) or _VOID.search(clause_after):
        return True
    m = re.match(r"[^，,。；;]*[，,]([^，,。；;]*)", sent[ne:])
    return bool(m and _THEN.search(m.group(1)))


# a clause that only names a body of people before its count ("(工会会员1263人,…)"): who exists
POPULATION = re.compile(r"\s*(?:\d{1,2}[.、．]\s*)?(?:本单位|本校|全校|我校|全市|全区|全县)?(?:工会)?"
                         r"(?:会员|职工|教职工|员工|在职职工|在编职工|在岗职工)(?:总数|人数|总人数)?\s*(?:共有|共|有|为)?\s*")


def handed_to_issuer(seg: str) -> bool:
    """The clause ``seg`` before a number speaks of a quota handed to the
    issuer (省总工会分配我市名额10个, 我校本次可申报先进团支部3个): the
    issuer speaking of itself with a quota word (``handed_down``), or a
    task its superior handed down (完成省总下达的…4.6万名)."""
    if re.search(r"(?:上级|全总|省总|市总|区总|县总)(?:工会)?[^，,。；;]{0,4}(?:下达|分配|交办)的", seg):
        return True  # "完成省总下达的…4.6万名职工体检任务": the superior's task for the issuer
    return bool(_OWN.search(seg)) and any(w in seg for w in _cues()["handed_down"])


# three or more items listed with 、 right before the number that counts them
_TALLY = re.compile(r"[\u4e00-\u9fff“”\"]{1,12}(?:、[\u4e00-\u9fff“”\"]{1,12}){2,}等?\s*$")


def _reference(seg: str, sent: str, ne: int, clause_after: str) -> Optional[str]:
    """Why the number names something already there rather than a goal:
    ``pool`` (在全市700多个基地中), ``reference`` (这30家, 对…85名候选人名单进行公示,
    焊工、起重工、物流服务师3个赛项),
    ``label`` (兼职（29人）：…), or None."""
    if re.search(r"[在从]", seg) and _POOL.search(clause_after):
        return "pool"
    if _REFER.search(seg):
        return "reference"
    if _LABEL.match(sent[ne:]):
        return "label"
    if re.match(r"[^，,。；;]{0,12}?结果[^，,。；;]{0,4}(?:通报|公布|公示|公告)", clause_after):
        return "reference"  # 现将3项设计方案的评选结果通报如下: results already decided, announced
    if re.search(r"对[^，,。；;]{0,10}$", seg) and re.match(r"[^，,。；;]{0,16}?(?:进行|予以)公示", clause_after):
        return "reference"  # 现对第一批85名候选人名单进行公示: the names already chosen, published
    if _TALLY.search(seg) and not re.search(r"[各每请]|组建|成立|设立", seg) and not has_verb(seg):
        return "reference"  # 焊工、起重工、物流服务师3个赛项: the count of the items just listed
    return None


def _own_act(seg: str, before: str) -> bool:
    """The issuer's own nomination (拟推荐…1名, 学校将择优推荐1名): 拟/将
    before a nominating verb, with no request (请) and no 各 addressing
    recipients (各单位将推荐3名 is a quota) — ../shared/real NOTES E_16,
    D_05."""
    if _PICKS_FROM_NOMINEES.search(before) and "择优" in seg:
        return True  # 学校科协根据各单位推荐情况，择优推荐3人: the issuer's pick among the nominees
    return bool(_OWN_ACT.search(seg)) and "请" not in before and "各" not in seg


_PICKS_FROM_NOMINEES = re.compile(r"根据各[^，,。；;]{0,12}(?:推荐|申报|报送|上报)(?:情况|结果)")


def rejects(sent: str, ns: int, ne: int, seg: str, unit: str, clause_after: str) -> Optional[str]:
    """Why the number at ``sent[ns:ne]`` is not a target whatever its
    comparator, or None. ``seg`` is its clause before the number,
    ``clause_after`` the rest of its clause after the unit, ``unit`` the
    normalised unit. Reasons: ``example``, ``past``, ``exists``, ``payment``
    (money the issuer pays or charges, a discount or reimbursement rate),
    ``split``, ``condition`` (a permission after the number:
    50人以上企业可单独组队, 满10人即可组队), ``scoring`` (points after it:
    每缺1项扣2分), ``own_quota`` (a quota handed
    to the issuer: 省总工会分配我市名额10个)."""
    cues = _cues()
    before = sent[:ns]
    if unit == "天" and "天数" not in seg:
        return "duration"  # 培训3天; only a count of days (达标天数满25天) is a goal
    if _VIEWS.search(seg):
        return "views"  # 阅读5237次: a page's view count
    if unit == "位" and (_DIGITS_OF.search(seg) or _DIGITS_OF.search(before)):
        return "format"  # 手机号11位, 身份证号18位: how many digits a number has
    if _enumerated(before, sent[ns:ne].rstrip(unit), unit):
        return "enumeration"  # 维权、参与、教育和建设四项基本职能: the items just named, counted
    if unit in ("份", "张") and not (_WORKS.search(seg + clause_after) or (
            unit == "张" and re.search(r"摄影|投稿|[限可只]投", seg + clause_after))):
        return "copies"  # 纸质版2份, 一寸照片2张: copies; 报送1份建议, 摄影作品每人10张, 限投3张照片 are quotas
    if unit in ("小时", "分钟") and (re.search(r"间隔", seg) or re.search(r"[时前后]$", seg.rstrip())):
        return "timing"  # 采样时间间隔48小时以上, 报到时72小时以内: when, not how much
    if _ELIGIBLE_OPENING.match(sent) and not re.search(r"至少|不少于|不低于|必须|须|要|应|限", seg):
        return "condition"  # 凡具有高级职称的…都可以…，团队成员在3人以上: who may apply (not 凡…的，至少要推荐1个)
    if re.search(r"(?:优胜|获奖|得奖)(?:者|比例|率)[^，,。；;]{0,12}$", before):
        return "award"  # 优胜者（实际参加活动人数的10%）: how many win
    if _in_example(before, cues):
        return "example"
    if _past_sentence(before, cues) or _past_aspect(seg, cues):
        return "past"
    if _YEARS_SINCE.search(before) and not goal_or_future(before) and not NOMINATES.search(seg):
        return "past"  # "活动开展6年来,…举办讲座700余场"; not "近三年来的成果,推荐3-5项" (what to submit)
    if _exists_clause(seg, before, cues):
        return "exists"
    clause = seg + clause_after
    if (unit == "元" and any(w in clause for w in cues["payment"])) or (
            unit == "%" and any(w in clause for w in cues["discount"])):
        return "payment"
    if _SPLIT.search(seg):
        return "split"
    if _SUM.match(seg) and re.search(r"[各每]", before[:len(before) - len(seg)]):
        return "sum"  # 各分工会推荐1人，共计20人: the total of the quotas just set
    if _MAY.search(clause_after):
        return "condition"
    if _ALLOWED.search(seg):
        return "condition"  # 一天可以答题2次: what a player may do, not a quota (可推荐2名 is one)
    if _POINTS.search(clause_after) or (_SCORE_BASIS.search(seg) and _SCORE_AFTER.match(clause_after)):
        return "scoring"
    if _SIZE_OF_HOLDER.match(clause_after):
        return "condition"  # 100名教职工以上工会推荐2名, 2人一组: who may send, how teams are formed
    if _GAME_AFTER.match(clause_after) and not re.search(r"(?:至少|最少|不少于|不得少于|不超过|最多|限)\s*有?\s*$|推荐\s*$|推选\s*$|选送\s*$", seg):
        # (各高校推荐1名教师参加决赛: who is sent to the final is a quota)
        return "game"  # 每场比赛选派5名队员上场, 2个小组第1、2名交叉进行半决赛: how a match is played
    if (_ISSUER_WIDE.search(seg) and re.match(r"\s*(?:名额|指标)", clause_after)) or _WIDE_PLACES.search(seg):
        return "own_quota"
    if handed_to_issuer(seg) or _own_act(seg, before):
        return "own_quota"
    if _conditional(sent, ne, seg, clause_after):
        return "condition"
    if re.search(r"\d+\s*(?:分钟|秒)内[^，,。；;：:]*$", before):
        return "game"  # 30分钟内书写完成汉字100个: a timed task in a contest
    return _reference(seg, sent, ne, clause_after)


def weight(seg: str, clause: str, unit: str, comp: str) -> bool:
    """A percentage that weighs a score: a share of a score or of the
    material's content whatever the comparator (本项占总成绩的40%,
    内容占比不超过20%); without a comparator, 占/占比 right before it
    (理论成绩占30%; not 不少于占会员的60%) or a weighing word in its
    ``clause`` (按40%计算) — a scoring rule, not a target."""
    if unit != "%":
        return False
    if _SHARE_OF_SCORE.search(seg):
        return True
    if comp != "=":
        return False
    return bool(re.search(r"占(?:比约?)?$", seg.rstrip())) or any(w in clause for w in _cues()["weight"])


# a share of a score or of the material's content, whatever the comparator
# (本项占总成绩的40%, 实践内容占比不超过全部内容的20%): a weight or a format
# spec (../shared/real/README.md "Targets": score weights, material formats)
_SHARE_OF_SCORE = re.compile(
    r"占(?:比)?[^，,。；;]{0,6}?(?:成绩|总分|得分|分值|内容|篇幅)的?\s*$"
    r"|(?:成绩|总分|得分|分值|内容|篇幅)[^，,。；;]{0,4}占比")


@lru_cache(maxsize=None)
def _holder_re() -> re.Pattern:
    heads = "|".join(sorted(_cues()["holder_heads"], key=len, reverse=True))
    # (a remark in brackets may stand before the 的: "满1500人(以…数据为依据)的区县局(产业)工会")
    return re.compile(rf"(?:\s*[（(][^（）()]*[)）])?[^，,。；;、：:的]{{0,10}}的[\u4e00-\u9fff（）()]{{0,8}}?(?:{heads})")


def describes_holder(after: str) -> bool:
    """The number, its unit and comparator open a phrase that a 的 turns
    into a modifier of who qualifies (``after``, the text after them:
    ``…以上市级表彰的职工`` in 获得2次以上市级表彰的职工可申报): a threshold,
    not a target. The 的 right after the unit is read by ``extractors.targets``."""
    return bool(_holder_re().match(after))


# a share of a whole that is to reach a goal ("全省40%的建制企业达到A级标准"): the 的 names what
# the share counts, no holder a threshold describes
_SHARE_REACHING = re.compile(r"的[^，,。；;]{2,24}?(?:达到|实现|建立|建成|覆盖)")


def share_reaching(unit: str, rest: str) -> bool:
    """A percentage whose 的 (``rest``, the text after the unit) opens the set that
    is to reach a goal: a target (ANNOTATION.md "targets": work goals), not a threshold."""
    return unit == "%" and bool(_SHARE_REACHING.match(rest))


def nominated_set(sent: str) -> bool:
    """``sent`` speaks of the set recipients nominate (推荐的先进个人中…,
    a quota word such as 名额): a number in it may be a quota on recipients
    even under a 评选条件 heading (corpus n08)."""
    verbs = "|".join(_cues()["quota_verbs"])
    return quota_word(sent) or bool(re.search(rf"(?:{verbs})的", sent))


def quota_word(seg: str) -> bool:
    """A quota word (限报, 名额) in the clause before the number: a quota or
    cap on recipients (../shared/real/README.md "Targets")."""
    return any(w in seg for w in _cues()["quota"])


# picking from candidates (选定60家为候选基地, 确定其中30家): the issuer's or
# the voters' selection, not a quota (real NOTES D_13); 请各单位确定2名联络员
# (no 为, 其中 or 最高) stays a quota on recipients
_PICK = re.compile(r"选定|确定|遴选|择定")
_ISSUER_WILL_PICK = re.compile(r"(?:总?工会|我[会校院局]|本[会校]|组委会|评委会)将[^。；;各每请]*$")


def soft_rejects(seg: str, clause: str, unit: str, comp: str, before: str = "") -> Optional[str]:
    """Why a number with comparator ``comp`` is a schedule, an issuer's
    capacity or (plain, after 的) a set named before (候选的60家) rather
    than a target, or None. ``seg``: the clause before the number;
    ``clause``: the whole clause; ``before``: the sentence up to the
    number. A quota word keeps it."""
    cues = _cues()
    if quota_word(seg):
        return None
    if comp == "=" and unit in cues["frequency_units"] and any(
            w in seg for w in cues["frequency_schedule"]):
        return "schedule"
    if comp in ("=", ">=") and any(w in clause for w in cues["group_size"]):
        return "group"
    # (or the issuer's own pick: 市总工会将组织专家初审，确定19篇入围作品)
    picked = re.search(r"其中|最[高多]", seg) or "为" in clause[len(seg):] or _ISSUER_WILL_PICK.search(before)
    if comp == "=" and _PICK.search(seg) and picked:
        return "selection"  # 确定得票数最高的30家为…基地: a pick from candidates
    if comp == "=" and unit != "%" and seg.rstrip().endswith("的"):
        return "reference"  # 候选的60家: a set named before; 占会员的60% is a share
    return None


def cn_cue(a: str, seg: str, before: str, unit: str = "") -> bool:
    """Whether a Chinese numeral ``a`` after clause ``seg`` counts without a
    comparator: a nominating/submitting verb or a per-team phrase right
    before it (选送三名, 每队两人); for 一/两 a nominating verb must sit in a
    request to recipients (``before``, the sentence up to the number, holds
    请, or the clause opens with 各: 各基层工会选派一名), so 学校将择优推荐一名
    (the issuer's act) does not count; nor does an event verb before 一场/一次
    unless the recipients are the sentence's subject (各分会…组织开展一场活动)."""
    cues = _cues()
    s = re.sub(r"(?:由|为|人数为|共)$", "", seg.rstrip())
    nominate = any(s.endswith(v) for v in cues["quota_verbs"])
    verb = nominate or any(s.endswith(v) for v in cues["target_verbs"])
    team = any(s.endswith(t) for t in cues["team_size"]) or _team_role(s, before)
    if a in ("一", "两"):  # 培养一支队伍: an article, whoever is asked
        asked = "请" in before or bool(ASKED_SUBJECT.match(seg))
        held = unit in ("场", "次", "期") and verb and bool(ASKED_SUBJECT.match(before))
        bounded = (verb and re.search(r"至少|不少于|不低于|最少|最多|不超过|限", s)  # 每位代表至少提交一份提案
                   or re.search(r"(?:至少|最少)(?![有是为在])[\u4e00-\u9fff]$", s))  # 每人至少提一条建议: the bound, one verb
        return team or (nominate and asked) or held or bool(bounded)
    return verb or team


_ALLOWED = re.compile(r"可以(?!推荐|上?报|申报|选送|推选|选派|派|组织|组队)[\u4e00-\u9fff]{1,4}$")
_SUM = re.compile(r"\s*(?:共计|合计|总计|总共)(?!\s*(?:最多|至多|不超过|不得超过|不多于))")  # (共计最多5名: a cap on the total)


# a quoted honour right before the number ("“五四红旗团支部”21个", "“十佳职工”10名")
_HONOUR = re.compile(r"(?:优秀|先进|红旗|标兵|模范|示范|最美|十佳|五好|文明|劳动奖|先锋号)[^“”\"]{0,12}[”\"]\s*"
                     r"[（(]?[^（）()]{0,6}[)）]?\s*$")


# An honour named without quotes right before its count ("优秀团员32人", "三八红旗集体17个",
# "平安家庭创建标兵户12户"): a title of merit, then the kind of holder.
_HONOUR_BARE = re.compile(r"(?:优秀|先进|红旗|标兵|模范|示范|最美|十佳|五好|文明|五四|三八)[\u4e00-\u9fff]{0,10}"
                          r"(?:团员|团干部|团支部|团委|集体|个人|标兵|之星|红旗手|家庭|户|工作者|干部|教师|职工|会员|班组|组织|奖章|人物|岗|社团|团队|班级)"
                          r"\s*$")


def confers_honours(seg: str, clause: str) -> bool:
    """The number counts honours the issuer confers ("“优秀共青团员”74名",
    "优秀团员32人、优秀团干部16人"): an honour right before it, quoted or named
    with its holder, and no recipient asked to nominate in its ``clause``
    (各单位推荐“优秀共青团员”3名 is a quota)."""
    return bool(_HONOUR.search(seg) or _HONOUR_BARE.search(seg)) and not NOMINATES.search(clause)


# A recipient asked to nominate or hand in, in a clause ("各单位推荐…", "每个分会限报…").
NOMINATES = re.compile(r"各|每|推荐|选送|推选|限报|申报|上报|报送")


def counts_or_qualifies(before: str, after: str) -> bool:
    """The number is no target by its neighbours: an ordinal over a list
    (第17、18项), a count of the set just named (协会（共14个）, …等7家单位),
    or who qualifies (5年内至少1次优秀者). ``before``: the sentence up to
    the number; ``after``: its clause after the unit."""
    return bool(re.search(r"第\s*\d+\s*[、,，和及与至到\-—~]\s*$", before)
                or re.search(r"[（(]\s*(?:共|计|合计|总计)\s*$", before)
                or re.search(r"等\s*$", before)
                or re.match(r"\s*[^，,。；;、]{0,8}?者", after))


# a count of people before the bodies it sorts ("25人以上企业要单独建会",
# "100名以下单位"): a threshold describing who, not a target
_HEADCOUNT_OF = re.compile(r"\s*(?:的)?\s*"
                           r"(?:非公企业|企业|单位|公司|机关|学校|工会|班组|车间)")


def headcount_threshold(unit: str, bound_after: bool, after: str) -> bool:
    """A headcount (人/名) bounded by 以上/以下 after its unit
    (``bound_after``) right before the kind of body it sorts (``after``: the
    text after the bound): ``所有25人以上企业要单独建会`` — an eligibility
    threshold (ANNOTATION.md "targets"), not a goal."""
    return unit in ("人", "名") and bound_after and bool(_HEADCOUNT_OF.match(after))


# the issuer's batches ("分三批，共141人", "第一批：8月25—28日，47人")
_BATCH = re.compile(r"(?:第|分)?[一二三四五六七八九十两0-9]+批")


# first come, first served ("名额有限，额满即止"): the issuer's places, not a quota
_FIRST_COME = re.compile(r"额满|满额|报满|先到先得|先报先得")


def issuer_capacity(sent: str, comp: str) -> bool:
    """A plain count in a sentence that lays out the issuer's batches
    (``第一批：8月25—28日，47人``) or its places taken first come, first
    served (``共计40人（名额有限，额满即止）``): the size of each trip or session the
    issuer runs (../shared/real/README.md "Targets": capacities), unless a
    quota word or a nominating verb hands it to recipients (每批限报10人)."""
    if comp != "=":
        return False
    if _FIRST_COME.search(sent):
        return True  # 共计40人（名额有限，额满即止）: the places of the issuer's trip
    if not _BATCH.search(sent) or quota_word(sent):
        return False
    return not any(v in sent for v in _cues()["quota_verbs"])


def has_verb(text: str) -> bool:
    """``text`` holds a target or nominating verb (data/target_cues.json)."""
    return any(v in text for v in _cues()["target_verbs"] + _cues()["quota_verbs"])
