"""GitHub Actions workflow commands: an annotation on the offending lines of each finding.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step, so the most severe
come first (input errors, then findings by severity) and a last notice says how many were left out.
Suppressed findings and those already in a baseline are not annotated.
"""

from __future__ import annotations

import re
from typing import TextIO

from scanner.escape import plain
from scanner.model import Finding, ScanResult, Severity, by_severity

CAP = 10
NOTICE_AT = re.compile(r"(?P<file>[^:]+):(?P<line>[0-9]+): notice: (?P<text>.*)", re.DOTALL)
COMMANDS = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "notice"}


def escape_data(text: str) -> str:
    """A workflow command's message: one inert line (see `reports.escape.plain`), in the runner's encoding."""
    return plain(text).replace("%", "%25")  # `plain` leaves no line break to encode as %0A


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
        COMMANDS[finding.severity],
        finding.message,
        file=finding.file,
        line=span.start_line if span else None,
        endLine=span.end_line if span else None,
        col=span.start_col if span and span.start_line == span.end_line else None,
        endColumn=span.end_col if span and span.start_line == span.end_line else None,
        title=f"fgscan {finding.rule_id} {finding.rule_name} ({finding.severity.value})",
    )


def _notice(notice: str) -> str:
    """A notice, on its line when it names one (`FILE:LINE: notice: ...`)."""
    found = NOTICE_AT.match(notice)
    if found is None:
        return command("notice", notice, title="fgscan")
    return command("notice", found["text"], file=found["file"], line=int(found["line"]), title="fgscan")


def write(result: ScanResult, stream: TextIO) -> None:
    """Write the annotations, within GitHub's per-step caps."""
    lines = [
        ("error", command("error", e.message, file=e.file, line=e.line, col=e.col, title="fgscan: input error"))
        for e in result.errors
    ]
    lines += [(COMMANDS[f.severity], _finding(f)) for f in by_severity(result.findings)]
    lines += [("notice", _notice(n)) for n in result.notices]
    shown: dict[str, int] = {"error": 0, "warning": 0, "notice": 0}
    left_out = 0
    overflow = any(sum(k == kind for k, _ in lines) > CAP for kind in shown)
    for kind, line in lines:
        cap = CAP - 1 if kind == "notice" and overflow else CAP
        if shown[kind] < cap:
            shown[kind] += 1
            stream.write(line + "\n")
        else:
            left_out += 1
    if left_out:
        stream.write(
            command(
                "notice",
                f"{left_out} more annotations were left out (GitHub shows at most {CAP} "
                "errors, warnings and notices per step); see the job summary or the SARIF report.",
                title="fgscan",
            )
            + "\n"
        )
