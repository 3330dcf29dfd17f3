"""The scan, one pipeline: files -> documents and resources (`scanner.load`) -> one graph (`scanner.graph`)
-> rule inputs of two shapes (resources, service neighbourhoods) -> one evaluation stage
(`scanner.evaluate`) -> findings built in one place (`scanner.findings`) -> suppressions.

Each file is read and parsed once. Loading and evaluation spread over the CPU cores for large scans
(`scanner.executor`): the load workers also judge every resource whose input needs nothing from the graph
(`GRAPH_LINKED`), and judge the rest ahead on the graph of their file alone; after the whole scan's graph is
built, an input it leaves as it was keeps that result (`evaluate.Ahead`), and only the others are judged
again. The documents stay in this process to locate findings, which are built as the workers' results come
back, while the workers go on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from scanner import budget, executor, exposure
from scanner.config import Config
from scanner.engine import DenySets, default_engine, rego_input
from scanner.evaluate import (
    Ahead,
    Evaluation,
    Failed,
    RuleSet,
    decoded,
    evaluate_in_worker,
    evaluate_stream,
    judge_ahead,
    worker_setup,
)
from scanner.exposure.neighbourhood import Neighbourhood
from scanner.facts import attachments
from scanner.facts import iam as iam_facts
from scanner.findings import BadDeny, Builder, Redactor, Secrets, check, locate, merge_readings
from scanner.graph import Graph
from scanner.load import Inputs, Loaded, load_batch
from scanner.model import KIND_LABELS, Finding, InputError, Resource, ScanResult, Severity
from scanner.rulebook import Rule, Rulebook
from scanner.sources.cfn_nesting import bindings as nesting
from scanner.sources.discovery import InputFile, discover
from scanner.sources.documents import DEFAULT_MAX_BYTES, Document
from scanner.suppressions import mark_in_source

LOAD_BATCH = 40
PARALLEL_FROM = 120  # files; fewer are read faster than worker processes start


class ScanOptions(Struct):
    """What a scan evaluates and how."""

    engine: str = field(default_factory=default_engine)
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
    base: Path | None = None  # files are named relative to this folder (default: the working directory)
    parameters: dict[str, str] = field(default_factory=dict)  # CloudFormation parameter values the user supplied
    terraform_sources: list[Path] = field(default_factory=list)  # where a plan's .tf files are (default: beside it)
    rule_budget: float = budget.DEFAULT_SECONDS  # seconds a custom rule may spend on one input
    matched_excludes: set[str] = field(default_factory=set)  # filled by the scan: the excludes that matched a path


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
    return Scanner(options).scan(paths)


class Scanner:
    """The run's rules, loaded and checked once, and the pipeline that judges files with them."""

    def __init__(self, options: ScanOptions):
        self.options = options
        self.rulebook, self.rules = load_rules(options)
        self.custom = [r for r in self.rules if not r.bundled]
        bundled = [r for r in self.rules if r.bundled]
        self.evaluation = Evaluation(self.rulebook, bundled, options.engine)
        self.rule_set = RuleSet(
            options.engine,
            tuple(options.rule_dirs),
            tuple(r.id for r in bundled),
            options.params,
            options.severities,
        )
        self.redactor = Redactor(_vocabulary(self.rulebook))

    def _redacted(self, text: str, subject: Resource | Neighbourhood) -> str:
        """`text` (an engine's error, which may quote a value it choked on) without the subject's secrets."""
        return self.redactor.redact(text, self.redactor.secrets(_members(subject)))

    def _build(
        self, builder: Builder, rules: dict[str, Rule], subject: Resource | Neighbourhood, outcome: DenySets | Failed
    ) -> Built:
        """The findings of one input's outcome, or the error of an input the engine could not evaluate."""
        built = Built()
        if isinstance(outcome, Failed):
            resource = subject if isinstance(subject, Resource) else subject.service
            span = locate(builder.doc_of(resource), resource.source_path(()))
            line, col = (span.start_line, span.start_col) if span else (None, None)
            what = f"rule {', '.join(outcome.rules)} not evaluated on it" if outcome.rules else "not evaluated"
            message = f"{_label(resource)}: {what}: {self._redacted(outcome.reason, subject)}"
            built.errors.append(InputError(resource.file, message, line, col))
            outcome = outcome.denies  # the other rules' results, when only some rules failed
        built.findings = _findings(builder, rules, subject, outcome, built.broken)
        return built

    def scan(self, paths: list[Path]) -> ScanResult:
        """Scan files and folders; input problems are collected, never raised."""
        options, rules = self.options, self.rules
        result = ScanResult(rules=rules)
        files = [
            f._replace(named=f.named and not options.skip_unknown)
            for f in discover(paths, options.excludes, result.errors, options.base, options.matched_excludes)
            if options.only is None or Path(f.path).resolve() in options.only
        ]
        jobs = options.jobs or os.cpu_count() or 1
        with executor.collector_off(), executor.Workers(jobs, worker_setup(self.rule_set, self.evaluation)) as workers:
            if len(files) >= PARALLEL_FROM:
                workers.start()  # before the loaded files fill this process, which each forked worker would map
            return self._scan(files, workers, result)

    def _scan(self, files: list[InputFile], workers: executor.Workers, result: ScanResult) -> ScanResult:
        options, rules = self.options, self.rules
        by_id = {r.id: r for r in rules}
        builder = Builder({}, self.redactor)
        loaded = [Loaded(f) for f in files]
        judged: list[list[DenySets | Failed | None]] = [[] for _ in files]
        early: list[list[Built | None]] = [[] for _ in files]
        given = Inputs(options.parameters, options.terraform_sources)
        any_hood_rule = any(r.neighbourhood for r in rules)
        views: dict[int, exposure.View | None] = {}
        ahead: Ahead = {}
        for index, item, outcomes, results in _loading(files, options.max_bytes, workers, given):
            loaded[index], judged[index] = item, outcomes
            ahead.update(results)
            builder.add(item.doc, item.resources)
            if any_hood_rule:
                views.update(exposure.views_of(item.resources))
            early[index] = [  # findings built while the workers load the next files (custom rules' come later)
                None if o is None or self.custom else self._build(builder, by_id, r, o)
                for r, o in zip(item.resources, outcomes, strict=True)
            ]
        resources = [r for item in loaded for r in item.resources]
        for item in loaded:
            result.errors += item.errors
        result.files_scanned = sum(1 for item in loaded if item.doc is not None)
        result.inputs = {item.file.identity for item in loaded if item.doc is not None and item.file.identity}
        readings = {(r.file, r.kind, r.name) for r in resources if r.variant is not None}
        result.resources_scanned = sum(1 for r in resources if r.variant is None) + len(readings)

        graph = linked(loaded)
        outcomes = [o for each in judged for o in each]
        waiting = [i for i, outcome in enumerate(outcomes) if outcome is None]  # the workers judged the others
        waiting_inputs = [rego_input(resources[i]) for i in waiting]
        streams = [(waiting, evaluate_stream(waiting_inputs, self.evaluation, workers, ahead))]
        hoods: list[Neighbourhood] = []
        built_hoods = exposure.neighbourhoods(graph, options.assume_worst, views) if any_hood_rule else iter(())
        # no `ahead`: it holds resources' results only (`_judge_ahead`), so a neighbourhood's digest would find nothing
        hood_stream = evaluate_stream(_inputs(built_hoods, hoods), self.evaluation, workers)
        streams.append((list(range(len(resources), len(resources) + len(hoods))), hood_stream))
        subjects: list[Resource | Neighbourhood] = [*resources, *hoods]
        broken: dict[str, str] = {}
        extra: list[DenySets] = [{} for _ in subjects]
        if self.custom:
            inputs = [*map(rego_input, resources), *(h.input for h in hoods)]
            guarded = budget.evaluate_guarded(self.rule_set, self.custom, inputs, options.rule_budget)
            for rule_id, (reason, at) in guarded.dropped.items():  # the engine's words may quote the input
                broken[rule_id] = reason if at is None else self._redacted(reason, subjects[at])
            extra = guarded.denies

        built: list[Built | None] = [*(b for each in early for b in each), *(None for _ in hoods)]
        unbuilt = ((i, o) for i, o in enumerate(outcomes) if o is not None and built[i] is None)
        for positions, stream in [(None, unbuilt), *streams]:  # findings are built while the workers evaluate
            for index, outcome in stream:
                at = index if positions is None else positions[index]
                (outcome.denies if isinstance(outcome, Failed) else outcome).update(extra[at])
                built[at] = self._build(builder, by_id, subjects[at], outcome)
        made = []
        for done in built:  # in the inputs' order, whatever order the workers finished in
            assert done is not None, "every input's outcome is built"
            result.errors += done.errors
            made += done.findings
            for rule_id, why in done.broken.items():
                broken.setdefault(rule_id, why)
        result.errors += [
            InputError(str(by_id[rule].file), f"rule {rule}: {why}; its results are dropped")
            for rule, why in broken.items()
        ]
        result.findings = [f for f in merge_readings(made, resources) if f.rule_id not in broken]
        result.evaluated = _evaluated(rules, resources, hoods)
        result.notices += [n for item in loaded if item.doc for n in item.doc.notices]
        result.notices += [n for r in resources for n in _unjudged_notices(r, builder.doc_of(r))]
        result.notices += exposure.unknowns_notice(hoods, options.assume_worst)
        skips = {(r.file, r.kind, r.name): r.skips for r in resources if r.skips}
        result.notices += mark_in_source(result.findings, skips, rules, self.rulebook.rules)
        result.retained = [loaded, judged, early, outcomes, built, extra, graph, hoods, views, builder, made]
        return result


