"""Where a path lies in a JSON text, found on demand. A scan locates a few paths per file (its findings),
so instead of mapping every value up front (seconds for a large file in any Python locator) each object
or array on a wanted path is read once, its members' offsets remembered, with the standard library's C
scanner skipping over every value that is not wanted: the cost grows with the file, not with its square.
"""

from __future__ import annotations

import bisect
import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]  # the C scanner; typeshed omits it

from scanner.model import Path, Span

_SPACE = re.compile(r"[ \t\n\r]*")
_NEWLINE = re.compile("\n")

# A container's members: key or index -> (start of the member, start of its value, end of its value).
Members = dict[str | int, tuple[int, int, int]]


class JsonLocator:
    """Spans of paths into one JSON text."""

    def __init__(self, text: str):
        self.text = text
        self.decoder = json.JSONDecoder()
        self.line_starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
        self.members: dict[Path, Members | None] = {}
        start = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
        self.root = (start, start, self._end_of(start))

    def span(self, path: Path) -> tuple[Span, int]:
        """The span of `path`'s key and value, or of its deepest ancestor found, and how many of its steps
        were found."""
        where = self.root
        for depth, step in enumerate(path):
            found = self._members(tuple(path[:depth]), where[1]).get(step)
            if found is None:
                return self._span(where), depth
            where = found
        return self._span(where), len(path)

    def every(self) -> dict[Path, Span]:
        """The span of every path (for small texts, such as JSON written in a Terraform heredoc)."""
        out: dict[Path, Span] = {}
        pending: list[tuple[Path, tuple[int, int, int]]] = [((), self.root)]
        while pending:
            path, where = pending.pop()
            out[path] = self._span(where)
            pending += [((*path, step), found) for step, found in self._members(path, where[1]).items()]
        return out

    def _members(self, path: Path, start: int) -> Members:
        known = self.members.get(path)
        if known is None:
            known = self.members[path] = self._read(start)
        return known

    def _read(self, start: int) -> Members:
        """The members of the object or array at `start` (none for a scalar)."""
        text, out = self.text, Members()
        opener = text[start : start + 1]
        if opener not in ("{", "["):
            return out
        closer, at, index = ("}" if opener == "{" else "]"), self._skip(start + 1), 0
        while at < len(text) and text[at] != closer:
            member_start = at
            if opener == "{":
                key, at = scanstring(text, at + 1)
                at = self._skip(self._skip(at) + 1)  # past the colon
            else:
                key, index = index, index + 1
            value_end = self._end_of(at)
            out[key] = (member_start, at, value_end)  # the last of duplicate keys, as the parsed data holds
            at = self._skip(value_end)
            if text[at : at + 1] == ",":
                at = self._skip(at + 1)
        return out

    def _end_of(self, start: int) -> int:
        return self.decoder.raw_decode(self.text, start)[1]

    def _skip(self, at: int) -> int:
        return _SPACE.match(self.text, at).end()  # type: ignore[union-attr]

    def _span(self, where: tuple[int, int, int]) -> Span:
        start_line, start_col = self._line_col(where[0])
        end_line, end_col = self._line_col(where[2])
        return Span(start_line, start_col, end_line, end_col)

    def _line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1
