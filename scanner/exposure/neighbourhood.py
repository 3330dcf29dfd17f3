"""Each service's neighbourhood in the scan's graph (`scanner.graph` resolves every link).

ENIs join the services named by their `aws:ecs:serviceName` tag. A link that does not resolve stays in the
neighbourhood with `known: false`, so rules can tell "closed" from "not in the input".

A neighbourhood is the input of the exposure rules for one service or task set: `input.resource`
(the service), `input.neighbourhood` (below) and `input.options`. Every place a finding may point
at carries a `loc` id; `locations` maps those ids to files and source paths.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from msgspec import Struct

from scanner.exposure.views import View, target_group, view
from scanner.graph import DEFAULT_GROUP, TD, Graph, GroupKey
from scanner.model import Path, Resource
from scanner.sources.links import IMPORT

MAX_SHARED = 25  # other task families listed per shared group


class Loc(Struct, frozen=True):
    """A place in a source file a finding can point at; `owner` is the resource whose document locates it
    (a Terraform plan places its resources in the `.tf` files beside it)."""

    file: str
    path: Path
    label: str
    owner: int = 0

    # A place is its file, path and label, whichever resource's document locates it.
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Loc):
            return NotImplemented
        return (self.file, self.path, self.label) == (other.file, other.path, other.label)

    def __hash__(self) -> int:
        return hash((self.file, self.path, self.label))


class Neighbourhoods:
    """The exposure view of a scan's graph; iterating yields one rule input per service or task set."""

    def __init__(self, graph: Graph, views: dict[int, View | None] | None = None):
        self.graph = graph
        self._views: dict[int, View | None] = {} if views is None else views  # by resource id, some built already
        self._group_users: dict[GroupKey, GroupUsers] = {}
        self.services = [v for r in graph.services if (v := self.view(r)) is not None]
        self.enis: dict[str, list[View]] = defaultdict(list)  # by their `aws:ecs:serviceName` tag
        for resource in graph.resources:
            if resource.kind == "ec2_network_interface" and (eni := self.view(resource)) and eni.data["service"]:
                self.enis[eni.data["service"]].append(eni)
        self.users: dict[GroupKey, list[tuple[View, int]]] = defaultdict(list)
        for service in self.services:
            for i, ref in enumerate(service.data["security_groups"] or []):
                key, _ = self.group(service.resource, ref)
                if key:
                    self.users[key].append((service, i))

    def group_users(self, key: GroupKey) -> GroupUsers:
        """Who uses a group and what it serves, worked out once per group (hundreds of services often
        share one group: per service, this was quadratic)."""
        if key not in self._group_users:
            served: set[tuple[int, str | None]] = set()
            served_known, candidates, per_family = True, [], Counter[str | None]()
            for other, i in self.users.get(key, []):
                data = other.data
                task = self.find(TD, other.resource, data["task_definition"], data["task_definition_literal"])
                family = task[0].data["family"] if task else family_of(other)
                if task and task[0].data["ports_complete"]:
                    containers = task[0].data["containers"]
                    served |= {(p["container_port"], p["protocol"]) for c in containers for p in c["ports"]}
                else:
                    served_known = False
                if per_family[family] < 2:  # the first of a family, and the next for when the first is the asker
                    per_family[family] += 1
                    candidates.append((other, i, family))
            self._group_users[key] = GroupUsers(candidates, served, served_known)
        return self._group_users[key]

    def view(self, resource: Resource) -> View | None:
        """The resource's view, built once."""
        key = id(resource)
        if key in self._views:
            return self._views[key]
        built: View | None
        if resource.kind == "elbv2_target_group":
            built = target_group(resource, self.graph.balancers_of(resource))
        else:
            built = view(resource)
        self._views[key] = built
        return built

    def find(self, kind: str, origin: Resource, ref: str | None, literal: bool = False) -> list[View]:
        """The views of what a reference names (see `Graph.find`)."""
        return [v for r in self.graph.find(kind, origin, ref, literal) if (v := self.view(r)) is not None]

    def group(self, origin: Resource, ref: str | None) -> tuple[GroupKey | None, list[View]]:
        """A group's identity and views (see `Graph.group`)."""
        key, found = self.graph.group(origin, ref)
        return key, [v for r in found if (v := self.view(r)) is not None]

    def build(self, assume_worst: bool) -> Iterator[Neighbourhood]:
        """One neighbourhood per service or task set."""
        for service in self.services:
            tagged = self.enis.get(service.data["service_name"] or "", [])
            builder = _Builder(self, service, [e for e in tagged if _in_cluster(e, service)])
            item = builder.build(assume_worst)
            yield Neighbourhood(service.resource, item, builder.locs, builder.members)


