"""The layout stays a pipeline: no module of `scanner/` or `reports/` imports, directly or through others,
a module that imports it back (lazy imports inside functions included)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGES = ("scanner", "reports")


def module_name(file: Path) -> str:
    parts = list(file.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(file: Path, modules: set[str]) -> set[str]:
    """The project modules `file` imports (`from a.b import c` counts `a.b.c` when that is a module)."""
    found = set()
    for node in ast.walk(ast.parse(file.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name in modules}


def graph() -> dict[str, set[str]]:
    files = [f for package in PACKAGES for f in (ROOT / package).rglob("*.py")]
    modules = {module_name(f) for f in files}
    return {module_name(f): imports(f, modules) - {module_name(f)} for f in files}


def cycle_from(start: str, edges: dict[str, set[str]]) -> list[str] | None:
    stack, seen = [(start, [start])], set()
    while stack:
        node, path = stack.pop()
        for nxt in sorted(edges.get(node, ())):
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


def test_no_import_cycles():
    edges = graph()
    assert len(edges) > 40
    cycles = {" -> ".join(c) for m in edges if (c := cycle_from(m, edges))}
    assert not cycles, "\n".join(sorted(cycles))
