"""How far `.tf` values are worked out without Terraform, on real modules written to disk: variables
from tfvars and defaults, locals, functions, templates, modules, `count`/`for_each`, `dynamic` blocks, and
what stays unresolved (never guessed, never read from outside the module's project)."""

from __future__ import annotations

from pathlib import Path

from scanner.changed_files import belonging
from scanner.sources.terraform.modules import root_instances, root_of
from scanner.sources.terraform.resolve import plain
from tests.test_changed_files import commit_all, make_repo, scanned_files


def values(folder: Path) -> dict[str, dict]:
    """Address -> plain values of every resource instance of the module tree rooted at `folder`."""
    return {i.address: plain(i.values) for i in root_instances(root_of(folder))}


def write(folder: Path, **files: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name.replace("__", ".")).write_text(text)
    return folder


def test_variables_come_from_tfvars_then_auto_tfvars_then_defaults(tmp_path):
    module = write(
        tmp_path,
        variables__tf='variable "a" { default = "default" }\nvariable "b" { default = "default" }\n'
        'variable "c" { default = "default" }\nvariable "d" {}\n',
        terraform__tfvars='a = "tfvars"\nb = "tfvars"\n',
        x__auto__tfvars='b = "auto"\n',
        main__tf='resource "aws_ecs_cluster" "c" {\n  name = join(",", [var.a, var.b, var.c])\n'
        "  tags = { d = var.d }\n}\n",
    )
    assert values(module)["aws_ecs_cluster.c"] == {
        "name": "tfvars,auto,default",
        "tags": {"d": {"Fn::Terraform": "var.d"}},
    }


def test_expressions_functions_and_templates(tmp_path):
    module = write(
        tmp_path,
        main__tf="""locals {
  ports  = [80, 443]
  base   = { cpu = 256, memory = 512 }
  env    = "prod"
}

resource "aws_ecs_task_definition" "t" {
  family = format("%s-%03d", local.env, 7)
  cpu    = local.env == "prod" ? local.base.cpu * 2 : local.base.cpu
  memory = lookup(merge(local.base, { memory = 1024 }), "memory", 0)
  tags   = { for p in local.ports : "p${p}" => p if p > 100 }
  requires_compatibilities = [for p in local.ports : upper("fargate")]
  network_mode = try(local.missing, "awsvpc")
  container_definitions = <<-EOT
    [{"name": "a", "image": "img:${local.env}", "command": ["echo", "\\"quoted\\""]}]
    EOT
}
""",
    )
    td = values(module)["aws_ecs_task_definition.t"]
    assert td["family"] == "prod-007"
    assert td["cpu"] == 512 and td["memory"] == 1024
    assert td["tags"] == {"p443": 443}
    assert td["requires_compatibilities"] == ["FARGATE", "FARGATE"]
    assert td["network_mode"] == "awsvpc"
    assert td["container_definitions"] == '[{"name": "a", "image": "img:prod", "command": ["echo", "\\"quoted\\""]}]\n'


def test_references_stay_references_and_unknowns_stay_unknown(tmp_path):
    module = write(
        tmp_path,
        main__tf="""variable "subnets" {}

resource "aws_ecs_service" "s" {
  cluster         = aws_ecs_cluster.c.id
  task_definition = data.aws_ecs_task_definition.t.arn
  network_configuration {
    subnets          = var.subnets
    security_groups  = [aws_security_group.g[0].id, "sg-literal"]
    assign_public_ip = timestamp() != ""
  }
}
""",
    )
    service = values(module)["aws_ecs_service.s"]
    assert service["cluster"] == {"Ref": "aws_ecs_cluster.c"}
    assert service["task_definition"] == {"Ref": "data.aws_ecs_task_definition.t"}
    network = service["network_configuration"][0]
    assert network["subnets"] == {"Fn::Terraform": "var.subnets"}
    assert network["security_groups"] == [{"Ref": "aws_security_group.g[0]"}, "sg-literal"]
    assert network["assign_public_ip"] == {"Fn::Terraform": 'timestamp() != ""'}


