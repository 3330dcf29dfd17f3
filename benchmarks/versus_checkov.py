"""fgscan and Checkov side by side, in one run on this machine: a folder of generated CloudFormation stacks
(`scan_speed.py`'s builder) and one file (the pre-commit case). Wall time and peak memory of the whole
process tree (workers included), sampled from /proc.

Checkov is not a dependency: install it into a separate virtualenv for the comparison, e.g.
`python3 -m venv /tmp/checkov-venv && /tmp/checkov-venv/bin/pip install checkov`.

    python benchmarks/versus_checkov.py                       # 1,000 stacks and one file
    python benchmarks/versus_checkov.py --stacks 200 --checkov /path/to/checkov
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scan_speed import template  # noqa: E402

GOALS = "goals: 1,000 stacks >= 20x faster than Checkov at <= 300 MB; one file <= 0.25 s and >= 10x faster"


def tree_rss_kib(pid: int) -> int:
    """Resident memory of `pid` and all its descendants, in KiB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")), 0)
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += rss.get(current, 0)
        stack += children.get(current, [])
    return total


def run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak MB of one command (its output discarded)."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_kib(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    proc.wait()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    return elapsed, peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stacks", type=int, default=1000)
    parser.add_argument("--checkov", default=shutil.which("checkov") or "/tmp/checkov-venv/bin/checkov")
    parser.add_argument("--engine", default=None, help="fgscan's --engine (default: fgscan's default)")
    args = parser.parse_args()
    names = {
        r["name"]
        for r in json.loads(
            subprocess.run(
                [sys.executable, "-m", "scanner", "rules", "list", "--format", "json"],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            ).stdout
        )
    }
    checkov = args.checkov if Path(args.checkov).exists() else None
    fgscan = [sys.executable, "-m", "scanner", "scan", "--format", "json", "--fail-on", "none"]
    fgscan += ["--engine", args.engine] if args.engine else []
    with tempfile.TemporaryDirectory(prefix="fgscan-vs-checkov-") as tmp:
        folder = Path(tmp) / "stacks"
        folder.mkdir()
        for n in range(args.stacks):
            (folder / f"stack{n}.yaml").write_text(template(n, names)[0])
        one = Path(tmp) / "one.yaml"
        one.write_text(template(0, names)[0])
        rows = []
        for label, target in ((f"{args.stacks} stacks", folder), ("one file", one)):
            repeat = 1 if target.is_dir() else 5
            ours = min(run([*fgscan, str(target)], ROOT) for _ in range(repeat))
            theirs = None
            if checkov:
                flag = "-d" if target.is_dir() else "-f"
                theirs = min(
                    run([checkov, flag, str(target), "--quiet", "--compact", "-o", "json"], Path(tmp))
                    for _ in range(repeat)
                )
            rows.append((label, ours, theirs))
    print(f"{'input':<14} {'fgscan':>18} {'Checkov':>18} {'speed-up':>9}")
    for label, ours, theirs in rows:
        them = f"{theirs[0]:7.2f} s {theirs[1]:5.0f} MB" if theirs else "   (not installed)"
        ratio = f"{theirs[0] / ours[0]:8.1f}x" if theirs else ""
        print(f"{label:<14} {ours[0]:7.2f} s {ours[1]:5.0f} MB {them:>18} {ratio:>9}")
    if not checkov:
        print("Checkov not found (--checkov PATH): install it into a separate virtualenv to compare")
    print(f"{GOALS}; machine: {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
