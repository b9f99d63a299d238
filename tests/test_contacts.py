"""Contact points (ANNOTATION.md "contacts"): labelled fields in any order,
phone normalisation and validation, grouping, blank form fields, seeds."""
from __future__ import annotations

import json

import pytest

from extractors import contacts
from extractors.contacts import split_dept_name
from models.contacts import compact_contacts
from models.document import Block, Document
from pipeline.stages.normalise import normalise
from pipeline.stages.run import extract_file
from tests.conftest import SEED_IDS, SEEDS


def doc_of(*lines: str) -> Document:
    d = Document(path="t.txt", sha256="", format="txt",
                 blocks=[Block(kind="paragraph", raw=x) for x in lines])
    return normalise(d)


def compact(*lines: str) -> dict:
    cps, _ = contacts.extract(doc_of(*lines))
    return {k: v for k, v in compact_contacts(cps).items() if v}


# printed line(s) → the compact values (empty kinds left out)
CASES = [
    ("（联系人：甘利平，联系电话：6032390/QQ：435746438/微信：13857286264）。",
     {"names": ["甘利平"], "phones": ["6032390"], "qq": ["435746438"], "wechat": ["13857286264"]}),
    ("联 系 人：区总工会宣传教育部   张  琳、曹理仰",
     {"names": ["张琳", "曹理仰"]}),
    ("联系电话：25032216     邮箱：qzxjb2008@126.com",
     {"phones": ["25032216"], "emails": ["qzxjb2008@126.com"]}),
    ("电子邮箱lsszghbzb＠126.com。", {"emails": ["lsszghbzb@126.com"]}),
    # a space a web page printed beside the @
    ("联系人:张建国，邮箱:1061024525 @qq.com；", {"names": ["张建国"], "emails": ["1061024525@qq.com"]}),
    ("投稿邮箱：ghxcb@ 163.com。", {"emails": ["ghxcb@163.com"]}),
    ("联系人：李红梅　　联系电话：6812237　　手机：139 5512 0468",
     {"names": ["李红梅"], "phones": ["6812237", "13955120468"]}),
    ("联系人：王敏，电话：0571—87654321转8012。",
     {"names": ["王敏"], "phones": ["0571-87654321转8012"]}),
    ("联系电话：2205075，3728286", {"phones": ["2205075", "3728286"]}),
    ("电话：0851-88292601　传真：0851-88292602", {"phones": ["0851-88292601", "0851-88292602"]}),
    ("电话：(0532)85912346", {"phones": ["0532-85912346"]}),
    ("联系电话：66120318/19", {"phones": ["66120318", "66120319"]}),
    ("联系电话：66120318/6612", {"phones": ["66120318转6612"]}),
    ("联系电话：66120318/661203", {"phones": ["66120318", "661203"]}),
    ("电话:88335825/885825,邮箱:gh@example.net", {"phones": ["88335825", "885825"], "emails": ["gh@example.net"]}),
    ("联系电话：0571-87654321-8012", {"phones": ["0571-87654321转8012"]}),
    ("QQ群：123456789", {"qq": ["123456789"]}),
    # a QQ mailbox given by its number, a 4-digit internal number after 电话 (real classes)
    ("工会办公室:QQ邮箱: 1234567890", {"qq": ["1234567890"]}),
    ("QQ邮箱:1234567890@qq.com", {"emails": ["1234567890@qq.com"]}),
    ("联系人:周建国,电话:6218。", {"names": ["周建国"], "phones": ["6218"]}),
    ("联系人:张萌,电话:91861。", {"names": ["张萌"], "phones": ["91861"]}),  # 5-digit 校内短号
    ("联系人:王丽(91862)。", {"names": ["王丽"], "phones": ["91862"]}),  # in brackets after the name
    ("联系人：周建国（6218），李强（6219）。", {"names": ["周建国", "李强"], "phones": ["6218", "6219"]}),
    ("联系人:周建国(团委)。", {"names": ["周建国"]}),
    ("联系方式:党群工作部(6207、6026)。", {"phones": ["6207", "6026"]}),
    # a Taiwan number: two-digit area code, the local number split by a hyphen
    ("聯絡人:糜新宜,電話:(02)2592-5252,傳真:(02)2594-1586。", {"names": ["糜新宜"], "phones": ["02-25925252", "02-25941586"]}),
    ("联系人:王新宜,电话:02-25925252。", {"names": ["王新宜"], "phones": ["02-25925252"]}),
    ("电话:(010)8592-5252", {"phones": ["010-85925252"]}),
    # a name whose surname our list lacks, alone before a phone label; a phone before an address
    ("联系人:糜新猷,电话:9084。", {"names": ["糜新猷"], "phones": ["9084"]}),
    # internal numbers printed apart by spaces, the 联系人 label after them
    ("联系电话:3048 3900 联系人:徐小健 谢君", {"names": ["徐小健", "谢君"], "phones": ["3048", "3900"]}),
    ("电话:6021 6035 联系人:周宁", {"names": ["周宁"], "phones": ["6021", "6035"]}),
    # a role in brackets between the name and its phone
    ("徐 苗(老师):17311247615", {"names": ["徐苗"], "phones": ["17311247615"]}),
    ("印雨菲(学生):18886033554", {"names": ["印雨菲"], "phones": ["18886033554"]}),
    # a remark (带传真) after a phone, then more numbers; a second extension after 、
    ("联系人:郭悦,包冬冬 电话:010-84854726(带传真),84854786-927、928,18611917879",
     {"names": ["郭悦", "包冬冬"], "phones": ["010-84854726", "84854786转927", "84854786转928", "18611917879"]}),
    ("联系人:张三,电话:0571-87651234(传真),13905711234", {"names": ["张三"], "phones": ["0571-87651234", "13905711234"]}),
    ("联系电话:0571-87651234转801、802", {"phones": ["0571-87651234转801", "0571-87651234转802"]}),
    # Taiwan forms: a 2-digit area code and a hyphen inside the local number; 洽询专线; a title-only name after a comma
    ("洽询专线: 03-435-1688,陈秘书。", {"names": ["陈秘书"], "phones": ["03-4351688"]}),
    ("联系电话:02-2585-7559", {"phones": ["02-25857559"]}),
    ("报名专线:0571-8765-4321,王老师。", {"names": ["王老师"], "phones": ["0571-87654321"]}),
    ("联系人:郦明，电话:87654321。", {"names": ["郦明"], "phones": ["87654321"]}),
    ("联系人:宋晓颖 83952271 songxy@cueb.edu.cn", {"names": ["宋晓颖"], "phones": ["83952271"], "emails": ["songxy@cueb.edu.cn"]}),
    ("联系人：工会办，电话：87654321。", {"phones": ["87654321"]}),
    ("联系人:待定。", {}),
    ("联系人:周建国,电话:2023年5月起停用", {"names": ["周建国"]}),
    ("微信号：ghzx_2024　E-mail：GHZX@163.COM", {"wechat": ["ghzx_2024"], "emails": ["ghzx@163.com"]}),
    ("联系人：张三13800138000，李四13900139000",
     {"names": ["张三", "李四"], "phones": ["13800138000", "13900139000"]}),
    ("热线电话：12351", {"phones": ["12351"]}),
    # issue 11 classes seen in real circulars, each with a second line written here
    ("有意向的老师请与教务处刘晓燕老师联系。", {"names": ["刘晓燕"]}),  # told to contact
    ("如有疑问，可与区总工会女职工部许文静联系，电话：86612345。",
     {"names": ["许文静"], "phones": ["86612345"]}),
    ("报名请联系工会办公室王老师，电话：87654321。", {"names": ["王老师"], "phones": ["87654321"]}),
    ("如有疑问请联系王老师13912345678。", {"names": ["王老师"], "phones": ["13912345678"]}),
    ("报名请联系刘洋（87654321）。", {"names": ["刘洋"], "phones": ["87654321"]}),
    ("将报名表交至校工会办公室吴海燕、郑丽处，电话：88765432。",  # names right before a phone
     {"names": ["吴海燕", "郑丽"], "phones": ["88765432"]}),
    ("张老师 电话 87654321", {"names": ["张老师"], "phones": ["87654321"]}),
    ("联系人：张三 李四，电话：87654321", {"names": ["张三", "李四"], "phones": ["87654321"]}),
    ("联系人:陈建国 林  芳，电话:87654321", {"names": ["陈建国", "林芳"], "phones": ["87654321"]}),
    ("联系人:李工 13800001111", {"names": ["李工"], "phones": ["13800001111"]}),  # as printed
    ("联系人：时晓东，电话：85093032", {"names": ["时晓东"], "phones": ["85093032"]}),
    ("联系电话：83216547/83216548", {"phones": ["83216547", "83216548"]}),  # A/B
    ("电话：0571——87654321", {"phones": ["0571-87654321"]}),  # double dash
    ("电子信箱:yy 2028@163.com", {"emails": ["yy2028@163.com"]}),  # stray space
    ("邮箱：gh 2024@126.com。", {"emails": ["gh2024@126.com"]}),
    ("邮箱:230790734@qq.com.", {"emails": ["230790734@qq.com"]}),  # final full stop
    ("联系人:周敏、郑海请各单位按时报送。", {"names": ["周敏", "郑海"]}),  # run onto one line
    ("联系人：宋佳欢迎各位老师积极参加。", {"names": ["宋佳"]}),
    # several people on one line, the second and third without a label
    ("联系人：团市委青工部 周晓芸，0734-6612345；市总工会宣教部 贾明，13907345678；市妇联 兰心怡，0734-6612388",
     {"names": ["周晓芸", "贾明", "兰心怡"], "phones": ["0734-6612345", "13907345678", "0734-6612388"]}),
    ("联系人：集团工会 王工 13605712233；赵琳 0571-85092211",
     {"names": ["王工", "赵琳"], "phones": ["13605712233", "0571-85092211"]}),
    ("联系人：区总工会 蒋丽 电话：0553-3831234 区科协 任涛 电话：0553-3835678",
     {"names": ["蒋丽", "任涛"], "phones": ["0553-3831234", "0553-3835678"]}),
    ("有事请联系工会杨老师13588881234或办公室 程老师 0576-88221234。",
     {"names": ["杨老师", "程老师"], "phones": ["13588881234", "0576-88221234"]}),
    ("县文联　韦国栋　13974221234", {"names": ["韦国栋"], "phones": ["13974221234"]}),  # no label at all
    ("市侨联 苏文博 0571-86123456", {"names": ["苏文博"], "phones": ["0571-86123456"]}),
    ("电话（传真）：0872-3125678", {"phones": ["0872-3125678"]}),  # label in brackets
    ("联系电话：0571-87654321（王老师）", {"names": ["王老师"], "phones": ["0571-87654321"]}),  # name after
    # 咨询： before a number; "微信同号" labels the mobile as the WeChat id too (a choice changed 2026-11-30:
    # blind gold lists it under both, the guide's "ids labelled 微信")
    ("报名咨询：18905712345（微信同号）", {"phones": ["18905712345"], "wechat": ["18905712345"]}),
    ("业务咨询:0571-86001234", {"phones": ["0571-86001234"]}),
    ("咨询电话：13812345678（陈晓东）、13912345678（林芳）",
     {"names": ["陈晓东", "林芳"], "phones": ["13812345678", "13912345678"]}),
    ("联系电话（兼传真）：0736-7223456", {"phones": ["0736-7223456"]}),
    # a post before the name; a campus short number of six digits after an explicit label
    ("请将意见反馈给工会委员周化斌,电话:666789。", {"names": ["周化斌"], "phones": ["666789"]}),
    ("有问题请反馈给团委书记郑洁，电话：0571-86012345。", {"names": ["郑洁"], "phones": ["0571-86012345"]}),
    # English labels (Taiwan, Hong Kong, enterprise letters)
    ("TEL (02)2592-5252", {"phones": ["02-25925252"]}),
    ("Tel: 0571-87654321  Fax: 0571-87654322", {"phones": ["0571-87654321", "0571-87654322"]}),
    # a second person on the line, named right before the e-mail label
    ("意见反馈给工会委员周化斌,电话:666789。电子版发给校工会李敏邮箱:limin2023@163.com。",
     {"names": ["周化斌", "李敏"], "phones": ["666789"], "emails": ["limin2023@163.com"]}),
    # a name right before an e-mail label
    ("电子版发送到区工会李敏邮箱:limin2020@163.com。", {"names": ["李敏"], "emails": ["limin2020@163.com"]}),
    # the short number in brackets after a full phone is that phone's, not a second one
    ("联系人:吴刚 联系电话:2067788(7788)", {"names": ["吴刚"], "phones": ["2067788"]}),
    # a person named right before an e-mail printed in brackets; a mailbox word is no name
    ("分工会汇总后将电子版发送给工会顾红宁(474473464@qq.com)。", {"names": ["顾红宁"], "emails": ["474473464@qq.com"]}),
    ("请将名单发送给校工会办公室李明（liming@abc.edu.cn）。", {"names": ["李明"], "emails": ["liming@abc.edu.cn"]}),
    ("请将作品发送至邮箱(gh2021@163.com)。", {"emails": ["gh2021@163.com"]}),
    # a person with an honorific after the phone; one the reader is told to contact before what to do
    ("咨询电话:13569531234 郑老师。", {"names": ["郑老师"], "phones": ["13569531234"]}),
    ("有意参加的教师,请于9月10日前,联系付老师报名(电话:8019)。", {"names": ["付老师"], "phones": ["8019"]}),
    # a department, then names apart by spaces; a name before a QQ number
    ("联系人:团省委少年部 郭炜城 喻凯,联系电话:0571-85551234。", {"names": ["郭炜城", "喻凯"], "phones": ["0571-85551234"]}),
    ("请将报名表发送至况老师QQ46525353。", {"names": ["况老师"], "qq": ["46525353"]}),
]


