"""The ``extract`` command line.

    extract NOTICE [-o FILE]           one notice → its JSON record
    extract schema                     the JSON Schema of the record
    extract eval DIR                   score records against gold files
    extract batch DIR --out OUTDIR     every notice under DIR
    extract ics RECORD_OR_NOTICE...    deadlines as iCalendar
    extract push RECORD_OR_NOTICE...   deadlines to a CalDAV calendar
    extract contacts RECORD_OR_NOTICE...  a contact directory (CSV / vCard)
    extract tables RECORD_OR_NOTICE    attachment forms as xlsx / csv / md
    extract serve [OUTDIR]             the review page over a batch output folder
    extract search QUERY --index OUTDIR   ranked full-text search of the archive

Subcommands live in their own modules and are imported only when used, so
``extract notice.docx`` starts fast. Exit codes: 0 ok, 1 some documents
failed (batch), 2 usage error, 3 missing optional dependency, 4 unreadable
input, 5 output not writable, 6 calendar server error (push).
"""
from __future__ import annotations

import importlib
from pathlib import Path

import click

from pipeline.cli.common import (CONTEXT_SETTINGS, die, fail, refuse_overwrite, remember_inputs,
                                 write_output, write_stdout)
from pipeline.errors import NoticeError
from pipeline.readers import DEFAULT_MAX_MB

# name → "module:attribute" of a click.Command, imported lazily.
LAZY_COMMANDS: dict[str, str] = {
    "file": "pipeline.cli:file_cmd",
    "schema": "pipeline.cli:schema_cmd",
    "eval": "pipeline.cli.evaluate:eval_cmd",
    "batch": "pipeline.cli.batch:batch_cmd",
    "ics": "pipeline.cli.calendar:ics_cmd",
    "push": "pipeline.cli.calendar:push_cmd",
    "contacts": "pipeline.cli.contacts:contacts_cmd",
    "tables": "pipeline.cli.tables:tables_cmd",
    "serve": "pipeline.cli.serve:serve_cmd",
    "search": "pipeline.cli.search:search_cmd",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use, and whose first
    argument, when it is not a subcommand name, is a notice file
    (``extract notice.docx`` = ``extract file notice.docx``)."""

    def list_commands(self, ctx):
        return sorted(LAZY_COMMANDS)

    def get_command(self, ctx, name):
        target = LAZY_COMMANDS.get(name)
        if target is None:
            return None
        mod, attr = target.split(":")
        return getattr(importlib.import_module(mod), attr)

    def resolve_command(self, ctx, args):
        if args and args[0] not in LAZY_COMMANDS and not args[0].startswith("-"):
            _check_not_a_typo(args[0])
            args = ["file", *args]
        return super().resolve_command(ctx, args)


def _check_not_a_typo(word: str) -> None:
    """Exit 2 with one line naming the commands when ``word`` — given where a
    subcommand or a notice file may stand — is neither: a path that does not
    exist and has no suffix and no folder part (``tabels``) is a mistyped
    command, not a notice (``tabels.docx`` or ``dir/tabels`` are files and
    get the reader's "no such file")."""
    import difflib
    import os

    if os.path.lexists(word) or os.path.splitext(word)[1] or os.sep in word or "/" in word:
        return
    names = [n for n in sorted(LAZY_COMMANDS) if n != "file"]
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    die(f"no such command or file '{word}'{hint}; commands: {', '.join(names)}; "
        f"or 'extract NOTICE' for a notice file", 2)


@click.group(cls=LazyGroup, context_settings=CONTEXT_SETTINGS, invoke_without_command=False)
@click.version_option(package_name="union-circulars")
def main():
    """Turn Chinese trade-union circulars (.docx, .pdf, .txt …) into
    validated JSON records.

    Example: extract corpus/seeds/001_dde7b99b86b616a6.docx -o 001.json
    """


@click.command("file", context_settings=CONTEXT_SETTINGS)
@click.argument("notices", nargs=-1, required=True, type=click.Path(path_type=Path),
                metavar="NOTICE")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the record here instead of stdout.")
@click.option("--compact", is_flag=True, help="One line of JSON instead of indented.")
@click.option("--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_MB, show_default=True,
              metavar="MB", help="Refuse files larger than this (as `extract batch`).")
def file_cmd(notices: tuple[Path, ...], output: Path | None, compact: bool, max_size: int):
    """Extract one notice and print its JSON record.

    Example: extract notice.docx -o notice.json
    """
    from pipeline.stages.run import extract_file, to_json

    if len(notices) > 1:
        die(f"{len(notices)} files given, but 'extract NOTICE' reads one; for many, put them in "
            f"a folder and run: extract batch DIR --out OUTDIR", 2)
    (notice,) = notices
    remember_inputs([notice])
    refuse_overwrite(output)  # before the work: `extract a.docx -o a.docx` must not cost a read
    from pipeline.cli.progress import ocr_pages_shown

    try:
        with ocr_pages_shown():  # "OCR scan.pdf: page 3/7" on a terminal only
            record = extract_file(notice, max_bytes=max_size * 1024 * 1024)
    except NoticeError as e:
        fail(e)
    write_output(output, to_json(record, indent=None if compact else 2) + "\n")


@click.command("schema", context_settings=CONTEXT_SETTINGS)
def schema_cmd():
    """Print the JSON Schema of the notice record (generated from the models).

    Example: extract schema > notice.schema.json
    """
    import json

    from models.notice import Notice

    write_stdout((json.dumps(Notice.model_json_schema(), ensure_ascii=False, indent=2)
                  + "\n").encode())

