"""The one place a deny entry becomes a `Finding`: its subject, location, fingerprint, severity, and the
redaction that keeps every secret value out of every report, whichever rule or pass made it.

A deny entry of a per-resource rule points at a path in the resource's data; one of a neighbourhood rule
(`scanner.exposure`) names its primary and related locations by the neighbourhood's `loc` ids and may cite
them in its message as `[text](loc)`, which becomes SARIF's `[text](n)` link to a numbered related location.
"""

from __future__ import annotations

import hashlib
import re
import string
from collections.abc import Iterable
from typing import Any

from msgspec import Struct, field
from msgspec.structs import replace

from scanner.exposure.neighbourhood import Loc, Neighbourhood
from scanner.facts import secret_strings
from scanner.model import KIND_LABELS, Finding, Path, RelatedLocation, Resource, Span
from scanner.rulebook import Rule
from scanner.sources.documents import Document

LINK = re.compile(r"\[([^\]\[]+)\]\((L\d+)\)")
FRAGMENT = 4  # characters of a secret that may not appear in a message unless the rule's own text has them
HIDDEN = "***"
LABELS = ("name", "Name", "family", "serviceName", "GroupName", "RoleName")  # keys that name, never decide


class BadDeny(Exception):
    """A deny entry that is not `{"msg": string, "path": [keys and indexes], ...}` (a broken custom rule)."""


def check(deny: Any) -> dict[str, Any]:
    """The deny entry, or `BadDeny` saying what is wrong with it."""
    if not isinstance(deny, dict):
        raise BadDeny(f"a deny entry must be an object, not {type(deny).__name__}")
    path = deny.get("path", [])
    if path is not None and (
        not isinstance(path, list) or not all(isinstance(s, (str, int)) and not isinstance(s, bool) for s in path)
    ):
        raise BadDeny("a deny entry's path must be a list of keys and indexes")
    if deny.get("msg") is not None and not isinstance(deny["msg"], str):
        raise BadDeny("a deny entry's msg must be a string")
    return deny


class Redactor:
    """Hides every fragment of a secret value that a message quotes.

    A message is built from the rule's own text and the resource's names and keys; a run of at least
    `FRAGMENT` characters that also occurs in one of the resource's secret values, but neither in any rule
    module nor among the resource's other strings, can only have come from the secret, and is replaced by
    `***`. Ordinary words the rule wrote ("agent", "file") and names that happen to equal a secret stay.
    """

    def __init__(self, vocabulary: str):
        self.vocabulary = vocabulary

    def secrets(self, resources: Iterable[Resource]) -> Secrets:
        """The secret values of `resources`, ready to redact against."""
        return Secrets({s for r in resources for s in secret_values(r)}, resources)

    def redact(self, text: str, secrets: Secrets) -> str:
        """`text` with every secret fragment replaced."""
        if not secrets.values or len(text) < FRAGMENT:
            return text
        starts = secrets.starts(text)
        if not starts:
            return text
        hidden = [False] * len(text)
        for i in starts:
            end = i + FRAGMENT
            while end < len(text) and secrets.contains(text[i : end + 1]):
                end += 1
            fragment = text[i:end]
            if fragment not in self.vocabulary and not _plain(fragment, secrets.plain()):
                hidden[i:end] = [True] * (end - i)
        if not any(hidden):
            return text
        out, i = [], 0
        while i < len(text):
            if hidden[i]:
                while i < len(text) and hidden[i]:
                    i += 1
                out.append(HIDDEN)
            else:
                out.append(text[i])
                i += 1
        return "".join(out)

    def redact_path(self, path: Path, secrets: Secrets) -> Path:
        """A deny path whose string steps quote no secret."""
        return tuple(self.redact(step, secrets) if isinstance(step, str) else step for step in path)


def secret_values(resource: Resource) -> set[str]:
    """The resource's secret strings long enough to hold a fragment a message could quote."""
    return {s for s in secret_strings(resource) if len(s) >= FRAGMENT}


def _plain(fragment: str, plain: str) -> bool:
    """The fragment is among the resource's plain strings, alone or with punctuation around it: "3000/" of a
    message's "3000/tcp" is the port 3000, however the same characters also occur in a URL of the environment."""
    core = fragment.strip(string.punctuation)
    return fragment in plain or (bool(core) and core != fragment and core in plain)


