"""Report writers: one module per output format, each with `write(result, stream)`."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from typing import TextIO

import orjson

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


def dump_json(value: object, stream: TextIO) -> None:
    """`value` as JSON indented by two spaces, exactly as `json.dump(value, stream, indent=2)` writes it:
    orjson writes it in a fraction of the time; where its text would differ (non-ASCII characters, which
    the standard library escapes, or values orjson refuses) the standard library writes it."""
    try:
        raw = orjson.dumps(value, option=orjson.OPT_INDENT_2)
    except TypeError:  # orjson's JSONEncodeError: a lone surrogate, an integer past 64 bits
        raw = b""
    if raw and raw.isascii():
        stream.write(raw.decode("ascii"))
    else:
        json.dump(value, stream, indent=2)


def writer(fmt: str) -> Writer:
    """The writer for a format name (imported on demand to keep start-up fast)."""
    if fmt not in MODULES:
        raise ValueError(f"unknown format {fmt!r}")
    return importlib.import_module(f"reports.{MODULES[fmt]}").write
