"""The collection run: accounts, then their regions, then IAM per account, over a bounded thread pool.

Each fault is recorded and the run goes on; `collect` returns the inventory and the coverage.
"""

from __future__ import annotations

import contextlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

from scanner.collect import ec2, ecs, iam, session
from scanner.collect.faults import Abandoned, Faults, Scope
from scanner.collect.inventory import GLOBAL, RegionInventory
from scanner.collect.shards import Shard
from scanner.coverage import Coverage

ALL = "*"
UNKNOWN = "unknown"
DESCRIBE_WORKERS = 8  # task-definition describes in flight per account/region, at most --concurrency


@dataclass
class AuditOptions:
    """What to collect (see `fgscan audit --help`)."""

    regions: list[str] = field(default_factory=list)
    all_regions: bool = False
    profile: str | None = None
    account_role: str | None = None
    accounts: list[str] = field(default_factory=list)
    organization: bool = False
    external_id: str | None = None
    all_revisions: bool = False
    concurrency: int = 8
    shard: Shard | None = None  # read only this shard's (account, region) units


class Progress(Protocol):
    """Told when each account/region starts and ends."""

    def started(self, account: str, region: str) -> None: ...

    def finished(self, account: str, region: str, inv: RegionInventory | None, gaps: int) -> None: ...


@dataclass
class _Account:
    """An account to read: its session (None when it could not be opened) and regions."""

    id: str
    session: session.AccountSession | None
    regions: list[str] = field(default_factory=list)


def collect(options: AuditOptions, progress: Progress) -> tuple[list[RegionInventory], Coverage]:
    """Read every account and region in scope. Raises `session.SetupError` for configuration problems."""
    counter = session.ApiCounter()
    faults = Faults()
    base = session.base_session(options.profile, counter)
    home = session.home_region(base, options.regions)
    if not options.regions and not options.all_regions and not session.configured_region(base):
        raise session.SetupError("no region: pass --region or --all-regions, or set AWS_REGION or a profile region")
    attempts = session.max_attempts()
    config = session.client_config(attempts, options.concurrency)
    ids = _account_ids(options, base, home, config, faults)
    with ThreadPoolExecutor(max(1, options.concurrency)) as pool:
        accounts = list(pool.map(lambda a: _open(a, options, base, home, counter, attempts, faults), ids))
        if options.shard is not None:
            for account in accounts:
                account.regions = [r for r in account.regions if options.shard.owns(account.id, r)]
        work = [(a, r) for a in accounts if a.session for r in a.regions]
        inventories = list(pool.map(lambda job: _region(*job, options, faults, progress), work))
        opened = [a for a in accounts if a.session]
        roles = list(pool.map(lambda a: _roles(a, home, inventories, faults, progress), opened))
    found = [inv for inv in inventories + roles if inv is not None]
    coverage = Coverage(
        accounts=sorted(ids),
        regions={a.id: a.regions for a in sorted(accounts, key=lambda a: a.id)},
        gaps=sorted(faults.gaps, key=lambda g: (g.account, g.region, g.api, g.target)),
        api_calls=dict(counter.counts),
        shard=str(options.shard) if options.shard else None,
    )
    return found, coverage


def _account_ids(options: AuditOptions, base: Any, home: str, config: Any, faults: Faults) -> list[str]:
    """The accounts to audit; when they cannot be listed, none (recorded as a gap)."""
    if options.accounts and not options.organization:
        return sorted(set(options.accounts))
    scope = Scope(UNKNOWN, ALL, faults)
    try:
        if options.organization:
            ids = scope.call(
                "organizations:ListAccounts", session.organization_accounts, session=base, region=home, config=config
            )
            return sorted(set(ids or []) | set(options.accounts))
        account = scope.call("sts:GetCallerIdentity", session.caller_account, session=base, region=home, config=config)
        return [account] if account else []
    except Abandoned:
        return []


def _open(
    account: str,
    options: AuditOptions,
    base: Any,
    home: str,
    counter: session.ApiCounter,
    attempts: int,
    faults: Faults,
) -> _Account:
    """The account's session and regions; a failure leaves the account uncovered, recorded."""
    scope = Scope(account, ALL, faults)
    try:
        boto = base
        if options.account_role:
            role = options.account_role.replace("{account}", account)
            boto = scope.call(
                "sts:AssumeRole",
                session.assumed_session,
                target=role,
                base=base,
                role_arn=role,
                external_id=options.external_id,
                region=home,
                counter=counter,
                profile=options.profile,
            )
            if boto is None:
                return _Account(account, None)
        opened = session.AccountSession(account, boto, attempts, options.concurrency * DESCRIBE_WORKERS)
        regions = sorted(set(options.regions)) or [home]
        if options.all_regions:
            client = opened.client("ec2", home)
            regions = scope.call("ec2:DescribeRegions", session.enabled_regions, client=client) or []
        return _Account(account, opened, regions)
    except Abandoned:
        return _Account(account, None)


def _region(
    account: _Account, region: str, options: AuditOptions, faults: Faults, progress: Progress
) -> RegionInventory | None:
    assert account.session is not None
    progress.started(account.id, region)
    inv = RegionInventory(account.id, region)
    scope = Scope(account.id, region, faults)
    try:
        ecs.collect(
            account.session.client("ecs", region),
            scope,
            inv,
            options.all_revisions,
            min(options.concurrency, DESCRIBE_WORKERS),
        )
        ec2.collect(account.session.client("ec2", region), scope, inv)
    except Abandoned:
        pass
    progress.finished(account.id, region, inv, faults.count(account.id, region))
    return inv


def _roles(
    account: _Account, home: str, inventories: list[RegionInventory | None], faults: Faults, progress: Progress
) -> RegionInventory | None:
    assert account.session is not None
    task_definitions = [t for inv in inventories if inv and inv.account == account.id for t in inv.task_definitions]
    arns = iam.role_arns(task_definitions, account.id)
    if not arns:
        return None
    progress.started(account.id, GLOBAL)
    inv = RegionInventory(account.id, GLOBAL)
    scope = Scope(account.id, GLOBAL, faults)
    with contextlib.suppress(Abandoned):
        inv.roles = iam.collect(account.session.client("iam", home), scope, arns)
    progress.finished(account.id, GLOBAL, inv, faults.count(account.id, GLOBAL))
    return inv
