"""Rule inputs cross to the engine as orjson's text only where every JSON reader reads it as the standard
library's text; what orjson would write differently goes as the standard library writes it."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from scanner import exposure
from scanner.engine import rego_input
from scanner.engine.json_text import answer_value, input_text
from scanner.load import Inputs, load_batch
from scanner.pipeline import ScanOptions, linked, scan
from scanner.sources.discovery import discover
from tests.conftest import EXAMPLES, ROOT


@pytest.mark.parametrize("corpus", [EXAMPLES, ROOT / "tests" / "corpus" / "public", ROOT / "tests" / "fixtures"])
def test_every_rule_input_of_a_corpus_reads_back_as_the_standard_librarys(corpus: Path) -> None:
    loaded = load_batch(list(discover([corpus], [], [])), 10**8, Inputs())
    items = [rego_input(r) for item in loaded for r in item.resources]
    items += [h.input for h in exposure.neighbourhoods(linked(loaded), False)]
    assert len(items) > 40
    for item in items:
        assert json.loads(input_text(item)) == json.loads(json.dumps(item))


@pytest.mark.parametrize(
    "value",
    [
        {1: "a key that is no string"},
        {"size": 2**70},
        {"name": "\ud800"},  # a lone surrogate
    ],
)
def test_what_orjson_would_write_differently_is_written_by_the_standard_library(value: dict) -> None:
    assert input_text(value) == json.dumps(value)


def test_values_json_cannot_hold_still_fail_as_before() -> None:
    with pytest.raises(TypeError):
        input_text({"registeredAt": datetime.datetime(2026, 1, 1)})


def test_answers_orjson_refuses_are_read_by_the_standard_library() -> None:
    assert answer_value('{"deny": [{"msg": "\\ud800", "n": 123456789012345678901234567890}]}') == {
        "deny": [{"msg": "\ud800", "n": 123456789012345678901234567890}]
    }


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "task.json",
            '{"family": "web", "cpu": NaN, "memory": Infinity, "containerDefinitions": [{"name": "app", '
            '"image": "nginx", "memory": -Infinity}]}',
        ),
        (
            "task.yaml",
            "family: web\ncpu: 1e999\nmemory: -1e999\ncontainerDefinitions:\n  - name: app\n    image: nginx\n",
        ),
    ],
)
def test_numbers_json_cannot_hold_reach_the_rules_as_text(tmp_path: Path, name: str, text: str) -> None:
    """A number JSON has no way to write (`Infinity`, `NaN`, YAML's `1e999`) is read as its text, so the rules
    judge the input (the engines refuse `NaN` in JSON; orjson would write `null`)."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    [loaded] = load_batch(list(discover([tmp_path], [], [])), 10**8, Inputs())
    [resource] = loaded.resources
    assert {k: resource.data[k] for k in ("cpu", "memory")} in (
        {"cpu": "nan", "memory": "inf"},
        {"cpu": "inf", "memory": "-inf"},
    )
    item = rego_input(resource)
    assert json.loads(input_text(item)) == item
    result = scan([tmp_path], ScanOptions())
    assert not result.errors
    assert result.findings
