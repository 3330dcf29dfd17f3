"""`terraform show -json` plans (format_version 1.x), and states in the same format.

Values come from `planned_values` (the root module and every child module). A value `after_unknown`
marks as known only after apply stays unresolved: a reference to another resource (read from the
`configuration` expression's `references`, following `var.x` up to the module call) when there is one,
else `{"Fn::Terraform": "known after apply"}`. Attributes that join resources (`role`,
`security_group_id`, `task_role_arn`, ...) become references even when the plan knows their value,
so links follow the addresses. Findings are placed in the `.tf` files beside the plan (or in a folder
named with `--terraform-source`), falling back to the plan's own JSON where no file declares the address.
"""

from __future__ import annotations

import re
from pathlib import Path as FsPath
from typing import Any

from scanner.model import InputError, Path, Span, SpanTuple
from scanner.sources.documents import Document
from scanner.sources.terraform.config import SOURCE_DIRS
from scanner.sources.terraform.mapping import SUPPORTED, Item, build
from scanner.sources.terraform.resolve import Unknown, address_of, plain

AFTER_APPLY = "known after apply"
LIST_ATTRIBUTES = {
    "security_groups",
    "subnets",
    "managed_policy_arns",
    "cidr_blocks",
    "ipv6_cidr_blocks",
    "prefix_list_ids",
}
REFERENCE_ATTRIBUTES = {
    *("role", "security_group_id", "cluster", "cluster_name", "service", "task_definition", "policy_arn"),
    *("load_balancer_arn", "target_group_arn", "listener_arn", "task_role_arn", "execution_role_arn"),
    *("security_groups", "referenced_security_group_id", "source_security_group_id", "iam_role", "arn"),
}
COMPUTED_BLOCKS = {"ingress", "egress"}
INDEX = re.compile(r"\[[^\]]*\]")


def plan_resources(doc: Document) -> list:
    """The supported resources of the plan, located in their `.tf` files where found."""
    data = doc.data
    if not data["format_version"].startswith("1."):
        doc.warnings.append(
            _problem(
                doc, ("format_version",), f"unsupported plan format_version {data['format_version']!r}; expected 1.x"
            )
        )
        return []
    values = data.get("planned_values", data.get("values"))
    root = values.get("root_module") if isinstance(values, dict) else None
    if not isinstance(root, dict):
        doc.warnings.append(_problem(doc, (), "not a Terraform plan: no planned_values.root_module"))
        return []
    changes = {
        c["address"]: c.get("change") or {}
        for c in _items(data.get("resource_changes"))
        if isinstance(c, dict) and isinstance(c.get("address"), str)
    }
    configuration = _configuration(data.get("configuration"))
    sources = _sources(doc)
    spans: dict[Path, Span | SpanTuple] = {}
    items = []
    outside: list[tuple[str, Any]] = []
    top = "planned_values" if "planned_values" in data else "values"
    for json_path, module, resource in _walk(root, (top, "root_module")):
        address, kind = resource.get("address"), resource.get("type")
        if resource.get("mode") == "managed" and kind not in SUPPORTED and isinstance(address, str):
            outside.append((address, [resource.get("values"), _referenced(address, configuration)]))
        if resource.get("mode") != "managed" or kind not in SUPPORTED or not isinstance(address, str):
            continue
        raw = resource.get("values")
        raw = raw if isinstance(raw, dict) else {}
        change = changes.get(address)
        unknown = change.get("after_unknown") if isinstance(change, dict) else None
        unknown = unknown if isinstance(unknown, dict) else {}
        expressions = configuration.get(INDEX.sub("", address), {})
        merged = _merge(dict(raw), unknown, expressions, _Context(configuration, module))
        instance = sources.get(address) or sources.get(INDEX.sub("", address))
        if instance is not None:
            from scanner.sources.discovery import display_path
            from scanner.sources.terraform.source import head_lines, located, skips

            shown = display_path(instance.real)
            spans.update(head_lines(located(instance), instance.file.text))
            items.append(Item(address, kind, plain(merged), shown, (instance.address,), skips(instance, shown)))
        else:
            items.append(Item(address, kind, plain(merged), doc.path, (*json_path, "values"), []))
    doc._spans = spans  # the rest of the plan is located on demand
    doc.format = "terraform-plan"  # spans are known now, as with YAML: the exposure pass needs no re-read
    return build(items, doc.path, outside)


def _referenced(address: str, configuration: dict[str, Any]) -> list[dict[str, str]]:
    """The resources a resource's configuration expressions refer to, as `Ref`s to their plan addresses."""
    base = INDEX.sub("", address)
    module = "".join(f"{part}." for part in base.split(".")[:-2])
    found, stack = [], [configuration.get(base)]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            refs = item.get("references")
            for ref in refs if isinstance(refs, list) else []:
                target = address_of(ref) if isinstance(ref, str) else None
                if target:
                    found.append({"Ref": module + target})
            stack.extend(v for k, v in item.items() if k != "references")
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _problem(doc: Document, path: Path, message: str) -> InputError:
    span, _ = doc.span(path)
    return InputError(doc.path, message, span.start_line if span else None, span.start_col if span else None)


def _walk(module: dict, path: Path, address: str = "") -> list[tuple[Path, str, dict]]:
    out = []
    for i, resource in enumerate(_items(module.get("resources"))):
        if isinstance(resource, dict):
            out.append(((*path, "resources", i), address, resource))
    for i, child in enumerate(_items(module.get("child_modules"))):
        if isinstance(child, dict):
            out += _walk(child, (*path, "child_modules", i), str(child.get("address") or ""))
    return out


