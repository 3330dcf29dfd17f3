"""YAML read into plain data that remembers where every value came from.

Composed with PyYAML's C loader, whose nodes carry marks; scalars resolved by the YAML 1.2 core schema, so
`2012-10-17` stays a string; CloudFormation's short-form tags become their long form (`!Ref X` ->
`{"Ref": "X"}`); merge keys (`<<: *defaults`) resolved; duplicate keys warned about; alias bombs, self-containing
aliases and deep nesting refused before anything recursive runs.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

from scanner.model import InputError, InputProblem, Path, Span, SpanTuple
from scanner.sources.input_checks import MAX_DEPTH, TOO_DEEP, check_strings, duplicate_key, line_col, one_line

MAX_YAML_NODES = 1_000_000
MERGE_TAG = "tag:yaml.org,2002:merge"
SCALAR_TAG = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG  # what `_Loader` gives every untagged scalar
SELF_CONTAINED = "a YAML alias refers to the node that contains it (a structure with no end); refused"

_FUNCTIONS = (
    *("And", "Base64", "Cidr", "Equals", "FindInMap", "GetAtt", "GetAZs", "If", "ImportValue", "Join", "Not", "Or"),
    *("Select", "Split", "Sub", "Transform", "Length", "ToJsonString", "ForEach"),
    # the functions of a template's `Rules` section
    *("Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll"),
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
_NO_PATHS: dict[Any, Any] = {}


class _Loader(yaml.CBaseLoader):
    """PyYAML's C composer with BaseResolver's answers given without its per-node Python walk: it has no
    implicit resolvers, so every untagged node gets its kind's default tag (`_core_scalar` reads scalars)."""

    _TAGS: ClassVar[dict[type[yaml.Node], str]] = {
        yaml.ScalarNode: SCALAR_TAG,
        yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
        yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    }

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        return self._TAGS[kind]

    # The composer calls these around every node, for path resolvers, which this loader has none of: C callables
    # whose answer it ignores cost a fraction of a Python method's call.
    descend_resolver = _NO_PATHS.get  # type: ignore[assignment]  # (parent, index) -> index
    ascend_resolver = ().__len__  # type: ignore[assignment]  # () -> 0


