"""The container and task-definition rules end to end: real task-definition JSON and CloudFormation
YAML written to disk, scanned by the real CLI, each finding pinned to the line of the offending key."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLES, run_fgscan

RULES = (
    "windows-admin-user",
    "capabilities-not-dropped",
    "secrets-in-command",
    "logging-disabled",
    "logging-blocking-mode",
    "image-not-pinned",
    "image-untrusted-registry",
    "unsafe-security-options",
    "host-devices",
    "unsafe-sysctls",
    "missing-resource-limits",
    "host-pid-namespace",
    "host-ipc-namespace",
    "host-path-volume",
    "docker-socket-mount",
    "efs-transit-encryption-disabled",
    "efs-iam-authorization-disabled",
    "non-awsvpc-network-mode",
    "secret-from-other-account",
)
SECRET_VALUES = ("Zq8mW2kLp5RtY7vBx3Nc", "hunter2hunter2")
OTHER = "222222222222"
ECR = "123456789012.dkr.ecr.eu-west-1.amazonaws.com"


def scan(path: Path, rules: tuple[str, ...] = RULES, fmt: str = "json") -> dict | str:
    """The report of a scan limited to `rules` (all rules when empty)."""
    selection = [arg for rule in rules for arg in ("--rule", rule)]
    proc = run_fgscan("scan", str(path), "--format", fmt, "--fail-on", "none", *selection)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout) if fmt == "json" else proc.stdout


def found(report: dict) -> set[tuple[str, int]]:
    """(rule, line) of every finding."""
    return {(f["rule"], f["line"]) for f in report["findings"]}


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The line number of the `nth` line containing `needle`."""
    lines = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[nth - 1]


RISKY_EC2_TASK = {
    "taskDefinition": {
        "taskDefinitionArn": "arn:aws:ecs:eu-west-1:111111111111:task-definition/worker:3",
        "family": "worker",
        "requiresCompatibilities": ["EC2"],
        "networkMode": "bridge",
        "pidMode": "host",
        "ipcMode": "host",
        "containerDefinitions": [
            {
                "name": "web",
                "image": "nginx:latest",
                "memoryReservation": 256,
                "linuxParameters": {
                    "capabilities": {"drop": ["NET_RAW"]},
                    "devices": [{"hostPath": "/dev/fuse"}],
                },
                "dockerSecurityOptions": ["no-new-privileges", "seccomp:unconfined"],
                "systemControls": [
                    {"namespace": "net.ipv4.tcp_syncookies", "value": "1"},
                    {"namespace": "kernel.core_pattern", "value": "core"},
                ],
                "command": ["--port=8080", "--api-token=Zq8mW2kLp5RtY7vBx3Nc"],
                "logConfiguration": {
                    "logDriver": "awslogs",
                    "options": {"awslogs-group": "/ecs/web", "mode": "blocking"},
                },
                "mountPoints": [
                    {"sourceVolume": "sock", "containerPath": "/var/run/docker.sock"},
                    {"sourceVolume": "etc", "containerPath": "/host/etc", "readOnly": True},
                    {"sourceVolume": "data", "containerPath": "/data"},
                ],
                "secrets": [
                    {"name": "DB_PASSWORD", "valueFrom": f"arn:aws:secretsmanager:eu-west-1:{OTHER}:secret:db-AbCdEf"},
                    {"name": "API_KEY", "valueFrom": "arn:aws:ssm:eu-west-1:111111111111:parameter/web/api-key"},
                ],
            },
            {
                "name": "sidecar",
                "image": "ghcr.io/acme/sidecar:1.2",
                "memory": 128,
                "linuxParameters": {"capabilities": {"drop": ["ALL"]}},
            },
        ],
        "volumes": [
            {"name": "sock", "host": {"sourcePath": "/var/run/docker.sock"}},
            {"name": "etc", "host": {"sourcePath": "/etc/"}},
            {"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-0123456789abcdef0"}},
        ],
    }
}


