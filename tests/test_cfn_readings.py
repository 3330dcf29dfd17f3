"""CloudFormation as it is written: `Fn::If` read both ways, parameters resolved from defaults and supplied
values, `NoEcho` parameters in plain environment values reported (through real Rego evaluation)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scanner.model import InputProblem, Resource
from scanner.pipeline import Scanner, ScanOptions
from scanner.sources import canonical, cloudformation, parameters, recognise
from scanner.sources.cfn_readings import MAX_READINGS, Template
from scanner.sources.documents import parse, read_text
from tests.conftest import ROOT, run_fgscan

FIXTURES = ROOT / "tests" / "fixtures" / "cfn"


@pytest.fixture(autouse=True)
def no_supplied_parameters():
    parameters.use({})
    yield
    parameters.use({})


def readings(name: str) -> dict[str, list[Resource]]:
    file = FIXTURES / name
    doc = parse(read_text(file, name), name, "yaml" if name.endswith(("yaml", "yml")) else "json")
    out: dict[str, list[Resource]] = {}
    for resource in recognise(doc):
        out.setdefault(resource.name, []).append(resource)
    return out


def source_line(resource: Resource, path: tuple) -> int:
    file = FIXTURES / resource.file
    doc = parse(read_text(file, resource.file), resource.file, "yaml")
    span, exact = doc.span(resource.source_path(path))
    assert exact
    return span.start_line


def test_a_container_wrapped_in_fn_if_is_read_in_the_reading_where_it_exists():
    debug, release = readings("fn-if-debug.yaml")["TaskDefinition"]
    assert (debug.variant, release.variant) == ("when condition Debug holds", "when condition Debug does not hold")
    assert [c["name"] for c in debug.data["containerDefinitions"]] == ["orders", "debug-shell"]
    assert [c["name"] for c in release.data["containerDefinitions"]] == ["orders"]
    shell = debug.data["containerDefinitions"][1]
    assert shell["privileged"] is True
    assert source_line(debug, ("containerDefinitions", 1, "privileged")) == 54
    assert debug.source_path(("containerDefinitions", 1)) == (
        *("Resources", "TaskDefinition", "Properties", "ContainerDefinitions", 1, "Fn::If", 1),
    )
    assert (debug.kind, debug.name, debug.file) == (release.kind, release.name, release.file)


def test_values_take_each_branch_and_no_value_removes_the_list_item():
    debug, release = readings("fn-if-debug.yaml")["TaskDefinition"]
    orders_debug, orders_release = debug.data["containerDefinitions"][0], release.data["containerDefinitions"][0]
    assert (orders_debug["user"], orders_release["user"]) == ("0", "1000")
    assert source_line(debug, ("containerDefinitions", 0, "user")) == 38
    assert [e["name"] for e in orders_debug["environment"]] == ["LOG_LEVEL", "DEBUG_TOKEN", "DB_PASSWORD"]
    assert [e["name"] for e in orders_release["environment"]] == ["LOG_LEVEL", "DB_PASSWORD"]
    # the item after a removed one keeps its own source line
    assert source_line(release, ("containerDefinitions", 0, "environment", 1, "value")) == 49
    assert source_line(debug, ("containerDefinitions", 0, "environment", 1, "value")) == 46


def test_service_security_group_and_policies_are_read_both_ways():
    found = readings("fn-if-debug.yaml")
    public, private = found["Service"]
    awsvpc = ("networkConfiguration", "awsvpcConfiguration", "assignPublicIp")
    assert public.data["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"] == "ENABLED"
    assert private.data["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"] == "DISABLED"
    assert public.source_path(awsvpc)[-3:] == ("AssignPublicIp", "Fn::If", 1)
    # the group's own Fn::If (Debug) and that of the standalone ingress joining it (Public): four readings
    groups = found["ServiceSecurityGroup"]
    assert [g.variant for g in groups] == [
        "when condition Debug holds and condition Public holds",
        "when condition Debug holds and condition Public does not hold",
        "when condition Debug does not hold and condition Public holds",
        "when condition Debug does not hold and condition Public does not hold",
    ]
    group_debug, group_release = groups[0], groups[3]
    assert [p["FromPort"] for p in group_debug.data["IpPermissions"]] == [22, 8080, 443]
    assert [p["FromPort"] for p in group_release.data["IpPermissions"]] == [8080, 443]
    https = ("IpPermissions", 2, "IpRanges", 0, "CidrIp")
    assert group_debug.data["IpPermissions"][2]["IpRanges"][0]["CidrIp"] == "0.0.0.0/0"
    assert group_release.data["IpPermissions"][1]["IpRanges"][0]["CidrIp"] == "10.0.0.0/16"
    assert source_line(group_debug, https) == 122
    assert group_debug.source_path(https)[-3:] == ("CidrIp", "Fn::If", 1)
    cidr = ("IpPermissions", 0, "IpRanges", 0, "CidrIp")
    assert group_debug.data["IpPermissions"][0]["IpRanges"][0]["CidrIp"] == "0.0.0.0/0"
    assert source_line(group_debug, cidr) == 80
    assert source_line(group_release, cidr) == 86
    role_debug, role_release = found["TaskRole"]
    assert [p["PolicyName"] for p in role_debug.data["RolePolicyList"]] == ["orders-table", "debug-everything"]
    assert [p["PolicyName"] for p in role_release.data["RolePolicyList"]] == ["orders-table"]


def test_parameter_defaults_are_used_and_noted():
    [group] = readings("checkov-sg-ssh-location.yaml")["InstanceSecurityGroup"]
    cidr = ("IpPermissions", 0, "IpRanges", 0, "CidrIp")
    assert group.data["IpPermissions"][0]["IpRanges"][0]["CidrIp"] == "0.0.0.0/0"
    assert group.notes == {cidr: "from the default of parameter SSHLocation"}
    assert group.variant is None
    assert source_line(group, cidr) == 21


def test_ssh_open_to_the_world_by_default_is_reported_on_the_ref_line():
    run = run_fgscan("scan", str(FIXTURES / "checkov-sg-ssh-location.yaml"), "--rule", "sg-world-ingress-admin-port")
    assert run.returncode == 1, run.stderr
    assert "21:9" in run.stdout and "reaches administration port 22" in run.stdout


def test_defaults_are_put_into_fn_sub():
    [task] = readings("sub-defaults.yaml")["TaskDefinition"]
    image = ("containerDefinitions", 0, "image")
    assert task.data["containerDefinitions"][0]["image"] == {
        "Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/orders:latest"
    }
    assert task.notes == {image: "from the defaults of parameters Repository and ImageTag"}
    parameters.use({"ImageTag": "1.4.2", "Repository": "shop/orders"})
    [task] = readings("sub-defaults.yaml")["TaskDefinition"]
    assert task.data["containerDefinitions"][0]["image"]["Fn::Sub"].endswith("/shop/orders:1.4.2")
    assert task.notes == {}


def test_an_image_tag_defaulting_to_latest_is_reported():
    run = run_fgscan("scan", str(FIXTURES / "sub-defaults.yaml"), "--rule", "image-not-pinned")
    assert "21:11" in run.stdout and "container 'orders' image uses the 'latest' tag" in run.stdout


def test_a_name_from_a_default_labels_findings_without_a_note():
    """nathanpeck's chat service names its container `!Ref ServiceName`: the findings on what the container
    lacks are not made from that default; the one on its image, from `ImageUrl`'s, is."""
    chat = ROOT / "tests" / "corpus" / "public" / "cloudformation" / "socket.io-chat-fargate" / "chat-service.yml"
    run = run_fgscan("scan", str(chat), "--rule", "root-user", "--rule", "image-not-pinned", "-f", "json")
    findings = {f["rule"]: f["message"] for f in json.loads(run.stdout)["findings"]}
    assert findings["root-user"].startswith("Task definition 'TaskDefinition': container 'chat' sets no user")
    assert "ServiceName" not in findings["root-user"]
    assert findings["image-not-pinned"].endswith("(from the default of parameter ImageUrl)")


