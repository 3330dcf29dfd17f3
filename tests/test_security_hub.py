"""`fgscan audit --to-security-hub` against moto's Security Hub: every finding accepted, updated in place on
the next audit, archived once fixed but never when the audit could not read it; batches of 100 and retries."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from datetime import datetime, timezone

import boto3
import pytest

from reports import asff
from scanner.collect import securityhub
from scanner.collect.session import ApiCounter
from scanner.model import ScanResult
from scanner.pipeline import ScanOptions, scan
from tests import audit_seed
from tests.audit_seed import ACCOUNT_A
from tests.conftest import EXAMPLES
from tests.fault_proxy import Fault, FaultProxy
from tests.test_audit import audit, aws_env, report


@pytest.fixture(scope="module")
def hub_url() -> Iterator[str]:
    """A moto server of its own: these tests change the seeded resources."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    audit_seed.reset(url)
    audit_seed.seed_account_a(url)
    yield url
    server.stop()


def hub(url: str, region: str = "us-east-1") -> dict[str, dict]:
    client = boto3.client(
        "securityhub", endpoint_url=url, region_name=region, aws_access_key_id="x", aws_secret_access_key="x"
    )
    found = [f for page in client.get_paginator("get_findings").paginate() for f in page["Findings"]]
    return {f["Id"]: f for f in found}


def test_import_update_and_archive_only_what_was_read(hub_url, tmp_path):
    env = aws_env(hub_url, tmp_path)
    first = audit(env, "--region", "us-east-1", "-f", "json", "--to-security-hub", cwd=tmp_path)
    assert first.returncode == 1, first.stderr
    data = report(first)
    stored = hub(hub_url)
    expected = len(data["findings"]) + len(data["suppressed"])
    assert len(stored) == expected and f"Security Hub: {expected} imported, 0 archived" in first.stderr
    assert all(f["RecordState"] == "ACTIVE" and f["AwsAccountId"] == ACCOUNT_A for f in stored.values())
    ids = {f"fgscan/{ACCOUNT_A}/us-east-1/{f['rule_id']}/{f['fingerprint']}" for f in data["findings"]}
    assert ids <= set(stored)
    group = audit_seed.seeded_group(hub_url)
    on_group = {i for i, f in stored.items() if group in f["Resources"][0]["Id"]}
    assert on_group

    # the group cannot be read: its findings vanish from the report but are not declared fixed
    proxy = FaultProxy(hub_url, [Fault("DescribeSecurityGroups", "denied")]).start()
    try:
        blind = audit(aws_env(proxy.url, tmp_path), "--region", "us-east-1", "-f", "json", "--to-security-hub")
    finally:
        proxy.stop()
    assert blind.returncode == 3, blind.stderr
    assert all(f["RecordState"] == "ACTIVE" for f in hub(hub_url).values())

    # fixed: the world-open rule is gone; the group's findings are archived, nothing else, nothing duplicated
    audit_seed.close_group(hub_url, group)
    fixed = audit(env, "--region", "us-east-1", "-f", "json", "--to-security-hub", cwd=tmp_path)
    assert fixed.returncode == 1, fixed.stderr
    after = hub(hub_url)
    archived = {i for i, f in after.items() if f["RecordState"] == "ARCHIVED"}
    now = report(fixed)
    current = {f"fgscan/{ACCOUNT_A}/us-east-1/{f['rule_id']}/{f['fingerprint']}" for f in now["findings"]}
    assert archived & on_group and archived == set(stored) - current - _suppressed_ids(after)
    assert all(after[i]["Compliance"]["Status"] == "PASSED" for i in archived)
    assert f"{len(archived)} archived" in fixed.stderr
    assert set(after) == set(stored)  # updated in place: the same ids, no copies


def test_batches_of_100_and_retries_of_throttled_and_refused_calls(hub_url):
    result = scan([EXAMPLES], ScanOptions())
    items = asff.findings(result, ACCOUNT_A, "eu-central-1", now=datetime.now(timezone.utc))
    many = [{**items[i % len(items)], "Id": f"fgscan/test/{i}"} for i in range(250)]
    proxy = FaultProxy(hub_url, [Fault("BatchImportFindings", "throttled", times=3)]).start()
    counter = ApiCounter()
    session = boto3.Session(aws_access_key_id="x", aws_secret_access_key="x")
    counter.attach(session)
    waits: list[float] = []
    try:
        client = session.client(
            "securityhub", endpoint_url=proxy.url, region_name="eu-central-1", config=_one_attempt()
        )
        refused = securityhub.import_findings(client, many, waits.append)
    finally:
        proxy.stop()
    assert refused == {}
    assert counter.counts["securityhub:BatchImportFindings"] == 3 + 3  # three batches, three throttled calls
    assert waits == [0.5, 1.0, 2.0]
    assert len([i for i in hub(hub_url, "eu-central-1") if i.startswith("fgscan/test/")]) == 250


def test_an_unreachable_hub_is_a_gap_and_exit_3(hub_url, tmp_path):
    proxy = FaultProxy(hub_url, [Fault("BatchImportFindings", "denied")]).start()
    try:
        proc = audit(aws_env(proxy.url, tmp_path), "--region", "eu-west-1", "-f", "json", "--to-security-hub")
    finally:
        proxy.stop()
    assert proc.returncode == 3, proc.stderr
    assert "securityhub:BatchImportFindings" in proc.stderr and "AccessDenied" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_an_audit_result_without_findings_imports_nothing_and_archives_nothing():
    outcome = securityhub.publish(ScanResult(), securityhub.Coverage(), lambda account: None, "us-east-1")
    assert (outcome.imported, outcome.archived, outcome.failures) == (0, 0, [])


def _suppressed_ids(stored: dict[str, dict]) -> set[str]:
    return {i for i, f in stored.items() if f.get("Workflow", {}).get("Status") == "SUPPRESSED"}


def _one_attempt():
    from botocore.config import Config

    return Config(retries={"mode": "standard", "total_max_attempts": 1})