@pytest.mark.parametrize("line,expected", CASES)
def test_contact_values(line, expected):
    assert compact(line) == expected


NOT_CONTACTS = [
    "联系人：　　　　联系电话：　　　　填报日期：　　年　　月　　日",  # blank form
    "联系电话/QQ 号/微信号\t\t\t",
    "注重借助微信公众号等新媒介作用。",  # 微信 in prose
    "欢迎分会会长或联络人向会办申请,会员每人每年以150元计。",  # 联络人 as a role in a sentence, no label
    "请各单位确定一名联系人向校工会报备。",
    "报到地点:宾馆(北京市海淀区王庄路18号,宾馆电话:010-62322288)。",  # the venue's phone: a 馆 is no person
    "通过网站、微博、微信、视频展播等多种形式。",
    "鼓励团员青年利用微博、微信、vlog、抖音等平台开展宣传。",  # a platform in a list, no label
    "由区总工会党组书记、副主席陈军康任组长。",  # 领导小组 leaders
    "监督电话\t5",  # a score in a form
    "联系电话：2018年3月1日",  # a date is not a phone
    "请各单位确定1名联系人，于4月10日前报送。",
    "请将报名表交王老师（行政楼301）。",  # only receives material
    "请与所在单位工会联系。",
    "如需维修请联系机关分工会。",
    "会员服务卡由建设银行办理，咨询电话：95533。",  # third parties
    "请到市民卡服务中心办理，电话：96225。",
    "作品装裱可联系县城文华装裱店（电话：0736-7229988）。",  # a merchant
    "团购请联系金源体育用品商店，电话：87651234。",
    "有关政策咨询：请登录市总工会网站查询。",  # 咨询 without a number
    "全市共投入资金12345678元。",  # a number that is not after a name
    "全年服务职工王家庄村13800人次。",
    "入住Hotel 2024年新馆。",  # a word ending in "tel" is no label
]


