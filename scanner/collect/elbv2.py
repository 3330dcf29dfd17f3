"""Elastic Load Balancing v2: the region's load balancers, target groups and listeners, as `describe-*`
returns them, so the exposure analysis can tell traffic that must pass a load balancer from traffic that
reaches tasks directly."""

from __future__ import annotations

from typing import Any

from scanner.collect.faults import Scope
from scanner.collect.inventory import RegionInventory

PAGE_SIZE = 400  # the API's maximum


def collect(client: Any, scope: Scope, inv: RegionInventory) -> None:
    """Read the region's load balancers, target groups and each balancer's listeners into `inv`."""
    inv.load_balancers += scope.pages(
        "elasticloadbalancing:DescribeLoadBalancers",
        client,
        "describe_load_balancers",
        "LoadBalancers",
        PaginationConfig={"PageSize": PAGE_SIZE},
    )
    scope.finish("elbv2_load_balancer")
    inv.target_groups += scope.pages(
        "elasticloadbalancing:DescribeTargetGroups",
        client,
        "describe_target_groups",
        "TargetGroups",
        PaginationConfig={"PageSize": PAGE_SIZE},
    )
    scope.finish("elbv2_target_group")
    for balancer in inv.load_balancers:
        arn = balancer.get("LoadBalancerArn")
        if isinstance(arn, str):
            inv.listeners += scope.pages(
                "elasticloadbalancing:DescribeListeners",
                client,
                "describe_listeners",
                "Listeners",
                target=arn,
                LoadBalancerArn=arn,
            )
    scope.finish("elbv2_listener")
