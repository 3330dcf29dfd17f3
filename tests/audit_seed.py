"""Seed moto's server with risky and hardened ECS, EC2 and IAM resources for the audit tests."""

from __future__ import annotations

import json
from typing import Any

from tests.conftest import EXAMPLES

ACCOUNT_A = "123456789012"
ACCOUNT_B = "222222222222"
REGIONS = ("us-east-1", "eu-west-1")
AUDIT_ROLE = "arn:aws:iam::{account}:role/fgscan-audit"
TRUST_ECS = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}
ADMIN = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
READ_LOGS = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "*"}],
}


def reset(url: str) -> None:
    """Empty moto: its servers in one test process share their state, and each test module seeds its own."""
    import urllib.request

    urllib.request.urlopen(urllib.request.Request(f"{url}/moto-api/reset", method="POST"), timeout=30).close()


def session(url: str, account: str, region: str) -> Any:
    """A boto3 session in `account` (through moto's STS for anything but the default account)."""
    import boto3

    base = boto3.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name=region)
    if account == ACCOUNT_A:
        return base
    creds = base.client("sts", endpoint_url=url).assume_role(
        RoleArn=AUDIT_ROLE.format(account=account), RoleSessionName="seed"
    )["Credentials"]
    return boto3.Session(
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
        region_name=region,
    )


def risky_task_definition(family: str, account: str, region: str, role: str | None = None) -> dict[str, Any]:
    """The risky example as `register-task-definition` input."""
    body = json.loads((EXAMPLES / "risky-task-definition.json").read_text())["taskDefinition"]
    for key in ("revision", "taskDefinitionArn"):
        body.pop(key)
    body["family"] = family
    body["containerDefinitions"][0]["memory"] = 256
    body["taskRoleArn"] = body["executionRoleArn"] = role or f"arn:aws:iam::{account}:role/legacy-worker"
    return body


def hardened_task_definition(account: str) -> dict[str, Any]:
    body = json.loads((EXAMPLES / "hardened-task-definition.json").read_text())
    body["taskRoleArn"] = f"arn:aws:iam::{account}:role/orders-api-task"
    body["executionRoleArn"] = f"arn:aws:iam::{account}:role/orders-api-execution"
    return body


