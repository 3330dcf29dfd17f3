"""One index of every resource in a scan: each reference between resources is resolved here, once.

References resolve by logical id within the resource's scope first (a CloudFormation template), then by
id, ARN or name across files: task definitions by ARN, `family:revision` or family; groups by `sg-...`
id; roles by ARN or name; ENIs by id; load balancers, target groups and listeners by ARN or name. Both the
per-resource facts that need other resources (which task definitions use a role) and the exposure
neighbourhoods read references only through this index.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from scanner.model import Resource
from scanner.sources.links import IMPORT, ref_target

SG = "ec2_security_group"
TD = "ecs_task_definition"
ROLE = "iam_role"
LB = "elbv2_load_balancer"
SERVICES = ("ecs_service", "ecs_task_set", "ecs_task_run")  # what runs tasks: their neighbourhoods
DEFAULT_GROUP = "(default)"  # awsvpc without `securityGroups`: the VPC's default group, not in the input
GroupKey = tuple[str, ...]


def text(value: Any) -> str | None:
    """`value` when it is a string (malformed input is judged, never crashed on)."""
    return value if isinstance(value, str) else None


def family_revision(td: Resource) -> tuple[str | None, int | None]:
    """A task definition's family and revision, where the input has them."""
    revision = td.data.get("revision")
    return text(td.data.get("family")), revision if isinstance(revision, int) and not isinstance(
        revision, bool
    ) else None


def _keys(resource: Resource) -> list[str]:
    """The ids, ARNs and names other resources may name `resource` by."""
    d = resource.data
    keys = [resource.name] if resource.scope is None else []
    arn = resource.arn if isinstance(resource.arn, str) else None
    if arn:
        keys.append(arn)
    if resource.kind == TD:
        family, revision = family_revision(resource)
        if family:
            keys += [family] + ([f"{family}:{revision}"] if revision is not None else [])
    elif resource.kind == SG and text(d.get("GroupId")):
        keys.append(d["GroupId"])
    elif resource.kind == ROLE:
        keys += [name for name in (text(d.get("RoleName")) or resource.name,) if name]
        if text(d.get("Arn")):
            keys.append(d["Arn"])
    elif resource.kind == "ec2_network_interface" and text(d.get("NetworkInterfaceId")):
        keys.append(d["NetworkInterfaceId"])
    elif resource.kind.startswith("elbv2_"):
        for key in ("LoadBalancerArn", "LoadBalancerName", "TargetGroupArn", "TargetGroupName", "ListenerArn"):
            if text(d.get(key)) and (key.endswith("Arn") or resource.kind != "elbv2_listener"):
                keys.append(d[key])
    return list(dict.fromkeys(keys))


