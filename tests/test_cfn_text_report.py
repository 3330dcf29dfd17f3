"""The text report on real scans: findings grouped by rule with each fix once, a per-rule summary table, and a
compact mode with one line per finding."""

from __future__ import annotations

import io
import re

import pytest

from reports import text
from scanner.model import ScanResult
from scanner.pipeline import ScanOptions, scan
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "cfn"
FILES = [
    FIXTURES / "service.container-definitions.json",
    FIXTURES / "merge-keys.yaml",
    FIXTURES / "duplicate-keys.yaml",
]


@pytest.fixture(scope="module")
def result() -> ScanResult:
    return scan(FILES, ScanOptions(include=["root-user", "privileged-container", "logging-disabled"]))


def report(result: ScanResult, **options) -> str:
    stream = io.StringIO()
    text.write(result, stream, **options)
    return stream.getvalue()


def test_each_fix_is_printed_once_per_rule(result):
    out = report(result)
    for rule in result.rules:
        findings = [f for f in result.findings if f.rule_id == rule.id]
        assert len(findings) > 1
        assert out.count(f"Fix: {rule.remediation[:40]}") == 1
        assert out.count(f"{rule.id} {rule.name}: {rule.title} ({len(findings)})") == 1
    # every finding is listed under its rule, located
    for f in result.findings:
        assert f"{f.file}:{f.span.start_line}:{f.span.start_col}" in out
        assert f.message in out


def test_rules_come_most_severe_first_with_a_summary_table(result):
    out = report(result)
    headers = re.findall(r"^(CRITICAL|HIGH|MEDIUM|LOW)\s+(FG-\S+)", out, re.MULTILINE)
    assert [h[1] for h in headers] == ["FG-CTR-001", "FG-CTR-002", "FG-CTR-023"]
    rows = re.findall(r"^(FG-CTR-\d+)\s+(\S+)\s+(\w+)\s+(\d+)\s+(\d+)$", out, re.MULTILINE)
    counted = {rule: (int(n), int(files)) for rule, _, _, n, files in rows}
    for rule in result.rules:
        group = [f for f in result.findings if f.rule_id == rule.id]
        assert counted[rule.id] == (len(group), len({f.file for f in group}))


def test_compact_mode_is_one_line_per_finding_without_fixes(result):
    out = report(result, compact=True)
    lines = out.splitlines()
    finding_lines = [line for line in lines if re.match(r"^\S+:\d+:\d+: (CRITICAL|HIGH|MEDIUM|LOW) FG-", line)]
    assert len(finding_lines) == len(result.findings)
    assert "Fix:" not in out
    assert "warning: duplicate key 'Family'" in out
    assert lines[-1].startswith(f"{len(result.findings)} findings (")
    assert lines[-1].endswith("0 input errors; 1 warning")
