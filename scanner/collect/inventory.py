"""The collected inventory and its snapshot: one deterministic, pretty JSON file per resource at
`ACCOUNT/REGION/KIND/NAME.json`, in the describe-output shape `fgscan scan` recognises (task definitions
as `{"taskDefinition": ..., "tags": ...}`, everything else as the bare object). IAM is global: region
`global`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from msgspec import Struct, field

MARKER = "fgscan-inventory.json"
GLOBAL = "global"
UNSAFE = re.compile(r"[^A-Za-z0-9._@+=,-]")


class SnapshotError(Exception):
    """The snapshot folder cannot be used."""


class RegionInventory(Struct):
    """What was read in one account and region (IAM roles under region `global`)."""

    account: str
    region: str
    clusters: list[dict[str, Any]] = field(default_factory=list)
    services: list[dict[str, Any]] = field(default_factory=list)
    task_sets: list[dict[str, Any]] = field(default_factory=list)
    task_definitions: list[dict[str, Any]] = field(default_factory=list)
    security_groups: list[dict[str, Any]] = field(default_factory=list)
    network_interfaces: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    load_balancers: list[dict[str, Any]] = field(default_factory=list)
    target_groups: list[dict[str, Any]] = field(default_factory=list)
    listeners: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Resources by kind, for progress lines."""
        return {kind: n for kind, n in _counter(self).items() if n}

    def entries(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """`(kind, file name without .json, data)` for every resource."""
        for item in self.clusters:
            yield "ecs_cluster", item.get("clusterName", ""), item
        for item in self.services:
            yield "ecs_service", f"{_last(item.get('clusterArn'))}.{item.get('serviceName', '')}", item
        for item in self.task_sets:
            service = _last(item.get("serviceArn"))
            yield "ecs_task_set", f"{_last(item.get('clusterArn'))}.{service}.{item.get('id', '')}", item
        for item in self.task_definitions:
            body = item["taskDefinition"]
            yield "ecs_task_definition", f"{body.get('family', '')}.{body.get('revision', '')}", item
        for item in self.security_groups:
            yield "ec2_security_group", item.get("GroupId", ""), item
        for item in self.network_interfaces:
            yield "ec2_network_interface", item.get("NetworkInterfaceId", ""), item
        for item in self.roles:
            yield "iam_role", item.get("RoleName", ""), item
        for item in self.load_balancers:
            yield "elbv2_load_balancer", item.get("LoadBalancerName", ""), item
        for item in self.target_groups:
            yield "elbv2_target_group", item.get("TargetGroupName", ""), item
        for item in self.listeners:
            yield "elbv2_listener", _last(item.get("ListenerArn")), item


def _counter(inv: RegionInventory) -> dict[str, int]:
    return {
        "clusters": len(inv.clusters),
        "services": len(inv.services),
        "task sets": len(inv.task_sets),
        "task definitions": len(inv.task_definitions),
        "security groups": len(inv.security_groups),
        "network interfaces": len(inv.network_interfaces),
        "roles": len(inv.roles),
        "load balancers": len(inv.load_balancers),
        "target groups": len(inv.target_groups),
        "listeners": len(inv.listeners),
    }


def _last(arn: Any) -> str:
    return arn.rsplit("/", 1)[-1] if isinstance(arn, str) else ""


def dumps(data: Any) -> str:
    """Deterministic pretty JSON: sorted keys, two-space indent, ISO 8601 times."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=_plain) + "\n"


def _plain(value: Any) -> str:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to a snapshot")


def prepare(root: Path) -> None:
    """Make `root` ready: created when missing, old snapshot files removed when it holds a previous
    snapshot; a folder with anything else in it is refused."""
    if root.exists() and not root.is_dir():
        raise SnapshotError(f"{root}: not a folder")
    if root.is_dir() and any(root.iterdir()):
        if not (root / MARKER).is_file():
            raise SnapshotError(f"{root}: folder is not empty and holds no fgscan inventory; choose an empty folder")
        for old in root.glob("*/*/*/*.json"):
            old.unlink()
    root.mkdir(parents=True, exist_ok=True)


def write(root: Path, inventories: list[RegionInventory]) -> int:
    """Write every resource under `root` (see `prepare`); returns the number of files written."""
    written = 0
    for inv in sorted(inventories, key=lambda i: (i.account, i.region)):
        for kind, name, data in inv.entries():
            folder = root / inv.account / inv.region / kind
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{UNSAFE.sub('_', name) or 'unnamed'}.json").write_text(dumps(data), encoding="utf-8")
            written += 1
    scope: dict[str, list[str]] = {}
    for inv in inventories:
        scope.setdefault(inv.account, []).append(inv.region)
    marker = {"fgscan_inventory": 1, "accounts": {a: sorted(set(r)) for a, r in sorted(scope.items())}}
    (root / MARKER).write_text(dumps(marker), encoding="utf-8")
    return written
