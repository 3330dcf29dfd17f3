"""`fgscan merge REPORT.json...`: one report, in any format, from the JSON reports of several runs (the
`--shard K/N` runs of one audit), with the exit codes of `fgscan audit`."""

from __future__ import annotations

from pathlib import Path

import typer

from scanner.cli import FailOn, Format, _config, _emit, _report_spec, fail


def merge(
    reports: list[Path] = typer.Argument(
        ..., metavar="REPORT.json...", help="JSON reports (`-f json`) of fgscan audit or scan runs."
    ),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Report format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout."),
    report: list[str] = typer.Option(
        [], "--report", metavar="FORMAT=FILE", help="Also write a report in FORMAT to FILE ('-': stdout); repeatable."
    ),
    category: str = typer.Option("fgscan-audit", "--category", help="SARIF automationDetails.id: one per upload."),
    fail_on: FailOn | None = typer.Option(
        None, "--fail-on", help="Exit 1 when a finding is this severe or worse (default: the config's, else low)."
    ),
    config: Path | None = typer.Option(None, "--config", "-c", help="Configuration file (for custom rule folders)."),
) -> None:
    """Merge JSON reports into one report.

    Exit codes: 0 clean; 1 a finding at or above --fail-on; 2 a report that cannot be read (the others are
    merged and reported); 3 coverage incomplete (a gap in any audit, or a shard missing).
    """
    from scanner.audit_cli import _finish
    from scanner.coverage import Coverage
    from scanner.merge import merge as merge_reports
    from scanner.merge import read
    from scanner.model import InputProblem
    from scanner.rulebook import Rulebook, RuleError

    settings = _config(config)
    extra_reports = [_report_spec(spec) for spec in report]
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
    sarif_options = {"category": category}
    _emit(result, format.value, output, **(sarif_options if format is Format.sarif else {}))
    for fmt, file in extra_reports:
        _emit(result, fmt, file, **(sarif_options if fmt == "sarif" else {}))
    _finish(result, result.coverage or Coverage(), fail_on.value if fail_on else settings.fail_on or FailOn.low.value)
