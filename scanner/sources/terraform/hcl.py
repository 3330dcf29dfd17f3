"""HCL files parsed into blocks and attributes that remember their lines.

python-hcl2's Lark grammar is used for the raw parse tree only (it carries every node's position);
expressions stay trees, evaluated later by `resolve`, so a key inside `jsonencode({...})` keeps its
own line. The parser is imported on first use: scanning JSON and YAML never pays for it.
"""

from __future__ import annotations

import re
from typing import Any

from msgspec import Struct, field

from scanner.model import InputError, InputProblem, Span

IGNORE_COMMENT = re.compile(r"^\s*(?:#|//)\s*fgscan:ignore\b[ \t]*(\S*)[ \t]*(.*?)\s*$")


class Attribute(Struct):
    """`name = expression`; `expr` is the Lark tree of the expression."""

    name: str
    expr: Any
    span: Span


class Block(Struct):
    """`type "label" ... { body }`."""

    type: str
    labels: list[str]
    attributes: dict[str, Attribute]
    blocks: list[Block]
    span: Span


class HclFile(Struct):
    """One parsed `.tf` (or `.tfvars`) file: its top-level body and its `# fgscan:ignore` comments."""

    path: str
    text: str
    body: Block
    ignores: dict[int, tuple[str, str]] = field(default_factory=dict)  # line -> (rule, reason)


def parse_tree(text: str) -> Any:
    """The raw Lark tree of `text` (raises Lark's exceptions), parsed as `hcl2.parses_to_tree` does."""
    from scanner.sources.terraform.parser_cache import parser

    return parser().parse(text + "\n")  # python-hcl2's grammar needs a last newline (lark-parser/lark#237)


def parse_file(text: str, display: str) -> HclFile:
    """Parse one HCL file; a syntax error is an `InputProblem` at its line and column."""
    from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

    try:
        tree = parse_tree(text)
    except UnexpectedEOF:
        raise InputProblem(InputError(display, "invalid HCL: unexpected end of file", text.count("\n") + 1)) from None
    except UnexpectedToken as exc:
        found = str(exc.token).strip() or exc.token.type
        raise InputProblem(InputError(display, f"invalid HCL: unexpected '{found}'", exc.line, exc.column)) from None
    except UnexpectedCharacters as exc:
        char = text[exc.pos_in_stream] if 0 <= exc.pos_in_stream < len(text) else "?"  # type: ignore[index, operator]
        raise InputProblem(
            InputError(display, f"invalid HCL: unexpected character {char!r}", exc.line, exc.column)
        ) from None
    except UnexpectedInput as exc:
        raise InputProblem(InputError(display, "invalid HCL", exc.line, exc.column)) from None
    except (LarkError, RecursionError, RuntimeError) as exc:
        raise InputProblem(
            InputError(display, f"invalid HCL: {str(exc).splitlines()[0] if str(exc) else exc}")
        ) from None
    body = tree.children[0]
    lines = text.count("\n") + 1
    root = Block("", [], {}, [], Span(1, 1, lines, 1))
    _fill(root, body)
    return HclFile(display, text, root, _ignores(text))


def span_of(node: Any) -> Span:
    """The span of a tree node or token (columns end exclusive)."""
    meta = getattr(node, "meta", node)
    return Span(meta.line, meta.column, meta.end_line, meta.end_column)


def _fill(block: Block, body: Any) -> None:
    for child in body.children:
        kind = getattr(child, "data", None)
        if kind == "attribute":
            name = _name(child.children[0])
            block.attributes[name] = Attribute(name, child.children[-1], span_of(child))
        elif kind == "block":
            words, inner = [], None
            for part in child.children:
                part_kind = getattr(part, "data", None)
                if part_kind == "body":
                    inner = part
                elif part_kind in ("identifier", "keyword", "literal_value", "string"):
                    words.append(_name(part))
            nested = Block(words[0], words[1:], {}, [], span_of(child))
            if inner is not None:
                _fill(nested, inner)
            block.blocks.append(nested)


def _name(node: Any) -> str:
    """An identifier, keyword or literal label's text, or a quoted label without its quotes."""
    if getattr(node, "data", None) == "string":
        return "".join(str(p.children[0]) for p in node.children if getattr(p, "data", None) == "string_part")
    token = node.children[0] if hasattr(node, "children") else node
    return str(token)


def _ignores(text: str) -> dict[int, tuple[str, str]]:
    if "fgscan:ignore" not in text:
        return {}
    out = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = IGNORE_COMMENT.match(line) or _trailing_ignore(line)
        if match:
            out[number] = (match.group(1), match.group(2))
    return out


def _trailing_ignore(line: str) -> re.Match[str] | None:
    """`privileged = true # fgscan:ignore RULE reason` (a comment after code on the same line)."""
    at = max(line.find("# fgscan:ignore"), line.find("// fgscan:ignore"))
    return IGNORE_COMMENT.match(line[at:]) if at > 0 else None
