"""The organization-audit examples: the sharded GitHub Actions workflow (GitHub's workflow schema, actions
pinned by SHA, the same text in docs/audit.md) and the scheduled Fargate task template (cfn-lint, the task
role of docs/iam-policy.json, no findings from fgscan itself)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, run_fgscan

EXAMPLES = ROOT / "examples" / "org-audit"
WORKFLOW = EXAMPLES / "github-workflow.yml"
TEMPLATE = EXAMPLES / "scheduled-audit.yaml"


def test_workflow_is_a_valid_github_workflow_with_pinned_actions_and_is_the_documented_one():
    proc = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = WORKFLOW.read_text()
    uses = re.findall(r"uses: (\S+)", text)
    assert len(uses) >= 6 and all(re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", u) for u in uses), uses
    assert "--shard" in text and "fgscan merge" in text and "id-token: write" in text
    assert text in (ROOT / "docs" / "audit.md").read_text()


def test_scheduled_task_template_passes_cfn_lint_and_grants_the_documented_policy():
    from cfnlint.decode import decode

    cfn_lint = Path(sys.executable).parent / "cfn-lint"  # the command installed beside this Python
    proc = subprocess.run([str(cfn_lint), str(TEMPLATE)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    template, problems = decode(str(TEMPLATE))
    assert not problems
    resources = template["Resources"]
    read_only = resources["TaskRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"]
    documented = json.loads((ROOT / "docs" / "iam-policy.json").read_text())["Statement"]
    as_sets = [
        {**s, "Action": sorted([s["Action"]] if isinstance(s["Action"], str) else s["Action"])} for s in read_only
    ]
    assert as_sets == documented
    target = resources["AuditSchedule"]["Properties"]["Targets"][0]["EcsParameters"]
    assert target["LaunchType"] == "FARGATE"
    assert target["NetworkConfiguration"]["AwsVpcConfiguration"]["AssignPublicIp"] == "DISABLED"
    command = resources["AuditTask"]["Properties"]["ContainerDefinitions"][0]["Command"][0]["Fn::Sub"]
    assert "--to-security-hub" in command and "upload_file" in command


def test_fgscan_finds_nothing_in_its_own_template():
    proc = run_fgscan("scan", str(TEMPLATE), "-f", "json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = json.loads(proc.stdout)
    assert data["findings"] == [] and data["summary"]["resources"] >= 6
