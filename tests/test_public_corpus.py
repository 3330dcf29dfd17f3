"""Real public ECS inputs (tests/corpus/public, sources in its SOURCES.md): what a user scanning them must get.

One in-process run of `fgscan scan` covers the whole corpus plus the CloudFormation examples that trivy-checks
embeds in its check files; each test reads its part of that run. Expectations come from the files themselves
(their resource types), not from fgscan. What fails today because of a known gap is a strict xfail naming it,
so it reports XPASS, and fails, once the gap is closed: then drop the mark.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest
import yaml
from jsonschema import Draft4Validator, FormatChecker
from typer.testing import CliRunner

from scanner.cli import app
from scanner.load import load
from scanner.model import KINDS, InputError
from scanner.sources.discovery import SCANNED_SUFFIXES, InputFile
from scanner.sources.documents import DEFAULT_MAX_BYTES
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "corpus" / "public"
TRIVY = CORPUS / "scanner-fixtures" / "trivy-checks" / "checks" / "cloud" / "aws"


CFN_KINDS = {
    "AWS::ECS::TaskDefinition": "ecs_task_definition",
    "AWS::ECS::Service": "ecs_service",
    "AWS::ECS::TaskSet": "ecs_task_set",
    "AWS::ECS::Cluster": "ecs_cluster",
    "AWS::EC2::SecurityGroup": "ec2_security_group",
    "AWS::EC2::NetworkInterface": "ec2_network_interface",
    "AWS::IAM::Role": "iam_role",
    "AWS::IAM::Policy": "iam_policy",
    "AWS::IAM::ManagedPolicy": "iam_policy",
    "AWS::ElasticLoadBalancingV2::LoadBalancer": "elbv2_load_balancer",
    "AWS::ElasticLoadBalancingV2::TargetGroup": "elbv2_target_group",
    "AWS::ElasticLoadBalancingV2::Listener": "elbv2_listener",
    "AWS::ElasticLoadBalancingV2::ListenerRule": "elbv2_listener_rule",
    "AWS::ECS::CapacityProvider": "ecs_capacity_provider",
    "AWS::EC2::LaunchTemplate": "ec2_launch_template",
    "AWS::AutoScaling::LaunchConfiguration": "autoscaling_launch_configuration",
}
TF_KINDS = {
    "aws_ecs_task_definition": "ecs_task_definition",
    "aws_ecs_service": "ecs_service",
    "aws_ecs_cluster": "ecs_cluster",
    "aws_security_group": "ec2_security_group",
    "aws_iam_role": "iam_role",
    "aws_iam_policy": "iam_policy",
    "aws_lb": "elbv2_load_balancer",
    "aws_lb_target_group": "elbv2_target_group",
    "aws_lb_listener": "elbv2_listener",
}
# Types that start tasks (`ecs_task_run`) when they have an ECS target or an `ecs:runTask` state.
RUN_TYPES = ("AWS::Events::Rule", "AWS::Scheduler::Schedule", "AWS::StepFunctions::StateMachine")
# The members of a `run-task` request (`aws ecs run-task --cli-input-json`), one of which it must name.
RUN_TASK_KEYS = {
    *("capacityProviderStrategy", "clientToken", "cluster", "count", "enableECSManagedTags", "enableExecuteCommand"),
    *("group", "launchType", "networkConfiguration", "overrides", "placementConstraints", "placementStrategy"),
    *("platformVersion", "propagateTags", "referenceId", "startedBy", "tags", "taskDefinition", "volumeConfigurations"),
}
# Members only a service request has (a `run-task` request shares `launchType`, `networkConfiguration`, ...).
SERVICE_KEYS = {"serviceName", "desiredCount", "schedulingStrategy", "deploymentConfiguration", "loadBalancers"}
# The members of a `create-task-set` request (`aws ecs create-task-set --cli-input-json`); `scale` is its own.
TASK_SET_KEYS = {
    *("service", "cluster", "externalId", "taskDefinition", "networkConfiguration", "loadBalancers"),
    *("serviceRegistries", "launchType", "capacityProviderStrategy", "platformVersion", "scale", "clientToken", "tags"),
}
# AWS CLI/API output: the wrapping list, the kind of its items, the member naming each.
CLI_WRAPPERS = (
    ("services", "ecs_service", "serviceName"),
    ("SecurityGroups", "ec2_security_group", "GroupId"),
    ("NetworkInterfaces", "ec2_network_interface", "NetworkInterfaceId"),
    ("LoadBalancers", "elbv2_load_balancer", "LoadBalancerName"),
    ("RoleDetailList", "iam_role", "RoleName"),
)
# The value trivy-checks' AWS-0036 example puts in an environment variable; no output may quote it.
TRIVY_SECRET = "AIPA8YOHGIS58IBFDU3E"


@dataclass(frozen=True)
class Expected:
    """What reading one file must give: (kind, name) pairs, a name of None matching any. Nothing: not an ECS
    input, to be skipped quietly."""

    resources: frozenset[tuple[str, str | None]]
    gap: str | None = None
    rejected: bool = False  # a file that is no JSON or YAML until rendered (a template): one error, nothing read


class _AnyTag(yaml.CSafeLoader):
    """Reads CloudFormation's short-form tags (`!Ref`, `!If`, ...) as their plain value; libyaml's parser, as
    fgscan's, which takes a tab after a plain scalar (mu's `env-ecs.yml`) where pure-Python PyYAML stops."""


def _untagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)


_AnyTag.add_multi_constructor("!", _untagged)


def expected(path: Path) -> Expected:
    """From the file's own content: the resources of a known kind it declares."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".tf":
        found = re.findall(r'^resource\s+"(\w+)"\s+"([\w-]+)"', text, re.MULTILINE)
        # a resource opening with `count`/`for_each` (after comment lines, Philips' `// Only enable if LB is
        # required`) may have no instance with the defaults (`var.image != ""`)
        opening = r'^resource\s+"(\w+)"\s+"([\w-]+)"\s*\{\s*\n(?:\s*(?://|#).*\n)*\s*(?:count|for_each)\b'
        optional = set(re.findall(opening, text, re.M))
        return Expected(
            frozenset((TF_KINDS[t], f"{t}.{n}") for t, n in found if t in TF_KINDS and (t, n) not in optional)
        )
    if path.suffix.lower() not in SCANNED_SUFFIXES:
        return Expected(frozenset())
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        if path.suffix == ".json":  # envsubst or mustache placeholders outside strings (`$PORT`, `{{command}}`)
            return Expected(frozenset(), rejected=True)
        try:
            data = yaml.load(text, Loader=_AnyTag)
        except yaml.YAMLError:
            if re.search(r"^\s*\{%|\{\{", text, re.MULTILINE):  # AWS Proton's Jinja templates: YAML once rendered
                return Expected(frozenset(), rejected=True)
            raise
    if isinstance(data, dict) and isinstance(data.get("Resources"), dict):
        bodies = [(name, b.get("Type")) for name, b in data["Resources"].items() if isinstance(b, dict)]
        wanted = frozenset((CFN_KINDS[t], name) for name, t in bodies if t in CFN_KINDS)
        runs = frozenset(
            ("ecs_task_run", None)
            for body in data["Resources"].values()
            if isinstance(body, dict) and body.get("Type") in RUN_TYPES and _starts_tasks(body)
        )
        return Expected(wanted | runs)
    if isinstance(data, dict) and isinstance(data.get("planned_values"), dict):
        planned = data["planned_values"].get("root_module", {}).get("resources", [])
        return Expected(frozenset((TF_KINDS[r["type"]], r["address"]) for r in planned if r["type"] in TF_KINDS))
    if isinstance(data, dict) and data.keys() == {"status_code", "data"}:  # a botocore/placebo recording
        data = data["data"]
    if wrapped := cli_output(data):
        return Expected(wrapped)
    task = data.get("taskDefinition", data) if isinstance(data, dict) else None
    if isinstance(task, dict) and isinstance(task.get("containerDefinitions"), list):
        return Expected(frozenset({("ecs_task_definition", None)}))
    items = data if isinstance(data, list) else [data]
    if items and all(isinstance(i, dict) and "image" in i and "name" in i for i in items):
        return Expected(frozenset({("ecs_task_definition", None)}))
    if isinstance(data, dict) and "scale" in data and data.keys() <= TASK_SET_KEYS:
        return Expected(frozenset({("ecs_task_set", None)}))
    if isinstance(data, dict) and SERVICE_KEYS & data.keys() and "services" not in data:
        return Expected(frozenset({("ecs_service", None)}))
    if isinstance(data, dict) and "taskDefinition" in data and data.keys() <= RUN_TASK_KEYS:
        return Expected(frozenset({("ecs_task_run", None)}))
    return Expected(frozenset())


def _starts_tasks(body: Any) -> bool:
    """An EventBridge rule or schedule with an ECS target, or a state machine with an `ecs:runTask` state."""
    written = json.dumps(body.get("Properties"))
    return '"EcsParameters"' in written or ":states:::ecs:runTask" in written


def cli_output(data: Any) -> frozenset[tuple[str, str | None]]:
    """The items of `describe-services`, `describe-security-groups`, ... output."""
    found = set()
    for wrapper, kind, key in CLI_WRAPPERS:
        items = data.get(wrapper) if isinstance(data, dict) else None
        found |= {(kind, i.get(key)) for i in items if isinstance(i, dict)} if isinstance(items, list) else set()
    return frozenset(found)


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".md")


def trivy_examples(into: Path) -> list[Path]:
    """trivy-checks keeps each check's CloudFormation examples as strings in YAML: one file per example."""
    out = []
    for check in sorted(TRIVY.glob("*/*.yaml")):
        examples = yaml.safe_load(check.read_text()).get("cloudformation", {})
        for verdict in ("good", "bad"):
            for i, text in enumerate(examples.get(verdict, [])):
                out.append(into / f"{check.stem}-{verdict}-{i}.yaml")
                out[-1].write_text(text)
    return out


@dataclass
class CorpusRun:
    """One scan of everything, its reports, and what reading each file gives."""

    exit_code: int
    exception: BaseException | None
    stdout: str
    stderr: str
    report: dict[str, Any]
    sarif: dict[str, Any]
    read: dict[str, set[tuple[str, str]] | None]  # display path -> (kind, name) read; None: not recognised
    load_errors: dict[str, list[InputError]]
    examples: Path

    def findings(self, shown: str) -> list[dict[str, Any]]:
        return [f for f in self.report["findings"] if f["file"] == shown]


def shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory) -> Iterator[CorpusRun]:
    out = tmp_path_factory.mktemp("corpus-run")
    examples = out / "trivy-examples"
    examples.mkdir()
    example_files = trivy_examples(examples)
    cwd = Path.cwd()
    os.chdir(ROOT)  # display paths relative to the repository, as a user running fgscan there sees them
    try:
        result = CliRunner().invoke(
            app,
            ["scan", shown(CORPUS), str(examples), "--format", "json", "-o", str(out / "report.json")]
            + ["--report", f"sarif={out / 'report.sarif'}"],
        )
        read: dict[str, set[tuple[str, str]] | None] = {}
        load_errors: dict[str, list[InputError]] = {}
        for path in [*corpus_files(), *example_files]:
            if path.suffix.lower() in SCANNED_SUFFIXES:
                item = load(InputFile(str(path), shown(path), False), DEFAULT_MAX_BYTES)
                read[shown(path)] = None if item.doc is None else {(r.kind, r.name) for r in item.resources}
                load_errors[shown(path)] = item.errors
        yield CorpusRun(
            result.exit_code,
            result.exception,
            result.stdout,
            result.stderr,
            json.loads((out / "report.json").read_text()),
            json.loads((out / "report.sarif").read_text()),
            read,
            load_errors,
            examples,
        )
    finally:
        os.chdir(cwd)


def test_the_run_completes_without_a_traceback_and_exits_2_for_the_unreadable_input(corpus_run):
    assert isinstance(corpus_run.exception, SystemExit), corpus_run.exception
    assert "Traceback" not in corpus_run.stdout + corpus_run.stderr
    # Copilot's svc-nlb-prod.stack.yml writes `!Ref: AWS::NoValue` (a tag `!Ref:`), which CloudFormation rejects too.
    assert corpus_run.exit_code == 2
    assert corpus_run.report["summary"]["files"] > 100


def test_every_input_error_is_one_line_naming_an_existing_file_and_line(corpus_run):
    errors = corpus_run.report["errors"]
    assert errors, "the corpus holds one file CloudFormation would reject"
    for error in errors:
        assert "\n" not in error["message"] and "fgscan bug" not in error["message"]
        lines = (ROOT / error["file"]).read_text().splitlines()
        assert 1 <= error["line"] <= len(lines), error
    # A duplicate key (consul-connect's `Description` twice, ecs-canary's `DependsOn` three times) is a warning:
    # CloudFormation rejects the template, but fgscan reads it as parsers do, keeping the last value.
    reported = [f"{e['file']}:{e['line']}:{e['column']}: {e['message']}" for e in errors]
    level = re.compile(r"^(.*?:\d+:\d+): (?:error|warning): ")
    printed = [level.sub(r"\1: ", line) for line in corpus_run.stderr.splitlines() if level.match(line)]
    assert sorted(printed) == sorted(reported)


def _file_param(path: Path) -> Any:
    gap = expected(path).gap
    marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
    return pytest.param(path, marks=marks, id=path.relative_to(CORPUS).as_posix())


@pytest.mark.parametrize("path", [_file_param(p) for p in corpus_files()])
def test_each_file_gives_every_resource_it_declares_or_is_skipped_quietly(path, corpus_run):
    want = expected(path)
    got = corpus_run.read.get(shown(path))
    errors = corpus_run.load_errors.get(shown(path), [])
    if path.suffix == ".tf":
        # A module is read as a whole, with its variables' defaults: a file also gives the resources of the
        # modules it calls, and a resource whose `count` is 0 by default (`var.create`) is not there; policies
        # and rules are joined to their roles and groups.
        assert not errors, errors
        assert got or not want.resources
        return
    if want.rejected:
        assert got is None and len(errors) == 1 and errors[0].level == "error", errors
        assert "\n" not in errors[0].message
        if path.suffix == ".json":
            assert "invalid JSON" in errors[0].message
        else:  # the one error says why: template markup, not a typo
            assert errors[0].message.startswith("invalid YAML") and "markup is not YAML" in errors[0].message
        return
    if not want.resources:  # not an ECS input, or a template of other types only (a nested-stack parent)
        # ... but a template CloudFormation rejects is still worth a warning (ecs-canary's parent has a key thrice)
        assert not got and all(e.level == "warning" for e in errors), "must be skipped without a word"
        return
    assert got is not None, "an ECS input fgscan does not recognise"
    missing = {
        (kind, name) for kind, name in want.resources if not any(k == kind and name in (None, n) for k, n in got)
    }
    assert not missing
    assert all(str(e).startswith(shown(path)) for e in errors)


def test_every_kind_in_the_model_has_a_template_type_here():
    """So the per-file expectations cover whatever kinds the model grows."""
    assert set(CFN_KINDS.values()) | {"ecs_task_run"} == set(KINDS)


def test_the_report_counts_exactly_the_files_and_resources_read(corpus_run):
    recognised = [found for found in corpus_run.read.values() if found is not None]
    summary = corpus_run.report["summary"]
    assert summary["files"] == len(recognised)
    assert summary["resources"] == sum(len(found) for found in recognised)
    assert summary["findings"] == len(corpus_run.report["findings"]) > 0


def _lines(file: str) -> list[str]:
    """The lines of a reported file: a display path, or a SARIF URI (relative, or `file:` when absolute)."""
    path = unquote(urlparse(file).path) if file.startswith("file:") else unquote(file)
    return Path(path if os.path.isabs(path) else ROOT / path).read_text().splitlines()


def test_every_finding_points_at_a_line_of_an_existing_file(corpus_run):
    for finding in corpus_run.report["findings"]:
        lines = _lines(finding["file"])
        assert 1 <= finding["line"] <= finding["end_line"] <= len(lines), finding
        assert 1 <= finding["column"] <= len(lines[finding["line"] - 1]) + 1, finding


def test_sarif_is_valid_and_each_result_is_located_in_an_existing_file(corpus_run, sarif_schema):
    log = corpus_run.sarif
    errors = sorted(Draft4Validator(sarif_schema, format_checker=FormatChecker()).iter_errors(log), key=str)
    assert not errors, [e.message[:200] for e in errors[:5]]
    results = log["runs"][0]["results"]
    assert len(results) == len(corpus_run.report["findings"])
    for result in results:
        location = result["locations"][0]["physicalLocation"]
        lines = _lines(location["artifactLocation"]["uri"])
        region = location["region"]
        assert 1 <= region["startLine"] <= region.get("endLine", region["startLine"]) <= len(lines), result


def test_no_report_quotes_an_environment_value(corpus_run):
    assert any(TRIVY_SECRET in p.read_text() for p in corpus_run.examples.iterdir()), "the example is scanned"
    everything = corpus_run.stdout + corpus_run.stderr + json.dumps(corpus_run.report) + json.dumps(corpus_run.sarif)
    assert TRIVY_SECRET not in everything


def test_every_finding_on_a_container_says_which_container(corpus_run):
    unnamed = {f["file"] for f in corpus_run.report["findings"] if "container ''" in f["message"]}
    assert not unnamed


CHECKOV = "scanner-fixtures/checkov/tests/cloudformation"
KICS = "scanner-fixtures/kics/assets/queries/cloudFormation/aws"
INSIGHTS = f"{CHECKOV}/checks/resource/aws/example_ECSClusterContainerInsights/ECSClusterContainerInsights"
EFS = f"{CHECKOV}/checks/resource/aws/example_ECSTaskDefinitionEFSVolumeEncryption/ECSTaskDefinitionEFSVolumeEncryption"
SSH = f"{CHECKOV}/checks/resource/aws/example_SecurityGroupUnrestrictedIngress22/SecurityGroup"
GRAPH = f"{CHECKOV}/graph/graph_runner/resources"
CFN_SAMPLES = "cloudformation/aws-cloudformation-templates"
CONTAINER_MODULE = "terraform/terraform-aws-ecs-container-definition/examples/complete/main.tf"
REGISTRY_CONTAINER = "terraform/terraform-aws-ecs-fargate-task-definition/main.tf"


def verdict(file: str, resource: str | None, rule: str, alarms: bool, gap: str | None = None) -> Any:
    """Another scanner's fixture (or a plain sample): `rule` must (or must not) alarm on `resource`."""
    marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
    return pytest.param(file, resource, rule, alarms, marks=marks, id=f"{file.split('/')[-1]}-{resource}-{rule}")


VERDICTS = [
    verdict(f"{INSIGHTS}-FAILED.yaml", None, "container-insights-disabled", True),
    verdict(f"{INSIGHTS}-FAILED-2.yaml", None, "container-insights-disabled", True),
    verdict(f"{INSIGHTS}-PASSED.yaml", None, "container-insights-disabled", False),
    verdict(f"{INSIGHTS}-PASSED2.yaml", None, "container-insights-disabled", False),
    verdict(f"{EFS}-FAILED.yaml", None, "efs-transit-encryption-disabled", True),
    verdict(f"{EFS}-PASSED.yaml", None, "efs-transit-encryption-disabled", False),
    verdict(f"{SSH}Quotes-FAILED.yaml", None, "sg-world-ingress-admin-port", True),
    verdict(f"{SSH}Range-FAILED.yaml", None, "sg-world-ingress-admin-port", True),
    verdict(f"{SSH}RangeInvalid-PASSED.yaml", None, "sg-world-ingress-admin-port", False),
    verdict(
        f"{KICS}/ecs_cluster_container_insights_disabled/test/positive1.yaml", None, "container-insights-disabled", True
    ),
    verdict(
        f"{KICS}/ecs_cluster_container_insights_disabled/test/positive2.json", None, "container-insights-disabled", True
    ),
    verdict(
        f"{KICS}/ecs_cluster_container_insights_disabled/test/negative1.yaml",
        None,
        "container-insights-disabled",
        False,
    ),
    verdict(
        f"{KICS}/ecs_cluster_container_insights_disabled/test/negative2.json",
        None,
        "container-insights-disabled",
        False,
    ),
    verdict("trivy:enable_container_insight-bad-0.yaml", None, "container-insights-disabled", True),
    verdict("trivy:enable_container_insight-good-0.yaml", None, "container-insights-disabled", False),
    verdict("trivy:enable_in_transit_encryption-bad-0.yaml", None, "efs-transit-encryption-disabled", True),
    verdict("trivy:enable_in_transit_encryption-good-0.yaml", None, "efs-transit-encryption-disabled", False),
    verdict("trivy:no_public_ingress_sgr-bad-0.yaml", None, "sg-world-ingress-admin-port", True),
    verdict("trivy:no_public_ingress_sgr-good-0.yaml", None, "sg-world-ingress-admin-port", False),
    verdict("trivy:no_public_egress_sgr-bad-0.yaml", None, "sg-world-egress-all", True),
    verdict("trivy:no_public_egress_sgr-good-0.yaml", None, "sg-world-egress-all", False),
    # Checkov takes the defaults as deployed; fgscan judges both readings of `!If [Check, ...]` (a deployment may
    # pass other values) and says which: "(when condition Check does not hold)".
    verdict(
        f"{GRAPH}/template_with_parameters_names_identical_to_default_values/example.yaml",
        "Pass",
        "logging-disabled",
        True,
    ),
    # Misses: the problem is there, only not written where fgscan looks.
    verdict("trivy:enable_in_transit_encryption-bad-0.yaml", "BadExample", "root-user", True),
    verdict(f"{GRAPH}/complex_jsonpath_if_condition/example.yaml", "PassingExample", "root-user", True),
    verdict(
        f"{GRAPH}/template_with_parameters_names_identical_to_default_values/example.yaml",
        "Fail",
        "logging-disabled",
        True,
    ),
    verdict(
        f"{CFN_SAMPLES}/EC2InstanceWithSecurityGroupSample.yaml",
        "InstanceSecurityGroup",
        "sg-world-ingress-admin-port",
        True,
    ),
    verdict(
        f"{CFN_SAMPLES}/ELBWithLockedDownAutoScaledInstances.yaml",
        "InstanceSecurityGroup",
        "sg-world-ingress-admin-port",
        True,
    ),
]


