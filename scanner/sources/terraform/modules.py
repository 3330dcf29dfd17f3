"""Terraform modules read from their folder: variables, locals, resources, data sources, local module calls.

A folder of `.tf` files is one module. A module called through a local `source = "./..."` by a module in
a folder above it is evaluated through that caller (with the caller's arguments); each resource instance
is reported once, in the file that declares it. Parsed files and evaluated roots are cached for the
process, so the other files of a module scanned next cost nothing more.
"""

from __future__ import annotations

import functools
import json
import re
from collections import OrderedDict
from pathlib import Path as FsPath
from typing import Any

from msgspec import Struct

from scanner.model import InputProblem, Path, Span
from scanner.sources.discovery import SKIPPED_DIRS, display_path
from scanner.sources.documents import read_text
from scanner.sources.terraform.hcl import Attribute, Block, HclFile, parse_file
from scanner.sources.terraform.resolve import (
    Scope,
    apply_steps,
    block_values,
    evaluate,
    policy_document,
    template,
    within,
)
from scanner.sources.terraform.types import conform, type_of
from scanner.sources.terraform.unknown import AfterApply, Missing, Unknown

RESOURCE_META = frozenset({"count", "for_each", "depends_on", "lifecycle", "provider", "provisioner", "connection"})
MODULE_META = frozenset({"source", "version", "count", "for_each", "providers", "depends_on"})
MODULE_SOURCE = re.compile(r'\bsource\s*=\s*"([^"]*)"')  # a module call's literal source
LOCAL = ("./", "../")  # how a local module source begins
MAX_NESTING = 8
CALLER_LEVELS = 3
CACHE_SIZE = 16


class Instance(Struct):
    """One resource (or data source) instance: its address, values in the plan's `values` shape (with
    `Unknown`s), and the spans of those values in `file`."""

    address: str
    type: str
    values: dict[str, Any]
    spans: dict[Path, Span]
    file: HclFile
    real: FsPath
    block: Block


