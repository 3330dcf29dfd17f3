"""Template directives (`%{if}`/`%{else}`/`%{endif}`, `%{for}`/`%{endfor}`) worked out in a template's text.

Modules write container definitions as heredoc JSON with directives choosing members (umotif's
`%{if var.enable_logs~} "logConfiguration": {...} %{~endif}`). When every condition and collection is known,
the directives are replaced by the text they stand for, `~` strip markers applied, and the interpolations
outside loops are left as written: the caller renders the result as a template without directives (so the
JSON around an unknown interpolation is still read). Inside a loop each interpolation is rendered at once
with the loop's names; any unknown condition, collection or value inside a loop gives None (nothing is
guessed).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from msgspec import Struct, field

from scanner.sources.terraform.json_template import closing_brace

Evaluate = Callable[[str, dict[str, Any]], Any]  # (expression source, loop names) -> value
_FOR = re.compile(r"([A-Za-z_][\w-]*)(?:\s*,\s*([A-Za-z_][\w-]*))?\s+in\s+(.+)", re.S)
MAX_OUTPUT = 1 << 20


class _Directive(Struct):
    keyword: str  # if, else, endif, for, endfor
    rest: str  # the condition, or the `for` clause
    strip_before: bool
    strip_after: bool


class _Node(Struct):
    """An `if` (then/else branches) or a `for` (its body) with what it was written as."""

    directive: _Directive
    body: list[Any] = field(default_factory=list)
    other: list[Any] | None = None  # the else branch of an if


def expand(body: str, evaluate: Evaluate) -> str | None:
    """`body` with its directives worked out; None when one cannot be (unknown, malformed, or too large)."""
    tokens = _tokens(body)
    if tokens is None:
        return None
    tree = _tree(_strip(tokens))
    if tree is None:
        return None
    out: list[str] = []
    if not _render(tree, {}, evaluate, out):
        return None
    return "".join(out)


def _tokens(body: str) -> list[str | tuple[str, str] | _Directive] | None:
    """Literal text (str), interpolations (("interp", source)) and directives, in order."""
    out: list[str | tuple[str, str] | _Directive] = []
    text: list[str] = []
    i, n = 0, len(body)
    while i < n:
        if body.startswith(("$${", "%%{"), i):
            text.append(body[i : i + 3])
            i += 3
        elif body.startswith(("${", "%{"), i):
            end = closing_brace(body, i + 1)
            if body[end] != "}":
                return None
            out.append("".join(text))
            text = []
            inner = body[i + 2 : end]
            if body[i] == "$":
                out.append(("interp", inner))
            else:
                directive = _directive(inner)
                if directive is None:
                    return None
                out.append(directive)
            i = end + 1
        else:
            text.append(body[i])
            i += 1
    out.append("".join(text))
    return out


def _directive(inner: str) -> _Directive | None:
    strip_before, strip_after = inner.startswith("~"), inner.endswith("~")
    words = inner.strip("~").strip()
    keyword = words.split(None, 1)[0] if words else ""
    if keyword not in ("if", "else", "endif", "for", "endfor"):
        return None
    return _Directive(keyword, words[len(keyword) :].strip(), strip_before, strip_after)


def _strip(tokens: list) -> list:
    """`%{~ ...}` trims the whitespace before the directive, `... ~}` the whitespace after it."""
    out = list(tokens)
    for i, token in enumerate(out):
        if not isinstance(token, _Directive):
            continue
        if token.strip_before and i > 0 and isinstance(out[i - 1], str):
            out[i - 1] = out[i - 1].rstrip()
        if token.strip_after and i + 1 < len(out) and isinstance(out[i + 1], str):
            out[i + 1] = out[i + 1].lstrip()
    return out


def _tree(tokens: list) -> list | None:
    root: list[Any] = []
    stack: list[tuple[_Node, list]] = []  # open directives and the list being filled
    current = root
    for token in tokens:
        if not isinstance(token, _Directive):
            current.append(token)
        elif token.keyword in ("if", "for"):
            node = _Node(token)
            current.append(node)
            stack.append((node, current))
            current = node.body
        elif token.keyword == "else":
            if not stack or stack[-1][0].directive.keyword != "if" or stack[-1][0].other is not None:
                return None
            stack[-1][0].other = []
            current = stack[-1][0].other
        else:
            if not stack or stack[-1][0].directive.keyword != token.keyword[3:]:
                return None
            current = stack.pop()[1]
    return root if not stack else None


def _render(nodes: list, names: dict[str, Any], evaluate: Evaluate, out: list[str]) -> bool:
    for node in nodes:
        if sum(len(x) for x in out) > MAX_OUTPUT:
            return False
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, tuple):
            if not names:  # outside loops: left for the caller's template rendering
                out.append("${" + node[1] + "}")
                continue
            value = evaluate(node[1].strip("~"), names)
            if isinstance(value, bool):
                value = "true" if value else "false"
            if not isinstance(value, (str, int, float)):
                return False
            out.append(str(value).replace("${", "$${").replace("%{", "%%{"))
        elif node.directive.keyword == "if":
            test = evaluate(node.directive.rest, names)
            if not isinstance(test, bool):
                return False
            if not _render(node.body if test else (node.other or []), names, evaluate, out):
                return False
        elif not _loop(node, names, evaluate, out):
            return False
    return True


def _loop(node: _Node, names: dict[str, Any], evaluate: Evaluate, out: list[str]) -> bool:
    clause = _FOR.fullmatch(node.directive.rest)
    if clause is None:
        return False
    collection = evaluate(clause.group(3), names)
    if isinstance(collection, dict):
        pairs = list(collection.items())
    elif isinstance(collection, list):
        pairs = list(enumerate(collection))
    else:
        return False
    for key, value in pairs:
        inner = {clause.group(1): key, clause.group(2): value} if clause.group(2) else {clause.group(1): value}
        if not _render(node.body, {**names, **inner}, evaluate, out):
            return False
    return True
