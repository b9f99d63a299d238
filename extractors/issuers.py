"""发文机关 (ANNOTATION.md "issuers"): full names as printed.

Sources, strongest first: the 发文机关标志 in the 版头 ("XXX文件" gives XXX;
a joint header stacks several names, GB/T 9704-2012 §7.2.1), the 发文机关
署名 lines (§7.3.5; several names side by side or stacked = 联合发文), the
title prefix ("XXX关于…的通知"). When the signature names bodies, they are
the issuers in signature order (the header may name only one of them, seed
001) unless a joint header names more of the same bodies (a 署名 an excerpt
cut); otherwise the header; otherwise the title prefix. The 印发机关 of the
版记 is never an issuer unless it also signs.
"""
from __future__ import annotations

import re
from typing import Optional

from extractors._common import evidence
from extractors.dates import parse_date_line
from extractors.orgs import NAME_REST, YEAR_LEAD, is_org_name, split_joined, split_orgs, title_endings
from models.document import Document
from models.notice import Issuer, Title

_HEADER_WORD = re.compile(r"\s*文\s*件\s*$")


def _issuer(doc: Document, block: int, name: str, source: str) -> Issuer:
    """An Issuer with evidence on ``name`` inside block ``block``."""
    start = max(doc.blocks[block].text.find(name), 0)
    return Issuer(name=name, source=source, evidence=evidence(doc, block, start, start + len(name)))


def _from_header(doc: Document) -> list[Issuer]:
    z = doc.zones
    out: list[Issuer] = []
    broken = _broken_header(doc)
    if broken:
        return broken
    for n, i in enumerate(z.head):
        if _signs_above_mark(doc, z.head, n):
            continue
        b = doc.blocks[i]
        raw = _page_words_off(_HEADER_WORD.sub("", b.raw)) if _HEADER_WORD.search(b.raw) else b.raw
        names = split_orgs(raw)
        if not names:
            joined = re.sub(r"\s+", "", raw)
            names = [joined] if is_org_name(joined) else []
        out.extend(_issuer(doc, i, name, "header") for name in names)
    return out


def _signs_above_mark(doc: Document, head: list[int], n: int) -> bool:
    """Head line ``n`` is a 署名 over its date line, above the 发文机关标志
    ("科技处" / "2021年3月16" / "…工会委员会文件"): a reposting body's short
    notice before the circular it passes on (real/README.md: the reposting
    body's lines never give the issuer)."""
    i = head[n]
    if n + 1 >= len(head) or head[n + 1] != i + 1 or not parse_date_line(doc.blocks[i + 1].text.strip()):
        return False
    return any(_HEADER_WORD.search(doc.blocks[j].text) for j in head[n + 2:])


def _page_words_off(raw: str) -> str:
    """A 发文机关标志 less a page's words run in before it on one line
    ("首页 永春县总工会" of "首页 永春县总工会文件"): leading parts apart by
    spaces, none a name or a name's first word (中共, 共青团…), dropped when
    what is left is an organisation name. ``raw`` unchanged otherwise."""
    parts = raw.split()
    for j in range(1, len(parts)):
        lead, rest = parts[:j], "".join(parts[j:])
        if all(len(p) >= 2 and not is_org_name(p) and not p.startswith(("中共", "中国", "共青团", "中华")) for p in lead) \
                and len(rest) >= 4 and is_org_name(rest):
            return " ".join(parts[j:])
    return raw


def _broken_header(doc: Document) -> list[Issuer]:
    """Names of a 发文机关标志 broken over lines ("绍兴市总工" / "会文件",
    "绍兴市总工会绍兴市" / "教育局文件"): the 版头 lines up to "…文件" read
    as one text, split at org suffixes; [] when each line is whole."""
    head = doc.zones.head
    k = next((n for n, i in enumerate(head) if doc.blocks[i].text.endswith("文件")), None)
    if k is None:
        return []
    lines = [head[k]]
    # the short lines right above it (a page's heading or meta line above the 版头 is no part)
    for i in reversed(head[:k]):
        t = doc.blocks[i].text
        if i != lines[0] - 1 or len(t) > 25 or re.search(r"[，。：:；;、,《》“”\"（）().…]", t) or (
                t.startswith("关于") or t.endswith(title_endings())):
            break  # (the page's heading, the notice's title, above its 标志)
        lines.insert(0, i)
    texts = [doc.blocks[i].text for i in lines]
    texts[-1] = texts[-1][:-2]
    if len(lines) < 2 or all(is_org_name(t) for t in texts if t):
        return []
    joined = "".join(texts)
    if not is_org_name(joined):
        return []
    return [Issuer(name=n, source="header", evidence=evidence(doc, lines[0]))
            for n in split_joined(joined)]


def _from_signature(doc: Document) -> list[Issuer]:
    out: list[Issuer] = []
    for i in doc.zones.signature:
        b = doc.blocks[i]
        names = split_orgs(b.raw)
        # OCR and web pages drop the space between side-by-side names
        # ("绍兴市总工会绍兴市教育局"): split at known org suffixes
        names = [part for n in names for part in split_joined(n)]
        above = doc.blocks[i - 1] if i > 0 else None
        if names and NAME_REST.match(names[0]) and above is not None and above.kind == "paragraph" \
                and 2 <= len(above.text) <= 30 and not re.search(r"[，。；：:,;！？!?]", above.text):
            # a name broken over two lines before its 暨/及 ("…第六届教代会" / "暨第七届工代会…筹备委员会")
            names[0] = re.sub(r"\s", "", above.raw) + names[0]
        out.extend(_issuer(doc, i, name, "signature") for name in names)
    return out


