# METADATA
# title: EFS volume mounted without IAM authorization
# description: >-
#   Unless `authorizationConfig.iam` is ENABLED, the task mounts EFS without presenting its task
#   role, so the file system policy cannot tell this task from any other client that reaches the
#   mount target: access rests on network reachability and POSIX permissions alone.
# scope: package
# custom:
#   id: FG-TSK-025
#   name: efs-iam-authorization-disabled
#   severity: medium
#   rationale: File system access is not tied to the task's identity, but an attacker still needs network access to the mount target.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Set `efsVolumeConfiguration.authorizationConfig.iam` to `ENABLED` (with `transitEncryption`
#     ENABLED, and ideally an `accessPointId`), grant the task role `elasticfilesystem:ClientMount`
#     (and `ClientWrite` if needed) and require IAM in the file system policy.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSAuthorizationConfig.html
#     - https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html
#   frameworks:
#     nist-800-53: [AC-3, IA-2]
#   examples:
#     bad: '{"volumes": [{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-12345678", "transitEncryption": "ENABLED"}}], "containerDefinitions": [{"name": "app"}]}'
#     good: '{"volumes": [{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-12345678", "transitEncryption": "ENABLED", "authorizationConfig": {"iam": "ENABLED", "accessPointId": "fsap-0123456789abcdef0"}}}], "containerDefinitions": [{"name": "app"}]}'
package fgscan.rules.efs_iam_authorization_disabled

import data.fgscan.lib.task
import rego.v1

deny contains finding if {
	volume := input.resource.volumes[k]
	config := volume.efsVolumeConfiguration
	task.known_object(config)
	path := _unset(config)
	finding := {
		"msg": sprintf("EFS volume '%s' is mounted without IAM authorization.", [volume.name]),
		"path": array.concat(["volumes", k, "efsVolumeConfiguration"], path),
	}
}

deny contains finding if {
	volume := input.resource.volumes[k]
	value := volume.efsVolumeConfiguration.authorizationConfig.iam
	is_string(value)
	upper(value) != "ENABLED"
	finding := {
		"msg": sprintf("EFS volume '%s' disables IAM authorization.", [volume.name]),
		"path": ["volumes", k, "efsVolumeConfiguration", "authorizationConfig", "iam"],
	}
}

_unset(config) := [] if not "authorizationConfig" in object.keys(config)

_unset(config) := ["authorizationConfig"] if {
	task.known_object(config.authorizationConfig)
	not "iam" in object.keys(config.authorizationConfig)
}
