"""CloudFormation templates (JSON or YAML, CDK's `cdk.out` included) mapped onto the AWS API shapes.

Property names map to API member names case-insensitively through the botocore shapes, with the
known renames listed below; free-form maps keep their keys; string booleans and numbers become
booleans and numbers where the API says so. Intrinsic functions stay as they are (long form):
a value known only at deploy time is never guessed.
"""

from __future__ import annotations

import functools
from typing import Any

from scanner.model import Path, Resource, Skip
from scanner.sources.api_shapes import shapes
from scanner.sources.cfn_foreach import expand, is_loop
from scanner.sources.cfn_imports import pending_name
from scanner.sources.cfn_readings import Choice, Template, no_echo_parameter, variant
from scanner.sources.documents import Document
from scanner.sources.links import joined, note_outside_users, ref_target
from scanner.sources.task_runs import TYPES as RUN_TYPES
from scanner.sources.task_runs import drafts

TYPES = {
    "AWS::ECS::TaskDefinition": ("ecs_task_definition", "ecs.TaskDefinition"),
    "AWS::ECS::Service": ("ecs_service", "ecs.Service"),
    "AWS::ECS::TaskSet": ("ecs_task_set", "ecs.TaskSet"),
    "AWS::ECS::Cluster": ("ecs_cluster", "ecs.Cluster"),
    "AWS::ECS::CapacityProvider": ("ecs_capacity_provider", "ecs.CapacityProvider"),
    # ECS container instances: the properties already have the EC2 / Auto Scaling API's names.
    "AWS::EC2::LaunchTemplate": ("ec2_launch_template", None),
    "AWS::AutoScaling::LaunchConfiguration": ("autoscaling_launch_configuration", None),
    "AWS::EC2::SecurityGroup": ("ec2_security_group", "ec2.SecurityGroup"),
    "AWS::EC2::NetworkInterface": ("ec2_network_interface", "ec2.NetworkInterface"),
    "AWS::IAM::Role": ("iam_role", "iam.RoleDetail"),
    "AWS::IAM::Policy": ("iam_policy", None),
    "AWS::IAM::ManagedPolicy": ("iam_policy", None),
    "AWS::ElasticLoadBalancingV2::LoadBalancer": ("elbv2_load_balancer", "elbv2.LoadBalancer"),
    "AWS::ElasticLoadBalancingV2::TargetGroup": ("elbv2_target_group", "elbv2.TargetGroup"),
    "AWS::ElasticLoadBalancingV2::Listener": ("elbv2_listener", "elbv2.Listener"),
    "AWS::ElasticLoadBalancingV2::ListenerRule": ("elbv2_listener_rule", "elbv2.Rule"),
}
SG_TYPES = ("AWS::EC2::SecurityGroup",)
STANDALONE_RULES = {
    "AWS::EC2::SecurityGroupIngress": "IpPermissions",
    "AWS::EC2::SecurityGroupEgress": "IpPermissionsEgress",
}

# (shape, CloudFormation name in lower case) -> API member name, where the names differ beyond case.
RENAMES = {
    ("ecs.Cluster", "clustersettings"): "settings",
    ("ecs.Service", "cluster"): "clusterArn",
    ("ecs.Service", "role"): "roleArn",
    ("ecs.TaskSet", "cluster"): "clusterArn",
    ("ecs.TaskSet", "service"): "serviceArn",
    # EventBridge's and Scheduler's names for RunTask members (`EcsParameters`)
    ("ecs.RunTaskRequest", "taskdefinitionarn"): "taskDefinition",
    ("ecs.RunTaskRequest", "taskcount"): "count",
    ("ecs.RunTaskRequest", "placementstrategies"): "placementStrategy",
    ("ecs.RunTaskRequest", "taglist"): "tags",
    ("ecs.ProxyConfiguration", "proxyconfigurationproperties"): "properties",
    ("ec2.SecurityGroup", "groupdescription"): "Description",
    ("iam.RoleDetail", "policies"): "RolePolicyList",
    ("elbv2.LoadBalancer", "name"): "LoadBalancerName",
    ("elbv2.TargetGroup", "name"): "TargetGroupName",
}
# Members CloudFormation sets on a resource that the API shows elsewhere (a service's Service Connect and
# managed EBS volumes are on its deployments): (shape, CloudFormation name in lower case) -> (member, its shape).
ADOPTED = {
    ("ecs.Service", "serviceconnectconfiguration"): ("serviceConnectConfiguration", "ecs.ServiceConnectConfiguration"),
    ("ecs.Service", "volumeconfigurations"): ("volumeConfigurations", "ecs.ServiceVolumeConfigurations"),
}
BOOLEAN_TYPES = {"boolean"}
# logical id -> each reading of the resource with the choices it was made for, so what joins it (standalone
# rules, policies) is read the same way
Readings = dict[str, list[tuple[Resource, tuple[Choice, ...]]]]
NUMBER_TYPES = {"integer", "long"}


