"""Rule metadata remembered between runs: a changed rule is read anew, a broken cache is ignored."""

from __future__ import annotations

import json
import os

from scanner.metadata_cache import cache_file
from scanner.rulebook import Rulebook, bundled_rules_dir, load_rule
from tests.test_custom_rules import RULE, custom_folder


def rule_of(folder, rule_id="ORG-CTR-001"):
    return next(r for r in Rulebook.load([folder]).rules if r.id == rule_id)


def test_an_unchanged_rule_comes_from_the_cache_and_a_changed_one_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setenv("FGSCAN_CACHE_DIR", str(tmp_path / "cache"))
    folder = custom_folder(tmp_path)
    first = rule_of(folder)
    cache = json.loads(cache_file(folder).read_text())
    assert list(cache["files"]) == [os.path.abspath(folder / "health_check.rego")]  # its folder's rules only
    assert len(json.loads(cache_file(bundled_rules_dir()).read_text())["files"]) > 50
    assert rule_of(folder) == first and first.severity.value == "medium"

    rule_file = folder / "health_check.rego"
    rule_file.write_text(RULE.replace("severity: medium", "severity: high"))
    os.utime(rule_file, ns=(1, 1))  # even with an older time stamp: size and time differ from the cached ones
    assert rule_of(folder).severity.value == "high"


def test_a_cache_that_cannot_be_read_or_written_is_not_used(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("FGSCAN_CACHE_DIR", str(cache))
    folder = custom_folder(tmp_path)
    cache_file(folder).write_text('{"format": [1, "0.1.0"], "files": {"x": ')
    assert rule_of(folder).name == "org-health-check"
    json.loads(cache_file(folder).read_text())  # written anew, whole

    monkeypatch.setenv("FGSCAN_CACHE_DIR", str(tmp_path / "a-file" / "below"))
    (tmp_path / "a-file").write_text("not a folder")
    assert rule_of(folder).name == "org-health-check"


def test_the_cache_gives_exactly_the_rules_a_read_without_it_gives(tmp_path, monkeypatch):
    monkeypatch.setenv("FGSCAN_CACHE_DIR", str(tmp_path / "cache"))
    Rulebook.load([])  # fills the cache
    cached = Rulebook.load([])
    fresh = [rule for rule in (load_rule(m, bundled=True) for m in cached.modules) if rule]
    assert cached.rules == fresh
    assert [(r.frameworks, r.custom) for r in cached.rules] == [(r.frameworks, r.custom) for r in fresh]
