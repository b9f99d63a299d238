"""Table kind — ``list`` or ``form`` — decided by structure, not by name
(ANNOTATION.md "attachments": ``list`` = a header row and rows to fill in
below it, ``form`` = label cells beside blank value cells; real/README.md:
filled schedules are lists too; gold NOTES.md: a 登记表 with a header row and
blank rows is a ``list``).

Entry points
------------
* :func:`decide_kind` ``(lay, h) -> "list" | "form"`` — the kind of a
  repaired grid ``lay`` (``extractors.tables._Layout``) whose header is row ``h``.
* :func:`two_level` ``(lay, h) -> bool`` — row ``h+1`` completes the header.
* :func:`inline_slots` ``(text) -> [(label, unit)]`` — blanks printed inside a cell.
* :func:`printed_text` ``(cell) -> str`` — printed gaps, normalised characters.
* :func:`value_like` ``(text) -> bool`` — a cell printed in a value position
  (check boxes, a bracketed hint, a sign-off line, a date or unit blank).

The grid is only read through ``n_rows``, ``n_cols``, ``at(r, k)``,
``row_cells(r)`` and ``row_positions(r)``; cells have ``row``, ``col``,
``row_span``, ``col_span``, ``text`` and ``raw``.
"""
from __future__ import annotations

import re

from extractors._common import vocab

_WS = re.compile(r"\s+")
DATE_BLANK = re.compile(r"[\s_＿]*(?:\d{4}[\s_＿]*)?年[\s_＿]*月[\s_＿]*日[\s_＿]*")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Check-box options printed in a value cell ("□是 □否", "☐男 ☐女").
_CHECKBOX = re.compile(r"[□☐■☑◻○◯]\s*\S")
# A hint in brackets alone fills a value cell ("（盖章）", "（限300字以内）").
_HINT = re.compile(r"[（(][^（）()]*[）)]")
# Sign-off wording of a value cell ("盖章  2018年 月 日", "（签字）"), several
# marks joined by 或 / 、 counting as one ("（签名或盖章）").
_MARK = r"(?:盖\s*章|签\s*[章字名]|公\s*章)"
_SIGN = re.compile(rf"[（(]?\s*{_MARK}(?:\s*[或、/]\s*{_MARK})*\s*[）)]?")
# The signer named before the sign-off of an opinion box ("主管领导（签名或盖章）
# 年 月 日", "单位盖章 年 月 日"): a few words, no punctuation (D_19 class).
_SIGNER = re.compile(r"[\u4e00-\u9fff]{0,10}")


def _squash(s: str) -> str:
    return _WS.sub("", s or "")


def printed_text(c) -> str:
    """A cell's text as printed, with its printed spaces ("姓 名", "共 人" — the
    gaps the kind rules read), in the normalised characters: a cell of a
    traditional page ("簽名或蓋章") is read simplified like its ``text``
    (normalise.py converts one character for one, so the printed gaps are
    put back between ``text``'s characters). Falls back to ``raw``."""
    raw, text = c.raw or "", c.text or ""
    if not raw:
        return text
    squashed = _squash(raw)
    if squashed == text or len(squashed) != len(text):
        return raw
    chars = iter(text)
    return "".join(ch if ch.isspace() else next(chars) for ch in raw)


