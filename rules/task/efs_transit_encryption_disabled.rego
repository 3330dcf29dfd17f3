# METADATA
# title: EFS volume without encryption in transit
# description: >-
#   An EFS volume's `transitEncryption` defaults to DISABLED, so the NFS traffic between the task
#   and the file system crosses the VPC in clear text, readable and alterable by anything able to
#   observe it. TLS is also required for EFS IAM authorization.
# scope: package
# custom:
#   id: FG-TSK-024
#   name: efs-transit-encryption-disabled
#   severity: medium
#   rationale: File contents travel unencrypted, but only inside the VPC, so exploitation needs a foothold on the network path.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Set `efsVolumeConfiguration.transitEncryption` to `ENABLED` (optionally with
#     `transitEncryptionPort`), and deny unencrypted mounts in the file system policy with the
#     `aws:SecureTransport` condition.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html
#     - https://docs.aws.amazon.com/efs/latest/ug/encryption-in-transit.html
#   frameworks:
#     nist-800-53: [SC-8, SC-8(1)]
#   examples:
#     bad: '{"volumes": [{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-12345678"}}], "containerDefinitions": [{"name": "app"}]}'
#     good: '{"volumes": [{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-12345678", "transitEncryption": "ENABLED"}}], "containerDefinitions": [{"name": "app"}]}'
package fgscan.rules.efs_transit_encryption_disabled

import data.fgscan.lib.task
import rego.v1

deny contains finding if {
	volume := input.resource.volumes[k]
	config := volume.efsVolumeConfiguration
	task.known_object(config)
	not "transitEncryption" in object.keys(config)
	finding := {
		"msg": sprintf("EFS volume '%s' does not enable encryption in transit (the default is DISABLED).", [volume.name]),
		"path": ["volumes", k, "efsVolumeConfiguration"],
	}
}

deny contains finding if {
	volume := input.resource.volumes[k]
	value := volume.efsVolumeConfiguration.transitEncryption
	is_string(value)
	upper(value) != "ENABLED"
	finding := {
		"msg": sprintf("EFS volume '%s' disables encryption in transit.", [volume.name]),
		"path": ["volumes", k, "efsVolumeConfiguration", "transitEncryption"],
	}
}
