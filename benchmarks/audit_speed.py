"""Seed moto's server with a large account, run the real `fgscan audit` against it, and print wall time,
API calls by operation and peak memory; then the same through a loopback proxy adding latency to every
call, at concurrency 1 and the default, to show what concurrency buys.

    python benchmarks/audit_speed.py                # 2,000 task definitions, 500 services, 3,000 SGs, 5,000 ENIs
    python benchmarks/audit_speed.py --scale 0.1    # a tenth of that
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fault_proxy import FaultProxy  # noqa: E402

REGION = "us-east-1"


def seed(url: str, scale: float) -> dict[str, int]:
    """Task definitions (4 revisions per family), services over 5 clusters, security groups and ENIs."""
    import boto3

    boto = boto3.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name=REGION)
    ecs, ec2 = boto.client("ecs", endpoint_url=url), boto.client("ec2", endpoint_url=url)
    counts = {
        "task_definitions": int(2000 * scale),
        "services": int(500 * scale),
        "security_groups": int(3000 * scale),
        "network_interfaces": int(5000 * scale),
    }
    vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
    subnet = ec2.describe_subnets()["Subnets"][0]["SubnetId"]
    families = max(1, counts["task_definitions"] // 4)
    container = {"name": "app", "image": "nginx:1.27", "memory": 256, "privileged": False}

    def register(i: int) -> None:
        ecs.register_task_definition(
            family=f"svc{i % families}",
            containerDefinitions=[container],
            networkMode="awsvpc",
            requiresCompatibilities=["FARGATE"],
            cpu="256",
            memory="512",
        )

    def group(i: int) -> str:
        return ec2.create_security_group(GroupName=f"sg{i}", Description="bench", VpcId=vpc)["GroupId"]

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(register, range(counts["task_definitions"])))
        # one at a time: moto's EC2 backend iterates its group table unlocked (concurrent creates fail with 500)
        groups = [group(i) for i in range(counts["security_groups"])]
        for c in range(5):
            ecs.create_cluster(clusterName=f"c{c}")
        network = {"awsvpcConfiguration": {"subnets": [subnet], "securityGroups": groups[:1]}}
        list(
            pool.map(
                lambda i: ecs.create_service(
                    cluster=f"c{i % 5}",
                    serviceName=f"s{i}",
                    taskDefinition=f"svc{i % families}",
                    desiredCount=1,
                    launchType="FARGATE",
                    networkConfiguration=network,
                ),
                range(counts["services"]),
            )
        )
        for i in range(counts["network_interfaces"]):
            ec2.create_network_interface(SubnetId=subnet, Groups=[groups[i % len(groups)]])
    return counts


def run_audit(endpoint: str, *args: str) -> tuple[float, dict, int, str]:
    """Wall seconds, the JSON report, the peak RSS (KiB) and the collect/scan split of one audit."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_ENDPOINT_URL=endpoint,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_REGION=REGION,
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "report.json")
        start = time.perf_counter()
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "scanner",
                "audit",
                "--region",
                REGION,
                "-q",
                "-v",
                "-f",
                "json",
                "-o",
                str(out),
                *args,
            ],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            raise SystemExit(f"audit failed ({proc.returncode}): {proc.stderr}")
        data = json.loads(out.read_text())
    split = next((line for line in proc.stderr.splitlines() if line.startswith("collected in")), "")
    return wall, data, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, split


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="Multiply the resource counts.")
    parser.add_argument("--latency", type=float, default=0.05, help="Seconds the proxy adds to each call.")
    args = parser.parse_args()
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    start = time.perf_counter()
    counts = seed(url, args.scale)
    print(f"seeded {counts} in {time.perf_counter() - start:.1f} s")

    wall, data, rss, split = run_audit(url)
    calls = data["coverage"]["api_calls"]
    print(
        f"\naudit: {wall:.1f} s wall ({split}), {sum(calls.values())} API calls, peak RSS {rss / 1024:.0f} MiB, "
        f"{data['summary']['resources']} resources, {data['summary']['findings']} findings"
    )
    for operation, count in sorted(calls.items(), key=lambda item: -item[1]):
        print(f"  {count:>6}  {operation}")

    proxy = FaultProxy(url, latency=args.latency).start()
    try:
        for concurrency in ("1", "8"):
            wall, data, _, split = run_audit(proxy.url, "--concurrency", concurrency)
            print(
                f"\n+{args.latency * 1000:.0f} ms per call, --concurrency {concurrency}: {wall:.1f} s wall "
                f"({split}), {sum(data['coverage']['api_calls'].values())} API calls"
            )
    finally:
        proxy.stop()
        server.stop()


if __name__ == "__main__":
    main()
