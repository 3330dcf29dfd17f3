"""SARIF that the OASIS schema and GitHub code scanning both accept, pinned to the offending key."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, FormatChecker

from tests.conftest import EXAMPLES, ROOT, run_fgscan


def sarif_of(*args: str, cwd: Path = ROOT) -> tuple[dict, int]:
    proc = run_fgscan("scan", *args, "--format", "sarif", cwd=cwd)
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout), proc.returncode


def check_valid(log: dict, schema: dict) -> None:
    errors = sorted(Draft4Validator(schema, format_checker=FormatChecker()).iter_errors(log), key=lambda e: e.path)
    assert not errors, [f"{list(e.path)}: {e.message[:200]}" for e in errors[:5]]


def check_github_rules(log: dict) -> None:
    """What GitHub's upload checks beyond the schema."""
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["automationDetails"]["id"].endswith("/")
    for rule in run["tool"]["driver"]["rules"]:
        props = rule["properties"]
        assert isinstance(props["security-severity"], str) and float(props["security-severity"]) > 0
        assert "security" in props["tags"]
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["markdown"] and rule["helpUri"].startswith("https://")
    for result in run["results"]:
        [location] = result["locations"]
        uri = location["physicalLocation"]["artifactLocation"]["uri"]
        assert not re.match(r"^[a-z]+:", uri) and not uri.startswith("/"), uri
        region = location["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["endLine"] >= region["startLine"]
        assert result["partialFingerprints"]["primaryLocationLineHash"]
        assert result["ruleId"] == run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"]


@pytest.mark.parametrize("target", sorted(p.name for p in EXAMPLES.iterdir()) + ["."])
def test_every_example_gives_valid_sarif(sarif_schema, target):
    log, _ = sarif_of(str(EXAMPLES / target) if target != "." else "examples")
    check_valid(log, sarif_schema)
    check_github_rules(log)


def test_region_is_the_offending_key_in_json_and_yaml(tmp_path, sarif_schema):
    (tmp_path / "td.json").write_text(
        '{\n  "family": "x",\n  "containerDefinitions": [\n    {\n      "name": "app",\n'
        '      "privileged": true\n    }\n  ]\n}\n'
    )
    (tmp_path / "stack.yaml").write_text(
        "Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n"
        "        - Name: app\n          Image: nginx\n          Privileged: 'true'\n"
    )
    log, code = sarif_of(".", "--rule", "privileged-container", cwd=tmp_path)
    assert code == 1
    check_valid(log, sarif_schema)
    regions = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r["locations"][0]["physicalLocation"][
            "region"
        ]
        for r in log["runs"][0]["results"]
    }
    assert regions["td.json"] == {"startLine": 6, "startColumn": 7, "endLine": 6, "endColumn": 25}
    assert regions["stack.yaml"] == {"startLine": 8, "startColumn": 11, "endLine": 8, "endColumn": 29}


def test_message_names_resource_and_container_first(tmp_path):
    (tmp_path / "td.json").write_text(
        json.dumps({"family": "web", "containerDefinitions": [{"name": "app", "privileged": True}]})
    )
    log, _ = sarif_of("td.json", "--rule", "privileged-container", cwd=tmp_path)
    [result] = log["runs"][0]["results"]
    assert result["message"]["text"].split(".")[0] == "Task definition 'web': container 'app' runs in privileged mode"
    assert result["level"] == "error"
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["security-severity"] == "9.5"


def test_fingerprints_do_not_depend_on_line_numbers(tmp_path):
    task = {"family": "web", "containerDefinitions": [{"name": "a", "image": "x"}, {"name": "b", "privileged": True}]}
    (tmp_path / "td.json").write_text(json.dumps(task, indent=2))
    before, _ = sarif_of("td.json", "--rule", "privileged-container", cwd=tmp_path)
    task["containerDefinitions"].reverse()
    (tmp_path / "td.json").write_text("\n" * 7 + json.dumps({"note": "moved", **task}, indent=4))
    after, _ = sarif_of("td.json", "--rule", "privileged-container", cwd=tmp_path)
    [old], [new] = before["runs"][0]["results"], after["runs"][0]["results"]
    old_line = old["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert new["locations"][0]["physicalLocation"]["region"]["startLine"] != old_line
    assert new["partialFingerprints"] == old["partialFingerprints"]


def test_input_errors_are_tool_notifications_and_still_valid(tmp_path, sarif_schema):
    (tmp_path / "broken.json").write_text('{"containerDefinitions": [}')
    (tmp_path / "td.json").write_text(
        json.dumps({"family": "w", "containerDefinitions": [{"name": "a", "privileged": True}]})
    )
    log, code = sarif_of(".", "--rule", "privileged-container", cwd=tmp_path)
    assert code == 2
    check_valid(log, sarif_schema)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"].startswith("broken.json:1:27: error: invalid JSON")
    assert note["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert len(log["runs"][0]["results"]) == 1


def test_installed_wheel_finds_its_rules_without_the_source_tree(tmp_path):
    """`pip install .` ships the rules inside the package: install the built wheel elsewhere and scan."""
    wheels, site = tmp_path / "wheels", tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(wheels), str(ROOT)], check=True, capture_output=True)
    [wheel] = wheels.glob("*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)], check=True, capture_output=True)
    assert (site / "scanner" / "bundled_rules" / "container" / "privileged_container.rego").is_file()
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(EXAMPLES / "risky-task-definition.json", work)
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import scanner, sys; print(scanner.__file__, file=sys.stderr); "
            "from scanner.cli import main; sys.argv[0] = 'fgscan'; main()",
            "scan",
            "risky-task-definition.json",
            "--format",
            "json",
        ],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(site)},
    )
    assert proc.stderr.startswith(str(site)), proc.stderr
    assert proc.returncode == 1
    assert any(f["rule"] == "privileged-container" for f in json.loads(proc.stdout)["findings"])


