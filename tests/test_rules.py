"""The rule set as a whole (Rego tests on both engines, metadata of every rule) and the foundation rules end to
end: real task definitions and templates through the real CLI, each finding on the line of the offending key."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from reports import FORMATS
from scanner.rulebook import read_metadata
from tests.conftest import ROOT, run_fgscan

RULES = ROOT / "rules"
REQUIRED = ("title", "description")
REQUIRED_CUSTOM = ("id", "name", "severity", "rationale", "kinds", "remediation", "references", "frameworks")
SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed$", re.MULTILINE)
TEST_BLOCK = re.compile(r"^test_\w+\s+if\s*\{\n(.*?)^\}", re.MULTILINE | re.DOTALL)
EXPECTS_NONE = re.compile(r"count\(.*\)\s*==\s*0\b|==\s*set\(\)")
EXPECTS_FINDING = re.compile(r"count\(.*\)\s*(==|>=)\s*[1-9]|count\(.*\)\s*>\s*0|\bsome \w+ in\b")

FOUNDATION = (
    "privileged-container",
    "root-user",
    "writable-root-filesystem",
    "host-network-mode",
    "added-capabilities",
    "secrets-in-environment",
    "task-execution-role-shared",
    "public-ip-assigned",
    "sg-world-ingress-admin-port",
    "sg-world-ingress-all-traffic",
)
SECRETS = {
    "AWS_ACCESS_KEY_ID": "AKIAQ3EGRTXBZ7EXAMPL",
    "AWS_SECRET_ACCESS_KEY": "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",
    "GITHUB_TOKEN": "ghp_Rk7Tn4Vb9Xc1Md5Hs3Jg6PaQwErTyUiOp0Zx",
    "DB_PASSWORD": "correct-horse-battery-staple",
    "SIGNING_KEY": "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBm7Jq3rX9vT2mLp8sWz4nBc\n-----END EC PRIVATE KEY-----",
    "BLOB": "x7Kp2Qm9Lz4Rt8WvB3nJ",
}


def rule_files() -> list[Path]:
    """Every rule module under rules/: not a test, and declares a `deny` set or a rule id."""
    found = []
    for path in sorted(RULES.rglob("*.rego")):
        if path.name.endswith("_test.rego"):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"^deny\b", text, re.MULTILINE) or "id" in (read_metadata(text).get("custom") or {}):
            found.append(path)
    return found


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the nth line containing `needle`."""
    return [i + 1 for i, line in enumerate(text.splitlines()) if needle in line][nth - 1]


def scan_json(*args: str, cwd: Path | None = None) -> dict:
    rules = [arg for name in FOUNDATION for arg in ("--rule", name)]
    proc = run_fgscan("scan", *args, *rules, "--format", "json", cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def located(report: dict, resource: str | None = None) -> set[tuple[str, int, str]]:
    return {
        (f["rule"], f["line"], f["severity"])
        for f in report["findings"]
        if resource is None or f["resource"] == resource
    }


# --- the rule set as a whole -------------------------------------------------------------------------------------


def test_every_rego_test_passes_on_the_embedded_engine():
    proc = run_fgscan("rules", "test")
    summary = SUMMARY.search(proc.stdout)
    assert summary, proc.stdout + proc.stderr
    passed, failed = int(summary[1]), int(summary[2])
    assert (failed, proc.returncode) == (0, 0), proc.stdout
    assert passed > 0


@pytest.mark.skipif(shutil.which("opa") is None, reason="the opa binary is not on PATH")
def test_every_rego_test_passes_on_opa():
    proc = run_fgscan("rules", "test", "--engine", "opa")
    summary = SUMMARY.search(proc.stdout)
    assert summary and int(summary[1]) > 0 and int(summary[2]) == 0, proc.stdout + proc.stderr
    assert proc.returncode == 0


def test_rule_files_are_found():
    names = {path.stem for path in rule_files()}
    assert {"privileged_container", "secrets_in_environment", "sg_world_ingress_admin_port"} <= names


@pytest.mark.parametrize("path", rule_files(), ids=lambda p: str(p.relative_to(RULES)))
def test_rule_metadata_is_complete(path: Path):
    meta = read_metadata(path.read_text(encoding="utf-8"))
    custom = meta.get("custom") or {}
    missing = [k for k in REQUIRED if not meta.get(k)] + [f"custom.{k}" for k in REQUIRED_CUSTOM if k not in custom]
    assert not missing, f"{path}: metadata lacks {', '.join(missing)}"
    assert re.fullmatch(r"FG-[A-Z]+-\d{3}", str(custom["id"])), custom["id"]
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(custom["name"])), custom["name"]
    assert custom["severity"] in ("critical", "high", "medium", "low")
    assert custom["references"] and all(str(r).startswith("https://") for r in custom["references"])
    assert isinstance(custom["frameworks"], dict)


