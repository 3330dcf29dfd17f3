"""The one evaluation stage: rule inputs of either shape (one resource, or one service's neighbourhood)
through one engine interface, in this process or spread over the cores by `scanner.executor`.

Each input is evaluated on its own (rego-cpp slows down sharply when one input holds many resources).
An engine error on one input, or a worker that dies on it, becomes that input's `Failed`; every other
result is kept.
"""

from __future__ import annotations

import atexit
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple, Protocol, runtime_checkable

from msgspec import Struct, field

from scanner import executor
from scanner.engine import DenySets, Engine, EngineError, make_engine
from scanner.engine.json_text import answer_value, input_text
from scanner.model import Severity
from scanner.rulebook import Rule, Rulebook

BATCH = 50
# Inputs handed to running workers at a time as the caller makes them (`evaluate_stream`): each hand-over costs
# this process about a millisecond (a future, the pool's threads taking turns with it for the interpreter lock)
# while a worker judges a neighbourhood in 0.05 ms. In batches of 12, a 1,000-stack scan waited 0.1 s for them.
STREAM_BATCH = 200
PARALLEL_FROM = 120  # inputs; fewer are judged faster than worker processes start
PER_KIND_FROM = 120  # inputs; fewer are judged faster by one engine for all their kinds


class Failed(Struct, frozen=True):
    """An input the engine could not evaluate, and why. When only some rules fail on it, `rules` names
    them and `denies` holds the results of all the others."""

    reason: str
    rules: tuple[str, ...] = ()
    denies: DenySets = field(default_factory=dict)


class RuleSet(Struct, frozen=True):
    """What a worker process needs to rebuild the run's rules exactly (picklable)."""

    engine: str
    rule_dirs: tuple[Path, ...]
    rule_ids: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict)
    severities: dict[str, Severity] = field(default_factory=dict)

    def load(self) -> Evaluation:
        rulebook = Rulebook.load(list(self.rule_dirs))
        rulebook.configure(self.params, self.severities)
        wanted = set(self.rule_ids)
        return Evaluation(rulebook, [r for r in rulebook.rules if r.id in wanted], self.engine)


class Evaluation:
    """The run's rules compiled on first need, for each input shape (most pre-commit runs have no service,
    so they never compile the neighbourhood rules) and only for the kinds the inputs hold.

    Many inputs get one engine per kind: regorus's cost per evaluation grows with the rules an engine
    holds, not only with those the query reaches (a security group takes 0.5 ms instead of 0.9, a task
    definition 3.6 instead of 4.2), which repays compiling the helper libraries once per kind. A few
    inputs share one engine for their kinds, whose compiling is most of their time."""

    def __init__(self, rulebook: Rulebook, rules: list[Rule], engine: str):
        self.rulebook, self.engine_name = rulebook, engine
        self.rules = {shape: [r for r in rules if r.neighbourhood == (shape == "neighbourhood")] for shape in SHAPES}
        self._engines: dict[tuple[str, frozenset[str]], Engine | None] = {}
        self._alone: dict[str, Engine] = {}  # rule id -> an engine holding that rule only
        self._text: dict[tuple[str, str], Callable[[str, str], str | None] | None] = {}  # see `_text_engine`

    def fresh(self) -> Evaluation:
        """The same rules with no engine made yet (a forked worker makes its own)."""
        return Evaluation(self.rulebook, [r for shape in SHAPES for r in self.rules[shape]], self.engine_name)

    def evaluate(self, items: list[dict[str, Any]], per_kind: bool | None = None) -> list[DenySets | Failed]:
        """The deny sets of each input (keyed by rule id), or why it could not be evaluated; `per_kind`
        (default: for PER_KIND_FROM inputs or more) gives each kind its own engine."""
        if per_kind is None:
            per_kind = len(items) >= PER_KIND_FROM
        kinds = frozenset(item["kind"] for item in items)
        out: list[DenySets | Failed] = []
        for item in items:
            shape = shape_of(item)
            group = frozenset([item["kind"]]) if per_kind else kinds
            engine = self._engine(shape, group)  # a rule that does not compile ends the run (EngineError)
            if engine is None:
                out.append({})
                continue
            try:
                out.append(engine.evaluate_inputs([item])[0])
            except EngineError as exc:
                out.append(self._rule_by_rule(shape, item, str(exc)))
            except (ValueError, TypeError, UnicodeError, RecursionError) as exc:  # values the engine cannot take
                out.append(Failed(f"the rule engine cannot take this input ({type(exc).__name__})"))
        return out

    def _rule_by_rule(self, shape: str, item: dict[str, Any], reason: str) -> DenySets | Failed:
        """After an engine error on `item`, each of its rules alone: a rule that trips the engine on one value
        costs that rule's verdict on that input, not every rule's."""
        denies: DenySets = {}
        failed: dict[str, str] = {}
        for rule in (r for r in self.rules[shape] if item["kind"] in r.kinds):
            if rule.id not in self._alone:
                self._alone[rule.id] = make_engine(self.engine_name, self.rulebook, [rule])
            try:
                denies.update(self._alone[rule.id].evaluate_inputs([item])[0])
            except EngineError as exc:
                failed[rule.name] = str(exc)
        if not failed:
            return denies
        return Failed(next(iter(failed.values())), tuple(failed), denies)

    def evaluate_sealed(self, items: Sequence[Sealed | dict[str, Any]]) -> list[str | DenySets | Failed]:
        """`evaluate` for inputs as JSON text (or, where JSON cannot hold them, as values), each kind with its
        own engine: an engine that reads and writes JSON (regorus's VM) answers in JSON text, which the caller
        decodes; others get the input decoded."""
        out: list[str | DenySets | Failed] = []
        for item in items:
            if isinstance(item, Sealed):
                text_engine = self._text_engine(item.shape, item.kind)
                answer = text_engine(item.kind, item.text) if text_engine is not None else None
                if answer is not None:
                    out.append(answer)
                    continue
                item = json.loads(item.text)
            out += self.evaluate([item], per_kind=True)
        return out

    def _text_engine(self, shape: str, kind: str) -> Callable[[str, str], str | None] | None:
        """The `evaluate_text` of the engine of `shape` inputs of `kind` alone, where it has one; looked up once
        per kind (a check against the `TextEngine` protocol costs more than many a VM query)."""
        key = (shape, kind)
        if key not in self._text:
            engine = self._engine(shape, frozenset([kind]))  # a rule that does not compile ends the run
            self._text[key] = engine.evaluate_text if isinstance(engine, TextEngine) else None
        return self._text[key]

    def _engine(self, shape: str, kinds: frozenset[str]) -> Engine | None:
        """The engine of `shape` inputs of `kinds`, or None when no rule judges them."""
        key = (shape, kinds)
        if key not in self._engines:
            rules = [r for r in self.rules[shape] if kinds.intersection(r.kinds)]
            self._engines[key] = make_engine(self.engine_name, self.rulebook, rules) if rules else None
        return self._engines[key]


