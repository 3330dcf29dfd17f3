"""Nested CloudFormation stacks scanned together: a child template's parameter that the parent sets from a
sibling stack's output (`pLoadBalancerSecurityGroup: !GetAtt rSecurityGroupsStack.Outputs.oLoadBalancerSG`)
or from one of its own resources names that resource, so the load balancer of one child template is
judged with the security group another child declares; and a parent's own reference to a child's output
(`SecurityGroups: [!GetAtt VPC.Outputs.SG]`, read as `VPC.Outputs.SG`) names the resource behind that output.
A child is an `AWS::CloudFormation::Stack` (`TemplateURL`) or a SAM `AWS::Serverless::Application` (`Location`,
a path; one from the Serverless Application Repository is not in the input).

Built from the templates of a scan (the parents' stack resources and every template's `Outputs`) and read
by `scanner.graph`. The child of a path is the scanned template at that path beside the parent
(`templates/security-groups.yaml`, as `aws cloudformation package` takes it; a `cluster.yml` elsewhere in the
scan is another project's), or, for a URL (`!Sub https://s3.amazonaws.com/${Bucket}/templates/vpc.yaml`), the
one scanned template whose path ends as the URL's does; none when several do.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from typing import Any

from scanner.sources.documents import Document
from scanner.sources.links import ref_target

STACKS = {"AWS::CloudFormation::Stack": "TemplateURL", "AWS::Serverless::Application": "Location"}
Bindings = dict[tuple[str, str], tuple[str, str]]  # (child template, parameter) -> (template, logical id)


def bindings(docs: Iterable[Document]) -> Bindings:
    """Each child parameter the parents set to a resource of a scanned template."""
    templates = {doc.path: doc.data for doc in docs if _is_template(doc.data)}
    outputs = {path: _outputs(data) for path, data in templates.items()}
    found: Bindings = {}
    for parent, data in templates.items():
        stacks: dict[str, tuple[str, dict[str, Any]]] = {
            logical_id: (body["Type"], _properties(body))
            for logical_id, body in data["Resources"].items()
            if isinstance(body, dict) and isinstance(body.get("Type"), str) and body["Type"] in STACKS
        }
        children = {lid: _child(parent, props.get(STACKS[kind]), templates) for lid, (kind, props) in stacks.items()}
        for logical_id, (_, props) in stacks.items():
            child, given = children[logical_id], props.get("Parameters")
            if child is None:
                continue
            for output, behind in outputs[child].items():
                found[(parent, f"{logical_id}.Outputs.{output}")] = (child, behind)
            for parameter, value in given.items() if isinstance(given, dict) else []:
                target = _target(parent, value, data, children, outputs)
                if target is not None:
                    found[(child, parameter)] = target
    return found


def travelling(data: Any) -> Any:
    """What `bindings` reads of a document's data, all a load worker sends back of it (`scanner.load.Loaded`;
    a tenth of the pickle): a template's logical ids and types, its stacks' whole bodies and its `Outputs`;
    None for anything else. Read by `bindings`, it gives what the whole data gives."""
    if not _is_template(data):
        return None
    resources = {
        logical_id: (
            body
            if isinstance(body.get("Type"), str) and body["Type"] in STACKS
            else ({"Type": body["Type"]} if "Type" in body else {})
        )
        if isinstance(body, dict)
        else None
        for logical_id, body in data["Resources"].items()
    }
    return {"Resources": resources, "Outputs": data.get("Outputs")}


def _ref(value: Any) -> str | None:
    """The logical id a `!Ref X` or `!GetAtt X.Attr` names (a literal string names none here)."""
    return ref_target(value) if isinstance(value, dict) else None


def _properties(body: dict[str, Any]) -> dict[str, Any]:
    properties = body.get("Properties")
    return properties if isinstance(properties, dict) else {}


def _is_template(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("Resources"), dict)


def _outputs(data: dict[str, Any]) -> dict[str, str]:
    """Output name -> the logical id its `Value` refers to (`!Ref X`, `!GetAtt X.GroupId`)."""
    outputs = data.get("Outputs")
    found = {}
    for name, output in outputs.items() if isinstance(outputs, dict) else []:
        value = output.get("Value") if isinstance(output, dict) else None
        target = _ref(value)
        if target is not None and target in data["Resources"]:
            found[name] = target
    return found


def _target(
    parent: str, value: Any, data: dict[str, Any], children: dict[str, str | None], outputs: dict[str, dict[str, str]]
) -> tuple[str, str] | None:
    """The resource a parameter value names: a sibling stack's output, or a resource of the parent."""
    attribute = value.get("Fn::GetAtt") if isinstance(value, dict) and len(value) == 1 else None
    if isinstance(attribute, list) and len(attribute) == 2 and all(isinstance(a, str) for a in attribute):
        sibling, _, output = attribute[1].partition(".")
        child = children.get(attribute[0])
        if sibling == "Outputs" and child is not None and output in outputs[child]:
            return child, outputs[child][output]
        return None
    target = _ref(value)
    if target is None:
        return None
    body = data["Resources"].get(target)
    return (parent, target) if isinstance(body, dict) and str(body.get("Type")) not in STACKS else None


def _child(parent: str, url: Any, templates: dict[str, Any]) -> str | None:
    """The scanned template a `TemplateURL` names, if exactly one (paths compared with `/` separators, as
    Windows shows them with `\\`)."""
    built = isinstance(url, dict) and isinstance(url.get("Fn::Sub"), str)
    if built:
        url = url["Fn::Sub"].rsplit("}", 1)[-1]  # what follows the last variable (the bucket): `/templates/x.yaml`
    if not isinstance(url, str) or not url.strip("/"):
        return None
    paths = {path.replace("\\", "/"): path for path in templates}
    if "://" not in url and not built:  # a path, as `aws cloudformation package` and `sam build` take it
        beside = posixpath.normpath(posixpath.join(posixpath.dirname(parent.replace("\\", "/")), url))
        return paths.get(beside)
    parts = [p for p in url.split("://", 1)[-1].split("/") if p]
    for count in range(len(parts), 0, -1):
        suffix = "/".join(parts[-count:])
        matches = [path for path in paths if path == suffix or path.endswith("/" + suffix)]
        if matches:
            return paths[matches[0]] if len(matches) == 1 else None
    return None
