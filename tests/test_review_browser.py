"""The review pages in a real browser (issue 13, item 5): Playwright for
Python driving Debian's Chromium (``apt-get install chromium``; no browser
download). The server is ``extract serve`` started as a process over a batch
output of the corpus (the seeds as .docx, the notices as .txt) and stopped at
the end.

* every deadline of each seed's gold is highlighted in its notice page;
* confirm one deadline, correct another's date, re-run the batch with
  ``--reprocess``: the correction is still there and ``/calendar.ics`` has
  the corrected date (the confirmed-only feed has only the confirmed one);
* search "劳动竞赛 报名" ranks a matching circular first;
* a .docx dropped on the Add page is extracted and its record shown;
* selecting text adds a missed deadline.

Skips cleanly when Playwright or Chromium is missing. With
``UPDATE_SCREENSHOTS=1`` the page screenshots are written to
``docs/review/`` (the README shows them).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import stop_process

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"
GOLD = SEEDS / "gold"
TODAY = "2018-04-05"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
CHROMIUM = shutil.which("chromium")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="apt-get install chromium")]


def _shots(tmp_path_factory) -> Path:
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        d = ROOT / "docs" / "review"
        d.mkdir(parents=True, exist_ok=True)
        return d
    return tmp_path_factory.mktemp("shots")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """(source folder, batch output folder) of the corpus seeds and notices."""
    root = tmp_path_factory.mktemp("browser")
    src = root / "src"
    src.mkdir()
    for p in sorted(SEEDS.glob("*.docx")):
        shutil.copy(p, src / p.name)
    for p in sorted((ROOT / "corpus" / "notices").glob("*.txt")):
        shutil.copy(p, src / p.name)
    _batch(src, root / "out")
    return src, root / "out"


def _batch(src: Path, out: Path, *extra: str) -> None:
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "batch", str(src), "--out", str(out),
                        "-j", "2", "-q", *extra], capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-800:]


@pytest.fixture(scope="module")
def server(archive):
    _src, out = archive
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", str(out), "--port", "0",
                             "--today", TODAY, "--user", "测试员"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        m = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if not m:
            proc.kill()
            pytest.fail("extract serve did not start: " + line + proc.stderr.read()[-500:])
        yield m.group(1)
    finally:
        stop_process(proc)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Exception as e:  # a Chromium that cannot start here: skip, do not fail
            pytest.skip(f"chromium does not start: {str(e).splitlines()[0]}")
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    pg = ctx.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    ctx.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    return _shots(tmp_path_factory)


def test_inbox(page, server, shots):
    page.goto(server)
    week = page.locator("#due-week tbody tr")
    assert "2018-04-10" in week.first.inner_text()
    page.screenshot(path=str(shots / "inbox.png"))


@pytest.mark.parametrize("stem", sorted(p.stem for p in GOLD.glob("*.json")))
def test_every_gold_deadline_is_highlighted(page, server, shots, stem):
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    page.goto(f"{server}notice/{stem}.docx")
    for d in gold["deadlines"]:
        cards = page.locator(f'.card.dl[data-due="{d["due"]}"]')
        assert cards.count() >= 1, f"{stem}: no deadline due {d['due']}"
        ev = cards.first.get_attribute("data-ev")
        mark = page.locator(f"#{ev}")
        assert "f-deadline" in mark.get_attribute("class")
        mark.scroll_into_view_if_needed()
        assert mark.is_visible()
    n_gold = len(gold["deadlines"])
    assert page.locator("#doc mark.f-deadline[id]").count() >= n_gold
    if stem.startswith("001"):
        page.screenshot(path=str(shots / "notice.png"))


def test_value_and_evidence_link_both_ways(page, server):
    page.goto(f"{server}notice/001_dde7b99b86b616a6.docx")
    card = page.locator(".card.dl").nth(3)
    ev = card.get_attribute("data-ev")
    card.locator("a.ev").click()
    page.wait_for_function(f"""() => {{ const r = document.getElementById('{ev}')
        .getBoundingClientRect(); const d = document.getElementById('doc').getBoundingClientRect();
        return r.top >= d.top && r.bottom <= d.bottom; }}""")
    page.locator(f"#{ev}").click()
    page.wait_for_function(f"""() => {{ const r = document.getElementById('{card.get_attribute("id")}')
        .getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }}""")


def test_corrections_survive_reprocess_and_reach_the_feed(page, server, archive):
    src, out = archive
    url = f"{server}notice/001_dde7b99b86b616a6.docx"
    page.goto(url)
    first, second = page.locator(".card.dl").nth(0), page.locator(".card.dl").nth(1)
    first_id, second_id = first.get_attribute("id"), second.get_attribute("id")
    confirmed_due = first.get_attribute("data-due")
    with page.expect_navigation():
        first.locator("button.confirm").click()
    assert page.locator("#msg").is_visible()
    second = page.locator(f"#{second_id}")
    second.locator("summary", has_text="更正").click()
    second.locator('input[name="due"]').fill("2018-04-12")
    with page.expect_navigation():
        second.locator("form.edit button").click()
    assert page.locator("#msg").is_visible()
    _batch(src, out, "--reprocess")
    page.goto(url)
    assert "confirmed" in page.locator(f"#{first_id} .badge").first.inner_text()
    assert page.locator(f"#{second_id}").get_attribute("data-due") == "2018-04-12"
    feed = page.request.get(f"{server}calendar.ics").text()
    assert "DTSTART;VALUE=DATE:20180412" in feed
    confirmed = page.request.get(f"{server}calendar.ics?confirmed=1").text()
    assert re.findall(r"DTSTART;VALUE=DATE:(\d+)", confirmed) == [confirmed_due.replace("-", "")]


def test_search_ranks_a_matching_circular_first(page, server, shots):
    page.goto(f"{server}search")
    page.locator('form.search input[name="q"]').fill("劳动竞赛 报名")
    page.locator("form.search button").click()
    first = page.locator("#hits > li").first
    marks = first.locator("mark").all_inner_texts()
    assert "劳动竞赛" in marks and "报名" in marks
    page.screenshot(path=str(shots / "search.png"))


def test_upload_a_docx_and_see_its_record(page, server, shots, tmp_path):
    page.goto(f"{server}add")
    page.screenshot(path=str(shots / "add.png"))
    docx = ROOT / "corpus" / "notices" / "docx" / "n17_numeral_deadline.docx"
    with page.expect_navigation():
        page.locator("#file").set_input_files(str(docx))  # the page sends it at once
    assert "/notice/uploads/" in page.url
    assert "西安市第二届职工书画摄影作品展" in page.locator("h1.ntitle").inner_text()
    assert page.locator(".card.dl").count() >= 1


def test_select_text_to_add_a_missed_deadline(page, server):
    page.goto(f"{server}notice/n22_meeting_notice.txt")
    before = page.locator(".card.dl").count()
    block = page.locator("#doc p.blk", has_text="会议时间").first
    page.evaluate("""(p) => { const t = p.querySelector('[data-o]').firstChild;
        const r = document.createRange(); r.setStart(t, 0); r.setEnd(t, Math.min(8, t.length));
        const s = window.getSelection(); s.removeAllRanges(); s.addRange(r);
        p.dispatchEvent(new MouseEvent('mouseup', {bubbles: true})); }""", block.element_handle())
    form = page.locator("#add-form")
    form.wait_for(state="visible")
    form.locator('input[name="due"]').fill("2016-09-05")
    form.locator('input[name="action"]').fill("参会")
    with page.expect_navigation():
        form.locator("button", has_text="保存").click()
    assert page.locator("#msg").is_visible()
    assert page.locator(".card.dl").count() == before + 1
    assert page.locator('.card.dl[data-due="2016-09-05"] .badge').first.inner_text() == "confirmed"


def test_calendar_page(page, server, shots):
    page.goto(f"{server}calendar")
    assert "calendar.ics?confirmed=1" in page.locator("#feed-url").inner_text()
    page.screenshot(path=str(shots / "calendar.png"))