def inline_slots(text: str) -> list[tuple[str, str]]:
    """Blanks printed inside a form cell, as (label, unit) pairs.

    "共人，其中男人；女 人" → [("共","人"), ("男","人"), ("女","人")];
    "平均年龄 岁" → [("平均年龄","岁")]; "年 月 日" → [("年",""),("月",""),("日","")].
    A single segment needs a printed gap before its unit ("出生年月" is a
    label, not a blank), and a one-character label before a one-character
    unit must be a count word ("共 人", "男 名"): Word letter-spaces short
    column labels ("姓 名", "名 次", "班 级"; real D_01, D_19 headers), and a
    lone label with a gap inside it is letter-spaced too ("联 系 人").
    Digits in the label mean the blank is filled.
    Units and prefixes: extractors/data/table_cues.json.
    """
    t = (text or "").strip()
    if not t:
        return []
    if DATE_BLANK.fullmatch(t):
        return [("年", ""), ("月", ""), ("日", "")]
    cues = vocab("table_cues")
    units = "|".join(re.escape(u) for u in sorted(cues["slot_units"], key=len, reverse=True))
    prefixes = "|".join(re.escape(p) for p in cues["slot_prefixes"])
    seg_re = re.compile(rf"(?:(?:{prefixes})\s*)?(?P<label>\S.*?)(?P<gap>\s*)(?P<unit>{units})")
    segs = [s.strip() for s in re.split(r"[，,；;。]", t) if s.strip()]
    found: list[tuple[str, str]] = []
    gaps = 0
    for s in segs:
        m = seg_re.fullmatch(s)
        if not m or re.search(r"[0-9０-９]", m.group("label")):
            continue
        if len(segs) == 1 and _WS.search(m.group("label")):
            return []  # spaced between every character: a label ("联 系 人", "负 责 人")
        found.append((_squash(m.group("label")), m.group("unit")))
        gaps += bool(m.group("gap"))
    if not found or len(found) * 2 < len(segs):
        return []
    if len(found) == 1 and not gaps:
        return []
    if len(segs) == 1 and len(found[0][0]) == 1 and len(found[0][1]) == 1 and \
            found[0][0] not in cues["slot_counts"]:
        return []  # a letter-spaced label ("姓 名", "名 次"), not a blank ("共 人")
    return found


def value_like(text: str) -> bool:
    """True when a cell's printed text stands where a value goes: check-box
    options ("□是 □否"), a hint in brackets alone ("（盖章）", "（限300字）"),
    a sign-off line ("盖章 2018年 月 日"), or blanks ("年 月 日", "共 人")."""
    t = (text or "").strip()
    if not t:
        return False
    if _CHECKBOX.search(t) or _HINT.fullmatch(t) or inline_slots(t):
        return True
    # 盖章/签字 alone is a column label (签到表: 序号 | 姓名 | 签名); with a
    # date blank it is the sign-off printed in a value cell
    # and so it is after the signer's role ("负责人（签名或盖章） 年 月 日":
    # the opinion box of an appraisal form)
    m = _SIGN.search(t)
    return bool(m) and bool(DATE_BLANK.fullmatch(t[m.end():])) and bool(
        _SIGNER.fullmatch(_squash(t[:m.start()])))


def _blankish(c) -> bool:
    return not c.text or value_like(printed_text(c))


def _label(c) -> bool:
    """A label cell: printed words (not only figures) that are not a value."""
    return bool(c.text) and bool(_CJK.search(c.text)) and not value_like(printed_text(c))


def two_level(lay, h: int) -> bool:
    """True when row ``h+1`` completes the header: it has text exactly under
    the header's group cells — spanned, blank, or followed by blank padding
    (a .txt export has no spans) — and nothing under the other labels
    (序号 | 成绩 | ␣ / ␣ | 初赛 | 复赛)."""
    if h + 1 >= lay.n_rows:
        return False
    below = lay.row_positions(h + 1)
    if not any(c.text and c.row == h + 1 for c in below):
        return False
    for k in range(lay.n_cols):
        top = lay.at(h, k)
        low = lay.at(h + 1, k)
        if top is low:  # a header cell spanning both rows
            continue
        nxt = lay.at(h, k + top.col_span) if top.col == k else None
        group = top.col_span > 1 or not top.text or (nxt is not None and not nxt.text)
        if low.text and not group:
            return False
        if group and not low.text:
            return False
    return True


def _ghost_tail(lay, row: list, labels: list[bool]) -> list[bool]:
    """Header flags without trailing blank cells over columns blank in every
    row (Word's unlabelled edge column), when two or more labels stand
    side by side before them: 序号 | 姓名 | 单位 | ␣ is a list header."""
    if True not in labels:
        return labels
    first = labels.index(True)
    last = len(labels) - 1 - labels[::-1].index(True)
    if last - first < 1 or not all(labels[first:last + 1]) or last == len(labels) - 1:
        return labels
    for c in row[last + 1:]:
        for k in range(c.col, c.col + c.col_span):
            if any(lay.at(r, k).text for r in range(lay.n_rows)):
                return labels
    return labels[:last + 1]


def _ghost_row(lay, r: int) -> bool:
    """Word HTML's closing row of empty width cells (one per grid column)."""
    cells = lay.row_cells(r)
    return (r == lay.n_rows - 1 and len(cells) == lay.n_cols
            and all(not c.text and c.col_span == 1 and c.row_span == 1 for c in cells))


