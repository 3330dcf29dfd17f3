"""Markdown for a pull-request comment or a GitHub job summary: counts by severity, the findings
table, what was suppressed and why, what a baseline accepted or saw fixed, notices and input errors.

Tables stop at `MAX_ROWS` rows (a job summary holds at most 1 MiB); the rest is counted.
"""

from __future__ import annotations

from typing import TextIO

from scanner.escape import code
from scanner.escape import markdown as cell
from scanner.model import Finding, ScanResult, Severity, by_severity

MAX_ROWS = 100
ICONS = {Severity.CRITICAL: "🟥", Severity.HIGH: "🟧", Severity.MEDIUM: "🟨", Severity.LOW: "🟦"}


def location(finding: Finding) -> str:
    """`file:line` in a code span."""
    return code(finding.file + (f":{finding.span.start_line}" if finding.span else ""))


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows[:MAX_ROWS]]
    if len(rows) > MAX_ROWS:
        lines.append(f"\n… and {len(rows) - MAX_ROWS} more (see the SARIF or JSON report).")
    return [*lines, ""]


def render(result: ScanResult) -> str:
    """The whole report as Markdown."""
    findings = by_severity(result.findings)
    if findings:
        headline = f"## fgscan: {len(findings)} finding{'s' if len(findings) != 1 else ''}"
    else:
        headline = "## fgscan: no findings"
    out = [
        headline,
        "",
        f"{result.resources_scanned} resources in {result.files_scanned} files checked by {len(result.rules)} rules.",
        "",
    ]
    counts = [[f"{ICONS[s]} {s.value}", str(sum(f.severity is s for f in findings))] for s in Severity]
    counts.append(["suppressed", str(len(result.suppressed))])
    if result.baseline:
        counts += [
            ["unchanged since baseline", str(len(result.baseline.unchanged))],
            ["fixed since baseline", str(len(result.baseline.fixed))],
        ]
    if result.errors:
        counts.append(["input errors", str(len(result.errors))])
    out += _table(["Severity", "Findings"], counts)
    if findings:
        out += ["### Findings", ""]
        out += _table(
            ["Severity", "Rule", "Resource", "Location", "Message"],
            [
                [
                    f"{ICONS[f.severity]} {f.severity.value}",
                    f"{cell(f.rule_id)} {cell(f.rule_name)}",
                    cell(f.resource),
                    location(f),
                    cell(f.message),
                ]
                for f in findings
            ],
        )
    if result.suppressed:
        out += [f"### Suppressed ({len(result.suppressed)})", ""]
        out += _table(
            ["Severity", "Rule", "Resource", "Location", "Reason", "Declared at"],
            [
                [
                    f.severity.value,
                    f"{cell(f.rule_id)} {cell(f.rule_name)}",
                    cell(f.resource),
                    location(f),
                    cell(f.suppression.reason),
                    code(f.suppression.where),
                ]
                for f in by_severity(result.suppressed)
                if f.suppression
            ],
        )
    if result.baseline and result.baseline.fixed:
        out += [f"### Fixed since the baseline ({len(result.baseline.fixed)})", ""]
        out += _table(
            ["Rule", "Resource", "File"],
            [[f"{cell(f.rule_id)} {cell(f.rule_name)}", cell(f.resource), code(f.file)] for f in result.baseline.fixed],
        )
    if result.notices:
        out += ["### Notices", "", *(f"- {cell(n)}" for n in result.notices[:MAX_ROWS]), ""]
    if result.errors:
        out += ["### Input errors", "", *(f"- {cell(str(e))}" for e in result.errors[:MAX_ROWS]), ""]
    return "\n".join(out)


def write(result: ScanResult, stream: TextIO) -> None:
    """Write the Markdown report."""
    stream.write(render(result))
