"""`fgscan merge REPORT.json...`: one report, in any format, from the JSON reports of several runs (the
`--shard K/N` runs of one audit), with the exit codes of `fgscan audit`."""

from __future__ import annotations

from pathlib import Path

import typer

from scanner.cli_core import (
    CategoryOption,
    ConfigOption,
    EngineName,
    FailOnOption,
    Format,
    FormatOption,
    OutputOption,
    ReportOption,
    Run,
    fail,
    finish,
    load_config,
    write_reports,
)


def merge(
    reports: list[Path] = typer.Argument(
        ..., metavar="REPORT.json...", help="JSON reports (`-f json`) of fgscan audit or scan runs."
    ),
    format: FormatOption = Format["text"],
    output: OutputOption = None,
    report: ReportOption = [],  # noqa: B006 - typer reads, never mutates, list defaults
    category: CategoryOption = "fgscan-audit",
    fail_on: FailOnOption = None,
    config: ConfigOption = None,
) -> None:
    """Merge JSON reports into one report.

    Exit codes: 0 clean; 1 a finding at or above --fail-on; 2 a report that cannot be read (the others are
    merged and reported); 3 coverage incomplete (a gap in any audit, or a shard missing).
    """
    from scanner.merge import merge as merge_reports
    from scanner.merge import read
    from scanner.model import InputProblem
    from scanner.rulebook import Rulebook, RuleError

    run = Run(format, output, report, category, fail_on, [], [], [], [], config, EngineName.regopy)
    settings = load_config(config)
    loaded, errors = [], []
    for path in reports:
        try:
            loaded.append(read(path))
        except InputProblem as problem:
            errors.append(problem.error)
    try:
        rules = Rulebook.load([d.resolve() for d in settings.rule_dirs]).rules
    except RuleError as exc:
        raise fail(str(exc)) from None
    result = merge_reports(loaded, rules).result
    result.errors = errors + result.errors
    write_reports(result, run)
    for gap in result.coverage.gaps if result.coverage else []:
        typer.echo(f"fgscan: warning: {gap}", err=True)
    finish(result, run, settings, incomplete=bool(result.coverage and not result.coverage.complete))