def matches(data: Any) -> bool:
    """A template: `Resources` holding at least one `AWS::` typed resource, or an `Fn::ForEach` loop."""
    if not isinstance(data, dict) or not isinstance(data.get("Resources"), dict):
        return False
    return any(
        (isinstance(r, dict) and isinstance(r.get("Type"), str) and r["Type"].startswith("AWS::")) or is_loop(k, r)
        for k, r in data["Resources"].items()
    )


def resources(doc: Document) -> list[Resource]:
    """Every resource of a supported type, once per reading (see `cfn_readings`), with standalone
    ingress/egress rules and IAM policies joined to the groups and roles they name."""
    context = Template(doc.data, doc.text or None)
    expanded = expand(doc.data["Resources"], context)
    context.sources = {logical_id: source for logical_id, (_, source) in expanded.items()}
    template = {
        logical_id: body
        for logical_id, (body, _) in expanded.items()
        if isinstance(body, dict) and isinstance(body.get("Type"), str)
    }
    joining = _joining(template)
    out: Readings = {}
    for logical_id, body in template.items():
        if body["Type"] not in TYPES or _not_deployed(body, context):
            continue
        bodies = [body.get("Properties"), *(template[j].get("Properties") for j in joining.get(logical_id, []))]
        out[logical_id] = [
            (_reading(logical_id, body, choices, context, doc), choices) for choices in context.readings(bodies)
        ]
    deployed = {logical_id: body for logical_id, body in template.items() if not _not_deployed(body, context)}
    for logical_id, body in deployed.items():
        if body["Type"] in STANDALONE_RULES:
            for group in _join_rule(logical_id, body, out, context, doc.path):
                group.skips.extend(skips(context.source(logical_id), body, doc))
    for logical_id, body in deployed.items():
        if body["Type"] in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"):
            _attach_policy(logical_id, body, out, context)
    groups = {lid: [r for r, _ in readings] for lid, readings in out.items() if template[lid]["Type"] in SG_TYPES}
    outside = [(f"{body['Type']} '{lid}'", body.get("Properties")) for lid, body in deployed.items() if _outside(body)]
    note_outside_users(groups, outside)
    for name, target in _exports(doc.data, context):
        for resource, _ in out.get(target, []):
            resource.exports += (name,)
    runs = [
        run
        for lid, body in deployed.items()
        if body["Type"] in RUN_TYPES
        for run in _task_runs(lid, body, context, doc)
    ]
    return [resource for readings in out.values() for resource, _ in readings] + runs


def _task_runs(logical_id: str, body: dict, context: Template, doc: Document) -> list[Resource]:
    """Each task the resource starts (`scanner.sources.task_runs`) as a RunTask request, once per reading of
    its own parameters; named after the resource, and the target or state when it starts several."""
    raw = body.get("Properties")
    found = drafts(body["Type"], raw) if isinstance(raw, dict) else []
    root: Path = (*context.source(logical_id), "Properties")
    out = []
    for index, draft in enumerate(found):
        name = logical_id if len(found) == 1 else f"{logical_id}.{draft.name or index + 1}"
        for choices in context.readings([draft.params]):
            params, resolution = context.resolve(draft.params, choices, body.get("Condition"))
            converter = ShapeConverter(())
            data = converter.convert(params, "ecs.RunTaskRequest", (), ())
            origin, notes, _ = resolution.relocate(converter.origin, ())
            origin = {path: root + draft.source(src) for path, src in origin.items()}
            for src in origin.values():
                doc.locate_embedded_json(src)  # a value written in a definition's JSON text, on its own line
            run = Resource(
                "ecs_task_run",
                name,
                data,
                doc.path,
                root + draft.source(()),
                origin,
                skips=skips(context.source(logical_id), body, doc),
                variant=variant(choices),
                scope=doc.path,
                construct=construct_path(body),
            )
            run.notes.update(notes)
            out.append(run)
    return out


