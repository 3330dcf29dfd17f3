"""OCSF 1.x Compliance Finding events (class 2003), one per finding, as JSON Lines for SIEMs and data lakes.

Each event is self-contained: the rule as the compliance check and its framework controls, the resource
with its ARN, account and region, the severity and the remediation. Suppressed findings are written too,
with status Suppressed, so a data lake keeps the waiver next to the result.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, TextIO

import scanner
from scanner.coverage import account_region, arn_partition
from scanner.model import Finding, ScanResult

OCSF_VERSION = "1.5.0"
CLASS_UID = 2003  # Compliance Finding
CATEGORY_UID = 2  # Findings
ACTIVITY_CREATE = 1
SEVERITY_IDS = {"low": 2, "medium": 3, "high": 4, "critical": 5}
STATUS_NEW, STATUS_SUPPRESSED = 1, 3
COMPLIANCE_FAIL = 3


def event(finding: Finding, rule: Any, time_ms: int) -> dict[str, Any]:
    """One Compliance Finding event."""
    account, region = account_region(finding.arn, finding.file)
    title = (rule.title if rule else "") or finding.rule_name
    resource: dict[str, Any] = {
        "uid": finding.arn or f"{finding.declared_in}#{finding.kind}/{finding.resource}",
        "name": finding.resource,
        "type": finding.kind,
        "data": {"file": finding.file, "line": finding.span.start_line if finding.span else None},
    }
    if region:
        resource["region"] = region
    if finding.arn:
        resource["cloud_partition"] = arn_partition(finding.arn)
    out: dict[str, Any] = {
        "class_uid": CLASS_UID,
        "class_name": "Compliance Finding",
        "category_uid": CATEGORY_UID,
        "category_name": "Findings",
        "activity_id": ACTIVITY_CREATE,
        "activity_name": "Create",
        "type_uid": CLASS_UID * 100 + ACTIVITY_CREATE,
        "type_name": "Compliance Finding: Create",
        "time": time_ms,
        "severity_id": SEVERITY_IDS[finding.severity.value],
        "severity": finding.severity.value.capitalize(),
        "status_id": STATUS_SUPPRESSED if finding.suppression else STATUS_NEW,
        "status": "Suppressed" if finding.suppression else "New",
        "message": finding.message,
        "metadata": {
            "version": OCSF_VERSION,
            "product": {"name": "fgscan", "vendor_name": "fargate-scanner", "version": scanner.__version__},
            "uid": finding.fingerprint,
        },
        "finding_info": {
            "uid": finding.fingerprint,
            "title": title,
            "desc": finding.message,
            "types": [finding.rule_name],
            "analytic": {"uid": finding.rule_id, "name": finding.rule_name, "type_id": 1, "type": "Rule"},
        },
        "compliance": {
            "control": finding.rule_id,
            "standards": sorted((rule.frameworks if rule else {}).keys()),
            "requirements": [f"{fw} {c}" for fw, ids in (rule.frameworks if rule else {}).items() for c in ids],
            "status_id": COMPLIANCE_FAIL,
            "status": "Fail",
        },
        "resources": [resource],
        "cloud": {"provider": "AWS", **({"region": region} if region and region != "global" else {})},
    }
    if account:
        out["cloud"]["account"] = {"uid": account, "type_id": 10, "type": "AWS Account"}
    if finding.suppression:
        out["status_detail"] = finding.suppression.reason
    if rule and rule.remediation:
        out["remediation"] = {"desc": rule.remediation, "references": list(rule.references)}
    return out


def events(result: ScanResult, now: datetime | None = None) -> list[dict[str, Any]]:
    """An event per reported finding, then per suppressed one."""
    time_ms = int((now or datetime.now(timezone.utc)).timestamp() * 1000)
    rules = {rule.id: rule for rule in result.rules}
    return [event(f, rules.get(f.rule_id), time_ms) for f in [*result.sorted_findings(), *result.suppressed]]


def write(result: ScanResult, stream: TextIO) -> None:
    """One JSON event per line (JSON Lines), as SIEM collectors and data lakes ingest them."""
    for item in events(result):
        stream.write(json.dumps(item, separators=(",", ":")) + "\n")
