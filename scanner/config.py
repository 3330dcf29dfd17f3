"""The configuration file `.fgscan.yaml`: parameters, rule selection and severities, custom rule
folders, frameworks, the failure threshold, excluded paths and accepted findings (`ignore`).

The file is found in the working directory or named with `--config`; it is checked against
`config_schema.json`, then against the loaded rules (rule names, parameter names and types), and
every problem is reported as `FILE:LINE: error: ...`. Flags on the command line win over the file.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from scanner.model import InputError, InputProblem, Severity
from scanner.rulebook import Rulebook
from scanner.sources.discovery import display_path
from scanner.sources.documents import Document, parse, read_text

CONFIG_NAME = ".fgscan.yaml"
SCHEMA_FILE = Path(__file__).with_name("config_schema.json")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_TYPES = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "number": "a number",
    "integer": "an integer",
    "boolean": "true or false",
    "null": "null",
}


class ConfigError(Exception):
    """A configuration file that cannot be used; carries one `InputError` per problem."""

    def __init__(self, errors: list[InputError]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


class IgnoreEntry(Struct, frozen=True):
    """One accepted finding: which rule, path glob and/or resource it covers, why, and until when."""

    reason: str
    rule: str | None = None
    path: str | None = None
    resource: str | None = None
    expires: date | None = None
    line: int | None = None


class Config(Struct):
    """A parsed configuration file (all defaults when there is none)."""

    file: Path | None = None
    params: dict[str, Any] = field(default_factory=dict)
    disable: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    budget_seconds: float | None = None  # how long a custom rule may spend on one input
    rule_dirs: list[Path] = field(default_factory=list)
    frameworks: list[str] = field(default_factory=list)
    fail_on: str | None = None
    exclude: list[str] = field(default_factory=list)
    ignore: list[IgnoreEntry] = field(default_factory=list)
    doc: Document | None = None

    def line(self, path: tuple) -> int | None:
        """The line where the value at `path` is written."""
        span = self.doc.span(path)[0] if self.doc else None
        return span.start_line if span else None

    def error(self, path: tuple, message: str) -> InputError:
        """An error located at `path` in the file."""
        return InputError(self.doc.path if self.doc else str(self.file), message, self.line(path))

    def check(self, rulebook: Rulebook) -> None:
        """Check rule names, frameworks and parameters against the loaded rules; `ConfigError` lists
        every problem."""
        errors = _against_rules(self, self.doc.data if self.doc else {}, rulebook)
        if errors:
            raise ConfigError(errors)


def find_config(explicit: Path | None, cwd: Path | None = None) -> Path | None:
    """The file named with `--config`, else `.fgscan.yaml` in the working directory, else None."""
    if explicit is not None:
        return explicit
    candidate = (cwd or Path.cwd()) / CONFIG_NAME
    return candidate if candidate.is_file() else None


def load_config(explicit: Path | None = None, cwd: Path | None = None) -> Config:
    """The configuration in effect: the named or found file, or the defaults."""
    file = find_config(explicit, cwd)
    return Config() if file is None else read_config(file)


def read_config(file: Path) -> Config:
    """Parse and validate one configuration file."""
    shown = display_path(file)
    try:
        return _read_config(file, shown)
    except RecursionError:
        raise ConfigError([InputError(shown, "nested too deeply to be a configuration file")]) from None
    except ValueError as exc:  # Python refuses integers of more than 4300 digits
        reason = str(exc).split(";")[0]
        raise ConfigError([InputError(shown, f"holds a value fgscan cannot use ({reason})")]) from None


def _read_config(file: Path, shown: str) -> Config:
    try:
        text = read_text(file, shown)
        doc = parse(text, shown, "yaml")
    except InputProblem as problem:
        if problem.error.message == "file is empty":
            return Config(file=file)
        raise ConfigError([problem.error]) from None
    config = Config(file=file, doc=doc)
    _validate(config, doc.data)
    data: dict[str, Any] = doc.data
    base = file.parent
    rules = data.get("rules") or {}
    config.params = data.get("params") or {}
    config.disable = list(rules.get("disable") or [])
    config.severity = {k: Severity(v) for k, v in (rules.get("severity") or {}).items()}
    config.budget_seconds = rules.get("budget_seconds")
    config.rule_dirs = [base / d for d in [*(data.get("rules_dirs") or []), *(data.get("custom_rules") or [])]]
    config.frameworks = list(data.get("frameworks") or [])
    config.fail_on = data.get("fail_on")
    config.exclude = list(data.get("exclude") or [])
    config.ignore = [_ignore_entry(config, i, entry) for i, entry in enumerate(data.get("ignore") or [])]
    return config


def _validate(config: Config, data: Any) -> None:
    """Every problem of the file at once: the schema's, invalid dates and regular expressions, and, when
    there is any of those, also the names and values the rules do not know (otherwise `Config.check` finds
    them when the scan loads the rules), so that one run lists all a person has to fix."""
    import jsonschema

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = []
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        errors += _describe(config, error)
    mapping = _mapping(data)
    for i, entry in enumerate(_list(mapping.get("ignore"))):
        expires = entry.get("expires") if isinstance(entry, dict) else None
        if isinstance(expires, str) and _DATE.match(expires):
            try:
                date.fromisoformat(expires)
            except ValueError:
                errors.append(
                    config.error(("ignore", i, "expires"), f"ignore[{i}].expires: '{expires}' is not a valid date")
                )
    errors += _check_patterns(config, ("params",), _mapping(mapping.get("params")))
    if errors:
        raise ConfigError(sorted(errors + _rule_problems(config, mapping), key=lambda e: e.line or 0))


def _rule_problems(config: Config, data: dict[str, Any]) -> list[InputError]:
    """The names and values the rules do not know, in a file that has other problems: the rules are loaded
    from the folders the file names; when they cannot be, only the other problems are reported."""
    from scanner.rulebook import RuleError

    folders = [*_strings(data.get("rules_dirs")), *_strings(data.get("custom_rules"))]
    try:
        rulebook = Rulebook.load([config.file.parent / folder for _, folder in folders] if config.file else [])
    except (RuleError, OSError, ValueError):
        return []
    return _against_rules(config, data, rulebook)


def _against_rules(config: Config, data: Any, rulebook: Rulebook) -> list[InputError]:
    """Unknown rules and frameworks, unknown parameters and parameter values of the wrong type. Reads the
    file's data as written, so that it works on a file with schema errors too (their values are skipped)."""
    data, errors = _mapping(data), []
    rules = _mapping(data.get("rules"))
    rule_keys: list[tuple[tuple[str | int, ...], str]] = [
        (("rules", "disable", i), key) for i, key in _strings(rules.get("disable"))
    ]
    rule_keys += [(("rules", "severity", key), str(key)) for key in _mapping(rules.get("severity"))]
    rule_keys += [
        (("ignore", i, "rule"), entry["rule"])
        for i, entry in enumerate(_list(data.get("ignore")))
        if isinstance(entry, dict) and isinstance(entry.get("rule"), str) and entry["rule"]
    ]
    for path, key in rule_keys:
        if rulebook.find(key) is None:
            errors.append(config.error(path, f"unknown rule '{key}' (see 'fgscan rules list')"))
    known = rulebook.frameworks()
    for i, name in _strings(data.get("frameworks")):
        if name.lower().partition("/")[0] not in known:
            errors.append(
                config.error(("frameworks", i), f"unknown framework '{name}' (expected one of {', '.join(known)})")
            )
        elif problem := rulebook.framework_problem(name):
            errors.append(config.error(("frameworks", i), problem))
    errors += _check_params(config, ("params",), _mapping(data.get("params")), rulebook.params)
    return sorted(errors, key=lambda e: e.line or 0)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _strings(value: Any) -> list[tuple[int, str]]:
    """The non-empty strings of a list with their positions (other items are the schema's to report)."""
    return [(i, item) for i, item in enumerate(_list(value)) if isinstance(item, str) and item]


