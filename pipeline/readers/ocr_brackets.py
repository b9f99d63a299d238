"""Half-width brackets read as full-width: told apart by the space they take.

The recogniser reads the half-width ``(规模)`` of a table header as
full-width ``（规模）`` (both glyphs are a thin curve of about the same ink
width, so the crop alone does not tell it). What differs is the advance: a
full-width bracket takes a whole em, its curve pressed to the inner side, a
half-width one about half an em or less. So the distance from the ink of the
character before a bracket to the ink of the character after it, divided by
the line's ink height, separates them:

* scanned seed 000 (Noto Serif CJK, regular and bold, 150 dpi): half-width
  0.41–0.52, full-width 0.90–1.08;
* lines rendered with PIL (Noto Serif/Sans CJK SC regular and bold, WenQuanYi
  Micro Hei plain and fake-bold, 25/33/42 px, blur, noise, JPEG; 12 phrases
  with both widths): half-width 0.32–0.52, full-width 0.89–1.23. Taiwan-style
  faces (AR PL UMing/UKai, centred punctuation and wide Latin brackets) give
  half-width up to 0.91: there the rule mostly abstains and never turned a
  full-width bracket half-width (0 of ~1,000 decisions in all faces).

Only that repair is made (full-width → half-width); a pair is changed only
when every one of its brackets that stands between two ideographs measures
half-width, and nothing is changed when the bracket curves found in the crop
do not match the brackets of the text in number and position.
"""
from __future__ import annotations

from typing import Optional

OPEN, CLOSE = "(（", ")）"
# neighbour-to-neighbour space / line ink height at most this: half-width
# (measured ≤ 0.52 in GB faces, full-width ≥ 0.89: the gap is the margin)
HALF_MAX = 0.65


def _runs(ink) -> list[tuple[int, int]]:
    """Column spans ``[x0, x1)`` holding ink, left to right."""
    import numpy as np

    cols = np.concatenate(([False], ink.any(axis=0), [False]))
    edges = np.flatnonzero(cols[1:] != cols[:-1])
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


def _curve(ink, x0: int, x1: int) -> tuple[int, int]:
    """(+1 a curve bulging left like ``(``, -1 bulging right, 0 neither;
    ink height) of the ink in columns x0..x1: the centre of the middle fifth
    of its rows against the mean of the top and bottom fifths."""
    import numpy as np

    sub = ink[:, x0:x1]
    rows = np.flatnonzero(sub.any(axis=1))
    if len(rows) < 6:
        return 0, 0
    y0, y1 = int(rows[0]), int(rows[-1]) + 1
    h = y1 - y0

    def cx(a: int, b: int) -> Optional[float]:
        xs = np.nonzero(sub[a:b])[1]
        return float(xs.mean()) if len(xs) else None

    top, mid, bot = cx(y0, y0 + h // 5), cx(y0 + 2 * h // 5, y0 + 3 * h // 5), cx(y1 - h // 5, y1)
    if top is None or mid is None or bot is None:
        return 0, h
    d = (top + bot) / 2 - mid
    return (1 if d > 0.25 * (x1 - x0) else -1 if d < -0.25 * (x1 - x0) else 0), h


def _is_ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def bracket_spaces(gray, text: str) -> Optional[dict[int, float]]:
    """For each bracket of ``text`` (index → value) standing between two
    ideographs, the space from the ink before it to the ink after it in units
    of the line's ink height, measured in ``gray`` (the line's crop, uint8).
    None when the bracket curves in the crop (ink columns at most 0.45 of the
    ink height wide, at least 0.7 of it tall, bulging the right way) do not
    match the text's brackets one to one, each within 0.6 character of
    where the text puts it (brackets half or full an em wide)."""
    import numpy as np

    ink = gray < float(np.median(gray)) - 60
    rows = np.flatnonzero(ink.any(axis=1))
    if len(rows) < 6:
        return None
    hl = int(rows[-1]) + 1 - int(rows[0])
    rs = _runs(ink)
    found: dict[int, list[int]] = {1: [], -1: []}
    for i, (a, b) in enumerate(rs):
        if b - a <= 0.45 * hl:
            sign, h = _curve(ink, a, b)
            if sign and h >= 0.7 * hl:
                found[sign].append(i)
    want = {1: [k for k, c in enumerate(text) if c in OPEN], -1: [k for k, c in enumerate(text) if c in CLOSE]}
    if any(len(found[s]) != len(want[s]) for s in (1, -1)):
        return None
    x0, x1 = rs[0][0], rs[-1][1]
    out: dict[int, float] = {}
    for s in (1, -1):
        for k, i in zip(want[s], found[s]):
            lo, hi = _expected(text, k, x0, x1)
            if not lo <= (rs[i][0] + rs[i][1]) / 2 <= hi:
                return None
            if 0 < i < len(rs) - 1 and 0 < k < len(text) - 1 \
                    and _is_ideograph(text[k - 1]) and _is_ideograph(text[k + 1]):
                out[k] = (rs[i + 1][0] - rs[i - 1][1]) / hl
    return out


def _expected(text: str, k: int, x0: float, x1: float) -> tuple[float, float]:
    """The x range where bracket ``k`` of ``text`` may stand in ink spanning
    x0..x1: its centre with brackets half and full an em wide (other
    characters: CJK 1, Latin 0.55), widened by 0.6 character."""
    spots, chars = [], []
    for bw in (0.5, 1.0):
        w = [bw if c in OPEN + CLOSE else 1.0 if ord(c) > 0x2E7F else 0.55 for c in text]
        tot = sum(w)
        spots.append(x0 + (x1 - x0) * (sum(w[:k]) + w[k] / 2) / tot)
        chars.append((x1 - x0) / tot)
    pad = 0.6 * max(chars)
    return min(spots) - pad, max(spots) + pad


def fix_brackets(gray, text: str) -> str:
    """``text`` with its full-width bracket pairs made half-width where the
    crop ``gray`` shows them half-width (see module doc); otherwise unchanged."""
    if "（" not in text and "）" not in text:
        return text
    spaces = bracket_spaces(gray, text)
    if not spaces:
        return text
    chars = list(text)
    stack: list[int] = []
    for k, c in enumerate(text):
        if c in OPEN:
            stack.append(k)
        elif c in CLOSE and stack:
            pair = (stack.pop(), k)
            seen = [spaces[j] for j in pair if j in spaces]
            if seen and all(v <= HALF_MAX for v in seen):
                chars[pair[0]], chars[pair[1]] = "(", ")"
    return "".join(chars)