def test_a_parameter_without_default_is_read_once_per_allowed_value():
    world, documentation = readings("allowed-values.yaml")["AdminSecurityGroup"]
    cidrs = [r.data["IpPermissions"][0]["IpRanges"][0]["CidrIp"] for r in (world, documentation)]
    assert cidrs == ["0.0.0.0/0", "203.0.113.0/24"]
    assert world.variant == "when parameter AdminRange is '0.0.0.0/0'"
    assert world.notes[("IpPermissions", 0, "IpRanges", 0, "CidrIp")] == "from an allowed value of parameter AdminRange"


def test_parameter_types_and_ssm_parameters():
    found = readings("fn-if-debug.yaml")
    # a List<...> parameter without a value stays a reference; a VPC id parameter without a default too
    service = found["Service"][0].data["networkConfiguration"]["awsvpcConfiguration"]
    assert service["subnets"] == {"Ref": "Subnets"}
    parameters.use({"Subnets": "subnet-1, subnet-2"})
    service = readings("fn-if-debug.yaml")["Service"][0].data["networkConfiguration"]["awsvpcConfiguration"]
    assert service["subnets"] == ["subnet-1", "subnet-2"]


def test_supplied_values_decide_conditions_and_replace_defaults():
    parameters.use(parameters.load([FIXTURES / "orders-params.json"], ["SSHLocation=198.51.100.0/24"]))
    found = readings("fn-if-debug.yaml")
    [task] = found["TaskDefinition"]  # Env=dev decides Debug: one reading, no variant
    assert task.variant is None
    assert [c["name"] for c in task.data["containerDefinitions"]] == ["orders", "debug-shell"]
    [group] = found["ServiceSecurityGroup"]  # UsePublicSubnets=false decides Public too
    assert group.data["IpPermissions"][0]["IpRanges"][0]["CidrIp"] == "198.51.100.0/24"
    assert group.notes == {}
    [service] = found["Service"]
    assert service.data["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"] == "DISABLED"


