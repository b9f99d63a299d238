"""``extract eval DIR``: score records against gold files (the tool beside
the pipeline, :mod:`pipeline.evaluate`)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from pipeline.cli.common import CONTEXT_SETTINGS
from pipeline.evaluate import evaluate, find_pairs, format_report, mean_f1


@click.command("eval", context_settings=CONTEXT_SETTINGS)
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_cmd(directory: Path, as_json: bool):
    """Score the notices in DIRECTORY against their gold files (ANNOTATION.md).

    Example: extract eval corpus/
    """
    pairs = find_pairs(directory)
    rep = _run(directory, pairs)
    if as_json:
        out = {"overall": {k: vars(s) | {"f1": s.f1} for k, s in rep.overall.items()},
               "groups": {g: {k: s.f1 for k, s in v.items()} for g, v in rep.by_group.items()},
               "mean_f1": {"all": mean_f1(rep.overall),
                           **{g: mean_f1(v) for g, v in rep.by_group.items()},
                           **{f: mean_f1(v) for f, v in rep.by_folder.items()}},
               "errors": rep.errors, "files": rep.files}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(rep))
    if not rep.files:
        click.echo(f"extract: error: {directory}: no notices with gold files found", err=True)
        sys.exit(2)


def _run(directory: Path, pairs):
    """Evaluate with a rich progress bar on stderr when it is a terminal
    (issue 12 item 6), silently otherwise (pipes, CI logs)."""
    if not sys.stderr.isatty() or not pairs:
        return evaluate(directory, pairs=pairs)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("eval"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.fields[name]}"), console=Console(stderr=True),
                  transient=True) as bar:
        task = bar.add_task("eval", total=len(pairs), name="")
        return evaluate(directory, pairs=pairs,
                        progress=lambda f: bar.update(task, advance=1, name=f.name))
