"""Shared OCR engine and page layout for scans (PDF pages without a text layer, images).

The engine is RapidOCR on ONNX Runtime (``rapidocr-onnxruntime``: PP-OCR
det/cls/rec models ship inside the wheel, so nothing is downloaded at run
time; ECOSYSTEM.md §2 "Scans / OCR"). It is an optional extra: it is
imported lazily, loaded once per process (~0.5 s), and a missing install
raises :class:`MissingDependencyError` with the pip command.

:func:`layout_page` turns the engine's text boxes of one page image into
``Block`` s in reading order:

* boxes → visual rows (vertical overlap) → paragraphs, using the cues a
  typeset 公文 page gives (GB/T 9704-2012 §5.2: 2-character first-line indent,
  justified lines that run to the right margin, centred titles);
* ruling lines found with numpy on the page image → table grids with
  row/column spans; OCR boxes are assigned to the cells by their centre;
* page numbers (``— 1 —``, GB/T 9704-2012 §7.5) are dropped.

Positions are in PDF points (``bbox = x0, top, x1, bottom``) via the
caller's ``pt_per_px``; every block has ``origin="ocr"`` and ``confidence``
= the lowest line confidence in it.
"""
from __future__ import annotations

import re
import statistics
import threading
from dataclasses import dataclass, field
from typing import Optional

from models.document import Block, Cell, Grid
from pipeline.errors import MissingDependencyError

INSTALL_HINT = "OCR needed but not installed: pip install 'union-circulars[ocr]'"
# Below this RapidOCR line score the text is often wrong in one or two
# characters (measured on the scanned seeds: clean lines score ≥ 0.9).
LOW_CONFIDENCE = 0.8
DEFAULT_DPI = 200

_ENGINE = None
_LOCK = threading.Lock()


def available() -> bool:
    """True when the OCR extra is importable (does not load the models)."""
    try:
        import importlib.util

        return importlib.util.find_spec("rapidocr_onnxruntime") is not None
    except (ImportError, ValueError):
        return False


def engine(path: Optional[str] = None):
    """The process-wide RapidOCR engine, created on first use.

    Raises :class:`MissingDependencyError` (one line, naming ``path``) when
    ``rapidocr-onnxruntime`` or its runtime cannot be imported.
    """
    global _ENGINE
    if _ENGINE is not None:
        return _ENGINE
    with _LOCK:
        if _ENGINE is None:
            try:
                from rapidocr_onnxruntime import RapidOCR
            except Exception:  # ImportError, or a broken onnxruntime/opencv wheel
                raise MissingDependencyError(path, INSTALL_HINT, stage="ocr") from None
            _ENGINE = RapidOCR()
    return _ENGINE