# Terraform: cloudposse's container-definition module hands its container over as `"[${local.json_map}]"` (a
# jsonencode inside a string) with the name and image left to required variables; cn-terraform's task definition
# takes its only container from a registry module fgscan cannot read, and by default one role serves as both.
VERDICTS += [
    verdict(CONTAINER_MODULE, "aws_ecs_task_definition.task", "writable-root-filesystem", True),
    verdict(CONTAINER_MODULE, "aws_ecs_task_definition.task", "logging-disabled", True),
    verdict(REGISTRY_CONTAINER, "aws_ecs_task_definition.td", "root-user", False),
    verdict(REGISTRY_CONTAINER, "aws_ecs_task_definition.td", "logging-disabled", False),
    verdict(REGISTRY_CONTAINER, "aws_ecs_task_definition.td", "task-execution-role-shared", True),
    # trussworks' service names its task definition `"${aws_ecs_task_definition.main.family}:${max(...)}"`; the
    # example opens the containers' ports 8080/8081 to the world on a group of the service, with a public IP.
    verdict(
        "terraform/terraform-aws-ecs-service/examples/no-load-balancer/main.tf",
        "module.ecs-service.aws_ecs_service.main",
        "internet-exposed-task",
        True,
    ),
]


@pytest.mark.parametrize(("file", "resource", "rule", "alarms"), VERDICTS)
def test_fixtures_of_other_scanners_get_the_same_verdict(file, resource, rule, alarms, corpus_run):
    path = corpus_run.examples / file.removeprefix("trivy:") if file.startswith("trivy:") else CORPUS / file
    assert corpus_run.read[shown(path)], "the fixture is read"
    found = [f for f in corpus_run.findings(shown(path)) if f["rule"] == rule and resource in (None, f["resource"])]
    assert bool(found) == alarms, found


def test_a_container_named_by_a_terraform_variable_is_named_by_it(corpus_run):
    messages = {f["message"] for f in corpus_run.findings(shown(CORPUS / CONTAINER_MODULE))}
    name = "essential container #1 (var.container_name)"
    assert f"Task definition 'aws_ecs_task_definition.task': {name} has no health check." in messages


WIDDIX = "cloudformation/widdix-aws-cf-templates/fargate-service-dedicated-alb.yaml"


def test_a_default_the_reading_rules_out_is_not_assumed(corpus_run):
    """widdix's proxy and sidecar containers exist only when `HasProxyImage`/`HasSidecarImage` hold, that is
    when their image parameters are not their default ''; the auth-proxy ingress rules only when
    `ParentAuthProxyStack` is not ''. Their images are unknown, not a '' pulled from docker.io."""
    findings = corpus_run.findings(shown(CORPUS / WIDDIX))
    images = [f["message"] for f in findings if f["rule"] in ("image-not-pinned", "image-untrusted-registry")]
    assert images and all("container 'app'" in m for m in images), images
    assert not [f for f in findings if "default of parameter ParentAuthProxyStack" in f["message"]]


def test_a_finding_made_in_some_readings_names_only_the_conditions_that_decide_it(corpus_run):
    findings = corpus_run.findings(shown(CORPUS / WIDDIX))
    public = [f["message"] for f in findings if f["rule"] == "public-ip-assigned"]
    assert public == [
        "Service 'Service': its tasks get a public IP address (assignPublicIp is ENABLED)."
        " (when condition HasSubnetsReachPublic holds)"
    ]
    proxy = [f["message"] for f in findings if f["rule"] == "root-user" and "'proxy'" in f["message"]]
    assert len(proxy) == 1 and proxy[0].endswith("(when condition HasProxyImage holds)")


# Third batch. The MEAN-stack Quick Start builds its server's ATLAS_URI with `!Join` around the NoEcho
# `DatabasePassword`; the Mythical Mysfits workshop opens its Fargate group to `!FindInMap [SubnetConfig, VPC, CIDR]`
# (10.0.0.0/16, all traffic).
ATLAS = (
    "cloudformation/quickstart-mongodb-atlas-mean-stack-aws-fargate-integration/mongodb-atlas-mean-stack.template.yaml"
)
MYSFITS = "cloudformation/amazon-ecs-mythicalmysfits-workshop"
PETCLINIC_CLUSTER = "cloudformation/amazon-ecs-java-microservices/ecs-cluster-2az.yaml"
VERDICTS_3 = [
    verdict(ATLAS, "ServerTaskDefinition", "secrets-in-environment", True),
    verdict(ATLAS, "ClientTaskDefinition", "secrets-in-environment", False),
    verdict(f"{MYSFITS}/workshop-2-core.yml", "ClairTaskDefinition", "secrets-in-environment", True),
    verdict(f"{MYSFITS}/workshop-1-core.yml", "FargateContainerSecurityGroup", "sg-broad-private-ingress", True),
    verdict(PETCLINIC_CLUSTER, "EcsSecurityGroup", "sg-world-ingress-admin-port", True),
]


@pytest.mark.parametrize(("file", "resource", "rule", "alarms"), VERDICTS_3)
def test_third_batch_verdicts(file, resource, rule, alarms, corpus_run):
    test_fixtures_of_other_scanners_get_the_same_verdict(file, resource, rule, alarms, corpus_run)


def test_a_secret_joined_into_an_environment_value_is_reported_on_that_value(corpus_run):
    path = CORPUS / ATLAS
    found = [f for f in corpus_run.findings(shown(path)) if f["rule"] == "secrets-in-environment"]
    assert [f["message"].split(" (")[0] for f in found] == [
        "Task definition 'ServerTaskDefinition': container 'server' passes NoEcho parameter 'DatabasePassword'"
        " in plain-text environment variable 'ATLAS_URI'."
    ]
    assert _lines(shown(path))[found[0]["line"] - 1].strip() == "Value: !Join"


def test_a_mapping_value_is_read_through_find_in_map(corpus_run):
    messages = [f["message"] for f in corpus_run.findings(shown(CORPUS / MYSFITS / "workshop-1-core.yml"))]
    group = "Security group 'FargateContainerSecurityGroup': inbound rule for all traffic from"
    assert f"{group} 10.0.0.0/16 has no description." in messages
    assert not [m for m in messages if m.startswith(group) and "unresolved" in m]


def test_a_finding_on_what_a_resource_lacks_bears_no_note_of_a_default_inside_it(corpus_run):
    """The launch configuration lacks MetadataOptions whatever its InstanceType and user data; the defaults of
    EcsInstanceType and EcsClusterName made neither finding."""
    findings = corpus_run.findings(shown(CORPUS / PETCLINIC_CLUSTER))
    imds = [f["message"] for f in findings if f["rule"] == "imds-v1-allowed"]
    assert len(imds) == 2 and not [m for m in imds if "default of parameter" in m], imds


# Fourth batch: task definitions of aws-samples demos, a blue/green CodeDeploy stack, CDK integ snapshots.
MESH = "task-definitions/ecs-mesh-workshop"
EXTENSIONS = "cloudformation/cdk/cdk-ecs-service-extensions"
BLUE_GREEN_GROUPS = "cloudformation/ecs-blue-green-deployment-with-codedeploy/templates/security-groups.yaml"
VERDICTS_4 = [
    verdict(f"{MESH}/fluentbit/fluent-bit-task-definition.json", None, "docker-socket-mount", True),
    verdict(f"{MESH}/fluentbit/fluent-bit-task-definition.json", None, "secrets-in-environment", True),
    verdict(f"{MESH}/templates/storage/mysql-local-task-definition.json", None, "secrets-in-environment", True),
    verdict(f"{MESH}/templates/ecs/linkerd-viz-task-definition.json", None, "host-network-mode", True),
    # `Trusted_Connection=true`: Windows authentication through gMSA, no password in the connection string
    verdict("task-definitions/amazon-ecs-gmsa/mvc-task-definition.json", None, "secrets-in-environment", False),
    verdict(
        "task-definitions/amazon-ecs-fargate-workshop-dev-ops-data/task-definition.json",
        None,
        "capabilities-not-dropped",
        True,
    ),
    verdict(
        f"{EXTENSIONS}/assign-public-ip.integ.snapshot/aws-ecs-integ.template.json", None, "public-ip-assigned", True
    ),
    verdict(
        f"{EXTENSIONS}/all-service-addons.integ.snapshot/aws-ecs-integ.template.json", None, "public-ip-assigned", False
    ),
    # the FireLens and CloudWatch agent containers run as `0:1338`: root
    verdict(
        f"{EXTENSIONS}/all-service-addons.integ.snapshot/aws-ecs-integ.template.json",
        "nametaskdefinition690762BB",
        "root-user",
        True,
    ),
    verdict(BLUE_GREEN_GROUPS, "rLoadBalancerSecurityGroup", "sg-world-ingress-unauthorized-port", True),
    # the group of an internal load balancer (private addresses alone) lets no internet traffic in, however open
    verdict(
        "cloudformation/cdk/cdk-ecs-codedeploy/ecs-deployment.integ.snapshot/cdk-ecs-codedeploy-ecs-deployment.template.json",
        "ServiceLBSecurityGroup2EA7EDA1",
        "sg-world-ingress-unauthorized-port",
        False,
    ),
    # egress to 10.0.0.0/0 is egress to everywhere: the prefix length is 0
    verdict(BLUE_GREEN_GROUPS, "rFargateServiceSecurityGroup", "sg-world-egress-all", True),
]


@pytest.mark.parametrize(("file", "resource", "rule", "alarms"), VERDICTS_4)
def test_fourth_batch_verdicts(file, resource, rule, alarms, corpus_run):
    test_fixtures_of_other_scanners_get_the_same_verdict(file, resource, rule, alarms, corpus_run)


