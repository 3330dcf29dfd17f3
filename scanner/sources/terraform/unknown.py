"""Values not known before apply, and what is known about them.

Most unknowns are only that. Three kinds say more, because Terraform's `try`/`can` and string functions
can use it: `Missing` is an expression whose evaluation is an error (a key absent from known data, a
resource instance known not to be made); `AfterApply` is an attribute of a resource instance known to be
made (no error, its value comes at apply); `Template` is a string known in part (known text around
unknown pieces), so `replace()` can still work on the known text.
"""

from __future__ import annotations

import re
from typing import Any

VARIABLE = re.compile(r"var\.[A-Za-z_][A-Za-z0-9_-]*")


class Unknown:
    """A value not known before apply, or not worked out: `ref` is the address of the resource (or
    data source) it comes from, when it is a plain reference; `text` is the expression as written."""

    __slots__ = ("ref", "text")

    def __init__(self, text: str, ref: str | None = None):
        self.text = text
        self.ref = ref

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.text!r}, {self.ref!r})"


class Missing(Unknown):
    """An expression Terraform cannot evaluate (an absent key or index of known data, a resource instance
    known not to exist): `try` moves on to its next argument, `can` is false."""

    __slots__ = ()


class AfterApply(Unknown):
    """An attribute of a resource (or data source) instance known to be made: evaluating it is no error,
    its value is known at apply. `try` returns it, `can` is true."""

    __slots__ = ()


class Template(Unknown):
    """A string known in part: `parts` are known text and unknown values in order (never two texts
    side by side, never a `Template` inside)."""

    __slots__ = ("parts",)

    def __init__(self, parts: list[Any], text: str, ref: str | None = None):
        super().__init__(text, ref)
        self.parts = parts


def is_known(value: Any) -> bool:
    """No `Unknown` anywhere inside."""
    if isinstance(value, Unknown):
        return False
    if isinstance(value, dict):
        return all(is_known(v) for v in value.values())
    if isinstance(value, list):
        return all(is_known(v) for v in value)
    return True


def settled(value: Any) -> bool:
    """Whether evaluating the expression that gave `value` certainly raised no error: known data, an
    `AfterApply` attribute, a variable's own value (`var.x`, given when Terraform runs), or data made of
    those. Other unknowns may hide an error (a function given the wrong type, a key absent from a value
    not known here)."""
    if isinstance(value, AfterApply):
        return True
    if isinstance(value, Unknown):
        return type(value) is Unknown and value.ref is None and VARIABLE.fullmatch(value.text) is not None
    if isinstance(value, dict):
        return all(settled(v) for v in value.values())
    if isinstance(value, list):
        return all(settled(v) for v in value)
    return True
