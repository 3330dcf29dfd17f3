"""fgscan and Checkov side by side, in one run on this machine: a folder of generated CloudFormation stacks
(`scan_speed.py`'s builder) and one file (the pre-commit case). Wall time and peak memory of the whole
process tree (workers included), sampled from /proc.

Checkov is not a dependency: install it into a separate virtualenv for the comparison, e.g.
`python3 -m venv /tmp/checkov-venv && /tmp/checkov-venv/bin/pip install checkov`.

    python benchmarks/versus_checkov.py                       # 1,000 stacks and one file
    python benchmarks/versus_checkov.py --stacks 200 --checkov /path/to/checkov

Each tool runs on the folder `--repeat` times (default 3) and on the file 5 times, alternating; its fastest
run counts, since this machine's speed drifts by up to 1.7x over minutes. Memory is sampled in one more run of
each, since sampling slows what it measures (`run`).
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


def tree_memory_kib(pid: int) -> tuple[int, int]:
    """Resident memory of `pid` and all its descendants, in KiB: the sum of their RSS (which counts a page
    shared by forked workers once per process) and of their PSS (each shared page split among its sharers)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    rss = pss = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        stack += children.get(current, [])
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text().splitlines()
        except OSError:
            continue
        rss += next((int(line.split()[1]) for line in rollup if line.startswith("Rss:")), 0)
        pss += next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
    return rss, pss


def run(command: list[str], cwd: Path, sample: bool = False) -> tuple[float, float, float]:
    """Wall seconds of one command (its output discarded) and, with `sample`, its peak RSS MB and PSS MB.

    Sampling is for a run of its own: reading every process's `/proc` and each of the tree's `smaps_rollup`
    every 0.1 s takes CPU from a command that keeps both cores busy (and `smaps_rollup` holds the process's
    memory map while it walks it): ten runs of fgscan on the 1,000 stacks, interleaved, took 3.70 s on average
    sampled against 3.42 s not (2026-12-03, a slow phase). Checkov, on one core, leaves the sampler the other."""
    started = time.perf_counter()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: bytecode kept
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_rss = peak_pss = 0
    done = threading.Event()

    def watch() -> None:
        nonlocal peak_rss, peak_pss
        while not done.is_set():
            rss, pss = tree_memory_kib(proc.pid)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            done.wait(0.1)

    sampler = threading.Thread(target=watch)
    if sample:
        sampler.start()
    proc.wait()
    elapsed = time.perf_counter() - started
    done.set()
    if sample:
        sampler.join()
    return elapsed, peak_rss / 1024, peak_pss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stacks", type=int, default=1000)
    parser.add_argument("--checkov", default=shutil.which("checkov") or "/tmp/checkov-venv/bin/checkov")
    parser.add_argument("--engine", default=None, help="fgscan's --engine (default: fgscan's default)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each tool on the folder; the fastest counts")
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
        spread: list[tuple[str, list[float], list[float]]] = []  # every timed run, in the order they ran
        for label, target in ((f"{args.stacks} stacks", folder), ("one file", one)):
            repeat = args.repeat if target.is_dir() else 5
            flag = "-d" if target.is_dir() else "-f"
            ours_runs, their_runs = [], []
            theirs_command = [checkov, flag, str(target), "--quiet", "--compact", "-o", "json"] if checkov else []
            for _ in range(repeat):  # alternating, so that both see the machine's same moments
                ours_runs.append(run([*fgscan, str(target)], ROOT)[0])
                if checkov:
                    their_runs.append(run(theirs_command, Path(tmp))[0])
            ours = (min(ours_runs), *run([*fgscan, str(target)], ROOT, sample=True)[1:])  # memory: a run of its own
            theirs = (min(their_runs), *run(theirs_command, Path(tmp), sample=True)[1:]) if checkov else None
            rows.append((label, ours, theirs))
            spread.append((label, ours_runs, their_runs))
    print("memory: peak of the process tree, RSS summed / PSS summed (shared pages split among their sharers)")
    print(f"{'input':<14} {'fgscan':>24} {'Checkov':>24} {'speed-up':>9}")
    for label, ours, theirs in rows:
        them = f"{theirs[0]:7.2f} s {theirs[1]:5.0f}/{theirs[2]:.0f} MB" if theirs else "   (not installed)"
        ratio = f"{theirs[0] / ours[0]:8.1f}x" if theirs else ""
        print(f"{label:<14} {ours[0]:7.2f} s {ours[1]:5.0f}/{ours[2]:.0f} MB {them:>24} {ratio:>9}")
    print("every run, in order (fgscan | Checkov), seconds: the machine's drift shows here")
    for label, ours_runs, their_runs in spread:
        listed = " ".join(f"{t:.2f}" for t in ours_runs) + " | " + " ".join(f"{t:.2f}" for t in their_runs)
        print(f"{label:<14} {listed}")
    if not checkov:
        print("Checkov not found (--checkov PATH): install it into a separate virtualenv to compare")
    print(f"{GOALS}; machine: {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
