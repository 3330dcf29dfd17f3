"""The configuration file `.fgscan.yaml`: validation with line-numbered errors, overrides, precedence."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from scanner.config import ConfigError, IgnoreEntry, read_config
from scanner.rulebook import Rulebook
from tests.conftest import EXAMPLES, run_fgscan

RISKY = str(EXAMPLES / "risky-task-definition.json")
HARDENED = str(EXAMPLES / "hardened-task-definition.json")


def write_config(folder: Path, text: str, name: str = ".fgscan.yaml") -> Path:
    path = folder / name
    path.write_text(text)
    return path


def findings(proc: subprocess.CompletedProcess) -> list[dict]:
    return json.loads(proc.stdout)["findings"]


def test_unknown_key_in_the_working_directory_config_is_one_line_with_its_line(tmp_path):
    write_config(tmp_path, "fail_on: high\nfoo: 1\nrules:\n  disable: []\n  sevrity: {}\n")
    proc = run_fgscan("scan", RISKY, cwd=tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.splitlines()
    assert lines == [
        ".fgscan.yaml:2: error: unknown key 'foo' (expected one of params, rules, rules_dirs, custom_rules, "
        "frameworks, fail_on, exclude, ignore)",
        ".fgscan.yaml:5: error: unknown key 'rules.sevrity' (expected one of disable, severity, budget_seconds)",
    ]
    assert proc.stdout == ""


def test_bad_values_each_get_a_line(tmp_path):
    write_config(tmp_path, "fail_on: urgent\nexclude: tests/\nrules:\n  severity:\n    privileged-container: huge\n")
    proc = run_fgscan("scan", RISKY, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        ".fgscan.yaml:1: error: fail_on: 'urgent' is not one of critical, high, medium, low, none",
        ".fgscan.yaml:2: error: exclude must be a list",
        ".fgscan.yaml:5: error: rules.severity.privileged-container: 'huge' is not one of critical, high, medium, low",
    ]


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    write_config(tmp_path, "rules:\n  disable: [a, b\nfail_on: low\n")
    proc = run_fgscan("scan", RISKY, cwd=tmp_path)
    assert proc.returncode == 2
    assert len(proc.stderr.splitlines()) == 1
    assert proc.stderr.startswith(".fgscan.yaml:3:")
    assert "Traceback" not in proc.stderr


def test_missing_config_file_named_with_flag(tmp_path):
    proc = run_fgscan("scan", RISKY, "--config", str(tmp_path / "nope.yaml"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "nope.yaml: error: cannot read file" in proc.stderr


def test_empty_or_comment_only_config_changes_nothing(tmp_path):
    write_config(tmp_path, "# nothing yet\n")
    proc = run_fgscan("scan", RISKY, "--rule", "privileged-container", "-f", "json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert [f["severity"] for f in findings(proc)] == ["critical"]


def test_severity_override_reaches_findings_sarif_and_fail_on(tmp_path):
    config = write_config(tmp_path, "rules:\n  severity:\n    FG-CTR-001: low\nfail_on: medium\n", "fgscan.yaml")
    args = ("scan", RISKY, "--rule", "privileged-container", "--config", str(config))
    proc = run_fgscan(*args, "-f", "json")
    assert proc.returncode == 0, proc.stderr  # the config's fail_on: medium, and the finding is now low
    assert [f["severity"] for f in findings(proc)] == ["low"]
    sarif = json.loads(run_fgscan(*args, "-f", "sarif").stdout)
    run = sarif["runs"][0]
    (descriptor,) = run["tool"]["driver"]["rules"]
    assert descriptor["properties"]["security-severity"] == "2.0"
    assert descriptor["defaultConfiguration"]["level"] == "note"
    assert [r["level"] for r in run["results"]] == ["note"]
    assert run_fgscan(*args, "--fail-on", "low").returncode == 1  # the flag wins over the file


def test_disable_by_name_and_the_rule_flag_wins(tmp_path):
    write_config(tmp_path, "rules:\n  disable: [privileged-container]\n")
    proc = run_fgscan("scan", RISKY, "-f", "json", cwd=tmp_path)
    assert "privileged-container" not in {f["rule"] for f in findings(proc)}
    proc = run_fgscan("scan", RISKY, "-f", "json", "--rule", "FG-CTR-001", cwd=tmp_path)
    assert {f["rule"] for f in findings(proc)} == {"privileged-container"}


def test_unknown_rule_and_framework_are_located(tmp_path):
    write_config(
        tmp_path,
        "frameworks: [aws-fsbp, pci-dss]\nrules:\n  disable:\n    - privileged-container\n    - no-such-rule\n",
    )
    proc = run_fgscan("scan", RISKY, cwd=tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.splitlines()
    assert lines[0].startswith(".fgscan.yaml:1: error: unknown framework 'pci-dss' (expected one of ")
    assert "aws-fsbp" in lines[0]
    assert lines[1] == ".fgscan.yaml:5: error: unknown rule 'no-such-rule' (see 'fgscan rules list')"


def test_unknown_parameter_lists_the_known_ones_and_types_are_checked(tmp_path):
    write_config(tmp_path, 'params:\n  admin_ports: ["22", 3389]\n  admin_port: [22]\n  secret_min_length: [1]\n')
    proc = run_fgscan("scan", RISKY, cwd=tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.splitlines()
    assert lines[0] == ".fgscan.yaml:2: error: params.admin_ports[0] must be a number"
    assert lines[1].startswith(".fgscan.yaml:3: error: unknown parameter 'params.admin_port' (expected one of ")
    assert "admin_ports" in lines[1] and "secret_min_length" in lines[1]
    assert lines[2] == ".fgscan.yaml:4: error: params.secret_min_length must be a number like its default 16"


def test_params_override_a_custom_rules_parameter_and_folders_are_relative_to_the_file(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(EXAMPLES / "custom-rules", project / "policy")
    config = write_config(project, "custom_rules: [policy]\nparams:\n  acme_required_labels: [team, tier]\n")
    proc = run_fgscan("scan", HARDENED, "-f", "json", "--config", str(config), "--rule", "acme-required-labels")
    assert proc.returncode == 1, proc.stderr
    assert sorted(f["message"].rsplit("'", 2)[1] for f in findings(proc)) == ["team", "tier"]


def test_params_are_deep_merged(tmp_path):
    (tmp_path / "data.json").write_text(
        json.dumps({"fgscan": {"params": {"acme_limits": {"cpu": 1024, "ports": [80]}}}})
    )
    book = Rulebook.load([tmp_path])
    book.configure({"acme_limits": {"ports": [443, 8443]}, "admin_ports": [2222]}, {})
    assert book.params["acme_limits"] == {"cpu": 1024, "ports": [443, 8443]}
    assert book.params["admin_ports"] == [2222]
    assert book.data_document()["fgscan"]["params"]["secret_min_length"] == 16


def test_frameworks_and_exclude_from_the_file(tmp_path):
    folder = tmp_path / "in"
    (folder / "skip").mkdir(parents=True)
    shutil.copy(RISKY, folder / "risky.json")
    shutil.copy(RISKY, folder / "skip" / "risky.json")
    write_config(tmp_path, "frameworks: [aws-fsbp]\nexclude: ['in/skip/*']\n")
    proc = run_fgscan("scan", "in", "-f", "sarif", cwd=tmp_path)
    run = json.loads(proc.stdout)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert rules and all(any(t.startswith("aws-fsbp/") for t in r["properties"]["tags"]) for r in rules)
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]} == {
        "in/risky.json"
    }


def test_a_retired_fsbp_control_selects_the_controls_that_replaced_it(tmp_path):
    """AWS retired FSBP ECS.1 in March 2026; an old configuration selecting it runs the rules of ECS.4,
    ECS.17, ECS.20 and ECS.21 (privileged containers, host network mode, root user, writable root)."""
    shutil.copy(RISKY, tmp_path / "risky.json")
    write_config(tmp_path, "frameworks: [aws-fsbp/ECS.1]\n")
    proc = run_fgscan("scan", "risky.json", "-f", "json", "--fail-on", "none", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rules = {f["rule"] for f in json.loads(proc.stdout)["findings"]}
    assert {"privileged-container", "host-network-mode", "root-user"} <= rules
    assert rules <= {"privileged-container", "host-network-mode", "root-user", "windows-admin-user"}
    one = run_fgscan(
        "scan", "risky.json", "-f", "json", "--fail-on", "none", "--framework", "aws-fsbp/ecs.4", cwd=tmp_path
    )
    assert {f["rule"] for f in json.loads(one.stdout)["findings"]} == {"privileged-container"}
    write_config(tmp_path, "frameworks: [aws-fsbp/ECS.99]\n")
    proc = run_fgscan("scan", "risky.json", cwd=tmp_path)
    assert proc.returncode == 2 and "no rule maps to 'aws-fsbp/ECS.99'" in proc.stderr


def test_ignore_entries_are_parsed_for_suppressions(tmp_path):
    config = read_config(
        write_config(
            tmp_path,
            (
                "ignore:\n"
                "  - rule: privileged-container\n    path: 'legacy/*.json'\n    reason: Replaced in Q3\n"
                "    expires: 2031-06-30\n"
                "  - resource: orders-api\n    reason: Accepted by security review 42\n"
            ),
        )
    )
    assert config.ignore == [
        IgnoreEntry(
            reason="Replaced in Q3",
            rule="privileged-container",
            path="legacy/*.json",
            expires=date(2031, 6, 30),
            line=2,
        ),
        IgnoreEntry(reason="Accepted by security review 42", resource="orders-api", line=6),
    ]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("  - rule: privileged-container\n", ".fgscan.yaml:2: error: ignore[0]: missing required key 'reason'"),
        ("  - reason: because\n", ".fgscan.yaml:2: error: ignore[0]: needs at least one of rule, path, resource"),
        (
            "  - rule: root-user\n    reason: r\n    expires: 2031/01/01\n",
            ".fgscan.yaml:4: error: ignore[0].expires: '2031/01/01' is not a date written YYYY-MM-DD",
        ),
        (
            "  - rule: root-user\n    reason: r\n    expires: 2031-02-30\n",
            ".fgscan.yaml:4: error: ignore[0].expires: '2031-02-30' is not a valid date",
        ),
        (
            "  - rule: root-user\n    reason: r\n    until: 2031-01-01\n",
            ".fgscan.yaml:4: error: unknown key 'ignore[0].until' "
            "(expected one of rule, path, resource, reason, expires)",
        ),
    ],
)
def test_bad_ignore_entries(tmp_path, monkeypatch, entry, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as caught:
        read_config(write_config(tmp_path, "ignore:\n" + entry))
    assert [str(e) for e in caught.value.errors] == [message]


def test_ignore_naming_an_unknown_rule_is_an_error(tmp_path):
    write_config(tmp_path, "ignore:\n  - rule: no-such-rule\n    reason: r\n")
    proc = run_fgscan("scan", RISKY, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == ".fgscan.yaml:2: error: unknown rule 'no-such-rule' (see 'fgscan rules list')\n"


def test_a_scan_without_config_does_not_import_jsonschema(tmp_path):
    code = (
        "import sys\nfrom scanner.cli import app\n"
        f"try:\n    app(['scan', {RISKY!r}, '-f', 'json'])\nexcept SystemExit:\n    pass\n"
        "print('jsonschema' in sys.modules, 'boto3' in sys.modules, file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert proc.stderr.splitlines()[-1] == "False False"


def test_overrides_reach_parallel_workers(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(130):
        shutil.copy(HARDENED, folder / f"td{n}.json")
    shutil.copytree(EXAMPLES / "custom-rules", tmp_path / "policy")
    write_config(
        tmp_path,
        "custom_rules: [policy]\nparams:\n  acme_required_labels: [tier]\n"
        "rules:\n  severity:\n    acme-required-labels: high\n",
    )
    proc = run_fgscan("scan", "many", "--rule", "acme-required-labels", "--jobs", "2", "-f", "json", cwd=tmp_path)
    found = findings(proc)
    assert len(found) == 130, proc.stderr
    assert {(f["severity"], f["message"].rsplit("'", 2)[1]) for f in found} == {("high", "tier")}


def test_the_schema_is_valid_json_schema():
    import jsonschema

    from scanner.config import SCHEMA_FILE

    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA_FILE.read_text()))
