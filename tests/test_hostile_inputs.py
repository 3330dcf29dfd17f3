"""Hostile inputs that must neither hang a run nor cost it its results: files that are no regular files,
custom rules that run away or fail, and inputs far larger than anyone writes (generated here)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from scanner.model import InputProblem
from scanner.sources.documents import read_text
from tests.conftest import EXAMPLES, run_fgscan

RISKY = EXAMPLES / "risky-task-definition.json"
NOT_REGULAR = "not a regular file (a pipe, device or socket); not read"
RULE = """# METADATA
# title: {title}
# custom:
#   id: {id}
#   name: {name}
#   severity: low
#   kinds: [ecs_task_definition]
package custom.{package}

import rego.v1

deny contains {{"msg": "judged", "path": ["family"]}} if {{
{body}
}}
"""
RUNAWAY = "\txs := [x | some x in numbers.range(1, 300000000)]\n\tcount(xs) > 5"
FAILING = '\tx := to_number("not a number")\n\tx > 0'
QUIET = "\tinput.resource.family"


def custom_rules(folder: Path, **bodies: str) -> Path:
    folder.mkdir()
    for number, (name, body) in enumerate(bodies.items(), 1):
        text = RULE.format(title=name, id=f"ACME-{number:03d}", name=name, package=name.replace("-", "_"), body=body)
        (folder / f"{name.replace('-', '_')}.rego").write_text(text)
    return folder


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_pipes_and_devices_are_refused_not_read(tmp_path):
    folder = tmp_path / "repo"
    folder.mkdir()
    shutil.copy(RISKY, folder / "good.json")
    os.mkfifo(folder / "pipe.json")
    (folder / "zero.json").symlink_to("/dev/zero")
    named_pipe = tmp_path / "named.yaml"
    os.mkfifo(named_pipe)
    proc = run_fgscan("scan", str(folder), str(named_pipe), "-f", "json", process=True)  # hangs without the fix
    assert proc.returncode == 2, proc.stderr
    report = json.loads(proc.stdout)
    assert {f["file"].rsplit("/", 1)[-1] for f in report["findings"]} == {"good.json"}
    assert "privileged-container" in {f["rule"] for f in report["findings"]}
    refused = sorted(e["file"].rsplit("/", 1)[-1] for e in report["errors"] if e["message"] == NOT_REGULAR)
    assert refused == ["named.yaml", "pipe.json", "zero.json"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_terraform_module_beside_a_pipe_and_a_device_is_still_read(tmp_path):
    module = tmp_path / "module"
    module.mkdir()
    (module / "main.tf").write_text(
        'resource "aws_ecs_task_definition" "app" {\n'
        '  family = "app"\n'
        "  container_definitions = jsonencode([{\n"
        '    name = "app", image = "nginx:1.25", essential = true,\n'
        "    privileged = true\n"
        "  }])\n"
        "}\n"
    )
    (module / "files.tf").write_text(  # and what file() and templatefile() name is read as scanned files are
        'resource "aws_ecs_task_definition" "piped" {\n  container_definitions = file("pipe.json")\n}\n'
        'resource "aws_ecs_task_definition" "zero" {\n  container_definitions = templatefile("zero.tpl", {})\n}\n'
    )
    os.mkfifo(module / "pipe.tf")
    os.mkfifo(module / "pipe.json")
    (module / "zero.tf").symlink_to("/dev/zero")
    (module / "zero.tpl").symlink_to("/dev/zero")
    proc = run_fgscan("scan", str(module / "main.tf"), "-f", "json", process=True)
    findings = json.loads(proc.stdout)["findings"]
    assert {f["rule"] for f in findings if f["line"] == 5} == {"privileged-container"}, proc.stderr


def test_the_size_limit_holds_while_reading(tmp_path):
    """`/proc` files claim a size of 0 and then give more: the limit is counted on what is read."""
    maps = Path("/proc/self/maps")
    if not maps.is_file() or maps.stat().st_size:
        pytest.skip("no /proc here")
    with pytest.raises(InputProblem) as problem:
        read_text(maps, "maps", 64)
    assert problem.value.error.message == "file is over the 64-byte limit"
    status = read_text(Path("/proc/self/status"), "status", 1 << 20)  # read past the size it claims (0)
    assert status.startswith("Name:") and status.endswith("\n") and "\nPid:" in status
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"family": "x" * 199}))
    with pytest.raises(InputProblem) as problem:
        read_text(big, "big.json", 64)
    assert problem.value.error.message == f"file is {big.stat().st_size} bytes, over the 64-byte limit"


def test_a_runaway_custom_rule_is_stopped_by_its_budget_and_the_rest_is_reported(tmp_path):
    rules = custom_rules(tmp_path / "rules", runaway=RUNAWAY, quiet=QUIET)
    (tmp_path / ".fgscan.yaml").write_text("rules:\n  budget_seconds: 1\n")
    proc = run_fgscan("scan", str(RISKY), "--rules", str(rules), "-f", "json", cwd=tmp_path, process=True)
    assert proc.returncode == 2, proc.stderr
    report = json.loads(proc.stdout)
    found = {f["rule"] for f in report["findings"]}
    assert {"privileged-container", "quiet"} <= found and "runaway" not in found
    [error] = report["errors"]
    assert error["file"].endswith("runaway.rego")
    assert error["message"] == (
        "rule ACME-001: took over 1 s on ecs_task_definition 'legacy-worker:7' (the rule budget); "
        "its results are dropped"
    )


def test_a_custom_rule_that_fails_at_evaluation_is_dropped_by_name(tmp_path):
    rules = custom_rules(tmp_path / "rules", failing=FAILING, quiet=QUIET)
    proc = run_fgscan("scan", str(RISKY), "--rules", str(rules), "-f", "json")
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    assert {"privileged-container", "quiet"} <= {f["rule"] for f in report["findings"]}
    [error] = report["errors"]
    assert error["file"].endswith("failing.rego")
    assert error["message"].startswith("rule ACME-001: failed on ecs_task_definition 'legacy-worker:7': ")
    assert "failing.rego:" in error["message"] and "\n" not in error["message"]


@pytest.mark.parametrize("value", ["0", "-1", "x", "7200"])
def test_the_budget_must_be_a_sensible_number_of_seconds(tmp_path, value):
    (tmp_path / ".fgscan.yaml").write_text(f"rules:\n  budget_seconds: {value}\n")
    proc = run_fgscan("scan", str(RISKY), cwd=tmp_path)
    assert proc.returncode == 2
    assert ".fgscan.yaml:2:" in proc.stderr and "budget_seconds" in proc.stderr


def test_a_task_with_100000_environment_variables_is_judged_whole(tmp_path):
    variables = [{"name": f"SETTING_{n}", "value": f"value {n}"} for n in range(100_000)]
    variables[76_543] = {"name": "DB_PASSWORD", "value": "hunter2hunter2"}
    container = {"name": "app", "image": "nginx:1.25", "environment": variables}
    task = {"family": "wide", "containerDefinitions": [container]}
    file = tmp_path / "wide.json"
    file.write_text(json.dumps(task, indent=1))
    proc = run_fgscan("scan", str(file), "-f", "json")
    report = json.loads(proc.stdout)
    assert not report["errors"]
    [secret] = [f for f in report["findings"] if f["rule"] == "secrets-in-environment"]
    line = file.read_text().splitlines()[secret["line"] - 1]
    assert '"value": "hunter2hunter2"' in line and "hunter2" not in json.dumps(report)


def test_a_task_with_1000_containers_gives_each_its_findings(tmp_path):
    containers = [{"name": f"c{n}", "image": "nginx:1.25", "privileged": n % 100 == 7} for n in range(1000)]
    file = tmp_path / "many.json"
    file.write_text(json.dumps({"family": "many", "containerDefinitions": containers}, indent=1))
    report = json.loads(run_fgscan("scan", str(file), "-f", "json").stdout)
    privileged = [f for f in report["findings"] if f["rule"] == "privileged-container"]
    assert sorted(f["message"].split("'")[3] for f in privileged) == sorted(f"c{n}" for n in range(7, 1000, 100))


def hostile_folder(folder: Path) -> dict[str, str]:
    """Good files beside one of each kind of bad file; for each bad file, a word of its one error."""
    folder.mkdir()
    shutil.copy(RISKY, folder / "good-task.json")
    shutil.copy(EXAMPLES / "web-stack.yaml", folder / "good-stack.yaml")
    windows = json.loads(RISKY.read_text())
    windows["taskDefinition"]["containerDefinitions"][0]["command"] = [
        "C:\\ServiceMonitor.exe w3svc",
        "\\\\share\\path",
    ]
    (folder / "windows-paths.json").write_text(json.dumps(windows))
    bad = {
        "deep.json": '{"containerDefinitions": ' + "[" * 900 + "]" * 900 + "}",
        "deep.yaml": "Resources: " + "[" * 900 + "]" * 900,
        "huge-number.json": '{"family": "x", "cpu": ' + "9" * 5000 + ', "containerDefinitions": []}',
        "surrogate.json": '{"family": "\\ud800", "containerDefinitions": [{"name": "a", "image": "b"}]}',
        "self-alias.yaml": "Resources: &a\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties: *a\n",
        "bomb.yaml": "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))
        + "Resources: {T: {Type: AWS::ECS::TaskDefinition, Properties: {Tags: *i}}}\n",
        "not-utf8.json": "\udcff",
        "control.yaml": "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\x07\n",
        "unclosed.json": '{"family": "x", "containerDefinitions": [',
    }
    for name, text in bad.items():
        (folder / name).write_bytes(text.encode("utf-8", "surrogateescape"))
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.json")
        (folder / "zero.yaml").symlink_to("/dev/zero")
        bad |= {"pipe.json": "", "zero.yaml": ""}
    return bad


def test_a_folder_of_every_hostile_input_reports_the_good_files_and_one_error_per_bad_file(tmp_path):
    bad = hostile_folder(tmp_path / "mixed")
    proc = run_fgscan("scan", str(tmp_path / "mixed"), "-f", "json", process=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    report = json.loads(proc.stdout)
    by_file: dict[str, set[str]] = {}
    for finding in report["findings"]:
        by_file.setdefault(finding["file"].rsplit("/", 1)[-1], set()).add(finding["rule"])
    assert set(by_file) == {"good-task.json", "good-stack.yaml", "windows-paths.json"}
    # the same task with Windows paths in place of the command that passed a secret: every other finding
    assert by_file["windows-paths.json"] == by_file["good-task.json"] - {"secrets-in-command"}
    assert "privileged-container" in by_file["windows-paths.json"]
    errors = [e["file"].rsplit("/", 1)[-1] for e in report["errors"]]
    assert sorted(errors) == sorted(bad), report["errors"]
    assert all("\n" not in e["message"] for e in report["errors"])


def test_an_engine_error_that_quotes_a_secret_is_reported_without_it(tmp_path):
    """regorus says `add expects numeric argument. Got "<the value>" instead`: the value is redacted."""
    quoting = "\tsome container in input.resource.containerDefinitions\n\tsome variable in container.environment\n"
    quoting += "\tx := variable.value + 1\n\tx > 0"
    rules = custom_rules(tmp_path / "rules", quoting=quoting)
    task = {
        "family": "app",
        "containerDefinitions": [
            {"name": "app", "image": "nginx:1.25", "environment": [{"name": "DB_PASSWORD", "value": "hunter2hunter2"}]}
        ],
    }
    (tmp_path / "task.json").write_text(json.dumps(task))
    proc = run_fgscan("scan", str(tmp_path / "task.json"), "--rules", str(rules), "-f", "json")
    report = json.loads(proc.stdout)
    [error] = report["errors"]
    assert error["message"].startswith("rule ACME-001: failed on ecs_task_definition 'app': ")
    assert "numeric" in error["message"]
    assert "hunter2" not in proc.stdout + proc.stderr


def test_a_heredoc_holding_text_like_fgscans_own_tokens_is_no_bug(tmp_path):
    """Container JSON read around an unknown interpolation swaps each `${...}` for a token: a heredoc that
    already holds token-like text is left unread, not misread (it named an interpolation that was not there)."""
    (tmp_path / "main.tf").write_text(
        'variable "port" {}\nresource "aws_ecs_task_definition" "t" {\n  family = "t"\n'
        "  container_definitions = <<EOF\n"
        '[{"name": "app", "image": "@@fgscan-raw-99@@", "portMappings": [{"containerPort": ${var.port}}]}]\n'
        "EOF\n}\n"
    )
    proc = run_fgscan("scan", str(tmp_path / "main.tf"), "-f", "json", "--fail-on", "none")
    report = json.loads(proc.stdout)
    assert proc.returncode == 0 and report["errors"] == [], proc.stderr
    assert report["summary"]["resources"] == 1
