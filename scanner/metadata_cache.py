"""Rule metadata remembered between runs. Parsing the `# METADATA` YAML of every rule is a large part of
a one-file scan's start (the pre-commit case), and rules rarely change between runs: a rule file whose
path, size and modification time are those of last time gives the metadata read then.

The cache is one JSON file per folder of rules in fgscan's cache folder (`scanner.cache`): a run reads the
metadata of its own rules only, however many checkouts and custom folders share the machine (one file for
all of them had grown to 800 KB, read by every process of every run). It holds parsed metadata, never
compiled Rego (an engine's compiled form is not portable, and messages must not depend on it). One that
cannot be read or written is not used.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import scanner
from scanner.cache import cache_dir, write_atomically

FORMAT = 1


def cache_file(folder: Path) -> Path:
    """Where the metadata of the rules in `folder` is kept."""
    name = hashlib.blake2b(os.path.abspath(folder).encode(), digest_size=8).hexdigest()
    return cache_dir() / f"rule-metadata-{name}.json"


class MetadataCache:
    """Metadata by rule file, for the rules of one folder; `save` writes back what changed."""

    def __init__(self, folder: Path) -> None:
        self.file = cache_file(folder)
        self.entries: dict[str, Any] = {}
        self.changed = False
        try:
            stored = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        files = stored.get("files") if isinstance(stored, dict) else None
        if isinstance(files, dict) and stored.get("format") == [FORMAT, scanner.__version__]:
            self.entries = files

    def read(self, file: Path, text: Callable[[], str], parse: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
        """`parse(text())` for `file`, or what it gave last time when the file is unchanged.

        Metadata goes through JSON either way, so a run with the cache sees exactly what one without sees."""
        status = file.stat()
        key, stamp = os.path.abspath(file), [status.st_mtime_ns, status.st_size]
        known = self.entries.get(key)
        if isinstance(known, dict) and known.get("stamp") == stamp and isinstance(known.get("metadata"), dict):
            return known["metadata"]
        metadata = json.loads(json.dumps(parse(text()), default=str))
        self.entries[key] = {"stamp": stamp, "metadata": metadata}
        self.changed = True
        return metadata

    def save(self) -> None:
        """Write the cache back if a rule was read anew (atomically: runs may overlap)."""
        if not self.changed:
            return
        self.entries = {key: entry for key, entry in self.entries.items() if os.path.exists(key)}
        stored = {"format": [FORMAT, scanner.__version__], "files": self.entries}
        write_atomically(self.file, json.dumps(stored).encode("utf-8"))
