"""The first hour with the command line: `-h`, case-insensitive choices, usage lines, only the formats a
command honours, contributors' commands out of users' help, and each problem said once."""

from __future__ import annotations

import json
import re
import shutil

import pytest
import typer

from scanner.cli import app
from tests.conftest import EXAMPLES, ROOT, run_fgscan

HARDENED = str(EXAMPLES / "hardened-task-definition.json")  # one low finding
RISKY = str(EXAMPLES / "risky-task-definition.json")


def commands(group=None, path=()) -> list[tuple[str, ...]]:
    """Every command and group of the app, hidden ones included, as the words that invoke it."""
    group = group or typer.main.get_command(app)
    found = [path]
    for name, command in getattr(group, "commands", {}).items():
        found += commands(command, (*path, name))
    return found


def test_every_command_lists_its_commands():
    assert {" ".join(c) for c in commands()} >= {"", "scan", "audit", "merge", "rules", "rules list", "rules docs"}


@pytest.mark.parametrize("words", commands(), ids=lambda words: " ".join(words) or "fgscan")
def test_dash_h_is_help_everywhere(words):
    short, long = run_fgscan(*words, "-h"), run_fgscan(*words, "--help")
    assert short.returncode == long.returncode == 0, short.stderr
    assert short.stdout == long.stdout
    usage = short.stdout.splitlines()[0]
    assert usage.startswith(f"Usage: {' '.join(['fgscan', *words])} [OPTIONS]")
    assert "-h, --help" in short.stdout
    assert not re.search(r"[{}]| \[?[a-z]", usage.partition("[OPTIONS]")[2]), usage  # PATHS..., not {paths}...


def test_usage_lines_name_the_arguments_in_capitals():
    assert run_fgscan("scan", "-h").stdout.startswith("Usage: fgscan scan [OPTIONS] PATHS...\n")
    assert run_fgscan("merge", "-h").stdout.startswith("Usage: fgscan merge [OPTIONS] REPORT.json...\n")
    assert run_fgscan("rules", "show", "-h").stdout.startswith("Usage: fgscan rules show [OPTIONS] RULE\n")
    missing = run_fgscan("scan")
    assert missing.returncode == 2 and "Missing argument 'PATHS...'" in missing.stderr


def test_choices_are_case_insensitive_on_scan(tmp_path):
    clean = run_fgscan("scan", HARDENED, "--fail-on", "HIGH", "--engine", "REGORUS", "--format", "SARIF")
    assert clean.returncode == 0, clean.stderr
    assert json.loads(clean.stdout)["version"] == "2.1.0"
    failing = run_fgscan("scan", HARDENED, "--fail-on", "Low", "-f", "Json", "--report", f"MarkDown={tmp_path}/r.md")
    assert failing.returncode == 1, failing.stderr
    assert [f["rule"] for f in json.loads(failing.stdout)["findings"]] == ["health-check-missing"]
    assert "health-check-missing" in (tmp_path / "r.md").read_text()


def test_choices_are_case_insensitive_on_merge_audit_and_rules(tmp_path):
    scanned = run_fgscan("scan", RISKY, "-f", "JSON", "-o", str(tmp_path / "risky.json"))
    assert scanned.returncode == 1, scanned.stderr
    merged = run_fgscan("merge", str(tmp_path / "risky.json"), "--format", "GITHUB", "--fail-on", "NONE")
    assert merged.returncode == 0, merged.stderr
    assert "::error file=" in merged.stdout
    # audit checks its own options before any AWS call: the choices were accepted when the region is refused
    audit = run_fgscan("audit", "--region", "mars", "--format", "SARIF", "--fail-on", "HIGH", "--engine", "REGOPY")
    assert audit.returncode == 2
    assert audit.stderr == "fgscan: error: --region: not a region name: 'mars' (e.g. eu-west-1)\n"
    listed = run_fgscan("rules", "list", "--format", "JSON")
    assert listed.returncode == 0 and json.loads(listed.stdout)[0]["id"].startswith("FG-")
    custom = str(EXAMPLES / "custom-rules")
    tested = run_fgscan("rules", "test", "--engine", "Regorus", "--rules", custom, "--custom-only")
    assert tested.returncode == 0, tested.stdout
    assert tested.stdout.endswith(" failed\n")


def test_rules_list_offers_only_the_formats_it_writes():
    assert "--format <text|json>" in run_fgscan("rules", "list", "-h").stdout
    for unsupported in ("sarif", "junit", "markdown", "github"):
        proc = run_fgscan("rules", "list", "--format", unsupported)
        assert proc.returncode == 2
        assert proc.stdout == ""
        assert f"'{unsupported}' is not one of 'text', 'json'" in proc.stderr


