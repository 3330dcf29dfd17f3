"""GitHub Actions workflow commands: an annotation on the offending lines of each finding.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step, so the most severe
come first (input errors, then findings by severity) and a last notice says how many were left out.
Suppressed findings and those already in a baseline are not annotated.
"""

from __future__ import annotations

from typing import TextIO

from scanner.model import Finding, ScanResult, Severity, by_severity

CAP = 10
COMMANDS = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "notice"}


def escape_data(text: str) -> str:
    """A workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: object) -> str:
    """One `::kind prop=value,...::message` line, properties with no value left out."""
    given = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items() if value is not None)
    return f"::{kind}{' ' + given if given else ''}::{escape_data(message)}"


def _finding(finding: Finding) -> str:
    span = finding.span
    return command(
        COMMANDS[finding.severity], finding.message, file=finding.file,
        line=span.start_line if span else None, endLine=span.end_line if span else None,
        col=span.start_col if span and span.start_line == span.end_line else None,
        endColumn=span.end_col if span and span.start_line == span.end_line else None,
        title=f"fgscan {finding.rule_id} {finding.rule_name} ({finding.severity.value})",
    )


def write(result: ScanResult, stream: TextIO) -> None:
    """Write the annotations, within GitHub's per-step caps."""
    lines = [("error", command("error", e.message, file=e.file, line=e.line, col=e.col, title="fgscan: input error"))
             for e in result.errors]
    lines += [(COMMANDS[f.severity], _finding(f)) for f in by_severity(result.findings)]
    lines += [("notice", command("notice", n, title="fgscan")) for n in result.notices]
    shown: dict[str, int] = {"error": 0, "warning": 0, "notice": 0}
    left_out = 0
    overflow = sum(1 for kind, _ in lines if kind == "notice") > CAP or any(
        sum(1 for k, _ in lines if k == kind) > CAP for kind in ("error", "warning"))
    for kind, line in lines:
        cap = CAP - 1 if kind == "notice" and overflow else CAP
        if shown[kind] < cap:
            shown[kind] += 1
            stream.write(line + "\n")
        else:
            left_out += 1
    if left_out:
        stream.write(command("notice", f"{left_out} more annotations were left out (GitHub shows at most {CAP} "
                             "errors, warnings and notices per step); see the job summary or the SARIF report.",
                             title="fgscan") + "\n")
