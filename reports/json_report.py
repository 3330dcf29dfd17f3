"""The JSON report: a stable, documented shape (see docs/json-report.md); `schema_version` changes
only when a field is removed or changes meaning."""

from __future__ import annotations

from typing import Any, TextIO

import scanner
from reports import dump_json
from scanner.coverage import account_region
from scanner.model import Finding, ScanResult, Severity, by_severity

SCHEMA_VERSION = 1


def finding_dict(finding: Finding, titles: dict[str, str]) -> dict[str, Any]:
    """One finding as plain data."""
    span = finding.span
    account, region = account_region(finding.arn, finding.file)
    return {
        "rule_id": finding.rule_id,
        "rule": finding.rule_name,
        "title": titles.get(finding.rule_id, ""),
        "severity": finding.severity.value,
        "message": finding.message,
        "kind": finding.kind,
        "resource": finding.resource,
        "arn": finding.arn,
        "account": account,
        "region": region,
        "file": finding.file,
        "line": span.start_line if span else None,
        "column": span.start_col if span else None,
        "end_line": span.end_line if span else None,
        "end_column": span.end_col if span else None,
        "path": list(finding.path),
        "fingerprint": finding.fingerprint,
        "chain": finding.chain,
        "related": [
            {
                "file": r.file,
                "line": r.span.start_line if r.span else None,
                "column": r.span.start_col if r.span else None,
                "end_line": r.span.end_line if r.span else None,
                "end_column": r.span.end_col if r.span else None,
                "message": r.message,
                "id": r.id,
            }
            for r in finding.related
        ],
        "linked_message": finding.linked_message,
        "resource_file": finding.resource_file,
    }


def report(result: ScanResult) -> dict[str, Any]:
    """The whole report as plain data."""
    titles = {r.id: r.title for r in result.rules}
    findings = result.sorted_findings()
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "fgscan", "version": scanner.__version__},
        "summary": {
            "files": result.files_scanned,
            "resources": result.resources_scanned,
            "rules": len(result.rules),
            "findings": len(findings),
            "by_severity": {s.value: sum(f.severity is s for f in findings) for s in Severity},
            "errors": len(result.errors),
            "suppressed": len(result.suppressed),
        },
        "findings": [finding_dict(f, titles) for f in findings],
        "errors": [{"file": e.file, "line": e.line, "column": e.col, "message": e.message} for e in result.errors],
        "suppressed": [
            {
                **finding_dict(f, titles),
                "suppression": {
                    "kind": f.suppression.kind,
                    "reason": f.suppression.reason,
                    "where": f.suppression.where,
                },
            }
            for f in by_severity(result.suppressed)
            if f.suppression
        ],
        "notices": list(result.notices),
        "coverage": result.coverage.as_dict() if result.coverage else None,
        "evaluated": dict(sorted(result.evaluated.items())),
        "baseline": None
        if result.baseline is None
        else {
            "file": result.baseline.file,
            "new": len(findings),
            "unchanged": len(result.baseline.unchanged),
            "fixed": [finding_dict(f, titles) for f in result.baseline.fixed],
        },
    }


def write(result: ScanResult, stream: TextIO) -> None:
    """Write the JSON report."""
    dump_json(report(result), stream)
    stream.write("\n")