class Built(Struct):
    """What one input's outcome gives: its findings, its input errors and the rules whose entries were malformed."""

    findings: list[tuple[Finding, Resource]] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    broken: dict[str, str] = field(default_factory=dict)


def _members(subject: Resource | Neighbourhood) -> list[Resource]:
    return [subject] if isinstance(subject, Resource) else subject.members


def _loading(
    files: list[InputFile], max_bytes: int, workers: executor.Workers, given: Inputs
) -> Iterator[tuple[int, Loaded, list[DenySets | Failed | None], Ahead]]:
    """Each file loaded (with its index in `files`), the outcome of each of its resources judged already, else
    None, and the results judged ahead for it (`_judge_ahead`), as the workers finish them.

    Many files are spread over the workers, which also judge each resource whose input needs nothing from the
    rest of the scan (not of GRAPH_LINKED): the cores evaluate while this process takes in the loaded files.
    A file that kills its worker is loaded again alone, without judging, in a fresh worker (a crash in the
    rule engine must not lose the file); a file that kills that one too is an error."""
    if len(files) < PARALLEL_FROM or workers.jobs < 2:
        for index, one in enumerate(load_batch(files, max_bytes, given)):
            yield index, one, [None] * len(one.resources), {}
        return
    crashed: list[int] = []
    work = partial(_load_and_judge, max_bytes=max_bytes, given=given)
    for start, batch in workers.stream_batches(work, files, LOAD_BATCH):
        for index, outcome in enumerate(batch, start):
            if isinstance(outcome, executor.Crashed):
                crashed.append(index)
            else:
                item, results, ahead = outcome
                yield index, item, [None if r is None else decoded(r) for r in results], ahead
    retried = workers.run_apart(partial(load_batch, max_bytes=max_bytes, given=given), [files[i] for i in crashed])
    for index, again in zip(crashed, retried, strict=True):
        if isinstance(again, executor.Crashed):
            lost = InputError(files[index].shown, f"could not be read: {again.reason}")
            again = Loaded(files[index], errors=[lost])
        yield index, again, [None] * len(again.resources), {}


