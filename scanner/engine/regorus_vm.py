"""regorus's compiled mode, its register VM: about three times faster than regorus's interpreter on the
bundle, with identical results once one VM fault is guarded against (`guard_assignments`).

The fault: in regorus 0.13's VM, `x := expr` whose `expr` is undefined (a missing key, a function with no
clause for its argument) does not end the body as Rego requires; `x` carries the undefined value on, and a
set rule or a comprehension collects it (`"<undefined>"` in a deny set, a count one too high). A comparison
with an undefined value does fail, so every `x := expr` is compiled followed by `x == x`, true for every
defined value in every engine. The rules' text is never changed on disk, and the interpreter (which has no
such fault) runs the Rego tests, since the VM has no `with`.

Compiling takes 0.1-0.6 s, so the compiled program is kept in fgscan's cache folder (`scanner.cache`) under a
hash of everything it is made of: the modules, the data document (parameters included), the entry points, this
module's guard and the regorus library's file. Loading it back takes about a millisecond. Whatever the VM
cannot compile or evaluate goes to regorus's interpreter, so it never costs a result.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import regorus

from scanner.cache import cache_dir, read_trusted, write_atomically
from scanner.engine.interface import DenySets, rego_input
from scanner.engine.json_text import answer_value, input_text
from scanner.engine.regorus_engine import RegorusEngine
from scanner.model import Resource
from scanner.rulebook import Rule, Rulebook, entry_rules

KEEP = 256  # compiled programs kept in the cache folder (20-400 KB each)
GUARD = 1  # the version of `guard_assignments`: compiled programs of another are not reused


def guard_assignments(modules: dict[str, str]) -> dict[str, str]:
    """Each module with `; x == x` after every statement `x := expr` (each variable of a pattern such as
    `[a, b] := expr`), located through regorus's own parse of the modules; a one-statement body written
    without braces (`f(x) := y if y := g(x)`) gets them."""
    parser = regorus.Engine()
    for name, source in modules.items():
        parser.add_policy(name, source)
    guarded = {}
    for policy in json.loads(parser.get_ast_as_json()):
        raw = policy["source"]["contents"].encode()
        for offset, text in sorted(_inserts(policy["ast"], raw), reverse=True):
            raw = raw[:offset] + text.encode() + raw[offset:]
        guarded[policy["source"]["file"]] = raw.decode()
    return guarded


def _inserts(node: Any, raw: bytes) -> list[tuple[int, str]]:
    """(offset, text) to insert for every `:=` statement under `node`, in a module's UTF-8 text `raw`."""
    found = []
    if isinstance(node, dict):
        query = node.get("stmts") or []
        braced = raw[node["span"]["start"] : node["span"]["start"] + 1] in (b"{", b"|") if query else True
        for stmt in query:
            expr = stmt.get("literal", {}).get("Expr", {}).get("expr", {}).get("AssignExpr")
            names = sorted(set(_variables(expr["lhs"])) - {"_"}) if expr and expr["op"] == "ColEq" else []
            if not names:
                continue
            guard = "".join(f"; {n} == {n}" for n in names)
            start, end = stmt["span"]["start"], stmt["span"]["end"]
            if braced or len(query) > 1:
                found.append((end, guard))
            else:  # `if x := expr`, a body without braces
                found += [(start, "{ "), (end, f"{guard} }}")]
        for value in node.values():
            found += _inserts(value, raw)
    elif isinstance(node, list):
        for value in node:
            found += _inserts(value, raw)
    return found


def compiled(modules: dict[str, str], data: str, entry_points: list[str]) -> regorus.Program:
    """The VM program of `modules` (guarded) with `data`, from the cache folder when it was compiled before."""
    library = os.stat(regorus.regorus.__file__)  # the compiled library itself
    stamp = hashlib.sha256(
        json.dumps([sorted(modules.items()), data, entry_points, GUARD, library.st_size, library.st_mtime_ns]).encode()
    )
    file = cache_dir() / f"rvm-{stamp.hexdigest()[:32]}.bin"
    cached = read_trusted(file)
    if cached is not None:
        try:
            program, stale = regorus.Program.deserialize_binary(cached)
            if not stale:
                return program
        except RuntimeError:  # a damaged file is compiled anew and replaced
            pass
    program = regorus.Program.compile_from_modules(data, list(guard_assignments(modules).items()), entry_points)
    write_atomically(file, program.serialize_binary())
    _prune(file.parent)
    return program


def _prune(folder: Path) -> None:
    """Keep the newest KEEP programs: each set of rules and parameters a user ever ran leaves one per kind."""
    try:
        programs = sorted(folder.glob("rvm-*.bin"), key=lambda f: f.stat().st_mtime_ns, reverse=True)
        for old in programs[KEEP:]:
            old.unlink()
    except OSError:  # another run pruned first
        pass


def _variables(pattern: Any) -> list[str]:
    """The variables a `:=` target binds: a variable, or those inside an array or object pattern."""
    if isinstance(pattern, dict):
        if "Var" in pattern:
            return [pattern["Var"]["value"]]
        if "Array" in pattern:
            return [v for item in pattern["Array"]["items"] for v in _variables(item)]
        if "Object" in pattern:
            return [v for field in pattern["Object"]["fields"] for v in _variables(field[-1])]
    return []


class RegorusVmEngine:
    """The chosen rules compiled once into a VM program with one entry point per resource kind."""

    def __init__(self, rulebook: Rulebook, rules: list[Rule]):
        self.rulebook, self.rules = rulebook, rules
        modules = rulebook.sources_for(rules)
        self.entry_rules = entry_rules(rules)
        data = json.dumps(rulebook.data_document())
        self._interpreter: RegorusEngine | None = None
        self.vm: regorus.Rvm | None = None
        try:
            program = compiled(modules, data, sorted(set(self.entry_rules.values())))
            self.vm = regorus.Rvm()
            self.vm.load_program(program)
            self.vm.set_data_json(data)
        except RuntimeError:  # the interpreter then loads the rules and names what is wrong with them
            self.vm = None
            self.interpreter()

    def interpreter(self) -> RegorusEngine:
        """regorus's interpreter on the same rules, loaded on first need."""
        if self._interpreter is None:
            self._interpreter = RegorusEngine(self.rulebook, self.rules)
        return self._interpreter

    def evaluate(self, resources: list[Resource]) -> list[DenySets]:
        """See `Engine.evaluate`."""
        return self.evaluate_inputs([rego_input(r) for r in resources])

    def evaluate_inputs(self, items: list[dict]) -> list[DenySets]:
        """See `Engine.evaluate_inputs`."""
        return [self._one(item) for item in items]

    def _one(self, item: dict) -> DenySets:
        if item["kind"] not in self.entry_rules:
            return {}
        try:
            answer = self.evaluate_text(item["kind"], input_text(item))
        except (TypeError, ValueError):  # no JSON for it: the interpreter reads Python values
            answer = None
        if answer is not None:
            return answer_value(answer) or {}
        return self.interpreter().evaluate_inputs([item])[0]

    def evaluate_text(self, kind: str, text: str) -> str | None:
        """The deny sets of one input given as JSON text, as JSON text (what the VM reads and writes, so a
        worker passes both on without building them as Python values); None when the VM cannot take it (beyond
        its 25,000 instructions, say): the caller then gives the input to `interpreter()`."""
        if self.vm is None or kind not in self.entry_rules:
            return None
        try:
            self.vm.set_input_json(text)
            return str(self.vm.execute_entry_point(self.entry_rules[kind]))
        except RuntimeError:
            return None
