"""The text report on real scans: findings grouped by rule with each fix once, a per-rule summary table, and a
compact mode with one line per finding."""

from __future__ import annotations

import io
import json
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


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as a console does."""

    def isatty(self) -> bool:
        return True


ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize(
    ("stream", "env", "coloured"),
    [
        (io.StringIO, {}, False),  # a pipe or a file: plain text
        (Terminal, {}, True),
        (Terminal, {"NO_COLOR": "1"}, False),
        (Terminal, {"TERM": "dumb"}, False),
        (io.StringIO, {"FORCE_COLOR": "1"}, True),
    ],
)
def test_colour_only_where_wanted_and_the_text_is_the_same(result, monkeypatch, stream, env, coloured):
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    plain = report(result)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out = stream()
    text.write(result, out)
    styled = out.getvalue()
    assert ("\x1b[" in styled) is coloured
    assert ANSI.sub("", styled) == plain
    if coloured:  # the severity words and rule ids carry the colour, not the input's text
        assert "\x1b[1;31mCRITICAL\x1b[0m" in styled and "\x1b[1mFG-CTR-001\x1b[0m" in styled


def test_input_text_stays_inert_in_colour(tmp_path, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    planted = tmp_path / "td.json"
    name = "\x1b[2Jx [bold]y[/bold]"
    container = {"name": name, "image": "nginx", "privileged": True}
    planted.write_text(
        json.dumps({"family": "f", "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [container]})
    )
    out = io.StringIO()
    text.write(scan([planted], ScanOptions(include=["privileged-container"])), out)
    assert "\\x1b[2Jx [bold]y[/bold]" in out.getvalue()
    assert "\x1b[2J" not in out.getvalue()
