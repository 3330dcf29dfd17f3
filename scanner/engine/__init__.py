"""Rego evaluation behind one interface: regorus (embedded Rust engine, the default), regopy (embedded
rego-cpp) or the `opa` binary."""

from __future__ import annotations

import importlib.util
import shutil
from typing import Any, Protocol

from scanner.model import Resource
from scanner.rulebook import Rule, Rulebook

DenySets = dict[str, list[dict[str, Any]]]


class EngineError(Exception):
    """The policy could not be compiled or evaluated."""


class Engine(Protocol):
    """Evaluates the chosen rules against resources, one input per resource."""

    def evaluate(self, resources: list[Resource]) -> list[DenySets]:
        """For each resource, the `deny` entries of every rule for its kind, keyed by rule id."""
        ...

    def evaluate_inputs(self, items: list[dict[str, Any]]) -> list[DenySets]:
        """The same for ready-made inputs (each with `kind` and `name`), such as exposure neighbourhoods."""
        ...


def rego_input(resource: Resource) -> dict[str, Any]:
    """The `input` document one resource is evaluated against."""
    return {
        "kind": resource.kind,
        "name": resource.name,
        "resource": resource.data,
        "facts": resource.facts,
        "links": resource.links,
    }


def default_engine() -> str:
    """regorus, the fastest engine that agrees with OPA (see the README); regopy where no regorus wheel installs."""
    return "regorus" if importlib.util.find_spec("regorus") else "regopy"


def make_engine(name: str, rulebook: Rulebook, rules: list[Rule]) -> Engine:
    """An engine by name: `regorus`, `regopy` or `opa`."""
    if name == "regopy":
        from scanner.engine.regopy_engine import RegopyEngine

        return RegopyEngine(rulebook, rules)
    if name == "regorus":
        from scanner.engine.regorus_engine import RegorusEngine

        return RegorusEngine(rulebook, rules)
    if name == "opa":
        from scanner.engine.opa_engine import OpaEngine

        return OpaEngine(rulebook, rules)
    raise EngineError(f"unknown engine {name!r}: use regorus, regopy or opa")


def opa_path() -> str | None:
    """The `opa` binary on PATH, if any."""
    return shutil.which("opa")
