"""What the exposure analysis reads of each resource, and where a finding about it may point.

A view keeps only what the exposure rules read (ports, permission facts, links, role statements) and, for
every place a finding may point at, its source-document path (`locs`). `scanner.exposure.neighbourhood`
joins the views of a whole scan through `scanner.graph`.
"""

from __future__ import annotations

from typing import Any

from msgspec import Struct, field

from scanner.graph import DEFAULT_GROUP, family_revision, text
from scanner.model import Path, Resource
from scanner.sources.links import ref_target

SERVICE_KEYS = (
    "serviceName",
    "serviceArn",
    "taskDefinition",
    "launchType",
    "networkConfiguration",
    "loadBalancers",
    "clusterArn",
    "taskSetArn",
    "id",
)
AWSVPC = ("networkConfiguration", "awsvpcConfiguration")
PERMISSION_KEYS = (
    "direction",
    "protocol",
    "from_port",
    "to_port",
    "ports_known",
    "all_ports",
    "source_type",
    "source",
    "world",
    "public",
    "private",
    "prefix",
    "version",
    "known",
    "description",
)
ROLE_STATEMENT_KEYS = ("effect", "actions", "not_actions", "resources", "wildcard_resource", "conditions", "policy")
NETWORK_PROTOCOLS = ("TCP", "UDP", "TLS", "TCP_UDP")


class View(Struct):
    """One resource as the exposure analysis sees it."""

    resource: Resource
    data: dict[str, Any]
    locs: dict[str, Path] = field(default_factory=dict)


def view(resource: Resource) -> View | None:
    """The exposure view of `resource`, or None for kinds the analysis does not read."""
    build = BUILDERS.get(resource.kind)
    if build is None:
        return None
    data, locs = build(resource)
    return View(resource, data, locs)


def views_of(resources: list[Resource]) -> dict[int, View | None]:
    """The views of `resources`, by resource id: built as each file arrives, while the load workers go on,
    rather than after the last one, when this process alone works on the neighbourhoods. No view reads a fact
    the graph stage sets (`used_by`, `attachments`): each is final once its file is loaded (tests/test_pipeline.py
    checks this on every corpus)."""
    return {id(r): view(r) for r in resources if r.kind in BUILDERS}


def target_group(resource: Resource, balancers: list[Resource]) -> View:
    """A target group with the load balancers that send it traffic (from `scanner.graph`)."""
    lbs = []
    for lb in balancers:
        groups = lb.data.get("SecurityGroups")
        kind = lb.data.get("Type")
        lbs.append(
            {
                "name": lb.name,
                "type": kind if isinstance(kind, str) else "application",
                "security_groups": [ref_target(g) for g in groups] if isinstance(groups, list) else None,
                "resource": lb,
            }
        )
    protocol = resource.data.get("Protocol")
    data = {
        "protocol": protocol if isinstance(protocol, str) else None,
        "load_balancers": lbs,
        "network": protocol in NETWORK_PROTOCOLS or any(lb["type"] == "network" for lb in lbs),
    }
    return View(resource, data, {"target_group": resource.source_path(())})


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _service(r: Resource) -> tuple[dict, dict]:
    d = r.data
    awsvpc = _dict(_dict(d.get("networkConfiguration")).get("awsvpcConfiguration"))
    locs: dict[str, Path] = {"service": r.source_path(("serviceName",) if "serviceName" in d else ())}
    groups = awsvpc.get("securityGroups")
    for i in range(len(_list(groups))):
        locs[f"sg{i}"] = r.source_path((*AWSVPC, "securityGroups", i))
    if "securityGroups" in awsvpc:
        locs["security_groups"] = r.source_path((*AWSVPC, "securityGroups"))
    if "assignPublicIp" in awsvpc:
        locs["public_ip"] = r.source_path((*AWSVPC, "assignPublicIp"))
    balancers = d.get("loadBalancers")
    lbs = []
    for i, lb in enumerate(_list(balancers)):
        lb = _dict(lb)
        port = lb.get("containerPort")
        lbs.append(
            {
                "target_group": ref_target(lb.get("targetGroupArn")),
                "load_balancer_name": lb.get("loadBalancerName")
                if isinstance(lb.get("loadBalancerName"), str)
                else None,
                "container_name": lb.get("containerName") if isinstance(lb.get("containerName"), str) else None,
                "container_port": port if isinstance(port, int) else None,
            }
        )
        locs[f"lb{i}"] = r.source_path(
            ("loadBalancers", i, "containerPort") if "containerPort" in lb else ("loadBalancers", i)
        )
    name = d.get("serviceName")
    return {
        "resource": {k: d[k] for k in SERVICE_KEYS if k in d},
        "display": name if isinstance(name, str) else r.name,
        "service_name": name if isinstance(name, str) else None,
        "task_definition": ref_target(d.get("taskDefinition")),
        "task_definition_literal": isinstance(d.get("taskDefinition"), str),
        "network": bool(awsvpc),
        "security_groups": [ref_target(g) for g in groups]
        if isinstance(groups, list)
        else [DEFAULT_GROUP]
        if awsvpc and "securityGroups" not in awsvpc
        else None,
        "subnets": [ref_target(s) for s in awsvpc["subnets"]] if isinstance(awsvpc.get("subnets"), list) else None,
        "public_ip": awsvpc.get("assignPublicIp", "DISABLED"),
        "load_balancers": lbs if isinstance(balancers, list) or balancers is None else None,
        "service": ref_target(d.get("serviceArn")) if r.kind == "ecs_task_set" else None,
        "cluster": cluster if isinstance(cluster := d.get("clusterArn", d.get("cluster")), str) else None,
    }, locs


