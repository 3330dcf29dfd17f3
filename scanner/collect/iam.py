"""IAM: the roles task definitions name as task or execution role, as `get-account-authorization-details`
`RoleDetail`s, with inline policies and attached managed policies (customer-managed documents included,
each fetched once per account; AWS managed policies are known by ARN)."""

from __future__ import annotations

from typing import Any

from scanner.collect.faults import Scope
from scanner.coverage import CoverageGap

ROLE_KEYS = (
    "Path",
    "RoleName",
    "RoleId",
    "Arn",
    "CreateDate",
    "AssumeRolePolicyDocument",
    "PermissionsBoundary",
    "Tags",
    "RoleLastUsed",
)


def role_arns(task_definitions: list[dict[str, Any]], account: str) -> set[str]:
    """The task and execution role ARNs in the account's own task definitions."""
    arns = set()
    for item in task_definitions:
        body = item.get("taskDefinition") or {}
        for key in ("taskRoleArn", "executionRoleArn"):
            arn = body.get(key)
            if isinstance(arn, str) and arn.startswith("arn:") and arn.split(":")[4:5] == [account]:
                arns.add(arn)
    return arns


def collect(client: Any, scope: Scope, arns: set[str]) -> list[dict[str, Any]]:
    """One `RoleDetail` per role that exists; missing roles are skipped (a task would fail to start)."""
    documents: dict[str, Any] = {}
    return [d for d in (_role(client, scope, arn, documents) for arn in sorted(arns)) if d]


def _role(client: Any, scope: Scope, arn: str, documents: dict[str, Any]) -> dict[str, Any] | None:
    """The role's detail; None when it does not exist, or when any part of it could not be read: a role
    judged without one of its policies could pass a rule it fails (fail closed; the gap names it)."""
    name = arn.rsplit("/", 1)[-1]
    gaps = scope.faults.count(scope.account, scope.region)
    found = scope.call("iam:GetRole", client.get_role, target=f"role {name}", absent="NoSuchEntity", RoleName=name)
    if not found:
        return None
    detail = {key: found["Role"][key] for key in ROLE_KEYS if key in found["Role"]}
    inline = scope.pages(
        "iam:ListRolePolicies", client, "list_role_policies", "PolicyNames", target=f"role {name}", RoleName=name
    )
    detail["RolePolicyList"] = []
    for policy in inline:
        found = scope.call(
            "iam:GetRolePolicy", client.get_role_policy, target=f"role {name}", RoleName=name, PolicyName=policy
        )
        if found:
            detail["RolePolicyList"].append({"PolicyName": policy, "PolicyDocument": found["PolicyDocument"]})
    attached = scope.pages(
        "iam:ListAttachedRolePolicies",
        client,
        "list_attached_role_policies",
        "AttachedPolicies",
        target=f"role {name}",
        RoleName=name,
    )
    detail["AttachedManagedPolicies"] = []
    for policy in attached:
        entry = {"PolicyName": policy["PolicyName"], "PolicyArn": policy["PolicyArn"]}
        if policy["PolicyArn"].split(":")[4:5] != ["aws"]:
            document = _managed_document(client, scope, policy["PolicyArn"], documents)
            if document is None:  # its read failed (for this role or an earlier one): the role is incomplete
                why = f"role {name} not evaluated: policy {policy['PolicyArn']} could not be read"
                scope.faults.add(CoverageGap(scope.account, scope.region, "iam:GetPolicy", "Incomplete", "error", why))
                return None
            entry["PolicyDocument"] = document
        detail["AttachedManagedPolicies"].append(entry)
    return detail if scope.faults.count(scope.account, scope.region) == gaps else None


def _managed_document(client: Any, scope: Scope, arn: str, documents: dict[str, Any]) -> Any:
    if arn not in documents:
        policy = scope.call("iam:GetPolicy", client.get_policy, target=arn, PolicyArn=arn)
        version = policy and scope.call(
            "iam:GetPolicyVersion",
            client.get_policy_version,
            target=arn,
            PolicyArn=arn,
            VersionId=policy["Policy"]["DefaultVersionId"],
        )
        documents[arn] = version["PolicyVersion"]["Document"] if version else None
    return documents[arn]