class Module:
    """One instance of a module (the root, or `module.x[...]` below it)."""

    def __init__(self, directory: FsPath, root_dir: FsPath, address: str, inputs: dict[str, Any] | None, stack: tuple):
        self.directory = directory
        self.root_dir = root_dir
        self.address = address
        self.stack = (*stack, directory)
        self.files = module_files(directory)
        self.inputs = inputs if inputs is not None else tfvars(directory)
        self.variables: dict[str, tuple[Block, HclFile]] = {}
        self.local_exprs: dict[str, tuple[Attribute, HclFile]] = {}
        self.resources: list[tuple[Block, HclFile, FsPath]] = []
        self.managed: dict[tuple[str, str], tuple[Block, HclFile]] = {}  # the resources by type and name
        self.data: dict[tuple[str, str], tuple[Block, HclFile]] = {}
        self.calls: dict[str, tuple[Block, HclFile]] = {}
        self.outputs: dict[str, tuple[Block, HclFile]] = {}
        for real, parsed in self.files:
            for block in parsed.body.blocks:
                self._index(block, parsed, real)
        self._locals: dict[str, Any] = {}
        self._vars: dict[str, Any] = {}
        self._busy: set[str] = set()
        self._children: dict[str, list[tuple[Any, Module]]] = {}
        self._keys: dict[int, list[Any] | None] = {}

    def _index(self, block: Block, parsed: HclFile, real: FsPath) -> None:
        labels = block.labels
        if block.type == "variable" and labels:
            self.variables[labels[0]] = (block, parsed)
        elif block.type == "locals":
            self.local_exprs.update({name: (attr, parsed) for name, attr in block.attributes.items()})
        elif block.type == "resource" and len(labels) == 2:
            self.resources.append((block, parsed, real))
            self.managed.setdefault((labels[0], labels[1]), (block, parsed))
        elif block.type == "data" and len(labels) == 2:
            self.data[(labels[0], labels[1])] = (block, parsed)
        elif block.type == "module" and labels:
            self.calls[labels[0]] = (block, parsed)
        elif block.type == "output" and labels:
            self.outputs[labels[0]] = (block, parsed)

    @property
    def prefix(self) -> str:
        return f"{self.address}." if self.address else ""

    def variable(self, name: str) -> Any:
        """The variable's value as the module sees it: the caller's argument (null under `nullable = false`
        is the default) or the default, converted to the variable's `type` (its optional attributes'
        defaults filled in)."""
        if name in self._vars:
            return self._vars[name]
        declared = self.variables.get(name)
        block, parsed = declared if declared else (None, None)
        value = self.inputs.get(name)
        if name not in self.inputs or (value is None and block is not None and _not_nullable(block, parsed)):
            default = block.attributes.get("default") if block else None
            if default is None:
                return Unknown(f"var.{name}") if declared else Missing(f"var.{name}")  # undeclared: an error
            value = evaluate(default.expr, Scope(self, parsed), None)  # type: ignore[arg-type]
        if block is not None and "type" in block.attributes:
            scope = Scope(self, parsed)  # type: ignore[arg-type]
            value = conform(value, type_of(block.attributes["type"].expr), lambda tree: evaluate(tree, scope, None))
        self._vars[name] = value
        return value

    def local(self, name: str) -> Any:
        if name in self._locals:
            return self._locals[name]
        found = self.local_exprs.get(name)
        if found is None:
            return Missing(f"local.{name}")  # an undeclared local: an error in Terraform
        if name in self._busy:
            return Unknown(f"local.{name}")
        self._busy.add(name)
        try:
            value = evaluate(found[0].expr, Scope(self, found[1]), None)
        finally:
            self._busy.discard(name)
        self._locals[name] = value
        return value

    def reference(self, root: str, steps: list, scope: Scope, text: str, depth: int) -> Any:
        """The value of a traversal starting at the name `root` (not a local name of the scope)."""
        head = steps[0][1] if steps and steps[0][0] == "attr" else None
        if root == "var" and head:
            return apply_steps(self.variable(head), steps[1:], text)
        if root == "local" and head:
            return apply_steps(self.local(head), steps[1:], text)
        if root == "path" and head in ("module", "root", "cwd"):
            return str(self.directory if head == "module" else self.root_dir)
        if root == "terraform" and head == "workspace":
            return "default"
        if root == "module" and head:
            return self._module_output(head, steps[1:], text)
        if root == "data" and head and len(steps) > 1 and steps[1][0] == "attr":
            return self._data(head, steps[1][1], steps[2:], scope, text)
        if "_" in root and head:
            index = _index_suffix(steps[1][1]) if len(steps) > 1 and steps[1][0] == "index" else ""
            found = self.managed.get((root, head))
            return self._attribute(found, steps[1:], text, f"{self.prefix}{root}.{head}{index}")
        return Unknown(text)

    def _attribute(self, found: tuple[Block, HclFile] | None, steps: list, text: str, address: str) -> Unknown:
        """An attribute of a resource or data source instance: `AfterApply` when the instance is made,
        `Missing` when it is known not to be (`count = 0`, a key `for_each` does not make), else unknown."""
        made = self._made(found, steps[0][1] if steps and steps[0][0] == "index" else None)
        if made is None:
            return Unknown(text, address)
        return AfterApply(text, address) if made else Missing(text, address)

    def _made(self, found: tuple[Block, HclFile] | None, index: Any) -> bool | None:
        """Whether the instance named by `index` (None when the reference has none) is made; None when that
        is not worked out here (an unknown `count`, an index on a single instance, no index on a list)."""
        if found is None:
            return None
        block, parsed = found
        if "count" not in block.attributes and "for_each" not in block.attributes:
            return True if index is None else None
        if id(block) not in self._keys:
            self._keys[id(block)] = None  # while its `count` is worked out, a reference to it is not known
            instances = expand(block, Scope(self, parsed))
            unknown = len(instances) == 1 and instances[0][0] is None
            self._keys[id(block)] = None if unknown else [k for k, _ in instances]
        keys = self._keys[id(block)]
        if keys is None or index is None or isinstance(index, (Unknown, bool)):
            return None
        if keys and type(index) is not type(keys[0]):
            return None  # `[0]` on a `for_each` map: Terraform would convert, not worked out here
        return index in keys

    def _data(self, kind: str, name: str, steps: list, scope: Scope, text: str) -> Any:
        address = f"{self.prefix}data.{kind}.{name}"
        found = self.data.get((kind, name))
        if (
            kind == "template_file"
            and found is not None
            and [s for s in steps if s[0] != "index"] == [("attr", "rendered")]
        ):
            return self._rendered(found, steps, text, address)
        if kind != "aws_iam_policy_document" or found is None:
            return self._attribute(found, steps, text, address)
        rest = steps[1:] if steps and steps[0][0] == "index" else steps
        if not rest or rest[0] not in (("attr", "json"), ("attr", "minified_json")):
            return Unknown(text, address)
        return policy_document(found[0], Scope(self, found[1], {"count": {"index": 0}}))

    def _rendered(self, found: tuple[Block, HclFile], steps: list, text: str, address: str) -> Any:
        """`data.template_file.x.rendered` (the legacy template provider, still in many modules): its `template`
        rendered with its `vars`, as `templatefile` renders a file; unknown when either is not known."""
        block, parsed = found
        names = {"count": {"index": steps[0][1]}} if steps[0][0] == "index" else {}
        if self._made(found, steps[0][1] if steps[0][0] == "index" else None) is False:
            return Missing(text, address)
        scope = Scope(self, parsed, names)
        source, variables = block.attributes.get("template"), block.attributes.get("vars")
        body = evaluate(source.expr, scope, None) if source else None
        values = evaluate(variables.expr, scope, None) if variables else {}
        if not isinstance(body, str) or not isinstance(values, dict):
            return Unknown(text, address)
        return template(body, Scope(self, parsed, dict(values)))

    def _module_output(self, name: str, steps: list, text: str) -> Any:
        instances = self.children(name)
        if steps and steps[0][0] == "index":
            instances = [(k, m) for k, m in instances if k == steps[0][1]]
            steps = steps[1:]
        elif len(instances) != 1 or instances[0][0] is not None:
            return Unknown(text)
        if len(instances) != 1 or not steps or steps[0][0] != "attr":
            return Unknown(text)
        child = instances[0][1]
        output = child.outputs.get(steps[0][1])
        value_attr = output[0].attributes.get("value") if output else None
        if value_attr is None:
            return Unknown(text)
        return apply_steps(evaluate(value_attr.expr, Scope(child, output[1]), None), steps[1:], text)  # type: ignore[index]

    def children(self, name: str) -> list[tuple[Any, Module]]:
        """The instances of a local module call: (count index or for_each key, or None; module)."""
        if name in self._children:
            return self._children[name]
        self._children[name] = []
        call = self.calls.get(name)
        source = call[0].attributes.get("source") if call else None
        if call is None or source is None or len(self.stack) > MAX_NESTING:
            return []
        path = evaluate(source.expr, Scope(self, call[1]), None)
        target = (self.directory / path).resolve() if isinstance(path, str) and path.startswith(".") else None
        if target is None or not target.is_dir() or target in self.stack:
            return []
        out = []
        for key, names in expand(call[0], Scope(self, call[1])):
            scope = Scope(self, call[1], names)
            inputs = {
                arg: evaluate(attr.expr, scope, None)
                for arg, attr in call[0].attributes.items()
                if arg not in MODULE_META
            }
            address = f"{self.prefix}module.{name}{_index_suffix(key) if key is not None else ''}"
            out.append((key, Module(target, self.root_dir, address, inputs, self.stack)))
        self._children[name] = out
        return out

    def readable(self, path: str) -> FsPath | None:
        """A path `file()` may read (relative paths start at the root module, as in Terraform): one inside
        the root module's project (`project_of`), so templates kept beside the modules are read and no path
        out of the project (`/etc/...`, `../../../elsewhere`) ever is: a pull request cannot make a scan
        quote a file of the machine it runs on."""
        candidate = FsPath(path)
        if not candidate.is_absolute():
            candidate = self.root_dir / candidate
        return candidate if within(candidate, project_of(self.root_dir)) else None

    def instances(self) -> list[Instance]:
        """Every managed resource instance of this module and the modules it calls."""
        out = []
        for block, parsed, real in self.resources:
            kind, name = block.labels
            for key, names in expand(block, Scope(self, parsed)):
                spans: dict[Path, Span] = {}
                scope = Scope(self, parsed, names, spans)
                values = block_values(block, scope, (), RESOURCE_META)
                address = f"{self.prefix}{kind}.{name}{_index_suffix(key) if key is not None else ''}"
                out.append(Instance(address, kind, values, spans, parsed, real, block))
        for name in self.calls:
            for _, child in self.children(name):
                out += child.instances()
        return out


