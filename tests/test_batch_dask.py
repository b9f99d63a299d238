"""The batch on a Dask cluster gives the same OUTDIR as the process pool
(issue 6, "Distributed")."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pipeline.batch import INDEX, run_batch

sys.path.insert(0, str(Path(__file__).parent))
from test_batch import make_archive  # noqa: E402

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow


def tree(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file()}


@pytest.fixture(scope="module")
def archive_and_pool_run(tmp_path_factory):
    src = make_archive(tmp_path_factory.mktemp("dask") / "in", 16)
    out = src.parent / "pool"
    res = run_batch(src, out, workers=2, quiet=True)
    assert (res.ok, res.failed) == (16, 0)
    return src, out


def test_existing_cluster_same_records_as_pool(archive_and_pool_run, tmp_path):
    src, pool_out = archive_and_pool_run
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        res = run_batch(src, tmp_path / "dask", scheduler=cluster.scheduler_address,
                        quiet=True)
    assert (res.ok, res.failed) == (16, 0)
    got, want = tree(tmp_path / "dask"), tree(pool_out)
    assert sorted(got) == sorted(want)
    # records, manifest, errors — and even the SQLite file — are byte-identical
    assert got == want, [k for k in want if got.get(k) != want[k]]
    assert INDEX in got


def test_scheduler_local_resumes_a_pool_run(archive_and_pool_run, tmp_path):
    """`--scheduler local` over a process-pool OUTDIR with --reprocess
    rewrites the same bytes."""
    src, pool_out = archive_and_pool_run
    import shutil
    out = tmp_path / "out"
    shutil.copytree(pool_out, out)
    res = run_batch(src, out, workers=2, scheduler="local", quiet=True, reprocess=True)
    assert (res.ok, res.skipped) == (16, 0)
    assert tree(out) == tree(pool_out)
