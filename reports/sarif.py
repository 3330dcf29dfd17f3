"""SARIF 2.1.0 for GitHub code scanning, built with sarif-om's object model.

GitHub's requirements are met on purpose: one run; every rule with `security-severity` as a string
and a `security` tag; every result with exactly one physical location whose URI is relative to the
working directory and whose region covers just the offending key (so pull-request alerts land inside
the diff); fingerprints that do not depend on line numbers; input errors as tool notifications.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any, TextIO

import attr
import sarif_om as om

import scanner
from reports import dump_json
from scanner.coverage import CoverageGap, account_region
from scanner.model import Finding, InputError, RelatedLocation, ScanResult, Severity, Span, by_severity
from scanner.rulebook import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/fargate-scanner/fgscan"
LEVELS = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note"}


def write(result: ScanResult, stream: TextIO, category: str = "fgscan", include_suppressed: bool = False) -> None:
    """Write the SARIF log."""
    dump_json(to_plain(sarif_log(result, category, include_suppressed)), stream)
    stream.write("\n")


def sarif_log(result: ScanResult, category: str = "fgscan", include_suppressed: bool = False) -> om.SarifLog:
    """The SARIF log object for a scan. Suppressed findings are left out (GitHub shows suppressed results
    as open alerts) unless `include_suppressed`; with a baseline, unchanged and fixed ("absent") findings
    are included with their `baselineState`."""
    shown = result.findings + (result.baseline.unchanged if result.baseline else [])
    shown += result.suppressed if include_suppressed else []
    rules = list(result.rules)
    descriptors = [_descriptor(rule) for rule in rules] + _severity_descriptors(rules, shown)
    index = {d.id: i for i, d in enumerate(descriptors)}
    uri = functools.cache(artifact_uri)  # a file's URI once per log: most files have several results
    listed = [*by_severity(shown), *(result.baseline.fixed if result.baseline else [])]
    run = om.Run(
        tool=om.Tool(
            driver=om.ToolComponent(
                name="fgscan",
                full_name="fargate-scanner",
                version=scanner.__version__,
                semantic_version=scanner.__version__,
                information_uri=INFORMATION_URI,
                rules=descriptors,
            )
        ),
        results=[_result(f, index, uri) for f in listed],
        invocations=[
            om.Invocation(
                execution_successful=not result.errors and (result.coverage is None or result.coverage.complete),
                tool_execution_notifications=[_notification(e) for e in result.errors]
                + [_gap(g) for g in (result.coverage.gaps if result.coverage else [])]
                or None,
            )
        ],
        automation_details=om.RunAutomationDetails(id=f"{category.rstrip('/')}/"),
        column_kind="unicodeCodePoints",
    )
    return om.SarifLog(version="2.1.0", schema_uri=SCHEMA_URI, runs=[run])


def _severity_descriptors(rules: list[Rule], shown: list[Finding]) -> list[om.ReportingDescriptor]:
    """GitHub reads a result's severity only from its rule's `security-severity`: a result more or less
    severe than its rule (a compound risk, a per-finding severity) gets a child descriptor
    `<rule id>/<severity>` carrying it. The fingerprint does not change."""
    by_id = {rule.id: rule for rule in rules}
    wanted = {(f.rule_id, f.severity) for f in shown if f.rule_id in by_id and f.severity != by_id[f.rule_id].severity}
    return [
        _descriptor(by_id[rule_id], severity) for rule_id, severity in sorted(wanted, key=lambda k: (k[0], -k[1].rank))
    ]


def _rule_id(finding: Finding, index: dict[str, int]) -> str:
    """The descriptor a result cites: the rule's, or its severity-specific child."""
    child = f"{finding.rule_id}/{finding.severity.value}"
    return child if child in index else finding.rule_id


def _descriptor(rule: Rule, severity: Severity | None = None) -> om.ReportingDescriptor:
    """The rule's descriptor; with `severity`, its child for results of that severity."""
    child = severity is not None and severity != rule.severity
    severity = severity or rule.severity
    tags = ["security", *rule.kinds, *(f"{fw}/{c}" for fw, ids in rule.frameworks.items() for c in ids)]
    help_text = f"{rule.description}\n\nRemediation: {rule.remediation}"
    help_markdown = f"{rule.description}\n\n**Remediation:** {rule.remediation}"
    if rule.rationale:
        help_text += f"\n\nSeverity: {rule.severity.value}. {rule.rationale}"
        help_markdown += f"\n\n**Severity:** {rule.severity.value}. {rule.rationale}"
    if child:
        note = f"This finding is {severity.value}, not {rule.severity.value}: see its message for why."
        help_text += f"\n\n{note}"
        help_markdown += f"\n\n{note}"
    if rule.references:
        help_markdown += "\n\n" + "\n".join(f"- <{ref}>" for ref in rule.references)
    return om.ReportingDescriptor(
        id=f"{rule.id}/{severity.value}" if child else rule.id,
        name=f"{rule.name}/{severity.value}" if child else rule.name,
        short_description=om.MultiformatMessageString(text=rule.title),
        full_description=om.MultiformatMessageString(text=rule.description or rule.title),
        help=om.MultiformatMessageString(text=help_text, markdown=help_markdown),
        help_uri=rule.help_uri,
        default_configuration=om.ReportingConfiguration(level=LEVELS[severity]),
        properties={
            "tags": tags,
            "precision": str(rule.custom.get("precision", "high")),
            "problem.severity": LEVELS[severity] if LEVELS[severity] != "note" else "recommendation",
            "security-severity": severity.score,
        },
    )


def artifact_uri(file: str) -> str:
    """A relative POSIX URI for files below the working directory, a file URI otherwise."""
    path = PurePosixPath(file)
    return path.as_uri() if path.is_absolute() else str(path)