def test_a_resource_whose_condition_supplied_values_make_false_is_not_scanned():
    assert "DebugSecurityGroup" in readings("fn-if-debug.yaml")
    parameters.use({"Env": "prod"})
    assert "DebugSecurityGroup" not in readings("fn-if-debug.yaml")
    parameters.use({"Env": "dev"})
    assert "DebugSecurityGroup" in readings("fn-if-debug.yaml")


def test_codepipeline_template_configuration_names_the_container():
    parameters.use(parameters.load([FIXTURES / "copilot-backend-params.json"]))
    [task] = readings("copilot-backend-template.yml")["TaskDefinition"]
    container = task.data["containerDefinitions"][0]
    assert container["name"] == "simple-backend"
    assert container["environmentFiles"] == []  # HasEnvFile is false for EnvFileARN ""


def test_no_value_removes_a_property_in_the_reading_that_takes_it():
    services = readings("copilot-backend-template.yml")["Service"]
    assert [s.variant for s in services] == [
        "when condition ExposePort holds and condition IsGovCloud holds",
        "when condition ExposePort holds and condition IsGovCloud does not hold",
        "when condition ExposePort does not hold and condition IsGovCloud holds",
        "when condition ExposePort does not hold and condition IsGovCloud does not hold",
    ]
    assert [s.data["serviceRegistries"][0]["port"] for s in services[:2]] == [{"Ref": "TargetPort"}] * 2
    assert ["serviceRegistries" in s.data for s in services[2:]] == [False, False]


