"""JSON written as a template (`container_definitions = <<EOF [...] EOF`) read around its unknown parts.

A heredoc interpolating a variable that has no value (`"containerPort": ${var.container_port}`) cannot be
rendered, but the JSON around it can be read: each interpolation is swapped for a token (quoted when it stands
outside a JSON string), the text parsed, and each token replaced by what its interpolation evaluates to, an
unknown where it has no value. So the user, privileges and image of the containers are still judged, and the
lines of the keys still found.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

_TOKEN = re.compile(r"@@fgscan-(raw|str)-(\d+)@@")


def placeholder_text(body: str) -> tuple[str, list[str]]:
    """`body` with each `${...}` replaced by a token, and the interpolations in order. Line breaks are kept."""
    out: list[str] = []
    found: list[str] = []
    in_string = escaped = False
    i, n = 0, len(body)
    while i < n:
        if body.startswith("$${", i):
            out.append("${")
            i += 3
            continue
        if body.startswith("${", i):
            end = closing_brace(body, i + 1)
            found.append(body[i : end + 1])
            token = f"@@fgscan-{'str' if in_string else 'raw'}-{len(found) - 1}@@"
            out.append(token if in_string else f'"{token}"')
            i = end + 1
            continue
        in_string, escaped = _after(body[i], in_string, escaped)
        out.append(body[i])
        i += 1
    return "".join(out), found


def _after(ch: str, in_string: bool, escaped: bool) -> tuple[bool, bool]:
    """Whether the JSON text is inside a string (and just after a backslash) once `ch` is read."""
    if in_string:
        if escaped:
            return True, False
        if ch == "\\":
            return True, True
        return ch != '"', False
    return ch == '"', False


def closing_brace(body: str, start: int) -> int:
    """The index of the `}` that closes the `{` at `start` (the last index when none does)."""
    level = 0
    for j in range(start, len(body)):
        level += {"{": 1, "}": -1}.get(body[j], 0)
        if level == 0:
            return j
    return len(body) - 1


def partial_json(
    body: str, evaluate: Callable[[str], Any], known: Callable[[Any], bool], unknown: Callable[[str], Any]
) -> Any | None:
    """The data of a JSON template whose interpolations `evaluate` gives (some unknown); None when the text
    is not JSON once the interpolations are tokens."""
    if "@@fgscan-" in body:  # the text already holds what the tokens look like: they would not be ours
        return None
    text, interpolations = placeholder_text(body)
    if not interpolations:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    values = [evaluate(source) for source in interpolations]
    return _fill(data, values, interpolations, known, unknown)


def partial_parts(parts: list[Any], known: Callable[[Any], bool], unknown: Callable[[str], Any]) -> Any | None:
    """The data of JSON text known in part (`parts`: known text and unknown values in order), each unknown
    where it stands; None when the text is not JSON once the unknowns are tokens."""
    if any(isinstance(p, str) and "@@fgscan-" in p for p in parts):
        return None
    out: list[str] = []
    values: list[Any] = []
    in_string = escaped = False
    for part in parts:
        if isinstance(part, str):
            for ch in part:
                in_string, escaped = _after(ch, in_string, escaped)
            out.append(part)
            continue
        values.append(part)
        token = f"@@fgscan-{'str' if in_string else 'raw'}-{len(values) - 1}@@"
        out.append(token if in_string else f'"{token}"')
    try:
        data = json.loads("".join(out))
    except ValueError:
        return None
    sources = ["${" + str(getattr(v, "text", v)) + "}" for v in values]
    return _fill(data, values, sources, known, unknown)


def _fill(data: Any, values: list[Any], sources: list[str], known: Callable, unknown: Callable) -> Any:
    if isinstance(data, dict):
        return {k: _fill(v, values, sources, known, unknown) for k, v in data.items()}
    if isinstance(data, list):
        return [_fill(v, values, sources, known, unknown) for v in data]
    if not isinstance(data, str) or "@@fgscan-" not in data:
        return data
    whole = _TOKEN.fullmatch(data)
    if whole and whole.group(1) == "raw":
        return _raw(values[int(whole.group(2))], known)
    if whole and not isinstance(values[int(whole.group(2))], (dict, list)):
        value = values[int(whole.group(2))]
        return value if not known(value) else _text(value)
    parts = _TOKEN.split(data)
    pieces: list[str] = []
    for index in range(0, len(parts), 3):
        pieces.append(parts[index])
        if index + 2 < len(parts):
            value = values[int(parts[index + 2])]
            if not known(value) or isinstance(value, (dict, list)):
                return unknown(_TOKEN.sub(lambda m: sources[int(m.group(2))], data))
            pieces.append(_text(value))
    return "".join(pieces)


def _raw(value: Any, known: Callable) -> Any:
    """An interpolation standing for a JSON value: a number or boolean as it is, a string as the JSON it holds."""
    if isinstance(value, str) and known(value):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
