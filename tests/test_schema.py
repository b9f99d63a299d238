"""``extract schema``: a JSON Schema a validator and a reader can use — its
dialect and id, a description on every property, ``required`` for what
every record writes — and the deadline rule the schema cannot express:
dated, or relative with its anchor text, never neither."""
from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from models.common import Evidence
from models.deadlines import Deadline
from models.notice import SCHEMA_VERSION
from pipeline.cli import main
from pipeline.stages.run import extract_file
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def schema() -> dict:
    r = CliRunner().invoke(main, ["schema"])
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


def _objects(schema: dict):
    """(name, object schema) of the record and every $defs entry."""
    yield "Notice", schema
    yield from schema["$defs"].items()


def test_dialect_and_id(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(SCHEMA_VERSION) and ":" in schema["$id"]
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_property_has_a_description(schema):
    missing = [f"{name}.{prop}" for name, obj in _objects(schema)
               for prop, sub in obj.get("properties", {}).items()
               if not (sub.get("description") or "").strip()]
    assert missing == []
    assert all(obj.get("description") for _name, obj in _objects(schema))


def test_required_is_what_every_record_writes(schema):
    """Every property is required except the two Evidence keys left out for
    text-layer values; a record of a seed has them all."""
    for name, obj in _objects(schema):
        props = set(obj.get("properties", {}))
        optional = {"ocr", "confidence"} if name == "Evidence" else set()
        assert set(obj.get("required", [])) == props - optional, name
    rec = extract_file(SEEDS / "003_0fb55c4c84d933ae.txt").model_dump(mode="json")
    jsonschema.validate(rec, schema)
    for key in ("source", "deadlines", "warnings"):
        broken = {k: v for k, v in rec.items() if k != key}
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


def test_evidence_keys_omitted_for_text_layer_validate(schema):
    ev = Evidence(block=0, start=0, end=2, quote="通知").model_dump(mode="json")
    assert "ocr" not in ev
    jsonschema.validate(ev, {**schema["$defs"]["Evidence"], "$defs": schema["$defs"]})


@pytest.mark.parametrize("kwargs,ok", [
    (dict(due=dt.date(2023, 6, 2), text="6月2日前报送"), True),
    (dict(due=None, relative=True, anchor="活动结束后15个工作日内",
          text="请于活动结束后15个工作日内报送总结"), True),
    (dict(due=None, relative=True, text="收到通知后5日内报名"), True),   # old records: text only
    (dict(due=None, text="6月2日前报送"), False),                         # dateless, not relative
    (dict(due=None, relative=False, action="报送"), False),
    (dict(due=dt.date(2023, 6, 2), relative=True, text="活动结束后…"), False),
    (dict(due=None, relative=True), False),                               # no anchor text
])
def test_deadline_is_dated_or_relative(kwargs, ok):
    if ok:
        Deadline(**kwargs)
    else:
        with pytest.raises(ValidationError):
            Deadline(**kwargs)


@pytest.mark.parametrize("text,n_dated,n_relative,n_warnings", [
    # no year in the text and none in the document: a warning, no deadline
    ("请各单位于9月5日前上报活动方案。", 0, 0, 1),
    # relative: kept with its anchor text
    ("请于活动结束后15个工作日内报送活动总结。", 0, 1, 0),
    # the same date with a year printed is an ordinary deadline
    ("请各单位于2019年9月5日前上报活动方案。", 1, 0, 0),
])
def test_extracted_deadlines_are_dated_or_relative(tmp_path, text, n_dated, n_relative,
                                                   n_warnings):
    p = tmp_path / "n.txt"
    p.write_text(f"关于开展宣传月活动的通知\n\n各县（市、区）总工会：\n\n{text}\n", encoding="utf-8")
    rec = extract_file(p)
    dated = [d for d in rec.deadlines if d.due is not None]
    relative = [d for d in rec.deadlines if d.relative]
    assert (len(dated), len(relative), len(rec.deadlines)) == (n_dated, n_relative,
                                                               n_dated + n_relative)
    assert all(d.anchor for d in relative)
    assert sum(w.code == "bad_date" for w in rec.warnings) == n_warnings
