"""ECS: clusters with their settings, services, task sets and the task definitions worth evaluating.

Paginators for every list call, describes in the largest batches ECS allows (clusters by 100, services
by 10), and each task definition described once however many services share it.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from scanner.collect.faults import Scope, batches
from scanner.collect.inventory import RegionInventory

CLUSTER_BATCH = 100
SERVICE_BATCH = 10
INCLUDE_CLUSTER = ["SETTINGS", "CONFIGURATIONS", "TAGS"]
# Changes on every deployment and says nothing about configuration.
VOLATILE_SERVICE_KEYS = ("events",)


def collect(client: Any, scope: Scope, inv: RegionInventory, all_revisions: bool, workers: int) -> None:
    """Read the region's ECS resources into `inv`."""
    used: set[str] = set()
    cluster_arns = scope.pages("ecs:ListClusters", client, "list_clusters", "clusterArns")
    for batch in batches(cluster_arns, CLUSTER_BATCH):
        found = scope.call("ecs:DescribeClusters", client.describe_clusters, clusters=batch, include=INCLUDE_CLUSTER)
        inv.clusters += (found or {}).get("clusters", [])
    for cluster in cluster_arns:
        _services(client, scope, inv, cluster, used)
    active = scope.pages("ecs:ListTaskDefinitions", client, "list_task_definitions", "taskDefinitionArns",
                         status="ACTIVE")
    wanted = sorted(used | set(active if all_revisions else latest_revisions(active)))
    with ThreadPoolExecutor(max(1, workers)) as pool:
        described = pool.map(lambda arn: _task_definition(client, scope, arn), wanted)
        inv.task_definitions += [d for d in described if d]


def _services(client: Any, scope: Scope, inv: RegionInventory, cluster: str, used: set[str]) -> None:
    name = cluster.rsplit("/", 1)[-1]
    arns = scope.pages("ecs:ListServices", client, "list_services", "serviceArns", target=f"cluster {name}",
                       cluster=cluster)
    for batch in batches(arns, SERVICE_BATCH):
        found = scope.call("ecs:DescribeServices", client.describe_services, target=f"cluster {name}",
                           cluster=cluster, services=batch, include=["TAGS"])
        for service in (found or {}).get("services", []):
            for key in VOLATILE_SERVICE_KEYS:
                service.pop(key, None)
            inv.services.append(service)
            used.update(task_definitions_of(service))
            if service.get("taskSets"):
                sets = scope.call("ecs:DescribeTaskSets", client.describe_task_sets,
                                  target=f"service {service.get('serviceName')}", cluster=cluster,
                                  service=service["serviceArn"], include=["TAGS"])
                for task_set in (sets or {}).get("taskSets", []):
                    inv.task_sets.append(task_set)
                    used.update(task_definitions_of(task_set))


def task_definitions_of(item: dict[str, Any]) -> set[str]:
    """The task definitions a service or task set runs, in its deployments and task sets too."""
    found = {item.get("taskDefinition")}
    for nested in (item.get("deployments") or []) + (item.get("taskSets") or []):
        found.add(nested.get("taskDefinition"))
    return {arn for arn in found if isinstance(arn, str) and arn}


def latest_revisions(arns: list[str]) -> list[str]:
    """The highest revision of each family among task definition ARNs (`...:task-definition/FAMILY:REV`)."""
    latest: dict[str, tuple[int, str]] = {}
    for arn in arns:
        family, _, revision = arn.rsplit("/", 1)[-1].rpartition(":")
        if revision.isdigit() and (family not in latest or int(revision) > latest[family][0]):
            latest[family] = (int(revision), arn)
    return [arn for _, arn in latest.values()]


def _task_definition(client: Any, scope: Scope, arn: str) -> dict[str, Any] | None:
    found = scope.call("ecs:DescribeTaskDefinition", client.describe_task_definition,
                       target=arn.rsplit("/", 1)[-1], taskDefinition=arn, include=["TAGS"])
    if not found or "taskDefinition" not in found:
        return None
    return {"taskDefinition": found["taskDefinition"], "tags": found.get("tags") or []}
