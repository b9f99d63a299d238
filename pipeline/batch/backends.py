"""Where batch work runs: a stdlib process pool, or a Dask cluster
(``LocalCluster`` or an external scheduler). Both expose the same small
interface: ``submit``, ``wait_first``, ``is_crash``, ``restart``, ``close``
and ``capacity``."""
from __future__ import annotations

import concurrent.futures as cf
import contextlib
import multiprocessing
import os
import sys
from typing import Callable, Optional

from pipeline.batch.worker import _ensure_warm, _worker_init


class PoolBackend:
    """Stdlib process pool; recreated when a worker dies (BrokenProcessPool)."""

    def __init__(self, workers: int, mp_context: str):
        self.workers = workers
        self.ctx = multiprocessing.get_context(mp_context)
        if mp_context == "forkserver":
            # imported once in the fork server, inherited by every worker
            main = getattr(sys.modules.get("__main__"), "__spec__", None)
            # (re-running the main module in workers would import it twice: keep it out)
            own = main.name if main else ""
            self.ctx.set_forkserver_preload(
                ["pipeline.stages.run"]
                + ([] if own.startswith("pipeline.batch") else ["pipeline.batch.worker"]))
        self.pool: Optional[cf.ProcessPoolExecutor] = None
        self.capacity = workers
        self._new()

    def _new(self) -> None:
        self.pool = cf.ProcessPoolExecutor(self.workers, mp_context=self.ctx,
                                           initializer=_worker_init, initargs=(os.getpid(),))

    def submit(self, fn: Callable, arg):
        return self.pool.submit(fn, arg)

    @staticmethod
    def wait_first(futs):
        done, _ = cf.wait(futs, return_when=cf.FIRST_COMPLETED)
        return done

    @staticmethod
    def is_crash(exc: BaseException) -> bool:
        return isinstance(exc, cf.process.BrokenProcessPool)

    def restart(self) -> None:
        with contextlib.suppress(Exception):
            self.pool.shutdown(wait=True, cancel_futures=True)
        self._new()

    def close(self, cancel: bool = False) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=cancel)
            self.pool = None


class DaskBackend:
    """A Dask distributed cluster: ``local`` starts a LocalCluster of
    ``workers`` single-threaded processes; ``tcp://HOST:PORT`` connects to an
    existing scheduler (the workers must see DIR at the same path)."""

    def __init__(self, scheduler: str, workers: int):
        try:
            import logging

            from distributed import Client, LocalCluster
        except ImportError:  # pragma: no cover - dask is a dependency
            from pipeline.errors import MissingDependencyError
            raise MissingDependencyError(None, "--scheduler needs dask: pip install "
                                         "'dask[distributed]'") from None
        self.cluster = None
        if scheduler == "local":
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        else:
            self.client = Client(scheduler, timeout="10s")
        self.client.run(_ensure_warm)
        threads = sum(self.client.nthreads().values()) or workers
        self.capacity = max(1, threads)

    def submit(self, fn: Callable, arg):
        return self.client.submit(fn, arg, pure=False)

    @staticmethod
    def wait_first(futs):
        from distributed import wait
        return wait(list(futs), return_when="FIRST_COMPLETED").done

    @staticmethod
    def is_crash(exc: BaseException) -> bool:
        return False  # Dask retries dead workers itself (KilledWorker after 3 deaths)

    def restart(self) -> None:  # pragma: no cover - never called (is_crash is False)
        pass

    def close(self, cancel: bool = False) -> None:
        with contextlib.suppress(Exception):
            self.client.close()
        if self.cluster is not None:
            with contextlib.suppress(Exception):
                self.cluster.close()


def default_mp_context() -> str:
    """``forkserver`` where available (Linux): workers start from a clean,
    single-threaded server with our modules preloaded, so the progress-bar and
    executor threads of the parent never get forked; ``spawn`` elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