@pytest.mark.parametrize("line", NOT_CONTACTS)
def test_not_contacts(line):
    assert compact(line) == {}


@pytest.mark.parametrize("tok,expected", [
    ("区总工会宣传教育部张琳", ("区总工会宣传教育部", "张琳")),
    ("张琳", (None, "张琳")),
    ("欧阳明", (None, "欧阳明")),
    ("市总工会经济技术工作部", ("市总工会经济技术工作部", None)),
    ("负责人", (None, None)),
    ("填报日期", (None, None)),
    ("德育处童莉芳老师", ("德育处", "童莉芳")),  # a full name drops its honorific
    ("李老师", (None, "李老师")),  # an honorific-only name stays as printed
    ("教科室王老师", ("教科室", "王老师")),
    ("工会委员周化斌", ("工会", "周化斌")),  # a post between the body and the name
    ("团长陈丽", (None, "陈丽")),
    ("杨立红处", (None, "杨立红")),  # at the person's desk (交…处)
    ("王晓燕处", (None, "王晓燕")),
    ("人事处", ("人事处", None)),
])
def test_split_dept_name(tok, expected):
    assert split_dept_name(tok) == expected


def _table(rows: list[list[str]]) -> Block:
    from models.document import Cell, Grid
    cells = [Cell(row=r, col=c, text=t) for r, row in enumerate(rows) for c, t in enumerate(row)]
    return Block(kind="table", raw="\n".join("\t".join(r) for r in rows),
                 grid=Grid(n_rows=len(rows), n_cols=len(rows[0]), cells=cells))


