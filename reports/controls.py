"""Pass and fail counts per rule and per framework control, for reports an auditor reads.

A rule "evaluated" the resources of the kinds it targets (`ScanResult.evaluated`); a resource failed it when
a reported finding names it, was waived when only suppressed findings do, and passed otherwise. Resources
whose data could not be read completely are never counted as passing (`ScanResult.evaluated` leaves them out).
"""

from __future__ import annotations

import re
from collections import defaultdict

from msgspec import Struct, field

from scanner.model import Finding, ScanResult

# Frameworks shown first, in this order; any other framework a rule maps follows alphabetically.
LEADING = ("aws-fsbp", "cis-aws", "cis-docker", "nist-800-53")
FRAMEWORK_NAMES = {
    "aws-fsbp": "AWS Foundational Security Best Practices",
    "cis-aws": "CIS AWS Foundations Benchmark",
    "cis-docker": "CIS Docker Benchmark",
    "nist-800-53": "NIST SP 800-53 Rev. 5",
}


class Tally(Struct):
    """Resources evaluated by a rule or control, and how they fared."""

    evaluated: int = 0
    failed: set[str] = field(default_factory=set)
    waived: set[str] = field(default_factory=set)
    rules: list[str] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return max(0, self.evaluated - len(self.failed) - len(self.waived - self.failed))


def resource_key(finding: Finding) -> str:
    """One resource, however many findings it has: its ARN (or kind and name) in the file declaring it."""
    return f"{finding.arn or finding.kind + '|' + finding.resource}|{finding.declared_in}"


def by_rule(result: ScanResult) -> dict[str, Tally]:
    """Rule id -> its tally, for every rule the scan ran."""
    tallies = {rule.id: Tally(result.evaluated.get(rule.id, 0), rules=[rule.id]) for rule in result.rules}
    for finding in result.findings:
        tallies.setdefault(finding.rule_id, Tally(rules=[finding.rule_id])).failed.add(resource_key(finding))
    for finding in result.suppressed:
        tallies.setdefault(finding.rule_id, Tally(rules=[finding.rule_id])).waived.add(resource_key(finding))
    return tallies


def by_control(result: ScanResult) -> dict[str, dict[str, Tally]]:
    """Framework -> control -> tally over the rules mapped to it (a resource failing two rules of one
    control fails the control once; rules of different kinds add their resources); frameworks in
    `LEADING` order first, controls sorted."""
    rules = by_rule(result)
    controls: dict[str, dict[str, Tally]] = defaultdict(dict)
    kinds: dict[tuple[str, str], set[tuple[str, ...]]] = {}  # rules of the same kinds judge the same resources
    for rule in result.rules:
        for framework, ids in (rule.frameworks or {}).items():
            for control in ids:
                tally = controls[framework].setdefault(str(control), Tally())
                if rule.kinds not in kinds.setdefault((framework, str(control)), set()):
                    kinds[framework, str(control)].add(rule.kinds)
                    tally.evaluated += rules[rule.id].evaluated
                tally.failed |= rules[rule.id].failed
                tally.waived |= rules[rule.id].waived
                tally.rules.append(rule.id)
    order = sorted(controls, key=lambda f: (LEADING.index(f) if f in LEADING else len(LEADING), f))
    return {f: dict(sorted(controls[f].items(), key=lambda item: _natural(item[0]))) for f in order}


def _natural(control: str) -> list:
    """`ECS.2` before `ECS.10`."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", control)]
