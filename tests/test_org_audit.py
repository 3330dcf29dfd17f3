"""A simulated organization on moto's server (three accounts through AssumeRole, three regions each),
audited in shards and merged: the same findings, suppressions and coverage as one unsharded audit."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from scanner.collect.shards import Shard
from tests import audit_seed
from tests.audit_seed import ACCOUNT_A, ACCOUNT_B, ACCOUNT_C, AUDIT_ROLE, ORG_REGIONS
from tests.conftest import run_fgscan
from tests.test_audit import audit, aws_env, report

SHARDS = 3
ORG = ("--account-role", AUDIT_ROLE, "--accounts", f"{ACCOUNT_A},{ACCOUNT_B},{ACCOUNT_C}", "-q")


@pytest.fixture(scope="module")
def org_url() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    audit_seed.reset(url)
    audit_seed.seed_account_a(url)
    audit_seed.seed_account_b(url)
    audit_seed.seed_account_c(url)
    yield url
    server.stop()


def regions() -> list[str]:
    return [arg for r in ORG_REGIONS for arg in ("--region", r)]


@pytest.fixture(scope="module")
def runs(org_url, tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp("org")
    env = aws_env(org_url, work)
    whole = audit(env, *regions(), *ORG, "-f", "json", "-o", "whole.json", cwd=work)
    assert whole.returncode == 1, whole.stderr
    for k in range(1, SHARDS + 1):
        shard = audit(env, *regions(), *ORG, "--shard", f"{k}/{SHARDS}", "-f", "json", "-o", f"s{k}.json", cwd=work)
        assert shard.returncode in (0, 1), shard.stderr
    shards = [f"s{k}.json" for k in range(1, SHARDS + 1)]
    merged = run_fgscan("merge", *shards, "-f", "json", "-o", "merged.json", "--report", "html=merged.html", cwd=work)
    return {"work": work, "whole": whole, "merged": merged, "shards": shards}


def load(work: Path, name: str) -> dict:
    return json.loads((work / name).read_text())


def comparable(findings: list[dict]) -> list[tuple]:
    return sorted(json.dumps(f, sort_keys=True) for f in findings)


def test_shards_split_the_units_and_merge_to_the_unsharded_audit(runs):
    work = runs["work"]
    whole, merged = load(work, "whole.json"), load(work, "merged.json")
    assert runs["merged"].returncode == runs["whole"].returncode == 1, runs["merged"].stderr
    units = [(a, r) for a in (ACCOUNT_A, ACCOUNT_B, ACCOUNT_C) for r in ORG_REGIONS]
    owners = {unit: [k for k in range(1, SHARDS + 1) if Shard(k, SHARDS).owns(*unit)] for unit in units}
    assert all(len(o) == 1 for o in owners.values())
    for k, name in enumerate(runs["shards"], 1):
        cover = load(work, name)["coverage"]
        assert cover["shard"] == f"{k}/{SHARDS}"
        read = {(a, r) for a, rs in cover["regions"].items() for r in rs}
        assert read == {u for u, o in owners.items() if o == [k]}
    assert len(whole["findings"]) > 20
    assert comparable(merged["findings"]) == comparable(whole["findings"])
    assert comparable(merged["suppressed"]) == comparable(whole["suppressed"])
    assert merged["summary"]["by_severity"] == whole["summary"]["by_severity"]
    for key in ("accounts", "regions", "not_covered", "complete"):
        assert merged["coverage"][key] == whole["coverage"][key], key
    # a role named by task definitions in two shards' regions is judged by both: counted twice (known limit)
    iam = {rule for rule in whole["evaluated"] if rule.startswith("FG-IAM-")}
    assert {r: n for r, n in merged["evaluated"].items() if r not in iam} == {
        r: n for r, n in whole["evaluated"].items() if r not in iam
    }
    assert all(merged["evaluated"][r] >= whole["evaluated"][r] for r in iam)
    assert {f["account"] for f in merged["findings"]} == {ACCOUNT_A, ACCOUNT_B, ACCOUNT_C}
    assert "<table" in (work / "merged.html").read_text()


def test_a_missing_shard_is_incomplete_and_names_it(runs):
    proc = run_fgscan("merge", *runs["shards"][:-1], "-f", "json", cwd=runs["work"])
    assert proc.returncode == 3, proc.stderr
    gaps = report(proc)["coverage"]["not_covered"]
    assert [g["message"] for g in gaps if g["api"] == "fgscan:merge"] == [
        f"shard {SHARDS}/{SHARDS} is missing: its accounts and regions were not read"
    ]


def test_a_broken_report_is_one_line_and_the_others_are_merged(runs):
    work = runs["work"]
    (work / "broken.json").write_text('{"schema_version": 1,\n  "findings": [\n')
    proc = run_fgscan("merge", "broken.json", *runs["shards"], "-f", "json", cwd=work)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[0].startswith("broken.json:3:1: error: invalid JSON")
    assert "Traceback" not in proc.stderr
    assert len(report(proc)["findings"]) == len(load(work, "whole.json")["findings"])


@pytest.mark.parametrize("spec", ["0/3", "4/3", "x", "1/0"])
def test_bad_shard_is_a_usage_error(org_url, tmp_path, spec):
    proc = audit(aws_env(org_url, tmp_path), "--region", "us-east-1", "--shard", spec)
    assert proc.returncode == 2 and "--shard" in proc.stderr and "Traceback" not in proc.stderr
