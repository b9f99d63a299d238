"""``extract serve [OUTDIR]``: the review page over a batch output folder
(:mod:`pipeline.review`)."""
from __future__ import annotations

import datetime as dt
import getpass
import os
import socket
import sys
from pathlib import Path

import click

from pipeline.cli.common import CONTEXT_SETTINGS, die


def _today(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        die(f"--today {value}: expected YYYY-MM-DD", 2)


def _socket(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: any free port), so the
    printed address is the real one."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        die(f"{host}:{port}: cannot listen ({e.strerror or e})", 2)
    sock.listen(128)
    return sock


def _checked_outdir(outdir: Path) -> None:
    """OUTDIR must be a batch output folder; an index is rebuilt when only
    the manifest is there."""
    from pipeline.batch.manifest import INDEX, MANIFEST
    from pipeline.batch.uploads import UPLOADS, rebuild_index

    if not outdir.is_dir():
        die(f"{outdir}: no such folder", 2)
    has_manifest = (outdir / MANIFEST).is_file() or (outdir / UPLOADS).is_file()
    if not (outdir / INDEX).is_file() and not has_manifest:
        die(f"{outdir}: not a batch output folder (no {INDEX}): run "
            f"extract batch DIR --out {outdir} first", 2)
    if has_manifest and not _has_review_tables(outdir / INDEX):
        click.echo(f"review: building the search and review tables of {outdir / INDEX} …",
                   err=True)
        rebuild_index(outdir)


def _has_review_tables(db: Path) -> bool:
    """False for a missing index or one written before the review page."""
    import sqlite3

    if not db.is_file():
        return False
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return {"notice_fts", "deadline_review", "notice_review"} <= names


@click.command("serve", context_settings=CONTEXT_SETTINGS)
@click.argument("outdir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Any address but loopback requires the token "
                   "printed at start on every request.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port (0 = any free port).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the browser.")
@click.option("--max-size", type=click.IntRange(min=1), default=40, show_default=True,
              metavar="MB", help="Refuse uploads larger than this (as extract batch).")
@click.option("--user", "who", default=None, help="Reviewer name recorded with each "
                                                   "correction (default: the login name).")
@click.option("--today", "today", default=None, metavar="YYYY-MM-DD",
              help="Count the inbox from this date instead of today (demos, tests).")
def serve_cmd(outdir, host, port, open_browser, max_size, who, today):
    """Review extracted records in the browser: inbox of deadlines, each
    notice with its values highlighted in the text, search, add, calendar.

    Example: extract serve records/ --open
    """
    import uvicorn

    from pipeline.review.app import Settings, create_app
    from pipeline.review.archive import Archive
    from pipeline.review.security import Guard

    _checked_outdir(outdir)
    sock = _socket(host, port)
    port = sock.getsockname()[1]
    guard = Guard.for_address(host, port, os.environ.get("EXTRACT_SERVE_TOKEN") or None)
    settings = Settings(Archive(outdir), guard, max_size * 1024 * 1024,
                        who=who or _login(), today=_today(today))
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/" + (f"?token={guard.token}" if guard.token else "")
    click.echo(f"review: {url}  (OUTDIR {outdir.resolve()}; Ctrl-C to stop)")
    sys.stdout.flush()
    if open_browser:
        import webbrowser
        webbrowser.open(url.replace("0.0.0.0", "127.0.0.1"))
    config = uvicorn.Config(create_app(settings), log_level="warning", access_log=False)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:
        pass


def _login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in a container: leave it blank
        return ""