def parse_yaml(text: str, display: str) -> tuple[Any, list[InputError], dict[Path, Span | SpanTuple]]:
    """The data, warnings and spans of a YAML text; `InputProblem` when it cannot be read."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise InputProblem(_yaml_error(display, exc)) from None
    except yaml.reader.ReaderError as exc:  # a control character: its message would carry a second line
        line, col = line_col(text, exc.position)
        reason = f"character #x{exc.character:04x}: {exc.reason}" if exc.character else exc.reason
        raise InputProblem(InputError(display, f"invalid YAML: {one_line(reason)}", line, col)) from None
    except yaml.YAMLError as exc:
        raise InputProblem(InputError(display, f"invalid YAML: {one_line(str(exc))}")) from None
    except RecursionError:
        raise InputProblem(InputError(display, f"invalid YAML: nested more than {MAX_DEPTH} levels deep")) from None
    if root is None:
        raise InputProblem(InputError(display, "file is empty"))
    builder = _YamlBuilder(display, text)
    if "*" in text:  # an alias may be anywhere: measure what the aliases expand to before building
        builder.check_size(root)
    data = builder.build(root, ())
    if builder.too_deep:
        raise InputProblem(InputError(display, TOO_DEEP))
    check_strings(data, display, text)  # the builder measured the depth `check_values` walks for
    return data, builder.warnings, builder.spans


def _yaml_error(display: str, exc: yaml.MarkedYAMLError) -> InputError:
    """One line at the problem, naming where the construct it broke started (an unclosed `[` is found
    only at the end of the file, far from where it was opened)."""
    mark = exc.problem_mark or exc.context_mark
    message = one_line(exc.problem or exc.context or "malformed YAML")
    context, start = exc.context, exc.context_mark
    if context and start and mark and exc.problem_mark and (start.line, start.column) != (mark.line, mark.column):
        message += f" ({one_line(context)} that started at line {start.line + 1}, column {start.column + 1})"
    line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return InputError(display, f"invalid YAML: {message}", line, col)


class _YamlBuilder:
    """Turns composed YAML nodes into plain data, recording a span for every path."""

    def __init__(self, display: str, text: str):
        self.display = display
        self.lines = text.splitlines()
        self.merges = "<<" in text  # a merge key may be anywhere: only then is each mapping searched for one
        self.spans: dict[Path, Span | SpanTuple] = {}
        self.warnings: list[InputError] = []
        self.too_deep = False  # a list or mapping past `input_checks`'s depth (`check_values` would refuse it)

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
        """The value of `node` at `path` (`key` is the mapping key naming it, where its span starts). Called
        once per node of the document but the untagged scalars of a mapping or list, which `_value` reads in
        line (most nodes: a call each would cost more than reading them)."""
        if len(path) > MAX_DEPTH:  # text without aliases is not measured first
            self._refuse(node, f"YAML nested more than {MAX_DEPTH} levels deep; refused")
        self.spans[path] = _span((key or node).start_mark, node.end_mark, self.lines)
        tag = node.tag
        if not tag.startswith("!"):
            if type(node) is yaml.ScalarNode:
                if node.style:
                    return node.value
                try:
                    return _core_scalar(node.value)
                except ValueError:  # an integer past Python's 4,300-digit conversion limit
                    self._refuse(node, "invalid YAML: a number has more than 4,300 digits")
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
        inner = (*path, long_form)
        self.spans[inner] = self.spans[path]
        value = self._value(node, inner)
        if long_form == "Fn::GetAtt" and isinstance(value, str):
            value = value.split(".", 1)
            self.too_deep = self.too_deep or len(inner) >= MAX_DEPTH
        self.too_deep = self.too_deep or len(path) >= MAX_DEPTH
        return {long_form: value}

    def _value(self, node: yaml.Node, path: Path) -> Any:
        """A mapping's or list's value (its untagged scalars read here, as `build` reads them), or a short-form
        function's scalar argument."""
        if type(node) is yaml.ScalarNode:
            return node.value  # a short-form function's scalar argument (`build` reads untagged scalars itself)
        depth = len(path)
        if depth >= MAX_DEPTH:  # a list or mapping one level too deep for `input_checks`, even when empty
            self.too_deep = True
        inline = depth < MAX_DEPTH  # the values are within the limit `build` holds them to
        build, spans, lines = self.build, self.spans, self.lines
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            written: dict[str, yaml.Node] = {}
            for key_node, value_node in _merged(node) if self.merges else node.value:
                if type(key_node) is not yaml.ScalarNode:  # `{{x}}` unquoted: a mapping as a key
                    self._refuse(key_node, "invalid YAML: a mapping key that is itself a mapping or list")
                key = key_node.value
                if key in written:
                    first = written[key].start_mark.line + 1
                    mark = key_node.start_mark
                    self.warnings.append(duplicate_key(self.display, key, first, mark.line + 1, mark.column + 1))
                if key_node.tag != MERGE_TAG:
                    written[key] = key_node
                at = path + (key,)
                if not (inline and type(value_node) is yaml.ScalarNode and value_node.tag is SCALAR_TAG):
                    out[key] = build(value_node, at, key_node)
                    continue
                # `build` for an untagged scalar, in line
                spans[at] = _span(key_node.start_mark, value_node.end_mark, lines)
                text = value_node.value
                plain = not value_node.style and (not text or text[0] in _NOT_TEXT_STARTS)
                out[key] = self._plain(value_node) if plain else text
            return out
        if isinstance(node, yaml.SequenceNode):
            items: list[Any] = []
            for i, item in enumerate(node.value):
                at = path + (i,)
                if not (inline and type(item) is yaml.ScalarNode and item.tag is SCALAR_TAG):
                    items.append(build(item, at))
                    continue
                spans[at] = _span(item.start_mark, item.end_mark, lines)
                text = item.value
                items.append(text if item.style or (text and text[0] not in _NOT_TEXT_STARTS) else self._plain(item))
            return items
        return node.value

    def _plain(self, node: yaml.ScalarNode) -> Any:
        try:
            return _core_scalar(node.value)
        except ValueError:  # an integer past Python's 4,300-digit conversion limit
            self._refuse(node, "invalid YAML: a number has more than 4,300 digits")


def _span(start: yaml.Mark, end: yaml.Mark, lines: list[str]) -> SpanTuple:
    """1-based (start line, column, end line, column); a span ending at column 0 of a later line ends at the
    end of the line before."""
    if end.column == 0 and end.line > start.line:
        last = end.line - 1
        return (start.line + 1, start.column + 1, end.line, len(lines[last]) + 1 if last < len(lines) else 1)
    return (start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def _merged(node: yaml.MappingNode) -> list[tuple[yaml.Node, yaml.Node]]:
    """The mapping's pairs with YAML merge keys (`<<: *defaults`) resolved as YAML 1.1 defines them:
    merged pairs first, so the mapping's own keys override them. Merged keys are tagged MERGE_TAG, so
    an override is not reported as a duplicate."""
    inherited: list[tuple[yaml.Node, yaml.Node]] = []
    own: list[tuple[yaml.Node, yaml.Node]] = []
    for key_node, value_node in node.value:
        if not _merge_key(key_node):
            own.append((key_node, value_node))
            continue
        sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        for source in sources:
            if isinstance(source, yaml.MappingNode):
                inherited += [(_as_merged(k), v) for k, v in _merged(source)]
    return inherited + own


def _merge_key(key: yaml.Node) -> bool:
    """A plain `<<` key (the composer resolves no tags: a quoted `"<<"` is an ordinary key)."""
    return isinstance(key, yaml.ScalarNode) and key.value == "<<" and not key.style and not key.tag.startswith("!")


def _as_merged(key: yaml.Node) -> yaml.Node:
    return yaml.ScalarNode(MERGE_TAG, key.value, key.start_mark, key.end_mark)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


# The first characters of the plain scalars the core schema reads as other than text (null, booleans, numbers).
_NOT_TEXT_STARTS = frozenset("~nNtTfF+-.0123456789")


def _core_scalar(text: str) -> Any:
    """Resolve a plain scalar by the YAML 1.2 core schema (`.inf` and `.nan` stay text: JSON has neither)."""
    if text and text[0] not in _NOT_TEXT_STARTS:  # most values (`tcp`, `awsvpc`, an ARN): text, no pattern tried
        return text
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
