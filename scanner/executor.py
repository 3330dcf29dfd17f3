"""Run batches of work over the CPU cores without ever losing a run.

One executor serves every parallel stage (loading files, evaluating rules). It uses `fork` where the
platform has it (workers start in milliseconds and share the parent's loaded modules) and `spawn`
elsewhere (Windows, macOS defaults): every function and argument it is given is a picklable module-level
object, so both behave the same. A worker that dies (a native crash in an engine, the OOM killer) breaks
the pool; the batches it held are re-run, halved, in fresh pools until the one item that kills a worker
is found, and only that item is reported as failed.
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


def run_batches(
    work: Callable[[list[T]], list[R]],
    items: Sequence[T],
    batch: int,
    jobs: int,
    setup: Setup | None = None,
) -> list[R | Crashed]:
    """`work` over `items` in batches of `batch`, one result per item in order, on `jobs` processes
    (in this process when `jobs` < 2 or there is one batch). `work` must return one result per item and
    turn its own exceptions into results; only a dead worker yields `Crashed`."""
    batches = [list(items[i : i + batch]) for i in range(0, len(items), batch)]
    if jobs < 2 or len(batches) < 2:
        if setup is not None:
            setup.function(*setup.args)
        return [result for chunk in batches for result in work(chunk)]
    outcome: list[list[R | Crashed] | None] = [None] * len(batches)
    _pool_run(work, batches, list(range(len(batches))), jobs, setup, outcome)
    for index, result in enumerate(outcome):
        if result is None:  # the pool broke: find the item that kills a worker, keep the others' results
            outcome[index] = _isolate(work, batches[index], setup)
    return [result for chunk in outcome if chunk is not None for result in chunk]


def _pool_run(
    work: Callable[[list[T]], list[R]],
    batches: list[list[T]],
    indexes: list[int],
    jobs: int,
    setup: Setup | None,
    outcome: list[list[R | Crashed] | None],
) -> None:
    """Run `batches[i]` for each index; results land in `outcome`, batches lost to a broken pool stay None."""
    import multiprocessing  # a scan of a few files never starts a pool
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context(start_method())
    initializer, initargs = _start_worker, (setup,)
    try:
        with ProcessPoolExecutor(min(jobs, len(indexes)), context, initializer, initargs) as pool:
            futures = {i: pool.submit(work, batches[i]) for i in indexes}
            for i, future in futures.items():
                try:
                    outcome[i] = list(future.result())
                except BrokenProcessPool:
                    outcome[i] = None
    except BrokenProcessPool:
        return


def _start_worker(setup: Setup | None) -> None:
    """A worker's start: the scan's collection thresholds (a spawned worker does not inherit them), then
    the caller's setup."""
    tune_gc()
    if setup is not None:
        setup.function(*setup.args)


def _isolate(work: Callable[[list[T]], list[R]], items: list[T], setup: Setup | None) -> list[R | Crashed]:
    """Results of `items` run in fresh single-worker pools, halving until each crash is one item."""
    outcome: list[list[R | Crashed] | None] = [None]
    _pool_run(work, [items], [0], 1, setup, outcome)
    if outcome[0] is not None:
        return outcome[0]
    if len(items) == 1:
        return [Crashed("the worker process died while handling it")]
    middle = len(items) // 2
    return _isolate(work, items[:middle], setup) + _isolate(work, items[middle:], setup)
