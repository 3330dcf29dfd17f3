"""`.tf` files: the resources one file declares, evaluated with the rest of its module tree.

Locations are Terraform addresses followed by the path in the resource's values, so
`("aws_ecs_task_definition.web", "container_definitions", 0, "privileged")` is the `privileged = true`
line inside `jsonencode([...])`. A `# fgscan:ignore RULE reason` comment on or just above a resource,
or on any of its lines, becomes one of its skips.
"""

from __future__ import annotations

from pathlib import Path as FsPath

from scanner.model import Path, Resource, Skip, Span
from scanner.sources.discovery import display_path
from scanner.sources.documents import Document
from scanner.sources.terraform.mapping import SUPPORTED, Item, build
from scanner.sources.terraform.modules import Instance, root_instances, root_of
from scanner.sources.terraform.resolve import plain


def file_resources(doc: Document) -> list[Resource]:
    """The resources declared in the document's file."""
    real = FsPath(doc.path).resolve()
    instances = [i for i in root_instances(root_of(real.parent)) if i.type in SUPPORTED]
    items = [item(i, doc.path if i.real == real else display_path(i.real)) for i in instances]
    spans = doc._spans if doc._spans is not None else {}
    for instance in instances:
        if instance.real == real:
            spans.update(located(instance))
    doc._spans = spans
    return [r for r in build(items) if r.file == doc.path]


def item(instance: Instance, shown: str) -> Item:
    """An instance ready to map, located under its address."""
    return Item(
        instance.address, instance.type, plain(instance.values), shown, (instance.address,), skips(instance, shown)
    )


def located(instance: Instance) -> dict[Path, Span]:
    """The spans of an instance's block and values, keyed by address and value path."""
    spans: dict[Path, Span] = {(instance.address,): instance.block.span}
    spans.update({(instance.address, *path): span for path, span in instance.spans.items()})
    return spans


def skips(instance: Instance, shown: str) -> list[Skip]:
    """`# fgscan:ignore RULE reason` comments inside the block or in the comment lines right above it."""
    ignores = instance.file.ignores
    if not ignores:
        return []
    span = instance.block.span
    lines = instance.file.text.splitlines()
    first = span.start_line
    while first > 1 and lines[first - 2].lstrip().startswith(("#", "//")):
        first -= 1
    return [
        Skip(rule, reason, f"{shown}:{line}")
        for line, (rule, reason) in sorted(ignores.items())
        if first <= line <= span.end_line
    ]
