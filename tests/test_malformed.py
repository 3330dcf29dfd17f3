"""Malformed shapes (a list where an object belongs, a number for a name, ...) never crash a scan."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from scanner import exposure
from scanner.pipeline import ScanOptions, _Evaluator, load_rules
from scanner.sources.documents import parse
from tests.conftest import EXAMPLES

REPLACEMENTS = (None, 7, "x", [], {}, [None], {"k": "v"}, True)


@pytest.fixture(scope="module")
def evaluator():
    rulebook, rules = load_rules(ScanOptions())
    local = [r for r in rules if not r.neighbourhood]
    return _Evaluator(rulebook, local, "regopy", collect=True), rulebook, [r for r in rules if r.neighbourhood]


def paths(node, prefix=()):
    if prefix:
        yield prefix
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in children:
        yield from paths(value, (*prefix, key))


def replaced(data, path, value):
    copied = copy.deepcopy(data)
    node = copied
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return copied


@pytest.mark.parametrize("example", ["risky-task-definition.json", "web-stack.yaml", "aws-cli/security-groups.json"])
def test_every_value_replaced_by_a_wrong_type_scans_without_crashing(tmp_path: Path, evaluator, example):
    engine, rulebook, neighbourhood_rules = evaluator
    text = (EXAMPLES / example).read_text()
    data = parse(text, example, "yaml").data if example.endswith(".yaml") else json.loads(text)
    case = tmp_path / "case.json"
    for n, path in enumerate(paths(data)):
        value = REPLACEMENTS[n % len(REPLACEMENTS)]
        case.write_text(json.dumps(replaced(data, path, value)))
        _, errors, _, _, _, nodes, _ = engine.run([(str(case), "case.json", True)], 10**7)
        assert not [e for e in errors if "fgscan bug" in e.message], (path, value, errors)
        if nodes and n % 10 == 0:
            exposure.run(nodes, rulebook, neighbourhood_rules, "regopy", False)
