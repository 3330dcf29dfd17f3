"""The collector's paging and batching, checked with botocore's Stubber where moto does not paginate:
every page is read, describes are batched at the API's limits, and a shared task definition is
described once. Also fault classification and snapshot naming."""

from __future__ import annotations

import json

import boto3
import pytest
from botocore.exceptions import ClientError, EndpointConnectionError
from botocore.stub import Stubber

from scanner.collect import ec2, ecs, iam, inventory
from scanner.collect.faults import Abandoned, Faults, Scope, category, describe
from scanner.collect.inventory import RegionInventory

ACCOUNT = "123456789012"
REGION = "eu-west-1"


def _arn(kind: str, name: str) -> str:
    return f"arn:aws:ecs:{REGION}:{ACCOUNT}:{kind}/{name}"


def _client(service: str):
    return boto3.Session(aws_access_key_id="x", aws_secret_access_key="x", region_name=REGION).client(service)


def _service(cluster: str, name: str, task_definition: str) -> dict:
    return {
        "serviceName": name,
        "serviceArn": _arn("service", f"{cluster}/{name}"),
        "clusterArn": _arn("cluster", cluster),
        "taskDefinition": task_definition,
        "events": [{"id": "e"}],
    }


def _task_definition(arn: str) -> dict:
    family, revision = arn.rsplit("/", 1)[1].split(":")
    return {
        "taskDefinition": {
            "taskDefinitionArn": arn,
            "family": family,
            "revision": int(revision),
            "containerDefinitions": [{"name": "app", "image": "app"}],
        },
        "tags": [{"key": "team", "value": "a"}],
    }


def test_ecs_reads_every_page_batches_describes_and_describes_shared_task_definitions_once():
    client = _client("ecs")
    clusters = [_arn("cluster", f"c{i:03}") for i in range(150)]
    shared = _arn("task-definition", "web:4")
    services = [_arn("service", f"c000/s{i:02}") for i in range(12)]
    with Stubber(client) as stub:
        stub.add_response("list_clusters", {"clusterArns": clusters[:100], "nextToken": "t1"}, {})
        stub.add_response("list_clusters", {"clusterArns": clusters[100:]}, {"nextToken": "t1"})
        for batch in (clusters[:100], clusters[100:]):
            stub.add_response(
                "describe_clusters",
                {"clusters": [{"clusterArn": c, "clusterName": c[-4:]} for c in batch]},
                {"clusters": batch, "include": ecs.INCLUDE_CLUSTER},
            )
        stub.add_response("list_services", {"serviceArns": services[:7], "nextToken": "s1"}, {"cluster": clusters[0]})
        stub.add_response("list_services", {"serviceArns": services[7:]}, {"cluster": clusters[0], "nextToken": "s1"})
        for batch in (services[:10], services[10:]):
            stub.add_response(
                "describe_services",
                {"services": [_service("c000", s.rsplit("/", 1)[1], shared) for s in batch]},
                {"cluster": clusters[0], "services": batch, "include": ["TAGS"]},
            )
        for cluster in clusters[1:]:
            stub.add_response("list_services", {"serviceArns": []}, {"cluster": cluster})
        old, latest = _arn("task-definition", "web:3"), _arn("task-definition", "web:5")
        other = _arn("task-definition", "web-api:2")
        stub.add_response(
            "list_task_definitions", {"taskDefinitionArns": [old, other], "nextToken": "d1"}, {"status": "ACTIVE"}
        )
        stub.add_response(
            "list_task_definitions", {"taskDefinitionArns": [latest]}, {"status": "ACTIVE", "nextToken": "d1"}
        )
        for arn in sorted({shared, latest, other}):
            stub.add_response(
                "describe_task_definition", _task_definition(arn), {"taskDefinition": arn, "include": ["TAGS"]}
            )
        inv = RegionInventory(ACCOUNT, REGION)
        faults = Faults()
        ecs.collect(client, Scope(ACCOUNT, REGION, faults), inv, all_revisions=False, workers=1)
        stub.assert_no_pending_responses()
    assert faults.gaps == []
    assert len(inv.clusters) == 150 and len(inv.services) == 12
    assert all("events" not in s for s in inv.services)
    # the twelve services share web:4 (described once); web:3 is neither used nor the latest
    assert sorted(t["taskDefinition"]["taskDefinitionArn"] for t in inv.task_definitions) == sorted(
        [shared, latest, other]
    )