def test_file_reads_stay_inside_the_module(tmp_path):
    (tmp_path / "secret.json").write_text('[{"name": "outside"}]')
    module = write(
        tmp_path / "module",
        containers__json='[{"name": "inside"}]',
        main__tf='resource "aws_ecs_task_definition" "in" {\n  container_definitions = file("containers.json")\n}\n'
        'resource "aws_ecs_task_definition" "out" {\n  container_definitions = file("../secret.json")\n}\n',
    )
    found = values(module)
    assert found["aws_ecs_task_definition.in"]["container_definitions"] == '[{"name": "inside"}]'
    assert found["aws_ecs_task_definition.out"]["container_definitions"] == {"Fn::Terraform": 'file("../secret.json")'}


def test_file_reads_reach_the_repository_holding_the_module_and_no_further(tmp_path):
    """HENNGE's modules read `${path.module}/../../templates/container_definitions.tpl`: a template kept beside the
    modules, inside the repository, is read; a file out of the repository is not, however it is named."""
    (tmp_path / "outside.json").write_text('[{"name": "outside"}]')
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo / "templates", containers__tpl='[{"name": "${name}"}]')
    module = write(
        repo / "modules" / "task",
        main__tf='resource "aws_ecs_task_definition" "t" {\n'
        '  container_definitions = templatefile("${path.module}/../../templates/containers.tpl", { name = "app" })\n}\n'
        'resource "aws_ecs_task_definition" "out" {\n  container_definitions = file("../../../outside.json")\n}\n'
        'resource "aws_ecs_task_definition" "abs" {\n'
        f'  container_definitions = file("{tmp_path / "outside.json"}")\n}}\n',
    )
    found = values(module)
    assert found["aws_ecs_task_definition.t"]["container_definitions"] == '[{"name": "app"}]'
    assert found["aws_ecs_task_definition.out"]["container_definitions"] == {
        "Fn::Terraform": 'file("../../../outside.json")'
    }
    assert "Fn::Terraform" in found["aws_ecs_task_definition.abs"]["container_definitions"]


def test_count_for_each_and_dynamic_blocks(tmp_path):
    module = write(
        tmp_path,
        main__tf="""variable "enabled" {}

resource "aws_security_group" "none" {
  count = 0
}

resource "aws_security_group" "maybe" {
  count = var.enabled ? 1 : 0
  name  = "maybe-${count.index}"
}

resource "aws_security_group" "each" {
  for_each = { a = 22, b = 80 }
  name     = each.key
  dynamic "ingress" {
    for_each = [each.value, 8080]
    content {
      from_port = ingress.value
      to_port   = ingress.value
      protocol  = "tcp"
    }
  }
}
""",
    )
    found = values(module)
    assert sorted(found) == ['aws_security_group.each["a"]', 'aws_security_group.each["b"]', "aws_security_group.maybe"]
    assert found["aws_security_group.maybe"]["name"] == {"Fn::Terraform": '"maybe-${count.index}"'}
    assert [r["from_port"] for r in found['aws_security_group.each["b"]']["ingress"]] == [80, 8080]


def test_policy_documents_and_module_outputs(tmp_path):
    write(
        tmp_path / "modules" / "sg",
        main__tf='variable "port" {}\nresource "aws_security_group" "this" {\n  name = "p${var.port}"\n}\n'
        'output "id" {\n  value = aws_security_group.this.id\n}\n',
    )
    module = write(
        tmp_path,
        main__tf="""module "sg" {
  source = "./modules/sg"
  port   = 443
}

data "aws_iam_policy_document" "p" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["123456789012"]
    }
  }
}

resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.p.json
}

resource "aws_network_interface" "n" {
  security_groups = [module.sg.id]
}
""",
    )
    found = values(module)
    assert found["module.sg.aws_security_group.this"] == {"name": "p443"}
    assert found["aws_network_interface.n"]["security_groups"] == [{"Ref": "module.sg.aws_security_group.this"}]
    statement = found["aws_iam_policy.p"]["policy"]["Statement"][0]
    assert statement == {
        "Sid": "Read",
        "Effect": "Allow",
        "Action": ["s3:GetObject"],
        "Resource": ["*"],
        "Condition": {"StringEquals": {"aws:SourceAccount": ["123456789012"]}},
    }