def _exports(data: dict[str, Any], context: Template) -> list[tuple[str, str]]:
    """(export name, logical id) of each output that exports a reference to a resource of the template,
    its name read with the parameters' defaults and `*` for `AWS::StackName`, which only deploying decides
    (`!Sub ${EnvironmentName}:ClusterSecurityGroup`, `!Join [':', [!Ref AWS::StackName, ClusterSecurityGroup]]`)."""
    outputs = data.get("Outputs")
    found = []
    for output in outputs.values() if isinstance(outputs, dict) else []:
        if not isinstance(output, dict) or not isinstance(output.get("Export"), dict):
            continue
        target = ref_target(output.get("Value"))
        name = _export_name(context.resolve(output["Export"].get("Name"), ())[0], context.parameters)
        if target and name:
            found.append((name, target))
    return found


def _export_name(value: Any, parameters: dict[str, Any]) -> str | None:
    if isinstance(value, dict) and isinstance(value.get("Fn::Sub"), str):
        value = {"Fn::Sub": value["Fn::Sub"].replace("${AWS::StackName}", "*")}
    join = value.get("Fn::Join") if isinstance(value, dict) else None
    if isinstance(join, list) and len(join) == 2 and isinstance(join[1], list):
        value = {"Fn::Join": [join[0], ["*" if part == {"Ref": "AWS::StackName"} else part for part in join[1]]]}
    name = joined(value) or pending_name(value, parameters)  # `${EnvironmentName}:VpcId` as its text
    return name if name and any(c.isalnum() for c in name.replace("*", "")) else None  # not the stack name alone


def _outside(body: dict) -> bool:
    """A resource fgscan does not model, nor join to one it models (an RDS instance, a nested stack)."""
    return body["Type"] not in TYPES and body["Type"] not in STANDALONE_RULES and body["Type"] not in RUN_TYPES


def _not_deployed(body: dict, context: Template) -> bool:
    """A resource whose `Condition` the supplied parameter values make false is not in the stack."""
    condition = body.get("Condition")
    return isinstance(condition, str) and context.decided(condition, set()) is False


def _joining(template: dict[str, dict]) -> dict[str, list[str]]:
    """Group or role logical id -> the standalone rules and policies of the template that join it."""
    joining: dict[str, list[str]] = {}
    for logical_id, body in template.items():
        props = body.get("Properties")
        props = props if isinstance(props, dict) else {}
        if body["Type"] in STANDALONE_RULES:
            group_key = next((k for k in props if k.lower() == "groupid"), None)
            targets = [ref_target(props.get(group_key))] if group_key else []
        elif body["Type"] in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"):
            targets = [ref_target(r) for r in props.get("Roles", [])] if isinstance(props.get("Roles"), list) else []
        else:
            continue
        for target in targets:
            if target:
                joining.setdefault(target, []).append(logical_id)
    return joining


