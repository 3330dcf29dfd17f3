"""CloudFormation parameter values a user supplies, so templates are judged with what is really deployed.

Three forms are read and merged, later ones winning: CloudFormation parameter files
(`[{"ParameterKey": "Env", "ParameterValue": "prod"}]`, as `aws cloudformation create-stack --parameters
file://...` takes them), CodePipeline template configuration files (`{"Parameters": {"Env": "prod"}}`), and
`Name=Value` pairs from the command line. The values apply to every template that declares the parameter;
templates read them through `supplied()` (set once per run with `use()`, inherited by forked workers).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from scanner.model import InputError, InputProblem

_supplied: dict[str, str] = {}


def use(values: dict[str, str]) -> None:
    """Make `values` the parameter values of this run (an empty dict: only defaults)."""
    _supplied.clear()
    _supplied.update(values)


def supplied() -> dict[str, str]:
    """The parameter values of this run."""
    return dict(_supplied)


def load(files: Iterable[Path] = (), pairs: Iterable[str] = ()) -> dict[str, str]:
    """Parameter values from files (either form) and `Name=Value` pairs, merged in that order; raises
    `InputProblem` naming the file or pair that cannot be read."""
    values: dict[str, str] = {}
    for file in files:
        values.update(read_file(file))
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InputProblem(InputError("--parameter", f"'{pair}' is not NAME=VALUE"))
        values[name.strip()] = value
    return values


def read_file(file: Path) -> dict[str, str]:
    """The values of one parameter file or template configuration file."""
    shown = str(file)
    try:
        data = json.loads(file.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise InputProblem(InputError(shown, f"cannot read parameter file: {exc.strerror or exc}")) from None
    except (UnicodeDecodeError, RecursionError, ValueError) as exc:
        where = (exc.lineno, exc.colno) if isinstance(exc, json.JSONDecodeError) else (None, None)
        raise InputProblem(InputError(shown, "parameter file is not valid JSON", *where)) from None
    values = _values(data)
    if values is None:
        raise InputProblem(
            InputError(
                shown,
                'not a parameter file: expected [{"ParameterKey": ..., "ParameterValue": ...}] '
                'or {"Parameters": {NAME: VALUE}}',
            )
        )
    return values


def _values(data: Any) -> dict[str, str] | None:
    if isinstance(data, dict) and isinstance(data.get("Parameters"), dict):
        return {str(k): _text(v) for k, v in data["Parameters"].items()}
    if isinstance(data, list) and all(isinstance(e, dict) and "ParameterKey" in e for e in data):
        return {str(e["ParameterKey"]): _text(e.get("ParameterValue", "")) for e in data if "ParameterValue" in e}
    return None


def _text(value: Any) -> str:
    """CloudFormation passes every parameter value as a string; a list is a comma-delimited list."""
    if isinstance(value, list):
        return ",".join(_text(v) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    return "" if value is None else str(value)
