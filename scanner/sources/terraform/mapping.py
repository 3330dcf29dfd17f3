"""Terraform resource values (the plan's `values` shape) mapped onto the AWS API shapes of the model.

Attribute names map to API member names through the botocore shapes (`family` -> `family`,
`enable_execute_command` -> `enableExecuteCommand`), with the renames listed below; a nested block
(always a list in Terraform) becomes the structure the API has where the API has one. Unresolved
values stay `{"Ref": address}` or `{"Fn::Terraform": text}`. Standalone rules, role policies,
attachments and capacity providers are joined to the group, role or cluster they name.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from msgspec import Struct

from scanner.model import Path, Resource, Skip
from scanner.sources.api_shapes import shapes
from scanner.sources.links import note_outside_users, ref_target

TYPES = {
    "aws_ecs_task_definition": "ecs_task_definition",
    "aws_ecs_service": "ecs_service",
    "aws_ecs_task_set": "ecs_task_set",
    "aws_ecs_cluster": "ecs_cluster",
    "aws_security_group": "ec2_security_group",
    "aws_network_interface": "ec2_network_interface",
    "aws_iam_role": "iam_role",
    "aws_iam_policy": "iam_policy",
    "aws_iam_role_policy": "iam_policy",
    "aws_lb": "elbv2_load_balancer",
    "aws_alb": "elbv2_load_balancer",
    "aws_lb_target_group": "elbv2_target_group",
    "aws_alb_target_group": "elbv2_target_group",
    "aws_lb_listener": "elbv2_listener",
    "aws_alb_listener": "elbv2_listener",
    "aws_lb_listener_rule": "elbv2_listener_rule",
    "aws_alb_listener_rule": "elbv2_listener_rule",
    # tasks started outside a service: an EventBridge target with `ecs_target`, a schedule with `ecs_parameters`
    # (one without is no task run, and gives no resource)
    "aws_cloudwatch_event_target": "ecs_task_run",
    "aws_scheduler_schedule": "ecs_task_run",
}
RULES = {
    "aws_security_group_rule",
    "aws_vpc_security_group_ingress_rule",
    "aws_vpc_security_group_egress_rule",
}
JOINED = RULES | {"aws_iam_role_policy_attachment", "aws_ecs_cluster_capacity_providers"}
SUPPORTED = set(TYPES) | JOINED

# (API shape, Terraform attribute) -> API member, where the names differ beyond case and underscores.
RENAMES = {
    ("ecs.TaskDefinition", "volume"): "volumes",
    ("ecs.TaskDefinition", "placement_constraints"): "placementConstraints",
    ("ecs.Volume", "host_path"): "host",
    ("ecs.Service", "name"): "serviceName",
    ("ecs.Service", "cluster"): "clusterArn",
    ("ecs.Service", "iam_role"): "roleArn",
    ("ecs.Service", "load_balancer"): "loadBalancers",
    ("ecs.Service", "service_registries"): "serviceRegistries",
    ("ecs.Service", "ordered_placement_strategy"): "placementStrategy",
    ("ecs.Service", "placement_constraints"): "placementConstraints",
    ("ecs.TaskSet", "cluster"): "clusterArn",
    ("ecs.TaskSet", "service"): "serviceArn",
    ("ecs.TaskSet", "load_balancer"): "loadBalancers",
    ("ecs.TaskSet", "service_registries"): "serviceRegistries",
    ("ecs.LoadBalancer", "elb_name"): "loadBalancerName",
    ("ecs.Cluster", "name"): "clusterName",
    ("ecs.Cluster", "setting"): "settings",
    ("ecs.ExecuteCommandLogConfiguration", "s3_bucket_encryption_enabled"): "s3EncryptionEnabled",
    ("ec2.NetworkInterface", "private_ip"): "PrivateIpAddress",
    ("ecs.RunTaskRequest", "task_definition_arn"): "taskDefinition",
    ("ecs.RunTaskRequest", "task_count"): "count",
    ("ecs.RunTaskRequest", "placement_constraint"): "placementConstraints",
    ("ecs.RunTaskRequest", "ordered_placement_strategy"): "placementStrategy",
}
NOT_MAPPED = {
    "tags_all",
    "arn",
    "id",
    "revision",
    "skip_destroy",
    "track_latest",
    "force_new_deployment",
    "wait_for_steady_state",
}
ALL_TRAFFIC = ("-1", "all")


class Item(Struct):
    """One Terraform resource instance to map: its address, type, plain values, where it is declared
    (`file`), the source-path root its values are located under, and its in-source skips."""

    address: str
    type: str
    values: dict[str, Any]
    file: str
    root: Path
    skips: list[Skip]


def unresolved(value: Any) -> bool:
    """A value Terraform knows only at apply time (or fgscan could not work out)."""
    if not isinstance(value, dict) or len(value) != 1:
        return False
    key = next(iter(value))
    return key == "Ref" or key.startswith("Fn::")


class _Mapper:
    """Maps one resource's values onto an API shape, recording where each value came from."""

    def __init__(self, root: Path):
        self.root = root
        self.origin: dict[Path, Path] = {(): root}

    def at(self, dst: Path, src: Path) -> None:
        self.origin[dst] = self.root + src

    def convert(self, value: Any, ref: str | None, src: Path, dst: Path) -> Any:
        self.at(dst, src)
        spec = shapes().get(ref) if ref else None
        if unresolved(value) or spec is None:
            return value
        if isinstance(spec, str):
            return _coerce(value, spec)
        if "s" in spec and isinstance(value, list) and len(value) == 1 and isinstance(value[0], dict):
            value, src = value[0], (*src, 0)  # a nested block is a list of one in Terraform
            self.at(dst, src)
        if "s" in spec and isinstance(value, dict):
            return self.structure(value, ref, src, dst)  # type: ignore[arg-type]
        if "l" in spec and isinstance(value, list):
            return [self.convert(item, spec["l"], (*src, i), (*dst, i)) for i, item in enumerate(value)]
        if "m" in spec and isinstance(value, dict):
            return {k: self.convert(v, spec["m"], (*src, k), (*dst, k)) for k, v in value.items()}
        return value

    def structure(self, value: dict, ref: str, src: Path, dst: Path) -> dict:
        members = shapes()[ref]["s"]
        lowered = {m.lower(): m for m in members}
        out = {}
        for key, item in value.items():
            if key in NOT_MAPPED or item is None or item == []:
                continue
            if key == "tags":
                out.update(self.tags(item, ref, (*src, key), dst))
                continue
            name = RENAMES.get((ref, key)) or lowered.get(key.replace("_", "").lower(), key)
            if (ref, key) == ("ecs.Volume", "host_path"):
                out[name] = {"sourcePath": item}
                self.at((*dst, name), (*src, key))
                self.at((*dst, name, "sourcePath"), (*src, key))
                continue
            out[name] = self.convert(item, members.get(name), (*src, key), (*dst, name))
        return out

    def tags(self, value: Any, ref: str, src: Path, dst: Path) -> dict[str, Any]:
        """A Terraform tag map as the API's tag list (`key`/`value` for ECS, `Key`/`Value` elsewhere)."""
        if not isinstance(value, dict):
            return {}
        ecs = ref.startswith("ecs.")
        field, key_name, value_name = ("tags", "key", "value") if ecs else ("Tags", "Key", "Value")
        if ref == "ec2.NetworkInterface":
            field = "TagSet"
        self.at((*dst, field), src)
        for i, key in enumerate(value):
            self.at((*dst, field, i), (*src, key))
        return {field: [{key_name: k, value_name: v} for k, v in value.items()]}


