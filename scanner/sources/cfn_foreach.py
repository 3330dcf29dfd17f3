"""`Fn::ForEach` (the `AWS::LanguageExtensions` transform) in `Resources`, expanded as CloudFormation does.

`Fn::ForEach::Tasks: [Name, !Ref Services, {"${Name}Task": {...}}]` makes one resource per item of the
collection, the identifier put into the logical id (`${Name}`, or `&{Name}` with its non-alphanumeric
characters removed) and into the body (`!Ref Name`, `${Name}` in `Fn::Sub`). Each expanded resource keeps
the source path of the body it was made from, so findings land on the loop's lines. A collection the
template does not settle (a parameter without default) still gives its body once, the identifier left as
a reference nothing resolves: what does not depend on it is judged all the same.
"""

from __future__ import annotations

import re
from typing import Any

from scanner.model import Path
from scanner.sources.cfn_readings import Template

PREFIX = "Fn::ForEach::"
MAX_DEPTH = 5  # loops nested in loops; deeper ones are left unexpanded
MAX_RESOURCES = 1_000  # CloudFormation deploys at most 500 per stack: loops cannot multiply past this


def is_loop(key: Any, value: Any) -> bool:
    """A `Fn::ForEach::Name: [identifier, collection, {output key: body}]` entry."""
    return (
        isinstance(key, str)
        and key.startswith(PREFIX)
        and isinstance(value, list)
        and len(value) == 3
        and isinstance(value[0], str)
        and isinstance(value[2], dict)
    )


def expand(resources: dict[str, Any], template: Template) -> dict[str, tuple[Any, Path]]:
    """Logical id -> (body, source path of the body) for every resource, loops expanded."""
    out: dict[str, tuple[Any, Path]] = {}
    _expand(resources, ("Resources",), template, out, {}, [MAX_RESOURCES])
    return out


def _expand(
    entries: dict[str, Any], where: Path, template: Template, out: dict, bound: dict[str, str], left: list[int]
) -> None:
    """Expand `entries` (at `where` in the source) with the identifiers of the loops around them `bound`;
    `left` counts down the resources loops may still make (a template's own resources are never cut)."""
    for key, value in entries.items():
        if not is_loop(key, value):
            if len(where) > 1:  # made by a loop
                if left[0] <= 0:
                    return
                left[0] -= 1
            out.setdefault(_key(key, bound), (_substitute(value, bound), (*where, key)))
            continue
        if len(where) >= 1 + 2 * MAX_DEPTH:  # each loop around adds (key, 2) to the path
            continue
        identifier, collection, fragment = value
        items = _collection(_substitute(collection, bound), template)
        for item in items if items is not None else [None]:
            inner = bound if item is None else {**bound, identifier: item}
            _expand(fragment, (*where, key, 2), template, out, inner, left)


def _collection(value: Any, template: Template) -> list[str] | None:
    """The collection's items as text, when the template settles them: resolved as any value is, so a list
    parameter gives its supplied value or default, split at its commas."""
    value, _ = template.resolve(value, ())
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
        return [str(v) for v in value]
    return None


def _key(key: str, bound: dict[str, str]) -> str:
    for identifier, item in bound.items():
        key = key.replace(f"${{{identifier}}}", item)
        key = key.replace(f"&{{{identifier}}}", re.sub(r"[^A-Za-z0-9]", "", item))
    return key


def _substitute(value: Any, bound: dict[str, str]) -> Any:
    """`value` with `!Ref identifier`, and `${identifier}` in `Fn::Sub` and in keys, replaced by the item."""
    if not bound:
        return value
    if isinstance(value, list):
        return [_substitute(v, bound) for v in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1 and isinstance(value.get("Ref"), str) and value["Ref"] in bound:
        return bound[value["Ref"]]
    sub = value.get("Fn::Sub") if len(value) == 1 else None
    if isinstance(sub, str):
        return {"Fn::Sub": _key(sub, bound)}
    if isinstance(sub, list) and sub and isinstance(sub[0], str):
        return {"Fn::Sub": [_key(sub[0], bound), *(_substitute(v, bound) for v in sub[1:])]}
    return {_key(k, bound): _substitute(v, bound) for k, v in value.items()}
