"""``extract batch``: walk, resume, merged outputs, duplicates, exit codes (issue 6).

Archives are small folders of seed .txt notices with perturbed numbers, so each
run takes about a second with two worker processes.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.exports import atomic
from pipeline.batch import (ERRORS, INDEX, MANIFEST, SourceFile, WalkProblem, load_manifest,
                            run_batch, walk)
from pipeline.cli.batch import batch_cmd
from pipeline.exports.index import fingerprint

SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "seeds"
SEED_TXT = sorted(SEEDS.glob("*.txt"))


def variant(text: str, k: int) -> str:
    """Seed text with its 发文字号 serial and years shifted by ``k``: a different
    circular of the same shape (another number, another year)."""
    text = re.sub(r"([〔\[［(（])(\d{4})([〕\]］)）])(\d+)号",
                  lambda m: f"{m[1]}{int(m[2]) + k}{m[3]}{int(m[4]) + k}号", text)
    return re.sub(r"(20\d\d)年", lambda m: f"{int(m[1]) + k}年", text)


def make_archive(root: Path, n: int) -> Path:
    """``n`` notices spread over two year folders and a nested folder."""
    root.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        seed = SEED_TXT[k % len(SEED_TXT)]
        sub = root / ("2018" if k % 3 == 0 else "2019/区县" if k % 3 == 1 else ".")
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"通知{k:03d}.txt").write_text(variant(seed.read_text("utf-8"), k // 5 + 1),
                                             "utf-8")
    return root


def records(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.json"))}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return make_archive(tmp_path_factory.mktemp("arch") / "in", 12)


@pytest.fixture(scope="module")
def first_run(archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "out"
    jl = out.parent / "all.jsonl"
    res = run_batch(archive, out, workers=2, jsonl=str(jl), quiet=True)
    return out, jl, res


# ---------------------------------------------------------------- walk

def test_walk_sorted_skips_hidden_lock_and_unsupported(tmp_path):
    for rel in ["b.txt", "a/z.docx", "a/~$z.docx", ".hidden/x.txt", "a/.x.txt", "c.xyz",
                "a.pdf", "D/e.TXT"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x")
    got = [i.rel for i in walk(tmp_path)]
    assert got == ["D/e.TXT", "a/z.docx", "a.pdf", "b.txt"]


def test_walk_symlink_loop_and_alias_terminate(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "n.txt").write_text("x")
    os.symlink("..", tmp_path / "a" / "b" / "up")          # loop back to an ancestor
    os.symlink(tmp_path / "a" / "b", tmp_path / "alias")  # second path to a walked folder
    os.symlink("self.txt", tmp_path / "self.txt")         # link to itself
    items = list(walk(tmp_path))
    files = [i.rel for i in items if isinstance(i, SourceFile)]
    problems = {i.rel: i.reason for i in items if isinstance(i, WalkProblem)}
    assert files == ["a/b/n.txt"]
    assert problems == {"a/b/up": "symlink loop (points back to a parent folder)",
                        "self.txt": "symlink loop"}


def test_walk_excludes_output_folder_inside_input(tmp_path):
    (tmp_path / "n.txt").write_text("x")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.txt").write_text("x")
    assert [i.rel for i in walk(tmp_path, exclude=(str(tmp_path / "out"),))] == ["n.txt"]


# ---------------------------------------------------------------- a run and its outputs

def test_run_writes_one_record_per_file(first_run, archive):
    out, _jl, res = first_run
    assert (res.ok, res.failed, res.skipped) == (12, 0, 0)
    recs = records(out)
    assert len(recs) == 12
    assert "2018/通知000.txt.json" in recs and "2019/区县/通知001.txt.json" in recs
    rec = json.loads(recs["2018/通知000.txt.json"])
    assert rec["source"]["path"] == os.path.join(str(archive), "2018/通知000.txt")
    assert (out / ERRORS).read_text() == ""


def test_jsonl_in_walk_order(first_run, archive):
    _out, jl, _res = first_run
    paths = [json.loads(line)["source"]["path"] for line in jl.read_text("utf-8").splitlines()]
    expected = [os.path.join(str(archive), i.rel) for i in walk(archive)]
    assert paths == expected


def test_manifest_compacted_in_walk_order(first_run, archive):
    out, _jl, _res = first_run
    lines = [json.loads(x) for x in (out / MANIFEST).read_text("utf-8").splitlines()]
    assert [e["path"] for e in lines] == [i.rel for i in walk(archive)]
    assert all(set(e) == {"path", "sha256", "extractor_version", "output", "fingerprint",
                          "warnings"} for e in lines)


def test_index_answers_due_next_week(first_run):
    out, _jl, _res = first_run
    con = sqlite3.connect(out / INDEX)
    n, = con.execute("SELECT COUNT(*) FROM notices").fetchone()
    assert n == 12
    # 000 seed: "8月20日前" in 2017, shifted by the variant to 2018 for k=0..4
    rows = con.execute("""
        SELECT d.due, n.doc_number, d.action, n.path FROM deadlines d JOIN notices n USING (path)
        WHERE n.duplicate_of IS NULL AND d.due BETWEEN '2018-08-20' AND '2018-08-26'
        ORDER BY d.due, n.seq""").fetchall()
    assert ("2018-08-20", "松工总〔2018〕65号", "上报", "2018/通知000.txt") in rows


def test_second_run_skips_everything(first_run, archive, tmp_path):
    out, _jl, _res = first_run
    before = records(out)
    res = run_batch(archive, out, workers=2, quiet=True)
    assert (res.ok, res.failed, res.skipped) == (0, 0, 12)
    assert records(out) == before


def test_resume_redoes_changed_missing_and_reprocess(archive, tmp_path):
    src = tmp_path / "in"
    shutil.copytree(archive, src)
    out = tmp_path / "out"
    run_batch(src, out, workers=2, quiet=True)
    before = records(out)
    changed = src / "2018" / "通知003.txt"
    changed.write_text(variant(SEED_TXT[3].read_text("utf-8"), 40), "utf-8")
    (out / "2019/区县/通知004.txt.json").unlink()
    res = run_batch(src, out, workers=2, quiet=True)
    assert (res.ok, res.skipped) == (2, 10)
    assert json.loads((out / "2018/通知003.txt.json").read_bytes())["doc_number"]["text"] \
        == "杨工〔2058〕54号"
    assert records(out)["2019/区县/通知004.txt.json"] == before["2019/区县/通知004.txt.json"]
    res = run_batch(src, out, workers=2, quiet=True, reprocess=True)
    assert (res.ok, res.skipped) == (12, 0)


def test_changed_extractor_version_redoes(archive, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run_batch(archive, out, workers=1, quiet=True)
    import pipeline.stages.run
    monkeypatch.setattr(pipeline.stages.run, "EXTRACTOR_VERSION", "test-bump")
    res = run_batch(archive, out, workers=1, quiet=True)
    assert (res.ok, res.skipped) == (12, 0)


# ---------------------------------------------------------------- duplicates

def test_same_circular_as_txt_and_docx_is_linked(tmp_path):
    src = tmp_path / "in"
    (src / "word").mkdir(parents=True)
    for stem in ("001_dde7b99b86b616a6", "003_0fb55c4c84d933ae"):
        shutil.copy(SEEDS / f"{stem}.txt", src / f"{stem}.txt")
        shutil.copy(SEEDS / f"{stem}.docx", src / "word" / f"{stem}.docx")
    out = tmp_path / "out"
    res = run_batch(src, out, workers=2, quiet=True)
    assert (res.ok, res.duplicates) == (4, 2)
    con = sqlite3.connect(out / INDEX)
    got = con.execute("SELECT path, duplicate_of FROM notices ORDER BY seq").fetchall()
    assert got == [("001_dde7b99b86b616a6.txt", None), ("003_0fb55c4c84d933ae.txt", None),
                   ("word/001_dde7b99b86b616a6.docx", "001_dde7b99b86b616a6.txt"),
                   ("word/003_0fb55c4c84d933ae.docx", "003_0fb55c4c84d933ae.txt")]
    assert con.execute("SELECT n_copies FROM documents").fetchall() == [(2,), (2,)]


@pytest.mark.parametrize("a, b, same", [
    # the title as read from Word vs from a PDF line break, full-width vs half-width marks
    ({"title": {"text": "关于开展“安康杯”竞赛的通知"}, "signed_date": "2018-02-28"},
     {"title": {"text": "关于开展\"安康杯\"竞赛\n的通知"}, "signed_date": "2018-02-28"}, True),
    ({"doc_number": {"text": "长总工〔2018〕4号"}}, {"doc_number": {"text": "长总工[2018]4号"}}, True),
    # same title, different year: two circulars
    ({"title": {"text": "关于开展劳动竞赛的通知"}, "signed_date": "2018-02-28"},
     {"title": {"text": "关于开展劳动竞赛的通知"}, "signed_date": "2019-02-28"}, False),
    ({"title": {"text": "关于开展劳动竞赛的通知"}, "issuers": [{"name": "甲县总工会"}]},
     {"title": {"text": "关于开展劳动竞赛的通知"}, "issuers": [{"name": "乙县总工会"}]}, False),
])
def test_fingerprint(a, b, same):
    assert (fingerprint(a) == fingerprint(b)) is same


def test_fingerprint_falls_back_to_body_without_page_numbers():
    a = fingerprint({}, ["会议纪要", "各单位：", "— 1 —", "请按时参加。"])
    b = fingerprint({}, ["会议纪要 各单位：", "请按时参加。", "-2-"])
    assert a == b != fingerprint({}, ["会议纪要", "请按时参加！不要迟到"])


# ---------------------------------------------------------------- manifest robustness

def test_manifest_tolerates_torn_last_line(tmp_path):
    m = tmp_path / MANIFEST
    good = {"path": "a.txt", "sha256": "00", "extractor_version": "v", "output": "a.txt.json"}
    m.write_text(json.dumps(good) + "\n" + '{"path": "b.txt", "sha2', "utf-8")
    assert list(load_manifest(m)) == ["a.txt"]
    assert m.read_text("utf-8") == json.dumps(good) + "\n"   # the torn tail is cut off


def test_atomic_write_leaves_old_file_on_error_and_cleans_temps(tmp_path):
    target = tmp_path / "r.json"
    atomic.atomic_write_text(target, "old")
    with pytest.raises(RuntimeError):
        with atomic.atomic_open(target) as f:
            f.write("new, half")
            raise RuntimeError("killed")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]
    stale = tmp_path / ".r.json.abcd_123.extract-tmp"
    stale.write_text("x")
    users = tmp_path / ".notes.abcd_123.tmp"  # a user's own temporary-looking file: kept
    users.write_text("mine")
    assert atomic.remove_stale_temps(tmp_path) == 1 and not stale.exists() and users.exists()


# ---------------------------------------------------------------- CLI

def test_cli_exit_0_and_summary(archive, tmp_path):
    r = CliRunner().invoke(batch_cmd, [str(archive), "--out", str(tmp_path / "o"), "-j", "2"])
    assert r.exit_code == 0, r.output
    assert "batch: 12 ok, 0 failed, 0 skipped" in r.output


@pytest.mark.parametrize("args, message", [
    (["{missing}", "--out", "{tmp}/o"], "no such folder"),
    (["{archive}", "--out", "{tmp}/o", "--scheduler", "nonsense"], "expected 'local' or tcp://"),
])
def test_cli_usage_errors_exit_2_one_line(archive, tmp_path, args, message):
    (tmp_path / "f").write_text("a file, not a folder")
    args = [a.format(missing=tmp_path / "nope", tmp=tmp_path, archive=archive,
                     file=tmp_path / "f") for a in args]
    r = CliRunner().invoke(batch_cmd, args)
    assert r.exit_code == 2
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("extract batch: error:")
    assert not (tmp_path / "o").exists()


def test_cli_unwritable_output_exit_5_one_line(archive, tmp_path):
    """README: 5 = output not writable (here OUTDIR's parent is a file)."""
    (tmp_path / "f").write_text("a file, not a folder")
    r = CliRunner().invoke(batch_cmd, [str(archive), "--out", str(tmp_path / "f" / "o")])
    lines = r.output.strip().splitlines()
    assert r.exit_code == 5 and len(lines) == 1 and "output folder is not writable" in lines[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_cli_read_only_output_exit_5(archive, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        r = CliRunner().invoke(batch_cmd, [str(archive), "--out", str(ro)])
    finally:
        ro.chmod(0o755)
    assert r.exit_code == 5 and "not writable" in r.output


def test_cli_jsonl_to_stdout_ics_and_progress_bar(archive, tmp_path):
    ics = tmp_path / "due.ics"
    r = CliRunner().invoke(
        batch_cmd, [str(archive), "-o", str(tmp_path / "o"), "-j", "2", "--jsonl", "-",
                    "--ics", str(ics), "--progress"])
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 12 and all(json.loads(x)["source"]["path"] for x in lines)
    cal = ics.read_text("utf-8")
    assert cal.startswith("BEGIN:VCALENDAR") and cal.count("BEGIN:VEVENT") >= 12
    assert "12/12" in r.stderr   # the bar's M/N column


def test_out_must_not_be_in(archive):
    r = CliRunner().invoke(batch_cmd, [str(archive), "--out", str(archive)])
    assert r.exit_code == 2 and "must not be the input folder" in r.output