@pytest.mark.parametrize("rows,phones", [
    # merchants listed with their phones: third parties, not the issuer's contact
    ([["商家", "地址"], ["百佳超市", "电话：87654321"], ["惠民药店", "电话：87654322"]], []),
    # one row with the issuer's contact stays
    ([["联系人", "王敏"], ["联系电话", "电话：87654321"]], ["87654321"]),
])
def test_phones_listed_in_a_table(rows, phones):
    d = normalise(Document(path="t.txt", sha256="", format="txt", blocks=[_table(rows)]))
    cps, _ = contacts.extract(d)
    assert compact_contacts(cps)["phones"] == phones


@pytest.mark.parametrize("lines,expected", [
    # a paragraph broken anywhere: a phone, a name and an e-mail split over lines
    (("将报名表交至校工会办公室吴海燕、郑", "丽处，电话：8861", "2345。"), {"names": ["吴海燕", "郑丽"], "phones": ["88612345"]}),
    (("联系人：周敏，邮箱：zhoum", "in@163.com，电话：0571-8765", "4321"),
     {"names": ["周敏"], "emails": ["zhoumin@163.com"], "phones": ["0571-87654321"]}),
    # a line that opens with a label is a new field
    (("联系电话：0851-88292601", "QQ群：582146037"), {"phones": ["0851-88292601"], "qq": ["582146037"]}),
    # a label broken by the wrap is one label ("联系" / "电话"), the person before it kept
    (("联系人：区总工会办公室　王红，电话：0571-8765", "4321；区教育局　陈刚，联系", "电话：0571-87654322。"),
     {"names": ["王红", "陈刚"], "phones": ["0571-87654321", "0571-87654322"]}),
    (("联系人：校工会　李敏，联系电话：8861234；校团委　赵强，联", "系电话：8861235。"),
     {"names": ["李敏", "赵强"], "phones": ["8861234", "8861235"]}),
    # a second phone printed after a space and wrapped onto the next line is a phone of its own
    (("三、联系人：郑老师 联系电话：0573-8221234", " 13905731234"), {"names": ["郑老师"], "phones": ["0573-8221234", "13905731234"]}),
    (("联系人：许老师，电话：66012345", " 66012346"), {"names": ["许老师"], "phones": ["66012345", "66012346"]}),
    # four digits and a 、 at a line start continue a phone; they number no item
    (("联系人：市总工会办公室　孙伟，电话：8662", "8701、86628702"), {"names": ["孙伟"], "phones": ["86628701", "86628702"]}),
    (("联系人：区总工会　钱进，电话：5571", "2301、55712302"), {"names": ["钱进"], "phones": ["55712301", "55712302"]}),
    (("联系人：市总工会办公室　孙伟，电话：866287", "01、86628702"), {"names": ["孙伟"], "phones": ["86628701", "86628702"]}),
    # a person after a phone, wrapped before the next 电话 label
    (("四、联系人：县总工会 吴敏 电话：0553-3831234 县科协 冯涛", " 电话：0553-3835678"),
     {"names": ["吴敏", "冯涛"], "phones": ["0553-3831234", "0553-3835678"]}),
    # a phone alone on its line, an address alone on the next: two values, not one address
    # a line opening 附: starts a new unit: the name above is whole
    (("联系电话:2835821,联系人:潘磊", "附:市职工乒乓球赛报名表"), {"names": ["潘磊"], "phones": ["2835821"]}),
    (("科研院联系人：吴楠", "64253496", "keji@ecust.edu.cn"), {"names": ["吴楠"], "phones": ["64253496"], "emails": ["keji@ecust.edu.cn"]}),
    (("联系人：钱老师", "0571-87651234", "gonghui@zjnu.edu.cn"), {"names": ["钱老师"], "phones": ["0571-87651234"], "emails": ["gonghui@zjnu.edu.cn"]}),
])
def test_wrapped_lines(lines, expected):
    assert compact(*lines) == expected


