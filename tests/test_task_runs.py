"""Tasks started outside a service (`ecs_task_run`): a `run-task` request, an EventBridge rule's or schedule's ECS
target, a Step Functions state calling `ecs:runTask`, in templates and Terraform; each judged by the rules about
how a task is launched, its findings on the line that causes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_fgscan

FIXTURES = ROOT / "tests" / "fixtures" / "task_runs"
CORPUS = ROOT / "tests" / "corpus" / "public"
RULES = ("public-ip-assigned", "service-default-security-group", "outdated-platform-version", "ecs-exec-enabled")


def findings(path: Path) -> set[tuple[str, str, int]]:
    """(rule, resource, line) of each finding of the launch rules on the file."""
    selection = [arg for rule in RULES for arg in ("--rule", rule)]
    proc = run_fgscan("scan", str(path), "--format", "json", "--fail-on", "none", *selection)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert all(f["kind"] == "ecs_task_run" for f in report["findings"])
    return {(f["rule"], f["resource"], f["line"]) for f in report["findings"]}


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_a_run_task_request_is_judged_like_a_service():
    path = CORPUS / "task-definitions/amazon-ecs-firelens-examples/config-file-type-file-runtask_firelens.json"
    name = "config-file-type-file-runtask_firelens"
    assert findings(path) == {("public-ip-assigned", name, line_of(path, '"assignPublicIp"'))}


def test_an_eventbridge_rule_and_a_schedule_start_task_runs():
    path = FIXTURES / "events-rule.yaml"
    assert findings(path) == {
        ("public-ip-assigned", "NightlyRule", line_of(path, "AssignPublicIp: !If")),
        ("outdated-platform-version", "NightlyRule", line_of(path, "PlatformVersion: 1.3.0")),
        ("ecs-exec-enabled", "NightlyRule", line_of(path, "EnableExecuteCommand: true")),
        # the schedule names no security group: the VPC's default group
        ("service-default-security-group", "WeeklySchedule", line_of(path, "AwsvpcConfiguration:")),
    }


def test_a_public_ip_chosen_by_a_condition_says_which_reading():
    path = FIXTURES / "events-rule.yaml"
    proc = run_fgscan("scan", str(path), "--format", "json", "--fail-on", "none", "--rule", "public-ip-assigned")
    [finding] = json.loads(proc.stdout)["findings"]
    assert finding["message"].startswith("Task run 'NightlyRule': its tasks get a public IP address")
    assert finding["message"].endswith("(when condition IsPublic holds)")


def test_state_machine_definition_object_with_substitutions_and_run_time_values():
    """`${PublicIp}` comes from `DefinitionSubstitutions`, on its line there; `Load` takes its groups from the
    state's input (`SecurityGroups.$`), which is no missing group."""
    path = FIXTURES / "state-machine.json"
    assert findings(path) == {("public-ip-assigned", "Pipeline.Extract", line_of(path, '"PublicIp": "ENABLED"'))}


@pytest.mark.parametrize(
    ("file", "needle"),
    [
        # `Fn::Sub` with a variable map: `"AssignPublicIp": "${AssignPublicIp}"` from `!If [HasSubnetsReachPublic, ...]`
        ("cloudformation/cfn-modules-fargate-scheduled-task/module.yml", "AssignPublicIp: !If [HasSubnetsReachPublic"),
        # a plain `DefinitionString` block with `DefinitionSubstitutions` (Copilot's scheduled job)
        ("cloudformation/copilot-cli/job-test.stack.yml", "AssignPublicIp: ENABLED"),
    ],
)
def test_a_state_machine_definition_string_is_read(file, needle):
    path = CORPUS / file
    assert ("public-ip-assigned", "StateMachine", line_of(path, needle)) in findings(path)


def test_a_literal_in_a_definition_string_block_is_located_on_its_own_line():
    path = FIXTURES / "step-functions-literal.yaml"
    assert findings(path) == {
        ("outdated-platform-version", "Runner", line_of(path, '"PlatformVersion": "1.3.0"')),
        ("ecs-exec-enabled", "Runner", line_of(path, '"EnableExecuteCommand": true')),
    }


def test_terraform_event_target_without_security_groups_uses_the_default_group():
    """cn-terraform's scheduled-task module: `security_groups` defaults to null."""
    path = CORPUS / "terraform/terraform-aws-ecs-fargate-scheduled-task-cn"
    main = path / "main.tf"
    assert findings(path) == {
        (
            "service-default-security-group",
            "aws_cloudwatch_event_target.ecs_scheduled_task",
            line_of(main, "network_configuration {"),
        )
    }


def test_terraform_schedule_with_ecs_parameters_only():
    path = FIXTURES / "schedule.tf"
    name = "aws_scheduler_schedule.weekly"
    assert findings(path) == {
        ("public-ip-assigned", name, line_of(path, "assign_public_ip = true")),
        ("outdated-platform-version", name, line_of(path, 'platform_version       = "1.3.0"')),
        ("ecs-exec-enabled", name, line_of(path, "enable_execute_command = true")),
    }


def test_an_events_rule_for_ec2_without_network_configuration_is_silent():
    """aws-cloudformation-templates' ECS schedule example: EC2 tasks in bridge mode, nothing to judge."""
    assert findings(CORPUS / "cloudformation/aws-cloudformation-templates/ECS_Schedule_Example.template") == set()


def test_a_task_run_is_judged_by_the_exposure_rules():
    """A scheduled task with a public IP and its container port open to the world is as reachable as a
    service's: the exposure rules judge task runs, and the path names the run."""
    path = FIXTURES / "exposed-run.yaml"
    proc = run_fgscan("scan", str(path), "--format", "json", "--fail-on", "none", "--rule", "internet-exposed-task")
    assert proc.returncode == 0, proc.stderr
    [finding] = json.loads(proc.stdout)["findings"]
    assert (finding["kind"], finding["resource"], finding["line"]) == (
        "ecs_task_run",
        "Nightly",
        line_of(path, "CidrIp: 0.0.0.0/0"),
    )
    assert "container 'job' port 8080 is reachable from the internet" in finding["message"]
    assert "task run Nightly -> Open :8080 from 0.0.0.0/0 -> container job :8080" in json.dumps(finding)


def test_a_task_run_with_links_outside_the_input_is_named_in_the_exposure_notice():
    path = CORPUS / "cloudformation/cfn-modules-fargate-scheduled-task/module.yml"
    proc = run_fgscan("scan", str(path), "--fail-on", "none")
    notices = [line for line in proc.stderr.splitlines() + proc.stdout.splitlines() if "exposure: notice:" in line]
    assert len(notices) == 1, proc.stderr
    assert "1 service(s) and task run(s) link to resources not in the input" in notices[0]
    # each import named as written: the module stack's name is a parameter without a value
    assert "task run 'StateMachine' (security group !ImportValue ${ClientSgModule1}-SecurityGroupId" in notices[0]


def test_a_create_task_set_request_is_read_as_a_task_set():
    """ecs-bg-external-controller's Jenkinsfile fills in a `create-task-set --cli-input-json` file: a task set (its
    `scale` and `loadBalancers` are no run-task members), judged like a service; it was "not an input fgscan
    recognises"."""
    path = CORPUS / "cloudformation/ecs-bg-external-controller/TaskSet.template.json"
    proc = run_fgscan("scan", str(path), "--format", "json", "--fail-on", "none")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["errors"] == []
    assert [(f["kind"], f["resource"], f["rule"], f["line"]) for f in report["findings"]] == [
        ("ecs_task_set", "TaskSet", "service-default-security-group", line_of(path, '"securityGroups"'))
    ]
