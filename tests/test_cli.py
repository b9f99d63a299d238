"""What a terminal user meets (issue 12 item 6), outputs that honour the
umask (issue 12 item 5), and README's exit-code table checked against what
each class of bad input really returns (issue 15 "Done when")."""
from __future__ import annotations

import os
import re
import socket
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"
SEED_TXT = SEEDS / "002_a6ecc3133544287b.txt"
SEED_DOCX = SEEDS / "001_dde7b99b86b616a6.docx"
DOC = ROOT / "corpus" / "formats" / "fmt_002_doc.doc"


def run(args, *, cwd=None, env=None, umask=None, stdin=subprocess.DEVNULL, timeout=300):
    def pre():
        if umask is not None:
            os.umask(umask)
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, stdin=stdin,
                          env={**os.environ, **(env or {})}, preexec_fn=pre)


def one_line(stderr: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


# ---------------------------------------------------------------- unknown command, two files, push

@pytest.mark.parametrize("word, hint", [
    ("tabels", "did you mean 'tables'"),
    ("bacth", "did you mean 'batch'"),
    ("frobnicate", "commands: batch"),
])
def test_unknown_subcommand_says_so_and_lists_the_commands(tmp_path, word, hint):
    r = run([word, "x.docx"], cwd=tmp_path)
    assert r.returncode == 2
    line = one_line(r.stderr)
    assert f"no such command or file '{word}'" in line and hint in line
    assert all(c in line for c in ("batch", "contacts", "ics", "push", "tables"))


def test_a_file_that_looks_like_a_word_is_still_a_file(tmp_path):
    """A notice saved without a suffix is read, not taken for a typo."""
    (tmp_path / "tabels").write_bytes(SEED_TXT.read_bytes())
    r = run(["tabels", "--compact"], cwd=tmp_path)
    assert r.returncode == 0, r.stderr


def test_two_notices_point_to_batch(tmp_path):
    r = run([SEED_DOCX, SEED_TXT])
    assert r.returncode == 2 and "extract batch DIR --out OUTDIR" in one_line(r.stderr)


def test_push_without_password_and_terminal_exits_2_with_one_line():
    env = {k: v for k, v in os.environ.items() if k != "CALDAV_PASSWORD"}
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "push", str(SEED_TXT), "--url",
                        "http://127.0.0.1:9/", "--user", "union"], capture_output=True, text=True,
                       stdin=subprocess.DEVNULL, env=env, timeout=300)
    assert r.returncode == 2
    line = one_line(r.stderr)   # no GetPassWarning, no "Aborted!"
    assert "CALDAV_PASSWORD" in line and "union" in line


# ---------------------------------------------------------------- umask

@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_honour_the_umask(tmp_path, umask, mode):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(SEED_TXT.read_bytes())
    assert run([src / "a.txt", "-o", tmp_path / "a.json"], umask=umask).returncode == 0
    assert run(["ics", src / "a.txt", "-o", tmp_path / "a.ics"], umask=umask).returncode == 0
    r = run(["batch", src, "--out", tmp_path / "out", "-j", "1", "-q", "--jsonl",
             tmp_path / "all.jsonl"], umask=umask)
    assert r.returncode == 0, r.stderr
    outs = [tmp_path / "a.json", tmp_path / "a.ics", tmp_path / "all.jsonl",
            tmp_path / "out" / "a.txt.json", tmp_path / "out" / "index.sqlite",
            tmp_path / "out" / "manifest.jsonl", tmp_path / "out" / "errors.jsonl"]
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in outs} == \
        {p.name: oct(mode) for p in outs}


def test_replacing_a_file_keeps_its_mode(tmp_path):
    out = tmp_path / "a.json"
    out.write_text("{}")
    out.chmod(0o640)
    assert run([SEED_TXT, "-o", out], umask=0o022).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_text().startswith("{\n")


# ---------------------------------------------------------------- README's exit-code table

