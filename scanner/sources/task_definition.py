"""ECS task-definition JSON: the `register-task-definition --cli-input-json` form, the
`describe-task-definition` output form, an array of either, and bare container definitions (Terraform's
`container_definitions` files, `register-task-definition --container-definitions file://...`), read as the
containers of a task named after the file.

A bare array of objects with `name` and `image` is container definitions. A single such object has less to
go by (a Kubernetes container has `name` and `image` too), so every other key of it must be a member of
the API's container definition, in any case: Terraform's provider reads `entrypoint` as `entryPoint`."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from scanner.model import Resource
from scanner.sources.api_shapes import shapes
from scanner.sources.documents import Document


def _is_task_definition(item: Any) -> bool:
    if not isinstance(item, dict):
        return False
    if isinstance(item.get("taskDefinition"), dict):
        return "containerDefinitions" in item["taskDefinition"]
    return "containerDefinitions" in item


def _is_container_definition(item: Any) -> bool:
    return isinstance(item, dict) and "name" in item and "image" in item and "containerDefinitions" not in item


def _is_bare_container(data: Any) -> bool:
    """One container definition on its own: `name`, `image` and container definition members only."""
    if not _is_container_definition(data):
        return False
    members = {m.lower() for m in shapes()["ecs.ContainerDefinition"]["s"]}
    return all(isinstance(key, str) and key.lower() in members for key in data)


def _containers(data: Any) -> list | None:
    """The container definitions when `data` is nothing else: a non-empty array of them, or one alone."""
    if isinstance(data, list) and data and all(_is_container_definition(item) for item in data):
        return data
    return [data] if _is_bare_container(data) else None


def matches(data: Any) -> bool:
    """A task definition, a describe-output wrapper, a non-empty list of those, or container definitions."""
    if isinstance(data, list) and data and all(_is_task_definition(item) for item in data):
        return True
    return _is_task_definition(data) or _containers(data) is not None


def resources(doc: Document) -> list[Resource]:
    """One resource per task definition in the document."""
    containers = _containers(doc.data)
    if containers is not None:
        family = PurePosixPath(doc.path).name.split(".")[0] or "task-definition-1"
        body = {"family": family, "containerDefinitions": containers}
        origin: dict = {("containerDefinitions",): ()}
        if containers is not doc.data:  # the one object alone is item 0
            origin[("containerDefinitions", 0)] = ()
        return [Resource("ecs_task_definition", family, body, doc.path, (), origin)]
    items = doc.data if isinstance(doc.data, list) else [doc.data]
    out = []
    for index, item in enumerate(items):
        root: tuple = (index,) if isinstance(doc.data, list) else ()
        body, tags = item, {}
        if isinstance(item.get("taskDefinition"), dict):
            body = dict(item["taskDefinition"])
            if isinstance(item.get("tags"), list) and "tags" not in body:
                body["tags"], tags = item["tags"], {("tags",): (*root, "tags")}  # beside, not inside
            root += ("taskDefinition",)
        out.append(
            Resource(
                "ecs_task_definition",
                task_definition_name(body, index),
                body,
                doc.path,
                root,
                tags,
                arn=text_or_none(body.get("taskDefinitionArn")),
            )
        )
    return out


def task_definition_name(body: dict[str, Any], index: int = 0) -> str:
    """`family:revision` when both are known, the family alone, or a positional name."""
    family = body.get("family")
    if not isinstance(family, str) or not family:
        return f"task-definition-{index + 1}"
    revision = body.get("revision")
    return f"{family}:{revision}" if isinstance(revision, int) else family


def text_or_none(value: Any) -> str | None:
    """An ARN or name as the reports need it: text, or nothing (`"taskDefinitionArn": 123` is not an ARN)."""
    return value if isinstance(value, str) and value else None
