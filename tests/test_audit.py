"""`fgscan audit` end to end against moto's server on 127.0.0.1: findings with ARNs, the snapshot and its
re-scan, several accounts and regions, faults through a loopback proxy, SARIF, exit codes, least privilege."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from scanner.collect.faults import redact_credentials
from tests import audit_seed
from tests.audit_seed import ACCOUNT_A, ACCOUNT_B, AUDIT_ROLE
from tests.conftest import ROOT
from tests.fault_proxy import Fault, FaultProxy

POLICY = ROOT / "docs" / "iam-policy.json"
TWO_REGIONS = ("--region", "us-east-1", "--region", "eu-west-1")
UNREAD_REGION = (
    "ecs:DescribeClusters",
    "ecs:DescribeServices",
    "ecs:DescribeTaskSets",
    "ecs:DescribeTaskDefinition",
    "ec2:DescribeSecurityGroups",
    "ec2:DescribeNetworkInterfaces",
    "elasticloadbalancing:DescribeLoadBalancers",
    "elasticloadbalancing:DescribeTargetGroups",
    "elasticloadbalancing:DescribeListeners",
)


@pytest.fixture(scope="module")
def moto_url() -> Iterator[str]:
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
    audit_seed.seed_account_b(url)
    yield url
    server.stop()


def aws_env(endpoint: str, tmp_path: Path, region: str | None = "us-east-1") -> dict[str, str]:
    """Only moto's test credentials and endpoint; no profile or config file of the machine."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_ENDPOINT_URL=endpoint,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_MAX_ATTEMPTS="2",
        AWS_CONFIG_FILE=str(tmp_path / "none"),
        AWS_SHARED_CREDENTIALS_FILE=str(tmp_path / "none"),
    )
    if region:
        env["AWS_REGION"] = region
    return env