def test_ec2_reads_every_page_of_groups_and_interfaces():
    client = _client("ec2")
    with Stubber(client) as stub:
        stub.add_response(
            "describe_security_groups",
            {"SecurityGroups": [{"GroupId": "sg-1"}], "NextToken": "n"},
            {"MaxResults": ec2.PAGE_SIZE},
        )
        stub.add_response(
            "describe_security_groups",
            {"SecurityGroups": [{"GroupId": "sg-2"}]},
            {"MaxResults": ec2.PAGE_SIZE, "NextToken": "n"},
        )
        stub.add_response(
            "describe_network_interfaces",
            {"NetworkInterfaces": [{"NetworkInterfaceId": "eni-1"}], "NextToken": "m"},
            {"MaxResults": ec2.PAGE_SIZE},
        )
        stub.add_response(
            "describe_network_interfaces",
            {"NetworkInterfaces": [{"NetworkInterfaceId": "eni-2"}]},
            {"MaxResults": ec2.PAGE_SIZE, "NextToken": "m"},
        )
        inv = RegionInventory(ACCOUNT, REGION)
        ec2.collect(client, Scope(ACCOUNT, REGION, Faults()), inv)
        stub.assert_no_pending_responses()
    assert [g["GroupId"] for g in inv.security_groups] == ["sg-1", "sg-2"]
    assert [n["NetworkInterfaceId"] for n in inv.network_interfaces] == ["eni-1", "eni-2"]


def test_a_fault_mid_pagination_keeps_the_pages_read_and_records_the_gap():
    client = _client("ecs")
    with Stubber(client) as stub:
        stub.add_response("list_clusters", {"clusterArns": [_arn("cluster", "a")], "nextToken": "t"}, {})
        stub.add_client_error("list_clusters", "ThrottlingException", "Rate exceeded", http_status_code=400)
        faults = Faults()
        found = Scope(ACCOUNT, REGION, faults).pages("ecs:ListClusters", client, "list_clusters", "clusterArns")
    assert found == [_arn("cluster", "a")]
    assert [(g.api, g.error, g.category) for g in faults.gaps] == [
        ("ecs:ListClusters", "ThrottlingException", "throttled")
    ]


def test_expired_credentials_abandon_the_region():
    client = _client("ecs")
    with Stubber(client) as stub:
        stub.add_client_error(
            "list_clusters",
            "ExpiredTokenException",
            "The security token included in the request is expired",
            http_status_code=400,
        )
        faults = Faults()
        with pytest.raises(Abandoned) as raised:
            ecs.collect(client, Scope(ACCOUNT, REGION, faults), RegionInventory(ACCOUNT, REGION), False, 1)
    assert raised.value.gap.category == "credentials-or-region"
    assert len(faults.gaps) == 1


