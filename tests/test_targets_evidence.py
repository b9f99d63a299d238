"""Clause evidence for and against targets (extractors/target_evidence.py;
ANNOTATION.md "targets", ../shared/real/README.md "Targets"): each rule on
two sentences, and the sentences it must leave alone."""
from __future__ import annotations

import pytest

from extractors.targets import extract_sentence
from models.targets import compact_target


def _got(sentence: str) -> list[tuple]:
    return [(compact_target(t)["value"], t.unit, t.comparator) for t, _, _ in extract_sentence(sentence)]


# sentence, rule it tests
NOT_TARGETS = [
    ("报送材料请按示例填写，如：参赛人数12人、领队1名。", "example"),
    ("表格填写举例：某单位推荐选手3名。", "example"),
    ("去年全市举办职工技能竞赛达到126场。", "past period, with a comparator"),
    ("近年来各级工会培训职工超过2万人次。", "past period, with a comparator"),
    ("活动开展以来吸引了6000余名职工参与。", "finished verb"),
    ("参加过2次以上市级比赛的选手不再报名。", "finished verb (an eligibility)"),
    ("全市已建成市级职工创新工作室58个以上。", "what exists, with a comparator"),
    ("截至目前，已有超过300家企业报名参加。", "what exists, with a comparator"),
    ("我校共有教职工216人，其中工会会员198人。", "what exists, and its 其中 split"),
    ("全区现有职工书屋120家，其中省级示范书屋15家。", "what exists, and its 其中 split"),
    ("市总工会给予每个项目补助不超过5万元。", "a subsidy, with a comparator"),
    ("报名费每人不超过80元，由参赛单位统一缴纳。", "a fee, with a comparator"),
    ("发生意外的最高补偿限额30000元。", "a benefit the issuer pays"),
    ("比赛分4个小组进行。", "a split of the contest"),
    ("初赛分3场进行，每场30分钟。", "a split of the contest"),
    ("集中授课每周2次，地点在职工服务中心。", "a schedule"),
    ("各分会每季度开展1次安全隐患排查。", "a schedule"),
    ("每条线路报名人数满25人方可成行。", "a run condition"),
    ("每期安排学员45人。", "the issuer's capacity"),
    ("每车乘坐45人。", "the issuer's capacity"),
    ("每人准备3套教学材料。", "copies of material"),
    ("每人需准备材料2套。", "copies of material"),
    ("本次转发共3个附件，请认真阅读。", "the notice's own attachments"),
    ("现将2个附件一并印发。", "the notice's own attachments"),
    ("学校将择优推荐一名老师参评。", "一 in the issuer's own act"),
    ("每组别选送一名选手参加全省比赛。", "一 without a request"),
    ("各分会组队参赛，其中两个小分会合并为一个参赛队。", "其中 outside a bracket gives no cue"),
    ("本次活动评出优秀作品30件。", "an award count"),
]


@pytest.mark.parametrize("sentence, rule", NOT_TARGETS)
def test_not_targets(sentence, rule):
    assert _got(sentence) == [], rule


# sentence, [(value, unit, comparator)]
TARGETS = [
    ("全市新建会员单位比上年增加20家以上。", [(20, "家", ">=")]),  # 比上年: a comparison
    ("今年要在去年基础上新增职工书屋30家。", [(30, "家", "=")]),  # a goal word lifts the past
    ("已建会的企业职工入会率达到95%以上。", [(95, "%", ">=")]),  # 已…的: a modifier
    ("力争参保会员人数达到5000人，已建会单位参保覆盖面不低于90%。",
     [(5000, "人", ">="), (90, "%", ">=")]),  # a goal sentence
    ("各单位疗休养人均费用不超过1500元。", [(1500, "元", "<=")]),  # a cap on spending
    ("活动经费控制在3万元以内。", [(30000, "元", "<=")]),
    ("每月组织不少于2次技能练兵。", [(2, "次", ">=")]),  # a minimum, not a schedule
    ("各区县总工会每季度开展1次以上安全检查。", [(1, "次", ">=")]),
    ("每期名额为40人。", [(40, "人", "=")]),  # a quota word keeps a capacity
    ("每条线路限30人。", [(30, "人", "<=")]),  # a cap stays
    ("每人提交材料不超过2套。", [(2, "套", "<=")]),
    ("请各学科组推荐一名老师参加比赛。", [(1, "名", "=")]),  # 一 in a request
    ("请各分工会推选一名代表参加会议。", [(1, "名", "=")]),
    ("每支队伍由五人组成。", [(5, "人", "=")]),  # a team size
    ("每队两名队员参加接力。", [(2, "名", "=")]),
    ("每队限报7人（其中领队兼教练一人）。", [(7, "人", "<="), (1, "人", "=")]),  # bracketed split
    ("各单位限报4名（其中女职工一名）。", [(4, "名", "<="), (1, "名", "=")]),
    ("各班组全年开展安全活动满12次。", [(12, "次", ">=")]),  # 满 is a minimum
    ("每名职工每年参加培训满40学时。", [(40, "学时", ">=")]),
]


@pytest.mark.parametrize("sentence, expected", TARGETS)
def test_targets(sentence, expected):
    assert _got(sentence) == expected