def test_results_more_severe_than_their_rule_carry_their_severity_for_github(sarif_schema):
    """A compound-critical internet-exposed-task (a high rule) and an unset user (medium under the high
    root-user rule) cite a child descriptor with their own security-severity; fingerprints stay those
    of the JSON report."""
    log, _ = sarif_of("examples/web-stack.yaml")
    check_valid(log, sarif_schema)
    check_github_rules(log)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    exposed = [r for r in log["runs"][0]["results"] if r["ruleId"].startswith("FG-EXP-001")]
    assert exposed and all(r["ruleId"] == "FG-EXP-001/critical" for r in exposed)
    assert rules["FG-EXP-001/critical"]["properties"]["security-severity"] == "9.5"
    assert rules["FG-EXP-001"]["properties"]["security-severity"] == "8.0"
    report = json.loads(run_fgscan("scan", "examples/web-stack.yaml", "--format", "json", cwd=ROOT).stdout)
    fingerprints = {f["fingerprint"] for f in report["findings"] if f["rule_id"] == "FG-EXP-001"}
    assert {r["partialFingerprints"]["primaryLocationLineHash"] for r in exposed} == fingerprints


def test_configured_severity_is_the_rules_own(tmp_path, sarif_schema):
    shutil.copy(EXAMPLES / "web-stack.yaml", tmp_path / "stack.yaml")
    (tmp_path / ".fgscan.yaml").write_text("rules:\n  severity:\n    internet-exposed-task: low\n")
    log, _ = sarif_of("stack.yaml", cwd=tmp_path)
    check_valid(log, sarif_schema)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["FG-EXP-001"]["properties"]["security-severity"] == "2.0"
    assert not [i for i in rules if i.startswith("FG-EXP-001/")]


def test_exposure_chain_is_a_code_flow(sarif_schema):
    log, _ = sarif_of("examples/web-stack.yaml")
    exposed = next(
        r
        for r in log["runs"][0]["results"]
        if r["ruleId"].startswith("FG-EXP-001") and r["codeFlows"][0]["message"]["text"].endswith("container web :443")
    )
    [flow] = exposed["codeFlows"]
    assert flow["message"]["text"] == "service web -> WebSecurityGroup :443 from 0.0.0.0/0 -> container web :443"
    steps = [s["location"] for s in flow["threadFlows"][0]["locations"]]
    assert [s["message"]["text"] for s in steps] == [
        "service 'web' uses group 'WebSecurityGroup'",
        "WebSecurityGroup :443 from 0.0.0.0/0",
        "container 'web' maps port 443",
        "assignPublicIp: ENABLED",
    ]
    text = (EXAMPLES / "web-stack.yaml").read_text().splitlines()
    assert "CidrIp: 0.0.0.0/0" in text[steps[1]["physicalLocation"]["region"]["startLine"] - 1]
    assert steps[1]["physicalLocation"] == exposed["locations"][0]["physicalLocation"]


CDK_TEMPLATE = {
    "Resources": {
        "WebTaskDef8A9C3B2E": {
            "Type": "AWS::ECS::TaskDefinition",
            "Properties": {
                "Family": "WebStackWebTaskDef",
                "ContainerDefinitions": [
                    {"Name": "web", "Image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0", "Privileged": True}
                ],
            },
            "Metadata": {"aws:cdk:path": "WebStack/Web/TaskDef/Resource"},
        }
    }
}


def test_cdk_findings_name_the_construct_path(tmp_path, sarif_schema):
    out = tmp_path / "cdk.out"
    out.mkdir()
    (out / "WebStack.template.json").write_text(json.dumps(CDK_TEMPLATE, indent=1))
    log, _ = sarif_of("cdk.out", "--rule", "privileged-container", cwd=tmp_path)
    check_valid(log, sarif_schema)
    [result] = log["runs"][0]["results"]
    assert result["message"]["text"] == (
        "Task definition 'WebTaskDef8A9C3B2E' (construct WebStack/Web/TaskDef/Resource): "
        "container 'web' runs in privileged mode."
    )
    [logical] = result["locations"][0]["logicalLocations"]
    assert logical["fullyQualifiedName"] == "WebStack/Web/TaskDef/Resource"
    assert result["properties"]["construct"] == "WebStack/Web/TaskDef/Resource"