def _reading(logical_id: str, body: dict, choices: tuple[Choice, ...], context: Template, doc: Document) -> Resource:
    """The resource as deployed in one reading."""
    kind, shape = TYPES[body["Type"]]
    root: Path = (*context.source(logical_id), "Properties")
    raw = body.get("Properties")
    raw = raw if isinstance(raw, dict) else {}
    props, resolution = context.resolve(raw, choices, body.get("Condition"))
    converter = ShapeConverter(root)
    if kind == "ec2_security_group":
        data = _security_group(props, converter)
    elif kind == "ec2_network_interface":
        data = _network_interface(props, converter)
    elif kind == "iam_role":
        data = _role(props, converter)
    elif kind == "iam_policy":
        data = dict(props)
        data.setdefault("PolicyName", props.get("ManagedPolicyName", logical_id))
    else:
        data = converter.convert(props, shape, (), ())
    origin, notes, no_echo = resolution.relocate(converter.origin, root)
    resource = Resource(
        kind,
        logical_id,
        data,
        doc.path,
        root,
        origin,
        skips=skips(context.source(logical_id), body, doc),
        variant=variant(choices),
        scope=doc.path,
        construct=construct_path(body),
    )
    resource.notes.update(notes)
    _record_no_echo(resource, no_echo)
    _record_parameters(resource, context.parameters)
    _record_dynamic_secrets(resource)
    return resource


def _record_no_echo(resource: Resource, no_echo: dict[Path, str]) -> None:
    """`facts.no_echo_environment`: environment variables whose plain value is a `NoEcho` parameter, or is
    built on one (`!Join ["", ["mongodb+srv://", !Ref User, ":", !Ref Password, "@", ...]]`), a secret the
    secrets rule reports (the parameter's value itself is never known)."""
    found = [
        {"container": path[1], "variable": path[3], "parameter": name}
        for path, name in no_echo.items()
        if len(path) >= 5 and path[0] == "containerDefinitions" and path[2] == "environment" and path[4] == "value"
    ]
    if found:
        resource.facts["no_echo_environment"] = list({tuple(use.values()): use for use in found}.values())


def _record_parameters(resource: Resource, parameters: dict[str, Any]) -> None:
    """`facts.parameter_environment`: environment values that are a template parameter left to deploy time (no
    default, none supplied; `NoEcho` ones are in `no_echo_environment`). A secret-named variable set from one
    stores whatever the deployer passes, in plain text: the secrets rule reports it by its name."""
    if resource.kind != "ecs_task_definition":
        return
    found = [
        {"container": i, "variable": j, "parameter": name}
        for i, container in _items(resource.data.get("containerDefinitions"))
        for j, variable in _items(container.get("environment"))
        if isinstance(value := variable.get("value"), dict)
        and list(value) == ["Ref"]
        and isinstance(name := value["Ref"], str)
        and name in parameters
        and not no_echo_parameter(parameters[name])
    ]
    if found:
        resource.facts["parameter_environment"] = found


SECRETS_MANAGER_REFERENCE = "{{resolve:secretsmanager:"


def _record_dynamic_secrets(resource: Resource) -> None:
    """`facts.secrets_manager_environment`: environment values holding a dynamic reference to Secrets Manager,
    written out or inside `Fn::Sub` or `Fn::Join`. CloudFormation resolves it when it registers the task
    definition, so the secret is stored there in plain text (elsewhere, such text is no reference at all)."""
    if resource.kind != "ecs_task_definition":
        return
    found = [
        {"container": i, "variable": j}
        for i, container in _items(resource.data.get("containerDefinitions"))
        for j, variable in _items(container.get("environment"))
        if _holds_secrets_manager_reference(variable.get("value"))
    ]
    if found:
        resource.facts["secrets_manager_environment"] = found


def _items(value: Any) -> list[tuple[int, dict]]:
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)] if isinstance(value, list) else []


def _holds_secrets_manager_reference(value: Any) -> bool:
    if isinstance(value, str):
        return SECRETS_MANAGER_REFERENCE in value
    if not isinstance(value, dict) or len(value) != 1:
        return False
    sub, join = value.get("Fn::Sub"), value.get("Fn::Join")
    if isinstance(sub, list) and sub:
        sub = sub[0]
    if isinstance(sub, str):
        return SECRETS_MANAGER_REFERENCE in sub
    parts = join[1] if isinstance(join, list) and len(join) == 2 and isinstance(join[1], list) else []
    return any(isinstance(part, str) and SECRETS_MANAGER_REFERENCE in part for part in parts)


def construct_path(body: dict) -> str | None:
    """The CDK construct path a `cdk synth` template records in `Metadata.aws:cdk:path`."""
    meta = body.get("Metadata")
    path = meta.get("aws:cdk:path") if isinstance(meta, dict) else None
    return path if isinstance(path, str) and path else None


