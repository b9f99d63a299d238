"""``extract tables``: attachment tables as blank fill-in forms."""
from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.common import CONTEXT_SETTINGS, die, load_notices
from pipeline.exports.forms import export, unique_stems


@click.command("tables", context_settings=CONTEXT_SETTINGS)
@click.argument("notices", nargs=-1, required=True,
                type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["xlsx", "docx", "csv", "md"]), default="xlsx",
              show_default=True, help="xlsx: one workbook per notice, a sheet per table; "
                                      "docx: one Word file per notice, a page per table; "
                                      "csv / md: one file per table.")
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("."), show_default=True, help="Directory to write into.")
def tables_cmd(notices: tuple[Path, ...], fmt: str, out_dir: Path):
    """Attachment tables of each notice (or saved JSON record) as blank
    fill-in forms, merged cells, fill-in lines and notes kept. Two inputs
    with one name (a/x.docx, b/x.docx) give a_x and b_x; an input is never
    overwritten.

    Example: extract tables corpus/seeds/001_dde7b99b86b616a6.docx --format docx -o forms/
    """
    stems = unique_stems(list(notices))
    for path, stem in zip(notices, stems):
        (notice,) = load_notices([path])
        try:
            written = export(notice, stem, fmt, out_dir, protect=notices)
        except OSError as e:
            die(f"{out_dir}: cannot write ({e.strerror or e})", 5)
        if not written:
            click.echo(f"extract: {path}: no attachment tables", err=True)
        for p in written:
            click.echo(str(p))
