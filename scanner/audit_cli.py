"""`fgscan audit`: collect live ECS, EC2 and IAM state, write it as a snapshot, scan the snapshot.

Exit codes: 0 no finding at or above `--fail-on` and everything covered; 1 such a finding; 2 a usage or
configuration error; 3 coverage incomplete (an account, region or API could not be read; the findings
are still reported). 3 wins over 1: an incomplete audit is never reported as merely "findings".
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from scanner.cli_core import (
    AssumeWorstOption,
    BaselineOption,
    CategoryOption,
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
    accept,
    fail,
    finish,
    load_config,
    scan,
    scan_options,
    write_reports,
)
from scanner.engine import default_engine
from scanner.model import ScanResult

if TYPE_CHECKING:
    from scanner.collect.audit import AuditOptions
    from scanner.collect.inventory import RegionInventory
    from scanner.config import Config
    from scanner.coverage import Coverage

ROLE_ARN = re.compile(r"^arn:aws[a-z-]*:iam::(\d{12}|\{account\}):role/[\w+=,.@/-]+$")
ACCOUNT_ID = re.compile(r"^\d{12}$")
REGION_NAME = re.compile(r"^[a-z]{2}(-[a-z]+)+-\d+$")


def audit(
    region: list[str] = typer.Option(
        [], "--region", "-r", help="Audit this region; repeatable (default: the configured region)."
    ),
    all_regions: bool = typer.Option(False, "--all-regions", help="Audit every region enabled in each account."),
    profile: str | None = typer.Option(None, "--profile", help="AWS profile (default: as boto3 finds it)."),
    account_role: str | None = typer.Option(
        None, "--account-role", help="Role to assume in each account, e.g. 'arn:aws:iam::{account}:role/Audit'."
    ),
    accounts: str | None = typer.Option(None, "--accounts", help="Comma-separated account ids (with --account-role)."),
    organization: bool = typer.Option(
        False, "--organization", help="Audit the organization's active accounts (with --account-role)."
    ),
    external_id: str | None = typer.Option(None, "--external-id", help="External id for assuming --account-role."),
    all_revisions: bool = typer.Option(
        False, "--all-revisions", help="Every ACTIVE task definition revision, not only those in use and the latest."
    ),
    shard: str | None = typer.Option(
        None, "--shard", metavar="K/N", help="Read only shard K of N of the (account, region) units; see merge."
    ),
    call_timeout: float = typer.Option(
        30.0, "--call-timeout", min=1, help="Seconds to connect and to wait for each answer of one API call."
    ),
    deadline: float = typer.Option(
        3600.0,
        "--deadline",
        min=0,
        help="Seconds for reading; then what was read is scanned, the rest listed (0: none).",
    ),
    concurrency: int = typer.Option(8, "--concurrency", min=1, max=64, help="Accounts and regions read at once."),
    save_inventory: Path | None = typer.Option(
        None, "--save-inventory", help="Keep the snapshot here (ACCOUNT/REGION/KIND/NAME.json); scan it later."
    ),
    format: FormatOption = Format["text"],
    output: OutputOption = None,
    report: ReportOption = [],  # noqa: B006 - typer reads, never mutates, list defaults
    category: CategoryOption = "fgscan-audit",
    fail_on: FailOnOption = None,
    rule: RuleOption = [],  # noqa: B006
    skip: SkipOption = [],  # noqa: B006
    framework: FrameworkOption = [],  # noqa: B006
    rules_dirs: RulesDirOption = [],  # noqa: B006
    config: ConfigOption = None,
    engine: EngineOption = EngineName(default_engine()),
    baseline: BaselineOption = None,
    assume_worst: AssumeWorstOption = False,
    jobs: JobsOption = 0,
    to_security_hub: bool = typer.Option(
        False, "--to-security-hub", help="Import the findings into each account's Security Hub; archive fixed ones."
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also print API calls by operation."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress output."),
) -> None:
    """Audit live AWS accounts: collect ECS, EC2, ELB and IAM state with read-only calls, then scan it.

    Exit codes: 0 clean; 1 a finding at or above --fail-on; 2 usage or configuration error; 3 coverage
    incomplete (some account, region or API could not be read; findings are still reported).
    """
    from scanner.collect.audit import collect
    from scanner.collect.session import SetupError

    options = _options(
        region, all_regions, profile, account_role, accounts, organization, external_id, all_revisions, concurrency
    )
    options.shard = _shard(shard)
    options.call_timeout, options.deadline = call_timeout, deadline or None
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
        assume_worst=assume_worst,
        jobs=jobs,
    )
    settings = load_config(config)
    if save_inventory is not None:
        _prepare(save_inventory)
    started = time.perf_counter()
    try:
        with _progress(quiet) as progress:
            inventories, coverage = collect(options, progress)
    except SetupError as exc:
        raise fail(str(exc)) from None
    collected = time.perf_counter()
    result = _scan(inventories, save_inventory, run, settings)
    result.coverage = coverage
    if verbose:
        typer.echo(
            f"collected in {collected - started:.1f} s, scanned in {time.perf_counter() - collected:.1f} s", err=True
        )
        _print_calls(coverage)
    write_reports(result, run)
    if to_security_hub:
        from scanner.collect.securityhub import send

        sent = send(result, coverage, options)
        if not quiet:
            typer.echo(f"fgscan: Security Hub: {sent.imported} imported, {sent.archived} archived", err=True)
    for gap in coverage.gaps:
        typer.echo(f"fgscan: warning: {gap}", err=True)
    finish(result, run, settings, incomplete=not coverage.complete)


def _options(
    region: list[str],
    all_regions: bool,
    profile: str | None,
    account_role: str | None,
    accounts: str | None,
    organization: bool,
    external_id: str | None,
    all_revisions: bool,
    concurrency: int,
) -> AuditOptions:
    """Checked options; any contradiction is a usage error (exit 2)."""
    from scanner.collect.audit import AuditOptions

    ids = [a.strip() for a in (accounts or "").split(",") if a.strip()]
    if region and all_regions:
        raise fail("--region and --all-regions exclude each other")
    if bad := [r for r in region if not REGION_NAME.match(r)]:
        raise fail(f"--region: not a region name: {bad[0]!r} (e.g. eu-west-1)")
    if bad := [a for a in ids if not ACCOUNT_ID.match(a)]:
        raise fail(f"--accounts: not a 12-digit account id: {bad[0]!r}")
    if (ids or organization) and not account_role:
        raise fail("--accounts and --organization need --account-role")
    if account_role and not ROLE_ARN.match(account_role):
        raise fail("--account-role must be a role ARN such as 'arn:aws:iam::{account}:role/NAME'")
    if account_role and (ids or organization) and "{account}" not in account_role:
        raise fail("--account-role must contain '{account}' when auditing several accounts")
    if account_role and not ids and not organization and "{account}" not in account_role:
        ids = [account_role.split(":")[4]]
    if external_id and not account_role:
        raise fail("--external-id needs --account-role")
    return AuditOptions(
        regions=region,
        all_regions=all_regions,
        profile=profile,
        account_role=account_role,
        accounts=ids,
        organization=organization,
        external_id=external_id,
        all_revisions=all_revisions,
        concurrency=concurrency,
    )


def _shard(text: str | None) -> Any:
    """The `--shard` option, checked."""
    from scanner.collect.shards import Shard

    try:
        return Shard.parse(text) if text is not None else None
    except ValueError as exc:
        raise fail(f"--shard: {exc}") from None


def _scan(inventories: list[RegionInventory], save_inventory: Path | None, run: Run, settings: Config) -> ScanResult:
    """Write the snapshot and scan it as `fgscan scan` would, configuration and suppressions included.
    A temporary snapshot is named relative to its own folder, so reports name `ACCOUNT/REGION/KIND/NAME.json`
    and fingerprints do not depend on a temporary folder's name."""
    from scanner.collect import inventory

    with ExitStack() as stack:
        if save_inventory is None:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="fgscan-audit-")))
        else:
            root = save_inventory
        try:
            inventory.write(root, inventories)
        except OSError as exc:
            raise fail(f"{root}: cannot write the inventory: {exc.strerror}") from None
        base = root if save_inventory is None else None
        options = scan_options(run, settings, excludes=list(settings.exclude), base=base)
        result = scan([root], options)
        accept(result, settings, run, [root], None, partial=False)
    return result


