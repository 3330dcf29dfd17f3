"""The readings of a CloudFormation resource: what it is once deployed, for each way it can be deployed.

A template says what a stack *may* be: `Fn::If` picks one of two values by a condition, `!Ref Param` takes a
parameter's value (given at deploy time, else its `Default`). A rule must judge what is deployed, so each
resource is read once per assignment of the conditions it uses (both branches of every `Fn::If`; capped, see
`MAX_READINGS`), with the chosen branch in place, `AWS::NoValue` removing its key or list item, and parameters
replaced by their known value (a supplied one, else the default; a parameter with neither but `AllowedValues`
gives one reading per allowed value), and `Fn::FindInMap` by the `Mappings` entry its keys name (when the first key
is not known, the value all entries agree on), and `Fn::GetAtt [Vpc, CidrBlock]` by the `CidrBlock` of that VPC when
the template declares it (a group admitting "the VPC" admits that range). Every resolved path remembers the source
path it came from, so a finding lands on the line of the branch that caused it.

Conditions decided by supplied parameter values (`Fn::Equals` over `Ref`s, `Fn::Not`, `Fn::And`, `Fn::Or`,
`Condition`) are not varied. `NoEcho` parameters are never resolved: where one is used is recorded instead,
since its value is a secret.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections import deque
from typing import Any

from msgspec import Struct, field

from scanner.model import Path
from scanner.sources.cfn_imports import pending_name
from scanner.sources.parameters import supplied

MAX_READINGS = 16
MAX_ALLOWED_VALUES = 4  # a parameter with more allowed values (and no default) is left unresolved
NO_VALUE = object()
SUB_NAME = re.compile(r"\$\{([A-Za-z0-9_]+)\}")


class Choice(Struct, frozen=True):
    """One thing a reading fixes: a condition (True/False) or a parameter without a default (a value)."""

    kind: str  # "condition" or "parameter"
    name: str
    value: Any

    def describe(self) -> str:
        if self.kind == "condition":
            return f"condition {self.name} {'holds' if self.value else 'does not hold'}"
        return f"parameter {self.name} is '{self.value}'"


class Resolution(Struct):
    """What resolving one body for one reading did: `moves` maps a resolved path to its source path where
    they differ (a branch taken, a list item shifted by a removed one), `notes` resolved paths to why a value
    was assumed, `no_echo` resolved paths to the `NoEcho` parameter they hold."""

    moves: dict[Path, Path] = field(default_factory=dict)
    notes: dict[Path, str] = field(default_factory=dict)
    no_echo: dict[Path, str] = field(default_factory=dict)

    def relocate(self, origin: dict[Path, Path], root: Path) -> tuple[dict[Path, Path], dict[Path, str], dict]:
        """A converter's `origin` (data path -> root + resolved path) turned into data path -> source path,
        with the notes and `NoEcho` uses keyed by data path."""
        if not (self.moves or self.notes or self.no_echo):  # nothing moved or assumed: the origin as it is
            return dict(origin), {}, {}
        inverse: dict[Path, Path] = {}
        for data_path, source in sorted(origin.items(), key=lambda item: -len(item[0])):
            if source[: len(root)] == root:
                inverse[source[len(root) :]] = data_path
        out = {d: root + self._source(s[len(root) :]) if s[: len(root)] == root else s for d, s in origin.items()}
        for resolved, source in self.moves.items():
            out[_data_path(resolved, inverse)] = root + source
        notes = {_data_path(p, inverse): note for p, note in self.notes.items()}
        no_echo = {_data_path(p, inverse): name for p, name in self.no_echo.items()}
        return out, notes, no_echo

    def _source(self, resolved: Path) -> Path:
        for cut in range(len(resolved), -1, -1):
            moved = self.moves.get(resolved[:cut])
            if moved is not None:
                return moved + resolved[cut:]
        return resolved


def _data_path(resolved: Path, inverse: dict[Path, Path]) -> Path:
    for cut in range(len(resolved), -1, -1):
        data_path = inverse.get(resolved[:cut])
        if data_path is not None:
            return data_path + resolved[cut:]
    return resolved


class Template:
    """A template's parameters and conditions, and the readings of its resources."""

    def __init__(self, data: dict[str, Any], text: str | None = None):
        """`text`, the template's own text where there is one, tells whether it can hold an `Fn::If` at all."""
        declared = data.get("Parameters")
        declared = declared if isinstance(declared, dict) else {}
        self.parameters = {k: v for k, v in declared.items() if isinstance(v, dict)}
        conditions = data.get("Conditions")
        self.conditions = conditions if isinstance(conditions, dict) else {}
        mappings = data.get("Mappings")
        self.mappings = mappings if isinstance(mappings, dict) else {}
        self.vpc_cidrs = _vpc_cidrs(data.get("Resources"))
        self.supplied = {k: v for k, v in supplied().items() if k in self.parameters}
        self.sources: dict[str, Path] = {}  # logical id -> where its body is, when not `Resources.<id>`
        # Whether a body can vary at all: by a parameter `_allowed_only` gives values to, or by an `Fn::If`, which is
        # never written without "If" in the text (`Fn::If`, `!If`), nor made from it but through an escape
        # (`"Fn::\u0049f"`) or a loop's substitution (`Fn::${Name}` in an `Fn::ForEach`).
        self.may_vary = any(self._allowed_only(name) is not None for name in self.parameters) or (
            text is None or any(sign in text for sign in ("If", "\\", "ForEach"))
        )

    def source(self, logical_id: str) -> Path:
        """Where a resource's body is in the source: `Resources.<id>`, or inside the `Fn::ForEach` it came from."""
        return self.sources.get(logical_id, ("Resources", logical_id))

    def readings(self, bodies: list[Any]) -> list[tuple[Choice, ...]]:
        """The choices of each reading of a resource made of `bodies` (itself and what joins it); one empty
        reading when nothing in them varies."""
        if not self.may_vary:  # no need to walk the bodies
            return [()]
        axes: dict[tuple[str, str], list[Any]] = {}
        for body in bodies:
            self._axes(body, axes)
        if not axes:
            return [()]
        options = [[Choice(kind, name, value) for value in values] for (kind, name), values in axes.items()]
        total = 1
        for values in options:
            total *= len(values)
        if total <= MAX_READINGS:
            return [tuple(combo) for combo in itertools.product(*options)]
        # Too many to read them all: each option of each axis at least once, the others at their first option,
        # plus every axis at its last option (all conditions false).
        first = [values[0] for values in options]
        picked = [tuple(first), tuple(values[-1] for values in options)]
        for axis, values in enumerate(options):
            picked += [tuple(first[:axis] + [value] + first[axis + 1 :]) for value in values[1:]]
        return list(dict.fromkeys(picked))[:MAX_READINGS]

    def _axes(self, value: Any, axes: dict) -> None:
        """The conditions and parameters `value` varies by, shallowest first: past `MAX_READINGS` only the first
        axes are flipped one by one, and a condition choosing a whole container or volume says more about a
        finding than one choosing an environment entry inside it (cfn-modules' eighty `Fn::If`s)."""
        queue = deque([value])
        while queue:
            item = queue.popleft()
            if isinstance(item, list):
                queue.extend(item)
            elif isinstance(item, dict):
                branch = item.get("Fn::If") if len(item) == 1 else None
                if isinstance(branch, list) and len(branch) == 3 and isinstance(branch[0], str):
                    holds = self.decided(branch[0], set())
                    if holds is None:
                        axes.setdefault(("condition", branch[0]), [True, False])
                    queue.extend(branch[1:] if holds is None else [branch[1 if holds else 2]])
                    continue
                ref = item.get("Ref") if len(item) == 1 else None
                if isinstance(ref, str) and (allowed := self._allowed_only(ref)) is not None:
                    axes.setdefault(("parameter", ref), allowed)
                queue.extend(item.values())

    def _allowed_only(self, name: str) -> list[Any] | None:
        """The allowed values of a parameter that has neither a supplied value nor a default."""
        spec = self.parameters.get(name)
        if spec is None or name in self.supplied or "Default" in spec or no_echo_parameter(spec):
            return None
        allowed = spec.get("AllowedValues")
        if isinstance(allowed, list) and 0 < len(allowed) <= MAX_ALLOWED_VALUES:
            return list(dict.fromkeys(str(v) for v in allowed))
        return None

    def decided(self, condition: str, visiting: set[str], defaults: bool = False) -> bool | None:
        """The condition's value when supplied parameter values (and, with `defaults`, the defaults of the
        others) decide it, else None."""
        if condition in visiting:
            return None
        return self._evaluate(self.conditions.get(condition), visiting | {condition}, defaults)

    def _evaluate(self, expr: Any, visiting: set[str], defaults: bool = False) -> Any:
        if not isinstance(expr, dict) or len(expr) != 1:
            return expr if isinstance(expr, (str, int, float, bool)) else None
        ((key, arg),) = expr.items()
        if key == "Condition" and isinstance(arg, str):
            return self.decided(arg, visiting, defaults)
        if key == "Ref" and isinstance(arg, str):
            if arg in self.supplied:
                return str(self.supplied[arg])
            spec = self.parameters.get(arg, {})
            usable = defaults and "Default" in spec and not no_echo_parameter(spec)
            return str(spec["Default"]) if usable and not isinstance(spec["Default"], (dict, list)) else None
        if key in ("Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or") and isinstance(arg, list):
            values = [self._evaluate(a, visiting, defaults) for a in arg]
            if key == "Fn::Equals" and len(values) == 2 and None not in values:
                return str(values[0]) == str(values[1])
            if key == "Fn::Not" and len(values) == 1 and isinstance(values[0], bool):
                return not values[0]
            if any(v is (key == "Fn::Or") for v in values) and key in ("Fn::And", "Fn::Or"):
                return key == "Fn::Or"  # one false decides an And, one true an Or
            if key in ("Fn::And", "Fn::Or") and all(isinstance(v, bool) for v in values):
                return key == "Fn::And"
        return None

    def resolve(self, value: Any, choices: tuple[Choice, ...], condition: Any = None) -> tuple[Any, Resolution]:
        """`value` as deployed in the reading `choices`, and how its paths map back to the source; `condition`
        is the resource's own `Condition`, which holds wherever the resource exists."""
        resolution = Resolution()
        picked = {(c.kind, c.name): c.value for c in choices}
        exists = (Choice("condition", condition, True),) if isinstance(condition, str) else ()
        picked.update((("unsettled", name), True) for name in self._unsettled(choices + exists))
        resolved = self._resolve(value, (), (), picked, resolution)
        return ({} if resolved is NO_VALUE else resolved), resolution

    def _unsettled(self, choices: tuple[Choice, ...]) -> set[str]:
        """The parameters whose defaults a reading rules out: those a condition it takes against the defaults
        reads (`HasProxyImage` holding means `ProxyImage` is not its default '')."""
        out: set[str] = set()
        for choice in choices:
            if choice.kind == "condition" and self.decided(choice.name, set(), defaults=True) not in (
                None,
                choice.value,
            ):
                out |= self._reads(self.conditions.get(choice.name), {choice.name})
        return out

    def _reads(self, expr: Any, visiting: set[str]) -> set[str]:
        """The parameters a condition expression refers to, through the conditions it names."""
        if isinstance(expr, list):
            return set().union(*(self._reads(item, visiting) for item in expr))
        if not isinstance(expr, dict):
            return set()
        out: set[str] = set()
        for key, arg in expr.items():
            if key == "Ref" and isinstance(arg, str):
                out.add(arg)
            elif key == "Condition" and isinstance(arg, str) and arg not in visiting:
                out |= self._reads(self.conditions.get(arg), visiting | {arg})
            else:
                out |= self._reads(arg, visiting)
        return out

    def _resolve(self, value: Any, src: Path, dst: Path, picked: dict, res: Resolution) -> Any:
        if isinstance(value, list):
            out: list[Any] = []
            for i, item in enumerate(value):
                if len(out) != i:  # an item before it was dropped
                    res.moves[(*dst, len(out))] = (*src, i)
                if not isinstance(item, (list, dict)):  # a scalar is itself in every reading
                    out.append(item)
                    continue
                at = (*dst, len(out))
                resolved = self._resolve(item, (*src, i), at, picked, res)
                if resolved is NO_VALUE:
                    res.moves.pop(at, None)
                else:
                    out.append(resolved)
            return out
        if not isinstance(value, dict):
            return value
        key = next(iter(value)) if len(value) == 1 else None
        if isinstance(key, str) and (key == "Ref" or key.startswith("Fn::")):  # what follows reads no other key
            arg = value[key]
            if key == "Fn::If" and isinstance(arg, list) and len(arg) == 3 and isinstance(arg[0], str):
                holds = self.decided(arg[0], set())
                holds = picked.get(("condition", arg[0])) if holds is None else holds
                if holds is not None:
                    branch = 1 if holds else 2
                    res.moves[dst] = (*src, "Fn::If", branch)
                    return self._resolve(arg[branch], (*src, "Fn::If", branch), dst, picked, res)
            if key == "Ref" and isinstance(arg, str):
                return self._parameter(value, arg, dst, picked, res)
            if key == "Fn::FindInMap" and isinstance(arg, list) and len(arg) in (3, 4):
                keys = Resolution()
                names = [self._resolve(a, (*src, key, i), dst, picked, keys) for i, a in enumerate(arg[:3])]
                found = self._find_in_map(names, arg[3] if len(arg) == 4 else None)
                if found is not NO_VALUE:
                    res.notes.update(keys.notes)
                    return found
            attribute = arg.split(".", 1) if key == "Fn::GetAtt" and isinstance(arg, str) else arg
            if key == "Fn::GetAtt" and _vpc_cidr_block(attribute) in self.vpc_cidrs:
                block = Resolution()  # the block's own source is the VPC's body: only its notes are kept
                cidr = self._resolve(self.vpc_cidrs[attribute[0]], (), dst, picked, block)
                if isinstance(cidr, str):
                    res.notes.update(block.notes)
                    return cidr
            if key == "Fn::ImportValue":  # a name waiting on a parameter stays its text (`cfn_imports`)
                name = self._resolve(arg, (*src, key), (*dst, key), picked, res)
                return {key: arg if name is NO_VALUE else pending_name(name, self.parameters) or name}
            if key == "Fn::Sub" and isinstance(arg, str):
                return self._substitute(arg, dst, res, picked)
            if key == "Fn::Sub" and isinstance(arg, list) and len(arg) == 2 and isinstance(arg[0], str):
                variables = arg[1] if isinstance(arg[1], dict) else {}
                local = {
                    name: self._resolve(item, (*src, key, 1, name), (*dst, key, 1, name), picked, res)
                    for name, item in variables.items()
                }
                return self._substitute(arg[0], dst, res, picked, local)
        out_map: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(item, (list, dict)):  # a scalar is itself in every reading
                out_map[key] = item
                continue
            resolved = self._resolve(item, (*src, key), (*dst, key), picked, res)
            if resolved is not NO_VALUE:
                out_map[key] = resolved
        return out_map

    def _find_in_map(self, names: list[Any], fallback: Any) -> Any:
        """The `Mappings` value `names` (map, first key, second key) select; when the first key is not known
        (`!Ref AWS::Region`), the value every entry of the map gives the second key, if they agree. NO_VALUE
        when neither; a `DefaultValue` (the language extensions' fourth argument) when the keys miss."""
        table = self.mappings.get(names[0]) if isinstance(names[0], str) else None
        if not isinstance(table, dict) or not isinstance(names[2], str):
            return NO_VALUE
        if isinstance(names[1], str):
            entry = table.get(names[1])
            entries = [entry] if isinstance(entry, dict) else []
        else:
            entries = [entry for entry in table.values() if isinstance(entry, dict)]
        values = [entry[names[2]] for entry in entries if names[2] in entry]
        if values and len(values) == len(entries) and all(v == values[0] for v in values):
            return copy.deepcopy(values[0])
        if not values and isinstance(fallback, dict) and "DefaultValue" in fallback:
            return copy.deepcopy(fallback["DefaultValue"])
        return NO_VALUE

    def _substitute(
        self, template: str, dst: Path, res: Resolution, picked: dict, local: dict[str, Any] | None = None
    ) -> Any:
        """`Fn::Sub` with the known values put in: the text values of its own variables (`local`, the list
        form's map) and the parameters' (`${Tag}` with `Default: latest`); the text alone when nothing is left
        to resolve, else the function with what remains (and the variables it still names)."""

        def known(match: re.Match) -> str:
            name = match.group(1)
            if local is not None and name in local:
                return local[name] if isinstance(local[name], str) else match.group(0)
            spec = self.parameters.get(name)
            if no_echo_parameter(spec):
                res.no_echo[dst] = name
                return match.group(0)
            if spec is None or str(spec.get("Type", "")).startswith(("AWS::SSM::", "List<", "CommaDelimitedList")):
                return match.group(0)
            if name in self.supplied:
                return str(self.supplied[name])
            if (
                "Default" in spec
                and not isinstance(spec["Default"], (dict, list))
                and ("unsettled", name) not in picked
            ):
                defaults.append(name)
                return str(spec["Default"])
            return match.group(0)

        defaults: list[str] = []
        text = SUB_NAME.sub(known, template)
        defaults = list(dict.fromkeys(defaults))  # a parameter used five times in user data is named once
        if len(defaults) == 1:
            res.notes[dst] = f"from the default of parameter {defaults[0]}"
        elif defaults:
            res.notes[dst] = f"from the defaults of parameters {', '.join(defaults[:-1])} and {defaults[-1]}"
        if "${" not in text.replace("${!", ""):
            return text
        if local is None:
            return {"Fn::Sub": text}
        return {"Fn::Sub": [text, {k: v for k, v in local.items() if v is not NO_VALUE and f"${{{k}}}" in text}]}

    def _parameter(self, ref: dict, name: str, dst: Path, picked: dict, res: Resolution) -> Any:
        if name == "AWS::NoValue":
            return NO_VALUE
        spec = self.parameters.get(name)
        if spec is None:
            return ref
        if no_echo_parameter(spec):
            res.no_echo[dst] = name
            return ref
        kind = str(spec.get("Type", "String"))
        if kind.startswith("AWS::SSM::Parameter::"):  # the default names an SSM parameter, not a value
            return ref
        if name in self.supplied:
            value = self.supplied[name]
        elif "Default" in spec and ("unsettled", name) not in picked:
            value = spec["Default"]
            res.notes[dst] = f"from the default of parameter {name}"
        elif ("parameter", name) in picked:
            value = picked[("parameter", name)]
            res.notes[dst] = f"from an allowed value of parameter {name}"
        else:
            return ref
        if kind == "CommaDelimitedList" or kind.startswith("List<"):
            return [part.strip() for part in str(value).split(",")] if not isinstance(value, list) else value
        return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


