# METADATA
# title: Fargate ephemeral storage is not encrypted with your key
# description: >-
#   Fargate encrypts each task's ephemeral storage, with an AWS owned key unless the cluster names a
#   customer managed key (`configuration.managedStorageConfiguration.fargateEphemeralStorageKmsKeyId`,
#   2024). With your own key you control who can use it, can revoke it, and see every use in
#   CloudTrail; compliance regimes that require customer managed keys for data at rest include the
#   files tasks write to local storage.
# scope: package
# custom:
#   id: FG-SVC-025
#   name: cluster-ephemeral-storage-no-cmk
#   severity: low
#   rationale: The storage is encrypted either way; only control and audit of the key are missing.
#   kinds: [ecs_cluster]
#   remediation: >-
#     Set `configuration.managedStorageConfiguration.fargateEphemeralStorageKmsKeyId` to a customer
#     managed KMS key whose policy lets Fargate (`fargate.amazonaws.com`) generate data keys.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-storage-encryption.html
#   frameworks:
#     nist-800-53: [SC-12, SC-28(1)]
#   examples:
#     bad: '{"clusterName": "main"}'
#     good: '{"clusterName": "main", "configuration": {"managedStorageConfiguration": {"fargateEphemeralStorageKmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/1111aaaa-22bb-33cc-44dd-555555eeeeee"}}}'
package fgscan.rules.cluster_ephemeral_storage_no_cmk

import rego.v1

deny contains finding if {
	is_object(input.resource)
	not _has_key
	finding := {
		"msg": "Fargate ephemeral storage is encrypted with an AWS owned key, not a customer managed key.",
		"path": _nearest,
	}
}

_has_key if {
	storage := object.get(input.resource, ["configuration", "managedStorageConfiguration"], {})
	is_object(storage)
	"fargateEphemeralStorageKmsKeyId" in object.keys(storage)
}

# A malformed configuration is not judged.
_has_key if not is_object(object.get(input.resource, ["configuration", "managedStorageConfiguration"], {}))

# The deepest of configuration.managedStorageConfiguration that exists.
_nearest := ["configuration", "managedStorageConfiguration"] if {
	is_object(object.get(input.resource, ["configuration", "managedStorageConfiguration"], null))
} else := ["configuration"] if {
	is_object(object.get(input.resource, "configuration", null))
} else := []
