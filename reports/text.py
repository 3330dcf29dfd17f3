"""The human report: findings grouped by file, most severe first; colour only on a terminal."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from rich.console import Console
from rich.markup import escape as markup

from scanner.coverage import account_region
from scanner.escape import plain
from scanner.model import Finding, ScanResult, Severity, by_severity

STYLES = {Severity.CRITICAL: "bold red", Severity.HIGH: "red", Severity.MEDIUM: "yellow", Severity.LOW: "cyan"}


def escape(text: object) -> str:
    """Input text as inert console markup: one line, no control characters or workflow commands."""
    return markup(plain(text))


def write(result: ScanResult, stream: TextIO) -> None:
    """Write the text report."""
    console = Console(file=stream, highlight=False, soft_wrap=True, emoji=False)  # `:name:` in input stays text
    remediation = {r.id: r.remediation for r in result.rules}
    findings = sorted(result.sorted_findings(), key=lambda f: f.file)
    for file, grouped in groupby(findings, key=lambda f: f.file):
        group = list(grouped)
        console.print(f"[bold]{escape(file)}[/bold]")
        identities = {_identity(f) for f in group}
        shared = identities.pop() if len(identities) == 1 else ""
        if shared:  # one live resource per snapshot file: say which, once
            console.print(f"  [dim]{escape(shared)}[/dim]")
        for f in sorted(group, key=lambda f: (-f.severity.rank, f.span.start_line if f.span else 0)):
            where = f"{f.span.start_line}:{f.span.start_col}" if f.span else "-"
            style = STYLES[f.severity]
            console.print(
                f"  [{style}]{f.severity.value.upper():<8}[/{style}] {where:<8} {escape(f.rule_id)} "
                f"[dim]{escape(f.rule_name)}[/dim]"
            )
            console.print(f"           {escape(f.message)}")
            if f.chain:
                console.print(f"           Path: {escape(f.chain)}")
            if not shared and (identity := _identity(f)):
                console.print(f"           [dim]{escape(identity)}[/dim]")
            if remediation.get(f.rule_id):
                console.print(f"           [dim]Fix: {escape(remediation[f.rule_id])}[/dim]")
        console.print()
    for error in result.errors:
        console.print(f"[red]{escape(str(error))}[/red]")
    _accepted(console, result)
    _coverage(console, result)
    counts = ", ".join(f"{sum(f.severity is s for f in findings)} {s.value}" for s in Severity)
    console.print(
        f"{plural(len(findings), 'finding')} ({counts}) in {plural(result.resources_scanned, 'resource')} from "
        f"{plural(result.files_scanned, 'file')}; {plural(len(result.rules), 'rule')}; "
        f"{plural(len(result.errors), 'input error')}"
        + (f"; {len(result.suppressed)} suppressed" if result.suppressed else "")
        + (
            f"; {len(result.baseline.unchanged)} unchanged and {len(result.baseline.fixed)} fixed since the baseline"
            if result.baseline
            else ""
        )
    )


def _accepted(console: Console, result: ScanResult) -> None:
    """Suppressed findings with their reasons, findings fixed since the baseline, and notices."""
    if result.suppressed:
        console.print(f"[bold]Suppressed ({len(result.suppressed)})[/bold]")
        for f in by_severity(result.suppressed):
            line = f":{f.span.start_line}" if f.span else ""
            reason, where = (f.suppression.reason, f.suppression.where) if f.suppression else ("", "")
            console.print(
                f"  {f.severity.value.upper():<8} {escape(f.rule_id)} {escape(f.resource)} ({escape(f.file)}{line})"
                f": {escape(reason)} [dim](declared at {escape(where)})[/dim]"
            )
        console.print()
    if result.baseline and result.baseline.fixed:
        console.print(f"[bold]Fixed since the baseline ({len(result.baseline.fixed)})[/bold]")
        for f in result.baseline.fixed:
            console.print(f"  {escape(f.rule_id)} {escape(f.resource)} ({escape(f.file)})")
        console.print()
    for notice in result.notices:
        console.print(f"[yellow]{escape(notice)}[/yellow]")


def _identity(finding: Finding) -> str:
    """`ARN (account A, region R)` when the finding's resource is a live one."""
    account, region = account_region(finding.arn, finding.file)
    if not account:
        return finding.arn or ""
    return f"{finding.arn or finding.resource} (account {account}, region {region})"


def _coverage(console: Console, result: ScanResult) -> None:
    """A live audit's scope and what it could not read."""
    if result.coverage is None:
        return
    accounts = len(result.coverage.accounts)
    regions = len({r for listed in result.coverage.regions.values() for r in listed})
    state = "complete" if result.coverage.complete else "INCOMPLETE"
    console.print(
        f"Coverage: {accounts} account{'s' * (accounts != 1)}, {regions} region{'s' * (regions != 1)}; {state}"
    )
    if result.coverage.gaps:
        console.print(f"[bold red]Not covered ({len(result.coverage.gaps)})[/bold red]")
        for gap in result.coverage.gaps:
            console.print(f"  [red]{escape(str(gap))}[/red]")
        console.print()


def plural(count: int, noun: str) -> str:
    """`1 file`, `2 files`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
