"""What keeps a local review server local (issue 13, item 4).

* **Host check**: bound to a loopback address, the server answers only
  requests whose ``Host`` is that address or ``localhost`` — a web page
  elsewhere cannot reach it through DNS rebinding.
* **Token**: bound to any other address, every request must carry the
  token printed at start (``?token=…`` once — it is then kept in a cookie —,
  the cookie, or ``Authorization: Bearer …``); anything else gets 403.
* **CSRF**: every POST carries the per-process CSRF token (a hidden form
  field or the ``X-CSRF-Token`` header) and, when the browser sends one, an
  ``Origin`` of this server; a form posted from another site fails.
"""
from __future__ import annotations

import hmac
import ipaddress
import secrets
from dataclasses import dataclass, field
from typing import Mapping, Optional
from urllib.parse import parse_qs

TOKEN_COOKIE = "review_token"


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Guard:
    """The security settings of one server process. ``token`` is None on a
    loopback address; ``csrf`` is fresh per process."""

    host: str
    port: int
    token: Optional[str] = None
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))

    @classmethod
    def for_address(cls, host: str, port: int, token: Optional[str] = None) -> "Guard":
        """A guard for a server bound to ``host:port``: a token is made
        (or ``token`` used) unless the address is loopback."""
        if is_loopback(host) and token is None:
            return cls(host, port)
        return cls(host, port, token or secrets.token_urlsafe(18))

    def host_ok(self, host_header: str) -> bool:
        """Is ``Host`` acceptable? Any host with a token; else only loopback names."""
        if self.token is not None:
            return True
        name = host_header.rsplit(":", 1)[0] if not host_header.startswith("[") else \
            host_header.split("]")[0] + "]"
        return is_loopback(name)

    def token_ok(self, query: str, cookies: Mapping[str, str], headers: Mapping[str, str]
                 ) -> tuple[bool, bool]:
        """(allowed, came in the query string — so set the cookie)."""
        if self.token is None:
            return True, False
        given = (parse_qs(query).get("token") or [""])[0]
        if given and hmac.compare_digest(given, self.token):
            return True, True
        auth = headers.get("authorization", "")
        for cand in (cookies.get(TOKEN_COOKIE, ""),
                     auth[7:] if auth.lower().startswith("bearer ") else ""):
            if cand and hmac.compare_digest(cand, self.token):
                return True, False
        return False, False

    def csrf_ok(self, given: Optional[str], origin: Optional[str], host_header: str) -> bool:
        """Is a POST from our own page? Its CSRF token matches and its
        ``Origin`` (when sent) names this server."""
        if not given or not hmac.compare_digest(str(given), self.csrf):
            return False
        if origin and origin != "null":
            return origin.split("://", 1)[-1] == host_header
        return True


class GuardMiddleware:
    """ASGI middleware applying :class:`Guard` to every HTTP request (pages,
    feed and static files alike); CSRF is checked by the POST handlers,
    which read the form."""

    def __init__(self, app, guard: Guard):
        self.app, self.guard = app, guard

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers") or []}
        host = headers.get("host", "")
        if not self.guard.host_ok(host):
            return await _plain(send, 421, "this server answers only on localhost")
        cookies = {}
        for part in headers.get("cookie", "").split(";"):
            k, _, v = part.strip().partition("=")
            if k:
                cookies[k] = v
        ok, from_query = self.guard.token_ok(scope.get("query_string", b"").decode("latin-1"),
                                             cookies, headers)
        if not ok:
            return await _plain(send, 403, "a token is required: open the address printed "
                                           "by extract serve")
        if not from_query:
            return await self.app(scope, receive, send)

        async def send_with_cookie(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [(
                    b"set-cookie", f"{TOKEN_COOKIE}={self.guard.token}; Path=/; HttpOnly; "
                                   f"SameSite=Strict".encode())]
            await send(message)

        return await self.app(scope, receive, send_with_cookie)


async def _plain(send, status: int, text: str) -> None:
    body = (text + "\n").encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