@functools.cache
def project_of(root_dir: FsPath) -> FsPath:
    """The repository holding a root module (the nearest folder up from it with `.git`, not the home folder
    or the file system's root, which may hold dotfiles), else the root module's own folder."""
    start = root_dir.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return start if folder in (FsPath.home(), FsPath(folder.anchor)) else folder
    return start


def expand(block: Block, scope: Scope) -> list[tuple[Any, dict[str, Any]]]:
    """The instances `count` or `for_each` make of a block: (index or key, the names they define);
    one instance with unknown `count.index`/`each` when they cannot be worked out."""
    count, for_each = block.attributes.get("count"), block.attributes.get("for_each")
    if count is not None:
        n = evaluate(count.expr, scope, None)
        if isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= 1000:
            return [(i, {"count": {"index": i}}) for i in range(n)]
        return [(None, {"count": {"index": Unknown("count.index")}})]
    if for_each is not None:
        items = evaluate(for_each.expr, scope, None)
        if isinstance(items, dict):
            return [(k, {"each": {"key": k, "value": v}}) for k, v in items.items()]
        if isinstance(items, list) and all(isinstance(i, str) for i in items):
            return [(k, {"each": {"key": k, "value": k}}) for k in items]
        return [(None, {"each": {"key": Unknown("each.key"), "value": Unknown("each.value")}})]
    return [(None, {})]


