"""Time to scan 1,000 Terraform modules (`.tf` files only), through the real pipeline.

Writes N module folders to a temporary directory, each a task definition with `jsonencode` containers,
a service, a security group with a standalone rule, a role and its policy, with variables and locals
spread over three files, then scans them all and prints the wall time:

    python benchmarks/terraform_speed.py [--modules 1000] [--jobs 0]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from scanner.pipeline import ScanOptions, scan

VARIABLES = """variable "name" {
  type    = string
  default = "svc-%(i)d"
}

variable "port" {
  type    = number
  default = %(port)d
}
"""

MAIN = """locals {
  image = "public.ecr.aws/nginx/nginx:1.%(i)d"
}

resource "aws_ecs_task_definition" "app" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  task_role_arn            = aws_iam_role.task.arn
  container_definitions = jsonencode([
    {
      name         = var.name
      image        = local.image
      privileged   = %(privileged)s
      portMappings = [{ containerPort = var.port }]
      environment  = [{ name = "MODE", value = "prod" }]
    }
  ])
}

resource "aws_ecs_service" "app" {
  name            = var.name
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets          = ["subnet-1"]
    security_groups  = [aws_security_group.app.id]
    assign_public_ip = %(public)s
  }
}
"""

NETWORK = """resource "aws_security_group" "app" {
  name        = "${var.name}-tasks"
  description = "tasks"
  vpc_id      = "vpc-1"
}

resource "aws_security_group_rule" "in" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  description       = "app port"
  from_port         = var.port
  to_port           = var.port
  protocol          = "tcp"
  cidr_blocks       = ["%(cidr)s"]
}

resource "aws_iam_role" "task" {
  name = "${var.name}-task"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "task" {
  role   = aws_iam_role.task.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
  })
}
"""


def write_modules(root: Path, count: int) -> None:
    for i in range(count):
        folder = root / f"module-{i:04d}"
        folder.mkdir()
        values = {
            "i": i,
            "port": 8000 + i % 100,
            "privileged": "true" if i % 7 == 0 else "false",
            "public": "true" if i % 5 == 0 else "false",
            "cidr": "0.0.0.0/0" if i % 3 == 0 else "10.0.0.0/16",
        }
        (folder / "variables.tf").write_text(VARIABLES % values)
        (folder / "main.tf").write_text(MAIN % values)
        (folder / "network.tf").write_text(NETWORK % values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (0: one per CPU core)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        write_modules(Path(tmp), args.modules)
        start = time.perf_counter()
        result = scan([Path(tmp)], ScanOptions(jobs=args.jobs))
        elapsed = time.perf_counter() - start
    print(
        f"{args.modules} Terraform modules ({result.files_scanned} .tf files, {result.resources_scanned} resources): "
        f"{elapsed:.1f} s, {len(result.findings)} findings, {len(result.errors)} errors"
    )


if __name__ == "__main__":
    main()