def _prepare(root: Path) -> None:
    """Check (and empty) the `--save-inventory` folder before spending any API call."""
    from scanner.collect.inventory import SnapshotError, prepare

    try:
        prepare(root)
    except (SnapshotError, OSError) as exc:
        raise fail(str(exc)) from None


def _print_calls(coverage: Coverage) -> None:
    total = sum(coverage.api_calls.values())
    typer.echo(f"API calls: {total}", err=True)
    for operation, count in sorted(coverage.api_calls.items(), key=lambda item: (-item[1], item[0])):
        typer.echo(f"  {count:>7}  {operation}", err=True)


class _Quiet:
    """No progress output."""

    def __enter__(self) -> _Quiet:
        return self

    def __exit__(self, *_: Any) -> None:
        return None

    def started(self, account: str, region: str) -> None:
        return None

    def finished(self, account: str, region: str, inv: RegionInventory | None, gaps: int) -> None:
        return None


class _Lines(_Quiet):
    """One log line per account/region on stderr (not a terminal)."""

    def started(self, account: str, region: str) -> None:
        typer.echo(f"fgscan: {account} {region}: collecting", err=True)

    def finished(self, account: str, region: str, inv: RegionInventory | None, gaps: int) -> None:
        typer.echo(f"fgscan: {account} {region}: {_summary(inv, gaps)}", err=True)


class _Bars(_Quiet):
    """A rich progress display on a terminal: a spinner per account/region being read, and a line for
    each one done printed above them, so thousands of account/region pairs stay readable."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=Console(stderr=True, highlight=False),
            transient=True,
        )
        self.tasks: dict[tuple[str, str], Any] = {}

    def __enter__(self) -> _Bars:
        self.progress.start()
        return self

    def __exit__(self, *_: Any) -> None:
        self.progress.stop()

    def started(self, account: str, region: str) -> None:
        self.tasks[account, region] = self.progress.add_task(f"{account} {region}: collecting", total=None)

    def finished(self, account: str, region: str, inv: RegionInventory | None, gaps: int) -> None:
        from rich.markup import escape

        self.progress.remove_task(self.tasks.pop((account, region)))
        mark = "[yellow]![/yellow]" if gaps else "[green]✓[/green]"
        self.progress.console.print(f"{mark} {escape(account)} {escape(region)}: {escape(_summary(inv, gaps))}")


def _summary(inv: RegionInventory | None, gaps: int) -> str:
    counts = ", ".join(f"{n} {kind}" for kind, n in (inv.counts() if inv else {}).items()) or "nothing found"
    return counts + (f"; {gaps} not covered" if gaps else "")


def _progress(quiet: bool) -> _Quiet:
    if quiet:
        return _Quiet()
    return _Bars() if sys.stderr.isatty() else _Lines()
