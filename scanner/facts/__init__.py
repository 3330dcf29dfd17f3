"""Facts the Rego engine cannot compute, added to each resource in Python before evaluation.

- `facts.permissions` (security groups): one flat entry per rule and source, with the protocol
  named, the port range explicit (`-1`/all made 0-65535) and, for CIDRs, whether the range is the
  whole internet, public or private, and its prefix length (`ipaddress` does the arithmetic).
- `facts.entropy` (task definitions): Shannon entropy, in bits per character, of every string a
  secret could hide in (environment values, command, entry point, Docker labels), and of the words
  and `=` values inside command and entry point arguments.
- `facts.images` (task definitions): each container's image reference taken apart, see `scanner.facts.images`.
- IAM roles and policies: statements, trust and usage facts, see `scanner.facts.iam`.
- `facts.user_data` (launch templates and configurations): the user data as text, see `scanner.facts.user_data`.
"""

from __future__ import annotations

import functools
import ipaddress
import math
import re
from collections import Counter
from typing import Any

from scanner.facts import iam as iam_facts
from scanner.facts import images, user_data
from scanner.model import Resource
from scanner.sources.links import IMPORT, ref_target

PROTOCOLS = {"-1": "all", "all": "all", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6"}
SOURCE_KINDS = (
    ("IpRanges", "CidrIp", "cidr"),
    ("Ipv6Ranges", "CidrIpv6", "cidr"),
    ("UserIdGroupPairs", "GroupId", "security_group"),
    ("PrefixListIds", "PrefixListId", "prefix_list"),
)
# A Terraform reference to a group of the same module: `aws_security_group.lb.id`, `aws_security_group.lb[0].id`.
TERRAFORM_GROUP = re.compile(r"(aws_security_group\.[\w-]+(?:\[\d+\])?)\.id")


def annotate(resource: Resource) -> None:
    """Add the facts for the resource's kind."""
    if resource.kind == "ec2_security_group":
        resource.facts["permissions"] = permission_facts(resource.data)
    elif resource.kind == "ecs_task_definition":
        strings = _secret_candidates(resource.data) | _argument_parts(resource.data)
        resource.facts["entropy"] = {s: entropy(s) for s in strings}
        resource.facts["images"] = images.image_facts(resource.data)
    elif resource.kind in ("iam_role", "iam_policy"):
        iam_facts.annotate(resource)
    elif resource.kind in ("ec2_launch_template", "autoscaling_launch_configuration"):
        resource.facts.update(user_data.annotate(resource.data, resource.kind))


def cidr_facts(value: Any) -> dict[str, Any]:
    """What a CIDR string covers; `known: false` for values resolved only at deploy time."""
    if not isinstance(value, str):
        return {"known": False, "world": False, "public": False, "private": False, "prefix": None, "version": None}
    return dict(_cidr_facts(value))


@functools.lru_cache(maxsize=4096)
def _cidr_facts(value: str) -> dict[str, Any]:
    """`cidr_facts` of a string, worked out once per worker: a few ranges (`0.0.0.0/0`, the VPC's) recur across
    a repository's groups, and `ipaddress` parses and classifies them slowly."""
    try:
        net = ipaddress.ip_network(value.strip(), strict=False)
    except ValueError:
        return {"known": False, "world": False, "public": False, "private": False, "prefix": None, "version": None}
    return {
        "known": True,
        "world": net.prefixlen == 0,
        "public": net.prefixlen == 0 or net.is_global,
        "private": net.prefixlen > 0 and net.is_private,
        "prefix": net.prefixlen,
        "version": net.version,
        "addresses": net.num_addresses if net.version == 4 else None,
    }


def port_facts(permission: dict[str, Any]) -> dict[str, Any]:
    """Protocol name and explicit port range of one `IpPermission`."""
    raw = permission.get("IpProtocol")
    protocol = PROTOCOLS.get(str(raw).lower(), str(raw).lower()) if isinstance(raw, (str, int)) else None
    low, high = permission.get("FromPort"), permission.get("ToPort")
    if protocol == "all" or (protocol in ("tcp", "udp") and low in (None, -1) and high in (None, -1)):
        low, high = 0, 65535
    ports_known = all(isinstance(port, int) and not isinstance(port, bool) for port in (low, high))
    return {
        "protocol": protocol,
        "protocol_known": protocol is not None,
        "from_port": low if ports_known else None,
        "to_port": high if ports_known else None,
        "ports_known": ports_known,
        "all_ports": ports_known and low <= 0 and high >= 65535,  # type: ignore[operator]  # ints when known
    }


def permission_facts(group: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per permission and source, ingress and egress."""
    entries = []
    for field, direction in (("IpPermissions", "ingress"), ("IpPermissionsEgress", "egress")):
        for i, perm in _objects(group.get(field)):
            ports = port_facts(perm)
            for listing, member, source_type in SOURCE_KINDS:
                for j, item in _objects(perm.get(listing)):
                    value = item.get(member) if member in item else item.get("GroupName")
                    entry = {
                        "direction": direction,
                        "index": i,
                        "source_type": source_type,
                        "source": value if isinstance(value, str) else _group_named(value, source_type),
                        "description": item.get("Description") if isinstance(item.get("Description"), str) else None,
                        "path": [field, i, listing, j, member if member in item else "GroupName"],
                        "permission_path": [field, i],
                        **ports,
                    }
                    entry.update(cidr_facts(value) if source_type == "cidr" else _non_cidr())
                    entries.append(entry)
    return entries


def _group_named(value: Any, source_type: str) -> str | None:
    """ "security group 'lb'" for a group of the same template or module (`!Ref`, `!GetAtt lb.GroupId`,
    `aws_security_group.lb.id`): its id is known only at deploy time, but which group it is, is not unknown."""
    if source_type != "security_group" or not isinstance(value, dict):
        return None
    target = ref_target(value)
    if target is None and isinstance(expression := value.get("Fn::Terraform"), str):
        match = TERRAFORM_GROUP.fullmatch(expression.strip())
        target = match.group(1) if match else None
    return f"security group '{target}'" if target and not target.startswith(IMPORT) else None


def _non_cidr() -> dict[str, Any]:
    return {"known": True, "world": False, "public": False, "private": False, "prefix": None, "version": None}


def entropy(text: str) -> float:
    """Shannon entropy in bits per character."""
    if not text:
        return 0.0
    counts = Counter(text)
    return round(-sum(n / len(text) * math.log2(n / len(text)) for n in counts.values()), 3)


def _items(value: Any) -> list[Any]:
    """`value` when it is a list, else nothing (malformed input is judged, never crashed on)."""
    return value if isinstance(value, list) else []


def _objects(value: Any) -> list[tuple[int, dict[str, Any]]]:
    """`(index, item)` for the objects in `value` when it is a list."""
    return [(i, item) for i, item in enumerate(_items(value)) if isinstance(item, dict)]


def _containers(task: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for _, c in _objects(task.get("containerDefinitions"))]


def _secret_candidates(task: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for container in _containers(task):
        values = [env.get("value") for _, env in _objects(container.get("environment"))]
        found.update(v for v in values if isinstance(v, str))
        for field in ("command", "entryPoint"):
            found.update(v for v in _items(container.get(field)) if isinstance(v, str))
        labels = container.get("dockerLabels")
        if isinstance(labels, dict):
            found.update(v for v in labels.values() if isinstance(v, str))
    return found


def _argument_parts(task: dict[str, Any]) -> set[str]:
    """The whitespace-separated words of command and entry point arguments (a shell line is one
    argument) and the value after `=` in each (`--password=...`), without surrounding quotes;
    rules split arguments the same way."""
    found: set[str] = set()
    for container in _containers(task):
        for field in ("command", "entryPoint"):
            for arg in _items(container.get(field)):
                for word in re.split(r"[ \t\r\n]+", arg.strip()) if isinstance(arg, str) else []:
                    word = word.strip("'\"")
                    found.add(word)
                    if "=" in word:
                        found.add(word.split("=", 1)[1].strip("'\""))
    return found


def secret_strings(resource: Resource) -> set[str]:
    """Every value a report must never print for this resource."""
    return _secret_candidates(resource.data) if resource.kind == "ecs_task_definition" else set()