def _from_title(doc: Document, title: Optional[Title]) -> list[Issuer]:
    if title is None:
        return []
    t = title.text
    # "XX总工会关于…", also "XX教育局转发…" / "XX总工会印发…", and a heading that
    # names its body's act ("机关工会开展…征集活动", a page heading as the only title;
    # "医院党委迎国庆、度中秋活动方案", a plan titled by its body)
    m = re.search(r"关于|转发|印发", t) or re.search(
        r"(?<=[会委部局办室联司])(?:开展|举办|组织|召开|启动|征集|迎|庆祝|纪念|举行|评选|做好)", t[:30])
    k = m.start() if m else -1
    lead = None if m else _UNION_LEAD.match(YEAR_LEAD.sub("", t))
    if lead:  # "2018年乌拉特中旗总工会集体协商…提示函": a union named in full opens the title
        return [Issuer(name=lead.group(1), source="title", evidence=title.evidence)]
    if k < 2 or (k < 3 and t[k:k + 2] not in ("关于", "转发", "印发")):
        return []  # ("工会组织会员…登记": a bare body type before the act is the subject, no issuer)
    prefix = t[:k]
    if t[k:k + 2] in ("关于", "转发", "印发"):  # the year before the body ("2016年广东省残联办公室关于…")
        prefix = YEAR_LEAD.sub("", prefix)
    # joint issuers in a title: "XX总工会、XX人社局关于…"
    names = [p for p in re.split(r"[、,，]", prefix) if p]
    if not names or not all(is_org_name(n) for n in names):
        names = [prefix] if is_org_name(prefix) else []
    names = [part for n in names for part in split_joined(n)]
    return [Issuer(name=n, source="title", evidence=title.evidence) for n in names]


# a union named in full (its place or institution, then 总工会 / 工会委员会…) opening a title
# with no 关于 or act verb after it (after the year, YEAR_LEAD)
_UNION_LEAD = re.compile(r"^((?![全各本我])[\u4e00-\u9fff]{1,12}?(?:[省市区县州旗镇乡]|大学|学院|公司|集团|医院|学校)"
                         r"(?:总工会|工会委员会|工会联合会|工会))(?![会委联])")


def _same_name(a: str, b: str) -> bool:
    """``a`` and ``b`` may name one body, one in full and one short (国家安全生产监督管理总局办公厅,
    国家安全监管总局办公厅): the same first two characters and the same last three."""
    return a == b or (min(len(a), len(b)) >= 5 and a[:2] == b[:2] and a[-3:] == b[-3:])


def _abbreviates(short: str, full: str) -> bool:
    """``short`` is the in-house short name of ``full``: 校工会 for
    江岭经济学院工会委员会, 院工会 for …医院工会 (a one-character 校/院/局/厂
    standing for the institution, the rest printed inside ``full``)."""
    inst = _SHORT_FOR.get(short[:1])
    return bool(len(short) <= 5 and inst and re.search(inst, full) and short[1:] in full
                and len(full) > len(short) + 2)


# "中国教育工会…委员会" is the formal name of the institution's 工会 (its 标志);
# the 署名 often prints the everyday one ("…学院工会")
_NATIONAL_UNION = re.compile(r"^(?:中[国國][\u4e00-\u9fff]{1,8}?工[会會](?=[\u4e00-\u9fff]{2})|共青[团團]|中[国國]共[产產]主[义義]青年[团團])")
_UNION_BODY = re.compile(r"(?:工[会會])?(?:委[员員][会會]|[联聯]合[会會])?$|[团團]委$")


def _same_body(sig: str, head: str) -> bool:
    """``sig`` and ``head`` name one union: 衡江学院工会 and 中国教育工会衡江学院
    委员会 both reduce to 衡江学院 once the national union's name and the body
    words are taken off (real/README.md: the 标志 names the issuer in full); so do
    a 团委 and 共青团…委员会 (贵州某大学团委, 共青团贵州某大学委员会)."""
    def core(n: str) -> str:
        return _UNION_BODY.sub("", _NATIONAL_UNION.sub("", n))
    # (an institution signing beside its union, "江滨小学工会 江滨小学", is the institution: no body word)
    return sig != head and len(core(sig)) >= 2 and core(sig) == core(head) and core(sig) != sig


# the one character an institution calls itself by, and what it stands for
_SHORT_FOR = {"校": "学院|大学|学校|中学|小学|學院|大學|學校", "院": "学院|医院|研究院|學院|醫院",
              "局": "局", "厂": "厂|廠", "司": "公司", "所": "所"}


def extract(doc: Document, *, title: Optional[Title] = None) -> list[Issuer]:
    """The issuing bodies in print order, each once, with their source."""
    if not doc.zones:
        return []
    sig, head = _from_signature(doc), _from_header(doc)
    if len(head) >= 2 and len(sig) < len(head) and all(any(_same_name(x.name, h.name) for h in head) for x in sig):
        # a joint 标志 names every body (§7.2.1); a 署名 naming fewer of them was cut off (an
        # excerpt ending inside it) or lost a line: the 标志's list is the whole
        sig = []
    if sig and head:
        same = [next((h for h in head if _abbreviates(x.name, h.name) or _same_body(x.name, h.name)), None) for x in sig]
        # 校工会 signing under 湖北某学院工会委员会文件: the 标志 names it in full (real/README.md);
        # in a joint signature only the body the 标志 names takes the 标志's name
        sig = [] if all(same) else [h or x for h, x in zip(same, sig)]
    for found in (sig, head, _from_title(doc, title)):
        seen: list[Issuer] = []
        for iss in found:
            if iss.name not in [s.name for s in seen]:
                seen.append(iss)
        if seen:
            return seen
    return []
