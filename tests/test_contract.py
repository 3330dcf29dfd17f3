"""The contract between Python and Rego (`scanner.contract`, `docs/input-schema.json`): the committed schema is
the one the definitions generate, every input the pipeline builds validates against it, and the shared Rego
fixtures are inputs Python could have built."""

from __future__ import annotations

import importlib.util
import json
import textwrap
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from scanner import contract, exposure
from scanner.engine import rego_input
from scanner.engine.regopy_engine import interpreter
from scanner.load import load
from scanner.model import KIND_LABELS, InputError
from scanner.pipeline import linked
from scanner.rulebook import Rulebook
from scanner.ruletest import run_tests
from scanner.sources.discovery import discover
from scanner.sources.documents import DEFAULT_MAX_BYTES
from tests.conftest import EXAMPLES, ROOT

SCHEMA = json.loads(contract.SCHEMA_FILE.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def validator_of(definition: str) -> jsonschema.Draft202012Validator:
    """A validator for one of the schema's definitions."""
    return jsonschema.Draft202012Validator({"$ref": f"#/$defs/{definition}", "$defs": SCHEMA["$defs"]})


def rule_inputs(
    paths: list[Path], assume_worst: bool = False, readable: bool = True
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every rule input the pipeline's stages build from `paths`, with a label saying where it came from:
    one per resource, then one per service's neighbourhood. `readable`: every file is read without error."""
    errors: list[InputError] = []
    loaded = [load(file, DEFAULT_MAX_BYTES) for file in discover(paths, [], errors)]
    errors += [e for item in loaded for e in item.errors]
    assert not (readable and errors), errors
    graph = linked(loaded)
    for resource in graph.resources:
        yield f"{resource.file}: {resource.kind} {resource.name}", rego_input(resource)
    for hood in exposure.neighbourhoods(graph, assume_worst):
        yield f"{hood.service.file}: neighbourhood of {hood.service.name}", hood.input


def problems(inputs: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """Each schema violation, naming the input and the path inside it."""
    return [
        f"{where}: {'/'.join(map(str, error.absolute_path))}: {error.message[:300]}"
        for where, item in inputs
        for error in VALIDATOR.iter_errors(json.loads(json.dumps(item)))
        for error in _leaves(error)
    ]


def _leaves(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    """Under an `anyOf` of input shapes, the errors of the shape meant: its `kind` matches, fewest errors."""
    if not error.context:
        return [error]
    branches: dict[Any, list[jsonschema.ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.schema_path[0], []).append(sub)
    meant = [errors for errors in branches.values() if not any(list(e.path) == ["kind"] for e in errors)]
    return [leaf for sub in min(meant or branches.values(), key=len) for leaf in _leaves(sub)]


# --- the schema file ---------------------------------------------------------------------------------------------


def test_committed_schema_is_the_generated_one():
    committed = contract.SCHEMA_FILE.read_text(encoding="utf-8")
    assert committed == contract.schema_text(), "docs/input-schema.json is stale: run python -m scanner.contract"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_every_resource_kind_has_one_input_shape():
    shapes: dict[str, list[str]] = {}
    for shape in typing.get_args(contract.ResourceInput):
        for kind in typing.get_args(typing.get_type_hints(shape)["kind"]):
            shapes.setdefault(kind, []).append(shape.__name__)
    assert sorted(shapes) == sorted(KIND_LABELS)
    assert all(len(names) == 1 for names in shapes.values()), shapes


def test_objects_python_computes_admit_no_other_keys():
    """Drift is caught: a fact the code adds, or drops, without the contract saying so fails validation."""
    [(_, group)] = [
        item
        for item in rule_inputs([EXAMPLES / "aws-cli" / "security-groups.json"])
        if item[1]["kind"] == "ec2_security_group"
    ][:1]
    assert problems([("group", group)]) == []
    extra = json.loads(json.dumps(group))
    extra["facts"]["permissions"][0]["cidr"] = "0.0.0.0/0"
    assert any("'cidr' was unexpected" in p for p in problems([("group", extra)]))
    missing = json.loads(json.dumps(group))
    del missing["facts"]["permissions"][0]["ports_known"]
    assert any("'ports_known' is a required property" in p for p in problems([("group", missing)]))
    loose = json.loads(json.dumps(group))
    loose["resource"]["AnyAwsKey"] = {"nested": [1]}  # the AWS shape itself is not the contract's business
    assert problems([("group", loose)]) == []


# --- real inputs -------------------------------------------------------------------------------------------------


def test_inputs_built_from_the_examples_validate():
    inputs = list(rule_inputs([EXAMPLES]))
    assert {item["kind"] for _, item in inputs} >= {
        "ecs_task_definition",
        "ecs_service",
        "ecs_cluster",
        "ec2_security_group",
        "iam_role",
    }
    assert any("neighbourhood" in item for _, item in inputs)
    assert problems(inputs) == []


def test_inputs_built_from_the_test_fixture_files_validate():
    inputs = list(rule_inputs([ROOT / "tests" / "fixtures"], readable=False))  # some are broken on purpose
    assert {item["kind"] for _, item in inputs} >= {"elbv2_load_balancer", "elbv2_target_group", "elbv2_listener"}
    assert any(lb["known"] for _, item in inputs for lb in item.get("neighbourhood", {}).get("load_balancers", []))
    assert problems(inputs) == []


def test_inputs_built_from_the_public_corpus_validate():
    """Real templates, CDK output and CLI output (tests/corpus/public), some of them broken on purpose."""
    inputs = list(rule_inputs([ROOT / "tests" / "corpus" / "public"], readable=False))
    kinds = {item["kind"] for _, item in inputs}
    assert len(inputs) > 200 and len(kinds) >= 8, kinds
    assert sum("neighbourhood" in item for _, item in inputs) > 10
    assert problems(inputs) == []


def test_inputs_of_the_benchmark_exposure_stack_validate(tmp_path):
    spec = importlib.util.spec_from_file_location("exposure_benchmark", ROOT / "benchmarks" / "exposure.py")
    assert spec and spec.loader
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    (tmp_path / "stack.yaml").write_text(benchmark.stack(15))
    inputs = list(rule_inputs([tmp_path]))
    assert sum("neighbourhood" in item for _, item in inputs) == 15
    assert problems(inputs) == []


def test_inputs_of_a_stack_with_every_kind_of_link_validate(tmp_path):
    """Balancers, roles, groups admitting groups, unresolved references, task sets, ENIs: every branch the
    neighbourhood builder takes, known and unknown."""
    (tmp_path / "stack.yaml").write_text(WIDE_STACK)
    (tmp_path / "enis.json").write_text(json.dumps(ENIS))
    for assume_worst in (False, True):
        inputs = list(rule_inputs([tmp_path], assume_worst))
        hoods = [item["neighbourhood"] for _, item in inputs if "neighbourhood" in item]
        assert {item["kind"] for _, item in inputs} >= {
            "ecs_task_definition",
            "ecs_service",
            "ecs_task_set",
            "ec2_security_group",
            "ec2_network_interface",
            "iam_role",
            "iam_policy",
        }
        tds = [h["task_definition"] for h in hoods]
        assert {td["known"] for td in tds} == {True, False}
        assert {td["task_role"]["known"] for td in tds if td["known"]} == {True, False}
        assert any(lb["known"] and lb["security_groups"]["known"] for h in hoods for lb in h["load_balancers"])
        assert any(h["enis"] and h["public_ip"]["source"].startswith("network interface") for h in hoods)
        assert any(not g["known"] for h in hoods for g in h["security_groups"])
        permissions = [p for h in hoods for g in h["security_groups"] for p in g["permissions"]]
        assert {p["source_type"] for p in permissions} == {"cidr", "security_group", "prefix_list"}
        assert any(g["shared_with"] for h in hoods for g in h["security_groups"])
        assert problems(inputs) == []


# --- the shared Rego fixtures ------------------------------------------------------------------------------------

FIXTURES = ROOT / "rules" / "lib" / "fixtures_test.rego"


@pytest.mark.parametrize(
    ("query", "definition"),
    [
        ("fx.permission({})", "PermissionFact"),
        ("fx.permission(fx.ipv6_world)", "PermissionFact"),
        ("fx.permission(object.union(fx.unresolved_cidr, fx.unresolved_ports))", "PermissionFact"),
        ("fx.permission(fx.all_traffic)", "PermissionFact"),
        ("fx.statement({})", "StatementFact"),
        ("fx.trust({})", "TrustFact"),
        ("fx.hood_permission({})", "HoodPermission"),
        ("fx.balancer({})", "FrontedBalancer"),
        ("fx.attachments({})", "Attachments"),
        ("fx.shared_with_service", "Attachments"),
    ],
)
def test_shared_rego_fixtures_are_facts_python_could_build(query: str, definition: str):
    rego = interpreter({str(FIXTURES): FIXTURES.read_text(encoding="utf-8")}, {})
    output = rego.query("x := " + query.replace("fx.", "data.fgscan.test.fixtures."))
    assert output.ok(), query
    value = output.results[0].bindings["x"]
    errors = [e.message for e in validator_of(definition).iter_errors(value)]
    assert errors == [], f"{query}: {errors}"


def test_a_test_library_is_loaded_beside_every_test_file_and_is_no_test(tmp_path):
    library = 'package acme.test.fixtures\n\nimport rego.v1\n\nlabel(extra) := object.union({"team": "web"}, extra)\n'
    (tmp_path / "fixtures_test.rego").write_text(library)
    for name in ("one", "two"):
        test = f'test_{name} if fixtures.label({{"env": "{name}"}}) == {{"team": "web", "env": "{name}"}}\n'
        header = f"package acme.{name}_test\n\nimport rego.v1\n\nimport data.acme.test.fixtures\n\n"
        (tmp_path / f"{name}_test.rego").write_text(header + test)
    book = Rulebook(rules=[], modules=[], params={}, test_files=sorted(tmp_path.glob("*_test.rego")))
    outcomes = run_tests(book)
    assert sorted((o.file.name, o.name, o.passed, o.error) for o in outcomes) == [
        ("one_test.rego", "test_one", True, ""),
        ("two_test.rego", "test_two", True, ""),
    ]


# --- a stack taking every branch of the neighbourhood ------------------------------------------------------------

WIDE_STACK = textwrap.dedent("""\
    AWSTemplateFormatVersion: '2010-09-09'
    Parameters:
      ExtraSg: {Type: 'AWS::EC2::SecurityGroup::Id'}
    Resources:
      LbSg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: balancer
          VpcId: vpc-1
          SecurityGroupIngress:
            - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
            - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIpv6: '::/0'}
      AppSg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
          VpcId: vpc-1
          SecurityGroupIngress:
            - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: !Ref LbSg, Description: lb}
            - {IpProtocol: tcp, FromPort: 8080, ToPort: 8090, SourcePrefixListId: pl-123}
            - {IpProtocol: '-1', CidrIp: !Ref AllowedCidr}
      SelfIngress:
        Type: AWS::EC2::SecurityGroupIngress
        Properties:
          GroupId: !Ref AppSg
          IpProtocol: '-1'
          SourceSecurityGroupId: !Ref AppSg
      Lb:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Scheme: internet-facing
          SecurityGroups: [!Ref LbSg]
          Subnets: [subnet-1, subnet-2]
      Tg:
        Type: AWS::ElasticLoadBalancingV2::TargetGroup
        Properties: {Protocol: HTTP, Port: 8080, TargetType: ip, VpcId: vpc-1}
      Listener:
        Type: AWS::ElasticLoadBalancingV2::Listener
        Properties:
          LoadBalancerArn: !Ref Lb
          Port: 443
          Protocol: HTTPS
          DefaultActions: [{Type: forward, TargetGroupArn: !Ref Tg}]
      TaskRole:
        Type: AWS::IAM::Role
        Properties:
          RoleName: orders-task
          AssumeRolePolicyDocument:
            Statement:
              - Effect: Allow
                Principal: {Service: ecs-tasks.amazonaws.com, AWS: 'arn:aws:iam::210987654321:root'}
                Action: sts:AssumeRole
          ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess, !Ref SharedPolicy]
          Policies:
            - PolicyName: app
              PolicyDocument:
                Statement:
                  - {Effect: Allow, Action: ['s3:GetObject'], Resource: !Sub 'arn:aws:s3:::${AWS::StackName}/*'}
                  - Effect: Deny
                    NotAction: 'iam:*'
                    NotResource: '*'
                    Condition: {Bool: {aws:SecureTransport: false}}
      SharedPolicy:
        Type: AWS::IAM::ManagedPolicy
        Properties:
          Roles: [!Ref TaskRole]
          PolicyDocument:
            Statement: [{Effect: Allow, Action: 'sqs:*', Resource: '*'}]
      OrdersTask:
        Type: AWS::ECS::TaskDefinition
        Properties:
          Family: orders
          NetworkMode: awsvpc
          RequiresCompatibilities: [FARGATE]
          Cpu: '256'
          Memory: '512'
          TaskRoleArn: !GetAtt TaskRole.Arn
          ExecutionRoleArn: arn:aws:iam::123456789012:role/not-in-the-input
          ContainerDefinitions:
            - Name: orders
              Image: public.ecr.aws/nginx/nginx:1.27
              User: root
              Privileged: true
              Command: ['--token=Zm9vYmFyYmF6cXV4', 'serve']
              Environment: [{Name: DB_PASSWORD, Value: correct-horse-battery}]
              LinuxParameters: {Capabilities: {Add: [SYS_ADMIN]}}
              PortMappings: [{ContainerPort: 8080}, {ContainerPort: 9090, Protocol: udp}, {ContainerPort: !Ref Port}]
            - Image: sidecar:1
      BillingTask:
        Type: AWS::ECS::TaskDefinition
        Properties:
          Family: billing
          NetworkMode: awsvpc
          ContainerDefinitions: [{Name: billing, Image: billing:1, PortMappings: [{ContainerPort: 8081}]}]
      OrdersService:
        Type: AWS::ECS::Service
        Properties:
          ServiceName: orders
          Cluster: prod
          LaunchType: FARGATE
          TaskDefinition: !Ref OrdersTask
          LoadBalancers:
            - {TargetGroupArn: !Ref Tg, ContainerName: orders, ContainerPort: 8080}
            - TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/gone/1
              ContainerName: orders
              ContainerPort: 9090
          NetworkConfiguration:
            AwsvpcConfiguration:
              AssignPublicIp: DISABLED
              SecurityGroups: [!Ref AppSg, !Ref ExtraSg, sg-0notinput]
              Subnets: [subnet-1, !Ref PrivateSubnet]
      BillingService:
        Type: AWS::ECS::Service
        Properties:
          ServiceName: billing
          TaskDefinition: !Ref BillingTask
          NetworkConfiguration:
            AwsvpcConfiguration:
              AssignPublicIp: !Ref PublicIp
              SecurityGroups: !Ref GroupList
              Subnets: !Ref SubnetList
      BatchService:
        Type: AWS::ECS::Service
        Properties:
          ServiceName: batch
          TaskDefinition: arn:aws:ecs:eu-west-1:123456789012:task-definition/batch:7
          NetworkConfiguration:
            AwsvpcConfiguration:
              Subnets: [subnet-1]
      CanaryTaskSet:
        Type: AWS::ECS::TaskSet
        Properties:
          Cluster: prod
          Service: !Ref BillingService
          TaskDefinition: !Ref BillingTask
          NetworkConfiguration:
            AwsVpcConfiguration:
              AssignPublicIp: ENABLED
              SecurityGroups: [!Ref AppSg]
              Subnets: [subnet-1]
    """)

ENIS = {
    "NetworkInterfaces": [
        {
            "NetworkInterfaceId": "eni-0aaa",
            "InterfaceType": "interface",
            "Groups": [{"GroupId": "sg-0eni", "GroupName": "extra"}],
            "Association": {"PublicIp": "203.0.113.9", "IpOwnerId": "amazon"},
            "TagSet": [
                {"Key": "aws:ecs:serviceName", "Value": "orders"},
                {"Key": "aws:ecs:clusterName", "Value": "prod"},
            ],
        }
    ]
}
