"""The review server over HTTP (Starlette's test client, no browser):
every page renders; the security items of issue 13 §4 each have a test
(loopback Host check, token off loopback, CSRF, upload limits and content
detection, HTML escaping, path traversal, the stale save of a second
browser); bad input (a corrupt upload, a hand-broken record or review file)
gives a clear message while the rest of the app works."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
from starlette.testclient import TestClient  # noqa: E402

from pipeline.exports import corrections as corr  # noqa: E402
from pipeline.review.app import Settings, create_app  # noqa: E402
from pipeline.review.archive import Archive  # noqa: E402
from pipeline.review.security import Guard  # noqa: E402
from tests.conftest import stop_process  # noqa: E402
from test_caldav import radicale  # noqa: E402,F401  (the Radicale server fixture)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "seeds" / "001_dde7b99b86b616a6.txt"
N01 = ROOT / "corpus" / "notices" / "n01_joint_issuers.txt"
BASE = "http://127.0.0.1:8765"
# A notice of our own whose text contains HTML, as pasted web pages do.
HTML_NOTICE = """长兴县总工会文件

长总工〔2019〕7号

关于<script>alert("x")</script>开展<b>职工</b>读书活动的通知

各基层工会：

请于2019年5月10日前将<img src=x onerror=alert(1)>报名表报送县总工会。

