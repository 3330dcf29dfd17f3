"""Find the files to scan under the paths a user names."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from pathlib import Path

from scanner.model import InputError

SCANNED_SUFFIXES = {".json", ".yaml", ".yml", ".template"}
SKIPPED_DIRS = {
    ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".terraform",
    ".tox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".idea", ".vscode",
}


def display_path(path: Path) -> str:
    """The path relative to the working directory when it lies below it, with forward slashes."""
    try:
        rel = path.absolute().relative_to(Path.cwd())
    except ValueError:
        rel = path
    return rel.as_posix()


def discover(
    paths: list[Path], excludes: list[str], errors: list[InputError]
) -> Iterator[tuple[Path, str, bool]]:
    """Yield `(file, display path, named explicitly)` for every candidate file, each once.

    Directories are walked recursively, following links but never around a loop; version-control,
    virtualenv and dependency folders are skipped. Problems are appended to `errors`.
    """
    seen: set[tuple[int, int]] = set()
    for root in paths:
        shown = display_path(root)
        try:
            stat = root.stat()
        except OSError as exc:
            reason = "symbolic link loop" if exc.errno == 40 else (exc.strerror or str(exc)).lower()
            errors.append(InputError(shown, f"cannot open: {reason}"))
            continue
        if not root.is_dir():
            if not _excluded(shown, excludes) and _first_visit(stat, seen):
                yield root, shown, True
            continue
        yield from _walk(root, excludes, errors, seen)


def _walk(root: Path, excludes: list[str], errors: list[InputError], seen: set) -> Iterator:
    visited_dirs: set[tuple[int, int]] = set()

    def on_error(exc: OSError) -> None:
        errors.append(InputError(display_path(Path(exc.filename)), f"cannot read folder: {exc.strerror}"))

    for folder, dirs, files in os.walk(root, followlinks=True, onerror=on_error):
        st = os.stat(folder)
        if (st.st_dev, st.st_ino) in visited_dirs:
            errors.append(InputError(display_path(Path(folder)), "symbolic link loop; not followed again"))
            dirs[:] = []
            continue
        visited_dirs.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not _excluded(
            display_path(Path(folder, d)), excludes))
        for name in sorted(files):
            if Path(name).suffix.lower() not in SCANNED_SUFFIXES:
                continue
            file = Path(folder, name)
            shown = display_path(file)
            if _excluded(shown, excludes):
                continue
            try:
                stat = file.stat()
            except OSError as exc:
                reason = "symbolic link loop" if exc.errno == 40 else (exc.strerror or str(exc)).lower()
                errors.append(InputError(shown, f"cannot open: {reason}"))
                continue
            if _first_visit(stat, seen):
                yield file, shown, False


def _first_visit(stat: os.stat_result, seen: set[tuple[int, int]]) -> bool:
    key = (stat.st_dev, stat.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _excluded(shown: str, excludes: list[str]) -> bool:
    return any(
        fnmatch.fnmatch(shown, pattern) or fnmatch.fnmatch(Path(shown).name, pattern)
        or shown.startswith(pattern.rstrip("/") + "/")
        for pattern in excludes
    )
