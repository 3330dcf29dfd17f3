"""Inputs recognised by their content alone: create-service / update-service request files, one bare container
definition, Checkov's plan JSON; and real files that only look like them, which stay skipped (and, named on
the command line, are said not to be inputs)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scanner.load import NOT_RECOGNISED, load
from scanner.sources.discovery import InputFile
from scanner.sources.documents import DEFAULT_MAX_BYTES
from tests.conftest import ROOT, run_fgscan

INPUTS = ROOT / "tests" / "fixtures" / "inputs"
PUBLIC = ROOT / "tests" / "corpus" / "public"
ECSPRESSO = PUBLIC / "task-definitions" / "ecspresso" / "tests"
BARE_CONTAINER = PUBLIC / "task-definitions" / "terraform-aws-ecs" / "definition.json"
BLUEPRINT_SERVICE = PUBLIC / "task-definitions" / "terraform-aws-ecs-blueprints" / "service-definition.json"
PLAN = PUBLIC / "terraform" / "plan-json" / "ecs_tfplan.json"
LOOKALIKES = [INPUTS / "ecspresso.json", INPUTS / "ecspresso-overrides.json", INPUTS / "copilot-lb-svc.yml"]


def read(path: Path, named: bool = True):
    return load(InputFile(str(path), path.name, named), DEFAULT_MAX_BYTES)


def scan(*paths: Path, rule: str | None = None) -> dict[str, Any]:
    run = run_fgscan("scan", *map(str, paths), "--format", "json", *(["--rule", rule] if rule else []))
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the first line holding `text`."""
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_a_create_service_input_is_one_service_in_the_describe_services_shape():
    loaded = read(INPUTS / "ecspresso-sv.json")
    [service] = loaded.resources
    assert (service.kind, service.name, loaded.errors) == ("ecs_service", "ecspresso-sv", [])
    assert service.data["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"] == "ENABLED"
    assert service.links["security_groups"] == ["sg-12345678", "sg-23456789"]


def test_a_create_service_input_gets_the_service_rules_on_its_lines():
    file = INPUTS / "ecspresso-sv.json"
    [finding] = scan(file, rule="public-ip-assigned")["findings"]
    assert (finding["resource"], finding["line"]) == ("ecspresso-sv", line_of(file, '"assignPublicIp"'))
    assert "public IP" in finding["message"]


@pytest.mark.parametrize(
    ("file", "public_ip"),
    [(ECSPRESSO / "ecs-service-def.json", True), (BLUEPRINT_SERVICE, False)],
    ids=["ecspresso", "codedeploy-blueprint"],
)
def test_public_service_definitions_are_judged(file, public_ip):
    found = scan(file, rule="public-ip-assigned")["findings"]
    assert [f["line"] for f in found] == ([line_of(file, '"assignPublicIp"')] if public_ip else [])


def test_request_members_map_onto_the_service_as_cloudformation_properties_do():
    [service] = read(BLUEPRINT_SERVICE).resources
    assert service.data["clusterArn"] == "default" and "cluster" not in service.data
    assert service.data["deploymentController"] == {"type": "CODE_DEPLOY"}
    [daemon] = read(ECSPRESSO / "ci" / "ecs-service-def-daemon.json").resources
    assert (daemon.name, daemon.data) == ("ecs-service-def-daemon", {"schedulingStrategy": "DAEMON"})


def test_an_update_service_input_names_its_service_and_is_judged():
    file = INPUTS / "update-service.yaml"
    [service] = read(file).resources
    assert (service.name, service.data["serviceName"], service.data["clusterArn"]) == ("orders", "orders", "prod")
    assert service.source_path(("serviceName",)) == ("service",)
    [finding] = scan(file, rule="ecs-exec-enabled")["findings"]
    assert finding["line"] == line_of(file, "enableExecuteCommand")


def test_a_service_input_joins_the_exposure_analysis_of_its_folder():
    report = scan(INPUTS / "exposed", rule="internet-exposed-task")
    [finding] = report["findings"]
    assert (finding["resource"], finding["file"].rsplit("/", 1)[-1]) == ("web", "sg.json")
    assert "container 'web' port 80 is reachable from the internet" in finding["message"]


def test_one_bare_container_definition_is_the_container_of_a_task_named_after_the_file():
    [task] = read(BARE_CONTAINER).resources
    assert (task.kind, task.name, task.data["family"]) == ("ecs_task_definition", "definition", "definition")
    [container] = task.data["containerDefinitions"]
    assert container["name"] == "ex-container-definition"
    assert task.source_path(("containerDefinitions", 0, "systemControls")) == ("systemControls",)
    findings = {f["rule"]: f for f in scan(BARE_CONTAINER)["findings"]}
    assert findings["unsafe-sysctls"]["line"] == line_of(BARE_CONTAINER, '"namespace": "network"')
    assert findings["version-consistency-disabled"]["line"] == line_of(BARE_CONTAINER, '"versionConsistency"')
    assert "container 'ex-container-definition'" in findings["capabilities-not-dropped"]["message"]


def test_checkovs_plan_json_gives_its_task_definition_and_container_findings():
    [task] = read(PLAN).resources
    assert task.name == "aws_ecs_task_definition.service"
    assert [c["name"] for c in task.data["containerDefinitions"]] == ["first", "second"]
    found = scan(PLAN, rule="logging-disabled")["findings"]
    assert sorted(f["message"].split("'")[3] for f in found) == ["first", "second"]


@pytest.mark.parametrize("file", LOOKALIKES, ids=lambda p: p.name)
def test_a_real_file_that_only_looks_like_an_input_is_skipped_quietly(file):
    loaded = read(file, named=False)
    assert (loaded.doc, loaded.resources, loaded.errors) == (None, [], [])


