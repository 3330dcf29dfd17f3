"""Find the files to scan under the paths a user names."""

from __future__ import annotations

import errno
import fnmatch
import os
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from scanner.model import InputError

SCANNED_SUFFIXES = {".json", ".yaml", ".yml", ".template", ".tf"}
SKIPPED_DIRS = {
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".terraform",
    ".tox",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".idea",
    ".vscode",
}


class InputFile(NamedTuple):
    """A file to scan: where it is, how reports name it, and whether the user named it (so that a file
    that is not ECS input is worth saying so)."""

    path: str
    shown: str
    named: bool
    identity: tuple[int, int] | None = None  # device and inode: a report never overwrites an input


def display_path(path: Path, base: Path | None = None) -> str:
    """The path relative to `base` (default: the working directory) when it lies below it, with forward
    slashes."""
    try:
        rel = path.absolute().relative_to((base or Path.cwd()).absolute())
    except ValueError:
        rel = path
    return rel.as_posix()


def discover(
    paths: list[Path],
    excludes: list[str],
    errors: list[InputError],
    base: Path | None = None,
    matched: set[str] | None = None,
) -> Iterator[InputFile]:
    """Yield every candidate file once, named relative to `base` (default: the working directory).

    Directories are walked recursively, following links but never around a loop; version-control,
    virtualenv and dependency folders are skipped. Problems are appended to `errors`; the exclude patterns
    that excluded something are added to `matched` (one that excludes nothing is likely a typo).
    """
    seen: set[tuple[int, int]] = set()
    matched = set() if matched is None else matched
    for root in paths:
        shown = display_path(root, base)
        stat = _stat(root, shown, errors)
        if stat is None:
            continue
        if not root.is_dir():
            if not _excluded(shown, excludes, matched) and _first_visit(stat, seen):
                yield InputFile(str(root), shown, True, (stat.st_dev, stat.st_ino))
            continue
        yield from _walk(root, excludes, errors, seen, base, matched)


def _walk(
    root: Path, excludes: list[str], errors: list[InputError], seen: set, base: Path | None, matched: set[str]
) -> Iterator:
    visited_dirs: set[tuple[int, int]] = set()

    def on_error(exc: OSError) -> None:
        errors.append(InputError(display_path(Path(exc.filename), base), f"cannot read folder: {exc.strerror}"))

    for folder, dirs, files in os.walk(root, followlinks=True, onerror=on_error):
        st = os.stat(folder)
        if (st.st_dev, st.st_ino) in visited_dirs:
            real, parent = os.path.realpath(folder), os.path.realpath(Path(folder).parent)
            if parent == real or parent.startswith(real.rstrip("/") + "/"):
                errors.append(InputError(display_path(Path(folder), base), "symbolic link loop; not followed again"))
            dirs[:] = []
            continue
        visited_dirs.add((st.st_dev, st.st_ino))
        prefix = display_path(Path(folder), base)  # once per folder: an audit snapshot holds thousands of files
        prefix = "" if prefix == "." else f"{prefix}/"
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not _excluded(f"{prefix}{d}", excludes, matched))
        for name in sorted(files):
            if os.path.splitext(name)[1].lower() not in SCANNED_SUFFIXES:
                continue
            file, shown = os.path.join(folder, name), f"{prefix}{name}"
            if _excluded(shown, excludes, matched):
                continue
            stat = _stat(Path(file), shown, errors)
            if stat is not None and _first_visit(stat, seen):
                yield InputFile(file, shown, False, (stat.st_dev, stat.st_ino))


def _stat(path: Path, shown: str, errors: list[InputError]) -> os.stat_result | None:
    """The path's status, or None after reporting why it cannot be opened."""
    try:
        return path.stat()
    except OSError as exc:
        reason = "symbolic link loop" if exc.errno == errno.ELOOP else (exc.strerror or str(exc)).lower()
        errors.append(InputError(shown, f"cannot open: {reason}"))
        return None


def _first_visit(stat: os.stat_result, seen: set[tuple[int, int]]) -> bool:
    key = (stat.st_dev, stat.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _excluded(shown: str, excludes: list[str], matched: set[str]) -> bool:
    """Whether a pattern excludes the path; every pattern that does is added to `matched`."""
    hits = [
        pattern
        for pattern in excludes
        if fnmatch.fnmatch(shown, pattern)
        or fnmatch.fnmatch(Path(shown).name, pattern)
        or shown.startswith(pattern.rstrip("/") + "/")
    ]
    matched.update(hits)
    return bool(hits)