@pytest.mark.parametrize("path", rule_files(), ids=lambda p: str(p.relative_to(RULES)))
def test_rule_has_positive_and_negative_tests(path: Path):
    test_file = path.with_name(f"{path.stem}_test.rego")
    assert test_file.is_file(), f"{path} has no {test_file.name} beside it"
    bodies = TEST_BLOCK.findall(test_file.read_text(encoding="utf-8"))
    assert any(EXPECTS_FINDING.search(b) for b in bodies), f"{test_file}: no test expects a finding"
    assert any(EXPECTS_NONE.search(b) for b in bodies), f"{test_file}: no test expects no finding"


PARTIAL_HEAD = re.compile(
    r"^\w+ contains (?P<head>.+?)(?: if\b.*)?$"  # a partial set
    r"|^\w+\[(?P<key>[^\]]+)\] :?= (?P<value>.+?)(?: if\b.*)?$"  # a partial object
)


def test_partial_rule_heads_hold_only_variables_and_literals():
    """regorus turns a whole partial set or object into an error ("not an object"), or into nothing, when one
    iteration's head is undefined (`refs contains {"value": s.valueFrom} if {...}` with one secret lacking it),
    where OPA only skips that iteration: the whole input went unjudged. Rules bind such values in the body."""
    offending = []
    for path in sorted(RULES.rglob("*.rego")):
        if path.name.endswith("_test.rego"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found = PARTIAL_HEAD.match(line)
            if found:
                head = " ".join(part for part in found.group("head", "key", "value") if part)
                code = re.sub(r'"(?:[^"\\]|\\.)*"|`[^`]*`', '""', head)  # string literals may hold anything
                if "." in code or "(" in code:
                    offending.append(f"{path.relative_to(RULES)}:{number}: {line.strip()}")
    assert offending == []


def test_rule_ids_and_names_are_unique():
    ids, names = [], []
    for path in rule_files():
        custom = read_metadata(path.read_text(encoding="utf-8")).get("custom") or {}
        ids.append(custom.get("id"))
        names.append(custom.get("name"))
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)


def test_params_the_foundation_rules_read_exist():
    params = json.loads((RULES / "data.json").read_text())["fgscan"]["params"]
    for key in (
        "admin_ports",
        "dangerous_capabilities",
        "secret_patterns",
        "secret_name_regex",
        "secret_named_min_length",
        "secret_value_ignore",
        "secret_entropy_threshold",
        "secret_min_length",
    ):
        assert key in params, key
    assert all({"name", "regex"} <= set(p) for p in params["secret_patterns"])
    assert "(?i)" not in json.dumps(params), "rego-cpp has no (?i)"


# --- task definition JSON ----------------------------------------------------------------------------------------

TASK = """\
{
  "family": "e2e",
  "networkMode": "host",
  "taskRoleArn": "arn:aws:iam::123456789012:role/e2e",
  "executionRoleArn": "arn:aws:iam::123456789012:role/e2e",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0",
      "user": "0:10001",
      "readonlyRootFilesystem": false,
      "linuxParameters": {
        "capabilities": {
          "add": ["NET_BIND_SERVICE"]
        }
      },
      "environment": [
        {"name": "PASSWORD_MIN_LENGTH", "value": "12"},
        {"name": "STRIPE_KEY", "value": "sk_live_q8Fz0Lw2Rk7Tn4Vb9Xc1Md"},
        {"name": "DATABASE_URL", "value": "postgres://db.internal:5432/orders"}
      ]
    },
    {
      "name": "agent",
      "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/agent:2.0",
      "user": "10001:0",
      "readonlyRootFilesystem": true,
      "linuxParameters": {
        "capabilities": {
          "add": ["SYS_PTRACE"]
        }
      }
    },
    {
      "name": "bare",
      "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/bare:3.0"
    }
  ]
}
"""