def test_spans_inside_jsonencode_are_the_keys_lines(tmp_path):
    module = write(
        tmp_path,
        main__tf='resource "aws_ecs_task_definition" "t" {\n  container_definitions = jsonencode([\n'
        '    {\n      name       = "a"\n      privileged = true\n    }\n  ])\n}\n',
    )
    [instance] = root_instances(root_of(module))
    assert instance.spans[("container_definitions", 0, "privileged")].start_line == 5
    assert instance.spans[("container_definitions",)].start_line == 2


def test_a_changed_tf_or_tfvars_file_brings_its_whole_module(tmp_path):
    module = write(tmp_path / "m", main__tf="", variables__tf="", prod__tfvars="")
    write(tmp_path / "other", main__tf="")
    tf = {(module / "main.tf").resolve(), (module / "variables.tf").resolve()}
    assert belonging({(module / "variables.tf").resolve()}) == tf
    assert belonging({(module / "prod.tfvars").resolve()}) == tf


def test_changed_since_scans_the_module_of_a_changed_variable(tmp_path):
    repo = make_repo(tmp_path / "repo")
    write(
        repo / "svc",
        variables__tf='variable "public" {\n  default = false\n}\n',
        main__tf='resource "aws_ecs_service" "s" {\n  network_configuration {\n    subnets          = ["subnet-1"]\n'
        '    security_groups  = ["sg-1"]\n    assign_public_ip = var.public\n  }\n}\n',
    )
    write(repo / "untouched", main__tf='resource "aws_ecs_service" "u" {\n  launch_type = "EC2"\n}\n')
    commit_all(repo, "initial")
    (repo / "svc" / "variables.tf").write_text('variable "public" {\n  default = true\n}\n')
    assert scanned_files(repo, "--changed-since", "HEAD") == {"svc/main.tf"}


def test_an_example_calling_its_parent_module_reports_the_module_instances_it_makes(tmp_path):
    from tests.test_terraform import found, scan

    write(
        tmp_path / "repo",
        main__tf='variable "public" {\n  default = false\n}\nvariable "create" {\n  default = false\n}\n'
        'resource "aws_ecs_service" "this" {\n  count = var.create ? 1 : 0\n  network_configuration {\n'
        '    subnets          = ["subnet-1"]\n    security_groups  = ["sg-1"]\n    assign_public_ip = var.public\n'
        "  }\n}\n",
    )
    write(
        tmp_path / "repo" / "examples" / "public",
        main__tf='module "svc" {\n  source = "../../"\n  create = true\n  public = true\n}\n',
    )
    hits = {(rule, address, line) for rule, address, _, line in found(scan("repo", cwd=tmp_path))}
    assert ("FG-SVC-001", "module.svc.aws_ecs_service.this[0]", 12) in hits
    assert not [h for h in hits if h[1].startswith("aws_ecs_service")]  # the module alone makes none


