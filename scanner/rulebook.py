"""The rules: Rego files whose OPA `# METADATA` block Python reads (rego-cpp has no `rego.metadata`).

A rule is one `.rego` file with a `custom.id`, `custom.name`, `custom.severity` and `custom.kinds`
in its metadata and a `deny` set of `{"msg": ..., "path": [...]}` objects; its `_test.rego` sits
beside it. Other `.rego` files (no `custom.id`) are helper libraries. `data.json` files hold the
parameters rules read under `data.fgscan.params`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import scanner
from scanner.model import KINDS, Severity

_PACKAGE = re.compile(r"^package\s+([\w.]+)", re.MULTILINE)
_REQUIRED = ("id", "name", "severity", "kinds")


class RuleError(Exception):
    """A rule file whose metadata is missing or wrong."""


@dataclass(frozen=True)
class Rule:
    """One rule's metadata and where its Rego lives."""

    id: str
    name: str
    title: str
    description: str
    severity: Severity
    kinds: tuple[str, ...]
    package: str
    file: Path
    remediation: str = ""
    rationale: str = ""
    references: tuple[str, ...] = ()
    frameworks: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)
    custom: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def help_uri(self) -> str:
        """Where the rule is documented."""
        return self.references[0] if self.references else f"https://github.com/fargate-scanner/fgscan/blob/main/docs/rules.md#{self.name}"


def bundled_rules_dir() -> Path:
    """The rules shipped with the package (inside the wheel, or the checkout's `rules/`)."""
    package_dir = Path(scanner.__file__).parent
    for candidate in (package_dir / "bundled_rules", package_dir.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleError(f"no bundled rules found next to {package_dir}")


def read_metadata(text: str) -> dict[str, Any]:
    """The YAML of the first `# METADATA` comment block, or {}."""
    lines = text.splitlines()
    for start, line in enumerate(lines):
        if line.strip() == "# METADATA":
            block = []
            for following in lines[start + 1 :]:
                if not following.startswith("#"):
                    break
                block.append(following[2:] if following.startswith("# ") else following[1:])
            return yaml.safe_load("\n".join(block)) or {}
    return {}


def load_rule(file: Path) -> Rule | None:
    """The rule in `file`, or None for a helper module."""
    text = file.read_text(encoding="utf-8")
    meta = read_metadata(text)
    custom = meta.get("custom") or {}
    if "id" not in custom:
        return None
    missing = [k for k in _REQUIRED if k not in custom]
    if missing:
        raise RuleError(f"{file}: metadata lacks custom.{', custom.'.join(missing)}")
    package = _PACKAGE.search(text)
    if not package:
        raise RuleError(f"{file}: no package line")
    kinds = tuple(custom["kinds"])
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise RuleError(f"{file}: unknown kinds {unknown}; known: {', '.join(KINDS)}")
    try:
        severity = Severity(str(custom["severity"]).lower())
    except ValueError:
        raise RuleError(f"{file}: severity must be critical, high, medium or low") from None
    frameworks = {k: tuple(str(c) for c in v) for k, v in (custom.get("frameworks") or {}).items()}
    return Rule(
        id=str(custom["id"]),
        name=str(custom["name"]),
        title=str(meta.get("title", custom["name"])),
        description=" ".join(str(meta.get("description", "")).split()),
        severity=severity,
        kinds=kinds,
        package=package.group(1),
        file=file,
        remediation=" ".join(str(custom.get("remediation", "")).split()),
        rationale=" ".join(str(custom.get("rationale", "")).split()),
        references=tuple(custom.get("references") or ()),
        frameworks=frameworks,
        custom=custom,
    )


@dataclass
class Rulebook:
    """The rules of a run, their helper modules and their parameters."""

    rules: list[Rule]
    modules: list[Path]
    params: dict[str, Any]
    test_files: list[Path]

    @classmethod
    def load(cls, dirs: list[Path] | None = None) -> Rulebook:
        """Bundled rules plus any extra rule folders, in that order."""
        rules: list[Rule] = []
        modules: list[Path] = []
        tests: list[Path] = []
        params: dict[str, Any] = {}
        for folder in [bundled_rules_dir(), *(dirs or [])]:
            if not folder.is_dir():
                raise RuleError(f"{folder}: not a folder of rules")
            for file in sorted(folder.rglob("*.rego")):
                if file.name.endswith("_test.rego"):
                    tests.append(file)
                    continue
                modules.append(file)
                rule = load_rule(file)
                if rule:
                    rules.append(rule)
            for data_file in sorted(folder.rglob("data.json")):
                _merge(params, json.loads(data_file.read_text()).get("fgscan", {}).get("params", {}))
        _check_unique(rules)
        return cls(rules, modules, params, tests)

    def find(self, key: str) -> Rule | None:
        """A rule by id or name, case-insensitively."""
        key = key.lower()
        return next((r for r in self.rules if key in (r.id.lower(), r.name.lower())), None)

    def select(self, include: list[str], skip: list[str], frameworks: list[str] | None = None) -> list[Rule]:
        """The rules a run evaluates; unknown ids or names raise `RuleError`."""
        for key in (*include, *skip):
            if self.find(key) is None:
                raise RuleError(f"unknown rule {key!r} (see 'fgscan rules list')")
        wanted = {self.find(k).id for k in include}  # type: ignore[union-attr]
        dropped = {self.find(k).id for k in skip}  # type: ignore[union-attr]
        chosen = [r for r in self.rules if (not wanted or r.id in wanted) and r.id not in dropped]
        if frameworks:
            chosen = [r for r in chosen if any(f in r.frameworks for f in frameworks)]
        return chosen

    def data_document(self) -> dict[str, Any]:
        """The base document rules read: `data.fgscan.params`."""
        return {"fgscan": {"params": self.params}}


def entry_module(rules: list[Rule]) -> str:
    """A Rego module gathering, per resource kind, every chosen rule's `deny` set by rule id."""
    lines = ["package fgscan.main", "", "import rego.v1", ""]
    for kind in KINDS:
        chosen = [r for r in rules if kind in r.kinds]
        if chosen:
            body = ",\n".join(f'\t"{r.id}": data.{r.package}.deny' for r in chosen)
            lines.append(f"{kind} := {{\n{body},\n}}\n")
    return "\n".join(lines)


def _check_unique(rules: list[Rule]) -> None:
    for attr in ("id", "name", "package"):
        seen: dict[str, Path] = {}
        for rule in rules:
            value = getattr(rule, attr)
            if value in seen:
                raise RuleError(f"{rule.file}: {attr} {value!r} already used by {seen[value]}")
            seen[value] = rule.file


def _merge(into: dict[str, Any], new: dict[str, Any]) -> None:
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value
