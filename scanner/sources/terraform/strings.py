"""Strings known in part: string templates with unknown interpolations and Terraform's `replace()` on them.

`replace(s, old, new)` is worked out as far as the known text allows, never further: a search string absent
from a known input leaves it as it is (whatever `new` is); one present puts `new` in its place, a `Template`
when `new` is unknown. Where the input has unknown pieces, `old` may occur inside them (they become unknown
`replace(...)` of themselves) but may not straddle one and the known text beside it: when the known text
next to an unknown piece could be part of such a match, the whole result is unknown. A search string
written `/.../` is a regular expression in Terraform and is not worked out here.
"""

from __future__ import annotations

import json
from typing import Any

from scanner.sources.terraform.json_template import partial_parts
from scanner.sources.terraform.unknown import Template, Unknown, is_known

Part = str | Unknown


def parts_of(value: Any) -> list[Part] | None:
    """`value` as a string's parts (numbers and booleans as Terraform writes them, known data from
    `jsonencode` as its JSON); None for what is not a string, or not known enough to be one."""
    if isinstance(value, Template):
        return list(value.parts)
    if isinstance(value, Unknown):
        return [value]
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, (str, int, float)):
        return [str(value)]
    if isinstance(value, (dict, list)) and is_known(value):
        return [json.dumps(value, separators=(",", ":"))]
    return None


def joined(parts: list[Part], text: str, ref: str | None = None) -> Any:
    """The string the parts make: text when all are known, else a `Template` (texts side by side merged)."""
    merged: list[Part] = []
    for part in parts:
        for piece in part.parts if isinstance(part, Template) else [part]:
            if isinstance(piece, str) and merged and isinstance(merged[-1], str):
                merged[-1] += piece
            elif not isinstance(piece, str) or piece:
                merged.append(piece)
    if all(isinstance(p, str) for p in merged):
        return "".join(p for p in merged if isinstance(p, str))
    return Template(merged, text, ref)


def replace(subject: Any, old: Any, new: Any, text: str) -> Any:
    """Terraform's `replace` as far as it can be worked out (see the module's docstring)."""
    parts = parts_of(subject)
    if not isinstance(old, str) or (len(old) > 1 and old[0] == "/" and old[-1] == "/") or parts is None:
        return Unknown(text)
    unknowns = [i for i, p in enumerate(parts) if isinstance(p, Unknown)]
    if len(unknowns) == len(parts) or (unknowns and (not old or any(_straddles(parts, i, old) for i in unknowns))):
        return Unknown(text)
    if old and not any(isinstance(p, str) and old in p for p in parts) and not unknowns:
        return "".join(p for p in parts if isinstance(p, str))  # nothing to replace, whatever `new` is
    replacement = parts_of(new)
    if replacement is None or (not old and not all(isinstance(p, str) for p in replacement)):
        return Unknown(text)
    if not unknowns and all(isinstance(p, str) for p in replacement):
        return "".join(p for p in parts if isinstance(p, str)).replace(old, "".join(map(str, replacement)))
    out: list[Part] = []
    for part in parts:
        if isinstance(part, str):
            for j, piece in enumerate(part.split(old)):
                out += [*(replacement if j else []), piece]
        else:
            out.append(Unknown(_replaced(part.text), part.ref))
    return joined(out, text)


def _straddles(parts: list[Part], index: int, old: str) -> bool:
    """Whether a match of `old` could take in the unknown piece `parts[index]` and known text beside it."""
    before = parts[index - 1] if index and isinstance(parts[index - 1], str) else ""
    after = parts[index + 1] if index + 1 < len(parts) and isinstance(parts[index + 1], str) else ""
    unknown_before = index - (1 if before else 0) > 0
    unknown_after = index + (1 if after else 0) < len(parts) - 1
    for i in range(1, len(old)):
        head, tail = old[:i], old[i:]
        if str(before).endswith(head) or (unknown_before and head.endswith(str(before))):
            return True
        if str(after).startswith(tail) or (unknown_after and tail.startswith(str(after))):
            return True
    return False


def _replaced(text: str) -> str:
    """How an unknown piece that went through `replace` is shown: `replace(var.name, …)`, once however
    many calls it went through (eight nested calls would otherwise name a container in a whole line)."""
    return text if text.startswith("replace(") and text.endswith(", …)") else f"replace({text}, …)"


def template_data(value: Template) -> Any | None:
    """The data of a partly known string that is JSON (`[...]` or `{...}` once each unknown piece is a
    token), as a heredoc's JSON is read; None when it is not."""
    first = value.parts[0]
    if not isinstance(first, str) or first.lstrip()[:1] not in ("[", "{"):
        return None
    return partial_parts(value.parts, is_known, lambda source: Unknown(source))
