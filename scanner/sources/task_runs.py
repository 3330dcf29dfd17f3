"""Tasks started outside a service (`ecs_task_run`), found in the CloudFormation resources that start them.

An EventBridge rule's ECS target (`Targets[].EcsParameters`), an EventBridge Scheduler schedule's
(`Target.EcsParameters`) and a Step Functions state calling `ecs:runTask` (its `Parameters`) each start
tasks as `aws ecs run-task` does, so each is read as the RunTask request it makes: the same launch type,
platform version, network configuration and ECS Exec setting a service has, judged by the same rules.

This module finds them in a resource's properties as written (intrinsic functions in place) and gives each
as a `Draft`: its parameters in the writer's names and where each came from. `cloudformation` reads each
draft once per reading, as it reads any resource, then maps it onto the RunTask request.

A state machine's definition is often a JSON text built at deploy time: `DefinitionString` as `Fn::Sub`
with a variable map (`"AssignPublicIp": "${AssignPublicIp}"`, the map giving `!If [Public, ENABLED,
DISABLED]`), as `Fn::Join`, or with `DefinitionSubstitutions`. The text is parsed with each placeholder
standing in for its value, so the value lands where the placeholder is, as itself (the `Fn::If` above,
read like any other), and a finding on it points at the line that gives it. A placeholder outside a JSON
string (`"SecurityGroups": ${SecurityGroups}`) is JSON text in its own right: a `Fn::Join` building
`["sg-1","sg-2"]` from references becomes the list of those references. A value a state takes from its
input at run time (`"Cluster.$": "$.cluster"`) is `{"Fn::StatesPath": "$.cluster"}`, unknown as any
intrinsic function is.
"""

from __future__ import annotations

import json
import re
from typing import Any

from msgspec import Struct, field

from scanner.model import Path

# The CloudFormation types that start tasks.
TYPES = ("AWS::Events::Rule", "AWS::Scheduler::Schedule", "AWS::StepFunctions::StateMachine")
RUN_TASK = re.compile(r":states:::ecs:runTask(\.sync|\.waitForTaskToken)?$")
PLACEHOLDER = re.compile(r"\$\{(!?)([^}]*)\}")
TOKEN = re.compile(r"@@fgscan(\d+)@@")
_STRING_OR_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|@@fgscan\d+@@')


class Draft(Struct):
    """One task run as written: `params` in the writer's names (PascalCase), `where` maps a path in them
    to its source path under the resource's `Properties` (the longest listed prefix applies)."""

    name: str | None
    params: dict[str, Any]
    where: dict[Path, Path] = field(default_factory=dict)

    def source(self, path: Path) -> Path:
        for cut in range(len(path), -1, -1):
            found = self.where.get(tuple(path[:cut]))
            if found is not None:
                return found + tuple(path[cut:])
        return tuple(path)


def drafts(kind: str, props: dict[str, Any]) -> list[Draft]:
    """The task runs a resource of CloudFormation type `kind` starts."""
    if kind == "AWS::Events::Rule":
        targets = props.get("Targets")
        items = list(enumerate(targets)) if isinstance(targets, list) else []
        return [d for i, t in items if (d := _target(t, ("Targets", i)))]
    if kind == "AWS::Scheduler::Schedule":
        found = _target(props.get("Target"), ("Target",))
        return [found] if found else []
    if kind == "AWS::StepFunctions::StateMachine":
        return _state_machine(props)
    return []


def _target(target: Any, src: Path) -> Draft | None:
    """An EventBridge rule's or schedule's target with `EcsParameters`; its `Arn` is the cluster."""
    if not isinstance(target, dict) or not isinstance(target.get("EcsParameters"), dict):
        return None
    params = dict(target["EcsParameters"])
    where: dict[Path, Path] = {(): (*src, "EcsParameters")}
    if "Arn" in target and not any(k.lower() == "cluster" for k in params):
        params["Cluster"] = target["Arn"]
        where[("Cluster",)] = (*src, "Arn")
    name = target.get("Id")
    return Draft(name if isinstance(name, str) else None, params, where)


class _Located:
    """A parsed definition and where each of its values came from: `exact` paths map to a source path
    that deeper paths extend; `closed` ones (text pieced together) to a source nothing extends."""

    def __init__(self) -> None:
        self.exact: dict[Path, Path] = {}
        self.closed: dict[Path, Path] = {}

    def source(self, path: Path) -> Path:
        for cut in range(len(path), -1, -1):
            if (found := self.exact.get(path[:cut])) is not None:
                return found + path[cut:]
            if (found := self.closed.get(path[:cut])) is not None:
                return found
        return ()