def readme_exit_codes() -> dict[int, str]:
    """{code: meaning} from the README table under "Exit codes"."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Exit codes", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\|\s*(\d+)\s*\|\s*([^|]+?)\s*\|", section, re.M)
    return {int(code): meaning for code, meaning in rows}


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _make(tmp: Path, kind: str) -> list:
    """The command line of one bad-input case (files made in ``tmp``)."""
    if kind == "fifo":
        os.mkfifo(tmp / "pipe.txt")
        return [tmp / "pipe.txt"]
    if kind == "folder":
        (tmp / "x.docx").mkdir()
        return [tmp / "x.docx"]
    if kind == "binary":
        (tmp / "b.txt").write_bytes(bytes(range(256)) * 8)
        return [tmp / "b.txt"]
    if kind == "too large":
        (tmp / "big.txt").write_bytes(SEED_TXT.read_bytes() * 400)
        return [tmp / "big.txt", "--max-size", "1"]
    if kind == "onto input":
        (tmp / "a.docx").write_bytes(SEED_DOCX.read_bytes())
        return [tmp / "a.docx", "-o", tmp / "a.docx"]
    if kind == "locked outdir":
        (tmp / "out").mkdir()
        return ["batch", SEEDS, "--out", tmp / "out"]  # the test holds the lock on tmp/out
    if kind == "below a file":
        (tmp / "f").write_text("a file, not a folder")
        return [SEED_TXT, "-o", tmp / "f" / "a.json"]
    if kind == "batch with a bad file":
        (tmp / "in").mkdir()
        (tmp / "in" / "ok.txt").write_bytes(SEED_TXT.read_bytes())
        (tmp / "in" / "bad.docx").write_bytes(b"PK\x03\x04 not a zip")
        return ["batch", tmp / "in", "--out", tmp / "out", "-j", "1", "-q"]
    raise AssertionError(kind)


# (what the README row says, the case): every class a user can hit
EXIT_CASES = [
    ("usage error", lambda t: ["tabels", "x.docx"]),
    ("usage error", lambda t: [SEED_DOCX, SEED_TXT]),
    ("usage error", lambda t: _make(t, "onto input")),
    ("usage error", lambda t: _make(t, "locked outdir")),
    ("missing optional component", lambda t: [DOC]),           # with SOFFICE_BIN unset below
    ("unreadable input", lambda t: [t / "missing.docx"]),
    ("unreadable input", lambda t: _make(t, "fifo")),
    ("unreadable input", lambda t: _make(t, "folder")),
    ("unreadable input", lambda t: _make(t, "binary")),
    ("unreadable input", lambda t: _make(t, "too large")),
    ("output not writable", lambda t: _make(t, "below a file")),
    ("output not writable", lambda t: ["batch", SEEDS, "--out", SEED_TXT / "out"]),
    ("calendar or address-book server error", lambda t: ["push", SEED_TXT, "--url",
                                         f"http://127.0.0.1:{_closed_port()}/", "--user", "u"]),
    ("some files failed", lambda t: _make(t, "batch with a bad file")),
]


def test_readme_has_an_exit_code_table():
    table = readme_exit_codes()
    assert set(table) >= {0, 1, 2, 3, 4, 5, 6}


@pytest.mark.parametrize("expected, case", EXIT_CASES,
                         ids=[f"{e}-{k}" for k, (e, _c) in enumerate(EXIT_CASES)])
def test_exit_code_matches_the_readme_table(tmp_path, expected, case):
    from pipeline.batch.lock import OutdirLock

    table = readme_exit_codes()
    (code,) = [c for c, meaning in table.items() if meaning.lower().startswith(expected)]
    args = case(tmp_path)
    env = {"CALDAV_PASSWORD": "pw", "SOFFICE_BIN": "/nonexistent/soffice"}
    if (tmp_path / "out").is_dir():   # the "another batch holds OUTDIR" case
        with OutdirLock(tmp_path / "out"):
            r = run(args, env=env)
    else:
        r = run(args, env=env)
    assert r.returncode == code, (expected, r.stderr)
    if code not in (0, 1):
        one_line(r.stderr)


def test_index_is_a_database_and_readable_by_others(tmp_path):
    """index.sqlite made through atomic_path is a real database with the umask's mode."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(SEED_TXT.read_bytes())
    assert run(["batch", src, "--out", tmp_path / "out", "-q"], umask=0o022).returncode == 0
    con = sqlite3.connect(tmp_path / "out" / "index.sqlite")
    assert con.execute("SELECT count(*) FROM notices").fetchone() == (1,)
