"""Slim graph nodes for the exposure analysis, collected in the per-file pass.

Each node keeps only what the exposure rules read (ports, permission facts, links, role statements)
and, for every place a finding may point at, its source-document path (`locs`), so the documents
themselves can be dropped with their chunk. `scanner.exposure.neighbourhood` joins the nodes of a whole scan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scanner.model import Path, Resource, Span
from scanner.sources import cloudformation
from scanner.sources.documents import Document
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
DEFAULT_GROUP = "(default)"  # awsvpc without `securityGroups`: the VPC's default group, not in the input
NETWORK_PROTOCOLS = ("TCP", "UDP", "TLS", "TCP_UDP")


@dataclass
class Node:
    """One resource as the exposure analysis sees it; `real` is the file to re-read for line numbers."""

    kind: str
    name: str
    file: str
    real: str
    cfn: bool
    arn: str | None
    data: dict[str, Any]
    locs: dict[str, Path] = field(default_factory=dict)
    spans: dict[str, Span | None] = field(default_factory=dict)  # of `locs`, when known without re-reading
    scope: str | None = None  # where `cfn` names are local when not `file` (a Terraform root module)

    @property
    def namespace(self) -> str:
        """Where this node's name and references are unique, for `cfn` nodes."""
        return self.scope or self.file


def collect(doc: Document, resources: list[Resource], real: str) -> list[Node]:
    """The nodes of one document's resources, plus its load balancer wiring for templates."""
    cfn = cloudformation.matches(doc.data)
    nodes = []
    for resource in resources:
        build = BUILDERS.get(resource.kind)
        if build is not None:
            data, locs = build(resource)
            scoped = cfn or resource.scope is not None  # names are local to a template or a Terraform root
            arn = _text(resource.arn)
            nodes.append(
                Node(resource.kind, resource.name, resource.file, real, scoped, arn, data, locs, scope=resource.scope)
            )
    if cfn:
        nodes += _target_groups(doc, real)
    if doc.format != "json":  # YAML and Terraform spans come with the parse; JSON ones are worked out when needed
        lines = doc.text.splitlines()
        for node in nodes:
            node.spans = {key: locate(doc, path, lines) for key, path in node.locs.items()}
    return nodes


def locate(doc: Document, path: Path, lines: list[str]) -> Span | None:
    """The span of the key at `path` (`lines`: the document's); a missing key falls back to the first
    line of its parent."""
    span, exact = doc.span(path)
    if span is not None and not exact and span.end_line > span.start_line:
        return Span(span.start_line, span.start_col, span.start_line, len(lines[span.start_line - 1]) + 1)
    return span


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


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
        "cluster": d.get("clusterArn") if isinstance(d.get("clusterArn"), str) else None,
    }, locs


def _task_definition(r: Resource) -> tuple[dict, dict]:
    d = r.data
    locs: dict[str, Path] = {}
    containers = []
    ports_complete = True
    for i, c in enumerate(_list(d.get("containerDefinitions"))):
        if not isinstance(c, dict):
            continue
        locs[f"c{i}"] = r.source_path(("containerDefinitions", i, "name" if "name" in c else ()))
        ports = []
        for j, mapping in enumerate(_list(c.get("portMappings"))):
            port = _dict(mapping).get("containerPort")
            if not isinstance(port, int):
                ports_complete = False
                continue
            protocol = _dict(mapping).get("protocol", "tcp")
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
        containers.append(
            {
                "name": c.get("name") if isinstance(c.get("name"), str) else f"container-{i + 1}",
                "privileged": c.get("privileged") is True,
                "user": c.get("user") if isinstance(c.get("user"), str) else None,
                "capabilities_add": [x for x in _list(caps) if isinstance(x, str)],
                "environment": environment,
                "ports": ports,
                "loc": f"c{i}",
            }
        )
    revision = d.get("revision")
    return {
        "family": d.get("family") if isinstance(d.get("family"), str) else None,
        "revision": revision if isinstance(revision, int) else None,
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
        "service": _text(tags.get("aws:ecs:serviceName")),
        "cluster": _text(tags.get("aws:ecs:clusterName")),
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
    "ecs_task_definition": _task_definition,
    "ec2_security_group": _security_group,
    "ec2_network_interface": _network_interface,
    "iam_role": _role,
}


def _target_groups(doc: Document, real: str) -> list[Node]:
    """Each ELBv2 target group of a template with the balancers whose listeners forward to it."""
    template = {k: v for k, v in doc.data["Resources"].items() if isinstance(v, dict)}

    def of_type(kind: str) -> dict[str, dict]:
        return {
            k: _dict(v.get("Properties"))
            for k, v in template.items()
            if v.get("Type") == f"AWS::ElasticLoadBalancingV2::{kind}"
        }

    balancers, listeners, groups = of_type("LoadBalancer"), of_type("Listener"), of_type("TargetGroup")
    forwards: dict[str, set[str]] = {}

    def forward(actions: Any, listener: str | None) -> None:
        balancer = ref_target(listeners.get(listener or "", {}).get("LoadBalancerArn"))
        for action in _list(actions):
            action = _dict(action)
            targets = [action.get("TargetGroupArn")]
            targets += [
                _dict(t).get("TargetGroupArn") for t in _list(_dict(action.get("ForwardConfig")).get("TargetGroups"))
            ]
            for target in filter(None, map(ref_target, targets)):
                if balancer:
                    forwards.setdefault(target, set()).add(balancer)

    for name, props in listeners.items():
        forward(props.get("DefaultActions"), name)
    for props in of_type("ListenerRule").values():
        forward(props.get("Actions"), ref_target(props.get("ListenerArn")))
    nodes = []
    for name, props in groups.items():
        lbs = []
        for lb in sorted(forwards.get(name, ())):
            body = balancers.get(lb)
            if body is None:
                continue
            sgs = body.get("SecurityGroups")
            lbs.append(
                {
                    "name": lb,
                    "type": body.get("Type", "application"),
                    "security_groups": [ref_target(g) for g in sgs] if isinstance(sgs, list) else None,
                }
            )
        protocol = props.get("Protocol")
        data = {
            "protocol": protocol if isinstance(protocol, str) else None,
            "load_balancers": lbs,
            "network": protocol in NETWORK_PROTOCOLS or any(lb["type"] == "network" for lb in lbs),
        }
        nodes.append(
            Node(
                "lb_target_group",
                name,
                doc.path,
                real,
                True,
                None,
                data,
                {"target_group": ("Resources", name, "Properties")},
            )
        )
    return nodes
