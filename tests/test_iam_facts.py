"""IAM facts on real templates and CLI output: statements, their source lines, trust and role usage."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from scanner.facts import iam as iam_facts
from scanner.graph import Graph
from scanner.load import load
from scanner.model import Resource
from scanner.sources.discovery import InputFile

TEMPLATE = """\
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app-task
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Service: [ecs-tasks.amazonaws.com, Lambda.amazonaws.com]
              AWS:
                - "*"
                - 444455556666
                - arn:aws:iam::777788889999:role/ci
                - !Ref AWS::AccountId
            Action: sts:AssumeRole
            Condition:
              StringEquals: {aws:SourceAccount: "111122223333", sts:ExternalId: abc}
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
        - !Ref Shared
        - !Ref Both
        - arn:aws:iam::aws:policy/SomeFuturePolicy
        - arn:aws:iam::111122223333:policy/elsewhere
      Policies:
        - PolicyName: inline
          PolicyDocument:
            Statement:
              Effect: allow
              Action: S3:GetObject
              Resource: !Sub "arn:aws:s3:::${Bucket}/*"
  Shared:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      ManagedPolicyName: shared
      PolicyDocument:
        Statement:
          - Effect: Deny
            NotAction: [sqs:*]
            NotResource: arn:aws:sqs:*:*:keep
  Both:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Roles: [!Ref Role]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: [iam:PassRole]
            Resource: arn:aws:iam::*:role/*
  Attached:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: attached
      Roles: [!Ref Role]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: kms:Decrypt
            Resource: "*"
            Condition: {StringEquals: {kms:ViaService: secretsmanager.eu-west-1.amazonaws.com}}
"""


def load_file(tmp_path: Path, name: str, text: str) -> tuple:
    path = tmp_path / name
    path.write_text(text)
    loaded = load(InputFile(str(path), name, True), 10_000_000)
    assert loaded.doc is not None and not loaded.errors
    return loaded.doc, loaded.resources


def by_name(resources: list[Resource]) -> dict[str, Resource]:
    return {r.name: r for r in resources}


def line(doc, resource: Resource, path: list) -> int:
    span, exact = doc.span(resource.source_path(tuple(path)))
    assert exact
    return span.start_line


def test_template_statements_sources_and_lines(tmp_path):
    doc, resources = load_file(tmp_path, "stack.yaml", TEMPLATE)
    role = by_name(resources)["Role"]
    statements = role.facts["statements"]
    summary = [(s["source"], s["policy"], s["effect"], s["actions"], s["not_actions"]) for s in statements]
    assert summary == [
        ("inline", "inline", "Allow", ["s3:getobject"], []),
        ("inline", "attached", "Allow", ["kms:decrypt"], []),
        (
            "aws-managed",
            "AmazonS3ReadOnlyAccess",
            "Allow",
            ["s3:get*", "s3:list*", "s3:describe*", "s3-object-lambda:get*", "s3-object-lambda:list*"],
            [],
        ),
        ("managed", "shared", "Deny", [], ["sqs:*"]),
        ("managed", "Both", "Allow", ["iam:passrole"], []),
    ]
    text = TEMPLATE.splitlines()
    lines = [text[line(doc, role, s["path"]) - 1].strip() for s in statements]
    assert lines == [
        "Action: S3:GetObject",
        "Action: kms:Decrypt",
        "- arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
        "NotAction: [sqs:*]",
        "Action: [iam:PassRole]",
    ]


def test_statement_scope_and_conditions(tmp_path):
    _, resources = load_file(tmp_path, "stack.yaml", TEMPLATE)
    inline, attached, _, shared, both = by_name(resources)["Role"].facts["statements"]
    assert inline["resources"] == ["arn:aws:s3:::${Bucket}/*"]
    assert (inline["wildcard_resource"], inline["broad_resource"]) == (False, False)
    assert (attached["wildcard_resource"], attached["condition_keys"]) == (True, ["kms:viaservice"])
    assert shared["not_resources"] == ["arn:aws:sqs:*:*:keep"] and shared["wildcard_resource"] is True
    assert (both["wildcard_resource"], both["broad_resource"]) == (False, True)


def test_managed_policy_facts(tmp_path):
    _, resources = load_file(tmp_path, "stack.yaml", TEMPLATE)
    managed = {m["name"]: m for m in by_name(resources)["Role"].facts["managed"]}
    assert managed["AmazonS3ReadOnlyAccess"]["aws_managed"] and managed["AmazonS3ReadOnlyAccess"]["known"]
    assert managed["SomeFuturePolicy"]["known"] is False
    assert managed["SomeFuturePolicy"]["canonical_arn"] == "arn:aws:iam::aws:policy/SomeFuturePolicy"
    assert managed["shared"]["known"] and not managed["shared"]["aws_managed"]
    assert managed["arn:aws:iam::111122223333:policy/elsewhere"]["known"] is False
    # `Both` names the role in `Roles` and is in `ManagedPolicyArns`: its statement counts once
    assert [s["policy"] for s in by_name(resources)["Role"].facts["statements"]].count("Both") == 1


def test_policies_know_the_roles_they_are_shown_on(tmp_path):
    _, resources = load_file(tmp_path, "stack.yaml", TEMPLATE)
    named = by_name(resources)
    assert named["Shared"].facts["attached_roles"] == ["Role"]
    assert named["Both"].facts["attached_roles"] == ["Role"]
    assert named["Attached"].facts["attached_roles"] == ["Role"]
    assert named["Attached"].facts["statements"][0]["path"] == ["PolicyDocument", "Statement", 0, "Action"]


def test_trust_principals_flattened(tmp_path):
    _, resources = load_file(tmp_path, "stack.yaml", TEMPLATE)
    [trust] = by_name(resources)["Role"].facts["trust"]
    assert trust["services"] == ["ecs-tasks.amazonaws.com", "lambda.amazonaws.com"]
    assert trust["any_principal"] is True
    assert trust["accounts"] == ["${AWS::AccountId}", "444455556666", "777788889999"]
    assert trust["external_accounts"] == ["444455556666", "777788889999"]
    assert trust["condition_keys"] == ["aws:sourceaccount", "sts:externalid"]
    assert trust["path"] == ["AssumeRolePolicyDocument", "Statement", 0, "Principal"]


def test_own_account_from_the_role_arn_is_not_external():
    role = Resource(
        "iam_role",
        "r",
        {
            "RoleName": "r",
            "Arn": "arn:aws:iam::111122223333:role/r",
            "AssumeRolePolicyDocument": {
                "Statement": {
                    "Effect": "Allow",
                    "Action": "sts:AssumeRole",
                    "Principal": {"AWS": ["111122223333", "arn:aws:iam::444455556666:root"]},
                }
            },
        },
        "auth.json",
    )
    iam_facts.annotate(role)
    assert role.facts["account"] == "111122223333"
    assert role.facts["trust"][0]["external_accounts"] == ["444455556666"]


def test_documents_given_as_json_text_are_read():
    text = json.dumps({"Statement": [{"Effect": "Allow", "Action": ["SQS:Send*"], "Resource": "arn:x:100%"}]})
    for document in (text, quote(text)):
        [fact] = iam_facts.policy_statements(document, ("PolicyDocument",), "p", "inline")
        assert fact["actions"] == ["sqs:send*"] and fact["resources"] == ["arn:x:100%"]
        assert fact["path"] == ["PolicyDocument", "Statement", 0, "Action"]
    assert iam_facts.policy_statements("not json", ("PolicyDocument",), "p", "inline") == []


AUTH = {
    "RoleDetailList": [
        {
            "RoleName": "web",
            "Arn": "arn:aws:iam::111122223333:role/web",
            "AssumeRolePolicyDocument": {},
            "AttachedManagedPolicies": [{"PolicyName": "p", "PolicyArn": "arn:aws:iam::111122223333:policy/p"}],
        },
        {"RoleName": "web", "Arn": "arn:aws:iam::999999999999:role/web", "AssumeRolePolicyDocument": {}},
    ],
    "Policies": [
        {
            "PolicyName": "p",
            "Arn": "arn:aws:iam::111122223333:policy/p",
            "PolicyVersionList": [
                {
                    "VersionId": "v1",
                    "IsDefaultVersion": False,
                    "Document": {"Statement": [{"Effect": "Allow", "Action": "old:Action", "Resource": "*"}]},
                },
                {
                    "VersionId": "v2",
                    "IsDefaultVersion": True,
                    "Document": {"Statement": [{"Effect": "Allow", "Action": "new:Action", "Resource": "*"}]},
                },
            ],
        }
    ],
}


def test_customer_managed_policy_default_version_resolved(tmp_path):
    text = json.dumps(AUTH, indent=1)
    doc, resources = load_file(tmp_path, "auth.json", text)
    role = resources[0]
    [statement] = role.facts["statements"]
    assert statement["actions"] == ["new:action"] and statement["source"] == "managed"
    assert text.splitlines()[line(doc, role, statement["path"]) - 1].strip() == '"Action": "new:Action",'


def test_usage_links_roles_by_arn_name_and_logical_id(tmp_path):
    _, cli_roles = load_file(tmp_path, "auth.json", json.dumps(AUTH))
    _, template = load_file(
        tmp_path,
        "stack.yaml",
        TEMPLATE
        + """\
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: !GetAtt Role.Arn
      ContainerDefinitions: [{Name: a, Image: nginx}]
""",
    )
    task_json = {
        "family": "api",
        "revision": 7,
        "containerDefinitions": [{"name": "a", "image": "nginx"}],
        "taskRoleArn": "arn:aws:iam::111122223333:role/web",
        "executionRoleArn": "arn:aws:iam::555555555555:role/app-task",
    }
    _, tasks = load_file(tmp_path, "td.json", json.dumps(task_json))
    iam_facts.link_usage(Graph([*cli_roles, *template, *tasks]))
    ours, other_account = cli_roles[:2]
    assert (ours.facts["used_by"], ours.facts["roles_as"]) == (["api:7"], ["task"])
    assert (other_account.facts["used_by"], other_account.facts["roles_as"]) == ([], [])
    role = by_name(template)["Role"]  # by logical id, and by RoleName from the ARN of another file
    assert (role.facts["used_by"], role.facts["roles_as"]) == (["Task", "api:7"], ["task", "execution"])


def test_render_keeps_intrinsics_as_placeholders():
    assert iam_facts.render({"Ref": "AWS::AccountId"}) == "${AWS::AccountId}"
    assert iam_facts.render({"Fn::GetAtt": ["Table", "Arn"]}) == "${Table.Arn}"
    assert iam_facts.render({"Fn::Sub": ["arn:aws:s3:::${B}", {"B": "x"}]}) == "arn:aws:s3:::${B}"
    assert iam_facts.render({"Fn::Join": ["", ["arn:aws:s3:::", {"Ref": "B"}, "/*"]]}) == "arn:aws:s3:::${B}/*"
    assert iam_facts.render({"Fn::If": ["C", "a", "b"]}) == "${?}"


def test_aws_managed_document_in_the_input_wins_over_the_table(tmp_path):
    admin = "arn:aws:iam::aws:policy/AdministratorAccess"
    attached = [{"PolicyName": "AdministratorAccess", "PolicyArn": admin}]
    auth = {
        "RoleDetailList": [
            {
                "RoleName": "r",
                "Arn": "arn:aws:iam::111122223333:role/r",
                "AssumeRolePolicyDocument": {},
                "AttachedManagedPolicies": attached,
            }
        ],
        "Policies": [
            {
                "PolicyName": "AdministratorAccess",
                "Arn": admin,
                "PolicyVersionList": [
                    {
                        "VersionId": "v1",
                        "IsDefaultVersion": True,
                        "Document": {
                            "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Sid": "FromTheAccount"}]
                        },
                    }
                ],
            }
        ],
    }
    _, [role] = load_file(tmp_path, "auth.json", json.dumps(auth))
    [statement] = role.facts["statements"]
    assert (statement["sid"], statement["source"]) == ("FromTheAccount", "aws-managed")
    assert statement["path"] == ["AttachedManagedPolicies", 0, "PolicyDocument", "Statement", 0, "Action"]
    [managed] = role.facts["managed"]
    assert managed["admin_like"] is True and managed["known"] is True
