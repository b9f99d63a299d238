"""Organisation names (发文机关, 署名, 印发机关, 抄送机关): the suffix rule.

A name is 2–40 characters without sentence punctuation that ends with a
suffix from ``extractors/data/org_suffixes.json`` (总工会, 委员会, 办公室,
局 …). The list is data so an office can add its own bodies' endings.
"""
from __future__ import annotations

import re

from extractors._common import vocab

__all__ = ["is_org_name", "split_joined", "split_orgs", "title_endings"]


def _suffixes() -> tuple[str, ...]:
    v = vocab("org_suffixes")
    return tuple(v["suffixes"]) + tuple(v.get("suffixes_traditional", ()))


def title_endings() -> tuple[str, ...]:
    """Words that end a 标题 (通知, 意见, 方案 …)."""
    return tuple(vocab("org_suffixes")["title_endings"])


# an alias in brackets after a name ("工会(妇委会)"), or the bodies a department
# stands for ("…群团工作部(总工会、团委、妇联)"): part of the name as printed
ALIAS_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])[（(][\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6})*[)）]$")


def is_org_name(s: str) -> bool:
    """True when ``s`` (one name, no spaces) looks like an organisation name."""
    s = s.strip()
    if not (2 <= len(s) <= 40) or re.search(r"[。，,;；:：!！?？\d□\ufffd©]|版权所有", s):
        return False  # (□, \ufffd: a glyph the page lost, or an advert cut from over the name; © a site's footer)
    if re.match(r"[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、", s):
        return False  # "(六)选举产生…工会委员会": an item of a list, not a 署名
    if s.startswith("年"):
        return False  # "年调研参考课题校工会": what follows a year's figures cut off before it, no name
    if s.startswith(("请", "凡")):
        return False  # "请各分工会、直属工会": a sentence to the addressees an excerpt cut short
    s = ALIAS_AFTER.sub("", re.sub(r"[（(][筹籌][)）]$", "", s))  # ("…协会(筹)": a body still being set up)
    if _CONGRESS.fullmatch(s):
        return True  # "教代会" signing beside the union; "第六届教代会" is a session, no body
    return s.endswith(_suffixes()) and not s.endswith(tuple(vocab("org_suffixes")["not_names"]))


# a congress of staff that signs as a body (教代会、工会; 滨江集团职代会), not one of its sessions (第六届教代会)
_CONGRESS = re.compile(r"(?:[^届屆次\d]{0,20}[^届屆次\d第])?(?:教代会|职代会|工代会|教代會|職代會|工代會)")


# a seal mark after a signature ("XX总工会（盖章）") is not part of the name
# (or who sealed for it: "(代)", "(校工会代章)")
SEAL_REMARK = re.compile(r"[（(]\s*(?:盖章|公章|印章|[\u4e00-\u9fff]{0,6}代章|代|签章|章)\s*[）)]")


def split_orgs(raw: str) -> list[str]:
    """Organisation names printed side by side in one line, split on runs of
    whitespace ("长兴县劳动竞赛委员会 长兴县总工会" → two names) or on 、
    ("刘化集团公司工会、职工摄影协会", real excerpts). A part that is not a
    name alone is joined to the next (a name spaced out for justification,
    "长 兴 县 总 工 会") but never across a 、. Returns [] when the line is
    not made only of names."""
    raw = SEAL_REMARK.sub(" ", raw)
    # a closing "主办单位:" label names the hosts, who sign the notice (real excerpts: U-set)
    raw = re.sub(r"^\s*主办单位\s*[:：]\s*", "", raw)
    # nor a letter's closing courtesy ("…企业工会 敬启", Taiwan and Hong Kong letters)
    raw = re.sub(r"\s*(?:敬启|谨启|敬上|谨上|敬啟|謹啟|謹上)\s*$", "", raw)
    pieces = re.split(r"、(?![^（(）)]*[)）])", raw.strip())  # (not a 、 inside brackets)
    if len(pieces) > 1:
        named = [_split_spaced(p) for p in pieces]
        return [n for ns in named for n in ns] if all(named) else []
    return _split_spaced(raw)


# body-type words that name no body on their own ("中共江岭大学 委员会")
BODY_WORDS = ("委员会", "工会委员会", "工会联合会", "工会工作委员会", "领导小组", "办公室", "联合会", "总工会", "工作部")


