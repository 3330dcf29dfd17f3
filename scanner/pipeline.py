"""The scan: files -> documents -> canonical resources -> Rego -> findings pinned to source lines.

Files are handled in chunks so memory holds one chunk's documents at a time; large scans spread
the chunks over the CPU cores, each worker compiling the rules once.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from scanner import exposure, facts
from scanner.config import Config
from scanner.engine import Engine, make_engine
from scanner.exposure import graph
from scanner.facts import iam as iam_facts
from scanner.model import KIND_LABELS, Finding, InputError, InputProblem, Resource, ScanResult, Severity, Skip, Span
from scanner.rulebook import Rule, Rulebook
from scanner.sources import recognise
from scanner.sources.discovery import discover
from scanner.sources.documents import DEFAULT_MAX_BYTES, Document, guess_format, parse, read_text
from scanner.suppressions import mark_in_source

CHUNK = 40
ROLE_HINT = re.compile(r"(task|execution)rolearn", re.IGNORECASE)
PARALLEL_FROM = 120
# Words that make an unparsable file look like something fgscan was meant to read.
OURS_HINTS = ("AWS::", "Resources:", "containerDefinitions", "SecurityGroups", "NetworkInterfaces", "IpPermissions")


@dataclass
class ScanOptions:
    """What a scan evaluates and how."""

    engine: str = "regopy"
    include: list[str] = field(default_factory=list)
    skip: list[str] = field(default_factory=list)
    frameworks: list[str] = field(default_factory=list)
    excludes: list[str] = field(default_factory=list)
    rule_dirs: list[Path] = field(default_factory=list)
    max_bytes: int = DEFAULT_MAX_BYTES
    jobs: int = 0
    only: set[Path] | None = None  # scan just these files (resolved paths), e.g. those changed since a git ref
    skip_unknown: bool = False  # named files that are not ours are skipped quietly, as in folders (pre-commit)
    disabled: list[str] = field(default_factory=list)  # like `skip`, but `include` wins over it
    params: dict[str, Any] = field(default_factory=dict)  # deep-merged over data.fgscan.params
    severities: dict[str, Severity] = field(default_factory=dict)  # rule id or name -> severity
    assume_worst: bool = False  # exposure rules count security groups missing from the input as open
    config: Config | None = None  # the configuration file, checked against the rules at load


@dataclass
class _Work:
    """What a worker needs to evaluate chunks (picklable)."""

    engine: str
    rule_dirs: list[Path]
    rule_ids: list[str]
    max_bytes: int
    params: dict[str, Any]
    severities: dict[str, Severity]
    collect: bool = False  # gather graph nodes for the exposure pass
    role_links: list[iam_facts.RoleLink] = field(default_factory=list)  # task definitions' roles, all chunks


def load_rules(options: ScanOptions) -> tuple[Rulebook, list[Rule]]:
    """The rulebook with the user's parameters and severities applied, and the rules the run evaluates."""
    rulebook = Rulebook.load(options.rule_dirs)
    if options.config is not None:
        options.config.check(rulebook)
    rulebook.configure(options.params, options.severities)
    included = {rule.id for rule in map(rulebook.find, options.include) if rule}
    disabled = [key for key in options.disabled if (rule := rulebook.find(key)) is None or rule.id not in included]
    return rulebook, rulebook.select(options.include, [*options.skip, *disabled], options.frameworks)


