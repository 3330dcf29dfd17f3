"""Export names that wait on a parameter nobody gave a value, read the same way on both sides.

A project split into stacks often names its exports after a shared parameter that has no default
(`Export: {Name: !Sub "${EnvironmentName}:ContainerSecurityGroup"}` in the cluster stack,
`Fn::ImportValue: !Sub "${EnvironmentName}:ContainerSecurityGroup"` in the service stack). The value is
only chosen at deploy time, but the stacks are meant to be deployed with the same one, so the name is kept
as its text with the parameter still in it (`${EnvironmentName}:ContainerSecurityGroup`), and an import
written that way finds the one export written that way. Anything else left unresolved (a resource's
attribute, a pseudo parameter other than the exporting stack's own name) leaves the name unknown.
"""

from __future__ import annotations

import re
from typing import Any

PLACEHOLDER = re.compile(r"\$\{([^}!]*)\}")


def pending_name(value: Any, parameters: dict[str, Any]) -> str | None:
    """The name `value` reads as with each parameter of `parameters` that is still a `${Name}` (in a
    `Fn::Sub`) or a `{"Ref": Name}` (in a `Fn::Join`) kept as `${Name}`; None when anything else is unknown."""
    if isinstance(value, dict) and len(value) == 1 and isinstance(value.get("Fn::Sub"), str):
        text = value["Fn::Sub"]
        return text if all(name in parameters for name in PLACEHOLDER.findall(text)) else None
    join = value.get("Fn::Join") if isinstance(value, dict) and len(value) == 1 else None
    if not (isinstance(join, list) and len(join) == 2 and isinstance(join[0], str) and isinstance(join[1], list)):
        return None
    parts = []
    for part in join[1]:
        ref = part.get("Ref") if isinstance(part, dict) and len(part) == 1 else None
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(ref, str) and ref in parameters:
            parts.append("${" + ref + "}")
        else:
            return None
    return join[0].join(parts)
