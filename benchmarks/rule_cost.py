"""What each rule costs on each engine installed, so the next slow rule is seen.

On the generated corpus of `scan_speed.py` (CloudFormation stacks: a security group, a task definition and
a service each) plus the examples, for every engine: the load time of the whole bundle, the time per
resource with every rule, the fixed cost of one query (the cheapest single-rule evaluation of each kind:
passing the input, running the entry rule, reading the result) and, per rule, its own cost per resource
above that floor.

    python benchmarks/rule_cost.py                     # 150 stacks, every engine installed
    python benchmarks/rule_cost.py --stacks 50 --engine regorus --top 10

regorus-vm's bundle load is its compile the first time and a read from fgscan's cache afterwards; each rule
alone is one more program in that cache.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scan_speed import template  # noqa: E402
from scanner.engine import make_engine  # noqa: E402
from scanner.load import load  # noqa: E402
from scanner.pipeline import ScanOptions, load_rules  # noqa: E402
from scanner.sources.discovery import discover  # noqa: E402


def installed() -> list[str]:
    engines = [name for name in ("regorus", "regopy") if importlib.util.find_spec(name)]
    engines = ["regorus-vm", *engines] if "regorus" in engines else engines
    return engines + (["opa"] if shutil.which("opa") else [])


def corpus(folder: Path, stacks: int, names: set[str]) -> list:
    for n in range(stacks):
        (folder / f"stack{n}.yaml").write_text(template(n, names)[0])
    shutil.copytree(ROOT / "examples", folder / "examples")
    resources = []
    for file in discover([folder], [], []):
        resources += load(file, 10**8).resources
    return resources


def per_resource(engine, resources: list, rounds: int = 1) -> float:
    """Seconds per resource, the best of `rounds` passes."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        engine.evaluate(resources)
        best = min(best, time.perf_counter() - started)
    return best / max(len(resources), 1)


def measure(name: str, resources: list, top: int) -> None:
    rulebook, rules = load_rules(ScanOptions(engine=name))
    rules = [r for r in rules if not r.neighbourhood]
    started = time.perf_counter()
    whole = make_engine(name, rulebook, rules)
    load_time = time.perf_counter() - started
    by_kind = defaultdict(list)
    for resource in resources:
        by_kind[resource.kind].append(resource)
    print(f"\n== {name}: bundle load {load_time * 1000:.1f} ms, {len(resources)} resources")
    for kind, items in sorted(by_kind.items()):
        print(f"   every rule, {kind:<22} {per_resource(whole, items, 2) * 1000:7.3f} ms per resource ({len(items)})")
    costs = []
    for rule in rules:
        engine = make_engine(name, rulebook, [rule])
        for kind in rule.kinds:
            if by_kind.get(kind):
                costs.append((per_resource(engine, by_kind[kind], 2), rule.name, kind))
    floor = {kind: min(c for c, _, k in costs if k == kind) for kind in {k for _, _, k in costs}}
    for kind, value in sorted(floor.items()):
        print(f"   fixed cost per query, {kind:<22} {value * 1000:7.3f} ms")
    print(f"   {'rule':<40} {'kind':<22} ms per resource above the fixed cost")
    for cost, rule, kind in sorted(costs, reverse=True)[:top]:
        print(f"   {rule:<40} {kind:<22} {(cost - floor[kind]) * 1000:7.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stacks", type=int, default=150)
    parser.add_argument("--engine", action="append", help="only this engine (repeatable)")
    parser.add_argument("--top", type=int, default=60, help="rules to list, costliest first")
    args = parser.parse_args()
    rulebook, _ = load_rules(ScanOptions())
    with tempfile.TemporaryDirectory(prefix="fgscan-rule-cost-") as tmp:
        resources = corpus(Path(tmp), args.stacks, {r.name for r in rulebook.rules})
        for name in args.engine or installed():
            measure(name, resources, args.top)


if __name__ == "__main__":
    main()