class Graph:
    """Indexes the resources of a scan; `find` resolves one reference."""

    def __init__(self, resources: list[Resource], nesting: dict[tuple[str, str], tuple[str, str]] | None = None):
        self.resources = resources
        self.nesting = nesting or {}  # `scanner.sources.cfn_nesting`: child parameters set to others' resources
        self.local: dict[tuple[str, str], list[Resource]] = defaultdict(list)
        self.index: dict[tuple[str, str], list[Resource]] = defaultdict(list)
        passed_in: list[tuple[tuple[str, str], Resource]] = []
        for resource in resources:
            if resource.scope is not None:
                self.local[(resource.scope, resource.name)].append(resource)
                group_ref = resource.data.get("GroupId") if resource.kind == SG else None
                if isinstance(group_ref, dict) and (target := ref_target(group_ref)):
                    self.local[(resource.scope, target)].append(resource)
                    if (resource.scope, target) in self.nesting:  # a rule on a group a parent passes in
                        passed_in.append((self.nesting[(resource.scope, target)], resource))
            for key in _keys(resource):
                self.index[(resource.kind, key)].append(resource)
                if resource.kind == ROLE and key.startswith("arn:"):
                    self.index[(resource.kind, key.lower())].append(resource)
        for group, rule in passed_in:  # after the group itself, which names it
            self.local[group].append(rule)
        # Another template's exports, by name; a name built on the exporting stack's name matches any
        self.exports: dict[str, list[Resource]] = defaultdict(list)
        for resource in resources:
            for name in resource.exports:
                self.exports[name].append(resource)
        self._patterns = [(re.compile(re.escape(n).replace(r"\*", "[^:]+")), n) for n in self.exports if "*" in n]
        self.services = [r for r in resources if r.kind in SERVICES]
        self._balancers: dict[int, list[Resource]] | None = None

    def find(self, kind: str, origin: Resource, ref: str | None, literal: bool = False) -> list[Resource]:
        """Resources of `kind` a reference from `origin` names: same-scope logical id first, then id, ARN
        or name. A scoped reference leaves its scope only when it is `literal` or reads as an id or ARN
        (a `!Ref` to a template parameter names no resource)."""
        if ref is None:
            return []
        if ref.startswith(IMPORT):
            return self._imported(kind, ref[len(IMPORT) :])
        if origin.scope is not None:
            local = [r for r in self.local.get((origin.scope, ref), []) if r.kind == kind]
            if not local and (origin.scope, ref) in self.nesting:  # a parameter a parent stack sets
                local = [r for r in self.local.get(self.nesting[(origin.scope, ref)], []) if r.kind == kind]
            if local or not (literal or ref.startswith(("arn:", "sg-")) or ":" in ref):
                return local
        found = self.index.get((kind, ref), [])
        if not found and kind == ROLE and ref.startswith("arn:"):
            found = self.index.get((kind, ref.lower()), [])
        if not found and kind == TD and "task-definition/" in ref:  # an ARN: only ARN-less definitions by name
            found = [r for r in self.index.get((kind, ref.split("task-definition/", 1)[1]), []) if not r.arn]
        if not found and kind == ROLE and ":role/" in ref:
            found = [r for r in self.index.get((kind, ref.rsplit("/", 1)[1]), []) if not r.arn]
        if kind == TD and len(found) > 1:
            found = [max(found, key=lambda r: family_revision(r)[1] or 0)]
        return list({id(r): r for r in found}.values()) if len(found) > 1 else list(found)

    def _imported(self, kind: str, name: str) -> list[Resource]:
        """The resource of `kind` exported under `name` or under a name built on a stack's name that `name`
        fits (`production:ClusterSecurityGroup` fits `*:ClusterSecurityGroup`), with each of its readings.
        An export name is unique in a region, so two resources exported under fitting names are stacks that
        cannot be deployed together: alternatives no template chooses between, and neither is linked."""
        names = [name] + [n for pattern, n in self._patterns if pattern.fullmatch(name)]
        found = [r for n in names for r in self.exports.get(n, []) if r.kind == kind]
        if len({(r.scope or r.file, r.name) for r in found}) != 1:
            return []
        return list({id(r): r for r in found}.values())

    def group(self, origin: Resource, ref: str | None) -> tuple[GroupKey | None, list[Resource]]:
        """A security group's identity (the same for every reference to it) and the resources describing
        it; the VPC's default group has none (which VPC is not in the input)."""
        if ref is None or ref == DEFAULT_GROUP:
            return None, []
        found = self.find(SG, origin, ref)
        ids = [r.data["GroupId"] for r in found if text(r.data.get("GroupId"))]
        if ids:
            return ("id", ids[0]), found + [r for r in self.index.get((SG, ids[0]), []) if r not in found]
        if found:
            return ("local", found[0].scope or found[0].file, found[0].name), found
        if origin.scope is not None and not ref.startswith(("sg-", "arn:")):
            return ("local", origin.scope, ref), []
        return ("id", ref), []

    def balancers_of(self, target_group: Resource) -> list[Resource]:
        """The load balancers that send traffic to a target group: through their listeners' and listener
        rules' forward actions, or as the target group's own `LoadBalancerArns` (live and CLI input)."""
        if self._balancers is None:
            self._balancers = self._forwarding()
        return self._balancers.get(id(target_group), [])

    def _forwarding(self) -> dict[int, list[Resource]]:
        out: dict[int, dict[int, Resource]] = defaultdict(dict)
        for resource in self.resources:
            if resource.kind == "elbv2_target_group":
                for ref in _list(resource.data.get("LoadBalancerArns")):
                    for lb in self.find(LB, resource, ref_target(ref)):
                        out[id(resource)][id(lb)] = lb
            elif resource.kind in ("elbv2_listener", "elbv2_listener_rule"):
                listeners = [resource]
                if resource.kind == "elbv2_listener_rule":
                    listeners = self.find("elbv2_listener", resource, ref_target(resource.data.get("ListenerArn")))
                actions = resource.data.get("DefaultActions" if resource.kind == "elbv2_listener" else "Actions")
                balancers = [
                    lb
                    for listener in listeners
                    for lb in self.find(
                        "elbv2_load_balancer", listener, ref_target(listener.data.get("LoadBalancerArn"))
                    )
                ]
                for target in _forward_targets(actions):
                    for tg in self.find("elbv2_target_group", resource, target):
                        out[id(tg)].update({id(lb): lb for lb in balancers})
        return {tg: sorted(lbs.values(), key=lambda r: r.name) for tg, lbs in out.items()}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _forward_targets(actions: Any) -> list[str]:
    """The target groups a listener's or rule's actions forward to."""
    targets = []
    for action in _list(actions):
        if not isinstance(action, dict):
            continue
        config = action.get("ForwardConfig")
        groups = config.get("TargetGroups") if isinstance(config, dict) else None
        refs = [action.get("TargetGroupArn"), *(g.get("TargetGroupArn") for g in _list(groups) if isinstance(g, dict))]
        targets += [t for t in map(ref_target, refs) if t]
    return targets
