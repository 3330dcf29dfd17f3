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
    cluster_arns = scope.pages("ecs:ListClusters", client, "list_clusters", "clusterArns")
    for batch in batches(cluster_arns, CLUSTER_BATCH):
        found = scope.call("ecs:DescribeClusters", client.describe_clusters, clusters=batch, include=INCLUDE_CLUSTER)
        inv.clusters += (found or {}).get("clusters", [])
    scope.finish("ecs_cluster")
    with ThreadPoolExecutor(max(1, workers)) as pool:
        for services, task_sets in pool.map(lambda cluster: _services(client, scope, cluster), cluster_arns):
            inv.services += services
            inv.task_sets += task_sets
        scope.finish("ecs_service")
        scope.finish("ecs_task_set")
        used = {arn for item in inv.services + inv.task_sets for arn in task_definitions_of(item)}
        active = scope.pages(
            "ecs:ListTaskDefinitions", client, "list_task_definitions", "taskDefinitionArns", status="ACTIVE"
        )
        wanted = sorted(used | set(active if all_revisions else latest_revisions(active)))
        described = pool.map(lambda arn: _task_definition(client, scope, arn), wanted)
        inv.task_definitions += [d for d in described if d]
    scope.finish("ecs_task_definition")


def _services(client: Any, scope: Scope, cluster: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The cluster's services (without their events) and task sets."""
    services: list[dict[str, Any]] = []
    task_sets: list[dict[str, Any]] = []
    name = cluster.rsplit("/", 1)[-1]
    arns = scope.pages(
        "ecs:ListServices", client, "list_services", "serviceArns", target=f"cluster {name}", cluster=cluster
    )
    for batch in batches(arns, SERVICE_BATCH):
        found = scope.call(
            "ecs:DescribeServices",
            client.describe_services,
            target=f"cluster {name}",
            cluster=cluster,
            services=batch,
            include=["TAGS"],
        )
        for service in (found or {}).get("services", []):
            for key in VOLATILE_SERVICE_KEYS:
                service.pop(key, None)
            services.append(service)
            if service.get("taskSets"):
                sets = scope.call(
                    "ecs:DescribeTaskSets",
                    client.describe_task_sets,
                    target=f"service {service.get('serviceName')}",
                    cluster=cluster,
                    service=service["serviceArn"],
                    include=["TAGS"],
                )
                task_sets += (sets or {}).get("taskSets", [])
    return services, task_sets


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
    found = scope.call(
        "ecs:DescribeTaskDefinition",
        client.describe_task_definition,
        target=arn.rsplit("/", 1)[-1],
        taskDefinition=arn,
        include=["TAGS"],
    )
    if not found or "taskDefinition" not in found:
        return None
    return {"taskDefinition": found["taskDefinition"], "tags": found.get("tags") or []}