def test_every_rule_fires_on_the_line_of_its_key_in_a_task_definition(tmp_path):
    text = json.dumps(RISKY_EC2_TASK, indent=2)
    (tmp_path / "worker.json").write_text(text)
    report = scan(tmp_path / "worker.json")
    web_name, sidecar_name = line_of(text, '"name": "web"'), line_of(text, '"name": "sidecar"')
    assert found(report) == {
        ("capabilities-not-dropped", line_of(text, '"drop"')),
        ("secrets-in-command", line_of(text, '"--api-token=')),
        ("logging-disabled", sidecar_name),
        ("logging-blocking-mode", line_of(text, '"mode": "blocking"')),
        ("image-not-pinned", line_of(text, '"image": "nginx:latest"')),
        ("image-not-pinned", line_of(text, '"image": "ghcr.io')),
        ("image-untrusted-registry", line_of(text, '"image": "nginx:latest"')),
        ("image-untrusted-registry", line_of(text, '"image": "ghcr.io')),
        ("unsafe-security-options", line_of(text, '"seccomp:unconfined"')),
        ("host-devices", line_of(text, '"devices"')),
        ("unsafe-sysctls", line_of(text, '"namespace": "kernel.core_pattern"')),
        ("missing-resource-limits", line_of(text, '"memoryReservation"')),
        ("host-pid-namespace", line_of(text, '"pidMode"')),
        ("host-ipc-namespace", line_of(text, '"ipcMode"')),
        ("host-path-volume", line_of(text, '"sourcePath": "/etc/"')),
        ("docker-socket-mount", line_of(text, '"sourceVolume": "sock"')),
        ("efs-transit-encryption-disabled", line_of(text, '"efsVolumeConfiguration"')),
        ("efs-iam-authorization-disabled", line_of(text, '"efsVolumeConfiguration"')),
        ("non-awsvpc-network-mode", line_of(text, '"networkMode"')),
        ("secret-from-other-account", line_of(text, '"valueFrom": "arn:aws:secretsmanager:eu-west-1:222222222222')),
    }
    assert web_name not in {line for _, line in found(report)}
    severities = {(f["rule"], f["line"]): f["severity"] for f in report["findings"]}
    assert severities[("image-not-pinned", line_of(text, '"image": "nginx:latest"'))] == "medium"
    assert severities[("image-not-pinned", line_of(text, '"image": "ghcr.io'))] == "low"
    assert severities[("unsafe-sysctls", line_of(text, "kernel.core_pattern"))] == "high"
    assert severities[("docker-socket-mount", line_of(text, '"sourceVolume": "sock"'))] == "critical"
    messages = " ".join(f["message"] for f in report["findings"])
    assert "command argument 1 (" in messages
    assert "from account 222222222222, not the task definition's account 111111111111" in messages


def test_no_report_format_prints_a_secret_found_in_a_command(tmp_path):
    (tmp_path / "worker.json").write_text(json.dumps(RISKY_EC2_TASK, indent=2))
    for fmt in ("json", "text", "sarif"):
        output = scan(tmp_path / "worker.json", ("secrets-in-command",), fmt)
        output = json.dumps(output) if isinstance(output, dict) else output
        assert "secrets-in-command" in output
        assert not any(secret in output for secret in SECRET_VALUES), fmt


def test_windows_task_reports_the_administrator_user_and_skips_linux_checks(tmp_path):
    task = {
        "family": "iis",
        "requiresCompatibilities": ["FARGATE"],
        "networkMode": "awsvpc",
        "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE", "cpuArchitecture": "X86_64"},
        "cpu": "1024",
        "memory": "2048",
        "containerDefinitions": [
            {"name": "iis", "user": "ContainerAdministrator", "image": f"{ECR}/iis:20240910"},
            {"name": "agent", "image": f"{ECR}/agent:2.0"},
            {"name": "worker", "user": "ContainerUser", "image": f"{ECR}/worker:2.0"},
        ],
    }
    text = json.dumps(task, indent=2)
    (tmp_path / "iis.json").write_text(text)
    report = scan(tmp_path / "iis.json", ("windows-admin-user", "capabilities-not-dropped", "unsafe-sysctls"))
    assert found(report) == {
        ("windows-admin-user", line_of(text, '"user": "ContainerAdministrator"')),
        ("windows-admin-user", line_of(text, '"name": "agent"')),
    }


