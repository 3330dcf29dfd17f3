"""`Fn::ForEach` (AWS::LanguageExtensions): each resource a loop makes is scanned, its findings on the loop's
lines; a collection the template does not settle still gives the loop's body once."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_fgscan

TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::LanguageExtensions
Parameters:
  Services:
    Type: CommaDelimitedList
    Default: "api,worker-2"
  Extra:
    Type: CommaDelimitedList
Resources:
  Fn::ForEach::Tasks:
    - Name
    - !Ref Services
    - "&{Name}Task":
        Type: AWS::ECS::TaskDefinition
        Properties:
          Family: !Sub "${Name}-family"
          ContainerDefinitions:
            - Name: !Ref Name
              Image: public.ecr.aws/nginx/nginx:1.25
              Privileged: true
        Metadata:
          fgscan:
            skip: [{rule: root-user, reason: the image runs as nginx}]
  Fn::ForEach::Unsettled:
    - Item
    - !Ref Extra
    - "${Item}Task":
        Type: AWS::ECS::TaskDefinition
        Properties:
          ContainerDefinitions:
            - {Name: !Ref Item, Image: "public.ecr.aws/nginx/nginx:1.25", Privileged: true}
  Fn::ForEach::Outer:
    - Env
    - [dev, prod]
    - Fn::ForEach::Inner:
        - Tier
        - [web]
        - "${Env}${Tier}Task":
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions:
                - {Name: !Sub "${Env}-${Tier}", Image: "public.ecr.aws/nginx/nginx:1.25", Privileged: true}
"""


def findings(tmp_path: Path, text: str, name: str = "loops.yaml") -> list[dict]:
    (tmp_path / name).write_text(text)
    proc = run_fgscan("scan", str(tmp_path / name), "-f", "json", "--fail-on", "none")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["findings"]


def test_each_resource_a_loop_makes_is_scanned_on_the_loops_lines(tmp_path):
    privileged = {
        (f["resource"], f["line"], f["message"])
        for f in findings(tmp_path, TEMPLATE)
        if f["rule"] == "privileged-container"
    }
    assert privileged == {
        ("apiTask", 20, "Task definition 'apiTask': container 'api' runs in privileged mode."),
        ("worker2Task", 20, "Task definition 'worker2Task': container 'worker-2' runs in privileged mode."),
        # `Extra` has no default: the body once, its container named by the identifier's expression
        ("${Item}Task", 31, "Task definition '${Item}Task': container #1 (!Ref Item) runs in privileged mode."),
        ("devwebTask", 42, "Task definition 'devwebTask': container 'dev-web' runs in privileged mode."),
        ("prodwebTask", 42, "Task definition 'prodwebTask': container 'prod-web' runs in privileged mode."),
    }


def test_a_loops_metadata_applies_to_each_resource_it_makes(tmp_path):
    (tmp_path / "loops.yaml").write_text(TEMPLATE)
    proc = run_fgscan("scan", str(tmp_path / "loops.yaml"), "-f", "json", "--fail-on", "none")
    report = json.loads(proc.stdout)
    assert not [
        f for f in report["findings"] if f["rule"] == "root-user" and f["resource"].endswith(("apiTask", "2Task"))
    ]
    suppressed = [f for f in report["suppressed"] if f["rule"] == "root-user"]
    assert {f["resource"] for f in suppressed} == {"apiTask", "worker2Task"}
    assert {f["suppression"]["where"].rsplit(":", 1)[1] for f in suppressed} == {"23"}  # the loop's Metadata line


def test_a_template_of_loops_alone_is_a_template(tmp_path):
    only_loops = TEMPLATE.split("  Fn::ForEach::Unsettled:")[0]
    assert {f["resource"] for f in findings(tmp_path, only_loops, "only.yaml")} == {"apiTask", "worker2Task"}


def test_nested_loops_cannot_multiply_past_what_a_stack_holds(tmp_path):
    """Three loops of 100 items each would make a million task definitions from a 1 kB file."""
    items = "[" + ", ".join(f"i{n}" for n in range(100)) + "]"
    bomb = (
        "Resources:\n  Fn::ForEach::A:\n    - A\n    - " + items + "\n    - Fn::ForEach::B:\n        - B\n"
        "        - " + items + "\n        - Fn::ForEach::C:\n            - C\n            - " + items + "\n"
        '            - "${A}${B}${C}":\n                Type: AWS::ECS::TaskDefinition\n'
        "                Properties:\n                  ContainerDefinitions: [{Name: x, Privileged: true}]\n"
    )
    privileged = [f for f in findings(tmp_path, bomb) if f["rule"] == "privileged-container"]
    assert len(privileged) == 1000


def test_the_cap_on_loops_never_cuts_a_templates_own_resources(tmp_path):
    plain = "".join(
        f"  T{n}:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n"
        "      ContainerDefinitions: [{Name: x, Privileged: true}]\n"
        for n in range(1_100)
    )
    loop = "  Fn::ForEach::L:\n    - A\n    - [a, b]\n    - ${A}Loop:\n        Type: AWS::ECS::TaskDefinition\n"
    loop += "        Properties:\n          ContainerDefinitions: [{Name: y, Privileged: true}]\n"
    privileged = [f for f in findings(tmp_path, "Resources:\n" + plain + loop) if f["rule"] == "privileged-container"]
    assert len(privileged) == 1_102  # the cap counts what loops make alone
