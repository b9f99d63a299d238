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
    ("理论考试成绩占30%，实操考试成绩占70%。", "score weights"),
    ("总成绩按理论成绩40%、实操成绩60%计算。", "score weights"),
    ("会员凭卡购票可享受20%优惠。", "a discount"),
    ("医疗费用按50%比例报销。", "a reimbursement rate"),
    ("按职工工资总额的2%向上级工会拨缴经费。", "a contribution rate"),
    ("会员按本人工资收入的0.5%缴纳会费。", "a contribution rate"),
    ("职工人数50人以上企业可单独组队参赛。", "a condition (permission after the number)"),
    ("报名人数达到10人以上即可组建兴趣小组。", "a condition (permission after the number)"),
    ("东城区5名 西城区3名 南城区4名 北城区2名", "a table flattened into a line"),
    ("各街道分配名额如下：朝阳街道8个花园街道6个新华街道5个", "a table flattened into a line"),
    ("每场比赛上场队员5人，替补2人。", "game rules"),
    ("每局比赛上场4人。", "game rules"),
    ("截止2023年底，全市工会会员达到150万人。", "a count as of a past year-end"),
    ("截至2024年6月，全区建成职工驿站不少于80个。", "a count as of a past month"),
    ("2023年全市共发放助学金300万元，惠及困难职工子女2000人。", "a result (惠及)"),
    ("慰问活动惠及一线职工超过5000人。", "a result (惠及)"),
    ("截至5月底，全市累计建成驿站120个。", "a running total"),
    ("今年以来全市累计举办技能竞赛200场。", "a period up to now (以来)"),
    ("今年以来，各级工会共慰问困难职工超过3000户。", "a period up to now (以来)"),
    ("省总工会分配我市参赛名额10个。", "a quota handed to the issuer"),
    ("根据省教育工会下达我校的指标3名，现组织推荐。", "a quota handed to the issuer"),
    ("各单位要培养一支高素质的队伍。", "一 as an article after a target verb"),
    ("各单位要建立一支志愿者队伍。", "一 as an article after a target verb"),
    ("每缺1项扣2分。", "a scoring rule"),
    ("迟到1次扣1分，缺席1次扣3分。", "a scoring rule"),
    ("每增加1家加2分。", "a scoring rule"),
    ("活动时间为2个半天。", "a duration"),
    ("培训持续2个学期。", "a duration"),
    ("集训安排在3个周末进行。", "a duration"),
    ("本次培训共安排4个专题。", "a structure"),
    ("本次大赛共安排3个赛区。", "a structure"),
    ("近三年内获得2次以上市级表彰的职工可优先推荐。", "a threshold describing who qualifies"),
    ("会员人数100人以上规模的企业工会要率先建立职工书屋。", "a threshold describing who qualifies"),
    ("推荐对象须近三年内获得2次以上市级表彰。", "an eligibility sentence"),
    ("参赛选手须在本单位参加过不少于3次技能培训。", "an eligibility sentence"),
    ("如报名人数少于12人，则取消该线路。", "a conditional clause"),
    ("若参赛队伍超过16支，将分组进行预赛。", "a conditional clause"),
    ("报名人数须达到30人及以上，工会才统一组织包车。", "a run condition in the next clause"),
    ("每条路线报名须满40人，不足的不再组团。", "a run condition in the next clause"),
    ("勾选超过5项视为无效。", "a rule on entries (a consequence)"),
    ("投票时勾选多于7个的选票不予计票。", "a rule on entries (a consequence)"),
    ("从入围的40件作品中评选优秀作品。", "a pool chosen from"),
    ("在全省200多家基地中遴选示范点。", "a pool chosen from"),
    ("工会将与这20家企业逐一对接。", "a reference back"),
    ("上述5个项目由各单位自行组织。", "a reference back"),
    ("附件为入围的25个项目名单。", "a set named before (的)"),
    ("符合条件的人员有：男职工（12人）：张三、李四；女职工（8人）：王五、赵六。", "a count labelling a list"),
    ("经研究，工会拟推荐优秀会员3名。", "the issuer's own nomination"),
    ("本部门将择优推荐2名参加市级评选。", "the issuer's own nomination"),
    ("我市本次可推荐先进集体5个（其中企业3个，机关2个），先进个人12名（男职工6名，女职工6名）。",
     "a quota handed to the issuer, and its items"),
    ("我区可申报示范点4个，示范岗10个。", "a quota handed to the issuer, and its items"),
    ("选手须在10分钟内录入汉字300个。", "a timed contest task"),
    ("参赛者5分钟内完成装配零件20件。", "a timed contest task"),
    ("本环节占总成绩的25%。", "a score weight (占…的)"),
    ("讲解中案例内容占比不超过全部内容的30%。", "a share of the material's content"),
    ("工会委员会先选定20家为候选单位。", "the issuer's selection"),
    ("最终确定票数最多的10家为合作单位。", "the issuer's selection"),
    ("请全体会员从候选的50家中投票确定其中20家作为活动场馆。", "a pick from candidates"),
    ("培训时间不少于3天。", "a duration in days"),
    ("参加疗休养的职工休养天数为5天。", "a duration in days, without a comparator"),
    ("请于3天内报送。", "a duration in days"),
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
    ("各基层工会选派一名工会干部参加培训。", [(1, "名", "=")]),  # 各 addresses recipients
    ("各分会派一名代表到工会抽签。", [(1, "名", "=")]),  # 派 / 指定 ask each recipient for one person
    ("请各单位指定一名领导作为领队。", [(1, "名", "=")]),
    ("各分工会推荐两名优秀教师参加评选。", [(2, "名", "=")]),
    ("我市今年要新建职工书屋50家。", [(50, "家", "=")]),  # the issuer's own plan counts
    ("开展技能比武，如：岗位练兵、技术比赛等，每个单位至少举办2场。", [(2, "场", ">=")]),  # 等， closes the example
    ("各单位要完成2场以上市级示范性的技能比武。", [(2, "场", ">=")]),  # 的 before a non-holder noun
    ("截至今年6月底，各单位要完成会员实名制录入率100%。", [(100, "%", "=")]),  # a goal lifts 截至
    ("截至年底，全区职工书屋要达到60家。", [(60, "家", ">=")]),
    ("自活动开展以来，力争参与职工达到1万人次。", [(10000, "人次", ">=")]),  # a goal lifts 以来
    ("新建职工书屋50家，服务职工的覆盖率达到90%。", [(50, "家", "="), (90, "%", ">=")]),
    ("组织文体活动，例如球赛、歌咏比赛等，全年不少于4次。", [(4, "次", ">=")]),
    ("每个基层工会至少发展会员10人，每发展1人得1分。", [(10, "人", ">=")]),  # points only on the second
    ("每支队伍由五人组成。", [(5, "人", "=")]),  # a team size
    ("每队两名队员参加接力。", [(2, "名", "=")]),
    ("每队限报7人（其中领队兼教练一人）。", [(7, "人", "<="), (1, "人", "=")]),  # bracketed split
    ("各单位限报4名（其中女职工一名）。", [(4, "名", "<="), (1, "名", "=")]),
    ("女职工占比不低于30%。", [(30, "%", ">=")]),  # a share with a comparator is a goal
    ("参赛人数不少于占本单位工会会员的60%。", [(60, "%", "=")]),  # 占 not right before it
    ("确保符合条件的资助对象覆盖率达到100%。", [(100, "%", ">=")]),  # a coverage, not a payment
    ("各单位会费收缴率要达到100%。", [(100, "%", ">=")]),
    ("对每户困难职工家庭发放慰问金不超过2000元。", [(2000, "元", "<=")]),  # a cap on what recipients give
    ("会员人数在200人以上的基层工会可推荐2名。", [(2, "名", "=")]),  # 可 before the number
    ("截至2026年6月底，各单位入会率要达到90%以上。", [(90, "%", ">=")]),  # a goal word lifts 截至
    ("各区推荐名额：东城区5名，西城区3名，南城区4名。", [(5, "名", "="), (3, "名", "="), (4, "名", "=")]),
    ("各班组全年开展安全活动满12次。", [(12, "次", ">=")]),  # 满 is a minimum
    ("每名职工每年参加培训满40学时。", [(40, "学时", ">=")]),
    ("各分会推荐代表3人，其中一线职工不少于1人，否则名额作废。",
     [(3, "人", "="), (1, "人", ">=")]),  # 否则: a sanction, not a run condition
    ("我市本次可推荐先进集体6个（各县区各1个）。", [(1, "个", "=")]),  # 各 hands the quota on
    ("投票时所选单位不超过20家为有效票。", [(20, "家", "<=")]),  # a cap on voters
    ("在全市建立100个职工服务中心。", [(100, "个", "=")]),  # 中心 is no pool
    ("各单位要在辖区企业中建成50个职工书屋。", [(50, "个", "=")]),  # no 在…N…中
    ("各单位将推荐3名候选人。", [(3, "名", "=")]),  # 各: a quota on recipients
    ("如期完成培训职工500人次。", [(500, "人次", "=")]),  # 如期 is no condition
    ("请各单位确定2名联络员。", [(2, "名", "=")]),
    ("达标天数为累计满25天。", [(25, "天", ">=")]),  # a count of days to reach
    ("每名会员全年参加学习满20学时视为合格。", [(20, "学时", ">=")]),  # a standard, not a void rule
    ("省总工会分配我市名额10个，请各区推荐不少于2名。", [(2, "名", ">=")]),  # a request after a handed quota
    ("我校可申报示范岗4个，每个年级推荐1个。", [(1, "个", "=")]),
    ("每月打卡天数不少于20天。", [(20, "天", ">=")]),  # designating, not picking from candidates
    ("各分会要确定1名信息员，负责报送材料。", [(1, "名", "=")]),
    ("每队比赛时间为30分钟，每队至少完成作品2件。", [(2, "件", ">=")]),  # 分钟 in another clause
]


@pytest.mark.parametrize("sentence, expected", TARGETS)
def test_targets(sentence, expected):
    assert _got(sentence) == expected