def test_a_rule_admitting_a_group_of_the_same_template_names_that_group(corpus_run):
    """The task group admits 8080 from `!Ref rLoadBalancerSecurityGroup`: its id is known at deploy time only,
    but the source is no unknown."""
    messages = [f["message"] for f in corpus_run.findings(shown(CORPUS / BLUE_GREEN_GROUPS))]
    assert (
        "Security group 'rFargateServiceSecurityGroup': inbound rule for tcp port 8080 from security group"
        " 'rLoadBalancerSecurityGroup' has no description."
    ) in messages
    assert not [m for m in messages if "unresolved source" in m]


# Fifth batch: Terraform modules and stacks of turnerlabs, Telia and oozou (heredoc and `merge`d container JSON).
TURNER = "terraform/terraform-ecs-fargate-turnerlabs/env/dev"
VERDICTS_5 = [
    # the container JSON is a heredoc interpolating `${var.container_port}`, a variable with no value, outside quotes
    verdict(f"{TURNER}/ecs.tf", "aws_ecs_task_definition.app", "root-user", True),
    verdict(f"{TURNER}/ecs.tf", "aws_ecs_task_definition.app", "writable-root-filesystem", True),
    verdict(f"{TURNER}/secrets-sidecar.tf", "aws_ecs_task_definition.secrets_sidecar", "root-user", True),
    verdict(
        "terraform/terraform-aws-ecs-fargate-telia/main.tf",
        "module.fargate.aws_ecs_service.service",
        "public-ip-assigned",
        True,
    ),
    # the module's own default is `false`: only the examples' call turns public IPs on
    verdict(
        "terraform/terraform-aws-ecs-fargate-telia/main.tf", "aws_ecs_service.service", "public-ip-assigned", False
    ),
    verdict(
        "terraform/terraform-aws-ecs-fargate-service-oozou/main.tf",
        "module.payment_service.aws_ecs_service.this",
        "ecs-exec-enabled",
        True,
    ),
]


@pytest.mark.parametrize(("file", "resource", "rule", "alarms"), VERDICTS_5)
def test_fifth_batch_verdicts(file, resource, rule, alarms, corpus_run):
    test_fixtures_of_other_scanners_get_the_same_verdict(file, resource, rule, alarms, corpus_run)


def test_a_heredoc_with_an_unknown_interpolation_is_read_around_it_on_its_own_lines(corpus_run):
    """`"containerPort": ${var.container_port}` cannot be rendered, but the container around it is judged: its
    image from the variable's default, the finding on the heredoc's lines."""
    lines = _lines(shown(CORPUS / TURNER / "ecs.tf"))
    found = {
        f["rule"]: f for f in corpus_run.findings(shown(CORPUS / TURNER / "ecs.tf")) if f["resource"].endswith(".app")
    }
    assert '"image": "${var.default_backend_image}"' in lines[found["image-untrusted-registry"]["line"] - 1]
    assert "'ghcr.io'" in found["image-untrusted-registry"]["message"]
    assert '"name": "${var.container_name}"' in lines[found["root-user"]["line"] - 1]
    assert "container 'app'" in found["root-user"]["message"]


# Sixth batch: App Mesh walkthroughs, the Apache Superset Partner Solution (compose-generated), catsndogs, mu.
MESH_TLS = "cloudformation/aws-app-mesh-examples/howto-mutual-tls-acm-deploy.yaml"
MU_ENV = "cloudformation/stelligent-mu/env-ecs.yml"
SUPERSET = "cloudformation/cfn-ps-apache-superset/superset-new-vpc-workload.template.yaml"
VERDICTS_6 = [
    # `CidrIp: !GetAtt VPC.CidrBlock`, the template's own VPC (`CidrBlock: !Ref VpcCIDR`, default 10.0.0.0/16)
    verdict(MESH_TLS, "ECSServiceSecurityGroup", "sg-broad-private-ingress", True),
    # compose-generated: 5432, 6379 and 8088 open to the world on the tasks' group, public IPs on
    verdict(SUPERSET, "DbService", "internet-exposed-task", True),
    verdict(SUPERSET, "DbTaskDefinition", "secrets-in-environment", True),
    verdict(
        "cloudformation/aws-app-mesh-examples/yelb-cloudformation-ECS-AppMesh-deployment.yaml",
        "YelbDbSecurityGroup",
        "sg-world-ingress-all-traffic",
        True,
    ),
    verdict(
        "cloudformation/ecs-refarch-batch-processing/ecs-refarch-batch.template",
        "InstanceSecurityGroup",
        "sg-world-ingress-admin-port",
        True,
    ),
]


@pytest.mark.parametrize(("file", "resource", "rule", "alarms"), VERDICTS_6)
def test_sixth_batch_verdicts(file, resource, rule, alarms, corpus_run):
    test_fixtures_of_other_scanners_get_the_same_verdict(file, resource, rule, alarms, corpus_run)


def test_the_block_of_the_templates_own_vpc_is_the_rules_source(corpus_run):
    """Not "an unresolved source": the VPC's `CidrBlock` is the default of `VpcCIDR`, noted as such."""
    messages = [f["message"] for f in corpus_run.findings(shown(CORPUS / MESH_TLS))]
    group = "Security group 'ECSServiceSecurityGroup': inbound rule for all traffic from"
    assert f"{group} 10.0.0.0/16 has no description. (from the default of parameter VpcCIDR)" in messages
    assert not [m for m in messages if m.startswith(group) and "unresolved" in m]


def test_a_default_used_many_times_in_user_data_is_named_once_in_the_note(corpus_run):
    """mu's user data writes `${HttpProxy}` eight times."""
    findings = corpus_run.findings(shown(CORPUS / MU_ENV))
    found = [f["message"] for f in findings if f["rule"] == "awsvpc-imds-not-blocked"]
    assert len(found) == 1 and found[0].count("HttpProxy") == 1, found


def test_a_secrets_manager_dynamic_reference_in_an_environment_value_is_a_secret(corpus_run):
    """CloudFormation resolves `{{resolve:secretsmanager:...}}` into the task definition's plain text."""
    found = [
        f
        for f in corpus_run.findings(shown(CORPUS / SUPERSET))
        if f["rule"] == "secrets-in-environment" and "'SECRET_KEY'" in f["message"]
    ]
    assert len(found) == 6, found  # one per task definition


def test_world_ingress_on_tasks_without_a_public_ip_is_medium_and_says_why(corpus_run):
    """The NLB sample opens 8080 to the world on its task set's group, as a network load balancer without a group
    of its own needs; the tasks get no public IP, so the internet reaches them only through the balancer."""
    support = shown(
        CORPUS / "cloudformation/amazon-ecs-fargate-nlb-external-deployment/nlb-external-deployment-support.yaml"
    )
    [found] = [f for f in corpus_run.findings(support) if f["rule"] == "sg-world-ingress-high-risk-port"]
    assert found["severity"] == "medium"
    assert found["message"].endswith(
        "The group is attached only to tasks without a public IP (task set 'TaskSet'): from the internet, only a "
        "load balancer in front of them reaches them."
    )


TMKNOM = "terraform/terraform-aws-ecs-fargate-tmknom"


def test_world_ingress_on_a_port_chosen_at_deploy_time_is_reported_on_the_port(corpus_run):
    """tmknom opens `var.container_port` (no default) to `source_cidr_blocks`, whose default is 0.0.0.0/0; its
    example sets the port from another module's output. Neither port is known, both are open to everyone."""
    main = shown(CORPUS / TMKNOM / "main.tf")
    found = {f["resource"]: f for f in corpus_run.findings(main) if f["rule"] == "sg-world-ingress-deploy-time-port"}
    assert set(found) == {"aws_security_group.default[0]", "module.ecs_fargate.aws_security_group.default[0]"}
    assert "from_port         = var.container_port" in _lines(main)[found["aws_security_group.default[0]"]["line"] - 1]
    assert "(var.container_port)" in found["aws_security_group.default[0]"]["message"]
    assert (
        "(tonumber(module.alb.alb_target_group_port))"
        in found["module.ecs_fargate.aws_security_group.default[0]"]["message"]
    )


# Seventh batch: Terraform modules of umotif, USSBA, DNX, infrablocks, Wellcome and HENNGE; task definitions of the
# CloudWatch agent, the ADOT collector and aws-for-fluent-bit.
UMOTIF = "terraform/terraform-aws-ecs-fargate-umotif/main.tf"
WELLCOME_TD = "terraform/terraform-aws-ecs-service-wellcome/modules/task_definition/main.tf"
INFRABLOCKS = "terraform/terraform-aws-ecs-service-infrablocks"
FLUENT_BIT = "task-definitions/aws-for-fluent-bit/troubleshooting/tutorials/remote-core-dump"
VERDICTS_7 = [
    # the container JSON is a heredoc of `%{if}` directives; the core example runs marcincuber/2048-game:latest
    verdict(UMOTIF, "module.fargate.aws_ecs_task_definition.task", "image-not-pinned", True),
    verdict(UMOTIF, "module.fargate.aws_ecs_task_definition.task", "logging-disabled", False),
    # the group admits port 80, which the container maps (before the directives were read: "map only no ports")
    verdict(UMOTIF, "module.fargate.aws_ecs_service.service", "sg-wider-than-container-ports", False),
    # containers from a module's output, members filtered with `if v != null`; `user` defaults to 0
    verdict(WELLCOME_TD, "module.task_definition.aws_ecs_task_definition.task", "root-user", True),
    verdict(WELLCOME_TD, "module.task_definition.aws_ecs_task_definition.task", "image-not-pinned", True),
    # the Fargate example keeps the default network mode `bridge`, so the task group's count is 0: no group at all
    verdict(
        f"{INFRABLOCKS}/service.tf",
        "module.ecs_service.aws_ecs_service.service",
        "service-default-security-group",
        True,
    ),
    verdict(f"{FLUENT_BIT}/ecs-fargate-task-def.json", None, "added-capabilities", True),
    verdict(
        "task-definitions/aws-otel-collector/examples/ecs/aws-cloudwatch/ecs-fargate-sidecar.json",
        None,
        "logging-disabled",
        True,
    ),
    verdict(
        "task-definitions/amazon-cloudwatch-container-insights/ecs-task-definition-templates/deployment-mode/"
        "daemon-service/cwagent-ecs-instance-metric/cwagent-ecs-instance-metric.json",
        None,
        "host-path-volume",
        True,
    ),
    # HENNGE's example reads `templatefile("../../templates/container_definitions.tpl", ...)` (nginx:latest) from
    # beside its root module's folder, inside the repository.
    verdict(
        "terraform/terraform-aws-ecs-hennge/modules/core/task/main.tf",
        "module.easy_fargate.module.fargate.module.task.aws_ecs_task_definition.main[0]",
        "image-not-pinned",
        True,
    ),
    # infrablocks renders its template with eight nested replace() calls; two replacements (the region and the
    # log group's name) are known only at apply: the string is known around them and the `nginx` image judged.
    verdict(
        f"{INFRABLOCKS}/task_definition.tf",
        "module.ecs_service.aws_ecs_task_definition.service",
        "image-not-pinned",
        True,
    ),
    # the module alone, with its defaults: `service_image = ""`, an image ECS refuses, names no registry or tag
    verdict(f"{INFRABLOCKS}/task_definition.tf", "aws_ecs_task_definition.service", "image-not-pinned", False),
    verdict(f"{INFRABLOCKS}/task_definition.tf", "aws_ecs_task_definition.service", "image-untrusted-registry", False),
    # terraform-aws-modules' service names `try(aws_security_group.this[0].id, [])`; the group is made by default,
    # so Terraform gives its id (taking the fallback said "no security group, so the VPC's default group").
    verdict(
        "terraform/terraform-aws-ecs/modules/service/main.tf",
        "aws_ecs_service.this[0]",
        "service-default-security-group",
        False,
    ),
]


