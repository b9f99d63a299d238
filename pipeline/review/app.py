"""The review web application (Starlette, server-rendered Jinja2 pages, a
little plain JavaScript served from the package — no CDN, works offline).

Pages: ``/`` inbox, ``/notice/<path>`` one notice, ``/search``, ``/add``,
``/calendar`` (with the ``/calendar.ics`` feed). See :mod:`pipeline.review`.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from pipeline.exports import corrections as corr
from pipeline.review import actions
from pipeline.review.archive import Archive, NotInArchive, flags_of
from pipeline.review.render import collect_spans, document_html
from pipeline.review.security import Guard, GuardMiddleware

HERE = Path(__file__).parent
FORM_LIMIT = 64 * 1024  # the notice page's forms are small; refuse anything bigger


class Settings:
    """One server's settings: the archive, the security guard, the upload
    limit (bytes, like ``extract batch --max-size``), the reviewer's default
    name and the date the inbox counts from (tests and demos pin it)."""

    def __init__(self, archive: Archive, guard: Guard, max_bytes: int, who: str = "",
                 today: Optional[dt.date] = None):
        self.archive, self.guard, self.max_bytes = archive, guard, max_bytes
        self.who, self.fixed_today = who, today

    def today(self) -> dt.date:
        """The inbox's today."""
        return self.fixed_today or dt.date.today()


def _page(request: Request, name: str, status: int = 200, **ctx) -> Response:
    s: Settings = request.app.state.settings
    ctx.update(request=request, csrf=s.guard.csrf, today=s.today(), who=s.who)
    return request.app.state.templates.TemplateResponse(request, name, ctx, status_code=status)


def _error(request: Request, status: int, message: str) -> Response:
    return _page(request, "error.html", status=status, message=message)


async def _form(request: Request, limit: int = FORM_LIMIT):
    """The POSTed form after the CSRF check, or an error response."""
    s: Settings = request.app.state.settings
    size = request.headers.get("content-length")
    if size is None or not size.isdigit() or int(size) > limit:
        return None, _error(request, 413, f"request too large or without a length "
                                          f"(limit {limit // 1024} KB)")
    form = await request.form(max_files=1, max_fields=40)
    if not s.guard.csrf_ok(form.get("csrf") or request.headers.get("x-csrf-token"),
                           request.headers.get("origin"), request.headers.get("host", "")):
        return None, _error(request, 403, "the form's security token is missing or stale: "
                                          "reload the page and try again")
    return form, None


def inbox(request: Request) -> Response:
    """Deadlines due soon, overdue ones, recently added notices, flags."""
    s: Settings = request.app.state.settings
    if not s.archive.has_review_tables():
        return _error(request, 409, "this index was built before review support: run "
                                    "extract batch DIR --out OUTDIR again")
    data = s.archive.inbox(s.today())
    for row in data["flagged"]:
        row["flags"] = row["n_flags"]
    return _page(request, "inbox.html", **data)


def notice(request: Request) -> Response:
    """One notice: its text with the values highlighted, the record beside it."""
    s: Settings = request.app.state.settings
    rel = request.path_params["rel"]
    try:
        v = s.archive.view(rel)
    except NotInArchive:
        return _error(request, 404, f"{rel}: no such notice in this archive")
    if v.error:
        return _page(request, "notice.html", status=422, v=v, doc=None, spans=[])
    added = [(e.id, e.new) for e in v.review.entries if e.field == "add" and
             isinstance(e.new, dict)]
    spans = collect_spans(v.raw, v.ids, added)
    doc = document_html(v.text, spans) if v.text else None
    by_id = {sp.value_id: sp.k for sp in spans if sp.value_id}
    return _page(request, "notice.html", v=v, doc=doc, spans=spans, ev=by_id,
                 flags=v.applied.flags, flagged={f.id for f in v.applied.flags},
                 message=request.query_params.get("msg", ""), **_record_rows(v))


def _record_rows(v) -> dict:
    """The record column's rows: deadlines (kept, with status; rejected
    apart) and contact values/names with their current (corrected) value."""
    st = v.applied.status
    dls = [{"id": i, "d": d, "status": st.get(i, "unconfirmed")}
           for d, i in zip(v.fixed.get("deadlines") or [], v.applied.deadline_ids)]
    rejected = [{"id": i, "d": v.raw["deadlines"][loc[1]]} for i, loc in v.ids.items()
                if loc[0] == "deadline" and st.get(i) == "rejected"]
    latest = corr.latest_entries(v.review)
    contacts = []
    for i, loc in v.ids.items():
        if loc[0] == "deadline":
            continue
        cp = v.raw["contacts"][loc[1]]
        kind = cp["values"][loc[2]]["kind"] if loc[0] == "value" else "name"
        extracted = corr.value_at(v.raw, loc, "value")
        new = latest.get((i, "value"))
        contacts.append({"id": i, "kind": kind, "value": new.new if new else extracted,
                         "extracted": extracted, "rejected": st.get(i) == "rejected"})
    for (i, f), e in latest.items():
        if f == "add" and isinstance(e.new, dict) and e.new.get("type") == "contact":
            new = latest.get((i, "value"))
            contacts.append({"id": i, "kind": e.new.get("kind"), "added": True,
                             "value": new.new if new else e.new.get("value"),
                             "extracted": None, "rejected": st.get(i) == "rejected"})
    return {"deadlines": dls, "rejected": rejected, "contacts": contacts}


