"""Shared fixtures, and the schema check of every record the tests produce.

Every ``Notice`` that ``pipeline.stages.run.extract_document`` returns during the
session is kept (as JSON) and, at the end, validated against the JSON Schema
that ``extract schema`` prints; an invalid record fails the run.
"""
from __future__ import annotations

import contextlib
import json
import subprocess
from pathlib import Path

import pytest

import pipeline.stages.run as _run

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEEDS = CORPUS / "seeds"
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))

_RECORDS: list[dict] = []
_original = _run.extract_document


def _recording_extract_document(doc):
    notice = _original(doc)
    if len(_RECORDS) < 5000:
        _RECORDS.append(notice.model_dump(mode="json"))
    return notice


_run.extract_document = _recording_extract_document


def pytest_sessionfinish(session, exitstatus):
    if not _RECORDS:
        return
    import jsonschema
    from click.testing import CliRunner

    from pipeline.cli import main

    out = CliRunner().invoke(main, ["schema"])
    schema = json.loads(out.output)
    validator = jsonschema.Draft202012Validator(schema)
    bad = []
    for rec in _RECORDS:
        errors = list(validator.iter_errors(rec))
        if errors:
            bad.append(f"{rec['source']['path']}: {errors[0].message}")
    tr = session.config.pluginmanager.get_plugin("terminalreporter")
    if bad:
        if tr:
            tr.write_line(f"schema check: {len(bad)} of {len(_RECORDS)} records invalid", red=True)
            for b in bad[:20]:
                tr.write_line("  " + b)
        session.exitstatus = 1
    elif tr:
        tr.write_line(f"schema check: all {len(_RECORDS)} records valid against `extract schema`")


@pytest.fixture(scope="session")
def seed_ids():
    return SEED_IDS


def stop_process(proc: subprocess.Popen, timeout: float = 30) -> None:
    """Stop a server a test started: terminate, wait up to ``timeout`` s, then kill."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_radicale(folder: Path, user: str, password: str):
    """Start ``python -m radicale`` on a free 127.0.0.1 port with htpasswd
    auth (plain, one ``user``) and storage under ``folder``; yield its URL and
    stop it afterwards (ECOSYSTEM.md §3). The log goes to a file: nobody reads
    a pipe while tests run, and Radicale blocks once its log fills one."""
    import socket
    import sys
    import time

    pytest.importorskip("radicale")
    (folder / "users").write_text(f"{user}:{password}\n")
    port = free_port()
    log = folder / "radicale.log"
    with log.open("wb") as log_f:
        proc = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", "",
             "--server-hosts", f"127.0.0.1:{port}",
             "--auth-type", "htpasswd", "--auth-htpasswd-filename", str(folder / "users"),
             "--auth-htpasswd-encryption", "plain", "--rights-type", "owner_only",
             "--storage-filesystem-folder", str(folder / "storage")],
            stdout=subprocess.DEVNULL, stderr=log_f)
    try:
        limit = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > limit:
                    raise RuntimeError("radicale did not start: " + log.read_text()[-500:])
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop_process(proc, 10)
