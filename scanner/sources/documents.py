"""Read JSON and YAML files into plain data that remembers where every value came from.

JSON is parsed by the standard library (exact numbers and escapes) and located lazily with
json-source-map, only when a finding needs a line. YAML is composed with PyYAML's C loader, whose
nodes carry marks; scalars are resolved by the YAML 1.2 core schema, so `2012-10-17` stays a string,
and CloudFormation's short-form tags become their long form (`!Ref X` -> `{"Ref": "X"}`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import yaml
from json_source_map import calculate as json_source_map

from scanner.model import InputError, InputProblem, Path, Span

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_YAML_NODES = 1_000_000

_FUNCTIONS = (
    *("And", "Base64", "Cidr", "Equals", "FindInMap", "GetAtt", "GetAZs", "If", "ImportValue", "Join", "Not", "Or"),
    *("Select", "Split", "Sub", "Transform", "Length", "ToJsonString", "ForEach"),
)
CFN_TAGS = {
    "!Ref": "Ref",
    "!Condition": "Condition",
    **{f"!{name}": f"Fn::{name}" for name in _FUNCTIONS},
}

_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")


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
            self._spans = _json_spans(self.text)
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
    """Parse `text` as `json`, `yaml` or `terraform` (a `.tf` file)."""
    if fmt == "terraform":
        from scanner.sources import terraform

        return terraform.parse(text, display)
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputProblem(InputError(display, f"invalid JSON: {exc.msg}", exc.lineno, exc.colno)) from None
        except RecursionError:
            raise InputProblem(InputError(display, "invalid JSON: nested too deeply")) from None
        return Document(display, data, text, "json")
    return _parse_yaml(text, display)


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


def _parse_yaml(text: str, display: str) -> Document:
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed YAML"
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise InputProblem(InputError(display, f"invalid YAML: {problem}", line, col)) from None
    except yaml.YAMLError as exc:
        raise InputProblem(InputError(display, f"invalid YAML: {exc}")) from None
    if root is None:
        raise InputProblem(InputError(display, "file is empty"))
    builder = _YamlBuilder(display, text)
    builder.check_size(root)
    data = builder.build(root, ())
    return Document(display, data, text, "yaml", builder.warnings, builder.spans)


class _YamlBuilder:
    """Turns composed YAML nodes into plain data, recording a span for every path."""

    def __init__(self, display: str, text: str):
        self.display = display
        self.lines = text.splitlines()
        self.spans: dict[Path, Span] = {}
        self.warnings: list[InputError] = []

    def check_size(self, root: yaml.Node) -> None:
        """Refuse documents whose aliases expand past MAX_YAML_NODES (billion laughs)."""
        sizes: dict[int, int] = {}
        stack: list[tuple[yaml.Node, bool]] = [(root, False)]
        while stack:
            node, children_done = stack.pop()
            if id(node) in sizes:
                continue
            kids = _children(node)
            if children_done or not kids:
                total = 1 + sum(sizes.get(id(k), 0) for k in kids)
                if total > MAX_YAML_NODES:
                    raise InputProblem(
                        InputError(
                            self.display,
                            f"YAML expands to more than {MAX_YAML_NODES:,} values through aliases; refused",
                            node.start_mark.line + 1,
                        )
                    )
                sizes[id(node)] = total
            else:
                stack.append((node, True))
                stack.extend((k, False) for k in kids if id(k) not in sizes)

    def build(self, node: yaml.Node, path: Path, key: yaml.Node | None = None) -> Any:
        self.spans[path] = self._span(key or node, node)
        value = self._value(node, path)
        tag = node.tag
        if tag.startswith("!"):
            long_form = CFN_TAGS.get(tag)
            if long_form is None:
                long_form = "Fn::" + tag[1:]
                self.warnings.append(
                    InputError(
                        self.display,
                        f"unknown intrinsic function {tag}",
                        node.start_mark.line + 1,
                        node.start_mark.column + 1,
                    )
                )
            if long_form == "Fn::GetAtt" and isinstance(value, str):
                value = value.split(".", 1)
            return {long_form: value}
        return value

    def _value(self, node: yaml.Node, path: Path) -> Any:
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value)
                out[key] = self.build(value_node, (*path, key), key_node)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if not node.style and not node.tag.startswith("!"):
            return _core_scalar(node.value)
        return node.value

    def _span(self, start_node: yaml.Node, end_node: yaml.Node) -> Span:
        start, end = start_node.start_mark, end_node.end_mark
        end_line, end_col = end.line + 1, end.column + 1
        if end.column == 0 and end.line > start.line:
            end_line = end.line
            end_col = len(self.lines[end.line - 1]) + 1 if end.line - 1 < len(self.lines) else 1
        return Span(start.line + 1, start.column + 1, end_line, end_col)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _core_scalar(text: str) -> Any:
    """Resolve a plain scalar by the YAML 1.2 core schema (`.inf` and `.nan` stay text: JSON has neither)."""
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if _INT.match(text):
        return int(text)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    return text
