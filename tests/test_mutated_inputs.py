"""Real public inputs (tests/corpus/public), each mutated as hand-edited and generated files are: a value made
`null`, wrapped in `Fn::If` with `AWS::NoValue`, replaced by a reference, another intrinsic function or another
type. Whatever the shape, a scan ends with findings and one-line errors, never a traceback, an "fgscan bug" or an
input left unjudged by the engine, and regorus's VM gives the findings its interpreter gives. Seeded, so a
failure names a mutant that can be re-made."""

from __future__ import annotations

import importlib.util
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from scanner.pipeline import Scanner, ScanOptions, scan
from scanner.sources.documents import parse, read_text
from tests.conftest import ROOT, value_paths

CORPUS = ROOT / "tests" / "corpus" / "public"
MUTANTS = 120  # per seed

MUTATIONS: list[Callable[[Any], Any]] = [
    lambda v: None,
    lambda v: {"Fn::If": ["IsProd", v, {"Ref": "AWS::NoValue"}]},
    lambda v: {"Fn::If": ["IsProd", {"Ref": "AWS::NoValue"}, v]},
    lambda v: {"Ref": "SomeParam"},
    lambda v: {"Ref": {"Fn::Sub": "x"}},
    lambda v: [v],
    lambda v: {"x": v},
    lambda v: 12345,
    lambda v: True,
    lambda v: "",
    lambda v: {"Fn::Sub": "${AWS::Region}-x"},
    lambda v: {"Fn::Join": ["", [v, "x"]]},
    lambda v: {"Fn::Select": [0, {"Fn::Split": [",", {"Ref": "SomeParam"}]}]},
    lambda v: {"Fn::GetAtt": ["Nowhere", "Arn"]},
    lambda v: {"Fn::ImportValue": "x"},
    lambda v: {"Fn::FindInMap": ["M", "a", "b"]},
]


def corpus_documents() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in (".json", ".yaml", ".yml", ".template") and p.is_file())


def mutant(data: Any, rng: random.Random) -> Any:
    """`data` with one to three values replaced; a template also gets the condition and parameter it names."""
    for _ in range(rng.randint(1, 3)):
        found = list(value_paths(data))
        if not found:
            break
        path = rng.choice(found)
        holder = data
        for step in path[:-1]:
            holder = holder[step]
        holder[path[-1]] = rng.choice(MUTATIONS)(holder[path[-1]])
    if isinstance(data, dict) and "Resources" in data:
        data["Conditions"] = {
            **(data["Conditions"] if isinstance(data.get("Conditions"), dict) else {}),
            "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
        }
        data["Parameters"] = {
            **(data["Parameters"] if isinstance(data.get("Parameters"), dict) else {}),
            "Env": {"Type": "String", "Default": "prod"},
        }
    return data


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_mutated_real_inputs_are_judged_without_a_fault(seed, tmp_path):
    rng = random.Random(seed)
    files = corpus_documents()
    scanner = Scanner(ScanOptions(jobs=1))
    made = 0
    while made < MUTANTS:
        source = rng.choice(files)
        try:
            data = parse(
                read_text(source, source.name), source.name, "json" if source.suffix == ".json" else "yaml"
            ).data
        except Exception:  # a look-alike that is not JSON or YAML: not this test's subject
            continue
        if not isinstance(data, dict | list):
            continue
        target = tmp_path / f"mutant-{made}.json"
        target.write_text(json.dumps(mutant(data, rng), indent=1, default=str))
        result = scanner.scan([target])
        faults = [e.message for e in result.errors if "fgscan bug" in e.message or "not evaluated" in e.message]
        assert faults == [], f"seed {seed}, mutant {made} of {source.relative_to(CORPUS)}"
        made += 1
    if importlib.util.find_spec("regorus"):  # the default engine, regorus's VM, judges them as its interpreter does
        vm, interpreter = (scan([tmp_path], ScanOptions(engine=e, jobs=1)) for e in ("regorus-vm", "regorus"))
        assert len(vm.findings) > 100
        assert sorted(map(repr, vm.findings)) == sorted(map(repr, interpreter.findings))
