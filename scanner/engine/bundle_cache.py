"""A disk cache of compiled rego-cpp bundles, so a one-file scan (the pre-commit hook) skips compiling.

The key hashes everything the bundle is built from (the regopy version, every module's source, the
parameters and the entrypoints), so a changed rule or parameter never hits an old bundle. The cache
lives in `$FGSCAN_CACHE_DIR`, else `$XDG_CACHE_HOME/fgscan`, else `~/.cache/fgscan`; set
`FGSCAN_CACHE_DIR` to an empty string to turn it off. A cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import regopy


def cache_file(modules: dict[str, str], data: dict, entrypoints: list[str]) -> Path | None:
    """Where the bundle for these inputs is (or would be) cached; None when caching is off."""
    folder = os.environ.get("FGSCAN_CACHE_DIR")
    if folder == "":
        return None
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        folder = str(Path(base) / "fgscan")
    key = hashlib.sha256(
        json.dumps([regopy.__version__, sorted(modules.items()), data, entrypoints], sort_keys=True).encode()
    ).hexdigest()
    return Path(folder) / f"bundle-{key[:40]}.bin"


def load(rego: regopy.Interpreter, file: Path | None) -> regopy.Bundle | None:
    """The cached bundle, or None when there is none or it is unreadable."""
    if file is None or not file.is_file():
        return None
    try:
        bundle = rego.load_bundle(str(file), regopy.BundleFormat.Binary)
    except regopy.RegoError:
        return None
    return bundle if bundle is not None and bundle.ok() else None


def save(rego: regopy.Interpreter, bundle: regopy.Bundle, file: Path | None) -> None:
    """Store the bundle atomically; any failure just leaves the cache empty."""
    if file is None:
        return
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=file.parent, suffix=".tmp")
    except OSError:
        return
    os.close(fd)
    try:
        rego.save_bundle(temp, bundle, regopy.BundleFormat.Binary)
        os.replace(temp, file)
    except (OSError, regopy.RegoError):
        Path(temp).unlink(missing_ok=True)