def _form_rows(lay, h: int) -> tuple[int, int]:
    """(form rows, rows) under an all-label header row ``h``. A form row sets
    a label beside a blank value cell either across the header's columns (a
    value cell spanning two header columns, a label under a header blank:
    姓名 | 性别 | 民族 above 工作单位 | ␣␣␣) or twice in one row
    (出生年月 | ␣ | 民族 | ␣); a row label followed by blank columns
    (领队 | ␣ | ␣) fits a list, and so does a 合计 row. Side-by-side lists (项目 | 数量 | 项目 | 数量)
    repeat their labels: there two pairs in a row are still list cells."""
    two = two_level(lay, h)
    bounds = {c.col for c in lay.row_positions(h)}
    if two:
        bounds |= {c.col for c in lay.row_positions(h + 1)}
    names = [_squash(c.text) for c in lay.row_cells(h) if c.text]
    repeated = len(set(names)) < len(names)
    totals = set(vocab("table_cues")["total_rows"])
    form = rows = 0
    for r in range(h + (2 if two else 1), lay.n_rows):
        if not lay.row_cells(r) or _ghost_row(lay, r):
            continue
        rows += 1
        pos = lay.row_positions(r)
        first = next((c for c in pos if c.text), None)
        if first is not None and _squash(first.text) in totals:
            continue  # a 合计 row is a data row of a list (gold NOTES.md)
        # a label across header columns heads a section of a list
        # (一、组织建设 | ␣ under 项目 | 内容 | 分值 | 得分), not a field
        pairs = sum(1 for a, b in zip(pos, pos[1:])
                    if _label(a) and _blankish(b) and r in (a.row, b.row)
                    and not any(a.col < k < a.col + a.col_span for k in bounds))
        aligned = bounds <= {c.col for c in pos}
        if pairs and (not aligned or (pairs >= 2 and not repeated)):
            form += 1
    return form, rows


_VALUE_MARKS = re.compile(r"[0-9０-９，,、；;：:。]")


def _key_value(lay, h: int) -> bool:
    """A filled two-column sheet of labels and their values from row ``h``
    on (活动时间 | 2024年5月10日 / 活动地点 | 市工人文化宫): every row
    is one label (short words, no figures, all different) and one value, and
    the first value reads as a value (figures, punctuation or a long text),
    not as a column name (时间 | 内容 heads a filled schedule, a list)."""
    left: list[str] = []
    values = 0
    for r in range(h, lay.n_rows):
        pos = [c for c in lay.row_positions(r) if c.row == r]
        if not pos or _ghost_row(lay, r):
            continue
        if len(pos) != 2 or not _label(pos[0]):
            return False
        name = _squash(pos[0].text)
        if len(name) > 12 or re.search(r"[0-9０-９]", name):
            return False
        left.append(name)
        values += bool(pos[1].text)
        if r == h and not (_VALUE_MARKS.search(pos[1].text) or len(_squash(pos[1].text)) > 12):
            return False
    return len(left) >= 3 and len(set(left)) == len(left) and values * 2 > len(left)


def decide_kind(lay, h: int) -> str:
    """``form`` when the header row holds label cells beside blank (or
    value-like) cells, or when its labels stand over two or more label/blank
    rows that make most of the body;
    ``list`` when it is a run of column labels over rows to fill or data
    (ANNOTATION.md kind rule)."""
    row = lay.row_positions(h)
    if any(inline_slots(printed_text(c)) for c in row):
        return "form"  # "共 人，其中男 人" blanks inside a cell
    labels = _ghost_tail(lay, row, [not _blankish(c) for c in row])
    if True in labels:
        after = labels[labels.index(True):]
        if not all(after) and not two_level(lay, h):
            return "form"
    if sum(labels) >= 2:
        if lay.n_cols <= 3 and _key_value(lay, h):
            return "form"
        form, rows = _form_rows(lay, h)
        return "form" if form >= 2 and form * 2 > rows else "list"
    # One label across the header row: judge by the rows below — label/blank
    # pairs make a form, blank or data rows a list.
    pairs = rows = 0
    for r in range(h + 1, lay.n_rows):
        cells = lay.row_cells(r)
        if not cells or _ghost_row(lay, r):
            continue
        rows += 1
        for a, b in zip(cells, cells[1:]):
            if a.text and _blankish(b):
                pairs += 1
                break
    return "form" if rows and pairs * 2 > rows else "list"
