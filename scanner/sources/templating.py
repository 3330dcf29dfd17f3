"""Template markup in a file fgscan reads as YAML: AWS Proton's and other Jinja-rendered CloudFormation
templates (`{% if service_instance.inputs.loadbalancer_type == 'application' %}` on its own line) are not YAML
until rendered, and PyYAML stops at the first `{%` with "found character that cannot start any token", which
tells a user nothing about why. The parse error keeps its line and column and says what the file is.
"""

from __future__ import annotations

import re

from msgspec.structs import replace

from scanner.model import InputError

# A Jinja statement on its own line (`{% if ... %}`, `{%- endfor %}`): what makes a file a Jinja template.
_STATEMENT = re.compile(r"^[ \t]*\{%", re.MULTILINE)


def explain(error: InputError, text: str) -> InputError:
    """`error` (an invalid-YAML one) with a note when the text holds template markup where YAML cannot."""
    if not error.message.startswith("invalid YAML") or error.line is None:
        return error
    lines = text.splitlines()
    here = lines[error.line - 1] if 0 < error.line <= len(lines) else ""
    first = _STATEMENT.search(text)
    line = _line_of(text, first.start()) if first else None
    if "{%" in here or "{{" in here:
        markup, where = ("{%" if "{%" in here else "{{"), ""
    elif line is not None and line < error.line:
        markup, where = "{%", f" (from line {line})"
    else:
        return error
    kind = "a Jinja template" if markup == "{%" or first else "a template"
    note = f" ({kind}: `{markup}` markup{where} is not YAML; scan the rendered template)"
    return replace(error, message=error.message + note)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