def _not_nullable(block: Block, parsed: HclFile | None) -> bool:
    """`nullable = false`: a null argument gives the variable its default."""
    nullable = block.attributes.get("nullable")
    return nullable is not None and evaluate(nullable.expr, Scope(None, parsed), None) is False  # type: ignore[arg-type]


def _index_suffix(key: Any) -> str:
    return f"[{json.dumps(key)}]" if isinstance(key, str) else f"[{key}]" if isinstance(key, int) else ""


_parsed: OrderedDict[tuple, HclFile | None] = OrderedDict()
_roots: OrderedDict[tuple, list[Instance]] = OrderedDict()


def _remember(cache: OrderedDict, key: tuple, value: Any, size: int) -> Any:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > size:
        cache.popitem(last=False)
    return value


def parse_scanned(real: FsPath, text: str, display: str) -> HclFile:
    """A file being scanned, parsed once for its document and its module (an `InputProblem` when bad)."""
    key = _file_key(real)
    cached = _parsed.get(key) if key else None
    if cached is not None:
        return cached
    parsed = parse_file(text, display)
    return _remember(_parsed, key, parsed, 512) if key else parsed


def read_hcl(real: FsPath) -> HclFile | None:
    """A parsed file (None when it cannot be read or parsed: it reports its own error when scanned)."""
    key = _file_key(real)
    if key is None:
        return None
    if key in _parsed:
        return _parsed[key]
    try:
        shown = display_path(real)
        parsed: HclFile | None = parse_file(read_text(real, shown), shown)
    except InputProblem:
        parsed = None
    return _remember(_parsed, key, parsed, 512)


