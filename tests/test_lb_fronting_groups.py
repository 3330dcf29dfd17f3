"""Security groups that only front load balancers (issue 12): a balancer answers on its listener ports alone,
so such a group gets no administration-port or high-risk-port finding, and a world-open rule on it is at
most medium and names the balancers and their listener ports. A group a service, a task, an instance or a
database also uses, or one nothing in the input uses, keeps every finding. Templates, Terraform, CLI output
and a live audit give the same answer (fixtures in tests/fixtures/lb-fronting, see its SOURCES.md)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import audit_seed
from tests.conftest import ROOT, run_fgscan

FIXTURES = ROOT / "tests" / "fixtures" / "lb-fronting"
WORLD_RULES = ("sg-world-ingress-admin-port", "sg-world-ingress-high-risk-port")


def scan(path: Path) -> list[dict]:
    result = run_fgscan("scan", str(path), "-f", "json", "--fail-on", "none")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["errors"] == []
    return report["findings"]


def world(findings: list[dict], resource: str) -> list[tuple[str, str, int]]:
    """(rule, severity, line) of the world-ingress findings on one group, sorted."""
    return sorted(
        (f["rule"], f["severity"], f["line"])
        for f in findings
        if f["resource"] == resource and f["rule"].startswith("sg-world-ingress")
    )


def line_of(file: Path, needle: str, after: int = 0) -> int:
    return next(n for n, line in enumerate(file.read_text().splitlines(), 1) if n > after and needle in line)


# --- CloudFormation ------------------------------------------------------------------------------------------


def test_cfn_groups_of_a_public_alb_alone():
    """Blue/green ALB: all traffic on one group, the 8080 test listener and a stray SSH rule on another."""
    template = FIXTURES / "cfn" / "alb-only.yaml"
    findings = scan(template)
    assert world(findings, "PublicLoadBalancerSG") == [
        ("sg-world-ingress-all-traffic", "medium", line_of(template, "CidrIp: 0.0.0.0/0"))
    ]
    test_traffic = line_of(template, "TestTrafficSG:")
    assert world(findings, "TestTrafficSG") == [
        ("sg-world-ingress-unauthorized-port", "medium", line_of(template, "CidrIp: 0.0.0.0/0", test_traffic)),
        ("sg-world-ingress-unauthorized-port", "medium", line_of(template, "FromPort: 22") - 2),
    ]
    note = (
        "The group is attached only to internet-facing load balancer 'PublicLoadBalancer' (listening on 80, 8080), "
        "which answers on its listener ports alone."
    )
    messages = [f["message"] for f in findings if f["rule"].startswith("sg-world-ingress")]
    assert messages and all(m.endswith(note) for m in messages)
    assert any("inbound tcp port 22 from 0.0.0.0/0" in m for m in messages)


def test_cfn_group_shared_by_the_balancer_and_its_tasks_keeps_its_findings():
    template = FIXTURES / "cfn" / "shared-with-service.yaml"
    findings = scan(template)
    assert world(findings, "WebSG") == [
        ("sg-world-ingress-admin-port", "high", line_of(template, "FromPort: 22")),
        ("sg-world-ingress-high-risk-port", "critical", line_of(template, "FromPort: 8080")),
    ]
    assert not any("attached only" in f["message"] for f in findings)


def test_cfn_group_a_database_also_uses_keeps_its_findings():
    """`AWS::RDS::DBInstance` is not modelled: naming the group is enough to count as another user."""
    template = FIXTURES / "cfn" / "alb-and-database.yaml"
    assert world(scan(template), "PublicSG") == [
        ("sg-world-ingress-high-risk-port", "critical", line_of(template, "FromPort: 5432"))
    ]


def test_cfn_group_container_instances_also_use_keeps_its_findings(tmp_path):
    """A launch template (ECS on EC2 hosts) naming the balancer's group: the hosts answer on every port."""
    template = tmp_path / "alb.yaml"
    template.write_text(
        (FIXTURES / "cfn" / "alb-only.yaml").read_text()
        + "  HostLaunchTemplate:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n"
        + "        ImageId: ami-0abcdef1234567890\n        SecurityGroupIds: [!Ref TestTrafficSG]\n"
    )
    findings = scan(template)
    assert {rule for rule, _, _ in world(findings, "TestTrafficSG")} == set(WORLD_RULES)
    assert world(findings, "PublicLoadBalancerSG")[0][:2] == ("sg-world-ingress-all-traffic", "medium")


