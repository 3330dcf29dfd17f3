"""The `fgscan` command line.

Exit codes: 0 no finding at or above `--fail-on`; 1 such a finding; 2 a usage error or an input
that could not be read (the other inputs are still scanned and reported).
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

import scanner
from scanner.model import ScanResult, Severity

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Security and compliance scanner for AWS ECS on Fargate.")
rules_app = typer.Typer(no_args_is_help=True, help="List, show and test the Rego rules.")
app.add_typer(rules_app, name="rules")

EXIT_FINDINGS = 1
EXIT_ERROR = 2


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"


class FailOn(str, Enum):
    critical = "critical"
    high = "high"
    medium = "medium"
    low = "low"
    none = "none"


class EngineName(str, Enum):
    regopy = "regopy"
    opa = "opa"


def fail(message: str) -> typer.Exit:
    """Print one error line and return the exit to raise."""
    typer.echo(f"fgscan: error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"fgscan {scanner.__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Security and compliance scanner for AWS ECS on Fargate."""


@app.command()
def scan(
    paths: list[Path] = typer.Argument(..., help="Files and folders to scan."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Report format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout."),
    fail_on: FailOn = typer.Option(FailOn.low, "--fail-on", help="Exit 1 when a finding is this severe or worse."),
    rule: list[str] = typer.Option([], "--rule", help="Run only this rule (id or name); repeatable."),
    skip: list[str] = typer.Option([], "--skip", help="Do not run this rule (id or name); repeatable."),
    exclude: list[str] = typer.Option([], "--exclude", help="Skip paths matching this glob; repeatable."),
    engine: EngineName = typer.Option(EngineName.regopy, "--engine", help="Rego engine."),
    max_file_size: int = typer.Option(20, "--max-file-size", min=1, help="Refuse files larger than this, in MB."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes (0: one per CPU core)."),
) -> None:
    """Scan task definitions, CloudFormation templates and AWS CLI output."""
    from scanner.engine import EngineError
    from scanner.pipeline import ScanOptions
    from scanner.pipeline import scan as run_scan
    from scanner.rulebook import RuleError

    options = ScanOptions(
        engine=engine.value, include=rule, skip=skip, excludes=exclude,
        max_bytes=max_file_size * 1024 * 1024, jobs=jobs,
    )
    try:
        result = run_scan(paths, options)
    except (RuleError, EngineError) as exc:
        raise fail(str(exc)) from None
    _emit(result, format.value, output)
    for error in result.errors:
        typer.echo(str(error), err=True)
    if result.errors:
        raise typer.Exit(EXIT_ERROR)
    if fail_on is not FailOn.none:
        threshold = Severity(fail_on.value).rank
        if any(f.severity.rank >= threshold for f in result.findings):
            raise typer.Exit(EXIT_FINDINGS)


def _emit(result: ScanResult, fmt: str, output: Path | None) -> None:
    from reports import writer

    write = writer(fmt)
    if output is None:
        write(result, sys.stdout)
        return
    try:
        with output.open("w", encoding="utf-8") as stream:
            write(result, stream)
    except OSError as exc:
        raise fail(f"{output}: cannot write report: {exc.strerror}") from None


@rules_app.command("list")
def rules_list(
    format: Format = typer.Option(Format.text, "--format", "-f", help="text or json."),
) -> None:
    """List every rule with its id, severity and title."""
    from scanner.rulebook import Rulebook

    book = Rulebook.load()
    if format is Format.json:
        typer.echo(json.dumps([
            {"id": r.id, "name": r.name, "title": r.title, "severity": r.severity.value, "kinds": list(r.kinds),
             "frameworks": {k: list(v) for k, v in r.frameworks.items()}}
            for r in book.rules
        ], indent=2))
        return
    for r in book.rules:
        typer.echo(f"{r.id:<12} {r.severity.value:<9} {r.name:<36} {r.title}")


@rules_app.command("test")
def rules_test(
    engine: EngineName = typer.Option(EngineName.regopy, "--engine", help="Rego engine."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every test, not only failures."),
) -> None:
    """Run every Rego test beside the rules and report like a test runner."""
    from scanner.engine import EngineError
    from scanner.rulebook import Rulebook, RuleError
    from scanner.ruletest import run_tests

    try:
        outcomes = run_tests(Rulebook.load(), engine.value)
    except (RuleError, EngineError) as exc:
        raise fail(str(exc)) from None
    failed = [o for o in outcomes if not o.passed]
    for o in outcomes if verbose else failed:
        status = "PASS" if o.passed else "FAIL"
        typer.echo(f"{status} {o.file}::{o.name}" + (f": {o.error}" if o.error else ""))
    typer.echo(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    if failed or not outcomes:
        raise typer.Exit(EXIT_FINDINGS)


def main() -> None:
    """Console-script entry point."""
    app()
