"""`aws ecs create-service` / `update-service --cli-input-json` files (ecspresso's service definitions,
CodeDeploy samples) read as one ECS service in the shape `describe-services` gives.

Recognised by content, conservatively, since such a file has no wrapper or type to go by: an object whose
every key is a member of the create-service or update-service request (or of the service they describe),
case aside, and at least one of them a member only a service has, not a run-task, start-task or
create-task-set request (`desiredCount`, `schedulingStrategy`, `serviceName`, `deploymentConfiguration`,
...). Keys map onto the API's members as CloudFormation properties do; a service named nowhere in the
file is named after the file.
"""

from __future__ import annotations

from functools import cache
from pathlib import PurePosixPath
from typing import Any

from scanner.model import Resource
from scanner.sources.api_shapes import shapes
from scanner.sources.cloudformation import ShapeConverter
from scanner.sources.documents import Document
from scanner.sources.task_definition import text_or_none

SERVICE_SHAPES = ("ecs.CreateServiceRequest", "ecs.UpdateServiceRequest", "ecs.Service")
OTHER_REQUESTS = ("ecs.RunTaskRequest", "ecs.StartTaskRequest", "ecs.CreateTaskSetRequest")


def _members(refs: tuple[str, ...]) -> set[str]:
    return {member.lower() for ref in refs for member in shapes()[ref]["s"]}


@cache
def _keys() -> tuple[frozenset[str], frozenset[str]]:
    """Every key a service file may hold, and those that only a service's hold (lower case)."""
    allowed = _members(SERVICE_SHAPES)
    return frozenset(allowed), frozenset(allowed - _members(OTHER_REQUESTS))


def matches(data: Any) -> bool:
    """An object of service request members only, one of them a service's own."""
    if not isinstance(data, dict) or not data or not all(isinstance(k, str) for k in data):
        return False
    allowed, own = _keys()
    keys = {k.lower() for k in data}
    return keys <= allowed and bool(keys & own)


def resources(doc: Document) -> list[Resource]:
    """The one service the file describes."""
    converter = ShapeConverter(())
    data = converter.convert(doc.data, "ecs.Service", (), ())
    service = next((k for k in data if k.lower() == "service"), None)  # update-service names it `service`
    if service is not None and "serviceName" not in data and "serviceArn" not in data:
        value = data.pop(service)
        member = "serviceArn" if isinstance(value, str) and value.startswith("arn:") else "serviceName"
        data[member] = value
        converter.origin[(member,)] = converter.origin.pop((service,))
    name = text_or_none(data.get("serviceName")) or PurePosixPath(doc.path).name.split(".")[0] or "service-1"
    return [
        Resource("ecs_service", name, data, doc.path, (), converter.origin, arn=text_or_none(data.get("serviceArn")))
    ]