def test_contributor_commands_are_hidden_but_work(tmp_path):
    assert re.findall(r"^  (\w+) ", run_fgscan("rules", "-h").stdout, re.M) == ["list", "test", "show"]
    page = tmp_path / "rules.md"
    proc = run_fgscan("rules", "docs", "--output", str(page))
    assert proc.returncode == 0, proc.stderr
    assert page.read_text().startswith("# fgscan rules")
    assert run_fgscan("rules", "docs", "--check", "--output", str(page)).returncode == 0


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_missing_path_is_reported_once(tmp_path, fmt):
    shutil.copy(HARDENED, tmp_path / "task.json")
    proc = run_fgscan("scan", "task.json", "missing.json", "-f", fmt, "--fail-on", "none", cwd=tmp_path, process=True)
    assert proc.returncode == 2
    line = "missing.json: error: cannot open: no such file or directory"
    assert (proc.stdout + proc.stderr).count(line) == 1
    assert proc.stderr == line + "\n"
    if fmt == "text":
        assert "1 finding (0 critical, 0 high, 0 medium, 1 low) in 1 resource from 1 file" in proc.stdout
        assert "1 input error" in proc.stdout


def test_a_text_report_written_to_a_file_keeps_its_errors(tmp_path):
    proc = run_fgscan("scan", HARDENED, "missing.json", "-o", str(tmp_path / "report.txt"), cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == "missing.json: error: cannot open: no such file or directory\n"
    assert "missing.json: error: cannot open" in (tmp_path / "report.txt").read_text()


def test_an_exclude_that_matches_nothing_is_named_and_changes_nothing_else(tmp_path):
    (tmp_path / "vendor").mkdir()
    shutil.copy(RISKY, tmp_path / "vendor" / "risky.json")
    shutil.copy(HARDENED, tmp_path / "task.json")
    shutil.copy(HARDENED, tmp_path / "task.test.json")
    args = ("scan", ".", "-f", "json", "--exclude", "vendor", "--exclude", "*.test.json")
    clean = run_fgscan(*args, cwd=tmp_path)
    typo = run_fgscan(*args, "--exclude", "vendr/", "--exclude", "*.tets.json", cwd=tmp_path)
    assert clean.stderr == ""
    assert typo.stderr.splitlines() == [
        "fgscan: notice: --exclude 'vendr/' matched no file or folder; nothing was excluded",
        "fgscan: notice: --exclude '*.tets.json' matched no file or folder; nothing was excluded",
    ]
    assert typo.returncode == clean.returncode == 1
    assert json.loads(typo.stdout)["findings"] == json.loads(clean.stdout)["findings"]
    assert [f["file"] for f in json.loads(typo.stdout)["findings"]] == ["task.json"]


def test_an_exclude_matching_a_named_file_is_used(tmp_path):
    shutil.copy(HARDENED, tmp_path / "task.json")
    proc = run_fgscan("scan", "task.json", "--exclude", "task.json", "-f", "json", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == ""
    assert json.loads(proc.stdout)["summary"]["files"] == 0


CONFIG = ROOT / "tests" / "fixtures" / "config" / "every-kind-of-problem.fgscan.yaml"
EVERY_CONFIG_PROBLEM = [
    "2: error: fail_on: 'urgent' is not one of critical, high, medium, low, none",
    "3: error: exclude must be a list",
    "7: error: unknown rule 'no-such-rule' (see 'fgscan rules list')",
    "9: error: rules.severity.FG-CTR-001: 'huge' is not one of critical, high, medium, low",
    "10: error: unknown key 'rules.sevrity' (expected one of disable, severity, budget_seconds)",
    "11: error: unknown framework 'pci-dss' (expected one of aws-fsbp, cis-aws, cis-docker, nist-800-53)",
    "13: error: params.secret_name_regex: invalid regular expression: lookarounds and backreferences are not RE2 "
    "syntax, which the Rego engines use",
    "14: error: params.admin_ports[0] must be a number",
    "16: error: ignore[0]: missing required key 'reason'",
    "17: error: unknown rule 'ghost' (see 'fgscan rules list')",
    "19: error: ignore[1].expires: '2031-02-30' is not a valid date",
]


@pytest.mark.parametrize("command", [("scan", RISKY), ("rules", "list"), ("merge", RISKY)], ids=lambda c: c[0])
def test_every_config_problem_is_reported_in_one_run(tmp_path, command):
    shutil.copy(CONFIG, tmp_path / ".fgscan.yaml")
    proc = run_fgscan(*command, cwd=tmp_path, process=command[0] == "scan")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [f".fgscan.yaml:{line}" for line in EVERY_CONFIG_PROBLEM]


def test_config_problems_with_custom_rules_know_the_custom_names(tmp_path):
    shutil.copytree(EXAMPLES / "custom-rules", tmp_path / "acme")
    (tmp_path / ".fgscan.yaml").write_text(
        "rules_dirs: [acme]\nfail_on: urgent\nrules:\n  disable: [acme-required-labels, acme-missing]\n"
    )
    proc = run_fgscan("scan", RISKY, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        ".fgscan.yaml:2: error: fail_on: 'urgent' is not one of critical, high, medium, low, none",
        ".fgscan.yaml:4: error: unknown rule 'acme-missing' (see 'fgscan rules list')",
    ]


def test_a_config_that_is_no_mapping_is_one_line(tmp_path):
    (tmp_path / ".fgscan.yaml").write_text("- fail_on: high\n")
    proc = run_fgscan("scan", RISKY, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == ".fgscan.yaml:1: error: the file must be a mapping\n"
