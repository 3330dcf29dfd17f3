"""The embedded engine: rego-cpp through regopy. One compiled bundle, one query per resource."""

from __future__ import annotations

import re

import regopy
from regopy.rego_shared import LogLevel, rego_bundle_query_entrypoint, rego_get_error

from scanner.engine.interface import DenySets, EngineError, rego_input
from scanner.engine.rego_values import first_expression, from_regocpp, to_regocpp
from scanner.model import Resource
from scanner.rulebook import Rule, Rulebook

_ERROR = re.compile(r"\(error (\d+):.*?\|(\d+)\|\d+\s+(?:\(errormsg (\d+):)?", re.DOTALL)


def interpreter(modules: dict[str, str], data: dict) -> regopy.Interpreter:
    """An interpreter holding `modules` (name -> source) and the base document `data`."""
    rego = regopy.Interpreter()
    rego.log_level = LogLevel.NONE  # errors are raised, not dumped on stdout
    try:
        for name, source in modules.items():
            rego.add_module(name, source)
        rego.add_data(data)
    except regopy.RegoError as exc:
        raise EngineError(f"cannot load the rules: {describe_error(str(exc), modules)}") from None
    return rego


def describe_error(text: str, modules: dict[str, str]) -> str:
    """rego-cpp's first error (an s-expression of `(error N:FILE|OFFSET|LEN (errormsg N:MESSAGE))`)
    as `FILE:LINE:COL: MESSAGE`; other text comes back on one line."""
    found = _ERROR.search(text)
    if not found:
        return " ".join(text.split())
    file, offset = _counted(text, found.end(1)), int(found.group(2))
    message = _counted(text, found.end(3)) if found.group(3) else "syntax error"
    source = modules.get(file, "")[:offset]
    line, col = source.count("\n") + 1, offset - (source.rfind("\n") + 1) + 1
    return f"{file}:{line}:{col}: {message}" if file in modules else f"{file}: {message}"


def _counted(text: str, colon: int) -> str:
    """The string after `N:` at `text[colon]`, `N` characters long (rego-cpp's length-prefixed strings)."""
    start = text.rfind(" ", 0, colon) + 1
    length = int(text[start:colon].lstrip("("))
    return text[colon + 1 : colon + 1 + length]


def last_error(rego: regopy.Interpreter) -> str:
    """The interpreter's last error message, on one line."""
    return " ".join(rego_get_error(rego._impl).split())


class RegopyEngine:
    """Compiles the bundle once and evaluates each resource on its own (rego-cpp slows down sharply
    when one input holds many resources)."""

    def __init__(self, rulebook: Rulebook, rules: list[Rule]):
        self.rego = interpreter(rulebook.sources_for(rules), rulebook.data_document())
        self.kinds = sorted({kind for rule in rules for kind in rule.kinds})
        self.entrypoints = {kind: f"fgscan/main/{kind}" for kind in self.kinds}
        if not self.kinds:
            self.bundle = None
            return
        self.bundle = self.rego.build(None, list(self.entrypoints.values()))
        if self.bundle is None or not self.bundle.ok():
            raise EngineError(f"cannot compile the rules: {last_error(self.rego)}")

    def evaluate(self, resources: list[Resource]) -> list[DenySets]:
        """See `Engine.evaluate`."""
        return self.evaluate_inputs([rego_input(r) for r in resources])

    def evaluate_inputs(self, items: list[dict]) -> list[DenySets]:
        """See `Engine.evaluate_inputs`."""
        return [self._one(item) for item in items]

    def _one(self, item: dict) -> DenySets:
        entrypoint = self.entrypoints.get(item["kind"])
        if entrypoint is None:
            return {}
        assert self.bundle is not None  # compiled whenever a kind has rules
        self.rego.set_input(regopy.Input(to_regocpp(item)))
        ok, value = first_expression(rego_bundle_query_entrypoint(self.rego._impl, self.bundle._impl, entrypoint))
        if not ok:
            raise EngineError(f"evaluating {item['kind']} {item['name']!r}: {last_error(self.rego)}")
        return from_regocpp(value) or {}
