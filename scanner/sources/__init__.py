"""Sources: one module per input format, each turning a parsed document into canonical resources."""

from __future__ import annotations

import math
from types import ModuleType
from typing import Any

from scanner.model import Path, Resource
from scanner.sources import aws_cli, cloudformation, service_request, task_definition, task_requests, terraform
from scanner.sources.documents import Document
from scanner.sources.links import links_for
from scanner.sources.tags import tag_skips

SOURCES = (terraform, cloudformation, task_definition, aws_cli, service_request, task_requests)
# What an API response can be: a recording holds the API's output, never a template or a request.
API_SOURCES = (task_definition, aws_cli)


def recognise(doc: Document) -> list[Resource] | None:
    """The resources in `doc`, or None when it is not an input fgscan knows (ignored quietly)."""
    sources: tuple[ModuleType, ...] = SOURCES
    root: Path = ()
    inner = doc
    if _is_recording(doc.data):
        # Sources read `data` and `path` only; the inner document has no text, so nothing can be located in it
        # by mistake: every path is moved under `data` below and located in the whole file.
        sources, inner, root = API_SOURCES, Document(doc.path, doc.data["data"], "", "api-response"), ("data",)
    for source in sources:
        if source.matches(inner.data):
            found = source.resources(inner)
            for resource in found:
                _move_under(resource, root)
                resource.data = canonical(resource.data)
                resource.links = {**resource.links, **links_for(resource.kind, resource.data)}  # a source's own first
                resource.skips.extend(tag_skips(resource, doc))
            return found
    return None


def _is_recording(data: Any) -> bool:
    """A botocore/placebo recording of one API call, `{"status_code": 200, "data": <the response>}` (Cloud
    Custodian's test data, `placebo` sessions): the response is what `aws ... --output json` prints."""
    return (
        isinstance(data, dict)
        and data.keys() == {"status_code", "data"}
        and isinstance(data["status_code"], int)
        and isinstance(data["data"], dict)
    )


def _move_under(resource: Resource, root: Path) -> None:
    """Locate a resource read from the value at `root` in the whole document."""
    if root:
        resource.source_root = root + resource.source_root
        resource.origin = {path: root + source for path, source in resource.origin.items()}


def canonical(value: Any) -> Any:
    """`value` as rules see it. Every `null` member is left out: `describe-task-definition` writes `"user": null`
    for an unset field, and a rule must see it as unset, not as a value. A number JSON cannot hold (`1e999` in
    YAML, `Infinity` or `NaN` in JSON) becomes its text (`inf`, `nan`), as YAML's `.inf` stays text: every
    engine reads it, and rule inputs need no search for such numbers on their way to JSON
    (`scanner.engine.json_text`). List items keep their positions."""
    if isinstance(value, dict):
        return {k: canonical(v) if isinstance(v, (dict, list, float)) else v for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [canonical(v) if isinstance(v, (dict, list, float)) else v for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value
