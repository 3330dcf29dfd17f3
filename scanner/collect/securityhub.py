"""`--to-security-hub`: import an audit's findings into AWS Security Hub and archive the ones now fixed.

Security Hub accepts findings for the custom-integration product only from the account they belong to,
so each audited account's findings are imported through that account's own session (the audit role needs
`securityhub:BatchImportFindings` and `securityhub:GetFindings` for this), into the region of the
resource (global IAM findings into the home region), in batches of 100 with retries.

An ACTIVE fgscan finding already in Security Hub that this audit did not report is archived (RecordState
ARCHIVED, Compliance PASSED), but only when its account and region were read completely: a resource the
audit could not read is never declared clean.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from msgspec import Struct, field

from reports import asff
from scanner.collect import session
from scanner.collect.faults import batches, describe
from scanner.collect.inventory import GLOBAL
from scanner.coverage import Coverage
from scanner.model import ScanResult

BATCH = 100
RETRIES = 4
BACKOFF = 0.5  # seconds, doubled on each retry
GLOBAL_TYPES = {"AwsIamRole", "AwsIamPolicy"}
# Fields a finding must keep when it is re-imported to archive it.
ARCHIVE_KEYS = (
    "SchemaVersion",
    "Id",
    "ProductArn",
    "GeneratorId",
    "AwsAccountId",
    "Types",
    "CreatedAt",
    "Severity",
    "Title",
    "Description",
    "Resources",
    "ProductFields",
)


class Outcome(Struct):
    """What was sent: findings imported, archived, and what failed as (account, region, why)."""

    imported: int = 0
    archived: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)


def publish(
    result: ScanResult,
    coverage: Coverage,
    open_session: Callable[[str], Any],
    home: str,
    now: datetime | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Outcome:
    """Import every finding into its account and region, then archive what those hubs hold that is fixed."""
    stamp = now or datetime.now(timezone.utc)
    by_hub: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for item in asff.findings(result, region=home, now=stamp):
        by_hub.setdefault((item["AwsAccountId"], item["Region"]), []).append(item)
    for account in coverage.accounts:  # hubs without findings may still hold fixed ones
        for region in {*coverage.regions.get(account, []), home} - {GLOBAL}:
            by_hub.setdefault((account, region), [])
    outcome = Outcome()
    sessions: dict[str, Any] = {}
    for (account, region), items in sorted(by_hub.items()):
        try:
            if account not in sessions:
                sessions[account] = open_session(account)
            client = sessions[account].client("securityhub", region_name=region)
            stale = [] if not clean_scope(coverage, account, region, home) else _stale(client, account, region, items)
            archived = [archive(item, stamp) for item in stale]
            refused = import_findings(client, items + archived, sleep)
        except Exception as exc:
            if not _is_aws_error(exc):
                raise
            code, message = describe(exc)
            outcome.failures.append((account, region, f"{code}: {message}"))
            continue
        outcome.imported += sum(item["Id"] not in refused for item in items)
        outcome.archived += sum(item["Id"] not in refused for item in archived)
        outcome.failures += [(account, region, f"finding {id}: {why}") for id, why in refused.items()]
    return outcome


def opener(profile: str | None, regions: list[str], role: str | None, external_id: str | None) -> tuple[Any, str]:
    """`(open_session, home region)`: a session per account, through `role` (`{account}` filled in) when
    given, else the caller's own."""
    counter = session.ApiCounter()
    base = session.base_session(profile, counter)
    home = session.home_region(base, regions)

    def open_session(account: str) -> Any:
        if not role:
            return base
        arn = role.replace("{account}", account)
        return session.assumed_session(base, arn, external_id, home, counter, profile)

    return open_session, home


def clean_scope(coverage: Coverage, account: str, region: str, home: str) -> bool:
    """True when the audit read `account`/`region` without a gap (the home region also holds IAM findings,
    so the account's global IAM reads must be complete too)."""
    if account not in coverage.accounts or region not in coverage.regions.get(account, []):
        return False
    places = {region, GLOBAL} if region == home else {region}
    return not any(g.account in (account, "unknown") and g.region in places | {"*"} for g in coverage.gaps)


def _stale(client: Any, account: str, region: str, current: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ACTIVE fgscan findings of this account and region in the hub that this audit did not report."""
    product = asff.product_arn(account, region)
    filters = {
        "ProductArn": [{"Value": product, "Comparison": "EQUALS"}],
        "GeneratorId": [{"Value": "fgscan/", "Comparison": "PREFIX"}],
        "RecordState": [{"Value": "ACTIVE", "Comparison": "EQUALS"}],
        "AwsAccountId": [{"Value": account, "Comparison": "EQUALS"}],
    }
    ids = {item["Id"] for item in current}
    stale = []
    for page in client.get_paginator("get_findings").paginate(Filters=filters, PaginationConfig={"PageSize": 100}):
        for found in page.get("Findings", []):
            ours = found.get("ProductArn") == product and str(found.get("GeneratorId", "")).startswith("fgscan/")
            if ours and found.get("RecordState") == "ACTIVE" and found.get("Id") not in ids:
                stale.append(found)
    return stale


def archive(found: dict[str, Any], now: datetime) -> dict[str, Any]:
    """The finding re-imported as fixed."""
    item = {key: found[key] for key in ARCHIVE_KEYS if key in found}
    stamp = now.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    return {**item, "UpdatedAt": stamp, "RecordState": "ARCHIVED", "Compliance": {"Status": "PASSED"}}


def import_findings(client: Any, items: list[dict[str, Any]], sleep: Callable[[float], None]) -> dict[str, str]:
    """`BatchImportFindings` by 100; findings Security Hub refuses, and batches whose call fails, are
    retried with a growing pause; what still fails is returned (finding id -> last error)."""
    failures: dict[str, str] = {}
    for batch in batches(items, BATCH):
        pending, last = batch, ""
        for attempt in range(RETRIES + 1):
            if attempt:
                sleep(BACKOFF * 2 ** (attempt - 1))
            try:
                answer = client.batch_import_findings(Findings=pending)
            except Exception as exc:
                if not _is_aws_error(exc):
                    raise
                last = "{}: {}".format(*describe(exc))
                continue
            refused = {f["Id"]: f"{f.get('ErrorCode')}: {f.get('ErrorMessage')}" for f in answer["FailedFindings"]}
            pending = [item for item in pending if item["Id"] in refused]
            last = "; ".join(sorted(set(refused.values())))
            if not pending:
                break
        failures.update((item["Id"], last) for item in pending)
    return failures


def _is_aws_error(exc: Exception) -> bool:
    from botocore.exceptions import BotoCoreError, ClientError, ParamValidationError

    return isinstance(exc, (ClientError, BotoCoreError)) and not isinstance(exc, ParamValidationError)


def send(result: ScanResult, coverage: Coverage, options: Any) -> Outcome:
    """`fgscan audit --to-security-hub`; a failed send is added to the coverage gaps (exit 3)."""
    from scanner.coverage import CoverageGap

    open_session, home = opener(options.profile, options.regions, options.account_role, options.external_id)
    outcome = publish(result, coverage, open_session, home)
    for account, region, why in outcome.failures:
        coverage.gaps.append(
            CoverageGap(account, region, "securityhub:BatchImportFindings", "NotImported", "error", why)
        )
    return outcome