def audit(env: dict[str, str], *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real command line, as `run_fgscan` runs it, with the AWS environment."""
    return subprocess.run(
        [sys.executable, "-m", "scanner", "audit", *args],
        cwd=cwd or ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def report(proc: subprocess.CompletedProcess) -> dict:
    assert proc.stdout, proc.stderr
    return json.loads(proc.stdout)


def named(findings: list[dict], rule: str) -> dict[str, dict]:
    return {f["resource"]: f for f in findings if f["rule"] == rule}


@pytest.fixture(scope="module")
def audited(moto_url, tmp_path_factory) -> dict:
    """One audit of account A in two regions: JSON on stdout, text and SARIF beside it, the snapshot kept."""
    work = tmp_path_factory.mktemp("audit")
    (work / ".fgscan.yaml").write_text(
        "ignore:\n  - rule: container-insights-disabled\n    resource: prod\n"
        "    reason: Insights cost too much for prod; SEC-7\n"
    )
    proc = audit(
        aws_env(moto_url, work),
        *TWO_REGIONS,
        "-f",
        "json",
        "--report",
        "text=report.txt",
        "--report",
        "sarif=report.sarif",
        "--save-inventory",
        "inv",
        "--verbose",
        cwd=work,
    )
    assert proc.returncode == 1, proc.stderr
    return {
        "proc": proc,
        "json": report(proc),
        "text": (work / "report.txt").read_text(),
        "sarif": json.loads((work / "report.sarif").read_text()),
        "cwd": work,
    }


def test_audit_finds_risks_with_arn_account_region_and_suppressions(audited):
    data = audited["json"]
    privileged = named(data["findings"], "privileged-container")
    # in use by a service (1) or a task set (2), the latest revision (3), another region's latest revision
    assert set(privileged) == {"legacy-worker:1", "legacy-worker:2", "legacy-worker:3", "west-worker:3"}
    first = privileged["legacy-worker:1"]
    assert first["arn"] == f"arn:aws:ecs:us-east-1:{ACCOUNT_A}:task-definition/legacy-worker:1"
    assert (first["account"], first["region"]) == (ACCOUNT_A, "us-east-1")
    assert first["file"] == f"inv/{ACCOUNT_A}/us-east-1/ecs_task_definition/legacy-worker.1.json"
    assert privileged["west-worker:3"]["region"] == "eu-west-1"
    hardened = [f for f in data["findings"] if f["resource"] == "orders-api:1"]
    assert not [f for f in hardened if f["severity"] in ("critical", "high")]
    suppressed = named(data["suppressed"], "privileged-container")
    assert suppressed["batch-job:1"]["suppression"]["reason"] == "needs privileged for FUSE; ticket SEC-12"
    assert "batch-job:1" not in privileged and data["summary"]["suppressed"] >= 1
    # the working directory's .fgscan.yaml applies to audits too
    insights = named(data["suppressed"], "container-insights-disabled")["prod"]["suppression"]
    assert (insights["kind"], insights["reason"]) == ("external", "Insights cost too much for prod; SEC-7")
    assert "prod" not in named(data["findings"], "container-insights-disabled")
    coverage = data["coverage"]
    assert coverage["complete"] is True and coverage["not_covered"] == []
    assert coverage["accounts"] == [ACCOUNT_A]
    assert coverage["regions"] == {ACCOUNT_A: ["eu-west-1", "us-east-1"]}
    # each task definition described once, however many services and task sets share it
    assert coverage["api_calls"]["ecs:DescribeTaskDefinition"] == 7
    assert coverage["api_calls"]["ecs:DescribeServices"] == 2  # one batch per cluster with services


def test_exposure_paths_are_followed_across_the_snapshot_files(audited):
    exposed = named(audited["json"]["findings"], "internet-exposed-task")["sshd"]
    assert exposed["file"].startswith(f"inv/{ACCOUNT_A}/us-east-1/ec2_security_group/sg-")
    related = {r["file"] for r in exposed["related"]}
    assert f"inv/{ACCOUNT_A}/us-east-1/ecs_task_definition/sshd.1.json" in related
    assert f"inv/{ACCOUNT_A}/us-east-1/ecs_service/prod.sshd.json" in related
    assert ":22 from 0.0.0.0/0 -> container sshd :22" in exposed["chain"]


def test_load_balancer_bypass_from_a_live_account(audited):
    """Load balancers, target groups and listeners are collected, so the exposure rules see the balancer."""
    bypass = named(audited["json"]["findings"], "load-balancer-bypass")["web"]
    assert bypass["file"].startswith(f"inv/{ACCOUNT_A}/us-east-1/ec2_security_group/sg-")
    assert "instead of only the balancer's group sg-" in bypass["message"]
    related = {r["file"] for r in bypass["related"]}
    assert f"inv/{ACCOUNT_A}/us-east-1/ecs_service/prod.web.json" in related
    snapshot = audited["cwd"] / "inv" / ACCOUNT_A / "us-east-1"
    assert (snapshot / "elbv2_load_balancer" / "web.json").is_file()
    assert (snapshot / "elbv2_target_group" / "web.json").is_file()
    assert len(list((snapshot / "elbv2_listener").glob("*.json"))) == 1


def test_text_report_progress_and_verbose(audited):
    text, stderr = audited["text"], audited["proc"].stderr
    assert f"arn:aws:ecs:us-east-1:{ACCOUNT_A}:task-definition/legacy-worker:3" in text
    assert f"(account {ACCOUNT_A}, region us-east-1)" in text
    assert "needs privileged for FUSE; ticket SEC-12" in text
    assert "Coverage: 1 account, 2 regions; complete" in text
    # progress goes to stderr as plain lines when stderr is not a terminal; --verbose adds the API calls
    assert f"fgscan: {ACCOUNT_A} us-east-1: 2 clusters, 5 services, 1 task sets" in stderr
    assert "1 load balancers, 1 target groups, 1 listeners" in stderr
    assert "API calls:" in stderr and "ecs:ListClusters" in stderr


def test_audit_sarif_points_at_snapshot_lines_and_carries_the_arn(audited, sarif_schema):
    log = audited["sarif"]
    jsonschema.Draft4Validator(sarif_schema, format_checker=jsonschema.FormatChecker()).validate(log)
    run = log["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is True
    assert run["automationDetails"]["id"] == "fgscan-audit/"
    results = [r for r in run["results"] if r["ruleId"] == "FG-CTR-001"]
    assert len(results) == 4
    for result in results:
        location = result["locations"][0]
        uri = location["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith(f"inv/{ACCOUNT_A}/"), uri
        line = location["physicalLocation"]["region"]["startLine"]
        assert '"privileged": true' in (audited["cwd"] / uri).read_text().splitlines()[line - 1]
        arn = result["properties"]["arn"]
        assert arn.startswith("arn:aws:ecs:") and result["properties"]["account"] == ACCOUNT_A
        assert location["logicalLocations"][0]["fullyQualifiedName"] == arn


def test_all_revisions_a_named_profile_and_quiet(moto_url, tmp_path):
    env = aws_env(moto_url, tmp_path, region=None)
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        del env[key]
    (tmp_path / "config").write_text("[profile audit]\nregion = eu-west-1\n")
    (tmp_path / "credentials").write_text("[audit]\naws_access_key_id = testing\naws_secret_access_key = testing\n")
    env.update(AWS_CONFIG_FILE=str(tmp_path / "config"), AWS_SHARED_CREDENTIALS_FILE=str(tmp_path / "credentials"))
    proc = audit(env, "--profile", "audit", "--all-revisions", "-f", "json", "-q")
    data = report(proc)
    assert data["coverage"]["regions"] == {ACCOUNT_A: ["eu-west-1"]}  # the profile's region
    assert set(named(data["findings"], "privileged-container")) == {"west-worker:2", "west-worker:3"}
    assert proc.stderr == ""


def _files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted(root.rglob("*")) if p.is_file()}


def _key(finding: dict) -> tuple:
    return (
        finding["rule_id"],
        finding["file"],
        finding["line"],
        finding["column"],
        finding["arn"],
        finding["fingerprint"],
        finding["message"],
    )


def test_snapshot_is_deterministic_and_rescans_to_the_same_findings(audited, moto_url):
    cwd = audited["cwd"]
    snapshot = _files(cwd / "inv")
    task = json.loads(snapshot[f"{ACCOUNT_A}/us-east-1/ecs_task_definition/legacy-worker.1.json"])
    assert set(task) == {"taskDefinition", "tags"}
    assert f"{ACCOUNT_A}/us-east-1/ecs_service/prod.legacy.json" in snapshot
    assert f"{ACCOUNT_A}/us-east-1/ecs_cluster/prod.json" in snapshot
    assert f"{ACCOUNT_A}/global/iam_role/legacy-worker.json" in snapshot
    assert any(p.startswith(f"{ACCOUNT_A}/us-east-1/ec2_network_interface/eni-") for p in snapshot)
    assert any(p.startswith(f"{ACCOUNT_A}/us-east-1/ecs_task_set/prod.canary.") for p in snapshot)
    role = json.loads(snapshot[f"{ACCOUNT_A}/global/iam_role/orders-api-task.json"])
    assert role["AttachedManagedPolicies"][0]["PolicyDocument"]["Statement"][0]["Action"][0] == "logs:CreateLogStream"
    legacy = json.loads(snapshot[f"{ACCOUNT_A}/us-east-1/ecs_service/prod.legacy.json"])
    assert legacy["enableExecuteCommand"] is True and "events" not in legacy

    env = aws_env(moto_url, cwd)
    rescan = subprocess.run(
        [sys.executable, "-m", "scanner", "scan", "inv", "-f", "json"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert rescan.returncode == 1, rescan.stderr
    audited_report, rescanned = audited["json"], report(rescan)
    assert sorted(map(_key, audited_report["findings"])) == sorted(map(_key, rescanned["findings"]))
    assert sorted(map(_key, audited_report["suppressed"])) == sorted(map(_key, rescanned["suppressed"]))

    # the same inventory gives the same bytes; an earlier snapshot's files are replaced
    stale = cwd / "again" / ACCOUNT_A / "us-west-2" / "ecs_cluster" / "gone.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}")
    (cwd / "again" / "fgscan-inventory.json").write_text("{}")
    again = audit(env, *TWO_REGIONS, "--save-inventory", "again", "-q", cwd=cwd)
    assert again.returncode == 1, again.stderr
    assert _files(cwd / "again") == snapshot

    (cwd / "other").mkdir()
    (cwd / "other" / "notes.txt").write_text("mine")
    refused = audit(env, "--region", "us-east-1", "--save-inventory", "other", "-v", cwd=cwd)
    assert refused.returncode == 2 and "not empty" in refused.stderr and "Traceback" not in refused.stderr
    assert "API calls" not in refused.stderr  # refused before any call


@pytest.fixture(scope="module")
def org_audit(moto_url, tmp_path_factory) -> dict:
    """Account A's organization (A and a new, empty account) plus account B named on the command line."""
    import boto3

    org = boto3.client("organizations", endpoint_url=moto_url, region_name="us-east-1")
    org.create_organization(FeatureSet="ALL")
    new = org.create_account(Email="new@example.com", AccountName="new")["CreateAccountStatus"]["AccountId"]
    work = tmp_path_factory.mktemp("org")
    proc = audit(
        aws_env(moto_url, work),
        "--region",
        "us-east-1",
        "--organization",
        "--accounts",
        ACCOUNT_B,
        "--account-role",
        AUDIT_ROLE,
        "--external-id",
        "fgscan-test",
        "-f",
        "json",
        "-q",
    )
    assert proc.returncode == 1, proc.stderr
    return {"json": report(proc), "new": new}


def test_several_accounts_through_assumed_roles(org_audit):
    data = org_audit["json"]
    privileged = named(data["findings"], "privileged-container")
    assert privileged["b-worker:1"]["account"] == ACCOUNT_B
    assert privileged["b-worker:1"]["file"] == f"{ACCOUNT_B}/us-east-1/ecs_task_definition/b-worker.1.json"
    assert privileged["legacy-worker:1"]["account"] == ACCOUNT_A
    assert data["coverage"]["accounts"] == sorted([ACCOUNT_A, ACCOUNT_B, org_audit["new"]])
    assert data["coverage"]["complete"] is True
    assert data["coverage"]["api_calls"]["sts:AssumeRole"] == 3
    assert data["coverage"]["api_calls"]["organizations:ListAccounts"] == 1


def _policy_actions() -> set[str]:
    policy = json.loads(POLICY.read_text())
    return {action for statement in policy["Statement"] for action in statement["Action"]}


def test_iam_policy_is_read_only_and_exactly_what_the_collector_calls(moto_url, tmp_path, audited, org_audit):
    actions = _policy_actions()
    assert all(a.split(":")[1].startswith(("List", "Describe", "Get")) for a in actions), actions
    plain = report(audit(aws_env(moto_url, tmp_path), "--all-regions", "-f", "json", "-q"))
    assert plain["coverage"]["complete"], plain["coverage"]["not_covered"]
    assert len(plain["coverage"]["regions"][ACCOUNT_A]) > 10
    called = set().union(*(r["coverage"]["api_calls"] for r in (plain, audited["json"], org_audit["json"])))
    # sts:AssumeRole is the caller's own permission on the audit role (docs/audit.md), not the audited role's
    missing = called - actions - {"sts:AssumeRole"}
    assert not missing, f"called but not in docs/iam-policy.json: {sorted(missing)}"
    assert not actions - called, f"in the policy but never called: {sorted(actions - called)}"


@pytest.fixture
def proxy(moto_url) -> Iterator[FaultProxy]:
    running = FaultProxy(moto_url).start()
    yield running
    running.stop()


def test_faults_are_reported_and_the_audit_goes_on(proxy, tmp_path, sarif_schema):
    proxy.faults = [
        Fault("ListServices", "denied", "us-east-1"),
        Fault("DescribeNetworkInterfaces", "throttled", "us-east-1"),
        Fault("GetRole", "dropped"),
        Fault("*", "region-disabled", "eu-west-1"),
    ]
    proc = audit(
        aws_env(proxy.url, tmp_path),
        *TWO_REGIONS,
        "-f",
        "json",
        "--report",
        "text=report.txt",
        "--report",
        "sarif=report.sarif",
        cwd=tmp_path,
    )
    assert proc.returncode == 3, proc.stderr
    data = report(proc)
    gaps = {(g["region"], g["api"], g["category"]) for g in data["coverage"]["not_covered"]}
    assert ("us-east-1", "ecs:ListServices", "access-denied") in gaps
    assert ("us-east-1", "ec2:DescribeNetworkInterfaces", "throttled") in gaps
    assert ("global", "iam:GetRole", "connection") in gaps
    assert ("eu-west-1", "ecs:ListClusters", "credentials-or-region") in gaps
    # the region is abandoned after its first call, and each kind it did not read is named
    west = {g[1] for g in gaps if g[0] == "eu-west-1"} - {"ecs:ListClusters"}
    assert west == set(UNREAD_REGION)
    assert data["coverage"]["complete"] is False
    denied = {g["target"] for g in data["coverage"]["not_covered"] if g["api"] == "ecs:ListServices"}
    assert denied == {"cluster hardened", "cluster prod"}
    # what could be read is still scanned and reported
    latest = named(data["findings"], "privileged-container")["legacy-worker:3"]
    assert latest["file"] == f"{ACCOUNT_A}/us-east-1/ecs_task_definition/legacy-worker.3.json"  # temporary snapshot
    assert ("ListServices", "denied") in proxy.hits and ("GetRole", "dropped") in proxy.hits
    assert "not covered: AccessDeniedException" in proc.stderr

    text = (tmp_path / "report.txt").read_text()
    assert "INCOMPLETE" in text and "Not covered" in text and "ec2:DescribeNetworkInterfaces" in text
    log = json.loads((tmp_path / "report.sarif").read_text())
    jsonschema.Draft4Validator(sarif_schema, format_checker=jsonschema.FormatChecker()).validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = [n["message"]["text"] for n in invocation["toolExecutionNotifications"]]
    assert any("ec2:DescribeNetworkInterfaces" in n and "RequestLimitExceeded" in n for n in notes)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--accounts", ACCOUNT_B, "--region", "us-east-1"), "need --account-role"),
        (("--region", "us-east-1", "--all-regions"), "exclude each other"),
        (("--region", "mars"), "not a region name"),
        (("--account-role", "arn:aws:iam::123:role/x", "--region", "us-east-1"), "must be a role ARN"),
        (("--accounts", "12345", "--account-role", AUDIT_ROLE), "not a 12-digit account id"),
        (("--profile", "no-such-profile", "--region", "us-east-1"), "no-such-profile"),
        ((), "no region"),
    ],
)
def test_usage_errors_exit_2_with_one_line(moto_url, tmp_path, args, message):
    proc = audit(aws_env(moto_url, tmp_path, region=None), *args)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_progress_on_a_terminal_is_a_rich_display(moto_url, tmp_path):
    import pty

    main, secondary = pty.openpty()
    env = {**aws_env(moto_url, tmp_path), "TERM": "xterm-256color", "COLUMNS": "120"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "scanner", "audit", "--region", "eu-west-1", "-f", "json"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=secondary,
    )
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    out, _ = proc.communicate(timeout=120)
    os.close(main)
    assert proc.returncode == 1
    assert json.loads(out)["coverage"]["complete"] is True
    text = shown.decode("utf-8", "replace")
    assert "\x1b[" in text  # drawn with terminal control sequences, not plain log lines
    assert f"{ACCOUNT_A} eu-west-1: 1 clusters, 1 task definitions, 1 security groups" in text
    assert "fgscan: " not in text


