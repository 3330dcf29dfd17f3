"""`fgscan merge`: the JSON reports of several runs (the shards of one audit) as one result.

Findings and suppressed findings are kept once per rule and fingerprint (IAM roles named in the regions of
several shards are judged by each of them); coverage is the union of accounts, regions and gaps, API
calls are added up, evaluated counts added up per rule. A set of `--shard K/N` reports with a shard
missing is incomplete: the missing shard's units are listed as not covered.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from scanner.coverage import Coverage, CoverageGap
from scanner.model import Finding, InputError, InputProblem, RelatedLocation, ScanResult, Severity, Span, Suppression
from scanner.rulebook import Rule

SCHEMA_VERSION = 1
USAGE = re.compile(r" The role is the (?P<roles>[a-z ]+?) role of task definitions? (?P<names>'.*')\.$")
QUOTED = re.compile(r"'([^']*)'")


class Merged(Struct):
    """The merged result and what the merge itself noticed."""

    result: ScanResult
    problems: list[str] = field(default_factory=list)


def read(path: Path) -> dict[str, Any]:
    """One JSON report; `InputProblem` names the file (and line) when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputProblem(InputError(str(path), f"cannot read: {exc.strerror}")) from None
    except UnicodeDecodeError:
        raise InputProblem(InputError(str(path), "not UTF-8 text")) from None
    except json.JSONDecodeError as exc:
        raise InputProblem(InputError(str(path), f"invalid JSON: {exc.msg}", exc.lineno, exc.colno)) from None
    if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION or "findings" not in data:
        raise InputProblem(InputError(str(path), f"not an fgscan JSON report (schema_version {SCHEMA_VERSION})"))
    return data


def merge(reports: list[dict[str, Any]], rules: list[Rule]) -> Merged:
    """The reports as one result; `rules` are those the reports name (for titles and frameworks)."""
    result = ScanResult()
    merged = Merged(result)
    seen: dict[tuple[str, str], Finding] = {}
    waived: dict[tuple[str, str], Finding] = {}
    evaluated: dict[str, int] = {}
    coverages = [r["coverage"] for r in reports if r.get("coverage")]
    for data in reports:
        for item in data.get("findings", []):
            _keep(seen, finding(item))
        for item in data.get("suppressed", []):
            _keep(waived, finding(item))
        result.errors += [InputError(e["file"], e["message"], e.get("line"), e.get("column")) for e in data["errors"]]
        result.notices += [n for n in data.get("notices", []) if n not in result.notices]
        result.files_scanned += data["summary"].get("files", 0)
        result.resources_scanned += data["summary"].get("resources", 0)
        for rule_id, count in (data.get("evaluated") or {}).items():
            evaluated[rule_id] = evaluated.get(rule_id, 0) + count
    result.findings = list(seen.values())
    result.suppressed = list(waived.values())
    result.evaluated = dict(sorted(evaluated.items()))
    named = set(evaluated) | {f.rule_id for f in [*result.findings, *result.suppressed]}
    result.rules = [rule for rule in rules if rule.id in named]
    if coverages:
        result.coverage = coverage(coverages, merged.problems)
    return merged


def _keep(found: dict[tuple[str, str], Finding], item: Finding) -> None:
    """Once per rule and fingerprint. An IAM role judged in several shards was seen by each with the task
    definitions of its own regions: the usage sentences (rules/lib/iam.rego `usage`) are united."""
    key = (item.rule_id, item.fingerprint)
    if key in found and found[key].message != item.message:
        item.message = _united_usage(found[key].message, item.message)
    if key not in found or item.message != found[key].message:
        found[key] = item


def _united_usage(first: str, second: str) -> str:
    """`... The role is the A role of task definition 'x'.` and `... the B role of ... 'y'.` as one
    sentence naming both uses and both task definitions; other differences keep the longer message."""
    one, two = USAGE.search(first), USAGE.search(second)
    if not one or not two or first[: one.start()] != second[: two.start()]:
        return max(first, second, key=lambda m: (len(m), m))
    roles = sorted(set(one["roles"].split(" and ")) | set(two["roles"].split(" and ")))
    names = set(QUOTED.findall(one["names"])) | set(QUOTED.findall(two["names"]))
    noun = "task definitions " if len(names) > 1 else "task definition "
    listed = ", ".join(sorted(f"'{n}'" for n in names))
    return f"{first[: one.start()]} The role is the {' and '.join(roles)} role of {noun}{listed}."


def finding(item: dict[str, Any]) -> Finding:
    """A finding back from its JSON form."""
    span = Span(item["line"], item["column"], item["end_line"], item["end_column"]) if item.get("line") else None
    suppression = item.get("suppression")
    return Finding(
        rule_id=item["rule_id"],
        rule_name=item["rule"],
        severity=Severity(item["severity"]),
        message=item["message"],
        kind=item["kind"],
        resource=item["resource"],
        file=item["file"],
        span=span,
        path=tuple(item.get("path") or ()),
        fingerprint=item["fingerprint"],
        arn=item.get("arn"),
        related=[_related(r) for r in item.get("related") or []],
        chain=item.get("chain"),
        linked_message=item.get("linked_message"),
        suppression=Suppression(**suppression) if suppression else None,
        resource_file=item.get("resource_file"),
    )


def _related(item: dict[str, Any]) -> RelatedLocation:
    line, col = item.get("line"), item.get("column")
    span = None
    if line:
        span = Span(line, col or 1, item.get("end_line") or line, item.get("end_column") or col or 1)
    return RelatedLocation(item["file"], span, item["message"], item.get("id"))


def coverage(items: list[dict[str, Any]], problems: list[str]) -> Coverage:
    """The union of the audits' coverage; missing or repeated shards are problems (and gaps)."""
    merged = Coverage()
    gaps: set[CoverageGap] = set()
    for item in items:
        merged.accounts = sorted(set(merged.accounts) | set(item["accounts"]))
        for account, regions in item["regions"].items():
            merged.regions[account] = sorted(set(merged.regions.get(account, [])) | set(regions))
        for gap in item["not_covered"]:
            gaps.add(CoverageGap(**{**gap, "target": gap.get("target") or ""}))
        for operation, count in item["api_calls"].items():
            merged.api_calls[operation] = merged.api_calls.get(operation, 0) + count
    merged.regions = dict(sorted(merged.regions.items()))
    shards = [item.get("shard") for item in items]
    if any(shards):
        problems += _shard_problems(shards)
        for problem in problems:
            gaps.add(CoverageGap("*", "*", "fgscan:merge", "ShardMissing", "error", problem))
    merged.gaps = sorted(gaps, key=lambda g: (g.account, g.region, g.api, g.target, g.error))
    return merged


def _shard_problems(shards: list[str | None]) -> list[str]:
    """Every shard of one split, each once."""
    if None in shards or len({s.split("/")[1] for s in shards if s}) != 1:
        return ["the reports are not the shards of one audit: " + ", ".join(s or "unsharded" for s in shards)]
    count = int(shards[0].split("/")[1])  # type: ignore[union-attr]
    have = [int(s.split("/")[0]) for s in shards if s]
    missing = [f"{k}/{count}" for k in range(1, count + 1) if k not in have]
    repeated = sorted({f"{k}/{count}" for k in have if have.count(k) > 1})
    out = [f"shard {s} is missing: its accounts and regions were not read" for s in missing]
    return out + [f"shard {s} is given more than once" for s in repeated]
