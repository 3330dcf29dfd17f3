"""fgscan's cache folder: what one run works out and the next can reuse (rule metadata, the HCL parser).

The folder is `$FGSCAN_CACHE_DIR`, else `$XDG_CACHE_HOME/fgscan`, else `~/.cache/fgscan`. A cache that
cannot be read or written is simply not used: it only ever saves time.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def cache_dir() -> Path:
    """Where the cache lives."""
    folder = os.environ.get("FGSCAN_CACHE_DIR")
    if folder:
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "fgscan"


def write_atomically(file: Path, data: bytes) -> None:
    """Replace `file` with `data` in one step (runs may overlap); a failure leaves the old file."""
    temporary = None
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=file.parent, prefix=f".{file.name}.", delete=False) as out:
            temporary = out.name
            out.write(data)
        os.replace(temporary, file)
    except OSError:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
