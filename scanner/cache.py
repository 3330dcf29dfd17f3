"""fgscan's cache folder: what one run works out and the next can reuse (rule metadata, the HCL parser).

The folder is `$FGSCAN_CACHE_DIR`, else `$XDG_CACHE_HOME/fgscan`, else `~/.cache/fgscan`. A cache that
cannot be read or written is simply not used: it only ever saves time.
"""

from __future__ import annotations

import contextlib
import os
import stat
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


def read_trusted(file: Path) -> bytes | None:
    """The bytes of `file` if it is a regular file of the current user that no one else can write (what a
    cache entry must be before fgscan runs or loads anything from it), else None."""
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode) or status.st_mode & 0o022:
            return None
        if hasattr(os, "getuid") and status.st_uid != os.getuid():
            return None
        with os.fdopen(fd, "rb", closefd=False) as stream:
            return stream.read()
    except OSError:
        return None
    finally:
        os.close(fd)