@dataclass
class OcrBox:
    """One text box from the engine, axis-aligned, in image pixels."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    conf: float

    @property
    def h(self) -> float:
        return self.y1 - self.y0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


def recognise(img, path: Optional[str] = None) -> list[OcrBox]:
    """Run OCR on an RGB(A)/greyscale ``numpy`` image (H×W[×3|4], uint8).

    Returns the text boxes (empty when the image holds no text).
    """
    import numpy as np

    eng = engine(path)
    if img.ndim == 3:
        img = np.ascontiguousarray(img[..., :3][..., ::-1])  # the engine takes BGR (OpenCV order)
    result, _ = eng(img)
    out: list[OcrBox] = []
    for quad, text, score in result or []:
        xs = [p[0] for p in quad]
        ys = [p[1] for p in quad]
        text = (text or "").strip()
        if text:
            out.append(OcrBox(min(xs), min(ys), max(xs), max(ys), text, float(score)))
    for b in out:
        if _latin_spans(b.text):
            _restore_repeats(eng, img, b)
    return out


# A run of narrow Latin/digit glyphs as in e-mail addresses, URLs, phone and
# QQ numbers — the values a clerk copies out of a circular character by character.
_LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+\-@/: ]*[A-Za-z0-9._%+\-@/:]")
_MIN_ALNUM = 5
# Horizontal stretches for the second readings. Measured on the scanned
# seeds and on rendered serif/sans e-mail lines: 1.3× still merges "jj" on
# one seed line, 2× and 3× recover most merges, 4× starts splitting m→nn.
STRETCHES = (2.0, 3.0)
# Confusions the stretched readings make that must not stop two readings
# from being compared (the characters themselves always come from the first).
_FOLD = str.maketrans({"0": "o", "O": "o", "1": "l", "I": "l", "i": "l", "L": "l"})


def _runs_of(s: str) -> list[tuple[str, int]]:
    """Run-length form of ``s`` after folding: [(char, count), …]."""
    out: list[tuple[str, int]] = []
    for ch in s.translate(_FOLD).lower():
        if out and out[-1][0] == ch:
            out[-1] = (ch, out[-1][1] + 1)
        else:
            out.append((ch, 1))
    return out


def _latin_spans(s: str) -> list[tuple[int, int]]:
    """(start, end) of the Latin runs of ``s`` with at least five letters/digits."""
    return [m.span() for m in _LATIN_RUN.finditer(s)
            if sum(ch.isascii() and ch.isalnum() for ch in m.group(0)) >= _MIN_ALNUM]


def restore_repeats(first: str, readings: list[str]) -> str:
    """``first`` with the doubled letters/digits that ``readings`` show and
    it lacks put back (see :func:`_restore_repeats` for why).

    Each Latin run of ``first`` (spaces ignored) is paired, in order, with
    the next run of a reading that has the same letters once repeats are
    squeezed and the confusions 0/o, 1/l/I/i are folded. Where the reading
    has more of one letter or digit, the run gets one more copy of its own
    character there — never more than one per place and never a character
    the first reading did not have. Runs with no partner are left alone.
    """
    spans = _latin_spans(first)
    if not spans:
        return first
    cand = []
    for r in readings:
        cand.append([_runs_of(r[a:b].replace(" ", "")) for a, b in _latin_spans(r)])
    out, last = [], 0
    for a, b in spans:
        run = first[a:b]
        chars = [i for i, ch in enumerate(run) if ch != " "]
        mine = _runs_of(run.replace(" ", ""))
        want = [n for _, n in mine]
        for runs in cand:
            for k, other in enumerate(runs):
                if [c for c, _ in other] == [c for c, _ in mine]:
                    want = [max(w, min(n, m + 1)) for w, n, (_, m) in zip(want, [n for _, n in other], mine)]
                    del runs[: k + 1]
                    break
        extra: dict[int, str] = {}  # index in run → copies to add after it
        pos = 0
        for (ch, n), w in zip(mine, want):
            end = chars[pos + n - 1]
            if w > n and ch.isalnum():
                extra[end] = run[end] * (w - n)
            pos += n
        if extra:
            rebuilt = "".join(ch + extra.get(i, "") for i, ch in enumerate(run))
            out.append(first[last:a] + rebuilt)
            last = b
    out.append(first[last:])
    return "".join(out)


def _restore_repeats(eng, img, box: OcrBox) -> None:
    """Put back doubled narrow characters the recogniser dropped, in place.

    The recogniser's CTC decoding merges two identical labels on adjacent
    frames into one unless a blank frame separates them; two narrow glyphs
    that touch (``jj`` in a serif face, ``11``) give no blank, so
    ``sjzghjjb@126.com`` is read as ``sjzghjb@126.com``. The line is
    recognised again stretched horizontally (:data:`STRETCHES`, more frames
    per glyph) and :func:`restore_repeats` takes from those readings only
    how many times each character stands there.
    """
    import cv2
    import numpy as np

    H, W = img.shape[:2]
    pad = max(2, int(0.1 * box.h))
    y0, y1 = max(0, int(box.y0) - pad), min(H, int(box.y1) + pad)
    x0, x1 = max(0, int(box.x0) - pad), min(W, int(box.x1) + pad)
    if y1 - y0 < 4 or x1 - x0 < 4:
        return
    crop = img[y0:y1, x0:x1]
    readings = []
    for f in STRETCHES:
        wide = cv2.resize(crop, (int((x1 - x0) * f), y1 - y0), interpolation=cv2.INTER_CUBIC)
        res, _ = eng(np.ascontiguousarray(wide), use_det=False, use_cls=False)
        if res:
            readings.append("".join(str(r[0]) for r in res))
    box.text = restore_repeats(box.text, readings)


# --- post-OCR text fixes ----------------------------------------------------

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# 发文字号 brackets misread as [] 【】 () {}; only when a 4-digit year is
# followed by N号, which is the 发文字号 pattern (GB/T 9704-2012 §7.2.4).
_DOCNUM = re.compile(r"([" + _CJK + r"]{1,10})\s*[\[【(（〔{]\s*((?:19|20)\d{2})\s*[\]】)）〕}]\s*(\d{1,4})\s*号")
_PUNCT_AFTER_CJK = {":": "：", ",": "，", ";": "；", "?": "？", "!": "！"}


_EMAIL_DOMAIN = re.compile(r"(?<=[A-Za-z0-9_])\s*@\s*([A-Za-z0-9\-]+(?:\s*\.\s*[A-Za-z0-9\-]+)+)")


def _fix_domain(m: re.Match) -> str:
    dom = re.sub(r"\s+", "", m.group(1))
    return "@" + re.sub(r"(?<=[A-Za-z])0(?=[A-Za-z])", "o", dom)


def fix_text(s: str) -> str:
    """Repair the OCR confusions that are safe to repair in Chinese text.

    * 发文字号 brackets: ``松工总[2017]64号`` → ``松工总〔2017〕64号``;
    * ASCII ``: , ; ? !`` right after a CJK character → full-width (the
      engine reads ``：``/``，`` as ASCII); a time such as ``9:30`` is
      untouched because a digit precedes it;
    * ``O``/``o`` between digits → ``0``, ``l``/``I`` between digits → ``1``;
    * in the domain of an e-mail address, ``0`` between two letters → ``o``
      (``163.c0m`` → ``163.com``; domain labels do not mix digits into words
      that way) and spaces around ``@``/``.`` are removed;
    * spaces the engine inserts between two CJK characters are removed.
    """
    s = _DOCNUM.sub(lambda m: f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号", s)
    s = re.sub(r"(?<=[" + _CJK + r"）”])\s*([:,;?!])\s*", lambda m: _PUNCT_AFTER_CJK[m.group(1)], s)
    s = re.sub(r"(?<=\d)[Oo](?=\d)", "0", s)
    s = re.sub(r"(?<=\d)[lI](?=\d)", "1", s)
    s = _EMAIL_DOMAIN.sub(_fix_domain, s)
    s = re.sub(r"(?<=[" + _CJK + r"，。、：；])\s+(?=[" + _CJK + r"])", "", s)
    return s.strip()


# --- ruling lines and table grids --------------------------------------------

@dataclass
class _Line:
    pos: float  # y of a horizontal line, x of a vertical one
    lo: float  # extent along the line
    hi: float
    spans: list[tuple[float, float]] = field(default_factory=list)  # covered intervals

    def covers(self, a: float, b: float, frac: float = 0.6) -> bool:
        """True when the line covers at least ``frac`` of the interval a..b."""
        tot = 0.0
        for lo, hi in self.spans:
            tot += max(0.0, min(hi, b) - max(lo, a))
        return tot >= frac * (b - a)


@dataclass
class TableRegion:
    """A ruled table found on a page image (pixels)."""

    x0: float
    y0: float
    x1: float
    y1: float
    rows: list[float]  # y of the horizontal rulings, top to bottom
    cols: list[float]  # x of the vertical rulings, left to right
    hlines: list[_Line]
    vlines: list[_Line]


def _runs(mask, min_len: int):
    """Runs of True along axis 1 of a 2-D bool array: (row, start, end) arrays."""
    import numpy as np

    pad = np.zeros((mask.shape[0], 1), dtype=np.int8)
    d = np.diff(np.concatenate([pad, mask.astype(np.int8), pad], axis=1), axis=1)
    sr, sc = np.nonzero(d == 1)
    er, ec = np.nonzero(d == -1)
    keep = (ec - sc) >= min_len
    return sr[keep], sc[keep], ec[keep]


def _group_runs(rows, starts, ends, tol: int = 3) -> list[_Line]:
    """Merge long runs on neighbouring pixel rows (a ruling is 1–5 px thick)
    into lines; each line keeps the union of its covered intervals."""
    segs = sorted(zip(rows.tolist(), starts.tolist(), ends.tolist()))
    lines: list[dict] = []
    for r, s, e in segs:
        for ln in lines:
            if r - ln["last"] <= tol and min(e, ln["hi"]) - max(s, ln["lo"]) > 0:
                ln["rows"].append(r)
                ln["last"] = r
                ln["lo"], ln["hi"] = min(ln["lo"], s), max(ln["hi"], e)
                ln["iv"].append((s, e))
                break
        else:
            lines.append({"rows": [r], "last": r, "lo": s, "hi": e, "iv": [(s, e)]})
    return [_Line(statistics.median(ln["rows"]), ln["lo"], ln["hi"], merge_spans(ln["iv"], tol))
            for ln in lines]


def merge_spans(iv, tol: float) -> list[tuple[float, float]]:
    """Intervals ``(start, end)`` sorted and joined where they overlap or the
    gap is at most ``tol`` — the covered stretches of one ruling line."""
    merged: list[list[float]] = []
    for s, e in sorted(iv):
        if merged and s <= merged[-1][1] + tol:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(a, b) for a, b in merged]


def _dark_mask(gray):
    """Pixels darker than the paper, and that mask thickened by one pixel
    up and down. Rulings in scans are often 1 px, faint (grey ~100 on
    paper ~240) and stair-stepped by skew, so the threshold sits only 45
    levels below the page's median grey and the thickening keeps a skewed
    line one run."""
    import numpy as np

    bg = float(np.median(gray))
    thr = min(200.0, bg - 45.0)
    dark = gray < thr
    closed = dark.copy()
    closed[1:, :] |= dark[:-1, :]
    closed[:-1, :] |= dark[1:, :]
    closed[:, 1:] |= dark[:, :-1]  # and 1 px gaps along the line
    return dark, closed



def _merge_close(lines: list["_Line"]) -> list["_Line"]:
    """Merge rulings less than 8 px apart (double rulings, thick lines split
    in two) into one, keeping all their spans; ``lines`` sorted by position."""
    out: list[_Line] = []
    for ln in lines:
        if out and ln.pos - out[-1].pos < 8:
            out[-1].spans += ln.spans
            out[-1].lo, out[-1].hi = min(out[-1].lo, ln.lo), max(out[-1].hi, ln.hi)
            continue
        out.append(ln)
    return out

def find_tables(gray) -> list[TableRegion]:
    """Ruled tables on a greyscale page image (uint8 H×W).

    Horizontal rulings are dark runs longer than 1/12 of the page width
    (≈ 17 mm on A4, longer than any character stroke); a table is ≥ 2 such
    lines with overlapping extents, and its vertical rulings are dark
    vertical runs inside it that span at least 60 % of the shortest row.
    """
    H, W = gray.shape
    dark, closed_h = _dark_mask(gray)
    r, s, e = _runs(closed_h, max(40, W // 12))
    hlines = [ln for ln in _group_runs(r, s, e) if ln.hi - ln.lo >= W // 12]
    hlines.sort(key=lambda ln: ln.pos)
    # group rulings into tables: overlapping x extents, close in y
    groups: list[list[_Line]] = []
    for ln in hlines:
        for g in groups:
            last = g[-1]
            ov = min(ln.hi, last.hi) - max(ln.lo, last.lo)
            if ov > 0.5 * min(ln.hi - ln.lo, last.hi - last.lo) and ln.pos - last.pos < 0.3 * H:
                g.append(ln)
                break
        else:
            groups.append([ln])
    tables = []
    for g in groups:
        # merge duplicates (double rulings, thick lines split in two)
        ys = _merge_close(g)
        if len(ys) < 2:
            continue
        x0 = min(ln.lo for ln in ys)
        x1 = max(ln.hi for ln in ys)
        y0, y1 = ys[0].pos, ys[-1].pos
        min_gap = min(b.pos - a.pos for a, b in zip(ys, ys[1:]))
        sub = dark[int(y0):int(y1) + 1, max(0, int(x0) - 6):int(x1) + 7].T
        sub_c = sub.copy()
        sub_c[:, 1:] |= sub[:, :-1]
        sub_c[:, :-1] |= sub[:, 1:]
        vr, vs, ve = _runs(sub_c, max(15, int(0.6 * min_gap)))
        off_x = max(0, int(x0) - 6)
        vlines = _group_runs(vr + off_x, vs + int(y0), ve + int(y0))
        vlines = sorted(vlines, key=lambda ln: ln.pos)
        xs = _merge_close(vlines)
        tables.extend(regions(ys, xs))
    return tables


def regions(hs: list[_Line], vs: list[_Line]) -> list[TableRegion]:
    """Split a stack of horizontal rulings into tables: two neighbouring
    rulings belong to one table only when ≥ 2 vertical rulings join them
    (two tables one above the other, with a note between, stay apart).
    A stack with no joined band is one region without columns."""
    parts: list[list[_Line]] = [[hs[0]]]
    for a, b in zip(hs, hs[1:]):
        if sum(1 for v in vs if v.covers(a.pos, b.pos)) >= 2:
            parts[-1].append(b)
        else:
            parts.append([b])
    out = []
    for part in parts:
        if len(part) < 2:
            continue
        y0, y1 = part[0].pos, part[-1].pos
        cols = [v for v in vs if any(v.covers(a.pos, b.pos) for a, b in zip(part, part[1:]))]
        x0 = min(ln.lo for ln in part)
        x1 = max(ln.hi for ln in part)
        if len(cols) < 2:
            continue
        out.append(TableRegion(min(x0, cols[0].pos), y0, max(x1, cols[-1].pos), y1,
                               [ln.pos for ln in part], [v.pos for v in cols], part, cols))
    if not out and len(hs) >= 2:
        out.append(TableRegion(min(ln.lo for ln in hs), hs[0].pos, max(ln.hi for ln in hs), hs[-1].pos,
                               [ln.pos for ln in hs], [], hs, []))
    return out


def grid_cells(t: TableRegion) -> list[tuple[int, int, int, int]]:
    """The cells of a ruled table as (row, col, row_span, col_span).

    Adjacent grid positions are one cell when the ruling between them is
    missing (covers < 60 % of the shared edge) — how merged cells look on paper.
    """
    nr, nc = len(t.rows) - 1, len(t.cols) - 1
    parent = list(range(nr * nc))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    for i in range(nr):
        ya, yb = t.rows[i], t.rows[i + 1]
        for j in range(nc - 1):
            if not t.vlines[j + 1].covers(ya, yb):
                union(i * nc + j, i * nc + j + 1)
    for i in range(nr - 1):
        for j in range(nc):
            xa, xb = t.cols[j], t.cols[j + 1]
            if not t.hlines[i + 1].covers(xa, xb):
                union(i * nc + j, (i + 1) * nc + j)
    comps: dict[int, list[tuple[int, int]]] = {}
    for i in range(nr):
        for j in range(nc):
            comps.setdefault(find(i * nc + j), []).append((i, j))
    cells = []
    for pos in comps.values():
        r0 = min(p[0] for p in pos)
        c0 = min(p[1] for p in pos)
        r1 = max(p[0] for p in pos)
        c1 = max(p[1] for p in pos)
        cells.append((r0, c0, r1 - r0 + 1, c1 - c0 + 1))
    cells.sort()
    return cells


# --- rows and paragraphs -----------------------------------------------------

@dataclass
class _Row:
    boxes: list[OcrBox]
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    text: str = ""
    conf: float = 1.0

    @property
    def h(self) -> float:
        return self.y1 - self.y0


def _rows(boxes: list[OcrBox], fix: bool = True) -> list[_Row]:
    """Group boxes into visual rows (vertical overlap ≥ half the smaller
    height), left to right; rows top to bottom."""
    rows: list[_Row] = []
    for b in sorted(boxes, key=lambda b: (b.cy, b.x0)):
        best = None
        for r in rows[-3:]:
            ov = min(b.y1, r.y1) - max(b.y0, r.y0)
            if ov >= 0.5 * min(b.h, r.h):
                best = r
        if best is None:
            best = _Row([])
            rows.append(best)
            best.y0, best.y1 = b.y0, b.y1
        best.boxes.append(b)
        best.y0, best.y1 = min(best.y0, b.y0), max(best.y1, b.y1)
    for r in rows:
        r.boxes.sort(key=lambda b: b.x0)
        r.x0 = min(b.x0 for b in r.boxes)
        r.x1 = max(b.x1 for b in r.boxes)
        hs = statistics.median(b.h for b in r.boxes)
        parts = []
        for i, b in enumerate(r.boxes):
            if i and b.x0 - r.boxes[i - 1].x1 > 0.8 * hs:
                parts.append(" ")  # a visible gap: 联系人：张三   电话：…
            parts.append(b.text)
        r.text = fix_text("".join(parts)) if fix else "".join(parts).strip()
        r.conf = min(b.conf for b in r.boxes)
    rows.sort(key=lambda r: (r.y0 + r.y1) / 2)
    return rows


def _char_width(r: _Row) -> float:
    n = sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in r.text if not ch.isspace())
    return (r.x1 - r.x0) / n if n else r.h


# an enumeration label opening a line: 1. 1、 (1) （一） 一、 第一
_ENUM = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|[(（]\s*[\d一二三四五六七八九十]{1,3}\s*[)）]|"
                   r"[一二三四五六七八九十]{1,3}\s*、|第[一二三四五六七八九十]{1,3})")
_PAGE_NO = re.compile(r"^[\-—–－一~～_\s]*\d{1,3}[\-—–－一~～_\s]*$")


@dataclass
class PageLayout:
    """The blocks of one OCR'd page plus what cross-page merging needs."""

    blocks: list[Block]
    warnings: list[tuple[str, str]]
    last_open: bool = False  # the last paragraph runs to the right margin
    first_cont: bool = False  # the first paragraph starts at the margin, unindented
    boxes: int = 0


