"""Suppressions: findings a user has accepted, each with a reason, never silently.

Two sources: skips declared on a resource itself (`Resource.skips`, from CloudFormation `Metadata` or
live tags; SARIF kind `inSource`) and the configuration file's `ignore:` entries (kind `external`).
A suppressed finding moves from `ScanResult.findings` to `ScanResult.suppressed`, so it is neither
reported as open nor counted for `--fail-on`. An expired entry stops suppressing and says so; a
suppression that matches nothing is reported as stale. Both kinds of message go to `ScanResult.notices`.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Protocol

from scanner.model import Finding, ScanResult, Skip, Suppression

if TYPE_CHECKING:
    from scanner.rulebook import Rule


class IgnoreRule(Protocol):
    """An `ignore:` entry of the configuration file (see `scanner.config.IgnoreEntry`), read only."""

    @property
    def reason(self) -> str: ...
    @property
    def rule(self) -> str | None: ...
    @property
    def path(self) -> str | None: ...
    @property
    def resource(self) -> str | None: ...
    @property
    def expires(self) -> date | None: ...
    @property
    def line(self) -> int | None: ...


def names(rule_id: str, rule_name: str) -> set[str]:
    """The names a suppression may use for a rule: its id or its name, in any case."""
    return {rule_id.lower(), rule_name.lower()}


def mark_in_source(
    findings: list[Finding], skips: dict[tuple[str, str, str], list[Skip]], ran: Iterable[Rule], rules: Iterable[Rule]
) -> list[str]:
    """Mark the findings that their resource's own skips cover (`skips` is keyed by file, kind and name);
    return notices for skips that are incomplete, name an unknown rule, or match nothing although
    their rule ran (`ran`: the rules evaluated; `rules`: all rules)."""
    ran_names = {n for r in ran for n in names(r.id, r.name)}
    known = {n for r in rules for n in names(r.id, r.name)}
    on: dict[tuple[str, str, str], list[Finding]] = {}
    for finding in findings:
        on.setdefault((finding.declared_in, finding.kind, finding.resource), []).append(finding)
    notices = []
    for key, declared in skips.items():
        resource = key[2]
        for skip in declared:
            rule = skip.rule.lower()
            if not skip.rule or not skip.reason:
                notices.append(f"{skip.where}: notice: skip on '{resource}' ignored: it needs both a rule and a reason")
                continue
            if rule not in known:
                notices.append(f"{skip.where}: notice: skip on '{resource}' names unknown rule '{skip.rule}'")
                continue
            hits = [f for f in on.get(key, []) if rule in names(f.rule_id, f.rule_name)]
            for finding in hits:
                finding.suppression = finding.suppression or Suppression("inSource", skip.reason, skip.where)
            if not hits and rule in ran_names:
                notices.append(
                    f"{skip.where}: notice: stale skip: {skip.rule} finds nothing on '{resource}'; remove the skip"
                )
    return notices


def matches(entry: IgnoreRule, finding: Finding) -> bool:
    """Whether a configuration entry covers a finding: every criterion it gives must hold."""
    if entry.rule and entry.rule.lower() not in names(finding.rule_id, finding.rule_name):
        return False
    if entry.path and not path_matches(entry.path, finding.file):
        return False
    return not entry.resource or any(
        fnmatch.fnmatchcase(candidate, entry.resource) for candidate in (finding.resource, finding.arn) if candidate
    )


def path_matches(pattern: str, file: str) -> bool:
    """A glob against the reported (working-directory relative) path; a folder covers what is below it."""
    pattern = pattern.removeprefix("./")
    file = file.removeprefix("./")
    return fnmatch.fnmatchcase(file, pattern) or file.startswith(pattern.rstrip("/") + "/")


def describe(entry: IgnoreRule) -> str:
    """The entry's criteria in words."""
    parts = [
        f"{key} {value}"
        for key, value in (("rule", entry.rule), ("path", entry.path), ("resource", entry.resource))
        if value
    ]
    return ", ".join(parts)


def apply(
    result: ScanResult, entries: Iterable[IgnoreRule], config: str, today: date | None = None, report_stale: bool = True
) -> None:
    """Apply the configuration file `config`'s entries, then move every suppressed finding (in-source ones
    included) out of `result.findings`. `report_stale` is false for partial scans, where an entry may
    match nothing only because its files were not scanned."""
    today = today or date.today()
    for entry in entries:
        where = f"{config}:{entry.line}" if entry.line else config
        hits = [f for f in result.findings if matches(entry, f)]
        if entry.expires is not None and entry.expires < today:
            again = f"{len(hits)} finding(s) it covered are reported again" if hits else "it matches no finding"
            result.notices.append(
                f"{where}: notice: ignore entry ({describe(entry)}) expired on {entry.expires.isoformat()}; {again}"
            )
            continue
        for finding in hits:
            finding.suppression = finding.suppression or Suppression("external", entry.reason, where)
        if not hits and report_stale:
            result.notices.append(
                f"{where}: notice: stale ignore entry ({describe(entry)}) matches no finding; remove it"
            )
    result.suppressed += [f for f in result.findings if f.suppression is not None]
    result.findings = [f for f in result.findings if f.suppression is None]
