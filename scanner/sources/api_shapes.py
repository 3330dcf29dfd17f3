"""The AWS API shapes CloudFormation properties are mapped onto, taken from botocore's models.

`api_shapes.json` beside this file is generated from botocore (`python -m scanner.sources.api_shapes`)
so a scan never loads the multi-megabyte botocore models; a test checks it still matches botocore.
Each entry is `{"s": {member: ref}}` for a structure, `{"l": ref}` for a list, `{"m": ref}` for a
map (free-form keys) or a primitive type name.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SHAPES_FILE = Path(__file__).with_name("api_shapes.json")
ROOTS = {
    "ecs": (
        *("TaskDefinition", "Service", "TaskSet", "Cluster", "CapacityProvider"),
        # requests, so their files are recognised by their members (`service_request`)
        *("CreateServiceRequest", "UpdateServiceRequest", "RunTaskRequest", "StartTaskRequest", "CreateTaskSetRequest"),
    ),
    "ec2": ("SecurityGroup", "NetworkInterface"),
    "iam": ("RoleDetail",),
    "elbv2": ("LoadBalancer", "TargetGroup", "Listener", "Rule"),
}


@cache
def shapes() -> dict[str, Any]:
    """The shape table, loaded once."""
    return json.loads(SHAPES_FILE.read_text())


def generate() -> dict[str, Any]:
    """Build the shape table from the installed botocore models."""
    from botocore.loaders import Loader

    loader = Loader()
    table: dict[str, Any] = {}
    for service, roots in ROOTS.items():
        model = loader.load_service_model(service, "service-2")["shapes"]
        pending = list(roots)
        while pending:
            name = pending.pop()
            ref = f"{service}.{name}"
            if ref in table:
                continue
            shape = model[name]
            kind = shape["type"]
            if kind == "structure":
                members = {m: f"{service}.{spec['shape']}" for m, spec in shape["members"].items()}
                table[ref] = {"s": members}
                pending.extend(spec["shape"] for spec in shape["members"].values())
            elif kind == "list":
                table[ref] = {"l": f"{service}.{shape['member']['shape']}"}
                pending.append(shape["member"]["shape"])
            elif kind == "map":
                table[ref] = {"m": f"{service}.{shape['value']['shape']}"}
                pending.append(shape["value"]["shape"])
            else:
                table[ref] = kind
    return dict(sorted(table.items()))


if __name__ == "__main__":
    SHAPES_FILE.write_text(json.dumps(generate(), indent=0, sort_keys=True) + "\n")
    print(f"wrote {SHAPES_FILE}")
