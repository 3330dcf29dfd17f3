"""Exposure analysis end to end: templates and CLI output where the path from the internet (or the VPC)
to a listening container is complete, broken at one link, or spread over resources and files."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, FormatChecker

from tests.conftest import run_fgscan

EXP = ("FG-EXP-001", "FG-EXP-002", "FG-EXP-003", "FG-EXP-004", "FG-EXP-005")


def template(resources: str) -> str:
    """A template around resources written at column 0."""
    return "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n" + textwrap.indent(resources, "  ")


def group(name: str = "AppSg", ingress: str = "") -> str:
    body = (
        f"{name}:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    GroupDescription: app tasks\n    VpcId: vpc-1\n"
    )
    if ingress:
        body += "    SecurityGroupIngress:\n" + textwrap.indent(ingress, " " * 6)
    return body


def task(name: str = "AppTask", family: str = "orders", port: int = 8080, extra: str = "", role: str = "") -> str:
    """`extra` continues the container (8 spaces), `role` the properties (4 spaces)."""
    return (
        f"{name}:\n  Type: AWS::ECS::TaskDefinition\n  Properties:\n    Family: {family}\n"
        f"    NetworkMode: awsvpc\n    RequiresCompatibilities: [FARGATE]\n"
        f"    Cpu: '256'\n    Memory: '512'{role}\n"
        f"    ContainerDefinitions:\n      - Name: {family}\n        Image: public.ecr.aws/nginx/nginx:1.27\n"
        f"        PortMappings:\n          - ContainerPort: {port}{extra}\n"
    )


def service(
    name: str = "AppService",
    task_ref: str = "!Ref AppTask",
    groups: str = "[!Ref AppSg]",
    public: str = "ENABLED",
    extra: str = "",
) -> str:
    """`extra` continues the properties (4 spaces)."""
    return (
        f"{name}:\n  Type: AWS::ECS::Service\n  Properties:\n    ServiceName: {name.lower()}\n"
        f"    LaunchType: FARGATE\n    TaskDefinition: {task_ref}\n    NetworkConfiguration:\n"
        f"      AwsvpcConfiguration:\n        AssignPublicIp: {public}\n        SecurityGroups: {groups}\n"
        f"        Subnets: [subnet-1]{extra}\n"
    )


WORLD_8080 = "- IpProtocol: tcp\n  FromPort: 8080\n  ToPort: 8080\n  CidrIp: 0.0.0.0/0\n"


def scan(tmp_path: Path, files: dict[str, str], *args: str) -> tuple[dict, str]:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    proc = run_fgscan("scan", *(str(tmp_path / n) for n in files), "--format", "json", "--fail-on", "none", *args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout), proc.stderr


def exposure(report: dict, rule: str | None = None) -> list[dict]:
    return [f for f in report["findings"] if f["rule_id"] in EXP and (rule is None or f["rule_id"] == rule)]


def line_of(text: str, needle: str, nth: int = 1) -> int:
    lines = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[nth - 1]


def test_complete_path_is_one_high_finding_on_the_cidr_line(tmp_path):
    text = template(group(ingress=WORLD_8080) + task() + service())
    report, _ = scan(tmp_path, {"stack.yaml": text})
    findings = exposure(report)
    assert [f["rule_id"] for f in findings] == ["FG-EXP-001"]
    found = findings[0]
    assert found["severity"] == "high"
    assert found["line"] == line_of(text, "CidrIp: 0.0.0.0/0")
    assert found["resource"] == "AppService" and found["kind"] == "ecs_service"
    assert found["chain"] == "service appservice -> AppSg :8080 from 0.0.0.0/0 -> container orders :8080"
    assert "container 'orders' port 8080" in found["message"] and "AppSg" in found["message"]
    assert "rule tcp port 8080 from 0.0.0.0/0" in found["message"]
    related = {r["line"]: r["message"] for r in found["related"]}
    assert related[line_of(text, "ContainerPort: 8080")] == "container 'orders' maps port 8080"
    assert related[line_of(text, "AssignPublicIp")] == "assignPublicIp: ENABLED"
    assert line_of(text, "SecurityGroups: [!Ref AppSg]") in related


@pytest.mark.parametrize(
    ("case", "files"),
    [
        ("port not mapped", template(group(ingress=WORLD_8080) + task(port=9090) + service())),
        ("group closed", template(group(ingress=WORLD_8080.replace("0.0.0.0/0", "10.0.1.0/24")) + task() + service())),
        ("no public IP", template(group(ingress=WORLD_8080) + task() + service(public="DISABLED"))),
        ("public IP unresolved", template(group(ingress=WORLD_8080) + task() + service(public="!Ref PublicIp"))),
        ("group not in the input", template(task() + service(groups="[sg-0123456789abcdef0]"))),
    ],
)
def test_path_broken_at_one_link_is_not_internet_exposure(tmp_path, case, files):
    report, _ = scan(tmp_path, {"stack.yaml": files})
    assert exposure(report, "FG-EXP-001") == [], case


def test_assume_worst_counts_unresolved_groups_as_open_on_the_public_ip_line(tmp_path):
    text = template(task() + service(groups="[sg-0123456789abcdef0]"))
    report, _ = scan(tmp_path, {"stack.yaml": text}, "--assume-worst")
    findings = exposure(report, "FG-EXP-001")
    assert len(findings) == 1
    assert findings[0]["line"] == line_of(text, "AssignPublicIp")
    assert "assumed" in findings[0]["message"]


def test_load_balancer_only_path_is_clean(tmp_path):
    text = template(
        group("LbSg", "- IpProtocol: tcp\n  FromPort: 443\n  ToPort: 443\n  CidrIp: 0.0.0.0/0\n")
        + group(ingress="- IpProtocol: tcp\n  FromPort: 8080\n  ToPort: 8080\n  SourceSecurityGroupId: !Ref LbSg\n")
        + BALANCER
        + task()
        + service(public="DISABLED", extra=LB_SERVICE)
    )
    report, _ = scan(tmp_path, {"stack.yaml": text})
    assert exposure(report) == []


BALANCER = textwrap.dedent("""\
Lb:
  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
  Properties:
    Scheme: internet-facing
    SecurityGroups: [!Ref LbSg]
    Subnets: [subnet-1, subnet-2]
