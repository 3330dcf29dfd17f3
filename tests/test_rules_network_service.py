"""The network, service and cluster rules end to end: real AWS CLI output and CloudFormation written to
disk, scanned by the real CLI, each finding pinned to the line of the offending key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scanner import facts
from scanner.engine import make_engine
from scanner.model import Resource
from scanner.rulebook import Rulebook
from tests.conftest import EXAMPLES, run_fgscan

RULES = (
    "outdated-platform-version",
    "ecs-exec-enabled",
    "exec-logging-disabled",
    "container-insights-disabled",
    "service-default-security-group",
    "sg-world-ingress-high-risk-port",
    "sg-world-ingress-unauthorized-port",
    "sg-world-egress-all",
    "sg-default-allows-traffic",
    "sg-wide-public-cidr",
    "sg-broad-private-ingress",
    "sg-port-range",
    "sg-rule-missing-description",
    "eni-public-ip",
    "eni-source-dest-check-disabled",
)


def scan(path: Path, rules: tuple[str, ...] = RULES) -> dict:
    """The JSON report of a scan limited to `rules` (all rules when empty)."""
    selection = [arg for rule in rules for arg in ("--rule", rule)]
    proc = run_fgscan("scan", str(path), "--format", "json", "--fail-on", "none", *selection)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def found(report: dict) -> set[tuple[str, str, int]]:
    """(rule, resource, line) of every finding."""
    return {(f["rule"], f["resource"], f["line"]) for f in report["findings"]}


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The line number of the `nth` line containing `needle`."""
    lines = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[nth - 1]