def skips(source: Path, body: dict, doc: Document) -> list[Skip]:
    """The resource's `Metadata: {fgscan: {skip: [{rule, reason}]}}` entries; an entry without a rule or
    reason is kept with an empty field so it is reported, never applied."""
    meta = body.get("Metadata")
    ours = meta.get("fgscan") if isinstance(meta, dict) else None
    entries = ours.get("skip") if isinstance(ours, dict) else None
    if not isinstance(entries, list):
        return []
    out = []
    for i, entry in enumerate(entries):
        span, _ = doc.span((*source, "Metadata", "fgscan", "skip", i))
        where = f"{doc.path}:{span.start_line}" if span else doc.path
        item = entry if isinstance(entry, dict) else {"rule": entry}
        rule, reason = item.get("rule"), item.get("reason")
        out.append(Skip(str(rule).strip() if rule else "", str(reason).strip() if reason else "", where))
    return out


class ShapeConverter:
    """Maps one resource's properties onto its API shape, recording where each value came from."""

    def __init__(self, root: Path):
        self.root = root
        self.origin: dict[Path, Path] = {(): root}
        self.shapes = shapes()

    def convert(self, value: Any, ref: str | None, src: Path, dst: Path) -> Any:
        self.origin[dst] = self.root + src
        spec = self.shapes.get(ref) if ref else None
        if spec is None:
            return value
        if isinstance(spec, str):
            return _coerce(value, spec) if isinstance(value, str) else value  # only text is coerced
        if isinstance(value, dict):
            if len(value) == 1 and _is_intrinsic(value):
                return value
            if "s" in spec:
                table, members = _members(ref), spec["s"]  # type: ignore[arg-type]
                origin, all_shapes, root, convert = self.origin, self.shapes, self.root, self.convert
                out = {}
                for key, item in value.items():
                    found = table.get(key.lower())
                    name, member = found if found is not None else (key, members.get(key))
                    if isinstance(item, (dict, list)):
                        out[name] = convert(item, member, (*src, key), (*dst, name))
                        continue
                    # `convert` for a scalar member (most are), in line
                    origin[(*dst, name)] = (*root, *src, key)
                    kind = all_shapes.get(member) if member else None
                    out[name] = _coerce(item, kind) if isinstance(kind, str) and isinstance(item, str) else item
                return out
            if "m" in spec:
                return {k: self.convert(v, spec["m"], (*src, k), (*dst, k)) for k, v in value.items()}
        elif isinstance(value, list) and "l" in spec:
            return [self.convert(item, spec["l"], (*src, i), (*dst, i)) for i, item in enumerate(value)]
        return value


@functools.cache
def _lowered(ref: str) -> dict[str, str]:
    """A structure shape's member names by their lower case (CloudFormation and the API differ in case)."""
    return {m.lower(): m for m in shapes()[ref]["s"]}


@functools.cache
def _members(ref: str) -> dict[str, tuple[str, str | None]]:
    """A structure shape's CloudFormation property names in lower case -> the API member each maps to and
    that member's shape: case, `RENAMES` and `ADOPTED` worked out once per shape, not once per property.
    A name not listed keeps its spelling and has no shape."""
    members, lowered = shapes()[ref]["s"], _lowered(ref)
    names = {
        *lowered,
        *(low for shape, low in RENAMES if shape == ref),
        *(low for shape, low in ADOPTED if shape == ref),
    }
    table = {}
    for low in names:
        name = RENAMES.get((ref, low)) or lowered.get(low, low)
        table[low] = ADOPTED.get((ref, low), (name, members.get(name)))
    return table


def _is_intrinsic(value: Any) -> bool:
    if not isinstance(value, dict) or len(value) != 1:
        return False
    key = next(iter(value))
    return key in ("Ref", "Condition") or key.startswith("Fn::")


def _coerce(value: Any, kind: str) -> Any:
    if kind in BOOLEAN_TYPES and isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if kind in NUMBER_TYPES and isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return value


