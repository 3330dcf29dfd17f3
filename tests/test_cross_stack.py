"""Templates scanned together link through `Fn::ImportValue`: a service whose security group and task role
come from a cluster stack's exports is judged with them, as it is deployed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_fgscan

CLUSTER = """\
Parameters:
  EnvironmentName: {Type: String, Default: production}
Resources:
  ContainerSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: containers
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 3000, ToPort: 3000, CidrIp: 0.0.0.0/0, Description: app}
  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: sts:AssumeRole}
      Policies:
        - PolicyName: everything
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: "*", Resource: "*"}
Outputs:
  ContainerSecurityGroup:
    Value: !Ref ContainerSecurityGroup
    Export:
      Name: !Join [":", [!Ref "AWS::StackName", ContainerSecurityGroup]]
  TaskRole:
    Value: !GetAtt TaskRole.Arn
    Export:
      Name: !Sub "${EnvironmentName}:TaskRole"
"""

SERVICE = """\
Parameters:
  StackName: {Type: String, Default: production}
  EnvironmentName: {Type: String, Default: production}
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      TaskRoleArn:
        Fn::ImportValue: !Sub "${EnvironmentName}:TaskRole"
      ContainerDefinitions:
        - Name: web
          Image: public.ecr.aws/nginx/nginx:1.25
          PortMappings: [{ContainerPort: 3000}]
  Service:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      TaskDefinition: !Ref Task
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: ENABLED
          SecurityGroups:
            - Fn::ImportValue: !Join [":", [!Ref StackName, ContainerSecurityGroup]]
          Subnets: [subnet-1]
"""


def scan(*paths: Path) -> dict:
    proc = run_fgscan("scan", *map(str, paths), "-f", "json", "--fail-on", "none")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def stacks(folder: Path, *clusters: str) -> Path:
    folder.mkdir()
    (folder / "service.yaml").write_text(SERVICE)
    for i, cluster in enumerate(clusters):
        (folder / f"cluster{i}.yaml").write_text(cluster)
    return folder


def test_a_service_is_judged_with_the_group_and_role_another_stack_exports(tmp_path):
    report = scan(stacks(tmp_path / "stacks", CLUSTER))
    [exposed] = [f for f in report["findings"] if f["rule"] == "internet-exposed-task"]
    assert exposed["severity"] == "critical"  # the imported task role can do anything
    assert exposed["file"].endswith("cluster0.yaml") and exposed["line"] == 9  # the rule that admits the port
    assert "port 3000 is reachable from the internet" in exposed["message"]
    assert "task role 'TaskRole' is administrator-like" in exposed["message"]
    assert {(r["file"].rsplit("/", 1)[1], r["line"]) for r in exposed["related"]} >= {("service.yaml", 25)}
    [admin] = [f for f in report["findings"] if f["rule"] == "iam-admin-policy-attached"]
    assert "The role is the task role of task definition 'Task'" in admin["message"]
    assert not any("!ImportValue" in notice for notice in report["notices"])


def test_alone_the_service_is_judged_on_what_is_proven(tmp_path):
    folder = stacks(tmp_path / "stacks", CLUSTER)
    report = scan(folder / "service.yaml")
    assert not [f for f in report["findings"] if f["rule"] == "internet-exposed-task"]
    unknown = "service 'Service' (security group !ImportValue production:ContainerSecurityGroup)"
    assert any(unknown in notice for notice in report["notices"])


@pytest.mark.parametrize(
    "closed_name",
    [
        '!Join [":", [!Ref "AWS::StackName", ContainerSecurityGroup]]',
        '!Sub "${EnvironmentName}:ContainerSecurityGroup"',
    ],
    ids=["both-built-on-the-stack-name", "one-exactly-the-imported-name"],
)
def test_an_import_two_exports_fit_links_to_neither(tmp_path, closed_name):
    """Two cluster stacks export names `production:ContainerSecurityGroup` fits: an export name is unique in
    a region, so they are alternatives (two sample apps in one repository) and neither is assumed."""
    open_cluster = CLUSTER
    closed_cluster = CLUSTER.replace("CidrIp: 0.0.0.0/0", "CidrIp: 10.0.0.0/16").replace(
        '!Join [":", [!Ref "AWS::StackName", ContainerSecurityGroup]]', closed_name
    )
    report = scan(stacks(tmp_path / "stacks", open_cluster, closed_cluster))
    assert not [f for f in report["findings"] if f["rule"] == "internet-exposed-task"]
    assert any("(security group !ImportValue production:ContainerSecurityGroup)" in n for n in report["notices"])


def test_a_public_sample_links_its_service_to_the_cluster_stack():
    """nathanpeck/socket.io-chat-fargate: the chat service imports its group, subnets, listener and roles
    from the cluster stack by `${EnvironmentName}:...` names."""
    folder = ROOT / "tests" / "corpus" / "public" / "cloudformation" / "socket.io-chat-fargate"
    together = scan(folder)
    alone = scan(folder / "chat-service.yml")
    unknown = "service 'Service' (security group !ImportValue production:FargateContainerSecurityGroup)"
    assert any(unknown in notice for notice in alone["notices"])
    assert not any("!ImportValue" in notice for notice in together["notices"])


def test_an_export_named_by_the_stack_name_alone_fits_no_import(tmp_path):
    """`Name: !Sub ${AWS::StackName}` would fit every import name: it is no evidence of which one."""
    built_on_stack_name = '!Join [":", [!Ref "AWS::StackName", ContainerSecurityGroup]]'
    cluster = CLUSTER.replace(built_on_stack_name, '!Sub "${AWS::StackName}"')
    service = SERVICE.replace('!Join [":", [!Ref StackName, ContainerSecurityGroup]]', "!Ref StackName")
    folder = tmp_path / "stacks"
    folder.mkdir()
    (folder / "cluster.yaml").write_text(cluster)
    (folder / "service.yaml").write_text(service)
    report = scan(folder)
    assert not [f for f in report["findings"] if f["rule"] == "internet-exposed-task"]
    assert any("(security group !ImportValue production)" in notice for notice in report["notices"])
