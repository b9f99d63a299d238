"""``extract contacts --push-carddav URL``: the directory's cards written to
a CardDAV address book (RFC 6352).

Each card is one resource, ``<URL>/<uuid>.vcf``, named after its stable UID
(:func:`pipeline.exports.vcard.card_uids`), so pushing the same directory
again overwrites the same resources instead of adding copies. When ``URL``
is not an address book yet it is created with an extended MKCOL (RFC 5689,
the form RFC 6352 §6.3.1 gives); its parent (the user's principal
collection on Radicale) must exist or be creatable by the server.

Plain HTTP verbs through the standard library: no CardDAV client library is
needed for PROPFIND, MKCOL and PUT. The password comes from the caller (the
CLI reads ``CARDDAV_PASSWORD`` or asks); it never appears in a message.
Every failure is a :class:`pipeline.exports.caldav.PushError` (one line, exit
code 6): server not reachable, login refused, an error answer.
"""
from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from typing import Optional

from pipeline.exports.caldav import PushError, safe_url

PASSWORD_ENV = "CARDDAV_PASSWORD"
_MKCOL_BODY = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">'
    "<D:set><D:prop><D:resourcetype><D:collection/><C:addressbook/></D:resourcetype>"
    "<D:displayname>{name}</D:displayname></D:prop></D:set></D:mkcol>")


class _Dav:
    """Authenticated requests against one server (Basic auth sent up front)."""

    def __init__(self, url: str, user: str, password: str, timeout: float):
        url = url if url.endswith("/") else url + "/"
        # an address book may be named in Chinese (…/union/通讯录/): send it percent-encoded
        p = urllib.parse.urlsplit(url)
        self.url = urllib.parse.urlunsplit(p._replace(path=urllib.parse.quote(p.path, safe="/%")))
        token = base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
        self.auth = f"Basic {token}"
        self.timeout = timeout

    def request(self, method: str, url: str, body: Optional[bytes] = None,
                headers: Optional[dict] = None) -> int:
        """The HTTP status of one request; raises PushError when the server
        cannot be reached or refuses the login."""
        req = urllib.request.Request(url, data=body, method=method,
                                     headers={"Authorization": self.auth, **(headers or {})})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.status
        except urllib.error.HTTPError as e:
            if e.code == 401:
                raise PushError(None, f"{safe_url(self.url)}: login refused "
                                      f"(check --user and {PASSWORD_ENV})") from None
            return e.code
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise PushError(None, f"{safe_url(self.url)}: server not reachable "
                                  f"({type(reason).__name__})") from None


def _fail(url: str, what: str, status: int) -> PushError:
    return PushError(None, f"{safe_url(url)}: server answered {status} to {what}")


def open_addressbook(dav: _Dav, name: str) -> None:
    """Make sure ``dav.url`` is a collection: PROPFIND it, MKCOL an address
    book named ``name`` when it is missing. Raises PushError."""
    status = dav.request("PROPFIND", dav.url, b"", {"Depth": "0"})
    if status in (200, 207):
        return
    if status != 404:
        raise _fail(dav.url, "PROPFIND", status)
    body = _MKCOL_BODY.format(name=name).encode("utf-8")
    status = dav.request("MKCOL", dav.url, body,
                         {"Content-Type": "application/xml; charset=utf-8"})
    if status not in (200, 201):
        raise _fail(dav.url, "MKCOL (creating the address book)", status)


def resource_name(uid: str) -> str:
    """The file name of a card on the server: its UUID + ``.vcf``."""
    return uid.removeprefix("urn:uuid:").replace("/", "_") + ".vcf"


def push_cards(cards: dict[str, str], *, url: str, user: str, password: str,
               name: str = "通讯录", timeout: float = 30) -> int:
    """PUT every card of ``cards`` (UID → vCard text, as
    :func:`pipeline.exports.vcard.card_texts` gives) into the address book
    at ``url``, created as ``name`` when missing. Returns the number of
    cards written. Raises :class:`PushError` (exit code 6)."""
    dav = _Dav(url, user, password, timeout)
    open_addressbook(dav, name)
    for uid, text in cards.items():
        status = dav.request("PUT", dav.url + urllib.parse.quote(resource_name(uid)),
                             text.encode("utf-8"),
                             {"Content-Type": "text/vcard; charset=utf-8"})
        if status not in (200, 201, 204):
            raise _fail(dav.url, f"the card {uid}", status)
    return len(cards)