def _inputs(hoods: Iterator[Neighbourhood], made: list[Neighbourhood]) -> Iterator[dict[str, Any]]:
    """The neighbourhoods' rule inputs, each neighbourhood kept in `made` as it is built: the workers judge
    the first ones while this process builds the next."""
    for hood in hoods:
        made.append(hood)
        yield hood.input


def linked(loaded: list[Loaded]) -> Graph:
    """The graph of the loaded files' resources, which gives those of GRAPH_LINKED their facts from across the
    scan (which task definitions use a role, what a group is attached to)."""
    graph = Graph(
        [r for item in loaded for r in item.resources], nesting([item.doc for item in loaded if item.doc is not None])
    )
    iam_facts.link_usage(graph)
    attachments.link_attachments(graph)
    return graph


# The kinds whose rule inputs the graph stage changes, with facts from across the scan; any other resource's
# input is final once its file is loaded (tests/test_pipeline.py checks this on every corpus).
GRAPH_LINKED = frozenset({*iam_facts.LINKED_KINDS, *attachments.LINKED_KINDS})


def _load_and_judge(
    files: list[InputFile], max_bytes: int, given: Inputs
) -> list[tuple[Loaded, list[str | DenySets | Failed | None], Ahead]]:
    """A load worker's batch, each file with the results of its resources not of GRAPH_LINKED (None for those)
    and the results of its other inputs judged ahead (`_judge_ahead`)."""
    loaded = load_batch(files, max_bytes, given)
    early = [rego_input(r) for item in loaded for r in item.resources if r.kind not in GRAPH_LINKED]
    results = iter(evaluate_in_worker(early))
    return [
        (
            item,
            [None if r.kind in GRAPH_LINKED else next(results) for r in item.resources],
            _judge_ahead(item),
        )
        for item in loaded
    ]


