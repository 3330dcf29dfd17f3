"""What a load worker sends back to the main process is cut to what the main process reads: a document's
data to what links nested stacks, a resource's `origin` to the entries `source_path` cannot do without.
Checked on the public corpus: what the main process gets from the cut copies is what the whole gave."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path
from typing import Any

from scanner.facts import iam as iam_facts
from scanner.load import _needed, load
from scanner.model import InputProblem
from scanner.model import Path as DataPath
from scanner.sources import recognise
from scanner.sources.cfn_nesting import bindings
from scanner.sources.discovery import InputFile
from scanner.sources.documents import guess_format, parse
from tests.conftest import ROOT

CLOUDFORMATION = ROOT / "tests" / "corpus" / "public" / "cloudformation"


def _loaded(folder: Path) -> list[Any]:
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml", ".json", ".template"))
    return [load(InputFile(str(p), str(p), False), 20 * 1024 * 1024) for p in files]


def test_nested_stacks_link_the_same_through_a_worker() -> None:
    loaded = _loaded(CLOUDFORMATION)
    sent = pickle.loads(pickle.dumps(loaded))
    docs = [item.doc for item in loaded if item.doc is not None]
    found = bindings(docs)
    assert len(found) > 20  # the corpus's nested stacks (blue/green, refarch, MongoDB's quick start) link
    assert bindings([item.doc for item in sent if item.doc is not None]) == found
    for before, after in zip(loaded, sent, strict=True):
        located = [(d.text, d._spans) if d else None for d in (before.doc, after.doc)]
        assert located[0] == located[1]
        assert [r.data for r in after.resources] == [r.data for r in before.resources]
    whole = [{**item.__dict__, "doc": item.doc and {**item.doc.__dict__, "_json": None}} for item in loaded]
    assert len(pickle.dumps(loaded)) < 0.9 * len(pickle.dumps(whole))


def _paths(value: Any, path: DataPath = ()) -> list[DataPath]:
    """`path` and every path inside `value`, with a step past each end (a finding's missing key)."""
    out = [path, (*path, "missing")]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _paths(item, (*path, index))
    return out


def test_a_resource_is_located_the_same_with_its_needed_origin() -> None:
    checked = dropped = 0
    for file in sorted(p for p in CLOUDFORMATION.rglob("*") if p.suffix in (".yaml", ".yml", ".json")):
        text = file.read_text(encoding="utf-8-sig")
        try:
            doc = parse(text, str(file), guess_format(file, text))
        except InputProblem:
            continue
        resources = recognise(doc) or []
        iam_facts.resolve_policies(doc, resources)  # what `load` does before it cuts the origin
        for resource in resources:
            whole = resource.origin
            cut = replace(resource, origin=_needed(whole, resource.source_root))
            for path in [*_paths(resource.data), *((*p, "x", 0) for p in whole)]:
                assert cut.source_path(path) == resource.source_path(path), (file, resource.name, path)
                checked += 1
            dropped += len(whole) - len(cut.origin)
    assert checked > 10_000 and dropped > 1_000