长兴县总工会
2019年4月1日
"""


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    from pipeline.batch import run_batch

    root = tmp_path_factory.mktemp("review")
    src = root / "src"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    shutil.copy(N01, src / N01.name)
    (src / "html_notice.txt").write_text(HTML_NOTICE, encoding="utf-8")
    res = run_batch(src, root / "out", workers=1, quiet=True, fsync=False)
    assert res.failed == 0
    return root / "out"


def _client(out: Path, host: str = "127.0.0.1", max_bytes: int = 2 * 2**20, token=None):
    import datetime as dt

    guard = Guard.for_address(host, 8765, token)
    app = create_app(Settings(Archive(out), guard, max_bytes, who="tester",
                              today=dt.date(2018, 4, 5)))
    return TestClient(app, base_url=BASE if host == "127.0.0.1" else f"http://{host}:8765"), guard


@pytest.fixture()
def client(out):
    c, guard = _client(out)
    c.csrf = guard.csrf
    return c


@pytest.mark.parametrize("url, text", [
    ("/", "7 天内到期"),
    ("/notice/001_dde7b99b86b616a6.txt", 'class="hl f-deadline"'),
    ("/search?q=工人先锋号", "001_dde7b99b86b616a6.txt"),
    ("/add", 'type="file"'),
    ("/calendar", "/calendar.ics"),
    ("/calendar.ics", "BEGIN:VCALENDAR"),
    ("/static/app.js", "getSelection"),
])
def test_every_page_renders(client, url, text):
    r = client.get(url)
    assert r.status_code == 200 and text in r.text


def test_inbox_lists_deadlines_due_within_7_days(client):
    week = client.get("/").text.split('id="due-week"')[1].split("</table>")[0]
    assert "2018-04-10" in week and "2018-04-15" not in week  # today is 2018-04-05


# ---- security


@pytest.mark.parametrize("host, status", [
    ("127.0.0.1:8765", 200), ("localhost:8765", 200), ("[::1]:8765", 200),
    ("evil.example:8765", 421), ("192.168.1.5:8765", 421),   # DNS rebinding, LAN names
])
def test_loopback_server_answers_only_loopback_hosts(client, host, status):
    assert client.get("/", headers={"host": host}).status_code == status


def test_off_loopback_every_request_needs_the_token(out):
    c, guard = _client(out, host="0.0.0.0")
    assert guard.token
    for url in ("/", "/notice/001_dde7b99b86b616a6.txt", "/calendar.ics", "/static/app.js"):
        assert c.get(url).status_code == 403
    assert c.get("/?token=wrong").status_code == 403
    r = c.get(f"/?token={guard.token}")
    assert r.status_code == 200 and "review_token" in r.headers.get("set-cookie", "")
    assert c.get("/calendar.ics").status_code == 200          # the cookie now
    fresh, _ = _client(out, host="0.0.0.0", token=guard.token)
    assert fresh.get("/", headers={"authorization": f"Bearer {guard.token}"}).status_code == 200


def test_serve_prints_a_token_when_bound_off_loopback(out):
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", str(out),
                             "--host", "0.0.0.0", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        m = re.search(r"http://0\.0\.0\.0:(\d+)/\?token=(\S+)", line)
        assert m, line + proc.stderr.read()[-300:] if proc.poll() is not None else line
        port, token = m.groups()
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30)
        assert e.value.code == 403
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}/?token={token}",
                                      timeout=30).status == 200
    finally:
        stop_process(proc)


def _status_form(client, rel: str, **extra):
    page = client.get(f"/notice/{rel}").text
    ids = re.findall(r'class="card dl[^"]*" id="v-(dl-[0-9a-f.]+)"', page)
    rev = re.search(r'name="revision" value="(\d+)"', page).group(1)
    form = {"csrf": client.csrf, "revision": rev, "who": "甲", "id": ids[0], "op": "status",
            "status": "confirmed"}
    form.update(extra)
    return form


@pytest.mark.parametrize("change, headers", [
    ({"csrf": ""}, {}),
    ({"csrf": "forged"}, {}),
    ({}, {"origin": "http://evil.example"}),
])
def test_posts_without_our_csrf_token_are_refused(client, out, change, headers):
    rel = N01.name
    form = _status_form(client, rel, **change)
    before = corr.review_path(out / f"{rel}.json").exists()
    r = client.post(f"/notice/{rel}/review", data=form, headers=headers, follow_redirects=False)
    assert r.status_code == 403 and "security token" in r.text
    assert corr.review_path(out / f"{rel}.json").exists() == before


def test_a_second_browsers_stale_save_is_a_conflict(client, out):
    rel = "html_notice.txt"
    first = _status_form(client, rel)                               # browser 1 opens the page
    second = _status_form(client, rel, status="rejected", who="乙")  # browser 2 too
    r1 = client.post(f"/notice/{rel}/review", data=first, follow_redirects=False)
    assert r1.status_code == 303
    r2 = client.post(f"/notice/{rel}/review", data=second, follow_redirects=False)
    assert r2.status_code == 409 and "Conflict" in r2.text and "reload" in r2.text
    review = corr.load_review(corr.review_path(out / f"{rel}.json"))
    assert [(e.new, e.who) for e in review.entries] == [("confirmed", "甲")]


def test_document_text_is_html_escaped(client):
    page = client.get("/notice/html_notice.txt").text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>职工" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    hits = client.get("/search?q=读书活动").text
    assert "&lt;script&gt;" in hits and "<script>alert" not in hits


@pytest.mark.parametrize("url", [
    "/notice/../../../../etc/passwd",
    "/notice/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/notice/..%2F..%2Fetc%2Fpasswd",
    "/notice//etc/passwd",
    "/notice/manifest.jsonl",
    "/static/../archive.py",
    "/static/%2e%2e/archive.py",
    "/static/..%2Fapp.py",
])
def test_nothing_outside_the_archive_is_served(client, url):
    r = client.get(url)
    assert r.status_code == 404
    assert "root:" not in r.text and "import" not in r.text


def test_a_record_path_outside_outdir_is_refused(out, tmp_path):
    import sqlite3

    work = tmp_path / "out"
    shutil.copytree(out, work)
    con = sqlite3.connect(work / "index.sqlite")
    con.execute("UPDATE notices SET record_path = '../../secret.json' WHERE path = ?", (N01.name,))
    con.commit()
    con.close()
    c, guard = _client(work)
    assert c.get(f"/notice/{N01.name}").status_code == 404
    r = c.post(f"/notice/{N01.name}/review", data={"csrf": guard.csrf, "revision": "0",
                                                   "id": "x", "op": "status"})
    assert r.status_code == 404 and not (tmp_path.parent / "secret.review.json").exists()


# ---- uploads


def _upload(client, name: str, data: bytes):
    return client.post("/add", data={"csrf": client.csrf}, files={"file": (name, data)},
                       follow_redirects=False)


def _stored(out: Path) -> set[str]:
    d = out / "uploads"
    return {p.name for p in d.iterdir()} if d.exists() else set()


@pytest.mark.parametrize("name, data, why", [
    ("坏的.docx", b"PK\x03\x04 this is not really a zip", "corrupt zip"),
    ("blank.txt", b"", "empty file"),
    ("binary.txt", bytes(range(256)) * 8, "not a supported document format"),
    ("archive.docx", b"PK\x05\x06" + b"\x00" * 18, "neither .docx nor .ofd"),
])
def test_a_corrupt_upload_says_why_in_one_line_and_stores_nothing(client, out, name, data, why):
    before = _stored(out)
    r = _upload(client, name, data)
    assert r.status_code == 400
    msg = re.search(r'<p class="error" id="error">(.*?)</p>', r.text, re.S).group(1)
    assert why in msg and "\n" not in msg.strip() and "Traceback" not in r.text
    assert _stored(out) == before


def test_an_upload_over_the_size_limit_is_refused(out):
    c, guard = _client(out, max_bytes=4096)
    c.csrf = guard.csrf
    before = _stored(out)
    r = _upload(c, "big.txt", SEED.read_bytes() * 4)
    assert r.status_code == 413 and "too large" in r.text and _stored(out) == before


def test_an_upload_is_extracted_like_batch_and_kept_inside_outdir(client, out):
    from pipeline.batch.worker import process_file

    r = _upload(client, "../../n01 copy.txt", N01.read_bytes())
    assert r.status_code == 303
    rel = unquote(r.headers["location"].split("/notice/", 1)[1])
    assert rel == "uploads/n01 copy.txt"
    page = client.get(r.headers["location"]).text
    assert "杭州市职工职业技能大赛" in page and 'class="hl f-deadline"' in page
    rec = json.loads((out / f"{rel}.json").read_text(encoding="utf-8"))
    same = json.loads(process_file(str(out / rel))["json"])  # the batch's own function
    assert rec == same
    assert not (out.parent.parent / "n01 copy.txt").exists()


# ---- a hand-broken record or review file


def test_a_broken_record_shows_an_error_and_the_rest_works(out, tmp_path):
    work = tmp_path / "out"
    shutil.copytree(out, work)
    (work / f"{N01.name}.json").write_text('{"schema_version": "1.0", "source": ', "utf-8")
    c, _ = _client(work)
    r = c.get(f"/notice/{N01.name}")
    assert r.status_code == 422 and "cannot read the record" in r.text
    assert c.get("/").status_code == 200
    assert c.get(f"/notice/{SEED.name}").status_code == 200
    assert c.get("/calendar.ics").status_code == 200
    assert c.get("/search?q=工人先锋号").status_code == 200


def test_a_broken_review_file_is_shown_and_not_overwritten(out, tmp_path):
    work = tmp_path / "out"
    shutil.copytree(out, work)
    rp = corr.review_path(work / f"{SEED.name}.json")
    rp.write_text("{oops", encoding="utf-8")
    c, guard = _client(work)
    c.csrf = guard.csrf
    page = c.get(f"/notice/{SEED.name}").text
    assert "not a review file" in page
    r = c.post(f"/notice/{SEED.name}/review", data=_status_form(c, SEED.name))
    assert r.status_code == 400 and rp.read_text(encoding="utf-8") == "{oops"


def test_an_impossible_corrected_date_is_refused(client, out):
    form = _status_form(client, SEED.name, op="correct", due="2018-02-30")
    r = client.post(f"/notice/{SEED.name}/review", data=form, follow_redirects=False)
    assert r.status_code == 400 and "Not saved" in r.text


@pytest.mark.slow
def test_push_from_the_calendar_page_sends_confirmed_deadlines(out, tmp_path, radicale):
    import caldav

    from test_caldav import PASSWORD, USER

    work = tmp_path / "out"
    shutil.copytree(out, work)
    c, guard = _client(work)
    c.csrf = guard.csrf
    form = _status_form(c, SEED.name)                       # confirm one deadline
    assert c.post(f"/notice/{SEED.name}/review", data=form,
                  follow_redirects=False).status_code == 303
    r = c.post("/calendar/push", data={"csrf": guard.csrf, "url": radicale, "user": USER,
                                       "password": PASSWORD, "calendar": "页面推送",
                                       "confirmed": "1"})
    confirmed = sum(len(n.deadlines) for n in Archive(work).notices(confirmed_only=True))
    assert r.status_code == 200 and f"{confirmed} item(s)" in r.text and confirmed >= 1
    client = caldav.DAVClient(url=radicale, username=USER, password=PASSWORD)
    cal = next(x for x in client.principal().calendars() if x.get_display_name() == "页面推送")
    assert len(cal.events()) == confirmed
    bad = c.post("/calendar/push", data={"csrf": guard.csrf, "url": radicale, "user": USER,
                                         "password": "wrong", "confirmed": "1"})
    assert bad.status_code == 502 and "login refused" in bad.text and "wrong" not in bad.text


def test_serve_upgrades_an_index_written_before_the_review_page(out, tmp_path):
    import sqlite3

    work = tmp_path / "out"
    shutil.copytree(out, work)
    con = sqlite3.connect(work / "index.sqlite")
    for t in ("notice_fts", "notice_text", "deadline_review", "notice_review"):
        con.execute(f"DROP TABLE {t}")
    con.commit()
    con.close()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", str(work),
                             "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        m = re.search(r"(http://127\.0\.0\.1:\d+/)", proc.stdout.readline())
        assert m
        page = urllib.request.urlopen(m.group(1) + "search?q=%E5%B7%A5%E4%BA%BA%E5%85%88%E9%94%8B"
                                      "%E5%8F%B7", timeout=30).read().decode()
        assert SEED.name in page
    finally:
        stop_process(proc)


def test_serve_refuses_a_folder_that_is_not_a_batch_output(tmp_path):
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "serve", str(tmp_path)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "not a batch output folder" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
