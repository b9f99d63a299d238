"""标题 (GB/T 9704-2012 §7.3.1): the title lines joined with no break and no
spaces added (ANNOTATION.md "title")."""
from __future__ import annotations

import re
from typing import Optional

from extractors._common import evidence
from extractors.orgs import YEAR_LEAD, is_org_name, split_joined, title_endings
from models.document import Document
from models.notice import Title


def extract(doc: Document) -> Optional[Title]:
    """The title from the ``title`` zone, or None when segmentation found none.
    Evidence points at the first title line (its full text)."""
    z = doc.zones
    if not z or not z.title:
        return None
    # (a page's column rules after a line: "…的通知|||||")
    text = "".join(doc.blocks[i].text.strip().rstrip("|｜¦ ") for i in z.title)
    # a bracketed 发文字号 after the title is the number, not the title
    text = NUMBER_AFTER.sub("", text)
    # (and a site's date tag after it is the posting's: "…的通知[2011年9月]", "…的通知(2019-05-06)")
    text = _DATE_TAG.sub("", text)
    # (and a download site's copy counter after the 文种 word: "…比赛通知 (1)", "…的通知（2）")
    counter = re.search(r"\s*[（(]\d{1,2}[)）]$", text)
    if counter and text[:counter.start()].endswith(title_endings()):
        text = text[:counter.start()]
    # a web page's column tag before the title ("【通知】", "[通知公告]") is not printed on the circular
    text = re.sub(r"^(?:【[^】]{1,8}】|\[[^\]]{1,8}\])\s*(?=\S)", "", text)
    text = _strip_page_prefix(re.sub(r"^[-·•\s]*(?:相关推荐|相关文章|相关阅读|推荐阅读|热门推荐)[:：]?", "", text))
    quoted = quoted_notice(text)
    if quoted:  # "近日,…办公室发布《关于…的通知》:": the notice a page quotes in full
        text = quoted
    return Title(text=text, evidence=evidence(doc, z.title[0]))


# A page's lead sentence that names the notice it then prints in full, its title
# quoted and a colon after it ("近日,省总工会办公室发布《关于调整…标准的通知》:").
# (the colon is needed: "关于印发《…方案》" / "的通知" is a title broken over two lines, no lead)
_QUOTED_NOTICE = re.compile(r"(?!关于|转发)[^《》。！？；]{0,40}?(?:发布|印发|下发|出台|发出|公布)了?《(?P<t>[^《》]{4,80})》\s*[:：]")


def quoted_notice(text: str) -> Optional[str]:
    """The title inside a lead that quotes the notice printed under it (see
    ``_QUOTED_NOTICE``), when it ends in a 文种 word; else None. Segmentation
    takes such a line as the title when the 主送机关 follows it."""
    m = _QUOTED_NOTICE.fullmatch(text.strip())
    return m.group("t") if m and m.group("t").endswith(title_endings()) else None


def _strip_page_prefix(text: str) -> str:
    """A title less a page's words run in before its 关于 ("朗读关于…" — a
    read-aloud button, "发文字号:有效性:有效关于…" — a catalogue's labels):
    a prefix that is no organisation name (an issuer's name before 关于 is
    part of the title, ANNOTATION.md), no 转发/印发 and no cited 《title》."""
    i = text.find("关于")
    if i <= 0:
        return text
    prefix = YEAR_LEAD.sub("", text[:i])  # (a year before the body: "2016年广东省残联办公室关于…")
    if not prefix or "《" in prefix or prefix.startswith(("转发", "印发", "批转")) or is_org_name(prefix) or (
            split_joined(prefix) != [prefix]):
        return text
    if re.fullmatch(r"[\u4e00-\u9fff]{2,30}", prefix) and re.search(r"(?:会|委|部|局|办|厅|处|室|院|校|团|联|组)$", prefix):
        return text  # (an org name the vocabulary does not know)
    return text[i:]


_DATE_TAG = re.compile(r"\s*[\[【(（]\s*(?:19|20)\d{2}(?:\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?"
                       r"|[-/.]\d{1,2}(?:[-/.]\d{1,2})?)\s*[\]】)）]$")
# a bracketed 发文字号 printed after the title ("…的通知（甬工〔2020〕5号）"); segmentation reads it too
NUMBER_AFTER = re.compile(r"[（(]\s*[\u4e00-\u9fffA-Za-z]{1,16}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*"
                           r"[〕\]］)）】]\s*第?\s*\d{1,5}\s*号\s*[）)]$")
