"""Helpers shared by the subcommands: loading notices given on the command
line (saved records or notice files, one path for both) and the one-line
error contract."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn, Sequence

import click

from models.notice import Notice
from pipeline.errors import NoticeError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def die(msg: str, code: int) -> NoReturn:
    """Print ``extract: error: msg`` as one line on stderr and exit ``code``."""
    click.echo(f"extract: error: {msg}", err=True)
    sys.exit(code)


def fail(err: NoticeError) -> NoReturn:
    """Print a user error as one line on stderr and exit with its code."""
    die(str(err), err.exit_code)


def load_notices(paths: Sequence[Path]) -> list[Notice]:
    """Records or notice files → notices (``pipeline.stages.run.load_or_extract``,
    the same path as ``extract FILE``). Exits on the first unreadable input,
    one line naming it."""
    from pipeline.stages.run import load_or_extract

    try:
        return [load_or_extract(p) for p in paths]
    except NoticeError as e:
        fail(e)


def write_output(output: Path | None, text: str) -> None:
    """Write ``text`` (UTF-8) to stdout when ``output`` is None, else to the
    file atomically; an unwritable file exits 5 with a one-line error."""
    if output is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        return
    from pipeline.exports.atomic import atomic_write_text

    try:
        atomic_write_text(output, text)
    except OSError as e:
        die(f"{output}: cannot write ({e.strerror or e})", 5)