def seed_account_a(url: str) -> dict[str, str]:
    """Account A, us-east-1: the full set; eu-west-1: one family of risky task definitions. Returns ids."""
    ids: dict[str, str] = {}
    boto = session(url, ACCOUNT_A, "us-east-1")
    iam = boto.client("iam", endpoint_url=url)
    for name, inline in (("legacy-worker", ADMIN), ("orders-api-task", None), ("orders-api-execution", None)):
        iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(TRUST_ECS))
        if inline:
            iam.put_role_policy(RoleName=name, PolicyName="everything", PolicyDocument=json.dumps(inline))
    logs = iam.create_policy(PolicyName="write-logs", PolicyDocument=json.dumps(READ_LOGS))["Policy"]["Arn"]
    for name in ("orders-api-task", "orders-api-execution"):
        iam.attach_role_policy(RoleName=name, PolicyArn=logs)

    ec2 = boto.client("ec2", endpoint_url=url)
    vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
    subnet = ec2.describe_subnets()["Subnets"][0]["SubnetId"]
    ssh = ec2.create_security_group(GroupName="open-ssh", Description="ssh from anywhere", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=ssh,
        IpPermissions=[{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
    )
    ids["sg"] = ssh
    ids["eni"] = ec2.create_network_interface(SubnetId=subnet, Groups=[ssh])["NetworkInterface"]["NetworkInterfaceId"]

    ecs = boto.client("ecs", endpoint_url=url)
    ecs.create_cluster(clusterName="prod")
    ecs.create_cluster(clusterName="hardened", settings=[{"name": "containerInsights", "value": "enabled"}])
    for _ in range(3):  # revisions 1..3; the service runs 1, the latest is 3
        ecs.register_task_definition(**risky_task_definition("legacy-worker", ACCOUNT_A, "us-east-1"))
    ecs.register_task_definition(**hardened_task_definition(ACCOUNT_A))
    skipped = risky_task_definition("batch-job", ACCOUNT_A, "us-east-1")
    skipped["tags"] = [
        {"key": "fgscan:skip", "value": "privileged-container"},
        {"key": "fgscan:skip-reason", "value": "needs privileged for FUSE; ticket SEC-12"},
    ]
    ecs.register_task_definition(**skipped)
    network = {"awsvpcConfiguration": {"subnets": [subnet], "securityGroups": [ssh], "assignPublicIp": "ENABLED"}}
    ecs.create_service(
        cluster="prod",
        serviceName="legacy",
        taskDefinition="legacy-worker:1",
        desiredCount=1,
        launchType="FARGATE",
        networkConfiguration=network,
    )
    ecs.update_service(cluster="prod", service="legacy", enableExecuteCommand=True)  # moto ignores it on create
    ecs.create_service(
        cluster="hardened", serviceName="orders", taskDefinition="orders-api:1", desiredCount=2, launchType="FARGATE"
    )
    ecs.create_service(
        cluster="prod",
        serviceName="canary",
        taskDefinition="orders-api:1",
        desiredCount=1,
        deploymentController={"type": "EXTERNAL"},
    )
    ecs.create_task_set(cluster="prod", service="canary", taskDefinition="legacy-worker:2")
    ecs.register_task_definition(  # listens on 22, behind the world-open group, with a public IP
        family="sshd",
        networkMode="awsvpc",
        requiresCompatibilities=["FARGATE"],
        cpu="256",
        memory="512",
        containerDefinitions=[
            {
                "name": "sshd",
                "image": "linuxserver/openssh-server:9.7",
                "memory": 256,
                "portMappings": [{"containerPort": 22, "protocol": "tcp"}],
            }
        ],
    )
    ecs.create_service(
        cluster="prod",
        serviceName="sshd",
        taskDefinition="sshd:1",
        desiredCount=1,
        launchType="FARGATE",
        networkConfiguration=network,
    )
    seed_load_balanced_service(boto, url, vpc, subnet)

    west = session(url, ACCOUNT_A, "eu-west-1").client("ecs", endpoint_url=url)
    west.create_cluster(clusterName="west")
    for _ in range(3):  # no service runs these: by default only revision 3; revision 1 is INACTIVE
        west.register_task_definition(**risky_task_definition("west-worker", ACCOUNT_A, "eu-west-1"))
    west.deregister_task_definition(taskDefinition="west-worker:1")
    return ids


def seed_account_b(url: str) -> None:
    """Account B, us-east-1: one risky task definition run by a service, and its role."""
    boto = session(url, ACCOUNT_B, "us-east-1")
    boto.client("iam", endpoint_url=url).create_role(
        RoleName="legacy-worker", AssumeRolePolicyDocument=json.dumps(TRUST_ECS)
    )
    ecs = boto.client("ecs", endpoint_url=url)
    ecs.create_cluster(clusterName="b-prod")
    ecs.register_task_definition(**risky_task_definition("b-worker", ACCOUNT_B, "us-east-1"))
    ecs.create_service(cluster="b-prod", serviceName="b-svc", taskDefinition="b-worker:1", desiredCount=1)


def seed_load_balanced_service(boto: Any, url: str, vpc: str, subnet: str) -> None:
    """`web` (prod) behind an application load balancer, whose task group also admits 10.0.0.0/8 on the
    container port: clients there bypass the balancer."""
    ec2 = boto.client("ec2", endpoint_url=url)
    alb_sg = ec2.create_security_group(GroupName="web-alb", Description="web balancer", VpcId=vpc)["GroupId"]
    tasks_sg = ec2.create_security_group(GroupName="web-tasks", Description="web tasks", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=tasks_sg,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "UserIdGroupPairs": [{"GroupId": alb_sg}]},
            {"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
        ],
    )
    second = ec2.create_subnet(VpcId=vpc, CidrBlock="172.31.200.0/24")["Subnet"]["SubnetId"]
    elbv2 = boto.client("elbv2", endpoint_url=url)
    lb = elbv2.create_load_balancer(Name="web", Subnets=[subnet, second], SecurityGroups=[alb_sg])["LoadBalancers"][0]
    tg = elbv2.create_target_group(Name="web", Protocol="HTTP", Port=8080, VpcId=vpc, TargetType="ip")
    tg_arn = tg["TargetGroups"][0]["TargetGroupArn"]
    elbv2.create_listener(
        LoadBalancerArn=lb["LoadBalancerArn"],
        Protocol="HTTP",
        Port=80,
        DefaultActions=[{"Type": "forward", "TargetGroupArn": tg_arn}],
    )
    boto.client("ecs", endpoint_url=url).create_service(
        cluster="prod",
        serviceName="web",
        taskDefinition="orders-api:1",
        desiredCount=2,
        launchType="FARGATE",
        loadBalancers=[{"targetGroupArn": tg_arn, "containerName": "orders-api", "containerPort": 8080}],
        networkConfiguration={"awsvpcConfiguration": {"subnets": [subnet], "securityGroups": [tasks_sg]}},
    )


def seeded_group(url: str) -> str:
    """The world-open SSH group of account A in us-east-1."""
    ec2 = session(url, ACCOUNT_A, "us-east-1").client("ec2", endpoint_url=url)
    return ec2.describe_security_groups(Filters=[{"Name": "group-name", "Values": ["open-ssh"]}])["SecurityGroups"][0][
        "GroupId"
    ]


def close_group(url: str, group: str) -> None:
    """Remove the group's world-open SSH rule."""
    ec2 = session(url, ACCOUNT_A, "us-east-1").client("ec2", endpoint_url=url)
    ec2.revoke_security_group_ingress(
        GroupId=group,
        IpPermissions=[{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
    )


ACCOUNT_C = "333333333333"
ORG_REGIONS = ("us-east-1", "eu-west-1", "ap-southeast-2")


def seed_account_c(url: str) -> None:
    """Account C: a risky service in eu-west-1 and ap-southeast-2, sharing one role; a world-open group."""
    boto = session(url, ACCOUNT_C, "us-east-1")
    boto.client("iam", endpoint_url=url).create_role(
        RoleName="c-worker", AssumeRolePolicyDocument=json.dumps(TRUST_ECS)
    )
    role = f"arn:aws:iam::{ACCOUNT_C}:role/c-worker"
    for region in ("eu-west-1", "ap-southeast-2"):
        regional = session(url, ACCOUNT_C, region)
        ecs = regional.client("ecs", endpoint_url=url)
        ecs.create_cluster(clusterName=f"c-{region}")
        ecs.register_task_definition(**risky_task_definition(f"c-{region}", ACCOUNT_C, region, role))
        ecs.create_service(cluster=f"c-{region}", serviceName="svc", taskDefinition=f"c-{region}:1", desiredCount=1)
        ec2 = regional.client("ec2", endpoint_url=url)
        vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
        group = ec2.create_security_group(GroupName="open-db", Description="db from anywhere", VpcId=vpc)
        ec2.authorize_security_group_ingress(
            GroupId=group["GroupId"],
            IpPermissions=[
                {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
            ],
        )
