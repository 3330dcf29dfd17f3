"""Misses closed (issue 12): credential-named variables whatever the value, short secrets under secret
names, and every host bind mount with a severity by what is mounted. A real task definition is scanned
by the real CLI and each finding is checked on its line."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_fgscan

TASK = {
    "family": "legacy",
    "requiresCompatibilities": ["EC2"],
    "containerDefinitions": [
        {
            "name": "app",
            "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0",
            "user": "10001",
            "environment": [
                {"name": "AWS_ACCESS_KEY_ID", "value": "my-deploy-key"},
                {"name": "AWS_SECRET_ACCESS_KEY", "value": "hunter2"},
                {"name": "ECS_ENGINE_AUTH_DATA", "value": '{"registry": {"username": "u", "password": "p"}}'},
                {"name": "DB_PASSWORD", "value": "hunter2"},
                {"name": "PASSWORD_MIN_LENGTH", "value": "12"},
                {"name": "API_TOKEN", "value": "{{resolve:secretsmanager:api-token}}"},
                {"name": "CLIENT_SECRET", "value": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:c"},
                {"name": "SESSION_TOKEN", "value": ""},
                {"name": "ADMIN_PASSWORD", "value": "false"},
            ],
            "mountPoints": [
                {"sourceVolume": "root", "containerPath": "/host"},
                {"sourceVolume": "etc", "containerPath": "/host-etc", "readOnly": True},
                {"sourceVolume": "logs", "containerPath": "/logs", "readOnly": True},
                {"sourceVolume": "cache", "containerPath": "/cache"},
                {"sourceVolume": "sock", "containerPath": "/var/run/docker.sock"},
            ],
        }
    ],
    "volumes": [
        {"name": "root", "host": {"sourcePath": "/"}},
        {"name": "etc", "host": {"sourcePath": "/etc"}},
        {"name": "logs", "host": {"sourcePath": "/var/log/app"}},
        {"name": "cache", "host": {"sourcePath": "/srv/cache"}},
        {"name": "sock", "host": {"sourcePath": "/var/run/docker.sock"}},
    ],
}
RULES = ("secrets-in-environment", "host-path-volume", "docker-socket-mount")


def scan(tmp_path: Path) -> tuple[str, list[dict]]:
    text = json.dumps(TASK, indent=2)
    (tmp_path / "task.json").write_text(text)
    selection = [arg for rule in RULES for arg in ("--rule", rule)]
    proc = run_fgscan("scan", "task.json", "--format", "json", "--fail-on", "none", *selection, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return text, json.loads(proc.stdout)["findings"]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_secrets_and_host_mounts(tmp_path):
    text, findings = scan(tmp_path)
    got = {(f["rule"], f["line"], f["severity"]) for f in findings}
    value_after = lambda name: line_of(text, f'"{name}"') + 1  # noqa: E731 - the value is on the next line
    assert got == {
        ("secrets-in-environment", value_after("AWS_ACCESS_KEY_ID"), "critical"),
        ("secrets-in-environment", value_after("AWS_SECRET_ACCESS_KEY"), "critical"),
        ("secrets-in-environment", value_after("ECS_ENGINE_AUTH_DATA"), "critical"),
        ("secrets-in-environment", value_after("DB_PASSWORD"), "critical"),
        ("host-path-volume", line_of(text, '"sourcePath": "/"'), "critical"),
        ("host-path-volume", line_of(text, '"sourcePath": "/etc"'), "critical"),
        ("host-path-volume", line_of(text, '"sourcePath": "/var/log/app"'), "low"),
        ("host-path-volume", line_of(text, '"sourcePath": "/srv/cache"'), "medium"),
        ("docker-socket-mount", line_of(text, '"sourceVolume": "sock"'), "critical"),
    }
    messages = " ".join(f["message"] for f in findings)
    assert "hunter2" not in messages and "my-deploy-key" not in messages
    root = next(f for f in findings if f["line"] == line_of(text, '"sourcePath": "/"'))
    assert "the host's root file system" in root["message"]
