"""A variable's value as Terraform hands it to the module: converted to the variable's `type`.

Modern modules take one object per feature (`dd_log_collection = { enabled = true }`) and leave the rest to
the type's `optional(type, default)` attributes, which Terraform fills in when it converts the caller's value
(or the variable's own default); attributes the type does not declare are dropped. `nullable = false` makes a
null argument the variable's default. Without this, `var.x.fluentbit_config.registry` was an error (an absent
key) where Terraform has a value, and the container holding it was not judged.

Only the structure is converted (objects, lists, sets, maps, tuples); primitive values are left as written.
"""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from scanner.sources.terraform.unknown import Unknown

MAX_TYPE_DEPTH = 32


class Attr(Struct, frozen=True):
    """One attribute of an object type: its type, whether it may be left out, the default's expression."""

    type: Any
    optional: bool
    default: Any = None  # the Lark tree of `optional(type, default)`'s second argument


ANY = ("any",)


def type_of(node: Any, depth: int = 0) -> Any:
    """A type constraint's tree as ("any",), ("object", {name: Attr}), ("list"|"set"|"map", element) or
    ("tuple", [elements]); anything not understood (a legacy quoted type, a primitive) is ("any",)."""
    node = _unwrap(node)
    if depth > MAX_TYPE_DEPTH or getattr(node, "data", None) != "function_call":
        return ANY
    name, args = _call(node)
    if name == "object" and len(args) == 1 and getattr(_unwrap(args[0]), "data", None) == "object":
        return ("object", _attributes(_unwrap(args[0]), depth))
    if name in ("list", "set", "map") and len(args) == 1:
        return (name, type_of(args[0], depth + 1))
    if name == "tuple" and len(args) == 1 and getattr(_unwrap(args[0]), "data", None) == "tuple":
        return ("tuple", [type_of(item, depth + 1) for item in _trees(_unwrap(args[0]))])
    return ANY


def conform(value: Any, kind: Any, default_of: Any) -> Any:
    """`value` converted to the type `kind`: missing or null optional attributes get their defaults
    (`default_of(tree)` evaluates one), undeclared attributes are dropped. Unknowns stay as they are."""
    if value is None or isinstance(value, Unknown) or kind is ANY:
        return value
    tag = kind[0]
    if tag == "object" and isinstance(value, dict):
        out = {}
        for name, attr in kind[1].items():
            item = value.get(name)
            if item is None and attr.default is not None:
                item = default_of(attr.default)
            out[name] = conform(item, attr.type, default_of)
        return out
    if tag in ("list", "set") and isinstance(value, list):
        return [conform(item, kind[1], default_of) for item in value]
    if tag == "map" and isinstance(value, dict):
        return {key: conform(item, kind[1], default_of) for key, item in value.items()}
    if tag == "tuple" and isinstance(value, list) and len(value) == len(kind[1]):
        return [conform(item, t, default_of) for item, t in zip(value, kind[1], strict=True)]
    return value


def _attributes(node: Any, depth: int) -> dict[str, Attr]:
    out = {}
    for elem in _trees(node):
        trees = _trees(elem)
        key = _key(trees[0])
        if key is None:
            continue
        value = _unwrap(trees[-1])
        if getattr(value, "data", None) == "function_call" and _call(value)[0] == "optional":
            args = _call(value)[1]
            inner = type_of(args[0], depth + 1) if args else ANY
            out[key] = Attr(inner, True, args[1] if len(args) > 1 else None)
        else:
            out[key] = Attr(type_of(value, depth + 1), False)
    return out


def _key(node: Any) -> str | None:
    """An object type's attribute name: a bare name or a quoted one."""
    inner = _unwrap(_trees(node)[0]) if _trees(node) else None
    kind = getattr(inner, "data", None)
    if kind in ("identifier", "keyword"):
        return str(inner.children[0])  # type: ignore[union-attr]
    if kind == "string":
        parts = [p.children[0] for p in inner.children if getattr(p, "data", None) == "string_part"]  # type: ignore[union-attr]
        return "".join(str(p) for p in parts) if all(not hasattr(p, "data") for p in parts) else None
    return None


def _call(node: Any) -> tuple[str, list[Any]]:
    names = [c for c in node.children if getattr(c, "data", None) == "identifier"]
    args = next((c for c in node.children if getattr(c, "data", None) == "arguments"), None)
    return (str(names[0].children[0]) if names else "", _trees(args) if args is not None else [])


def _unwrap(node: Any) -> Any:
    while getattr(node, "data", None) == "expr_term" and len(_trees(node)) == 1 and len(node.children) == 1:
        node = _trees(node)[0]
    return node


def _trees(node: Any) -> list[Any]:
    return [c for c in getattr(node, "children", []) if hasattr(c, "data") and c.data != "new_line_or_comment"]
