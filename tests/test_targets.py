"""Quantitative targets (ANNOTATION.md "targets"): seed 004's 18 gold targets
one by one, and the rules sentence by sentence."""
from __future__ import annotations

import json

import pytest

from extractors import targets
from extractors.targets import extract_sentence
from models.targets import compact_target
from pipeline.stages.run import extract_file
from tests.conftest import SEED_IDS, SEEDS

SEED_004 = "004_4b022b1849280ac0"

# (value or [min, max], unit, comparator, metric) in print order.
EXPECTED_004 = [
    (90, "%", ">=", "参与面"),
    (300000, "人次", ">=", "参与活动的职工"),
    (80, "%", ">=", "劳动竞赛企事业单位覆盖面和职工参与率"),
    (70, "%", ">=", "已建会的非公企业劳动竞赛覆盖面和职工参与率"),
    (50000, "件", ">=", "合理化建议数量"),
    (50, "%", ">=", "实施率"),
    (2000, "项", "=", "职工技术革新"),
    (200, "项", "=", "发明创造"),
    (20, "项", "=", "申请专利"),
    (100, "项", "=", "总结推广先进操作法"),
    (300000, "人次", ">=", "参与各个层次技能比赛活动的职工"),
    (80, "%", ">=", "开展技能比赛的企业"),
    (80, "%", ">=", "开展岗位练兵活动的企业"),
    (120, "家", ">=", "实行选树“首席员工”、“金牌工人”等制度的试点企业"),
    (600, "人", "=", "技能带头人"),
    (20, "家", ">=", "企业建立劳模（高技能人才）创新工作室"),
    (1, "个", ">=", "企业建立劳模（高技能人才）创新工作室"),
    (500, "人", ">=", "职工节能减排义务监督员人数"),
]


@pytest.fixture(scope="module")
def seed_004():
    return extract_file(SEEDS / f"{SEED_004}.txt").targets


def test_seed_004_count(seed_004):
    assert len(seed_004) == len(EXPECTED_004)


@pytest.mark.parametrize("i,expected", list(enumerate(EXPECTED_004)))
def test_seed_004_target(seed_004, i, expected):
    value, unit, comparator, metric = expected
    t = seed_004[i]
    assert compact_target(t) == {"value": value, "unit": unit}
    assert t.comparator == comparator
    assert t.metric == metric
    assert t.evidence is not None and t.evidence.quote


def test_seed_004_scope_and_qualifier(seed_004):
    assert seed_004[0].scope == "全市规模以上企业"
    assert seed_004[16].qualifier == "每个县、市、区"


@pytest.mark.parametrize("seed", SEED_IDS)
def test_seed_targets_match_gold(seed):
    gold = json.loads((SEEDS / "gold" / f"{seed}.json").read_text(encoding="utf-8"))["targets"]
    got = [compact_target(t) for t in extract_file(SEEDS / f"{seed}.txt").targets]
    assert got == gold


