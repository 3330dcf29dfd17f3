"""Every source normalises to the one canonical model (the AWS API shapes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scanner.model import Resource
from scanner.sources import recognise
from scanner.sources.api_shapes import generate, shapes
from scanner.sources.documents import guess_format, parse, read_text

TASK = {"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "privileged": True}]}


def resources(tmp_path: Path, name: str, content: str | dict | list) -> list[Resource] | None:
    file = tmp_path / name
    file.write_text(content if isinstance(content, str) else json.dumps(content, indent=2))
    text = read_text(file, name)
    return recognise(parse(text, name, guess_format(file, text)))


def by_name(found: list[Resource]) -> dict[str, Resource]:
    return {r.name: r for r in found}


def test_register_form_task_definition(tmp_path):
    [task] = resources(tmp_path, "td.json", TASK)
    assert (task.kind, task.name, task.source_root) == ("ecs_task_definition", "web", ())
    assert task.data["containerDefinitions"][0]["privileged"] is True


def test_describe_form_task_definition_keeps_tags_and_arn(tmp_path):
    body = {**TASK, "revision": 3, "taskDefinitionArn": "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:3"}
    [task] = resources(tmp_path, "td.json", {"taskDefinition": body, "tags": [{"key": "team", "value": "a"}]})
    assert task.name == "web:3"
    assert task.arn.endswith("task-definition/web:3")
    assert task.data["tags"] == [{"key": "team", "value": "a"}]
    assert task.source_path(("containerDefinitions", 0)) == ("taskDefinition", "containerDefinitions", 0)


def test_array_of_task_definitions_in_both_forms(tmp_path):
    found = resources(tmp_path, "tds.json", [TASK, {"taskDefinition": {**TASK, "family": "api"}}])
    assert [r.name for r in found] == ["web", "api"]
    assert found[1].source_root == (1, "taskDefinition")


@pytest.mark.parametrize(
    ("content", "kind", "name"),
    [
        (
            {"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "web", "IpPermissions": []}]},
            "ec2_security_group",
            "sg-1",
        ),
        ({"GroupId": "sg-2", "IpPermissions": [], "IpPermissionsEgress": []}, "ec2_security_group", "sg-2"),
        ({"NetworkInterfaces": [{"NetworkInterfaceId": "eni-1", "Groups": []}]}, "ec2_network_interface", "eni-1"),
        ({"NetworkInterfaceId": "eni-2"}, "ec2_network_interface", "eni-2"),
        ({"services": [{"serviceName": "web", "serviceArn": "arn:s"}], "failures": []}, "ecs_service", "web"),
        ({"serviceName": "api", "serviceArn": "arn:aws:ecs:r:1:service/c/api"}, "ecs_service", "api"),
        ({"clusters": [{"clusterName": "prod", "clusterArn": "arn:c"}], "failures": []}, "ecs_cluster", "prod"),
        ({"clusterName": "dev", "clusterArn": "arn:c2"}, "ecs_cluster", "dev"),
    ],
)
def test_aws_cli_output_wrapped_and_bare(tmp_path, content, kind, name):
    [found] = resources(tmp_path, "out.json", content)
    assert (found.kind, found.name) == (kind, name)


def test_unrelated_json_and_yaml_are_not_recognised(tmp_path):
    assert resources(tmp_path, "package.json", {"name": "x", "dependencies": {}}) is None
    assert resources(tmp_path, "workflow.yml", "on: push\njobs: {}\n") is None
    assert resources(tmp_path, "tpl.yaml", "Resources:\n  Q:\n    Type: Custom::Thing\n") is None


TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Conditions:
  Debug: !Equals [!Ref Env, dev]
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterName: prod
      ClusterSettings:
        - Name: containerInsights
          Value: enabled
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: tasks
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: "8080"
          ToPort: 8080
          SourceSecurityGroupId: sg-lb
          Description: from the balancer
        - IpProtocol: -1
          CidrIp: 10.0.0.0/8
  Extra:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt Group.GroupId
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: 0.0.0.0/0
  Orphan:
    Type: AWS::EC2::SecurityGroupEgress
    Properties:
      GroupId: sg-elsewhere
      IpProtocol: "-1"
      DestinationPrefixListId: pl-123
  Eni:
    Type: AWS::EC2::NetworkInterface
    Properties:
      SubnetId: subnet-1
      SourceDestCheck: "false"
      GroupSet: [!Ref Group]
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Version: 2012-10-17, Statement: []}
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
      Policies:
        - PolicyName: inline
          PolicyDocument: {Statement: [{Effect: Allow, Action: "s3:GetObject", Resource: "*"}]}
  ExtraPolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: extra
      Roles: [!Ref Role]
      PolicyDocument: {Statement: [{Effect: Allow, Action: "sqs:*", Resource: "*"}]}
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      TaskRoleArn: !GetAtt Role.Arn
      ExecutionRoleArn: arn:aws:iam::111122223333:role/exec
      ContainerDefinitions:
        - Name: app
          Image: nginx
          Privileged: !If [Debug, true, false]
          ReadonlyRootFilesystem: "true"
          DockerLabels: {Com.Example.Owner: team-a}
          LogConfiguration:
            LogDriver: awslogs
            Options: {awslogs-group: /ecs/web, Mode: non-blocking}
      Volumes:
        - Name: data
          EFSVolumeConfiguration:
            FilesystemId: fs-1
            TransitEncryption: ENABLED
            AuthorizationConfig: {IAM: ENABLED}
      ProxyConfiguration:
        ContainerName: envoy
        ProxyConfigurationProperties: [{Name: AppPorts, Value: "8080"}]
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      TaskDefinition: !Ref Task
      EnableExecuteCommand: "true"
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: DISABLED
          SecurityGroups: [!GetAtt Group.GroupId, sg-literal]
  Set:
    Type: AWS::ECS::TaskSet
    Properties:
      Cluster: !Ref Cluster
      Service: !Ref Service
      TaskDefinition: !Ref Task
      NetworkConfiguration:
        AwsVpcConfiguration:
          AssignPublicIp: ENABLED
"""


