"""`fgscan rules test`: run every Rego `test_` rule beside the rules, on either engine.

rego-cpp mishandles `with input as {...}` when the rule under test calls a built-in, so tests
mock the parts of the input instead (`with input.resource as {...} with input.facts as {...}`),
which OPA runs identically. A `_test.rego` file without `test_` rules is a test library (shared
fixtures, such as `rules/lib/fixtures_test.rego`): it is loaded beside every test file, as `opa test` does.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

from scanner.engine import EngineError, interpreting, opa_path
from scanner.rulebook import Rulebook

if TYPE_CHECKING:
    import regopy

_TEST = re.compile(r"^(test_\w+)\s+if\b", re.MULTILINE)
_PACKAGE = re.compile(r"^package\s+([\w.]+)", re.MULTILINE)


class TestOutcome(Struct, frozen=True):
    """One Rego test's result."""

    file: Path
    name: str
    passed: bool
    error: str = ""


def run_tests(rulebook: Rulebook, engine: str = "regopy", only: list[Path] | None = None) -> list[TestOutcome]:
    """Every test in the rulebook's `_test.rego` files, or only in those under the folders `only` (a custom
    rule folder's own tests, run beside every rule and test library)."""
    if engine == "opa":
        outcomes = _run_opa(rulebook)
    else:
        suite = _Suite.of(rulebook, only)
        outcomes = suite.broken + (
            _run_regorus(rulebook, suite) if interpreting(engine) == "regorus" else _run_regopy(rulebook, suite)
        )
    if only is None:
        return outcomes
    folders = [folder.resolve() for folder in only]
    return [o for o in outcomes if any(o.file.resolve().is_relative_to(folder) for folder in folders)]


class _Suite(Struct):
    """The rule modules with the test libraries (`_test.rego` files without tests, loaded beside every test
    file as `opa test` does), the test files to run, and those that cannot run."""

    rules: dict[str, str]
    libraries: dict[str, str]
    files: list[tuple[Path, str, str, list[str]]]  # file, text, package, test names
    broken: list[TestOutcome]

    @classmethod
    def of(cls, rulebook: Rulebook, only: list[Path] | None) -> _Suite:
        rules = {str(p): rulebook.source(p) for p in rulebook.modules}
        tests = {p: p.read_text(encoding="utf-8") for p in rulebook.test_files}
        libraries = {str(p): text for p, text in tests.items() if _PACKAGE.search(text) and not _TEST.search(text)}
        folders = [folder.resolve() for folder in only or []]
        files, broken = [], []
        for test_file, text in tests.items():
            if str(test_file) in libraries or (
                folders and not any(test_file.resolve().is_relative_to(f) for f in folders)
            ):
                continue
            package, names = _PACKAGE.search(text), _TEST.findall(text)
            if package and names:
                files.append((test_file, text, package.group(1), list(dict.fromkeys(names))))
            else:
                broken.append(TestOutcome(test_file, "(file)", False, "no package or no test_ rules"))
        return cls(rules, libraries, files, broken)


def _run_regopy(rulebook: Rulebook, suite: _Suite) -> list[TestOutcome]:
    from scanner.engine.regopy_engine import interpreter, last_error

    interpreter(suite.rules, rulebook.data_document())  # a broken rule module is an error, not N failed tests
    sources = {**suite.rules, **suite.libraries}
    outcomes = []
    for test_file, text, package, names in suite.files:
        try:
            rego = interpreter({**sources, str(test_file): text}, rulebook.data_document())
        except EngineError as exc:
            outcomes += [TestOutcome(test_file, n, False, str(exc)) for n in names]
            continue
        passing = _passing(rego, package)
        for name in names:
            if name in passing:
                outcomes.append(TestOutcome(test_file, name, True))
                continue
            output = rego.query(f"data.{package}.{name}")
            if not output.ok():
                outcomes.append(TestOutcome(test_file, name, False, last_error(rego)))
            else:
                expressions = output.results[0].expressions if output.results else []
                passed = bool(expressions) and expressions[0] is True
                outcomes.append(TestOutcome(test_file, name, passed, "" if passed else "undefined or false"))
    return outcomes


def _passing(rego: regopy.Interpreter, package: str) -> set[str]:
    """The package's tests that hold, in one query (rego-cpp compiles every module on each query, so
    one query per file instead of per test makes the run several times faster); failures are then
    queried one by one for their error."""
    output = rego.query(f'[name | some name; data.{package}[name] == true; startswith(name, "test_")]')
    if not output.ok() or not output.results or not output.results[0].expressions:
        return set()
    return set(output.results[0].expressions[0] or ())


def _run_regorus(rulebook: Rulebook, suite: _Suite) -> list[TestOutcome]:
    """Every test file on a clone of one engine holding the rules (a regorus clone costs microseconds)."""
    from scanner.engine.regorus_engine import describe_error, load_engine

    base = load_engine({**suite.rules, **suite.libraries}, rulebook.data_document())
    outcomes = []
    for test_file, text, package, names in suite.files:
        rego = base.clone()
        try:
            rego.add_policy(str(test_file), text)
        except RuntimeError as exc:
            outcomes += [TestOutcome(test_file, n, False, describe_error(exc)) for n in names]
            continue
        for name in names:
            try:
                passed = rego.eval_rule(f"data.{package}.{name}") is True
                outcomes.append(TestOutcome(test_file, name, passed, "" if passed else "undefined or false"))
            except RuntimeError as exc:
                outcomes.append(TestOutcome(test_file, name, False, describe_error(exc)))
    return outcomes


def _run_opa(rulebook: Rulebook) -> list[TestOutcome]:
    binary = opa_path()
    if binary is None:
        raise EngineError("the opa engine needs the `opa` binary on PATH")
    with tempfile.TemporaryDirectory(prefix="fgscan-opa-test-") as work:
        params = Path(work) / "params.json"
        params.write_text(json.dumps(rulebook.data_document()))
        files = [str(p) for p in [*rulebook.modules, *rulebook.test_files, params]]
        proc = subprocess.run([binary, "test", "--format", "json", *files], capture_output=True, text=True, check=False)
    try:
        results = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise EngineError(f"opa test failed: {' '.join(proc.stderr.split())[:500]}") from None
    return [
        TestOutcome(
            Path(r["location"]["file"]),
            r["name"],
            not r.get("fail") and not r.get("error"),
            str(r.get("error", {}).get("message", "")) if r.get("error") else "",
        )
        for r in results
    ]
