"""The `fgscan` command line: discovery, selection, exit codes and bad input, through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import scanner
from tests.conftest import EXAMPLES, run_fgscan

PRIVILEGED = {"family": "p", "containerDefinitions": [{"name": "app", "image": "nginx", "privileged": True}]}


def write(path: Path, content) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content if isinstance(content, str) else json.dumps(content, indent=2))
    return path


def scan_json(*args: str, cwd: Path) -> tuple[int, dict, str]:
    proc = run_fgscan("scan", *args, "--format", "json", cwd=cwd)
    return proc.returncode, json.loads(proc.stdout), proc.stderr


def rules_of(report: dict) -> set[str]:
    return {f["rule"] for f in report["findings"]}


def test_version():
    proc = run_fgscan("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"fgscan {scanner.__version__}"


def test_directories_are_walked_and_files_recognised_by_content(tmp_path):
    write(tmp_path / "deploy" / "weird-name.txt.json", PRIVILEGED)
    write(
        tmp_path / "deploy" / "nested" / "stack.yml",
        "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n"
        "    Properties:\n      ContainerDefinitions:\n        - Name: c\n          Privileged: true\n",
    )
    write(tmp_path / ".git" / "td.json", PRIVILEGED)
    write(tmp_path / "node_modules" / "td.json", PRIVILEGED)
    write(tmp_path / "package.json", {"name": "app"})
    write(tmp_path / "workflow.yaml", "on: push\n")
    code, report, stderr = scan_json(".", "--rule", "privileged-container", cwd=tmp_path)
    assert code == 1 and stderr == ""
    assert sorted(f["file"] for f in report["findings"]) == ["deploy/nested/stack.yml", "deploy/weird-name.txt.json"]
    assert report["summary"]["files"] == 2


def test_cdk_out_folder_scans_as_templates(tmp_path):
    cdk = tmp_path / "cdk.out"
    write(cdk / "manifest.json", {"version": "36.0.0", "artifacts": {}})
    write(cdk / "tree.json", {"version": "tree-0.1", "tree": {"id": "App"}})
    write(cdk / "WebStack.assets.json", {"version": "36.0.0", "files": {}})
    write(
        cdk / "WebStack.template.json",
        {
            "Resources": {
                "CDKMetadata": {"Type": "AWS::CDK::Metadata", "Properties": {"Analytics": "v2"}},
                "TaskDef54694570": {
                    "Type": "AWS::ECS::TaskDefinition",
                    "Properties": {"ContainerDefinitions": [{"Name": "web", "Image": "nginx", "Privileged": True}]},
                },
            }
        },
    )
    code, report, _ = scan_json("cdk.out", "--rule", "privileged-container", cwd=tmp_path)
    assert code == 1
    [finding] = report["findings"]
    assert (finding["file"], finding["resource"]) == ("cdk.out/WebStack.template.json", "TaskDef54694570")


def test_fail_on_threshold_and_none(tmp_path):
    write(tmp_path / "td.json", PRIVILEGED)
    assert run_fgscan("scan", "td.json", "--rule", "privileged-container", cwd=tmp_path).returncode == 1
    assert (
        run_fgscan(
            "scan", "td.json", "--rule", "privileged-container", "--fail-on", "critical", cwd=tmp_path
        ).returncode
        == 1
    )
    assert (
        run_fgscan("scan", "td.json", "--rule", "privileged-container", "--fail-on", "none", cwd=tmp_path).returncode
        == 0
    )


def test_clean_input_exits_zero(tmp_path):
    write(tmp_path / "td.json", {"family": "ok", "containerDefinitions": [{"name": "a", "privileged": False}]})
    code, report, _ = scan_json("td.json", "--rule", "FG-CTR-001", cwd=tmp_path)
    assert code == 0 and report["findings"] == []


def test_rule_and_skip_select_by_id_or_name(tmp_path):
    write(tmp_path / "td.json", PRIVILEGED)
    _, only, _ = scan_json("td.json", "--rule", "FG-CTR-001", cwd=tmp_path)
    assert rules_of(only) == {"privileged-container"} and only["summary"]["rules"] == 1
    _, skipped, _ = scan_json("td.json", "--skip", "privileged-container", cwd=tmp_path)
    assert "privileged-container" not in rules_of(skipped)


def test_unknown_rule_is_a_usage_error(tmp_path):
    proc = run_fgscan("scan", ".", "--rule", "no-such-rule", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "fgscan: error: unknown rule 'no-such-rule' (see 'fgscan rules list')"


def test_exclude_globs(tmp_path):
    write(tmp_path / "keep" / "td.json", PRIVILEGED)
    write(tmp_path / "vendor" / "td.json", PRIVILEGED)
    write(tmp_path / "keep" / "td.test.json", PRIVILEGED)
    _, report, _ = scan_json(
        ".", "--rule", "privileged-container", "--exclude", "vendor", "--exclude", "*.test.json", cwd=tmp_path
    )
    assert [f["file"] for f in report["findings"]] == ["keep/td.json"]


def test_bad_inputs_are_one_line_errors_and_the_rest_is_still_scanned(tmp_path):
    write(tmp_path / "a-good.json", PRIVILEGED)
    write(tmp_path / "b-broken.json", '{"containerDefinitions": [\n  {"name": "x",}\n]}')
    write(tmp_path / "c-broken.yaml", "Resources:\n  T: [unclosed\n")
    (tmp_path / "d-latin1.json").write_bytes(b'{"containerDefinitions": [{"name": "caf\xe9"}]}')
    proc = run_fgscan("scan", ".", "--rule", "privileged-container", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    errors = proc.stderr.strip().splitlines()
    assert errors == [
        "b-broken.json:2:16: error: invalid JSON: Expecting property name enclosed in double quotes",
        "c-broken.yaml:3:1: error: invalid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence that started at line 2, column 6)",
        "d-latin1.json:1:40: error: file is not valid UTF-8 text",
    ]
    report = json.loads(proc.stdout)
    assert [f["file"] for f in report["findings"]] == ["a-good.json"]
    assert len(report["errors"]) == 3


def test_named_empty_missing_and_oversized_files(tmp_path):
    write(tmp_path / "empty.json", "")
    write(tmp_path / "big.json", {**PRIVILEGED, "pad": "x" * (2 * 1024 * 1024)})
    proc = run_fgscan("scan", "empty.json", "missing.json", "big.json", "--max-file-size", "1", cwd=tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert lines[0] == "missing.json: error: cannot open: no such file or directory"
    assert lines[1] == "empty.json: error: file is empty"
    assert lines[2].startswith("big.json: error: file is ") and "1,048,576-byte limit" in lines[2]


def test_symlink_loop_is_reported_and_does_not_hang(tmp_path):
    write(tmp_path / "tree" / "td.json", PRIVILEGED)
    os.symlink(tmp_path / "tree", tmp_path / "tree" / "again")
    os.symlink(tmp_path / "loop-a", tmp_path / "loop-b")
    os.symlink(tmp_path / "loop-b", tmp_path / "loop-a")
    proc = run_fgscan("scan", "tree", "loop-a", "--rule", "privileged-container", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 2
    assert "loop-a: error: cannot open: symbolic link loop" in proc.stderr
    assert "tree/again: error: symbolic link loop; not followed again" in proc.stderr
    assert [f["file"] for f in json.loads(proc.stdout)["findings"]] == ["tree/td.json"]


def test_unknown_intrinsic_is_an_error_but_the_template_is_still_scanned(tmp_path):
    write(
        tmp_path / "stack.yaml",
        "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n"
        "      Family: !Bogus x\n      ContainerDefinitions:\n        - Name: c\n          Privileged: true\n",
    )
    proc = run_fgscan("scan", "stack.yaml", "--rule", "privileged-container", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "stack.yaml:5:15: error: unknown intrinsic function !Bogus"
    assert len(json.loads(proc.stdout)["findings"]) == 1


def test_output_file_and_text_report_without_colour(tmp_path):
    write(tmp_path / "td.json", PRIVILEGED)
    proc = run_fgscan("scan", "td.json", "--rule", "privileged-container", "--output", "out.txt", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout == ""
    text = (tmp_path / "out.txt").read_text()
    assert "\x1b[" not in text
    assert "td.json" in text and "CRITICAL" in text and "Task definition 'p': container 'app'" in text


def test_rules_list_text_and_json():
    listing = run_fgscan("rules", "list", "--format", "json")
    assert listing.returncode == 0
    rules = json.loads(listing.stdout)
    assert {"id": "FG-CTR-001", "name": "privileged-container"}.items() <= next(
        r for r in rules if r["id"] == "FG-CTR-001"
    ).items()
    text = run_fgscan("rules", "list").stdout
    assert all(r["id"] in text for r in rules)


def test_usage_error_exit_code():
    assert run_fgscan("scan", "--format", "xml", str(EXAMPLES)).returncode == 2


def test_two_links_to_one_folder_scan_it_once_without_error(tmp_path):
    write(tmp_path / "real" / "td.json", PRIVILEGED)
    (tmp_path / "scan").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "scan" / "one")
    os.symlink(tmp_path / "real", tmp_path / "scan" / "two")
    code, report, stderr = scan_json("scan", "--rule", "privileged-container", cwd=tmp_path)
    assert (code, stderr) == (1, "")
    assert len(report["findings"]) == 1


def test_the_process_ends_without_teardown_yet_with_its_exit_handlers_and_whole_output(tmp_path: Path) -> None:
    """`main` ends the process with `os._exit`: the status is the scan's, exit handlers still run (temporary
    folders are removed by them) and everything written to stdout arrives."""
    marker = tmp_path / "handler-ran"
    code = (
        "import atexit, pathlib, sys\n"
        f"atexit.register(pathlib.Path({str(marker)!r}).write_text, 'yes')\n"
        f"sys.argv = ['fgscan', 'scan', '--format', 'json', {str(EXAMPLES)!r}]\n"
        "from scanner.cli import main\n"
        "main()\n"
        "raise AssertionError('main returned')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 1, done.stderr  # findings at or above the default --fail-on
    assert len(json.loads(done.stdout)["findings"]) > 20
    assert marker.read_text() == "yes"
    assert "Traceback" not in done.stderr
