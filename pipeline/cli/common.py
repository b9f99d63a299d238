"""Helpers shared by the subcommands: loading notices given on the command
line (saved records or notice files, one path for both), writing outputs
without ever overwriting an input, and the one-line error contract."""
from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import NoReturn, Optional, Sequence

import click

from models.notice import Notice
from pipeline.errors import NoticeError, one_line

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
_INPUTS_KEY = "extract.inputs"  # click context meta: the input files of this invocation


def die(msg: str, code: int) -> NoReturn:
    """Print ``extract: error: msg`` as one line on stderr (control
    characters of file names escaped) and exit ``code``."""
    click.echo(f"extract: error: {one_line(msg)}", err=True)
    sys.exit(code)


def fail(err: NoticeError) -> NoReturn:
    """Print a user error as one line on stderr and exit with its code."""
    die(str(err), err.exit_code)


def remember_inputs(paths: Sequence[Path]) -> None:
    """Note this invocation's input files, so that :func:`write_output` and
    :func:`refuse_overwrite` never replace one of them with an output."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta.setdefault(_INPUTS_KEY, []).extend(Path(p) for p in paths)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def refuse_overwrite(output: Optional[str | os.PathLike],
                     inputs: Optional[Sequence[Path]] = None) -> None:
    """Exit 2 with one line when ``output`` is one of the input files (by
    inode, so a second spelling or a hard link is caught too); ``inputs``
    defaults to those :func:`remember_inputs` noted."""
    if output is None or os.fspath(output) == "-":
        return
    if inputs is None:
        ctx = click.get_current_context(silent=True)
        inputs = ctx.meta.get(_INPUTS_KEY, []) if ctx is not None else []
    for p in inputs:
        if _same_file(Path(output), Path(p)):
            die(f"{output}: is an input file; refusing to overwrite it with the output "
                f"(choose another -o)", 2)


def load_notices(paths: Sequence[Path], *, confirmed_only: bool = False) -> list[Notice]:
    """Records or notice files → notices (``pipeline.stages.run.load_or_extract``,
    the same path as ``extract FILE``), with the corrections stored beside a
    record applied (``<record>.review.json``, issue 13); ``confirmed_only``
    keeps only the deadlines a person confirmed. Review files given by a
    glob are skipped. Exits on the first unreadable input, one line naming it."""
    from pipeline.exports.corrections import is_sidecar, reviewed_notice
    from pipeline.stages.run import load_or_extract

    remember_inputs(paths)
    out = []
    for p in paths:
        if is_sidecar(p):
            continue
        try:
            notice, problem = reviewed_notice(p, load_or_extract(p), confirmed=confirmed_only)
        except NoticeError as e:
            fail(e)
        except ValueError as e:
            die(f"{p}: the corrected record is not valid ({str(e).splitlines()[0]})", 4)
        if problem:
            click.echo(f"extract: warning: {problem}; corrections not applied", err=True)
        out.append(notice)
    return out


def write_stdout(data: bytes) -> None:
    """Write ``data`` to stdout; a full disk or a closed pipe behind it
    exits with one line (5, or quietly 0 for a reader that stopped early,
    like ``| head``) instead of a traceback."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # the reader went away (| head): not an error; keep Python's exit flush quiet
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), sys.stdout.fileno())
        sys.exit(0)
    except OSError as e:
        why = "disk full" if e.errno in (errno.ENOSPC, errno.EDQUOT) else (e.strerror or str(e))
        with open(os.devnull, "wb") as null:  # the unflushed rest must not fail again at exit
            os.dup2(null.fileno(), sys.stdout.fileno())
        die(f"<stdout>: cannot write ({why})", 5)


def write_output(output: Path | None, text: str) -> None:
    """Write ``text`` (UTF-8) to stdout when ``output`` is None, else to the
    file atomically. An output that is one of the inputs exits 2; an
    unwritable file exits 5; each with a one-line error."""
    if output is None or os.fspath(output) == "-":
        write_stdout(text.encode("utf-8"))
        return
    from pipeline.exports.atomic import atomic_write_text

    refuse_overwrite(output)
    try:
        atomic_write_text(output, text)
    except OSError as e:
        die(f"{output}: cannot write ({e.strerror or e})", 5)


def ask_password(user: str, env: str, what: str) -> str:
    """A server password: ``$env``, else a hidden prompt on a terminal;
    without either, exit 2 with one line (never Python's GetPassWarning and
    an "Aborted!")."""
    password = os.environ.get(env)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        die(f"no {what} password for {user}: set {env} (no terminal to ask on)", 2)
    try:
        return click.prompt(f"{what} password for {user}", hide_input=True, default="",
                            show_default=False, err=True)
    except click.Abort:
        die("no password given", 2)
