"""What a live audit covered and what it could not read, for the reports.

Also finds the account and region of a finding, from its ARN or from the snapshot path
(`ACCOUNT/REGION/KIND/NAME.json`) for resources whose describe output has no ARN (ENIs).
"""

from __future__ import annotations

import re

from msgspec import Struct, field

from scanner.escape import plain

SNAPSHOT_PATH = re.compile(r"(?:^|[/\\])(\d{12})[/\\]([a-z0-9-]+)[/\\](?:ecs|ec2|iam)_[a-z_]+[/\\][^/\\]+$")


class CoverageGap(Struct, frozen=True):
    """One thing the audit could not read: `api` (`ecs:ListServices`) in `account`/`region` failed with
    `error` (the AWS error code) of `category` (access-denied, throttled, credentials-or-region,
    connection, error); `target` names what it was reading when that is narrower than the region."""

    account: str
    region: str
    api: str
    error: str
    category: str
    message: str
    target: str = ""

    def __str__(self) -> str:
        where = f"account {self.account} region {self.region}"
        what = f"{self.api} on {self.target}" if self.target else self.api
        text = f"{where}: {what} not covered: {self.error}"
        return plain(f"{text} ({self.message})" if self.message else text)  # AWS's words and names: one inert line


class Coverage(Struct):
    """The scope of an audit and its gaps; complete when nothing failed."""

    accounts: list[str] = field(default_factory=list)
    regions: dict[str, list[str]] = field(default_factory=dict)
    gaps: list[CoverageGap] = field(default_factory=list)
    api_calls: dict[str, int] = field(default_factory=dict)
    shard: str | None = None  # `K/N` when this audit read one shard of the work units

    @property
    def complete(self) -> bool:
        """True when every account, region and API was read."""
        return not self.gaps

    def as_dict(self) -> dict:
        """Plain data for the JSON report."""
        return {
            "complete": self.complete,
            "accounts": self.accounts,
            "regions": self.regions,
            "not_covered": [
                {
                    "account": g.account,
                    "region": g.region,
                    "api": g.api,
                    "target": g.target or None,
                    "error": g.error,
                    "category": g.category,
                    "message": g.message,
                }
                for g in self.gaps
            ],
            "api_calls": dict(sorted(self.api_calls.items())),
            "shard": self.shard,
        }


def arn_account_region(arn: str | None) -> tuple[str | None, str | None]:
    """Account and region of an ARN; IAM's empty region is `global`."""
    parts = arn.split(":", 5) if isinstance(arn, str) else []
    if len(parts) < 6 or parts[0] != "arn":
        return None, None
    return parts[4] or None, parts[3] or "global"


def arn_partition(arn: str | None) -> str:
    """The partition of an ARN (`aws`, `aws-cn`, `aws-us-gov`), `aws` when the value is no ARN."""
    parts = arn.split(":", 2) if isinstance(arn, str) else []
    return parts[1] if len(parts) > 2 and parts[0] == "arn" and parts[1] else "aws"


def account_region(arn: str | None, file: str) -> tuple[str | None, str | None]:
    """Account and region from the ARN, else from a snapshot path, else None."""
    account, region = arn_account_region(arn)
    if account:
        return account, region
    match = SNAPSHOT_PATH.search(file)
    return (match.group(1), match.group(2)) if match else (None, None)
