"""Every engine installed gives the same results: the Rego tests, the scan of the examples, every rule's
documented examples and a generated corpus, and hostile strings that once aborted rego-cpp."""

from __future__ import annotations

import copy
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scanner import facts
from scanner.engine import make_engine
from scanner.load import Inputs, load, load_batch
from scanner.pipeline import ScanOptions, load_rules, scan
from scanner.sources.discovery import InputFile, discover
from tests.conftest import EXAMPLES, ROOT, value_paths

NO_REGORUS = pytest.mark.skipif(not importlib.util.find_spec("regorus"), reason="no regorus")
ENGINES = [
    pytest.param("regorus-vm", marks=NO_REGORUS),
    pytest.param("regorus", marks=NO_REGORUS),
    "regopy",
    pytest.param("opa", marks=pytest.mark.skipif(shutil.which("opa") is None, reason="the opa binary is not on PATH")),
]
HOSTILE = ["C:\\ServiceMonitor.exe w3svc", "a\\nb\\u0041", 'say "hi"\\', "tab\there"]


def fgscan(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The real command line; a crashed engine shows as a negative return code or 134."""
    return subprocess.run(
        [sys.executable, "-m", "scanner", *args], cwd=cwd, capture_output=True, text=True, timeout=900, check=False
    )


def findings_key(result) -> list[tuple]:
    return sorted((f.file, f.rule_id, f.resource, f.message, f.span, f.fingerprint) for f in result.findings)


def corpus(folder: Path) -> Path:
    """Every rule's documented good and bad example, and a generated benchmark corpus, as files."""
    from scanner.rulebook import Rulebook

    for rule in Rulebook.load().rules:
        for label, body in (rule.custom.get("examples") or {}).items():
            text = body if isinstance(body, str) else json.dumps(body)
            (folder / f"{rule.name}-{label}.json").write_text(text)
    spec = importlib.util.spec_from_file_location("scan_speed", ROOT / "benchmarks" / "scan_speed.py")
    scan_speed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scan_speed)
    names = {rule.name for rule in Rulebook.load().rules}
    for n in range(12):
        (folder / f"stack{n}.yaml").write_text(scan_speed.template(n, names)[0])
    shutil.copytree(EXAMPLES, folder / "examples")
    return folder


@pytest.mark.parametrize("engine", ENGINES)
def test_every_rego_test_passes(engine):
    proc = fgscan("rules", "test", "--engine", engine)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    assert " 0 failed" in proc.stdout


@pytest.mark.parametrize("engine", [e for e in ENGINES if e != "regopy"])
def test_scan_matches_regopy(engine, tmp_path):
    folder = corpus(tmp_path)
    reference = scan([folder], ScanOptions(engine="regopy"))
    result = scan([folder], ScanOptions(engine=engine))
    assert not reference.errors and not result.errors
    assert len(reference.findings) > 150
    assert findings_key(result) == findings_key(reference)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("field", ["command", "entryPoint", "sourcePath", "name"])
