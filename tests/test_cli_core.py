"""What scan and audit share: reports are written whole or not at all, and never over an input."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import EXAMPLES, run_fgscan


@pytest.mark.parametrize(
    ("args", "report"),
    [
        (["-f", "sarif", "-o", "task.json"], "sarif"),
        (["--report", "json=task.json"], "json"),
        (["--write-baseline", "task.json"], "baseline"),
    ],
)
def test_a_report_is_never_written_over_a_scanned_input(tmp_path, args, report):
    task = tmp_path / "task.json"
    shutil.copy(EXAMPLES / "risky-task-definition.json", task)
    before = task.read_bytes()
    proc = run_fgscan("scan", "task.json", *args, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        f"fgscan: error: task.json: is one of the scanned inputs; refusing to overwrite it with the {report} report"
    ]
    assert task.read_bytes() == before


def test_reports_replace_the_previous_one_whole_and_leave_no_temporary_file(tmp_path):
    shutil.copy(EXAMPLES / "risky-task-definition.json", tmp_path / "task.json")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "report.json").write_text("previous")
    proc = run_fgscan("scan", "task.json", "-f", "json", "-o", "out/report.json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert json.loads((tmp_path / "out" / "report.json").read_text())["summary"]["findings"] > 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["report.json"]