def test_resources_map_onto_the_api_shapes(tmp_path):
    from scanner.load import load
    from scanner.sources.discovery import InputFile

    services = Path(__file__).parent / "fixtures" / "terraform" / "services" / "main.tf"
    alb = Path(__file__).parent.parent / "examples" / "terraform" / "modules" / "alb" / "main.tf"
    found = {}
    for file in (services, alb):
        resources = load(InputFile(str(file), str(file), True), 1 << 20).resources
        found.update({r.name: r.data for r in resources})
    cluster = found["aws_ecs_cluster.main"]
    assert cluster["capacityProviders"] == ["FARGATE", "FARGATE_SPOT"]
    assert cluster["defaultCapacityProviderStrategy"] == [{"capacityProvider": "FARGATE", "weight": 1}]
    assert cluster["configuration"] == {"executeCommandConfiguration": {"logging": "NONE"}}
    assert found["aws_ecs_task_set.canary"]["networkConfiguration"] == {
        "awsvpcConfiguration": {
            "subnets": ["subnet-1"],
            "securityGroups": ["sg-0123456789abcdef0"],
            "assignPublicIp": "DISABLED",
        }
    }
    assert found["aws_ecs_task_set.canary"]["serviceArn"] == {"Ref": "aws_ecs_service.api"}
    assert found["module.alb.aws_lb.this"]["Scheme"] == "internet-facing"
    assert found["module.alb.aws_lb.this"]["SecurityGroups"] == [{"Ref": "module.alb.aws_security_group.alb"}]
    assert found["module.alb.aws_lb_target_group.this"] == {
        "TargetGroupName": "orders",
        "Protocol": "HTTP",
        "Port": 8080,
        "TargetType": "ip",
        "VpcId": "vpc-0a1b2c3d",
    }
    listener = found["module.alb.aws_lb_listener.http"]
    assert listener["LoadBalancerArn"] == {"Ref": "module.alb.aws_lb.this"}
    assert listener["DefaultActions"] == [
        {"Type": "forward", "TargetGroupArn": {"Ref": "module.alb.aws_lb_target_group.this"}}
    ]


def test_template_directives_choose_members_and_repeat_items(tmp_path):
    """umotif's container JSON keeps its members behind `%{if}`: worked out when the conditions are known,
    strip markers trimming the text around them; an unknown condition leaves the whole template unknown."""
    module = write(
        tmp_path,
        variables__tf='variable "logs" { default = true }\nvariable "creds" { default = "" }\n'
        'variable "ports" { default = [80, 443] }\nvariable "unset" {}\n',
        main__tf="""resource "aws_ecs_task_definition" "known" {
  container_definitions = <<EOF
[{
  "name": "app",
  %{if var.creds != ""~}
  "repositoryCredentials": {"credentialsParameter": "${var.creds}"},
  %{~endif}
  %{if var.logs~}
  "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "${aws_cloudwatch_log_group.g.name}"}},
  %{~else~}
  "logConfiguration": null,
  %{~endif}
  "portMappings": [%{for i, p in var.ports}%{if i > 0},%{endif}{"containerPort": ${p}}%{endfor}],
  "image": "nginx"
}]
EOF
}

resource "aws_ecs_task_definition" "unknown" {
  container_definitions = <<EOF
[{"name": "app", %{if var.unset}"privileged": true, %{endif}"image": "nginx"}]
EOF
}
""",
    )
    found = values(module)
    assert found["aws_ecs_task_definition.known"]["container_definitions"] == [
        {
            "name": "app",
            "logConfiguration": {
                "logDriver": "awslogs",
                "options": {"awslogs-group": {"Ref": "aws_cloudwatch_log_group.g"}},
            },
            "portMappings": [{"containerPort": 80}, {"containerPort": 443}],
            "image": "nginx",
        }
    ]
    unknown = found["aws_ecs_task_definition.unknown"]["container_definitions"]
    assert list(unknown) == ["Fn::Terraform"] and "%{if var.unset}" in unknown["Fn::Terraform"]


def test_a_for_expression_filtering_nulls_keeps_a_collection_built_from_unknowns(tmp_path):
    """wellcome's container module drops null members with `{ for k, v in local.c : k => v if v != null }`;
    its environment is a `[ for ... ]` over `sort(keys(...))`: a list, whatever its items, so never null."""
    module = write(
        tmp_path,
        main__tf="""variable "environment" { default = { B = "2", A = "1" } }
variable "unset" {}
locals {
  env = [for key in sort(keys(var.environment)) : { name = key, value = lookup(var.environment, key) }]
  secrets = [for key in sort(var.unset) : { name = key }]
  container = { name = "app", environment = local.env, secrets = local.secrets, user = null }
}
resource "aws_ecs_task_definition" "t" {
  container_definitions = jsonencode([{ for k, v in local.container : k => v if v != null }])
}
""",
    )
    assert values(module)["aws_ecs_task_definition.t"]["container_definitions"] == [
        {
            "name": "app",
            "environment": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}],
            "secrets": {"Fn::Terraform": "[for key in sort(var.unset) : { name = key }]"},
        }
    ]


