"""Run batches of work over the CPU cores without ever losing a run.

One executor serves every parallel stage (loading files, evaluating rules). It uses `fork` where the
platform has it (workers start in milliseconds and share the parent's loaded modules) and `spawn`
elsewhere (Windows, macOS defaults): every function and argument it is given is a picklable module-level
object, so both behave the same. A worker that dies (a native crash in an engine, the OOM killer) breaks
the pool; the batches it held are re-run, halved, in fresh pools until the one item that kills a worker
is found, and only that item is reported as failed. A batch whose results cannot be sent back (a value
that does not pickle) is narrowed down the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Crashed:
    """The result of an item whose worker process died while handling it."""

    reason: str


@dataclass(frozen=True)
class Setup:
    """What every worker runs once before its first batch (e.g. compile the rules): `function(*args)`."""

    function: Callable[..., None]
    args: tuple[Any, ...] = ()


GC_THRESHOLDS = (200_000, 50, 1_000)  # CPython's defaults: (700, 10, 10)


def tune_gc() -> None:
    """Collect cycles rarely: a scan makes millions of objects that live to its end (parsed documents,
    models, rule inputs) and almost no cycles, and CPython's default thresholds spent a third of a
    1,000-stack run re-walking them. Called at the start of the command line and of each worker."""
    import gc

    gc.set_threshold(*GC_THRESHOLDS)


def start_method() -> str:
    """`fork` where the platform offers it, else `spawn`."""
    import multiprocessing

    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


class Workers:
    """A scan's worker processes, shared by its stages and started before its data grows.

    A forked worker maps every page its parent holds: forked after 1,000 stacks are loaded, each worker
    counted the parent's 120 MB again. Started first, each holds the interpreter, its modules and its own
    work. A pool that a dying worker breaks is dropped; the next stage starts a new one."""

    def __init__(self, jobs: int, setup: Setup | None = None):
        self.jobs, self.setup = jobs, setup
        self._pool: Any = None  # a ProcessPoolExecutor, imported only when a scan is large enough

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def start(self) -> None:
        """Start the worker processes now (a pool forks its workers at its first task: give it one each)."""
        if self.jobs >= 2 and self._pool is None:
            self._pool = _new_pool(self.jobs, self.setup)
            for _ in range(self.jobs):
                self._pool.submit(_ready)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def run_batches(self, work: Callable[[list[T]], list[R]], items: Sequence[T], batch: int) -> list[R | Crashed]:
        """`work` over `items` in batches of `batch`, one result per item in order, on the workers (in this
        process when there are fewer than 2 jobs or one batch). `work` must return one result per item and
        turn its own exceptions into results; an item whose worker dies, or whose result cannot cross back to
        this process, yields `Crashed`."""
        batches = [list(items[i : i + batch]) for i in range(0, len(items), batch)]
        if self.jobs < 2 or len(batches) < 2:
            if self.setup is not None:
                self.setup.function(*self.setup.args)
            return [result for chunk in batches for result in work(chunk)]
        self.start()
        outcome: list[list[R | Crashed] | None] = [None] * len(batches)
        if DIED in _pool_run(self._pool, work, batches, list(range(len(batches))), outcome).values():
            self.close()
        for index, result in enumerate(outcome):
            if result is None:  # a batch lost: find the item that loses it, keep the others' results
                outcome[index] = _isolate(work, batches[index], self.setup)
        return [result for chunk in outcome if chunk is not None for result in chunk]


def run_batches(
    work: Callable[[list[T]], list[R]],
    items: Sequence[T],
    batch: int,
    jobs: int,
    setup: Setup | None = None,
) -> list[R | Crashed]:
    """`Workers.run_batches` on workers of their own."""
    with Workers(jobs, setup) as workers:
        return workers.run_batches(work, items, batch)


def _new_pool(jobs: int, setup: Setup | None) -> Any:
    import multiprocessing  # a scan of a few files never starts a pool
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(jobs, multiprocessing.get_context(start_method()), _start_worker, (setup,))


def _ready() -> None:
    """The task that makes a pool start its workers."""


DIED = "the worker process died while handling it"


def _pool_run(
    pool: Any,
    work: Callable[[list[T]], list[R]],
    batches: list[list[T]],
    indexes: list[int],
    outcome: list[list[R | Crashed] | None],
) -> dict[int, str]:
    """Run `batches[i]` for each index; results land in `outcome`. Returns why each lost batch was lost
    (`DIED`: the pool broke), its `outcome` left None."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        futures = {i: pool.submit(work, batches[i]) for i in indexes}
    except BrokenProcessPool:
        return dict.fromkeys(indexes, DIED)
    lost = {}
    for i, future in futures.items():
        try:
            outcome[i] = list(future.result())
        except BrokenProcessPool:
            lost[i] = DIED
        except Exception as exc:  # the batch's results could not be sent back (a value that does not pickle)
            lost[i] = f"its result could not be returned from the worker process ({type(exc).__name__})"
    return lost


def _start_worker(setup: Setup | None) -> None:
    """A worker's start: the scan's collection thresholds (a spawned worker does not inherit them), then
    the caller's setup."""
    tune_gc()
    if setup is not None:
        setup.function(*setup.args)


def _isolate(work: Callable[[list[T]], list[R]], items: list[T], setup: Setup | None) -> list[R | Crashed]:
    """Results of `items` run in fresh single-worker pools, halving until each loss is one item."""
    outcome: list[list[R | Crashed] | None] = [None]
    pool = _new_pool(1, setup)
    try:
        lost = _pool_run(pool, work, [items], [0], outcome)
    finally:
        pool.shutdown()
    if outcome[0] is not None:
        return outcome[0]
    if len(items) == 1:
        return [Crashed(lost[0])]
    middle = len(items) // 2
    return _isolate(work, items[:middle], setup) + _isolate(work, items[middle:], setup)
