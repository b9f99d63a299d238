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


def test_external_scheduler_with_relative_dir_and_a_worker_elsewhere(tmp_path, monkeypatch):
    """`--scheduler tcp://…` with a relative DIR (issue 12 item 5): the worker
    runs in another folder, so DIR must be resolved on the client."""
    import json
    import os
    import subprocess
    import time

    from distributed import Client

    dask = Path(sys.executable).with_name("dask")
    if not dask.exists():
        pytest.skip("the dask command is not installed")
    client_home, worker_home = tmp_path / "client", tmp_path / "worker"
    worker_home.mkdir()
    make_archive(client_home / "in", 4)
    sched_file = tmp_path / "scheduler.json"
    procs = [subprocess.Popen([str(dask), "scheduler", "--scheduler-file", str(sched_file),
                               "--port", "0", "--no-dashboard"], cwd=worker_home,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        deadline = time.monotonic() + 60
        while not sched_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        procs.append(subprocess.Popen([str(dask), "worker", "--scheduler-file", str(sched_file),
                                       "--nworkers", "1", "--nthreads", "1", "--no-dashboard"],
                                      cwd=worker_home, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL))
        address = json.loads(sched_file.read_text())["address"]
        with Client(address, timeout="30s") as c:
            c.wait_for_workers(1, timeout=120)
        monkeypatch.chdir(client_home)
        res = run_batch("in", "out", scheduler=address, quiet=True)
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
    assert (res.ok, res.failed) == (4, 0)
    recs = sorted((client_home / "out").rglob("*.txt.json"))
    assert len(recs) == 4
    assert all(os.path.isabs(json.loads(p.read_text())["source"]["path"]) for p in recs)