LOOKALIKE_TEXTS = {
    # a run-task request but for one key it does not have
    "run-task-with-other-keys.json": {"taskDefinition": "web:3", "launchType": "FARGATE", "replicas": 2},
    "service-with-other-keys.json": {"serviceName": "web", "desiredCount": 2, "replicas": 2},
    "kubernetes-container.json": {"name": "web", "image": "nginx:1.27", "ports": [{"containerPort": 80}]},
    "compose-service.yaml": {"name": "web", "image": "nginx", "restart": "always"},
}


def test_a_run_task_request_is_a_task_run_not_a_service(tmp_path):
    """Every member is one a service request has too, but none only a service has: the task it starts."""
    file = tmp_path / "run-task.json"
    awsvpc = {"subnets": ["subnet-1"], "assignPublicIp": "ENABLED"}
    request = {"cluster": "prod", "taskDefinition": "web:3", "launchType": "FARGATE"}
    file.write_text(json.dumps({**request, "networkConfiguration": {"awsvpcConfiguration": awsvpc}}))
    loaded = read(file, named=False)
    assert [(r.kind, r.name) for r in loaded.resources] == [("ecs_task_run", "run-task")]
    assert loaded.resources[0].links == {"task_definition": "web:3", "cluster": "prod"}


@pytest.mark.parametrize("name", LOOKALIKE_TEXTS)
def test_objects_with_keys_outside_the_api_are_not_services_or_containers(tmp_path, name):
    file = tmp_path / name
    file.write_text(json.dumps(LOOKALIKE_TEXTS[name]))
    loaded = read(file, named=False)
    assert (loaded.doc, loaded.resources, loaded.errors) == (None, [], [])


def test_look_alikes_in_a_folder_are_skipped_and_named_ones_are_said_not_to_be_inputs():
    report = scan(INPUTS)
    assert report["errors"] == [] and report["summary"]["files"] == 5  # two service inputs, the three of exposed/
    assert not {f["file"].rsplit("/", 1)[-1] for f in report["findings"]} & {f.name for f in LOOKALIKES}
    run = run_fgscan("scan", *map(str, LOOKALIKES))
    assert run.returncode == 2
    for file in LOOKALIKES:
        assert f"{file.relative_to(ROOT)}: error: {NOT_RECOGNISED}" in run.stderr


PLACEBO = PUBLIC / "task-definitions" / "cloud-custodian" / "tests" / "data" / "placebo"


def test_a_placebo_recording_of_describe_task_definition_is_read_as_the_cli_output():
    """Cloud Custodian records each API response as `{"status_code": 200, "data": <response>}`: the response
    is `describe-task-definition`'s output, named and located as that output is."""
    file = PLACEBO / "test_ecs_task_def" / "ecs.DescribeTaskDefinition_1.json"
    loaded = read(file)
    [task] = loaded.resources
    assert (task.kind, task.name, loaded.errors) == ("ecs_task_definition", "ecs-read-only-root:1", [])
    assert task.arn == "arn:aws:ecs:us-east-1:644160558196:task-definition/ecs-read-only-root:1"
    [finding] = scan(file, rule="image-not-pinned")["findings"]
    assert finding["line"] == line_of(file, '"image": "redis:latest"')


def test_a_placebo_recording_of_describe_services_gives_the_service_on_its_lines():
    file = PLACEBO / "test_ecs_service_network_location_filter_sg" / "ecs.DescribeServices_1.json"
    [service] = read(file).resources
    assert (service.kind, service.name) == ("ecs_service", "c7n-test-service")
    [finding] = scan(file, rule="public-ip-assigned")["findings"]
    # the service's own networkConfiguration (the last one), not its deployment's copy (the first)
    lines = [i for i, line in enumerate(file.read_text().splitlines(), 1) if '"assignPublicIp": "ENABLED"' in line]
    assert len(lines) == 2 and finding["line"] == lines[1]


def test_a_skip_tag_beside_a_recorded_task_definition_is_cited_on_its_own_line(tmp_path):
    """`describe-task-definition --include TAGS` puts `tags` beside `taskDefinition`; recorded, both sit in
    `data`, and the suppression names the tag's line there."""
    recording = json.loads((PLACEBO / "test_ecs_task_def" / "ecs.DescribeTaskDefinition_1.json").read_text())
    recording["data"]["tags"] = [{"key": "fgscan:skip", "value": "image-not-pinned"}]
    file = tmp_path / "ecs.DescribeTaskDefinition_1.json"
    file.write_text(json.dumps(recording, indent=4))
    report = scan(file)
    [suppressed] = [f for f in report["suppressed"] if f["rule"] == "image-not-pinned"]
    line = int(suppressed["suppression"]["where"].rsplit(":", 1)[1])
    assert line == line_of(file, '"key": "fgscan:skip"') - 1  # the tag's object opens on the line before
    assert not [f for f in report["findings"] if f["rule"] == "image-not-pinned"]


@pytest.mark.parametrize(
    "recording",
    [
        {"status_code": 200, "data": {"Reservations": []}},  # an API fgscan does not read
        {"status_code": 200, "data": {"taskDefinition": {"containerDefinitions": []}}, "headers": {}},
        {"status_code": "200", "data": {"taskDefinition": {"containerDefinitions": []}}},
    ],
    ids=["other-api", "extra-member", "status-text"],
)
def test_only_a_recorded_response_fgscan_reads_is_taken_from_a_recording(tmp_path, recording):
    """An envelope with other members, or a status that is not a number, is not placebo's."""
    file = tmp_path / "ecs.Call_1.json"
    file.write_text(json.dumps(recording))
    loaded = read(file, named=False)
    assert loaded.resources == [] and loaded.errors == []