# sentence, [(value, unit, comparator, metric, scope, qualifier)]
SENTENCES = [
    ("有条件的规模企业工会、行业工会都要组织本企业的职工开展劳动竞赛，举办1-2场竞赛展示活动。",
     [([1, 2], "场", "range", "竞赛展示活动", None, None)]),
    ("每个乡镇（街道、园区）完成技能比武1场以上。",
     [(1, "场", ">=", "技能比武", "每个乡镇（街道、园区）", "每个乡镇（街道、园区）")]),
    ("各单位举办2至3场职工劳动竞赛。", [([2, 3], "场", "range", "职工劳动竞赛", "各单位", None)]),
    ("每个基层工会限报3名选手。", [(3, "名", "<=", "选手", "每个基层工会", "每个基层工会")]),
    ("每条线路限报30人，报满为止。", [(30, "人", "<=", "每条线路", None, None)]),
    ("凡推荐2个以上班组的，至少要推荐1个非公企业班组。", [(1, "个", "=", "非公企业班组", None, None)]),
    ("疗休养分两批进行，每批各单位限报10人。", [(10, "人", "<=", None, "每批各单位", "每批各单位")]),
    ("各县区新建100家以上企业工会。", [(100, "家", ">=", "企业工会", "各县区", None)]),
    ("每人经费控制在200元以内。", [(200, "元", "<=", "每人经费", None, None)]),
    ("全年培训职工不少于5000人次。", [(5000, "人次", ">=", "职工", None, None)]),
    ("力争全市建会率达到百分之九十以上。", [(90, "%", ">=", "全市建会率", None, None)]),
    ("各县（市、区）至少举办二场技能竞赛。", [(2, "场", ">=", "技能竞赛", "各县（市、区）", None)]),
    ("各单位推荐人数不超过10人。", [(10, "人", "<=", "人数", "各单位", None)]),
    ("建立三十个劳模创新工作室。", [(30, "个", "=", "劳模创新工作室", None, None)]),
    ("扶持资金达到500万元。", [(5000000, "元", ">=", "扶持资金", None, None)]),
    ("覆盖职工2万人以上。", [(20000, "人", ">=", "覆盖职工", None, None)]),
    ("参训人数控制在30至50人之间。", [([30, 50], "人", "range", "参训人数", None, None)]),
    ("各区县总工会每季度开展1次以上安全检查。",
     [(1, "次", ">=", "安全检查", "各区县总工会", "每季度")]),
    ("新建职工书屋50家，职工之家覆盖率达到95%以上。",
     [(50, "家", "=", "职工书屋", None, None), (95, "%", ">=", "职工之家覆盖率", None, None)]),
    ("实现职工技术革新2000项，发明创造200项，申请专利20项。",
     [(2000, "项", "=", "职工技术革新", None, None), (200, "项", "=", "发明创造", None, None),
      (20, "项", "=", "申请专利", None, None)]),
    ("已建会的非公企业劳动竞赛覆盖面和职工参与率均达到70%以上。",
     [(70, "%", ">=", "已建会的非公企业劳动竞赛覆盖面和职工参与率", None, None)]),
    ("新建“爱心妈咪小屋”不少于300家，其中省级示范点30家。",
     [(300, "家", ">=", "“爱心妈咪小屋”", None, None), (30, "家", "=", "省级示范点", None, None)]),
    ("实现经济效益力争突破1.2亿元。", [(120000000, "元", ">=", "经济效益", None, None)]),
    # issue 11 (real circulars): a cue elsewhere in the sentence does not reach this clause
    ("各分会推荐1-2名候选人，填写推荐表一式2份。", [([1, 2], "名", "range", "各分会推荐", None, None)]),
    ("每个科室最多可组织两支队伍参加。", [(2, "支", "<=", "每个科室最多可组织", None, None)]),
    ("每个代表队演唱二至三首曲目。", [([2, 3], "首", "range", "每个代表队演唱", None, None)]),
    ("参赛职工每天步行不少于6000步。", [(6000, "步", ">=", "参赛职工每天步行", None, None)]),
    ("各部门工会推荐3组选手。", [(3, "组", "=", "选手", "各部门工会", None)]),
    ("各单位培训时间控制在4小时以内。", [(4, "小时", "<=", "时间", "各单位", None)]),
    ("每个县（市、区）推荐人数不少于5名，市直单位限报1名。",
     [(5, "名", ">=", "人数", "每个县（市、区）", "每个县（市、区）"), (1, "名", "<=", "市直单位", None, None)]),
    ("各单位限报1支代表队。", [(1, "支", "<=", "代表队", "各单位", None)]),
    # a selection made by each recipient is a quota (the issuer's total over its area is not)
    ("各年段选出15名选手参加拔河比赛。", [(15, "名", "=", "各年段选出", None, None)]),
    # a team's roles in Chinese numerals, registered by each recipient
    ("各单位可报领队一人，教练二人。", [(1, "人", "=", "可报领队", "各单位", None), (2, "人", "=", "教练", None, None)]),
    ("1、各代表队报领队一名。", [(1, "名", "=", "各代表队报领队", None, None)]),
    # 不得少于 / 不得超过 / 至多: the bound as printed
    ("每队人数不得少于26人。", [(26, "人", ">=", "每队人数", None, None)]),
    ("每队人数不得超过30人。", [(30, "人", "<=", "每队人数", None, None)]),
    ("每个学院至多推荐1个候选团队。", [(1, "个", "<=", "每个学院至多推荐", None, None)]),
    # ... while each recipient's nomination of such honours is a quota
    ("各学院推荐优秀团员不超过3名。", [(3, "名", "<=", "各学院推荐优秀团员", None, None)]),
    # a bracketed allowance closing the clause is no condition on the number
    ("各单位推荐5名选手参赛（人员较少的单位可酌情减少）。", [(5, "名", "=", "选手参赛", "各单位", None)]),
]


