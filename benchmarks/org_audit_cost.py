"""What an organization audit costs per account-region: API calls and wall time, measured with the real
`fgscan audit` on moto's server seeded with the test organization (three accounts through AssumeRole,
three regions each), unsharded and in shards, with and without latency added to every call.

    python benchmarks/org_audit_cost.py             # 9 units, 0 and 50 ms per call, 1 and 3 shards
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import audit_seed  # noqa: E402
from tests.audit_seed import ACCOUNT_A, ACCOUNT_B, ACCOUNT_C, AUDIT_ROLE, ORG_REGIONS  # noqa: E402
from tests.fault_proxy import FaultProxy  # noqa: E402

UNITS = 3 * len(ORG_REGIONS)


def run(endpoint: str, work: Path, shard: str | None) -> tuple[float, dict]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_ENDPOINT_URL=endpoint,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_REGION="us-east-1",
        AWS_CONFIG_FILE=str(work / "none"),
        AWS_SHARED_CREDENTIALS_FILE=str(work / "none"),
    )
    regions = [arg for r in ORG_REGIONS for arg in ("--region", r)]
    args = ["--account-role", AUDIT_ROLE, "--accounts", f"{ACCOUNT_A},{ACCOUNT_B},{ACCOUNT_C}", "-f", "json", "-q"]
    args += ["--shard", shard] if shard else []
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "scanner", "audit", *regions, *args], env=env, cwd=work, capture_output=True, text=True
    )
    return time.perf_counter() - started, json.loads(proc.stdout)["coverage"]


def main() -> None:
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    for seed in (audit_seed.seed_account_a, audit_seed.seed_account_b, audit_seed.seed_account_c):
        seed(url)
    print("| case | wall time | per account-region | API calls | per account-region |")
    print("| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as work:
        for latency in (0.0, 0.05):
            proxy = FaultProxy(url, latency=latency).start()
            try:
                wall, coverage = run(proxy.url, Path(work), None)
                calls = sum(coverage["api_calls"].values())
                label = f"{UNITS} units, +{int(latency * 1000)} ms per call, one runner"
                print(f"| {label} | {wall:.1f} s | {wall / UNITS:.2f} s | {calls} | {calls / UNITS:.1f} |")
                shards = [run(proxy.url, Path(work), f"{k}/3") for k in (1, 2, 3)]
                slowest = max(w for w, _ in shards)
                calls = sum(sum(c["api_calls"].values()) for _, c in shards)
                label = f"{UNITS} units, +{int(latency * 1000)} ms per call, 3 shards (the slowest)"
                print(f"| {label} | {slowest:.1f} s | | {calls} | {calls / UNITS:.1f} |")
            finally:
                proxy.stop()
    server.stop()


if __name__ == "__main__":
    main()