def test_two_accounts_two_regions_with_a_fault_of_each_kind(proxy, tmp_path):
    proxy.faults = [
        Fault("DescribeServices", "throttled", "us-east-1", ACCOUNT_B),
        Fault("*", "expired", "eu-west-1", ACCOUNT_B),
        Fault("GetRolePolicy", "denied", account=ACCOUNT_A),
        Fault("DescribeSecurityGroups", "dropped", "eu-west-1", ACCOUNT_A),
    ]
    proc = audit(
        aws_env(proxy.url, tmp_path),
        *TWO_REGIONS,
        "--account-role",
        AUDIT_ROLE,
        "--accounts",
        f"{ACCOUNT_A},{ACCOUNT_B}",
        "-f",
        "json",
        "-q",
    )
    assert proc.returncode == 3, proc.stderr
    data = report(proc)
    gaps = {(g["account"], g["region"], g["api"], g["category"]) for g in data["coverage"]["not_covered"]}
    assert gaps == {
        (ACCOUNT_B, "us-east-1", "ecs:DescribeServices", "throttled"),
        (ACCOUNT_B, "eu-west-1", "ecs:ListClusters", "credentials-or-region"),
        # every kind the expired credentials kept from being read
        *((ACCOUNT_B, "eu-west-1", api, "credentials-or-region") for api in UNREAD_REGION),
        (ACCOUNT_A, "global", "iam:GetRolePolicy", "access-denied"),
        (ACCOUNT_A, "eu-west-1", "ec2:DescribeSecurityGroups", "connection"),
    }
    assert data["coverage"]["regions"] == {ACCOUNT_A: ["eu-west-1", "us-east-1"], ACCOUNT_B: ["eu-west-1", "us-east-1"]}
    privileged = named(data["findings"], "privileged-container")
    # B's service could not be described, but its task definition is its family's latest revision
    assert privileged["b-worker:1"]["account"] == ACCOUNT_B
    assert {"legacy-worker:1", "legacy-worker:3", "west-worker:3"} <= set(privileged)


