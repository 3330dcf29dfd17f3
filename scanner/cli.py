"""The `fgscan` command line.

Exit codes: 0 no finding at or above `--fail-on`; 1 such a finding; 2 a usage error or an input
that could not be read (the other inputs are still scanned and reported).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

import scanner
from reports import FORMATS
from scanner.model import ScanResult, Severity

if TYPE_CHECKING:
    from scanner.config import Config, ConfigError
    from scanner.pipeline import ScanOptions
    from scanner.rulebook import Rulebook

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Security and compliance scanner for AWS ECS on Fargate.",
)
rules_app = typer.Typer(no_args_is_help=True, help="List, show and test the Rego rules.")
app.add_typer(rules_app, name="rules")

EXIT_FINDINGS = 1
EXIT_ERROR = 2


Format = Enum("Format", {name: name for name in FORMATS}, type=str)
FailOn = Enum("FailOn", {**{s.value: s.value for s in Severity}, "none": "none"}, type=str)


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
    fail_on: FailOn | None = typer.Option(
        None, "--fail-on", help="Exit 1 when a finding is this severe or worse (default: the config's, else low)."
    ),
    rule: list[str] = typer.Option([], "--rule", help="Run only this rule (id or name); repeatable."),
    skip: list[str] = typer.Option([], "--skip", help="Do not run this rule (id or name); repeatable."),
    framework: list[str] = typer.Option(
        [], "--framework", help="Run only rules mapped to this framework (aws-fsbp, cis-aws, ...); repeatable."
    ),
    rules_dirs: list[Path] = typer.Option([], "--rules", help="Add the custom rules in this folder; repeatable."),
    config: Path | None = typer.Option(None, "--config", "-c", help="Configuration file (default: ./.fgscan.yaml)."),
    exclude: list[str] = typer.Option([], "--exclude", help="Skip paths matching this glob; repeatable."),
    engine: EngineName = typer.Option(EngineName.regopy, "--engine", help="Rego engine."),
    max_file_size: int = typer.Option(20, "--max-file-size", min=1, help="Refuse files larger than this, in MB."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes (0: one per CPU core)."),
    assume_worst: bool = typer.Option(
        False,
        "--assume-worst",
        help="Exposure rules: count unresolved security groups as open and unresolved public IP settings as on.",
    ),
    report: list[str] = typer.Option(
        [], "--report", metavar="FORMAT=FILE", help="Also write a report in FORMAT to FILE ('-': stdout); repeatable."
    ),
    category: str = typer.Option("fgscan", "--category", help="SARIF automationDetails.id: one per upload."),
    sarif_include_suppressed: bool = typer.Option(
        False, "--sarif-include-suppressed", help="Keep suppressed findings in SARIF, marked with their suppression."
    ),
    baseline: Path | None = typer.Option(
        None, "--baseline", help="Report and fail only on findings not in this baseline file."
    ),
    write_baseline: Path | None = typer.Option(
        None, "--write-baseline", help="Record the open findings in this baseline file, then exit 0."
    ),
    changed_since: str | None = typer.Option(
        None, "--changed-since", metavar="REF", help="Scan only files changed since this git ref, and their templates."
    ),
    skip_unknown: bool = typer.Option(
        False, "--skip-unknown", help="Skip named files that are not ECS input quietly, as in folders (for hooks)."
    ),
) -> None:
    """Scan task definitions, CloudFormation templates and AWS CLI output."""
    from scanner.config import ConfigError
    from scanner.engine import EngineError
    from scanner.pipeline import ScanOptions
    from scanner.pipeline import scan as run_scan
    from scanner.rulebook import RuleError

    settings = _config(config)
    options = ScanOptions(
        engine=engine.value,
        include=rule,
        skip=skip,
        excludes=[*settings.exclude, *exclude],
        max_bytes=max_file_size * 1024 * 1024,
        jobs=jobs,
        frameworks=framework or settings.frameworks,
        rule_dirs=[*settings.rule_dirs, *rules_dirs],
        disabled=settings.disable,
        params=settings.params,
        severities=settings.severity,
        config=settings,
        assume_worst=assume_worst,
        skip_unknown=skip_unknown,
    )
    extra_reports = [_report_spec(spec) for spec in report]
    notices = _changed(changed_since, options)
    try:
        result = run_scan(paths, options)
    except ConfigError as exc:
        raise _config_failure(exc) from None
    except (RuleError, EngineError) as exc:
        raise fail(str(exc)) from None
    result.notices[:0] = notices
    _accept(result, settings, paths, options.only, changed_since is not None, baseline)
    sarif_options = {"category": category, "include_suppressed": sarif_include_suppressed}
    _emit(result, format.value, output, **(sarif_options if format is Format.sarif else {}))
    for fmt, file in extra_reports:
        _emit(result, fmt, file, **(sarif_options if fmt == "sarif" else {}))
    for error in result.errors:
        typer.echo(str(error), err=True)
    if write_baseline is not None:
        from scanner.baseline import write as record

        _emit(result, "baseline", write_baseline, writer=record)
    if result.errors:
        raise typer.Exit(EXIT_ERROR)
    if write_baseline is not None:
        raise typer.Exit()
    threshold_name = fail_on.value if fail_on else settings.fail_on or FailOn.low.value
    if threshold_name != FailOn.none.value:
        threshold = Severity(threshold_name).rank
        if any(f.severity.rank >= threshold for f in result.findings):
            raise typer.Exit(EXIT_FINDINGS)


def _config(file: Path | None) -> Config:
    """The configuration file named or found in the working directory; its problems end the run."""
    from scanner.config import ConfigError, load_config

    try:
        return load_config(file)
    except ConfigError as exc:
        raise _config_failure(exc) from None


def _config_failure(exc: ConfigError) -> typer.Exit:
    for error in exc.errors:
        typer.echo(str(error), err=True)
    return typer.Exit(EXIT_ERROR)


def _rulebook(rules_dirs: list[Path], config: Path | None) -> Rulebook:
    """The bundled rules plus the custom rule folders of the configuration file and of `--rules`."""
    from scanner.engine import EngineError
    from scanner.rulebook import Rulebook, RuleError

    try:
        return Rulebook.load([*_config(config).rule_dirs, *rules_dirs])
    except (RuleError, EngineError) as exc:
        raise fail(str(exc)) from None


def _emit(result: ScanResult, fmt: str, output: Path | None, writer: Callable | None = None, **options: Any) -> None:
    from reports import writer as find_writer

    write = writer or find_writer(fmt)
    if output is None or str(output) == "-":
        write(result, sys.stdout, **options)
        return
    try:
        with output.open("w", encoding="utf-8") as stream:
            write(result, stream, **options)
    except OSError as exc:
        raise fail(f"{output}: cannot write {fmt}: {exc.strerror}") from None


def _report_spec(spec: str) -> tuple[str, Path]:
    """`FORMAT=FILE` of `--report`."""
    fmt, sep, file = spec.partition("=")
    if not sep or not file or fmt not in Format.__members__:
        raise fail(f"--report {spec}: expected FORMAT=FILE with FORMAT one of {', '.join(Format.__members__)}")
    return fmt, Path(file)


def _changed(ref: str | None, options: ScanOptions) -> list[str]:
    """Limit the scan to the files changed since `ref` (see scanner.changed_files); notices to report."""
    if ref is None:
        return []
    from scanner.changed_files import GitError, changed_since

    try:
        options.only, notices = changed_since(ref)
    except GitError as exc:
        raise fail(str(exc)) from None
    return notices


def _accept(
    result: ScanResult,
    settings: Config,
    paths: list[Path],
    only: set[Path] | None,
    partial: bool,
    baseline: Path | None,
) -> None:
    """Apply suppressions (resource skips and the config's `ignore:` list), then the baseline."""
    from scanner.baseline import BaselineError, compare, scope
    from scanner.sources.discovery import display_path
    from scanner.suppressions import apply

    config_name = display_path(settings.file) if settings.file else ".fgscan.yaml"
    partial = partial or any(not p.is_dir() for p in paths)
    apply(result, settings.ignore, config_name, report_stale=not partial)
    if baseline is not None:
        try:
            compare(result, baseline, scope(paths, only))
        except BaselineError as exc:
            raise fail(str(exc)) from None


RULES_OPTION = typer.Option([], "--rules", help="Also the custom rules in this folder; repeatable.")
CONFIG_OPTION = typer.Option(None, "--config", "-c", help="Configuration file naming custom rule folders.")


@rules_app.command("list")
def rules_list(
    format: Format = typer.Option(Format.text, "--format", "-f", help="text or json."),
    framework: list[str] = typer.Option([], "--framework", help="Only rules mapped to this framework; repeatable."),
    rules_dirs: list[Path] = RULES_OPTION,
    config: Path | None = CONFIG_OPTION,
) -> None:
    """List every rule with its id, severity and title."""
    from scanner.rulebook import RuleError

    book = _rulebook(rules_dirs, config)
    try:
        chosen = book.select([], [], framework)
    except RuleError as exc:
        raise fail(str(exc)) from None
    if format is Format.json:
        typer.echo(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "name": r.name,
                        "title": r.title,
                        "severity": r.severity.value,
                        "kinds": list(r.kinds),
                        "frameworks": {k: list(v) for k, v in r.frameworks.items()},
                    }
                    for r in chosen
                ],
                indent=2,
            )
        )
        return
    for r in chosen:
        typer.echo(f"{r.id:<12} {r.severity.value:<9} {r.name:<36} {r.title}")


