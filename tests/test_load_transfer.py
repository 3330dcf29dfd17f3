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
from scanner.sources.documents import Document
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
    packed = 0
    for before, after in zip(loaded, sent, strict=True):
        assert [r.data for r in after.resources] == [r.data for r in before.resources]
        if before.doc is None or after.doc is None:
            assert before.doc is after.doc is None
            continue
        assert after.doc.text == before.doc.text
        packed += after.doc._packed is not None  # YAML's spans cross as marshal's bytes, read on first use
        paths = list(before.doc._spans or {}) + [("Resources", "NoSuchResource", "Properties")]
        assert [after.doc.span(p) for p in paths] == [before.doc.span(p) for p in paths]
    assert packed > 20
    whole = [(item.file, item.doc and _with_all_data(item.doc), item.resources, item.errors) for item in loaded]
    assert len(pickle.dumps(loaded)) < 0.9 * len(pickle.dumps(whole))


def _with_all_data(doc: Document) -> tuple[Any, ...]:
    """What a document would send with the whole of its data."""
    path, _, *rest = doc.__reduce__()[1]
    return (path, doc.data, *rest)


def test_spans_marshal_cannot_write_cross_as_they_are() -> None:
    """A Terraform document's spans are `Span` objects, which `marshal` refuses: they cross by pickle, whole."""
    main = ROOT / "tests" / "fixtures" / "terraform" / "containers" / "main.tf"
    loaded = load(InputFile(str(main), str(main), True), 20 * 1024 * 1024)
    assert loaded.doc is not None and loaded.doc._spans
    sent = pickle.loads(pickle.dumps(loaded))
    assert sent.doc is not None and sent.doc._packed is None
    assert sent.doc._spans == loaded.doc._spans
    assert [sent.doc.span(p) for p in loaded.doc._spans] == [loaded.doc.span(p) for p in loaded.doc._spans]