def _state_machine(props: dict[str, Any]) -> list[Draft]:
    located = _Located()
    subs = props.get("DefinitionSubstitutions")
    subs = subs if isinstance(subs, dict) else {}
    definition: Any = None
    if isinstance(props.get("Definition"), dict):
        located.exact[()] = ("Definition",)
        definition = _substituted(props["Definition"], (), subs, located)
    elif "DefinitionString" in props:
        definition = _parsed(props["DefinitionString"], ("DefinitionString",), subs, located, ())
    if not isinstance(definition, dict):
        return []
    out = []
    for name, state, at in _run_task_states(definition, ()):
        key = "Parameters" if isinstance(state.get("Parameters"), dict) else "Arguments"
        params = state.get(key)
        if not isinstance(params, dict):
            params = {}
        draft = Draft(name, {}, {(): located.source((*at, key)) if key in state else located.source(at)})
        draft.params = _run_time(params, (), (*at, key), draft, located)
        out.append(draft)
    return out


def _run_task_states(node: Any, at: Path) -> list[tuple[str, dict, Path]]:
    """Every `Task` state whose `Resource` is `ecs:runTask`, however deep (parallel branches, maps)."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if (
                isinstance(value, dict)
                and value.get("Type") == "Task"
                and RUN_TASK.search(_text(value.get("Resource")))
            ):
                found.append((key, value, (*at, key)))
            found += _run_task_states(value, (*at, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            found += _run_task_states(item, (*at, i))
    return found


def _text(value: Any) -> str:
    """The literal text of a resource name, `Fn::Sub`'s template or the text parts of a join included
    (`arn:${AWS::Partition}:states:::ecs:runTask.sync`, `["arn:", <Partition>, ":states:::ecs:runTask.sync"]`)."""
    if isinstance(value, dict) and len(value) == 1 and "Fn::Sub" in value:
        value = value["Fn::Sub"]
        value = value[0] if isinstance(value, list) and value else value
    join = value.get("Fn::Join") if isinstance(value, dict) and len(value) == 1 else None
    if isinstance(join, list) and len(join) == 2 and isinstance(join[1], list):
        value = "".join(part if isinstance(part, str) else "*" for part in join[1])
    return value if isinstance(value, str) else ""


def _run_time(value: Any, dst: Path, src: Path, draft: Draft, located: _Located) -> Any:
    """The state's parameters, `Key.$` (taken from the state's input at run time) as `Key` with an unknown
    value, and JSONata expressions (`{% ... %}`) unknown too; every path recorded in `draft.where`."""
    draft.where[dst] = located.source(src)
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if isinstance(key, str) and key.endswith(".$") and isinstance(item, str):
                out[key[:-2]] = {"Fn::StatesPath": item}
                draft.where[(*dst, key[:-2])] = located.source((*src, key))
            else:
                out[key] = _run_time(item, (*dst, key), (*src, key), draft, located)
        return out
    if isinstance(value, list):
        return [_run_time(item, (*dst, i), (*src, i), draft, located) for i, item in enumerate(value)]
    if isinstance(value, str) and value.startswith("{%") and value.endswith("%}"):
        return {"Fn::StatesJsonata": value}
    return value


class _Text:
    """A JSON text pieced together from literal text and values known only at deploy time (tokens)."""

    def __init__(self) -> None:
        self.text: list[str] = []
        self.values: list[tuple[Any, Path]] = []

    def value(self, value: Any, src: Path) -> None:
        self.text.append(f"@@fgscan{len(self.values)}@@")
        self.values.append((value, src))

    def template(self, template: str, names: dict[str, tuple[Any, Path]], otherwise_ref: bool) -> None:
        """`Fn::Sub` text: each `${Name}` the value `names` gives, else a `Ref`/`GetAtt` to it (`otherwise_ref`)
        or the placeholder left as it is; `${!Literal}` is the text `${Literal}`."""
        last = 0
        for match in PLACEHOLDER.finditer(template):
            self.text.append(template[last : match.start()])
            last = match.end()
            literal, name = match.groups()
            if literal:
                self.text.append("${" + name + "}")
            elif name in names and _is_join(names[name][0]) and _render(names[name][0], names[name][1], {}, self):
                pass  # text put in as text: a join may hold JSON syntax (`","` between the items of a list)
            elif name in names:
                self.value(*names[name])
            elif otherwise_ref:
                ref: Any = {"Fn::GetAtt": name.split(".", 1)} if "." in name else {"Ref": name}
                self.value(ref, ())
            else:
                self.text.append(match.group(0))
        self.text.append(template[last:])


def _parsed(value: Any, src: Path, subs: dict, located: _Located, at: Path) -> Any:
    """A deploy-time JSON text parsed, each value put in where its placeholder stands; None when `value`
    is no text fgscan can piece together, or not JSON."""
    text = _Text()
    if not _render(value, src, subs, text):
        return None
    bare: set[int] = set()

    def quote(match: re.Match) -> str:
        token = match.group(0)
        if token.startswith('"'):
            return token
        bare.add(int(TOKEN.fullmatch(token).group(1)))  # type: ignore[union-attr]
        return f'"{token}"'

    try:
        data = json.loads(_STRING_OR_TOKEN.sub(quote, "".join(text.text)))
    except (ValueError, RecursionError):
        return None
    whole = _template_path(value, src)
    if whole is not None:
        located.exact[at] = whole
    else:  # text pieced together: its literal parts are in no one place
        located.exact.pop(at, None)
        located.closed[at] = src
    return _place(data, at, text, bare, subs, located)


def _template_path(value: Any, src: Path) -> Path | None:
    """Where the one literal template of a text is (a string, or `Fn::Sub`'s), whose JSON paths extend it."""
    if isinstance(value, str):
        return src
    sub = value.get("Fn::Sub") if isinstance(value, dict) and len(value) == 1 else None
    if isinstance(sub, str):
        return (*src, "Fn::Sub")
    if isinstance(sub, list) and sub and isinstance(sub[0], str):
        return (*src, "Fn::Sub", 0)
    return None


def _render(value: Any, src: Path, subs: dict, text: _Text) -> bool:
    """Append `value` as JSON text to `text`: a string, `Fn::Sub` (either form) or `Fn::Join` of those."""
    names = {k: (v, ("DefinitionSubstitutions", k)) for k, v in subs.items()}
    if isinstance(value, str):
        text.template(value, names, otherwise_ref=False)
        return True
    if not isinstance(value, dict) or len(value) != 1:
        return False
    ((key, arg),) = value.items()
    if key == "Fn::Sub" and isinstance(arg, str):
        text.template(arg, {}, otherwise_ref=True)
        return True
    if key == "Fn::Sub" and isinstance(arg, list) and len(arg) == 2 and isinstance(arg[0], str):
        variables = arg[1] if isinstance(arg[1], dict) else {}
        text.template(arg[0], {k: (v, (*src, "Fn::Sub", 1, k)) for k, v in variables.items()}, otherwise_ref=True)
        return True
    if key == "Fn::Join" and isinstance(arg, list) and len(arg) == 2 and isinstance(arg[0], str):
        parts = arg[1]
        if not isinstance(parts, list):
            return False
        for i, part in enumerate(parts):
            if i:
                text.text.append(arg[0])
            if isinstance(part, str):
                text.text.append(part)
            elif not (_is_join(part) and _render(part, (*src, "Fn::Join", 1, i), {}, text)):
                text.value(part, (*src, "Fn::Join", 1, i))
        return True
    return False


def _is_join(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and "Fn::Join" in value


def _place(data: Any, at: Path, text: _Text, bare: set[int], subs: dict, located: _Located) -> Any:
    """The parsed text with each token replaced by its value, recording where each came from."""
    if isinstance(data, dict):
        return {k: _place(v, (*at, k), text, bare, subs, located) for k, v in data.items()}
    if isinstance(data, list):
        return [_place(v, (*at, i), text, bare, subs, located) for i, v in enumerate(data)]
    if not isinstance(data, str) or "@@fgscan" not in data:
        return data
    whole = TOKEN.fullmatch(data)
    if whole:
        index = int(whole.group(1))
        value, src = text.values[index]
        if src:
            located.exact[at] = src
        if index in bare:  # JSON text in its own right: a list of groups, a number
            parsed = _parsed(value, src, {}, located, at) if isinstance(value, str) or _is_join(value) else None
            if parsed is not None:
                return parsed
        return value
    pieces: list[Any] = []
    last = 0
    for match in TOKEN.finditer(data):
        pieces += [data[last : match.start()], text.values[int(match.group(1))][0]]
        last = match.end()
    pieces.append(data[last:])
    return {"Fn::Join": ["", [p for p in pieces if p != ""]]}


def _substituted(value: Any, at: Path, subs: dict, located: _Located) -> Any:
    """A `Definition` object with `DefinitionSubstitutions` put in its strings (`"${ClusterArn}"`)."""
    if isinstance(value, dict):
        return {k: _substituted(v, (*at, k), subs, located) for k, v in value.items()}
    if isinstance(value, list):
        return [_substituted(v, (*at, i), subs, located) for i, v in enumerate(value)]
    if not subs or not isinstance(value, str) or "${" not in value:
        return value
    whole = PLACEHOLDER.fullmatch(value)
    if whole and not whole.group(1) and whole.group(2) in subs:
        located.exact[at] = ("DefinitionSubstitutions", whole.group(2))
        return subs[whole.group(2)]
    text = _Text()
    text.template(value, {k: (v, ("DefinitionSubstitutions", k)) for k, v in subs.items()}, otherwise_ref=False)
    if not text.values:
        return value
    return _place("".join(text.text), at, text, set(), subs, located)