@pytest.fixture
def template(tmp_path) -> dict[str, Resource]:
    return by_name(resources(tmp_path, "stack.yaml", TEMPLATE))


def test_template_resources_map_to_their_kinds(template):
    assert {name: r.kind for name, r in template.items()} == {
        "Cluster": "ecs_cluster",
        "Group": "ec2_security_group",
        "Orphan": "ec2_security_group",
        "Eni": "ec2_network_interface",
        "Role": "iam_role",
        "ExtraPolicy": "iam_policy",
        "Task": "ecs_task_definition",
        "Service": "ecs_service",
        "Set": "ecs_task_set",
    }


def test_ecs_properties_use_botocore_names_with_the_known_renames(template):
    task = template["Task"].data
    container = task["containerDefinitions"][0]
    assert container["readonlyRootFilesystem"] is True
    # `template` keeps the last reading of each resource (Fn::If readings are tested in test_cfn_readings.py)
    assert (container["privileged"], template["Task"].variant) == (False, "when condition Debug does not hold")
    assert container["dockerLabels"] == {"Com.Example.Owner": "team-a"}
    assert container["logConfiguration"] == {
        "logDriver": "awslogs",
        "options": {"awslogs-group": "/ecs/web", "Mode": "non-blocking"},
    }
    efs = task["volumes"][0]["efsVolumeConfiguration"]
    assert efs == {"fileSystemId": "fs-1", "transitEncryption": "ENABLED", "authorizationConfig": {"iam": "ENABLED"}}
    assert task["proxyConfiguration"]["properties"] == [{"name": "AppPorts", "value": "8080"}]
    assert template["Cluster"].data["settings"] == [{"name": "containerInsights", "value": "enabled"}]
    service = template["Service"].data
    assert service["enableExecuteCommand"] is True
    assert service["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"] == "DISABLED"
    assert template["Set"].data["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"] == "ENABLED"


def test_security_group_rules_take_the_describe_shape_and_standalone_rules_join(template):
    group = template["Group"].data
    assert group["Description"] == "tasks"
    assert group["IpPermissions"] == [
        {
            "IpProtocol": "tcp",
            "FromPort": 8080,
            "ToPort": 8080,
            "UserIdGroupPairs": [{"GroupId": "sg-lb", "Description": "from the balancer"}],
        },
        {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
    ]
    joined = template["Group"].source_path(("IpPermissions", 2, "IpRanges", 0, "CidrIp"))
    assert joined == ("Resources", "Extra", "Properties", "CidrIp")
    orphan = template["Orphan"].data
    assert orphan["GroupId"] == "sg-elsewhere"
    assert orphan["IpPermissionsEgress"] == [{"IpProtocol": "-1", "PrefixListIds": [{"PrefixListId": "pl-123"}]}]


def test_network_interface_and_role_shapes(template):
    eni = template["Eni"].data
    assert eni["Groups"] == [{"GroupId": {"Ref": "Group"}}]
    assert eni["SourceDestCheck"] is False
    role = template["Role"].data
    assert role["AssumeRolePolicyDocument"]["Version"] == "2012-10-17"
    assert role["AttachedManagedPolicies"] == [{"PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}]
    assert [p["PolicyName"] for p in role["RolePolicyList"]] == ["inline", "extra"]
    assert template["Role"].source_path(("RolePolicyList", 1, "PolicyDocument")) == (
        "Resources",
        "ExtraPolicy",
        "Properties",
        "PolicyDocument",
    )


def test_references_between_resources_are_links(template):
    assert template["Service"].links == {
        "task_definition": "Task",
        "security_groups": ["Group", "sg-literal"],
        "cluster": "Cluster",
    }
    assert template["Set"].links == {"task_definition": "Task", "cluster": "Cluster", "service": "Service"}
    assert template["Task"].links == {"task_role": "Role", "execution_role": "arn:aws:iam::111122223333:role/exec"}
    assert template["Eni"].links == {"security_groups": ["Group"]}


def test_cloudformation_json_template_is_read_too(tmp_path):
    body = {
        "Resources": {
            "Td": {
                "Type": "AWS::ECS::TaskDefinition",
                "Properties": {"ContainerDefinitions": [{"Name": "a", "Privileged": "true"}]},
            }
        }
    }
    [task] = resources(tmp_path, "x.template.json", body)
    assert task.data["containerDefinitions"][0] == {"name": "a", "privileged": True}


def test_api_shapes_file_agrees_with_installed_botocore():
    """Every shape and member we map onto still exists in botocore (new members may be added)."""
    current = generate()
    for ref, spec in shapes().items():
        assert ref in current, f"{ref} is gone from botocore; regenerate with: python -m scanner.sources.api_shapes"
        if isinstance(spec, dict) and "s" in spec:
            missing = set(spec["s"]) - set(current[ref]["s"])
            assert not missing, f"{ref} lost {missing}; regenerate with: python -m scanner.sources.api_shapes"
        else:
            assert spec == current[ref]