def test_task_definition_findings_land_on_the_offending_keys(tmp_path):
    (tmp_path / "task.json").write_text(TASK)
    t = TASK
    assert located(scan_json("task.json", cwd=tmp_path)) == {
        ("host-network-mode", line_of(t, '"networkMode"'), "high"),
        ("task-execution-role-shared", line_of(t, '"executionRoleArn"'), "medium"),
        ("root-user", line_of(t, '"user": "0:10001"'), "high"),
        ("writable-root-filesystem", line_of(t, '"readonlyRootFilesystem": false'), "medium"),
        ("added-capabilities", line_of(t, '"NET_BIND_SERVICE"'), "high"),
        ("added-capabilities", line_of(t, '"SYS_PTRACE"'), "critical"),
        ("secrets-in-environment", line_of(t, '"STRIPE_KEY"'), "critical"),
        ("root-user", line_of(t, '"name": "bare"'), "medium"),
        ("writable-root-filesystem", line_of(t, '"name": "bare"'), "medium"),
    }


def test_messages_name_containers_variables_and_capabilities(tmp_path):
    (tmp_path / "task.json").write_text(TASK)
    messages = {(f["rule"], f["line"]): f["message"] for f in scan_json("task.json", cwd=tmp_path)["findings"]}
    assert messages[("secrets-in-environment", line_of(TASK, '"STRIPE_KEY"'))] == (
        "Task definition 'e2e': container 'app' passes a secret in plain-text environment variable 'STRIPE_KEY' "
        "(Stripe secret key)."
    )
    assert messages[("added-capabilities", line_of(TASK, '"SYS_PTRACE"'))].endswith(
        "container 'agent' adds Linux capabilities: SYS_PTRACE."
    )
    assert "container 'bare' sets no user" in messages[("root-user", line_of(TASK, '"name": "bare"'))]


# --- CloudFormation ----------------------------------------------------------------------------------------------

TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
Resources:
  TasksGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: tasks
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: 23
          ToPort: 1000
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: 0
          ToPort: 21
          CidrIp: 0.0.0.0/0
        - IpProtocol: udp
          FromPort: 3389
          ToPort: 3389
          CidrIpv6: ::/0
        - IpProtocol: tcp
          FromPort: 0
          ToPort: 65535
          CidrIpv6: ::/0
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 10.0.0.0/8
  OpenEverything:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref TasksGroup
      IpProtocol: "-1"
      CidrIp: 0.0.0.0/0
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
  SharedTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: shared
      NetworkMode: awsvpc
      TaskRoleArn: !GetAtt AppRole.Arn
      ExecutionRoleArn: !Ref AppRole
      ContainerDefinitions:
        - Name: web
          Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web:1.0"
          User: root
          ReadonlyRootFilesystem: "false"
          Environment:
            - Name: DB_PASSWORD
              Value: correct-horse-battery-staple
            - Name: API_TOKEN_TTL
              Value: "3600"
            - Name: API_TOKEN
              Value: !Ref ApiToken
  WebService:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref SharedTask
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: ENABLED
          Subnets: !Ref Subnets
  BlueTaskSet:
    Type: AWS::ECS::TaskSet
    Properties:
      Cluster: web
      Service: !Ref WebService
      TaskDefinition: !Ref SharedTask
      NetworkConfiguration:
        AwsVpcConfiguration:
          AssignPublicIp: ENABLED
          Subnets: !Ref Subnets
  GreenTaskSet:
    Type: AWS::ECS::TaskSet
    Properties:
      Cluster: web
      Service: !Ref WebService
      TaskDefinition: !Ref SharedTask
      NetworkConfiguration:
        AwsVpcConfiguration:
          AssignPublicIp: DISABLED
          Subnets: !Ref Subnets