def test_cfn_group_without_a_known_user_keeps_its_findings():
    template = FIXTURES / "cfn" / "unattached.yaml"
    assert world(scan(template), "LoadBalancerSecurityGroup") == [
        ("sg-world-ingress-all-traffic", "critical", line_of(template, "CidrIp: 0.0.0.0/0"))
    ]


def test_cfn_listener_port_known_only_at_deploy_time(tmp_path):
    template = tmp_path / "alb.yaml"
    source = (FIXTURES / "cfn" / "alb-only.yaml").read_text()
    template.write_text(source.replace("    Type: Number\n    Default: 8080\n", "    Type: Number\n"))
    messages = {f["message"] for f in scan(template) if f["resource"] == "PublicLoadBalancerSG"}
    assert any("(listening on 80 and on ports known only at deploy time)" in m for m in messages), messages


def test_cfn_balancer_without_listeners_in_the_input(tmp_path):
    template = tmp_path / "alb.yaml"
    source = (FIXTURES / "cfn" / "alb-only.yaml").read_text()
    template.write_text(source.split("  ProductionListener:")[0])
    findings = scan(template)
    assert world(findings, "TestTrafficSG") == [
        ("sg-world-ingress-unauthorized-port", "medium", line_of(template, "CidrIp: 0.0.0.0/0", 25)),
        ("sg-world-ingress-unauthorized-port", "medium", line_of(template, "FromPort: 22") - 2),
    ]
    assert all(
        "'PublicLoadBalancer' (its listeners are not in the input)" in f["message"]
        for f in findings
        if f["rule"].startswith("sg-world-ingress")
    )


# --- Terraform -----------------------------------------------------------------------------------------------


def test_terraform_group_of_an_alb_alone(tmp_path):
    folder = tmp_path / "alb-only"
    shutil.copytree(FIXTURES / "terraform" / "alb-only", folder)
    main = folder / "main.tf"
    findings = scan(folder)
    assert world(findings, "aws_security_group.alb") == [
        ("sg-world-ingress-unauthorized-port", "medium", line_of(main, 'cidr_blocks = ["0.0.0.0/0"]', 25)),
        ("sg-world-ingress-unauthorized-port", "medium", line_of(main, 'ipv6_cidr_blocks = ["::/0"]')),
    ]
    assert all(
        "attached only to internet-facing load balancer 'aws_lb.web' (listening on 443, 8080)" in f["message"]
        for f in findings
        if f["rule"].startswith("sg-world-ingress")
    )


@pytest.mark.parametrize(
    ("folder", "group"), [("shared", "aws_security_group.web"), ("instance", "aws_security_group.edge")]
)
def test_terraform_group_with_another_user_keeps_its_findings(folder: str, group: str):
    """An ECS service (modelled) or an `aws_instance` (not modelled) beside the balancer."""
    main = FIXTURES / "terraform" / folder / "main.tf"
    assert world(scan(main.parent), group) == [
        ("sg-world-ingress-admin-port", "high", line_of(main, 'cidr_blocks = ["0.0.0.0/0"]'))
    ]


# --- AWS CLI output ------------------------------------------------------------------------------------------


