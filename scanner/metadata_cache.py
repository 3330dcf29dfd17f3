"""Rule metadata remembered between runs. Parsing the `# METADATA` YAML of every rule is a large part of
a one-file scan's start (the pre-commit case), and rules rarely change between runs: a rule file whose
path, size and modification time are those of last time gives the metadata read then.

The cache is one JSON file in fgscan's cache folder (`scanner.cache`). It holds parsed metadata, never
compiled Rego (an engine's compiled form is not portable, and messages must not depend on it). One that
cannot be read or written is not used.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import scanner
from scanner.cache import cache_dir, write_atomically

FORMAT = 1


def cache_file() -> Path:
    """Where the metadata is kept."""
    return cache_dir() / "rule-metadata.json"


class MetadataCache:
    """Metadata by rule file, for one `Rulebook.load`; `save` writes back what changed."""

    def __init__(self) -> None:
        self.file = cache_file()
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