def _coerce(value: Any, kind: str) -> Any:
    if kind == "boolean" and isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if kind in ("integer", "long") and isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    if kind == "string" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _json(value: Any) -> Any:
    """A policy or container-definition JSON string decoded; data (from `jsonencode`) as it is."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return {"Fn::Terraform": "invalid JSON"}
    return value


def _first(value: Any) -> dict[str, Any]:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return value[0]
    return {}


def _task_definition(v: dict, m: _Mapper) -> dict:
    data = m.structure({k: x for k, x in v.items() if k != "container_definitions"}, "ecs.TaskDefinition", (), ())
    if "container_definitions" in v:
        data["containerDefinitions"] = _json(v["container_definitions"])
        m.at(("containerDefinitions",), ("container_definitions",))
    return data


def _service(v: dict, m: _Mapper, shape: str = "ecs.Service") -> dict:
    rest = {k: x for k, x in v.items() if not k.startswith("deployment_") and k != "network_configuration"}
    data = m.structure(rest, shape, (), ())
    network = v.get("network_configuration")
    if network not in (None, []):
        data["networkConfiguration"] = _network(network, m)
    deployment: dict[str, Any] = {}
    for key, member in (
        ("deployment_maximum_percent", "maximumPercent"),
        ("deployment_minimum_healthy_percent", "minimumHealthyPercent"),
    ):
        if v.get(key) is not None:
            deployment[member] = v[key]
            m.at(("deploymentConfiguration", member), (key,))
    breaker = _first(v.get("deployment_circuit_breaker"))
    if breaker:
        deployment["deploymentCircuitBreaker"] = {k: breaker[k] for k in ("enable", "rollback") if k in breaker}
        m.at(("deploymentConfiguration", "deploymentCircuitBreaker"), ("deployment_circuit_breaker", 0))
    controller = _first(v.get("deployment_controller"))
    if controller.get("type") is not None:
        data["deploymentController"] = {"type": controller["type"]}
        m.at(("deploymentController",), ("deployment_controller", 0))
    if deployment:
        data["deploymentConfiguration"] = deployment
    return data


def _network(value: Any, m: _Mapper, at: Path = ("network_configuration",)) -> Any:
    """`network_configuration { subnets, security_groups, assign_public_ip = bool }` -> `awsvpcConfiguration`;
    `at` is where the block is."""
    if unresolved(value):
        return value
    block = _first(value)
    src: Path = (*at, 0)
    dst: Path = ("networkConfiguration", "awsvpcConfiguration")
    m.at(("networkConfiguration",), src)
    m.at(dst, src)
    awsvpc: dict[str, Any] = {}
    for key, member in (("subnets", "subnets"), ("security_groups", "securityGroups")):
        if block.get(key) is not None:
            awsvpc[member] = block[key]
            m.at((*dst, member), (*src, key))
    public = block.get("assign_public_ip", False)
    if public is not None:
        awsvpc["assignPublicIp"] = ("ENABLED" if public else "DISABLED") if isinstance(public, bool) else public
        if "assign_public_ip" in block:
            m.at((*dst, "assignPublicIp"), (*src, "assign_public_ip"))
    return {"awsvpcConfiguration": awsvpc}


def _event_target(v: dict, m: _Mapper) -> dict | None:
    """`aws_cloudwatch_event_target` with an `ecs_target` block: its `arn` is the cluster."""
    return _task_run(v.get("ecs_target"), ("ecs_target",), v.get("arn"), ("arn",), m)


def _schedule(v: dict, m: _Mapper) -> dict | None:
    """`aws_scheduler_schedule` whose `target` has `ecs_parameters`: the target's `arn` is the cluster."""
    target = _first(v.get("target"))
    at: Path = ("target", 0)
    return _task_run(target.get("ecs_parameters"), (*at, "ecs_parameters"), target.get("arn"), (*at, "arn"), m)


