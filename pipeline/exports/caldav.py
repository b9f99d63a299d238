"""``extract push``: the ``extract ics`` items pushed to a CalDAV calendar.

Each deadline (and, with ``--events``, each event) becomes one calendar
resource named by its stable UID (:func:`pipeline.exports.ics.deadline_uid`), so a
second push of the same notices overwrites the same resources instead of
adding duplicates (RFC 4791 requires UID-unique resources per collection;
ECOSYSTEM.md §3 verified ``<UID>.ics`` hrefs on Radicale with caldav 3.x).

The password comes from the ``CALDAV_PASSWORD`` environment variable or a
hidden prompt; it is never echoed, logged or put in an error message. Every
item is built before the first request, the login is checked before the
first write, and nothing is written locally; a refused login, an unreachable
server or an error answer gives one line on stderr and exit code 6.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional, Sequence
from urllib.parse import urlsplit, urlunsplit


from models.notice import Notice
from pipeline.errors import NoticeError
from pipeline.exports.ics import DEFAULT_NAME, build_calendar

PASSWORD_ENV = "CALDAV_PASSWORD"
EXIT_REMOTE = 6
DEFAULT_DEADLINE = 120.0  # s for a whole push; the per-request timeout alone never fires on a
#                            server that trickles one byte every few seconds


class PushError(NoticeError):
    """The CalDAV server could not be reached, refused the login or answered
    with an error. ``str()`` is one line without the password."""

    stage = "push"
    exit_code = EXIT_REMOTE


def safe_url(url: str) -> str:
    """``url`` without any user:password part, for messages."""
    p = urlsplit(url)
    host = p.hostname or ""
    if p.port:
        host += f":{p.port}"
    return urlunsplit((p.scheme, host, p.path, p.query, p.fragment))


def split_items(cal) -> list[tuple[str, str, str]]:
    """One VCALENDAR text per item of ``cal``: [(uid, 'VEVENT'|'VTODO', ics)].
    Each carries the VTIMEZONE blocks of ``cal`` (at most one, Asia/Shanghai)."""
    from icalendar import Calendar

    tzs = [c for c in cal.subcomponents if c.name == "VTIMEZONE"]
    out = []
    for comp in cal.subcomponents:
        if comp.name not in ("VEVENT", "VTODO"):
            continue
        one = Calendar()
        one.add("prodid", cal["prodid"])
        one.add("version", "2.0")
        for tz in tzs:
            one.add_component(tz)
        one.add_component(comp)
        out.append((str(comp["uid"]), comp.name, one.to_ical().decode("utf-8")))
    return out


def _describe(e: Exception, url: str) -> str:
    """A one-line reason for a CalDAV/HTTP failure (no secrets)."""
    from caldav.lib import error as cderr

    import re

    name = type(e).__name__
    full = re.sub(r"\w+://\S+", "", str(e))  # a port such as :36401 must not read as HTTP 401
    if isinstance(e, cderr.AuthorizationError) or re.search(r"\b401\b|Unauthorized", full):
        return f"{safe_url(url)}: login refused (check --user and {PASSWORD_ENV})"
    text = str(e).splitlines()[0] if str(e) else name
    low = (name + text).lower()
    if "connection" in low or "refused" in low or "timeout" in low or "resolve" in low:
        return f"{safe_url(url)}: server not reachable ({name})"
    if isinstance(e, cderr.DAVError):
        return f"{safe_url(url)}: server answered with an error ({name}: {text[:160]})"
    return f"{safe_url(url)}: CalDAV request failed ({name}: {text[:160]})"


def open_calendar(url: str, user: str, password: str, name: str, *, timeout: float = 30):
    """The calendar called ``name`` of the principal at ``url``, created (for
    VEVENT and VTODO) when missing. Raises :class:`PushError`."""
    import caldav

    try:
        client = caldav.DAVClient(url=url, username=user, password=password, timeout=timeout)
        principal = client.principal()
        for c in principal.calendars():
            try:
                if c.get_display_name() == name:
                    return c
            except Exception:  # a collection without a display name
                continue
        return principal.make_calendar(name=name,
                                       supported_calendar_component_set=["VEVENT", "VTODO"])
    except PushError:
        raise
    except Exception as e:  # caldav/requests/niquests raise many types; all become one line
        raise PushError(None, _describe(e, url)) from None


def push_notices(notices: Sequence[Notice], *, url: str, user: str, password: str,
                 calendar: str = DEFAULT_NAME, todo: bool = False, remind: Optional[str] = "3d",
                 events: bool = False, now: Optional[dt.datetime] = None,
                 deadline: float = DEFAULT_DEADLINE) -> int:
    """Push every dated item of ``notices`` to the CalDAV calendar
    ``calendar`` (one resource per UID; existing UIDs are overwritten).
    Returns the number of items pushed. Raises :class:`PushError` — also
    when the whole push has not finished within ``deadline`` seconds."""
    cal = build_calendar(notices, todo=todo, remind=remind, events=events, name=calendar, now=now)
    items = split_items(cal)

    def push() -> None:
        target = open_calendar(url, user, password, calendar, timeout=min(30.0, deadline))
        try:
            for _uid, kind, ics in items:
                if kind == "VTODO":
                    target.add_todo(ics)
                else:
                    target.add_event(ics)
        except Exception as e:
            raise PushError(None, _describe(e, url)) from None

    within_deadline(push, deadline, f"{safe_url(url)}: no complete answer within {deadline:g} s "
                                    f"(server stalled or too slow; see --timeout)")
    return len(items)


def within_deadline(fn, seconds: float, message: str) -> None:
    """Run ``fn()`` and re-raise what it raises; when it has not returned
    after ``seconds``, raise :class:`PushError` (``message``) instead.

    ``fn`` runs in a daemon thread: a socket read that keeps receiving a byte
    just before each per-read timeout cannot be interrupted portably, so the
    caller stops waiting and the thread dies with the process (the CLI exits
    right after)."""
    import threading

    box: dict = {}

    def run() -> None:
        try:
            fn()
        except BaseException as e:  # handed to the caller's thread
            box["error"] = e

    t = threading.Thread(target=run, daemon=True, name="caldav-push")
    t.start()
    t.join(seconds)
    if t.is_alive():
        raise PushError(None, message)
    if "error" in box:
        raise box["error"]