def test_replace_works_on_the_known_text_around_unknown_replacements(tmp_path):
    """infrablocks renders its container template with nested `replace()`, some replacements known only at
    apply (the log group's name): the known text stays known, each unknown stays where it goes."""
    module = write(
        tmp_path,
        containers__tpl='[{"name": "${name}", "image": "${image}", "cpu": ${cpu},\n'
        '  "logConfiguration": {"options": {"awslogs-group": "${log_group}", "awslogs-region": "${region}"}}}]\n',
        main__tf="""variable "region" {}

resource "aws_cloudwatch_log_group" "service" {
  count = 1
}

locals {
  template = file("${path.module}/containers.tpl")
  rendered = replace(replace(replace(replace(replace(local.template,
    "$${name}", "web"), "$${log_group}", aws_cloudwatch_log_group.service[0].name),
    "$${image}", "nginx"), "$${region}", var.region), "$${cpu}", 256)
  named = "pre-${var.region}-post"
}

resource "aws_ecs_task_definition" "t" {
  container_definitions = local.rendered
}

resource "aws_ecs_cluster" "c" {
  name = replace(replace("a-b", "x", var.region), "-", "_")
  tags = {
    absent    = replace(local.named, "z", "y")
    straddles = replace(local.named, "-p", "Q")
    inside    = replace(local.named, "pre", "PRE")
    regex     = replace("abc", "/b/", "x")
    unknown   = replace(var.region, "a", "b")
    decoded   = jsondecode(replace("{\\"a\\": \\"@\\"}", "@", var.region))
  }
}
""",
    )
    found = values(module)
    assert found["aws_ecs_task_definition.t"]["container_definitions"] == [
        {
            "name": "web",
            "image": "nginx",
            "cpu": 256,
            "logConfiguration": {
                "options": {
                    "awslogs-group": {"Ref": "aws_cloudwatch_log_group.service[0]"},
                    "awslogs-region": {"Fn::Terraform": "replace(var.region, …)"},
                }
            },
        }
    ]
    cluster = found["aws_ecs_cluster.c"]
    assert cluster["name"] == "a_b"  # "x" is not in "a-b": the unknown replacement is never used
    tags = cluster["tags"]
    # "z" may be inside the region: known text around an unknown piece, not one string
    assert tags["absent"] == {"Fn::Terraform": 'replace(local.named, "z", "y")'}
    # the region may start with "p" (or end with "-"): a match could take in the known text beside it
    assert tags["straddles"] == {"Fn::Terraform": 'replace(local.named, "-p", "Q")'}
    assert tags["regex"] == {"Fn::Terraform": 'replace("abc", "/b/", "x")'}
    assert tags["unknown"] == {"Fn::Terraform": 'replace(var.region, "a", "b")'}
    assert tags["decoded"] == {"a": {"Fn::Terraform": "var.region"}}  # a JSON string known in part, decoded