class GroupUsers(Struct):
    """The services using one group, in order (at most two of each task family), and the ports it serves."""

    candidates: list[tuple[View, int, str | None]]
    served: set[tuple[int, str | None]]
    served_known: bool


class Neighbourhood(Struct):
    """One service's rule input, the places its findings may cite, and the resources it quotes from
    (whose secrets must never appear in a finding)."""

    service: Resource
    input: dict[str, Any]
    locs: dict[str, Loc]
    members: list[Resource]


def _in_cluster(eni: View, service: View) -> bool:
    """The ENI's `aws:ecs:clusterName` tag names the service's cluster, or one of them is unknown."""
    cluster, arn = eni.data["cluster"], service.data["cluster"]
    return not cluster or not arn or arn == cluster or arn.endswith(f"/{cluster}")


def family_of(service: View) -> str | None:
    """The family a literal task definition reference names (ARN, `family:revision` or family)."""
    ref = service.data["task_definition"]
    if not ref or not service.data["task_definition_literal"]:
        return None
    name = ref.split("task-definition/", 1)[1] if "task-definition/" in ref else ref
    return name.split(":", 1)[0] or None


class _Builder:
    """Builds one service's neighbourhood, registering every location it mentions."""

    def __init__(self, graph: Neighbourhoods, service: View, enis: list[View]):
        self.graph, self.service, self.enis = graph, service, enis
        self.locs: dict[str, Loc] = {}
        self.members: list[Resource] = [service.resource]

    def loc(self, node: View, key: str, label: str) -> str | None:
        path = node.locs.get(key)
        if path is None:
            return None
        ident = f"L{len(self.locs) + 1}"
        self.locs[ident] = Loc(node.resource.file, path, label, id(node.resource))
        return ident

    def build(self, assume_worst: bool) -> dict[str, Any]:
        s = self.service
        task = self.task_definition()
        groups = [self.security_group(i, ref) for i, ref in enumerate(s.data["security_groups"] or [])]
        if s.data["network"] and s.data["security_groups"] is None:  # a list known only at deploy time
            groups.append(
                dict(
                    self.security_group(None, None),
                    name="unresolved security groups",
                    loc=self.loc(s, "security_groups", "security groups known only at deploy time"),
                )
            )
        seen = {g["key"] for g in groups}
        for eni in self.enis:
            for ref in eni.data["security_groups"]:
                key, _ = self.graph.group(eni.resource, ref)
                if key not in seen:
                    seen.add(key)
                    groups.append(self.security_group(None, ref, eni))
        for g in groups:
            del g["key"]
        return {
            "kind": s.resource.kind,
            "name": s.resource.name,
            "resource": s.data["resource"],
            "options": {"assume_worst": assume_worst},
            "neighbourhood": {
                "service": {"name": s.data["display"], "loc": self.loc(s, "service", f"service '{s.data['display']}'")},
                "network": s.data["network"],
                "public_ip": self.public_ip(),
                "task_definition": task,
                "ports": [dict(p, container=c["name"]) for c in task.get("containers", []) for p in c["ports"]],
                "security_groups": groups,
                "security_groups_known": s.data["security_groups"] is not None,
                "subnets": {"known": s.data["subnets"] is not None, "ids": s.data["subnets"] or []},
                "load_balancers": self.load_balancers(),
                "load_balancers_known": s.data["load_balancers"] is not None,
                "enis": [{"id": e.data["id"], "public_ip": e.data["public_ip"]} for e in self.enis],
            },
        }

    def public_ip(self) -> dict[str, Any]:
        for eni in self.enis:
            if eni.data["public_ip"]:
                return {
                    "known": True,
                    "value": True,
                    "source": f"network interface {eni.data['id']}",
                    "loc": self.loc(eni, "public_ip", f"public IP of network interface {eni.data['id']}"),
                }
        value = self.service.data["public_ip"]
        loc = self.loc(self.service, "public_ip", f"assignPublicIp: {value if isinstance(value, str) else 'unknown'}")
        if isinstance(value, str):
            return {"known": True, "value": value.upper() == "ENABLED", "source": "assignPublicIp", "loc": loc}
        return {"known": False, "value": None, "source": "assignPublicIp", "loc": loc}

    def task_definition(self) -> dict[str, Any]:
        ref = self.service.data["task_definition"]
        found = self.graph.find(TD, self.service.resource, ref, self.service.data["task_definition_literal"])
        if not found:
            return {"known": False, "ref": ref, "family": family_of(self.service), "containers": []}
        td = found[0]
        self.members.append(td.resource)
        containers = []
        for c in td.data["containers"]:
            ports = [
                dict(p, loc=self.loc(td, p["loc"], f"container '{c['name']}' maps port {p['container_port']}"))
                for p in c["ports"]
            ]
            containers.append(dict(c, ports=ports, loc=self.loc(td, c["loc"], f"container '{c['name']}'")))
        return {
            "known": True,
            "ref": ref,
            "name": _td_name(td),
            "family": td.data["family"],
            "network_mode": td.data["network_mode"],
            "containers": containers,
            "task_role": self.role(td, "task_role"),
            "execution_role": self.role(td, "execution_role"),
        }

    def role(self, td: View, link: str) -> dict[str, Any]:
        ref = td.data[link]
        found = self.graph.find("iam_role", td.resource, ref)
        if not found:
            return {"known": False, "ref": ref}
        return {"known": True, "ref": ref, **found[0].data}

    def security_group(self, index: int | None, ref: str | None, via: View | None = None) -> dict[str, Any]:
        origin = via or self.service
        key, nodes = self.graph.group(origin.resource, ref)
        name = _group_name(nodes, ref) if ref or index is None else f"unresolved group #{index + 1}"
        where = f"network interface {via.data['id']}" if via else f"service '{self.service.data['display']}'"
        loc = self.loc(self.service, f"sg{index}", f"{where} uses group '{name}'") if index is not None else None
        permissions = []
        for node in nodes:
            for p in node.data["permissions"]:
                source, source_nodes = self.graph.group(node.resource, p.get("source_ref"))
                source_name = _group_name(source_nodes, p.get("source_ref")) if source else None
                text = f"{p['direction']} rule of group '{name}' ({_rule_text(p, source_name)})"
                permissions.append(
                    dict(
                        p,
                        self=source is not None and source == key,
                        source_group=source_name,
                        loc=self.loc(node, p["loc"], text),
                        rule_loc=self.loc(node, p["rule_loc"], text),
                    )
                )
        return {
            "key": key,
            "ref": ref,
            "name": name,
            "id": key[1] if key and key[0] == "id" else None,
            "known": bool(nodes),
            "loc": loc,
            "permissions": permissions,
            **self.users_of(key),
        }

    def users_of(self, key: GroupKey | None) -> dict[str, Any]:
        """The other services using the group (one per other family) and every port the group serves."""
        users = self.graph.group_users(key) if key else GroupUsers([], set(), True)
        shared: dict[str | None, dict[str, Any]] = {}
        for other, i, family in users.candidates:
            if other is self.service or family in shared or len(shared) >= MAX_SHARED:
                continue
            name = other.data["display"]
            shared[family] = {
                "service": name,
                "family": family,
                "file": other.resource.file,
                "loc": self.loc(other, f"sg{i}", f"service '{name}' uses the same group"),
            }
        return {
            "shared_with": list(shared.values()),
            "served_known": users.served_known and key is not None,
            "served_ports": [{"container_port": p, "protocol": proto} for p, proto in sorted(users.served, key=str)],
        }

    def load_balancers(self) -> list[dict[str, Any]]:
        out = []
        for i, lb in enumerate(self.service.data["load_balancers"] or []):
            found = self.graph.find("elbv2_target_group", self.service.resource, lb["target_group"])
            tg = found[0].data if found else None
            groups: list[str] | None = None
            if tg and tg["load_balancers"] and all(b["security_groups"] is not None for b in tg["load_balancers"]):
                groups = [
                    _group_name(self.graph.group(b["resource"], ref)[1], ref)
                    for b in tg["load_balancers"]
                    for ref in b["security_groups"]
                ]
            label = f"load balancer target for container '{lb['container_name']}' port {lb['container_port']}"
            out.append(
                dict(
                    lb,
                    known=tg is not None,
                    network=bool(tg and tg["network"]),
                    security_groups={"known": groups is not None, "names": groups or []},
                    loc=self.loc(self.service, f"lb{i}", label),
                )
            )
        return out


def _td_name(td: View) -> str:
    family, revision = td.data["family"], td.data["revision"]
    return f"{family}:{revision}" if family and revision is not None else family or td.resource.name


def _group_name(nodes: list[View], ref: str | None) -> str:
    for node in nodes:
        if node.data["group_id"]:
            return node.data["group_id"]
    if nodes:
        return nodes[0].resource.name
    if ref and ref.startswith(IMPORT):  # another stack's export, not among the scanned templates
        return f"!ImportValue {ref[len(IMPORT) :]}"
    return "the VPC's default group" if ref == DEFAULT_GROUP else ref or "unknown"


def _rule_text(p: dict[str, Any], source_group: str | None) -> str:
    ports = (
        "all ports"
        if p["all_ports"]
        else (f"port {p['from_port']}" if p["from_port"] == p["to_port"] else f"ports {p['from_port']}-{p['to_port']}")
        if p["ports_known"]
        else "unknown ports"
    )
    source = p["source"] if p["source_type"] == "cidr" else source_group or p["source"] or "unknown source"
    return f"{p['protocol'] or 'unknown protocol'} {ports} from {source if p['known'] else 'an unresolved source'}"
