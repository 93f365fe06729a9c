"""Where the parallel parts of the stages run: worker processes on this machine (`local`), or
the workers of a Dask distributed cluster (`dask`: a LocalCluster, or an existing scheduler).

Stages see an `Engine`: how many tasks can run at once, and `pool()`, a concurrent.futures
executor. Tasks are module-level functions over plain data, so both engines run the same code
and give the same tables; models load once per worker process (`pipeline.nlp.models`).
"""

from __future__ import annotations

import importlib
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Any, TypeVar

import pyarrow as pa
from threadpoolctl import threadpool_limits

from pipeline.runtime.version import pipeline_version

T = TypeVar("T")

ENGINES = ("local", "dask")
_BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass(frozen=True)
class Engine:
    """`workers` tasks at a time. The dask engine has its distributed.Client; the local engine
    of a build keeps one pool of `processes` for all its stages, so each worker loads the
    models once; without one, each `pool()` starts fresh processes."""

    workers: int = 1
    client: Any = None
    processes: ProcessPoolExecutor | None = None

    @property
    def name(self) -> str:
        return "local" if self.client is None else "dask"

    @property
    def parallel(self) -> bool:
        return self.workers > 1 or self.client is not None

    @contextmanager
    def pool(self) -> Iterator[Executor]:
        """A concurrent.futures executor over the workers."""
        if self.client is not None:
            # Not pure: Dask would otherwise key a task by a token of its arguments, and it
            # tokenised slices of one Arrow table alike, handing one chunk another chunk's result.
            yield self.client.get_executor(pure=False)
        elif self.processes is not None:
            yield self.processes
        else:
            with worker_pool(self.workers) as pool:
                yield pool

    def imap(self, function: Callable[..., T], tasks: Iterable[tuple]) -> Iterator[T]:
        """`function(*task)` of each task, in order: on the workers with at most two tasks per
        worker in flight (so inputs are made as they are needed), or here when not parallel."""
        if not self.parallel:
            for task in tasks:
                yield function(*task)
            return
        with self.pool() as pool:
            pending: deque[Future] = deque()
            for task in tasks:
                pending.append(pool.submit(function, *task))
                if len(pending) >= 2 * self.workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()


SERIAL = Engine()


def detached(table: pa.Table) -> pa.Table:
    """A copy of a slice that owns only its rows, for a task: a pickled slice carries its
    parent's whole buffers (the whole corpus's text with every task)."""
    return table.take(pa.array(range(table.num_rows), pa.int64()))


def _lowest_priority() -> None:
    if hasattr(os, "nice"):
        os.nice(19)


@contextmanager
def beside(function: Callable[..., T], *args: Any, idle: bool) -> Iterator[Callable[[], T]]:
    """`function(*args)` in a process of its own at the lowest CPU priority when `idle`, started
    now: it takes what the cores have to spare while the build goes on. Yields a call that
    waits for its result (and, when not `idle`, computes it here); the block ends once the
    process has. A process that dies raises BrokenProcessPool there, never a wait forever."""
    if not idle:
        yield lambda: function(*args)
        return
    with worker_pool(1, initializer=_lowest_priority) as process:
        yield process.submit(function, *args).result


class EngineError(RuntimeError):
    """The engine could not start: no scheduler at the address, or one without workers."""


@contextmanager
def worker_pool(
    workers: int, initializer: Callable[[], None] | None = None
) -> Iterator[ProcessPoolExecutor]:
    """Fresh (spawned) worker processes with one BLAS thread each (with a thread per core in
    every worker the cores are oversubscribed, and two workers ran slower than one),
    each first running `initializer`."""
    saved = {name: os.environ.get(name) for name in _BLAS_THREADS}
    os.environ.update(dict.fromkeys(_BLAS_THREADS, "1"))
    try:
        with ProcessPoolExecutor(
            workers, mp_context=get_context("spawn"), initializer=initializer
        ) as pool:
            yield pool
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def configure_dask() -> None:
    """Dask's nanny makes glibc trim freed memory back to the OS so eagerly that the models ran
    markedly slower in its workers (docs/benchmarks.md); unset that before any worker is spawned."""
    import dask

    dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None})


def run_worker(scheduler: str, processes: int) -> None:
    """`dask worker` for this pipeline: `processes` single-threaded workers connected to
    `scheduler`, configured as the LocalCluster's are. Runs until stopped (Ctrl-C)."""
    configure_dask()
    from distributed.cli.dask_worker import main

    main([scheduler, "--nworkers", str(processes), "--nthreads", "1", "--no-dashboard"])


def _check_versions(client: Any) -> None:
    """Refuse workers that run other pipeline code: their tables would differ."""
    try:
        found = client.run(pipeline_version)
    except ImportError as exc:
        raise EngineError(
            f"a Dask worker cannot import the pipeline ({exc}); install this project on every "
            "worker machine and start the workers with `obzor worker`"
        ) from exc
    ours = pipeline_version()
    other = sorted({version for version in found.values() if version != ours})
    if other:
        raise EngineError(
            f"Dask workers run pipeline version {', '.join(other)}, this build runs {ours}; "
            "install the same commit of this project on every machine"
        )


def _import(module: str) -> None:
    importlib.import_module(module)


@contextmanager
def start(
    kind: str = "local", workers: int = 1, scheduler: str | None = None, warm: str | None = None
) -> Iterator[Engine]:
    """The engine for a build. `local` runs `workers` worker processes (with one, this
    process); `dask` connects to `scheduler` (tcp://HOST:8786) or, without one, starts a
    LocalCluster of `workers` worker processes on this machine. Every worker computes on one
    thread: N workers use N cores, and one worker's numbers are those of any of N. Local
    workers import the module `warm` as they start, so that their first task does not wait
    for the stages' imports while this process reads the inputs."""
    if kind == "local":
        if workers <= 1:  # this process is the one worker, with one BLAS thread as each has
            with threadpool_limits(1):
                yield SERIAL
            return
        with worker_pool(workers) as processes:
            for _ in range(workers if warm else 0):
                processes.submit(_import, warm)
            yield Engine(workers, processes=processes)
        return
    if kind != "dask":
        raise ValueError(f"unknown engine {kind!r}; choose one of {', '.join(ENGINES)}")
    from distributed import Client, LocalCluster

    configure_dask()
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise EngineError(
                f"no Dask scheduler answered at {scheduler} ({exc}). Start one with "
                "`dask scheduler` on that machine, or leave out --scheduler to use a "
                "LocalCluster here."
            ) from exc
    else:
        cluster = LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    try:
        slots = sum(client.nthreads().values())
        if slots == 0:
            raise EngineError(
                f"the Dask scheduler at {scheduler} has no workers; start some with "
                f"`obzor worker {scheduler}` on each worker machine and run the build again"
            )
        _check_versions(client)
        yield Engine(slots, client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
