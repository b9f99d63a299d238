"""Archive search with jieba (issue 13, item 3): tokenisation, ten queries
written as a clerk would over the corpus (expected notice first), filters,
``extract search``, punctuation-only queries, token reuse on rebuild, and
jieba never loaded by a plain ``extract notice``."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.exports import search as srch

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text, words", [
    ("工人先锋号", ["工人", "先锋", "先锋号"]),          # search mode: the word and its parts
    ("劳动竞赛报名", ["劳动", "竞赛", "劳动竞赛", "报名"]),
    ("QQ群：435746438", ["qq", "群", "435746438"]),
])
def test_index_tokens_search_mode(text, words):
    assert srch.index_tokens(text).split() == words


@pytest.mark.parametrize("query, tokens", [
    ("工人先锋号", ["工人", "先锋号"]),                  # plain mode at query time
    ("劳动竞赛 报名", ["劳动竞赛", "报名"]),
    ("截止 推荐 会费", ["截止", "推荐", "会费"]),        # two-character words stay words
    ("，。！？、", []),                                  # punctuation only: nothing to search
    ("   ", []),
    ("“安康杯”", ["安康杯"]),
])
def test_query_tokens_plain_mode(query, tokens):
    assert srch.query_tokens(query) == tokens


# Ten queries a clerk would type to find a circular they remember, and the
# notice that must come first (corpus/notices, corpus/seeds).
CLERK_QUERIES = [
    ("金秋助学", "n02_no_docnumber.txt"),
    ("工会经费 收缴", "n07_office_header.txt"),
    ("疫情 困难职工 帮扶", "n19_afternoon_deadline.txt"),
    ("互助保障 参保", "n14_federation_month_end.txt"),
    ("驾驶员 技能竞赛", "n16_before_month_merged.txt"),
    ("安康杯 知识竞赛", "n04_header_no_wenjian.txt"),   # not the 安康杯 班组 competition
    ("安康杯 班组", "n21_impossible_date.txt"),
    ("工人先锋号 示范", "001_dde7b99b86b616a6.txt"),
    ("推荐 先进个人", "n08_chinese_date_spaced_docno.txt"),
    ("春风行动 就业援助", "n12_attachment_sent_separately.txt"),
    ("重点工程 劳动竞赛", "n11_three_side_by_side_merged.txt"),
]


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory):
    """A batch output folder of the first 23 corpus notices (n*) and the
    seeds (.txt): a fixed archive, so notices added to the corpus later for
    other fields do not reorder the expected answers."""
    from pipeline.batch import run_batch

    root = tmp_path_factory.mktemp("search")
    src = root / "src"
    src.mkdir()
    for p in [*sorted((ROOT / "corpus" / "notices").glob("n*.txt")),
              *sorted((ROOT / "corpus" / "seeds").glob("*.txt"))]:
        shutil.copy(p, src / p.name)
    res = run_batch(src, root / "out", workers=2, quiet=True, fsync=False)
    assert res.failed == 0
    return root / "out"


@pytest.mark.parametrize("query, expected", CLERK_QUERIES)
def test_clerk_queries_rank_the_expected_notice_first(corpus_index, query, expected):
    hits = srch.search(corpus_index / "index.sqlite", query)
    assert hits and hits[0].path == expected, [h.path for h in hits[:3]]


def test_every_query_word_is_required_and_highlighted(corpus_index):
    hits = srch.search(corpus_index / "index.sqlite", "劳动竞赛 报名")
    assert hits
    marked = {t for t, m in hits[0].snippet if m}
    assert {"劳动竞赛", "报名"} <= marked
    for h in hits:
        text = (corpus_index / h.record_path).read_text(encoding="utf-8")
        assert "报名" in text or "报名" in "".join(t for t, _ in h.snippet)


@pytest.mark.parametrize("query", ["，，。", "!!!", "“”", "   "])
def test_punctuation_only_query_gives_an_empty_result(corpus_index, query):
    from pipeline.cli import main

    assert srch.search(corpus_index / "index.sqlite", query) == []
    r = CliRunner().invoke(main, ["search", query, "--index", str(corpus_index)])
    assert r.exit_code == 0 and r.stdout == ""


@pytest.mark.parametrize("query, filters, expected", [
    ("技能", {"issuer": "杭州"}, ["n01_joint_issuers.txt"]),
    ("安康杯", {"year": 2017}, ["n04_header_no_wenjian.txt", "n21_impossible_date.txt"]),
    ("安康杯", {"year": 2016}, []),
    # due on or after the day: the 2023 registration (2023-06-02) and the 2024 one
    ("报名", {"open_deadline": True, "today": "2023-05-01"},
     ["n10_title_prefix_only.txt", "n18_registration_window.txt"]),
    ("报名", {"open_deadline": True, "today": "2023-06-03"}, ["n10_title_prefix_only.txt"]),
])
def test_filters(corpus_index, query, filters, expected):
    import datetime as dt

    if "today" in filters:
        filters = {**filters, "today": dt.date.fromisoformat(filters["today"])}
    hits = srch.search(corpus_index / "index.sqlite", query, **filters)
    assert sorted(h.path for h in hits) == expected


def test_cli_search_json(corpus_index):
    from pipeline.cli import main

    r = CliRunner().invoke(main, ["search", "征文", "--index", str(corpus_index), "--json"])
    assert r.exit_code == 0, r.output
    first = json.loads(r.stdout.splitlines()[0])
    assert first["path"] == "n03_fullwidth_brackets.txt" and "【征文】" in first["snippet"]


def test_cli_search_without_an_index_is_a_usage_error(tmp_path):
    from pipeline.cli import main

    r = CliRunner().invoke(main, ["search", "征文", "--index", str(tmp_path)])
    assert r.exit_code == 2 and "no index here" in r.output


def test_a_rebuild_reuses_the_body_tokens(corpus_index, monkeypatch):
    from pipeline.batch.uploads import rebuild_index

    seen = []
    real = srch.index_tokens
    monkeypatch.setattr(srch, "index_tokens", lambda t: seen.append(len(t)) or real(t))
    rebuild_index(corpus_index)
    assert seen and max(seen) < 1000  # only the short fields were segmented again
    assert srch.search(corpus_index / "index.sqlite", "金秋助学")[0].path == "n02_no_docnumber.txt"


def test_a_cold_extract_does_not_load_jieba(tmp_path):
    code = ("import sys\nfrom pipeline.cli import main\n"
            "try:\n    main([sys.argv[1], '-o', sys.argv[2]])\nexcept SystemExit:\n    pass\n"
            "print('jieba' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code,
                        str(ROOT / "corpus" / "seeds" / "001_dde7b99b86b616a6.docx"),
                        str(tmp_path / "r.json")], capture_output=True, text=True, timeout=120)
    assert r.stdout.strip() == "False", r.stderr[-500:]
    assert (tmp_path / "r.json").stat().st_size > 0