RISKY_TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Tag:
    Type: String
Resources:
  WorkerTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: worker
      RequiresCompatibilities: [EC2]
      NetworkMode: bridge
      PidMode: host
      IpcMode: host
      TaskRoleArn: arn:aws:iam::111111111111:role/worker
      ContainerDefinitions:
        - Name: worker
          Image: !Sub "nginx:${Tag}"
          MemoryReservation: 256
          Command: ["--db-password=hunter2hunter2"]
          DockerSecurityOptions:
            - apparmor:unconfined
          LinuxParameters:
            Devices:
              - HostPath: /dev/sda
          SystemControls:
            - Namespace: vm.swappiness
              Value: "10"
          LogConfiguration:
            LogDriver: awslogs
            Options:
              mode: blocking
          MountPoints:
            - SourceVolume: sock
              ContainerPath: /var/run/docker.sock
            - SourceVolume: proc
              ContainerPath: /host/proc
          Secrets:
            - Name: DB_PASSWORD
              ValueFrom: arn:aws:ssm:eu-west-1:222222222222:parameter/db
        - Name: logger
          Image: public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0
          Memory: 128
          LinuxParameters:
            Capabilities:
              Drop: [ALL]
      Volumes:
        - Name: sock
          Host:
            SourcePath: /var/run
        - Name: proc
          Host:
            SourcePath: /proc
        - Name: shared
          EFSVolumeConfiguration:
            FilesystemId: fs-0123456789abcdef0
            TransitEncryption: DISABLED
            AuthorizationConfig:
              IAM: DISABLED
"""


def test_every_rule_fires_on_the_line_of_its_key_in_cloudformation(tmp_path):
    (tmp_path / "stack.yaml").write_text(RISKY_TEMPLATE)
    report = scan(tmp_path / "stack.yaml")
    text = RISKY_TEMPLATE
    assert found(report) == {
        ("capabilities-not-dropped", line_of(text, "LinuxParameters:")),
        ("secrets-in-command", line_of(text, "Command:")),
        ("logging-disabled", line_of(text, "- Name: logger")),
        ("logging-blocking-mode", line_of(text, "mode: blocking")),
        ("image-untrusted-registry", line_of(text, "Image: !Sub")),
        ("unsafe-security-options", line_of(text, "- apparmor:unconfined")),
        ("host-devices", line_of(text, "Devices:")),
        ("unsafe-sysctls", line_of(text, "- Namespace: vm.swappiness")),
        ("missing-resource-limits", line_of(text, "MemoryReservation:")),
        ("host-pid-namespace", line_of(text, "PidMode:")),
        ("host-ipc-namespace", line_of(text, "IpcMode:")),
        ("host-path-volume", line_of(text, "SourcePath: /proc")),
        ("docker-socket-mount", line_of(text, "- SourceVolume: sock")),
        ("efs-transit-encryption-disabled", line_of(text, "TransitEncryption: DISABLED")),
        ("efs-iam-authorization-disabled", line_of(text, "IAM: DISABLED")),
        ("non-awsvpc-network-mode", line_of(text, "NetworkMode:")),
        ("secret-from-other-account", line_of(text, "ValueFrom: arn:aws:ssm:eu-west-1:222222222222")),
        ("image-not-pinned", line_of(text, "Image: public.ecr.aws")),
    }


HARDENED_TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  ImageDigest:
    Type: String
  FileSystem:
    Type: String
Resources:
  ApiTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: api
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      ExecutionRoleArn: !Sub "arn:aws:iam::${AWS::AccountId}:role/api-execution"
      ContainerDefinitions:
        - Name: api
          Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/api@${ImageDigest}"
          User: "10001"
          ReadonlyRootFilesystem: true
          Command: ["--listen=:8080", "--db-password-file=/run/secrets/db", "--token", "$API_TOKEN"]
          DockerLabels:
            org.opencontainers.image.revision: 9b2a6f3e1c0d4b5a6978876655443322110f0e0d
          LinuxParameters:
            Capabilities:
              Drop: [ALL]
          SystemControls:
            - Namespace: net.ipv4.tcp_keepalive_time
              Value: "300"
          Secrets:
            - Name: DB_PASSWORD
              ValueFrom: !Sub "arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:api/db"
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: /ecs/api
              awslogs-region: !Ref AWS::Region
              awslogs-stream-prefix: api
          MountPoints:
            - SourceVolume: data
              ContainerPath: /data
      Volumes:
        - Name: data
          EFSVolumeConfiguration:
            FilesystemId: !Ref FileSystem
            TransitEncryption: ENABLED
            AuthorizationConfig:
              IAM: ENABLED
"""


