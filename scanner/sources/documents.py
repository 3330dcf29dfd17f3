"""Read JSON and YAML files into plain data that remembers where every value came from.

JSON is parsed by the standard library (exact numbers and escapes) and located lazily with
json-source-map, only when a finding needs a line; a duplicate key is a warning naming both lines. YAML is
read by `yaml_document`. Both are held to the limits of `input_checks`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from json_source_map import calculate as json_source_map

from scanner.model import InputError, InputProblem, Path, Span
from scanner.sources.input_checks import MAX_DEPTH, check_values, duplicate_key, line_col
from scanner.sources.yaml_document import parse_yaml

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass
class Document:
    """A parsed file: its data, and the source span of any path into it."""

    path: str
    data: Any
    text: str
    format: str
    warnings: list[InputError] = field(default_factory=list)
    _spans: dict[Path, Span] | None = None

    def span(self, path: Path) -> tuple[Span | None, bool]:
        """The span of the key and value at `path`, or of its nearest located ancestor, and whether
        `path` itself was found."""
        spans = self._located()
        for cut in range(len(path), -1, -1):
            found = spans.get(tuple(path[:cut]))
            if found is not None:
                return found, cut == len(path)
        return None, False

    def _located(self) -> dict[Path, Span]:
        if self._spans is None:
            try:
                self._spans = _json_spans(self.text)
            except (RecursionError, ValueError):  # parsed fine, but too deep or odd for the locator: no lines
                self._spans = {}
        return self._spans


def read_text(file: FsPath, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The file's text, or an `InputProblem` for size, encoding and emptiness."""
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise InputProblem(InputError(display, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit"))
        raw = file.read_bytes()
    except OSError as exc:
        raise InputProblem(InputError(display, f"cannot read file: {exc.strerror or exc}")) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputProblem(InputError(display, "file is not valid UTF-8 text", line, col)) from None
    if not text.strip():
        raise InputProblem(InputError(display, "file is empty"))
    return text


def parse(text: str, display: str, fmt: str) -> Document:
    """Parse `text` as `json` or `yaml` (`.tf` files: `scanner.sources.terraform.parse`)."""
    if fmt == "json":
        return _parse_json(text, display)
    data, warnings, spans = parse_yaml(text, display)
    return Document(display, data, text, "yaml", warnings, spans)


def _parse_json(text: str, display: str) -> Document:
    duplicated: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(items)
        if len(out) < len(items):
            duplicated.append("")
        return out

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise InputProblem(InputError(display, f"invalid JSON: {exc.msg}", exc.lineno, exc.colno)) from None
    except RecursionError:
        raise InputProblem(InputError(display, f"invalid JSON: nested more than {MAX_DEPTH} levels deep")) from None
    except ValueError:  # an integer past Python's 4,300-digit conversion limit
        found = re.search(r"[0-9]{4300}", text)
        line, col = line_col(text, found.start()) if found else (None, None)
        message = "invalid JSON: a number has more than 4,300 digits"
        raise InputProblem(InputError(display, message, line, col)) from None
    check_values(data, display, text)
    warnings = json_duplicate_keys(text, display) if duplicated else []
    return Document(display, data, text, "json", warnings)


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:]')


def json_duplicate_keys(text: str, display: str) -> list[InputError]:
    """A warning per key repeated in one JSON object, naming both lines (CloudFormation rejects them;
    JSON parsers silently keep the last). Run only when the parser saw a duplicate."""
    warnings = []
    stack: list[dict[str, int] | None] = []  # per open container: first offset of each key, None for arrays
    last: tuple[str, int] | None = None
    for token in _JSON_TOKEN.finditer(text):
        kind = token.group()
        if kind == "{":
            stack.append({})
        elif kind == "[":
            stack.append(None)
        elif kind in "}]":
            if stack:
                stack.pop()
        elif kind == ":":
            keys = stack[-1] if stack else None
            if keys is not None and last is not None:
                key, offset = last
                if key in keys:
                    first, _ = line_col(text, keys[key])
                    line, col = line_col(text, offset)
                    warnings.append(duplicate_key(display, key, first, line, col))
                else:
                    keys[key] = offset
        else:
            last = (json.loads(kind), token.start())
            continue
        last = None
    return warnings


def guess_format(file: FsPath, text: str) -> str:
    """`terraform` for .tf files, `json` for .json files and text that starts like JSON, otherwise `yaml`."""
    if file.suffix.lower() == ".tf":
        return "terraform"
    if file.suffix.lower() == ".json" or text.lstrip()[:1] in ("{", "["):
        return "json"
    return "yaml"


def _json_spans(text: str) -> dict[Path, Span]:
    spans: dict[Path, Span] = {}
    for pointer, entry in json_source_map(text).items():
        path = tuple(int(p) if p.isdigit() else p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:])
        start = entry.key_start or entry.value_start
        end = entry.value_end
        spans[path] = Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)
    return spans
