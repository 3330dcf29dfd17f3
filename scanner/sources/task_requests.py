"""Requests that start tasks, read as what they start, in the request's shape: `aws ecs run-task
--cli-input-json` files as one task run (`ecs_task_run`), `aws ecs create-task-set --cli-input-json` files (an
external deployment's blue/green step) as one task set (`ecs_task_set`).

Recognised by content, conservatively, as `service_request` recognises a service: an object whose every key
is a member of the request, case aside, naming the task definition (`taskDefinition`, which both require). A
create-task-set request also holds a key a run-task request cannot (`scale`, `loadBalancers`, `service`,
...), so a file that could be either is a task run. A task definition, a service or API output has other keys,
so none is taken for one. What the request does not name is named after the file.
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

RUN_TASK, CREATE_TASK_SET = "ecs.RunTaskRequest", "ecs.CreateTaskSetRequest"
ARNS = {"service": "serviceArn", "cluster": "clusterArn"}  # a task set as describe-task-sets shows it


@cache
def _members(shape: str) -> frozenset[str]:
    return frozenset(member.lower() for member in shapes()[shape]["s"])


def _shape(data: Any) -> str | None:
    """The request `data` is: RunTask, CreateTaskSet, or None."""
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        return None
    keys = {k.lower() for k in data}
    if "taskdefinition" not in keys:
        return None
    if keys <= _members(RUN_TASK):
        return RUN_TASK
    return CREATE_TASK_SET if keys <= _members(CREATE_TASK_SET) else None


def matches(data: Any) -> bool:
    """A run-task or create-task-set request."""
    return _shape(data) is not None


def resources(doc: Document) -> list[Resource]:
    """The one task run or task set the request starts."""
    shape = _shape(doc.data)
    converter = ShapeConverter(())
    data = converter.convert(doc.data, shape or RUN_TASK, (), ())
    named = PurePosixPath(doc.path).name.split(".")[0]
    if shape == RUN_TASK:
        return [Resource("ecs_task_run", named or "run-task", data, doc.path, (), converter.origin)]
    for member, arn in ARNS.items():
        if member in data and arn not in data:
            data[arn] = data.pop(member)
            converter.origin[(arn,)] = converter.origin.pop((member,), (member,))
    name = text_or_none(data.get("externalId")) or named or "task-set"
    return [Resource("ecs_task_set", name, data, doc.path, (), converter.origin)]
