"""Adverts a mirror site injected into a circular's text.

Reposting sites of dubious standing insert gambling brands into the pages
they copy, often over an org name: "bwin必赢工会委员会", "附件:72886必赢欢迎光临
二届二次…提案征集表", "根据省…工会《皇冠正规娱乐平台关于…". The words are no part
of the notice (issue 11: the reposting site's lines never give a value), so
they are cut from the block's ``raw`` before anything reads it, as the pinyin
readings are. The vocabulary is data (``data/injected_ads.json``).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("data") / "injected_ads.json"


@lru_cache(maxsize=1)
def _s2t():
    import opencc  # lazy: loaded once per process, when the advert pattern is first built

    return opencc.OpenCC("s2t")


def _alt(words: list[str]) -> str:
    """The words and their traditional forms (a mirror in traditional
    characters injects 必贏/太陽集團), longest first, as one alternation."""
    forms = set(words) | {_s2t().convert(w) for w in words}
    return "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=1)
def _advert() -> re.Pattern:
    """One advert: an optional Latin/digit lead, then a brand (or a Latin
    run standing before a ``latin_lead`` word), then any chain of brands,
    decorations and joiners (never digits: a year may follow), and a colon that ends it."""
    v = json.loads(_DATA.read_text(encoding="utf-8"))
    brand, deco, lead = _alt(v["brands"]), _alt(v["decorations"]), _alt(v["latin_lead"])
    products = "".join(rf"(?!{re.escape(w)}(?={lead}))" for w in v["products"])
    not_after = "".join(f"(?<!{re.escape(w)})" for w in v["not_after"])
    latin = r"[A-Za-z0-9]+"
    # a brand's Chinese name glued before its Latin one ("，万博manbetx"), only
    # after punctuation so the org name an advert follows is never eaten
    cjk_name = rf"(?:(?<=[,，:：;；。、()（）\s])[\u4e00-\u9fff]{{1,2}}(?=(?:{brand})))?"
    start = rf"{cjk_name}(?:(?<![A-Za-z0-9]){latin})?(?:{deco})?(?:{brand})|(?<![A-Za-z0-9]){not_after}{products}[A-Za-z][A-Za-z0-9]*(?={lead})"
    chain = rf"(?:{brand}|{deco}|[_\-—@])*"
    return re.compile(rf"(?:{start}){chain}[:：]?", re.IGNORECASE)


def drop_adverts(raw: str) -> str:
    """``raw`` without injected gambling adverts (see the module doc) and
    without a forum's anti-copy jammer (:data:`_JAMMER`).

    Shape: str → str; text with neither is returned unchanged."""
    raw = _JAMMER.sub(lambda m: "" if _jams(m.group()) else m.group(), raw)
    return _advert().sub(_cut, raw)


# an org's own words that an advert printed over the org's name leaves behind ("44118太阳成城集团工会")
_ORG_TAIL = re.compile(r"\s*(?:工会|委员会|工委|分会)")


def _cut(m: re.Match) -> str:
    """Nothing for an advert, or a lost-glyph mark "□" where it stood over an
    org's name at the start of a line (what is left, "工会", names no body)."""
    s = m.string
    at_start = m.start() == 0 or s[m.start() - 1] in "\n\r \t\u3000"
    return "□" if at_start and _ORG_TAIL.match(s, m.end()) else ""


# A forum's anti-copy jammer: runs of one- to three-character ASCII tokens set
# apart by spaces inside Chinese text ("…基层工会: U4 m4 T3 S. u$` Y今年以来").
_JAMMER = re.compile(r"(?:(?<=\s)|(?<=[\u4e00-\u9fff])|^)(?=[A-Za-z0-9])(?:[!-~]{1,3}[ \t\u00a0]+){3,}[!-~]{1,3}(?=[\u4e00-\u9fff]|\s|$)")


def _jams(run: str) -> bool:
    """A jammer mixes letters with digits or symbols in its tokens (a phone
    "138 5728" or a list "A B C D" does not)."""
    toks = run.split()
    odd = sum(1 for t in toks if re.search(r"[A-Za-z]", t) and re.search(r"[^A-Za-z]", t))
    return odd >= 2