def _unresolved(value: dict) -> bool:
    """`{"Ref": ...}`, `{"Fn::...": ...}`: a value the source leaves to deploy time."""
    return len(value) == 1 and next(iter(value)).startswith(("Ref", "Fn::"))


def _task_definition(r: Resource) -> tuple[dict, dict]:
    d = r.data
    locs: dict[str, Path] = {}
    containers = []
    # containers (or a container's port mappings) known only at deploy time map ports nobody can list
    ports_complete = isinstance(d.get("containerDefinitions"), list)
    for i, c in enumerate(_list(d.get("containerDefinitions"))):
        if not isinstance(c, dict):
            continue
        if _unresolved(c):  # a whole container known only at deploy time (a Terraform module's output)
            ports_complete = False
            continue
        locs[f"c{i}"] = r.source_path(("containerDefinitions", i, "name"))  # no name: the container's first line
        ports = []
        mappings = c.get("portMappings")
        if mappings is not None and not isinstance(mappings, list):
            ports_complete = False
        for j, mapping in enumerate(_list(mappings)):
            mapping = _dict(mapping)
            port = mapping.get("containerPort")
            if not isinstance(port, int):
                ports_complete = False
                continue
            protocol = mapping.get("protocol", "tcp")
            ports.append(
                {
                    "container_port": port,
                    "protocol": protocol.lower() if isinstance(protocol, str) else None,
                    "loc": f"c{i}p{j}",
                }
            )
            locs[f"c{i}p{j}"] = r.source_path(("containerDefinitions", i, "portMappings", j, "containerPort"))
        caps = _dict(_dict(c.get("linuxParameters")).get("capabilities")).get("add")
        environment = [  # values stay in Rego's input only: the secrets rule judges them, messages name the variable
            {"name": e["name"], "value": e["value"]}
            for e in _list(c.get("environment"))
            if isinstance(e, dict) and isinstance(e.get("name"), str) and isinstance(e.get("value"), str)
        ]
        name, user = c.get("name"), c.get("user")
        containers.append(
            {
                "name": name if isinstance(name, str) else f"container-{i + 1}",
                "privileged": c.get("privileged") is True,
                "user": user if isinstance(user, str) else None,
                "capabilities_add": [x for x in _list(caps) if isinstance(x, str)],
                "environment": environment,
                "ports": ports,
                "loc": f"c{i}",
            }
        )
    family, revision = family_revision(r)
    return {
        "family": family,
        "revision": revision,
        "network_mode": d.get("networkMode") if isinstance(d.get("networkMode"), str) else None,
        "containers": containers,
        "ports_complete": ports_complete,
        "task_role": ref_target(d.get("taskRoleArn")),
        "execution_role": ref_target(d.get("executionRoleArn")),
    }, locs


def _security_group(r: Resource) -> tuple[dict, dict]:
    d = r.data
    locs: dict[str, Path] = {}
    permissions = []
    for k, fact in enumerate(_list(r.facts.get("permissions"))):
        entry = {key: fact.get(key) for key in PERMISSION_KEYS}
        entry["loc"], entry["rule_loc"] = f"p{k}", f"r{k}"
        if fact["source_type"] == "security_group":
            entry["source_ref"] = ref_target(_at(d, fact["path"]))
        locs[f"p{k}"] = r.source_path(tuple(fact["path"]))
        perm = _dict(_at(d, fact["permission_path"]))
        key = next((name for name in ("FromPort", "IpProtocol") if name in perm), None)
        locs[f"r{k}"] = r.source_path((*fact["permission_path"], *([key] if key else [])))
        permissions.append(entry)
    group_id = d.get("GroupId")
    return {
        "group_id": group_id if isinstance(group_id, str) else None,
        "group_ref": ref_target(group_id) if isinstance(group_id, dict) else None,
        "group_name": d.get("GroupName") if isinstance(d.get("GroupName"), str) else None,
        "permissions": permissions,
    }, locs


def _network_interface(r: Resource) -> tuple[dict, dict]:
    d = r.data
    tags = {
        t["Key"]: t.get("Value")
        for t in _list(d.get("TagSet") or d.get("Tags"))
        if isinstance(t, dict) and isinstance(t.get("Key"), str)
    }
    public = isinstance(_dict(d.get("Association")).get("PublicIp"), str)
    locs = {"public_ip": r.source_path(("Association", "PublicIp"))} if public else {}
    return {
        "id": d.get("NetworkInterfaceId") if isinstance(d.get("NetworkInterfaceId"), str) else r.name,
        "security_groups": list(r.links.get("security_groups", [])),
        "public_ip": public,
        "service": text(tags.get("aws:ecs:serviceName")),
        "cluster": text(tags.get("aws:ecs:clusterName")),
    }, locs


def _role(r: Resource) -> tuple[dict, dict]:
    """The role's name and the IAM facts (`scanner.facts.iam`) that tell whether it is administrator-like."""
    name = r.data.get("RoleName")
    statements = [{k: s.get(k) for k in ROLE_STATEMENT_KEYS} for s in _list(r.facts.get("statements"))]
    managed = [{k: m.get(k) for k in ("arn", "name", "admin_like")} for m in _list(r.facts.get("managed"))]
    return {"name": name if isinstance(name, str) else r.name, "statements": statements, "managed": managed}, {}


def _at(data: Any, path: list) -> Any:
    for step in path:
        if isinstance(data, dict):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
        else:
            return None
    return data


BUILDERS = {
    "ecs_service": _service,
    "ecs_task_set": _service,
    "ecs_task_run": _service,  # a RunTask request: a service's network configuration, no balancers
    "ecs_task_definition": _task_definition,
    "ec2_security_group": _security_group,
    "ec2_network_interface": _network_interface,
    "iam_role": _role,
}