def test_a_computed_container_name_is_named_by_position_and_expression():
    run = run_fgscan("scan", str(FIXTURES / "copilot-backend-template.yml"), "--rule", "root-user")
    assert "container #1 (!Ref WorkloadName) sets no user" in run.stdout
    assert "container ''" not in run.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"Parameters": [1]}', "not a parameter file"),
        ("[{", "parameter file is not valid JSON"),
        ('[{"ParameterKey": "A", "ParameterValue": "1"}, {"Key": "B"}]', "not a parameter file"),
    ],
)
def test_bad_parameter_files_are_one_line_errors(tmp_path, content, message):
    file = tmp_path / "params.json"
    file.write_text(content)
    with pytest.raises(InputProblem) as caught:
        parameters.load([file])
    assert message in str(caught.value.error)
    assert str(caught.value.error).startswith(str(file))


def test_a_pair_without_equals_is_refused():
    with pytest.raises(InputProblem, match="'SSHLocation' is not NAME=VALUE"):
        parameters.load(pairs=["SSHLocation"])


def test_readings_are_capped():
    conditions = {f"C{i}": {"Fn::Equals": [{"Ref": "Env"}, str(i)]} for i in range(8)}
    body = {f"P{i}": {"Fn::If": [f"C{i}", 1, 2]} for i in range(8)}
    found = Template({"Conditions": conditions}).readings([body])
    assert 2 < len(found) <= MAX_READINGS
    assert all(len(choices) == 8 for choices in found)
    for i in range(8):  # every branch of every condition is read at least once
        assert {c.value for choices in found for c in choices if c.name == f"C{i}"} == {True, False}


def test_no_echo_parameter_in_environment_is_a_secret_through_rego():
    file = FIXTURES / "fn-if-debug.yaml"
    result = Scanner(ScanOptions(include=["secrets-in-environment"], jobs=1)).scan([file])
    assert result.errors == []
    messages = {(f.span.start_line, f.message) for f in result.findings}
    assert (
        49,
        "Task definition 'TaskDefinition': container 'orders' passes NoEcho parameter 'DbPassword' in plain-text "
        "environment variable 'DB_PASSWORD'.",
    ) in messages


def test_a_parameter_left_to_deploy_time_in_a_secret_named_variable_is_a_secret(tmp_path: Path):
    """Without `NoEcho` or a default, whatever the deployer passes for `DbPassword` is stored in the task definition
    in plain text; `Stage` is no secret name, and a reference to a resource (an ARN) is no value."""
    (tmp_path / "app.yaml").write_text(
        "Parameters:\n  DbPassword:\n    Type: String\n  Stage:\n    Type: String\n"
        "Resources:\n  Token:\n    Type: AWS::SSM::Parameter\n    Properties: {Type: String, Value: x}\n"
        "  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n"
        "        - Name: app\n          Image: app:1.0\n          Environment:\n"
        "            - {Name: DB_PASSWORD, Value: !Ref DbPassword}\n            - {Name: STAGE, Value: !Ref Stage}\n"
        "            - {Name: API_TOKEN, Value: !Ref Token}\n"
        "            - {Name: ODD_TOKEN, Value: {Ref: [DbPassword]}}\n"  # not a name: no parameter, no traceback
    )
    result = Scanner(ScanOptions(include=["secrets-in-environment"], jobs=1)).scan([tmp_path / "app.yaml"])
    assert result.errors == []
    assert [(f.span.start_line, f.message) for f in result.findings] == [
        (
            17,
            "Task definition 'Task': container 'app' passes a secret in plain-text environment variable 'DB_PASSWORD' "
            "(a secret-named variable set from parameter 'DbPassword', stored as given).",
        )
    ]


