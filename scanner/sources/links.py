"""References from one resource to others, read from the canonical data the same way for every source."""

from __future__ import annotations

from typing import Any

from scanner.model import Resource

IMPORT = "import:"  # a reference to another template's export: `import:` and the export name


def ref_target(value: Any) -> str | None:
    """What a value points at: a CloudFormation logical id for `Ref`/`GetAtt`, `import:NAME` for
    `Fn::ImportValue` of a known name (another template's export), else the literal id or ARN."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and len(value) == 1:
        if "Ref" in value and isinstance(value["Ref"], str):
            return value["Ref"]
        if "Fn::ImportValue" in value and (name := joined(value["Fn::ImportValue"])):
            return IMPORT + name
        target = value.get("Fn::GetAtt")
        if isinstance(target, list) and target and isinstance(target[0], str):
            # a nested stack's output names what the child's output does (`scanner.sources.cfn_nesting`)
            output = target[1] if len(target) == 2 and isinstance(target[1], str) else ""
            return f"{target[0]}.{output}" if output.startswith("Outputs.") else target[0]
    return None


def joined(value: Any) -> str | None:
    """A name as resolved text, or an `Fn::Join` of resolved texts joined (`[":", [production, SG]]`)."""
    if isinstance(value, str):
        return value
    join = value.get("Fn::Join") if isinstance(value, dict) and len(value) == 1 else None
    if isinstance(join, list) and len(join) == 2 and isinstance(join[0], str) and isinstance(join[1], list):
        return join[0].join(join[1]) if all(isinstance(part, str) for part in join[1]) else None
    return None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _targets(values: Any) -> list[str]:
    if not isinstance(values, list):
        return []
    return [t for t in (ref_target(v) for v in values) if t is not None]


def links_for(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """The links of one resource: task definition, security groups, roles, cluster, service."""
    links: dict[str, Any] = {}
    if kind in ("ecs_service", "ecs_task_set", "ecs_task_run"):
        awsvpc = _dict(_dict(data.get("networkConfiguration")).get("awsvpcConfiguration"))
        links["task_definition"] = ref_target(data.get("taskDefinition"))
        links["security_groups"] = _targets(awsvpc.get("securityGroups"))
        links["cluster"] = ref_target(data.get("clusterArn") or data.get("cluster"))
        if kind == "ecs_task_set":
            links["service"] = ref_target(data.get("serviceArn") or data.get("service"))
    elif kind == "ecs_task_definition":
        links["task_role"] = ref_target(data.get("taskRoleArn"))
        links["execution_role"] = ref_target(data.get("executionRoleArn"))
    elif kind == "ec2_network_interface":
        groups = data.get("Groups")
        groups = groups if isinstance(groups, list) else []
        links["security_groups"] = _targets([g.get("GroupId") for g in groups if isinstance(g, dict)])
    elif kind == "iam_policy":
        links["roles"] = _targets(data.get("Roles"))
    return {k: v for k, v in links.items() if v not in (None, [])}


def references(value: Any) -> set[str]:
    """Every resource a value names with `Ref` or `Fn::GetAtt` (a Terraform reference reads as `Ref`), or
    as a literal group id (`sg-...`), however deep: what an unmodelled resource points at."""
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            target = ref_target(item) if len(item) == 1 else None
            if target is not None:
                found.add(target)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and item.startswith("sg-"):
            found.add(item)
    return found


def note_outside_users(groups: dict[str, list[Resource]], users: list[tuple[str, Any]]) -> None:
    """Record on each security group (by logical id or address, each reading) the resources outside the
    model that name it (`links.attached_to`): an RDS instance, a Lambda function, a nested stack may be
    attached to it, so it does not front load balancers alone (`scanner.facts.attachments`)."""
    for label, body in users:
        for target in references(body) & groups.keys():
            for group in groups[target]:
                attached = group.links.setdefault("attached_to", [])
                if label not in attached:
                    attached.append(label)