def test_an_account_whose_role_cannot_be_assumed_is_listed_and_the_others_audited(proxy, tmp_path):
    proxy.faults = [Fault("AssumeRole", "denied", contains=ACCOUNT_B)]
    proc = audit(
        aws_env(proxy.url, tmp_path),
        "--region",
        "us-east-1",
        "--account-role",
        AUDIT_ROLE,
        "--accounts",
        f"{ACCOUNT_A},{ACCOUNT_B}",
        "-f",
        "json",
        "-q",
    )
    assert proc.returncode == 3, proc.stderr
    data = report(proc)
    assert [(g["account"], g["api"], g["category"], g["target"]) for g in data["coverage"]["not_covered"]] == [
        (ACCOUNT_B, "sts:AssumeRole", "access-denied", AUDIT_ROLE.format(account=ACCOUNT_B))
    ]
    assert data["coverage"]["regions"][ACCOUNT_B] == []
    assert {f["account"] for f in data["findings"]} == {ACCOUNT_A}


@pytest.mark.parametrize("cut_before", ["</Credentials>", "</SessionToken>", ""], ids=["whole", "token", "half"])
def test_a_truncated_assume_role_answer_leaks_no_credential(proxy, tmp_path, cut_before):
    """botocore quotes a garbled answer whole in its error: the gap is reported, the credentials are not."""
    proxy.faults = [Fault("AssumeRole", "truncated", contains=ACCOUNT_B, cut_before=cut_before)]
    proc = audit(
        aws_env(proxy.url, tmp_path),
        "--region",
        "us-east-1",
        "--account-role",
        AUDIT_ROLE,
        "--accounts",
        f"{ACCOUNT_A},{ACCOUNT_B}",
        "-f",
        "json",
        "--report",
        "text=report.txt",
        "--report",
        "sarif=report.sarif",
        "--report",
        "markdown=summary.md",
        "-q",
        cwd=tmp_path,
    )
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    [gap] = report(proc)["coverage"]["not_covered"]
    assert (gap["account"], gap["api"]) == (ACCOUNT_B, "sts:AssumeRole")
    assert gap["error"] in ("ResponseParser", "MalformedResponse")  # cut inside or after the credentials
    # the raw answer, where quoted before the message limit, has its credentials redacted
    assert "<AccessKeyId>" not in gap["message"] or "<AccessKeyId>[REDA" in gap["message"]
    [answer] = proxy.truncated
    issued = {
        field: re.search(rf"<{field}>([^<]+)</{field}>", answer.decode()).group(1)
        for field in ("AccessKeyId", "SecretAccessKey", "SessionToken")
    }
    outputs = [
        proc.stdout,
        proc.stderr,
        *((tmp_path / f).read_text() for f in ("report.txt", "report.sarif", "summary.md")),
    ]
    for value in issued.values():
        for text in outputs:
            assert value not in text and value[:16] not in text
    assert issued["AccessKeyId"].startswith("ASIA")
    # beyond the message limit too: the whole answer, as botocore quotes it, keeps none of them
    quoted = redact_credentials(str(answer))
    assert not [value for value in issued.values() if value in quoted]