def _task_run(value: Any, at: Path, cluster: Any, cluster_at: Path, m: _Mapper) -> dict | None:
    """An ECS target's block as the RunTask request it makes (None without one)."""
    block = _first(value)
    if not block:
        return None
    src: Path = (*at, 0)
    data = m.structure({k: x for k, x in block.items() if k != "network_configuration"}, "ecs.RunTaskRequest", src, ())
    m.at((), src)
    if block.get("network_configuration") not in (None, []):
        data["networkConfiguration"] = _network(block["network_configuration"], m, (*src, "network_configuration"))
    if cluster is not None:
        data["cluster"] = cluster
        m.at(("cluster",), cluster_at)
    return data


def _cluster(v: dict, m: _Mapper) -> dict:
    return m.structure(v, "ecs.Cluster", (), ())


def _security_group(v: dict, m: _Mapper, address: str) -> dict:
    data = m.structure({k: x for k, x in v.items() if k not in ("ingress", "egress")}, "ec2.SecurityGroup", (), ())
    if "name" in v:
        data["GroupName"] = v["name"]
        m.at(("GroupName",), ("name",))
    for key, field in (("ingress", "IpPermissions"), ("egress", "IpPermissionsEgress")):
        rules = v.get(key)
        if isinstance(rules, list):
            m.at((field,), (key,))
            data[field] = [_permission(r, m, (key, i), (field, i), address) for i, r in enumerate(rules)]
        elif unresolved(rules):
            data[field] = rules
            m.at((field,), (key,))
    data.setdefault("IpPermissions", [])
    return data


