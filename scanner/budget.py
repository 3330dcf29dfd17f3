"""Custom rules under a budget. A rule someone else wrote may loop, allocate without end or stop the
engine; none of that may cost the bundled results. So custom rules run in a child process, one rule at a
time, each input given `seconds` of wall-clock time: a rule that overruns, fails or kills the child is
dropped by name (the child is replaced for the next rule), and the bundled rules, judged in the scan's own
process and workers, never wait for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from scanner.engine import DenySets, EngineError, interpreting, make_engine
from scanner.evaluate import RuleSet
from scanner.executor import start_method
from scanner.rulebook import Rule

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

DEFAULT_SECONDS = 5.0
START_SECONDS = 120.0  # loading the rules in a fresh child (spawn imports the scanner anew)


class Judged(Struct):
    """Each input's deny sets of the custom rules that kept to their budget, and why the others were dropped."""

    denies: list[DenySets]
    dropped: dict[str, tuple[str, int | None]] = field(default_factory=dict)  # rule id -> why, and on which input


def evaluate_guarded(rule_set: RuleSet, rules: list[Rule], items: list[dict[str, Any]], seconds: float) -> Judged:
    """The deny sets of `rules` (custom ones) for every input, each rule alone under the budget.

    A rule that does not compile raises `EngineError`, as a bundled one would: the run's rules are wrong.
    """
    judged = Judged([{} for _ in items])
    child: _Child | None = None
    try:
        for rule in rules:
            chosen = [i for i, item in enumerate(items) if _applies(rule, item)]
            if not chosen:
                continue
            child = child or _Child(rule_set)
            outcome = child.judge(rule, [items[i] for i in chosen], seconds)
            if isinstance(outcome, tuple):
                reason, at = outcome
                judged.dropped[rule.id] = (reason, None if at is None else chosen[at])
                child.stop()
                child = None
                continue
            for index, denies in zip(chosen, outcome, strict=True):
                if denies:
                    judged.denies[index][rule.id] = denies
    finally:
        if child is not None:
            child.stop()
    return judged


def _applies(rule: Rule, item: dict[str, Any]) -> bool:
    return item["kind"] in rule.kinds and rule.neighbourhood == ("neighbourhood" in item)


class _Child:
    """One child process that judges inputs against one rule at a time and answers input by input."""

    def __init__(self, rule_set: RuleSet):
        import multiprocessing  # only runs with custom rules pay for it

        context = multiprocessing.get_context(start_method())
        self.conn, remote = context.Pipe()
        process = context.Process  # type: ignore[attr-defined]  # every start method's context has it
        self.process = process(target=_serve, args=(remote, rule_set), daemon=True)
        self.process.start()
        remote.close()

    def judge(self, rule: Rule, items: list[dict[str, Any]], seconds: float) -> list[Any] | tuple[str, int | None]:
        """The rule's deny entries for each input, or why the rule is dropped and on which input (the
        engine's words may quote the input's values: the caller redacts them with that input's secrets)."""
        try:
            self.conn.send((rule.id, items))
            if not self.conn.poll(START_SECONDS):
                return f"its rules did not load within {START_SECONDS:.0f} s", None
            status, detail = self.conn.recv()
            if status == "compile":
                raise EngineError(detail)
            out: list[Any] = []
            for at, item in enumerate(items):
                if not self.conn.poll(seconds):
                    return f"took over {seconds:g} s on {item['kind']} {item['name']!r} (the rule budget)", at
                status, detail = self.conn.recv()
                if status == "error":
                    return f"failed on {item['kind']} {item['name']!r}: {detail}", at
                out.append(detail)
            return out
        except (EOFError, OSError):
            return "stopped the rule engine (it crashed or ran out of memory)", None

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


def _serve(conn: Connection, rule_set: RuleSet) -> None:
    """The child: compile each rule it is sent, then answer every input with its deny entries or error."""
    from scanner.rulebook import Rulebook

    rulebook = Rulebook.load(list(rule_set.rule_dirs))
    rulebook.configure(rule_set.params, rule_set.severities)
    by_id = {rule.id: rule for rule in rulebook.rules}
    while True:
        try:
            rule_id, items = conn.recv()
        except EOFError:
            return
        try:
            engine = make_engine(interpreting(rule_set.engine), rulebook, [by_id[rule_id]])
        except EngineError as exc:
            conn.send(("compile", str(exc)))
            continue
        conn.send(("ready", None))
        for item in items:
            try:
                conn.send(("ok", engine.evaluate_inputs([item])[0].get(rule_id, [])))
            except (EngineError, ValueError, TypeError, UnicodeError, RecursionError) as exc:
                conn.send(("error", str(exc) or type(exc).__name__))
