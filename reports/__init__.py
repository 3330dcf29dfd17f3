"""Report writers: one module per output format, each with `write(result, stream)`."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TextIO

from scanner.model import ScanResult

Writer = Callable[[ScanResult, TextIO], None]


# format name -> the module (in this package) whose `write` produces it
MODULES = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "junit": "junit",
    "markdown": "markdown",
    "github": "github",
    "asff": "asff",
    "ocsf": "ocsf",
    "html": "html",
}
FORMATS = tuple(MODULES)


def writer(fmt: str) -> Writer:
    """The writer for a format name (imported on demand to keep start-up fast)."""
    if fmt not in MODULES:
        raise ValueError(f"unknown format {fmt!r}")
    return importlib.import_module(f"reports.{MODULES[fmt]}").write