def scan(paths: list[Path], options: ScanOptions) -> ScanResult:
    """Scan files and folders; input problems are collected, never raised."""
    rulebook, rules = load_rules(options)
    result = ScanResult(rules=rules)
    files = [
        (str(f), shown, named and not options.skip_unknown)
        for f, shown, named in discover(paths, options.excludes, result.errors)
        if options.only is None or f.resolve() in options.only
    ]
    chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
    local = [r for r in rules if not r.neighbourhood]  # the others run in the exposure pass
    work = _Work(
        options.engine,
        options.rule_dirs,
        [r.id for r in local],
        options.max_bytes,
        options.params,
        options.severities,
        len(local) < len(rules),
        _role_links(files, options.max_bytes, len(chunks)),
    )
    jobs = options.jobs or os.cpu_count() or 1
    if len(files) >= PARALLEL_FROM and jobs > 1 and len(chunks) > 1:
        with ProcessPoolExecutor(jobs, mp_context=get_context("fork")) as pool:
            outcomes = list(pool.map(_chunk_in_worker, [(work, c) for c in chunks]))
    else:
        evaluator = _Evaluator(rulebook, local, options.engine, work.collect, work.role_links)
        outcomes = [evaluator.run(chunk, options.max_bytes) for chunk in chunks]
    nodes: list[graph.Node] = []
    skips: dict[tuple[str, str, str], list[Skip]] = {}
    kinds: Counter[str] = Counter()
    for found, errors, file_count, resource_count, chunk_skips, chunk_nodes, chunk_kinds in outcomes:
        kinds += chunk_kinds
        nodes += chunk_nodes
        result.findings += found
        result.errors += errors
        skips.update(chunk_skips)
        result.files_scanned += file_count
        result.resources_scanned += resource_count
    neighbourhood_rules = [r for r in rules if r.neighbourhood]
    found, notices = exposure.run(nodes, rulebook, neighbourhood_rules, options.engine, options.assume_worst, jobs)
    result.findings += found
    result.notices += notices
    result.notices += mark_in_source(result.findings, skips, rules, rulebook.rules)
    result.evaluated = {rule.id: sum(kinds[kind] for kind in rule.kinds) for rule in rules}
    return result


_worker_evaluator: _Evaluator | None = None


def _chunk_in_worker(job: tuple[_Work, list]) -> tuple:
    global _worker_evaluator
    work, chunk = job
    if _worker_evaluator is None:
        rulebook = Rulebook.load(work.rule_dirs)
        rulebook.configure(work.params, work.severities)
        rules = [r for r in rulebook.rules if r.id in set(work.rule_ids)]
        _worker_evaluator = _Evaluator(rulebook, rules, work.engine, work.collect, work.role_links)
    return _worker_evaluator.run(chunk, work.max_bytes)


class _Evaluator:
    """Reads a chunk of files, evaluates their resources and turns deny entries into findings."""

    def __init__(
        self,
        rulebook: Rulebook,
        rules: list[Rule],
        engine: str,
        collect: bool = False,
        role_links: list[iam_facts.RoleLink] | None = None,
    ):
        self.rules = {r.id: r for r in rules}
        self.collect = collect
        self.role_links = role_links or []
        self.engine: Engine = make_engine(engine, rulebook, rules)

    def run(self, chunk: list[tuple[str, str, bool]], max_bytes: int) -> tuple:
        errors: list[InputError] = []
        loaded: list[tuple[Document, list[Resource]]] = []
        nodes: list[graph.Node] = []
        for file, shown, named in chunk:
            item = load(Path(file), shown, named, max_bytes, errors)
            if item:
                loaded.append(item)
                if self.collect:
                    nodes += graph.collect(*item, file)
        resources = [r for _, found in loaded for r in found]
        iam_facts.link_usage(resources, self.role_links)
        deny_sets = self.engine.evaluate(resources)
        docs = {id(r): doc for doc, found in loaded for r in found}
        findings = [
            finding
            for resource, denies in zip(resources, deny_sets, strict=True)
            for finding in self.findings(resource, denies, docs[id(resource)])
        ]
        skips = {(r.file, r.kind, r.name): r.skips for r in resources if r.skips}
        return findings, errors, len(loaded), len(resources), skips, nodes, Counter(r.kind for r in resources)

    def findings(self, resource: Resource, deny_sets: dict[str, list[dict[str, Any]]], doc: Document) -> list[Finding]:
        secrets = {s for s in facts.secret_strings(resource) if len(s) >= 4}
        out = []
        for rule_id, denies in deny_sets.items():
            rule = self.rules[rule_id]
            for deny in denies:
                out.append(make_finding(rule, resource, deny, doc, secrets))
        return out


