"""The rules: Rego files whose OPA `# METADATA` block Python reads (rego-cpp has no `rego.metadata`).

A rule is one `.rego` file with a `custom.id`, `custom.name`, `custom.severity` and `custom.kinds`
in its metadata and a `deny` set of `{"msg": ..., "path": [...]}` objects; its `_test.rego` sits
beside it. Other `.rego` files (no `custom.id`) are helper libraries. `data.json` files hold the
parameters rules read under `data.fgscan.params`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from msgspec import Struct, field
from msgspec.structs import replace

import scanner
from scanner.metadata_cache import MetadataCache
from scanner.model import KINDS, Severity

_PACKAGE = re.compile(r"^package\s+([\w.]+)", re.MULTILINE)
_REQUIRED = ("id", "name", "severity", "kinds")
_SEVERITIES = frozenset(s.value for s in Severity)  # what a deny entry's own `severity` may say


class RuleError(Exception):
    """A rule file whose metadata is missing or wrong."""


class Rule(Struct, frozen=True):
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
    frameworks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    custom: dict[str, Any] = field(default_factory=dict)
    severity_overridden: bool = False  # set by the user's config: findings keep this severity
    bundled: bool = False  # shipped with fgscan, not a custom rule (custom rules run under a budget: `scanner.budget`)

    @property
    def neighbourhood(self) -> bool:
        """`custom.input: neighbourhood`: the rule reads a service's neighbourhood in the exposure pass
        (`scanner.exposure`), never a single resource."""
        return self.custom.get("input") == "neighbourhood"

    def severity_of(self, deny: dict[str, Any]) -> Severity:
        """A finding's severity: the deny entry's own (compound risks) unless the user set the rule's."""
        own = deny.get("severity")
        if own in _SEVERITIES and not self.severity_overridden:
            return Severity(own)
        return self.severity

    @property
    def help_uri(self) -> str:
        """Where the rule is documented."""
        return (
            self.references[0]
            if self.references
            else f"https://github.com/fargate-scanner/fgscan/blob/main/docs/rules.md#{self.name}"
        )


