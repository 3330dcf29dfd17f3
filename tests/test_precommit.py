"""The pre-commit hook, run by pre-commit itself (`pre-commit try-repo`) on sample files in a git
repository made in the test. The hook repository is a snapshot of the working tree (tracked and
untracked files), committed in a temporary clone, since try-repo installs from a git revision."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import EXAMPLES, ROOT
from tests.test_changed_files import commit_all, git, make_repo

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
pytestmark = pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is not installed")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """The working tree as a one-commit repository."""
    snapshot = make_repo(tmp_path_factory.mktemp("hook-repo"))
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    commit_all(snapshot, "snapshot")
    return snapshot


def pre_commit(project: Path, *args: str, home: Path | None = None, offline: bool = False):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(PRE_COMMIT_COLOR="never", **({"PRE_COMMIT_HOME": str(home)} if home else {}))
    if offline:  # any network use by the hook would fail
        env.update(
            HTTP_PROXY="http://127.0.0.1:9",
            HTTPS_PROXY="http://127.0.0.1:9",
            NO_PROXY="",
            AWS_EC2_METADATA_DISABLED="true",
        )
    return subprocess.run([str(PRE_COMMIT), *args], cwd=project, env=env, capture_output=True, text=True, timeout=900)


def sample_project(path: Path) -> Path:
    project = make_repo(path)
    shutil.copy(EXAMPLES / "risky-task-definition.json", project / "worker.json")
    shutil.copy(EXAMPLES / "hardened-task-definition.json", project / "api.json")
    (project / "tsconfig.json").write_text('{"compilerOptions": {/* JSON with comments */}}')
    (project / "notes.md").write_text("not scanned")
    shutil.copy(ROOT / "tests" / "fixtures" / "terraform" / "bad" / "good.tf", project / "service.tf")
    commit_all(project, "sample")
    return project


def test_hook_manifest_filters_json_yaml_and_terraform_and_passes_filenames():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "fgscan" and hook["language"] == "python"
    assert hook["types_or"] == ["json", "yaml", "terraform"] and hook["pass_filenames"] is True


def test_pre_commit_try_repo_blocks_a_risky_task_definition(hook_repo, tmp_path):
    project = sample_project(tmp_path / "project")
    proc = pre_commit(project, "try-repo", str(hook_repo), "fgscan", "--all-files")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "fgscan (ECS on Fargate security)" in proc.stdout and "Failed" in proc.stdout
    assert "worker.json" in proc.stdout and "FG-CTR-001 privileged-container" in proc.stdout
    assert "service.tf" in proc.stdout and "FG-SVC-001 public-ip-assigned" in proc.stdout
    assert "tsconfig.json" not in proc.stdout  # not ECS input: skipped quietly
    assert "AKIAIOSFODNN7EXAMPLE" not in proc.stdout  # secrets are named, never printed


def test_installed_hook_runs_offline(hook_repo, tmp_path):
    project = sample_project(tmp_path / "project")
    rev = git(hook_repo, "rev-parse", "HEAD").strip()
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: fgscan\n"
    )
    home = tmp_path / "home"
    installed = pre_commit(project, "install-hooks", home=home)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    proc = pre_commit(project, "run", "fgscan", "--files", "api.json", "tsconfig.json", home=home, offline=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout
    proc = pre_commit(project, "run", "fgscan", "--files", "worker.json", home=home, offline=True)
    assert proc.returncode == 1 and "FG-CTR-001 privileged-container" in proc.stdout
