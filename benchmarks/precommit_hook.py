"""Wall time of the pre-commit hook's command on one task definition (target: under 0.5 s).

Runs the hook's `entry` and default `args` from `.pre-commit-hooks.yaml` exactly as pre-commit
would, as a fresh process each time, on `examples/hardened-task-definition.json`, with no network
and no AWS credentials, and prints the median and fastest of the runs:

    python benchmarks/precommit_hook.py [--runs 10] [FILE]
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TARGET = 0.5


def hook_command(file: Path) -> list[str]:
    """The hook's command line for one staged file, run with this interpreter's fgscan."""
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    entry = shlex.split(hook["entry"])
    assert entry[0] == "fgscan", entry
    return [sys.executable, "-m", "scanner", *entry[1:], *hook.get("args", []), str(file)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=ROOT / "examples" / "hardened-task-definition.json")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    command = hook_command(args.file)
    # as installed (pip compiles bytecode): the uncounted first run writes what is missing
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and k != "PYTHONDONTWRITEBYTECODE"}
    env.update(HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9", AWS_EC2_METADATA_DISABLED="true")
    times = []
    for _ in range(args.runs + 1):  # the first run warms the file cache and is not counted
        start = time.perf_counter()
        proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            sys.exit(f"hook failed ({proc.returncode}): {proc.stderr.strip()}")
    median, fastest = statistics.median(times[1:]), min(times[1:])
    print(
        f"pre-commit hook on {args.file.name}: median {median:.3f} s, fastest {fastest:.3f} s over "
        f"{args.runs} runs (target < {TARGET} s: {'met' if median < TARGET else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
