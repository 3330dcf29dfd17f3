"""`aws ecs run-task --cli-input-json` files read as one task run (`ecs_task_run`), in the request's shape.

Recognised by content, conservatively, as `service_request` recognises a service: an object whose every key
is a member of the RunTask request, case aside, naming the task definition to run (`taskDefinition`, which
RunTask requires). A task definition, a service or API output has other keys, so none is taken for one. The
run is named after the file, the request having no name of its own.
"""

from __future__ import annotations

from functools import cache
from pathlib import PurePosixPath
from typing import Any

from scanner.model import Resource
from scanner.sources.api_shapes import shapes
from scanner.sources.cloudformation import ShapeConverter
from scanner.sources.documents import Document

SHAPE = "ecs.RunTaskRequest"


@cache
def _members() -> frozenset[str]:
    return frozenset(member.lower() for member in shapes()[SHAPE]["s"])


def matches(data: Any) -> bool:
    """An object of RunTask request members only, `taskDefinition` among them."""
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        return False
    keys = {k.lower() for k in data}
    return "taskdefinition" in keys and keys <= _members()


def resources(doc: Document) -> list[Resource]:
    """The one task run the request starts."""
    converter = ShapeConverter(())
    data = converter.convert(doc.data, SHAPE, (), ())
    name = PurePosixPath(doc.path).name.split(".")[0] or "run-task"
    return [Resource("ecs_task_run", name, data, doc.path, (), converter.origin)]
