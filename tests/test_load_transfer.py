"""What a load worker sends back to the main process is cut to what the main process reads: a document's
data to what links nested stacks. Checked on the public corpus: what the main process gets from the cut
copies is what the whole gave."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from scanner.load import load
from scanner.sources.cfn_nesting import bindings
from scanner.sources.discovery import InputFile
from tests.conftest import ROOT

CLOUDFORMATION = ROOT / "tests" / "corpus" / "public" / "cloudformation"


def _loaded(folder: Path) -> list[Any]:
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml", ".json", ".template"))
    return [load(InputFile(str(p), str(p), False), 20 * 1024 * 1024) for p in files]


def test_nested_stacks_link_the_same_through_a_worker() -> None:
    docs = [item.doc for item in _loaded(CLOUDFORMATION) if item.doc is not None]
    sent = pickle.loads(pickle.dumps(docs))
    found = bindings(docs)
    assert len(found) > 20  # the corpus's nested stacks (blue/green, refarch, MongoDB's quick start) link
    assert bindings(sent) == found
    assert all(a.text == b.text and a._spans == b._spans for a, b in zip(docs, sent, strict=True))
    whole = [{**doc.__dict__, "_json": None} for doc in docs]
    assert len(pickle.dumps(docs)) < 0.9 * len(pickle.dumps(whole))