Tg:
  Type: AWS::ElasticLoadBalancingV2::TargetGroup
  Properties:
    Protocol: HTTP
    Port: 8080
    TargetType: ip
    VpcId: vpc-1
Listener:
  Type: AWS::ElasticLoadBalancingV2::Listener
  Properties:
    LoadBalancerArn: !Ref Lb
    Port: 443
    Protocol: HTTPS
    DefaultActions:
      - Type: forward
        TargetGroupArn: !Ref Tg
""")
LB_SERVICE = (
    "\n    LoadBalancers:\n      - TargetGroupArn: !Ref Tg\n        ContainerName: orders\n        ContainerPort: 8080"
)


def test_cidr_beside_the_balancer_group_is_a_bypass(tmp_path):
    ingress = (
        "- IpProtocol: tcp\n  FromPort: 8080\n  ToPort: 8080\n  SourceSecurityGroupId: !Ref LbSg\n"
        "- IpProtocol: tcp\n  FromPort: 8080\n  ToPort: 8080\n  CidrIp: 10.0.0.0/8\n"
    )
    text = template(
        group("LbSg", "") + group(ingress=ingress) + BALANCER + task() + service(public="DISABLED", extra=LB_SERVICE)
    )
    report, _ = scan(tmp_path, {"stack.yaml": text})
    findings = exposure(report)
    assert [f["rule_id"] for f in findings] == ["FG-EXP-002"]
    assert findings[0]["severity"] == "medium"
    assert findings[0]["line"] == line_of(text, "CidrIp: 10.0.0.0/8")
    assert "instead of only the balancer's group LbSg" in findings[0]["message"]
    assert line_of(text, "ContainerPort: 8080", 2) in {r["line"] for r in findings[0]["related"]}


def test_network_load_balancer_targets_are_not_a_bypass(tmp_path):
    nlb = BALANCER.replace("Protocol: HTTP\n", "Protocol: TCP\n")
    ingress = "- IpProtocol: tcp\n  FromPort: 8080\n  ToPort: 8080\n  CidrIp: 10.0.0.0/16\n"
    text = template(
        group("LbSg", "") + group(ingress=ingress) + nlb + task() + service(public="DISABLED", extra=LB_SERVICE)
    )
    report, _ = scan(tmp_path, {"stack.yaml": text})
    assert exposure(report, "FG-EXP-002") == []


def test_ingress_as_separate_resource_and_group_by_getatt(tmp_path):
    standalone = textwrap.dedent("""\
    WorldIngress:
      Type: AWS::EC2::SecurityGroupIngress
      Properties:
        GroupId: !GetAtt AppSg.GroupId
        IpProtocol: tcp
        FromPort: 8080
        ToPort: 8080
        CidrIpv6: ::/0
    """)
    text = template(group() + standalone + task() + service(groups="[!GetAtt AppSg.GroupId]"))
    report, _ = scan(tmp_path, {"stack.yaml": text})
    findings = exposure(report)
    assert [f["rule_id"] for f in findings] == ["FG-EXP-001"]
    assert findings[0]["line"] == line_of(text, "CidrIpv6: ::/0")
    assert "from ::/0" in findings[0]["chain"]


def describe_services(public: str = "ENABLED", groups: tuple[str, ...] = ("sg-0aaa",)) -> str:
    return json.dumps(
        {
            "services": [
                {
                    "serviceName": "orders",
                    "serviceArn": "arn:aws:ecs:eu-west-1:123456789012:service/prod/orders",
                    "clusterArn": "arn:aws:ecs:eu-west-1:123456789012:cluster/prod",
                    "taskDefinition": "arn:aws:ecs:eu-west-1:123456789012:task-definition/orders:3",
                    "launchType": "FARGATE",
                    "networkConfiguration": {
                        "awsvpcConfiguration": {
                            "subnets": ["subnet-1"],
                            "securityGroups": list(groups),
                            "assignPublicIp": public,
                        }
                    },
                }
            ]
        },
        indent=2,
    )


SECURITY_GROUPS = json.dumps(
    {
        "SecurityGroups": [
            {
                "GroupId": "sg-0aaa",
                "GroupName": "orders",
                "Description": "orders",
                "VpcId": "vpc-1",
                "IpPermissions": [
                    {
                        "IpProtocol": "tcp",
                        "FromPort": 8080,
                        "ToPort": 8080,
                        "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "public"}],
                    }
                ],
                "IpPermissionsEgress": [],
            }
        ]
    },
    indent=2,
)


def task_definition_json(
    family: str = "orders", revision: int = 3, user: str | None = None, caps: list[str] | None = None
) -> str:
    container: dict = {
        "name": "orders",
        "image": "public.ecr.aws/nginx/nginx:1.27",
        "essential": True,
        "portMappings": [{"containerPort": 8080, "protocol": "tcp"}],
    }
    if user:
        container["user"] = user
    if caps:
        container["linuxParameters"] = {"capabilities": {"add": caps}}
    return json.dumps(
        {
            "taskDefinition": {
                "taskDefinitionArn": f"arn:aws:ecs:eu-west-1:123456789012:task-definition/{family}:{revision}",
                "family": family,
                "revision": revision,
                "networkMode": "awsvpc",
                "requiresCompatibilities": ["FARGATE"],
                "containerDefinitions": [container],
            }
        },
        indent=2,
    )


def test_path_across_cli_output_files(tmp_path):
    files = {"services.json": describe_services(), "groups.json": SECURITY_GROUPS, "task.json": task_definition_json()}
    report, _ = scan(tmp_path, files)
    findings = exposure(report)
    assert [f["rule_id"] for f in findings] == ["FG-EXP-001"]
    found = findings[0]
    assert found["file"].endswith("groups.json")
    assert found["line"] == line_of(SECURITY_GROUPS, '"CidrIp": "0.0.0.0/0"')
    assert found["arn"] == "arn:aws:ecs:eu-west-1:123456789012:service/prod/orders"
    related = {(Path(r["file"]).name, r["line"]) for r in found["related"]}
    assert ("task.json", line_of(files["task.json"], '"containerPort": 8080')) in related
    assert ("services.json", line_of(files["services.json"], '"assignPublicIp"')) in related
    assert found["chain"] == "service orders -> sg-0aaa :8080 from 0.0.0.0/0 -> container orders :8080"


def test_other_revision_or_missing_group_file_breaks_the_path(tmp_path):
    report, _ = scan(tmp_path, {"services.json": describe_services(), "task.json": task_definition_json()})
    assert exposure(report, "FG-EXP-001") == []
    report, _ = scan(
        tmp_path,
        {
            "services.json": describe_services(),
            "groups.json": SECURITY_GROUPS,
            "task.json": task_definition_json("billing", 3),
        },
    )
    assert exposure(report, "FG-EXP-001") == []


def test_public_network_interface_of_the_service_is_a_public_ip(tmp_path):
    eni = json.dumps(
        {
            "NetworkInterfaces": [
                {
                    "NetworkInterfaceId": "eni-0abc",
                    "InterfaceType": "interface",
                    "Association": {"PublicIp": "203.0.113.10", "IpOwnerId": "amazon"},
                    "Groups": [{"GroupId": "sg-0aaa", "GroupName": "orders"}],
                    "TagSet": [{"Key": "aws:ecs:serviceName", "Value": "orders"}],
                }
            ]
        },
        indent=2,
    )
    files = {
        "services.json": describe_services(public="DISABLED"),
        "groups.json": SECURITY_GROUPS,
        "task.json": task_definition_json(),
        "enis.json": eni,
    }
    report, _ = scan(tmp_path, files)
    findings = exposure(report, "FG-EXP-001")
    assert len(findings) == 1
    related = {(Path(r["file"]).name, r["line"]) for r in findings[0]["related"]}
    assert ("enis.json", line_of(eni, '"PublicIp"')) in related


def test_compound_severity_names_its_reasons(tmp_path):
    role = textwrap.dedent("""\
    TaskRole:
      Type: AWS::IAM::Role
      Properties:
        AssumeRolePolicyDocument:
          Statement:
            - Effect: Allow
              Principal: {Service: ecs-tasks.amazonaws.com}
              Action: sts:AssumeRole
        ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
    """)
    extra = "\n        User: root\n        LinuxParameters:\n          Capabilities:\n            Add: [SYS_PTRACE]"
    text = template(
        group(ingress=WORLD_8080) + role + task(extra=extra, role="\n    TaskRoleArn: !GetAtt TaskRole.Arn") + service()
    )
    report, _ = scan(tmp_path, {"stack.yaml": text})
    findings = exposure(report, "FG-EXP-001")
    assert len(findings) == 1
    assert findings[0]["severity"] == "critical"
    assert "container 'orders' runs as root with added capabilities SYS_PTRACE" in findings[0]["message"]
    assert "task role 'TaskRole' is administrator-like" in findings[0]["message"]


def test_secret_in_environment_makes_exposure_critical_without_printing_it(tmp_path):
    secret = "ghp_Zx81kQ2mVv9LrT4bNc7Yw3JdFh6PsA0eGu5K"
    extra = f"\n        Environment:\n          - Name: GITHUB_TOKEN\n            Value: {secret}"
    text = template(group(ingress=WORLD_8080) + task(extra=extra) + service())
    (tmp_path / "stack.yaml").write_text(text)
    for fmt in ("json", "sarif", "text"):
        proc = run_fgscan("scan", str(tmp_path / "stack.yaml"), "--format", fmt)
        assert secret not in proc.stdout + proc.stderr
    report, _ = scan(tmp_path, {"stack.yaml": text})
    found = exposure(report, "FG-EXP-001")[0]
    assert found["severity"] == "critical"
    assert "secret in environment variable 'GITHUB_TOKEN'" in found["message"]


def shared_stack(second_family: str, self_rule: bool) -> str:
    ingress = "- IpProtocol: tcp\n  FromPort: 8080\n  ToPort: 8080\n  CidrIp: 10.0.1.0/24\n"
    text = (
        group(ingress=ingress)
        + task()
        + task("OtherTask", second_family)
        + service(public="DISABLED")
        + service("OtherService", "!Ref OtherTask", public="DISABLED")
    )
    if self_rule:
        text += textwrap.dedent("""\
        SelfIngress:
          Type: AWS::EC2::SecurityGroupIngress
          Properties:
            GroupId: !Ref AppSg
            IpProtocol: "-1"
            SourceSecurityGroupId: !Ref AppSg
        """)
    return template(text)


def test_group_shared_by_two_families(tmp_path):
    text = shared_stack("billing", self_rule=True)
    report, _ = scan(tmp_path, {"stack.yaml": text})
    findings = exposure(report, "FG-EXP-003")
    assert sorted(f["resource"] for f in findings) == ["AppService", "OtherService"]
    assert {f["severity"] for f in findings} == {"high"}
    assert {f["line"] for f in findings} == {line_of(text, "SecurityGroups: [!Ref AppSg]", n) for n in (1, 2)}
    mine = next(f for f in findings if f["resource"] == "AppService")
    assert "service 'otherservice' (billing)" in mine["message"]
    assert line_of(text, "SourceSecurityGroupId: !Ref AppSg") in {r["line"] for r in mine["related"]}


def test_group_shared_without_self_rule_is_medium_and_same_family_is_fine(tmp_path):
    report, _ = scan(tmp_path, {"stack.yaml": shared_stack("billing", self_rule=False)})
    assert {f["severity"] for f in exposure(report, "FG-EXP-003")} == {"medium"}
    report, _ = scan(tmp_path, {"stack.yaml": shared_stack("orders", self_rule=True)})
    assert exposure(report, "FG-EXP-003") == []


def test_group_wider_than_the_container_ports(tmp_path):
    ingress = "- IpProtocol: tcp\n  FromPort: 8000\n  ToPort: 8100\n  CidrIp: 10.0.1.0/24\n"
    text = template(group(ingress=ingress) + task() + service(public="DISABLED"))
    report, _ = scan(tmp_path, {"stack.yaml": text})
    findings = exposure(report)
    assert [f["rule_id"] for f in findings] == ["FG-EXP-004"]
    assert findings[0]["line"] == line_of(text, "FromPort: 8000")
    assert "admits tcp ports 8000-8100" in findings[0]["message"] and "8080/tcp" in findings[0]["message"]


@pytest.mark.parametrize(
    "containers",
    [
        "    ContainerDefinitions: !GetAtt Containers.Value\n",
        "    ContainerDefinitions:\n      - Name: orders\n        Image: nginx:1.27\n"
        "        PortMappings: !GetAtt Ports.Value\n",
    ],
    ids=["containers", "port-mappings"],
)
def test_ports_known_only_at_deploy_time_are_no_ports(tmp_path, containers):
    """Containers (or port mappings) left to deploy time map ports nobody can list: no 'map only no ports'
    (umotif's container JSON, before its template directives were read, gave that on port 80)."""
    ingress = "- IpProtocol: tcp\n  FromPort: 8000\n  ToPort: 8100\n  CidrIp: 10.0.1.0/24\n"
    known = task().split("    ContainerDefinitions:")[0]
    text = template(group(ingress=ingress) + known + containers + service(public="DISABLED"))
    report, _ = scan(tmp_path, {"stack.yaml": text})
    assert exposure(report, "FG-EXP-004") == []


def test_exact_ports_are_not_wider(tmp_path):
    ingress = "- IpProtocol: tcp\n  FromPort: 8080\n  ToPort: 8080\n  CidrIp: 10.0.1.0/24\n"
    report, _ = scan(tmp_path, {"stack.yaml": template(group(ingress=ingress) + task() + service(public="DISABLED"))})
    assert exposure(report) == []


def test_broad_internal_exposure(tmp_path):
    ingress = "- IpProtocol: tcp\n  FromPort: 8080\n  ToPort: 8080\n  CidrIp: 10.0.0.0/8\n"
    text = template(group(ingress=ingress) + task() + service(public="DISABLED"))
    report, _ = scan(tmp_path, {"stack.yaml": text})
    findings = exposure(report)
    assert [f["rule_id"] for f in findings] == ["FG-EXP-005"]
    assert findings[0]["line"] == line_of(text, "CidrIp: 10.0.0.0/8")
    assert findings[0]["chain"] == "service appservice -> AppSg :8080 from 10.0.0.0/8 -> container orders :8080"


def test_sarif_related_locations_validate_and_are_cited(tmp_path, sarif_schema):
    text = template(group(ingress=WORLD_8080) + task() + service())
    (tmp_path / "stack.yaml").write_text(text)
    proc = run_fgscan("scan", str(tmp_path / "stack.yaml"), "--format", "sarif", "--rule", "FG-EXP-001")
    assert proc.returncode == 1, proc.stderr
    log = json.loads(proc.stdout)
    Draft4Validator(sarif_schema, format_checker=FormatChecker()).validate(log)
    [result] = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == line_of(text, "CidrIp: 0.0.0.0/0")
    related = result["relatedLocations"]
    assert [r["id"] for r in related] == list(range(1, len(related) + 1))
    for r in related:
        assert r["message"]["text"]
        assert r["physicalLocation"]["region"]["startLine"] > 0
    cited = result["message"]["text"]
    assert f"[port 8080]({related[0]['id']})" in cited
    assert "[public IP](" in cited
    assert result["properties"]["chain"].startswith("service appservice -> AppSg :8080")


def test_text_report_shows_the_chain(tmp_path):
    (tmp_path / "stack.yaml").write_text(template(group(ingress=WORLD_8080) + task() + service()))
    proc = run_fgscan("scan", str(tmp_path / "stack.yaml"), "--rule", "internet-exposed-task")
    assert proc.returncode == 1
    assert "Path: service appservice -> AppSg :8080 from 0.0.0.0/0 -> container orders :8080" in proc.stdout


def test_skipping_the_exposure_rules_leaves_the_per_resource_rules(tmp_path):
    text = template(group(ingress=WORLD_8080) + task() + service())
    args = [a for rule in EXP for a in ("--skip", rule)]
    report, _ = scan(tmp_path, {"stack.yaml": text}, *args)
    assert exposure(report) == []
    assert report["findings"]


def test_parallel_scan_joins_nodes_from_every_worker(tmp_path):
    files = {"services.json": describe_services(), "groups.json": SECURITY_GROUPS, "task.json": task_definition_json()}
    for i in range(130):
        files[f"filler-{i:03}.json"] = task_definition_json(f"filler{i}", 1)
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    proc = run_fgscan(
        "scan", str(tmp_path), "--format", "json", "--fail-on", "none", "--jobs", "2", "--rule", "FG-EXP-001"
    )
    assert proc.returncode == 0, proc.stderr
    [found] = exposure(json.loads(proc.stdout))
    assert found["file"].endswith("groups.json")


def test_task_definition_arn_matches_exactly_or_an_arnless_definition_by_name(tmp_path):
    other_account = task_definition_json().replace("123456789012", "210987654321")
    report, _ = scan(
        tmp_path, {"services.json": describe_services(), "groups.json": SECURITY_GROUPS, "task.json": other_account}
    )
    assert exposure(report, "FG-EXP-001") == []
    registered = json.loads(task_definition_json())["taskDefinition"]
    del registered["taskDefinitionArn"]
    report, _ = scan(
        tmp_path,
        {"services.json": describe_services(), "groups.json": SECURITY_GROUPS, "task.json": json.dumps(registered)},
    )
    assert len(exposure(report, "FG-EXP-001")) == 1


def test_skip_declared_on_the_service_suppresses_its_exposure_finding(tmp_path):
    skip = "  Metadata:\n    fgscan:\n      skip:\n        - {rule: internet-exposed-task, reason: public demo}\n"
    text = template(
        group(ingress=WORLD_8080)
        + task()
        + service().replace("  Type: AWS::ECS::Service\n", "  Type: AWS::ECS::Service\n" + skip)
    )
    report, _ = scan(tmp_path, {"stack.yaml": text})
    assert exposure(report, "FG-EXP-001") == []
    assert [f["rule_id"] for f in report["suppressed"] if f["rule_id"] in EXP] == ["FG-EXP-001"]


def test_skip_on_a_service_covers_its_exposure_finding_located_in_another_file(tmp_path):
    services = json.loads(describe_services())
    services["services"][0]["tags"] = [
        {"key": "fgscan:skip", "value": "internet-exposed-task"},
        {"key": "fgscan:skip-reason", "value": "public demo"},
    ]
    report, _ = scan(
        tmp_path,
        {
            "services.json": json.dumps(services, indent=2),
            "groups.json": SECURITY_GROUPS,
            "task.json": task_definition_json(),
        },
    )
    assert exposure(report, "FG-EXP-001") == []
    [suppressed] = [f for f in report["suppressed"] if f["rule_id"] == "FG-EXP-001"]
    assert suppressed["file"].endswith("groups.json")
    assert not [n for n in report["notices"] if "stale skip" in n]


def test_unresolved_links_are_named_in_a_notice(tmp_path):
    report, _ = scan(tmp_path, {"services.json": describe_services(), "task.json": task_definition_json()})
    [notice] = [n for n in report["notices"] if n.startswith("exposure:")]
    assert "service 'orders' (security group sg-0aaa)" in notice
    assert "judged only on what is proven" in notice
    report, _ = scan(
        tmp_path,
        {"services.json": describe_services(), "groups.json": SECURITY_GROUPS, "task.json": task_definition_json()},
    )
    assert not [n for n in report["notices"] if n.startswith("exposure:")]


def test_service_without_groups_uses_the_unknown_default_group(tmp_path):
    services = json.loads(describe_services())
    del services["services"][0]["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"]
    files = {"services.json": json.dumps(services, indent=2), "task.json": task_definition_json()}
    report, _ = scan(tmp_path, files)
    assert exposure(report) == []
    assert any("the VPC's default group" in n for n in report["notices"])
    report, _ = scan(tmp_path, files, "--assume-worst")
    [found] = exposure(report, "FG-EXP-001")
    assert found["file"].endswith("services.json")
    assert found["line"] == line_of(files["services.json"], '"assignPublicIp"')
    assert "the VPC's default group" in found["chain"]


def test_groups_known_only_at_deploy_time_are_open_only_with_assume_worst(tmp_path):
    text = template(task() + service(groups="!Ref GroupsParameter"))
    report, _ = scan(tmp_path, {"stack.yaml": text})
    assert exposure(report) == []
    assert any("service 'AppService' (unresolved security groups)" in n for n in report["notices"])
    report, _ = scan(tmp_path, {"stack.yaml": text}, "--assume-worst")
    [found] = exposure(report, "FG-EXP-001")
    assert found["line"] == line_of(text, "AssignPublicIp")
    assert "'unresolved security groups'" in found["message"]


def test_exposure_fingerprints_do_not_depend_on_lines(tmp_path):
    text = template(group(ingress=WORLD_8080) + task() + service())
    first, _ = scan(tmp_path, {"stack.yaml": text})
    moved, _ = scan(tmp_path, {"stack.yaml": "# moved down\n\n" + text})
    assert [f["fingerprint"] for f in exposure(first)] == [f["fingerprint"] for f in exposure(moved)]
    assert exposure(first)[0]["line"] + 2 == exposure(moved)[0]["line"]


def test_sarif_related_locations_in_other_files_validate(tmp_path, sarif_schema):
    files = {"services.json": describe_services(), "groups.json": SECURITY_GROUPS, "task.json": task_definition_json()}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    proc = run_fgscan("scan", *(str(tmp_path / n) for n in files), "--format", "sarif", "--rule", "FG-EXP-001")
    log = json.loads(proc.stdout)
    Draft4Validator(sarif_schema, format_checker=FormatChecker()).validate(log)
    [result] = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("groups.json")
    uris = {Path(r["physicalLocation"]["artifactLocation"]["uri"]).name for r in result["relatedLocations"]}
    assert uris == {"task.json", "services.json"}
