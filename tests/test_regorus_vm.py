"""regorus's VM, the default engine: the fault it has, the guard that makes it agree with the interpreter, its
compiled-program cache, and the inputs it hands to the interpreter."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

pytest.importorskip("regorus")

import regorus

from scanner import exposure
from scanner.engine import make_engine
from scanner.engine.interface import rego_input
from scanner.engine.regorus_vm import KEEP, compiled, guard_assignments
from scanner.evaluate import Evaluation
from scanner.load import Inputs, load_batch
from scanner.pipeline import ScanOptions, linked, load_rules, scan
from scanner.sources.discovery import discover
from tests.conftest import EXAMPLES, ROOT

HEAD = "package t\n\nimport rego.v1\n\n"
# Each `x := expr` whose expr is undefined for one item: Rego drops that item, regorus 0.13's VM keeps it.
UNDEFINED_ASSIGNMENTS = {
    "set rule": 'deny contains {"m": k} if { c := input.cs[_]; k := c.memory }',
    "helper set": 'mems contains k if { c := input.cs[_]; k := c.memory }\ndeny contains {"m": count(mems)} if true',
    "comprehension": 'deny contains {"m": ks} if { ks := [k | c := input.cs[_]; k := c.memory] }',
    "object comprehension": 'deny contains {"m": o} if { o := {n: k | c := input.cs[_]; n := c.name; k := c.memory} }',
    "function": 'mem(c) := m if m := c.memory\ndeny contains {"m": k} if { some c in input.cs; k := mem(c) }',
    "partial function": (
        'kind(c) := "big" if c.memory > 3\ndeny contains {"m": ks} if ks := [k | k := kind(input.cs[_])]'
    ),
}
INPUT = {"cs": [{"name": "a"}, {"name": "b", "memory": 5}]}


def vm_result(modules: dict[str, str], entry: str = "data.t.deny") -> object:
    vm = regorus.Rvm()
    vm.load_program(regorus.Program.compile_from_modules("{}", list(modules.items()), [entry]))
    vm.set_data_json("{}")
    vm.set_input_json(json.dumps(INPUT))
    return json.loads(vm.execute())


def interpreter_result(modules: dict[str, str], entry: str = "data.t.deny") -> object:
    engine = regorus.Engine()
    for name, source in modules.items():
        engine.add_policy(name, source)
    engine.set_input(INPUT)
    return json.loads(engine.eval_rule_as_json(entry))


@pytest.mark.parametrize("case", sorted(UNDEFINED_ASSIGNMENTS))
def test_guard_makes_the_vm_drop_undefined_assignments(case):
    """The unguarded VM keeps the undefined item (when a regorus release fixes that, this fails: drop the guard,
    see scanner/engine/regorus_vm.py); guarded, it agrees with the interpreter."""
    modules = {"t.rego": HEAD + UNDEFINED_ASSIGNMENTS[case] + "\n"}
    expected = interpreter_result(modules)
    assert vm_result(modules) != expected
    assert vm_result(guard_assignments(modules)) == expected


def test_guard_braces_one_statement_bodies_and_keeps_the_rest():
    source = HEAD + "f(x) := y if y := x.a\n\ng(x) := 1 if {\n\tz := x # a comment := here\n\tz.a\n}\n"
    source += "h(x) := a if { [a, _, b] := x; b }\n"
    guarded = guard_assignments({"t.rego": source})["t.rego"]
    assert "f(x) := y if { y := x.a; y == y }" in guarded
    assert "[a, _, b] := x; a == a; b == b; b }" in guarded
    assert "\tz := x; z == z # a comment := here\n\tz.a\n" in guarded
    assert guarded.count(":=") == source.count(":=")


def rule_inputs(folders: list[Path]) -> list[dict]:
    """Every rule input a scan of `folders` evaluates: resources and service neighbourhoods."""
    files = list(discover(folders, [], [], None, set()))
    loaded = load_batch(files, 10**7, Inputs())
    graph = linked(loaded)
    hoods = [h.input for worst in (False, True) for h in exposure.neighbourhoods(graph, worst)]
    return [*map(rego_input, graph.resources), *hoods]


def test_vm_agrees_with_the_interpreter_on_every_real_input(tmp_path, monkeypatch):
    """Every resource and neighbourhood of the public corpus, the fixtures and the examples, one engine per kind
    as large scans have, compiled and then read back from the cache; no engine may fall back to the
    interpreter for lack of a compiled program."""
    monkeypatch.setenv("FGSCAN_CACHE_DIR", str(tmp_path))
    inputs = rule_inputs([ROOT / "tests" / "corpus" / "public", ROOT / "tests" / "fixtures", EXAMPLES])
    assert len(inputs) > 3000
    rulebook, rules = load_rules(ScanOptions())
    expected = Evaluation(rulebook, rules, "regorus").evaluate(inputs, per_kind=True)
    written: dict[Path, int] = {}
    for run in ("compiled", "from the cache"):
        vm = Evaluation(rulebook, rules, "regorus-vm")
        assert vm.evaluate(inputs, per_kind=True) == expected, run
        engines = [e for e in vm._engines.values() if e is not None]
        assert len(engines) >= 8 and all(e.vm is not None for e in engines)  # type: ignore[attr-defined]
        programs = {file: file.stat().st_mtime_ns for file in tmp_path.glob("rvm-*.bin")}
        assert len(programs) >= 8 and programs == (written or programs)  # the second run wrote nothing
        written = programs


def test_compiled_programs_are_cached_and_only_sound_trusted_files_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("FGSCAN_CACHE_DIR", str(tmp_path))
    modules = {"t.rego": HEAD + UNDEFINED_ASSIGNMENTS["set rule"] + "\n"}
    compiled(modules, "{}", ["data.t.deny"])
    [file] = tmp_path.glob("rvm-*.bin")
    written = file.stat().st_mtime_ns
    os.utime(file, ns=(written - 10**9, written - 10**9))
    compiled(modules, "{}", ["data.t.deny"])
    assert file.stat().st_mtime_ns == written - 10**9  # read back, not compiled and written again

    file.write_bytes(b"not a program")
    program = compiled(modules, "{}", ["data.t.deny"])
    assert file.read_bytes() != b"not a program"
    vm = regorus.Rvm()
    vm.load_program(program)
    vm.set_data_json("{}")
    vm.set_input_json(json.dumps(INPUT))
    assert json.loads(vm.execute()) == [{"m": 5}]

    file.chmod(file.stat().st_mode | stat.S_IWGRP | stat.S_IWOTH)  # anyone may have replaced it: not used
    compiled(modules, "{}", ["data.t.deny"])
    assert not file.stat().st_mode & 0o022


def test_an_input_beyond_the_vms_instruction_limit_is_judged_by_the_interpreter():
    """regorus's VM stops after 25,000 instructions (a task definition of 50 containers, say); the interpreter
    then judges the input, with the same findings as always."""
    rulebook, rules = load_rules(ScanOptions())
    chosen = [r for r in rules if "ecs_task_definition" in r.kinds and not r.neighbourhood]
    containers = [{"name": f"c{i}", "image": "nginx", "privileged": True} for i in range(60)]
    item = {"kind": "ecs_task_definition", "name": "big", "facts": {}, "links": {}}
    item["resource"] = {"family": "big", "containerDefinitions": containers}
    engine = make_engine("regorus-vm", rulebook, chosen)
    engine.vm.set_input_json(json.dumps(item))  # type: ignore[attr-defined]
    with pytest.raises(RuntimeError, match="instruction limit"):
        engine.vm.execute_entry_point("data.fgscan.main.ecs_task_definition")  # type: ignore[attr-defined]
    [result] = engine.evaluate_inputs([item])
    assert result == make_engine("regorus", rulebook, chosen).evaluate_inputs([item])[0]
    privileged = next(r for r in chosen if r.name == "privileged-container")
    assert len(result[privileged.id]) == 60


def test_workers_judge_inputs_the_vm_cannot_take_as_this_process_does(tmp_path):
    """Workers get inputs as JSON text and answer with the VM's JSON; an input beyond the VM's limit is
    decoded and judged by the interpreter there, with the same findings as a run without workers."""
    for n in range(130):
        count = 60 if n == 7 else 1
        containers = [{"name": f"c{i}", "image": "nginx", "privileged": True} for i in range(count)]
        (tmp_path / f"td{n}.json").write_text(json.dumps({"family": f"f{n}", "containerDefinitions": containers}))
    serial = scan([tmp_path], ScanOptions(jobs=1))
    parallel = scan([tmp_path], ScanOptions(jobs=2))
    assert not serial.errors and not parallel.errors
    key = sorted((f.file, f.rule_id, f.message, f.span) for f in serial.findings)
    assert key == sorted((f.file, f.rule_id, f.message, f.span) for f in parallel.findings)
    big = [f for f in parallel.findings if f.file.endswith("td7.json") and f.rule_name == "privileged-container"]
    assert len(big) == 60


def test_the_cache_keeps_only_the_newest_programs(tmp_path, monkeypatch):
    monkeypatch.setenv("FGSCAN_CACHE_DIR", str(tmp_path))
    for n in range(KEEP + 5):
        old = tmp_path / f"rvm-old{n:04d}.bin"
        old.write_bytes(b"x")
        os.utime(old, ns=(10**18 + n * 10**9, 10**18 + n * 10**9))
    compiled({"t.rego": HEAD + "deny contains {} if false\n"}, "{}", ["data.t.deny"])
    kept = sorted(f.name for f in tmp_path.glob("rvm-*.bin"))
    assert len(kept) == KEEP and sum(not name.startswith("rvm-old") for name in kept) == 1  # the new program
    assert "rvm-old0005.bin" not in kept and "rvm-old0006.bin" in kept  # the six oldest went
