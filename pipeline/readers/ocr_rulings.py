"""Ruling lines and table grids found on a page image (numpy only).

Horizontal rulings are long dark runs; a stack of them that vertical
rulings join is a table; adjacent grid positions whose shared ruling is
missing are one merged cell. The OFD reader reuses :func:`regions` and
:func:`merge_spans` for rulings drawn as vector paths.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field

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

