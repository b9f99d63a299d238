"""vCards against a real CardDAV server: Radicale on 127.0.0.1 accepts every
card ``extract contacts`` writes (it answers 400 to a card without UID), and
``--push-carddav`` fills an address book without duplicates on a second push.

The fixture starts ``python -m radicale`` with htpasswd auth (plain) on a
free port with a temporary storage folder, as tests/test_caldav.py does.
"""
from __future__ import annotations

import base64
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
import vobject
from click.testing import CliRunner

from pipeline.cli.contacts import contacts_cmd
from pipeline.exports.vcard import card_texts, entries_of, merge
from pipeline.stages.run import extract_file
from tests.conftest import CORPUS, SEED_IDS, SEEDS, free_port, running_radicale

pytestmark = pytest.mark.slow
USER, PASSWORD = "union", "card-pw"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Base URL of a Radicale server with user ``union``."""
    with running_radicale(tmp_path_factory.mktemp("radicale-card"), USER, PASSWORD) as url:
        yield url


def _request(method: str, url: str, body: bytes = b"", headers=None) -> tuple[int, str]:
    auth = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    url = urllib.parse.quote(url, safe=":/%")
    req = urllib.request.Request(url, data=body or None, method=method,
                                 headers={"Authorization": f"Basic {auth}", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def _make_book(url: str) -> int:
    """Create an address book (extended MKCOL, RFC 5689); Radicale refuses a
    plain MKCOL."""
    _request("PROPFIND", url.rstrip("/").rsplit("/", 1)[0] + "/", headers={"Depth": "0"})
    body = ('<?xml version="1.0"?><D:mkcol xmlns:D="DAV:" '
            'xmlns:C="urn:ietf:params:xml:ns:carddav"><D:set><D:prop><D:resourcetype>'
            '<D:collection/><C:addressbook/></D:resourcetype></D:prop></D:set></D:mkcol>')
    return _request("MKCOL", url, body.encode(), {"Content-Type": "application/xml"})[0]


def _cards_on_server(url: str) -> list[str]:
    """The .vcf hrefs of the address book at ``url``."""
    status, body = _request("PROPFIND", url, headers={"Depth": "1"})
    assert status == 207, body
    return sorted(set(re.findall(r"<[^>]*href>([^<]+\.vcf)</", body)))


@pytest.fixture(scope="module")
def directory():
    """The merged directory of every seed and corpus notice (.txt)."""
    paths = [SEEDS / f"{s}.txt" for s in SEED_IDS] + sorted((CORPUS / "notices").glob("*.txt"))
    entries = merge([e for p in paths for e in entries_of(extract_file(p))])
    return paths, card_texts(entries)


def test_radicale_accepts_every_card(server, directory):
    _paths, cards = directory
    book = server + f"{USER}/accept/"
    assert _make_book(book) == 201
    assert len(cards) >= 10
    for uid, text in cards.items():
        status, body = _request("PUT", book + uid.removeprefix("urn:uuid:") + ".vcf",
                                text.encode("utf-8"), {"Content-Type": "text/vcard"})
        assert status in (201, 204), (uid, status, body)
    assert len(_cards_on_server(book)) == len(cards)


def test_a_card_without_uid_is_refused(server):
    """Why every card carries a UID: the server answers 400 without one."""
    book = server + f"{USER}/refuse/"
    assert _make_book(book) == 201
    card = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:张三\r\nEND:VCARD\r\n"
    status, _ = _request("PUT", book + "x.vcf", card.encode(), {"Content-Type": "text/vcard"})
    assert status == 400


def test_push_twice_gives_each_card_once(server, directory, monkeypatch):
    paths, cards = directory
    monkeypatch.setenv("CARDDAV_PASSWORD", PASSWORD)
    _request("PROPFIND", server + f"{USER}/", headers={"Depth": "0"})
    book = server + f"{USER}/通讯录/"
    args = [*map(str, paths), "--push-carddav", book, "--user", USER]
    for _ in range(2):
        r = CliRunner().invoke(contacts_cmd, args)
        assert r.exit_code == 0, r.output
    hrefs = _cards_on_server(book)
    assert len(hrefs) == len(cards)
    status, text = _request("GET", server.rstrip("/") + hrefs[0])
    assert status == 200
    card = vobject.readOne(text)
    assert card.uid.value in cards


@pytest.mark.parametrize("password,code,words", [
    ("wrong", 6, "login refused"),
    (None, 2, "CARDDAV_PASSWORD"),
])
def test_push_failures_are_one_line(server, monkeypatch, password, code, words):
    if password is None:
        monkeypatch.delenv("CARDDAV_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("CARDDAV_PASSWORD", password)
    r = CliRunner().invoke(contacts_cmd, [str(SEEDS / f"{SEED_IDS[2]}.txt"),
                                          "--push-carddav", server + f"{USER}/x/", "--user", USER])
    assert r.exit_code == code and words in r.output
    assert "Traceback" not in r.output and "wrong" not in r.output
    assert len(r.output.strip().splitlines()) == 1


def test_push_to_a_server_that_is_down(monkeypatch):
    monkeypatch.setenv("CARDDAV_PASSWORD", PASSWORD)
    url = f"http://127.0.0.1:{free_port()}/{USER}/x/"
    r = CliRunner().invoke(contacts_cmd, [str(SEEDS / f"{SEED_IDS[2]}.txt"),
                                          "--push-carddav", url, "--user", USER])
    assert r.exit_code == 6 and "not reachable" in r.output
