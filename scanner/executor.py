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

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from msgspec import Struct

T = TypeVar("T")
R = TypeVar("R")


class Crashed(Struct, frozen=True):
    """The result of an item whose worker process died while handling it."""

    reason: str


class Setup(Struct, frozen=True):
    """What every worker runs once before its first batch (e.g. compile the rules): `function(*args)`."""

    function: Callable[..., None]
    args: tuple[Any, ...] = ()


GC_THRESHOLDS = (200_000, 50, 1_000)  # CPython's defaults: (700, 10, 10)


def tune_gc() -> None:
    """Collect cycles rarely: a scan makes millions of objects that live to its end (parsed documents,
    models, rule inputs) and almost no cycles, and CPython's default thresholds spent a third of a
    1,000-stack run re-walking them. Set at the start of the command line; a scan turns the collector off
    while it runs (`collector_off`)."""
    import gc

    gc.set_threshold(*GC_THRESHOLDS)


@contextmanager
def collector_off() -> Iterator[None]:
    """No cycle collection while a scan runs (the collector's thresholds take over again after it). Even at
    `GC_THRESHOLDS` a 1,000-stack scan spent 0.15-0.2 s of its main process in young-generation collections
    re-walking the loaded files as they arrived, to find the 35 objects in cycles the whole scan makes.
    Workers (which only scan) run with the collector off from their start.

    After the scan, what it made joins the oldest generation (`freeze` then `unfreeze`, two list splices):
    left young, the first collection after the scan walked all of it, 0.24 s of a 1,000-stack run."""
    import gc

    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if was_on:
            gc.enable()


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
        self._started = False  # `start` was called: work goes to the workers, in a new pool after a crash

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def start(self) -> None:
        """Start the worker processes now (a pool forks its workers at its first task: give it one each)."""
        self._started = self.jobs >= 2
        if self.jobs >= 2 and self._pool is None:
            self._pool = _new_pool(self.jobs, self.setup)
            for _ in range(self.jobs):
                self._pool.submit(_ready)

    @property
    def started(self) -> bool:
        """The workers were started: work of any size is handed to them (set up already, they take even one
        batch sooner than this process could set up for it), and after a worker died, to new ones (what
        killed a worker must never run in this process)."""
        return self._started

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def run_batches(self, work: Callable[[list[T]], list[R]], items: Sequence[T], batch: int) -> list[R | Crashed]:
        """`work` over `items` in batches of `batch`, one result per item in order, on the workers (in this
        process when there are fewer than 2 jobs, or one batch and the workers not started). `work` must return
        one result per item and turn its own exceptions into results; an item whose worker dies, or whose
        result cannot cross back to this process, yields `Crashed`."""
        results: list[R | Crashed | None] = [None] * len(items)
        for start, chunk in self.stream_batches(work, items, batch):
            results[start : start + len(chunk)] = chunk
        return results  # type: ignore[return-value]  # every slot filled: one result per item

    def stream_batches(
        self, work: Callable[[list[T]], list[R]], items: Sequence[T], batch: int, smaller_last: bool = True
    ) -> Iterator[tuple[int, list[R | Crashed]]]:
        """`run_batches`, but every batch is handed to the workers now and each batch's results come back as
        `(index of its first item, results)` as soon as it is done, so that this process works on them (or on
        something else) while the workers go on. Lost batches come last, narrowed down to the lost items. In
        this process (fewer than 2 jobs, or one batch and the workers not started) each batch runs when the
        iteration reaches it. On the workers, the last batches are smaller (`_cuts`) unless `smaller_last` is
        False: `items` are then one part of a stream the caller hands over as it makes it."""
        if self.jobs < 2 or (len(items) <= batch and not self.started):
            cuts = _cuts(len(items), batch, 1)
            return self._here(work, [list(items[a:b]) for a, b in cuts], [a for a, _ in cuts])
        self.start()
        cuts = _cuts(len(items), batch, self.jobs if smaller_last else 1)
        batches = [list(items[a:b]) for a, b in cuts]
        return self._collect(work, batches, [a for a, _ in cuts], self._pool, _submit(self._pool, work, batches))

    def run_apart(self, work: Callable[[list[T]], list[R]], items: Sequence[T]) -> list[R | Crashed]:
        """`work` on each item alone in a fresh worker process of its own, never in this process: for items
        whose batch killed a worker before."""
        return [result for item in items for result in _isolate(work, [item], self.setup)]

    def _here(
        self, work: Callable[[list[T]], list[R]], batches: list[list[T]], starts: list[int]
    ) -> Iterator[tuple[int, list[R | Crashed]]]:
        if self.setup is not None:
            self.setup.function(*self.setup.args)
        for start, chunk in zip(starts, batches, strict=True):
            yield start, list(work(chunk))

    def _collect(
        self,
        work: Callable[[list[T]], list[R]],
        batches: list[list[T]],
        starts: list[int],
        pool: Any,
        futures: dict[Any, int] | None,
    ) -> Iterator[tuple[int, list[R | Crashed]]]:
        from concurrent.futures import as_completed

        lost = set(range(len(batches))) if futures is None else set()
        died = futures is None
        for future in as_completed(futures or {}):
            index = futures[future]  # type: ignore[index]  # futures is not None in this loop
            outcome, why = _outcome(future)
            if outcome is None:
                lost.add(index)
                died = died or why == DIED
                continue
            yield starts[index], outcome
        if died and self._pool is pool:  # not a pool a later stage started
            self.close()
        for index in sorted(lost):  # a batch lost: find the item that loses it, keep the others' results
            yield starts[index], _isolate(work, batches[index], self.setup)


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