def test_missing_role_is_skipped_without_a_gap_and_aws_managed_policies_are_not_fetched():
    client = _client("iam")
    role = f"arn:aws:iam::{ACCOUNT}:role/app"
    with Stubber(client) as stub:
        stub.add_response(
            "get_role",
            {
                "Role": {
                    "Path": "/",
                    "RoleName": "app",
                    "RoleId": "AROAEXAMPLEID123456",
                    "Arn": role,
                    "CreateDate": "2024-01-01T00:00:00Z",
                    "AssumeRolePolicyDocument": "{}",
                }
            },
            {"RoleName": "app"},
        )
        stub.add_response("list_role_policies", {"PolicyNames": []}, {"RoleName": "app"})
        stub.add_response(
            "list_attached_role_policies",
            {
                "AttachedPolicies": [
                    {"PolicyName": "ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}
                ]
            },
            {"RoleName": "app"},
        )
        stub.add_client_error(
            "get_role", "NoSuchEntity", "no role", http_status_code=404, expected_params={"RoleName": "gone"}
        )
        faults = Faults()
        roles = iam.collect(client, Scope(ACCOUNT, "global", faults), {f"arn:aws:iam::{ACCOUNT}:role/gone", role})
        stub.assert_no_pending_responses()
    assert faults.gaps == []
    assert [r["RoleName"] for r in roles] == ["app"]
    assert roles[0]["AttachedManagedPolicies"] == [
        {"PolicyName": "ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}
    ]


def test_role_arns_are_the_accounts_own_task_and_execution_roles():
    items = [
        {
            "taskDefinition": {
                "taskRoleArn": f"arn:aws:iam::{ACCOUNT}:role/path/app",
                "executionRoleArn": "arn:aws:iam::999999999999:role/foreign",
            }
        },
        {"taskDefinition": {"executionRoleArn": "ecsTaskExecutionRole"}},
    ]
    assert iam.role_arns(items, ACCOUNT) == {f"arn:aws:iam::{ACCOUNT}:role/path/app"}


def test_latest_revisions_compare_numbers_and_keep_families_apart():
    arns = [_arn("task-definition", n) for n in ("web:9", "web:10", "web-api:1", "web-api:3")]
    assert sorted(ecs.latest_revisions(arns)) == sorted([arns[1], arns[3]])


def test_fault_codes_are_classified():
    denied = ClientError({"Error": {"Code": "AccessDeniedException", "Message": "no"}}, "ListClusters")
    assert describe(denied) == ("AccessDeniedException", "no")
    assert category("UnauthorizedOperation") == "access-denied"
    assert category("RequestLimitExceeded") == "throttled"
    assert category("OptInRequired") == "credentials-or-region"
    code, _ = describe(EndpointConnectionError(endpoint_url="https://ecs.example"))
    assert category(code) == "connection"


def test_snapshot_names_and_bytes_are_deterministic(tmp_path):
    inv = RegionInventory(ACCOUNT, REGION)
    inv.services.append(
        {
            "serviceName": "api",
            "serviceArn": _arn("service", "prod/api"),
            "clusterArn": _arn("cluster", "prod"),
            "b": 1,
            "a": 2,
        }
    )
    inv.task_definitions.append(_task_definition(_arn("task-definition", "web:4")))
    inv.task_sets.append(
        {
            "id": "ecs-svc/123",
            "taskSetArn": _arn("task-set", "prod/api/ecs-svc/123"),
            "serviceArn": _arn("service", "prod/api"),
            "clusterArn": _arn("cluster", "prod"),
        }
    )
    inventory.prepare(tmp_path / "snap")
    assert inventory.write(tmp_path / "snap", [inv]) == 3
    service = tmp_path / "snap" / ACCOUNT / REGION / "ecs_service" / "prod.api.json"
    assert service.read_text().startswith('{\n  "a": 2,\n  "b": 1,')
    assert (tmp_path / "snap" / ACCOUNT / REGION / "ecs_task_definition" / "web.4.json").is_file()
    assert (tmp_path / "snap" / ACCOUNT / REGION / "ecs_task_set" / "prod.api.ecs-svc_123.json").is_file()
    marker = json.loads((tmp_path / "snap" / inventory.MARKER).read_text())
    assert marker["accounts"] == {ACCOUNT: [REGION]}


def test_a_skip_tag_on_a_security_group_suppresses_with_the_default_reason(tmp_path):
    from tests.conftest import run_fgscan

    group = {
        "GroupId": "sg-0123456789abcdef0",
        "GroupName": "ops",
        "OwnerId": ACCOUNT,
        "VpcId": "vpc-1",
        "Tags": [{"Key": "fgscan:skip", "Value": "sg-rule-missing-description, sg-world-egress-all"}],
        "IpPermissions": [
            {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/16"}]}
        ],
        "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
    }
    path = tmp_path / ACCOUNT / REGION / "ec2_security_group" / "sg-0123456789abcdef0.json"
    path.parent.mkdir(parents=True)
    path.write_text(inventory.dumps(group))
    proc = run_fgscan("scan", str(tmp_path), "-f", "json", "--fail-on", "none", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    suppressed = {f["rule"]: f for f in data["suppressed"]}
    assert {"sg-rule-missing-description", "sg-world-egress-all"} <= set(suppressed)
    assert suppressed["sg-world-egress-all"]["suppression"]["reason"] == "resource tag fgscan:skip"
    where = suppressed["sg-world-egress-all"]["suppression"]["where"]
    lines = path.read_text().splitlines()
    line = int(where.rsplit(":", 1)[1])  # the tag's own line in the file
    assert where.startswith(f"{ACCOUNT}/{REGION}/ec2_security_group/") and '"fgscan:skip"' in lines[line]
    assert not [f for f in data["findings"] if f["rule"] in suppressed]
    assert (suppressed["sg-world-egress-all"]["account"], suppressed["sg-world-egress-all"]["region"]) == (
        ACCOUNT,
        REGION,
    )
