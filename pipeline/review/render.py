"""The document as HTML with every extracted value highlighted at its
evidence span (the notice page's left column).

Every piece of document text goes through :func:`html.escape` here — notices
contain HTML (pasted web pages, ``<`` in formulas) — and the result is handed
to the templates as ``Markup``. Each text segment carries its block index and
character offset (``data-b``, ``data-o``) so the page's script can turn a
selection back into an evidence span (adding a missed deadline or contact).
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Optional

from markupsafe import Markup


@dataclass
class Span:
    """One highlighted value: ``k`` numbers it on the page (``ev-k`` is the
    id of its first segment, ``val-k`` the id of its row in the record),
    ``cls`` the field's colour class, ``label`` what the row shows."""

    k: int
    block: int
    start: int
    end: int
    cls: str
    label: str
    value_id: Optional[str] = None


def _ev(node: Optional[dict]) -> Optional[dict]:
    return node.get("evidence") if isinstance(node, dict) else None


def collect_spans(rec: dict, ids: dict[str, tuple], added: list[tuple[str, dict]]) -> list[Span]:
    """The highlighted values of a record (JSON form, as extracted), with the
    value identities ``ids`` (``pipeline.exports.corrections.value_ids``)
    and the values a person added (``(id, value)``), in record order."""
    found: list[tuple[str, str, Optional[dict], Optional[str]]] = []
    found.append(("f-title", "标题", _ev(rec.get("title")), "notice.title"))
    found.append(("f-docno", "发文字号", _ev(rec.get("doc_number")), "notice.doc_number"))
    for i in rec.get("issuers") or []:
        found.append(("f-issuer", "发文机关", _ev(i), None))
    found.append(("f-recipients", "主送机关", _ev(rec.get("recipients")), None))
    found.append(("f-date", "成文日期", rec.get("signed_date_evidence"), "notice.signed_date"))
    found.append(("f-printed", "印发", _ev(rec.get("printed")), None))
    found.append(("f-cc", "抄送", rec.get("cc_evidence"), None))
    by_loc = {loc: i for i, loc in ids.items()}
    for k, d in enumerate(rec.get("deadlines") or []):
        found.append(("f-deadline", "截止", _ev(d), by_loc.get(("deadline", k))))
    for e in rec.get("events") or []:
        found.append(("f-event", "活动", _ev(e), None))
    for p, cp in enumerate(rec.get("contacts") or []):
        for j, v in enumerate(cp.get("values") or []):
            found.append(("f-contact", "联系方式", _ev(v), by_loc.get(("value", p, j))))
    for t in rec.get("targets") or []:
        found.append(("f-target", "目标", _ev(t), None))
    for a in rec.get("attachments") or []:
        found.append(("f-attachment", "附件", _ev(a), None))
    for id_, new in added:
        cls = "f-deadline" if new.get("type") == "deadline" else "f-contact"
        found.append((cls, "补充", new.get("evidence"), id_))
    spans = []
    for cls, label, ev, vid in found:
        if isinstance(ev, dict) and isinstance(ev.get("block"), int):
            spans.append(Span(len(spans), ev["block"], int(ev.get("start") or 0),
                              int(ev.get("end") or 0), cls, label, vid))
    return spans


def _segments(text: str, lo: int, hi: int, spans: list[Span], block: int,
              first: set[int]) -> str:
    """HTML of ``text[lo:hi]``: cut at every span boundary; a piece inside
    spans is a ``<mark>`` of the innermost span's colour listing them all."""
    inside = [s for s in spans if s.start < hi and s.end > lo and s.end > s.start]
    cuts = sorted({lo, hi, *[min(max(s.start, lo), hi) for s in inside],
                   *[min(max(s.end, lo), hi) for s in inside]})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a == b:
            continue
        piece = html.escape(text[a:b])
        cover = [s for s in inside if s.start <= a and s.end >= b]
        if not cover:
            out.append(f'<span data-b="{block}" data-o="{a}">{piece}</span>')
            continue
        inner = min(cover, key=lambda s: (s.end - s.start, -s.k))
        anchor = ""
        starts = [s.k for s in cover if s.k not in first]
        if starts:
            anchor = f' id="ev-{starts[0]}"'
            first.update(starts)
        ks = " ".join(str(s.k) for s in cover)
        out.append(f'<mark class="hl {inner.cls}"{anchor} data-b="{block}" data-o="{a}" '
                   f'data-spans="{ks}" title="{html.escape(inner.label)}">{piece}</mark>')
    return "".join(out)


def _table(i: int, block: dict, spans: list[Span], first: set[int]) -> str:
    """A table block as ``<table>``: the text's lines are rows, its tabs
    cells; the stored grid gives each cell's spans."""
    text = block.get("text") or ""
    cells = list(block.get("cells") or [])
    rows_html, pos, c = [], 0, 0
    for line in text.split("\n"):
        tds = []
        for cell_text in line.split("\t"):
            attrs = ""
            if c < len(cells):
                _r, _col, rs, cs = cells[c]
                attrs = (f' rowspan="{int(rs)}"' if rs > 1 else "") + (
                    f' colspan="{int(cs)}"' if cs > 1 else "")
            c += 1
            inner = _segments(text, pos, pos + len(cell_text), spans, i, first)
            tds.append(f"<td{attrs}>{inner}</td>")
            pos += len(cell_text) + 1
        rows_html.append("<tr>" + "".join(tds) + "</tr>")
    return (f'<table class="blk tbl" id="b-{i}" data-block="{i}">' + "".join(rows_html)
            + "</table>")


def document_html(text: dict, spans: list[Span]) -> Markup:
    """The blocks of a stored document text (``pipeline.exports.doctext``)
    as HTML: paragraphs as ``<p>`` (centred or bold as printed), tables as
    tables, the ``spans`` highlighted."""
    by_block: dict[int, list[Span]] = {}
    for s in spans:
        by_block.setdefault(s.block, []).append(s)
    out, first, page = [], set(), None
    for i, b in enumerate(text.get("blocks") or []):
        if b.get("page") and b.get("page") != page:
            page = b.get("page")
            out.append(f'<div class="page">第 {int(page)} 页</div>')
        mine = by_block.get(i, [])
        if b.get("kind") == "table":
            out.append(_table(i, b, mine, first))
            continue
        t = b.get("text") or ""
        cls = "blk" + (" c" if b.get("align") == "center" else "") + (
            " r" if b.get("align") == "right" else "") + (" b" if b.get("bold") else "")
        out.append(f'<p class="{cls}" id="b-{i}" data-block="{i}">'
                   f"{_segments(t, 0, len(t), mine, i, first)}</p>")
    return Markup("\n".join(out))
