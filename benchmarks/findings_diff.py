"""Findings of this checkout on the example, public and generated corpora, saved or compared with a saved run, so a
change made for speed is shown to change no finding.

    python benchmarks/findings_diff.py --save before.json        # on the old code
    python benchmarks/findings_diff.py --against before.json     # on the new code: lists every difference

Each finding is compared by rule, file, line, message and fingerprint (and severity); scan errors are compared too.
The generated corpus is `scan_speed.py`'s stacks and task definitions, plus task definitions whose images, environment
variables, commands and labels take many shapes (registries, tags, digests, placeholders, secrets).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scan_speed import rule_names, task_definition, template  # noqa: E402

CORPORA = ("examples", "tests/corpus/public", "tests/fixtures")

IMAGES = [
    "nginx",
    "nginx:latest",
    "nginx:1.27",
    "library/nginx:1.27",
    "docker.io/library/nginx",
    "index.docker.io/library/nginx:1.2",
    "Registry-1.Docker.io/x/y:2",
    "ghcr.io/org/app:1.0",
    "ghcr.io/org/app@sha256:" + "ab" * 32,
    "ghcr.io/org/app:1.0@sha256:" + "AB" * 32,
    "ghcr.io/org/app@sha256:abc",
    "localhost/app:dev",
    "localhost:5000/app",
    "registry.example.com:5000/team/app:2",
    "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0",
    "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app",
    "public.ecr.aws/nginx/nginx:1.27",
    "quay.io/Org/App:1",
    "REPOSITORY_URI:IMAGE_TAG",
    "<IMAGE1_NAME>",
    "$IMAGE",
    "{{image}}",
    "#{Image}#",
    "%IMAGE%",
    "{{resolve:ssm:/app/image}}",
    "repo/app:${Tag}",
    "${Registry}/app:1.0",
    "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:${Tag}",
    "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app@${Digest}",
    "${Image}",
    "app:${Tag}",
    "${Repo}:latest",
    "my.registry/${Path}/app",
    "",
    " ",
    "a/b/c/d:e",
    "nginx:",
    "host.example/app:latest@sha256:" + "0" * 64,
    {"Fn::Sub": "${AWS::AccountId}.dkr.ecr.eu-west-1.amazonaws.com/app:1"},
    {"Fn::Sub": ["${Repo}/app:${Tag}", {"Repo": "x"}]},
    {"Fn::Sub": ["nginx:latest", {}]},
    {"Ref": "Image"},
    {"Fn::Join": ["", ["nginx", ":1"]]},
    42,
    None,
]

ENVIRONMENT = [
    ("AWS_ACCESS_KEY_ID", "AKIAABCDEFGHIJKLMNOP"),
    ("DB_PASSWORD", "hunter22hunter"),
    ("DB_PASSWORD", "changeme"),
    ("DB_PASSWORD", ""),
    ("API_TOKEN", "${Token}"),
    ("LOG_LEVEL", "info"),
    ("SESSION", "aZ3kQ9xV7mP2wL5nR8tY"),
    ("PATH", "/usr/local/bin:/usr/bin"),
    ("GITHUB", "ghp_" + "a1B2c3D4e5" * 4),
    ("password", "Sup3rS3cretValue"),
    ("SECRET_KEY", None),
    ("X", 12345),
]

COMMANDS = [
    ["sh", "-c", "run --password=Sup3rS3cret99 --verbose"],
    ["--token", "aZ3kQ9xV7mP2wL5nR8tY"],
    ["serve", "--port=8080"],
    ["echo 'AKIAABCDEFGHIJKLMNOP'"],
    ["app", "--db-password", "hunter22hunter"],
    [42, "x"],
]

USERS = ["root", "0", "0:0", "00", " root ", "10001", "app", "", 0, 1000, None, "root:root"]


def varied_tasks(count: int) -> list[dict]:
    """Task definitions whose containers combine the shapes above."""
    rng = random.Random(15)
    tasks = []
    shapes = itertools.cycle(IMAGES)
    for n in range(count):
        containers = []
        for i in range(3):
            container: dict = {"name": f"c{i}", "image": next(shapes), "essential": i == 0}
            if rng.random() < 0.7:
                container["user"] = rng.choice(USERS)
            if rng.random() < 0.5:
                container["environment"] = [
                    {"name": name, "value": value} for name, value in rng.sample(ENVIRONMENT, rng.randint(1, 4))
                ]
            if rng.random() < 0.3:
                container["command"] = rng.choice(COMMANDS)
            if rng.random() < 0.2:
                container["dockerLabels"] = {"com.example.token": "aZ3kQ9xV7mP2wL5nR8tY", "team": "web"}
            if rng.random() < 0.5:
                container["linuxParameters"] = {
                    "capabilities": {"drop": rng.choice([["ALL"], ["NET_RAW"], [], [" all "]])}
                }
            containers.append(container)
        tasks.append(
            {"family": f"varied{n}", "requiresCompatibilities": ["FARGATE"], "containerDefinitions": containers}
        )
    return tasks


def generate(folder: Path, stacks: int) -> None:
    random.seed(7)
    rules = rule_names()
    for n in range(stacks):
        (folder / f"stack{n}.yaml").write_text(template(n, rules)[0])
        (folder / f"td{n}.json").write_text(json.dumps(task_definition(n, rules)[0], indent=2))
    for n, task in enumerate(varied_tasks(stacks)):
        (folder / f"varied{n}.json").write_text(json.dumps(task, indent=2))


def findings(paths: list[str], engine: str | None, cwd: Path = ROOT) -> dict[str, list]:
    """Sorted finding and error keys of one real `fgscan scan` of `paths` (relative to `cwd`)."""
    args = [sys.executable, "-m", "scanner", "scan", *paths, "--format", "json", "--fail-on", "none"]
    proc = subprocess.run([*args, *(["--engine", engine] if engine else [])], capture_output=True, text=True, cwd=cwd)
    if proc.returncode not in (0, 2):
        raise SystemExit(f"fgscan failed ({proc.returncode}): {proc.stderr}")
    report = json.loads(proc.stdout)
    keys = ("rule", "file", "line", "message", "fingerprint", "severity")
    found = sorted({json.dumps([f.get(k) for k in keys]) for f in report["findings"]})
    errors = sorted({json.dumps(e, sort_keys=True) for e in report.get("errors", [])})
    return {"findings": found, "errors": errors}


def run(stacks: int, engine: str | None) -> dict[str, dict[str, list]]:
    out = {corpus: findings([corpus], engine) for corpus in CORPORA}
    with tempfile.TemporaryDirectory(prefix="fgscan-findings-diff-") as tmp:
        (Path(tmp) / "generated").mkdir()
        generate(Path(tmp) / "generated", stacks)
        out["generated"] = findings(["generated"], engine, Path(tmp))  # the same relative paths in every run
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path, help="write this run's findings here")
    parser.add_argument("--against", type=Path, help="compare this run's findings with a saved run")
    parser.add_argument("--stacks", type=int, default=200, help="generated stacks (and as many task definitions)")
    parser.add_argument("--engine", help="the engine to scan with (default: fgscan's)")
    args = parser.parse_args()
    current = run(args.stacks, args.engine)
    if args.save:
        args.save.write_text(json.dumps(current, indent=1))
    for corpus, now in current.items():
        print(f"{corpus:<22} {len(now['findings']):6} findings {len(now['errors']):4} errors")
    if not args.against:
        return
    saved = json.loads(args.against.read_text())
    differences = 0
    for corpus, now in current.items():
        for part in ("findings", "errors"):
            before, after = set(saved.get(corpus, {}).get(part, [])), set(now[part])
            for line in sorted(before - after):
                print(f"- {corpus} {part}: {line}")
            for line in sorted(after - before):
                print(f"+ {corpus} {part}: {line}")
            differences += len(before ^ after)
    print("identical" if differences == 0 else f"{differences} differences")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
