"""Read JSON and YAML files into plain data that remembers where every value came from.

JSON is parsed by the standard library (exact numbers and escapes) and located lazily with
`json_locator`, only when a finding needs a line; a duplicate key is a warning naming both lines. YAML is
read by `yaml_document`. Both are held to the limits of `input_checks`.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path as FsPath
from typing import Any

from msgspec import Struct, field
from msgspec.structs import astuple, replace

from scanner.crossing import packed, unpacked
from scanner.model import InputError, InputProblem, Path, Span, SpanTuple
from scanner.sources.input_checks import MAX_DEPTH, check_values, duplicate_key, line_col
from scanner.sources.json_locator import JsonLocator
from scanner.sources.templating import explain

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


JSON_TEXT = ("json", "terraform-plan")  # formats whose text is JSON, located on demand


class Document(Struct, weakref=True):  # weakly referable: a test watches when a scan frees its documents
    """A parsed file: its data, and the source span of any path into it."""

    path: str
    data: Any
    text: str
    format: str
    warnings: list[InputError] = field(default_factory=list)
    # Spans the parser gave (YAML, Terraform, a plan's sources). YAML's are plain tuples: a document travels
    # back from a load worker, and tuples cross the process boundary ten times faster than Span objects.
    _spans: dict[Path, Span | SpanTuple] | None = None
    _json: JsonLocator | None = None  # JSON text: other paths located on demand
    notices: list[str] = field(default_factory=list)  # `file:line: notice: ...` about what was not read
    _packed: bytes | None = None  # `_spans` as they crossed from a load worker (`scanner.crossing`)

    def span(self, path: Path) -> tuple[Span | None, bool]:
        """The span of the key and value at `path`, or of its nearest located ancestor, and whether
        `path` itself was found."""
        best: Span | None = None
        depth = -1
        if self._packed is not None:  # the spans as a load worker sent them, read on first use
            self._spans, self._packed = unpacked(self._packed), None
        spans = self._spans or {}
        for cut in range(len(path), -1, -1):
            found = spans.get(tuple(path[:cut]))
            if found is not None:
                best, depth = found if isinstance(found, Span) else Span(*found), cut
                break
        if depth < len(path) and self.format in JSON_TEXT:
            try:
                located, steps = self._locator().span(path)
            except (RecursionError, ValueError):  # parsed fine, but too deep or odd for the locator: no lines
                return best, False
            if steps > depth:
                best, depth = located, steps
        return best, depth == len(path)

    def locate_embedded_json(self, path: Path) -> None:
        """Make the paths into JSON text held in a YAML block string (a state machine's `DefinitionString: |`)
        locatable on the file's own lines: `path` runs into the string and on into its JSON. Nothing is
        recorded unless the string's lines are the file's lines (a block scalar, not a quoted or folded
        string), so a located span is never a guess. CloudFormation placeholders outside JSON strings
        (`"TimeoutSeconds": ${Timeout}`) are read as numbers of the same length."""
        if self.format != "yaml" or not self._spans:
            return
        value, cut = self.data, 0
        while cut < len(path) and not isinstance(value, str):
            step = path[cut]
            listed = isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value)
            if not (listed or (isinstance(value, dict) and step in value)):
                return
            value = value[step]
            cut += 1
        found = self._spans.get(tuple(path[:cut]))
        if not isinstance(value, str) or cut == len(path) or found is None or tuple(path) in self._spans:
            return
        first, indent = _block_lines(self.text, value, Span(*found) if isinstance(found, tuple) else found)
        if first is None:
            return
        try:
            located, steps = JsonLocator(_BARE_PLACEHOLDER.sub(_number, value)).span(tuple(path[cut:]))
        except (ValueError, IndexError, RecursionError):
            return
        self._spans[tuple(path[: cut + steps])] = (
            first + located.start_line - 1,
            indent + located.start_col,
            first + located.end_line - 1,
            indent + located.end_col,
        )

    def __reduce__(self) -> tuple[type[Document], tuple[Any, ...]]:
        """Without the JSON locator: a cache, rebuilt on demand, that holds the json module's scanner, which
        cannot cross to another process (a load worker that located a plan's error had built one). The spans
        cross as `crossing.packed` bytes where they can."""
        cut: dict[str, Any] = {"_json": None}
        if self._spans and (bulk := packed(self._spans)) is not None:
            cut.update(_spans=None, _packed=bulk)
        return Document, astuple(replace(self, **cut))

    def _locator(self) -> JsonLocator:
        if self._json is None:
            self._json = JsonLocator(self.text)
        return self._json


_BARE_PLACEHOLDER = re.compile(r'"(?:[^"\\]|\\.)*"|\$\{[^}"]*\}')


def _number(match: re.Match) -> str:
    text = match.group(0)
    return text if text.startswith('"') else "0" + " " * (len(text) - 1)


def _block_lines(text: str, value: str, span: Span) -> tuple[int | None, int]:
    """The file line holding the string's first line, and the indentation cut from each of its lines, when
    every line of the string is a line of the file (a YAML block scalar); else None."""
    lines = text.splitlines()
    wanted = value.split("\n")
    if wanted and wanted[-1] == "":
        wanted.pop()
    for first in (span.start_line + 1, span.start_line):
        if not wanted or first > len(lines):
            continue
        indent = len(lines[first - 1]) - len(lines[first - 1].lstrip(" "))
        body = lines[first - 1 : first - 1 + len(wanted)]
        if len(body) == len(wanted) and all(
            line[indent:] == want if want else not line.strip() for line, want in zip(body, wanted, strict=True)
        ):
            return first, indent
    return None, 0


def read_text(file: FsPath, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The file's text, or an `InputProblem` for size, encoding and emptiness.

    Only regular files are read (a FIFO would block, a device such as `/dev/zero` never ends), and the
    size limit holds while reading, not only by the size the file claimed when opened."""
    try:
        raw = read_regular(file, display, max_bytes)
    except OSError as exc:
        raise InputProblem(InputError(display, f"cannot read file: {exc.strerror or exc}")) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputProblem(InputError(display, "file is not valid UTF-8 text", line, col)) from None
    if not text.strip():
        raise InputProblem(InputError(display, "file is empty"))
    return text


def read_regular(file: FsPath, display: str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; an `InputProblem` for anything else (an `OSError`
    when it cannot be opened).

    Read with `os.read` for the size the file has, plus one byte to see whether it grew: a buffered `read` of
    `max_bytes + 1` allocated (and mapped, and gave back) 20 MB for every file, four times the cost of
    reading a small file."""
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    chunks: list[bytes] = []
    size = 0
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise InputProblem(InputError(display, "not a regular file (a pipe, device or socket); not read"))
        if status.st_size > max_bytes:
            too_big = f"file is {status.st_size:,} bytes, over the {max_bytes:,}-byte limit"
            raise InputProblem(InputError(display, too_big))
        want = status.st_size + 1
        while size <= max_bytes and (chunk := os.read(fd, min(want, max_bytes + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
            want = 1 << 20  # a file that grew while read, or one that tells no size (procfs)
    finally:
        os.close(fd)
    if size > max_bytes:
        raise InputProblem(InputError(display, f"file is over the {max_bytes:,}-byte limit"))
    return b"".join(chunks)  # one chunk, the usual case, is returned as it is


def parse(text: str, display: str, fmt: str) -> Document:
    """Parse `text` as `json` or `yaml` (`.tf` files: `scanner.sources.terraform.parse`)."""
    if fmt == "json":
        return _parse_json(text, display)
    from scanner.sources.yaml_document import parse_yaml  # PyYAML only when YAML is read

    try:
        data, warnings, spans = parse_yaml(text, display)
    except InputProblem as problem:  # Jinja markup (AWS Proton's templates) is named, not left to PyYAML's words
        raise InputProblem(explain(problem.error, text)) from None
    return Document(display, data, text, "yaml", warnings, spans)


def _parse_json(text: str, display: str) -> Document:
    duplicated: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(items)
        if len(out) < len(items):
            duplicated.append("")
        return out

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise InputProblem(InputError(display, f"invalid JSON: {exc.msg}", exc.lineno, exc.colno)) from None
    except RecursionError:
        raise InputProblem(InputError(display, f"invalid JSON: nested more than {MAX_DEPTH} levels deep")) from None
    except ValueError:  # an integer past Python's 4,300-digit conversion limit
        found = re.search(r"[0-9]{4300}", text)
        line, col = line_col(text, found.start()) if found else (None, None)
        message = "invalid JSON: a number has more than 4,300 digits"
        raise InputProblem(InputError(display, message, line, col)) from None
    check_values(data, display, text)
    warnings = json_duplicate_keys(text, display) if duplicated else []
    return Document(display, data, text, "json", warnings)


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:]')


def json_duplicate_keys(text: str, display: str) -> list[InputError]:
    """A warning per key repeated in one JSON object, naming both lines (CloudFormation rejects them;
    JSON parsers silently keep the last). Run only when the parser saw a duplicate."""
    warnings = []
    stack: list[dict[str, int] | None] = []  # per open container: first offset of each key, None for arrays
    last: tuple[str, int] | None = None
    for token in _JSON_TOKEN.finditer(text):
        kind = token.group()
        if kind == "{":
            stack.append({})
        elif kind == "[":
            stack.append(None)
        elif kind in "}]":
            if stack:
                stack.pop()
        elif kind == ":":
            keys = stack[-1] if stack else None
            if keys is not None and last is not None:
                key, offset = last
                if key in keys:
                    first, _ = line_col(text, keys[key])
                    line, col = line_col(text, offset)
                    warnings.append(duplicate_key(display, key, first, line, col))
                else:
                    keys[key] = offset
        else:
            last = (json.loads(kind), token.start())
            continue
        last = None
    return warnings


def guess_format(file: FsPath, text: str) -> str:
    """`terraform` for .tf files, `json` for .json files and text that starts like JSON, otherwise `yaml`."""
    if file.suffix.lower() == ".tf":
        return "terraform"
    if file.suffix.lower() == ".json" or text.lstrip()[:1] in ("{", "["):
        return "json"
    return "yaml"
