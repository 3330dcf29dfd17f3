"""Time the exposure analysis: one CloudFormation template with N services (500 by default), each with its
task definition and security group, every tenth one exposed to the internet and every seventh sharing a
group with its neighbour. Scans it with the real `fgscan` with and without the exposure rules and prints
the wall time, peak memory and the exposure findings per rule.

    python benchmarks/exposure.py
    python benchmarks/exposure.py --services 2000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

EXPOSURE_RULES = ("FG-EXP-001", "FG-EXP-002", "FG-EXP-003", "FG-EXP-004", "FG-EXP-005")


def stack(services: int) -> str:
    """The template, as YAML text."""
    out = ["AWSTemplateFormatVersion: '2010-09-09'", "Resources:"]
    for i in range(services):
        exposed = i % 10 == 0
        cidr = "0.0.0.0/0" if exposed else "10.0.1.0/24"
        group = f"Sg{i - 1}" if i % 7 == 0 and i > 0 else f"Sg{i}"
        out += [
            f"  Sg{i}:",
            "    Type: AWS::EC2::SecurityGroup",
            "    Properties:",
            f"      GroupDescription: service {i}",
            "      VpcId: vpc-1",
            "      SecurityGroupIngress:",
            f"        - {{IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: {cidr}, Description: app}}",
            f"  Task{i}:",
            "    Type: AWS::ECS::TaskDefinition",
            "    Properties:",
            f"      Family: svc{i}",
            "      NetworkMode: awsvpc",
            "      RequiresCompatibilities: [FARGATE]",
            "      Cpu: '256'",
            "      Memory: '512'",
            "      ContainerDefinitions:",
            f"        - Name: app{i}",
            f"          Image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app{i}:1.0",
            "          PortMappings: [{ContainerPort: 8080}]",
            f"  Service{i}:",
            "    Type: AWS::ECS::Service",
            "    Properties:",
            f"      ServiceName: svc{i}",
            "      LaunchType: FARGATE",
            f"      TaskDefinition: !Ref Task{i}",
            "      NetworkConfiguration:",
            "        AwsvpcConfiguration:",
            f"          AssignPublicIp: {'ENABLED' if exposed else 'DISABLED'}",
            f"          SecurityGroups: [!Ref {group}]",
            "          Subnets: [subnet-1]",
        ]
    return "\n".join(out) + "\n"


# Runs the CLI and reports its own peak resident set on stderr's last line (kB on Linux).
PROBE = (
    "import resource, sys\n"
    "from scanner.cli import main\n"
    "sys.argv = ['fgscan', *sys.argv[1:]]\n"
    "try:\n    main()\nfinally:\n    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


def run(file: Path, *args: str) -> tuple[float, float, dict]:
    """Wall seconds, peak resident MB of the scan process, and the JSON report."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, "scan", str(file), "--format", "json", "--fail-on", "none", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    *errors, peak = proc.stderr.strip().splitlines() or ["0"]
    if proc.returncode != 0:
        sys.exit(f"scan failed: {' '.join(errors)}")
    return elapsed, int(peak) / 1024, json.loads(proc.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=500)
    services = parser.parse_args().services
    with tempfile.TemporaryDirectory(prefix="fgscan-exposure-") as work:
        file = Path(work) / "stack.yaml"
        file.write_text(stack(services))
        size = file.stat().st_size / 1024
        print(f"template: {services} services, {services * 3} resources, {size:,.0f} KB")
        skips = [a for rule in EXPOSURE_RULES for a in ("--skip", rule)]
        without, mem_without, _ = run(file, *skips)
        with_exposure, mem_with, report = run(file)
    found = Counter(f["rule_id"] for f in report["findings"] if f["rule_id"] in EXPOSURE_RULES)
    print(f"without exposure rules: {without:6.2f} s, peak {mem_without:6.0f} MB")
    print(
        f"with exposure rules:    {with_exposure:6.2f} s, peak {mem_with:6.0f} MB "
        f"(exposure pass {with_exposure - without:+.2f} s, {(with_exposure - without) / services * 1000:.1f} ms "
        "per service)"
    )
    print("exposure findings: " + ", ".join(f"{rule} {found.get(rule, 0)}" for rule in EXPOSURE_RULES))


if __name__ == "__main__":
    main()
