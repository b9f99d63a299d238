"""``extract eval DIR``: score records against gold files (the tool beside
the pipeline, :mod:`pipeline.evaluate`)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from pipeline.cli.common import CONTEXT_SETTINGS
from pipeline.evaluate import evaluate, format_report


@click.command("eval", context_settings=CONTEXT_SETTINGS)
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_cmd(directory: Path, as_json: bool):
    """Score the notices in DIRECTORY against their gold files (ANNOTATION.md).

    Example: extract eval corpus/
    """
    rep = evaluate(directory)
    if as_json:
        out = {"overall": {k: vars(s) | {"f1": s.f1} for k, s in rep.overall.items()},
               "groups": {g: {k: s.f1 for k, s in v.items()} for g, v in rep.by_group.items()},
               "errors": rep.errors, "files": rep.files}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(rep))
    if not rep.files:
        click.echo(f"extract: error: {directory}: no notices with gold files found", err=True)
        sys.exit(2)
