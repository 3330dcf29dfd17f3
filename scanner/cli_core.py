"""What `fgscan scan` and `fgscan audit` share: one set of option definitions, one step from the options
and the configuration file to `ScanOptions`, and one step from a result to reports and an exit code.

Exit codes: 0 no finding at or above `--fail-on`; 1 such a finding; 2 a usage error or an input that could
not be read (the other inputs are still scanned and reported); 3 an audit whose coverage is incomplete.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO, cast

import typer
from msgspec import Struct, field
from typer.core import TyperArgument, TyperCommand

from reports import FORMATS
from scanner.escape import plain
from scanner.model import ScanResult, Severity

if TYPE_CHECKING:
    from scanner.config import Config, ConfigError
    from scanner.pipeline import ScanOptions

EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INCOMPLETE = 3

Format = Enum("Format", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]
FailOn = Enum("FailOn", {**{s.value: s.value for s in Severity}, "none": "none"}, type=str)  # type: ignore[misc]


class EngineName(str, Enum):
    regorus_vm = "regorus-vm"
    regorus = "regorus"
    regopy = "regopy"
    opa = "opa"


# `-h` as well as `--help`, on every command (sub-contexts inherit it).
CONTEXT = {"help_option_names": ["-h", "--help"]}


class Command(TyperCommand):
    """A command whose usage line reads `fgscan scan [OPTIONS] PATHS...`, as most tools write it, rather than
    typer's `{paths}...`: an argument is its metavar or upper-case name, `[...]` when optional."""

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:  # type: ignore[override] # typer's own subclass
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if not isinstance(param, TyperArgument):
                continue
            name = param.metavar or (param.name or "").upper()
            if param.nargs != 1 and not name.endswith("..."):
                name += "..."
            pieces.append(name if param.required else f"[{name}]")
        return pieces


# The options both commands take, defined once; choices are case-insensitive (`--format SARIF`).
FormatOption = Annotated[Format, typer.Option("--format", "-f", case_sensitive=False, help="Report format.")]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here instead of stdout.")]
ReportOption = Annotated[
    list[str],
    typer.Option(
        "--report", metavar="FORMAT=FILE", help="Also write a report in FORMAT to FILE ('-': stdout); repeatable."
    ),
]
CategoryOption = Annotated[str, typer.Option("--category", help="SARIF automationDetails.id: one per upload.")]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on",
        case_sensitive=False,
        help="Exit 1 when a finding is this severe or worse (default: the config's, else low).",
    ),
]
RuleOption = Annotated[list[str], typer.Option("--rule", help="Run only this rule (id or name); repeatable.")]
SkipOption = Annotated[list[str], typer.Option("--skip", help="Do not run this rule (id or name); repeatable.")]
FrameworkOption = Annotated[
    list[str],
    typer.Option("--framework", help="Run only rules mapped to this framework (aws-fsbp, cis-aws, ...); repeatable."),
]
RulesDirOption = Annotated[list[Path], typer.Option("--rules", help="Add the custom rules in this folder; repeatable.")]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="Configuration file (default: ./.fgscan.yaml).")
]
EngineOption = Annotated[
    EngineName,
    typer.Option(
        "--engine",
        case_sensitive=False,
        help="Rego engine: regorus-vm (regorus compiled to its VM), regorus (interpreted), regopy or opa.",
    ),
]
BaselineOption = Annotated[
    Path | None, typer.Option("--baseline", help="Report and fail only on findings not in this baseline file.")
]
WriteBaselineOption = Annotated[
    Path | None,
    typer.Option("--write-baseline", help="Record the open findings in this baseline file, then exit 0."),
]
SuppressedOption = Annotated[
    bool,
    typer.Option(
        "--sarif-include-suppressed", help="Keep suppressed findings in SARIF, marked with their suppression."
    ),
]
AssumeWorstOption = Annotated[
    bool,
    typer.Option(
        "--assume-worst",
        help="Exposure rules: count unresolved security groups as open and unresolved public IP settings as on.",
    ),
]
JobsOption = Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: one per CPU core).")]