@pytest.mark.parametrize(("file", "resource", "rule", "alarms"), VERDICTS_7)
def test_seventh_batch_verdicts(file, resource, rule, alarms, corpus_run):
    test_fixtures_of_other_scanners_get_the_same_verdict(file, resource, rule, alarms, corpus_run)


VERDICTS_8 = [
    # Philips renders its containers with `data "template_file"`; the example's services run `nginx` (latest).
    verdict(
        "terraform/terraform-aws-ecs-service-philips/main.tf",
        "module.service.aws_ecs_task_definition.task",
        "image-not-pinned",
        True,
    ),
    # PBS's service assigns a public IP unless told otherwise.
    verdict("terraform/terraform-aws-ecs-service-pbs/main.tf", "aws_ecs_service.service", "public-ip-assigned", True),
]


@pytest.mark.parametrize(("file", "resource", "rule", "alarms"), VERDICTS_8)
def test_eighth_batch_verdicts(file, resource, rule, alarms, corpus_run):
    test_fixtures_of_other_scanners_get_the_same_verdict(file, resource, rule, alarms, corpus_run)


def test_a_policy_named_by_a_terraform_template_is_named_as_written(corpus_run):
    """DNX names its service policy `"ecs_service_role_policy-${var.name}"`, `var.name` has no value."""
    path = CORPUS / "terraform/terraform-aws-ecs-app-dnxlabs/iam-ecs-service.tf"
    messages = [
        f["message"] for f in corpus_run.findings(shown(path)) if f["rule"] == "iam-wildcard-resource-sensitive"
    ]
    assert messages and all("inline policy 'ecs_service_role_policy-${var.name}' allows" in m for m in messages)


# Ninth batch: CDK integ snapshots of AWS Solutions Constructs' Fargate patterns, cfn-lint's ECS integration
# fixtures, Cloud Custodian's placebo recordings of `DescribeTaskDefinition`.
SOLUTIONS = "cloudformation/aws-solutions-constructs/source/patterns/@aws-solutions-constructs"
ALB_PUBLIC = f"{SOLUTIONS}/aws-alb-fargate/test/integ.albfar-all-new-public-http.js.snapshot"
ALB_PUBLIC_FILE = "albfar-all-new-public-http.template.json"
CFN_LINT = "cloudformation/cfn-lint/test/fixtures/templates/integration"
PLACEBO = "task-definitions/cloud-custodian/tests/data/placebo"
VERDICTS_9 = [
    # the constructs' test container `nginx`, with no log configuration
    verdict(
        f"{SOLUTIONS}/aws-fargate-dynamodb/test/integ.farddb-new-resources.js.snapshot/farddb-new-resources.template.json",
        "testconstructtaskdef8BD1F9E4",
        "image-not-pinned",
        True,
    ),
    verdict(
        f"{SOLUTIONS}/aws-fargate-dynamodb/test/integ.farddb-new-resources.js.snapshot/farddb-new-resources.template.json",
        "testconstructtaskdef8BD1F9E4",
        "logging-disabled",
        True,
    ),
    # `SECRET_ARN` holds the secret's ARN (a `Ref`), not the secret
    verdict(
        f"{SOLUTIONS}/aws-fargate-secretsmanager/test/integ.farsec-new-resources.js.snapshot/"
        "farsec-new-resources.template.json",
        None,
        "secrets-in-environment",
        False,
    ),
    # the ALB's group is open to the world on its HTTP listener's port 80 only; the service has AssignPublicIp DISABLED
    verdict(f"{ALB_PUBLIC}/{ALB_PUBLIC_FILE}", None, "sg-world-ingress-unauthorized-port", False),
    verdict(f"{ALB_PUBLIC}/{ALB_PUBLIC_FILE}", None, "public-ip-assigned", False),
    # Step Functions' log delivery: logs:PutResourcePolicy and friends on `*`, as CDK writes it
    verdict(
        f"{SOLUTIONS}/aws-fargate-stepfunctions/test/integ.farstp-new-resources.js.snapshot/"
        "farstp-new-resources.template.json",
        "testconstructStateMachineRoleA396E5D3",
        "iam-wildcard-resource-sensitive",
        True,
    ),
    # a Fargate service naming no security group, beside a bridge-mode task definition
    verdict(f"{CFN_LINT}/cfn-gather.yaml", "FargateService", "service-default-security-group", True),
    verdict(f"{CFN_LINT}/cfn-gather.yaml", "TaskDef", "non-awsvpc-network-mode", True),
    verdict(f"{CFN_LINT}/ref-types.yaml", "LaunchConfiguration", "imds-v1-allowed", True),
    # placebo keeps each API response as `{"status_code": 200, "data": {"taskDefinition": {...}}}`, read as the
    # CLI's output: the `redis:latest` task definition, and the recorded service whose tasks get a public IP
    verdict(f"{PLACEBO}/test_ecs_task_def/ecs.DescribeTaskDefinition_1.json", None, "image-not-pinned", True),
    verdict(
        f"{PLACEBO}/test_ecs_service_network_location_filter_sg/ecs.DescribeServices_1.json",
        "c7n-test-service",
        "public-ip-assigned",
        True,
    ),
    # Redash's `REDASH_MAIL_PASSWORD` is empty
    verdict(
        f"{PLACEBO}/test_ecs_service_update_definition/ecs.DescribeTaskDefinition_1.json",
        None,
        "secrets-in-environment",
        False,
    ),
]


@pytest.mark.parametrize(("file", "resource", "rule", "alarms"), VERDICTS_9)
def test_ninth_batch_verdicts(file, resource, rule, alarms, corpus_run):
    test_fixtures_of_other_scanners_get_the_same_verdict(file, resource, rule, alarms, corpus_run)


# Tenth batch: cfn-modules' Fargate service and scheduled task (some eighty `Fn::If`s each, most returning
# `AWS::NoValue` inside containers, security group lists and IAM statements), AWS serverless-patterns' SAM templates
# with ECS, Service Catalog's Fargate products, sjakthol's EC2-backed samples.
CFN_MODULES = "cloudformation/cfn-modules-fargate-service"
SCHEDULED = "cloudformation/cfn-modules-fargate-scheduled-task/module.yml"
PATTERNS = "cloudformation/serverless-patterns"
CATALOG = "cloudformation/aws-service-catalog-reference-architectures/ecs"
VERDICTS_10 = [
    # `SubnetsReach` defaults to Public, so `AssignPublicIp: !If [HasSubnetsReachPublic, ENABLED, DISABLED]` is ENABLED
    verdict(f"{CFN_MODULES}/module.yml", "Service", "public-ip-assigned", True),
    # the execution role's `kms:Decrypt` on `*` is written outside every `Fn::If`
    verdict(f"{CFN_MODULES}/module.yml", "TaskExecutionRole", "exec-role-broad-secret-access", True),
    # the same `kms:Decrypt` on `*`: one grant, one finding (the execution-role rule says what it exposes)
    verdict(f"{CFN_MODULES}/module.yml", "TaskExecutionRole", "iam-wildcard-resource-sensitive", False),
    # SAM: port 8081 open to 0.0.0.0/0 and ::/0 on the tasks' group, tasks with a public IP, behind an ALB
    verdict(f"{PATTERNS}/alb-ecs-java-sam/template.yaml", "ECSService", "internet-exposed-task", True),
    verdict(f"{PATTERNS}/alb-ecs-java-sam/template.yaml", "ECSService", "load-balancer-bypass", True),
    verdict(f"{PATTERNS}/sqs-ecs-autoscaling/template.yaml", None, "public-ip-assigned", False),
    verdict(f"{CATALOG}/fargate-private-vpc.yml", "PublicLoadBalancerSG", "sg-world-ingress-all-traffic", True),
    verdict(f"{CATALOG}/fargate-service.json", None, "public-ip-assigned", False),
    verdict(
        "cloudformation/aws-ecs-cloudformation-samples-sjakthol/stacks/service-nginx.yaml",
        "TaskDefinition",
        "non-awsvpc-network-mode",
        True,
    ),
    # The scheduled task is run by a Step Functions state machine whose `DefinitionString` (a `Fn::Sub` with a
    # variable map) gives `"AssignPublicIp": "${AssignPublicIp}"`, ENABLED with the default `SubnetsReach`.
    verdict(
        SCHEDULED,
        None,
        "public-ip-assigned",
        True,
    ),
]


@pytest.mark.parametrize(("file", "resource", "rule", "alarms"), VERDICTS_10)
def test_tenth_batch_verdicts(file, resource, rule, alarms, corpus_run):
    test_fixtures_of_other_scanners_get_the_same_verdict(file, resource, rule, alarms, corpus_run)


@pytest.mark.parametrize("file", [f"{CFN_MODULES}/module.yml", SCHEDULED])
def test_past_the_reading_cap_a_container_chosen_by_a_condition_names_that_condition_alone(file, corpus_run):
    """The task definition varies by some eighty conditions, far past MAX_READINGS: the sidecar exists only when
    `HasSidecarImage` holds, the EFS volume only when `HasFileSystemModule1` does. The finding names that one
    condition, not the sixty environment-entry conditions true in every reading it was made in."""
    messages = [f["message"] for f in corpus_run.findings(shown(CORPUS / file))]
    sidecar = [m for m in messages if "container 'sidecar'" in m]
    efs = [m for m in messages if "EFS volume 'efs1'" in m]
    assert sidecar and all(m.endswith(" (when condition HasSidecarImage holds)") for m in sidecar), sidecar
    assert efs and all(m.endswith(" (when condition HasFileSystemModule1 holds)") for m in efs), efs
    proxy = [m for m in messages if "container 'proxy'" in m]
    assert all(m.endswith(" (when condition HasProxyImage holds)") for m in proxy), proxy


