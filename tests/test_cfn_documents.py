"""Real-world files that used to break reading: malformed YAML/JSON reported on one line at the right place,
duplicate keys warned about, merge keys resolved, `null` read as absent, bare container-definition arrays."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.model import InputProblem
from scanner.sources import recognise
from scanner.sources.documents import guess_format, parse, read_text
from tests.conftest import ROOT, run_fgscan

FIXTURES = ROOT / "tests" / "fixtures" / "cfn"


def load(file: Path):
    text = read_text(file, file.name)
    return parse(text, file.name, guess_format(file, text))


def problem(file: Path) -> str:
    with pytest.raises(InputProblem) as caught:
        load(file)
    return str(caught.value.error)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "unclosed-flow-sequence.yaml",
            "unclosed-flow-sequence.yaml:7:27: error: invalid YAML: did not find expected ',' or ']' "
            "(while parsing a flow sequence that started at line 6, column 32)",
        ),
        (
            "self-alias.yaml",
            "self-alias.yaml:6:29: error: a YAML alias refers to the node that contains it (a structure with no end); "
            "refused",
        ),
        (
            "control-character.yaml",
            "control-character.yaml:6:18: error: invalid YAML: character #x0007: control characters are not allowed",
        ),
        (
            "lone-surrogate.json",
            "lone-surrogate.json:4:94: error: a string holds a lone UTF-16 surrogate escape, which is not Unicode text",
        ),
    ],
)
def test_broken_files_give_one_line_errors(name, expected):
    assert problem(FIXTURES / "broken" / name) == expected


@pytest.mark.parametrize("fmt", ["json", "yaml"])
@pytest.mark.parametrize("depth", [500, 900])
def test_deep_nesting_is_refused_in_one_line(tmp_path, fmt, depth):
    file = tmp_path / f"deep.{fmt}"
    file.write_text(('{"a": ' if fmt == "json" else "a: ") + "[" * depth + "]" * depth + ("}" if fmt == "json" else ""))
    message = problem(file)
    assert "nested more than 100 levels deep" in message
    assert "\n" not in message


@pytest.mark.parametrize(("fmt", "where"), [("json", "huge.json:1:26"), ("yaml", "huge.yaml:2:23")])
def test_huge_integers_are_refused_in_one_line(tmp_path, fmt, where):
    number = "9" * 5000
    text = (
        f'{{"containerDefinitions": {number}}}' if fmt == "json" else f"family: web\ncontainerDefinitions: {number}\n"
    )
    file = tmp_path / f"huge.{fmt}"
    file.write_text(text)
    assert problem(file) == f"{where}: error: invalid {fmt.upper()}: a number has more than 4,300 digits"


def test_deep_nesting_in_a_scan_is_an_error_for_that_file_only(tmp_path):
    (tmp_path / "deep.json").write_text('{"containerDefinitions": ' + "[" * 800 + "]" * 800 + "}")
    (tmp_path / "good.json").write_text('{"family": "ok", "containerDefinitions": [{"name": "a", "image": "b"}]}')
    run = run_fgscan("scan", str(tmp_path), "--rule", "root-user")
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.strip().endswith("deep.json: error: nested more than 100 levels deep; refused")
    assert "container 'a' sets no user" in run.stdout


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("duplicate-keys.yaml", "duplicate-keys.yaml:11:7: warning: duplicate key 'Family' (first at line 6)"),
        ("duplicate-keys.json", "duplicate-keys.json:9:7: warning: duplicate key 'privileged' (first at line 7)"),
    ],
)
def test_duplicate_keys_are_warnings_naming_both_lines(name, expected):
    [warning] = load(FIXTURES / name).warnings
    assert str(warning).startswith(expected)
    assert warning.level == "warning"
    # CloudFormation deploys such templates with the last value (nathanpeck's ECS patterns repeat a
    # parameter's Description): the warning says what is read, not that the template is refused
    assert "only the last value counts, as in CloudFormation" in str(warning)


def test_a_duplicate_key_warns_but_the_file_is_scanned_and_does_not_fail_the_run():
    file = FIXTURES / "duplicate-keys.yaml"
    run = run_fgscan("scan", str(file), "--rule", "privileged-container", "--fail-on", "none")
    assert run.returncode == 0
    assert "warning: duplicate key 'Family'" in run.stderr
    assert "container 'web' runs in privileged mode" in run.stdout


def test_merge_keys_are_resolved_and_own_keys_override_them():
    doc = load(FIXTURES / "merge-keys.yaml")
    [task] = recognise(doc)
    containers = {c["name"]: c for c in task.data["containerDefinitions"]}
    assert containers["tracer"]["privileged"] is True
    assert containers["tracer"]["image"].startswith("public.ecr.aws/xray/")
    assert containers["metrics"]["privileged"] is False
    assert doc.warnings == []
    # an inherited value is located where it is written: the anchored container
    span, exact = doc.span(("containerDefinitions", 3, "privileged"))
    assert (span.start_line, exact) == (17, True)


def test_inherited_privileged_is_judged():
    run = run_fgscan("scan", str(FIXTURES / "merge-keys.yaml"), "--rule", "privileged-container")
    assert run.returncode == 1
    assert "container 'tracer' runs in privileged mode" in run.stdout
    assert "'metrics' runs in privileged" not in run.stdout


def test_null_is_absent_so_rules_judge_the_unset_field():
    [task] = recognise(load(FIXTURES / "describe-task-definition-nulls.json"))
    [container] = task.data["containerDefinitions"]
    assert not {"logConfiguration", "linuxParameters", "user", "entryPoint"} & set(container)
    run = run_fgscan(
        "scan",
        str(FIXTURES / "describe-task-definition-nulls.json"),
        *("--rule", "logging-disabled", "--rule", "capabilities-not-dropped", "--rule", "root-user"),
    )
    assert "container 'hello-world' has no log configuration" in run.stdout
    assert "container 'hello-world' does not drop all Linux capabilities" in run.stdout
    assert "container 'hello-world' sets no user" in run.stdout


def test_bare_container_definition_array_is_a_task_named_after_the_file():
    [task] = recognise(load(FIXTURES / "service.container-definitions.json"))
    assert (task.kind, task.name, task.data["family"]) == ("ecs_task_definition", "service", "service")
    assert [c["name"] for c in task.data["containerDefinitions"]] == ["first", "second"]
    assert task.source_path(("containerDefinitions", 0, "privileged")) == (0, "privileged")
    run = run_fgscan("scan", str(FIXTURES / "service.container-definitions.json"), "--rule", "privileged-container")
    assert "service.container-definitions.json" in run.stdout
    assert "8:5" in run.stdout and "container 'first' runs in privileged mode" in run.stdout


def test_an_array_of_other_objects_is_not_container_definitions(tmp_path):
    file = tmp_path / "people.json"
    file.write_text('[{"name": "Ada", "image": "ada.png", "born": 1815}, {"name": "Alan"}]')
    assert recognise(load(file)) is None


@pytest.mark.parametrize("fmt", ["text", "sarif"])
def test_a_non_string_arn_is_not_an_arn(tmp_path, fmt):
    file = tmp_path / "td.json"
    file.write_text(
        '{"taskDefinition": {"taskDefinitionArn": 123, "family": "web", "containerDefinitions": '
        '[{"name": "web", "image": "nginx", "privileged": true}]}}'
    )
    [task] = recognise(load(file))
    assert task.arn is None
    run = run_fgscan("scan", str(file), "--rule", "privileged-container", "--format", fmt)
    assert (run.returncode, "Traceback" in run.stderr) == (1, False)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "rules:\n  x: " + "9" * 5000 + "\n",
            "config.yaml:2:6: error: invalid YAML: a number has more than 4,300 digits",
        ),
        ("rules: " + "[" * 600 + "]" * 600 + "\n", "config.yaml:1:108: error: YAML nested more than 100 levels deep"),
    ],
)
def test_a_hostile_config_is_a_one_line_error(tmp_path, content, expected):
    (tmp_path / "config.yaml").write_text(content)
    run = run_fgscan(
        "scan", str(ROOT / "examples" / "hardened-task-definition.json"), "--config", "config.yaml", cwd=tmp_path
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines()[-1].startswith(expected)


def test_the_functions_of_a_rules_section_are_known_intrinsics(tmp_path):
    """`Rules` assertions use functions found nowhere else (awslabs' SapPrivateLink template uses `!ValueOf`)."""
    template = tmp_path / "rules.yaml"
    template.write_text(
        "Parameters:\n  VpcId: {Type: 'AWS::EC2::VPC::Id'}\n  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}\n"
        "Rules:\n  SubnetsInVpc:\n    Assertions:\n"
        "      - Assert: !EachMemberEquals [!ValueOfAll ['AWS::EC2::Subnet::Id', VpcId], !Ref VpcId]\n"
        "      - Assert: !Contains [[a, b], !ValueOf [Subnets, VpcId]]\n"
        "      - Assert: !EachMemberIn [!RefAll 'AWS::EC2::VPC::Id', [vpc-1]]\n"
        "Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n"
        "      ContainerDefinitions: [{Name: web, Image: nginx, Privileged: true}]\n"
    )
    document = load(template)
    assert document.warnings == []
    assert document.data["Rules"]["SubnetsInVpc"]["Assertions"][1]["Assert"]["Fn::Contains"][1] == {
        "Fn::ValueOf": ["Subnets", "VpcId"]
    }
    run = run_fgscan("scan", str(template), "--rule", "privileged-container", "--fail-on", "none")
    assert run.returncode == 0 and run.stderr == ""
    assert "container 'web' runs in privileged mode" in run.stdout