def _role_links(files: list[tuple[str, str, bool]], max_bytes: int, chunks: int) -> list[iam_facts.RoleLink]:
    """When a scan has several chunks and roles, the roles every task definition names, so a role is
    linked to the task definitions of other chunks too; only files mentioning a role ARN are parsed."""
    naming, roles = [], False
    for file, shown, _ in files if chunks > 1 else []:
        try:
            text = read_text(Path(file), shown, max_bytes)
        except InputProblem:
            continue
        roles = roles or "AssumeRolePolicyDocument" in text
        if ROLE_HINT.search(text):
            naming.append((file, shown))
    links: list[iam_facts.RoleLink] = []
    for file, shown in naming if roles else []:
        item = load(Path(file), shown, False, max_bytes, [])
        links += iam_facts.role_links(item[1]) if item else []
    return links


def load(
    file: Path, shown: str, named: bool, max_bytes: int, errors: list[InputError]
) -> tuple[Document, list[Resource]] | None:
    """Parse and recognise one file; problems go to `errors`. Unrecognised files give None quietly."""
    try:
        text = read_text(file, shown, max_bytes)
    except InputProblem as problem:
        if named or problem.error.message != "file is empty":
            errors.append(problem.error)
        return None
    try:
        doc = parse(text, shown, guess_format(file, text))
    except InputProblem as problem:
        if named or any(hint in text for hint in OURS_HINTS):
            errors.append(problem.error)
        return None
    try:
        resources = recognise(doc)
        if resources is None:
            return None
        iam_facts.resolve_policies(doc, resources)
        for resource in resources:
            facts.annotate(resource)
    except Exception as exc:  # a shape no source expected: report it, keep scanning the others
        errors.append(
            InputError(
                shown, f"cannot interpret this input ({type(exc).__name__}: {exc}); please report it as an fgscan bug"
            )
        )
        return None
    errors.extend(doc.warnings)
    return doc, resources


def make_finding(rule: Rule, resource: Resource, deny: dict[str, Any], doc: Document, secrets: set[str]) -> Finding:
    """One finding from one deny entry, located on the offending key."""
    path = tuple(deny.get("path") or ())
    message = redact(str(deny.get("msg", rule.title)), secrets)
    severity = rule.severity_of(deny)
    label = KIND_LABELS.get(resource.kind, resource.kind)
    return Finding(
        rule_id=rule.id,
        rule_name=rule.name,
        severity=severity,
        message=f"{label} '{resource.name}': {message}",
        kind=resource.kind,
        resource=resource.name,
        file=resource.file,
        span=locate(resource, path, doc),
        path=path,
        fingerprint=fingerprint(rule.id, resource, path),
        arn=resource.arn,
    )


def locate(resource: Resource, path: tuple, doc: Document) -> Span | None:
    """The span of the offending key; a missing key falls back to the first line of its parent."""
    span, exact = doc.span(resource.source_path(path))
    if span is not None and not exact and span.end_line > span.start_line:
        line_text = doc.text.splitlines()[span.start_line - 1]
        return Span(span.start_line, span.start_col, span.start_line, len(line_text) + 1)
    return span


def fingerprint(rule_id: str, resource: Resource, path: tuple) -> str:
    """Stable across edits that move lines: rule, resource identity and the path, with list
    positions replaced by the item's name where it has one."""
    parts = [rule_id, resource.kind, resource.file, resource.name]
    node: Any = resource.data
    for step in path:
        label = step
        if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            item = node[step]
            name = item.get("name", item.get("Name")) if isinstance(item, dict) else None
            label = f"name={name}" if isinstance(name, str) else step
            node = item
        elif isinstance(node, dict):
            node = node.get(step)
        else:
            node = None
        parts.append(str(label))
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def redact(message: str, secrets: set[str]) -> str:
    """Replace any secret value a rule may have quoted."""
    for secret in sorted(secrets, key=len, reverse=True):
        if secret in message:
            message = message.replace(secret, "***")
    return message
