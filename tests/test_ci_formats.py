"""The CI formats through the real CLI: JUnit XML, Markdown, GitHub workflow commands, and `--report`."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

from tests.conftest import EXAMPLES, run_fgscan

RISKY = "examples/risky-task-definition.json"
SKIPPED_TEMPLATE = """\
Resources:
  Agent:
    Type: AWS::ECS::TaskDefinition
    Metadata:
      fgscan:
        skip: [{rule: privileged-container, reason: "Needs | host devices"}]
    Properties:
      ContainerDefinitions:
        - Name: agent
          Image: public.ecr.aws/acme/agent:1.2.3
          Privileged: true
"""


def test_junit_has_a_case_per_rule_and_resource(tmp_path):
    shutil.copy(EXAMPLES / "risky-task-definition.json", tmp_path / "worker.json")
    (tmp_path / "agent.yaml").write_text(SKIPPED_TEMPLATE)
    (tmp_path / "broken.json").write_text('{"containerDefinitions": [')
    proc = run_fgscan("scan", ".", "--format", "junit", cwd=tmp_path)
    assert proc.returncode == 2  # the broken file
    root = ET.fromstring(proc.stdout)
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert int(suite.get("tests")) == len(cases)
    assert int(suite.get("failures")) == sum(c.find("failure") is not None for c in cases) > 0
    privileged = [c for c in cases if c.get("classname") == "fgscan.FG-CTR-001"]
    assert {c.get("name") for c in privileged} == {
        "privileged-container: legacy-worker:7 (worker.json)",
        "privileged-container: Agent (agent.yaml)",
    }
    failing = next(c for c in privileged if c.get("file") == "worker.json").find("failure")
    assert failing.get("type") == "critical"
    assert failing.get("message") == "Task definition 'legacy-worker:7': container 'worker' runs in privileged mode."
    assert failing.text.startswith("worker.json:16:9: critical: ")
    skipped = next(c for c in privileged if c.get("file") == "agent.yaml").find("skipped")
    assert skipped.get("message") == "suppressed: Needs | host devices"
    secrets = [c for c in cases if c.get("classname") == "fgscan.FG-CTR-005" and c.get("file") == "worker.json"]
    assert len(secrets) == 1 and secrets[0].find("failure").text.count("\n") == 1  # two findings, one case
    assert any(c.get("name").endswith(": no findings") and not list(c) for c in cases)
    [error] = [c for c in cases if c.find("error") is not None]
    assert error.get("name") == "broken.json"


def test_markdown_has_counts_findings_and_suppressed(tmp_path):
    shutil.copy(EXAMPLES / "risky-task-definition.json", tmp_path / "worker.json")
    (tmp_path / "agent.yaml").write_text(SKIPPED_TEMPLATE)
    proc = run_fgscan("scan", ".", "--format", "markdown", cwd=tmp_path)
    report = json.loads(run_fgscan("scan", ".", "--format", "json", cwd=tmp_path).stdout)
    md = proc.stdout
    total = report["summary"]["findings"]
    assert md.startswith(f"## fgscan: {total} findings\n")
    assert f"| 🟥 critical | {report['summary']['by_severity']['critical']} |" in md
    assert "| suppressed | 1 |" in md
    assert (
        "| 🟥 critical | FG-CTR-001 privileged-container | legacy-worker:7 | `worker.json:16` | Task definition "
        "'legacy-worker:7': container 'worker' runs in privileged mode. |"
    ) in md
    assert "### Suppressed (1)" in md
    assert "| Needs \\| host devices | `agent.yaml:6` |" in md
    assert (
        md.count("\n| 🟥 critical | FG-")
        + md.count("\n| 🟧 high | FG-")
        + md.count("\n| 🟨 medium | FG-")
        + md.count("\n| 🟦 low | FG-")
        == total
    )


def test_github_annotations_most_severe_first_within_caps(tmp_path):
    for i in range(12):
        shutil.copy(EXAMPLES / "risky-task-definition.json", tmp_path / f"worker{i:02}.json")
    proc = run_fgscan("scan", ".", "--format", "github", cwd=tmp_path)
    lines = proc.stdout.splitlines()
    kinds = [line.split(" ", 1)[0].split("::")[1] for line in lines]
    assert kinds.count("error") == 10 and kinds.count("warning") == 10 and kinds.count("notice") == 10
    assert kinds[:10] == ["error"] * 10
    assert all("(critical)::" in line for line in lines[:10])
    report = json.loads(run_fgscan("scan", ".", "--format", "json", cwd=tmp_path).stdout)
    total = report["summary"]["findings"]
    assert lines[-1] == (
        f"::notice title=fgscan::{total - 29} more annotations were left out (GitHub shows at most 10 "
        "errors, warnings and notices per step); see the job summary or the SARIF report."
    )


def test_github_annotation_points_at_the_offending_key_and_escapes(tmp_path):
    shutil.copy(EXAMPLES / "risky-task-definition.json", tmp_path / "odd,name.json")
    proc = run_fgscan("scan", ".", "--format", "github", cwd=tmp_path)
    privileged = next(line for line in proc.stdout.splitlines() if "FG-CTR-001" in line)
    assert privileged == (
        "::error file=odd%2Cname.json,line=16,endLine=16,col=9,endColumn=27,title=fgscan FG-CTR-001 "
        "privileged-container (critical)::Task definition 'legacy-worker:7': container 'worker' runs in privileged "
        "mode."
    )


def test_report_writes_several_formats_from_one_scan(tmp_path, sarif_schema):
    out = tmp_path / "out"
    out.mkdir()
    proc = run_fgscan(
        "scan",
        RISKY,
        "--format",
        "text",
        "--category",
        "ecs/prod",
        "--report",
        f"sarif={out / 'r.sarif'}",
        "--report",
        f"junit={out / 'r.xml'}",
        "--report",
        "github=-",
    )
    assert proc.returncode == 1
    assert "::error file=examples/risky-task-definition.json,line=16" in proc.stdout
    assert "CRITICAL FG-CTR-001 privileged-container" in proc.stdout
    assert "examples/risky-task-definition.json:16:9" in proc.stdout
    sarif = json.loads((out / "r.sarif").read_text())
    assert sarif["runs"][0]["automationDetails"]["id"] == "ecs/prod/"
    assert ET.parse(out / "r.xml").getroot().tag == "testsuites"
    bad = run_fgscan("scan", RISKY, "--report", "pdf=x.pdf")
    assert bad.returncode == 2 and bad.stderr.strip().splitlines() == [
        "fgscan: error: --report pdf=x.pdf: expected FORMAT=FILE with FORMAT one of text, json, sarif, junit, "
        "markdown, github, asff, ocsf, html"
    ]


def test_github_notices_about_suppressions_sit_on_their_lines(tmp_path):
    (tmp_path / "agent.yaml").write_text(SKIPPED_TEMPLATE.replace("privileged-container", "host-network-mode"))
    (tmp_path / ".fgscan.yaml").write_text("ignore:\n  - rule: root-user\n    reason: Old\n    expires: 2020-01-01\n")
    lines = run_fgscan("scan", ".", "--format", "github", cwd=tmp_path).stdout.splitlines()
    assert (
        "::notice file=agent.yaml,line=6,title=fgscan::stale skip: host-network-mode finds nothing on 'Agent'; "
        "remove the skip" in lines
    )
    assert any(
        line.startswith(
            "::notice file=.fgscan.yaml,line=2,title=fgscan::ignore entry (rule root-user) expired on 2020-01-01"
        )
        for line in lines
    )