class Secrets:
    """The secret values of some resources, with their fragments indexed on first use."""

    def __init__(self, values: set[str], resources: Iterable[Resource]):
        self.values = values
        self._resources = list(resources)
        self._grams: set[str] | None = None
        self._joined: str | None = None
        self._plain: str | None = None

    def grams(self) -> set[str]:
        if self._grams is None:
            self._grams = {v[i : i + FRAGMENT] for v in self.values for i in range(len(v) - FRAGMENT + 1)}
        return self._grams

    def starts(self, text: str) -> list[int]:
        """Where in `text` a `FRAGMENT`-character run of a secret starts, in order. A few grams are each
        searched for in C (a finding's text is short, a secret's grams often fewer than its characters);
        many are looked up at every position of the text."""
        grams = self.grams()
        if len(grams) * 2 > len(text):
            return [i for i in range(len(text) - FRAGMENT + 1) if text[i : i + FRAGMENT] in grams]
        found: set[int] = set()
        for gram in grams:
            i = text.find(gram)
            while i != -1:
                found.add(i)
                i = text.find(gram, i + 1)
        return sorted(found)

    def contains(self, fragment: str) -> bool:
        if self._joined is None:
            self._joined = "\x00".join(sorted(self.values))
        return fragment in self._joined

    def plain(self) -> str:
        """Every key and every non-secret string and number of the resources, where names, labels and ports
        legitimately repeat a secret's characters."""
        if self._plain is None:
            found: list[str] = []
            for resource in self._resources:
                found.append(resource.name)
                _strings(resource.data, self.values, found)
            self._plain = "\x00".join(found)
        return self._plain


def _strings(value: Any, secrets: set[str], out: list[str]) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            out.extend(str(k) for k in item)
            # a name is printed as the resource's or container's label whatever an environment value or docker
            # label repeats it (Cloud Custodian's container `webserver` labelled `role: webserver`)
            out.extend(v for k, v in item.items() if k in LABELS and isinstance(v, str))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and item not in secrets:
            out.append(item)
        elif isinstance(item, (int, float)) and not isinstance(item, bool):  # a port, a size: stated in plain
            out.append(str(item))


def locate(doc: Document | None, path: Path) -> Span | None:
    """The span of the key at `path`; a missing key falls back to the first line of its parent."""
    if doc is None:
        return None
    span, exact = doc.span(path)
    if span is not None and not exact and span.end_line > span.start_line:
        line_text = doc.text.splitlines()[span.start_line - 1]
        return Span(span.start_line, span.start_col, span.start_line, len(line_text) + 1)
    return span


def fingerprint(rule_id: str, resource: Resource, path: Path) -> str:
    """Stable across edits that move lines: rule, resource identity and the path, with list positions
    replaced by the item's name where it has one."""
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
    return _digest(parts)


