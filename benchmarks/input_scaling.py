"""How the cost of one file grows with its size: a scan must stay linear in the input, however large.

For each shape (environment variables in one container, containers in one task definition, task
definitions in one CloudFormation template) scans a generated file of n and of 2n items and prints the
wall time, peak memory of the scan process and the ratio; a ratio near 2 is linear, near 4 quadratic.

    python benchmarks/input_scaling.py                 # the sizes the hostile-input issue named
    python benchmarks/input_scaling.py --scale 0.1     # a quick look
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def environment(n: int) -> str:
    variables = [{"name": f"SETTING_{i}", "value": f"value {i}"} for i in range(n)]
    variables[n // 2] = {"name": "DB_PASSWORD", "value": "hunter2hunter2"}
    container = {"name": "app", "image": "nginx:1.25", "environment": variables}
    return json.dumps({"family": "wide", "containerDefinitions": [container]}, indent=2)


def containers(n: int) -> str:
    defs = [{"name": f"c{i}", "image": "nginx:1.25", "privileged": i % 100 == 7} for i in range(n)]
    return json.dumps({"family": "many", "containerDefinitions": defs}, indent=2)


def task_definitions(n: int) -> str:
    container = {"Name": "app", "Image": "nginx:1.25", "Essential": True}
    task = "AWS::ECS::TaskDefinition"
    resources = {
        f"Task{i}": {"Type": task, "Properties": {"Family": f"f{i}", "ContainerDefinitions": [container]}}
        for i in range(n)
    }
    return yaml.safe_dump({"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources}, sort_keys=False)


SHAPES: list[tuple[str, Callable[[int], str], int, str]] = [
    ("environment variables in one container", environment, 50_000, "json"),
    ("containers in one task definition", containers, 1_000, "json"),
    ("task definitions in one template", task_definitions, 6_000, "yaml"),
]


# The scan in a child that reports its own peak memory (its workers' are not counted) as it exits.
CHILD = (
    "import atexit, resource, runpy, sys; "
    "atexit.register(lambda: print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)); "
    "sys.argv = ['fgscan', *sys.argv[1:]]; runpy.run_module('scanner', run_name='__main__')"
)


def scan(file: Path) -> tuple[float, float, int]:
    """Wall seconds, peak memory (MB) and findings of one scan in a fresh process."""
    out = file.with_suffix(".report.json")
    start = time.perf_counter()
    command = [sys.executable, "-c", CHILD, "scan", str(file), "-f", "json", "-o", str(out)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    peak = int(done.stderr.strip().splitlines()[-1]) / 1024
    return seconds, peak, len(json.loads(out.read_text())["findings"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="Multiply every size by this.")
    args = parser.parse_args()
    print(f"{'shape':42} {'n':>8} {'seconds':>8} {'peak MB':>8} {'findings':>9} {'2n/n':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for label, make, size, suffix in SHAPES:
            times = []
            for n in (max(1, int(size * args.scale)), max(2, int(size * args.scale * 2))):
                file = Path(folder, f"{make.__name__}-{n}.{suffix}")
                file.write_text(make(n))
                seconds, peak, found = scan(file)
                times.append(seconds)
                ratio = f"{times[1] / times[0]:6.2f}" if len(times) == 2 else ""
                print(f"{label:42} {n:8,} {seconds:8.2f} {peak:8.0f} {found:9,} {ratio:>6}", flush=True)


if __name__ == "__main__":
    main()
