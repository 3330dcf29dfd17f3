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
# No real template or task definition nests this deep; deeper input is refused before any recursive code sees it.
MAX_DEPTH = 100
MERGE_TAG = "tag:yaml.org,2002:merge"
SELF_CONTAINED = "a YAML alias refers to the node that contains it (a structure with no end); refused"

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
    """Parse `text` as `json` or `yaml`."""
    if fmt == "json":
        return _parse_json(text, display)
    return _parse_yaml(text, display)


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
        line, col = _line_col(text, found.start()) if found else (None, None)
        message = "invalid JSON: a number has more than 4,300 digits"
        raise InputProblem(InputError(display, message, line, col)) from None
    check_values(data, display, text)
    warnings = json_duplicate_keys(text, display) if duplicated else []
    return Document(display, data, text, "json", warnings)


def check_values(data: Any, display: str, text: str) -> None:
    """Refuse what later stages cannot take: nesting past MAX_DEPTH (recursive code would overflow)
    and lone surrogates (not Unicode, so no engine or report can encode them). Iterative, so deep input
    cannot overflow here."""
    surrogates = _SURROGATE_ESCAPE.search(text) is not None
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > MAX_DEPTH:
                raise InputProblem(InputError(display, f"nested more than {MAX_DEPTH} levels deep; refused"))
            items = list(value.items()) if isinstance(value, dict) else [(None, v) for v in value]
            for key, item in items:
                if surrogates and isinstance(key, str):
                    _check_unicode(key, display, text)
                stack.append((item, depth + 1))
        elif surrogates and isinstance(value, str):
            _check_unicode(value, display, text)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\\[uU]0*[dD][89a-fA-F][0-9a-fA-F]{2}")


