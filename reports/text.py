"""The human report: findings grouped by rule, most severe first, with each rule's fix once and a per-rule
summary; a compact mode with one line per finding; colour only on a terminal."""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.markup import escape as markup
from rich.table import Table

from scanner.coverage import account_region
from scanner.escape import plain
from scanner.model import Finding, ScanResult, Severity, by_severity


def escape(text: object) -> str:
    """Input text as inert console markup: one line, no control characters or workflow commands."""
    return markup(plain(text))


STYLES = {Severity.CRITICAL: "bold red", Severity.HIGH: "red", Severity.MEDIUM: "yellow", Severity.LOW: "cyan"}


def write(result: ScanResult, stream: TextIO, compact: bool = False, errors: bool = True) -> None:
    """Write the text report: findings grouped by rule, most severe first, each rule's fix once, and a
    per-rule summary table; `compact` writes one line per finding (`file:line:col: SEVERITY ID message`).
    Without `errors` the input errors are only counted (on a terminal the command prints them on stderr)."""
    console = Console(file=stream, highlight=False, soft_wrap=True, emoji=False)  # `:name:` in input stays text
    findings = result.sorted_findings()
    if compact:
        for f in sorted(findings, key=lambda f: (f.file, f.span.start_line if f.span else 0, f.rule_id)):
            console.print(
                f"{escape(_where(f))}: [{STYLES[f.severity]}]{f.severity.value.upper()}[/{STYLES[f.severity]}] "
                f"{escape(f.rule_id)} {escape(f.message)}"
            )
    else:
        _by_rule(console, result, findings)
    for error in result.errors if errors else []:
        console.print(f"[{'yellow' if error.level == 'warning' else 'red'}]{escape(str(error))}[/]")
    if not compact:
        _accepted(console, result)
        _coverage(console, result)
    failed = sum(e.level == "error" for e in result.errors)
    warnings = len(result.errors) - failed
    counts = ", ".join(f"{sum(f.severity is s for f in findings)} {s.value}" for s in Severity)
    console.print(
        f"{plural(len(findings), 'finding')} ({counts}) in {plural(result.resources_scanned, 'resource')} from "
        f"{plural(result.files_scanned, 'file')}; {plural(len(result.rules), 'rule')}; "
        f"{plural(failed, 'input error')}"
        + (f"; {plural(warnings, 'warning')}" if warnings else "")
        + (f"; {len(result.suppressed)} suppressed" if result.suppressed else "")
        + (
            f"; {len(result.baseline.unchanged)} unchanged and {len(result.baseline.fixed)} fixed since the baseline"
            if result.baseline
            else ""
        )
    )


def _by_rule(console: Console, result: ScanResult, findings: list[Finding]) -> None:
    """One block per rule: its findings located and explained, then its fix once; then the summary table."""
    rules = {r.id: r for r in result.rules}
    order = sorted({f.rule_id for f in findings}, key=lambda i: (-_worst(findings, i).rank, i))
    for rule_id in order:
        group = [f for f in findings if f.rule_id == rule_id]
        worst = _worst(findings, rule_id)
        style = STYLES[worst]
        title = getattr(rules.get(rule_id), "title", "")
        console.print(
            f"[{style}]{worst.value.upper():<8}[/{style}] [bold]{escape(rule_id)}[/bold] {escape(group[0].rule_name)}"
            + (f": {escape(title)}" if title else "")
            + f" ({len(group)})"
        )
        for f in sorted(group, key=lambda f: (f.file, f.span.start_line if f.span else 0)):
            severity = "" if f.severity is worst else f" [{STYLES[f.severity]}]{f.severity.value.upper()}[/]"
            console.print(f"  {escape(_where(f))}{severity}")
            console.print(f"    {escape(f.message)}")
            if f.chain:
                console.print(f"    Path: {escape(f.chain)}")
            if identity := _identity(f):
                console.print(f"    [dim]{escape(identity)}[/dim]")
        remediation = getattr(rules.get(rule_id), "remediation", "")
        if remediation:
            console.print(f"  [dim]Fix: {escape(remediation)}[/dim]")
        console.print()
    if findings:
        _summary(console, findings, order)


def _summary(console: Console, findings: list[Finding], order: list[str]) -> None:
    table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False)
    for column in ("Rule", "Name", "Severity", "Findings", "Files"):
        table.add_column(column, justify="right" if column in ("Findings", "Files") else "left")
    for rule_id in order:
        group = [f for f in findings if f.rule_id == rule_id]
        worst = _worst(findings, rule_id)
        table.add_row(
            escape(rule_id), escape(group[0].rule_name), worst.value, str(len(group)), str(len({f.file for f in group}))
        )
    console.print(table)
    console.print()


def _worst(findings: list[Finding], rule_id: str) -> Severity:
    return max((f.severity for f in findings if f.rule_id == rule_id), key=lambda s: s.rank)


def _where(finding: Finding) -> str:
    """`file:line:col`, or the file alone when the finding has no location."""
    span = finding.span
    return f"{finding.file}:{span.start_line}:{span.start_col}" if span else finding.file


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
