"""A folder of bad inputs: the batch finishes, every bad file is in
errors.jsonl with its reason, and every good file has its record (issue 6)."""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.batch import ERRORS
from pipeline.cli.batch import batch_cmd

sys.path.insert(0, str(Path(__file__).parent))
from test_batch import SEED_TXT, SEEDS, variant  # noqa: E402

ROOT_USER = os.geteuid() == 0


def recipe_docx(path: Path) -> None:
    """A Word file that is not a circular: no 发文机关, 发文字号, 标题 or 主送机关."""
    import docx
    d = docx.Document()
    for line in ["红烧肉的做法", "材料：五花肉500克，冰糖30克，生抽两勺。",
                 "1. 五花肉切块，冷水下锅焯水。", "2. 小火炒糖色，放入肉块翻炒上色。"]:
        d.add_paragraph(line)
    d.save(path)


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    src = tmp_path_factory.mktemp("bad") / "in"
    (src / "good").mkdir(parents=True)
    (src / "bad").mkdir()
    for k, seed in enumerate(SEED_TXT[:3]):
        (src / "good" / f"n{k}.txt").write_text(variant(seed.read_text("utf-8"), k), "utf-8")
    shutil.copy(next(SEEDS.glob("*.docx")), src / "good" / "word.docx")
    (src / "bad" / "corrupt.docx").write_bytes(b"PK\x03\x04" + b"\x00garbage" * 40)
    (src / "bad" / "empty.txt").write_bytes(b"")
    (src / "bad" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    with open(src / "bad" / "huge.pdf", "wb") as f:  # 50 MB, sparse
        f.write(b"%PDF-1.4\n")
        f.truncate(50 * 1024 * 1024)
    recipe_docx(src / "bad" / "recipe.docx")
    os.symlink("..", src / "bad" / "loop")           # folder link back to its parent
    os.symlink("self.txt", src / "bad" / "self.txt")  # a link to itself
    (src / "bad" / "~$corrupt.docx").write_bytes(b"\x00lock")  # Word lock file: skipped
    (src / "bad" / ".~hidden.txt").write_bytes(b"")             # hidden: skipped
    if not ROOT_USER:
        locked = src / "bad" / "locked.txt"
        locked.write_text("关于开展劳动竞赛的通知", "utf-8")
        locked.chmod(0o000)
    out = src.parent / "out"
    r = CliRunner().invoke(batch_cmd, [str(src), "--out", str(out), "-j", "2"])
    if not ROOT_USER:
        (src / "bad" / "locked.txt").chmod(0o644)
    errors = [json.loads(x) for x in (out / ERRORS).read_text("utf-8").splitlines()]
    return src, out, r, {e["file"]: e for e in errors}


def test_batch_finishes_with_exit_1(bad_run):
    _src, _out, r, _errors = bad_run
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output
    failed = 6 if ROOT_USER else 7
    assert r.output.splitlines()[-1].startswith(f"batch: 5 ok, {failed} failed, 0 skipped, "
                                                f"1 warnings")


@pytest.mark.parametrize("rel, stage, error, reason", [
    ("bad/binary.txt", "read", "UnsupportedFormatError", "not a supported document format"),
    ("bad/corrupt.docx", "read", "DocumentLoadError", "corrupt"),
    ("bad/empty.txt", "read", "UnsupportedFormatError", "empty file"),
    ("bad/huge.pdf", "read", "FileTooLarge", "file too large (50 MB > 40 MB limit"),
    ("bad/loop", "walk", "SymlinkLoop", "symlink loop"),
    ("bad/self.txt", "walk", "SymlinkLoop", "symlink loop"),
    ("bad/recipe.docx", "extract", "not_a_circular", "not a circular"),
])
def test_each_bad_file_listed_with_reason(bad_run, rel, stage, error, reason):
    src, _out, _r, errors = bad_run
    e = errors[rel]
    assert (e["stage"], e["error"]) == (stage, error)
    assert reason in e["message"]
    assert e["message"].startswith(str(src / rel) + ": ") and "\n" not in e["message"]


@pytest.mark.skipif(ROOT_USER, reason="root reads files whatever their mode")
def test_unreadable_file_listed(bad_run):
    _src, _out, _r, errors = bad_run
    assert "permission denied" in errors["bad/locked.txt"]["message"]


def test_good_files_all_have_records(bad_run):
    _src, out, _r, errors = bad_run
    for rel in ["good/n0.txt", "good/n1.txt", "good/n2.txt", "good/word.docx"]:
        rec = json.loads((out / f"{rel}.json").read_bytes())
        assert rec["title"]["text"]
        assert rel not in errors
    # the non-circular still gets its (empty) record, flagged as a warning
    assert json.loads((out / "bad/recipe.docx.json").read_bytes())["title"] is None
    assert errors["bad/recipe.docx"]["severity"] == "warning"
    assert not (out / "bad/corrupt.docx.json").exists()


def test_only_bad_files_listed(bad_run):
    _src, _out, _r, errors = bad_run
    expected = {"bad/binary.txt", "bad/corrupt.docx", "bad/empty.txt", "bad/huge.pdf",
                "bad/loop", "bad/self.txt", "bad/recipe.docx"} | (
                    set() if ROOT_USER else {"bad/locked.txt"})
    assert set(errors) == expected
