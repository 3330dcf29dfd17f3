"""Custom rules (`--rules DIR`, the config's `custom_rules`), `--framework`, and `fgscan rules show`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, run_fgscan

CUSTOM = "examples/custom-rules"
HARDENED = "examples/hardened-task-definition.json"
RISKY = "examples/risky-task-definition.json"
RULE = """# METADATA
# title: Container has no health check
# custom:
#   id: ORG-CTR-001
#   name: org-health-check
#   severity: medium
#   kinds: [ecs_task_definition]
package org.health_check

import rego.v1

deny contains finding if {
	some i, container in input.resource.containerDefinitions
	not container.healthCheck
	finding := {"msg": sprintf("container '%s' has no health check.", [container.name]),
		"path": ["containerDefinitions", i, "name"]}
}
"""


def custom_folder(tmp_path: Path, rule: str = RULE, test: str | None = None) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "health_check.rego").write_text(rule)
    if test is not None:
        (folder / "health_check_test.rego").write_text(test)
    return folder


def test_example_custom_rule_scans_with_its_location():
    proc = run_fgscan("scan", HARDENED, "--rules", CUSTOM, "--rule", "ACME-CTR-001", "-f", "json")
    assert proc.returncode == 1, proc.stderr
    (finding,) = json.loads(proc.stdout)["findings"]
    assert finding["rule"] == "acme-required-labels"
    assert finding["severity"] == "low"
    assert finding["message"] == "Task definition 'orders-api': container 'orders-api' has no 'team' label."
    lines = (EXAMPLES / "hardened-task-definition.json").read_text().splitlines()
    assert '"name": "orders-api"' in lines[finding["line"] - 1]


def test_example_custom_rule_tests_run_on_their_own():
    """`--custom-only` runs the custom folder's tests (beside every rule they may import), not the bundled ones."""
    proc = run_fgscan("rules", "test", "--rules", CUSTOM, "--verbose", "--custom-only")
    lines = proc.stdout.splitlines()
    custom = [line for line in lines if "custom-rules/required_labels_test.rego" in line]
    assert len(custom) == 3
    assert all(line.startswith("PASS ") for line in custom), custom
    assert lines[-1] == "3 passed, 0 failed"
    assert proc.returncode == 0


def test_a_failing_custom_test_fails_the_run(tmp_path):
    folder = custom_folder(
        tmp_path,
        test=(
            "package org.health_check_test\n\nimport rego.v1\n\nimport data.org.health_check as rule\n\n"
            "test_wrong_expectation if {\n\tcount(rule.deny) == 2 with input.resource as "
            '{"containerDefinitions": [{"name": "a"}]}\n}\n'
        ),
    )
    proc = run_fgscan("rules", "test", "--rules", str(folder), "--custom-only")
    assert proc.returncode == 1
    assert f"FAIL {folder / 'health_check_test.rego'}::test_wrong_expectation: undefined or false" in proc.stdout


def test_custom_rules_listed_and_filtered_by_their_framework():
    listed = run_fgscan("rules", "list", "--rules", CUSTOM)
    assert listed.returncode == 0
    rows = [line.split()[:3] for line in listed.stdout.splitlines()]
    assert ["ACME-CTR-001", "low", "acme-required-labels"] in rows
    assert "FG-CTR-001" in listed.stdout
    only = run_fgscan("rules", "list", "--rules", CUSTOM, "--framework", "acme-baseline", "-f", "json")
    assert [r["id"] for r in json.loads(only.stdout)] == ["ACME-CTR-001"]
    assert "ACME-CTR-001" not in run_fgscan("rules", "list").stdout


