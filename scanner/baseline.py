"""Baselines: accept today's findings and report (and fail on) only new ones.

`--write-baseline FILE` records each finding's fingerprint with its rule, resource, file and place;
`--baseline FILE` compares a scan with it. Fingerprints do not depend on line numbers, so a finding
stays "unchanged" when lines move; they do include the file path as reported (relative to the
working directory), so compare from the folder the baseline was written in.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import scanner
from scanner.escape import plain
from scanner.model import BaselineComparison, Finding, ScanResult, Severity, Span

FORMAT = "fgscan-baseline"
VERSION = 1
MAX_POSITION = 2**31  # a line or column beyond any file fgscan reads
FIELDS = ("fingerprint", "rule_id", "rule", "severity", "kind", "resource", "file", "message")


class BaselineError(Exception):
    """A baseline file that cannot be read; the message is one line naming the file."""


def write(result: ScanResult, stream: TextIO) -> None:
    """Record the scan's open findings (new and unchanged alike)."""
    current = result.findings + (result.baseline.unchanged if result.baseline else [])
    entries = sorted((_entry(f) for f in current), key=lambda e: (e["file"], e["rule_id"], e["fingerprint"]))
    json.dump(
        {"format": FORMAT, "version": VERSION, "tool": f"fgscan {scanner.__version__}", "findings": entries},
        stream,
        indent=2,
    )
    stream.write("\n")


def _entry(finding: Finding) -> dict[str, Any]:
    span = finding.span
    return {
        "fingerprint": finding.fingerprint,
        "rule_id": finding.rule_id,
        "rule": finding.rule_name,
        "severity": finding.severity.value,
        "kind": finding.kind,
        "resource": finding.resource,
        "file": finding.file,
        "message": finding.message,
        "region": [span.start_line, span.start_col, span.end_line, span.end_col] if span else None,
    }


def load(file: Path) -> list[Finding]:
    """The findings recorded in a baseline file."""
    shown = plain(file)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{shown}: cannot read baseline: {exc.strerror or exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{shown}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # not UTF-8, too many digits, too deep
        raise BaselineError(f"{shown}: not a baseline written by 'fgscan scan --write-baseline': {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{shown}: not a baseline written by 'fgscan scan --write-baseline'")
    if data.get("version") != VERSION:
        version = data.get("version") if isinstance(data.get("version"), (int, str)) else "?"
        raise BaselineError(f"{shown}: baseline version {plain(version)} is not supported (expected {VERSION})")
    findings = []
    for index, entry in enumerate(data["findings"]):
        try:
            findings.append(_finding(entry))
        except ValueError as exc:
            raise BaselineError(f"{shown}: malformed baseline entry findings[{index}]: {exc}") from None
    return findings


def _finding(entry: Any) -> Finding:
    if not isinstance(entry, dict):
        raise ValueError("not an object")
    missing = [name for name in FIELDS if not isinstance(entry.get(name), str)]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    region = entry.get("region")
    span = None
    if isinstance(region, list) and len(region) == 4 and all(type(n) is int and 0 < n < MAX_POSITION for n in region):
        span = Span(*region)
    return Finding(
        rule_id=entry["rule_id"],
        rule_name=entry["rule"],
        severity=Severity(entry["severity"]),
        message=entry["message"],
        kind=entry["kind"],
        resource=entry["resource"],
        file=entry["file"],
        span=span,
        path=(),
        fingerprint=entry["fingerprint"],
        baseline_state="absent",
    )


def compare(result: ScanResult, file: Path, in_scope: Callable[[str], bool] = lambda _: True) -> None:
    """Mark findings new or unchanged, move unchanged ones to `result.baseline`, and list the baseline's
    findings that are gone as fixed. Baseline entries for files outside this scan (`in_scope`) and
    suppressed findings are neither new nor fixed."""
    recorded = load(file)
    known = {f.fingerprint for f in recorded}
    comparison = BaselineComparison(file=str(file))
    for finding in [*result.findings, *result.suppressed]:
        finding.baseline_state = "unchanged" if finding.fingerprint in known else "new"
    comparison.unchanged = [f for f in result.findings if f.baseline_state == "unchanged"]
    result.findings = [f for f in result.findings if f.baseline_state == "new"]
    present = {f.fingerprint for f in [*comparison.unchanged, *result.suppressed]}
    comparison.fixed = [f for f in recorded if f.fingerprint not in present and in_scope(f.file)]
    result.baseline = comparison


def scope(paths: list[Path], only: set[Path] | None) -> Callable[[str], bool]:
    """Whether a reported file belongs to this scan: below a scanned path, and changed if `only` says so."""
    roots = [p.resolve() for p in paths]

    def in_scope(file: str) -> bool:
        try:
            path = Path(file).resolve()
            if only is not None and path not in only and path.exists():
                return False
        except (OSError, ValueError):  # a name no file can have (a NUL byte, too long): from no scanned path
            return False
        return any(path == root or root in path.parents for root in roots)

    return in_scope