async def decide(request: Request) -> Response:
    """Save one decision from the notice page (confirm, correct, reject, add)."""
    s: Settings = request.app.state.settings
    form, err = await _form(request)
    if err:
        return err
    rel = request.path_params["rel"]
    try:
        v = await run_in_threadpool(s.archive.view, rel)
        who = str(form.get("who") or s.who or "")
        vid = await run_in_threadpool(actions.decide, s.archive, v, form, who)
    except NotInArchive:
        return _error(request, 404, f"{rel}: no such notice in this archive")
    except corr.ReviewConflict as e:
        return _error(request, 409, f"Conflict: {e}")
    except (actions.Refused, corr.ReviewError) as e:
        return _error(request, 400, f"Not saved: {e}")
    url = request.url_for("notice", rel=rel).include_query_params(msg="saved")
    return RedirectResponse(f"{url}#v-{vid}", status_code=303)


def search_page(request: Request) -> Response:
    """The archive search with filters."""
    from pipeline.exports.search import search

    s: Settings = request.app.state.settings
    q = request.query_params
    query = q.get("q", "").strip()[:200]
    year = q.get("year", "")
    issuer = q.get("issuer", "")[:100]
    open_only = q.get("open") == "1"
    hits = []
    if query:
        hits = search(s.archive.db, query, limit=50, issuer=issuer or None,
                      year=int(year) if year.isdigit() else None, open_deadline=open_only,
                      today=s.today())
    issuers, years = s.archive.filters()
    return _page(request, "search.html", query=query, hits=hits, issuers=issuers, years=years,
                 issuer=issuer, year=year, open_only=open_only)


def add_page(request: Request) -> Response:
    """The page to drop a file on."""
    s: Settings = request.app.state.settings
    return _page(request, "add.html", max_mb=s.max_bytes // 2**20)


async def add_file(request: Request) -> Response:
    """Store, read and extract an uploaded file like ``extract batch``."""
    from pipeline.batch.uploads import UploadRefused, add_upload, rebuild_index

    s: Settings = request.app.state.settings
    form, err = await _form(request, limit=s.max_bytes + FORM_LIMIT)
    if err:
        if err.status_code == 413:
            return _page(request, "add.html", status=413, max_mb=s.max_bytes // 2**20,
                         error=f"file too large (limit {s.max_bytes // 2**20} MB, see "
                               f"--max-size)")
        return err
    up = form.get("file")
    if up is None or not hasattr(up, "read"):
        return _page(request, "add.html", status=400, max_mb=s.max_bytes // 2**20,
                     error="choose a file first")
    data = await up.read(s.max_bytes + 1)
    if len(data) > s.max_bytes:
        return _page(request, "add.html", status=413, max_mb=s.max_bytes // 2**20,
                     error=f"{up.filename}: file too large (limit {s.max_bytes / 2**20:.0f} MB, "
                           f"see --max-size)")
    try:
        entry = await run_in_threadpool(add_upload, s.archive.out, up.filename or "", data,
                                        max_bytes=s.max_bytes)
        await run_in_threadpool(rebuild_index, s.archive.out)
    except UploadRefused as e:
        return _page(request, "add.html", status=400, max_mb=s.max_bytes // 2**20,
                     error=str(e).replace(str(s.archive.out) + "/", ""))
    return RedirectResponse(request.url_for("notice", rel=entry["path"]), status_code=303)


def calendar_page(request: Request) -> Response:
    """Download, subscribe, push."""
    return _page(request, "calendar.html", result=None)


def feed(request: Request) -> Response:
    """The live iCalendar feed (``?confirmed=1``: confirmed deadlines only)."""
    from pipeline.exports.ics import build_calendar, distinct_notices

    s: Settings = request.app.state.settings
    confirmed = request.query_params.get("confirmed") == "1"
    notices = distinct_notices(s.archive.notices(confirmed_only=confirmed))
    body = build_calendar(notices, name="工会通知截止日期" + ("（已确认）" if confirmed else "")
                          ).to_ical()
    return Response(body, media_type="text/calendar; charset=utf-8",
                    headers={"Content-Disposition": 'inline; filename="deadlines.ics"'})


async def push(request: Request) -> Response:
    """Push to CalDAV with the rules of ``extract push``."""
    from pipeline.exports.caldav import PushError, push_notices, safe_url
    from pipeline.exports.ics import distinct_notices

    s: Settings = request.app.state.settings
    form, err = await _form(request)
    if err:
        return err
    confirmed = form.get("confirmed") == "1"
    notices = distinct_notices(await run_in_threadpool(s.archive.notices,
                                                       confirmed_only=confirmed))
    url = str(form.get("url") or "")
    try:
        n = await run_in_threadpool(lambda: push_notices(
            notices, url=url, user=str(form.get("user") or ""),
            password=str(form.get("password") or ""),
            calendar=str(form.get("calendar") or "工会通知截止日期")))
    except PushError as e:
        return _page(request, "calendar.html", status=502, result=None, error=str(e))
    return _page(request, "calendar.html",
                 result=f"{n} item(s) from {len(notices)} notice(s) → {safe_url(url)}")


def create_app(settings: Settings) -> Starlette:
    """The ASGI application over ``settings.archive`` (wrapped in the
    security guard)."""
    routes = [
        Route("/", inbox, name="inbox"),
        Route("/notice/{rel:path}/review", decide, methods=["POST"], name="decide"),
        Route("/notice/{rel:path}", notice, name="notice"),
        Route("/search", search_page, name="search"),
        Route("/add", add_page, name="add"),
        Route("/add", add_file, methods=["POST"], name="add_file"),
        Route("/calendar", calendar_page, name="calendar"),
        Route("/calendar.ics", feed, name="feed"),
        Route("/calendar/push", push, methods=["POST"], name="push"),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes)
    app.state.settings = settings
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(flags_of=flags_of)
    app.state.templates = templates
    return GuardMiddleware(app, settings.guard)