def test_a_service_read_several_ways_is_named_once_in_the_unresolved_links_notice():
    """cfn-modules' service takes its groups from `Fn::ImportValue`s behind four `Fn::If`s: each reading of it
    has unresolved groups, but it is one service, named once with every link any reading misses, each import named
    as written (`${ClientSgModule1}-SecurityGroupId`, the module stack's name a parameter without a value; it was
    "unresolved group #2" before the fifteenth batch)."""
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, ["scan", shown(CORPUS / CFN_MODULES), "--format", "json"])
    finally:
        os.chdir(cwd)
    notices = [n for n in json.loads(result.stdout)["notices"] if "link to resources not in the input" in n]
    assert len(notices) == 1 and notices[0].startswith("exposure: notice: 1 service(s) "), notices
    assert notices[0].count("service 'Service'") == 1
    for module in ("TargetModule", "ClientSgModule1", "ClientSgModule2", "ClientSgModule3"):
        assert f"security group !ImportValue ${{{module}}}-SecurityGroupId" in notices[0]


# Eleventh batch: observability agents' task definitions (New Relic, Splunk, Datadog, ...), AWS CLI output
# (`describe-task-definition`, `describe-services`, `describe-security-groups`), and the placebo recordings read.


def test_a_container_named_as_its_docker_label_is_named_not_hidden(corpus_run):
    """Cloud Custodian's container `webserver` carries the label `role: webserver`: a label value may hold a
    secret, but the same text as the container's name is the name, printed in every finding on it."""
    path = CORPUS / PLACEBO / "test_ecs_task_def" / "ecs.DescribeTaskDefinition_3.json"
    messages = [f["message"] for f in corpus_run.findings(shown(path))]
    assert messages and all("container 'webserver'" in m for m in messages), messages


DATADOG = "task-definitions/datadog-documentation"
NEW_RELIC = "task-definitions/nri-ecs"
CLOUDMAPPER = "task-definitions/cloudmapper"
IAM_DETAILS = f"{CLOUDMAPPER}/iam-get-account-authorization-details.json"
VERDICTS_11 = [
    # New Relic's EC2 daemon: privileged, host network, the docker socket mounted writable; the licence key in
    # `secrets`, not in the environment
    verdict(f"{NEW_RELIC}/task_definition_example.json", "newrelic-infra", "privileged-container", True),
    verdict(f"{NEW_RELIC}/task_definition_example.json", "newrelic-infra", "host-network-mode", True),
    verdict(f"{NEW_RELIC}/task_definition_example.json", "newrelic-infra", "docker-socket-mount", True),
    verdict(f"{NEW_RELIC}/task_definition_example.json", None, "secrets-in-environment", False),
    verdict(f"{NEW_RELIC}/fargate_sidecar_example.json", None, "secrets-in-environment", False),
    # Datadog's Windows agent mounts the Docker engine's named pipe, the Linux one the socket
    verdict(f"{DATADOG}/datadog-agent-ecs-win.json", None, "docker-socket-mount", True),
    verdict(f"{DATADOG}/datadog-agent-ecs.json", None, "docker-socket-mount", True),
    verdict(f"{DATADOG}/datadog-agent-sysprobe-ecs.json", None, "added-capabilities", True),
    # `DD_API_KEY` holds the placeholder `<YOUR_DATADOG_API_KEY>`
    verdict(f"{DATADOG}/datadog-agent-ecs.json", None, "secrets-in-environment", False),
    # Splunk's template has the user write the access token into the environment (`MY_SPLUNK_ACCESS_TOKEN`)
    verdict("task-definitions/splunk-otel-collector/splunk-otel-collector.json", None, "secrets-in-environment", True),
    verdict("task-definitions/splunk-otel-collector/splunk-otel-collector.json", None, "host-network-mode", True),
    # X-Ray samples' images are `<repository_uri_...>` placeholders: not judged
    verdict("task-definitions/aws-xray-fargate/service-a-taskdef.json", None, "image-not-pinned", False),
    # CloudMapper's demo account: the world reaches 443 only; the default group lets its members talk
    verdict(f"{CLOUDMAPPER}/ec2-describe-security-groups.json", None, "sg-world-ingress-unauthorized-port", False),
    verdict(f"{CLOUDMAPPER}/ec2-describe-security-groups.json", "sg-00000001", "sg-default-allows-traffic", True),
    verdict(f"{CLOUDMAPPER}/ec2-describe-network-interfaces.json", None, "eni-public-ip", True),
    verdict(IAM_DETAILS, "bad_role", "iam-trust-policy-too-broad", True),
    verdict(IAM_DETAILS, "level3", "iam-trust-policy-unscoped", True),
]


@pytest.mark.parametrize(("file", "resource", "rule", "alarms"), VERDICTS_11)
def test_eleventh_batch_verdicts(file, resource, rule, alarms, corpus_run):
    test_fixtures_of_other_scanners_get_the_same_verdict(file, resource, rule, alarms, corpus_run)


def test_a_managed_policy_listed_in_the_same_cli_output_is_judged_on_the_role(corpus_run):
    """CloudMapper's `bad_role` attaches `AmazonEC2RoleforSSM`, whose document is in the file's `Policies`."""
    findings = corpus_run.findings(shown(CORPUS / IAM_DETAILS))
    messages = [f["message"] for f in findings if f["rule"] == "iam-wildcard-resource-sensitive"]
    assert messages and all("AWS managed policy 'service-role/AmazonEC2RoleforSSM'" in m for m in messages)


# Twelfth batch: Datadog's ECS Fargate module and its smoke tests (feature objects whose `optional(type,
# default)` attributes Terraform fills in, arguments set to null), CDK integ snapshots of aws-ecs and
# aws-ecs-patterns.
DD_MODULE = "terraform/terraform-aws-ecs-datadog/modules/ecs_fargate/main.tf"
CDK_ECS = "cloudformation/aws-cdk/framework-integ/test/aws-ecs/test/fargate"
DOCKER_LABEL = "aws-ecs-integ-docker-label.template.json"
NO_TASK_ROLE = "aws-ecs-fargate-task-definition-without-task-role.template.json"
CDK_NLB_SG = (
    "cloudformation/aws-cdk/framework-integ/test/aws-ecs-patterns/test/fargate/integ.nlb-sg.js.snapshot/"
    "aws-ecs-integ-lb-fargate.template.json"
)
VERDICTS_12 = [
    # `dd_registry = null` and friends: `nullable = false` gives them their defaults, so the agent is
    # `public.ecr.aws/datadog/agent:latest` beside the smoke test's `ubuntu:latest`
    verdict(DD_MODULE, "module.dd_task_all_null.aws_ecs_task_definition.this", "image-not-pinned", True),
    # `dd_log_collection = { enabled = true }`: the log router's image, user "0" and health check come from
    # the type's optional defaults (`fluentbit_config.registry`, ...)
    verdict(DD_MODULE, "module.dd_task_logging_only.aws_ecs_task_definition.this", "root-user", True),
    # the agent's `DD_API_KEY` (and the FireLens `apikey` option) is `var.dd_api_key`, a root variable given at
    # plan time: the key lands in the task definition in plain text, whatever its value
    verdict(
        DD_MODULE,
        "module.dd_task_all_dd_inputs.aws_ecs_task_definition.this",
        "secrets-in-environment",
        True,
    ),
    # CDK: nginx with port 80 open to the world and a public IP; the secrets are `valueFrom` references
    verdict(
        f"{CDK_ECS}/integ.add-docker-label.js.snapshot/{DOCKER_LABEL}", "ServiceD69D759B", "internet-exposed-task", True
    ),
    verdict(
        f"{CDK_ECS}/integ.secret.js.snapshot/aws-ecs-integ-secret.template.json", None, "secrets-in-environment", False
    ),
    verdict(
        f"{CDK_ECS}/integ.task-definition-without-task-role.js.snapshot/{NO_TASK_ROLE}",
        None,
        "public-ip-assigned",
        True,
    ),
    # NetworkLoadBalancedFargateService with groups: tasks in private subnets, their group admits every port from
    # the load balancer's group while the container maps 80
    verdict(CDK_NLB_SG, None, "public-ip-assigned", False),
    verdict(CDK_NLB_SG, "NLBFargateServiceB92AC095", "sg-wider-than-container-ports", True),
]


@pytest.mark.parametrize(("file", "resource", "rule", "alarms"), VERDICTS_12)
def test_twelfth_batch_verdicts(file, resource, rule, alarms, corpus_run):
    test_fixtures_of_other_scanners_get_the_same_verdict(file, resource, rule, alarms, corpus_run)


def test_a_feature_object_with_optional_defaults_gives_its_containers(corpus_run):
    """Every smoke test's task definition is read container by container: none is left unknown because a
    caller's object lacks the attributes the variable's type fills in, or an argument is null."""
    findings = corpus_run.findings(shown(CORPUS / DD_MODULE))
    router = [f["message"] for f in findings if "container 'datadog-log-router'" in f["message"]]
    assert any("module.dd_task_logging_only." in m and "runs as root (user '0')" in m for m in router), router
    null = [f["message"] for f in findings if ".dd_task_all_null." in f["resource"]]
    assert {name for name in ("datadog-agent", "dummy-container") if any(f"'{name}'" in m for m in null)} == {
        "datadog-agent",
        "dummy-container",
    }, null


# Thirteenth batch: nathanpeck's container patterns (aws-samples/container-patterns: policy-as-code good/bad task
# definitions, Fargate services behind ALBs, API Gateway, Cloud Map, SAM nested applications, Inferentia on EC2)
# and AWS Proton's sample templates (Jinja, YAML only once Proton renders them).
PATTERNS_13 = "cloudformation/container-patterns"
PROTON = "cloudformation/aws-proton-cloudformation-sample-templates"
PROTON_PRIVATE = (
    f"{PROTON}/public-private-fargate-microservices/microservices-svc/private-fargate-svc/v1/instance_infrastructure/"
    "cloudformation.yaml"
)


def test_a_jinja_template_is_one_error_saying_it_is_a_template(corpus_run):
    """Proton's `{% if ... %}` lines stop PyYAML ("found character that cannot start any token"); the private
    service's `!FindInMap [TaskSize, {{service_instance.inputs.task_size}}, cpu]` is YAML, a flow mapping used as a
    key, which fgscan read as the Python text of YAML nodes. Both are one error naming the markup."""
    errors = {e["file"]: e for e in corpus_run.report["errors"] if e["file"].startswith(shown(CORPUS / PROTON))}
    assert len(errors) == 8, sorted(errors)  # the fargate environment quotes every placeholder: read
    private = errors[shown(CORPUS / PROTON_PRIVATE)]
    assert (private["line"], private["column"]) == (50, 35)
    assert private["message"] == (
        "invalid YAML: a mapping key that is itself a mapping or list"
        " (a template: `{{` markup is not YAML; scan the rendered template)"
    )
    statements = [e for e in errors.values() if "found character that cannot start any token" in e["message"]]
    assert len(statements) == 7
    assert all("(a Jinja template: `{%` markup is not YAML" in e["message"] for e in statements)