def test_custom_rules_from_the_config_file(tmp_path):
    shutil.copytree(EXAMPLES / "custom-rules", tmp_path / "policies" / "acme")
    (tmp_path / ".fgscan.yaml").write_text("rules_dirs: [policies/acme]\n")
    shutil.copy(EXAMPLES / "hardened-task-definition.json", tmp_path / "td.json")
    proc = run_fgscan("scan", "td.json", "-f", "json", cwd=tmp_path)
    assert "acme-required-labels" in {f["rule"] for f in json.loads(proc.stdout)["findings"]}
    assert "ACME-CTR-001" in run_fgscan("rules", "list", cwd=tmp_path).stdout


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (RULE.replace("#   severity: medium\n", ""), "health_check.rego: metadata lacks custom.severity"),
        (
            RULE.replace("severity: medium", "severity: urgent"),
            "health_check.rego: severity must be critical, high, medium or low",
        ),
        (
            RULE.replace("kinds: [ecs_task_definition]", "kinds: [ecs_task]"),
            "health_check.rego: unknown kinds ['ecs_task']",
        ),
        (
            RULE.replace("#   kinds: [ecs_task_definition]", "#   kinds: [ecs_task_definition"),
            "health_check.rego:7: invalid METADATA YAML",
        ),
        (
            RULE.replace("frameworks", "x").replace("#   kinds:", "#   frameworks: ECS.1\n#   kinds:"),
            "health_check.rego: metadata custom.frameworks must be a mapping",
        ),
        (RULE.replace("\tnot container.healthCheck", "\tnot container.healthCheck ==="), "health_check.rego:14:"),
        (RULE.replace("ORG-CTR-001", "FG-CTR-001"), "health_check.rego: id 'FG-CTR-001' already used by"),
    ],
)
def test_a_broken_custom_rule_is_one_line_naming_the_file(tmp_path, rule, expected):
    folder = custom_folder(tmp_path, rule)
    for args in (("scan", RISKY), ("rules", "test"), ("rules", "list")):
        proc = run_fgscan(*args, "--rules", str(folder))
        if args[1] == "list" and expected.startswith("health_check.rego:14:"):
            assert proc.returncode == 0  # listing reads metadata only; the Rego is compiled by scan and test
            continue
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        assert proc.stderr.count("\n") == 1, proc.stderr
        assert proc.stderr.startswith("fgscan: error: ")
        assert expected in proc.stderr
        assert proc.stdout == ""


def test_broken_custom_parameters_name_the_file(tmp_path):
    folder = custom_folder(tmp_path)
    (folder / "data.json").write_text('{"fgscan": {"params": {"x": [1,]}}}')
    proc = run_fgscan("scan", RISKY, "--rules", str(folder))
    assert proc.returncode == 2
    assert proc.stderr == f"fgscan: error: {folder / 'data.json'}:1:32: invalid JSON: Expecting value\n"


def test_missing_custom_folder(tmp_path):
    proc = run_fgscan("scan", RISKY, "--rules", str(tmp_path / "absent"))
    assert proc.returncode == 2
    assert proc.stderr == f"fgscan: error: {tmp_path / 'absent'}: not a folder of rules\n"


def test_framework_runs_only_mapped_rules():
    sarif = json.loads(run_fgscan("scan", RISKY, "--framework", "aws-fsbp", "-f", "sarif").stdout)
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert "FG-CTR-001" in {r["id"] for r in rules}
    assert all(any(t.startswith("aws-fsbp/") for t in r["properties"]["tags"]) for r in rules)
    every = json.loads(run_fgscan("scan", RISKY, "-f", "sarif").stdout)["runs"][0]["tool"]["driver"]["rules"]
    unmapped = [r["id"] for r in every if not any(t.startswith("aws-fsbp/") for t in r["properties"]["tags"])]
    assert unmapped and not set(unmapped) & {r["id"] for r in rules}
    assert {r["ruleId"] for r in run["results"]} <= {r["id"] for r in rules}


def test_unknown_framework_is_a_usage_error_listing_the_known_ones():
    for args in (("scan", RISKY), ("rules", "list")):
        proc = run_fgscan(*args, "--framework", "pci-dss")
        assert proc.returncode == 2
        assert proc.stderr.startswith("fgscan: error: unknown framework 'pci-dss' (known: ")
        assert "aws-fsbp" in proc.stderr and "nist-800-53" in proc.stderr


def test_rules_show_prints_metadata_and_pretty_examples():
    proc = run_fgscan("rules", "show", "acme-required-labels", "--rules", CUSTOM)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    for text in (
        "ACME-CTR-001  acme-required-labels",
        "Container lacks a label every Acme workload must carry",
        "Severity:    low (Ownership, not exposure, but it slows every incident response.)",
        "Kinds:       ecs_task_definition",
        "Remediation:",
        "acme-baseline OPS-4",
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html",
    ):
        assert text in out
    bad = out.split("Bad example (reported):\n")[1].split("\n\n")[0]
    good = out.split("Good example (passes):\n")[1]
    assert json.loads(bad) == {"containerDefinitions": [{"name": "app", "image": "app:1.4"}]}
    assert '        "dockerLabels": {\n          "team": "payments"' in good


def test_rules_show_a_bundled_rule_by_id_and_unknown_names():
    proc = run_fgscan("rules", "show", "fg-ctr-001")
    assert proc.returncode == 0
    assert proc.stdout.startswith("FG-CTR-001  privileged-container\nContainer runs in privileged mode\n")
    assert "Severity:    critical (Root on the container host" in proc.stdout
    assert "AWS FSBP     ECS.4" in proc.stdout
    missing = run_fgscan("rules", "show", "nope")
    assert missing.returncode == 2
    assert missing.stderr == "fgscan: error: unknown rule 'nope' (see 'fgscan rules list')\n"