def test_cli_output_group_of_an_alb_and_its_own_interfaces(tmp_path):
    """`describe-network-interfaces` lists the balancer's own interfaces (requester amazon-elb): still the
    balancer's group alone."""
    folder = tmp_path / "cli"
    shutil.copytree(FIXTURES / "aws-cli", folder)
    groups = folder / "security-groups.json"
    findings = scan(folder)
    assert world(findings, "sg-0alb00000000000001") == [
        ("sg-world-ingress-unauthorized-port", "medium", line_of(groups, "blue/green test listener")),
        ("sg-world-ingress-unauthorized-port", "medium", line_of(groups, '"Description": "SSH"')),
    ]
    assert all(
        "attached only to internet-facing load balancer 'web' (listening on 443, 8080)" in f["message"]
        for f in findings
        if f["rule"].startswith("sg-world-ingress")
    )


def test_cli_output_group_a_task_interface_also_uses_keeps_its_findings(tmp_path):
    folder = tmp_path / "cli"
    shutil.copytree(FIXTURES / "aws-cli", folder)
    enis = json.loads((folder / "network-interfaces.json").read_text())
    task = dict(enis["NetworkInterfaces"][0], NetworkInterfaceId="eni-0task000000000001", RequesterId="578734482556")
    task.update(Description="arn:aws:ecs:eu-west-1:123456789012:attachment/6f2a", InterfaceType="interface")
    task["Attachment"] = {"AttachmentId": "attach-0", "DeviceIndex": 1, "InstanceOwnerId": "578734482556"}
    enis["NetworkInterfaces"].append(task)
    (folder / "network-interfaces.json").write_text(json.dumps(enis, indent=4))
    rules = {rule for rule, _, _ in world(scan(folder), "sg-0alb00000000000001")}
    assert rules == {"sg-world-ingress-admin-port", "sg-world-ingress-high-risk-port"}


# --- A live account and its audit snapshot -------------------------------------------------------------------


@pytest.fixture(scope="module")
def moto_url():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    audit_seed.reset(url)
    seed_balancer_groups(url)
    yield url
    server.stop()


