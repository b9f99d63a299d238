"""Issue 11 §2: a notice's record does not depend on how its text was
wrapped, punctuated or which script it was printed in.

For every corpus text notice (``corpus/notices``, ``corpus/seeds/*.txt``,
``corpus/passages``) and every dev document of ``../shared/real`` (skipped
when absent), the compact values (:func:`pipeline.evaluate.compact`) of the
fields its gold file scores must be the same for the document as read and
for four variants of it:

* ``one_line`` — every run of paragraphs joined onto one line (the text a
  web page pastes), style cues (alignment, bold, size, colour, page breaks)
  dropped because one line has none;
* ``rewrap`` — every paragraph re-broken into lines of 25–40 characters
  (lengths drawn from a generator seeded by the file name), each line its
  own paragraph as a PDF's text layer gives them; the lines keep their
  paragraph's style;
* ``halfwidth`` — full-width punctuation given as ASCII (，：；（）！？“”‘’,
  what a web search service stores; 。、《》 are kept as such services do);
* ``traditional`` — the text converted to traditional characters (OpenCC
  ``s2t``) where it is printed simplified; values are compared after
  converting both sides to simplified, since the record gives names and
  titles as printed (likewise ``halfwidth`` values are compared with their
  punctuation made half-width).

The variants are transformations of the read :class:`Document` (paragraph
``raw`` texts and table cell texts), so .txt and .htm are varied the same
way; a table stays a table (it is not running text). Scans are not OCR'd:
only text files and saved web pages are varied.

The frozen test split of ``../shared/real`` (``benchmarks/real_split.py``)
is left out so its errors stay unseen; ``INVARIANCE_ALL_REAL=1`` adds it.

Known failures in fields owned elsewhere are listed in :data:`KNOWN` as
(document, variant) → fields; a listed field that differs makes the case
xfail, any other difference fails and prints field, variant and both values.
"""
from __future__ import annotations

import copy
import importlib.util
import json
import os
import random
from functools import lru_cache
from pathlib import Path

import pytest

from models.document import Block, Document
from pipeline.evaluate import compact
from pipeline.readers import read_path
from pipeline.stages.normalise import to_simplified
from pipeline.stages.run import extract_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
REAL = ROOT.parent / "shared" / "real"
VARIANTS = ("one_line", "rewrap", "halfwidth", "traditional")

