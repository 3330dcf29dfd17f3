"""The IAM rules end to end: real templates and CLI output through the real CLI, findings on the exact line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, FormatChecker

from scanner import pipeline
from tests.conftest import EXAMPLES, run_fgscan

TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: ecs-tasks.amazonaws.com
            Action: sts:AssumeRole
          - Effect: Allow
            Principal:
              AWS: arn:aws:iam::444455556666:root
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Sub arn:${AWS::Partition}:iam::aws:policy/PowerUserAccess
        - !Ref DeployPolicy
      Policies:
        - PolicyName: app
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: ["dynamodb:*"]
                Resource: !GetAtt Table.Arn
              - Effect: Allow
                Action: [sqs:SendMessage, sqs:ReceiveMessage, sqs:DeleteMessage]
                Resource: "*"
  DeployPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [ecs:RegisterTaskDefinition, iam:PassRole]
            Resource: "*"
  SecretsPolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: secrets
      Roles: [!Ref ExecRole]
      PolicyDocument:
        Statement:
          Effect: Allow
          Action: ssm:GetParameters
          Resource: !Sub arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/*
  ExecRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
  LeastRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: least-privilege
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
            Condition:
              StringEquals: {aws:SourceAccount: !Ref AWS::AccountId}
          - Effect: Allow
            Principal: {AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: read-assets
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [s3:GetObject, s3:PutObject]
                Resource: arn:aws:s3:::web-assets/*
              - Effect: Allow
                Action: [s3:ListAllMyBuckets, ec2:Describe*, xray:PutTraceSegments]
                Resource: "*"
              - Effect: Allow
                Action: [secretsmanager:GetSecretValue, ssm:GetParameters]
                Resource: "*"
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
  OrphanPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Users: [deployer]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: iam:*
            Resource: arn:aws:iam::111122223333:user/deployer
  AppTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: app
      TaskRoleArn: !GetAtt AppRole.Arn
      ExecutionRoleArn: !GetAtt ExecRole.Arn
      ContainerDefinitions:
        - Name: app
          Image: public.ecr.aws/nginx/nginx:1.27
  CleanTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: clean
      TaskRoleArn: !GetAtt LeastRole.Arn
      ExecutionRoleArn: !GetAtt ExecRole.Arn
      ContainerDefinitions:
        - Name: app
          Image: public.ecr.aws/nginx/nginx:1.27
"""

