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
from scanner.sources.terraform.hcl import HclFile
from scanner.sources.terraform.mapping import SUPPORTED, Item, build
from scanner.sources.terraform.modules import Instance, root_instances, root_of
from scanner.sources.terraform.resolve import plain, within


def file_resources(doc: Document) -> list[Resource]:
    """The resources declared in the document's file; the first file of a root module also reports the
    instances of modules it calls from outside its folder (`source = "../../"`), which no file of the
    root's own folder declares."""
    real = FsPath(doc.path).resolve()
    root = root_of(real.parent)
    instances = [i for i in root_instances(root) if i.type in SUPPORTED]
    if root != real.parent and not any(i.real == real for i in instances) and _declares(doc.data.parsed):
        # a module its caller does not instantiate (count = 0, an empty for_each): scanned on its own, with its defaults
        root = real.parent
        instances = [i for i in root_instances(root) if i.type in SUPPORTED]
    first = real == min(root.glob("*.tf"), default=real).resolve()
    mine = {i.address for i in instances if i.real == real or (first and not within(i.real, root))}
    items = [item(i, doc.path if i.real == real else display_path(i.real)) for i in instances]
    spans = doc._spans if doc._spans is not None else {}
    for instance in instances:
        if instance.real == real:
            spans.update(located(instance))
        elif instance.address in mine:
            spans.update(head_lines(located(instance), instance.file.text))
    doc._spans = spans
    outside = [(i.address, plain(i.values)) for i in root_instances(root) if i.type not in SUPPORTED and _managed(i)]
    return [r for r in build(items, display_path(root), outside) if r.name in mine]


def head_lines(spans: dict[Path, Span], text: str) -> dict[Path, Span]:
    """Spans over several lines cut to their first: they are shown against another file's lines than the
    document's own text, which the pipeline would measure a multi-line fallback against."""
    lines = text.splitlines()
    return {
        path: span
        if span.end_line == span.start_line
        else Span(span.start_line, span.start_col, span.start_line, len(lines[span.start_line - 1]) + 1)
        for path, span in spans.items()
    }


def _managed(instance: Instance) -> bool:
    """A `resource` block (a data source reads a group, it is not attached to it)."""
    return instance.block.type == "resource"


def _declares(parsed: HclFile) -> bool:
    return any(b.type == "resource" and b.labels[:1] and b.labels[0] in SUPPORTED for b in parsed.body.blocks)


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