def _security_group(props: dict, conv: ShapeConverter) -> dict:
    data: dict[str, Any] = {}
    for key, value in props.items():
        lowered = key.lower()
        if lowered in ("securitygroupingress", "securitygroupegress") and isinstance(value, list):
            field = "IpPermissions" if lowered == "securitygroupingress" else "IpPermissionsEgress"
            conv.origin[(field,)] = conv.root + (key,)
            data[field] = [_flat_rule(r, conv, (key, i), (field, i)) for i, r in enumerate(value)]
        else:
            name = RENAMES.get(("ec2.SecurityGroup", lowered)) or key
            data[name] = conv.convert(value, shapes()["ec2.SecurityGroup"]["s"].get(name), (key,), (name,))
    data.setdefault("IpPermissions", [])
    return data


# flat CloudFormation rule key -> (IpPermission list, member of each list item)
FLAT_SOURCES = {
    "cidrip": ("IpRanges", "CidrIp"),
    "cidripv6": ("Ipv6Ranges", "CidrIpv6"),
    "sourcesecuritygroupid": ("UserIdGroupPairs", "GroupId"),
    "destinationsecuritygroupid": ("UserIdGroupPairs", "GroupId"),
    "sourcesecuritygroupname": ("UserIdGroupPairs", "GroupName"),
    "sourceprefixlistid": ("PrefixListIds", "PrefixListId"),
    "destinationprefixlistid": ("PrefixListIds", "PrefixListId"),
}


def _flat_rule(rule: Any, conv: ShapeConverter, src: Path, dst: Path) -> Any:
    """`{IpProtocol, FromPort, ToPort, CidrIp, Description}` -> an `IpPermission`."""
    conv.origin[dst] = conv.root + src
    if not isinstance(rule, dict) or _is_intrinsic(rule):
        return rule
    fields = {k.lower(): k for k in rule}
    perm: dict[str, Any] = {}
    for name in ("IpProtocol", "FromPort", "ToPort"):
        key = fields.get(name.lower())
        if key is not None:
            value = rule[key]
            if name == "IpProtocol" and isinstance(value, int):
                value = str(value)
            perm[name] = _coerce(value, "integer" if name != "IpProtocol" else "string")
            conv.origin[(*dst, name)] = conv.root + (*src, key)
    description = rule.get(fields.get("description", ""))
    for lowered, (listing, member) in FLAT_SOURCES.items():
        key = fields.get(lowered)
        if key is None:
            continue
        entry = {member: rule[key]}
        if member == "GroupId" and "sourcesecuritygroupownerid" in fields:
            entry["UserId"] = rule[fields["sourcesecuritygroupownerid"]]
        if description is not None:
            entry["Description"] = description
        index = len(perm.setdefault(listing, []))
        perm[listing].append(entry)
        conv.origin[(*dst, listing, index)] = conv.root + src
        conv.origin[(*dst, listing, index, member)] = conv.root + (*src, key)
        if description is not None:
            conv.origin[(*dst, listing, index, "Description")] = conv.root + (*src, fields["description"])
    return perm


def _network_interface(props: dict, conv: ShapeConverter) -> dict:
    data: dict[str, Any] = {}
    members = shapes()["ec2.NetworkInterface"]["s"]
    lowered = {m.lower(): m for m in members}
    for key, value in props.items():
        if key.lower() == "groupset" and isinstance(value, list):
            data["Groups"] = [{"GroupId": g} for g in value]
            conv.origin[("Groups",)] = conv.root + (key,)
            for i in range(len(value)):
                conv.origin[("Groups", i)] = conv.origin[("Groups", i, "GroupId")] = conv.root + (key, i)
        else:
            name = lowered.get(key.lower(), key)
            data[name] = conv.convert(value, members.get(name), (key,), (name,))
    return data