def seed_balancer_groups(url: str) -> None:
    """An ALB with listeners on 443 and 8080 whose group opens 22 and 8080 to the world, and a second group
    the same rules open that a service's tasks use beside the balancer."""
    boto = audit_seed.session(url, audit_seed.ACCOUNT_A, "eu-west-1")
    ec2 = boto.client("ec2", endpoint_url=url)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=cidr, AvailabilityZone=zone)["Subnet"]["SubnetId"]
        for cidr, zone in (("10.0.1.0/24", "eu-west-1a"), ("10.0.2.0/24", "eu-west-1b"))
    ]
    world = [
        {"IpProtocol": "tcp", "FromPort": port, "ToPort": port, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
        for port in (22, 8080)
    ]
    groups = {}
    for name in ("edge-alb", "edge-shared"):
        groups[name] = ec2.create_security_group(GroupName=name, Description=name, VpcId=vpc)["GroupId"]
        ec2.authorize_security_group_ingress(GroupId=groups[name], IpPermissions=world)
    elbv2 = boto.client("elbv2", endpoint_url=url)
    for name, group in (("edge", groups["edge-alb"]), ("shared", groups["edge-shared"])):
        lb = elbv2.create_load_balancer(Name=name, Subnets=subnets, SecurityGroups=[group])["LoadBalancers"][0]
        for port in (443, 8080):
            elbv2.create_listener(
                LoadBalancerArn=lb["LoadBalancerArn"],
                Protocol="HTTP",
                Port=port,
                DefaultActions=[{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}],
            )
    ecs = boto.client("ecs", endpoint_url=url)
    ecs.create_cluster(clusterName="edge")
    ecs.register_task_definition(
        family="edge",
        networkMode="awsvpc",
        requiresCompatibilities=["FARGATE"],
        cpu="256",
        memory="512",
        containerDefinitions=[{"name": "edge", "image": "public.ecr.aws/nginx/nginx:1.27", "essential": True}],
    )
    ecs.create_service(
        cluster="edge",
        serviceName="edge",
        taskDefinition="edge:1",
        desiredCount=1,
        launchType="FARGATE",
        networkConfiguration={
            "awsvpcConfiguration": {"subnets": subnets[:1], "securityGroups": [groups["edge-shared"]]}
        },
    )


def test_audit_and_its_snapshot_judge_balancer_groups_alike(moto_url, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_ENDPOINT_URL=moto_url,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_MAX_ATTEMPTS="2",
        AWS_CONFIG_FILE=str(tmp_path / "none"),
        AWS_SHARED_CREDENTIALS_FILE=str(tmp_path / "none"),
        AWS_REGION="eu-west-1",
    )
    command = [sys.executable, "-m", "scanner", "audit", "--region", "eu-west-1", "-f", "json"]
    proc = subprocess.run(
        [*command, "--fail-on", "none", "--save-inventory", "inv"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    live = json.loads(proc.stdout)["findings"]
    snapshot = scan(tmp_path / "inv")
    for findings in (live, snapshot):
        by_group = {}
        for f in findings:
            if f["rule"].startswith("sg-world-ingress"):
                by_group.setdefault(f["message"].split("'")[1], set()).add((f["rule"], f["severity"]))
        alb_only = next(k for k in by_group if by_group[k] == {("sg-world-ingress-unauthorized-port", "medium")})
        shared = [k for k in by_group if k != alb_only]
        assert len(shared) == 1, by_group
        assert by_group[shared[0]] == {
            ("sg-world-ingress-admin-port", "high"),
            ("sg-world-ingress-high-risk-port", "critical"),
        }
        notes = {f["message"].split(". ", 1)[1] for f in findings if f["rule"] == "sg-world-ingress-unauthorized-port"}
        assert notes == {
            "The group is attached only to internet-facing load balancer 'edge' (listening on 443, 8080), "
            "which answers on its listener ports alone."
        }


# --- Public templates (tests/corpus/public, sources in its SOURCES.md; FINDINGS.md false alarms 1 to 3) ------

CORPUS = ROOT / "tests" / "corpus" / "public" / "cloudformation"


@pytest.mark.parametrize(
    ("template", "group", "balancer"),
    [
        (
            "aws-cloudformation-templates/fargate-public-vpc.yml",
            "PublicLoadBalancerSG",
            "'PublicLoadBalancer' (listening on 80)",
        ),
        (
            "aws-cloudformation-templates/ec2-launch-type-public-vpc.yml",
            "PublicLoadBalancerSG",
            "'PublicLoadBalancer' (listening on 80)",
        ),
        (
            "ecs-blue-green-deployment/load-balancer.yaml",
            "SecurityGroup",
            "'LoadBalancer' (its listeners are not in the input)",
        ),
        (
            "copilot-cli/svc-nlb-prod.stack.yml",
            "NetworkLoadBalancerSecurityGroup",
            "'PublicNetworkLoadBalancerV2' (listening on 443, 8081, 8082, 8083)",
        ),
    ],
)
def test_public_balancer_groups_are_medium_and_name_the_balancer(template: str, group: str, balancer: str):
    findings = [
        f for f in scan_loose(CORPUS / template) if f["resource"] == group and f["rule"].startswith("sg-world-ingress")
    ]
    assert findings
    assert {f["severity"] for f in findings} == {"medium"}
    assert not {f["rule"] for f in findings} & set(WORLD_RULES)
    assert all(
        f"load balancer {balancer}, which answers on its listener ports alone." in f["message"] for f in findings
    )


def scan_loose(path: Path) -> list[dict]:
    """The findings of a file that may hold input errors of its own (Copilot's `!Ref:` lines)."""
    result = run_fgscan("scan", str(path), "-f", "json", "--fail-on", "none")
    assert result.returncode in (0, 2), result.stderr
    return json.loads(result.stdout)["findings"]


# --- A Terraform plan (`terraform show -json`): references only in the configuration ------------------------


def plan(with_instance: bool) -> dict:
    """A plan creating a group, a balancer with a listener on 443 and, optionally, an instance using the
    group: ids are known after apply, so the links are only the configuration's references."""
    resources = [
        ("aws_security_group.edge", {"name": "edge", "ingress": [WORLD_SSH]}, {}),
        ("aws_lb.edge", {"name": "edge", "internal": False}, {"security_groups": ["aws_security_group.edge.id"]}),
        ("aws_lb_listener.https", {"port": 443, "protocol": "HTTPS"}, {"load_balancer_arn": ["aws_lb.edge.arn"]}),
    ]
    if with_instance:
        resources.append(
            (
                "aws_instance.bastion",
                {"instance_type": "t3.micro"},
                {"vpc_security_group_ids": ["aws_security_group.edge.id"]},
            )
        )
    return {
        "format_version": "1.2",
        "terraform_version": "1.9.5",
        "planned_values": {
            "root_module": {
                "resources": [
                    {"address": a, "mode": "managed", "type": a.split(".")[0], "name": a.split(".")[1], "values": v}
                    for a, v, _ in resources
                ]
            }
        },
        "resource_changes": [
            {"address": a, "change": {"actions": ["create"], "after_unknown": {k: True for k in refs} | {"id": True}}}
            for a, _, refs in resources
        ],
        "configuration": {
            "root_module": {
                "resources": [
                    {
                        "address": a,
                        "mode": "managed",
                        "type": a.split(".")[0],
                        "name": a.split(".")[1],
                        "expressions": {
                            k: {"references": [*refs_of, refs_of[0].rsplit(".", 1)[0]]} for k, refs_of in refs.items()
                        },
                    }
                    for a, _, refs in resources
                ]
            }
        },
    }


WORLD_SSH = {
    "from_port": 22,
    "to_port": 22,
    "protocol": "tcp",
    "cidr_blocks": ["0.0.0.0/0"],
    "ipv6_cidr_blocks": [],
    "prefix_list_ids": [],
    "security_groups": [],
    "self": False,
    "description": "SSH",
}


@pytest.mark.parametrize(
    ("with_instance", "expected"),
    [(False, "sg-world-ingress-unauthorized-port"), (True, "sg-world-ingress-admin-port")],
)
def test_terraform_plan_links_through_configuration_references(tmp_path, with_instance: bool, expected: str):
    (tmp_path / "plan.json").write_text(json.dumps(plan(with_instance), indent=2))
    findings = [f for f in scan(tmp_path / "plan.json") if f["rule"].startswith("sg-world-ingress")]
    assert [(f["resource"], f["rule"]) for f in findings] == [("aws_security_group.edge", expected)]
    assert ("load balancer 'aws_lb.edge' (listening on 443)" in findings[0]["message"]) is not with_instance


def test_a_group_of_tasks_without_a_public_ip_is_medium_and_says_why():
    """Tasks with no public IP are reached from the internet only through something in front of them: world-open
    rules on their group are medium and say so. The same rules on a group of tasks with a public IP keep their
    severity (the exposure rules judge what actually reaches those tasks)."""
    template = FIXTURES / "cfn" / "private-tasks.yaml"
    findings = scan(template)
    private = line_of(template, "PrivateGroup:")
    assert world(findings, "PrivateGroup") == [
        ("sg-world-ingress-admin-port", "medium", line_of(template, "FromPort: 22", private)),
        ("sg-world-ingress-high-risk-port", "medium", line_of(template, "FromPort: 8080", private)),
    ]
    note = "The group is attached only to tasks without a public IP (service 'PrivateService')"
    assert all(note in f["message"] for f in findings if f["resource"] == "PrivateGroup" and "world" in f["rule"])
    public = line_of(template, "PublicGroup:")
    assert world(findings, "PublicGroup") == [
        ("sg-world-ingress-admin-port", "high", line_of(template, "FromPort: 22", public)),
        ("sg-world-ingress-high-risk-port", "critical", line_of(template, "FromPort: 8080", public)),
    ]