def _cell_text(boxes: list[OcrBox], fix: bool = True) -> str:
    return "".join(r.text.replace(" ", "") for r in _rows(boxes, fix)) if boxes else ""


def layout_page(boxes: list[OcrBox], gray, page: int, pt_per_px: float, *,
                tables: Optional[list[TableRegion]] = None, height: Optional[float] = None,
                origin: str = "ocr") -> PageLayout:
    """Blocks of one page from its text boxes (see module doc).

    ``gray`` is the greyscale page image whose rulings give the tables, or
    None when ``tables`` are given (vector formats such as OFD pass their
    own, with ``height`` = page height in box units). ``page`` is 1-based;
    ``pt_per_px`` converts box units to points (72/dpi; 72/25.4 for mm).
    ``origin="ocr"`` also applies :func:`fix_text` and the confidence
    warnings: ``low_confidence`` per line below :data:`LOW_CONFIDENCE`,
    ``table_as_text`` when rulings were found but no cell grid.
    """
    is_ocr = origin == "ocr"
    if gray is not None:
        H, W = gray.shape
    else:
        H = height or max([b.y1 for b in boxes] + [1.0])
    warnings: list[tuple[str, str]] = []
    if tables is None:
        tables = find_tables(gray) if boxes and gray is not None else []
    items: list[tuple[float, Block]] = []
    rest = list(boxes)
    for t in tables:
        inside = [b for b in rest if t.x0 - 3 <= b.cx <= t.x1 + 3 and t.y0 - 3 <= b.cy <= t.y1 + 3]
        if not inside:
            continue
        if not t.cols:
            if len(t.rows) < 4:  # two or three rules: a 版记 or underlines, not a table
                continue
            warnings.append(("table_as_text", f"page {page}: ruled table without vertical rulings read as text"))
            continue
        rest = [b for b in rest if b not in inside]
        cells = []
        for (r0, c0, rs, cs) in grid_cells(t):
            xa, xb = t.cols[c0], t.cols[c0 + cs]
            ya, yb = t.rows[r0], t.rows[r0 + rs]
            mine = [b for b in inside if xa <= b.cx < xb and ya <= b.cy < yb]
            text = _cell_text(mine, is_ocr)
            cells.append(Cell(row=r0, col=c0, text=text, raw=text, row_span=rs, col_span=cs))
        grid = Grid(n_rows=len(t.rows) - 1, n_cols=len(t.cols) - 1, cells=cells)
        raw = "\n".join("\t".join(r) for r in grid.row_texts())
        conf = min(b.conf for b in inside)
        items.append((t.y0, Block(kind="table", raw=raw, page=page, origin=origin, grid=grid,
                                  confidence=round(conf, 3) if is_ocr else None,
                                  bbox=_pt((t.x0, t.y0, t.x1, t.y1), pt_per_px))))
        for b in inside:
            if is_ocr and b.conf < LOW_CONFIDENCE:
                warnings.append(("low_confidence",
                                 f"page {page} table cell: '{b.text[:30]}' confidence {b.conf:.2f}"))
    rows = _rows(rest, is_ocr)
    # page numbers: a lone number, maybe between dashes, in the top 10 % or bottom 15 % of the page
    rows = [r for r in rows
            if not (_PAGE_NO.match(r.text) and (r.y0 > 0.85 * H or r.y1 < 0.1 * H))]
    layout = PageLayout([], warnings, boxes=len(boxes))
    if not rows:
        layout.blocks = [b for _, b in sorted(items, key=lambda x: x[0])]
        return layout
    # The text column: the outermost rows of some length (justified lines
    # run margin to margin) and any table, which spans the column too.
    sized = [r for r in rows if len(r.text) >= 4] or rows
    left = min([r.x0 for r in sized] + [t.x0 for t in tables if t.cols])
    right = max([r.x1 for r in sized] + [t.x1 for t in tables if t.cols])
    body = [r for r in sized if r.x1 - r.x0 >= 0.6 * (right - left)] or sized
    cw = statistics.median(_char_width(r) for r in body)
    body_h = statistics.median(r.h for r in rows)  # most rows on a page are body text
    gaps = [b.y0 - a.y1 for a, b in zip(rows, rows[1:]) if b.y0 > a.y1]
    line_gap = statistics.median(gaps) if gaps else cw * 0.5

    def centred(r: _Row) -> bool:
        lm, rm = r.x0 - left, right - r.x1
        if abs(lm - 2 * cw) < 0.5 * cw and r.h <= 1.08 * body_h:
            return False  # the 2-character first-line indent of body text
        return lm > 1.2 * cw and rm > 1.2 * cw and abs(lm - rm) < 1.5 * cw

    def symmetric(r: _Row) -> bool:
        return abs((r.x0 - left) - (right - r.x1)) < 1.5 * cw

    def right_aligned(r: _Row) -> bool:
        return r.x0 - left > 6 * cw and right - r.x1 < 2.5 * cw and not centred(r)

    def indented(r: _Row) -> bool:
        return r.x0 - left > 0.9 * cw

    def reaches_right(r: _Row) -> bool:
        return right - r.x1 < 1.5 * cw

    def titleish(prev: _Row, r: _Row) -> bool:
        # a nearly full-width heading in a larger size above body text
        return prev.x0 - left > 0.9 * cw and symmetric(prev) and prev.h > 1.1 * r.h

    def hanging(r: _Row, para: list[_Row]) -> bool:
        # wrapped item of a hanging list (附件：1.…) aligned under its own text
        first = para[0]
        if _ENUM.match(r.text) and _ENUM.match(first.text):
            return False  # the next item of the list
        if first.x0 - left > 2.5 * cw and abs(r.x0 - first.x0) < 0.6 * cw:
            return True
        return first.text.startswith("附件") and r.x0 > first.x0 + 0.5 * cw

    paras: list[list[_Row]] = []
    for r in rows:
        if paras:
            prev = paras[-1][-1]
            gap = r.y0 - prev.y1
            same_size = abs(r.h - prev.h) < 0.2 * max(r.h, prev.h)
            big = r.h > 1.08 * body_h and prev.h > 1.08 * body_h
            if symmetric(prev) and centred(r) and same_size and (centred(prev) or big) \
                    and gap < line_gap + 0.6 * r.h and len(paras[-1]) < 4:
                paras[-1].append(r)  # a title over two or three centred lines
                continue
            cont = (reaches_right(prev) and not centred(prev) and not centred(r)
                    and (not indented(r) or hanging(r, paras[-1]))
                    and not titleish(prev, r) and gap < line_gap + 0.7 * r.h)
            if cont:
                paras[-1].append(r)
                continue
        paras.append([r])
    for p in paras:
        first = p[0]
        raw = "".join(r.text for r in p)
        conf = min(r.conf for r in p)
        is_centred = centred(p[-1]) and all(symmetric(r) for r in p)
        align = "center" if is_centred else "right" if right_aligned(first) else "left"
        x0 = min(r.x0 for r in p)
        x1 = max(r.x1 for r in p)
        sz = statistics.median(r.h for r in p) * pt_per_px * 0.8  # box height ≈ 1.25 em
        items.append((first.y0, Block(kind="paragraph", raw=raw, page=page, origin=origin,
                                      align=align, size=round(sz, 1),
                                      confidence=round(conf, 3) if is_ocr else None,
                                      bbox=_pt((x0, first.y0, x1, p[-1].y1), pt_per_px))))
        for r in p:
            if is_ocr and r.conf < LOW_CONFIDENCE:
                warnings.append(("low_confidence",
                                 f"page {page} line at {r.y0 * pt_per_px:.0f} pt: "
                                 f"'{r.text[:30]}' confidence {r.conf:.2f}"))
    items.sort(key=lambda x: x[0])
    layout.blocks = [b for _, b in items]
    if layout.blocks and layout.blocks[-1].kind == "paragraph":
        last = paras[-1][-1]
        layout.last_open = reaches_right(last) and not centred(last)
    if layout.blocks and layout.blocks[0].kind == "paragraph":
        f = paras[0][0]
        layout.first_cont = not indented(f) and not centred(f)
    return layout