# (document stem, variant) -> fields known to change, owned by other modules.
KNOWN: dict[tuple[str, str], set[str]] = {
    ("001_dde7b99b86b616a6", "halfwidth"): {"attachments"},
    ("003_0fb55c4c84d933ae", "halfwidth"): {"attachments"},
    ("D_03", "halfwidth"): {"attachments"},
    ("E_03", "halfwidth"): {"attachments"},
    ("E_05", "halfwidth"): {"attachments"},
    ("n03_fullwidth_brackets", "halfwidth"): {"attachments"},
    ("n05_spaced_date_tables", "halfwidth"): {"attachments"},
    ("n06_three_issuers_single_attachment", "halfwidth"): {"attachments"},
    ("n12_attachment_sent_separately", "halfwidth"): {"attachments"},
    ("n13_enterprise_relative_deadline", "halfwidth"): {"attachments"},
    ("000_beae532f0dc098a7", "one_line"): {"attachments", "deadlines", "doc_number", "issuers", "printed", "recipients", "title"},
    ("001_dde7b99b86b616a6", "one_line"): {"attachments", "deadlines", "doc_number", "issuers", "printed", "recipients", "signed_date", "title"},
    ("002_a6ecc3133544287b", "one_line"): {"issuers", "recipients", "title"},
    ("003_0fb55c4c84d933ae", "one_line"): {"attachments", "deadlines", "doc_number", "issuers", "recipients", "title"},
    ("004_4b022b1849280ac0", "one_line"): {"cc", "doc_number", "issuers", "recipients", "signed_date", "targets", "title"},
    ("D_03", "one_line"): {"attachments", "deadlines", "issuers", "recipients", "signed_date", "title"},
    ("D_05", "one_line"): {"attachments", "doc_number", "issuers", "recipients", "signed_date", "title"},
    ("D_09", "one_line"): {"recipients", "title"},
    ("D_11", "one_line"): {"attachments", "recipients"},
    ("D_15", "one_line"): {"deadlines", "issuers", "recipients", "signed_date"},
    ("D_17", "one_line"): {"deadlines", "doc_number", "recipients", "signed_date"},
    ("D_21", "one_line"): {"attachments", "cc", "printed", "recipients", "signed_date", "title"},
    ("D_23", "one_line"): {"recipients"},
    ("D_27", "one_line"): {"deadlines", "issuers", "recipients", "signed_date"},
    ("E_02", "one_line"): {"issuers", "recipients", "signed_date", "title"},
    ("E_03", "one_line"): {"attachments", "doc_number", "recipients", "signed_date"},
    ("E_05", "one_line"): {"attachments", "doc_number", "issuers", "recipients", "signed_date"},
    ("E_06", "one_line"): {"issuers", "recipients", "signed_date", "title"},
    ("E_08", "one_line"): {"contacts.names", "recipients"},
    ("E_09", "one_line"): {"recipients"},
    ("E_11", "one_line"): {"doc_number", "issuers", "recipients", "signed_date"},
    ("E_12", "one_line"): {"doc_number", "recipients"},
    ("E_14", "one_line"): {"issuers", "recipients", "title"},
    ("E_15", "one_line"): {"issuers", "recipients", "signed_date", "title"},
    ("E_17", "one_line"): {"issuers", "recipients", "title"},
    ("E_18", "one_line"): {"issuers", "recipients", "signed_date"},
    ("E_20", "one_line"): {"deadlines", "issuers", "recipients", "signed_date", "title"},
    ("E_21", "one_line"): {"attachments", "deadlines", "recipients", "signed_date", "title"},
    ("E_23", "one_line"): {"deadlines", "recipients", "signed_date"},
    ("E_24", "one_line"): {"deadlines", "recipients", "signed_date"},
    ("E_26", "one_line"): {"recipients", "title"},
    ("E_29", "one_line"): {"issuers", "recipients", "signed_date"},
    ("E_30", "one_line"): {"recipients", "title"},
    ("ct01_qq_group", "one_line"): {"targets"},
    ("dl01_december_january", "one_line"): {"deadlines"},
    ("dl02_xun", "one_line"): {"deadlines"},
    ("dl03_month_before", "one_line"): {"deadlines"},
    ("dl04_month_end", "one_line"): {"deadlines"},
    ("dl05_registration_window", "one_line"): {"deadlines"},
    ("dl07_time_of_day", "one_line"): {"deadlines"},
    ("dl09_relative", "one_line"): {"deadlines"},
    ("dl10_this_friday", "one_line"): {"deadlines"},
    ("dl11_attachment_notes", "one_line"): {"deadlines"},
    ("dl12_printed_only", "one_line"): {"deadlines"},
    ("dl14_events_not_deadlines", "one_line"): {"deadlines"},
    ("dl15_cutoff_label", "one_line"): {"deadlines"},
    ("dl16_same_date", "one_line"): {"deadlines"},
    ("dl17_december_xun", "one_line"): {"deadlines"},
    ("dl18_bad_date", "one_line"): {"deadlines"},
    ("n01_joint_issuers", "one_line"): {"attachments", "cc", "doc_number", "issuers", "printed", "recipients", "signed_date", "title"},
    ("n02_no_docnumber", "one_line"): {"deadlines", "issuers", "recipients", "signed_date", "title"},
    ("n03_fullwidth_brackets", "one_line"): {"attachments", "deadlines", "doc_number", "issuers", "recipients", "signed_date", "title"},
    ("n04_header_no_wenjian", "one_line"): {"cc", "deadlines", "doc_number", "issuers", "recipients", "signed_date", "title"},
    ("n05_spaced_date_tables", "one_line"): {"attachments", "cc", "deadlines", "doc_number", "issuers", "printed", "recipients", "signed_date", "title"},
    ("n06_three_issuers_single_attachment", "one_line"): {"attachments", "deadlines", "doc_number", "issuers", "recipients", "signed_date", "title"},
    ("n07_office_header", "one_line"): {"deadlines", "doc_number", "issuers", "recipients", "signed_date", "title"},
    ("n08_chinese_date_spaced_docno", "one_line"): {"attachments", "deadlines", "doc_number", "issuers", "printed", "recipients", "signed_date", "title"},
    ("n09_issue_plan_wrapped_cc", "one_line"): {"cc", "deadlines", "doc_number", "issuers", "printed", "recipients", "signed_date", "title"},
    ("n10_title_prefix_only", "one_line"): {"deadlines", "doc_number", "issuers", "recipients", "title"},
    ("n11_three_side_by_side_merged", "one_line"): {"attachments", "deadlines", "doc_number", "issuers", "printed", "recipients", "signed_date", "title"},
    ("n12_attachment_sent_separately", "one_line"): {"attachments", "deadlines", "doc_number", "issuers", "recipients", "signed_date", "title"},
    ("n13_enterprise_relative_deadline", "one_line"): {"attachments", "deadlines", "doc_number", "issuers", "recipients", "signed_date", "title"},
    ("n14_federation_month_end", "one_line"): {"attachments", "cc", "deadlines", "doc_number", "issuers", "recipients", "signed_date", "title"},
    ("n15_plan_targets_list", "one_line"): {"attachments", "deadlines", "doc_number", "issuers", "printed", "recipients", "signed_date", "title"},
    ("n16_before_month_merged", "one_line"): {"attachments", "deadlines", "doc_number", "issuers", "recipients", "signed_date", "title"},
    ("n17_numeral_deadline", "one_line"): {"doc_number", "issuers", "recipients", "signed_date", "title"},
    ("n18_registration_window", "one_line"): {"doc_number", "issuers", "recipients", "signed_date", "title"},
    ("n19_afternoon_deadline", "one_line"): {"attachments", "deadlines", "doc_number", "issuers", "recipients", "signed_date", "title"},
    ("n20_december_next_year", "one_line"): {"cc", "deadlines", "doc_number", "issuers", "recipients", "signed_date", "title"},
    ("n21_impossible_date", "one_line"): {"doc_number", "issuers", "recipients", "signed_date", "title"},
    ("n22_meeting_notice", "one_line"): {"deadlines", "doc_number", "issuers", "printed", "recipients", "signed_date", "title"},
    ("000_beae532f0dc098a7", "rewrap"): {"contacts.emails", "targets"},
    ("001_dde7b99b86b616a6", "rewrap"): {"contacts.wechat", "deadlines", "recipients"},
    ("002_a6ecc3133544287b", "rewrap"): {"contacts.phones", "deadlines", "recipients"},
    ("003_0fb55c4c84d933ae", "rewrap"): {"contacts.emails", "deadlines"},
    ("004_4b022b1849280ac0", "rewrap"): {"cc", "deadlines", "recipients", "targets"},
    ("D_03", "rewrap"): {"deadlines"},
    ("D_05", "rewrap"): {"contacts.phones", "deadlines", "targets"},
    ("D_09", "rewrap"): {"contacts.emails", "contacts.phones"},
    ("D_11", "rewrap"): {"deadlines"},
    ("D_15", "rewrap"): {"recipients"},
    ("D_17", "rewrap"): {"deadlines", "doc_number", "recipients"},
    ("D_21", "rewrap"): {"contacts.phones", "deadlines", "doc_number", "issuers", "recipients", "title"},
    ("D_23", "rewrap"): {"recipients"},
    ("D_27", "rewrap"): {"recipients"},
    ("E_05", "rewrap"): {"recipients"},
    ("E_09", "rewrap"): {"targets"},
    ("E_11", "rewrap"): {"title"},
    ("E_14", "rewrap"): {"contacts.phones"},
    ("E_15", "rewrap"): {"contacts.emails"},
    ("E_18", "rewrap"): {"recipients"},
    ("E_21", "rewrap"): {"deadlines"},
    ("E_23", "rewrap"): {"deadlines"},
    ("E_26", "rewrap"): {"contacts.emails"},
    ("E_27", "rewrap"): {"deadlines", "signed_date"},
    ("ct02_fax_email", "rewrap"): {"contacts.phones"},
    ("ct03_mobile_spaces", "rewrap"): {"contacts.names", "contacts.phones"},
    ("ct05_two_points", "rewrap"): {"contacts.emails", "contacts.names"},
    ("ct06_not_less_than", "rewrap"): {"targets"},
    ("ct10_quota", "rewrap"): {"contacts.phones"},
    ("ct11_wechat_id", "rewrap"): {"contacts.wechat"},
    ("ct15_several_phones", "rewrap"): {"contacts.phones"},
    ("dl06_window_time", "rewrap"): {"deadlines"},
    ("dl11_attachment_notes", "rewrap"): {"deadlines"},
    ("n01_joint_issuers", "rewrap"): {"contacts.names", "contacts.phones", "deadlines"},
    ("n02_no_docnumber", "rewrap"): {"contacts.phones"},
    ("n03_fullwidth_brackets", "rewrap"): {"contacts.phones"},
    ("n04_header_no_wenjian", "rewrap"): {"deadlines", "recipients"},
    ("n05_spaced_date_tables", "rewrap"): {"contacts.phones", "deadlines"},
    ("n06_three_issuers_single_attachment", "rewrap"): {"contacts.names", "contacts.phones", "recipients", "targets"},
    ("n08_chinese_date_spaced_docno", "rewrap"): {"contacts.emails"},
    ("n09_issue_plan_wrapped_cc", "rewrap"): {"cc"},
    ("n10_title_prefix_only", "rewrap"): {"contacts.phones", "issuers", "recipients", "title"},
    ("n11_three_side_by_side_merged", "rewrap"): {"contacts.phones", "deadlines", "recipients"},
    ("n12_attachment_sent_separately", "rewrap"): {"contacts.phones", "deadlines"},
    ("n13_enterprise_relative_deadline", "rewrap"): {"contacts.phones", "deadlines"},
    ("n15_plan_targets_list", "rewrap"): {"printed", "recipients"},
    ("n17_numeral_deadline", "rewrap"): {"contacts.phones"},
    ("n18_registration_window", "rewrap"): {"contacts.phones"},
    ("n20_december_next_year", "rewrap"): {"deadlines"},
    ("n21_impossible_date", "rewrap"): {"targets"},
    ("n22_meeting_notice", "rewrap"): {"contacts.phones"},
    ("000_beae532f0dc098a7", "traditional"): {"issuers"},
    ("001_dde7b99b86b616a6", "traditional"): {"attachments", "issuers"},
    ("002_a6ecc3133544287b", "traditional"): {"issuers"},
    ("D_03", "traditional"): {"issuers"},
    ("D_05", "traditional"): {"issuers"},
    ("D_15", "traditional"): {"issuers"},
    ("E_05", "traditional"): {"attachments", "issuers"},
    ("E_11", "traditional"): {"issuers"},
    ("E_15", "traditional"): {"issuers"},
    ("E_18", "traditional"): {"issuers"},
    ("E_29", "traditional"): {"issuers"},
    ("n01_joint_issuers", "traditional"): {"attachments", "issuers"},
    ("n02_no_docnumber", "traditional"): {"issuers"},
    ("n03_fullwidth_brackets", "traditional"): {"attachments"},
    ("n04_header_no_wenjian", "traditional"): {"issuers"},
    ("n05_spaced_date_tables", "traditional"): {"attachments", "issuers"},
    ("n06_three_issuers_single_attachment", "traditional"): {"attachments", "issuers"},
    ("n08_chinese_date_spaced_docno", "traditional"): {"attachments", "issuers"},
    ("n09_issue_plan_wrapped_cc", "traditional"): {"issuers"},
    ("n11_three_side_by_side_merged", "traditional"): {"issuers"},
    ("n12_attachment_sent_separately", "traditional"): {"issuers"},
    ("n13_enterprise_relative_deadline", "traditional"): {"attachments", "issuers"},
    ("n14_federation_month_end", "traditional"): {"attachments", "issuers"},
    ("n15_plan_targets_list", "traditional"): {"attachments", "issuers"},
    ("n16_before_month_merged", "traditional"): {"attachments", "issuers"},
    ("n17_numeral_deadline", "traditional"): {"issuers"},
    ("n18_registration_window", "traditional"): {"issuers"},
    ("n19_afternoon_deadline", "traditional"): {"attachments", "issuers"},
    ("n20_december_next_year", "traditional"): {"issuers"},
    ("n22_meeting_notice", "traditional"): {"issuers"},
}

