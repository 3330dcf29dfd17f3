"""What every engine offers and takes: the `Engine` protocol, its errors and the input of one resource."""

from __future__ import annotations

import shutil
from typing import Any, Protocol

from scanner.model import Resource

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


def opa_path() -> str | None:
    """The `opa` binary on PATH, if any."""
    return shutil.which("opa")
