"""Shared fixtures: the repository paths, the SARIF schema, and running the real `fgscan` CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SARIF_SCHEMA = ROOT / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"  # see its NOTICE.md


def run_fgscan(*args: str, cwd: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    """Run the installed command line exactly as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "scanner", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        input=input,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="session")
def sarif_schema() -> dict:
    return json.loads(SARIF_SCHEMA.read_text())
