"""The exposure pass: after the per-file pass, evaluate the neighbourhood rules once per service.

Rules marked `custom.input: neighbourhood` read one service's neighbourhood (see
`scanner.exposure.neighbourhood`) instead of one resource. A deny entry names its primary location and the
related ones by the neighbourhood's `loc` ids, and may cite them in its message as `[text](loc)`;
findings get SARIF-style `[text](n)` links to numbered related locations, and a plain message.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from scanner.engine import Engine, make_engine
from scanner.exposure.graph import DEFAULT_GROUP, Node, locate
from scanner.exposure.neighbourhood import Graph, Loc
from scanner.model import KIND_LABELS, Finding, InputProblem, RelatedLocation, Span
from scanner.rulebook import Rule, Rulebook
from scanner.sources.documents import guess_format, parse, read_text

LINK = re.compile(r"\[([^\]\[]+)\]\((L\d+)\)")
BATCH = 50
PARALLEL_FROM = 200  # services; fewer are judged faster than worker processes start
NAMED_UNKNOWNS = 5  # services named in the notice about unresolved links


def run(
    nodes: list[Node], rulebook: Rulebook, rules: list[Rule], engine: str, assume_worst: bool, jobs: int = 1
) -> tuple[list[Finding], list[str]]:
    """Findings of the neighbourhood `rules` for every service and task set among `nodes`, and a notice
    naming the links that could not be resolved. Many services are spread over `jobs` processes."""
    if not rules or not nodes:
        return [], []
    by_id = {r.id: r for r in rules}
    entries = list(Graph(nodes).neighbourhoods(assume_worst))
    unknowns = [
        f"{KIND_LABELS.get(service.kind, service.kind).lower()} '{service.name}' ({missing})"
        for service, item, _ in entries
        if (missing := _unknown_links(item["neighbourhood"]))
    ]
    deny_sets = _evaluate([item for _, item, _ in entries], rulebook, rules, engine, jobs)
    hits = [
        (by_id[rule_id], service, deny, locs, item["neighbourhood"]["service"]["loc"])
        for (service, item, locs), denies in zip(entries, deny_sets, strict=True)
        for rule_id, found in denies.items()
        for deny in found
    ]
    spans = _spans({loc for _, _, deny, locs, home in hits for loc in _cited(deny, locs, home) if loc.span is None})
    findings = [_finding(rule, service, deny, locs, home, spans) for rule, service, deny, locs, home in hits]
    return findings, [_unknowns_notice(unknowns, assume_worst)] if unknowns else []


def _evaluate(
    items: list[dict[str, Any]], rulebook: Rulebook, rules: list[Rule], engine: str, jobs: int
) -> list[dict[str, list[dict[str, Any]]]]:
    """The deny sets of every neighbourhood; the engine is compiled only when there is one to judge."""
    if not items:
        return []
    chunks = [items[i : i + BATCH] for i in range(0, len(items), BATCH)]
    if jobs < 2 or len(items) < PARALLEL_FROM:
        evaluator = make_engine(engine, rulebook, rules)
        return [deny for chunk in chunks for deny in evaluator.evaluate_inputs(chunk)]
    with ProcessPoolExecutor(
        jobs, mp_context=get_context("fork"), initializer=_start_worker, initargs=(rulebook, rules, engine)
    ) as pool:
        return [deny for result in pool.map(_evaluate_in_worker, chunks) for deny in result]


_worker_engine: Engine | None = None


def _start_worker(rulebook: Rulebook, rules: list[Rule], engine: str) -> None:
    global _worker_engine
    _worker_engine = make_engine(engine, rulebook, rules)


def _evaluate_in_worker(items: list[dict[str, Any]]) -> list[dict[str, list[dict[str, Any]]]]:
    assert _worker_engine is not None
    return _worker_engine.evaluate_inputs(items)


def _unknown_links(hood: dict[str, Any]) -> str:
    """The links of a neighbourhood that are not in the input, as text ('' when all resolved)."""
    if not hood["network"]:
        return ""
    missing = [
        f"security group {g['name']}" if g["ref"] and g["ref"] != DEFAULT_GROUP else g["name"]
        for g in hood["security_groups"]
        if not g["known"]
    ]
    task = hood["task_definition"]
    if not task["known"]:
        missing.append(f"task definition {task['ref']}" if task["ref"] else "task definition")
    if not hood["public_ip"]["known"]:
        missing.append("public IP setting")
    return ", ".join(missing)


def _unknowns_notice(unknowns: list[str], assume_worst: bool) -> str:
    named = "; ".join(unknowns[:NAMED_UNKNOWNS])
    more = f"; and {len(unknowns) - NAMED_UNKNOWNS} more" if len(unknowns) > NAMED_UNKNOWNS else ""
    how = (
        "unknown groups counted as open (--assume-worst)"
        if assume_worst
        else "judged only on what is proven (--assume-worst counts unknown groups as open)"
    )
    return f"exposure: notice: {len(unknowns)} service(s) link to resources not in the input, {how}: {named}{more}"


def _cited(deny: dict[str, Any], locs: dict[str, Loc], home: str | None) -> list[Loc]:
    """The primary location, then the related ones, each once."""
    cited_in_text = [m[2] for m in LINK.finditer(str(deny.get("msg", "")))]
    ids = [deny.get("location"), home, *(deny.get("related") or []), *cited_in_text]
    primary = next((i for i in ids[:2] if i in locs), None)
    ordered = [primary, *(i for i in ids[2:] if i in locs and i != primary)]
    return [locs[i] for i in dict.fromkeys(ordered) if i is not None]


def _finding(
    rule: Rule,
    service: Node,
    deny: dict[str, Any],
    locs: dict[str, Loc],
    home: str | None,
    spans: dict[Loc, Span | None],
) -> Finding:
    cited = _cited(deny, locs, home)
    primary = cited[0] if cited else Loc(service.file, service.real, (), "")
    related = [
        RelatedLocation(loc.file, loc.span or spans.get(loc), loc.label, n) for n, loc in enumerate(cited[1:], 1)
    ]
    numbers = {i: n for n, loc in enumerate(cited[1:], 1) for i, known in locs.items() if known == loc}
    msg = str(deny.get("msg", rule.title))
    prefix = f"{KIND_LABELS.get(service.kind, service.kind)} '{service.name}': "
    linked = LINK.sub(lambda m: f"[{m[1]}]({numbers[m[2]]})" if m[2] in numbers else m[1], msg)
    severity = rule.severity_of(deny)
    parts = [
        rule.id,
        service.kind,
        service.file,
        service.name,
        *(f"{c.file}#{'/'.join(map(str, c.path))}" for c in cited),
    ]
    return Finding(
        rule_id=rule.id,
        rule_name=rule.name,
        severity=severity,
        message=prefix + LINK.sub(r"\1", msg),
        kind=service.kind,
        resource=service.name,
        file=primary.file,
        span=primary.span or spans.get(primary),
        path=primary.path,
        fingerprint=hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32],
        arn=service.arn,
        related=related,
        chain=str(deny["chain"]) if deny.get("chain") else None,
        linked_message=prefix + linked if related else None,
        resource_file=service.file if service.file != primary.file else None,
    )


def _spans(needed: set[Loc]) -> dict[Loc, Span | None]:
    """Line and column of each location, reading each file once more (its document was dropped)."""
    by_file: dict[tuple[str, str], list[Loc]] = defaultdict(list)
    for loc in needed:
        by_file[(loc.real, loc.file)].append(loc)
    out: dict[Loc, Span | None] = {}
    for (real, shown), locs in by_file.items():
        try:
            text = read_text(Path(real), shown, max_bytes=1 << 62)
            doc = parse(text, shown, guess_format(Path(real), text))
        except InputProblem:
            continue
        lines = text.splitlines()
        for loc in locs:
            out[loc] = locate(doc, loc.path, lines)
    return out