def test_two_contact_points_grouped():
    cps, _ = contacts.extract(doc_of(
        "联系人：市总工会经济技术工作部　王敏，电话：0571—87654321转8012；"
        "市人力社保局职业能力建设处　陈晓东，电话：0571-85252315。"))
    assert [(c.department, c.names, c.of("phone")) for c in cps] == [
        ("市总工会经济技术工作部", ["王敏"], ["0571-87654321转8012"]),
        ("市人力社保局职业能力建设处", ["陈晓东"], ["0571-85252315"]),
    ]


def test_mobile_belongs_to_its_person():
    cps, _ = contacts.extract(doc_of("联系人：张三 13800138000，李四 13900139000"))
    assert [(c.names, c.of("mobile")) for c in cps] == [
        (["张三"], ["13800138000"]), (["李四"], ["13900139000"])]


def test_department_before_fields():
    cps, _ = contacts.extract(doc_of("此表请于8月20日前上报区总宣教部邮箱sjzghjjb@126.com",
                                     "联系电话: 57813758"))
    assert len(cps) == 1 and cps[0].department == "区总宣教部"
    assert cps[0].of("phone") == ["57813758"] and cps[0].of("email") == ["sjzghjjb@126.com"]


def test_bad_email_is_a_warning():
    cps, warns = contacts.extract(doc_of("电子邮箱：jxjyjs2018@@126.com"))
    assert compact_contacts(cps)["emails"] == []
    assert [w.code for w in warns] == ["bad_email"]