SHAPES = ("resource", "neighbourhood")


def shape_of(item: dict[str, Any]) -> str:
    """Which of SHAPES a rule input has."""
    return "neighbourhood" if "neighbourhood" in item else "resource"


@runtime_checkable
class TextEngine(Protocol):
    """An engine that takes an input as JSON text and answers in JSON text, or None to have it judged the usual way."""

    def evaluate_text(self, kind: str, text: str) -> str | None: ...


class Sealed(NamedTuple):
    """A rule input on its way to a worker, as JSON text: cheaper to send than nested values (pickling them
    costs this process about as much as `json.dumps`, unpickling them costs the worker twice that) and what
    regorus's VM reads anyway."""

    kind: str
    shape: str
    text: str

    @classmethod
    def of(cls, item: dict[str, Any]) -> Sealed:
        return cls(item["kind"], shape_of(item), input_text(item))


# Results the workers gave inputs ahead of the scan knowing them final, by the digest of the input's JSON text
# (`digest`): the same text meets the same rules, so it gets the same result.
Ahead = dict[bytes, "str | DenySets | Failed"]


def evaluate_stream(
    items: Iterable[dict[str, Any]], evaluation: Evaluation, workers: executor.Workers, ahead: Ahead | None = None
) -> Iterator[tuple[int, DenySets | Failed]]:
    """Each input's index and result. Many inputs are handed to the workers (set up by `worker_setup`) and
    come back in the order they are done, so the caller builds findings, or the next inputs, while the workers
    evaluate; a few are evaluated here, now, unless the workers are running already. Running workers get each
    `STREAM_BATCH` of inputs as soon as `items` makes it (the caller may be making them as it goes); either way `items`
    is read to its end before this returns, so what the caller keeps while making them is complete then. An
    input whose text has a result in `ahead` is not evaluated again: its result comes first."""
    if not workers.started:
        items = list(items)
        if workers.jobs < 2 or len(items) < PARALLEL_FROM:
            return enumerate(evaluation.evaluate(items))
        return _judged(items, 0, workers, ahead)
    chunk: list[dict[str, Any]] = []
    streams: list[Iterator[tuple[int, DenySets | Failed]]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == STREAM_BATCH:
            streams.append(_judged(chunk, STREAM_BATCH * len(streams), workers, ahead, pieces=1))
            chunk = []
    # the last part, the one the caller waits for once it has made every input: one piece per worker
    streams.append(_judged(chunk, STREAM_BATCH * len(streams), workers, ahead, pieces=workers.jobs))
    return chain.from_iterable(streams)


def _judged(
    items: list[dict[str, Any]], start: int, workers: executor.Workers, ahead: Ahead | None, pieces: int = 0
) -> Iterator[tuple[int, DenySets | Failed]]:
    """`evaluate_stream` of `items` on the workers, now, numbered from `start`: in `pieces` batches of equal
    size, or (0) in batches of BATCH with smaller ones last."""
    sealed = _sealed(items)
    known: dict[int, str | DenySets | Failed] = {}
    if ahead:
        for i, item in enumerate(sealed):
            if isinstance(item, Sealed) and (result := ahead.get(digest(item.text))) is not None:
                known[i] = result
    rest = [i for i in range(len(sealed)) if i not in known]
    todo = [sealed[i] for i in rest]
    batch = max(1, -(-len(todo) // pieces)) if pieces else BATCH
    judged = _each(workers.stream_batches(_evaluate_batch, todo, batch, smaller_last=not pieces))
    return chain(
        ((start + i, decoded(r)) for i, r in known.items()), ((start + rest[i], outcome) for i, outcome in judged)
    )


def digest(text: str) -> bytes:
    """What `Ahead` knows an input by: 16 bytes to send back instead of its text."""
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


def _sealed(items: list[dict[str, Any]]) -> list[Sealed | dict[str, Any]]:
    """Each input as JSON text where it has one (a value JSON cannot hold goes as it is)."""
    out: list[Sealed | dict[str, Any]] = []
    for item in items:
        try:
            out.append(Sealed.of(item))
        except (TypeError, ValueError):
            out.append(item)
    return out


def _each(
    batches: Iterator[tuple[int, list[str | DenySets | Failed | executor.Crashed]]],
) -> Iterator[tuple[int, DenySets | Failed]]:
    for start, results in batches:
        for offset, result in enumerate(results):
            yield start + offset, decoded(result)


def decoded(result: str | DenySets | Failed | executor.Crashed) -> DenySets | Failed:
    """A result as a worker sends it (JSON text from regorus's VM) as the pipeline reads it."""
    if isinstance(result, executor.Crashed):
        return Failed(f"evaluation stopped: {result.reason}")
    if isinstance(result, str):
        return answer_value(result) or {}
    return result


def worker_setup(rule_set: RuleSet, loaded: Evaluation | None = None) -> executor.Setup:
    """What a worker runs first so that it can evaluate: the run's rules, rebuilt; `loaded`, this process's
    evaluation of the same rule set, spares a forked worker reading the rules again (a spawned one reads them)."""
    global _loaded
    if loaded is not None:  # the latest only: a long-lived process (an audit, the tests) runs scan after scan
        _loaded = (rule_set, loaded)
    return executor.Setup(_start_worker, (rule_set,))


_worker: Evaluation | None = None
_loaded: tuple[RuleSet, Evaluation] | None = None  # what `worker_setup` was given, which a forked worker finds here


def _start_worker(rule_set: RuleSet) -> None:
    global _worker
    inherited = _loaded[1] if _loaded is not None and _loaded[0] == rule_set else None
    _worker = rule_set.load() if inherited is None else inherited.fresh()
    atexit.register(_stop_worker)


def _stop_worker() -> None:
    """Free the engine while the interpreter is whole (a spawned worker's exit would tear down the modules
    its destructors need first, and print their errors)."""
    global _worker
    _worker = None


def _evaluate_batch(items: Sequence[Sealed | dict[str, Any]]) -> list[str | DenySets | Failed]:
    assert _worker is not None, "worker started without its rules"
    return _worker.evaluate_sealed(items)  # a worker sees batch after batch of a large run: one engine per kind


def evaluate_in_worker(items: list[dict[str, Any]]) -> list[str | DenySets | Failed]:
    """Inside a worker set up by `worker_setup`: inputs another stage made there, judged now (see `decoded`)."""
    return _evaluate_batch(_sealed(items))


def judge_ahead(items: list[dict[str, Any]]) -> Ahead:
    """Inside a worker set up by `worker_setup`: the results of inputs the rest of the scan may still change,
    by digest, for `evaluate_stream` to keep where it does not."""
    sealed = [item for item in _sealed(items) if isinstance(item, Sealed)]
    return {digest(item.text): result for item, result in zip(sealed, _evaluate_batch(sealed), strict=True)}