# Terraform rule attribute -> (IpPermission list, member of each item)
SOURCES = {
    "cidr_blocks": ("IpRanges", "CidrIp"),
    "cidr_ipv4": ("IpRanges", "CidrIp"),
    "ipv6_cidr_blocks": ("Ipv6Ranges", "CidrIpv6"),
    "cidr_ipv6": ("Ipv6Ranges", "CidrIpv6"),
    "prefix_list_ids": ("PrefixListIds", "PrefixListId"),
    "prefix_list_id": ("PrefixListIds", "PrefixListId"),
    "security_groups": ("UserIdGroupPairs", "GroupId"),
    "source_security_group_id": ("UserIdGroupPairs", "GroupId"),
    "referenced_security_group_id": ("UserIdGroupPairs", "GroupId"),
}


def _permission(rule: Any, m: _Mapper, src: Path, dst: Path, group: str) -> Any:
    """A Terraform rule (inline block, `aws_security_group_rule`, `aws_vpc_security_group_*_rule`) as an
    `IpPermission`; `group` is the address `self = true` stands for."""
    m.at(dst, src)
    if not isinstance(rule, dict) or unresolved(rule):
        return rule
    protocol = rule.get("protocol", rule.get("ip_protocol"))
    protocol_key = "protocol" if "protocol" in rule else "ip_protocol"
    if isinstance(protocol, int):
        protocol = str(protocol)
    if isinstance(protocol, str):
        protocol = "-1" if protocol.lower() in ALL_TRAFFIC else protocol.lower()
    perm: dict[str, Any] = {"IpProtocol": protocol}
    m.at((*dst, "IpProtocol"), (*src, protocol_key))
    if protocol != "-1":
        for key, name in (("from_port", "FromPort"), ("to_port", "ToPort")):
            if key in rule and rule[key] is not None:
                perm[name] = _coerce(rule[key], "integer")
                m.at((*dst, name), (*src, key))
    description = rule.get("description")
    for key, (listing, member) in SOURCES.items():
        values = rule.get(key)
        if values is None or values == []:
            continue
        items = values if isinstance(values, list) else [values]
        for j, value in enumerate(items):
            entry = {member: value}
            if description is not None:
                entry["Description"] = description
            index = len(perm.setdefault(listing, []))
            perm[listing].append(entry)
            item_src = (*src, key, j) if isinstance(values, list) else (*src, key)
            m.at((*dst, listing, index), item_src)
            m.at((*dst, listing, index, member), item_src)
            if description is not None:
                m.at((*dst, listing, index, "Description"), (*src, "description"))
    if rule.get("self") is True:
        index = len(perm.setdefault("UserIdGroupPairs", []))
        perm["UserIdGroupPairs"].append({"GroupId": {"Ref": group}})
        m.at((*dst, "UserIdGroupPairs", index), (*src, "self"))
    return perm


