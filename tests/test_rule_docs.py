"""Generated rule documentation (docs/rules.md, the README table) and the rules' own examples."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scanner import facts
from scanner.config import read_config
from scanner.engine.regopy_engine import RegopyEngine
from scanner.facts import iam as iam_facts
from scanner.graph import Graph
from scanner.model import Resource, Severity
from scanner.rule_docs import BEGIN, END, REGENERATE, readme_table, rules_markdown, update_readme
from scanner.rulebook import Rule, Rulebook
from tests.conftest import EXAMPLES, ROOT, run_fgscan

RULES = Rulebook.load().rules


def make_rule(number: int, area: str) -> Rule:
    return Rule(
        id=f"FG-{area}-{number:03d}",
        name=f"rule-{area.lower()}-{number}",
        title=f"Title | {number}",
        description="d",
        severity=list(Severity)[number % 4],
        kinds=("ecs_service",),
        package=f"p{number}",
        file=Path(f"r{number}.rego"),
        frameworks={"aws-fsbp": (f"ECS.{number}",), "acme": ("A-1",)},
    )


def test_docs_rules_md_is_current():
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_markdown(RULES), f"docs/rules.md is out of date: run `{REGENERATE}` in the repository"


def test_readme_rule_table_is_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert BEGIN in readme and END in readme, f"README.md lacks the rule table markers: run `{REGENERATE}`"
    between = readme.split(BEGIN, 1)[1].split(END, 1)[0]
    assert between == f"\n{readme_table(RULES)}\n", f"README.md's rule table is out of date: run `{REGENERATE}`"


def test_every_rule_is_listed_with_its_severity_area_and_mappings():
    text = rules_markdown(RULES)
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    for rule in RULES:
        row = next(line for line in text.splitlines() if line.startswith(f"| {rule.id} |"))
        assert f"[`{rule.name}`](#{rule.name})" in row and f"| {rule.severity.value} |" in row
        for codes in rule.frameworks.values():
            assert ", ".join(codes) in row
        assert f'<a id="{rule.name}"></a>' in text
        section = text[: text.index(row)]
        assert re.findall(r"^## (.+)$", section, re.MULTILINE)[-1] in headings
    assert len(RULES) >= 1 and f"{len(RULES)} rules (" in text


def test_generator_handles_any_number_of_rules_and_unknown_areas():
    rules = [make_rule(n, area) for n in range(1, 101) for area in ("SVC", "CTR", "ZZZ")]
    text = rules_markdown(rules)
    assert text.count("\n| FG-") == 300
    assert [h for h in re.findall(r"^## (.+)$", text, re.MULTILINE)] == [
        "Container",
        "Service, task set and cluster",
        "Other",
        "Rule details",
    ]
    assert "| AWS FSBP | acme |" in text and "Title \\| 7" in text
    table = readme_table(rules)
    assert table.count("\n| [FG-") == 300 and table.startswith("300 rules;")
    assert rules_markdown([]).startswith("# fgscan rules")


def test_readme_update_touches_only_the_markers():
    table = readme_table(RULES[:2])
    bare = "# fgscan\n\nIntro.\n"
    added = update_readme(bare, table)
    assert added == f"# fgscan\n\nIntro.\n\n## Rules\n\n{BEGIN}\n{table}\n{END}\n"
    edited = added.replace("Intro.", "Intro, edited.") + "\n## Later section\n"
    updated = update_readme(edited, readme_table(RULES))
    assert updated.startswith("# fgscan\n\nIntro, edited.\n\n## Rules\n\n")
    assert updated.endswith(f"{END}\n\n## Later section\n")
    assert update_readme(updated, readme_table(RULES)) == updated


def test_rules_docs_command_writes_and_checks(tmp_path):
    out, readme = tmp_path / "docs" / "rules.md", tmp_path / "README.md"
    readme.write_text("# Project\n")
    proc = run_fgscan("rules", "docs", "--output", str(out), "--readme", str(readme))
    assert proc.returncode == 0 and proc.stdout.splitlines() == [f"wrote {out}", f"wrote {readme}"]
    assert out.read_text() == rules_markdown(RULES)
    assert run_fgscan("rules", "docs", "--output", str(out), "--readme", str(readme), "--check").returncode == 0
    readme.write_text(readme.read_text().replace("| critical |", "| low |", 1))
    stale = run_fgscan("rules", "docs", "--output", str(out), "--readme", str(readme), "--check")
    assert stale.returncode == 1
    assert stale.stderr == f"{readme} is out of date: run `{REGENERATE}`\n"
    module = subprocess.run(
        [sys.executable, "-m", "scanner.rule_docs", "--output", str(out), "--readme", str(readme)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert module.returncode == 0 and module.stdout == f"wrote {readme}\n"


def test_custom_rules_doc_shows_the_real_example_files():
    doc = (ROOT / "docs" / "custom-rules.md").read_text(encoding="utf-8")
    for name in ("required_labels.rego", "required_labels_test.rego", "data.json"):
        assert (EXAMPLES / "custom-rules" / name).read_text() in doc, f"docs/custom-rules.md lacks {name}"


def test_readme_shows_the_real_custom_rule_and_its_test():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("required_labels.rego", "required_labels_test.rego"):
        assert (EXAMPLES / "custom-rules" / name).read_text() in readme, f"README.md lacks {name}"


def test_custom_rules_doc_config_example_is_valid_and_covers_every_key(tmp_path):
    doc = (ROOT / "docs" / "custom-rules.md").read_text(encoding="utf-8")
    example = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    shutil.copytree(EXAMPLES / "custom-rules", tmp_path / "examples" / "custom-rules")
    (tmp_path / ".fgscan.yaml").write_text(example)
    config = read_config(tmp_path / ".fgscan.yaml")
    assert config.rule_dirs == [tmp_path / "examples" / "custom-rules"] and config.ignore[0].reason
    config.check(Rulebook.load(config.rule_dirs))
    schema = json.loads((ROOT / "scanner" / "config_schema.json").read_text())
    for key in schema["properties"]:
        assert f"`{key}`" in doc or f"`{key}." in doc, f"docs/custom-rules.md does not describe {key}"


EXAMPLE_RULES = [r for r in RULES if r.custom.get("examples")]


def test_every_per_resource_rule_has_examples():
    """Neighbourhood (exposure) rules take a whole service neighbourhood; docs/exposure.md shows them. A rule
    off unless a parameter is configured (`off_unless_configured`) has no bad example under the defaults."""
    missing = [
        r.name
        for r in RULES
        if not r.neighbourhood and not r.custom.get("examples") and not r.custom.get("off_unless_configured")
    ]
    assert not missing, f"custom.examples missing in {missing}"


@pytest.fixture(scope="module")
def example_engine() -> RegopyEngine:
    return RegopyEngine(Rulebook.load(), EXAMPLE_RULES)


@pytest.mark.parametrize("rule", EXAMPLE_RULES, ids=[r.name for r in EXAMPLE_RULES])
def test_a_rules_bad_example_is_reported_and_its_good_example_is_not(rule, example_engine):
    engine = example_engine
    for which, reported in (("bad", True), ("good", False)):
        value = rule.custom["examples"].get(which)
        assert value is not None, f"{rule.file}: custom.examples lacks {which}"
        data = json.loads(value) if isinstance(value, str) else value
        resource = Resource(kind=rule.kinds[0], name="example", data=data, file="example.json")
        facts.annotate(resource)
        if resource.kind == "iam_role":  # as the task and execution role of a task definition
            task = Resource(
                kind="ecs_task_definition",
                name="example-task",
                data={},
                file="example.json",
                links={"task_role": "example", "execution_role": "example"},
            )
            iam_facts.link_usage(Graph([task, resource]))
        (denies,) = engine.evaluate([resource])
        assert bool(denies.get(rule.id)) is reported, f"{rule.file}: the {which} example is {'not ' * reported}reported"