def _role(props: dict, conv: ShapeConverter) -> dict:
    data: dict[str, Any] = {}
    members = shapes()["iam.RoleDetail"]["s"]
    for key, value in props.items():
        lowered = key.lower()
        if lowered == "managedpolicyarns" and isinstance(value, list):
            data["AttachedManagedPolicies"] = [{"PolicyArn": arn} for arn in value]
            for i in range(len(value)):
                conv.origin[("AttachedManagedPolicies", i)] = conv.root + (key, i)
                conv.origin[("AttachedManagedPolicies", i, "PolicyArn")] = conv.root + (key, i)
        elif lowered == "permissionsboundary":
            data["PermissionsBoundary"] = {"PermissionsBoundaryArn": value}
            conv.origin[("PermissionsBoundary",)] = conv.root + (key,)
        else:
            name = RENAMES.get(("iam.RoleDetail", lowered)) or {m.lower(): m for m in members}.get(lowered, key)
            data[name] = conv.convert(value, members.get(name), (key,), (name,))
    return data


def _join_rule(logical_id: str, body: dict, out: Readings, context: Template, file: str) -> list[Resource]:
    """Add a standalone `SecurityGroupIngress`/`Egress` to each reading of its group, or scan it as a group
    of its own when the group is not in the template; returns the readings it joined or made."""
    raw = body.get("Properties")
    if not isinstance(raw, dict):
        return []
    field = STANDALONE_RULES[body["Type"]]
    src_root: Path = (*context.source(logical_id), "Properties")
    group_key = next((k for k in raw if k.lower() == "groupid"), None)
    target = raw.get(group_key) if group_key else None
    groups = [(g, c) for g, c in out.get(ref_target(target) or "", []) if _is_group_target(target, g)]
    if not groups:
        made = []
        for choices in context.readings([raw]):
            props, resolution = context.resolve(raw, choices, body.get("Condition"))
            conv = ShapeConverter(src_root)
            perm = _flat_rule(props, conv, (), (field, 0))
            data = {"GroupId": props.get(group_key) if group_key else None, field: [perm]}
            if field != "IpPermissions":
                data["IpPermissions"] = []
            origin, notes, _ = resolution.relocate(conv.origin, src_root)
            group = Resource(
                "ec2_security_group", logical_id, data, file, src_root, origin, variant=variant(choices), scope=file
            )
            group.notes.update(notes)
            made.append((group, choices))
        out[logical_id] = made
        return [group for group, _ in made]
    for group, choices in groups:
        props, resolution = context.resolve(raw, choices, body.get("Condition"))
        index = len(group.data.setdefault(field, []))
        conv = ShapeConverter(src_root)
        group.data[field].append(_flat_rule(props, conv, (), (field, index)))
        origin, notes, _ = resolution.relocate(conv.origin, src_root)
        group.origin.update({k: v for k, v in origin.items() if k})
        group.notes.update(notes)
    return [group for group, _ in groups]


def _is_group_target(value: Any, resource: Resource) -> bool:
    if resource.kind != "ec2_security_group":
        return False
    getatt = value.get("Fn::GetAtt") if isinstance(value, dict) else None
    return getatt is None or (isinstance(getatt, list) and getatt[1:2] == ["GroupId"])


def _attach_policy(logical_id: str, body: dict, out: Readings, context: Template) -> None:
    """Show an `AWS::IAM::Policy` (inline) or `ManagedPolicy` (attached) on each reading of each role in the
    template it names, read the same way as the role."""
    raw = body.get("Properties")
    if not isinstance(raw, dict) or not isinstance(raw.get("Roles"), list):
        return
    managed = body["Type"] == "AWS::IAM::ManagedPolicy"
    src: Path = (*context.source(logical_id), "Properties")
    field = "AttachedManagedPolicies" if managed else "RolePolicyList"
    for role_ref in raw["Roles"]:
        for role, choices in out.get(ref_target(role_ref) or "", []):
            if role.kind != "iam_role":
                continue
            props, resolution = context.resolve(raw, choices, body.get("Condition"))
            entries = role.data.setdefault(field, [])
            entry = {
                "PolicyName": props.get("ManagedPolicyName" if managed else "PolicyName", logical_id),
                "PolicyDocument": props.get("PolicyDocument"),
            }
            if managed:
                entry["PolicyArn"] = {"Ref": logical_id}
            index = len(entries)
            entries.append(entry)
            located = {(field, index): src, (field, index, "PolicyDocument"): (*src, "PolicyDocument")}
            origin, notes, _ = resolution.relocate(located, src)
            role.origin.update(origin)
            role.notes.update(notes)