def test_try_returns_a_made_instances_unknown_attribute_and_falls_back_only_when_it_is_not_made(tmp_path):
    """`try` returns its first argument that evaluates without an error: an attribute known only after apply
    of an instance that is made is no error (infrablocks' `try(aws_security_group.task.0.id, "")`), one of an
    instance `count` or `for_each` does not make is; when that cannot be worked out the result is unknown."""
    module = write(
        tmp_path,
        main__tf="""variable "enabled" {}
variable "given" {}

locals {
  settings = { a = "x" }
}

resource "aws_security_group" "one" {
  count = 1
}

resource "aws_security_group" "none" {
  count = 0
}

resource "aws_security_group" "maybe" {
  count = var.enabled ? 1 : 0
}

resource "aws_security_group" "keyed" {
  for_each = toset(["a"])
}

resource "aws_ecs_service" "s" {
  network_configuration {
    security_groups = compact([
      try(aws_security_group.one.0.id, ""),
      try(aws_security_group.none.0.id, ""),
      try(aws_security_group.keyed["a"].id, ""),
      try(aws_security_group.keyed["b"].id, ""),
    ])
  }
  tags = {
    maybe      = try(aws_security_group.maybe[0].id, "")
    absent_key = try(local.settings.b, "fallback")
    present    = try(local.settings.a, "fallback")
    variable   = try(var.given, "fallback")
    inside_var = try(var.given.b, "fallback")
    undeclared = try(local.nothing, "fallback")
    can_absent = can(local.settings.b)
    can_made   = can(aws_security_group.one[0].id)
    can_none   = can(aws_security_group.none[0].id)
    can_maybe  = can(aws_security_group.maybe[0].id)
  }
}
""",
    )
    service = values(module)["aws_ecs_service.s"]
    assert service["network_configuration"][0]["security_groups"] == [
        {"Ref": "aws_security_group.one[0]"},
        {"Ref": 'aws_security_group.keyed["a"]'},
    ]
    assert service["tags"] == {
        "maybe": {"Fn::Terraform": 'try(aws_security_group.maybe[0].id, "")'},
        "absent_key": "fallback",
        "present": "x",
        "variable": {"Fn::Terraform": "var.given"},
        "inside_var": {"Fn::Terraform": 'try(var.given.b, "fallback")'},
        "undeclared": "fallback",
        "can_absent": False,
        "can_made": True,
        "can_none": False,
        "can_maybe": {"Fn::Terraform": "can(aws_security_group.maybe[0].id)"},
    }


def test_a_legacy_template_file_data_source_is_rendered_with_its_vars(tmp_path):
    """Philips' module renders its containers with `data "template_file"` (the legacy template provider):
    `rendered` is the template with its `vars`, as `templatefile` would give; not made with `count = 0`."""
    module = write(
        tmp_path,
        containers__tpl='[{"name": "${name}", "image": "${image}", "memory": ${memory}}]',
        main__tf="""variable "image" {}

data "template_file" "containers" {
  template = file("${path.module}/containers.tpl")
  vars = {
    name   = "app"
    image  = var.image
    memory = 512
  }
}

data "template_file" "none" {
  count    = 0
  template = "x"
}

resource "aws_ecs_task_definition" "t" {
  container_definitions = data.template_file.containers.rendered
  family                = try(data.template_file.none[0].rendered, "fallback")
}
""",
    )
    td = values(module)["aws_ecs_task_definition.t"]
    assert td["container_definitions"] == [{"name": "app", "image": {"Fn::Terraform": "var.image"}, "memory": 512}]
    assert td["family"] == "fallback"


def test_a_variable_is_converted_to_its_type_optional_defaults_filled_and_nullable_false_honoured(tmp_path):
    """Terraform converts a caller's object to the variable's `type`: an attribute left out or null gets its
    `optional(type, default)` default (nested too), one the type does not declare is dropped; a null
    argument for a `nullable = false` variable is the default. `null.x == null` is an error `try` skips."""
    write(
        tmp_path / "mod",
        main__tf="""variable "logs" {
  type = object({
    enabled = optional(bool, false)
    router = optional(object({
      registry = optional(string, "public.ecr.aws/fluent-bit")
      tag      = optional(string, "stable")
    }), {})
  })
  default = { enabled = false, extra = "dropped" }
}
variable "registry" {
  type     = string
  default  = "public.ecr.aws/agent"
  nullable = false
}
variable "check" {
  type    = object({ command = optional(list(string)) })
  default = null
}
resource "aws_ecs_cluster" "c" {
  name = "${var.registry}:${var.logs.router.registry}:${var.logs.router.tag}"
  tags = { enabled = var.logs.enabled, keys = join(",", keys(var.logs)), check = try(var.check.command == null, true) }
}
""",
    )
    root = write(
        tmp_path,
        main__tf='module "m" {\n  source = "./mod"\n  logs = { enabled = true, router = { tag = null } }\n'
        "  registry = null\n}\n",
    )
    assert values(root)["module.m.aws_ecs_cluster.c"] == {
        "name": "public.ecr.aws/agent:public.ecr.aws/fluent-bit:stable",
        "tags": {"enabled": True, "keys": "enabled,router", "check": True},
    }
