"""The collection run: accounts, then their regions, then IAM per account, over a bounded thread pool.

Each fault is recorded and the run goes on; `collect` returns the inventory and the coverage.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor, wait
from functools import partial
from typing import Any, Protocol

from msgspec import Struct, field

from scanner.collect import ec2, ecs, elbv2, iam, session
from scanner.collect.faults import Abandoned, DeadlineExceeded, Faults, Scope
from scanner.collect.inventory import GLOBAL, RegionInventory
from scanner.collect.shards import Shard
from scanner.coverage import Coverage, CoverageGap
from scanner.model import KIND_LABELS

ALL = "*"
UNKNOWN = "unknown"
DESCRIBE_WORKERS = 8
# The kinds read in each region, and the API that reads each.
REGION_KINDS = {
    "ecs_cluster": "ecs:DescribeClusters",
    "ecs_service": "ecs:DescribeServices",
    "ecs_task_set": "ecs:DescribeTaskSets",
    "ecs_task_definition": "ecs:DescribeTaskDefinition",
    "ec2_security_group": "ec2:DescribeSecurityGroups",
    "ec2_network_interface": "ec2:DescribeNetworkInterfaces",
    "elbv2_load_balancer": "elasticloadbalancing:DescribeLoadBalancers",
    "elbv2_target_group": "elasticloadbalancing:DescribeTargetGroups",
    "elbv2_listener": "elasticloadbalancing:DescribeListeners",
}
ROLE_KINDS = {"iam_role": "iam:GetRole"}
# The inventory list holding each kind.
KIND_FIELDS = {
    "ecs_cluster": "clusters",
    "ecs_service": "services",
    "ecs_task_set": "task_sets",
    "ecs_task_definition": "task_definitions",
    "ec2_security_group": "security_groups",
    "ec2_network_interface": "network_interfaces",
    "elbv2_load_balancer": "load_balancers",
    "elbv2_target_group": "target_groups",
    "elbv2_listener": "listeners",
    "iam_role": "roles",
}  # task-definition describes in flight per account/region, at most --concurrency


class AuditOptions(Struct):
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
    call_timeout: float = 30.0  # seconds per connection attempt and per read of one API call
    deadline: float | None = 3600.0  # seconds for the whole collection; then what was read is scanned
    shard: Shard | None = None  # read only this shard's (account, region) units


class Progress(Protocol):
    """Told when each account/region starts and ends."""

    def started(self, account: str, region: str) -> None: ...

    def finished(self, account: str, region: str, inv: RegionInventory | None, gaps: int) -> None: ...


class _Account(Struct):
    """An account to read: its session (None when it could not be opened) and regions."""

    id: str
    session: session.AccountSession | None
    regions: list[str] = field(default_factory=list)


def collect(options: AuditOptions, progress: Progress) -> tuple[list[RegionInventory], Coverage]:
    """Read every account and region in scope. Raises `session.SetupError` for configuration problems."""
    counter = session.ApiCounter()
    faults = Faults(deadline=None if options.deadline is None else time.monotonic() + options.deadline)
    base = session.base_session(options.profile, counter)
    home = session.home_region(base, options.regions)
    if not options.regions and not options.all_regions and not session.configured_region(base):
        raise session.SetupError("no region: pass --region or --all-regions, or set AWS_REGION or a profile region")
    attempts = session.max_attempts()
    config = session.client_config(attempts, options.concurrency, options.call_timeout)
    ids = _account_ids(options, base, home, config, faults)
    pool = ThreadPoolExecutor(max(1, options.concurrency))
    try:
        accounts = list(pool.map(lambda a: _open(a, options, base, home, counter, attempts, faults), ids))
        if options.shard is not None:
            for account in accounts:
                account.regions = [r for r in account.regions if options.shard.owns(account.id, r)]
        work = [(a, Scope(a.id, r, faults), RegionInventory(a.id, r)) for a in accounts if a.session for r in a.regions]
        jobs = [(scope, inv, partial(_region, a, scope, inv, options, progress)) for a, scope, inv in work]
        inventories = _gather(pool, jobs, REGION_KINDS, faults)
        opened = [a for a in accounts if a.session]
        places = [(a, Scope(a.id, GLOBAL, faults), RegionInventory(a.id, GLOBAL)) for a in opened]
        jobs = [(scope, inv, partial(_roles, a, scope, inv, home, inventories, progress)) for a, scope, inv in places]
        roles = _gather(pool, jobs, ROLE_KINDS, faults)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)  # calls still hanging end with their time-out
    found = [inv for inv in inventories + roles if inv.counts() or inv.region != GLOBAL]
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
        opened = session.AccountSession(
            account, boto, attempts, options.concurrency * DESCRIBE_WORKERS, options.call_timeout
        )
        regions = sorted(set(options.regions)) or [home]
        if options.all_regions:
            client = opened.client("ec2", home)
            regions = scope.call("ec2:DescribeRegions", session.enabled_regions, client=client) or []
        return _Account(account, opened, regions)
    except Abandoned:
        return _Account(account, None)


def _region(account: _Account, scope: Scope, inv: RegionInventory, options: AuditOptions, progress: Progress) -> None:
    assert account.session is not None
    region = scope.region
    progress.started(account.id, region)
    try:
        ecs.collect(
            account.session.client("ecs", region),
            scope,
            inv,
            options.all_revisions,
            min(options.concurrency, DESCRIBE_WORKERS),
        )
        ec2.collect(account.session.client("ec2", region), scope, inv)
        elbv2.collect(account.session.client("elbv2", region), scope, inv)
    except Abandoned as stop:
        unread(scope, REGION_KINDS, stop.gap)
    progress.finished(account.id, region, inv, scope.faults.count(account.id, region))


def _gather(
    pool: ThreadPoolExecutor, jobs: list[tuple[Scope, RegionInventory, Any]], kinds: dict[str, str], faults: Faults
) -> list[RegionInventory]:
    """Run the jobs; at the overall deadline, stop waiting: a job still running (a hung call) keeps what it
    had read, and every kind it had not finished is a gap."""
    futures = {pool.submit(job): (scope, inv) for scope, inv, job in jobs}
    remaining = None if faults.deadline is None else max(0.0, faults.deadline - time.monotonic())
    done, late = wait(futures, timeout=remaining)
    for future in done:
        future.result()  # our own bugs surface here
    out = []
    for future, (scope, inv) in futures.items():
        if future in late:
            gap = faults.record(scope.account, scope.region, "fgscan:collect", DeadlineExceeded())
            unread(scope, kinds, gap)
            inv = _kept(inv, scope.completed)
        out.append(inv)
    return out


def _kept(inv: RegionInventory, completed: set[str]) -> RegionInventory:
    """A copy of what a job still running had read, for the kinds it had finished (fail closed)."""
    copy = RegionInventory(inv.account, inv.region)
    for kind, attribute in KIND_FIELDS.items():
        if kind in completed:
            setattr(copy, attribute, list(getattr(inv, attribute)))
    return copy


def unread(scope: Scope, kinds: dict[str, str], cause: CoverageGap) -> None:
    """After `cause` stopped an account/region, one gap for each resource kind not read to the end, so
    the report names what is missing, not just the call that failed."""
    for kind, api in kinds.items():
        if kind not in scope.completed:
            label = KIND_LABELS[kind].lower()
            message = f"{label}s not (completely) read: {cause.api} failed first with {cause.error}"
            gap = CoverageGap(scope.account, scope.region, api, cause.error, cause.category, message, f"every {label}")
            scope.faults.add(gap)


def _roles(
    account: _Account,
    scope: Scope,
    inv: RegionInventory,
    home: str,
    inventories: list[RegionInventory],
    progress: Progress,
) -> None:
    assert account.session is not None
    task_definitions = [t for item in inventories if item.account == account.id for t in item.task_definitions]
    arns = iam.role_arns(task_definitions, account.id)
    if not arns:
        scope.finish("iam_role")
        return
    progress.started(account.id, GLOBAL)
    try:
        inv.roles = iam.collect(account.session.client("iam", home), scope, arns)
        scope.finish("iam_role")
    except Abandoned as stop:
        unread(scope, ROLE_KINDS, stop.gap)
    progress.finished(account.id, GLOBAL, inv, scope.faults.count(account.id, GLOBAL))
