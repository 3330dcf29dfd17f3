"""The human report: findings grouped by rule, most severe first, with each rule's fix once and a per-rule
summary; a compact mode with one line per finding; colour only on a terminal.

Written with plain ANSI codes rather than rich: importing rich's console and table costs about 60 ms,
a quarter of the pre-commit hook's budget, for a report that needs six styles and one aligned table.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from scanner.coverage import account_region
from scanner.escape import plain as escape
from scanner.model import Finding, ScanResult, Severity, by_severity

_CODES = {"bold": "1", "dim": "2", "red": "31", "yellow": "33", "cyan": "36"}
STYLES = {Severity.CRITICAL: "bold red", Severity.HIGH: "red", Severity.MEDIUM: "yellow", Severity.LOW: "cyan"}


class Console:
    """Lines to a stream, styled only where colour is wanted: on a terminal unless `NO_COLOR` is set or
    `TERM=dumb`, or anywhere with `FORCE_COLOR` (the conventions of no-color.org and force-color.org)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.colour = _wants_colour(stream)
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
        self.rule_char = "\u2500" if encoding in ("utf8", "utf16", "utf32") else "-"

    def style(self, text: str, style: str) -> str:
        """`text` in `style` (words of `_CODES`), or as it is without colour."""
        if not self.colour or not text:
            return text
        return f"\x1b[{';'.join(_CODES[word] for word in style.split())}m{text}\x1b[0m"

    def print(self, text: str = "") -> None:
        self.stream.write(text + "\n")


def _wants_colour(stream: TextIO) -> bool:
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if sys.platform == "win32" and not os.environ.get("WT_SESSION") and not os.environ.get("TERM"):
        return False  # the classic Windows console shows ANSI codes as text
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def write(result: ScanResult, stream: TextIO, compact: bool = False, errors: bool = True) -> None:
    """Write the text report: findings grouped by rule, most severe first, each rule's fix once, and a
    per-rule summary table; `compact` writes one line per finding (`file:line:col: SEVERITY ID message`).
    Without `errors` the input errors are only counted (on a terminal the command prints them on stderr)."""
    console = Console(stream)
    findings = result.sorted_findings()
    if compact:
        for f in sorted(findings, key=lambda f: (f.file, f.span.start_line if f.span else 0, f.rule_id)):
            console.print(
                f"{escape(_where(f))}: {console.style(f.severity.value.upper(), STYLES[f.severity])} "
                f"{escape(f.rule_id)} {escape(f.message)}"
            )
    else:
        _by_rule(console, result, findings)
    for error in result.errors if errors else []:
        console.print(console.style(escape(str(error)), "yellow" if error.level == "warning" else "red"))
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
            f"{console.style(f'{worst.value.upper():<8}', style)} {console.style(escape(rule_id), 'bold')} "
            f"{escape(group[0].rule_name)}" + (f": {escape(title)}" if title else "") + f" ({len(group)})"
        )
        for f in sorted(group, key=lambda f: (f.file, f.span.start_line if f.span else 0)):
            severity = "" if f.severity is worst else f" {console.style(f.severity.value.upper(), STYLES[f.severity])}"
            console.print(f"  {escape(_where(f))}{severity}")
            console.print(f"    {escape(f.message)}")
            if f.chain:
                console.print(f"    Path: {escape(f.chain)}")
            if identity := _identity(f):
                console.print(f"    {console.style(escape(identity), 'dim')}")
        remediation = getattr(rules.get(rule_id), "remediation", "")
        if remediation:
            console.print(f"  {console.style(f'Fix: {escape(remediation)}', 'dim')}")
        console.print()
    if findings:
        _summary(console, findings, order)


def _summary(console: Console, findings: list[Finding], order: list[str]) -> None:
    """The per-rule table: columns three spaces apart, counts aligned right, a rule under the header."""
    header = ("Rule", "Name", "Severity", "Findings", "Files")
    rows = []
    for rule_id in order:
        group = [f for f in findings if f.rule_id == rule_id]
        worst = _worst(findings, rule_id)
        rows.append(
            (
                escape(rule_id),
                escape(group[0].rule_name),
                worst.value,
                str(len(group)),
                str(len({f.file for f in group})),
            )
        )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        cells = [
            cell.rjust(w) if i >= 3 else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "   ".join(cells).rstrip()

    console.print(console.style(line(header), "bold"))
    console.print(console.rule_char * (sum(widths) + 3 * (len(widths) - 1)))
    for row in rows:
        console.print(line(row))
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
        console.print(console.style(f"Suppressed ({len(result.suppressed)})", "bold"))
        for f in by_severity(result.suppressed):
            line = f":{f.span.start_line}" if f.span else ""
            reason, where = (f.suppression.reason, f.suppression.where) if f.suppression else ("", "")
            console.print(
                f"  {f.severity.value.upper():<8} {escape(f.rule_id)} {escape(f.resource)} ({escape(f.file)}{line})"
                f": {escape(reason)} {console.style(f'(declared at {escape(where)})', 'dim')}"
            )
        console.print()
    if result.baseline and result.baseline.fixed:
        console.print(console.style(f"Fixed since the baseline ({len(result.baseline.fixed)})", "bold"))
        for f in result.baseline.fixed:
            console.print(f"  {escape(f.rule_id)} {escape(f.resource)} ({escape(f.file)})")
        console.print()
    for notice in result.notices:
        console.print(console.style(escape(notice), "yellow"))


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
        console.print(console.style(f"Not covered ({len(result.coverage.gaps)})", "bold red"))
        for gap in result.coverage.gaps:
            console.print(f"  {console.style(escape(str(gap)), 'red')}")
        console.print()


def plural(count: int, noun: str) -> str:
    """`1 file`, `2 files`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