def _vpc_cidrs(resources: Any) -> dict[str, Any]:
    """Logical id of each `AWS::EC2::VPC` of the template -> its `CidrBlock` as written (a literal, a `Ref`, ...),
    the value `Fn::GetAtt [id, CidrBlock]` gives."""
    if not isinstance(resources, dict):
        return {}
    out: dict[str, Any] = {}
    for logical_id, body in resources.items():
        props = body.get("Properties") if isinstance(body, dict) and body.get("Type") == "AWS::EC2::VPC" else None
        block = props.get("CidrBlock") if isinstance(props, dict) else None
        if block is not None and not _names_getatt(block):
            out[logical_id] = block
    return out


def _vpc_cidr_block(attribute: Any) -> str | None:
    """The logical id `Fn::GetAtt [id, CidrBlock]` reads, else None."""
    if isinstance(attribute, list) and len(attribute) == 2 and attribute[1] == "CidrBlock":
        return attribute[0] if isinstance(attribute[0], str) else None
    return None


def _names_getatt(value: Any) -> bool:
    """A value with an `Fn::GetAtt` inside, not followed (no VPC's block is read through another's)."""
    if isinstance(value, dict):
        return "Fn::GetAtt" in value or any(_names_getatt(v) for v in value.values())
    return isinstance(value, list) and any(_names_getatt(v) for v in value)


def no_echo_parameter(spec: Any) -> bool:
    """A parameter declared `NoEcho`: CloudFormation hides its value."""
    return isinstance(spec, dict) and str(spec.get("NoEcho", "")).lower() == "true"


def variant(choices: tuple[Choice, ...]) -> str | None:
    """`when condition Debug holds and parameter Mode is 'x'`, or None for the only reading."""
    return "when " + " and ".join(c.describe() for c in choices) if choices else None
