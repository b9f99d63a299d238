"""Where a number stands in a notice's structure, for ``extractors.targets``
(ANNOTATION.md "targets"; ../shared/real/README.md "Targets"): the section
in force (a conditions section, 二、评比条件, makes its numbers eligibility
thresholds; the issuer's own quota, 二、我区推荐总名额, is not a target), an
inline criteria label (建设标准：…), a bracket that splits the number before
it (…189篇（其中：…）), and the next item of a list of counts (，优胜单位20家).
"""
from __future__ import annotations

import re
from typing import Optional

from extractors import target_evidence


# an inline label naming what a candidate must meet ("2、示范点建设标准：面积在
# 30平方米以上…", "申报条件：…"): its numbers are eligibility, not targets
_CRITERIA_LABEL = re.compile(r"^\s*(?:[（(]?[0-9一二三四五六七八九十]{1,2}[)）、.．]\s*)?"
                             r"[^，,。；;：:]{0,12}(?:标准|条件|资格)\s*[：:]")


def criteria_label(sent: str) -> bool:
    """``sent`` opens with a label of qualifying standards or conditions
    (建设标准：, 参评条件：) and names no nominated set (:func:`nominated_set`)."""
    return bool(_CRITERIA_LABEL.match(sent)) and not target_evidence.nominated_set(sent) and "保障条件" not in sent[:16]