@pytest.mark.parametrize("sentence,expected", SENTENCES)
def test_sentence_targets(sentence, expected):
    got = [(compact_target(t)["value"], t.unit, t.comparator, t.metric, t.scope, t.qualifier)
           for t, _, _ in extract_sentence(sentence)]
    assert got == expected


NOT_TARGETS = [
    # a rule quoted from another document, in half-width quotes as in full-width
    '根据市总工会文件精神,"可由校工会在基地目录中选择不超过30个基地,组织职工疗休养"。',
    '根据市总工会文件精神，“可由校工会在基地目录中选择不超过30个基地，组织职工疗休养”。',
    '按照省总工会要求,"每个县(市、区)推荐不少于5名候选人"。',
    "继续发挥好现有 12 支县职工技术志愿服务队的优势。",  # what exists
    "现有会员单位120家。",
    "累计投入资金1.2亿元，惠及职工3万余人。",  # past achievements
    "通过举办第二届全市产业工人职业技能竞赛等竞赛活动。",  # ordinal
    "纪念改革开放40周年座谈会。",
    "请于活动结束后15个工作日内上报。",  # duration
    "本次竞赛分为3个组别。",  # structure
    "设一等奖1名、二等奖3名、三等奖5名。",  # award counts
    "征文字数不少于1500字，一式3份。",  # format specs
    "此表一式 3 份，县总工会经济工作部、基层工会各 1 份。",
    "参赛选手年龄在45周岁以下。",  # eligibility
    "考核在 90 分以上为合格。",
    "前10名选手授予“技术能手”称号。",  # rank
    "培养一支高素质的职工队伍。",  # 一 as an article
    "三、深化开展五项劳动竞赛活动",  # heading
    "紧紧围绕区委“一个目标，三大举措”战略部署。",  # slogan in quotes
    "坚持做到思想认识、宣传发动和组织实施等“三个到位”。",
    "对新命名的区级创新工作室给予每家5万元资助。",  # subsidy, not a goal
    "住院医疗互助保障每人每份60元。",  # a price
    "返还范围为职工人数不超过25人（含）的小微企业。",  # threshold describing who
    "身份证号码须填写完整的18位号码。",
    "2014年劳动竞赛的主要目标任务是：",  # a year
    # issue 11 (real circulars; ../shared/real/README.md "Targets")
    "会费按月工资*0.5%缴纳。",  # operand of a formula
    "每月会费=基本工资×0.5%。",
    "授予城东街道工会等12个单位“模范职工之家”称号。",  # award
    "从疗休养基地名单中选择5条线路。",  # a selection
    "每期报名人数至少25人方可成行。",  # minimum group size
    "每条线路报名满30人以上开班。",
    "疗休养时间为次年3月底前。",  # 次年 is a date, not 次
    "选手提交3个课时的教学设计。",  # session length
    "提交4个（完整）教学节段的视频。",
    "本次培训共40学时。",  # session length without a cap
    "参赛选手须制作8页以内的PPT课件。",  # material format
    "比赛设团体一等奖3个，个人奖20名。",  # an award's count
    "另设优秀组织奖5个。",
    "本次比赛设冠军1名、亚军1名、季军1名。",  # places awarded
    "团体赛取冠军队2支。",
    "全市共推选优秀青年职工100名。",  # the issuer's total selection over its area
    "全县共寻访“最美家庭”50户，每户颁发证书。",
    "职工人数50人以上（含50人）的企业可单独组队。",  # a condition, bracket inside the clause
    "三、表彰“江岭市五四红旗团支部”21个、“江岭市优秀共青团员”74名。",  # honours the issuer confers
    "只统计填写其中的表一、表二的第17、18项。",  # an ordinal over a list
    "由市总工会、市妇联、团市委等5家单位共同主办。",  # the count of the bodies named
    "四、学校已成立的教工文体协会（共14个，排名不分先后）",  # a count of the set named
    "推荐对象须为近5年内至少1次考核优秀者。",  # who qualifies
    "学校将选派一名教练参加培训。",  # the issuer's act: no recipient registers a team
    "本届运动会设裁判长一人。",
    "学校将指定一名教师负责。",  # the issuer's own act
    "所有25人以上企业要单独建会登记，25人以下企业可单独也可建联合工会。",  # headcount sorting bodies
    "职工100名以下单位可联合建会。",
    "时间和人数：分三批，共141人。",  # the issuer's batches
    "第一批：8月25—28日，47人；",
    "第二期培训分两批进行，每批40人。",
    "本次疗休养地点为重庆，共计40人（名额有限，额满即止）。",  # places taken first come, first served
    "本期培训班共50人，先到先得。",
    "通报如下：截止10月31日，在各级媒体发布信息189篇（其中：工人日报3篇，省总工会官网9篇）。",  # counts as of a day
    "截至6月30日，全区建成职工书屋45家（其中：示范点6家）。",
    "凡具有高级职称的职工都可以领衔申报，每个项目团队成员在3人以上。",  # who may apply
    "凡参赛选手须为本单位在职职工，每队5人。",
    "总结应包括参加人数、优胜者（实际参加活动人数的10%）名单。",  # how many win
    "获奖比例为参赛作品的20%。",
    "力争在12月底前完成省总下达的免费为4.6万名职工提供健康体检的目标任务。",  # the superior's task for the issuer
    "两次采样时间间隔48小时以上。",  # when, not how much
    "其中一次为培训报到时72小时以内。",
    # honours the issuer confers, named without quotes, and its own bounded award count
    "二、评选项目设置及名额分配:优秀团员32人、优秀团干部16人、优秀团支部3个、优秀社团1个。",
    "本次评选设三八红旗集体17个、平安家庭创建标兵户12户。",
    "全校范围内表彰不超过30个团支部。",
    "全校评选不超过10名。",
    "代表资格审查组由3人组成,组长1名、组员2名。",  # the issuer's own working group
    # a past decision continued by clauses that open with a number of the same unit
    "学校团委综合评定,确定了2支队伍为校级重点立项小分队,5支队伍为校级一般立项小分队,3支队伍为院级立项小分队。",
    "今年已经举办了4场专题讲座,6场为线上讲座。",
    # an award's count in brackets after it; a quiz platform's own rules; candidates the issuer publishes
    "比赛设名次奖(咸阳校区4个,临潼校区2个)和参与奖。",
    "设优秀组织奖(每个校区2个)。",
    "每日系统自动开放1个关卡。",
    "现向社会公布31名“最贴心娘家人”候选人。",
    # a selection's result (最终确定) and the items of the same list joined by 和
    "本次社会实践最终确定立项246支团队,包括50支重点团队和196支一般团队。",
    "经评审,最终评出优秀征文30篇,其中一等奖5篇、二等奖10篇和三等奖15篇。",
    # a span of past years (N年来, 多年来)
    "活动开展6年来,为近30万中小学生举办科普讲座700余场。",
    "多年来,职工书屋累计配送图书2万册。",
    # how many digits a number has, given in brackets
    "需采集会员的姓名、身份证号码(18位)、手机号码。",
    "请填写银行卡号(19位)。",
]