SAM_FARGATE = f"{PATTERNS_13}/sam-fargate"
API_GATEWAY = f"{PATTERNS_13}/api-gateway-fargate-cloudformation"
KERNEL = f"{PATTERNS_13}/deny-kernel-capabilities-ecs-fargate-task"
PRIVILEGED = f"{PATTERNS_13}/deny-privileged-container-ecs-policy-as-code"
ROOT_USER = f"{PATTERNS_13}/deny-root-user-ecs-fargate-task"
READ_ONLY = f"{PATTERNS_13}/enforce-read-only-root-filesystem-ecs-policy-as-code"
VERDICTS_13 = [
    # The patterns' own policy-as-code examples: what their guard rules deny, fgscan reports, and not the safe ones
    verdict(f"{KERNEL}/bad-task-def.yml", "AddedCapabilityTaskDefinition", "added-capabilities", True),
    verdict(f"{KERNEL}/safe-task-def.yml", None, "added-capabilities", False),
    verdict(f"{PRIVILEGED}/privileged-task-def.yml", "PrivilegedTaskDefinition", "privileged-container", True),
    verdict(f"{PRIVILEGED}/safe-task-def.yml", None, "privileged-container", False),
    verdict(f"{ROOT_USER}/bad-task-defs.yml", "AmbiguousUser", "root-user", True),
    verdict(f"{ROOT_USER}/bad-task-defs.yml", "RootViaUid", "root-user", True),
    verdict(f"{ROOT_USER}/bad-task-defs.yml", "RootViaUserName", "root-user", True),
    # `bin:root`: user bin in group root. The pattern denies it; fgscan's root-user says the group alone does not
    # make a user root (its remediation accepts "10001:0"), a disagreement kept on purpose
    verdict(f"{ROOT_USER}/bad-task-defs.yml", "RootViaGroup", "root-user", False),
    verdict(f"{ROOT_USER}/safe-task-defs.yml", None, "root-user", False),
    verdict(f"{READ_ONLY}/readonly-root-filesystem.yml", None, "writable-root-filesystem", False),
    verdict(
        f"{READ_ONLY}/writable-root-filesystem.yml", "WritableRootTaskDefinition", "writable-root-filesystem", True
    ),
    verdict(
        f"{PATTERNS_13}/jupyter-notebook-inference-container-cloudformation/jupyter-notebook.yml",
        "TaskDefinition",
        "host-devices",
        True,
    ),
    # SAM: the service's group is `!GetAtt VPC.Outputs.SG` of the nested `AWS::Serverless::Application` vpc.yml,
    # open to 0.0.0.0/0 on the container's port 3000, and its tasks get a public IP
    verdict(f"{SAM_FARGATE}/vpc.yml", "Service", "internet-exposed-task", True),
    # the API's VPC link group reaches every port of the service group the parent passes to api-gateway.yml
    verdict(f"{API_GATEWAY}/api-gateway.yml", "Service", "sg-wider-than-container-ports", True),
    # `!Sub ["${RepoUrl}:${ImageTag}", {RepoUrl: ...}]`, ImageTag defaulting to `latest`: the list form's template
    # takes the parameter's default too, and the tag after the repository's placeholder is read
    verdict(f"{SAM_FARGATE}/template.yml", "TaskDefinition", "image-not-pinned", True),
]


@pytest.mark.parametrize(("file", "resource", "rule", "alarms"), VERDICTS_13)
def test_thirteenth_batch_verdicts(file, resource, rule, alarms, corpus_run):
    test_fixtures_of_other_scanners_get_the_same_verdict(file, resource, rule, alarms, corpus_run)


def test_a_sam_parents_reference_to_a_nested_applications_output_names_the_childs_resource(corpus_run):
    """sam-fargate's service takes `SecurityGroups: [!GetAtt VPC.Outputs.SG]`, `VPC` being an
    `AWS::Serverless::Application` with `Location: ./vpc.yml`: the group is vpc.yml's PublicHTTPSecurityGroup,
    not an unresolved group called 'VPC'. api-gateway-fargate's parent passes the service stack's group to the API
    stack, whose ingress rule on that parameter is a rule of the service's group, named as that group."""
    notices = " ".join(corpus_run.report["notices"])
    assert "(security group VPC)" not in notices and "VPC.Outputs.SG" not in notices
    exposed = [
        f for f in corpus_run.findings(shown(CORPUS / SAM_FARGATE / "vpc.yml")) if f["rule"] == "internet-exposed-task"
    ]
    assert [f["message"] for f in exposed] == [
        "Service 'Service': container 'hello-world' port 3000 is reachable from the internet: rule tcp port 3000"
        " from 0.0.0.0/0 of group 'PublicHTTPSecurityGroup' admits it and the task gets a public IP."
    ]
    wider = [f["message"] for f in corpus_run.findings(shown(CORPUS / API_GATEWAY / "api-gateway.yml"))]
    assert any("an ingress rule of group 'ServiceSecurityGroup' admits all traffic" in m for m in wider), wider


def test_a_nested_template_path_names_only_the_file_beside_its_parent(corpus_run):
    """api-gateway-fargate's parent names `Location: cluster.yml`, not copied; socket.io-chat's cluster.yml is
    another project's, whose execution role must not become the API service's (it hid that role's unscoped trust
    policy, judged as an execution role's)."""
    socket = shown(CORPUS / "cloudformation/socket.io-chat-fargate/cluster.yml")
    assert [f["resource"] for f in corpus_run.findings(socket) if f["rule"] == "iam-trust-policy-unscoped"] == [
        "ECSTaskExecutionRole"
    ]


# Fourteenth batch: hazelops' ECS app module (root module calling `./modules/ecs-service`, which calls its sibling
# `../ecs-task`; `jsondecode(jsonencode(...))` port mappings, `lookup` over EFS volume objects, examples of a web
# app and a scheduled worker) and Flagsmith's production task definitions (register form, images left to the
# deploy pipeline, every secret a `valueFrom`).
HAZELOPS = "terraform/terraform-aws-ecs-app-hazelops"
HAZELOPS_TASK = f"{HAZELOPS}/modules/ecs-task/main.tf"
HAZELOPS_WEB = f"{HAZELOPS}/examples/complete-web/main.tf"
HAZELOPS_WORKER = f"{HAZELOPS}/examples/worker-scheduled/main.tf"
FLAGSMITH = "task-definitions/flagsmith/production"
WEB_SERVICE = "module.web_complete.module.service.aws_ecs_service.this[0]"
VERDICTS_14 = [
    # the root module's own task definition, through `./modules/ecs-service` and its sibling `../ecs-task`, with
    # the defaults: its main container's image is `"${var.docker_image_name}:${var.docker_image_tag}"`, a string
    # that is never null, so the `{ for k, v in ... : k => v if v != null }` filter keeps the container
    verdict(HAZELOPS_TASK, "module.service.module.task.aws_ecs_task_definition.this", "root-user", True),
    # the web example's port mapping comes through `jsondecode(jsonencode([...]))` with an unknown target group
    # ARN inside: container `app` maps 3000, and the tasks' group admits everything from 0.0.0.0/0 beside the ALB
    verdict(HAZELOPS_WEB, WEB_SERVICE, "load-balancer-bypass", True),
    verdict(HAZELOPS_WEB, WEB_SERVICE, "public-ip-assigned", False),
    verdict(HAZELOPS_WEB, "aws_security_group.default_permissive", "sg-world-ingress-all-traffic", True),
    verdict(
        HAZELOPS_TASK,
        "module.web_complete.module.service.module.task.aws_ecs_task_definition.this",
        "image-not-pinned",
        True,
    ),
    # the worker's scheduled run (an EventBridge target) and its service share the world-open group
    verdict(
        HAZELOPS_WORKER,
        "module.worker_scheduled.module.service.aws_cloudwatch_event_target.this[0]",
        "sg-wider-than-container-ports",
        True,
    ),
    # the EFS volume is read through `lookup(volume.value, ...)` of objects holding an unknown file system id:
    # transit encryption ENABLED (hazelops), not set (umotif's example)
    verdict(HAZELOPS_TASK, None, "efs-transit-encryption-disabled", False),
    verdict(UMOTIF, "module.fargate.aws_ecs_task_definition.task", "efs-transit-encryption-disabled", True),
    # hennge's service module reads `assign_public_ip` with `lookup(network_configuration.value, ...)`
    verdict(
        "terraform/terraform-aws-ecs-hennge/modules/core/service/main.tf",
        "module.easy_fargate.module.fargate.aws_ecs_service.main[0]",
        "public-ip-assigned",
        True,
    ),
    # Flagsmith: every secret a Secrets Manager `valueFrom`, task and execution role the same ARN
    verdict(f"{FLAGSMITH}/ecs-task-definition-admin-api.json", None, "secrets-in-environment", False),
    verdict(f"{FLAGSMITH}/ecs-task-definition-admin-api.json", None, "task-execution-role-shared", True),
    verdict(f"{FLAGSMITH}/ecs-task-definition-task-processor.json", None, "task-execution-role-shared", False),
]


@pytest.mark.parametrize(("file", "resource", "rule", "alarms"), VERDICTS_14)
def test_fourteenth_batch_verdicts(file, resource, rule, alarms, corpus_run):
    test_fixtures_of_other_scanners_get_the_same_verdict(file, resource, rule, alarms, corpus_run)


def test_a_module_called_by_its_sibling_is_read_through_the_root_that_calls_the_sibling(corpus_run):
    """hazelops' root calls `./modules/ecs-service`, which calls `../ecs-task`: the task module is read as the
    root's `module.service.module.task`, the service's task definition is in the input, not the task module alone
    with its own defaults. hennge's `modules/core/task` (called by its sibling `../task`) is likewise no longer
    read a second time on its own (a bridge-mode task definition nobody declares)."""
    task = corpus_run.read[shown(CORPUS / HAZELOPS_TASK)]
    assert task is not None
    names = {name for _, name in task}
    assert "module.service.module.task.aws_ecs_task_definition.this" in names
    assert "aws_ecs_task_definition.this" not in names
    hennge = corpus_run.read[shown(CORPUS / "terraform/terraform-aws-ecs-hennge/modules/core/task/main.tf")]
    assert hennge is not None and "aws_ecs_task_definition.main[0]" not in {name for _, name in hennge}
    unresolved = [n for n in corpus_run.report["notices"] if "module.service.aws_ecs_service.this[0]" in n]
    assert not unresolved, unresolved


