"""``extract ics``: the seeds' calendar parses with icalendar and vobject, has
one item per dated deadline, stable UIDs, compact VTIMEZONE for timed items."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from click.testing import CliRunner

from models.deadlines import Deadline
from pipeline.cli.calendar import ics_cmd
from pipeline.exports.ics import build_calendar, distinct_notices, parse_remind, write_calendar
from pipeline.stages.run import extract_file

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"
if not SEEDS.exists():
    SEEDS = Path("/work/shared/seeds")


@pytest.fixture(scope="module")
def notices():
    return [extract_file(p) for p in sorted(SEEDS.glob("*.txt"))]


def test_seed_calendar_parses_and_has_one_item_per_deadline(notices, tmp_path):
    out = tmp_path / "d.ics"
    n = write_calendar(notices, out)
    assert n == 11
    data = out.read_text(encoding="utf-8")
    cal = icalendar.Calendar.from_ical(data)
    evs = cal.walk("VEVENT")
    assert len(evs) == 11
    assert str(cal["x-wr-calname"]) and str(cal["name"])
    for e in evs:
        assert isinstance(e.decoded("dtstart"), dt.date)
        assert e.decoded("dtend") - e.decoded("dtstart") == dt.timedelta(days=1)
        assert e.walk("VALARM")[0]["trigger"].dt == -dt.timedelta(days=3)
        assert "提醒：截止前3天" in str(e["description"])
    vcal = list(vobject.readComponents(data))
    assert len(vcal) == 1 and len(vcal[0].vevent_list) == 11


def test_uids_stable_across_runs(notices, tmp_path):
    a = build_calendar(notices, now=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    b = build_calendar(notices)
    ua = [str(e["uid"]) for e in a.walk("VEVENT")]
    ub = [str(e["uid"]) for e in b.walk("VEVENT")]
    assert ua == ub and len(set(ua)) == 11


def test_corrected_date_keeps_the_uid(notices):
    """A clerk's date correction updates the pushed item instead of adding one."""
    n = notices[0].model_copy(deep=True)
    before = build_calendar([n]).walk("VEVENT")[0]
    n.deadlines[0].due = n.deadlines[0].due + dt.timedelta(days=3)
    after = build_calendar([n]).walk("VEVENT")[0]
    assert str(after["uid"]) == str(before["uid"])
    assert after.decoded("dtstart") == before.decoded("dtstart") + dt.timedelta(days=3)


def test_summary_and_description(notices):
    n002 = next(n for n in notices if n.source.path.endswith("002_a6ecc3133544287b.txt"))
    e = build_calendar([n002]).walk("VEVENT")[0]
    assert str(e["summary"]) == "【报送】参赛报名表和竞赛实施方案 → 市总工会经济技术部"
    desc = str(e["description"])
    assert "于2021年7月22日前" in desc and "通知：关于在全市职工中广泛开展" in desc


def test_todo_and_timed_deadline(notices):
    n = notices[0].model_copy(deep=True)
    n.deadlines = [Deadline(due=dt.date(2023, 6, 2), due_time="17:00", text="报名截止6月2日17:00止",
                            action="报名")]
    cal = build_calendar([n], todo=True, remind="12h")
    todo = cal.walk("VTODO")[0]
    due = todo.decoded("due")
    assert due.hour == 17 and str(due.tzinfo) == "Asia/Shanghai"
    tzs = cal.walk("VTIMEZONE")
    assert len(tzs) == 1 and len(tzs[0].walk("STANDARD")) == 1 and not tzs[0].walk("DAYLIGHT")
    alarm = todo.walk("VALARM")[0]
    assert alarm["trigger"].params.get("RELATED") == "END"
    data = cal.to_ical().decode()
    assert "TZID=Asia/Shanghai" in data
    assert len(list(vobject.readComponents(data))[0].vtodo_list) == 1


@pytest.mark.parametrize("due_time,start,end", [
    ("17:00", dt.datetime(2023, 6, 2, 16, 0), dt.datetime(2023, 6, 2, 17, 0)),
    ("09:30", dt.datetime(2023, 6, 2, 8, 30), dt.datetime(2023, 6, 2, 9, 30)),
    ("00:30", dt.datetime(2023, 6, 1, 23, 30), dt.datetime(2023, 6, 2, 0, 30)),
])
def test_timed_vevent_is_the_hour_ending_at_the_deadline(notices, due_time, start, end):
    """A timed deadline has an explicit DTEND (the deadline) and DTSTART one
    hour before, so every client draws the same block (issue 12 item 5)."""
    n = notices[0].model_copy(deep=True)
    n.deadlines = [Deadline(due=dt.date(2023, 6, 2), due_time=due_time, text="截止", action="报名")]
    ev = build_calendar([n]).walk("VEVENT")[0]
    tz = ZoneInfo("Asia/Shanghai")
    assert ev.decoded("dtstart") == start.replace(tzinfo=tz)
    assert ev.decoded("dtend") == end.replace(tzinfo=tz)
    assert "DURATION" not in ev


