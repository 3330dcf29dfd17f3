"""What recognises Terraform inputs, kept free of the parser so importing it costs nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from msgspec import Struct

# Folders holding the `.tf` files of plans scanned in this run (`--terraform-source`); by default a
# plan's findings are placed in the `.tf` files beside it.
SOURCE_DIRS: list[Path] = []


class TfSource(Struct):
    """The data of a `.tf` file's document: its parse (`scanner.sources.terraform.hcl.HclFile`)."""

    parsed: Any


def is_plan(data: Any) -> bool:
    """`terraform show -json` output: a plan (`planned_values`) or a state (`values`)."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("format_version"), str)
        and (
            "planned_values" in data or "resource_changes" in data or ("values" in data and "terraform_version" in data)
        )
    )
