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
