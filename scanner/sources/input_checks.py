"""Limits every parsed document is held to, so nothing later (recursive code, the Rego engine, encoders of
reports) meets input it cannot take; and the one-line errors and warnings they give."""

from __future__ import annotations

import re
from typing import Any

from scanner.model import InputError, InputProblem

# No real template or task definition nests this deep; deeper input is refused before any recursive code sees it.
MAX_DEPTH = 100
TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep; refused"


def check_values(data: Any, display: str, text: str) -> None:
    """Refuse what later stages cannot take: nesting past MAX_DEPTH (recursive code would overflow)
    and lone surrogates (not Unicode, so no engine or report can encode them). Level by level, never
    recursive; strings are looked at only when the text holds a surrogate escape at all."""
    level = [data] if isinstance(data, (dict, list)) else []
    depth = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            raise InputProblem(InputError(display, TOO_DEEP))
        level = [
            child
            for value in level
            for child in (value.values() if isinstance(value, dict) else value)
            if isinstance(child, (dict, list))
        ]
    check_strings(data, display, text)


def check_strings(data: Any, display: str, text: str) -> None:
    """The lone surrogates half of `check_values`, for a parser that measured the depth itself."""
    if not _SURROGATE_ESCAPE.search(text):
        return
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str):
            _check_unicode(value, display, text)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\\[uU]0*[dD][89a-fA-F][0-9a-fA-F]{2}")


def _check_unicode(value: str, display: str, text: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        found = _SURROGATE_ESCAPE.search(text)
        line, col = line_col(text, found.start()) if found else (None, None)
        raise InputProblem(
            InputError(display, "a string holds a lone UTF-16 surrogate escape, which is not Unicode text", line, col)
        ) from None


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def one_line(message: str) -> str:
    return " ".join(message.split())


def duplicate_key(display: str, key: str, first: int, line: int, col: int) -> InputError:
    return InputError(
        display,
        f"duplicate key '{key}' (first at line {first}): only the last value counts, as in CloudFormation and "
        "JSON parsers, though a reader sees the first (and `aws cloudformation deploy` refuses such YAML)",
        line,
        col,
        "warning",
    )