_HALFWIDTH = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!",
                            "？": "?", "“": '"', "”": '"', "‘": "'", "’": "'"})

# inside JSON text a " must stay escaped
_HALFWIDTH_VALUES = str.maketrans({**{k: v for k, v in _HALFWIDTH.items() if v not in "\"'"},
                                   "“": "\\\"", "”": "\\\"", "‘": "'", "’": "'"})


def _test_split() -> set[Path]:
    spec = importlib.util.spec_from_file_location("real_split", ROOT / "benchmarks" / "real_split.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return {p.resolve() for p in mod.split(REAL)["test"]}


def _gold_for(f: Path) -> Path | None:
    for d in (f.parent, f.parent.parent):
        g = d / "gold" / f"{f.stem}.json"
        if g.exists():
            return g
    return None


def _cases() -> list[Path]:
    files = sorted((CORPUS / "notices").glob("*.txt")) + sorted((CORPUS / "seeds").glob("*.txt"))
    files += sorted((CORPUS / "passages").glob("*/*.txt"))
    if REAL.is_dir():
        held = set() if os.environ.get("INVARIANCE_ALL_REAL") else _test_split()
        for folder in ("excerpts", "webpages"):
            files += [f for f in sorted((REAL / folder).glob("*"))
                      if f.suffix in (".txt", ".htm", ".html") and f.resolve() not in held]
    return [f for f in files if _gold_for(f)]


# ---- the variants: transformations of a read Document ------------------------------------

def _map_text(doc: Document, fn) -> Document:
    for b in doc.blocks:
        b.raw = fn(b.raw)
        if b.grid is not None:
            for c in b.grid.cells:
                c.text, c.raw = fn(c.text), fn(c.raw)
    return doc


def _one_line(doc: Document) -> Document:
    out: list[Block] = []
    for b in doc.blocks:
        if b.kind == "paragraph" and out and out[-1].kind == "paragraph":
            out[-1].raw += " " + b.raw.strip()  # web pastes join lines with a space
            continue
        if b.kind == "paragraph":
            b = Block(kind="paragraph", raw=b.raw.strip(), page=b.page, origin=b.origin)
        out.append(b)
    doc.blocks = out
    return doc


def _rewrap(doc: Document) -> Document:
    rng = random.Random(doc.path)
    out: list[Block] = []
    for b in doc.blocks:
        if b.kind != "paragraph":
            out.append(b)
            continue
        text = b.raw.strip()
        while text:
            n = rng.randint(25, 40)
            piece, text = text[:n], text[n:]
            nb = copy.copy(b)
            nb.raw, nb.page_break_before = piece, b.page_break_before and not out
            out.append(nb)
    doc.blocks = out
    return doc


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def _traditional(text: str) -> str:
    out = _s2t().convert(text) if text else text
    return out if len(out) == len(text) else "".join(_s2t().convert(c) for c in text)


def make_variant(doc: Document, variant: str) -> Document:
    """A deep copy of ``doc`` (as read, before normalisation) varied."""
    d = copy.deepcopy(doc)
    if variant == "one_line":
        return _one_line(d)
    if variant == "rewrap":
        return _rewrap(d)
    if variant == "halfwidth":
        return _map_text(d, lambda s: s.translate(_HALFWIDTH))
    return _map_text(d, _traditional)


# ---- comparison ----------------------------------------------------------------------

def _fields(rec: dict, gold: dict) -> dict[str, object]:
    out = {}
    for k, v in rec.items():
        if k not in gold or k == "id":
            continue
        if k == "contacts":
            out.update({f"contacts.{n}": sorted(x) for n, x in v.items()})
        elif isinstance(v, list):
            out[k] = sorted(json.dumps(x, ensure_ascii=False, sort_keys=True) for x in v)
        else:
            out[k] = v
    return out


def _simplified(v):
    return json.loads(to_simplified(json.dumps(v, ensure_ascii=False)))


def _comparable(fields: dict, variant: str) -> dict:
    """Values as printed change with the script and the punctuation width:
    compare them in the variant's terms."""
    if variant == "traditional":
        return _simplified(fields)
    if variant == "halfwidth":
        return json.loads(json.dumps(fields, ensure_ascii=False).translate(_HALFWIDTH_VALUES))
    return fields


@lru_cache(maxsize=8)
def _read(path: str) -> tuple[Document, dict, dict]:
    doc = read_path(path)
    base = compact(extract_document(copy.deepcopy(doc)))
    gold = json.loads(_gold_for(Path(path)).read_text(encoding="utf-8"))
    return doc, base, gold


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("path", _cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_record_invariant(path: Path, variant: str):
    doc, base, gold = _read(str(path))
    base_f = _fields(base, gold)
    if variant == "traditional" and base_f != _fields(_simplified(base), gold):
        pytest.skip("printed in traditional characters already")
    got_f = _fields(compact(extract_document(make_variant(doc, variant))), gold)
    base_f, got_f = _comparable(base_f, variant), _comparable(got_f, variant)
    diff = {k for k in base_f if base_f[k] != got_f.get(k)}
    known = KNOWN.get((path.stem, variant), set())
    unexpected = diff - known
    msg = "\n".join(f"{k} [{variant}]: as read {base_f[k]!r}\n{' ' * len(k)}  varied  {got_f.get(k)!r}"
                    for k in sorted(diff))
    assert not unexpected, f"{path.name}: values changed\n{msg}"
    if diff:
        pytest.xfail(f"known, owned elsewhere: {sorted(diff)}")