def test_an_import_of_no_value_is_left_as_written(tmp_path: Path):
    """`Fn::ImportValue` of `AWS::NoValue` (here behind a condition) kept the readings' internal marker for "no
    value" inside the function, which no engine can take: the service went unjudged."""
    (tmp_path / "app.yaml").write_text(
        "Conditions:\n  Never: !Equals [a, b]\nResources:\n  Service:\n    Type: AWS::ECS::Service\n"
        "    Properties:\n      Cluster: !ImportValue {'Fn::If': [Never, x, !Ref 'AWS::NoValue']}\n"
        "      LaunchType: FARGATE\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n"
        "          AssignPublicIp: ENABLED\n          Subnets: [subnet-1]\n"
    )
    result = Scanner(ScanOptions(include=["public-ip-assigned"], jobs=1)).scan([tmp_path / "app.yaml"])
    assert result.errors == []
    assert [f.rule_id for f in result.findings] == ["FG-SVC-001"]


def test_resources_without_fn_if_or_resolved_parameters_are_read_as_written():
    """What fingerprints are made of (kind, file, name, data) is unchanged for a template without Fn::If."""
    file = ROOT / "examples" / "web-stack.yaml"
    doc = parse(read_text(file, "web-stack.yaml"), "web-stack.yaml", "yaml")
    for resource in recognise(doc):
        assert (resource.variant, resource.notes) == (None, {})
        if resource.kind in ("ecs_task_definition", "ecs_service"):
            body = doc.data["Resources"][resource.name]
            _, shape = cloudformation.TYPES[body["Type"]]
            converter = cloudformation.ShapeConverter(resource.source_root)
            expected = canonical(converter.convert(body["Properties"], shape, (), ()))
            assert (resource.data, resource.origin) == (expected, converter.origin)


def test_template_without_parameters_section(tmp_path: Path):
    assert Template({"Parameters": "oops", "Conditions": []}).readings([{"A": {"Ref": "X"}}]) == [()]


def test_find_in_map_takes_the_mapping_value_or_stays_when_the_region_decides_it():
    """Real templates (tests/corpus/public): Mythical Mysfits' `!FindInMap [SubnetConfig, VPC, CIDR]` is the
    mapping's 10.0.0.0/16; the Java microservices' `!FindInMap [AWSRegionToAMI, !Ref AWS::Region, AMIID]` differs
    per region, so it stays as written (not a value, not a hole)."""
    corpus = ROOT / "tests" / "corpus" / "public" / "cloudformation"

    def read(name: str) -> dict[str, list[Resource]]:
        file = corpus / name
        doc = parse(read_text(file, name), name, "yaml")
        out: dict[str, list[Resource]] = {}
        for resource in recognise(doc):
            out.setdefault(resource.name, []).append(resource)
        return out

    [group] = read("amazon-ecs-mythicalmysfits-workshop/workshop-1-core.yml")["FargateContainerSecurityGroup"]
    assert group.data["IpPermissions"][0]["IpRanges"][0]["CidrIp"] == "10.0.0.0/16"
    configs = read("amazon-ecs-java-microservices/ecs-cluster-2az.yaml")["EcsInstanceLc"]  # one per security group
    unresolved = {"Fn::FindInMap": ["AWSRegionToAMI", {"Ref": "AWS::Region"}, "AMIID"]}
    assert configs and all(config.data["ImageId"] == unresolved for config in configs)


def test_get_att_of_a_vpc_cidr_block_is_that_vpcs_block_in_either_form():
    """`!GetAtt Vpc.CidrBlock` (YAML) and `{"Fn::GetAtt": "Vpc.CidrBlock"}` (JSON, string form) read the block
    of the template's own VPC; a VPC whose block comes from an IPAM pool, or an attribute that is not the
    block, stays as written."""
    template = Template(
        {
            "Parameters": {"VpcCIDR": {"Type": "String", "Default": "10.1.0.0/16"}},
            "Resources": {
                "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": {"Ref": "VpcCIDR"}}},
                "Pooled": {"Type": "AWS::EC2::VPC", "Properties": {"Ipv4IpamPoolId": "ipam-pool-1"}},
            },
        }
    )
    written = [
        {"Fn::GetAtt": ["Vpc", "CidrBlock"]},
        {"Fn::GetAtt": "Vpc.CidrBlock"},
        {"Fn::GetAtt": ["Pooled", "CidrBlock"]},
        {"Fn::GetAtt": ["Vpc", "CidrBlockAssociations"]},
    ]
    resolved, resolution = template.resolve({"Cidrs": written}, ())
    assert resolved["Cidrs"] == ["10.1.0.0/16", "10.1.0.0/16", *written[2:]]
    assert resolution.notes[("Cidrs", 0)] == "from the default of parameter VpcCIDR"


