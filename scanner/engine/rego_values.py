"""Pass strings to rego-cpp and read its query results safely.

rego-cpp's string built-ins (`trim_space`, `regex.split`, `upper`, ...) read a string as the inside of a
JSON string literal and unescape it again on every call: a backslash followed by a letter that is no
JSON escape (`C:\\ServiceMonitor.exe`) throws inside the engine and aborts the process, and `\\n` or
`\\u0041` would change meaning. So every backslash crosses into rego-cpp as a private-use character
(`BACKSLASH_STANDIN`) and is turned back in the results: no input can abort the engine, and the rules see
each string whole. The cost: a rule comparing an input backslash with one written in Rego or a parameter
(a Windows named pipe `\\\\.\\pipe\\...`) does not match on rego-cpp; regorus and OPA read strings exactly.

rego-cpp's JSON rendering of a result does not escape `"` inside strings, so a container name or
label key with a quote in it would make the result unreadable (and regopy's `Output` raises while
parsing it). The fast path parses that JSON; when it is broken, the result's node tree is walked.
"""

from __future__ import annotations

import json
from typing import Any

from regopy.node import NodeKind
from regopy.rego_shared import (
    rego_free_output,
    rego_node_get,
    rego_node_size,
    rego_node_type,
    rego_node_value,
    rego_output_expressions_at_index,
    rego_output_ok,
    rego_output_string,
)

BACKSLASH_STANDIN = "\ue05c"


def to_regocpp(value: Any) -> Any:
    """`value` with every backslash in its strings (keys too) replaced by `BACKSLASH_STANDIN`."""
    if isinstance(value, str):
        return value.replace("\\", BACKSLASH_STANDIN) if "\\" in value else value
    if isinstance(value, dict):
        return {to_regocpp(k): to_regocpp(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_regocpp(v) for v in value]
    return value


def from_regocpp(value: Any) -> Any:
    """The inverse of `to_regocpp` on a result."""
    if isinstance(value, str):
        return value.replace(BACKSLASH_STANDIN, "\\") if BACKSLASH_STANDIN in value else value
    if isinstance(value, dict):
        return {from_regocpp(k): from_regocpp(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_regocpp(v) for v in value]
    return value


def first_expression(output: int) -> tuple[bool, Any]:
    """`(ok, value of the first expression)` of a raw rego-cpp output, which is freed."""
    try:
        if not rego_output_ok(output):
            return False, None
        text = rego_output_string(output)
        if text == "undefined":
            return True, None
        try:
            return True, json.loads(text)["expressions"][0]
        except json.JSONDecodeError:
            terms = rego_output_expressions_at_index(output, 0)
            return True, node_value(rego_node_get(terms, 0)) if terms and rego_node_size(terms) else None
    finally:
        rego_free_output(output)


def node_value(node: int) -> Any:
    """A rego-cpp node as plain Python data."""
    kind = rego_node_type(node)
    size = rego_node_size(node)
    children = [rego_node_get(node, i) for i in range(size)]
    if kind in (NodeKind.Term, NodeKind.Scalar, NodeKind.Terms):
        return node_value(children[0]) if children else None
    if kind == NodeKind.Object:
        return {node_value(rego_node_get(item, 0)): node_value(rego_node_get(item, 1)) for item in children}
    if kind in (NodeKind.Array, NodeKind.Set):
        return [node_value(child) for child in children]
    if kind == NodeKind.String:  # a string a built-in computed keeps its JSON quotes in the node
        text = rego_node_value(node)
        return text[1:-1] if len(text) >= 2 and text[0] == text[-1] == '"' else text
    if kind == NodeKind.Int:
        return int(rego_node_value(node))
    if kind == NodeKind.Float:
        return float(rego_node_value(node))
    if kind == NodeKind.Boolean:
        return rego_node_value(node) == "true"
    return None
