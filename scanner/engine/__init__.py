"""Rego evaluation behind one interface (`scanner.engine.interface`): regopy (embedded rego-cpp, the default)
or the `opa` binary."""

from __future__ import annotations

from scanner.engine.interface import DenySets, Engine, EngineError, opa_path, rego_input
from scanner.rulebook import Rule, Rulebook

__all__ = ["DenySets", "Engine", "EngineError", "make_engine", "opa_path", "rego_input"]


def make_engine(name: str, rulebook: Rulebook, rules: list[Rule]) -> Engine:
    """An engine by name: `regopy` or `opa`."""
    if name == "regopy":
        from scanner.engine.regopy_engine import RegopyEngine

        return RegopyEngine(rulebook, rules)
    if name == "opa":
        from scanner.engine.opa_engine import OpaEngine

        return OpaEngine(rulebook, rules)
    raise EngineError(f"unknown engine {name!r}: use regopy or opa")