def test_port_mappings_through_jsondecode_of_jsonencode_and_volumes_through_lookup_are_read():
    """`jsondecode(cond ? jsonencode([{..., target_group_arn = module.alb[0]...}]) : ...)` is data with one unknown
    inside, and `lookup(obj, "host_path", null)` of an object with an unknown value is still a lookup."""
    item = load(InputFile(str(CORPUS / HAZELOPS_WEB), shown(CORPUS / HAZELOPS_WEB), False), DEFAULT_MAX_BYTES)
    task = next(r for r in item.resources if r.name.endswith("module.task.aws_ecs_task_definition.this"))
    (container,) = task.data["containerDefinitions"]
    assert container["portMappings"] == [{"containerPort": 3000, "hostPort": 3000}]
    assert container["mountPoints"] == [{"sourceVolume": "efs", "containerPath": "/mnt/efs"}]
    (volume,) = task.data["volumes"]
    assert volume["name"] == "efs" and volume["efsVolumeConfiguration"]["transitEncryption"] == "ENABLED"
    service = next(r for r in item.resources if r.name == WEB_SERVICE)
    assert [b["containerPort"] for b in service.data["loadBalancers"]] == [3000]


def test_coalesce_is_known_once_the_arguments_before_the_one_it_takes_are():
    """Datadog's `concat([for k, v in coalesce(var.volumes, []) : v], ...)`: the smoke test's volumes hold an
    EFS file system made in the same run, unknown, yet `coalesce` takes them whole."""
    path = CORPUS / "terraform/terraform-aws-ecs-datadog/smoke_tests/ecs_fargate/all-dd-disabled.tf"
    item = load(InputFile(str(path), shown(path), False), DEFAULT_MAX_BYTES)
    task = next(r for r in item.resources if r.name == "module.dd_task_all_ecs_inputs.aws_ecs_task_definition.this")
    volumes = {v["name"]: v for v in task.data["volumes"]}
    assert set(volumes) == {"docker-storage", "efs-storage", "dd-sockets"}
    assert volumes["efs-storage"]["efsVolumeConfiguration"]["transitEncryption"] == "ENABLED"


def test_a_group_before_tasks_that_map_no_port_says_so_in_plain_words(corpus_run):
    """The scheduled worker maps no port: "map no ports", not "map only no ports"."""
    messages = [
        f["message"]
        for f in corpus_run.findings(shown(CORPUS / HAZELOPS_WORKER))
        if f["rule"] == "sg-wider-than-container-ports"
    ]
    assert messages and all(m.endswith("but the tasks using the group map no ports.") for m in messages), messages


def test_a_port_that_an_environment_url_also_holds_is_printed(corpus_run):
    """Cloud Map's `hello.yml` sets `NAME_SERVER=http://name.internal:3000/`; the message's "3000/tcp" is the
    container's port 3000, not a fragment of that value: it was printed "map only ***tcp"."""
    hello = shown(CORPUS / PATTERNS_13 / "service-discovery-fargate-microservice-cloud-map" / "hello.yml")
    [found] = [f for f in corpus_run.findings(hello) if f["rule"] == "sg-wider-than-container-ports"]
    assert found["message"].endswith("but the tasks using the group map only 3000/tcp.")


# Sixteenth batch: cloudposse's ECS web app (every ECS resource in registry modules, out of reach) and ECS cluster
# (capacity providers, its `complete` example calling `../..`), mineiros' ECS service module (task definition from
# a required object variable), and two products' `deploy/ecs/task-definition.json` whose account, region and digest
# are `<PLACEHOLDER>`s the reader fills in.
CLOUDPOSSE_CLUSTER = "terraform/terraform-aws-ecs-cluster-cloudposse"
OPENAGENTS = "task-definitions/openagents/task-definition.json"
AQP = "task-definitions/amazon-aggregation-query-proxy/task-definition.json"
CLUSTER = "aws_ecs_cluster.default"
VERDICTS_16 = [
    # `<ACCOUNT_ID>.dkr.ecr.<REGION>.amazonaws.com/openagents-workspace-backend:latest`: the placeholders hide the
    # registry, not the `latest` tag written after them
    verdict(OPENAGENTS, None, "image-not-pinned", True),
    verdict(OPENAGENTS, None, "secrets-in-environment", True),
    # `...@sha256:<DIGEST>`: a digest given by the reader, the image may well be pinned; the init container's image
    # is a sentence in angle brackets
    verdict(AQP, None, "image-not-pinned", False),
    verdict(AQP, None, "secrets-in-environment", False),
    # the example's `container_insights_mode = "enhanced"` reaches the module's cluster; the root's default is
    # "enabled"
    verdict(f"{CLOUDPOSSE_CLUSTER}/main.tf", f"module.ecs_cluster.{CLUSTER}", "container-insights-disabled", False),
    verdict(f"{CLOUDPOSSE_CLUSTER}/main.tf", CLUSTER, "container-insights-disabled", False),
]


@pytest.mark.parametrize(("file", "resource", "rule", "alarms"), VERDICTS_16)
def test_sixteenth_batch_verdicts(file, resource, rule, alarms, corpus_run):
    test_fixtures_of_other_scanners_get_the_same_verdict(file, resource, rule, alarms, corpus_run)


def test_an_image_behind_documentation_placeholders_is_judged_on_its_literal_tag(corpus_run):
    """openagents' image names its account and region as `<ACCOUNT_ID>` and `<REGION>`: any `<` made it a deploy
    token (as CodeDeploy's whole-image `<IMAGE1_NAME>`), so its `latest` tag went unreported."""
    [found] = [f for f in corpus_run.findings(shown(CORPUS / OPENAGENTS)) if f["rule"] == "image-not-pinned"]
    assert found["message"].endswith("image uses the 'latest' tag and no digest.")
    assert not [f for f in corpus_run.findings(shown(CORPUS / AQP)) if f["rule"].startswith("image-")]


# Fifteenth batch: Nathan Peck's Fargate networking and service stacks (`Fn::ImportValue` of `production:...`
# exports), ecs-bg-external-controller (an external blue/green controller's `AWS::ECS::TaskSet` stacks and its
# register-task-definition / create-task-set inputs), ecs-pipeline-inject-envoy-sidecar (App Mesh on Fargate, split
# into VPC, cluster and ingress stacks, or all in one) and the Fargate clock-accuracy sample.
PECK = "cloudformation/aws-cloudformation-fargate-nathanpeck"
BG_CONTROLLER = "cloudformation/ecs-bg-external-controller"
ENVOY = "cloudformation/ecs-pipeline-inject-envoy-sidecar"
VERDICTS_15 = [
    # the private-subnet service behind the private load balancer still sets `AssignPublicIp: ENABLED`; its
    # twin behind the public load balancer differs in that line alone
    verdict(f"{PECK}/service-stacks/private-subnet-private-loadbalancer.yml", "Service", "public-ip-assigned", True),
    verdict(f"{PECK}/service-stacks/private-subnet-public-loadbalancer.yml", "Service", "public-ip-assigned", False),
    # the controller's test listener 8081 and production 8080 are open to 0.0.0.0/0
    verdict(
        f"{BG_CONTROLLER}/1-InfraStack.yaml", "LoadBalancerSecurityGroup", "sg-world-ingress-unauthorized-port", True
    ),
    # the task set's image parameter defaults to `nginx`, no tag
    verdict(f"{BG_CONTROLLER}/2-AppStack.yaml", "BlueTaskDefinition", "image-not-pinned", True),
    # the pipeline's CloudFormation role may do `iam:*`
    verdict(f"{ENVOY}/Service-Pipeline.yaml", "CloudFormationExecutionRole", "iam-privilege-escalation", True),
    verdict(
        "cloudformation/amazon-ecs-fargate-clock-accuracy/task-definition-template.json",
        None,
        "task-execution-role-shared",
        True,
    ),
]


@pytest.mark.parametrize(("file", "resource", "rule", "alarms"), VERDICTS_15)
def test_fifteenth_batch_verdicts(file, resource, rule, alarms, corpus_run):
    test_fixtures_of_other_scanners_get_the_same_verdict(file, resource, rule, alarms, corpus_run)


def test_an_import_named_after_a_parameter_without_a_value_finds_the_export_named_the_same_way():
    """The envoy-sidecar cluster stack exports `!Sub ${EnvironmentName}:ContainerSecurityGroup`, the ingress stack
    imports `!Sub "${EnvironmentName}:ContainerSecurityGroup"`; EnvironmentName has no default in either, but the
    stacks are deployed with one value. Scanned together, the ingress service's group is the cluster stack's (whose
    every-traffic rule now reaches FG-EXP-004); it was "unresolved group #1"."""
    files = [shown(CORPUS / ENVOY / name) for name in ("VPC-2AZ.yaml", "ECS-Cluster.yaml", "Mesh-ECS-Ingress.yaml")]
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, ["scan", *files, "--format", "json"])
    finally:
        os.chdir(cwd)
    report = json.loads(result.stdout)
    assert not [n for n in report["notices"] if "IngressService" in n], report["notices"]
    wider = [f for f in report["findings"] if f["rule"] == "sg-wider-than-container-ports"]
    assert [(f["resource"], f["file"]) for f in wider] == [("IngressService", files[1])]


def test_two_stacks_exporting_the_same_parameter_named_name_are_alternatives_and_neither_is_linked():
    """In the whole folder Mesh-Environment.yaml (the all-in-one variant) exports the same
    `${EnvironmentName}:ContainerSecurityGroup`: the stacks cannot be deployed together, so the import stays
    unlinked, named as written rather than as an anonymous group."""
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, ["scan", shown(CORPUS / ENVOY), "--format", "json"])
    finally:
        os.chdir(cwd)
    notices = " ".join(json.loads(result.stdout)["notices"])
    assert "service 'IngressService' (security group !ImportValue ${EnvironmentName}:ContainerSecurityGroup)" in notices


def test_a_module_call_fgscan_does_not_follow_is_named_in_a_notice(corpus_run):
    """cloudposse's web-app example builds its balancer, service and containers in registry modules, which fgscan
    does not read: the scan said nothing about them. Each such call is now a notice on its line; a local module
    (hazelops' `./modules/ecs-service`) is read and named in none."""
    notices = corpus_run.report["notices"]
    example = shown(CORPUS / "terraform/terraform-aws-ecs-web-app/examples/complete/main.tf")
    assert (
        f"{example}:35: notice: module 'alb' is not read (source \"cloudposse/alb/aws\"): fgscan follows local "
        "module sources only, so the resources it makes are not judged"
    ) in notices
    assert not [n for n in notices if "terraform-aws-ecs-app-hazelops" in n and "./modules/" in n]
