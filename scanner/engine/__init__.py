"""Rego evaluation behind one interface (`scanner.engine.interface`): regorus (embedded Rust engine) compiled
to its VM (the default) or interpreted, regopy (embedded rego-cpp) or the `opa` binary."""

from __future__ import annotations

import importlib.util

from scanner.engine.interface import DenySets, Engine, EngineError, opa_path, rego_input
from scanner.rulebook import Rule, Rulebook

__all__ = [
    "DenySets",
    "Engine",
    "EngineError",
    "default_engine",
    "interpreting",
    "make_engine",
    "opa_path",
    "rego_input",
]


def default_engine() -> str:
    """regorus's VM, the fastest engine that agrees with OPA (see the README); regopy where no regorus wheel
    installs."""
    return "regorus-vm" if importlib.util.find_spec("regorus") else "regopy"


def interpreting(name: str) -> str:
    """The engine that runs Rego tests and custom rules for `name`: regorus's VM has no `with`, and its guard
    against the VM's fault is checked on the bundled rules only (see `scanner.engine.regorus_vm`)."""
    return "regorus" if name == "regorus-vm" else name


def make_engine(name: str, rulebook: Rulebook, rules: list[Rule]) -> Engine:
    """An engine by name: `regorus-vm`, `regorus`, `regopy` or `opa`."""
    if name == "regopy":
        from scanner.engine.regopy_engine import RegopyEngine

        return RegopyEngine(rulebook, rules)
    if name == "regorus":
        from scanner.engine.regorus_engine import RegorusEngine

        return RegorusEngine(rulebook, rules)
    if name == "regorus-vm":
        from scanner.engine.regorus_vm import RegorusVmEngine

        return RegorusVmEngine(rulebook, rules)
    if name == "opa":
        from scanner.engine.opa_engine import OpaEngine

        return OpaEngine(rulebook, rules)
    raise EngineError(f"unknown engine {name!r}: use regorus-vm, regorus, regopy or opa")
