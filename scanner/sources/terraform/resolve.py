"""Evaluate Terraform expressions as far as the module's own files allow, never further.

`var.x` comes from the caller's arguments, `*.tfvars` (root module) or the default; `local.x`,
`jsonencode`/`jsondecode`, `file()`/`templatefile()` of files inside the root module's project and common pure
functions are computed. Anything else (a variable without a value, a resource attribute, a data source
other than `aws_iam_policy_document`) becomes an `Unknown`: a reference to another resource keeps its
address so links can follow it, everything else keeps its source text. Spans of object keys and list
items written inside an attribute are recorded, so a finding on a key inside `jsonencode({...})` points
at that key's line.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from pathlib import Path as FsPath
from typing import Any

from msgspec import Struct, field

from scanner.model import InputProblem, Path, Span
from scanner.sources.documents import read_regular
from scanner.sources.json_locator import JsonLocator
from scanner.sources.terraform.directives import expand as expand_directives
from scanner.sources.terraform.hcl import Block, HclFile, parse_tree, span_of
from scanner.sources.terraform.json_template import closing_brace, partial_json, placeholder_text
from scanner.sources.terraform.strings import joined, replace, template_data
from scanner.sources.terraform.unknown import VARIABLE, Missing, Template, Unknown, is_known, settled

MAX_FILE_BYTES = 1 << 20
MAX_DEPTH = 64
TRAVERSALS = ("get_attr_expr_term", "index_expr_term", "attr_splat_expr_term", "full_splat_expr_term")
# Functions whose result is right even when items inside their arguments are unknown: `jsondecode` of
# `jsonencode(...)` data (hazelops' `jsondecode(cond ? jsonencode([...]) : ...)`), `lookup` in an object
# whose keys are known though a value is not, its `keys` and `values`.
PARTIAL = {
    *("jsonencode", "jsondecode", "merge", "tolist", "toset", "concat", "length", "compact", "flatten"),
    *("distinct", "element", "lookup", "keys", "values"),
}
PATH_FUNCTIONS = {"jsonencode", "jsondecode", "merge", "tolist", "tomap", "try", "coalesce"}  # keep spans of their args
ADDRESS = re.compile(
    r"^(?:module\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.)*(?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*"
)
HEREDOC = re.compile(r"<<(-?)([A-Za-z][A-Za-z0-9._-]*)\r?\n(.*?)^[ \t]*\2[ \t]*\r?$", re.S | re.M)


def plain(value: Any) -> Any:
    """Plain data: an `Unknown` becomes `{"Ref": address}` or `{"Fn::Terraform": text}`, the way
    CloudFormation intrinsics stay in templates (rules treat both as not known)."""
    if isinstance(value, Unknown):
        return {"Ref": value.ref} if value.ref else {"Fn::Terraform": value.text}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


class Scope(Struct):
    """What names mean where an expression is evaluated."""

    module: Any  # scanner.sources.terraform.modules.Module
    file: HclFile
    names: dict[str, Any] = field(default_factory=dict)  # count, each, for-expression and template variables
    spans: dict[Path, Span] | None = None  # where to record spans of keys and items written in place

    def inner(self, **names: Any) -> Scope:
        return Scope(self.module, self.file, {**self.names, **names}, self.spans)


def evaluate(node: Any, scope: Scope, path: Path | None = (), depth: int = 0) -> Any:
    """The value of an expression tree; `path` (relative to `scope.spans`) records where literal keys
    and items sit, None once the value comes from elsewhere (a variable, a local)."""
    if depth > MAX_DEPTH:
        return Unknown(_text(node, scope))
    kind = getattr(node, "data", None)
    handler = _HANDLERS.get(kind)
    if handler is None:
        return Unknown(_text(node, scope))
    return handler(node, scope, path, depth + 1)


def _trees(node: Any) -> list[Any]:
    return [c for c in node.children if hasattr(c, "data") and c.data != "new_line_or_comment"]


def _text(node: Any, scope: Scope) -> str:
    meta = getattr(node, "meta", None)
    if meta is None or getattr(meta, "empty", True):
        return str(node)
    return " ".join(scope.file.text[meta.start_pos : meta.end_pos].split())


def _record(scope: Scope, path: Path | None, node: Any) -> None:
    if scope.spans is not None and path is not None:
        scope.spans[path] = span_of(node)


def _expr_term(node: Any, scope: Scope, path: Path | None, depth: int) -> Any:
    trees = _trees(node)
    return evaluate(trees[0], scope, path, depth) if trees else Unknown(_text(node, scope))


def _literal(node: Any, scope: Scope, path: Path | None, depth: int) -> Any:
    return {"true": True, "false": False, "null": None}[str(node.children[0])]


def _number(node: Any, scope: Scope, path: Path | None, depth: int) -> Any:
    text = str(node.children[0])
    return int(text) if node.data == "int_lit" else float(text)


def _identifier(node: Any, scope: Scope, path: Path | None, depth: int) -> Any:
    name = str(node.children[0])
    if name in scope.names:
        return scope.names[name]
    return Unknown(name)


def _string(node: Any, scope: Scope, path: Path | None, depth: int) -> Any:
    parts: list[Any] = []
    for part in node.children:
        if getattr(part, "data", None) != "string_part":
            continue
        inner = part.children[0]
        if hasattr(inner, "data"):
            if inner.data != "interpolation":
                return Unknown(_text(node, scope))  # template directives (%{ if }) are not evaluated
            parts.append(evaluate(_trees(inner)[0], scope, None, depth))
        elif inner.type == "ESCAPED_INTERPOLATION" or inner.type == "ESCAPED_DIRECTIVE":
            parts.append(str(inner)[1:])
        else:
            parts.append(_unescape(str(inner)))
    if len(parts) == 1 and not isinstance(parts[0], str):
        return parts[0]  # "${x}" is x itself, whatever its type
    return _join(parts, _text(node, scope))


def _join(parts: list[Any], text: str) -> Any:
    unknown = [p for p in parts if isinstance(p, Unknown)]
    out: list[str | Unknown] = []
    for part in parts:
        if isinstance(part, bool):
            out.append("true" if part else "false")
        elif isinstance(part, (str, int, float, Unknown)):
            out.append(part if isinstance(part, (str, Unknown)) else str(part))
        elif isinstance(part, (dict, list)):  # `jsonencode(...)` gives data: encoded here, unknowns as markers
            out.append(json.dumps(plain(part), separators=(",", ":")))
        else:
            return Unknown(text)
    if unknown:
        # `"${aws_ecs_task_definition.app.family}:${max(...)}"` still names one resource: the one it starts from
        refs = {p.ref for p in unknown if p.ref}
        return joined(out, text, unknown[0].ref if len(refs) == 1 else None)
    return "".join(p for p in out if isinstance(p, str))


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    from hcl2.utils import process_escape_sequences

    return process_escape_sequences(text)


def _heredoc(node: Any, scope: Scope, path: Path | None, depth: int) -> Any:
    raw = str(node.children[0])
    match = HEREDOC.match(raw)
    if match is None:
        return Unknown(raw)
    body = match.group(3)
    if match.group(1):
        lines = body.split("\n")
        indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
        body = "\n".join(x[indent:] for x in lines)
    return template(body, scope, depth)


def template(body: str, scope: Scope, depth: int = 0) -> Any:
    """A template (heredoc or `templatefile`) with its `${...}` interpolations evaluated in `scope`."""
    if "${" not in body and "%{" not in body:
        return body
    if "%{" in body:
        expanded = expand_directives(body, lambda source, names: _source_value(source, scope, names, depth))
        if expanded is None:
            return Unknown(body.strip())
        body = expanded
    parsed = _snippet('"' + _escape_outside_interpolations(body) + '"', scope, scope.names)
    if parsed is None:
        return Unknown(body.strip())
    value = evaluate(*parsed, None, depth)
    if isinstance(value, Unknown) and body.lstrip()[:1] in ("[", "{") and "%%{" not in body:
        data = partial_json(body, lambda source: template(source, scope, depth + 1), is_known, Unknown)
        return value if data is None else data
    return value


def _source_value(source: str, scope: Scope, names: dict[str, Any], depth: int) -> Any:
    """The value of an expression written in a template directive, with the loop names it sits in."""
    parsed = _snippet(source, scope, {**scope.names, **names})
    return Unknown(source) if parsed is None else evaluate(*parsed, None, depth + 1)


def _snippet(expression: str, scope: Scope, names: dict[str, Any]) -> tuple[Any, Scope] | None:
    """HCL written as text (a template's body, a directive's expression), parsed, with the scope to evaluate
    it in; None when it does not parse."""
    text = "x = " + expression + "\n"
    try:
        tree = parse_tree(text)
    except Exception:
        return None
    scratch = HclFile(scope.file.path, text, scope.file.body)
    return tree.children[0].children[0].children[-1], Scope(scope.module, scratch, names)


def _escape_outside_interpolations(body: str) -> str:
    out, i, n = [], 0, len(body)
    while i < n:
        if body.startswith("${", i) and not body.startswith("$${", i - 1 if i else 0):
            j = closing_brace(body, i + 1)
            out.append(body[i : j + 1])
            i = j + 1
            continue
        ch = body[i]
        out.append({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, ch))
        i += 1
    return "".join(out)


def _tuple(node: Any, scope: Scope, path: Path | None, depth: int) -> Any:
    out = []
    for i, item in enumerate(_trees(node)):
        sub = (*path, i) if path is not None else None
        _record(scope, sub, item)
        out.append(evaluate(item, scope, sub, depth))
    return out


def _object(node: Any, scope: Scope, path: Path | None, depth: int) -> Any:
    out: dict[str, Any] = {}
    for elem in _trees(node):
        key_node, value_node = _trees(elem)[0], _trees(elem)[-1]
        key = _object_key(key_node, scope, depth)
        if not isinstance(key, str):
            return Unknown(_text(node, scope))
        sub = (*path, key) if path is not None else None
        _record(scope, sub, elem)
        out[key] = evaluate(value_node, scope, sub, depth)
    return out


def _object_key(node: Any, scope: Scope, depth: int) -> Any:
    inner = _trees(node)[0]
    if inner.data == "keyword":
        return str(inner.children[0])
    trees = _trees(inner)
    if inner.data == "expr_term" and len(trees) == 1 and trees[0].data == "identifier" and len(inner.children) == 1:
        return str(trees[0].children[0])  # a bare name is the key itself, not a variable
    value = evaluate(inner, scope, None, depth)
    return str(value).lower() if isinstance(value, bool) else str(value) if isinstance(value, (int, float)) else value


def _conditional(node: Any, scope: Scope, path: Path | None, depth: int) -> Any:
    cond, yes, no = _trees(node)
    test = evaluate(cond, scope, None, depth)
    if isinstance(test, bool):
        return evaluate(yes if test else no, scope, path, depth)
    return Missing(_text(node, scope)) if isinstance(test, Missing) else Unknown(_text(node, scope))


BINARY: dict[str, Callable[[Any, Any], Any]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "%": lambda a, b: a % b,
    "<": lambda a, b: a < b,
    ">": lambda a, b: a > b,
    "<=": lambda a, b: a <= b,
    ">=": lambda a, b: a >= b,
}


def _binary(node: Any, scope: Scope, path: Path | None, depth: int) -> Any:
    left_node, term = _trees(node)[:2]
    operator_node, right_node = _trees(term)[0], _trees(term)[-1]
    op = str(operator_node.children[0]).strip()
    left = evaluate(left_node, scope, None, depth)
    if op in ("&&", "||") and isinstance(left, bool) and left is (op == "||"):
        return left
    right = evaluate(right_node, scope, None, depth)
    if isinstance(left, Missing) or isinstance(right, Missing):
        return Missing(_text(node, scope))  # `null.x == null` is an error, which `try` skips, not unknown
    if (
        op in ("==", "!=")
        and (left is None or right is None)
        and (absent := _is_null(right if left is None else left)) is not None
    ):
        return absent is (op == "==")
    if not (is_known(left) and is_known(right)):
        return Unknown(_text(node, scope))
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    if op in ("&&", "||"):
        return (left and right) if op == "&&" else (left or right)
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (left, right))
    if not numbers or (op in ("/", "%") and right == 0):
        return Unknown(_text(node, scope))
    return BINARY[op](left, right)


def _is_null(value: Any) -> bool | None:
    """Whether a value compared with `null` is null: a collection never is, even with unknowns inside, nor
    a required variable or a resource attribute (the `{ for k, v in m : k => v if v != null }` idiom keeps
    them), nor a string template with text around its interpolations (`"${var.image}:${var.tag}"`: a null
    inside is an error, not a null string); None for other unknowns."""
    if isinstance(value, Missing):
        return None  # an error in Terraform, whatever it is compared with
    if isinstance(value, Template) and (len(value.parts) > 1 or any(isinstance(p, str) for p in value.parts)):
        return False
    if isinstance(value, Unknown):
        if value.ref is not None or VARIABLE.fullmatch(value.text) or value.text.startswith(("[", "{")):
            return False  # a `[...]`/`{...}` constructor (a for expression) builds a collection, never null
        return None
    return value is None


def _unary(node: Any, scope: Scope, path: Path | None, depth: int) -> Any:
    op, operand = str(node.children[0]), evaluate(node.children[-1], scope, None, depth)
    if op == "!" and isinstance(operand, bool):
        return not operand
    if op == "-" and isinstance(operand, (int, float)) and not isinstance(operand, bool):
        return -operand
    return Unknown(_text(node, scope))


def _for(node: Any, scope: Scope, path: Path | None, depth: int) -> Any:
    trees = _trees(node)
    intro, body = trees[0], trees[1:]
    cond = body.pop() if body and body[-1].data == "for_cond" else None
    intro_trees = _trees(intro)
    names = [str(t.children[0]) for t in intro_trees if t.data == "identifier"]
    collection = evaluate(intro_trees[-1], scope, None, depth)
    if not isinstance(collection, (list, dict)) or any(str(c) == "..." for c in node.children):
        return Unknown(_text(node, scope))
    pairs = list(collection.items()) if isinstance(collection, dict) else list(enumerate(collection))
    out_list, out_map = [], {}
    for key, value in pairs:
        inner = scope.inner(**({names[0]: value} if len(names) == 1 else {names[0]: key, names[1]: value}))
        if cond is not None:
            keep = evaluate(_trees(cond)[-1], inner, None, depth)
            if not isinstance(keep, bool):
                return Unknown(_text(node, scope))
            if not keep:
                continue
        if node.data == "for_tuple_expr":
            out_list.append(evaluate(body[0], inner, None, depth))
        else:
            map_key = evaluate(body[0], inner, None, depth)
            if not isinstance(map_key, str):
                return Unknown(_text(node, scope))
            out_map[map_key] = evaluate(body[1], inner, None, depth)
    return out_list if node.data == "for_tuple_expr" else out_map


def _traversal(node: Any, scope: Scope, path: Path | None, depth: int) -> Any:
    steps: list[tuple[str, Any]] = []
    base = node
    while getattr(base, "data", None) in TRAVERSALS:
        head, tail = base.children[0], base.children[1]
        if base.data in ("attr_splat_expr_term", "full_splat_expr_term"):
            steps.insert(0, ("splat", None))
        elif tail.data == "get_attr":
            steps.insert(0, ("attr", str(_trees(tail)[0].children[0])))
        elif tail.data == "short_index":
            steps.insert(0, ("index", int(str(tail.children[-1]))))
        else:
            steps.insert(0, ("index", evaluate(_trees(tail)[0], scope, None, depth)))
        base = head
        if (
            getattr(base, "data", None) == "expr_term"
            and len(base.children) == 1
            and base.children[0].data in TRAVERSALS
        ):
            base = base.children[0]
    text = _text(node, scope)
    base_trees = _trees(base) if getattr(base, "data", None) == "expr_term" else []
    if len(base_trees) == 1 and base_trees[0].data == "identifier" and len(base.children) == 1:
        root = str(base_trees[0].children[0])
        if root not in scope.names:
            return scope.module.reference(root, steps, scope, text, depth) if scope.module else Unknown(text)
        value = scope.names[root]
    else:
        value = evaluate(base, scope, None, depth)
    return apply_steps(value, steps, text)


def apply_steps(value: Any, steps: list[tuple[str, Any]], text: str) -> Any:
    """`value.attr[index]...`; what cannot be followed is unknown (a resource's stays its reference)."""
    for kind, arg in steps:
        if isinstance(value, Unknown):
            return value if value.ref else Unknown(text)
        if kind == "splat" or isinstance(arg, Unknown):
            return Unknown(text)
        if (isinstance(value, dict) and isinstance(arg, str) and arg in value) or (
            isinstance(value, list) and isinstance(arg, int) and not isinstance(arg, bool) and -1 < arg < len(value)
        ):
            value = value[arg]  # type: ignore[index]
        elif _absent(value, arg):
            return Missing(text)  # an absent key or index of known data: an error in Terraform
        else:
            return Unknown(text)
    return value


def _absent(value: Any, arg: Any) -> bool:
    """Whether stepping into `value` by `arg` certainly fails: a key absent from a map (its keys are always
    known), an index past a list whose items are all known (one from `flatten` or `compact` of unknowns
    may be longer or shorter), any step into a string, number, boolean or null."""
    if isinstance(value, dict):
        return isinstance(arg, str)
    if isinstance(value, list):
        return isinstance(arg, int) and not isinstance(arg, bool) and is_known(value)
    return True


def _function(node: Any, scope: Scope, path: Path | None, depth: int) -> Any:
    name_nodes = [c for c in node.children if getattr(c, "data", None) == "identifier"]
    name = str(name_nodes[0].children[0]) if len(name_nodes) == 1 else ""
    args_node = next((c for c in node.children if getattr(c, "data", None) == "arguments"), None)
    arg_nodes = _trees(args_node) if args_node is not None else []
    expand = args_node is not None and any(str(c) == "..." for c in args_node.children)
    args = [evaluate(a, scope, path if name in PATH_FUNCTIONS else None, depth) for a in arg_nodes]
    if expand and args and isinstance(args[-1], list):
        args = args[:-1] + args[-1]
    if name in ("file", "templatefile", "fileexists"):
        return _file_function(name, args, scope, _text(node, scope), depth)
    if name in ("try", "can"):
        return _try(name, args, _text(node, scope))
    if name == "coalesce":
        return _coalesce_known(args, _text(node, scope))
    if name == "replace" and len(args) == 3:
        return replace(args[0], args[1], args[2], _text(node, scope))
    if name == "jsondecode" and len(args) == 1 and isinstance(args[0], Template):
        data = template_data(args[0])
        return Unknown(_text(node, scope)) if data is None else data
    function = FUNCTIONS.get(name)
    if function is None:
        return Unknown(_text(node, scope))
    if any(isinstance(a, Unknown) for a in args) or (name not in PARTIAL and not all(is_known(a) for a in args)):
        return Unknown(_text(node, scope))
    try:
        return function(*args)
    except (
        TypeError,
        ValueError,
        KeyError,
        IndexError,
        AttributeError,
        OverflowError,
        ZeroDivisionError,
        StopIteration,
    ):
        return Unknown(_text(node, scope))


def _try(name: str, args: list[Any], text: str) -> Any:
    """Terraform's `try` (the first argument that evaluates without an error) and `can` (whether the one
    argument does), as far as it is known: an unknown that may hide an error leaves the result unknown."""
    for arg in args if name == "try" else args[:1]:
        if isinstance(arg, Missing):
            continue
        if not settled(arg):
            return Unknown(text)
        return arg if name == "try" else True
    return False if name == "can" and len(args) == 1 else Unknown(text)


def _coalesce_known(args: list[Any], text: str) -> Any:
    """Terraform's `coalesce`: the first argument neither null nor an empty string, known as soon as every
    argument before it is known (`coalesce(var.target_port, var.service_port)` with the first set is that
    port, whatever the second)."""
    for arg in args:
        if isinstance(arg, Unknown):
            return Unknown(text)
        if arg not in (None, ""):
            return arg
    return Missing(text)  # no argument to take: an error in Terraform


def _file_function(name: str, args: list[Any], scope: Scope, text: str, depth: int) -> Any:
    if not args or not isinstance(args[0], str):
        return Unknown(text)
    target = scope.module.readable(args[0]) if scope.module else None
    if name == "fileexists":
        return target is not None and target.is_file()
    if target is None:
        return Unknown(text)
    try:  # read as scanned files are: a pipe or a device in the module is never waited on
        content = read_regular(target, str(target), MAX_FILE_BYTES).decode("utf-8")
    except (OSError, InputProblem, UnicodeDecodeError):
        return Unknown(text)
    if name == "file":
        return content
    variables = args[1] if len(args) > 1 else {}
    if not isinstance(variables, dict):
        return Unknown(text)
    return template(content, Scope(scope.module, scope.file, dict(variables)), depth)


def _merge(*maps: Any) -> Any:
    out: dict[str, Any] = {}
    for item in maps:
        if item is None:
            continue
        if not isinstance(item, dict):
            return Unknown("merge(...)")
        out.update(item)
    return out


def _concat(*lists: Any) -> Any:
    if not all(isinstance(x, list) for x in lists):
        return Unknown("concat(...)")
    return [item for x in lists for item in x]


def _length(value: Any) -> Any:
    return len(value) if isinstance(value, (list, dict, str)) else Unknown("length(...)")


def _format(spec: str, *args: Any) -> str:
    values = iter(args)
    return re.sub(
        r"%(%|[-+# 0]*\d*(?:\.\d+)?[sdvqftbeEgGxXo])", lambda m: "%" if m.group(1) == "%" else _fmt(m, values), spec
    )


def _fmt(match: re.Match[str], values: Any) -> str:
    value = next(values)
    verb = match.group(1)[-1]
    if verb in "sv":
        return value if isinstance(value, str) else json.dumps(value)
    if verb == "q":
        return json.dumps(value)
    return ("%" + match.group(1)[:-1] + verb) % value


def _tostring(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return str(value)
    raise ValueError("not a primitive")


def _tonumber(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    number = float(value)
    return int(number) if number.is_integer() else number


def _tobool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return {"true": True, "false": False}[value]


def _lookup(mapping: dict, key: str, *default: Any) -> Any:
    return mapping[key] if key in mapping or not default else default[0]


def _flatten(value: list) -> list:
    out: list[Any] = []
    for item in value:
        out += _flatten(item) if isinstance(item, list) else [item]
    return out


def _sort(items: list) -> list:
    """Terraform's `sort`: strings in lexicographic order (numbers and booleans are not converted here)."""
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise TypeError("sort takes a list of strings")
    return sorted(items)


def _distinct(value: list) -> list:
    out: list[Any] = []
    for item in value:
        if item not in out:
            out.append(item)
    return out


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "jsonencode": lambda v: v,  # kept as data: sources read the structure, and spans stay on its keys
    "jsondecode": lambda v: v if not isinstance(v, str) else json.loads(v),
    "merge": _merge,
    "concat": _concat,
    "length": _length,
    "lookup": _lookup,
    "format": _format,
    "join": lambda sep, items: sep.join(_tostring(i) for i in items),
    "split": lambda sep, text: text.split(sep),
    "lower": str.lower,
    "upper": str.upper,
    "trimspace": str.strip,
    "tostring": _tostring,
    "tonumber": _tonumber,
    "tobool": _tobool,
    "tolist": lambda v: list(v),
    "toset": lambda v: _distinct(list(v)) if isinstance(v, list) else Unknown("toset(...)"),
    "tomap": lambda v: dict(v),
    "flatten": _flatten,
    "compact": lambda v: [x for x in v if x not in (None, "")],
    "distinct": _distinct,
    "sort": _sort,
    "keys": lambda m: sorted(m),
    "values": lambda m: [m[k] for k in sorted(m)],
    "contains": lambda items, v: v in items,
    "element": lambda items, i: items[i % len(items)],
    "max": max,
    "min": min,
    "abs": abs,
    "ceil": math.ceil,
    "floor": math.floor,
}


def block_values(block: Block, scope: Scope, path: Path, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A block's attributes and nested blocks in the shape of a plan's `values`: every nested block type
    is a list of objects, `dynamic` blocks expanded when their `for_each` is known."""
    out: dict[str, Any] = {}
    for name, attribute in block.attributes.items():
        if name in skip:
            continue
        if scope.spans is not None:
            scope.spans[(*path, name)] = attribute.span
        out[name] = evaluate(attribute.expr, scope, (*path, name))
        if isinstance(out[name], Template):  # a partly known string holding JSON is read as a heredoc's is
            data = template_data(out[name])
            out[name] = out[name] if data is None else data
        if scope.spans is not None and isinstance(out[name], (str, list, dict)):
            scope.spans.update(heredoc_json_spans(attribute.expr, out[name], (*path, name)))
    for nested in block.blocks:
        if nested.type in skip:
            continue
        if nested.type == "dynamic" and nested.labels:
            _dynamic(nested, scope, path, out)
            continue
        items = out.setdefault(nested.type, [])
        if not isinstance(items, list):
            continue
        sub = (*path, nested.type, len(items))
        if scope.spans is not None:
            scope.spans[sub] = nested.span
        items.append(block_values(nested, scope, sub))
    return out


def heredoc_json_spans(expr: Any, value: str, path: Path) -> dict[Path, Span]:
    """Spans of the keys of JSON written in a heredoc (`container_definitions = <<EOF [...] EOF`), on the
    heredoc's own lines; nothing for other strings or text that is not JSON."""
    inner = _trees(expr)[0] if getattr(expr, "data", None) == "expr_term" and _trees(expr) else None
    if getattr(inner, "data", None) not in ("heredoc_template", "heredoc_template_trim"):
        return {}
    if not isinstance(value, str):  # read around unknown interpolations: locate in the text with tokens
        match = HEREDOC.match(str(inner.children[0]))
        value = placeholder_text(match.group(3))[0] if match else ""
    try:
        located = JsonLocator(value).every()
    except (ValueError, IndexError, RecursionError):
        return {}
    first = inner.meta.line  # type: ignore[union-attr]  # the line of `<<EOF`: the JSON's line 1 is the next
    return {
        (*path, *steps): Span(first + s.start_line, s.start_col, first + s.end_line, s.end_col)
        for steps, s in located.items()
    }


def _dynamic(block: Block, scope: Scope, path: Path, out: dict[str, Any]) -> None:
    name = block.labels[0]
    for_each = block.attributes.get("for_each")
    iterator = block.attributes.get("iterator")
    label = name
    if iterator is not None:
        label = _text(iterator.expr, scope)
    content = next((b for b in block.blocks if b.type == "content"), None)
    collection = evaluate(for_each.expr, scope, None) if for_each else None
    if content is None:
        return
    if not isinstance(collection, (list, dict)):
        out[name] = Unknown(_text(for_each.expr, scope) if for_each else name)
        return
    pairs = collection.items() if isinstance(collection, dict) else enumerate(collection)
    items = out.setdefault(name, [])
    if not isinstance(items, list):
        return
    for key, value in pairs:
        sub = (*path, name, len(items))
        if scope.spans is not None:
            scope.spans[sub] = block.span
        inner = scope.inner(**{label: {"key": key, "value": value}})
        items.append(block_values(content, Scope(inner.module, inner.file, inner.names, None), sub))


def policy_document(block: Block, scope: Scope) -> Any:
    """The JSON document of a `data "aws_iam_policy_document"` block, as IAM reads it (unknown when any
    part of it is: a statement from an unknown `dynamic` block could say anything)."""
    values = block_values(block, Scope(scope.module, scope.file, scope.names, None), ())
    sources, blocks = values.get("source_policy_documents") or [], values.get("statement") or []
    if values.get("override_policy_documents") or not isinstance(sources, list) or not isinstance(blocks, list):
        return Unknown(f"data.aws_iam_policy_document.{block.labels[-1]}")
    statements: list[Any] = []
    for source in sources:
        document = json.loads(source) if isinstance(source, str) else source
        if not isinstance(document, dict) or not isinstance(document.get("Statement", []), list):
            return Unknown(f"data.aws_iam_policy_document.{block.labels[-1]}")
        statements += document.get("Statement", [])
    for statement in blocks:
        if not isinstance(statement, dict):
            return Unknown(f"data.aws_iam_policy_document.{block.labels[-1]}")
        statements.append(_statement(statement))
    document = {"Version": values.get("version") or "2012-10-17", "Statement": statements}
    if values.get("policy_id"):
        document["Id"] = values["policy_id"]
    return document


def _statement(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if values.get("sid"):
        out["Sid"] = values["sid"]
    out["Effect"] = values.get("effect") or "Allow"
    for key, name in (
        ("actions", "Action"),
        ("not_actions", "NotAction"),
        ("resources", "Resource"),
        ("not_resources", "NotResource"),
    ):
        if key in values:
            out[name] = values[key]
    for key, name in (("principals", "Principal"), ("not_principals", "NotPrincipal")):
        principals = values.get(key) or []
        if not isinstance(principals, list):
            out[name] = principals
            continue
        for principal in principals:
            kind, ids = (
                (principal.get("type"), principal.get("identifiers")) if isinstance(principal, dict) else (None, None)
            )
            if kind == "*" and ids == ["*"]:
                out[name] = "*"
            elif isinstance(kind, str) and isinstance(out.setdefault(name, {}), dict):
                out[name][kind] = ids
            else:
                out[name] = Unknown(key)
    conditions = values.get("condition") or []
    for condition in conditions if isinstance(conditions, list) else [{}]:
        test, variable = (
            (condition.get("test"), condition.get("variable")) if isinstance(condition, dict) else (None, None)
        )
        if isinstance(test, str) and isinstance(variable, str):
            out.setdefault("Condition", {}).setdefault(test, {})[variable] = condition.get("values")
        else:
            out["Condition"] = Unknown("condition")
    return out


def address_of(reference: str) -> str | None:
    """`aws_iam_role.task` from a reference like `aws_iam_role.task.arn` (None for `var.x`, `local.y`)."""
    match = ADDRESS.match(reference)
    if match is None or reference.split(".")[0] in ("var", "local", "each", "count", "path", "terraform", "self"):
        return None
    return match.group(0)


def within(path: FsPath, root: FsPath) -> bool:
    """Whether `path` lies inside `root` once links are resolved."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True


_HANDLERS: dict[str | None, Callable[[Any, Scope, Path | None, int], Any]] = {
    "expr_term": _expr_term,
    "literal_value": _literal,
    "int_lit": _number,
    "float_lit": _number,
    "identifier": _identifier,
    "string": _string,
    "heredoc_template": _heredoc,
    "heredoc_template_trim": _heredoc,
    "tuple": _tuple,
    "object": _object,
    "conditional": _conditional,
    "binary_op": _binary,
    "unary_op": _unary,
    "for_tuple_expr": _for,
    "for_object_expr": _for,
    "get_attr_expr_term": _traversal,
    "index_expr_term": _traversal,
    "attr_splat_expr_term": _traversal,
    "full_splat_expr_term": _traversal,
    "function_call": _function,
}