def _network_interface(v: dict, m: _Mapper) -> dict:
    data = m.structure({k: x for k, x in v.items() if k != "security_groups"}, "ec2.NetworkInterface", (), ())
    groups = v.get("security_groups")
    if isinstance(groups, list):
        data["Groups"] = [{"GroupId": g} for g in groups]
        m.at(("Groups",), ("security_groups",))
        for i in range(len(groups)):
            m.at(("Groups", i), ("security_groups", i))
            m.at(("Groups", i, "GroupId"), ("security_groups", i))
    return data


def _role(v: dict, m: _Mapper) -> dict:
    data: dict[str, Any] = {}
    simple = {
        "name": "RoleName",
        "path": "Path",
        "description": "Description",
        "max_session_duration": "MaxSessionDuration",
    }
    for key, member in simple.items():
        if v.get(key) is not None:
            data[member] = v[key]
            m.at((member,), (key,))
    if "assume_role_policy" in v:
        data["AssumeRolePolicyDocument"] = _json(v["assume_role_policy"])
        m.at(("AssumeRolePolicyDocument",), ("assume_role_policy",))
    if v.get("permissions_boundary") is not None:
        data["PermissionsBoundary"] = {"PermissionsBoundaryArn": v["permissions_boundary"]}
        m.at(("PermissionsBoundary",), ("permissions_boundary",))
    arns = v.get("managed_policy_arns")
    if isinstance(arns, list):
        data["AttachedManagedPolicies"] = [{"PolicyArn": arn} for arn in arns]
        for i in range(len(arns)):
            m.at(("AttachedManagedPolicies", i), ("managed_policy_arns", i))
            m.at(("AttachedManagedPolicies", i, "PolicyArn"), ("managed_policy_arns", i))
    inline = [p for p in v.get("inline_policy") or [] if isinstance(p, dict) and p.get("policy") is not None]
    if inline:
        data["RolePolicyList"] = []
        for i, policy in enumerate(v["inline_policy"]):
            if policy in inline:
                m.at(("RolePolicyList", len(data["RolePolicyList"])), ("inline_policy", i))
                m.at(("RolePolicyList", len(data["RolePolicyList"]), "PolicyDocument"), ("inline_policy", i, "policy"))
                data["RolePolicyList"].append(
                    {"PolicyName": policy.get("name"), "PolicyDocument": _json(policy["policy"])}
                )
    data.update(m.tags(v.get("tags"), "iam.RoleDetail", ("tags",), ()))
    return data


def _policy(v: dict, m: _Mapper, address: str) -> dict:
    data: dict[str, Any] = {"PolicyName": v.get("name") if v.get("name") is not None else address}
    m.at(("PolicyName",), ("name",))
    if "policy" in v:
        data["PolicyDocument"] = _json(v["policy"])
        m.at(("PolicyDocument",), ("policy",))
    if "role" in v:
        data["Roles"] = [v["role"]]
        m.at(("Roles",), ("role",))
        m.at(("Roles", 0), ("role",))
    return data


def _load_balancer(v: dict, m: _Mapper) -> dict:
    data: dict[str, Any] = {}
    internal = v.get("internal", False)
    data["Scheme"] = ("internal" if internal else "internet-facing") if isinstance(internal, bool) else internal
    m.at(("Scheme",), ("internal",))
    data["Type"] = v.get("load_balancer_type") or "application"
    m.at(("Type",), ("load_balancer_type",))
    for key, member in (("name", "LoadBalancerName"), ("security_groups", "SecurityGroups"), ("subnets", "Subnets")):
        if v.get(key) is not None:
            data[member] = v[key]
            m.at((member,), (key,))
    if v.get("ip_address_type") is not None:
        data["IpAddressType"] = v["ip_address_type"]
        m.at(("IpAddressType",), ("ip_address_type",))
    return data


