"""What each security group is attached to, across the whole scan (`facts.attachments`).

A group attached only to load balancers answers only on their listener ports: an ALB or NLB runs no SSH
or database, so "reaches administration ports" or "high-risk port 8080" on such a group are false
alarms, and an open-to-all rule on it exposes the listeners alone. The rules need to know which groups
those are and which ports their balancers listen on; that takes the load balancers, their listeners and
every other user of the group (services, task sets, task runs, network interfaces, launch templates and
configurations, and in templates any other resource naming the group), resolved through `scanner.graph`
the same way for templates, Terraform, CLI output and audit snapshots.

- `load_balancers`: the balancers naming the group, each with its scheme, type and listener ports.
- `others`: every other user, as `kind 'name'` (a balancer's own network interfaces are not others).
- `only_load_balancers`: at least one balancer and no other user.
- `private_tasks_only`: at least one user, each a service, task set or task run whose tasks get no public IP
  (`assignPublicIp` DISABLED, ECS's default). From the internet, only something in front of such tasks (a
  load balancer) reaches them, however open the group: a world-open rule on it is no direct exposure.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from scanner.graph import LB, SG, Graph, GroupKey, text
from scanner.model import KIND_LABELS, Resource
from scanner.sources.links import ref_target

LISTENER = "elbv2_listener"
SERVICES = ("ecs_service", "ecs_task_set", "ecs_task_run")  # a task run's tasks answer on the group too
# Network interfaces that Elastic Load Balancing creates for a balancer (`describe-network-interfaces`).
BALANCER_INTERFACE_TYPES = ("network_load_balancer", "gateway_load_balancer")
ELB_REQUESTER = "amazon-elb"
LINKED_KINDS = (SG,)  # the kinds whose facts `link_attachments` sets: the only inputs it changes


def link_attachments(graph: Graph) -> None:
    """Set `facts.attachments` on every security group of the scan."""
    balancers: dict[GroupKey, dict[int, Resource]] = defaultdict(dict)
    others: dict[GroupKey, dict[str, None]] = defaultdict(dict)  # labels in order, each once
    public: dict[GroupKey, bool] = defaultdict(bool)  # some user other than a balancer may have a public address
    for resource in graph.resources:
        refs = _group_refs(resource)
        if not refs or _balancer_interface(resource):
            continue
        for ref in refs:
            key, _ = graph.group(resource, ref)
            if key is None:
                continue
            if resource.kind == LB:
                balancers[key][id(resource)] = resource
            else:
                others[key][_label(resource)] = None
                public[key] = public[key] or not _no_public_ip(resource)
    ports = _listener_ports(graph)
    for group in graph.resources:
        if group.kind != SG:
            continue
        key, _ = graph.group(group, text(group.data.get("GroupId")) or group.name)
        fronted = sorted(balancers.get(key, {}).values(), key=lambda r: r.name) if key else []
        users = [*others.get(key, {}), *group.links.get("attached_to", [])] if key else []
        group.facts["attachments"] = {
            "load_balancers": [_balancer(lb, ports.get(id(lb), [])) for lb in fronted],
            "others": users,
            "only_load_balancers": bool(fronted) and not users,
            "private_tasks_only": bool(key and users and not fronted and not public.get(key))
            and not group.links.get("attached_to"),
        }


def _group_refs(resource: Resource) -> list[str]:
    """The security groups the resource is attached to, as references."""
    d = resource.data
    if resource.kind in (*SERVICES, "ec2_network_interface"):
        return list(resource.links.get("security_groups", []))
    if resource.kind == LB:
        return _refs(d.get("SecurityGroups"))
    if resource.kind == "autoscaling_launch_configuration":
        return _refs(d.get("SecurityGroups"))
    if resource.kind == "ec2_launch_template":
        data = d.get("LaunchTemplateData")
        data = data if isinstance(data, dict) else {}
        interfaces = data.get("NetworkInterfaces")
        groups = [
            g
            for item in (interfaces if isinstance(interfaces, list) else [])
            if isinstance(item, dict)
            for g in _refs(item.get("Groups"))
        ]
        return [*_refs(data.get("SecurityGroupIds")), *_refs(data.get("SecurityGroups")), *groups]
    return []


def _no_public_ip(resource: Resource) -> bool:
    """A service's, task set's or task run's tasks get no public IP: `assignPublicIp` DISABLED or left out."""
    if resource.kind not in SERVICES:
        return False
    network = resource.data.get("networkConfiguration")
    awsvpc = network.get("awsvpcConfiguration") if isinstance(network, dict) else None
    return isinstance(awsvpc, dict) and awsvpc.get("assignPublicIp", "DISABLED") == "DISABLED"


def _refs(value: Any) -> list[str]:
    return [t for t in map(ref_target, value) if t] if isinstance(value, list) else []


def _balancer_interface(resource: Resource) -> bool:
    """A network interface Elastic Load Balancing made for a balancer: the balancer's, not another user."""
    if resource.kind != "ec2_network_interface":
        return False
    d = resource.data
    attachment = d["Attachment"] if isinstance(d.get("Attachment"), dict) else {}
    description = text(d.get("Description")) or ""
    return (
        d.get("InterfaceType") in BALANCER_INTERFACE_TYPES
        or ELB_REQUESTER in (d.get("RequesterId"), attachment.get("InstanceOwnerId"))
        or description.startswith("ELB ")
    )


def _label(resource: Resource) -> str:
    return f"{KIND_LABELS.get(resource.kind, resource.kind).lower()} '{resource.name}'"


def _listener_ports(graph: Graph) -> dict[int, list[Any]]:
    """Balancer -> the ports of its listeners (None for a port known only at deploy time)."""
    out: dict[int, list[Any]] = defaultdict(list)
    for listener in graph.resources:
        if listener.kind != LISTENER:
            continue
        port = listener.data.get("Port")
        port = port if isinstance(port, int) and not isinstance(port, bool) else None
        for lb in graph.find(LB, listener, ref_target(listener.data.get("LoadBalancerArn"))):
            if port not in out[id(lb)]:
                out[id(lb)].append(port)
    return out


def _balancer(lb: Resource, ports: list[Any]) -> dict[str, Any]:
    scheme, kind = lb.data.get("Scheme", "internet-facing"), lb.data.get("Type", "application")
    known = [p for p in ports if p is not None]
    return {
        "name": lb.name,
        "scheme": scheme if isinstance(scheme, str) else None,
        "type": kind if isinstance(kind, str) else None,
        "listener_ports": sorted(known),
        "unresolved_listener_ports": len(known) < len(ports),
    }
