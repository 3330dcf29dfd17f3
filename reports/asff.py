"""AWS Security Finding Format (ASFF): the findings as Security Hub imports them (`BatchImportFindings`).

Findings go to the custom-integration product of the account that imports them
(`arn:aws:securityhub:REGION:ACCOUNT:product/ACCOUNT/default`), one generator per rule. A finding's `Id`
is built from its rule and fingerprint, so the next audit updates it instead of adding a copy, and a
finding that is gone can be archived by that `Id`. Local files have no account or region: those findings
use the importing account (`account`/`region` arguments), else `AWS_REGION` and the placeholder
account `000000000000`.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from typing import Any, TextIO

import scanner
from reports import dump_json
from scanner.coverage import account_region, arn_partition
from scanner.model import Finding, ScanResult

SCHEMA_VERSION = "2018-10-08"
PLACEHOLDER_ACCOUNT = "000000000000"
FINDING_TYPE = "Software and Configuration Checks/Industry and Regulatory Standards"
TITLE_LIMIT = 256
TEXT_LIMIT = 1024
RESOURCE_TYPES = {
    "ecs_task_definition": "AwsEcsTaskDefinition",
    "ecs_service": "AwsEcsService",
    "ecs_cluster": "AwsEcsCluster",
    "ec2_security_group": "AwsEc2SecurityGroup",
    "ec2_network_interface": "AwsEc2NetworkInterface",
    "iam_role": "AwsIamRole",
    "iam_policy": "AwsIamPolicy",
    "elbv2_load_balancer": "AwsElbv2LoadBalancer",
}
LABELS = {"critical": "CRITICAL", "high": "HIGH", "medium": "MEDIUM", "low": "LOW"}


def product_arn(account: str, region: str, partition: str = "aws") -> str:
    """The custom-integration product every account has in Security Hub."""
    return f"arn:{partition}:securityhub:{region}:{account}:product/{account}/default"


def finding_id(finding: Finding, account: str, region: str) -> str:
    """Stable across audits: where, which rule, and the finding's fingerprint."""
    return f"fgscan/{account}/{region}/{finding.rule_id}/{finding.fingerprint}"


def findings(
    result: ScanResult, account: str | None = None, region: str | None = None, now: datetime | None = None
) -> list[dict[str, Any]]:
    """Every reported and suppressed finding as an ASFF object (suppressed ones with workflow SUPPRESSED)."""
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    rules = {rule.id: rule for rule in result.rules}
    default_region = region or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
    out = []
    for finding in [*result.sorted_findings(), *result.suppressed]:
        owner, where = account_region(finding.arn, finding.file)
        owner = owner or account or PLACEHOLDER_ACCOUNT
        where = default_region if where in (None, "global") else where
        out.append(_asff(finding, rules.get(finding.rule_id), account or owner, owner, where, stamp))
    return out


def _asff(finding: Finding, rule: Any, importer: str, owner: str, region: str, stamp: str) -> dict[str, Any]:
    partition = arn_partition(finding.arn)
    title = (rule.title if rule else "") or finding.rule_name
    item: dict[str, Any] = {
        "SchemaVersion": SCHEMA_VERSION,
        "Id": finding_id(finding, owner, region),
        "ProductArn": product_arn(importer, region, partition),
        "ProductName": "fgscan",
        "CompanyName": "fargate-scanner",
        "GeneratorId": f"fgscan/{finding.rule_id}",
        "AwsAccountId": owner,
        "Region": region,
        "Types": [FINDING_TYPE],
        "CreatedAt": stamp,
        "UpdatedAt": stamp,
        "Severity": {"Label": LABELS[finding.severity.value], "Original": finding.severity.value},
        "Title": _cut(f"{finding.rule_id} {title}", TITLE_LIMIT),
        "Description": _cut(finding.message, TEXT_LIMIT),
        "Resources": [_resource(finding, partition, region)],
        "Compliance": {"Status": "FAILED", **_requirements(rule)},
        "RecordState": "ACTIVE",
        "Workflow": {"Status": "SUPPRESSED" if finding.suppression else "NEW"},
        "ProductFields": {
            "fgscan/RuleName": finding.rule_name,
            "fgscan/Version": scanner.__version__,
            "fgscan/File": finding.file,
            "fgscan/Fingerprint": finding.fingerprint,
        },
    }
    if finding.span:
        item["ProductFields"]["fgscan/Line"] = str(finding.span.start_line)
    if finding.suppression:
        item["Note"] = {
            "Text": _cut(f"suppressed: {finding.suppression.reason}", 512),
            "UpdatedBy": "fgscan",
            "UpdatedAt": stamp,
        }
    if rule and (rule.remediation or rule.references):
        recommendation = {"Text": _cut(rule.remediation or title, 512)}
        if rule.references:
            recommendation["Url"] = rule.help_uri
        item["Remediation"] = {"Recommendation": recommendation}
    return item


def _resource(finding: Finding, partition: str, region: str) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "Type": RESOURCE_TYPES.get(finding.kind, "Other"),
        "Id": finding.arn or f"{finding.declared_in}#{finding.kind}/{finding.resource}",
        "Partition": partition,
        "Region": region,
    }
    if not finding.arn:
        resource["Details"] = {"Other": {"Name": _cut(finding.resource, TEXT_LIMIT), "Kind": finding.kind}}
    return resource


def _requirements(rule: Any) -> dict[str, Any]:
    """`RelatedRequirements` as Security Hub writes them (`NIST.800-53.r5 AC-6`), at most 32."""
    names = {"aws-fsbp": "AWS-FSBP", "nist-800-53": "NIST.800-53.r5", "cis-aws": "CIS AWS", "cis-docker": "CIS Docker"}
    found = [f"{names.get(fw, fw)} {c}" for fw, ids in (rule.frameworks if rule else {}).items() for c in ids]
    return {"RelatedRequirements": found[:32]} if found else {}


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def write(result: ScanResult, stream: TextIO, account: str | None = None, region: str | None = None) -> None:
    """Write the findings as a JSON array of ASFF objects (`aws securityhub batch-import-findings` input)."""
    dump_json(findings(result, account, region), stream)
    stream.write("\n")
