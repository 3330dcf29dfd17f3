"""Sources: one module per input format, each turning a parsed document into canonical resources."""

from __future__ import annotations

from typing import Any

from scanner.model import Resource
from scanner.sources import aws_cli, cloudformation, service_request, task_definition, terraform
from scanner.sources.documents import Document
from scanner.sources.links import links_for
from scanner.sources.tags import tag_skips

SOURCES = (terraform, cloudformation, task_definition, aws_cli, service_request)


def recognise(doc: Document) -> list[Resource] | None:
    """The resources in `doc`, or None when it is not an input fgscan knows (ignored quietly)."""
    for source in SOURCES:
        if source.matches(doc.data):
            found = source.resources(doc)
            for resource in found:
                resource.data = without_nulls(resource.data)
                resource.links = {**resource.links, **links_for(resource.kind, resource.data)}  # a source's own first
                resource.skips.extend(tag_skips(resource, doc))
            return found
    return None


def without_nulls(value: Any) -> Any:
    """`value` with every `null` member left out: `describe-task-definition` writes `"user": null` for an
    unset field, and a rule must see it as unset, not as a value. List items keep their positions."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value
