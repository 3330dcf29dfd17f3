"""Both engines, the per-resource evaluation, and large scans spread over processes."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from scanner.engine import rego_input
from scanner.evaluate import Evaluation, Failed
from scanner.exposure import neighbourhoods
from scanner.graph import Graph
from scanner.load import load_batch
from scanner.pipeline import Inputs, ScanOptions, load_rules, scan
from scanner.sources.discovery import discover
from tests.conftest import EXAMPLES, run_fgscan

needs_opa = pytest.mark.skipif(shutil.which("opa") is None, reason="the opa binary is not on PATH")


def findings_key(result) -> list[tuple]:
    return sorted((f.file, f.rule_id, f.resource, f.message, f.span, f.fingerprint) for f in result.findings)


def test_quotes_and_backslashes_in_names_survive_evaluation(tmp_path):
    """rego-cpp renders `"` unescaped in its JSON output; results must still be read exactly."""
    name = 'we"ird\\name'
    (tmp_path / "td.json").write_text(
        json.dumps({"family": "f", "containerDefinitions": [{"name": name, "privileged": True}]})
    )
    proc = run_fgscan("scan", "td.json", "--rule", "privileged-container", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    [finding] = json.loads(proc.stdout)["findings"]
    assert f"container '{name}' runs in privileged mode" in finding["message"]


def test_parallel_scan_matches_serial_scan(tmp_path):
    risky = json.loads((EXAMPLES / "risky-task-definition.json").read_text())
    for i in range(130):
        body = json.loads(json.dumps(risky))
        body["taskDefinition"]["family"] = f"worker-{i}"
        (tmp_path / f"td{i:03}.json").write_text(json.dumps(body, indent=1 + i % 3))
    shutil.copy(EXAMPLES / "web-stack.yaml", tmp_path)
    serial = scan([tmp_path], ScanOptions(jobs=1))
    parallel = scan([tmp_path], ScanOptions(jobs=2))
    assert serial.files_scanned == parallel.files_scanned == 131
    assert len(serial.findings) > 130
    assert findings_key(serial) == findings_key(parallel)


@needs_opa
def test_opa_engine_gives_the_same_findings_as_regopy():
    regopy = scan([EXAMPLES], ScanOptions(engine="regopy"))
    opa = scan([EXAMPLES], ScanOptions(engine="opa"))
    assert findings_key(regopy) == findings_key(opa)


@needs_opa
def test_rego_tests_pass_on_opa():
    proc = run_fgscan("rules", "test", "--engine", "opa")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_opa_engine_without_the_binary_is_a_clear_error(tmp_path, monkeypatch):
    if shutil.which("opa"):
        pytest.skip("opa is installed here")
    (tmp_path / "td.json").write_text(json.dumps({"family": "f", "containerDefinitions": [{"name": "a"}]}))
    proc = run_fgscan("scan", "td.json", "--engine", "opa", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "fgscan: error: the opa engine needs the `opa` binary on PATH"


def test_every_resource_is_evaluated_on_its_own(tmp_path: Path):
    """Two task definitions in one file: each finding names its own resource."""
    (tmp_path / "tds.json").write_text(
        json.dumps(
            [
                {"family": "a", "containerDefinitions": [{"name": "x", "privileged": True}]},
                {"family": "b", "containerDefinitions": [{"name": "y", "privileged": False}]},
                {"family": "c", "containerDefinitions": [{"name": "z", "privileged": True}]},
            ],
            indent=2,
        )
    )
    result = scan([tmp_path], ScanOptions(include=["privileged-container"]))
    assert sorted(f.resource for f in result.findings) == ["a", "c"]


def test_exposure_pass_over_many_services_matches_in_parallel_and_serial(tmp_path):
    stack = (EXAMPLES / "web-stack.yaml").read_text()
    for i in range(205):  # over the exposure pass's threshold for worker processes
        (tmp_path / f"stack{i:03}.yaml").write_text(stack)
    serial = scan([tmp_path], ScanOptions(jobs=1))
    parallel = scan([tmp_path], ScanOptions(jobs=2))
    exposure = [f for f in serial.findings if f.rule_id.startswith("FG-EXP-")]
    assert len({f.file for f in exposure}) == 205
    assert findings_key(serial) == findings_key(parallel)


@pytest.mark.parametrize("engine", ["regorus-vm", "regorus", "regopy"])
def test_one_engine_per_kind_judges_as_one_engine_for_all_kinds(engine):
    """Large runs give each kind its own engine, small ones share one: the deny sets are the same."""
    corpus = [EXAMPLES, EXAMPLES.parent / "tests" / "corpus" / "public" / "cloudformation"]
    files = list(discover(corpus, [], [], None, set()))
    resources = [r for loaded in load_batch(files, 10_000_000, Inputs({}, [])) for r in loaded.resources]
    rulebook, rules = load_rules(ScanOptions())
    items = [rego_input(r) for r in resources] + [h.input for h in neighbourhoods(Graph(resources), False)]
    assert len({item["kind"] for item in items}) >= 6 and any("neighbourhood" in item for item in items)
    shared = Evaluation(rulebook, rules, engine).evaluate(items, per_kind=False)
    separate = Evaluation(rulebook, rules, engine).evaluate(items, per_kind=True)
    assert sum(len(v) for denies in shared for v in denies.values()) > 100
    assert separate == shared


TRIPPING_RULE = """\
# METADATA
# title: Trips the engine on a number
# description: Calls a string built-in on whatever the family is.
# scope: package
# custom:
#   id: TEST-001
#   name: trips-the-engine
#   severity: low
#   rationale: A test of one rule's engine error.
#   kinds: [ecs_task_definition]
#   remediation: None.
#   references: [https://example.com]
#   examples:
#     bad: '{"family": 7}'
#     good: '{"family": "web"}'
package test.rules.trips

import rego.v1

deny contains finding if {
	finding := {"msg": trim_space(input.resource.family), "path": ["family"]}
}
"""


@pytest.mark.skipif(not importlib.util.find_spec("regorus"), reason="no regorus")
def test_a_rule_that_trips_the_engine_costs_only_its_own_verdict(tmp_path):
    """regorus stops a whole query on one rule's error (a built-in given the wrong type, or its
    'not an object' on an undefined head): the input's other rules are then run alone and keep theirs.
    (regorus's VM takes such a built-in call as undefined, as OPA does without strict errors; custom rules
    run on the interpreter.)"""
    (tmp_path / "trips.rego").write_text(TRIPPING_RULE)
    rulebook, rules = load_rules(ScanOptions(rule_dirs=[tmp_path]))
    chosen = [r for r in rules if r.name in ("privileged-container", "trips-the-engine")]
    task = {"family": 7, "containerDefinitions": [{"name": "app", "privileged": True}]}
    item = {"kind": "ecs_task_definition", "name": "td", "resource": task, "facts": {}, "links": {}}
    fine = {**item, "resource": {**task, "family": "web"}}
    outcome, judged = Evaluation(rulebook, chosen, "regorus").evaluate([item, fine])
    assert isinstance(outcome, Failed) and outcome.rules == ("trips-the-engine",)
    assert "trim_space" in outcome.reason or "string" in outcome.reason
    privileged = next(r.id for r in chosen if r.name == "privileged-container")
    assert [e["path"] for e in outcome.denies[privileged]] == [["containerDefinitions", 0, "privileged"]]
    assert set(judged) == {r.id for r in chosen}
