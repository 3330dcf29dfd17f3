"""A folder mixing every real-input case of this area scans in one run: the report is written, every good file
has its findings, and only the truly broken files are errors (duplicate keys are warnings)."""

from __future__ import annotations

import json
import shutil

from tests.conftest import ROOT, run_fgscan

FIXTURES = ROOT / "tests" / "fixtures" / "cfn"
BROKEN = {"control-character.yaml", "lone-surrogate.json", "self-alias.yaml", "unclosed-flow-sequence.yaml"}


def test_mixed_folder_reports_good_files_and_errors_only_for_broken_ones(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES, corpus)
    (corpus / "deep.json").write_text('{"containerDefinitions": ' + "[" * 700 + "]" * 700 + "}")
    report = tmp_path / "report.json"
    run = run_fgscan("scan", str(corpus), "--format", "json", "--output", str(report))
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    errors = sorted(line.split(":")[0].rsplit("/", 1)[-1] for line in lines if ": error: " in line)
    assert errors == sorted({*BROKEN, "deep.json"})
    warnings = sorted(line.split(":")[0].rsplit("/", 1)[-1] for line in lines if ": warning: " in line)
    assert warnings == ["duplicate-keys.json", "duplicate-keys.yaml"]
    found = json.loads(report.read_text())
    files = {f["file"].rsplit("/", 1)[-1] for f in found["findings"]}
    good = {
        "allowed-values.yaml",
        "checkov-sg-ssh-location.yaml",
        "copilot-backend-template.yml",
        "describe-task-definition-nulls.json",
        "duplicate-keys.json",
        "duplicate-keys.yaml",
        "fn-if-debug.yaml",
        "merge-keys.yaml",
        "service.container-definitions.json",
    }
    assert good <= files
    assert not files & BROKEN


def test_a_named_file_that_is_not_an_input_says_so(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# Orders\n\nDeploy with `make deploy`: it runs the stack in deploy/.\n")
    typo = tmp_path / "task.json"
    typo.write_text('{"family": "web", "containerDefinition": [{"name": "web", "image": "nginx"}]}')
    run = run_fgscan("scan", str(readme), str(typo))
    assert run.returncode == 2
    for file in (readme, typo):
        assert f"{file}: error: not an input fgscan recognises" in run.stderr
