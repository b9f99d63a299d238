"""CalDAV push against a real Radicale server on 127.0.0.1 (ECOSYSTEM.md §3).

The fixture starts ``python -m radicale`` with htpasswd auth (plain) and a
temporary storage folder on a free port, waits for it to listen, and stops it
at the end. Push, push again, read back exactly one item per dated deadline;
a refused login and a server-down push fail with one line and exit 6.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.calendar import push_cmd
from pipeline.exports.caldav import PushError, push_notices
from pipeline.stages.run import extract_file
from tests.conftest import free_port, running_radicale

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"
if not SEEDS.exists():
    SEEDS = Path("/work/shared/seeds")
USER, PASSWORD = "union", "s3cret-pw"


@pytest.fixture(scope="module")
def radicale(tmp_path_factory):
    """URL of a Radicale server with user ``union`` (htpasswd, plain)."""
    with running_radicale(tmp_path_factory.mktemp("radicale"), USER, PASSWORD) as url:
        yield url


@pytest.fixture(scope="module")
def notices():
    return [extract_file(p) for p in sorted(SEEDS.glob("*.txt"))]


def _read_back(url: str, name: str, todo: bool = False):
    import caldav

    client = caldav.DAVClient(url=url, username=USER, password=PASSWORD)
    cal = next(c for c in client.principal().calendars() if c.get_display_name() == name)
    objs = cal.get_todos() if todo else cal.get_events()
    return [o.icalendar_component for o in objs]


def test_push_twice_gives_one_item_per_deadline(radicale, notices):
    expected = sorted((str(d.due)) for n in notices for d in n.deadlines if d.due)
    assert len(expected) == 11
    for _ in range(2):  # the second push updates, never duplicates
        n = push_notices(notices, url=radicale, user=USER, password=PASSWORD,
                         calendar="截止日期-测试", now=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
        assert n == 11
    comps = _read_back(radicale, "截止日期-测试")
    assert len(comps) == 11
    assert len({str(c["uid"]) for c in comps}) == 11
    got = sorted(c.decoded("dtstart").isoformat() for c in comps)
    assert got == expected
    for c in comps:  # all-day with exclusive end
        assert c.decoded("dtend") - c.decoded("dtstart") == dt.timedelta(days=1)


def test_push_todo_via_cli(radicale, monkeypatch):
    monkeypatch.setenv("CALDAV_PASSWORD", PASSWORD)
    seed = str(SEEDS / "002_a6ecc3133544287b.txt")
    runner = CliRunner()
    for _ in range(2):
        r = runner.invoke(push_cmd, [seed, "--url", radicale, "--user", USER,
                                     "--calendar", "任务", "--todo"])
        assert r.exit_code == 0, r.output
        assert PASSWORD not in r.output
    comps = _read_back(radicale, "任务", todo=True)
    assert len(comps) == 1
    assert comps[0].decoded("due") == dt.date(2021, 7, 22)
    assert "市总工会经济技术部" in str(comps[0]["summary"])


def test_refused_login(radicale, monkeypatch):
    monkeypatch.setenv("CALDAV_PASSWORD", "wrong-password")
    seed = str(SEEDS / "002_a6ecc3133544287b.txt")
    r = CliRunner().invoke(push_cmd, [seed, "--url", radicale, "--user", USER])
    assert r.exit_code == 6
    lines = [x for x in r.output.splitlines() if x.strip()]
    assert len(lines) == 1 and "login refused" in lines[0]
    assert "wrong-password" not in r.output


def test_server_down(notices, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    url = f"http://127.0.0.1:{free_port()}/"  # nothing listens there
    with pytest.raises(PushError) as ei:
        push_notices(notices[:1], url=url, user=USER, password=PASSWORD)
    assert "not reachable" in str(ei.value) and PASSWORD not in str(ei.value)
    monkeypatch.setenv("CALDAV_PASSWORD", PASSWORD)
    r = CliRunner().invoke(push_cmd, [str(SEEDS / "002_a6ecc3133544287b.txt"),
                                      "--url", url, "--user", USER])
    assert r.exit_code == 6
    assert len([x for x in r.output.splitlines() if x.strip()]) == 1
    assert list(tmp_path.iterdir()) == []  # nothing written locally


class _Refused(ConnectionError):
    pass


@pytest.mark.parametrize("exc, reason", [
    (_Refused("HTTPConnectionPool(host='127.0.0.1', port=36401): Max retries exceeded with url: "
              "http://127.0.0.1:36401/ (Caused by NewConnectionError: Connection refused)"),
     "server not reachable"),  # the port holds 401: not an HTTP 401
    (Exception("401 Unauthorized"), "login refused"),
    (Exception("HTTP status 401"), "login refused"),
    (TimeoutError("timed out"), "server not reachable"),
])
def test_failure_reasons(exc, reason):
    from pipeline.exports.caldav import _describe

    msg = _describe(exc, "http://127.0.0.1:36401/")
    assert reason in msg and "\n" not in msg
