# METADATA
# title: Service-managed EBS volume is unencrypted or not encrypted with your key
# description: >-
#   ECS can create an EBS volume for each task of a service or task run (`volumeConfigurations[].managedEBSVolume`,
#   2024). With `encrypted: false` the task's data sits unencrypted on the volume and its snapshots
#   (unless the account encrypts new volumes by default); without `kmsKeyId` it is encrypted with the
#   AWS managed key, which every principal of the account allowed to use EBS can decrypt through EBS,
#   and whose use you cannot restrict or audit per workload.
# scope: package
# custom:
#   id: FG-SVC-026
#   name: service-ebs-volume-encryption
#   severity: medium
#   rationale: >-
#     Task data at rest unencrypted is medium; encrypted with the AWS managed key instead of a customer
#     key, low.
#   kinds: [ecs_service, ecs_task_run]
#   remediation: >-
#     Set `encrypted: true` and `kmsKeyId` to a customer managed KMS key whose policy lets the
#     infrastructure role use it.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-kms-encryption.html
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html
#   frameworks:
#     nist-800-53: [SC-28, SC-28(1)]
#   examples:
#     bad: '{"serviceName": "db", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecs-infra", "encrypted": false}}]}'
#     good: '{"serviceName": "db", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecs-infra", "encrypted": true, "kmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/1111aaaa-22bb-33cc-44dd-555555eeeeee"}}]}'
package fgscan.rules.service_ebs_volume_encryption

import rego.v1

deny contains finding if {
	volume := input.resource.volumeConfigurations[i]
	volume.managedEBSVolume.encrypted == false
	finding := {
		"msg": sprintf("managed EBS volume '%s' is not encrypted.", [volume.name]),
		"path": ["volumeConfigurations", i, "managedEBSVolume", "encrypted"],
	}
}

deny contains finding if {
	volume := input.resource.volumeConfigurations[i]
	ebs := volume.managedEBSVolume
	is_object(ebs)
	not ebs.encrypted == false
	not "kmsKeyId" in object.keys(ebs)
	finding := {
		"msg": sprintf("managed EBS volume '%s' is not encrypted with a customer managed KMS key (no kmsKeyId).", [volume.name]),
		"path": ["volumeConfigurations", i, "managedEBSVolume"],
		"severity": "low",
	}
}
