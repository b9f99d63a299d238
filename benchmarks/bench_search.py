"""Benchmark of the archive search (issue 13) — not a test; prints Markdown.

    python benchmarks/bench_search.py               # 10,000-notice index
    python benchmarks/bench_search.py --size 2000 --repeat 10

1. Builds the batch output of the corpus (corpus/notices and corpus/seeds as
   .txt) with ``extract batch`` and measures, for the clerk queries listed in
   tests/test_search.py, how often the expected circular is found and ranked
   first by three FTS5 set-ups: ``unicode61`` and ``trigram`` over the raw
   text, and ours (jieba search mode at index time, plain mode at query time).
2. Builds a 10,000-notice index with the real ``build_index`` + search and
   review extras: each synthetic notice is a corpus notice with another city
   in its title and issuer, another year, a serial line and three paragraphs
   taken from other notices (so the token statistics stay realistic).
   Segmentation is memoised per line here only to keep the build quick — the
   tokens are the ones jieba gives.
3. Times :func:`pipeline.exports.search.search` (query segmentation, BM25
   query, snippets; limit 20) for every query, ``--repeat`` times each:
   median and 95th percentile, plus worst-case queries that match almost
   every notice (通知, 工会). jieba's one-off dictionary load is reported apart.
"""
from __future__ import annotations

import argparse
import functools
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

CITIES = ["杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市", "舟山市",
          "台州市", "丽水市", "南京市", "苏州市", "无锡市", "常州市", "徐州市", "合肥市", "芜湖市",
          "福州市", "厦门市", "泉州市", "南昌市", "九江市", "济南市", "青岛市", "郑州市", "武汉市"]


def corpus_out(work: Path) -> Path:
    """``extract batch`` of the corpus notices and seeds (.txt) into ``work/out``."""
    from pipeline.batch import run_batch

    src = work / "src"
    src.mkdir(parents=True)
    for p in [*sorted((ROOT / "corpus" / "notices").glob("*.txt")),
              *sorted((ROOT / "corpus" / "seeds").glob("*.txt"))]:
        shutil.copy(p, src / p.name)
    run_batch(src, work / "out", workers=2, quiet=True, fsync=False)
    return work / "out"


def recall_table(out: Path, queries) -> list[str]:
    """Found / ranked-first counts of unicode61, trigram and jieba over the corpus."""
    from pipeline.exports.search import search

    con = sqlite3.connect(":memory:")
    src = sqlite3.connect(out / "index.sqlite")
    rows = src.execute("SELECT t.path, t.text FROM notice_text AS t JOIN notices AS n "
                       "ON n.seq = t.seq WHERE n.duplicate_of IS NULL").fetchall()
    for tok in ("unicode61", "trigram"):
        con.execute(f"CREATE VIRTUAL TABLE {tok} USING fts5(path UNINDEXED, text, "
                    f"tokenize = '{tok}')")
        con.executemany(f"INSERT INTO {tok} VALUES (?, ?)", rows)
    lines = ["| tokenizer | expected notice found | ranked first |", "|---|---:|---:|"]
    for tok in ("unicode61", "trigram"):
        found = first = 0
        for q, expected in queries:
            expr = " AND ".join('"' + w + '"' for w in q.split())
            try:
                got = [r[0] for r in con.execute(
                    f"SELECT path FROM {tok} WHERE {tok} MATCH ? ORDER BY rank", (expr,))]
            except sqlite3.OperationalError:
                got = []
            found += expected in got
            first += bool(got) and got[0] == expected
        lines.append(f"| FTS5 `{tok}` on the raw text | {found}/{len(queries)} | "
                     f"{first}/{len(queries)} |")
    found = first = 0
    for q, expected in queries:
        got = [h.path for h in search(out / "index.sqlite", q, limit=100)]
        found += expected in got
        first += bool(got) and got[0] == expected
    lines.append(f"| jieba (search mode indexed, plain mode queried) | {found}/{len(queries)} | "
                 f"{first}/{len(queries)} |")
    return lines


