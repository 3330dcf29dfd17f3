"""The `fgscan` command line.

Exit codes: 0 no finding at or above `--fail-on`; 1 such a finding; 2 a usage error or an input
that could not be read (the other inputs are still scanned and reported).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

import scanner
from scanner import executor
from scanner.cli_core import (
    CONTEXT,
    EXIT_ERROR,
    EXIT_FINDINGS,
    AssumeWorstOption,
    BaselineOption,
    CategoryOption,
    Command,
    ConfigOption,
    EngineName,
    EngineOption,
    FailOnOption,
    Format,
    FormatOption,
    FrameworkOption,
    JobsOption,
    OutputOption,
    ReportOption,
    RuleOption,
    RulesDirOption,
    Run,
    SkipOption,
    SuppressedOption,
    WriteBaselineOption,
    accept,
    fail,
    finish,
    load_config,
    scan_options,
    write_reports,
)
from scanner.engine import default_engine

if TYPE_CHECKING:
    from scanner.pipeline import ScanOptions
    from scanner.rulebook import Rulebook

# In the console script, which ends its process with `_leave`: what a scan loaded, held to the end and never freed
# (freeing a large scan object by object takes a tenth of a second). Elsewhere (tests, a library caller) None.
_until_exit: list[object] | None = None

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings=CONTEXT,
    help="Security and compliance scanner for AWS ECS on Fargate.",
)
rules_app = typer.Typer(no_args_is_help=True, help="List, show and test the Rego rules.")
app.add_typer(rules_app, name="rules")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"fgscan {scanner.__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Security and compliance scanner for AWS ECS on Fargate."""