def _cuts(count: int, batch: int, jobs: int) -> list[tuple[int, int]]:
    """Where the batches of `count` items start and end: `batch` items each, but the last `jobs` batches'
    worth of items go in batches a quarter that size (on several workers), so that no worker is still
    working through a whole batch when the others have run out (a 1,000-file scan's last load batch took
    0.13 s)."""
    tail = max(0, count - jobs * batch) if jobs >= 2 else count
    small = max(1, batch // 4)
    return [(i, min(i + batch, tail)) for i in range(0, tail, batch)] + [
        (i, min(i + small, count)) for i in range(tail, count, small)
    ]


def _new_pool(jobs: int, setup: Setup | None) -> Any:
    import multiprocessing  # a scan of a few files never starts a pool
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(jobs, multiprocessing.get_context(start_method()), _start_worker, (setup,))


def _ready() -> None:
    """The task that makes a pool start its workers."""


DIED = "the worker process died while handling it"


def _submit(pool: Any, work: Callable[[list[T]], list[R]], batches: list[list[T]]) -> dict[Any, int] | None:
    """Each batch handed to the pool: its future -> the batch's index; None when the pool is already broken."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return {pool.submit(work, chunk): index for index, chunk in enumerate(batches)}
    except BrokenProcessPool:
        return None


def _outcome(future: Any) -> tuple[list[Any] | None, str]:
    """A finished batch's results, or None and why it was lost (`DIED`: its worker died and broke the pool)."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return list(future.result()), ""
    except BrokenProcessPool:
        return None, DIED
    except Exception as exc:  # the batch's results could not be sent back (a value that does not pickle)
        return None, f"its result could not be returned from the worker process ({type(exc).__name__})"


def _start_worker(setup: Setup | None) -> None:
    """A worker's start: no cycle collection (see `collector_off`; a spawned worker inherits nothing), then
    the caller's setup."""
    import gc

    gc.disable()
    if setup is not None:
        setup.function(*setup.args)


def _isolate(work: Callable[[list[T]], list[R]], items: list[T], setup: Setup | None) -> list[R | Crashed]:
    """Results of `items` run in fresh single-worker pools, halving until each loss is one item."""
    pool = _new_pool(1, setup)
    try:
        futures = _submit(pool, work, [items])
        outcome, why = _outcome(next(iter(futures))) if futures else (None, DIED)
    finally:
        pool.shutdown()
    if outcome is not None:
        return outcome
    if len(items) == 1:
        return [Crashed(why)]
    middle = len(items) // 2
    return _isolate(work, items[:middle], setup) + _isolate(work, items[middle:], setup)
