"""EC2: the region's security groups and network interfaces, as `describe-*` returns them."""

from __future__ import annotations

from typing import Any

from scanner.collect.faults import Scope
from scanner.collect.inventory import RegionInventory

PAGE_SIZE = 1000


def collect(client: Any, scope: Scope, inv: RegionInventory) -> None:
    """Read the region's security groups and network interfaces into `inv`."""
    inv.security_groups += scope.pages(
        "ec2:DescribeSecurityGroups",
        client,
        "describe_security_groups",
        "SecurityGroups",
        PaginationConfig={"PageSize": PAGE_SIZE},
    )
    scope.finish("ec2_security_group")
    inv.network_interfaces += scope.pages(
        "ec2:DescribeNetworkInterfaces",
        client,
        "describe_network_interfaces",
        "NetworkInterfaces",
        PaginationConfig={"PageSize": PAGE_SIZE},
    )
    scope.finish("ec2_network_interface")