def _split_spaced(raw: str) -> list[str]:
    # a name spaced out letter by letter is one part ("校 工 会 党委宣传部": two names)
    parts = [m.group().replace(" ", "") for m in re.finditer(r"(?:(?<!\S)\S(?: \S(?!\S))+)|\S+", re.sub(r"\s+", " ", raw.strip()))]
    out: list[str] = []
    buf = ""
    for p in parts:
        buf += p
        if is_org_name(buf):
            out.append(buf)
            buf = ""
    if buf:
        glued = split_joined(buf) if len(buf) > 40 else []  # (longer than one name: names that lost their spaces)
        if out and is_org_name(out[-1] + buf):
            out[-1] += buf
        elif len(glued) > 1:
            out += glued
        else:
            return []
    out = _bare_body_words(_industry_committees(out))
    # a spaced-out single name ("长 兴 县 总 工 会") would split at "总工会"/"会",
    # a name spaced before its body word at "委员会"; two short names printed
    # apart ("校工会 妇委会") are two
    joined = "".join(parts)
    spaced_out = any(len(p) == 1 for p in parts) or any(o in BODY_WORDS for o in out)
    if len(out) > 1 and spaced_out and is_org_name(joined):
        return [joined]
    return out


def _bare_body_words(names: list[str]) -> list[str]:
    """An institution's name and its body word printed apart ("江苏省常州高级中学 工会",
    "某某医院 党委"): one body. A bare 工会/党委/团委 names no body on its own."""
    out: list[str] = []
    for n in names:
        if out and n in ("工会", "工會", "党委", "黨委", "团委", "團委") and _OWNER.search(out[-1]):
            out[-1] += n
        else:
            out.append(n)
    return out


def _industry_committees(names: list[str]) -> list[str]:
    """A national industry union and, after it, its committee at a province
    or an enterprise printed apart ("中国教育工会 浙江省委员会", "中国邮政集团工会
    中国邮政储蓄银行委员会"): one body, the union's committee there. The
    committee names no body type of its own (工会, 党, 团, 妇)."""
    out: list[str] = []
    for n in names:
        if out and re.match(r"^(?:中国|中國).{2,12}(?:工会|工會)$", out[-1]) and n.endswith(("委员会", "委員會")) \
                and not re.search(r"工会|工會|党|黨|中共|共青团|共青團|(?<![集])团委|(?<![集])團委|妇|婦", n):
            out[-1] += n
        else:
            out.append(n)
    return out


# How the second line of a 署名 broken over two lines opens: no name opens so
# ("七届五次教职工暨工会会员代表大会" / "筹备工作领导办公室", "…第六届教代会" / "暨第七届工代会…").
NAME_REST = re.compile(r"^(?:暨|及|和|与|筹备|筹委会|组委会|工作委员会|领导小组|主席团|秘书处)")


# A year printed before the body that issues ("2016年广东省残联办公室关于…", "2019年度…"):
# no part of the body's name.
YEAR_LEAD = re.compile(r"^(?:19|20)\d{2}年度?")


# An institution that has bodies of its own (its union, its 科协, a 商会 of a federation).
_OWNER = re.compile(r"(?:大学|大學|学院|學院|学校|學校|中学|中學|小学|小學|医院|醫院|公司|集团|集團|研究所|研究院|工商联|工商聯)$")


# a body of an institution named by its one-character short name (所工会, 校团委), and a run of them
_SHORT_BODY = r"[校院所局厂廠司](?:党委|黨委|工会|工會|团委|團委|妇委会|婦委會|科协|科協|行政)"
_SHORT_RUN = re.compile(rf"(?:{_SHORT_BODY}){{2,}}")


