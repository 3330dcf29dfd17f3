"""The examples scan end to end through the real CLI."""

from __future__ import annotations

import json

from tests.conftest import run_fgscan


def test_risky_example_has_a_privileged_finding_on_its_line():
    proc = run_fgscan("scan", "examples/risky-task-definition.json", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    privileged = [f for f in report["findings"] if f["rule"] == "privileged-container"]
    assert len(privileged) == 1
    assert privileged[0]["line"] == 16