"""


@pytest.fixture(scope="module")
def template_report(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("cfn")
    (folder / "stack.yaml").write_text(TEMPLATE)
    return scan_json("stack.yaml", cwd=folder)


def test_security_group_findings_land_on_the_source_lines(template_report):
    t = TEMPLATE
    assert located(template_report, "TasksGroup") == {
        ("sg-world-ingress-admin-port", line_of(t, "CidrIp: 0.0.0.0/0", 1), "high"),
        ("sg-world-ingress-admin-port", line_of(t, "CidrIpv6: ::/0", 1), "high"),
        ("sg-world-ingress-all-traffic", line_of(t, "CidrIpv6: ::/0", 2), "critical"),
        ("sg-world-ingress-all-traffic", line_of(t, "CidrIp: 0.0.0.0/0", 4), "critical"),
    }


def test_template_task_definition_findings(template_report):
    t = TEMPLATE
    assert located(template_report, "SharedTask") == {
        ("task-execution-role-shared", line_of(t, "ExecutionRoleArn: !Ref AppRole"), "medium"),
        ("root-user", line_of(t, "User: root"), "high"),
        ("writable-root-filesystem", line_of(t, "ReadonlyRootFilesystem"), "medium"),
        ("secrets-in-environment", line_of(t, "Value: correct-horse-battery-staple"), "critical"),
    }


def test_public_ip_on_services_and_task_sets(template_report):
    t = TEMPLATE
    assert located(template_report, "WebService") == {("public-ip-assigned", line_of(t, "AssignPublicIp", 1), "high")}
    assert located(template_report, "BlueTaskSet") == {("public-ip-assigned", line_of(t, "AssignPublicIp", 2), "high")}
    assert located(template_report, "GreenTaskSet") == set()


def test_admin_port_message_names_ports_and_traffic(template_report):
    findings = template_report["findings"]
    messages = {f["line"]: f["message"] for f in findings if f["rule"] == "sg-world-ingress-admin-port"}
    assert messages[line_of(TEMPLATE, "CidrIp: 0.0.0.0/0", 1)] == (
        "Security group 'TasksGroup': ingress from 0.0.0.0/0 reaches administration port 22 (tcp port 22)."
    )
    assert line_of(TEMPLATE, "CidrIp: 0.0.0.0/0", 4) not in messages  # all traffic: one finding, all-traffic's
    assert messages[line_of(TEMPLATE, "CidrIpv6: ::/0", 1)].endswith("administration port 3389 (udp port 3389).")


# --- the examples ------------------------------------------------------------------------------------------------


def test_hardened_example_trips_no_foundation_rule():
    report = scan_json("examples/hardened-task-definition.json")
    assert report["summary"]["resources"] == 1
    assert report["findings"] == []


def test_risky_example_trips_the_task_definition_rules():
    text = (ROOT / "examples" / "risky-task-definition.json").read_text()
    rules = {(f["rule"], f["line"]) for f in scan_json("examples/risky-task-definition.json")["findings"]}
    assert {
        ("privileged-container", line_of(text, '"privileged": true')),
        ("root-user", line_of(text, '"user": "root"')),
        ("host-network-mode", line_of(text, '"networkMode": "host"')),
        ("task-execution-role-shared", line_of(text, '"executionRoleArn"')),
        ("added-capabilities", line_of(text, '"add": [')),
        ("secrets-in-environment", line_of(text, '"AWS_ACCESS_KEY_ID"')),
        ("secrets-in-environment", line_of(text, '"AWS_SECRET_ACCESS_KEY"')),
    } <= rules
    assert not any(
        rule == "secrets-in-environment" and line == line_of(text, "PASSWORD_MIN_LENGTH") for rule, line in rules
    )


def test_web_stack_example_trips_the_network_and_service_rules():
    text = (ROOT / "examples" / "web-stack.yaml").read_text()
    rules = {(f["rule"], f["line"]) for f in scan_json("examples/web-stack.yaml")["findings"]}
    assert {
        ("sg-world-ingress-admin-port", line_of(text, "FromPort: 22") + 2),
        ("sg-world-ingress-all-traffic", line_of(text, "CidrIpv6: ::/0")),
        ("public-ip-assigned", line_of(text, "AssignPublicIp: ENABLED")),
        ("task-execution-role-shared", line_of(text, "ExecutionRoleArn")),
        ("writable-root-filesystem", line_of(text, "ReadonlyRootFilesystem")),
        ("secrets-in-environment", line_of(text, "Name: API_TOKEN") + 1),
    } <= rules


# --- secrets never leave fgscan ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_secret_value_in_any_report(tmp_path, fmt):
    task = {
        "family": "leaky",
        "containerDefinitions": [
            {
                "name": "app",
                "image": "app:1",
                "environment": [{"name": k, "value": v} for k, v in SECRETS.items()],
            }
        ],
    }
    (tmp_path / "task.json").write_text(json.dumps(task, indent=2))
    proc = run_fgscan("scan", "task.json", "--format", fmt, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "FG-CTR-005" in proc.stdout or "secrets-in-environment" in proc.stdout, proc.stdout
    for name, value in SECRETS.items():
        shown = name.replace("_", "\\_") if fmt == "markdown" else name  # Markdown escapes `_`
        assert f"'{shown}'" in proc.stdout, f"{fmt} report does not name {name}"
        for piece in [value, *value.splitlines()]:
            if len(piece) >= 8:
                assert piece not in proc.stdout and piece not in proc.stderr, f"{fmt} report leaks {name}"