def _configuration(configuration: Any) -> dict[str, Any]:
    """Config address (no instance keys) -> the resource's `expressions`; module path -> its call."""
    out: dict[str, Any] = {}

    def visit(module: Any, prefix: str) -> None:
        if not isinstance(module, dict):
            return
        for resource in _items(module.get("resources")):
            if isinstance(resource, dict) and isinstance(resource.get("address"), str):
                out[prefix + resource["address"]] = resource.get("expressions") or {}
        for name, call in _members(module.get("module_calls")):
            if isinstance(call, dict):
                out[f"call:{prefix}module.{name}"] = call.get("expressions") or {}
                child = call.get("module")
                for output, body in _members(child.get("outputs") if isinstance(child, dict) else None):
                    if isinstance(body, dict):
                        out[f"output:{prefix}module.{name}.{output}"] = body.get("expression")
                visit(child, f"{prefix}module.{name}.")

    visit(configuration.get("root_module") if isinstance(configuration, dict) else None, "")
    return out


class _Context:
    """Where a resource's expressions live: the configuration index and the module instance address."""

    def __init__(self, configuration: dict[str, Any], module: str):
        self.configuration = configuration
        self.module = module

    def refs(self, expression: Any, module: str | None = None, depth: int = 0) -> list[str]:
        """The addresses of the resources an expression refers to, through module variables."""
        module = self.module if module is None else module
        references = expression.get("references") if isinstance(expression, dict) else None
        if not isinstance(references, list) or depth > 8:
            return []
        prefix = f"{module}." if module else ""
        out: list[str] = []
        for reference in references:
            if not isinstance(reference, str):
                continue
            address = address_of(reference) if not reference.startswith("module.") else None
            if address is not None:
                out.append(prefix + address)
            elif reference.startswith("module.") and reference.count(".") >= 2:
                name, output = reference.split(".")[1:3]
                child = f"{prefix}module.{name}"
                found = self.configuration.get(f"output:{INDEX.sub('', child)}.{output}")
                out += self.refs(found, child, depth + 1)
            elif reference.startswith("var.") and module:
                parent = module.rsplit(".module.", 1)[0] if ".module." in module else ""
                call = self.configuration.get(f"call:{INDEX.sub('', module)}", {})
                out += self.refs(call.get(reference.split(".")[1]), parent, depth + 1)
        return list(dict.fromkeys(out))


def _merge(values: dict, unknown: Any, expressions: Any, ctx: _Context) -> dict:
    """Plan values with what is unknown (or a reference) made unresolved, recursively through blocks."""
    exprs = expressions if isinstance(expressions, dict) else {}
    marks = unknown if isinstance(unknown, dict) else {}
    for key in list(dict.fromkeys([*marks, *(k for k in exprs if k in REFERENCE_ATTRIBUTES)])):
        mark, expression = marks.get(key), exprs.get(key)
        refs = ctx.refs(expression)
        if mark is True and key in COMPUTED_BLOCKS and key not in exprs:
            values[key] = []  # a group's inline rules: none written; standalone rule resources are joined to it
        elif mark is True or (key in REFERENCE_ATTRIBUTES and refs):
            values[key] = _unresolved(key, refs, values.get(key))
        elif isinstance(mark, list) and isinstance(values.get(key), list):
            blocks = expression if isinstance(expression, list) else []
            values[key] = [
                _merge(dict(item), mark[i] if i < len(mark) else {}, blocks[i] if i < len(blocks) else {}, ctx)
                if isinstance(item, dict)
                else (Unknown(f"{key}[{i}]: {AFTER_APPLY}") if i < len(mark) and mark[i] is True else item)
                for i, item in enumerate(values[key])
            ]
        elif isinstance(mark, dict) and isinstance(values.get(key), dict):
            values[key] = _merge(dict(values[key]), mark, expression, ctx)
    for key, expression in exprs.items():
        if isinstance(expression, list) and isinstance(values.get(key), list) and key not in marks:
            values[key] = [
                _merge(dict(item), {}, expression[i] if i < len(expression) else {}, ctx)
                if isinstance(item, dict)
                else item
                for i, item in enumerate(values[key])
            ]
    return values


def _unresolved(key: str, refs: list[str], known: Any) -> Any:
    if not refs:  # named by its attribute: two unknown values are not the same value
        return Unknown(f"{key}: {AFTER_APPLY}")
    if key in LIST_ATTRIBUTES or isinstance(known, list):
        return [Unknown(AFTER_APPLY, ref) for ref in refs]
    return Unknown(AFTER_APPLY, refs[0])


def _sources(doc: Document) -> dict[str, Any]:
    """The `.tf` resource instances declared beside the plan (or in `--terraform-source` folders), by
    address and by address without instance keys."""
    from scanner.sources.terraform.modules import root_instances, root_of

    folders = SOURCE_DIRS or [FsPath(doc.path).resolve().parent]
    out: dict[str, Any] = {}
    for folder in folders:
        if not any(folder.glob("*.tf")):
            continue
        for instance in root_instances(root_of(folder)):
            out.setdefault(instance.address, instance)
            out.setdefault(INDEX.sub("", instance.address), instance)
    return out


def _items(value: Any) -> list[Any]:
    """A list the plan should hold, or nothing when it holds something else."""
    return value if isinstance(value, list) else []


def _members(value: Any) -> list[tuple[Any, Any]]:
    """An object's members, or none when the plan holds something else there."""
    return list(value.items()) if isinstance(value, dict) else []
