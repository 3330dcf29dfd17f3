"""The 2024-2026 ECS controls and ECS on EC2 hosts, on a real CloudFormation template scanned by the real
CLI: version consistency, fault injection, health checks, Fargate storage and service-managed EBS keys,
Service Connect TLS, capacity provider termination protection (FSBP ECS.19), required tags (ECS.13-15,
off unless configured) and the instance metadata settings of container instances."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_fgscan

TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterName: main
      Tags:
        - Key: team
          Value: web
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      EnableFaultInjection: true
      ContainerDefinitions:
        - Name: app
          Image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.2
          VersionConsistency: disabled
        - Name: checked
          Image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.2
          HealthCheck:
            Command: [CMD, /health]
        - Name: sidecar
          Image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/log:1.0
          Essential: false
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      TaskDefinition: !Ref Task
      VolumeConfigurations:
        - Name: scratch
          ManagedEBSVolume:
            RoleArn: arn:aws:iam::123456789012:role/ecs-infra
            Encrypted: false
        - Name: data
          ManagedEBSVolume:
            RoleArn: arn:aws:iam::123456789012:role/ecs-infra
            Encrypted: true
      ServiceConnectConfiguration:
        Enabled: true
        Services:
          - PortName: http
            ClientAliases: [{Port: 80}]
  Provider:
    Type: AWS::ECS::CapacityProvider
    Properties:
      AutoScalingGroupProvider:
        AutoScalingGroupArn: !Ref Group
        ManagedTerminationProtection: DISABLED
  HostTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0123456789abcdef0
        MetadataOptions:
          HttpTokens: optional
          HttpPutResponseHopLimit: 2
        UserData:
          Fn::Base64: !Sub |
            #!/bin/bash
            echo ECS_CLUSTER=${Cluster} >> /etc/ecs/ecs.config
  HardenedConfiguration:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.small
      MetadataOptions:
        HttpTokens: required
        HttpPutResponseHopLimit: 1
      UserData:
        Fn::Base64: !Sub |
          #!/bin/bash
          echo ECS_CLUSTER=${Cluster} >> /etc/ecs/ecs.config
          echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config
"""
RULES = (
    "version-consistency-disabled",
    "fault-injection-enabled",
    "health-check-missing",
    "cluster-ephemeral-storage-no-cmk",
    "service-ebs-volume-encryption",
    "service-connect-without-tls",
    "capacity-provider-no-termination-protection",
    "required-tags-missing",
    "imds-v1-allowed",
    "imds-hop-limit",
    "awsvpc-imds-not-blocked",
)


def scan(folder: Path, config: str | None = None) -> set[tuple[str, str, int, str]]:
    (folder / "stack.yaml").write_text(TEMPLATE)
    if config is not None:
        (folder / ".fgscan.yaml").write_text(config)
    selection = [arg for rule in RULES for arg in ("--rule", rule)]
    proc = run_fgscan("scan", "stack.yaml", "--format", "json", "--fail-on", "none", *selection, cwd=folder)
    assert proc.returncode == 0, proc.stderr
    return {(f["resource"], f["rule"], f["line"], f["severity"]) for f in json.loads(proc.stdout)["findings"]}


def line_of(needle: str, nth: int = 1) -> int:
    return [i for i, line in enumerate(TEMPLATE.splitlines(), 1) if needle in line][nth - 1]


def test_new_ecs_controls_and_container_instances(tmp_path):
    assert scan(tmp_path) == {
        ("Task", "version-consistency-disabled", line_of("VersionConsistency"), "low"),
        ("Task", "fault-injection-enabled", line_of("EnableFaultInjection"), "low"),
        ("Task", "health-check-missing", line_of("- Name: app"), "low"),
        ("Cluster", "cluster-ephemeral-storage-no-cmk", line_of("Properties:", 1), "low"),
        ("Service", "service-ebs-volume-encryption", line_of("Encrypted: false"), "medium"),
        ("Service", "service-ebs-volume-encryption", line_of("ManagedEBSVolume:", 2), "low"),
        ("Service", "service-connect-without-tls", line_of("- PortName: http"), "medium"),
        ("Provider", "capacity-provider-no-termination-protection", line_of("ManagedTerminationProtection"), "medium"),
        ("HostTemplate", "imds-v1-allowed", line_of("HttpTokens: optional"), "high"),
        ("HostTemplate", "imds-hop-limit", line_of("HttpPutResponseHopLimit: 2"), "medium"),
        ("HostTemplate", "awsvpc-imds-not-blocked", line_of("UserData:", 1), "medium"),
    }


def test_required_tags_only_when_configured(tmp_path):
    found = scan(tmp_path, "params:\n  required_tags: [team, owner]\n")
    tagged = {(resource, line) for resource, rule, line, _ in found if rule == "required-tags-missing"}
    assert tagged == {
        ("Cluster", line_of("Tags:")),
        ("Task", line_of("Properties:", 2)),
        ("Service", line_of("Properties:", 3)),
    }