# a section heading (二、评比条件), at a line start or run into a flattened
# line after a sentence end
_SECTION = re.compile(r"(?:^|(?<=[。；;!！?？\s])|(?=[（(][一二三四五六七八九十]+[）)]))"  # (a bracketed one anywhere: one line)
                      r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])\s*([^，,。；;：:\d（(]{2,12})")
# the conditions a candidate must meet (评比条件, 申报条件, 推荐标准): a
# number under it is an eligibility threshold (ANNOTATION.md "targets": not
# eligibility thresholds) unless its sentence sets a quota on the nominations
# (推荐的先进个人中一线职工比例不低于70%); not 保障条件 (the issuer's resources)
_CRITERIA = re.compile(r"(?<!保障)条件|(?:评选|评比|推荐|申报|考核|参评|创建|认定|达标|入选)标准|资格")


# the quota the issuer itself was given (二、我区推荐总名额): its items are not
# targets (../shared/real/README.md "Targets": quotas handed to the issuer),
# a sentence in it that sets a cap on each recipient is (各单位最多可推荐1项)
_OWN_QUOTA = re.compile(r"(?:我|本)[市区县省校院局委系]{1,2}[^，,。；;：:]{0,8}(?:名额|指标)"
                        r"|(?:省上|上级|全总|省总|市总)(?:工会)?(?:下达|分配)(?:给?我[市区县省校])?的?(?:名额|指标)")  # (一)省上分配的名额
EACH_RECIPIENT = re.compile(r"各(?:单位|学校|校|基层|分会|工会|部门)|每(?:个|所|家)?(?:单位|学校|校|基层|分会|工会|部门)")


def section_marks(text: str) -> list[tuple[int, Optional[str], bool]]:
    """(position, kind, sub) for each section heading in a block's ``text``:
    kind ``criteria`` opens a conditions section (eligibility), ``own`` the
    issuer's own quota, None any other — ../shared/real/README.md "Targets";
    ``sub`` marks a bracketed sub-heading ("(一)…"), which ends a sub-section
    but goes on with a top-level one ("二、申报条件" / "(一)集体成员不少于6人")."""
    def kind(h: str) -> Optional[str]:
        if _CRITERIA.search(h) and not re.search(r"名额|比例|数量|指标|分配", h):  # (not "评优条件、比例及方式")
            return "criteria"
        return "own" if _OWN_QUOTA.search(h) else None
    return [(m.start(), kind(m.group(1)), bool(re.match(r"\s*[（(]", text[m.start():])))
            for m in _SECTION.finditer(text)]


def section_after(marks: list[tuple[int, Optional[str], bool]], upto: int, state: Optional[tuple[str, bool]]
                  ) -> Optional[tuple[str, bool]]:
    """The section in force at position ``upto`` as (kind, opened by a sub-heading), None for
    none, after ``state`` (the section in force where the block began)."""
    for pos, kind, sub in marks:
        if pos > upto:
            break
        if kind is not None:
            state = (kind, sub)
        elif not sub or (state is not None and state[1]):
            state = None  # a top-level heading ends any section; a sub-heading only a sub-section
    return state


def in_split_bracket(sent: str, pos: int) -> bool:
    """Position ``pos`` of ``sent`` lies inside a bracket that opens with
    其中 or 含 ("…189篇（其中：工人日报3篇，官网9篇）", "全校共50个名额（含离退休
    人员2名）"): the bracket splits the number before it, whose fate its items share."""
    depth, k = 0, pos - 1
    while k >= 0:
        c = sent[k]
        if c in "）)":
            depth += 1
        elif c in "（(":
            if depth == 0:
                return sent[k + 1:k + 4].lstrip().startswith(("其中", "含", "包含", "包括"))
            depth -= 1
        k -= 1
    return False


def list_item(stretch: str) -> bool:
    """``stretch`` between two numbers is the next item's noun ("，优胜单位"): 2–8 characters, no verb, no 各/每/请."""
    m = re.fullmatch(r"\s*[，,、]\s*([\u4e00-\u9fff]{2,8})", stretch)
    return bool(m) and not re.search(r"[各每请]", m.group(1)) and not target_evidence.has_verb(m.group(1))


# a line that holds only a number or a range with its unit, perhaps 以内/以上 after it
_BARE_CELL = re.compile(r"\d+(?:\s*[-—–~～至]\s*\d+)?\s*[\u4e00-\u9fff]{1,2}(?:及?以[内上下])?")


def table_row(text: str, comparator: str, verbs: list[str]) -> bool:
    """The block ``text`` is a table's row or cell printed as a short line of its own
    ("东城区 5名", "5名", "30人以内": a 名额分配表 flattened by a web page): a bare
    number cell whatever its comparator, or a short line with no comparator
    (``comparator`` "=") and none of the target ``verbs`` — numbers in tables
    are not targets (../shared/real/README.md)."""
    if _BARE_CELL.fullmatch(text.strip()):
        return True  # "30人以内", "149-200人": a band of a table's column
    if len(text) > 16 or re.search(r"[，。；,;！？]", text) or comparator != "=":
        return False
    return not any(v in text for v in verbs)


# a condition on a count ("基层工会如教职工人数少于20人或男教工少于10人"): which recipients, no goal
_IF_COUNT = re.compile(r"(?:如果?|若|倘若|假如)(?!期|实|下|何|此|今|同)[^，,。；;]{0,16}(?:人数|数量|规模|总数)[^，,。；;]{0,12}$")
# a count in brackets that the sentence then splits ("按二级工会为单位(10个队)分为两组")
_TALLY_SPLIT = re.compile(r"[^（）()，,。；;]{0,6}[)）]\s*(?:分为|分成)")


def condition_or_tally(clause: str, sent: str, ne: int) -> bool:
    """The number ending at ``sent[ne]`` states a condition on who (``clause``, its
    clause before it, opens with 如/若 and a count: "如教职工人数少于20人") or is a
    tally in brackets that the sentence splits ("(10个队)分为两组"): no target
    (ANNOTATION.md "targets": counts of what exists, eligibility)."""
    return bool(_IF_COUNT.search(clause) or _TALLY_SPLIT.match(sent, ne))


def handed_list(sent: str, cstart: int) -> bool:
    """The clause at ``sent[cstart:]`` opens a list after a colon that
    introduces a quota handed to the issuer ("全总分配给我省的名额为:全国五一劳动奖状2个,
    …"): the list's counts are the issuer's quota, not targets (../shared/real/README.md)."""
    lead = sent[:cstart].rstrip()
    if not lead.endswith((":", "：")):
        return False
    return target_evidence.handed_to_issuer(re.split(r"[，,；;。]", lead[:-1])[-1])