def _pt(b: tuple[float, float, float, float], k: float) -> tuple[float, float, float, float]:
    return (round(b[0] * k, 1), round(b[1] * k, 1), round(b[2] * k, 1), round(b[3] * k, 1))


def to_gray(img):
    """uint8 greyscale view of an RGB/RGBA/greyscale numpy image."""
    import numpy as np

    if img.ndim == 2:
        return img
    rgb = img[..., :3].astype(np.float32)
    return (0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2]).astype(np.uint8)


def ocr_page(img, page: int, pt_per_px: float, path: Optional[str] = None) -> PageLayout:
    """OCR one page image (numpy RGB) and lay it out; see :func:`layout_page`."""
    import numpy as np

    if img.ndim == 3 and img.shape[2] == 4:
        img = img[..., :3]
    img = np.ascontiguousarray(img)
    boxes = recognise(img, path)
    return layout_page(boxes, to_gray(img), page, pt_per_px)


def join_pages(layouts: list[tuple[int, PageLayout]]) -> list[Block]:
    """Concatenate page layouts (``(page, layout)`` in page order), joining a
    paragraph that runs off the bottom of page N into the unindented first
    paragraph of page N+1 (one sentence split by the page break). The first
    block of each later page gets ``page_break_before``."""
    out: list[Block] = []
    prev_page: Optional[int] = None
    prev_open = False
    for page, lay in layouts:
        blocks = list(lay.blocks)
        if (out and prev_open and lay.first_cont and prev_page is not None
                and page == prev_page + 1 and blocks and out[-1].kind == "paragraph"):
            head = blocks.pop(0)
            tail = out[-1]
            tail.raw += head.raw
            if head.confidence is not None and tail.confidence is not None:
                tail.confidence = min(tail.confidence, head.confidence)
        if blocks and out:
            blocks[0].page_break_before = True
        out.extend(blocks)
        prev_open = lay.last_open if lay.blocks else False
        prev_page = page
    return out
