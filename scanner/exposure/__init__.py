"""The exposure analysis: rules marked `custom.input: neighbourhood` judge one service's neighbourhood
(`scanner.exposure.neighbourhood`) instead of one resource: what reaches its tasks, through which groups,
load balancers and public IPs, and what the tasks could do with their roles.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scanner.exposure.neighbourhood import Neighbourhood, Neighbourhoods
from scanner.exposure.views import View, views_of
from scanner.graph import DEFAULT_GROUP, Graph
from scanner.model import KIND_LABELS

__all__ = ["Neighbourhood", "View", "neighbourhoods", "unknowns_notice", "views_of"]

NAMED_UNKNOWNS = 5  # services named in the notice about unresolved links


def neighbourhoods(
    graph: Graph, assume_worst: bool, views: dict[int, View | None] | None = None
) -> Iterator[Neighbourhood]:
    """One neighbourhood per service, task set and task run of the scan, each as it is built (`views`: those
    built already, see `views_of`)."""
    return Neighbourhoods(graph, views).build(assume_worst)


def unknowns_notice(hoods: list[Neighbourhood], assume_worst: bool) -> list[str]:
    """A notice naming the services and task runs whose links could not all be resolved (none when all were)."""
    merged: dict[tuple[str, str, str], dict[str, None]] = {}  # one entry per service, not per reading of it
    for h in hoods:
        if missing := _unknown_links(h.input["neighbourhood"]):
            links = merged.setdefault((h.service.file, h.service.kind, h.service.name), {})
            links.update(dict.fromkeys(missing))
    unknowns = [
        f"{KIND_LABELS.get(kind, kind).lower()} '{name}' ({', '.join(links)})"
        for (_, kind, name), links in merged.items()
    ]
    if not unknowns:
        return []
    named = "; ".join(unknowns[:NAMED_UNKNOWNS])
    more = f"; and {len(unknowns) - NAMED_UNKNOWNS} more" if len(unknowns) > NAMED_UNKNOWNS else ""
    how = (
        "unknown groups counted as open (--assume-worst)"
        if assume_worst
        else "judged only on what is proven (--assume-worst counts unknown groups as open)"
    )
    what = "service(s)" if all(kind != "ecs_task_run" for _, kind, _ in merged) else "service(s) and task run(s)"
    return [f"exposure: notice: {len(unknowns)} {what} link to resources not in the input, {how}: {named}{more}"]


def _unknown_links(hood: dict[str, Any]) -> list[str]:
    """The links of a neighbourhood that are not in the input (none when all resolved)."""
    if not hood["network"]:
        return []
    missing = [
        f"security group {g['name']}" if g["ref"] and g["ref"] != DEFAULT_GROUP else g["name"]
        for g in hood["security_groups"]
        if not g["known"]
    ]
    task = hood["task_definition"]
    if not task["known"]:
        missing.append(f"task definition {task['ref']}" if task["ref"] else "task definition")
    if not hood["public_ip"]["known"]:
        missing.append("public IP setting")
    return missing
