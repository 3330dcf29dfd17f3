"""Terraform plans (`terraform show -json`, hand-written in the documented format): the same findings as
the `.tf` files they come from, placed on the `.tf` lines, unknown values left unresolved, references
followed through module outputs, and the plan's own lines where no `.tf` file declares the address."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT, run_fgscan
from tests.test_terraform import FIXTURES, found, scan

EXAMPLE = EXAMPLES / "terraform"


def findings(report: dict) -> set[tuple]:
    return {(f["rule_id"], f["resource"], f["file"], f["line"], f["message"]) for f in report["findings"]}


def test_plan_and_tf_files_give_the_same_findings_on_the_same_lines():
    from_plan = scan(str(EXAMPLE / "plan.json"))
    from_tf = scan(str(EXAMPLE), "--exclude", "plan.json")
    assert findings(from_plan) == findings(from_tf)
    assert {f["file"] for f in from_plan["findings"]} == {
        "examples/terraform/main.tf",
        "examples/terraform/iam.tf",
        "examples/terraform/network.tf",
    }
    assert "FG-EXP-001" in {f["rule_id"] for f in from_plan["findings"]}


def test_a_plan_scanned_with_its_tf_files_reports_each_finding_once():
    both = scan(str(EXAMPLE))
    assert len(both["findings"]) == len(findings(both)) == len(findings(scan(str(EXAMPLE / "plan.json"))))


def test_terraform_source_names_the_folder_of_a_plan_kept_elsewhere(tmp_path):
    shutil.copy(EXAMPLE / "plan.json", tmp_path / "plan.json")
    alone = scan("plan.json", cwd=tmp_path)
    assert {f["file"] for f in alone["findings"]} == {"plan.json"}
    placed = scan("plan.json", "--terraform-source", str(EXAMPLE), cwd=tmp_path)
    assert {Path(f["file"]).name for f in placed["findings"]} == {"main.tf", "iam.tf", "network.tf"}


def test_without_tf_files_findings_sit_on_the_plan_lines_and_unknowns_stay_unknown():
    plan = FIXTURES / "plans" / "fallback" / "plan.json"
    report = scan(str(plan))
    text = plan.read_text().splitlines()
    hits = found(report)
    privileged = next(line for rule, _, _, line in hits if rule == "FG-CTR-001")
    assert text[privileged - 1].lstrip().startswith('"container_definitions"')
    exposed = [(r, line) for rule, r, _, line in hits if rule == "FG-EXP-001"]
    assert exposed == [("aws_ecs_service.app", next(n for n, t in enumerate(text, 1) if '"0.0.0.0/0"' in t))]
    # the hidden service's network is known only after apply; two unknown roles are not one shared role
    assert not [h for h in hits if h[1] == "aws_ecs_service.hidden" and h[0] == "FG-SVC-001"]
    assert "FG-TSK-002" not in {h[0] for h in hits}


def test_a_bad_plan_is_one_error_line_and_other_inputs_are_scanned(tmp_path):
    (tmp_path / "broken-plan.json").write_text('{"format_version": "1.2", "planned_values": {,}}\n')
    shutil.copy(FIXTURES / "plans" / "bad-version.json", tmp_path / "future-plan.json")
    shutil.copy(FIXTURES / "bad" / "good.tf", tmp_path / "good.tf")
    proc = run_fgscan("scan", ".", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 2
    assert sorted(proc.stderr.strip().splitlines()) == [
        "broken-plan.json:1:46: error: invalid JSON: Expecting property name enclosed in double quotes",
        "future-plan.json:2:3: error: unsupported plan format_version '2.0'; expected 1.x",
    ]
    assert [f["resource"] for f in json.loads(proc.stdout)["findings"]] == ["aws_ecs_service.fine"]


def test_odd_shapes_inside_a_plan_leave_its_resources_judged(tmp_path):
    """A plan whose configuration or changes hold another type where a list or object belongs (a hand-edited
    or foreign file) stopped with "please report it as an fgscan bug"; what is readable is still judged."""
    plan = json.loads((FIXTURES / "plans" / "fallback" / "plan.json").read_text())
    plan["configuration"]["root_module"]["resources"] = True
    plan["configuration"]["root_module"]["module_calls"] = ["x"]
    plan["resource_changes"] = {"not": "a list"}
    (tmp_path / "plan.json").write_text(json.dumps(plan, indent=1))
    proc = run_fgscan("scan", "plan.json", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stderr == ""
    assert "FG-CTR-001" in {f["rule_id"] for f in json.loads(proc.stdout)["findings"]}


def test_the_readme_shows_the_example_findings():
    readme = (ROOT / "README.md").read_text()
    report = scan(str(EXAMPLE), "--exclude", "plan.json")
    for f in report["findings"]:
        if f["severity"] == "critical":
            assert f"{f['line']}:{f['column']}" in readme and f["rule_id"] in readme