def test_past_the_cap_a_condition_never_flipped_alone_is_named_with_its_twins(tmp_path):
    """Twenty conditions each adding one environment entry, the last a password: past MAX_READINGS only the
    first fourteen are flipped alone, the others only together (in the all-false reading), so no reading tells
    which of them the password follows. The finding names all those twins, never one picked among them."""
    conditions = {f"Env{i}": {"Fn::Equals": [{"Ref": "Mode"}, str(i)]} for i in range(20)}
    entries = [{"Name": f"E{i}", "Value": "x"} for i in range(19)] + [{"Name": "DB_PASSWORD", "Value": "pw-4f9a"}]
    env = [{"Fn::If": [f"Env{i}", entry, {"Ref": "AWS::NoValue"}]} for i, entry in enumerate(entries)]
    template = {
        "Parameters": {"Mode": {"Type": "String", "Default": "none"}},
        "Conditions": conditions,
        "Resources": {
            "Task": {
                "Type": "AWS::ECS::TaskDefinition",
                "Properties": {
                    "RequiresCompatibilities": ["FARGATE"],
                    "NetworkMode": "awsvpc",
                    "ContainerDefinitions": [{"Name": "app", "Image": "public.ecr.aws/a/b:1", "Environment": env}],
                },
            }
        },
    }
    file = tmp_path / "many-conditions.json"
    file.write_text(json.dumps(template))
    run = run_fgscan("scan", str(file), "--rule", "secrets-in-environment", "-f", "json")
    found = [f["message"] for f in json.loads(run.stdout)["findings"]]
    assert len(found) == 1, found
    when = found[0].split(" (when ", 1)[1]
    assert "condition Env19 holds" in when
    assert "condition Env0 " not in when  # flipped alone: the password does not follow it
    assert when.count(" holds") > 1  # its twins with it: the readings cannot tell them apart


def test_a_template_whose_text_holds_no_fn_if_is_not_walked_for_one(tmp_path: Path):
    """No `Fn::If` can be in a template whose text lacks "If", a backslash (an escape can spell it) and
    "ForEach" (a loop can build the key): its resources are read once, unwalked. With any of the three, the
    walk decides, and an escaped `Fn::If` is read both ways."""
    body = {"Properties": {"Cpu": {"Fn::If": ["Big", "1024", "256"]}}}
    assert Template({}, "Resources: {}").readings([body]) == [()]  # the text says it cannot be there
    for text in ("!If", '"Fn::\\u0049f"', "Fn::ForEach::Tasks"):
        assert len(Template({}, text).readings([body])) == 2
    template = {
        "Conditions": {"Big": {"Fn::Equals": [{"Ref": "AWS::Region"}, "eu-west-1"]}},
        "Resources": {
            "Task": {
                "Type": "AWS::ECS::TaskDefinition",
                "Properties": {
                    "Family": "app",
                    "ContainerDefinitions": [{"Name": "app", "Image": "nginx:1.27", "Privileged": "PLACEHOLDER"}],
                },
            }
        },
    }
    text = json.dumps(template).replace('"PLACEHOLDER"', '{"Fn::\\u0049f": ["Big", true, false]}')
    (tmp_path / "escaped.json").write_text(text)
    doc = parse(read_text(tmp_path / "escaped.json", "escaped.json"), "escaped.json", "json")
    privileged = [r.data["containerDefinitions"][0]["privileged"] for r in recognise(doc)]
    assert sorted(privileged) == [False, True]