class Run(Struct):
    """The shared options of one command, as given."""

    format: Format
    output: Path | None
    report: list[str]
    category: str
    fail_on: FailOn | None
    rule: list[str]
    skip: list[str]
    framework: list[str]
    rules_dirs: list[Path]
    config: Path | None
    engine: EngineName
    baseline: Path | None = None
    write_baseline: Path | None = None
    sarif_include_suppressed: bool = False
    assume_worst: bool = False
    jobs: int = 0
    compact: bool = False  # the text report: one line per finding
    reports: list[tuple[str, Path]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.reports = [_report_spec(spec) for spec in self.report]  # usage errors before any work


def fail(message: str) -> typer.Exit:
    """Print one error line and return the exit to raise."""
    typer.echo(f"fgscan: error: {plain(message)}", err=True)
    return typer.Exit(EXIT_ERROR)


def load_config(file: Path | None) -> Config:
    """The configuration file named or found in the working directory; its problems end the run."""
    from scanner.config import ConfigError
    from scanner.config import load_config as read

    try:
        return read(file)
    except ConfigError as exc:
        raise config_failure(exc) from None


def config_failure(exc: ConfigError) -> typer.Exit:
    for error in exc.errors:
        typer.echo(str(error), err=True)
    return typer.Exit(EXIT_ERROR)


def scan_options(run: Run, settings: Config, **extra: Any) -> ScanOptions:
    """The one step from command-line options and the configuration file to what a scan evaluates."""
    from scanner.budget import DEFAULT_SECONDS
    from scanner.pipeline import ScanOptions

    return ScanOptions(
        engine=run.engine.value,
        include=run.rule,
        skip=run.skip,
        frameworks=run.framework or settings.frameworks,
        rule_dirs=[*settings.rule_dirs, *run.rules_dirs],
        disabled=settings.disable,
        params=settings.params,
        severities=settings.severity,
        config=settings,
        assume_worst=run.assume_worst,
        jobs=run.jobs,
        rule_budget=settings.budget_seconds or DEFAULT_SECONDS,
        **extra,
    )


def scan(paths: list[Path], options: ScanOptions) -> ScanResult:
    """The scan; configuration, rule and engine problems end the run with one line each."""
    from scanner.config import ConfigError
    from scanner.engine import EngineError
    from scanner.pipeline import scan as run_scan
    from scanner.rulebook import RuleError

    try:
        return run_scan(paths, options)
    except ConfigError as exc:
        raise config_failure(exc) from None
    except (RuleError, EngineError) as exc:
        raise fail(str(exc)) from None


def accept(
    result: ScanResult, settings: Config, run: Run, paths: list[Path], only: set[Path] | None, partial: bool
) -> None:
    """Apply suppressions (resource skips and the config's `ignore:` list), then the baseline."""
    from scanner.baseline import BaselineError, compare, scope
    from scanner.sources.discovery import display_path
    from scanner.suppressions import apply

    config_name = display_path(settings.file) if settings.file else ".fgscan.yaml"
    apply(result, settings.ignore, config_name, report_stale=not partial)
    if run.baseline is not None:
        try:
            compare(result, run.baseline, scope(paths, only))
        except BaselineError as exc:
            raise fail(str(exc)) from None


def write_reports(result: ScanResult, run: Run) -> None:
    """The main report and every `--report`, then the baseline file when asked for."""
    options: dict[str, dict[str, Any]] = {
        "sarif": {"category": run.category, "include_suppressed": run.sarif_include_suppressed},
        "text": {"compact": True} if run.compact else {},
    }
    for fmt, file in [(run.format.value, run.output), *run.reports]:
        # `finish` prints the input errors on stderr; a text report on stdout only counts them (said once)
        chosen: dict[str, Any] = dict(options.get(fmt, {}))
        if fmt == "text" and (file is None or str(file) == "-"):
            chosen["errors"] = False
        emit(result, fmt, file, **chosen)
    if run.write_baseline is not None:
        from scanner.baseline import write as record

        emit(result, "baseline", run.write_baseline, writer=record)


def emit(result: ScanResult, fmt: str, output: Path | None, writer: Callable | None = None, **options: Any) -> None:
    """Write one report to stdout or, atomically, to a file: an interrupted run leaves the previous report
    whole. A file the scan read as input is never overwritten."""
    from reports import writer as find_writer

    write = writer or find_writer(fmt)
    if output is None or str(output) == "-":
        write(result, sys.stdout, **options)
        return
    try:
        existing = output.stat()
    except OSError:
        existing = None
    if existing is not None and (existing.st_dev, existing.st_ino) in result.inputs:
        raise fail(f"{output}: is one of the scanned inputs; refusing to overwrite it with the {fmt} report")
    try:
        folder = output.resolve().parent
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False, suffix=".tmp") as stream:
            try:
                write(result, cast(TextIO, stream), **options)
            except BaseException:
                os.unlink(stream.name)
                raise
        os.replace(stream.name, output)
    except OSError as exc:
        raise fail(f"{output}: cannot write {fmt}: {exc.strerror or exc}") from None


def finish(result: ScanResult, run: Run, settings: Config, incomplete: bool = False) -> NoReturn:
    """Print the input errors and exit: 2 for unreadable input, 3 for an incomplete audit, 0 after writing a
    baseline, 1 for a finding at or above `--fail-on`, else 0."""
    for error in result.errors:
        typer.echo(str(error), err=True)
    if any(error.level == "error" for error in result.errors):  # warnings (duplicate keys) are only printed
        raise typer.Exit(EXIT_ERROR)
    if incomplete:
        raise typer.Exit(EXIT_INCOMPLETE)
    if run.write_baseline is not None:
        raise typer.Exit()
    threshold_name = run.fail_on.value if run.fail_on else settings.fail_on or FailOn["low"].value
    if threshold_name != FailOn["none"].value:
        threshold = Severity(threshold_name).rank
        if any(f.severity.rank >= threshold for f in result.findings):
            raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit()


def _report_spec(spec: str) -> tuple[str, Path]:
    """`FORMAT=FILE` of `--report`."""
    fmt, sep, file = spec.partition("=")
    fmt = fmt.lower()
    if not sep or not file or fmt not in Format.__members__:
        raise fail(f"--report {spec}: expected FORMAT=FILE with FORMAT one of {', '.join(Format.__members__)}")
    return fmt, Path(file)
