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

    return Document(display, TfSource(parse_scanned(Path(display).resolve(), text, display)), text, "terraform", [], {})
