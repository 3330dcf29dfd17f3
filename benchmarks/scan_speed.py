"""Generate task definitions and CloudFormation templates with planted problems, scan them with the real
`fgscan`, and print throughput, the one-file (pre-commit) wall time, peak memory and how many planted
problems were found.

    python benchmarks/scan_speed.py                 # 1, 100 and 1,000 files of each kind
    python benchmarks/scan_speed.py --sizes 10 5000 # other sizes
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Each planted problem: (rule name, how to plant it in a container / task / template).
CONTAINER_PROBLEMS = {
    "privileged-container": lambda c: c.update(privileged=True),
    "root-user": lambda c: c.update(user="root"),
    "writable-root-filesystem": lambda c: c.update(readonlyRootFilesystem=False),
    "added-capabilities": lambda c: c["linuxParameters"]["capabilities"].update(add=["SYS_ADMIN"]),
    "secrets-in-environment": lambda c: c["environment"].append(
        {
            "name": "AWS_ACCESS_KEY_ID",
            "value": "AKIA" + "".join(random.choices("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", k=16)),
        }
    ),
}


def hardened_container(i: int) -> dict:
    return {
        "name": f"app{i}",
        "image": f"123456789012.dkr.ecr.eu-west-1.amazonaws.com/app{i}:1.0@sha256:{'ab' * 32}",
        "essential": True,
        "user": "10001",
        "readonlyRootFilesystem": True,
        "privileged": False,
        "linuxParameters": {"capabilities": {"drop": ["ALL"]}},
        "environment": [{"name": "LOG_LEVEL", "value": "info"}],
        "portMappings": [{"containerPort": 8080, "protocol": "tcp"}],
        "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/app", "mode": "non-blocking"}},
    }


def task_definition(n: int, rules: set[str]) -> tuple[dict, set[str]]:
    """A Fargate task definition with two containers; about half carry one planted problem."""
    task = {
        "family": f"svc{n}",
        "networkMode": "awsvpc",
        "requiresCompatibilities": ["FARGATE"],
        "cpu": "256",
        "memory": "512",
        "taskRoleArn": f"arn:aws:iam::123456789012:role/svc{n}-task",
        "executionRoleArn": f"arn:aws:iam::123456789012:role/svc{n}-exec",
        "containerDefinitions": [hardened_container(0), hardened_container(1)],
    }
    planted: set[str] = set()
    candidates = sorted(rules & CONTAINER_PROBLEMS.keys())
    if candidates and n % 2 == 0:
        rule = candidates[n // 2 % len(candidates)]
        CONTAINER_PROBLEMS[rule](task["containerDefinitions"][n % 2])
        planted.add(rule)
    return task, planted


def _container_yaml(c: dict) -> str:
    """One container of `task_definition` as CloudFormation YAML (under ContainerDefinitions)."""
    add = "\n              Add: [SYS_ADMIN]" if "add" in c["linuxParameters"]["capabilities"] else ""
    env = "".join(f'\n            - Name: {e["name"]}\n              Value: "{e["value"]}"' for e in c["environment"])
    return f"""
        - Name: {c["name"]}
          Image: {c["image"]}
          User: "{c["user"]}"
          ReadonlyRootFilesystem: {str(c["readonlyRootFilesystem"]).lower()}
          Privileged: {str(c["privileged"]).lower()}
          LinuxParameters:
            Capabilities:
              Drop: [ALL]{add}
          Environment:{env}
          PortMappings:
            - ContainerPort: 8080
          LogConfiguration:
            LogDriver: awslogs
            Options: {{awslogs-group: /ecs/app, mode: non-blocking}}"""


def template(n: int, rules: set[str]) -> tuple[str, set[str]]:
    """A CloudFormation YAML stack: security group, task definition and service."""
    task, planted = task_definition(n, rules)
    open_ssh = n % 3 == 0 and "sg-world-ingress-admin-port" in rules
    if open_ssh:
        planted.add("sg-world-ingress-admin-port")
    containers = "".join(_container_yaml(c) for c in task["containerDefinitions"])
    body = f"""AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: service {n}
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: {22 if open_ssh else 443}
          ToPort: {22 if open_ssh else 443}
          CidrIp: {"0.0.0.0/0" if open_ssh else "10.0.0.0/24"}
          Description: ingress
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: svc{n}
      NetworkMode: awsvpc
      RequiresCompatibilities: [FARGATE]
      Cpu: "256"
      Memory: "512"
      TaskRoleArn: arn:aws:iam::123456789012:role/svc{n}-task
      ExecutionRoleArn: arn:aws:iam::123456789012:role/svc{n}-exec
      ContainerDefinitions:{containers}
  Service:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      PlatformVersion: LATEST
      TaskDefinition: !Ref Task
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: DISABLED
          SecurityGroups: [!Ref Group]
          Subnets: [subnet-1]
"""
    return body, planted


def fgscan(*args: str) -> tuple[float, dict, int]:
    """Wall time, JSON report and peak RSS (KiB) of one real `fgscan scan`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "scanner", "scan", *args, "--format", "json", "--fail-on", "none"],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"fgscan failed: {proc.stderr}")
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return elapsed, json.loads(proc.stdout), peak


def rule_names() -> set[str]:
    out = subprocess.run(
        [sys.executable, "-m", "scanner", "rules", "list", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {r["name"] for r in json.loads(out)}


def recall(report: dict, planted: dict[str, set[str]]) -> tuple[int, int]:
    found = {(f["file"].rsplit("/", 1)[-1], f["rule"]) for f in report["findings"]}
    expected = {(file, rule) for file, rules in planted.items() for rule in rules}
    return len(expected & found), len(expected)


def run(kind: str, size: int, root: Path, rules: set[str]) -> None:
    folder = root / f"{kind}-{size}"
    folder.mkdir()
    planted: dict[str, set[str]] = {}
    resources = 0
    for n in range(size):
        if kind == "task-definitions":
            body, planted[f"td{n}.json"] = task_definition(n, rules)
            (folder / f"td{n}.json").write_text(json.dumps(body, indent=2))
            resources += 1
        else:
            text, planted[f"stack{n}.yaml"] = template(n, rules)
            (folder / f"stack{n}.yaml").write_text(text)
            resources += 3
    elapsed, report, peak = fgscan(str(folder))
    hit, total = recall(report, planted)
    print(
        f"{kind:<17} {size:>6} files  {elapsed:7.2f} s  {size / elapsed:8.0f} files/s  "
        f"{report['summary']['resources'] / elapsed:8.0f} resources/s  peak {peak / 1024:6.0f} MB  "
        f"planted found {hit}/{total}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 100, 1000])
    args = parser.parse_args()
    random.seed(7)
    rules = rule_names()
    with tempfile.TemporaryDirectory(prefix="fgscan-bench-") as tmp:
        root = Path(tmp)
        single = root / "one.json"
        single.write_text(json.dumps(task_definition(0, rules)[0], indent=2))
        times = sorted(fgscan(str(single))[0] for _ in range(5))
        print(f"one task definition (pre-commit case): median {times[2]:.3f} s, best {times[0]:.3f} s")
        for kind in ("task-definitions", "templates"):
            for size in args.sizes:
                run(kind, size, root, rules)


if __name__ == "__main__":
    main()
