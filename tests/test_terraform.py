"""Terraform `.tf` modules scanned end to end through the real CLI: each rule family has a case, findings
sit on the offending `.tf` line (inside `jsonencode(...)` too), unresolved values are never guessed,
suppressions in HCL comments work like CloudFormation metadata, and bad HCL is one error line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, run_fgscan

FIXTURES = ROOT / "tests" / "fixtures" / "terraform"


def scan(*args: str, cwd: Path | None = None) -> dict:
    proc = run_fgscan("scan", *args, "--format", "json", "--fail-on", "none", cwd=cwd)
    assert proc.returncode in (0, 2), proc.stderr
    return json.loads(proc.stdout)


def found(report: dict) -> set[tuple[str, str, str, int]]:
    """(rule id, resource address, file name, line) of every finding."""
    return {(f["rule_id"], f["resource"], Path(f["file"]).name, f["line"]) for f in report["findings"]}


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    hits = [n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line]
    return hits[nth - 1]


@pytest.fixture(scope="module")
def containers() -> dict:
    return scan(str(FIXTURES / "containers"))


def test_container_rules_point_inside_jsonencode(containers):
    main = FIXTURES / "containers" / "main.tf"
    hits = found(containers)
    inline = "aws_ecs_task_definition.inline"
    assert ("FG-CTR-001", inline, "main.tf", line_of(main, "privileged = true")) in hits
    assert ("FG-CTR-002", inline, "main.tf", line_of(main, "user       = local.user")) in hits
    assert ("FG-CTR-004", inline, "main.tf", line_of(main, 'add = ["SYS_ADMIN"]')) in hits


def test_a_variable_without_a_value_is_not_guessed(containers):
    sidecar = [f for f in containers["findings"] if "'sidecar'" in f["message"]]
    assert sidecar and not [f for f in sidecar if f["rule_id"] == "FG-CTR-001"]


def test_heredoc_file_and_templatefile_container_definitions_are_read(containers):
    main = FIXTURES / "containers" / "main.tf"
    hits = found(containers)
    heredoc = "aws_ecs_task_definition.heredoc"
    assert ("FG-CTR-001", heredoc, "main.tf", line_of(main, '"privileged": true')) in hits  # inside the heredoc
    assert ("FG-CTR-022", heredoc, "main.tf", line_of(main, '"command"')) in hits
    assert ("FG-CTR-001", "aws_ecs_task_definition.from_file", "main.tf", line_of(main, "file(")) in hits
    assert ("FG-CTR-002", "aws_ecs_task_definition.from_template", "main.tf", line_of(main, "templatefile(")) in hits
    secret = next(f for f in containers["findings"] if f["rule_id"] == "FG-CTR-022")
    assert "s3cr3t-value" not in json.dumps(containers) and secret


def test_task_rules_on_volumes_and_namespaces(tmp_path):
    (tmp_path / "task.tf").write_text(
        """resource "aws_ecs_task_definition" "host" {
  family                = "host"
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{
    name        = "app"
    image       = "public.ecr.aws/nginx/nginx:1.27"
    mountPoints = [{ sourceVolume = "docker", containerPath = "/var/run/docker.sock" }]
  }])

  volume {
    name      = "docker"
    host_path = "/var/run/docker.sock"
  }

  volume {
    name = "shared"
    efs_volume_configuration {
      file_system_id     = "fs-1"
      transit_encryption = "DISABLED"
    }
  }

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  ephemeral_storage {
    size_in_gib = 30
  }
}
"""
    )
    hits = {(rule, line) for rule, _, _, line in found(scan("task.tf", cwd=tmp_path))}
    assert hits >= {("FG-TSK-023", 7), ("FG-TSK-024", 19)}  # the socket mount, transit_encryption


def test_service_and_cluster_rules():
    main = FIXTURES / "services" / "main.tf"
    hits = found(scan(str(FIXTURES / "services")))
    assert hits >= {
        ("FG-SVC-001", "aws_ecs_service.api", "main.tf", line_of(main, "assign_public_ip = true")),
        ("FG-SVC-020", "aws_ecs_service.api", "main.tf", line_of(main, "platform_version")),
        ("FG-SVC-021", "aws_ecs_service.api", "main.tf", line_of(main, "enable_execute_command")),
        ("FG-SVC-022", "aws_ecs_cluster.main", "main.tf", line_of(main, 'logging = "NONE"')),
    }
    assert not [h for h in hits if h[1] == "aws_ecs_task_set.canary"]


def test_security_group_rules_are_joined_to_their_group():
    main = FIXTURES / "network" / "main.tf"
    hits = found(scan(str(FIXTURES / "network")))
    assert hits >= {
        ("FG-SG-001", "aws_security_group.admin", "main.tf", line_of(main, '"0.0.0.0/0"]')),
        ("FG-SG-002", "aws_security_group.admin", "main.tf", line_of(main, 'cidr_blocks       = ["0.0.0.0/0"]')),
        ("FG-SG-020", 'aws_security_group.workers["blue"]', "main.tf", line_of(main, "cidr_ipv4")),
        ("FG-ENI-002", "aws_network_interface.appliance", "main.tf", line_of(main, "source_dest_check")),
    }
    assert not [h for h in hits if h[1].startswith("aws_security_group_rule") or "green" in h[1]]


def test_iam_rules_on_inline_managed_attached_and_data_source_policies():
    main = FIXTURES / "iam" / "main.tf"
    hits = found(scan(str(FIXTURES / "iam")))
    assert hits >= {
        ("FG-IAM-006", "aws_iam_role.task", "main.tf", line_of(main, 'Principal = { AWS = "*" }')),
        ("FG-IAM-004", "aws_iam_role.task", "main.tf", line_of(main, "AdministratorAccess")),
        ("FG-IAM-003", "aws_iam_role.worker", "main.tf", line_of(main, "iam:PassRole")),
    }
    # the data source's trust policy carries the confused-deputy condition
    assert not [h for h in hits if h[0] == "FG-IAM-005" and h[1] == "aws_iam_role.worker"]


def test_exposure_across_files_and_a_local_module():
    report = scan(str(EXAMPLES / "terraform"), "--exclude", "plan.json")
    network = EXAMPLES / "terraform" / "network.tf"
    exposed = [f for f in report["findings"] if f["rule_id"] == "FG-EXP-001"]
    assert [(f["resource"], f["line"], f["severity"]) for f in exposed] == [
        ("aws_ecs_service.orders", line_of(network, 'cidr_ipv4         = "0.0.0.0/0"'), "critical")
    ]
    assert {f["file"] for f in exposed[0]["related"]} >= {"examples/terraform/main.tf"}
    assert "FG-EXP-002" in {f["rule_id"] for f in report["findings"]}  # behind module.alb's target group too


def test_local_modules_with_count_and_for_each_are_addressed_like_terraform():
    hits = found(scan(str(FIXTURES / "modules")))
    assert ("FG-SVC-001", "module.svc[1].aws_ecs_service.this", "main.tf", 35) in hits
    assert ("FG-CTR-001", 'module.named["admin"].aws_ecs_task_definition.this', "main.tf", 21) in hits
    assert not [h for h in hits if h[0] in ("FG-SVC-001", "FG-CTR-001") and "svc[0]" in h[1]]
    assert not [h for h in hits if h[1].startswith("aws_")]  # the called module is not also scanned on its own


def test_a_module_file_named_alone_is_evaluated_through_its_caller(tmp_path):
    shutil.copytree(FIXTURES / "modules", tmp_path / "m")
    hits = found(scan("m/modules/svc/main.tf", cwd=tmp_path))
    assert ("FG-SVC-001", "module.svc[1].aws_ecs_service.this", "main.tf", 35) in hits


def test_public_module_resolves_locals_try_and_splats():
    """trussworks/terraform-aws-ecs-service, kept in the public corpus (its SOURCES.md), read as its own root."""
    main = ROOT / "tests" / "corpus" / "public" / "terraform" / "terraform-aws-ecs-service" / "main.tf"
    report = scan(str(main))
    assert (
        "FG-SG-022",
        "aws_security_group.ecs_sg[0]",
        "main.tf",
        line_of(main, 'cidr_blocks = ["0.0.0.0/0"]'),
    ) in found(report)
    assert not report["errors"]
    assert "unresolved security groups" not in " ".join(report["notices"])


def test_hcl_comments_suppress_with_reasons_and_stale_or_incomplete_ones_are_reported():
    report = scan(str(FIXTURES / "suppressed"))
    suppressed = {(f["rule_id"], f["resource"], f["suppression"]["reason"]) for f in report["suppressed"]}
    assert suppressed == {
        ("FG-CTR-001", "aws_ecs_task_definition.debug", "the debugger needs it until the CNI is fixed"),
        ("FG-CTR-002", "aws_ecs_task_definition.debug", "the image drops to 10001 itself"),
    }
    notices = " ".join(report["notices"])
    assert "main.tf:16: notice: stale skip: FG-CTR-001" in notices
    assert "main.tf:17: notice: skip on 'aws_ecs_task_definition.stale' ignored" in notices


def test_config_ignore_entries_match_addresses(tmp_path):
    shutil.copytree(FIXTURES / "modules", tmp_path / "m")
    (tmp_path / ".fgscan.yaml").write_text(
        "ignore:\n  - rule: public-ip-assigned\n    resource: 'module.svc[[]*].aws_ecs_service.this'\n"
        "    reason: the blue-green test service\n"
    )
    report = scan("m", cwd=tmp_path)
    assert [f["resource"] for f in report["suppressed"]] == ["module.svc[1].aws_ecs_service.this"]


def test_bad_hcl_is_one_error_line_and_the_other_files_are_scanned():
    proc = run_fgscan("scan", str(FIXTURES / "bad"), "--format", "json")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[0].endswith("broken.tf:3:18: error: invalid HCL: unexpected '}'")
    assert "Traceback" not in proc.stderr
    assert {f["resource"] for f in json.loads(proc.stdout)["findings"]} == {"aws_ecs_service.fine"}


def test_fingerprints_use_the_address_not_the_line(tmp_path):
    shutil.copytree(FIXTURES / "services", tmp_path / "s")
    before = {f["rule_id"]: f["fingerprint"] for f in scan("s", cwd=tmp_path)["findings"]}
    main = tmp_path / "s" / "main.tf"
    main.write_text("# a comment that moves every line\n\n" + main.read_text())
    after = {f["rule_id"]: (f["fingerprint"], f["line"]) for f in scan("s", cwd=tmp_path)["findings"]}
    assert {k: v[0] for k, v in after.items()} == before
    assert after["FG-SVC-001"][1] == line_of(main, "assign_public_ip = true")


def test_roles_are_linked_to_task_definitions_in_other_chunks_of_a_large_scan(tmp_path):
    """An execution role and the task definition naming it, 40 files apart (a scan reads 40 files at a time)."""
    (tmp_path / "a_iam.tf").write_text(
        """resource "aws_iam_role" "execution" {
  name               = "execution"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole" }] })
  inline_policy {
    name   = "secrets"
    policy = jsonencode({
      Statement = [{ Effect = "Allow", Action = "secretsmanager:GetSecretValue", Resource = "*" }]
    })
  }
}
"""
    )
    for i in range(40):
        (tmp_path / f"b_{i:02d}.tf").write_text(f'variable "v{i}" {{\n  default = {i}\n}}\n')
    (tmp_path / "c_task.tf").write_text(
        'resource "aws_ecs_task_definition" "app" {\n  family             = "app"\n'
        "  execution_role_arn = aws_iam_role.execution.arn\n  container_definitions = jsonencode([])\n}\n"
    )
    report = scan(".", "--jobs", "1", cwd=tmp_path)
    assert ("FG-IAM-007", "aws_iam_role.execution") in {(f["rule_id"], f["resource"]) for f in report["findings"]}


def test_addresses_are_local_to_their_root_module(tmp_path):
    """Two roots both named `aws_security_group.app`: each service sees its own group only."""
    for name, cidr in (("open", "0.0.0.0/0"), ("closed", "10.0.0.0/16")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "main.tf").write_text(
            f"""resource "aws_security_group" "app" {{
  description = "{name}"
  ingress {{
    description = "app"
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["{cidr}"]
  }}
}}

resource "aws_ecs_task_definition" "app" {{
  family                = "{name}"
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{{ name = "app", image = "app:1", portMappings = [{{ containerPort = 8080 }}] }}])
}}

resource "aws_ecs_service" "app" {{
  name            = "{name}"
  task_definition = aws_ecs_task_definition.app.arn
  network_configuration {{
    subnets          = ["subnet-1"]
    security_groups  = [aws_security_group.app.id]
    assign_public_ip = true
  }}
}}
"""
        )
    exposed = [f for f in scan(".", cwd=tmp_path)["findings"] if f["rule_id"] == "FG-EXP-001"]
    assert [(f["file"], f["resource"]) for f in exposed] == [("open/main.tf", "aws_ecs_service.app")]