def test_bad_phone_is_a_warning():
    cps, warns = contacts.extract(doc_of("联系电话：123456789012345"))
    assert cps == [] and [w.code for w in warns] == ["bad_phone"]


def test_evidence_quotes_the_value():
    cps, _ = contacts.extract(doc_of("联系电话：0851-88292601"))
    v = cps[0].values[0]
    assert v.evidence.quote == "0851-88292601" and v.raw == "0851-88292601"


@pytest.mark.parametrize("seed", SEED_IDS)
def test_seed_contacts_match_gold(seed):
    gold = json.loads((SEEDS / "gold" / f"{seed}.json").read_text(encoding="utf-8"))["contacts"]
    got = compact_contacts(extract_file(SEEDS / f"{seed}.txt").contacts)
    assert got == gold


def test_seed_003_blank_form_lines_give_nothing():
    """The attachments' 联系人：…联系电话：… lines are blank template fields."""
    n = extract_file(SEEDS / "003_0fb55c4c84d933ae.txt")
    assert len(n.contacts) == 1
    cp = n.contacts[0]
    assert cp.department == "区总工会宣传教育部" and cp.names == ["张琳", "曹理仰"]
    blocks = {v.evidence.block for v in cp.values} | {cp.evidence.block}
    quotes = " ".join(v.evidence.quote for v in cp.values)
    assert "填报日期" not in quotes
    assert max(blocks) < 18  # every value comes from the body, before 附件1


def test_seed_001_wechat_not_phone():
    got = compact_contacts(extract_file(SEEDS / "001_dde7b99b86b616a6.txt").contacts)
    assert "13857286264" in got["wechat"] and "13857286264" not in got["phones"]


def test_field_wrapped_to_next_line():
    """A PDF line wrapped right after a label: the value opens the next block."""
    assert compact("备注：联系人：邹文彬，电话：", "0791-86213574，邮箱：a1@126.com。") == {
        "names": ["邹文彬"], "phones": ["0791-86213574"], "emails": ["a1@126.com"]}


@pytest.mark.parametrize("text, phones", [
    # the 成文日期 under the last contact line is no part of its phone (no signature between them)
    ("各分工会:\n请于7月31日前申报。\n联系人:刘子洋 电话:8625300\n2022年6月30日\n", ["8625300"]),
    ("各基层工会:\n请按时报送。\n联系电话:0571-87654321\n二〇二三年五月六日\n", ["0571-87654321"]),
])
def test_phone_does_not_run_into_the_date_line(text, phones):
    from pipeline.readers import read_bytes
    from pipeline.stages.run import extract_document

    rec = extract_document(read_bytes("case.txt", text.encode("utf-8")))
    assert [v for c in rec.contacts for v in c.of("phone")] == phones


def test_site_menu_phone_is_no_contact():
    """A site's menu above the notice ("维权热线 12351") is the page's, not the issuer's contact."""
    from pipeline.readers import read_bytes
    from pipeline.stages.run import extract_document

    text = ("江岭市总工会\n官方微信\n维权热线\n12351\n职工互助\n欢迎您访问江岭市总工会网站!\n"
            "关于举办联赛的通知\n各基层工会:\n请于5月1日前报名。联系电话:87654321。\n")
    rec = extract_document(read_bytes("case.txt", text.encode("utf-8")))
    assert [v for c in rec.contacts for v in c.of("phone")] == ["87654321"]