def test_hardened_template_with_unresolved_values_has_no_finding(tmp_path):
    (tmp_path / "stack.yaml").write_text(HARDENED_TEMPLATE)
    assert scan(tmp_path / "stack.yaml")["findings"] == []


def test_hardened_example_has_no_finding_of_medium_or_above():
    report = scan(EXAMPLES / "hardened-task-definition.json", ())
    assert report["summary"]["resources"] == 1
    serious = [f for f in report["findings"] if f["severity"] in ("critical", "high", "medium")]
    assert serious == []
    assert [f for f in report["findings"] if f["rule"] in RULES] == []


def test_risky_example_trips_the_container_and_task_rules():
    report = scan(EXAMPLES / "risky-task-definition.json")
    assert {f["rule"] for f in report["findings"]} >= {
        "docker-socket-mount",
        "host-pid-namespace",
        "host-path-volume",
        "unsafe-security-options",
        "secrets-in-command",
        "logging-disabled",
        "image-not-pinned",
        "image-untrusted-registry",
        "efs-transit-encryption-disabled",
        "efs-iam-authorization-disabled",
        "missing-resource-limits",
        "capabilities-not-dropped",
    }


SECRETS_MANAGER_TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Stage:
    Type: String
    Default: prod
Resources:
  Secret:
    Type: AWS::SecretsManager::Secret
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: public.ecr.aws/nginx/nginx:1.27
          Environment:
            - Name: DB_PASSWORD
              Value: "{{resolve:secretsmanager:prod/db:SecretString:password}}"
            - Name: SECRET_KEY
              Value: !Sub "{{resolve:secretsmanager:${Secret}::secretkey}}"
            - Name: API_KEY
              Value: !Join ["", ["{{resolve:secretsmanager:", !Ref Secret, ":SecretString:api}}"]]
            - Name: STAGE
              Value: !Sub "{{resolve:ssm:/app/${Stage}/name}}"
"""


def test_secrets_manager_references_in_a_template_are_secrets_written_into_the_task_definition(tmp_path):
    template = tmp_path / "task.yaml"
    template.write_text(SECRETS_MANAGER_TEMPLATE)
    report = scan(template, ("secrets-in-environment",))
    assert found(report) == {
        ("secrets-in-environment", line_of(SECRETS_MANAGER_TEMPLATE, "{{resolve:secretsmanager:prod/db")),
        ("secrets-in-environment", line_of(SECRETS_MANAGER_TEMPLATE, "${Secret}::secretkey")),
        ("secrets-in-environment", line_of(SECRETS_MANAGER_TEMPLATE, "!Join")),
    }
    assert all("passes a Secrets Manager secret" in f["message"] for f in report["findings"])
    # the same text in a task definition registered as it is: no reference, and no secret-looking value
    registered = tmp_path / "registered.json"
    registered.write_text(
        json.dumps(
            {
                "family": "f",
                "containerDefinitions": [
                    {
                        "name": "app",
                        "environment": [
                            {
                                "name": "DB_PASSWORD",
                                "value": "{{resolve:secretsmanager:prod/db:SecretString:password}}",
                            },
                        ],
                    }
                ],
            }
        )
    )
    assert found(scan(registered, ("secrets-in-environment",))) == set()
