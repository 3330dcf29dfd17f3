"""boto3 sessions for an audit: the user's own (profiles, environment, SSO), one assumed-role session per
audited account, the regions to read, and a count of every API call by operation.

boto3 is imported here, lazily: `import boto3` costs about a quarter of a second.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from typing import Any

DEFAULT_MAX_ATTEMPTS = 8
ROLE_SESSION_NAME = "fgscan-audit"
_BASE_LOCK = threading.Lock()  # accounts are opened in parallel from the one base session


class SetupError(Exception):
    """A problem with the user's configuration (unknown profile, no credentials, no region): exit 2."""


class ApiCounter:
    """Counts API calls by IAM action name (`ecs:ListClusters`) through botocore's `before-call` event."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self._lock = threading.Lock()

    def attach(self, session: Any) -> None:
        """Count every call made by clients created from `session` after this."""
        session.events.register("before-call", self._before_call)

    def _before_call(self, model: Any, **_: Any) -> None:
        service = model.service_model
        prefix = service.signing_name or service.endpoint_prefix
        with self._lock:
            self.counts[f"{prefix}:{model.name}"] += 1


class AccountSession:
    """One boto3 session for one account; clients are created under a lock (sessions are not thread-safe)."""

    def __init__(self, account: str, session: Any, max_attempts: int, pool_size: int, timeout: float = 30):
        self.account = account
        self.session = session
        self.config = client_config(max_attempts, pool_size, timeout)
        self._lock = threading.Lock()

    def client(self, service: str, region: str) -> Any:
        """A client for `service` in `region` with adaptive retries."""
        with self._lock:
            return self.session.client(service, region_name=region, config=self.config)


def client_config(max_attempts: int, pool_size: int, timeout: float = 30) -> Any:
    """botocore's client configuration: adaptive retries (client-side rate limiting on throttling),
    time-outs (`timeout` per connection attempt and per read: `--call-timeout`), and enough pooled
    connections for the calls in flight."""
    from botocore.config import Config

    return Config(
        retries={"mode": "adaptive", "max_attempts": max_attempts},
        connect_timeout=min(10, timeout),
        read_timeout=timeout,
        max_pool_connections=max(10, pool_size),
    )


def max_attempts() -> int:
    """`AWS_MAX_ATTEMPTS` when set (as boto3 reads it), else our default."""
    value = os.environ.get("AWS_MAX_ATTEMPTS", "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_MAX_ATTEMPTS


def base_session(profile: str | None, counter: ApiCounter) -> Any:
    """The user's session, configured as boto3 configures it."""
    import boto3
    from botocore.exceptions import ProfileNotFound

    try:
        session = boto3.Session(profile_name=profile)
    except ProfileNotFound as exc:
        raise SetupError(str(exc)) from None
    counter.attach(session)
    return session


def home_region(session: Any, regions: list[str]) -> str:
    """The region for global calls (STS, Organizations, DescribeRegions)."""
    return (regions[0] if regions else None) or configured_region(session) or "us-east-1"


def configured_region(session: Any) -> str | None:
    """The session's region, or `AWS_REGION` (which the other AWS SDKs read) when boto3 found none."""
    return session.region_name or os.environ.get("AWS_REGION") or None


def caller_account(session: Any, region: str, config: Any) -> str:
    """The account id of the session's credentials."""
    from botocore.exceptions import NoCredentialsError

    from scanner.collect.faults import check_shape

    try:
        answer = session.client("sts", region_name=region, config=config).get_caller_identity()
        check_shape("sts:GetCallerIdentity", answer)
        return answer["Account"]
    except NoCredentialsError:
        raise SetupError("no AWS credentials found (set a profile, environment variables or SSO)") from None


def organization_accounts(session: Any, region: str, config: Any) -> list[str]:
    """The organization's ACTIVE accounts (needs `organizations:ListAccounts` in the management account)."""
    client = session.client("organizations", region_name=region, config=config)
    ids = []
    from scanner.collect.faults import check_shape

    for page in client.get_paginator("list_accounts").paginate():
        check_shape("organizations:ListAccounts", page)
        ids += [a["Id"] for a in page["Accounts"] if a.get("Status", "ACTIVE") == "ACTIVE"]
    return sorted(ids)


def assumed_session(
    base: Any, role_arn: str, external_id: str | None, region: str, counter: ApiCounter, profile: str | None
) -> Any:
    """A session in another account through `sts:AssumeRole`, refreshed before the credentials expire."""
    import boto3
    import botocore.session
    from botocore.credentials import RefreshableCredentials

    with _BASE_LOCK:
        sts = base.client("sts", region_name=region)
    params: dict[str, Any] = {"RoleArn": role_arn, "RoleSessionName": ROLE_SESSION_NAME}
    if external_id:
        params["ExternalId"] = external_id

    def refresh() -> dict[str, str]:
        creds = sts.assume_role(**params)["Credentials"]
        return {
            "access_key": creds["AccessKeyId"],
            "secret_key": creds["SecretAccessKey"],
            "token": creds["SessionToken"],
            "expiry_time": creds["Expiration"].isoformat(),
        }

    credentials = RefreshableCredentials.create_from_metadata(refresh(), refresh, "sts-assume-role")
    core = botocore.session.get_session()
    core._credentials = credentials
    if profile:
        core.set_config_variable("profile", profile)
    core.set_config_variable("region", region)
    session = boto3.Session(botocore_session=core)
    counter.attach(session)
    return session


def enabled_regions(client: Any) -> list[str]:
    """The regions enabled for the account (`ec2:DescribeRegions` without opt-in regions not opted in)."""
    from scanner.collect.faults import check_shape

    answer = client.describe_regions()
    check_shape("ec2:DescribeRegions", answer)
    regions = answer["Regions"]
    return sorted(r["RegionName"] for r in regions if r.get("OptInStatus") != "not-opted-in")