@rules_app.command("test")
def rules_test(
    engine: EngineName = typer.Option(EngineName.regopy, "--engine", help="Rego engine."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every test, not only failures."),
    rules_dirs: list[Path] = RULES_OPTION,
    config: Path | None = CONFIG_OPTION,
) -> None:
    """Run every Rego test beside the rules (bundled and custom) and report like a test runner."""
    from scanner.engine import EngineError
    from scanner.rulebook import RuleError
    from scanner.ruletest import run_tests

    try:
        outcomes = run_tests(_rulebook(rules_dirs, config), engine.value)
    except (RuleError, EngineError) as exc:
        raise fail(str(exc)) from None
    failed = [o for o in outcomes if not o.passed]
    for o in outcomes if verbose else failed:
        status = "PASS" if o.passed else "FAIL"
        typer.echo(f"{status} {o.file}::{o.name}" + (f": {o.error}" if o.error else ""))
    typer.echo(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    if failed or not outcomes:
        raise typer.Exit(EXIT_FINDINGS)


@rules_app.command("show")
def rules_show(
    name: str = typer.Argument(..., help="Rule id or name."),
    rules_dirs: list[Path] = RULES_OPTION,
    config: Path | None = CONFIG_OPTION,
) -> None:
    """Print a rule's metadata, rationale, remediation and a bad and a good example."""
    from scanner.rule_docs import show_text

    rule = _rulebook(rules_dirs, config).find(name)
    if rule is None:
        raise fail(f"unknown rule {name!r} (see 'fgscan rules list')")
    typer.echo(show_text(rule))


@rules_app.command("docs")
def rules_docs(
    output: Path = typer.Option(Path("docs/rules.md"), "--output", "-o", help="The generated rules page."),
    readme: Path | None = typer.Option(None, "--readme", help="Also update the rule table in this README."),
    check: bool = typer.Option(False, "--check", help="Only report out-of-date files (exit 1)."),
) -> None:
    """Generate the rules page (and the README's rule table) from the bundled rules' metadata."""
    from scanner.rule_docs import REGENERATE, stale, write_docs
    from scanner.rulebook import Rulebook

    rules = Rulebook.load().rules
    if check:
        outdated = stale(rules, output, readme)
        for path in outdated:
            typer.echo(f"{path} is out of date: run `{REGENERATE}`", err=True)
        if outdated:
            raise typer.Exit(EXIT_FINDINGS)
        return
    for path in write_docs(rules, output, readme):
        typer.echo(f"wrote {path}")


def _register_audit() -> None:
    """`fgscan audit` lives in its own module, which uses this module's options and helpers."""
    from scanner.audit_cli import audit

    app.command("audit")(audit)
    from scanner.merge_cli import merge

    app.command("merge")(merge)


_register_audit()


def main() -> None:
    """Console-script entry point."""
    app()
