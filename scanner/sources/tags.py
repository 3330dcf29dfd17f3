"""Live suppressions: a resource tag `fgscan:skip` names the rules (ids or names, comma-separated) not to
report on that resource, and `fgscan:skip-reason` says why. Read from the tags in the canonical data
(`tags` for ECS, `Tags` for IAM and security groups, `TagSet` for network interfaces), so a live audit and
a re-scan of its snapshot (or a template carrying the same tags) suppress the same findings."""

from __future__ import annotations

from typing import Any

from scanner.model import Resource, Skip
from scanner.sources.documents import Document

SKIP_TAG = "fgscan:skip"
REASON_TAG = "fgscan:skip-reason"
DEFAULT_REASON = "resource tag fgscan:skip"
TAG_LISTS = (("tags", "key", "value"), ("Tags", "Key", "Value"), ("TagSet", "Key", "Value"))


def tags(data: dict[str, Any]) -> dict[str, tuple[str, tuple]]:
    """Tag key -> (value, path of the tag in `data`) for string-valued tags."""
    found: dict[str, tuple[str, tuple]] = {}
    for field, key_name, value_name in TAG_LISTS:
        items = data.get(field)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and isinstance(item.get(key_name), str) and isinstance(item.get(value_name), str):
                found[item[key_name]] = (item[value_name], (field, i))
    return found


def tag_skips(resource: Resource, doc: Document) -> list[Skip]:
    """One skip per rule named in the resource's `fgscan:skip` tag."""
    found = tags(resource.data)
    if SKIP_TAG not in found:
        return []
    value, path = found[SKIP_TAG]
    reason = found.get(REASON_TAG, (DEFAULT_REASON, ()))[0].strip() or DEFAULT_REASON
    where = f"{doc.path}:{_line(resource, path, doc)}" if _line(resource, path, doc) else doc.path
    return [Skip(rule.strip(), reason, where) for rule in value.split(",") if rule.strip()]


def _line(resource: Resource, path: tuple, doc: Document) -> int | None:
    """The tag's line."""
    span, exact = doc.span(resource.source_path(path))
    return span.start_line if span is not None and exact else None