def _target_group(v: dict, m: _Mapper) -> dict:
    data: dict[str, Any] = {}
    for key, member in (
        ("name", "TargetGroupName"),
        ("protocol", "Protocol"),
        ("port", "Port"),
        ("target_type", "TargetType"),
        ("vpc_id", "VpcId"),
    ):
        if v.get(key) is not None:
            data[member] = _coerce(v[key], "integer") if key == "port" else v[key]
            m.at((member,), (key,))
    return data


def _actions(actions: Any, m: _Mapper, src: Path, dst: Path) -> Any:
    if not isinstance(actions, list):
        return actions
    out = []
    for i, action in enumerate(actions):
        if not isinstance(action, dict):
            out.append(action)
            continue
        m.at((*dst, i), (*src, i))
        item: dict[str, Any] = {"Type": action.get("type")}
        m.at((*dst, i, "Type"), (*src, i, "type"))
        if action.get("target_group_arn") is not None:
            item["TargetGroupArn"] = action["target_group_arn"]
            m.at((*dst, i, "TargetGroupArn"), (*src, i, "target_group_arn"))
        if action.get("order") is not None:
            item["Order"] = action["order"]
        forward = _first(action.get("forward"))
        groups = [g for g in forward.get("target_group") or [] if isinstance(g, dict)]
        if groups:
            item["ForwardConfig"] = {
                "TargetGroups": [{"TargetGroupArn": g.get("arn"), "Weight": g.get("weight")} for g in groups]
            }
            for j in range(len(groups)):
                m.at((*dst, i, "ForwardConfig", "TargetGroups", j), (*src, i, "forward", 0, "target_group", j))
        redirect = _first(action.get("redirect"))
        if redirect:
            item["RedirectConfig"] = {k.title().replace("_", ""): x for k, x in redirect.items() if x is not None}
        out.append(item)
    return out


def _listener(v: dict, m: _Mapper) -> dict:
    data: dict[str, Any] = {}
    for key, member in (
        ("load_balancer_arn", "LoadBalancerArn"),
        ("port", "Port"),
        ("protocol", "Protocol"),
        ("ssl_policy", "SslPolicy"),
        ("certificate_arn", "CertificateArn"),
    ):
        if v.get(key) is not None:
            data[member] = _coerce(v[key], "integer") if key == "port" else v[key]
            m.at((member,), (key,))
    if v.get("default_action") is not None:
        data["DefaultActions"] = _actions(v["default_action"], m, ("default_action",), ("DefaultActions",))
        m.at(("DefaultActions",), ("default_action",))
    return data


def _listener_rule(v: dict, m: _Mapper) -> dict:
    data: dict[str, Any] = {}
    for key, member in (("listener_arn", "ListenerArn"), ("priority", "Priority")):
        if v.get(key) is not None:
            data[member] = v[key]
            m.at((member,), (key,))
    if v.get("action") is not None:
        data["Actions"] = _actions(v["action"], m, ("action",), ("Actions",))
        m.at(("Actions",), ("action",))
    if v.get("condition") is not None:
        data["Conditions"] = v["condition"]
        m.at(("Conditions",), ("condition",))
    return data