def synthetic_index(out: Path, work: Path, size: int, seed: int = 13) -> Path:
    """A ``size``-notice index built from the corpus records (see module doc)."""
    import json

    import pipeline.exports.search as srch
    from pipeline.exports.doctext import load_text, plain_text
    from pipeline.exports.index import build_index
    from pipeline.exports.review_index import ReviewIndex

    con = sqlite3.connect(out / "index.sqlite")
    base = [(rp, json.loads((out / rp).read_text(encoding="utf-8")))
            for (rp,) in con.execute("SELECT record_path FROM notices WHERE duplicate_of IS NULL")]
    con.close()
    texts = [plain_text(load_text(out / rp)).split("\n") for rp, _ in base]
    rng = random.Random(seed)
    made: dict[str, str] = {}

    def items():
        for i in range(size):
            k = i % len(base)
            rec = json.loads(json.dumps(base[k][1]))
            city, year = rng.choice(CITIES), rng.randint(2012, 2026)
            title = (rec.get("title") or {}).get("text") or ""
            if rec.get("title"):
                rec["title"]["text"] = f"{city}{title.replace('2018', str(year))}"
            rec["issuers"] = [{"name": f"{city}总工会", "source": "header", "evidence": None}]
            rec["signed_date"] = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            extra = [rng.choice(rng.choice(texts)) for _ in range(3)]
            rel = f"synthetic/{i:05d}.txt"
            made[rel] = "\n".join([*texts[k], f"（第{i}号）{city}总工会", *extra])
            yield rel, rel + ".json", rec, f"{i:016x}"

    class Bench(srch.SearchIndex):
        def text_of(self, record_path: str) -> str:
            return made.pop(record_path[:-5])

    real = srch.index_tokens
    per_line = functools.lru_cache(maxsize=None)(real)
    srch.index_tokens = lambda t: " ".join(x for x in map(per_line, t.split("\n")) if x)
    try:
        db = work / "big" / "index.sqlite"
        db.parent.mkdir()
        build_index(db, items(), extras=(ReviewIndex(work / "big"), Bench(work / "big")))
    finally:
        srch.index_tokens = real
    return db


def time_queries(db: Path, queries: list[str], repeat: int) -> list[str]:
    from pipeline.exports.search import search

    lines = ["| query | matches | median ms | p95 ms |", "|---|---:|---:|---:|"]
    every = []
    for q in queries:
        n = len(search(db, q, limit=100000))
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            search(db, q, limit=20)
            times.append((time.perf_counter() - t0) * 1000)
        every.extend(times)
        times.sort()
        lines.append(f"| {q} | {n} | {statistics.median(times):.1f} | "
                     f"{times[int(0.95 * (len(times) - 1))]:.1f} |")
    every.sort()
    lines.append(f"| **all queries** | | **{statistics.median(every):.1f}** | "
                 f"**{every[int(0.95 * (len(every) - 1))]:.1f}** |")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args()
    from test_search import CLERK_QUERIES

    import pipeline.exports.search as srch

    t0 = time.perf_counter()
    srch.tokenizer()
    load = time.perf_counter() - t0
    work = Path(args.workdir or tempfile.mkdtemp(prefix="bench_search_"))
    try:
        out = corpus_out(work)
        print("\n".join(recall_table(out, CLERK_QUERIES)) + "\n")
        t0 = time.perf_counter()
        db = synthetic_index(out, work, args.size)
        build = time.perf_counter() - t0
        queries = [q for q, _ in CLERK_QUERIES] + ["劳动竞赛 报名", "通知", "工会"]
        print(f"index of {args.size:,} notices: {db.stat().st_size / 2**20:.0f} MB, built in "
              f"{build:.0f} s; jieba dictionary load {load:.2f} s (once per process)\n")
        print("\n".join(time_queries(db, queries, args.repeat)))
        import os
        print(f"\nload average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