def ip_permission(protocol: str, sources: dict, low: int | None = None, high: int | None = None) -> dict:
    """An `IpPermission` as describe-security-groups prints it."""
    permission = {"IpProtocol": protocol, "IpRanges": [], "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}
    permission.update(sources)
    if low is not None:
        permission |= {"FromPort": low, "ToPort": high if high is not None else low}
    return permission


def cidr(value: str, description: str | None = None) -> dict:
    """An `IpRanges` list of one range."""
    entry = {"CidrIp": value} | ({"Description": description} if description else {})
    return {"IpRanges": [entry]}


def cidr6(value: str, description: str | None = None) -> dict:
    """An `Ipv6Ranges` list of one range."""
    entry = {"CidrIpv6": value} | ({"Description": description} if description else {})
    return {"Ipv6Ranges": [entry]}


def group(group_id: str, name: str, ingress: list[dict], egress: list[dict]) -> dict:
    """One security group as describe-security-groups prints it."""
    return {
        "Description": f"{name} group",
        "GroupName": name,
        "IpPermissions": ingress,
        "OwnerId": "111122223333",
        "GroupId": group_id,
        "IpPermissionsEgress": egress,
        "VpcId": "vpc-0a1b2c3d4e5f60718",
    }


RISKY = group(
    "sg-risky",
    "orders",
    [
        ip_permission("tcp", cidr("0.0.0.0/0"), 3306),
        ip_permission("tcp", cidr6("::/0", "web"), 80, 443),
        ip_permission("tcp", cidr("0.0.0.0/0", "tls alt"), 8443),
        ip_permission("-1", cidr("10.0.0.0/8", "internal")),
        ip_permission("tcp", cidr("52.0.0.0/8", "partner"), 9000),
        ip_permission("tcp", cidr("10.1.0.0/24", "ephemeral"), 1024, 65535),
        ip_permission("tcp", cidr("203.0.113.10/32", "office ssh"), 22),
        ip_permission("tcp", cidr("0.0.0.0/0", "just short of mysql"), 3301, 3305),
    ],
    [ip_permission("-1", cidr("0.0.0.0/0"))],
)

HARDENED = group(
    "sg-hardened",
    "web",
    [
        ip_permission("tcp", cidr("0.0.0.0/0", "public HTTPS") | cidr6("::/0", "public HTTPS"), 443),
    ],
    [ip_permission("tcp", {"PrefixListIds": [{"PrefixListId": "pl-0a1b2c3d", "Description": "S3 endpoint"}]}, 443)],
)

DEFAULT = group(
    "sg-default",
    "default",
    [
        ip_permission("-1", {"UserIdGroupPairs": [{"GroupId": "sg-default", "UserId": "111122223333"}]}),
    ],
    [ip_permission("-1", cidr("0.0.0.0/0"))],
)


def test_describe_security_groups(tmp_path):
    path = tmp_path / "security-groups.json"
    path.write_text(json.dumps({"SecurityGroups": [RISKY, HARDENED, DEFAULT]}, indent=4))
    text = path.read_text()
    world, world6 = '"CidrIp": "0.0.0.0/0"', '"CidrIpv6": "::/0"'
    expected = {
        ("sg-world-ingress-high-risk-port", "sg-risky", line_of(text, world, 1)),  # 3306
        ("sg-world-ingress-high-risk-port", "sg-risky", line_of(text, world6, 1)),  # 80-443 covers 110, 135, 143
        ("sg-world-ingress-unauthorized-port", "sg-risky", line_of(text, world6, 1)),
        ("sg-world-ingress-unauthorized-port", "sg-risky", line_of(text, world, 2)),  # 8443
        ("sg-world-ingress-unauthorized-port", "sg-risky", line_of(text, world, 3)),  # 3301-3305: not high-risk
        ("sg-broad-private-ingress", "sg-risky", line_of(text, '"10.0.0.0/8"')),
        ("sg-wide-public-cidr", "sg-risky", line_of(text, '"52.0.0.0/8"')),
        ("sg-port-range", "sg-risky", line_of(text, '"10.1.0.0/24"')),
        ("sg-rule-missing-description", "sg-risky", line_of(text, world, 1)),
        ("sg-world-egress-all", "sg-risky", line_of(text, world, 4)),
        ("sg-rule-missing-description", "sg-risky", line_of(text, world, 4)),
        ("sg-default-allows-traffic", "sg-default", line_of(text, '"IpProtocol": "-1"', 3)),
        ("sg-default-allows-traffic", "sg-default", line_of(text, '"IpProtocol": "-1"', 4)),
    }
    report = scan(path)
    assert found(report) == expected
    messages = {f["message"] for f in report["findings"] if f["rule"] == "sg-world-ingress-high-risk-port"}
    assert "Security group 'sg-risky': inbound tcp ports 80-443 from ::/0 reaches high-risk ports 110, 135, 143." in (
        messages
    )


def test_hardened_group_has_no_finding_of_medium_or_above(tmp_path):
    path = tmp_path / "web-group.json"
    path.write_text(json.dumps({"SecurityGroups": [HARDENED]}, indent=4))
    report = scan(path, ())
    assert report["summary"]["resources"] == 1
    assert [f for f in report["findings"] if f["severity"] != "low"] == []
    assert [f for f in report["findings"] if f["rule"] in RULES] == []


def test_describe_network_interfaces(tmp_path):
    def eni(eni_id: str, interface_type: str, description: str, check: bool, public_ip: str | None) -> dict:
        data = {
            "AvailabilityZone": "eu-west-1a",
            "Description": description,
            "Groups": [{"GroupId": "sg-1"}],
            "InterfaceType": interface_type,
            "NetworkInterfaceId": eni_id,
            "PrivateIpAddress": "10.0.1.25",
            "RequesterManaged": interface_type != "interface",
            "SourceDestCheck": check,
            "Status": "in-use",
            "SubnetId": "subnet-1",
            "VpcId": "vpc-1",
        }
        if public_ip:
            data["Association"] = {"IpOwnerId": "amazon", "PublicDnsName": "ec2.example", "PublicIp": public_ip}
        return data

    path = tmp_path / "enis.json"
    path.write_text(
        json.dumps(
            {
                "NetworkInterfaces": [
                    eni(
                        "eni-task",
                        "interface",
                        "arn:aws:ecs:eu-west-1:111122223333:attachment/0b1c",
                        True,
                        "203.0.113.25",
                    ),
                    eni("eni-nat", "nat_gateway", "Interface for NAT Gateway nat-0a1b", False, "198.51.100.4"),
                    eni("eni-alb", "interface", "ELB app/web/50dc6c495c0c9188", True, "198.51.100.9"),
                    eni("eni-router", "interface", "firewall appliance", False, None),
                ]
            },
            indent=4,
        )
    )
    text = path.read_text()
    assert found(scan(path)) == {
        ("eni-public-ip", "eni-task", line_of(text, '"PublicIp": "203.0.113.25"')),
        ("eni-source-dest-check-disabled", "eni-router", line_of(text, '"SourceDestCheck": false', 2)),
    }


def test_describe_services_task_sets_and_clusters(tmp_path):
    services = tmp_path / "services.json"
    awsvpc = {"subnets": ["subnet-1"], "assignPublicIp": "DISABLED"}
    services.write_text(
        json.dumps(
            {
                "services": [
                    {
                        "serviceArn": "arn:aws:ecs:eu-west-1:111122223333:service/prod/orders",
                        "serviceName": "orders",
                        "launchType": "FARGATE",
                        "platformVersion": "1.3.0",
                        "platformFamily": "Linux",
                        "networkConfiguration": {"awsvpcConfiguration": awsvpc},
                        "enableExecuteCommand": True,
                    },
                    {
                        "serviceArn": "arn:aws:ecs:eu-west-1:111122223333:service/prod/web",
                        "serviceName": "web",
                        "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1, "base": 0}],
                        "platformVersion": "LATEST",
                        "enableExecuteCommand": False,
                        "networkConfiguration": {"awsvpcConfiguration": awsvpc | {"securityGroups": ["sg-web"]}},
                    },
                    {
                        "serviceArn": "arn:aws:ecs:eu-west-1:111122223333:service/prod/win",
                        "serviceName": "win",
                        "launchType": "FARGATE",
                        "platformVersion": "1.0.0",
                        "networkConfiguration": {"awsvpcConfiguration": awsvpc | {"securityGroups": ["sg-win"]}},
                    },
                ],
                "failures": [],
            },
            indent=4,
        )
    )
    task_sets = tmp_path / "task-sets.json"
    task_sets.write_text(
        json.dumps(
            {
                "taskSets": [
                    {
                        "id": "ecs-svc/1234",
                        "taskSetArn": "arn:aws:ecs:eu-west-1:111122223333:task-set/prod/blue/ecs-svc/1234",
                        "launchType": "FARGATE",
                        "platformVersion": "1.2.0",
                        "networkConfiguration": {"awsvpcConfiguration": awsvpc | {"securityGroups": []}},
                    }
                ]
            },
            indent=4,
        )
    )
    clusters = tmp_path / "clusters.json"
    clusters.write_text(
        json.dumps(
            {
                "clusters": [
                    {
                        "clusterArn": "arn:aws:ecs:eu-west-1:111122223333:cluster/prod",
                        "clusterName": "prod",
                        "configuration": {"executeCommandConfiguration": {"logging": "NONE"}},
                        "settings": [{"name": "containerInsights", "value": "disabled"}],
                        "status": "ACTIVE",
                    },
                    {
                        "clusterArn": "arn:aws:ecs:eu-west-1:111122223333:cluster/audit",
                        "clusterName": "audit",
                        "configuration": {
                            "executeCommandConfiguration": {
                                "logging": "OVERRIDE",
                                "logConfiguration": {"cloudWatchLogGroupName": "/ecs/exec"},
                            }
                        },
                        "settings": [{"name": "containerInsights", "value": "enhanced"}],
                        "status": "ACTIVE",
                    },
                    {
                        "clusterArn": "arn:aws:ecs:eu-west-1:111122223333:cluster/batch",
                        "clusterName": "batch",
                        "configuration": {
                            "executeCommandConfiguration": {"logging": "OVERRIDE", "logConfiguration": {}}
                        },
                        "status": "ACTIVE",
                    },
                ],
                "failures": [],
            },
            indent=4,
        )
    )
    text = services.read_text()
    assert found(scan(services)) == {
        ("outdated-platform-version", "orders", line_of(text, '"platformVersion": "1.3.0"')),
        ("ecs-exec-enabled", "orders", line_of(text, '"enableExecuteCommand": true')),
        ("service-default-security-group", "orders", line_of(text, '"awsvpcConfiguration"', 1)),
    }
    text = task_sets.read_text()
    assert found(scan(task_sets)) == {
        ("outdated-platform-version", "ecs-svc/1234", line_of(text, '"platformVersion"')),
        ("service-default-security-group", "ecs-svc/1234", line_of(text, '"securityGroups": []')),
    }
    text = clusters.read_text()
    assert found(scan(clusters)) == {
        ("exec-logging-disabled", "prod", line_of(text, '"logging": "NONE"')),
        ("container-insights-disabled", "prod", line_of(text, '"value": "disabled"')),
        ("exec-logging-disabled", "batch", line_of(text, '"logging": "OVERRIDE"', 2)),
    }


TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  AdminPort:
    Type: Number
  OfficeCidr:
    Type: String
Resources:
  AppGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app tasks
      VpcId: vpc-0a1b2c3d
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
          Description: public HTTPS
        - IpProtocol: tcp
          FromPort: 6379
          ToPort: 6379
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: "8000"
          ToPort: "9000"
          CidrIp: 52.0.0.0/8
          Description: partner callbacks
        - IpProtocol: "-1"
          CidrIp: 10.0.0.0/8
          Description: anything internal
        - IpProtocol: tcp
          FromPort: !Ref AdminPort
          ToPort: !Ref AdminPort
          CidrIp: 0.0.0.0/0
          Description: port chosen at deploy time
        - IpProtocol: tcp
          FromPort: 3306
          ToPort: 3306
          CidrIp: !Ref OfficeCidr
          Description: range chosen at deploy time
      SecurityGroupEgress:
        - IpProtocol: "-1"
          CidrIpv6: ::/0
          Description: everything out
  ReportingDbIngress:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt AppGroup.GroupId
      IpProtocol: tcp
      FromPort: 5432
      ToPort: 5432
      CidrIpv6: ::/0
      Description: reporting tool
  HardenedGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web tasks
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0, Description: public HTTPS}
      SecurityGroupEgress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, DestinationPrefixListId: pl-0a1b, Description: S3}
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterName: prod
      Configuration:
        ExecuteCommandConfiguration:
          KmsKeyId: alias/exec
          Logging: OVERRIDE
  BatchCluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterSettings:
        - Name: containerInsights
          Value: disabled
  AuditedCluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterSettings:
        - {Name: containerInsights, Value: enhanced}
      Configuration:
        ExecuteCommandConfiguration:
          Logging: OVERRIDE
          LogConfiguration: {S3BucketName: !Ref AuditBucket, S3EncryptionEnabled: true}
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      LaunchType: FARGATE
      PlatformVersion: 1.3.0
      EnableExecuteCommand: true
      TaskDefinition: arn:aws:ecs:eu-west-1:111122223333:task-definition/app:3
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: [subnet-0a1b]
          AssignPublicIp: DISABLED
  RouterInterface:
    Type: AWS::EC2::NetworkInterface
    Properties:
      SubnetId: subnet-0a1b
      SourceDestCheck: false
      GroupSet: [!Ref HardenedGroup]
