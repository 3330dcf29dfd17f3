"""The project's own CI: the GitHub Actions workflow and `.ci/run` run what the README promises."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import metadata

import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
PINNED = re.compile(r"^\s*(?:- )?uses: ([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+$")


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def test_workflow_is_valid_against_the_github_workflow_schema():
    proc = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_action_is_pinned_by_commit_sha_with_its_release_named():
    lines = [line for line in WORKFLOW.read_text().splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        assert PINNED.match(line), line


def test_tests_run_on_every_os_and_supported_python_with_opa():
    test = workflow()["jobs"]["test"]
    matrix = test["strategy"]["matrix"]
    assert set(matrix["os"]) == {"ubuntu-latest", "macos-latest", "windows-latest"}
    lowest = metadata("fargate-scanner")["Requires-Python"].removeprefix(">=")
    assert matrix["python-version"] == [lowest, "3.11", "3.12", "3.13"]
    steps = test["steps"]
    assert any(s.get("uses", "").startswith("open-policy-agent/setup-opa@") for s in steps)
    assert steps[-1]["run"] == "python -m pytest -q"  # the README's test command, on the runner's Python


def test_lint_job_runs_what_ci_run_runs():
    lint = [s["run"] for s in workflow()["jobs"]["lint"]["steps"] if "run" in s][1:]
    local = (ROOT / ".ci" / "run").read_text().splitlines()[-3:]
    assert [f".venv/bin/{command}" for command in lint] == local
    assert local == [".venv/bin/ruff check .", ".venv/bin/ruff format --check .", ".venv/bin/mypy scanner reports"]
