"""Nested stacks scanned together: a child's parameter that the parent sets from a sibling stack's output
names that sibling's resource, for the graph, the exposure pass and the load-balancer facts."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT, run_fgscan

BLUE_GREEN = ROOT / "tests" / "corpus" / "public" / "cloudformation" / "ecs-blue-green-deployment-with-codedeploy"

PARENT = """\
Parameters:
  Bucket: {Type: String}
Resources:
  Groups:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: {url}
  Service:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: templates/service.yaml
      Parameters:
        ServiceGroup: !GetAtt Groups.Outputs.ServiceGroup
        Cluster: !Ref Cluster
  Cluster:
    Type: AWS::ECS::Cluster
"""

GROUPS = """\
Resources:
  ServiceGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: tasks
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 3000, ToPort: 3000, CidrIp: 0.0.0.0/0, Description: app}
Outputs:
  ServiceGroup:
    Value: !GetAtt ServiceGroup.GroupId
"""

SERVICE = """\
Parameters:
  ServiceGroup: {Type: String}
  Cluster: {Type: String}
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      ContainerDefinitions:
        - {Name: web, Image: "public.ecr.aws/nginx/nginx:1.25", PortMappings: [{ContainerPort: 3000}]}
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      LaunchType: FARGATE
      TaskDefinition: !Ref Task
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: ENABLED
          SecurityGroups: [!Ref ServiceGroup]
          Subnets: [subnet-1]
"""


def scan(*paths: Path) -> dict:
    proc = run_fgscan("scan", *map(str, paths), "-f", "json", "--fail-on", "none")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def stacks(folder: Path, url: str) -> Path:
    (folder / "templates").mkdir(parents=True)
    (folder / "parent.yaml").write_text(PARENT.replace("{url}", url))
    (folder / "templates" / "groups.yaml").write_text(GROUPS)
    (folder / "templates" / "service.yaml").write_text(SERVICE)
    return folder


def exposed(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == "internet-exposed-task"]


def test_a_childs_parameter_set_from_a_siblings_output_names_its_resource(tmp_path):
    for url in ("templates/groups.yaml", '!Sub "https://s3.amazonaws.com/${Bucket}/templates/groups.yaml"'):
        folder = stacks(tmp_path / str(len(url)), url)
        [finding] = exposed(scan(folder))
        assert finding["file"].endswith("templates/groups.yaml") and finding["line"] == 7
        assert "port 3000 is reachable from the internet" in finding["message"]
        assert not exposed(scan(folder / "templates"))  # without the parent, the group is a parameter


def test_a_url_several_scanned_templates_end_like_names_none(tmp_path):
    folder = stacks(tmp_path / "stacks", '!Sub "https://s3.amazonaws.com/${Bucket}/groups.yaml"')
    (folder / "other").mkdir()
    (folder / "other" / "groups.yaml").write_text(GROUPS.replace("0.0.0.0/0", "10.0.0.0/16"))
    assert not exposed(scan(folder))


def test_the_blue_green_samples_balancer_group_is_judged_with_its_balancer():
    """aws-samples' blue/green stack passes its load balancer group from the security-groups stack to the
    load-balancer stack: the group fronts the balancer alone, so its world-open 8080 (the test listener) is
    medium and names the balancer, not a critical high-risk port."""
    groups = BLUE_GREEN / "templates" / "security-groups.yaml"
    alone = {f["rule"]: f for f in scan(groups)["findings"] if f["resource"] == "rLoadBalancerSecurityGroup"}
    assert alone["sg-world-ingress-high-risk-port"]["severity"] == "critical"
    together = [f for f in scan(BLUE_GREEN)["findings"] if f["resource"] == "rLoadBalancerSecurityGroup"]
    assert not [f for f in together if f["rule"] == "sg-world-ingress-high-risk-port"]
    [port_8080] = [f for f in together if "inbound tcp port 8080 from 0.0.0.0/0 opens" in f["message"]]
    assert port_8080["severity"] == "medium"
    assert "attached only to internet-facing load balancer 'rLoadBalancer'" in port_8080["message"]


def test_malformed_parents_and_children_link_nothing_and_break_nothing(tmp_path):
    folder = stacks(tmp_path / "stacks", "templates/groups.yaml")
    (folder / "broken.yaml").write_text(
        "Resources:\n"
        "  NotAMapping: just text\n"
        "  Odd:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n"
        "      TemplateURL: {'Fn::Join': ['', [a, b]]}\n      Parameters: [ServiceGroup]\n"
        "  Odder:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n"
        "      TemplateURL: templates/service.yaml\n"
        "      Parameters: {ServiceGroup: !Ref NotAMapping, Cluster: !GetAtt Odd.Outputs, Other: [1]}\n"
        "Outputs:\n  X: {Value: !Ref Missing}\n  Y: 3\n"
    )
    proc = run_fgscan("scan", str(folder), "-f", "json", "--fail-on", "none")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert json.loads(proc.stdout)["findings"]