@pytest.mark.parametrize("sentence", NOT_TARGETS)
def test_not_targets(sentence):
    assert extract_sentence(sentence) == []


def test_tables_are_skipped():
    """Scoring rules in attachment 3 of seed 001 (100%, 95%以上, 每少1项扣5分) give nothing."""
    ts = extract_file(SEEDS / "001_dde7b99b86b616a6.txt").targets
    assert all(t.unit != "%" for t in ts)


def test_chinese_numerals_use_isolated_spans():
    """cn2an sees the numeral only: 三十 → 30, and the text is untouched."""
    (t, s, e), = extract_sentence("建立三十个劳模创新工作室。")
    assert t.value == 30 and "三十个" in t.text
    assert targets._num("三十") == 30


@pytest.mark.parametrize("numeral, value", [
    ("一", 1), ("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("三十", 30),
    ("一百二十", 120), ("两千零五", 2005), ("三十万", 300000),
])
def test_chinese_numerals(numeral, value):
    assert targets._num(numeral) == value


@pytest.mark.parametrize("text, values", [
    # a section heading run into its first item on one pasted line is still a heading
    ("各区总工会：现将要点通知如下。三、深化开展五项劳动竞赛活动1.各区至少举办2场技能竞赛。区总工会 2024年3月1日",
     [(2, "场")]),
    ("各基层工会：现将要点通知如下。二、建设三个职工书屋（一）每个街道新建职工书屋不少于1家。市总工会 2024年3月1日",
     [(1, "家")]),
    # the first line of a wrapped item is no heading: its numerals count
    ("各区县总工会：\n（一）全年在全市建设职工心理健康服务站三十个，每个区县（市）\n至少建成2个。\n市总工会\n2023年5月1日\n",
     [(30, "个"), (2, "个")]),
    ("各基层工会：\n（二）今年新建职工书屋二十家，每个街道\n不少于1家。\n区总工会\n2023年5月1日\n",
     [(20, "家"), (1, "家")]),
])
def test_heading_run_into_its_item_gives_no_target(text, values):
    from pipeline.readers import read_bytes
    from pipeline.stages.run import extract_document

    rec = extract_document(read_bytes("case.txt", text.encode("utf-8")))
    assert [(compact_target(t)["value"], t.unit) for t in rec.targets] == values


@pytest.mark.parametrize("text, values", [
    # a 名额分配表 flattened into short lines gives no targets; the quota in the body does
    ("关于开展推荐工作的通知\n各区总工会：\n请按名额推荐，每区不少于3名。\n市总工会\n2024年5月6日\n附件\n推荐名额分配表\n"
     "东城区 5名\n西城区 3名\n", [(3, "名")]),
    ("关于开展推荐工作的通知\n各区总工会：\n请按名额推荐，每区不少于3名。\n市总工会\n2024年5月6日\n附件\n推荐名额分配表\n"
     "单位\n名额\n东城区\n5名\n", [(3, "名")]),
    # a short line with a target verb is still a target
    ("关于做好职工书屋建设的通知\n各区总工会：\n今年重点工作如下。\n新建职工书屋20家\n市总工会\n2024年5月6日\n", [(20, "家")]),
])
def test_flattened_table_rows_give_no_target(text, values):
    from pipeline.readers import read_bytes
    from pipeline.stages.run import extract_document

    rec = extract_document(read_bytes("case.txt", text.encode("utf-8")))
    assert [(compact_target(t)["value"], t.unit) for t in rec.targets] == values


@pytest.mark.parametrize("text, values", [
    # numbers under a 评选条件 heading are what a candidate must meet, the next section's quota counts
    ("关于评选先进职工之家的通知\n各基层工会：\n二、评选条件\n1.会员入会率达98%以上。\n三、推荐名额\n"
     "各基层工会推荐不超过2个。\n市总工会\n2024年5月6日\n", [(2, "个")]),
    # a quota on the nominated set stays under such a heading; a 保障条件 section is no criteria
    ("关于评选先进班组的通知\n各分公司：\n一、申报条件\n推荐的班组中一线班组比例不低于70%。\n二、保障条件\n"
     "各分公司安排培训经费不少于5万元。\n集团工会\n2024年5月6日\n", [(70, "%"), (50000, "元")]),
    # the section ends with the body: an attachment's prose after the signature counts again
    ("关于评选先进职工之家的通知\n各基层工会：\n二、评选条件\n会员入会率达98%以上。\n市总工会\n2024年5月6日\n"
     "附件\n填报说明\n各基层工会推荐不超过2个。\n", [(2, "个")]),
    # sub-headings (一)(二) under a conditions heading go on with it; the next top-level heading ends it
    ("关于评选青年文明号的通知\n各团委：\n二、申报条件和标准\n（一）集体成员一般不少于6人，不多于100人；35岁以下的青年不低于60%。\n"
     "（二）集体负责人年龄不超过40周岁。\n三、推荐名额\n各团委推荐不超过2个。\n团市委\n2024年5月6日\n", [(2, "个")]),
    ("关于创建巾帼文明岗的通知\n各基层工会：\n二、创建条件\n（一）巾帼文明岗\n1.女性人数应占成员的60%以上，一般要求3人以上。\n"
     "三、工作要求\n请各单位推荐1个集体。\n市妇联\n2024年3月6日\n", [(1, "个")]),
    # a heading naming conditions and quotas together (评优条件、比例及方式) opens no conditions section
    ("关于评选优秀工会干部的通知\n各分工会：\n二、评优条件、比例及方式\n（一）优秀工会干部\n1.评选方式、比例:各分工会评选1名优秀工会干部。\n"
     "校工会\n2020年11月6日\n", [(1, "名")]),
    # ... but a sub-section of conditions ends at the next sub-heading
    ("关于评选先进的通知\n各分会：\n一、评选办法\n（一）评选条件\n会员入会率达98%以上。\n（二）推荐数量\n各分会推荐2名。\n"
     "校工会\n2024年5月6日\n", [(2, "名")]),
    # a heading run into a flattened line opens and closes the section too
    ("各区总工会：现将要求通知如下。一、申报条件 1.年借阅量不少于1500人次。二、工作要求 请各区举办读书活动不少于3场。"
     "区总工会 2024年3月1日", [(3, "场")]),
    # the issuer's own quota from its superior (我区/本市…名额) is no target; a cap on each recipient in it is
    ("关于推荐劳动模范的通知\n各基层工会：\n二、我区推荐名额\n1.区级劳动模范15名、先进集体3个；\n"
     "以上各项，各基层工会最多推荐2名。\n三、工作要求\n请各单位于5月1日前报送。\n区总工会\n2024年4月6日\n", [(2, "名")]),
    ("各学校：现将要求通知如下。一、本市分配指标 优秀教师30名。二、推荐要求 每所学校限报1名。"
     "市教育工会 2024年3月1日", [(1, "名")]),
    # an inline label of qualifying standards (建设标准：, 参评条件：) opens no quota; a quota sentence after it does
    ("关于创建职工书屋示范点的通知\n各县区总工会：\n2、示范点建设标准：面积在30平方米以上、藏书量500册以上，"
     "有1名专兼职管理员。3、每个县区可申报1家。\n市总工会\n2024年5月6日\n", [(1, "家")]),
    ("关于评选优秀工会干部的通知\n各分会：\n（三）参评条件：连续工作满3年，年度考核2次以上优秀。"
     "各分会限报2名。\n校工会\n2024年5月6日\n", [(2, "名")]),
    # a 创建标准 heading: what a collective must be to qualify
    ("关于创建青年文明号的通知\n各基层团组织：\n二、创建标准\n1.集体人数不少于5人，青年占50%以上。\n三、推荐名额\n"
     "各单位推荐1个。\n团市委\n2024年5月6日\n", [(1, "个")]),
])
def test_criteria_sections_give_no_target(text, values):
    from pipeline.readers import read_bytes
    from pipeline.stages.run import extract_document

    rec = extract_document(read_bytes("case.txt", text.encode("utf-8")))
    assert [(compact_target(t)["value"], t.unit) for t in rec.targets] == values


@pytest.mark.parametrize("sentence, values", [
    # a 其中 bracket splits a goal: its items stay goals; a split of a count as of a day does not
    ("全市新建职工书屋50家（其中：示范点10家）。", [(50, "家"), (10, "家")]),
    ("截止10月31日，发布信息189篇（其中：工人日报3篇）。", []),
    # hours of activity are a goal; hours from an event are timing
    ("每位职工每年参加志愿服务不少于8小时。", [(8, "小时")]),
    ("须持报到前72小时以内的检测报告。", []),
])
def test_split_and_timing_values(sentence, values):
    assert [(compact_target(t)["value"], t.unit) for t, _, _ in extract_sentence(sentence)] == values


@pytest.mark.parametrize("sentence, values", [
    # 份 counts pieces of work the recipients write, never copies of a form
    ("原则上每位委员至少报送一份建议。", [(1, "份")]),
    ("每个分工会报送3份调研报告。", [(3, "份")]),
    ("请将申报表复印件2份交工会。", []),
    ("纸质版一式两份报送市总工会。", []),
    # 一场/一次 an event the recipients (the sentence's subject) are to hold
    ("2.各分会结合本分会实际组织开展一场活动。", [(1, "场")]),
    ("请各单位举办一次安全培训。", [(1, "次")]),
    ("学校将组织开展一场文艺汇演。", []),
    # each recipient's quota, not the total it adds up to; a numbered item opens with 各
    ("4、各分工会推荐一人,共计20人组成评审委员会。", [(1, "人")]),
    ("各学院推荐2名,合计30名组成代表团。", [(2, "名")]),
    # a bound restated in brackets is one target
    ("每队正式队员8人以上(含8人)。", [(8, "人")]),
    # what a player may do is no quota; 可推荐 grants one
    ("每人一天可以答题3次。", []),
    ("每单位可以推荐2名。", [(2, "名")]),
    # a bound word in the clause makes 一 a count, not an article
    ("每位正式代表在任期内至少提交一份提案。", [(1, "份")]),
    ("各工会小组全年至少组织一次集体活动。", [(1, "次")]),
    # a page's view count, the digits of a number, the items just named counted: no quota
    ("发布日期:2016年6月28日阅读5237次", []),
    ("身份证号填写18位数字,手机号11位。", []),
    ("履行维权、参与、教育和建设四项基本职能。", []),
    ("各单位推荐劳模、工匠和先进个人5名。", [(5, "名")]),
    # a span of past years bounds what to submit; the quota in it stays
    ("具体要求是:近三年来,本单位职工科技创新成效概况(500字),推荐突出的职工科技成果3-5项。", [([3, 5], "项")]),
    ("近两年来的优秀案例,每个单位报送2个。", [(2, "个")]),
    # the issuer's pick among the nominees; a designation on each recipient
    ("每个单位限推荐1人,学校科协根据各单位推荐情况,择优推荐3人至省科协。", [(1, "人")]),
    ("各分工会须确定一位设备保管人。", [(1, "位")]),
    # the issuer's own pick of finalists
    ("区总工会将组织专家初审,确定12篇入围作品。", []),
])
def test_quota_classes(sentence, values):
    assert [(compact_target(t)["value"], t.unit) for t, _, _ in extract_sentence(sentence)] == values
