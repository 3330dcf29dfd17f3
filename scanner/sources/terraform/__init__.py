"""Terraform as a source: `.tf` modules (read without Terraform) and `terraform show -json` plans.

Both end in the same canonical resources, named by their Terraform address. The HCL parser is
imported only when a `.tf` file is parsed, so a scan of JSON and YAML never loads it.
"""

from __future__ import annotations

from typing import Any

from scanner.model import Resource
from scanner.sources.documents import Document
from scanner.sources.terraform.config import TfSource, is_plan


def matches(data: Any) -> bool:
    """A parsed `.tf` file, or a plan (or state) in Terraform's JSON output format."""
    return isinstance(data, TfSource) or is_plan(data)


def resources(doc: Document) -> list[Resource]:
    """The resources a `.tf` file declares (its module evaluated as a whole), or those of a plan."""
    if isinstance(doc.data, TfSource):
        from scanner.sources.terraform.source import file_resources

        return file_resources(doc)
    from scanner.sources.terraform.plan import plan_resources

    return plan_resources(doc)


def parse(text: str, display: str) -> Document:
    """A `.tf` file as a document (an `InputProblem` at the offending line for bad HCL)."""
    from pathlib import Path

    from scanner.sources.terraform.modules import parse_scanned

    parsed = parse_scanned(Path(display).resolve(), text, display)
    doc = Document(display, TfSource(parsed), text, "terraform", [], {})
    doc.notices = unread_modules(parsed, display)
    return doc


def unread_modules(parsed: Any, display: str) -> list[str]:
    """A notice for each module call of the file whose source is not a local folder (a registry, git or
    HTTP address): fgscan reads no module from outside the repository, so the resources it makes go unjudged,
    which a scan that reports nothing for it must say."""
    from scanner.sources.terraform.modules import LOCAL, MODULE_SOURCE

    notices = []
    lines = parsed.text.splitlines()
    for block in parsed.body.blocks:
        source = block.attributes.get("source") if block.type == "module" and block.labels else None
        if source is None:
            continue
        written = MODULE_SOURCE.search(lines[source.span.start_line - 1])
        # a source built with `${...}` is not judged
        if written and "$" not in written.group(1) and not written.group(1).startswith(LOCAL):
            notices.append(
                f"{display}:{source.span.start_line}: notice: module '{block.labels[0]}' is not read (source "
                f'"{written.group(1)}"): fgscan follows local module sources only, so the resources it makes '
                "are not judged"
            )
    return notices