"""


def test_cloudformation_template(tmp_path):
    path = tmp_path / "stack.yaml"
    path.write_text(TEMPLATE)
    report = scan(path)
    assert found(report) == {
        ("sg-world-ingress-unauthorized-port", "AppGroup", line_of(TEMPLATE, "CidrIp: 0.0.0.0/0", 2)),  # 6379
        ("sg-rule-missing-description", "AppGroup", line_of(TEMPLATE, "CidrIp: 0.0.0.0/0", 2)),
        ("sg-wide-public-cidr", "AppGroup", line_of(TEMPLATE, "CidrIp: 52.0.0.0/8")),
        ("sg-port-range", "AppGroup", line_of(TEMPLATE, "CidrIp: 52.0.0.0/8")),
        ("sg-broad-private-ingress", "AppGroup", line_of(TEMPLATE, "CidrIp: 10.0.0.0/8")),
        ("sg-world-egress-all", "AppGroup", line_of(TEMPLATE, "CidrIpv6: ::/0", 1)),
        ("sg-world-ingress-high-risk-port", "AppGroup", line_of(TEMPLATE, "CidrIpv6: ::/0", 2)),  # standalone rule
        ("exec-logging-disabled", "Cluster", line_of(TEMPLATE, "Logging: OVERRIDE")),
        ("container-insights-disabled", "Cluster", line_of(TEMPLATE, "ClusterName: prod")),
        ("container-insights-disabled", "BatchCluster", line_of(TEMPLATE, "Value: disabled")),
        ("outdated-platform-version", "Service", line_of(TEMPLATE, "PlatformVersion: 1.3.0")),
        ("ecs-exec-enabled", "Service", line_of(TEMPLATE, "EnableExecuteCommand: true")),
        ("service-default-security-group", "Service", line_of(TEMPLATE, "AwsvpcConfiguration:")),
        ("eni-source-dest-check-disabled", "RouterInterface", line_of(TEMPLATE, "SourceDestCheck: false")),
    }
    port_range = next(f for f in report["findings"] if f["rule"] == "sg-port-range")
    assert port_range["severity"] == "medium"  # raised from low: the source is public


def test_aws_cli_examples():
    report = scan(EXAMPLES / "aws-cli")
    rules = {(f["rule"], Path(f["file"]).name) for f in report["findings"]}
    assert {
        ("sg-world-ingress-high-risk-port", "security-groups.json"),
        ("sg-default-allows-traffic", "security-groups.json"),
        ("container-insights-disabled", "clusters.json"),
        ("exec-logging-disabled", "clusters.json"),
        ("ecs-exec-enabled", "services.json"),
        ("outdated-platform-version", "services.json"),
    } <= rules
    assert report["errors"] == []


@pytest.fixture(scope="module")
def rulebook_engine() -> tuple[Rulebook, object]:
    """The bundled rulebook and one engine compiled for this module's rules."""
    rulebook = Rulebook.load()
    return rulebook, make_engine("regopy", rulebook, [rulebook.find(name) for name in RULES])


@pytest.mark.parametrize("name", RULES)
def test_metadata_examples_behave_as_labelled(name, rulebook_engine):
    rulebook, engine = rulebook_engine
    rule = rulebook.find(name)
    outcomes = {}
    for label in ("bad", "good"):
        resource = Resource(rule.kinds[0], label, json.loads(rule.custom["examples"][label]), "example.json")
        facts.annotate(resource)
        outcomes[label] = engine.evaluate([resource])[0].get(rule.id, [])
    assert outcomes["bad"] and not outcomes["good"], outcomes
