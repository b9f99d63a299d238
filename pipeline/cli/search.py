"""``extract search QUERY --index OUTDIR``: ranked full-text search over a
batch output folder (:mod:`pipeline.exports.search`)."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path

import click

from pipeline.cli.common import CONTEXT_SETTINGS, die


def _plain(segments, marks: tuple[str, str]) -> str:
    return "".join(f"{marks[0]}{t}{marks[1]}" if m else t for t, m in segments)


@click.command("search", context_settings=CONTEXT_SETTINGS)
@click.argument("query")
@click.option("--index", "outdir", required=True, metavar="OUTDIR",
              type=click.Path(file_okay=False, path_type=Path),
              help="The batch output folder (holds index.sqlite).")
@click.option("-n", "--limit", type=click.IntRange(1, 1000), default=10, show_default=True,
              help="At most this many results.")
@click.option("--issuer", help="Only notices whose issuer contains this text.")
@click.option("--year", type=click.IntRange(1949, 2100), help="Only notices of this year.")
@click.option("--open", "open_deadline", is_flag=True,
              help="Only notices with a deadline still to come (not done or rejected).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per result.")
def search_cmd(query, outdir, limit, issuer, year, open_deadline, as_json):
    """Search the archive: jieba words of QUERY, all of them, ranked by BM25.

    Example: extract search "劳动竞赛 报名" --index records/
    """
    from pipeline.exports.search import search

    db = outdir / "index.sqlite"
    if not db.is_file():
        die(f"{db}: no index here (run extract batch DIR --out {outdir} first)", 2)
    try:
        hits = search(db, query, limit=limit, issuer=issuer, year=year,
                      open_deadline=open_deadline, today=dt.date.today())
    except sqlite3.Error as e:
        die(f"{db}: cannot search this index ({e}); run extract batch again to rebuild it", 4)
    out = sys.stdout
    for k, h in enumerate(hits, 1):
        if as_json:
            out.write(json.dumps({"rank": k, "path": h.path, "record": h.record_path,
                                  "title": h.title, "issuer": h.issuer,
                                  "doc_number": h.doc_number, "date": h.date,
                                  "score": round(h.score, 4),
                                  "snippet": _plain(h.snippet, ("【", "】"))},
                                 ensure_ascii=False) + "\n")
            continue
        bold = ("\x1b[1m", "\x1b[0m") if out.isatty() else ("【", "】")
        out.write(f"{k}. {h.title or h.path}  [{h.path}]\n"
                  f"   {' · '.join(x for x in (h.issuer, h.doc_number, h.date) if x)}\n"
                  f"   {_plain(h.snippet, bold)}\n")
    if not hits and not as_json:
        click.echo("no notice matches", err=True)
