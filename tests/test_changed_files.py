"""`fgscan scan --changed-since REF` on real git repositories made in the test."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from scanner.changed_files import belonging
from tests.conftest import EXAMPLES, run_fgscan


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def make_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.email", "dev@example.com")
    git(path, "config", "user.name", "Dev")
    git(path, "config", "commit.gpgsign", "false")
    return path


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def scanned_files(repo: Path, *args: str) -> set[str]:
    proc = run_fgscan("scan", ".", "--format", "json", "--fail-on", "none", *args, cwd=repo)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    return {f["file"] for f in report["findings"]} | {f["file"] for f in report["suppressed"]}


def test_only_committed_staged_modified_and_untracked_changes_are_scanned(tmp_path):
    repo = make_repo(tmp_path / "repo")
    for name in ("old.json", "edited.json", "staged.json"):
        shutil.copy(EXAMPLES / "risky-task-definition.json", repo / name)
    commit_all(repo, "base")
    git(repo, "checkout", "-q", "-b", "feature")
    shutil.copy(EXAMPLES / "web-stack.yaml", repo / "committed.yaml")
    commit_all(repo, "feature work")
    (repo / "edited.json").write_text((repo / "edited.json").read_text().replace("legacy-worker", "edited-worker"))
    (repo / "staged.json").write_text((repo / "staged.json").read_text().replace("legacy-worker", "staged-worker"))
    git(repo, "add", "staged.json")
    shutil.copy(EXAMPLES / "risky-task-definition.json", repo / "untracked.json")
    (repo / ".gitignore").write_text("ignored.json\n")
    shutil.copy(EXAMPLES / "risky-task-definition.json", repo / "ignored.json")
    assert scanned_files(repo, "--changed-since", "main") == {
        "committed.yaml",
        "edited.json",
        "staged.json",
        "untracked.json",
    }
    assert "old.json" in scanned_files(repo)


def test_changes_on_the_base_branch_after_forking_are_not_scanned(tmp_path):
    repo = make_repo(tmp_path / "repo")
    shutil.copy(EXAMPLES / "risky-task-definition.json", repo / "a.json")
    commit_all(repo, "base")
    git(repo, "checkout", "-q", "-b", "feature")
    shutil.copy(EXAMPLES / "web-stack.yaml", repo / "mine.yaml")
    commit_all(repo, "feature")
    git(repo, "checkout", "-q", "main")
    shutil.copy(EXAMPLES / "risky-task-definition.json", repo / "theirs.json")
    commit_all(repo, "main moves on")
    git(repo, "checkout", "-q", "feature")
    assert scanned_files(repo, "--changed-since", "main") == {"mine.yaml"}


def test_a_parameters_file_brings_its_template(tmp_path):
    repo = make_repo(tmp_path / "repo")
    (repo / "stacks").mkdir()
    shutil.copy(EXAMPLES / "web-stack.yaml", repo / "stacks" / "web.yaml")
    shutil.copy(EXAMPLES / "risky-task-definition.json", repo / "stacks" / "worker.json")
    (repo / "stacks" / "web.parameters.json").write_text('[{"ParameterKey": "VpcId", "ParameterValue": "vpc-1"}]')
    commit_all(repo, "base")
    (repo / "stacks" / "web.parameters.json").write_text('[{"ParameterKey": "VpcId", "ParameterValue": "vpc-2"}]')
    assert scanned_files(repo, "--changed-since", "HEAD") == {"stacks/web.yaml"}


def test_a_change_in_a_cdk_assembly_brings_all_its_templates(tmp_path):
    repo = make_repo(tmp_path / "repo")
    out = repo / "infra" / "cdk.out"
    out.mkdir(parents=True)
    template = json.dumps(
        {
            "Resources": {
                "Task": {
                    "Type": "AWS::ECS::TaskDefinition",
                    "Properties": {"ContainerDefinitions": [{"Name": "app", "Image": "nginx", "Privileged": True}]},
                }
            }
        },
        indent=1,
    )
    (out / "App.template.json").write_text(template)
    (out / "AppNestedStack.nested.template.json").write_text(template)
    (out / "manifest.json").write_text('{"version": "36.0.0", "artifacts": {}}')
    shutil.copy(EXAMPLES / "risky-task-definition.json", repo / "other.json")
    commit_all(repo, "base")
    (out / "manifest.json").write_text('{"version": "36.0.0", "artifacts": {"App": {}}}')
    assert scanned_files(repo, "--changed-since", "HEAD") == {
        "infra/cdk.out/App.template.json",
        "infra/cdk.out/AppNestedStack.nested.template.json",
    }


def test_a_changed_configuration_rescans_everything(tmp_path):
    repo = make_repo(tmp_path / "repo")
    shutil.copy(EXAMPLES / "risky-task-definition.json", repo / "a.json")
    commit_all(repo, "base")
    (repo / ".fgscan.yaml").write_text("fail_on: high\n")
    proc = run_fgscan("scan", ".", "--changed-since", "HEAD", "--format", "json", cwd=repo)
    report = json.loads(proc.stdout)
    assert {f["file"] for f in report["findings"]} == {"a.json"}
    assert any("configuration changed, so everything is scanned" in n for n in report["notices"])


def test_paths_still_limit_a_changed_files_scan(tmp_path):
    repo = make_repo(tmp_path / "repo")
    (repo / "README.md").write_text("x")
    commit_all(repo, "base")
    (repo / "a").mkdir()
    (repo / "b").mkdir()
    shutil.copy(EXAMPLES / "risky-task-definition.json", repo / "a" / "td.json")
    shutil.copy(EXAMPLES / "risky-task-definition.json", repo / "b" / "td.json")
    proc = run_fgscan("scan", "a", "--changed-since", "HEAD", "--format", "json", "--fail-on", "none", cwd=repo)
    assert {f["file"] for f in json.loads(proc.stdout)["findings"]} == {"a/td.json"}


def test_outside_git_or_with_an_unknown_ref_the_error_is_one_line(tmp_path):
    shutil.copy(EXAMPLES / "risky-task-definition.json", tmp_path / "a.json")
    proc = run_fgscan("scan", ".", "--changed-since", "main", cwd=tmp_path)
    assert proc.returncode == 2
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith("fgscan: error: --changed-since needs a git repository: not a git repository")
    repo = make_repo(tmp_path / "repo")
    shutil.copy(EXAMPLES / "risky-task-definition.json", repo / "a.json")
    commit_all(repo, "base")
    proc = run_fgscan("scan", ".", "--changed-since", "no-such-branch", cwd=repo)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == ["fgscan: error: --changed-since: unknown git ref 'no-such-branch'"]


def test_belonging_ignores_unrelated_siblings(tmp_path):
    for name in ("web.yaml", "web-stack.yaml", "worker.json", "web.prod.params.json", "params.json"):
        (tmp_path / name).write_text("{}")
    assert belonging({tmp_path / "web.prod.params.json"}) == {(tmp_path / "web.yaml").resolve()}
    assert belonging({tmp_path / "params.json"}) == {
        (tmp_path / n).resolve() for n in ("web.yaml", "web-stack.yaml", "worker.json", "web.prod.params.json")
    }
    assert belonging({tmp_path / "web-stack.yaml"}) == set()
