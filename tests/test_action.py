"""The GitHub Action: `action.yml` against GitHub's metadata schema, and its scan step
(`python -m scanner.action`) run in a simulated Actions environment on a real git repository."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import cmarkgfm
import jsonschema
import yaml
from cmarkgfm.cmark import Options

from tests.conftest import EXAMPLES, ROOT
from tests.test_changed_files import commit_all, git, make_repo

INPUTS = {
    "paths",
    "config",
    "fail-on",
    "format",
    "output",
    "sarif-file",
    "upload-sarif",
    "category",
    "changed-files-only",
    "baseline",
    "extra-args",
}


def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text())


def test_action_yml_is_valid_against_the_github_action_schema():
    schema = json.loads((files("check_jsonschema.builtin_schemas.vendor") / "github-actions.json").read_text())
    jsonschema.Draft7Validator(schema).validate(action())
    proc = subprocess.run(
        [
            str(Path(sys.executable).with_name("check-jsonschema")),
            "--builtin-schema",
            "vendor.github-actions",
            str(ROOT / "action.yml"),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_action_is_composite_pinned_and_runs_the_package_module():
    meta = action()
    assert set(meta["inputs"]) >= INPUTS
    assert meta["inputs"]["upload-sarif"]["default"] == "true"
    assert {"sarif-file", "findings", "critical", "high", "medium", "low", "suppressed"} <= set(meta["outputs"])
    steps = meta["runs"]["steps"]
    assert meta["runs"]["using"] == "composite"
    for step in steps:
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
        else:
            assert step["shell"] == "bash"  # present on Linux, macOS and Windows runners
    install = next(s for s in steps if s.get("name") == "Install fgscan")
    assert install["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    scan = next(s for s in steps if s.get("id") == "scan")
    assert scan["run"] == '"$PYTHON" -m scanner.action'
    passed = {name[len("INPUT_") :].lower().replace("_", "-") for name in scan["env"] if name.startswith("INPUT_")}
    assert passed == INPUTS
    upload = next(s for s in steps if s.get("id") == "upload")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["if"].startswith("always() &&") and upload["continue-on-error"] is True
    assert upload["with"]["category"] == "${{ inputs.category }}"
    assert steps[-1]["if"].startswith("always()") and "exit-code" in steps[-1]["env"]["EXIT_CODE"]


def run_action(repo: Path, tmp_path: Path, payload: dict, event: str = "pull_request", **inputs: str) -> tuple:
    """Run the scan step as the runner would; return its process, outputs, summary and stdout."""
    (tmp_path / "event.json").write_text(json.dumps(payload))
    summary, output, temp = tmp_path / "summary.md", tmp_path / "output.txt", tmp_path / "runner-temp"
    summary.write_text("")
    output.write_text("")
    temp.mkdir(exist_ok=True)
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "GITHUB_ACTIONS": "true",
        "CI": "true",
        "GITHUB_EVENT_NAME": event,
        "GITHUB_EVENT_PATH": str(tmp_path / "event.json"),
        "GITHUB_REPOSITORY": "acme/shop",
        "GITHUB_WORKSPACE": str(repo),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
        "RUNNER_TEMP": str(temp),
        **{f"INPUT_{k.upper()}": v for k, v in inputs.items()},
    }
    proc = subprocess.run(
        [sys.executable, "-m", "scanner.action"], cwd=repo, env=env, capture_output=True, text=True, timeout=120
    )
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    return proc, outputs, summary.read_text()


def feature_branch(tmp_path: Path) -> tuple[Path, str]:
    repo = make_repo(tmp_path / "repo")
    shutil.copy(EXAMPLES / "web-stack.yaml", repo / "web.yaml")
    commit_all(repo, "base")
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "tasks").mkdir()
    shutil.copy(EXAMPLES / "risky-task-definition.json", repo / "tasks" / "worker.json")
    commit_all(repo, "add a worker")
    return repo, base


def pull_request(base: str, head_repo: str = "acme/shop") -> dict:
    return {"pull_request": {"base": {"sha": base}, "head": {"repo": {"full_name": head_repo}}}}


def test_pull_request_scan_writes_summary_annotations_sarif_and_outputs(tmp_path, sarif_schema):
    repo, base = feature_branch(tmp_path)
    proc, outputs, summary = run_action(
        repo, tmp_path, pull_request(base), CHANGED_FILES_ONLY="true", CATEGORY="ecs/pr", FAIL_ON="high"
    )
    assert proc.returncode == 0, proc.stderr
    assert outputs["exit-code"] == "1"
    assert outputs["upload-sarif"] == "true"
    sarif = json.loads(Path(outputs["sarif-file"]).read_text())
    jsonschema.Draft4Validator(sarif_schema, format_checker=jsonschema.FormatChecker()).validate(sarif)
    [run] = sarif["runs"]
    assert run["automationDetails"]["id"] == "ecs/pr/"
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]} == {
        "tasks/worker.json"
    }  # web.yaml did not change
    assert int(outputs["findings"]) == len(run["results"])
    assert int(outputs["critical"]) == sum(r["properties"]["severity"] == "critical" for r in run["results"]) > 0
    assert outputs["suppressed"] == "0"
    assert summary.startswith(f"## fgscan: {outputs['findings']} findings")
    assert "| 🟥 critical | FG-CTR-001 privileged-container | legacy-worker:7 | `tasks/worker.json:16` |" in summary
    assert "::error file=tasks/worker.json,line=16,endLine=16,col=9," in proc.stdout
    assert "tasks/worker.json:16:9" in proc.stdout  # the text report in the log


def test_fork_pull_requests_skip_the_upload_with_a_notice(tmp_path):
    repo, base = feature_branch(tmp_path)
    proc, outputs, _ = run_action(repo, tmp_path, pull_request(base, "someone/shop-fork"))
    assert outputs["upload-sarif"] == "false"
    assert Path(outputs["sarif-file"]).is_file()  # still written, for an artifact
    assert "::notice title=fgscan::Pull request from a fork" in proc.stdout


def test_upload_can_be_turned_off_and_push_events_compare_with_the_previous_commit(tmp_path):
    repo, base = feature_branch(tmp_path)
    proc, outputs, _ = run_action(
        repo,
        tmp_path,
        {"before": base},
        event="push",
        CHANGED_FILES_ONLY="true",
        UPLOAD_SARIF="false",
        FORMAT="json",
        OUTPUT="report.json",
    )
    assert outputs["upload-sarif"] == "false"
    report = json.loads((repo / "report.json").read_text())
    assert {f["file"] for f in report["findings"]} == {"tasks/worker.json"}
    _, outputs, _ = run_action(repo, tmp_path, {"before": "0" * 40}, event="push", CHANGED_FILES_ONLY="true")
    assert "changed-files-only: no base commit" not in proc.stdout
    sarif = json.loads(Path(outputs["sarif-file"]).read_text())
    assert "web.yaml" in {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]
    }


def test_baseline_suppressions_and_extra_args_reach_the_scan(tmp_path):
    repo, base = feature_branch(tmp_path)
    assert (
        subprocess.run(
            [sys.executable, "-m", "scanner", "scan", "web.yaml", "--write-baseline", "base.json"],
            cwd=repo,
            capture_output=True,
        ).returncode
        == 0
    )
    (repo / ".fgscan.yaml").write_text("ignore:\n  - rule: privileged-container\n    reason: Reviewed in SEC-12\n")
    _, outputs, summary = run_action(
        repo,
        tmp_path,
        pull_request(base),
        BASELINE="base.json",
        EXTRA_ARGS="--sarif-include-suppressed --exclude tasks/unused/",
    )
    assert outputs["suppressed"] == "1"
    assert "### Suppressed (1)" in summary and "Reviewed in SEC-12" in summary
    assert "unchanged since baseline" in summary
    results = json.loads(Path(outputs["sarif-file"]).read_text())["runs"][0]["results"]
    assert {r["baselineState"] for r in results} == {"new", "unchanged"}
    [suppressed] = [r for r in results if "suppressions" in r]
    assert suppressed["suppressions"] == [{"kind": "external", "justification": "Reviewed in SEC-12"}]


def test_a_scan_that_cannot_run_says_so_in_the_summary(tmp_path):
    repo, base = feature_branch(tmp_path)
    (repo / ".fgscan.yaml").write_text("no_such_key: 1\n")
    proc, outputs, summary = run_action(repo, tmp_path, pull_request(base))
    assert proc.returncode == 0
    assert outputs["exit-code"] == "2" and outputs["upload-sarif"] == "false" and outputs["sarif-file"] == ""
    assert summary.startswith("## fgscan could not scan")
    assert ".fgscan.yaml:1: error: unknown key" in proc.stderr


def test_fixed_findings_are_not_uploaded(tmp_path):
    """Code scanning opens an alert for every result, even `absent` ones: the upload leaves them out."""
    repo, base = feature_branch(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "scanner", "scan", ".", "--write-baseline", "base.json"],
        cwd=repo,
        capture_output=True,
        check=True,
    )
    worker = repo / "tasks" / "worker.json"
    worker.write_text(worker.read_text().replace('"privileged": true', '"privileged": false'))
    _, outputs, summary = run_action(repo, tmp_path, pull_request(base), BASELINE="base.json")
    assert outputs["upload-sarif"] == "true"
    states = {r["baselineState"] for r in json.loads(Path(outputs["sarif-file"]).read_text())["runs"][0]["results"]}
    assert "absent" not in states and "unchanged" in states
    assert "privileged-container" in summary  # the summary still lists what was fixed


def hostile_paths_repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "repo")
    (repo / "my tasks").mkdir()
    shutil.copy(EXAMPLES / "risky-task-definition.json", repo / "my tasks" / "worker one.json")
    shutil.copy(EXAMPLES / "risky-task-definition.json", repo / "-rf.json")
    shutil.copy(EXAMPLES / "web-stack.yaml", repo / "not-listed.yaml")
    commit_all(repo, "tasks")
    return repo


def scanned(repo: Path) -> set[str]:
    return {f["file"] for f in json.loads((repo / "report.json").read_text())["findings"]}


def test_paths_with_spaces_or_a_leading_dash_are_scanned_as_paths(tmp_path):
    repo = hostile_paths_repo(tmp_path)
    for paths in ("my tasks/worker one.json\n-rf.json\n", '"my tasks/worker one.json" -rf.json'):
        proc, outputs, _ = run_action(
            repo, tmp_path, {}, event="push", PATHS=paths, FORMAT="json", OUTPUT="report.json"
        )
        assert proc.returncode == 0 and outputs["exit-code"] == "1", proc.stderr
        assert scanned(repo) == {"my tasks/worker one.json", "-rf.json"}
        (repo / "report.json").unlink()


def test_an_option_in_paths_is_a_file_name_not_an_option(tmp_path):
    repo = hostile_paths_repo(tmp_path)
    option = f"--output={tmp_path / 'elsewhere.json'}"
    proc, outputs, _ = run_action(repo, tmp_path, {}, event="push", PATHS=f"{option} -rf.json")
    assert outputs["exit-code"] == "2"  # no such file; the other path is still scanned
    assert f"{option}: error: " in proc.stderr and "Traceback" not in proc.stderr
    assert "FG-CTR-001" in proc.stdout and not (tmp_path / "elsewhere.json").exists()


def test_an_unbalanced_quote_in_extra_args_is_one_clear_error(tmp_path):
    repo = hostile_paths_repo(tmp_path)
    proc, outputs, summary = run_action(repo, tmp_path, {}, event="push", EXTRA_ARGS="--exclude 'tests/")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr + proc.stdout
    assert proc.stdout.splitlines() == [
        '::error title=fgscan%3A invalid input::extra-args: cannot split "--exclude \'tests/" into words: '
        "No closing quotation"
    ]
    assert outputs == {} and summary == ""  # the later steps see no exit code and upload nothing


def test_workflows_in_the_docs_pin_actions_by_commit():
    for doc in ("docs/audit.md", "docs/github-action.md"):
        for uses in re.findall(r"uses:\s*(\S+)", (ROOT / doc).read_text()):
            if not uses.startswith("fargate-scanner/fgscan@"):  # this action: the reader picks the release
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", uses), f"{doc}: {uses}"


def test_hostile_names_in_a_pull_request_neither_command_the_runner_nor_render_in_the_summary(tmp_path):
    repo = make_repo(tmp_path / "repo")
    task = {
        "family": "app\n::stop-commands::deadbeef",
        "containerDefinitions": [
            {"name": "::error file=fake.json,line=1::pwned\n::error file=fake.json::again", "privileged": True},
            {"name": "![x](http://evil.example/x.png) [a](http://evil.example) \x1b[31m", "privileged": True},
        ],
    }
    (repo / "task.json").write_text(json.dumps(task))
    commit_all(repo, "hostile")
    proc, outputs, summary = run_action(repo, tmp_path, {}, event="push")
    assert outputs["exit-code"] == "1"
    commands = [line for line in proc.stdout.splitlines() if line.lstrip().startswith("::")]
    assert commands and all(re.match(r"::(error|warning|notice) file=task\.json,", line) for line in commands)
    assert "\x1b" not in proc.stdout + summary
    html = cmarkgfm.github_flavored_markdown_to_html(summary, options=Options.CMARK_OPT_UNSAFE)
    assert "<img" not in html and "<a " not in html and "![x](http://evil.example/x.png)" in html