def split_joined(name: str) -> list[str]:
    """Split names that lost the space between them ("长兴县劳动竞赛委员会长兴县
    总工会" as OCR returns a signature line, "绍兴市总工会绍兴市教育局" as web
    pages print it) at an inner suffix boundary where both sides are names
    of at least 5 characters (4 when the right repeats the left's place:
    "江滨小学工会江滨小学"), the right one not opening with a body type
    ("中共江岭大学委员会办公室" is one name); else ``[name]``. A real name can contain
    another: a union's committee for a region (中国海员建设工会浙江省委员会,
    华中科技大学工会委员会) is one name, so a right side ending in 委员会 is
    split off only when it repeats the left side's place (its first two
    characters)."""
    if _SHORT_RUN.fullmatch(name):  # "所党委所工会所团委": an institution's bodies by its one-character short name, run together
        return re.findall(_SHORT_BODY, name)
    strong = tuple(x for x in _suffixes() if len(x) >= 2)  # 委员会, 总工会 — not 委, 局
    for k in range(5, len(name) - 3):
        left, right = name[:k], name[k:]
        # a one-character suffix (局, 委) ends a name only before a name
        # that repeats its place ("长沙市应急管理局长沙市卫生健康委员会");
        # a four-character right side only when it repeats it ("江滨小学工会|江滨小学")
        same_place = right[:2] == re.sub(r"^(?:中国共产党|中國共產黨|中共|共青团|共青團)", "", left)[:2]  # 共青团东湖区委|东湖区…
        ends = left.endswith(strong) or same_place
        # (a right side longer than any one name may be names run on: "…总工会中共…宣传部…妇女联合会")
        named = is_org_name(right) or (len(right) > 40 and len(split_joined(right)) > 1)
        if not (ends and is_org_name(left) and named) or (len(right) < 5 and not same_place):
            continue
        if right.startswith(strong):  # "中共江岭大学|委员会办公室": a body type opens no name
            continue
        if re.search(r"(?:大学|大學)$", left) and re.search(r"(?:学院|學院|系|研究院|研究所|医院|醫院)$", right) \
                and not same_place:
            continue  # "石河子大学|生命科学学院": a college of the university
        if re.match(r"(?:与|和|及|暨|附属|直属|下属|[/／])", right):
            continue  # "三明市企业|与企业家联合会", "…医学院|附属第一医院", "市企业联合会|/企业家协会": one name
        if re.match(r"(?:有限|股份|分公司|总公司)", right):
            continue  # "福建六建集团|有限公司工会": the company form belongs to the left
        if left.endswith("中心") and _COMPANY.search(right) and not (same_place or _HAS_PLACE.search(right)):
            continue  # "北京城市副中心|投资建设集团有限公司工会": an area names where the company is, no body
        if re.match(r"(?:教职工|职工|教職工|職工|员工|員工|青年|女职工|女職工|退休)", right):
            continue  # "江岭大学|教职工篮球协会": a body of the left's own members
        if re.search(r"(?:部|处|處|科|室|办|辦)$", right) and not re.search(r"[省市区區县縣镇鎮乡鄉州旗]", right):
            continue  # "东湖区总工会|经济技术部": a department of the body on its left
        if right.endswith(("委员会", "委員會")) and (right[:2] != left[:2] or right.startswith(("中国", "中國"))) \
                and not right.startswith(("中共", "中国共产党", "中國共產黨", "共青团", "共青團")):
            continue  # ("中国邮政集团工会|中国邮政储蓄银行委员会": 中国 is no shared place)
        if _stem(right) < 2:  # "石牌街道|工会联合会": a body type alone names no body
            continue
        if _OWNER.search(left) and (right[:1] in "（(" or not re.search(
                r"[省市区區县縣镇鎮乡鄉州旗]|^(?:中共|共青团|中國共產黨|中国共产党)", right)) \
                and re.search(r"(?:协会|協會|商会|商會|工会|工會|团委|團委|妇委会|婦委會|科协|科協)$", right):
            continue  # "陕西中医药大学|科学技术协会", "…医院|(青岛)工会": the institution's own body
        return [left, *split_joined(right)]
    return [name]


# a company (…集团, …有限公司, with its union or committee after) after an area ending in 中心
# (城市副中心, 商务中心: a suffix, but no body) …
_COMPANY = re.compile(r"(?:集团|集團|公司)(?:有限公司)?(?:工会|工會|工会委员会|工會委員會|委员会|委員會|党委|黨委)?$")
# … that names no place of its own (a second body opens with its own: 绍兴市…, 中国…, 共青团…)
_HAS_PLACE = re.compile(r"[省区區县縣镇鎮乡鄉州旗]|(?<!城)市|^(?:中国|中國|中华|中華|全国|全國|国家|國家|中共|共青)")


def _stem(name: str) -> int:
    """Length of ``name`` before its longest org suffix."""
    return len(name) - max((len(x) for x in _suffixes() if name.endswith(x)), default=0)