def _describe(config: Config, error: Any) -> list[InputError]:
    """One line per problem, worded for a person editing the file."""
    path = tuple(error.absolute_path)
    where = _dotted(path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = ", ".join(error.schema.get("properties", {}))
        return [
            config.error((*path, key), f"unknown key '{_dotted((*path, key))}' (expected one of {allowed})")
            for key in error.instance
            if key not in error.schema.get("properties", {})
        ]
    if error.validator == "enum":
        message = f"{where}: '{error.instance}' is not one of {', '.join(error.validator_value)}"
    elif error.validator == "type":
        message = f"{where or 'the file'} must be {_TYPES.get(error.validator_value, error.validator_value)}"
    elif error.validator == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        message = f"{where}: missing required key '{missing[0]}'"
    elif error.validator == "anyOf":
        message = f"{where}: needs at least one of rule, path, resource"
    elif error.validator == "pattern":
        message = f"{where}: '{error.instance}' is not a date written YYYY-MM-DD"
    elif error.validator == "minLength":
        message = f"{where}: must not be empty"
    else:
        message = f"{where}: {error.message}"
    return [config.error(path, message)]


def _check_params(config: Config, path: tuple, given: dict[str, Any], known: dict[str, Any]) -> list[InputError]:
    """Unknown parameter names and values whose JSON type differs from the default's."""
    errors = []
    for key, value in given.items():
        here = (*path, key)
        if key not in known:
            names = ", ".join(sorted(known)) or "none"
            errors.append(config.error(here, f"unknown parameter '{_dotted(here)}' (expected one of {names})"))
        elif isinstance(value, dict) and isinstance(known[key], dict) and known[key]:
            errors += _check_params(config, here, value, known[key])
        elif known[key] is not None and _json_type(value) != _json_type(known[key]):
            errors.append(
                config.error(
                    here,
                    f"{_dotted(here)} must be {_TYPES[_json_type(known[key])]} "
                    f"like its default {json.dumps(known[key])}",
                )
            )
        elif isinstance(value, list) and known[key] and len({_json_type(v) for v in known[key]}) == 1:
            item_type = _json_type(known[key][0])
            for i, item in enumerate(value):
                if _json_type(item) != item_type:
                    errors.append(config.error((*here, i), f"{_dotted((*here, i))} must be {_TYPES[item_type]}"))
    return errors


def _check_patterns(config: Config, path: tuple, value: Any) -> list[InputError]:
    """Regular expressions (the values of keys ending in `regex`) that the engines cannot compile, checked
    with RE2, whose syntax rego-cpp and OPA both use: an invalid one would silently disable its rule."""
    errors = []
    if isinstance(value, list):
        for i, item in enumerate(value):
            errors += _check_patterns(config, (*path, i), item)
    elif isinstance(value, dict):
        for key, item in value.items():
            here = (*path, key)
            if isinstance(item, str) and str(key).endswith("regex"):
                why = _regex_problem(item)
                if why:
                    errors.append(config.error(here, f"{_dotted(here)}: invalid regular expression: {why}"))
            else:
                errors += _check_patterns(config, here, item)
    return errors


# Lookarounds and backreferences: Python's `re` takes them, RE2 (the syntax of every Rego engine) does not.
_NOT_RE2 = re.compile(r"\(\?<?[=!]|\(\?P=|\\[1-9]")


def _regex_problem(pattern: str) -> str | None:
    """Why `pattern` is no regular expression the Rego engines accept, or None. (google-re2 would say it
    exactly, but its bundled RE2 clashes with the engine's own in one process and aborts it.)"""
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        return str(exc)
    if _NOT_RE2.search(pattern):
        return "lookarounds and backreferences are not RE2 syntax, which the Rego engines use"
    return None


def _ignore_entry(config: Config, index: int, entry: dict[str, Any]) -> IgnoreEntry:
    expires = entry.get("expires")
    return IgnoreEntry(
        reason=entry["reason"],
        rule=entry.get("rule"),
        path=entry.get("path"),
        resource=entry.get("resource"),
        expires=date.fromisoformat(expires) if expires else None,
        line=config.line(("ignore", index)),
    )


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    names: dict[type, str] = {dict: "object", list: "array", str: "string"}
    return names.get(type(value), "null")


def _dotted(path: tuple) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out
