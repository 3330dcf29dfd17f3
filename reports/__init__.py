"""Report writers: one module per output format, each with `write(result, stream)`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from scanner.model import ScanResult

Writer = Callable[[ScanResult, TextIO], None]


def writer(fmt: str) -> Writer:
    """The writer for a format name (imported on demand to keep start-up fast)."""
    if fmt == "text":
        from reports.text import write
    elif fmt == "json":
        from reports.json_report import write
    elif fmt == "sarif":
        from reports.sarif import write
    elif fmt == "junit":
        from reports.junit import write
    elif fmt == "markdown":
        from reports.markdown import write
    elif fmt == "github":
        from reports.github import write
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return write


FORMATS = ("text", "json", "sarif", "junit", "markdown", "github")