def test_description_names_file_not_local_path(notices, tmp_path):
    """DESCRIPTION is pushed to servers: the file name and 发文字号, no folders."""
    cal = build_calendar(notices)
    for ev in cal.walk("VEVENT"):
        desc = str(ev["description"])
        assert str(SEEDS) not in desc and "/" not in desc.split("来源文件：")[1]
    n003 = next(n for n in notices if "003_" in n.source.path)
    desc = str(build_calendar([n003]).walk("VEVENT")[0]["description"])
    assert "来源文件：003_0fb55c4c84d933ae.txt" in desc and "发文字号：" in desc


@pytest.mark.parametrize("path,name", [
    ("C:\\公文\\2023\\通知.docx", "通知.docx"),
    ("/home/u/公文/通知.pdf", "通知.pdf"),
    ("通知.txt", "通知.txt"),
])
def test_description_file_name_from_any_os(notices, path, name):
    n = notices[2].model_copy(deep=True)
    n.source.path = path
    desc = str(build_calendar([n]).walk("VEVENT")[0]["description"])
    assert desc.endswith(f"来源文件：{name}")


@pytest.mark.parametrize("stem", ["002_a6ecc3133544287b", "003_0fb55c4c84d933ae"])
def test_docx_and_pdf_of_one_circular_give_items_once(stem, tmp_path):
    """The .docx and .pdf of one circular are one document (the fingerprint
    batch --ics uses): `extract ics a.docx a.pdf` has no duplicate items."""
    one = tmp_path / "one.ics"
    both = tmp_path / "both.ics"
    docx, pdf = str(SEEDS / f"{stem}.docx"), str(SEEDS / f"{stem}.pdf")
    assert CliRunner().invoke(ics_cmd, [docx, "-o", str(one)]).exit_code == 0
    r = CliRunner().invoke(ics_cmd, [docx, pdf, "-o", str(both)])
    assert r.exit_code == 0, r.output
    n_one = len(icalendar.Calendar.from_ical(one.read_bytes()).walk("VEVENT"))
    assert n_one > 0
    assert len(icalendar.Calendar.from_ical(both.read_bytes()).walk("VEVENT")) == n_one


@pytest.mark.parametrize("stem", ["000_beae532f0dc098a7", "002_a6ecc3133544287b",
                                  "003_0fb55c4c84d933ae", "004_4b022b1849280ac0"])
def test_uids_follow_the_circular_not_the_file(stem):
    """The .docx, .pdf and .txt of one circular give the same UIDs, so pushing
    the .pdf after the .docx (another day, another run) updates, not duplicates."""
    uids = []
    for ext in ("docx", "pdf", "txt"):
        cal = build_calendar([extract_file(SEEDS / f"{stem}.{ext}")])
        uids.append(sorted(str(e["uid"]) for e in cal.walk("VEVENT")))
    assert uids[0] and uids[0] == uids[1] == uids[2]


def test_distinct_notices_keeps_different_circulars(notices):
    assert distinct_notices(notices + notices) == notices


def test_relative_deadline_not_exported(notices):
    n = notices[0].model_copy(deep=True)
    n.deadlines = [Deadline(due=None, relative=True, text="活动结束后15个工作日内报送")]
    assert build_calendar([n]).walk("VEVENT") == []


def test_events_flag(notices):
    n000 = notices[0]
    cal = build_calendar([n000], events=True)
    summaries = [str(e["summary"]) for e in cal.walk("VEVENT")]
    assert "【活动】竞赛时间" in summaries


@pytest.mark.parametrize("spec,expected", [
    ("3d", dt.timedelta(days=3)),
    ("12h", dt.timedelta(hours=12)),
    ("30m", dt.timedelta(minutes=30)),
    ("1w", dt.timedelta(weeks=1)),
    ("0", None),
    ("none", None),
])
def test_parse_remind(spec, expected):
    assert parse_remind(spec) == expected


def test_cli_writes_file_and_rejects_bad_input(tmp_path):
    out = tmp_path / "deadlines.ics"
    seeds = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    r = CliRunner().invoke(ics_cmd, [*seeds, "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert len(icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")) == 11
    bad = tmp_path / "x.json"
    bad.write_text('{"x": 1}')
    r = CliRunner().invoke(ics_cmd, [str(bad), "-o", str(tmp_path / "y.ics")])
    assert r.exit_code == 4 and not (tmp_path / "y.ics").exists()
    r = CliRunner().invoke(ics_cmd, [seeds[0], "--remind", "soon"])
    assert r.exit_code == 2