def _region(span: Span | None) -> om.Region:
    if span is None:
        return om.Region(start_line=1)
    return om.Region(
        start_line=span.start_line, start_column=span.start_col, end_line=span.end_line, end_column=span.end_col
    )


def _result(finding: Finding, index: dict[str, int], uri: Callable[[str], str]) -> om.Result:
    physical = om.PhysicalLocation(
        artifact_location=om.ArtifactLocation(uri=uri(finding.file)), region=_region(finding.span)
    )
    logical = om.LogicalLocation(
        name=finding.resource,
        fully_qualified_name=finding.arn or finding.construct or f"{finding.file}#{finding.resource}",
        kind="resource",
    )
    properties: dict[str, Any] = {
        "severity": finding.severity.value,
        "resourceKind": finding.kind,
        "resource": finding.resource,
    }
    if finding.arn:
        properties["arn"] = finding.arn
    if finding.chain:
        properties["chain"] = finding.chain
    if finding.construct:
        properties["construct"] = finding.construct
    account, region = account_region(finding.arn, finding.file)
    if account:
        properties.update(account=account, region=region)
    absent = finding.baseline_state == "absent"
    rule_id = _rule_id(finding, index)
    return om.Result(
        rule_id=rule_id,
        rule_index=index.get(rule_id, -1),
        kind="pass" if absent else "fail",
        level="none" if absent else LEVELS[finding.severity],
        baseline_state=finding.baseline_state,
        suppressions=[om.Suppression(kind=finding.suppression.kind, justification=finding.suppression.reason)]
        if finding.suppression
        else None,
        message=om.Message(text=finding.linked_message or finding.message),
        locations=[om.Location(physical_location=physical, logical_locations=[logical])],
        related_locations=[_related(r, uri) for r in finding.related] or None,
        code_flows=_code_flows(finding, physical, uri),
        partial_fingerprints={"primaryLocationLineHash": finding.fingerprint},
        properties=properties,
    )


def _related(related: RelatedLocation, uri: Callable[[str], str]) -> om.Location:
    """Another link of the finding's path; `Finding.linked_message` cites it as `[text](id)`."""
    return om.Location(
        id=related.id,
        physical_location=om.PhysicalLocation(
            artifact_location=om.ArtifactLocation(uri=uri(related.file)), region=_region(related.span)
        ),
        message=om.Message(text=related.message),
    )


def _code_flows(finding: Finding, primary: om.PhysicalLocation, uri: Callable[[str], str]) -> list[om.CodeFlow] | None:
    """An exposure path as one thread flow GitHub's "Show paths" walks, in the order of `Finding.chain`:
    the service using the group, the group rule (the result's location), then the container port and
    the public IP."""
    if not finding.chain or not finding.related:
        return None
    links = finding.chain.split(" -> ")
    rule_step = links[1] if len(links) > 2 else finding.message
    service = [r for r in finding.related if r.message.startswith("service ")]
    rest = [r for r in finding.related if not r.message.startswith("service ")]
    steps = [_step(uri(r.file), r.span, r.message) for r in service]
    steps.append(
        om.ThreadFlowLocation(location=om.Location(physical_location=primary, message=om.Message(text=rule_step)))
    )
    steps += [_step(uri(r.file), r.span, r.message) for r in rest]
    return [om.CodeFlow(message=om.Message(text=finding.chain), thread_flows=[om.ThreadFlow(locations=steps)])]


def _step(file_uri: str, span: Span | None, message: str) -> om.ThreadFlowLocation:
    physical = om.PhysicalLocation(artifact_location=om.ArtifactLocation(uri=file_uri), region=_region(span))
    return om.ThreadFlowLocation(location=om.Location(physical_location=physical, message=om.Message(text=message)))


def _gap(gap: CoverageGap) -> om.Notification:
    """What a live audit could not read, as a warning notification."""
    return om.Notification(
        level="warning",
        message=om.Message(text=str(gap)),
        descriptor=om.ReportingDescriptorReference(id="coverage-gap"),
        properties={
            "account": gap.account,
            "region": gap.region,
            "api": gap.api,
            "error": gap.error,
            "category": gap.category,
        },
    )


def _notification(error: InputError) -> om.Notification:
    location = om.Location(
        physical_location=om.PhysicalLocation(
            artifact_location=om.ArtifactLocation(uri=artifact_uri(error.file)),
            region=om.Region(start_line=error.line, start_column=error.col) if error.line else None,
        )
    )
    return om.Notification(
        level="error",
        message=om.Message(text=str(error)),
        locations=[location],
        descriptor=om.ReportingDescriptorReference(id="input-error"),
    )


def to_plain(value: Any) -> Any:
    """sarif-om objects as JSON-ready data, named as the schema names them, defaults left out."""
    fields = _fields(type(value))
    if fields is not None:
        out = {}
        for name, key, default in fields:
            item = getattr(value, name)
            if isinstance(default, attr.Factory):  # type: ignore[arg-type]
                default = default.factory()
            if item is None or (item == default and name != "level"):
                continue
            out[key] = to_plain(item)
        return out
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    return value


_FIELDS: dict[type, tuple[tuple[str, str, Any], ...] | None] = {}


def _fields(cls: type) -> tuple[tuple[str, str, Any], ...] | None:
    """A sarif-om class's fields as (attribute, schema name, default), read once per class (a large log
    has a hundred thousand values to convert); None for a class that is not an attrs class."""
    if cls not in _FIELDS:
        _FIELDS[cls] = (
            tuple((f.name, f.metadata.get("schema_property_name", f.name), f.default) for f in attr.fields(cls))
            if attr.has(cls)
            else None
        )
    return _FIELDS[cls]