def bundled_rules_dir() -> Path:
    """The rules shipped with the package (inside the wheel, or the checkout's `rules/`)."""
    package_dir = Path(scanner.__file__).parent
    for candidate in (package_dir / "bundled_rules", package_dir.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleError(f"no bundled rules found next to {package_dir}")


def read_metadata(text: str) -> dict[str, Any]:
    """The YAML of the first `# METADATA` comment block, or {}."""
    import yaml  # not at import: a scan of JSON files reads no other YAML, and the parser costs start-up time

    lines = text.splitlines()
    for start, line in enumerate(lines):
        if line.strip() == "# METADATA":
            block = []
            for following in lines[start + 1 :]:
                if not following.startswith("#"):
                    break
                block.append(following[2:] if following.startswith("# ") else following[1:])
            try:
                meta = yaml.load("\n".join(block), Loader=yaml.CSafeLoader) or {}
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line = start + 2 + min(mark.line, len(block) - 1) if mark else start + 1  # type: ignore[assignment]  # not past the block
                raise RuleError(f"{line}: invalid METADATA YAML: {getattr(exc, 'problem', None) or exc}") from None
            if not isinstance(meta, dict) or not isinstance(meta.get("custom") or {}, dict):
                raise RuleError(f"{start + 1}: METADATA and its custom block must be mappings")
            return meta
    return {}


def _header(text: str) -> dict[str, Any]:
    """What a rule file says of itself: its metadata and package."""
    package = _PACKAGE.search(text)
    return {"metadata": read_metadata(text), "package": package.group(1) if package else None}


def load_rule(file: Path, cache: MetadataCache | None = None, bundled: bool = False) -> Rule | None:
    """The rule in `file`, or None for a helper module."""

    def text() -> str:
        return file.read_text(encoding="utf-8")

    try:
        header = cache.read(file, text, _header) if cache else _header(text())
        meta, package = header["metadata"], header["package"]
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{file}: cannot read rule: {exc}") from None
    except RuleError as exc:
        raise RuleError(f"{file}:{exc}") from None
    custom = meta.get("custom") or {}
    if "id" not in custom:
        return None
    missing = [k for k in _REQUIRED if k not in custom]
    if missing:
        raise RuleError(f"{file}: metadata lacks custom.{', custom.'.join(missing)}")
    for key, kind in (("kinds", list), ("frameworks", dict), ("references", list), ("examples", dict)):
        if custom.get(key) is not None and not isinstance(custom[key], kind):
            raise RuleError(f"{file}: metadata custom.{key} must be a {'list' if kind is list else 'mapping'}")
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
    frameworks = {
        str(k).lower(): tuple(str(c) for c in (v if isinstance(v, list) else [v]))
        for k, v in (custom.get("frameworks") or {}).items()
    }
    return Rule(
        id=str(custom["id"]),
        name=str(custom["name"]),
        title=str(meta.get("title", custom["name"])),
        description=" ".join(str(meta.get("description", "")).split()),
        severity=severity,
        kinds=kinds,
        package=package,
        file=file,
        remediation=" ".join(str(custom.get("remediation", "")).split()),
        rationale=" ".join(str(custom.get("rationale", "")).split()),
        references=tuple(custom.get("references") or ()),
        frameworks=frameworks,
        custom=custom,
        bundled=bundled,
    )


class Rulebook(Struct):
    """The rules of a run, their helper modules and their parameters."""

    rules: list[Rule]
    modules: list[Path]
    params: dict[str, Any]
    test_files: list[Path]
    sources: dict[Path, str] = field(default_factory=dict)

    def source(self, module: Path) -> str:
        """A module's text, read once per run: the engines and the redactor's vocabulary both need it."""
        if module not in self.sources:
            self.sources[module] = module.read_text(encoding="utf-8")
        return self.sources[module]

    @classmethod
    def load(cls, dirs: list[Path] | None = None) -> Rulebook:
        """Bundled rules plus any extra rule folders, in that order."""
        rules: list[Rule] = []
        modules: list[Path] = []
        tests: list[Path] = []
        params: dict[str, Any] = {}
        shipped = bundled_rules_dir()
        for folder in [shipped, *(dirs or [])]:
            if not folder.is_dir():
                raise RuleError(f"{folder}: not a folder of rules")
            cache = MetadataCache(folder)
            for file in sorted(folder.rglob("*.rego")):
                if file.name.endswith("_test.rego"):
                    tests.append(file)
                    continue
                modules.append(file)
                rule = load_rule(file, cache, bundled=folder is shipped)
                if rule:
                    rules.append(rule)
            for data_file in sorted(folder.rglob("data.json")):
                _merge(params, _read_params(data_file))
            cache.save()
        _check_unique(rules)
        return cls(rules, modules, params, tests)

    def find(self, key: str) -> Rule | None:
        """A rule by id or name, case-insensitively."""
        key = key.lower()
        return next((r for r in self.rules if key in (r.id.lower(), r.name.lower())), None)

    def frameworks(self) -> list[str]:
        """Every framework some rule maps to, sorted."""
        return sorted({name for rule in self.rules for name in rule.frameworks})

    def framework_problem(self, selector: str) -> str | None:
        """Why a framework selector (`aws-fsbp`, or one control: `aws-fsbp/ECS.4`) selects nothing, or None."""
        name, _, control = selector.lower().partition("/")
        known = self.frameworks()
        if name not in known:
            return f"unknown framework {selector!r} (known: {', '.join(known) or 'none'})"
        if control and not any(_maps(rule, selector) for rule in self.rules):
            return f"no rule maps to {selector!r}"
        return None

    def configure(self, params: dict[str, Any], severities: dict[str, Severity]) -> None:
        """Apply a user's parameter overrides (deep-merged) and severities (by rule id or name)."""
        _merge(self.params, params)
        for key, severity in severities.items():
            rule = self.find(key)
            if rule is None:
                raise RuleError(f"unknown rule {key!r} (see 'fgscan rules list')")
            self.rules[self.rules.index(rule)] = replace(rule, severity=severity, severity_overridden=True)

    def select(self, include: list[str], skip: list[str], frameworks: list[str] | None = None) -> list[Rule]:
        """The rules a run evaluates; unknown ids, names or frameworks raise `RuleError`."""
        for key in (*include, *skip):
            if self.find(key) is None:
                raise RuleError(f"unknown rule {key!r} (see 'fgscan rules list')")
        frameworks = [f.lower() for f in frameworks or []]
        for name in frameworks:
            problem = self.framework_problem(name)
            if problem:
                raise RuleError(problem)
        wanted = {self.find(k).id for k in include}  # type: ignore[union-attr]
        dropped = {self.find(k).id for k in skip}  # type: ignore[union-attr]
        chosen = [r for r in self.rules if (not wanted or r.id in wanted) and r.id not in dropped]
        if frameworks:
            chosen = [r for r in chosen if any(_maps(r, f) for f in frameworks)]
        return chosen

    def modules_for(self, rules: list[Rule]) -> list[Path]:
        """The modules an engine needs to evaluate `rules`: every helper library, and the rules of their
        kinds (a rule may import another of its kind, as host-path-volume imports docker-socket-mount).
        A scan of one task definition so loads a third of the bundle, which is most of its start-up."""
        kinds = {kind for rule in rules for kind in rule.kinds}
        owners = {rule.file: rule for rule in self.rules}
        return [m for m in self.modules if m not in owners or kinds.intersection(owners[m].kinds)]

    def sources_for(self, rules: list[Rule]) -> dict[str, str]:
        """What an embedded engine loads for `rules`: each module of `modules_for` (name -> source) and, as
        `fgscan/main.rego`, their `entry_module`."""
        sources = {str(path): self.source(path) for path in self.modules_for(rules)}
        sources["fgscan/main.rego"] = entry_module(rules)
        return sources

    def data_document(self) -> dict[str, Any]:
        """The base document rules read: `data.fgscan.params`."""
        return {"fgscan": {"params": self.params}}


# Controls a framework retired, and the current ones that took them over: an old configuration that
# selects one still selects their rules. AWS retired FSBP ECS.1 in March 2026.
RETIRED_CONTROLS = {"aws-fsbp": {"ecs.1": ("ecs.4", "ecs.17", "ecs.20", "ecs.21")}}


def _maps(rule: Rule, selector: str) -> bool:
    """The rule maps to a framework (`aws-fsbp`) or to one of its controls (`aws-fsbp/ECS.4`, case-insensitive)."""
    name, _, control = selector.lower().partition("/")
    if name not in rule.frameworks:
        return False
    if not control:
        return True
    wanted = RETIRED_CONTROLS.get(name, {}).get(control, (control,))
    return any(c.lower() in wanted for c in rule.frameworks[name])


def entry_module(rules: list[Rule]) -> str:
    """A Rego module gathering, per resource kind, every chosen rule's `deny` set by rule id."""
    lines = ["package fgscan.main", "", "import rego.v1", ""]
    for kind in KINDS:
        chosen = [r for r in rules if kind in r.kinds]
        if chosen:
            body = ",\n".join(f'\t"{r.id}": data.{r.package}.deny' for r in chosen)
            lines.append(f"{kind} := {{\n{body},\n}}\n")
    return "\n".join(lines)


def entry_rules(rules: list[Rule]) -> dict[str, str]:
    """Each kind `rules` judge -> the rule of `entry_module` that gathers their deny sets."""
    return {kind: f"data.fgscan.main.{kind}" for rule in rules for kind in rule.kinds}


def _check_unique(rules: list[Rule]) -> None:
    for attr in ("id", "name", "package"):
        seen: dict[str, Path] = {}
        for rule in rules:
            value = getattr(rule, attr)
            if value in seen:
                raise RuleError(f"{rule.file}: {attr} {value!r} already used by {seen[value]}")
            seen[value] = rule.file


def _read_params(data_file: Path) -> dict[str, Any]:
    try:
        data = json.loads(data_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{data_file}: cannot read parameters: {exc}") from None
    except json.JSONDecodeError as exc:
        raise RuleError(f"{data_file}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None
    params = data.get("fgscan", {}).get("params", {}) if isinstance(data, dict) else None
    if not isinstance(params, dict):
        raise RuleError(f"{data_file}: fgscan.params must be an object")
    return params


def _merge(into: dict[str, Any], new: dict[str, Any]) -> None:
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value