def _check_unicode(value: str, display: str, text: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        found = _SURROGATE_ESCAPE.search(text)
        line, col = _line_col(text, found.start()) if found else (None, None)
        raise InputProblem(
            InputError(display, "a string holds a lone UTF-16 surrogate escape, which is not Unicode text", line, col)
        ) from None


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _one_line(message: str) -> str:
    return " ".join(message.split())


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
                    first, _ = _line_col(text, keys[key])
                    line, col = _line_col(text, offset)
                    warnings.append(_duplicate(display, key, first, line, col))
                else:
                    keys[key] = offset
        else:
            last = (json.loads(kind), token.start())
            continue
        last = None
    return warnings


def _duplicate(display: str, key: str, first: int, line: int, col: int) -> InputError:
    return InputError(
        display,
        f"duplicate key '{key}' (first at line {first}); CloudFormation rejects templates with duplicate keys, "
        "and parsers keep only the last value",
        line,
        col,
        "warning",
    )


def guess_format(file: FsPath, text: str) -> str:
    """`json` for .json files and text that starts like JSON, otherwise `yaml`."""
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
        raise InputProblem(_yaml_error(display, exc)) from None
    except yaml.reader.ReaderError as exc:  # a control character: its message would carry a second line
        line, col = _line_col(text, exc.position)
        reason = f"character #x{exc.character:04x}: {exc.reason}" if exc.character else exc.reason
        raise InputProblem(InputError(display, f"invalid YAML: {_one_line(reason)}", line, col)) from None
    except yaml.YAMLError as exc:
        raise InputProblem(InputError(display, f"invalid YAML: {_one_line(str(exc))}")) from None
    except RecursionError:
        raise InputProblem(InputError(display, f"invalid YAML: nested more than {MAX_DEPTH} levels deep")) from None
    if root is None:
        raise InputProblem(InputError(display, "file is empty"))
    builder = _YamlBuilder(display, text)
    builder.check_size(root)
    data = builder.build(root, ())
    check_values(data, display, text)
    return Document(display, data, text, "yaml", builder.warnings, builder.spans)


def _yaml_error(display: str, exc: yaml.MarkedYAMLError) -> InputError:
    """One line at the problem, naming where the construct it broke started (an unclosed `[` is found
    only at the end of the file, far from where it was opened)."""
    mark = exc.problem_mark or exc.context_mark
    message = _one_line(exc.problem or exc.context or "malformed YAML")
    context, start = exc.context, exc.context_mark
    if context and start and exc.problem_mark and (start.line, start.column) != (mark.line, mark.column):
        message += f" ({_one_line(context)} that started at line {start.line + 1}, column {start.column + 1})"
    line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return InputError(display, f"invalid YAML: {message}", line, col)


class _YamlBuilder:
    """Turns composed YAML nodes into plain data, recording a span for every path."""

    def __init__(self, display: str, text: str):
        self.display = display
        self.lines = text.splitlines()
        self.spans: dict[Path, Span] = {}
        self.warnings: list[InputError] = []

    def check_size(self, root: yaml.Node) -> None:
        """Refuse documents whose aliases expand past MAX_YAML_NODES (billion laughs), that nest past
        MAX_DEPTH, or that contain themselves (`a: &a [*a]`, which would never finish building)."""
        sizes: dict[int, tuple[int, int]] = {}  # node id -> (values once expanded, depth)
        open_nodes: set[int] = set()
        stack: list[tuple[yaml.Node, bool]] = [(root, False)]
        while stack:
            node, children_done = stack.pop()
            if id(node) in sizes:
                continue
            kids = _children(node)
            if children_done or not kids:
                open_nodes.discard(id(node))
                total = 1 + sum(sizes[id(k)][0] for k in kids)
                depth = 1 + max((sizes[id(k)][1] for k in kids), default=0)
                if total > MAX_YAML_NODES:
                    self._refuse(node, f"YAML expands to more than {MAX_YAML_NODES:,} values through aliases; refused")
                if depth > MAX_DEPTH:
                    self._refuse(node, f"YAML nested more than {MAX_DEPTH} levels deep; refused")
                sizes[id(node)] = (total, depth)
                continue
            open_nodes.add(id(node))
            stack.append((node, True))
            for kid in kids:
                if id(kid) in open_nodes:
                    self._refuse(kid, SELF_CONTAINED)
                if id(kid) not in sizes:
                    stack.append((kid, False))

    def _refuse(self, node: yaml.Node, message: str) -> None:
        raise InputProblem(InputError(self.display, message, node.start_mark.line + 1, node.start_mark.column + 1))

    def build(self, node: yaml.Node, path: Path, key: yaml.Node | None = None) -> Any:
        self.spans[path] = self._span(key or node, node)
        tag = node.tag
        if not tag.startswith("!"):
            return self._value(node, path)
        # a short-form function: its arguments live under the long form's key, as in JSON
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
        self.spans[(*path, long_form)] = self.spans[path]
        value = self._value(node, (*path, long_form))
        if long_form == "Fn::GetAtt" and isinstance(value, str):
            value = value.split(".", 1)
        return {long_form: value}

    def _value(self, node: yaml.Node, path: Path) -> Any:
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            written: dict[str, yaml.Node] = {}
            for key_node, value_node in _merged(node):
                key = str(key_node.value)
                if key in written:
                    first = written[key].start_mark.line + 1
                    mark = key_node.start_mark
                    self.warnings.append(_duplicate(self.display, key, first, mark.line + 1, mark.column + 1))
                if key_node.tag != MERGE_TAG:
                    written[key] = key_node
                out[key] = self.build(value_node, (*path, key), key_node)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if not node.style and not node.tag.startswith("!"):
            try:
                return _core_scalar(node.value)
            except ValueError:  # an integer past Python's 4,300-digit conversion limit
                self._refuse(node, "invalid YAML: a number has more than 4,300 digits")
        return node.value

    def _span(self, start_node: yaml.Node, end_node: yaml.Node) -> Span:
        start, end = start_node.start_mark, end_node.end_mark
        end_line, end_col = end.line + 1, end.column + 1
        if end.column == 0 and end.line > start.line:
            end_line = end.line
            end_col = len(self.lines[end.line - 1]) + 1 if end.line - 1 < len(self.lines) else 1
        return Span(start.line + 1, start.column + 1, end_line, end_col)


def _merged(node: yaml.MappingNode) -> list[tuple[yaml.Node, yaml.Node]]:
    """The mapping's pairs with YAML merge keys (`<<: *defaults`) resolved as YAML 1.1 defines them:
    merged pairs first, so the mapping's own keys override them. Merged keys are tagged MERGE_TAG, so
    an override is not reported as a duplicate."""
    inherited: list[tuple[yaml.Node, yaml.Node]] = []
    own: list[tuple[yaml.Node, yaml.Node]] = []
    for key_node, value_node in node.value:
        if key_node.tag != MERGE_TAG:
            own.append((key_node, value_node))
            continue
        sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        for source in sources:
            if isinstance(source, yaml.MappingNode):
                inherited += [(_as_merged(k), v) for k, v in _merged(source)]
    return inherited + own


def _as_merged(key: yaml.Node) -> yaml.Node:
    return yaml.ScalarNode(MERGE_TAG, key.value, key.start_mark, key.end_mark)


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
