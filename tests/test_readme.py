"""The README's commands run as printed.

Every ```bash block of README.md is split into commands; those that need no
network, server or package download are run, in order, with bash in a
scratch folder holding a link to ``corpus/`` and an ``archive/`` of notices
in sub-folders (what the Examples call ``archive/``). A command that fails
fails the test with its output. Commands that need what a test machine has
not got are skipped by rule (:data:`NEEDS_OUTSIDE`), each with its reason,
and are covered elsewhere (CalDAV/CardDAV against a local Radicale in
tests/test_caldav.py and tests/test_carddav.py).

Also: the "Dependencies and why" table names exactly the runtime
dependencies of pyproject.toml, and spaCy is not one of them.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SEEDS = ROOT / "corpus" / "seeds"

# (pattern, why the command cannot run here)
NEEDS_OUTSIDE = [
    (re.compile(r"\bpip install\b|\bpython3 -m venv\b"), "installs packages from the registry"),
    (re.compile(r"\bapt-get\b"), "installs system packages"),
    (re.compile(r"\bextract push\b"), "needs a CalDAV server (tests/test_caldav.py)"),
    (re.compile(r"--push-carddav"), "needs a CardDAV server (tests/test_carddav.py)"),
    (re.compile(r"--scheduler\s+tcp://"), "needs a Dask scheduler"),
    (re.compile(r"https?://(?!127\.0\.0\.1|localhost)"), "talks to a remote host"),
    (re.compile(r"\bextract serve\b"), "a server that runs until stopped (tests/test_review_*.py)"),
]
# `extract eval corpus/` re-extracts the whole corpus (about 2 minutes): run
# only when RUN_README_EVAL=1 (CI sets nothing; tests/test_evaluate.py covers eval).
SLOW = [(re.compile(r"^extract eval corpus/?(\s|$)"), "RUN_README_EVAL")]


def bash_commands(text: str) -> list[str]:
    """The commands of every ```bash block, comments and blank lines removed,
    backslash continuations joined."""
    out: list[str] = []
    for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S):
        block = block.replace("\\\n", " ")
        for line in block.splitlines():
            cmd = re.sub(r"\s+#\s.*$", "", line).strip()
            if cmd and not cmd.startswith("#"):
                out.append(cmd)
    return out


def skip_reason(cmd: str) -> str | None:
    for pat, why in NEEDS_OUTSIDE:
        if pat.search(cmd):
            return why
    for pat, env in SLOW:
        if pat.search(cmd) and os.environ.get(env) != "1":
            return f"slow; set {env}=1 to run it"
    return None


def _scratch(tmp_path: Path) -> Path:
    """A folder with ``corpus`` (link) and ``archive/`` holding two circulars
    in sub-folders, one of them as .docx and .pdf."""
    (tmp_path / "corpus").symlink_to(ROOT / "corpus")
    for stem, sub in (("002_a6ecc3133544287b", "2021"), ("003_0fb55c4c84d933ae", "2018")):
        d = tmp_path / "archive" / sub
        d.mkdir(parents=True, exist_ok=True)
        for ext in (".docx", ".pdf"):
            shutil.copy(SEEDS / f"{stem}{ext}", d / f"{stem}{ext}")
    return tmp_path


def test_readme_commands_run_as_printed(tmp_path):
    cmds = bash_commands(README.read_text(encoding="utf-8"))
    assert any(c.startswith("sqlite3 ") for c in cmds)
    work = _scratch(tmp_path)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    has_sqlite = shutil.which("sqlite3") is not None
    ran, failures = [], []
    prelude: list[str] = []  # shell options (shopt/set) carry over to later commands
    for cmd in cmds:
        why = skip_reason(cmd) or (None if has_sqlite or not cmd.startswith("sqlite3 ")
                                   else "the sqlite3 program is not installed")
        if why:
            print(f"skipped: {cmd[:60]}… — {why}")
            continue
        if re.match(r"^(shopt|set)\s", cmd):
            prelude.append(cmd)
            continue
        script = "\n".join([*prelude, cmd])
        r = subprocess.run(["bash", "-c", script], cwd=work, env=env, capture_output=True,
                           text=True, timeout=300)
        ran.append(cmd)
        if r.returncode != 0:
            failures.append(f"{cmd}\n  exit {r.returncode}: {(r.stderr or r.stdout)[-400:]}")
    assert not failures, "\n".join(failures)
    assert len(ran) >= 8
    assert (work / "records" / "index.sqlite").exists() and (work / "deadlines.ics").exists()
    assert (work / "forms").is_dir() and any((work / "forms").glob("*.docx"))
    assert (work / "通讯录.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_readme_sql_selects_from_real_columns(tmp_path):
    """The SQL of the README, run on an index built by batch, returns the
    due dates it names (with `now` replaced by a date the seeds fall in)."""
    import sqlite3

    sql = next(re.search(r'"(SELECT .*?)"', c).group(1)
               for c in bash_commands(README.read_text(encoding="utf-8"))
               if c.startswith("sqlite3 "))
    work = _scratch(tmp_path)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(["extract", "batch", "archive/", "--out", "records/", "--workers", "1"],
                   cwd=work, env=env, check=True, capture_output=True, timeout=900)
    con = sqlite3.connect(work / "records" / "index.sqlite")
    rows = con.execute(sql.replace("'now'", "'2021-07-18'")).fetchall()
    assert rows and all(len(r) == 3 for r in rows)
    assert "2021-07-22" in {r[0] for r in rows}


def test_dependency_table_matches_pyproject():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {re.match(r"[A-Za-z0-9._-]+", d).group(0).lower() for d in deps}
    assert "spacy" not in names
    text = README.read_text(encoding="utf-8")
    section = text.split("## Dependencies and why", 1)[1].split("\n## ", 1)[0]
    rows = {m.group(1).lower() for m in re.finditer(r"^\| `([A-Za-z0-9._\-\[\]]+)`", section, re.M)}
    rows = {re.sub(r"\[.*\]", "", r) for r in rows}
    assert names <= rows, names - rows
    assert "spacy" in section.lower()  # the measured reason for leaving it out
