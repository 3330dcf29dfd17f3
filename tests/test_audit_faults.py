"""Audits through a bad network (the fault proxy in front of moto's server): answers that are not what the
API promises, unparsable XML, credentials expiring mid-run, hung calls and the overall deadline. Each is
a gap naming what was not read, exit 3, never a traceback, and never a resource counted as passing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.audit_seed import ACCOUNT_A, ACCOUNT_B, AUDIT_ROLE
from tests.fault_proxy import Fault, FaultProxy
from tests.test_audit import audit, aws_env, moto_url, named, report  # noqa: F401  (moto_url: the fixture)

EAST = ("--region", "us-east-1", "-f", "json", "-q")


@pytest.fixture
def proxy(moto_url) -> Iterator[FaultProxy]:  # noqa: F811
    running = FaultProxy(moto_url).start()
    yield running
    running.stop()


def run(proxy: FaultProxy, tmp_path, *faults: Fault, args: tuple[str, ...] = EAST) -> dict:
    proxy.faults = list(faults)
    proc = audit(aws_env(proxy.url, tmp_path), *args)
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    data = report(proc)
    data["stderr"] = proc.stderr
    return data


def gaps(data: dict) -> set[tuple[str, str, str]]:
    return {(g["region"], g["api"], g["category"]) for g in data["coverage"]["not_covered"]}


@pytest.mark.parametrize(
    ("operation", "kind"),
    [
        ("ListClusters", "html"),
        ("ListClusters", "empty"),
        ("ListServices", "truncated"),
        ("DescribeServices", "empty"),
        ("DescribeServices", "html"),
        ("DescribeTaskDefinition", "truncated"),
    ],
)
def test_a_200_that_is_not_the_answer_is_a_gap(proxy, tmp_path, operation, kind):
    data = run(proxy, tmp_path, Fault(operation, kind, "us-east-1"))
    assert ("us-east-1", f"ecs:{operation}", "malformed") in gaps(data)
    assert (operation, kind) in proxy.hits


def test_one_task_definition_answered_with_an_empty_object_is_named(proxy, tmp_path):
    data = run(proxy, tmp_path, Fault("DescribeTaskDefinition", "empty", contains="legacy-worker:3"))
    gap = next(g for g in data["coverage"]["not_covered"] if g["api"] == "ecs:DescribeTaskDefinition")
    assert (gap["target"], gap["error"]) == ("legacy-worker:3", "MalformedResponse")
    assert "legacy-worker:3" not in named(data["findings"], "privileged-container")
    assert "legacy-worker:1" in named(data["findings"], "privileged-container")


@pytest.mark.parametrize(
    ("operation", "region", "api"),
    [
        ("DescribeSecurityGroups", "us-east-1", "ec2:DescribeSecurityGroups"),
        ("GetRole", "global", "iam:GetRole"),
        ("ListAttachedRolePolicies", "global", "iam:ListAttachedRolePolicies"),
    ],
)
def test_garbage_xml_is_a_gap_not_a_traceback(proxy, tmp_path, operation, region, api):
    data = run(proxy, tmp_path, Fault(operation, "garbage"))
    assert (region, api, "malformed") in gaps(data)


def test_garbage_from_sts_leaves_the_account_uncovered(proxy, tmp_path):
    data = run(
        proxy,
        tmp_path,
        Fault("AssumeRole", "garbage", contains=ACCOUNT_B),
        args=("--account-role", AUDIT_ROLE, "--accounts", f"{ACCOUNT_A},{ACCOUNT_B}", *EAST),
    )
    assert ("*", "sts:AssumeRole", "malformed") in gaps(data)
    assert data["coverage"]["regions"][ACCOUNT_B] == []
    assert {f["account"] for f in data["findings"]} == {ACCOUNT_A}


def test_credentials_expiring_mid_run_name_every_kind_not_read(proxy, tmp_path):
    services = run(proxy, tmp_path, Fault("DescribeServices", "expired", "us-east-1"))
    unread = {g["target"]: g for g in services["coverage"]["not_covered"] if (g["target"] or "").startswith("every ")}
    # clusters were read before; without task definitions no role is named, so IAM is not read at all
    assert set(unread) == {
        "every service",
        "every task set",
        "every task definition",
        "every security group",
        "every network interface",
        "every load balancer",
        "every target group",
        "every listener",
    }
    assert all(g["category"] == "credentials-or-region" for g in unread.values())
    assert "ecs:DescribeServices failed first" in unread["every security group"]["message"]
    assert named(services["findings"], "container-insights-disabled")

    later = run(
        proxy,
        tmp_path,
        Fault("DescribeNetworkInterfaces", "expired", "us-east-1"),
        Fault("ListRolePolicies", "expired"),
    )
    unread = {
        (g["region"], g["target"]) for g in later["coverage"]["not_covered"] if (g["target"] or "").startswith("every ")
    }
    assert unread == {
        ("us-east-1", "every network interface"),
        ("us-east-1", "every load balancer"),  # read after the network interfaces
        ("us-east-1", "every target group"),
        ("us-east-1", "every listener"),
        ("global", "every iam role"),
    }
    assert named(later["findings"], "privileged-container")


def test_a_hung_call_times_out_per_call(proxy, tmp_path):
    data = run(
        proxy, tmp_path, Fault("DescribeSecurityGroups", "hang", "us-east-1"), args=("--call-timeout", "1", *EAST)
    )
    assert ("us-east-1", "ec2:DescribeSecurityGroups", "connection") in gaps(data)
    assert named(data["findings"], "privileged-container")  # the rest was read and scanned


def test_at_the_deadline_what_was_read_is_scanned_and_the_rest_listed(proxy, tmp_path):
    data = run(
        proxy,
        tmp_path,
        Fault("DescribeSecurityGroups", "hang", "us-east-1"),
        args=("--deadline", "4", "--call-timeout", "60", *EAST),
    )
    found = gaps(data)
    assert ("us-east-1", "fgscan:collect", "deadline") in found
    unread = {g["target"] for g in data["coverage"]["not_covered"] if g["category"] == "deadline"}
    assert {"every security group", "every network interface"} <= unread
    assert named(data["findings"], "privileged-container")  # task definitions were read before the hang


def test_a_role_missing_a_policy_is_not_evaluated_never_passed(proxy, moto_url, tmp_path):  # noqa: F811
    clean = report(audit(aws_env(moto_url, tmp_path), *EAST))
    data = run(proxy, tmp_path, Fault("GetRolePolicy", "denied"))
    gap = next(g for g in data["coverage"]["not_covered"] if g["api"] == "iam:GetRolePolicy")
    assert gap["target"] == "role legacy-worker"
    assert not [f for f in data["findings"] if f["kind"] == "iam_role" and f["resource"] == "legacy-worker"]
    for rule in ("FG-IAM-001", "FG-IAM-002"):
        assert data["evaluated"][rule] == clean["evaluated"][rule] - 1