IAM_RULES = (
    "iam-wildcard-action",
    "iam-wildcard-resource-sensitive",
    "iam-privilege-escalation",
    "iam-admin-policy-attached",
    "iam-trust-policy-unscoped",
    "iam-trust-policy-too-broad",
    "exec-role-broad-secret-access",
)


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the nth line containing `needle`."""
    hits = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    return hits[nth - 1]


def iam_findings(*paths: str, cwd: Path) -> list[dict]:
    args = [arg for rule in IAM_RULES for arg in ("--rule", rule)]
    proc = run_fgscan("scan", *paths, *args, "--format", "json", cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["findings"]


@pytest.fixture(scope="module")
def template_findings(tmp_path_factory) -> list[dict]:
    folder = tmp_path_factory.mktemp("cfn")
    (folder / "stack.yaml").write_text(TEMPLATE)
    return iam_findings("stack.yaml", cwd=folder)


def located(findings: list[dict], resource: str) -> set[tuple[str, int]]:
    return {(f["rule"], f["line"]) for f in findings if f["resource"] == resource}


def test_template_role_findings_land_on_the_offending_lines(template_findings):
    t = TEMPLATE
    assert located(template_findings, "AppRole") == {
        ("iam-trust-policy-unscoped", line_of(t, "Principal:", 1)),
        ("iam-trust-policy-too-broad", line_of(t, "Principal:", 2)),
        ("iam-admin-policy-attached", line_of(t, "policy/PowerUserAccess")),
        ("iam-wildcard-action", line_of(t, '"dynamodb:*"')),
        ("iam-wildcard-resource-sensitive", line_of(t, "sqs:SendMessage")),
        ("iam-privilege-escalation", line_of(t, "ecs:RegisterTaskDefinition")),
    }


def test_messages_name_the_task_definitions_using_the_role(template_findings):
    by_rule = {f["rule"]: f["message"] for f in template_findings if f["resource"] == "AppRole"}
    assert by_rule["iam-wildcard-action"] == (
        "IAM role 'AppRole': inline policy 'app' allows dynamodb:*. The role is the task role of task definition "
        "'AppTask'."
    )
    assert (
        "managed policy 'DeployPolicy' allows ecs:registertaskdefinition together with iam:passrole"
        in (by_rule["iam-privilege-escalation"])
    )
    assert "account 444455556666 (not shown to be this role's account)" in by_rule["iam-trust-policy-too-broad"]
    assert "AWS managed policy 'PowerUserAccess'" in by_rule["iam-admin-policy-attached"]


def test_execution_role_reading_every_parameter(template_findings):
    [finding] = [f for f in template_findings if f["resource"] == "ExecRole"]
    assert finding["rule"] == "exec-role-broad-secret-access"
    assert finding["line"] == line_of(TEMPLATE, "Action: ssm:GetParameters")
    assert finding["message"].endswith(
        "policy 'secrets' allows ssm:getparameters on every resource. The role is the execution role of "
        "task definitions 'AppTask', 'CleanTask'."
    )


def test_least_privilege_role_and_attached_policies_stay_clean(template_findings):
    resources = {f["resource"] for f in template_findings}
    assert "LeastRole" not in resources
    assert not resources & {"DeployPolicy", "SecretsPolicy"}


def test_standalone_policy_is_judged_on_its_own(template_findings):
    orphan = {(f["rule"], f["line"]) for f in template_findings if f["resource"] == "OrphanPolicy"}
    line = line_of(TEMPLATE, "Action: iam:*")
    assert orphan == {("iam-wildcard-action", line), ("iam-privilege-escalation", line)}
    [message] = [
        f["message"]
        for f in template_findings
        if f["rule"] == "iam-wildcard-action" and f["resource"] == "OrphanPolicy"
    ]
    assert message == "IAM policy 'OrphanPolicy': the policy allows iam:*."


AUTH_DETAILS = {
    "UserDetailList": [],
    "GroupDetailList": [],
    "RoleDetailList": [
        {
            "Path": "/",
            "RoleName": "web-task",
            "RoleId": "AROAEXAMPLETASK000001",
            "Arn": "arn:aws:iam::111122223333:role/web-task",
            "AssumeRolePolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "ecs-tasks.amazonaws.com"},
                        "Action": "sts:AssumeRole",
                        "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}},
                    }
                ],
            },
            "RolePolicyList": [
                {
                    "PolicyName": "data",
                    "PolicyDocument": {
                        "Version": "2012-10-17",
                        "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::web-data/*"}],
                    },
                }
            ],
            "AttachedManagedPolicies": [
                {"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"},
                {"PolicyName": "deploy", "PolicyArn": "arn:aws:iam::111122223333:policy/deploy"},
            ],
        },
        {
            "Path": "/",
            "RoleName": "web-exec",
            "RoleId": "AROAEXAMPLEEXEC000001",
            "Arn": "arn:aws:iam::111122223333:role/web-exec",
            "AssumeRolePolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "ecs-tasks.amazonaws.com"},
                        "Action": "sts:AssumeRole",
                    },
                    {
                        "Effect": "Allow",
                        "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:role/ci"]},
                        "Action": "sts:AssumeRole",
                    },
                ],
            },
            "RolePolicyList": [
                {
                    "PolicyName": "secrets",
                    "PolicyDocument": {
                        "Version": "2012-10-17",
                        "Statement": [
                            {
                                "Effect": "Allow",
                                "Action": ["secretsmanager:GetSecretValue"],
                                "Resource": "arn:aws:secretsmanager:*:111122223333:secret:*",
                            }
                        ],
                    },
                }
            ],
            "AttachedManagedPolicies": [
                {
                    "PolicyName": "AmazonECSTaskExecutionRolePolicy",
                    "PolicyArn": "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
                }
            ],
        },
    ],
    "Policies": [
        {
            "PolicyName": "deploy",
            "Arn": "arn:aws:iam::111122223333:policy/deploy",
            "DefaultVersionId": "v2",
            "PolicyVersionList": [
                {
                    "Document": {
                        "Version": "2012-10-17",
                        "Statement": [{"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "*"}],
                    },
                    "VersionId": "v2",
                    "IsDefaultVersion": True,
                },
                {
                    "Document": {
                        "Version": "2012-10-17",
                        "Statement": [{"Effect": "Allow", "Action": "iam:AttachRolePolicy", "Resource": "*"}],
                    },
                    "VersionId": "v1",
                    "IsDefaultVersion": False,
                },
            ],
        }
    ],
}

TASK_DEFINITION = {
    "taskDefinition": {
        "family": "web",
        "revision": 3,
        "taskRoleArn": "arn:aws:iam::111122223333:role/web-task",
        "executionRoleArn": "arn:aws:iam::111122223333:role/web-exec",
        "containerDefinitions": [{"name": "web", "image": "public.ecr.aws/nginx/nginx:1.27"}],
    }
}


@pytest.fixture(scope="module")
def cli_output(tmp_path_factory) -> tuple[str, list[dict]]:
    folder = tmp_path_factory.mktemp("cli")
    text = json.dumps(AUTH_DETAILS, indent=2)
    (folder / "auth.json").write_text(text)
    (folder / "td.json").write_text(json.dumps(TASK_DEFINITION, indent=2))
    return text, iam_findings("auth.json", "td.json", cwd=folder)


def test_authorization_details_findings_on_their_lines(cli_output):
    text, findings = cli_output
    assert located(findings, "web-task") == {
        ("iam-admin-policy-attached", line_of(text, '"PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"')),
        ("iam-wildcard-action", line_of(text, '"Action": "s3:*"')),
        ("iam-privilege-escalation", line_of(text, '"Action": "iam:CreatePolicyVersion"')),
    }
    assert located(findings, "web-exec") == {  # used only as an execution role: no confused-deputy finding
        ("iam-trust-policy-too-broad", line_of(text, '"Principal": {', 3)),
        ("exec-role-broad-secret-access", line_of(text, '"Action": [', 1)),
    }


def test_authorization_details_messages(cli_output):
    _, findings = cli_output
    messages = {(f["resource"], f["rule"]): f["message"] for f in findings}
    assert messages[("web-exec", "iam-trust-policy-too-broad")] == (
        "IAM role 'web-exec': the trust policy lets account 444455556666 assume the role without an sts:ExternalId "
        "or aws:PrincipalOrgID condition. The role is the execution role of task definition 'web:3'."
    )
    assert messages[("web-task", "iam-privilege-escalation")].startswith(
        "IAM role 'web-task': managed policy 'deploy' allows iam:createpolicyversion."
    )


def test_role_scanned_without_its_task_definitions_is_still_judged(tmp_path):
    (tmp_path / "auth.json").write_text(json.dumps(AUTH_DETAILS))
    findings = iam_findings("auth.json", cwd=tmp_path)
    rules = {(f["resource"], f["rule"]) for f in findings}
    assert ("web-exec", "iam-trust-policy-too-broad") in rules and ("web-task", "iam-admin-policy-attached") in rules
    assert ("web-exec", "exec-role-broad-secret-access") not in rules  # not known to be an execution role
    assert ("web-exec", "iam-trust-policy-unscoped") not in rules  # but it has the execution role's policy
    assert all("task definition" not in f["message"] for f in findings)


def test_web_stack_example_task_role():
    findings = iam_findings(str(EXAMPLES / "web-stack.yaml"), cwd=EXAMPLES.parent)
    text = (EXAMPLES / "web-stack.yaml").read_text()
    assert located(findings, "TaskRole") == {
        ("iam-trust-policy-unscoped", line_of(text, "Principal: {Service: ecs-tasks.amazonaws.com}")),
        ("iam-wildcard-action", line_of(text, "Action: s3:*")),
        ("exec-role-broad-secret-access", line_of(text, "Action: secretsmanager:GetSecretValue")),
    }


def test_sarif_region_is_the_managed_policy_arn_entry(tmp_path, sarif_schema):
    (tmp_path / "stack.yaml").write_text(TEMPLATE)
    proc = run_fgscan("scan", "stack.yaml", "--rule", "iam-admin-policy-attached", "--format", "sarif", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    log = json.loads(proc.stdout)
    assert not list(Draft4Validator(sarif_schema, format_checker=FormatChecker()).iter_errors(log))
    [result] = log["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    row = line_of(TEMPLATE, "policy/PowerUserAccess")
    entry = TEMPLATE.splitlines()[row - 1]
    assert (region["startLine"], region["startColumn"]) == (row, entry.index("!Sub") + 1)
    assert region.get("endLine", row) == row


def test_roles_are_linked_to_task_definitions_of_other_batches(tmp_path):
    """More files than one load batch holds: the role file comes first, the task definition naming it last."""
    (tmp_path / "a-auth.json").write_text(json.dumps(AUTH_DETAILS))
    filler = {"family": "filler", "containerDefinitions": [{"name": "app", "image": "public.ecr.aws/a/b:1"}]}
    for i in range(pipeline.LOAD_BATCH + 5):
        (tmp_path / f"m-{i:03}.json").write_text(json.dumps({**filler, "family": f"filler-{i}"}))
    (tmp_path / "z-td.json").write_text(json.dumps(TASK_DEFINITION))
    findings = iam_findings(".", cwd=tmp_path)
    [secret] = [f for f in findings if f["rule"] == "exec-role-broad-secret-access"]
    assert secret["resource"] == "web-exec"
    assert secret["message"].endswith("The role is the execution role of task definition 'web:3'.")
