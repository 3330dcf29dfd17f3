"""Baselines through the real CLI: record, compare, fail only on new findings, list fixed ones,
SARIF baselineState."""

from __future__ import annotations

import json
import shutil

import jsonschema

from tests.conftest import EXAMPLES, run_fgscan


def _project(tmp_path):
    shutil.copy(EXAMPLES / "risky-task-definition.json", tmp_path / "worker.json")
    shutil.copy(EXAMPLES / "web-stack.yaml", tmp_path / "web.yaml")
    return tmp_path


def test_write_baseline_records_findings_and_exits_zero(tmp_path):
    _project(tmp_path)
    proc = run_fgscan("scan", ".", "--write-baseline", "fgscan-baseline.json", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    recorded = json.loads((tmp_path / "fgscan-baseline.json").read_text())
    assert recorded["format"] == "fgscan-baseline"
    reported = json.loads(proc.stdout)["findings"]
    assert len(recorded["findings"]) == len(reported) > 0
    entry = next(e for e in recorded["findings"] if e["rule"] == "privileged-container")
    assert entry["file"] == "worker.json" and entry["resource"] == "legacy-worker:7"
    assert entry["region"][0] == 16 and len(entry["fingerprint"]) == 32


def test_baseline_reports_only_new_findings_and_lists_fixed_ones(tmp_path, sarif_schema):
    _project(tmp_path)
    assert run_fgscan("scan", ".", "--write-baseline", "base.json", cwd=tmp_path).returncode == 0
    proc = run_fgscan("scan", ".", "--baseline", "base.json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 findings" in proc.stdout and "unchanged and 0 fixed since the baseline" in proc.stdout

    # Lines move (fingerprints do not depend on them), one finding is fixed, one is new.
    worker = json.loads((tmp_path / "worker.json").read_text())
    container = worker["taskDefinition"]["containerDefinitions"][0]
    del container["privileged"]
    container["readonlyRootFilesystem"] = True
    (tmp_path / "worker.json").write_text("\n\n" + json.dumps(worker, indent=4))
    web = (tmp_path / "web.yaml").read_text()
    (tmp_path / "web.yaml").write_text(web.replace("Essential: true", "Essential: true\n          Privileged: true"))
    report = json.loads(run_fgscan("scan", ".", "--baseline", "base.json", "--format", "json", cwd=tmp_path).stdout)
    fixed = {f["rule"] for f in report["baseline"]["fixed"]}
    assert {"privileged-container", "writable-root-filesystem"} <= fixed
    assert report["baseline"]["unchanged"] > 0
    assert {(f["rule"], f["file"]) for f in report["findings"]} == {("privileged-container", "web.yaml")}
    assert report["baseline"]["new"] == len(report["findings"])

    text = run_fgscan("scan", ".", "--baseline", "base.json", "--fail-on", "critical", cwd=tmp_path)
    assert "Fixed since the baseline" in text.stdout and "FG-CTR-001 legacy-worker:7 (worker.json)" in text.stdout

    sarif = json.loads(run_fgscan("scan", ".", "--baseline", "base.json", "--format", "sarif", cwd=tmp_path).stdout)
    jsonschema.Draft4Validator(sarif_schema, format_checker=jsonschema.FormatChecker()).validate(sarif)
    results = sarif["runs"][0]["results"]
    states = {r["baselineState"] for r in results}
    assert states == {"new", "unchanged", "absent"}
    absent = next(r for r in results if r["baselineState"] == "absent" and r["ruleId"] == "FG-CTR-001")
    assert absent["kind"] == "pass" and absent["level"] == "none"
    region = absent["locations"][0]["physicalLocation"]["region"]
    assert absent["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "worker.json"
    assert region["startLine"] == 16


def test_new_findings_fail_the_run(tmp_path):
    _project(tmp_path)
    (tmp_path / "web.yaml").unlink()
    assert run_fgscan("scan", ".", "--write-baseline", "base.json", cwd=tmp_path).returncode == 0
    shutil.copy(EXAMPLES / "web-stack.yaml", tmp_path / "web.yaml")
    proc = run_fgscan("scan", ".", "--baseline", "base.json", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1
    assert {f["file"] for f in json.loads(proc.stdout)["findings"]} == {"web.yaml"}


def test_files_outside_the_scan_are_not_reported_fixed(tmp_path):
    _project(tmp_path)
    assert run_fgscan("scan", ".", "--write-baseline", "base.json", cwd=tmp_path).returncode == 0
    report = json.loads(
        run_fgscan("scan", "web.yaml", "--baseline", "base.json", "--format", "json", cwd=tmp_path).stdout
    )
    assert report["baseline"]["fixed"] == []


def test_a_bad_baseline_is_one_line_and_exit_2(tmp_path):
    _project(tmp_path)
    (tmp_path / "base.json").write_text('{"findings": []}')
    proc = run_fgscan("scan", ".", "--baseline", "base.json", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "fgscan: error: base.json: not a baseline written by 'fgscan scan --write-baseline'"
    ]
    missing = run_fgscan("scan", ".", "--baseline", "nowhere.json", cwd=tmp_path)
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1
    assert "nowhere.json: cannot read baseline" in missing.stderr
