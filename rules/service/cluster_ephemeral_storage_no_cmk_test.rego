package fgscan.rules.cluster_ephemeral_storage_no_cmk_test

import rego.v1

import data.fgscan.rules.cluster_ephemeral_storage_no_cmk as rule

test_cluster_without_key_denied_at_the_nearest_key if {
	findings := rule.deny with input.resource as {"clusterName": "main"}
	{f.path | some f in findings} == {[]}
	ebs_only := rule.deny with input.resource as {"clusterName": "main", "configuration": {"managedStorageConfiguration": {"kmsKeyId": "k"}}}
	{f.path | some f in ebs_only} == {["configuration", "managedStorageConfiguration"]}
}

test_cluster_with_key_allowed if {
	count(rule.deny) == 0 with input.resource as {"configuration": {"managedStorageConfiguration": {"fargateEphemeralStorageKmsKeyId": "k"}}}
	count(rule.deny) == 0 with input.resource as {"configuration": {"managedStorageConfiguration": {"fargateEphemeralStorageKmsKeyId": {"Ref": "Key"}}}}
}

test_malformed_storage_configuration_not_judged if {
	count(rule.deny) == 0 with input.resource as {"configuration": {"managedStorageConfiguration": "key"}}
}