def test_backslashes_and_quotes_never_abort_the_engine(engine, field, tmp_path):
    """issue 10: `"C:\\\\ServiceMonitor.exe w3svc"` in a command made rego-cpp abort the process (exit 134)."""
    container = {"name": "web", "image": "mcr.microsoft.com/iis:1", "privileged": True}
    volumes = []
    if field == "sourcePath":
        volumes = [{"name": v, "host": {"sourcePath": v}} for v in HOSTILE]
        container["mountPoints"] = [{"sourceVolume": v, "containerPath": "/x"} for v in HOSTILE]
    elif field == "name":
        container["name"] = HOSTILE[0]
    else:
        container[field] = HOSTILE
    td = {"family": "iis", "networkMode": "awsvpc", "containerDefinitions": [container], "volumes": volumes}
    (tmp_path / "td.json").write_text(json.dumps(td, indent=2))
    proc = fgscan("scan", "td.json", "--engine", engine, "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert report["errors"] == []
    privileged = [f["message"] for f in report["findings"] if f["rule"] == "privileged-container"]
    assert privileged == [f"Task definition 'iis': container '{container['name']}' runs in privileged mode."]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_lone_surrogate_reaches_no_engine(engine, tmp_path):
    """issue 10: `\\ud800` in a name raised UnicodeEncodeError in regopy (and crashes regorus): it is no Unicode
    text, so the file is a one-line error and the other files are still judged."""
    text = '{"family": "f", "containerDefinitions": [{"name": "a\\ud800b", "privileged": true}]}'
    (tmp_path / "td.json").write_text(text)
    (tmp_path / "ok.json").write_text(text.replace("\\ud800", ""))
    proc = fgscan("scan", ".", "--engine", engine, "--rule", "privileged-container", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines() == [
        "td.json:1:53: error: a string holds a lone UTF-16 surrogate escape, which is not Unicode text"
    ]
    assert "container 'ab' runs in privileged mode." in proc.stdout


@pytest.mark.parametrize("engine", [e for e in ENGINES if e != "opa"])
def test_wrong_types_in_any_field_are_judged_without_engine_errors(engine):
    """OPA and regorus stop on a built-in given the wrong type (`trim_space(null)`) or `some x in 7`; rules
    guard types, so every value of the examples replaced by another type, or left out, still evaluates."""
    rulebook, rules = load_rules(ScanOptions())
    evaluator = make_engine(engine, rulebook, [r for r in rules if not r.neighbourhood])
    resources = []
    for file in [*EXAMPLES.glob("*.json"), EXAMPLES / "web-stack.yaml"]:
        resources += load(InputFile(str(file), file.name, True), 10**7).resources
    variants = 0
    for resource in resources:
        for path in value_paths(resource.data):
            for value in (None, 7, True, {"Ref": "X"}, ["x"], {}, MISSING):
                mutant = copy.copy(resource)
                mutant.data, mutant.facts = copy.deepcopy(resource.data), {}
                _set(mutant.data, path, value)
                facts.annotate(mutant)
                evaluator.evaluate([mutant])  # raises EngineError on a type error
                variants += 1
    assert variants > 1000


MISSING = object()  # the key left out (regorus failed a whole input when a rule's head read a missing key)


@pytest.mark.skipif(not importlib.util.find_spec("regorus"), reason="no regorus")
def test_every_field_of_the_real_corpus_given_a_wrong_type_or_left_out_evaluates():
    """The same on every field any public corpus file has (one resource per field, list positions folded): a
    Docker volume configuration that is `true`, a network interface description that is an object, ... stopped
    regorus on a rule before, and cost that input its verdicts."""
    rulebook, rules = load_rules(ScanOptions())
    evaluator = make_engine("regorus", rulebook, [r for r in rules if not r.neighbourhood])
    files = list(discover([ROOT / "tests" / "corpus" / "public"], [], [], None, set()))
    fields: dict[tuple, tuple] = {}
    for loaded in load_batch(files, 10**7, Inputs({}, [])):
        for resource in loaded.resources:
            for path in value_paths(resource.data):
                shape = (resource.kind, *("#" if isinstance(step, int) else step for step in path))
                fields.setdefault(shape, (resource, path))
    assert len(fields) > 1000
    for resource, path in fields.values():
        for value in (None, 7, True, {"Ref": "X"}, ["x"], {}, MISSING):
            mutant = copy.copy(resource)
            mutant.data, mutant.facts = copy.deepcopy(resource.data), {}
            _set(mutant.data, path, value)
            facts.annotate(mutant)
            evaluator.evaluate([mutant])  # raises EngineError naming the rule and the line


def _set(data, path, value):
    for step in path[:-1]:
        data = data[step]
    if value is MISSING:
        del data[path[-1]]
    else:
        data[path[-1]] = value