def _digest(parts: list[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def _subject(resource: Resource) -> str:
    """How a message names its resource: kind, name and, in CDK output, the construct path a CDK user knows."""
    construct = f" (construct {resource.construct})" if resource.construct else ""
    return f"{KIND_LABELS.get(resource.kind, resource.kind)} '{resource.name}'{construct}: "


class Builder(Struct):
    """Turns deny entries into findings; `docs` maps each file to its document for locating."""

    docs: dict[str, Document]  # by file
    redactor: Redactor
    owners: dict[int, Document] = field(default_factory=dict)  # by resource id: the document that read it

    _ids: dict[int, dict[Loc, list[str]]] = field(default_factory=dict)  # by neighbourhood: each place's ids
    _secrets: dict[int, set[str]] = field(default_factory=dict)  # by resource: its secret values

    def secrets(self, resources: list[Resource]) -> Secrets:
        """The secret values of `resources`, as `Redactor.secrets` finds them, each resource's read once per
        scan (a task definition is also a member of every neighbourhood that runs it)."""
        values: set[str] = set()
        for resource in resources:
            own = self._secrets.get(id(resource))
            if own is None:
                own = self._secrets[id(resource)] = secret_values(resource)
            values |= own
        return Secrets(values, resources)

    def _loc_ids(self, hood: Neighbourhood) -> dict[Loc, list[str]]:
        """The ids that name each place of a neighbourhood (several may name one), found once per neighbourhood."""
        if id(hood) not in self._ids:
            ids: dict[Loc, list[str]] = {}
            for i, loc in hood.locs.items():
                ids.setdefault(loc, []).append(i)
            self._ids[id(hood)] = ids
        return self._ids[id(hood)]

    def add(self, doc: Document | None, resources: list[Resource]) -> None:
        """Locate findings in `doc`, the document that read `resources` (a scan adds each as it is loaded)."""
        if doc is not None:
            self.docs[doc.path] = doc
            self.owners.update((id(r), doc) for r in resources)

    def doc_of(self, resource: Resource) -> Document | None:
        """The document that read `resource` (its file's, unless a plan or module read it from elsewhere)."""
        return self.owners.get(id(resource)) or self.docs.get(resource.file)

    def from_resource(self, rule: Rule, resource: Resource, deny: dict[str, Any], secrets: Secrets) -> Finding:
        """One finding of a per-resource rule, located on the offending key."""
        path = self.redactor.redact_path(tuple(deny.get("path") or ()), secrets)
        message = self.redactor.redact(deny.get("msg") or rule.title, secrets)  # no msg: built from a non-string
        return Finding(
            rule_id=rule.id,
            rule_name=rule.name,
            severity=rule.severity_of(deny),
            message=_subject(resource) + message + _notes(resource, path),
            kind=resource.kind,
            resource=resource.name,
            file=resource.file,
            span=locate(self.doc_of(resource), resource.source_path(path)),
            path=path,
            fingerprint=fingerprint(rule.id, resource, path),
            arn=resource.arn if isinstance(resource.arn, str) else None,
            construct=resource.construct,
        )

    def from_neighbourhood(self, rule: Rule, hood: Neighbourhood, deny: dict[str, Any], secrets: Secrets) -> Finding:
        """One finding of a neighbourhood rule, located on its primary location, with the others related."""
        service = hood.service
        home = hood.input["neighbourhood"]["service"]["loc"]
        cited = _cited(deny, hood.locs, home)
        primary = cited[0] if cited else Loc(service.file, (), "")
        related = [
            RelatedLocation(loc.file, self._span(loc), self.redactor.redact(loc.label, secrets), n)
            for n, loc in enumerate(cited[1:], 1)
        ]
        msg = self.redactor.redact(deny.get("msg") or rule.title, secrets)
        prefix = _subject(service)
        plain = linked = msg
        if "](L" in msg:  # the message cites places: links to related locations' numbers, plain text in `message`
            plain = LINK.sub(r"\1", msg)
            if related:
                ids = self._loc_ids(hood)
                numbers = {i: n for n, loc in enumerate(cited[1:], 1) for i in ids[loc]}
                linked = LINK.sub(lambda m: f"[{m[1]}]({numbers[m[2]]})" if m[2] in numbers else m[1], msg)
        parts = [rule.id, service.kind, service.file, service.name]
        parts += [f"{c.file}#{'/'.join(map(str, c.path))}" for c in cited]
        return Finding(
            rule_id=rule.id,
            rule_name=rule.name,
            severity=rule.severity_of(deny),
            message=prefix + plain,
            kind=service.kind,
            resource=service.name,
            file=primary.file,
            span=self._span(primary),
            path=primary.path,
            fingerprint=_digest(parts),
            arn=service.arn if isinstance(service.arn, str) else None,
            related=related,
            chain=self.redactor.redact(str(deny["chain"]), secrets) if deny.get("chain") else None,
            linked_message=prefix + linked if related else None,
            resource_file=service.file if service.file != primary.file else None,
            construct=service.construct,
        )

    def _span(self, loc: Loc) -> Span | None:
        return locate(self.owners.get(loc.owner) or self.docs.get(loc.file), loc.path)


def _notes(resource: Resource, path: Path) -> str:
    """What the finding's value was assumed from (a parameter's default), where the source says. A finding on
    the whole resource (something it lacks) depends on no value inside it: a default of its name or instance
    type is not what the finding was made from. Nor is a name (`Name: !Sub ${ServiceName}-web`): it labels
    the resource or container in the message (and locates findings on what a container lacks), and decides
    none."""
    notes = [
        note
        for where, note in resource.notes.items()
        if where[: len(path)] == path[: len(where)]  # one path lies inside the other
        and (path or not where)
        and not (where and where[-1] in LABELS)
    ]
    return f" ({'; '.join(dict.fromkeys(notes))})" if notes else ""


def _cited(deny: dict[str, Any], locs: dict[str, Loc], home: str | None) -> list[Loc]:
    """The primary location, then the related ones, each once."""
    cited_in_text = [m[2] for m in LINK.finditer(str(deny.get("msg", "")))]
    related = deny.get("related")
    ids = [deny.get("location"), home, *(related if isinstance(related, list) else []), *cited_in_text]
    primary = next((i for i in ids[:2] if isinstance(i, str) and i in locs), None)
    ordered = [primary, *(i for i in ids[2:] if isinstance(i, str) and i in locs and i != primary)]
    return [locs[i] for i in dict.fromkeys(ordered) if i is not None]


def merge_readings(made: list[tuple[Finding, Resource]], resources: list[Resource]) -> list[Finding]:
    """One finding per place and message. A resource read several ways (`Resource.variant`, CloudFormation's
    `Fn::If`) gives its findings once; a finding made in only some of its readings says in which."""
    readings: dict[tuple[str, str, str], set[str | None]] = {}
    for resource in resources:
        readings.setdefault(_identity(resource), set()).add(resource.variant)
    seen: dict[tuple[str, str], tuple[Finding, set[str | None], set[str | None]]] = {}
    for finding, resource in made:  # one rule may make several findings at one place, told apart by message
        entry = seen.setdefault((finding.fingerprint, finding.message), (finding, readings[_identity(resource)], set()))
        entry[2].add(resource.variant)
    out = []
    for finding, every, variants in seen.values():
        if None in variants or variants >= every:
            out.append(finding)
            continue
        when = f" ({_which(variants, every)})"
        linked = finding.linked_message + when if finding.linked_message else None
        out.append(replace(finding, message=finding.message + when, linked_message=linked))
    return out


def _which(variants: set[str | None], every: set[str | None]) -> str:
    """The readings a finding is made in, each cut to the choices that tell them from the readings it is not
    made in: `when condition HasSubnetsReachPublic holds`, not all fourteen conditions a service has."""
    choices = {v: v.removeprefix("when ").split(" and ") for v in every if v}
    made = {v for v in variants if v}
    shared = [c for c in choices[min(made)] if all(c in choices[v] for v in made)]
    if shared and all(other in made for other, chosen in choices.items() if set(shared) <= set(chosen)):
        return "when " + " and ".join(_fewest(shared, choices, made))
    terms: list[str] = []
    for reading in sorted(made):
        term = choices[reading]
        for choice in list(term):
            fewer = [c for c in term if c != choice]
            if fewer and all(other in made for other, chosen in choices.items() if set(fewer) <= set(chosen)):
                term = fewer
        terms.append("when " + " and ".join(term))
    return " or ".join(dict.fromkeys(terms))


def _fewest(shared: list[str], choices: dict[str, list[str]], made: set[str]) -> list[str]:
    """The choices of `shared` that still tell the readings a finding is made in from the others, dropping one
    at a time those the rest already decide. Past `MAX_READINGS` most conditions are never flipped alone, so
    they are true together in every reading but one; a kept choice is named with every such twin (same value
    in every reading), as nothing read tells which of them the finding follows."""
    kept = list(shared)
    for choice in shared:
        fewer = [c for c in kept if c != choice]
        if fewer and all(other in made for other, chosen in choices.items() if set(fewer) <= set(chosen)):
            kept = fewer

    def pattern(choice: str) -> frozenset[str]:
        return frozenset(v for v, chosen in choices.items() if choice in chosen)

    patterns = {pattern(c) for c in kept}
    return [c for c in shared if pattern(c) in patterns]


def _identity(resource: Resource) -> tuple[str, str, str]:
    return resource.file, resource.kind, resource.name