BUILDERS: dict[str, Callable[[dict, _Mapper, str], dict]] = {
    "ecs_task_definition": lambda v, m, a: _task_definition(v, m),
    "ecs_service": lambda v, m, a: _service(v, m),
    "ecs_task_set": lambda v, m, a: _service(v, m, "ecs.TaskSet"),
    "ecs_cluster": lambda v, m, a: _cluster(v, m),
    "ec2_security_group": _security_group,
    "ec2_network_interface": lambda v, m, a: _network_interface(v, m),
    "iam_role": lambda v, m, a: _role(v, m),
    "iam_policy": _policy,
    "elbv2_load_balancer": lambda v, m, a: _load_balancer(v, m),
    "elbv2_target_group": lambda v, m, a: _target_group(v, m),
    "elbv2_listener": lambda v, m, a: _listener(v, m),
    "elbv2_listener_rule": lambda v, m, a: _listener_rule(v, m),
}
# Terraform type -> the builder of the task run it starts, if any
TASK_RUNS: dict[str, Callable[[dict, _Mapper], dict | None]] = {
    "aws_cloudwatch_event_target": _event_target,
    "aws_scheduler_schedule": _schedule,
}


def build(items: list[Item], scope: str, outside: list[tuple[str, Any]] | None = None) -> list[Resource]:
    """The canonical resources of a set of Terraform resource instances (a whole module tree or plan),
    with standalone rules, policies, attachments and capacity providers joined where they belong;
    `scope` names the root module their addresses (and references) are unique in; `outside`: the
    address and values of the other resources of the configuration, which may name its security groups."""
    out: dict[str, Resource] = {}
    for item in items:
        kind = TYPES.get(item.type)
        if kind is None:
            continue
        mapper = _Mapper(item.root)
        data = (
            TASK_RUNS[item.type](item.values, mapper)
            if item.type in TASK_RUNS
            else BUILDERS[kind](item.values, mapper, item.address)
        )
        if data is None:
            continue
        out[item.address] = Resource(
            kind, item.address, data, item.file, item.root, mapper.origin, skips=list(item.skips)
        )
    # one order whatever the input's: list indexes are in fingerprints
    for item in sorted(items, key=lambda i: i.address):
        if item.type in RULES:
            _join_rule(item, out)
        elif item.type == "aws_iam_role_policy":
            _attach_inline(item, out)
        elif item.type == "aws_iam_role_policy_attachment":
            _attach_managed(item, out)
        elif item.type == "aws_ecs_cluster_capacity_providers":
            _join_capacity(item, out)
    for role in [r for r in out.values() if r.kind == "iam_role"]:
        _managed_documents(role, out)
    _role_usage(out)
    groups: dict[str, list[Resource]] = {}
    for address, group in out.items():
        if group.kind == "ec2_security_group":
            group_id = group.data.get("GroupId")
            for key in {address, group_id if isinstance(group_id, str) else address}:
                groups.setdefault(key, []).append(group)
    note_outside_users(groups, outside or [])
    for resource in out.values():
        resource.scope = scope
    return list(out.values())


def _role_usage(out: dict[str, Resource]) -> None:
    """Note on each role the task definitions of the configuration naming it, whatever file (or chunk of a
    large scan) each is in: an address names one resource across all the files of a module tree."""
    for task in [r for r in out.values() if r.kind == "ecs_task_definition"]:
        for field, role_as in (("taskRoleArn", "task"), ("executionRoleArn", "execution")):
            role = out.get(ref_target(task.data.get(field)) or "")
            if role is None or role.kind != "iam_role":
                continue
            if task.name not in role.facts.setdefault("used_by", []):
                role.facts["used_by"].append(task.name)
            if role_as not in role.facts.setdefault("roles_as", []):
                role.facts["roles_as"].append(role_as)


def _managed_documents(role: Resource, out: dict[str, Resource]) -> None:
    """Give an attached policy defined in the same configuration its document (whatever file it is in)."""
    for i, entry in enumerate(role.data.get("AttachedManagedPolicies") or []):
        policy = _target(entry.get("PolicyArn"), out, "iam_policy") if isinstance(entry, dict) else None
        if policy is None or not unresolved(entry.get("PolicyArn")):
            continue
        entry["PolicyName"] = policy.data.get("PolicyName")
        entry["PolicyDocument"] = policy.data.get("PolicyDocument")
        source = policy.source_path(("PolicyDocument",))
        role.origin[("AttachedManagedPolicies", i, "PolicyDocument")] = (
            source if policy.file == role.file else role.source_path(("AttachedManagedPolicies", i))
        )