@app.command(cls=Command)
def scan(
    paths: list[Path] = typer.Argument(..., metavar="PATHS...", help="Files and folders to scan."),
    format: FormatOption = Format["text"],
    output: OutputOption = None,
    fail_on: FailOnOption = None,
    rule: RuleOption = [],  # noqa: B006 - typer reads, never mutates, list defaults
    skip: SkipOption = [],  # noqa: B006
    framework: FrameworkOption = [],  # noqa: B006
    rules_dirs: RulesDirOption = [],  # noqa: B006
    config: ConfigOption = None,
    exclude: list[str] = typer.Option([], "--exclude", help="Skip paths matching this glob; repeatable."),
    engine: EngineOption = EngineName(default_engine()),
    max_file_size: int = typer.Option(20, "--max-file-size", min=1, help="Refuse files larger than this, in MB."),
    jobs: JobsOption = 0,
    assume_worst: AssumeWorstOption = False,
    report: ReportOption = [],  # noqa: B006
    category: CategoryOption = "fgscan",
    sarif_include_suppressed: SuppressedOption = False,
    baseline: BaselineOption = None,
    write_baseline: WriteBaselineOption = None,
    changed_since: str | None = typer.Option(
        None, "--changed-since", metavar="REF", help="Scan only files changed since this git ref, and their templates."
    ),
    skip_unknown: bool = typer.Option(
        False, "--skip-unknown", help="Skip named files that are not ECS input quietly, as in folders (for hooks)."
    ),
    parameter: list[str] = typer.Option(
        [], "--parameter", metavar="NAME=VALUE", help="A CloudFormation parameter's deployed value; repeatable."
    ),
    parameter_file: list[Path] = typer.Option(
        [],
        "--parameter-file",
        help="CloudFormation parameter values: a parameters file or a CodePipeline template configuration; "
        "repeatable (later values win, --parameter last).",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Text report: one line per finding."),
    terraform_source: list[Path] = typer.Option(
        [], "--terraform-source", help="Folder of the .tf files a Terraform plan was made from (default: beside it)."
    ),
) -> None:
    """Scan task definitions, CloudFormation templates, Terraform and AWS CLI output."""
    from scanner.cli_core import scan as run_scan

    run = Run(
        format,
        output,
        report,
        category,
        fail_on,
        rule,
        skip,
        framework,
        rules_dirs,
        config,
        engine,
        baseline,
        write_baseline,
        sarif_include_suppressed,
        assume_worst,
        jobs,
    )
    run.compact = quiet
    settings = load_config(config)
    values = _parameters(parameter_file, parameter)
    options = scan_options(
        run,
        settings,
        excludes=[*settings.exclude, *exclude],
        max_bytes=max_file_size * 1024 * 1024,
        skip_unknown=skip_unknown,
        parameters=values,
        terraform_sources=[folder.resolve() for folder in terraform_source],
    )
    notices = _changed(changed_since, options)
    result = run_scan(paths, options)
    if _until_exit is not None:
        _until_exit.append(result)
    result.notices[:0] = notices
    partial = changed_since is not None or any(not p.is_dir() for p in paths)
    accept(result, settings, run, paths, options.only, partial)
    write_reports(result, run)
    _unused_excludes(exclude, options)
    finish(result, run, settings)


def _rulebook(rules_dirs: list[Path], config: Path | None) -> Rulebook:
    """The bundled rules plus the custom rule folders of the configuration file and of `--rules`."""
    from scanner.engine import EngineError
    from scanner.rulebook import Rulebook, RuleError

    try:
        return Rulebook.load([*load_config(config).rule_dirs, *rules_dirs])
    except (RuleError, EngineError) as exc:
        raise fail(str(exc)) from None


def _parameters(files: list[Path], pairs: list[str]) -> dict[str, str]:
    """The parameter values given with `--parameter-file` and `--parameter`; an unreadable one ends the run."""
    from scanner.model import InputProblem
    from scanner.sources.parameters import load

    try:
        return load(files, pairs)
    except InputProblem as problem:
        typer.echo(str(problem.error), err=True)
        raise typer.Exit(EXIT_ERROR) from None


def _unused_excludes(patterns: list[str], options: ScanOptions) -> None:
    """A notice on stderr for each `--exclude` that excluded nothing, most likely a typo: a hint for whoever
    typed it, whatever the report format. (The configuration file's excludes are meant for the whole tree
    and often match nothing in a scan of a few files.)"""
    for pattern in dict.fromkeys(patterns):
        if pattern not in options.matched_excludes:
            typer.echo(
                f"fgscan: notice: --exclude {pattern!r} matched no file or folder; nothing was excluded", err=True
            )


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


RULES_OPTION = typer.Option([], "--rules", help="Also the custom rules in this folder; repeatable.")
CONFIG_OPTION = typer.Option(None, "--config", "-c", help="Configuration file naming custom rule folders.")


class ListFormat(str, Enum):
    """The formats `rules list` writes (the report formats describe findings, not rules)."""

    text = "text"
    json = "json"


@rules_app.command("list", cls=Command)
def rules_list(
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", case_sensitive=False, help="Output format."),
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
    if format is ListFormat.json:
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


@rules_app.command("test", cls=Command)
def rules_test(
    engine: EngineOption = EngineName(default_engine()),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every test, not only failures."),
    rules_dirs: list[Path] = RULES_OPTION,
    config: Path | None = CONFIG_OPTION,
    custom_only: bool = typer.Option(
        False, "--custom-only", help="Only the tests in the custom rule folders (--rules and the config's)."
    ),
) -> None:
    """Run every Rego test beside the rules (bundled and custom) and report like a test runner."""
    from scanner.engine import EngineError, interpreting
    from scanner.rulebook import RuleError
    from scanner.ruletest import run_tests

    try:
        book = _rulebook(rules_dirs, config)
        custom = [*load_config(config).rule_dirs, *rules_dirs] if custom_only else None
        outcomes = run_tests(book, engine.value, custom)
    except (RuleError, EngineError) as exc:
        raise fail(str(exc)) from None
    failed = [o for o in outcomes if not o.passed]
    for o in outcomes if verbose else failed:
        status = "PASS" if o.passed else "FAIL"
        typer.echo(f"{status} {o.file}::{o.name}" + (f": {o.error}" if o.error else ""))
    if interpreting(engine.value) != engine.value:
        typer.echo(f"(run on {interpreting(engine.value)}: {engine.value} has no `with`)")
    typer.echo(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    if failed or not outcomes:
        raise typer.Exit(EXIT_FINDINGS)


@rules_app.command("show", cls=Command)
def rules_show(
    name: str = typer.Argument(..., metavar="RULE", help="Rule id or name."),
    rules_dirs: list[Path] = RULES_OPTION,
    config: Path | None = CONFIG_OPTION,
) -> None:
    """Print a rule's metadata, rationale, remediation and a bad and a good example."""
    from scanner.rule_docs import show_text

    rule = _rulebook(rules_dirs, config).find(name)
    if rule is None:
        raise fail(f"unknown rule {name!r} (see 'fgscan rules list')")
    typer.echo(show_text(rule))


@rules_app.command("docs", cls=Command, hidden=True)  # for contributors: regenerates docs/rules.md
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

    app.command("audit", cls=Command)(audit)
    from scanner.merge_cli import merge

    app.command("merge", cls=Command)(merge)


_register_audit()


def main() -> None:
    """Console-script entry point."""
    global _until_exit
    executor.tune_gc()
    _until_exit = []
    try:
        app()
    except SystemExit as exc:
        _leave(exc.code)
    _leave(0)


def _leave(code: object) -> NoReturn:
    """End the process as `sys.exit(code)` would, exit handlers run and output flushed, but without tearing
    the interpreter down: freeing a large scan's objects one by one took 0.05 s of its 2.6 s."""
    if code is not None and not isinstance(code, int):  # `sys.exit("message")`: the message, status 1
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()  # what exit handlers and finalizers (temporary folders) do, as at a normal exit
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (`fgscan scan | head`): nothing more to say
            stream.flush()
    os._exit(code or 0)
