"""Shared fixtures, and the schema check of every record the tests produce.

Every ``Notice`` that ``pipeline.stages.run.extract_document`` returns during the
session is kept (as JSON) and, at the end, validated against the JSON Schema
that ``extract schema`` prints; an invalid record fails the run.
"""
from __future__ import annotations

import json
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
