"""Suppressions through the real CLI: CloudFormation Metadata skips, `.fgscan.yaml` ignore entries,
expiry, stale notices, SARIF suppressions and `--fail-on`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from tests.conftest import run_fgscan

TEMPLATE = """\
Resources:
  Agent:
    Type: AWS::ECS::TaskDefinition
    Metadata:
      fgscan:
        skip:
          - rule: privileged-container
            reason: The node agent needs the host devices
          - rule: FG-TSK-001
            reason: No longer needed
          - rule: no-such-rule
            reason: A typo
          - rule: root-user
    Properties:
      Family: agent
      NetworkMode: awsvpc
      RequiresCompatibilities: [FARGATE]
      ContainerDefinitions:
        - Name: agent
          Image: public.ecr.aws/acme/agent:1.2.3
          Privileged: true
          User: root
"""


def _write(tmp_path: Path, config: str | None = None) -> None:
    (tmp_path / "stack.yaml").write_text(TEMPLATE)
    if config is not None:
        (tmp_path / ".fgscan.yaml").write_text(config)


def _json(tmp_path: Path, *args: str) -> tuple[dict, int]:
    proc = run_fgscan("scan", ".", "--format", "json", *args, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout), proc.returncode


def test_metadata_skip_suppresses_with_its_reason_and_reports_bad_skips(tmp_path):
    _write(tmp_path)
    report, _ = _json(tmp_path)
    rules = {f["rule"] for f in report["findings"]}
    assert "privileged-container" not in rules
    assert "root-user" in rules  # a skip without a reason is never applied
    [suppressed] = report["suppressed"]
    assert suppressed["rule"] == "privileged-container"
    assert suppressed["line"] == 21
    assert suppressed["suppression"] == {
        "kind": "inSource",
        "reason": "The node agent needs the host devices",
        "where": "stack.yaml:7",
    }
    assert report["summary"]["suppressed"] == 1
    notices = "\n".join(report["notices"])
    assert "stack.yaml:9: notice: stale skip: FG-TSK-001" in notices
    assert "stack.yaml:11: notice: skip on 'Agent' names unknown rule 'no-such-rule'" in notices
    assert "stack.yaml:13: notice: skip on 'Agent' ignored: it needs both a rule and a reason" in notices


def test_text_report_lists_suppressed_findings_and_notices(tmp_path):
    _write(tmp_path)
    proc = run_fgscan("scan", ".", cwd=tmp_path)
    assert "Suppressed (1)" in proc.stdout
    assert (
        "CRITICAL FG-CTR-001 Agent (stack.yaml:21): The node agent needs the host devices (declared at stack.yaml:7)"
    ) in proc.stdout
    assert "stale skip: FG-TSK-001" in proc.stdout
    assert "; 1 suppressed" in proc.stdout


def test_config_ignore_entries_suppress_expire_and_go_stale(tmp_path):
    _write(
        tmp_path,
        """\
ignore:
  - rule: root-user
    path: "*.yaml"
    reason: Runs as root until the image is rebuilt
    expires: 2999-01-01
  - rule: image-not-pinned
    resource: Agent
    reason: Old exception
    expires: 2020-01-31
  - rule: host-network-mode
    path: services/*
    reason: Nothing matches this
""",
    )
    report, _ = _json(tmp_path)
    by_rule = {f["rule"]: f for f in report["suppressed"]}
    assert by_rule["root-user"]["suppression"] == {
        "kind": "external",
        "reason": "Runs as root until the image is rebuilt",
        "where": ".fgscan.yaml:2",
    }
    assert "privileged-container" in by_rule  # the in-source skip still applies
    assert any(f["rule"] == "image-not-pinned" for f in report["findings"])  # expired: reported again
    notices = "\n".join(report["notices"])
    assert (
        ".fgscan.yaml:6: notice: ignore entry (rule image-not-pinned, resource Agent) expired on 2020-01-31; "
        "1 finding(s) it covered are reported again"
    ) in notices
    assert ".fgscan.yaml:10: notice: stale ignore entry (rule host-network-mode, path services/*)" in notices


def test_stale_config_entries_are_not_reported_for_a_partial_scan(tmp_path):
    _write(tmp_path, "ignore:\n  - rule: host-network-mode\n    reason: Not here\n")
    proc = run_fgscan("scan", "stack.yaml", "--format", "json", cwd=tmp_path)
    assert not [n for n in json.loads(proc.stdout)["notices"] if ".fgscan.yaml" in n]
    report, _ = _json(tmp_path)
    assert [n for n in report["notices"] if ".fgscan.yaml:2: notice: stale ignore entry" in n]


def test_suppressed_findings_do_not_count_for_fail_on(tmp_path):
    _write(tmp_path, "ignore:\n  - path: stack.yaml\n    reason: Legacy stack, replaced next quarter\n")
    assert run_fgscan("scan", ".", "--fail-on", "low", cwd=tmp_path).returncode == 0
    (tmp_path / ".fgscan.yaml").unlink()
    assert run_fgscan("scan", ".", "--fail-on", "critical", cwd=tmp_path).returncode == 0  # skipped in-source
    assert run_fgscan("scan", ".", "--fail-on", "high", cwd=tmp_path).returncode == 1  # root-user


def test_sarif_leaves_suppressed_findings_out_unless_asked(tmp_path, sarif_schema):
    _write(tmp_path, "ignore:\n  - rule: root-user\n    reason: Accepted\n")
    default = json.loads(run_fgscan("scan", ".", "--format", "sarif", cwd=tmp_path).stdout)
    assert {r["ruleId"] for r in default["runs"][0]["results"]}.isdisjoint({"FG-CTR-001", "FG-CTR-002"})
    assert all("suppressions" not in r for r in default["runs"][0]["results"])
    proc = run_fgscan("scan", ".", "--format", "sarif", "--sarif-include-suppressed", cwd=tmp_path)
    log = json.loads(proc.stdout)
    jsonschema.Draft4Validator(sarif_schema, format_checker=jsonschema.FormatChecker()).validate(log)
    marked = {r["ruleId"]: r["suppressions"] for r in log["runs"][0]["results"] if "suppressions" in r}
    assert marked == {
        "FG-CTR-001": [{"kind": "inSource", "justification": "The node agent needs the host devices"}],
        "FG-CTR-002": [{"kind": "external", "justification": "Accepted"}],
    }
