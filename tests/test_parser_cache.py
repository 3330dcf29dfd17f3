"""python-hcl2's parser kept built between runs: the same trees as python-hcl2 gives, and a cache that is
missing, broken, foreign or unsound is rebuilt rather than trusted."""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import hcl2
import pytest

from scanner.sources.terraform import parser_cache
from tests.conftest import ROOT

MODULES = [ROOT / "examples" / "terraform", ROOT / "tests" / "corpus" / "public" / "terraform"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FGSCAN_CACHE_DIR", str(folder))
    parser_cache.parser.cache_clear()
    yield folder
    parser_cache.parser.cache_clear()


def fresh_parser():
    parser_cache.parser.cache_clear()
    return parser_cache.parser()


def pickled(folder: Path) -> Path:
    [file] = folder.glob("hcl2-parser-*.pickle")
    return file


def test_the_cached_parser_gives_python_hcl2s_trees(cache):
    fresh_parser()  # builds and writes the cache
    file = pickled(cache)
    assert oct(file.stat().st_mode & 0o777) == "0o600"
    loaded = parser_cache._load(file)
    assert loaded is not None
    texts = [p.read_text() for folder in MODULES for p in sorted(folder.rglob("*.tf"))]
    assert len(texts) > 30
    for text in texts:
        assert loaded.parse(text + "\n") == hcl2.parses_to_tree(text)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda file: file.write_bytes(b"not a pickle"),
        lambda file: file.write_bytes(file.read_bytes()[:1000]),
        lambda file: file.write_bytes(pickle.dumps((None, None))),
        lambda file: file.chmod(0o666),  # others could have written it
    ],
    ids=["garbage", "truncated", "wrong-content", "writable-by-others"],
)
def test_a_cache_in_any_other_state_is_rebuilt(cache, spoil):
    fresh_parser()
    file = pickled(cache)
    spoil(file)
    assert parser_cache._load(file) is None
    parser = fresh_parser()
    assert parser.parse("a = 1\n") == hcl2.parses_to_tree("a = 1")
    assert parser_cache._load(pickled(cache)) is not None  # rewritten sound


def test_a_parser_that_parses_differently_is_not_used(cache):
    parser = fresh_parser()
    file = pickled(cache)
    file.write_bytes(parser_cache._dumps((parser, parser.parse("a = 2\n"))))  # loads, but disagrees on the sample
    assert parser_cache._load(file) is None


def test_an_unwritable_cache_folder_still_parses(cache):
    cache.write_text("a file where the folder should be")
    parser = fresh_parser()
    assert parser.parse("a = 1\n") == hcl2.parses_to_tree("a = 1")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_in_place_of_the_cache_is_not_read(cache):
    fresh_parser()
    file = pickled(cache)
    file.unlink()
    os.mkfifo(file)
    assert parser_cache._load(file) is None  # not blocked on