def _judge_ahead(item: Loaded) -> Ahead:
    """The results of the file's resources of GRAPH_LINKED, judged on the graph of this file alone: the whole
    scan's graph leaves most of them as they are (a template that links to no other file), and those keep
    these results. Their facts are left as the file gave them.

    Not the neighbourhoods: building one costs more than judging it (0.13 ms against 0.09 for a service of a
    stack), and building it again here would double that."""
    linked_here = [r for r in item.resources if r.kind in GRAPH_LINKED]
    if not linked_here:
        return {}
    facts = [(r, {k: list(v) if isinstance(v, list) else v for k, v in r.facts.items()}) for r in linked_here]
    linked([item])
    inputs = [rego_input(r) for r in linked_here]
    for resource, own in facts:  # linking sets facts, or adds to a fact's list
        resource.facts = own
    return judge_ahead(inputs)


def _findings(
    builder: Builder,
    rules: dict[str, Rule],
    subject: Resource | Neighbourhood,
    denies: DenySets,
    broken: dict[str, str],
) -> list[tuple[Finding, Resource]]:
    """The findings of one input's deny sets; a rule whose deny entries are malformed is noted in `broken`."""
    resource = subject.service if isinstance(subject, Neighbourhood) else subject
    secrets: Secrets | None = None  # found with the first finding: most inputs have none
    out = []
    for rule_id, entries in denies.items():
        if isinstance(entries, list) and not entries:  # every rule has its (mostly empty) deny set
            continue
        rule = rules.get(rule_id)
        if rule is None:
            continue
        try:
            for deny in entries if isinstance(entries, list) else [entries]:
                deny = check(deny)
                if secrets is None:
                    secrets = builder.secrets(_members(subject))
                finding = (
                    builder.from_neighbourhood(rule, subject, deny, secrets)
                    if isinstance(subject, Neighbourhood)
                    else builder.from_resource(rule, subject, deny, secrets)
                )
                out.append((finding, resource))
        except BadDeny as exc:
            broken.setdefault(rule_id, str(exc))
    return out


def _unjudged_notices(resource: Resource, doc: Document | None) -> list[str]:
    """`file:line: notice:` for each AWS managed policy on a role that fgscan cannot judge."""
    notices = []
    for name, path in iam_facts.unjudged_policies(resource):
        span = locate(doc, resource.source_path(path))
        where = f"{resource.file}:{span.start_line}" if span else resource.file
        notices.append(
            f"{where}: notice: IAM role '{resource.name}': AWS managed policy '{name}' not judged (its document is "
            "not in the input; scan `aws iam get-account-authorization-details --filter AWSManagedPolicy` with it)"
        )
    return notices


def _label(resource: Resource) -> str:
    return f"{KIND_LABELS.get(resource.kind, resource.kind).lower()} '{resource.name}'"


def _vocabulary(rulebook: Rulebook) -> str:
    """The code of every rule module, comments (and so metadata examples) left out: what a message may
    quote without quoting a secret."""
    texts = []
    for module in rulebook.modules:
        try:
            lines = rulebook.source(module).splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        texts += [line for line in lines if not line.lstrip().startswith("#")]
    return "\x00".join([*texts, *KIND_LABELS.values()])


def _evaluated(rules: list[Rule], resources: list[Resource], hoods: list[Any]) -> dict[str, int]:
    """How many resources (services, for neighbourhood rules) each rule judged."""
    kinds: dict[str, int] = {}
    for resource in {(r.file, r.kind, r.name): r for r in resources}.values():
        kinds[resource.kind] = kinds.get(resource.kind, 0) + 1
    services: dict[str, int] = {}
    for hood in {(h.service.file, h.service.kind, h.service.name): h for h in hoods}.values():
        services[hood.service.kind] = services.get(hood.service.kind, 0) + 1
    return {
        rule.id: sum((services if rule.neighbourhood else kinds).get(kind, 0) for kind in rule.kinds) for rule in rules
    }
