"""``extract ics`` and ``extract push``: the deadlines of records or notice
files as one iCalendar file, or pushed to a CalDAV calendar
(:mod:`pipeline.exports.ics`, :mod:`pipeline.exports.caldav`)."""
from __future__ import annotations

from pathlib import Path

import click

from models.notice import Notice
from pipeline.cli.common import CONTEXT_SETTINGS, ask_password, die, load_notices, refuse_overwrite
from pipeline.exports.caldav import (DEFAULT_DEADLINE, PASSWORD_ENV, PushError, push_notices,
                                     safe_url)
from pipeline.exports.same_document import distinct_notices
from pipeline.exports.ics import DEFAULT_NAME, parse_remind, write_calendar


def checked_inputs(inputs, remind: str, confirmed_only: bool = False) -> list[Notice]:
    """The notices of ``inputs`` for a calendar command (corrections applied;
    only confirmed deadlines with ``confirmed_only``), after checking the
    ``--remind`` value; a bad value exits 2, an unreadable input with its
    error's code, each with one line on stderr."""
    try:
        parse_remind(remind)
    except ValueError as e:
        die(str(e), 2)
    return load_notices(inputs, confirmed_only=confirmed_only)


CONFIRMED_HELP = ("Only deadlines a person confirmed (or marked done) in the review page "
                  "(extract serve).")


@click.command("ics", context_settings=CONTEXT_SETTINGS)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", default="-", show_default=True,
              help="The .ics file to write ('-' = stdout).")
@click.option("--todo", is_flag=True, help="Write VTODO with DUE instead of all-day VEVENT.")
@click.option("--remind", default="3d", show_default=True,
              help="Alarm lead time (3d, 12h, 30m, 1w; 0 = none).")
@click.option("--events", "with_events", is_flag=True,
              help="Also export events (competition periods, meetings).")
@click.option("--name", default=DEFAULT_NAME, show_default=True, help="Calendar name.")
@click.option("--confirmed-only", is_flag=True, help=CONFIRMED_HELP)
def ics_cmd(inputs, output, todo, remind, with_events, name, confirmed_only):
    """Export the deadlines of records or notice files as one iCalendar file.

    Example: extract ics corpus/seeds/*.txt -o deadlines.ics
    """
    notices = distinct_notices(checked_inputs(inputs, remind, confirmed_only))
    refuse_overwrite(output)
    try:
        n = write_calendar(notices, output, todo=todo, remind=remind, events=with_events,
                           name=name)
    except OSError as e:
        die(f"{output}: cannot write ({e.strerror or e})", 5)
    if output != "-":
        click.echo(f"{n} item(s) from {len(notices)} notice(s) → {output}", err=True)


@click.command("push", context_settings=CONTEXT_SETTINGS)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--url", required=True, help="CalDAV server or principal URL.")
@click.option("--user", required=True, help="CalDAV user name.")
@click.option("--calendar", "calendar_name", default=DEFAULT_NAME, show_default=True,
              help="Calendar (display name) to write to; created when missing.")
@click.option("--todo", is_flag=True, help="Push VTODO tasks instead of all-day events.")
@click.option("--remind", default="3d", show_default=True, help="Alarm lead time (0 = none).")
@click.option("--events", "with_events", is_flag=True, help="Also push events.")
@click.option("--timeout", type=click.FloatRange(min=1), default=DEFAULT_DEADLINE,
              show_default=True, metavar="SECONDS",
              help="Give up (exit 6) when the whole push has not finished by then.")
@click.option("--confirmed-only", is_flag=True, help=CONFIRMED_HELP)
def push_cmd(inputs, url, user, calendar_name, todo, remind, with_events, timeout,
             confirmed_only):
    """Push the deadlines of records or notice files to a CalDAV calendar.

    The password is read from $CALDAV_PASSWORD, else asked for (hidden).
    Pushing again updates the same items (stable UIDs), never duplicates.

    Example: CALDAV_PASSWORD=… extract push corpus/seeds/*.txt --url http://127.0.0.1:5232/ --user union
    """
    notices = distinct_notices(checked_inputs(inputs, remind, confirmed_only))
    password = ask_password(user, PASSWORD_ENV, "CalDAV")
    try:
        n = push_notices(notices, url=url, user=user, password=password,
                         calendar=calendar_name, todo=todo, remind=remind, events=with_events,
                         deadline=timeout)
    except PushError as e:
        die(str(e), e.exit_code)
    click.echo(f"{n} item(s) from {len(notices)} notice(s) → {safe_url(url)} "
               f"[{calendar_name}]", err=True)