def _file_key(real: FsPath) -> tuple | None:
    try:
        stat = real.stat()
    except OSError:
        return None
    return (str(real), stat.st_mtime_ns, stat.st_size)


def module_files(directory: FsPath) -> list[tuple[FsPath, HclFile]]:
    """The parsed `.tf` files of a module folder, in name order."""
    out = []
    for real in sorted(directory.glob("*.tf")):
        parsed = read_hcl(real.resolve())
        if parsed is not None:
            out.append((real.resolve(), parsed))
    return out


def tfvars(directory: FsPath) -> dict[str, Any]:
    """Variable values of a root module: `terraform.tfvars(.json)`, then `*.auto.tfvars(.json)` by name."""
    values: dict[str, Any] = {}
    names = ["terraform.tfvars", "terraform.tfvars.json"]
    names += sorted(p.name for p in directory.glob("*.auto.tfvars")) + sorted(
        p.name for p in directory.glob("*.auto.tfvars.json")
    )
    for name in names:
        real = directory / name
        if not real.is_file():
            continue
        if name.endswith(".json"):
            try:
                loaded = json.loads(read_text(real, name))
            except (InputProblem, ValueError):
                continue
            values.update(loaded if isinstance(loaded, dict) else {})
            continue
        parsed = read_hcl(real.resolve())
        if parsed is not None:
            values.update({k: evaluate(a.expr, Scope(None, parsed), None) for k, a in parsed.body.attributes.items()})
    return values


def root_of(directory: FsPath) -> FsPath:
    """The folder of the module that calls this one through a local source, from a folder above it
    (repeatedly) or from a sibling folder (`modules/ecs-service` calling `../ecs-task`), or the folder
    itself; never above a repository's top."""
    current, seen = directory.resolve(), set()
    while current not in seen:
        seen.add(current)
        caller = _caller(current)
        if caller is None:
            return current
        current = caller
    return current


def _caller(directory: FsPath) -> FsPath | None:
    """A caller above comes first; a sibling module calling this one is its caller when none is (hazelops'
    root calls `./modules/ecs-service`, which calls `../ecs-task`: without it the task module would be read
    alone, with its defaults, and the root's task definition lost)."""
    above = directory
    for _ in range(CALLER_LEVELS):
        if (above / ".git").exists() or above.parent == above:
            return None
        above = above.parent
        if above.name in SKIPPED_DIRS:
            return None
        if any(_calls(tf, directory) for tf in sorted(above.glob("*.tf"))):
            return above
    parent = directory.parent
    siblings = sorted(d for d in parent.iterdir() if d.is_dir() and d != directory and d.name not in SKIPPED_DIRS)
    return next((d for d in siblings if any(_calls(tf, directory) for tf in sorted(d.glob("*.tf")))), None)


def _calls(tf: FsPath, directory: FsPath) -> bool:
    """Whether the `.tf` file calls the module in `directory` through a local source."""
    try:
        stat = tf.stat()
    except OSError:
        return False
    return any((tf.parent / source).resolve() == directory for source in _local_sources(tf, stat.st_mtime_ns))


@functools.lru_cache(maxsize=4096)
def _local_sources(tf: FsPath, _mtime_ns: int) -> tuple[str, ...]:
    """The local module sources a `.tf` file names (cached by modification time: callers are looked for
    from every file scanned)."""
    try:
        return tuple(s for s in MODULE_SOURCE.findall(read_text(tf, str(tf))) if s.startswith(LOCAL))
    except InputProblem:
        return ()


def root_instances(root: FsPath) -> list[Instance]:
    """Every resource instance of the root module in `root` and the local modules it calls (cached)."""
    key = (str(root), *((str(p), p.stat().st_mtime_ns) for p in sorted(root.glob("*.tf*")) if p.is_file()))
    if key in _roots:
        _roots.move_to_end(key)
        return _roots[key]
    return _remember(_roots, key, Module(root, root, "", None, ()).instances(), CACHE_SIZE)