def _target(value: Any, out: dict[str, Resource], kind: str, names: tuple[str, ...] = ()) -> Resource | None:
    """The resource a reference (or a literal name or id) points at."""
    target = ref_target(value)
    found = out.get(target) if target else None
    if found is None and isinstance(value, str):
        found = next((r for r in out.values() if r.kind == kind and any(r.data.get(n) == value for n in names)), None)
    return found if found is not None and found.kind == kind else None


def _graft(host: Resource, item: Item, dst: Path, src: Path) -> None:
    """Record where a joined value came from: its own lines when it is declared in the host's file,
    else the host's block (a location is always in the file that declares the resource)."""
    host.origin[dst] = item.root + src if item.file == host.file else host.source_root


def _join_rule(item: Item, out: dict[str, Resource]) -> None:
    v = item.values
    if item.type == "aws_security_group_rule":
        field = "IpPermissions" if v.get("type") != "egress" else "IpPermissionsEgress"
    else:
        field = "IpPermissions" if item.type.endswith("ingress_rule") else "IpPermissionsEgress"
    group = _target(v.get("security_group_id"), out, "ec2_security_group", ("GroupId",))
    mapper = _Mapper(item.root)
    if group is None:
        perm = _permission(v, mapper, (), (field, 0), ref_target(v.get("security_group_id")) or item.address)
        data = {"GroupId": v.get("security_group_id"), field: [perm]}
        if field != "IpPermissions":
            data["IpPermissions"] = []
        out[item.address] = Resource(
            "ec2_security_group", item.address, data, item.file, item.root, mapper.origin, skips=list(item.skips)
        )
        return
    if not isinstance(group.data.setdefault(field, []), list):
        return  # the group's rules are not known at all: one more changes nothing
    index = len(group.data[field])
    perm = _permission(v, mapper, (), (field, index), group.name)
    group.data[field].append(perm)
    for dst, src in mapper.origin.items():
        if dst:
            _graft(group, item, dst, src[len(item.root) :])
    group.skips.extend(item.skips)


def _attach_inline(item: Item, out: dict[str, Resource]) -> None:
    role = _target(item.values.get("role"), out, "iam_role", ("RoleName",))
    policy = out.get(item.address)
    if role is None or policy is None:
        return
    entries = role.data.setdefault("RolePolicyList", [])
    _graft(role, item, ("RolePolicyList", len(entries)), ("policy",))
    entries.append({"PolicyName": policy.data.get("PolicyName"), "PolicyDocument": policy.data.get("PolicyDocument")})


def _attach_managed(item: Item, out: dict[str, Resource]) -> None:
    role = _target(item.values.get("role"), out, "iam_role", ("RoleName",))
    if role is None:
        return
    entries = role.data.setdefault("AttachedManagedPolicies", [])
    _graft(role, item, ("AttachedManagedPolicies", len(entries)), ("policy_arn",))
    entries.append({"PolicyArn": item.values.get("policy_arn")})


def _join_capacity(item: Item, out: dict[str, Resource]) -> None:
    cluster = _target(item.values.get("cluster_name"), out, "ecs_cluster", ("clusterName",))
    if cluster is None:
        return
    mapper = _Mapper(item.root)
    extra = mapper.structure({k: x for k, x in item.values.items() if k != "cluster_name"}, "ecs.Cluster", (), ())
    cluster.data.update(extra)
    for dst, src in mapper.origin.items():
        if dst:
            _graft(cluster, item, dst, src[len(item.root) :])
