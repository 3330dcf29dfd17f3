"""Shared fixtures: the repository paths, the SARIF schema, and running the real `fgscan` CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SARIF_SCHEMA = ROOT / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"  # see its NOTICE.md


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The tests' own cache folder (rule metadata, the HCL parser), so that they neither use nor fill the
    user's: a test's temporary rules would otherwise stay listed in it."""
    os.environ["FGSCAN_CACHE_DIR"] = str(tmp_path_factory.mktemp("fgscan-cache"))


def run_fgscan(
    *args: str, cwd: Path | None = None, input: str | None = None, process: bool = False
) -> subprocess.CompletedProcess:
    """Run the command line as a user would: in this process, through click's runner as the console script
    calls it (most tests: a process start adds nothing but time), or with `process=True` as a real process
    of the installed package. An exception that escapes the command fails the test with its traceback."""
    if process:
        return subprocess.run(
            [sys.executable, "-m", "scanner", *args],
            cwd=cwd or ROOT,
            capture_output=True,
            text=True,
            input=input,
            timeout=120,
            check=False,
        )
    from typer.testing import CliRunner

    from scanner.cli import app

    previous = Path.cwd()
    os.chdir(cwd or ROOT)
    try:
        result = CliRunner().invoke(app, list(args), input=input, prog_name="fgscan")
    finally:
        os.chdir(previous)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(["fgscan", *args], result.exit_code, result.stdout, result.stderr)


@pytest.fixture(scope="session")
def sarif_schema() -> dict:
    return json.loads(SARIF_SCHEMA.read_text())


def value_paths(value: Any, prefix: tuple = ()) -> Iterator[tuple]:
    """Every key and index path inside a parsed value, parents before their children."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*prefix, key)
            yield from value_paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield (*prefix, i)
            yield from value_paths(item, (*prefix, i))
