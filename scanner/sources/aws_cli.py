"""AWS CLI JSON output for the other kinds, so `aws ... > file.json` can be scanned.

Wrapped lists (`describe-security-groups`, `describe-network-interfaces`, `ecs describe-services`,
`describe-clusters`, `describe-task-sets`, `iam get-account-authorization-details`, `elbv2
describe-load-balancers`, `describe-target-groups`, `describe-listeners`) and a single bare object of each
kind are recognised by their keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scanner.model import Resource
from scanner.sources.documents import Document
from scanner.sources.task_definition import text_or_none

# wrapper key -> kind
WRAPPERS = {
    "SecurityGroups": "ec2_security_group",
    "NetworkInterfaces": "ec2_network_interface",
    "services": "ecs_service",
    "clusters": "ecs_cluster",
    "taskSets": "ecs_task_set",
    "RoleDetailList": "iam_role",
    "LoadBalancers": "elbv2_load_balancer",
    "TargetGroups": "elbv2_target_group",
    "Listeners": "elbv2_listener",
}

# kind -> (keys a bare object must have, name of the resource, ARN)
BARE: dict[str, tuple[tuple[str, ...], Callable[[dict], Any], Callable[[dict], Any]]] = {
    "ec2_security_group": (
        ("GroupId", "IpPermissions"),
        lambda d: d.get("GroupId"),
        lambda d: d.get("SecurityGroupArn"),
    ),
    "ec2_network_interface": (("NetworkInterfaceId",), lambda d: d.get("NetworkInterfaceId"), lambda d: None),
    "ecs_service": (("serviceName", "serviceArn"), lambda d: d.get("serviceName"), lambda d: d.get("serviceArn")),
    "ecs_task_set": (("taskSetArn",), lambda d: d.get("id") or d.get("taskSetArn"), lambda d: d.get("taskSetArn")),
    "ecs_cluster": (("clusterName", "clusterArn"), lambda d: d.get("clusterName"), lambda d: d.get("clusterArn")),
    "iam_role": (("RoleName", "AssumeRolePolicyDocument"), lambda d: d.get("RoleName"), lambda d: d.get("Arn")),
    "elbv2_load_balancer": (
        ("LoadBalancerArn", "LoadBalancerName"),
        lambda d: d.get("LoadBalancerName"),
        lambda d: d.get("LoadBalancerArn"),
    ),
    "elbv2_target_group": (
        ("TargetGroupArn", "TargetGroupName"),
        lambda d: d.get("TargetGroupName"),
        lambda d: d.get("TargetGroupArn"),
    ),
    "elbv2_listener": (
        ("ListenerArn", "DefaultActions"),
        lambda d: d.get("ListenerArn"),
        lambda d: d.get("ListenerArn"),
    ),
}


def _bare_kind(data: Any) -> str | None:
    if isinstance(data, dict):
        for kind, (keys, _, _) in BARE.items():
            if all(k in data for k in keys):
                return kind
    return None


def matches(data: Any) -> bool:
    """CLI output wrapping one of the known lists, or one bare object of a known kind."""
    if isinstance(data, dict) and any(isinstance(data.get(k), list) for k in WRAPPERS):
        return True
    return _bare_kind(data) is not None


def resources(doc: Document) -> list[Resource]:
    """One resource per object in the CLI output."""
    kind = _bare_kind(doc.data)
    if kind:
        return [_resource(kind, doc.data, doc.path, (), 0)]
    out = []
    for key, kind in WRAPPERS.items():
        items = doc.data.get(key)
        if isinstance(items, list):
            out += [
                _resource(kind, item, doc.path, (key, i), i) for i, item in enumerate(items) if isinstance(item, dict)
            ]
    return out


def _resource(kind: str, data: dict, file: str, root: tuple, index: int) -> Resource:
    _, name_of, arn_of = BARE[kind]
    name = name_of(data) or f"{kind}-{index + 1}"
    return Resource(kind, str(name), data, file, root, arn=text_or_none(arn_of(data)))
