"""Corrections are data that survive (issue 13, item 2).

Unit cases of :func:`pipeline.exports.corrections.apply_review` (one line per
case, the decision and what the corrected record says side by side), then a
real batch: corrections made beside the records survive ``--reprocess`` and an
extractor version bump and reach JSONL, index.sqlite, the batch's ICS,
``extract ics --confirmed-only``, ``extract contacts`` and a CalDAV push
(Radicale); a correction whose value changed underneath is flagged.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from models.review import Review
from pipeline.exports import corrections as corr
from test_caldav import radicale  # noqa: F401  (the Radicale server fixture)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "seeds" / "001_dde7b99b86b616a6.txt"
N01 = ROOT / "corpus" / "notices" / "n01_joint_issuers.txt"


def _rec() -> dict:
    ev = {"block": 3, "start": 0, "end": 10, "page": None, "quote": "4月15日前报送"}
    return {"title": {"text": "关于开展劳动竞赛的通知", "evidence": None},
            "signed_date": "2018-02-28",
            "deadlines": [
                {"due": "2018-04-15", "due_time": None, "action": "报送", "deliverable": "报名表",
                 "text": "请于4月15日前报送报名表", "evidence": ev},
                {"due": "2018-04-10", "due_time": None, "action": "上报", "deliverable": "汇总表",
                 "text": "4月10日前上报汇总表", "evidence": {**ev, "quote": "4月10日前上报"}}],
            "contacts": [{"names": ["甘利平"], "values": [
                {"kind": "phone", "value": "6032390", "raw": "6032390", "evidence": ev}]}]}


def _ids(rec):
    ids = corr.value_ids(rec)
    dl = [i for i, loc in ids.items() if loc[0] == "deadline"]
    cv = [i for i, loc in ids.items() if loc[0] == "value"]
    return dl, cv


def _review(*entries) -> Review:
    return Review(entries=[corr.correction(*e) for e in entries])


A, B = 0, 1  # deadline positions in _rec()


@pytest.mark.parametrize("decisions, path, expected", [
    ([(A, "due", "2018-04-15", "2018-04-16")], ("deadlines", 0, "due"), "2018-04-16"),
    ([(A, "action", "报送", "上报")], ("deadlines", 0, "action"), "上报"),
    ([(B, "deliverable", "汇总表", "参赛企业汇总表")], ("deadlines", 1, "deliverable"), "参赛企业汇总表"),
    ([(A, "status", None, "rejected")], ("deadlines", 0, "due"), "2018-04-10"),
    ([(A, "due", "2018-04-15", "2018-05-01"), (A, "due", "2018-04-15", "2018-04-20")],
     ("deadlines", 0, "due"), "2018-04-20"),
    ([("notice", "title", "关于开展劳动竞赛的通知", "关于开展技能竞赛的通知")], ("title", "text"),
     "关于开展技能竞赛的通知"),
    ([("notice", "signed_date", "2018-02-28", "2018-03-01")], ("signed_date",), "2018-03-01"),
    ([("cv", "value", "6032390", "0572-6032390")], ("contacts", 0, "values", 0, "value"),
     "0572-6032390"),
])
def test_apply_review_replaces_values(decisions, path, expected):
    rec = _rec()
    dl, cv = _ids(rec)
    who = {A: dl[0], B: dl[1], "cv": cv[0], "notice": "notice"}
    out, applied = corr.apply_review(rec, _review(*[(who[i], f, o, n) for i, f, o, n in decisions]))
    node = out
    for k in path:
        node = node[k]
    assert node == expected
    assert not applied.flags
    assert rec == _rec()  # the record itself is never modified


@pytest.mark.parametrize("extracted_now, correction_old, correction_new, flag", [
    ("报送", "报送", "上报", None),          # corrected as extracted: applied, no flag
    ("上报", "报送", "上报", None),          # the extractor now agrees with the person
    ("提交", "报送", "上报", "changed"),     # changed underneath: human value kept, flagged
])
def test_a_changed_value_underneath_is_flagged_not_dropped(extracted_now, correction_old,
                                                           correction_new, flag):
    rec = _rec()
    rec["deadlines"][0]["action"] = extracted_now
    dl, _ = _ids(rec)
    out, applied = corr.apply_review(rec, _review((dl[0], "action", correction_old,
                                                   correction_new)))
    assert out["deadlines"][0]["action"] == correction_new
    assert [f.reason for f in applied.flags] == ([flag] if flag else [])


def test_a_correction_of_a_value_no_longer_extracted_is_kept_and_flagged():
    out, applied = corr.apply_review(_rec(), _review(("dl-0000000000", "due", "2018-04-15",
                                                      "2018-04-16")))
    assert [(f.reason, f.id) for f in applied.flags] == [("missing", "dl-0000000000")]
    assert [d["due"] for d in out["deadlines"]] == ["2018-04-15", "2018-04-10"]


def test_a_confirmation_lapses_when_the_date_changes_underneath():
    rec = _rec()
    dl, _ = _ids(rec)
    review = _review((dl[0], "status", {"due": "2018-04-15", "due_time": None}, "confirmed"),
                     (dl[1], "status", {"due": "2018-04-10", "due_time": None}, "confirmed"))
    _, applied = corr.apply_review(rec, review)
    assert applied.status == {dl[0]: "confirmed", dl[1]: "confirmed"}
    # same sentence, but the extractor now reads another date: confirm again
    rec2 = _rec()
    rec2["deadlines"][1]["due"] = "2018-04-11"
    _, applied2 = corr.apply_review(rec2, review)
    assert applied2.status[dl[1]] == "unconfirmed"
    assert [f.reason for f in applied2.flags] == ["changed"]


@pytest.mark.parametrize("new, where, value", [
    ({"type": "deadline", "due": "2018-05-01", "action": "报送", "text": "5月1日前报送",
      "evidence": {"block": 5, "start": 2, "end": 9, "quote": "5月1日前报送"}},
     ("deadlines", 2, "due"), "2018-05-01"),
    ({"type": "contact", "kind": "email", "value": "zgh@example.org",
      "evidence": {"block": 6, "start": 0, "end": 15, "quote": "zgh@example.org"}},
     ("contacts", 1, "values", 0, "value"), "zgh@example.org"),
    ({"type": "contact", "kind": "name", "value": "林志强",
      "evidence": {"block": 6, "start": 0, "end": 3, "quote": "林志强"}},
     ("contacts", 1, "names", 0), "林志强"),
])
def test_added_values_enter_the_record(new, where, value):
    out, applied = corr.apply_review(_rec(), _review(("add-1", "add", None, new)))
    node = out
    for k in where:
        node = node[k]
    assert node == value
    if new["type"] == "deadline":
        assert applied.status["add-1"] == "confirmed"  # a person wrote it


def test_value_ids_are_stable_across_extractions():
    from pipeline.stages.run import extract_file, to_json

    a = json.loads(to_json(extract_file(SEED)))
    b = json.loads(to_json(extract_file(SEED)))
    assert corr.value_ids(a) == corr.value_ids(b)
    assert len([i for i in corr.value_ids(a) if i.startswith("dl-")]) == len(a["deadlines"])


def test_two_saves_from_one_revision_conflict(tmp_path):
    p = tmp_path / "x.txt.review.json"
    e = corr.correction("dl-1", "status", None, "confirmed", who="甲")
    corr.add_entries(p, [e], expected=0)
    with pytest.raises(corr.ReviewConflict, match="changed by someone else"):
        corr.add_entries(p, [corr.correction("dl-1", "status", None, "rejected", who="乙")],
                         expected=0)
    review = corr.load_review(p)
    assert (review.revision, [x.new for x in review.entries]) == (1, ["confirmed"])


def test_a_hand_broken_review_file_leaves_the_record_as_extracted(tmp_path):
    rec_p = tmp_path / "x.txt.json"
    corr.review_path(rec_p).write_text("{not json", encoding="utf-8")
    out, applied = corr.corrected(rec_p, _rec())
    assert out == _rec() and "not a review file" in applied.error


# ---- a real batch


def _decide(out: Path, rel: str, who: str = "tester") -> dict:
    """Confirm the first deadline, correct the second's date, reject the
    third, correct the contact phone; returns what was decided."""
    rec_p = out / f"{rel}.json"
    rec = json.loads(rec_p.read_text(encoding="utf-8"))
    ids = corr.value_ids(rec)
    dl = [i for i, loc in ids.items() if loc[0] == "deadline"]
    phone = next(i for i, loc in ids.items() if loc[0] == "value"
                 and rec["contacts"][loc[1]]["values"][loc[2]]["kind"] == "phone")
    d = rec["deadlines"]
    entries = [corr.correction(dl[0], "status", corr.snapshot(d[0]), "confirmed", who=who),
               corr.correction(dl[1], "due", d[1]["due"], "2018-04-12", who=who),
               corr.correction(dl[2], "status", corr.snapshot(d[2]), "rejected", who=who),
               corr.correction(phone, "value", "6032390", "0572-6032390", who=who)]
    corr.add_entries(corr.review_path(rec_p), entries, expected=0, record=rel)
    return {"confirmed": d[0]["due"], "corrected": "2018-04-12", "rejected_text": d[2]["text"],
            "n": len(d)}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    from pipeline.batch import run_batch

    root = tmp_path_factory.mktemp("corr")
    src, out = root / "src", root / "out"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    shutil.copy(N01, src / N01.name)
    res = run_batch(src, out, workers=1, quiet=True, fsync=False)
    assert res.failed == 0
    decided = _decide(out, SEED.name)
    review_bytes = corr.review_path(out / f"{SEED.name}.json").read_bytes()
    res = run_batch(src, out, workers=1, quiet=True, fsync=False, reprocess=True,
                    jsonl=str(root / "all.jsonl"), ics=str(root / "due.ics"))
    assert res.ok == 2 and res.skipped == 0  # really redone
    return root, src, out, decided, review_bytes


def test_reprocess_keeps_the_review_file(batch):
    _root, _src, out, _d, review_bytes = batch
    assert corr.review_path(out / f"{SEED.name}.json").read_bytes() == review_bytes


def test_corrections_reach_jsonl(batch):
    root, _src, _out, d, _ = batch
    rec = [json.loads(x) for x in (root / "all.jsonl").read_text(encoding="utf-8").splitlines()
           if SEED.name in x][0]
    dues = [x["due"] for x in rec["deadlines"]]
    assert len(dues) == d["n"] - 1 and d["corrected"] in dues
    assert d["rejected_text"] not in [x["text"] for x in rec["deadlines"]]
    phones = [v["value"] for cp in rec["contacts"] for v in cp["values"] if v["kind"] == "phone"]
    assert "0572-6032390" in phones and "6032390" not in phones


def test_corrections_reach_the_index(batch):
    _root, _src, out, d, _ = batch
    con = sqlite3.connect(out / "index.sqlite")
    rows = con.execute("SELECT due, status, corrected FROM deadline_review WHERE path = ? "
                       "ORDER BY seq", (SEED.name,)).fetchall()
    dues = [r[0] for r in con.execute("SELECT due FROM deadlines WHERE path = ?", (SEED.name,))]
    con.close()
    assert len(rows) == d["n"] - 1 and d["corrected"] in dues
    assert (d["confirmed"], "confirmed", 0) == rows[0]
    assert (d["corrected"], "unconfirmed", 1) == rows[1]


def _ics_dates(data: bytes) -> list[str]:
    from icalendar import Calendar

    return sorted(str(c.decoded("dtstart")) for c in Calendar.from_ical(data).walk("VEVENT"))


def test_corrections_reach_the_batch_calendar(batch):
    root, _src, _out, d, _ = batch
    dates = _ics_dates((root / "due.ics").read_bytes())
    assert d["corrected"] in dates


def test_ics_confirmed_only(batch, tmp_path):
    from pipeline.cli import main

    _root, _src, out, d, _ = batch
    records = [str(p) for p in sorted(out.glob("*.json"))]  # the review file is skipped
    r = CliRunner().invoke(main, ["ics", *records, "--confirmed-only", "-o",
                                  str(tmp_path / "c.ics")])
    assert r.exit_code == 0, r.output
    assert _ics_dates((tmp_path / "c.ics").read_bytes()) == [d["confirmed"]]
    r = CliRunner().invoke(main, ["ics", *records, "-o", str(tmp_path / "all.ics")])
    assert d["corrected"] in _ics_dates((tmp_path / "all.ics").read_bytes())


def test_corrections_reach_contacts_export(batch):
    from pipeline.cli import main

    _root, _src, out, _d, _ = batch
    r = CliRunner().invoke(main, ["contacts", str(out / f"{SEED.name}.json"), "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert "0572-6032390" in r.output and ",6032390" not in r.output


def test_corrections_survive_an_extractor_version_bump(batch, monkeypatch):
    import pipeline.stages.run as run_mod
    from pipeline.batch import run_batch

    root, src, out, d, _ = batch
    monkeypatch.setattr(run_mod, "EXTRACTOR_VERSION", run_mod.EXTRACTOR_VERSION + "-bumped")
    res = run_batch(src, out, workers=1, quiet=True, fsync=False,
                    jsonl=str(root / "bumped.jsonl"))
    assert res.ok == 2 and res.skipped == 0
    con = sqlite3.connect(out / "index.sqlite")
    rows = con.execute("SELECT due, status FROM deadline_review WHERE path = ? ORDER BY seq",
                       (SEED.name,)).fetchall()
    con.close()
    assert rows[0] == (d["confirmed"], "confirmed") and rows[1][0] == d["corrected"]


def test_a_source_change_under_a_correction_is_flagged(batch, tmp_path):
    from pipeline.batch import run_batch

    _root, src, out, _d, _ = batch
    work = tmp_path / "out"
    shutil.copytree(out, work)
    edited = src.parent / "src2"
    shutil.copytree(src, edited)
    p = edited / SEED.name
    # the second deadline's sentence now prints another date: the corrected value is gone
    text = p.read_text(encoding="utf-8").replace("4 月 10 日前上报到", "4 月 11 日前上报到", 1)
    p.write_text(text, encoding="utf-8")
    run_batch(edited, work, workers=1, quiet=True, fsync=False)
    con = sqlite3.connect(work / "index.sqlite")
    n_flags, flags = con.execute("SELECT n_flags, flags FROM notice_review WHERE path = ?",
                                 (SEED.name,)).fetchone()
    con.close()
    assert n_flags >= 1 and "missing" in flags


@pytest.mark.slow
def test_push_confirmed_only_sends_the_confirmed_deadline(batch, radicale):
    import caldav

    from pipeline.cli import main
    from test_caldav import PASSWORD, USER

    _root, _src, out, d, _ = batch
    r = CliRunner().invoke(main, ["push", str(out / f"{SEED.name}.json"), "--url", radicale,
                                  "--user", USER, "--calendar", "确认", "--confirmed-only"],
                           env={"CALDAV_PASSWORD": PASSWORD})
    assert r.exit_code == 0, r.output
    client = caldav.DAVClient(url=radicale, username=USER, password=PASSWORD)
    cal = next(c for c in client.principal().calendars() if c.get_display_name() == "确认")
    got = [str(e.icalendar_component.decoded("dtstart")) for e in cal.events()]
    assert got == [d["confirmed"]]

