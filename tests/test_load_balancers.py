"""Load balancers, target groups and listeners are model kinds, read from AWS CLI output as from templates,
so the exposure rules judge what reaches a service's tasks around its balancer whatever the source."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from scanner.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "aws-cli-lb"


def scan(folder: Path) -> dict:
    result = CliRunner().invoke(app, ["scan", str(folder), "-f", "json", "--fail-on", "none"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def copy(tmp_path: Path) -> Path:
    folder = tmp_path / "cli"
    shutil.copytree(FIXTURES, folder)
    return folder


def bypasses(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == "load-balancer-bypass"]


def line_of(file: Path, needle: str) -> int:
    return next(n for n, line in enumerate(file.read_text().splitlines(), 1) if needle in line)


def test_bypass_from_cli_output_through_the_listener(tmp_path):
    folder = copy(tmp_path)
    report = scan(folder)
    [finding] = bypasses(report)
    assert finding["resource"] == "web"
    assert finding["file"].endswith("security-groups.json")
    assert finding["line"] == line_of(folder / "security-groups.json", '"CidrIp": "10.0.0.0/8"')
    assert "instead of only the balancer's group sg-0alb00000000000001" in finding["message"]
    assert report["summary"]["resources"] == 7  # service, two groups, task definition, balancer, group, listener


def test_bypass_through_the_target_groups_own_balancer_arns(tmp_path):
    """`describe-target-groups` names the balancers itself: no listener output needed."""
    folder = copy(tmp_path)
    (folder / "listeners.json").unlink()
    groups = json.loads((folder / "target-groups.json").read_text())
    balancer = json.loads((folder / "load-balancers.json").read_text())["LoadBalancers"][0]["LoadBalancerArn"]
    groups["TargetGroups"][0]["LoadBalancerArns"] = [balancer]
    (folder / "target-groups.json").write_text(json.dumps(groups, indent=2))
    [finding] = bypasses(scan(folder))
    assert "instead of only the balancer's group sg-0alb00000000000001" in finding["message"]


def test_without_the_balancer_its_groups_are_unknown(tmp_path):
    """The target group is known but no balancer sends it traffic: the finding stays, without naming groups."""
    folder = copy(tmp_path)
    (folder / "listeners.json").unlink()
    [finding] = bypasses(scan(folder))
    assert "instead of only" not in finding["message"]


def test_network_load_balancer_from_cli_output_is_not_a_bypass(tmp_path):
    folder = copy(tmp_path)
    for name, key, field, value in (
        ("load-balancers.json", "LoadBalancers", "Type", "network"),
        ("target-groups.json", "TargetGroups", "Protocol", "TCP"),
    ):
        data = json.loads((folder / name).read_text())
        data[key][0][field] = value
        (folder / name).write_text(json.dumps(data, indent=2))
    assert bypasses(scan(folder)) == []
