package fgscan.rules.efs_transit_encryption_disabled_test

import rego.v1

import data.fgscan.rules.efs_transit_encryption_disabled as rule

test_unset_and_disabled_denied if {
	findings := rule.deny with input.resource as {"volumes": [
		{"name": "a", "efsVolumeConfiguration": {"fileSystemId": "fs-1"}},
		{"name": "b", "efsVolumeConfiguration": {"fileSystemId": "fs-2", "transitEncryption": "DISABLED"}},
		{"name": "c", "efsVolumeConfiguration": {"fileSystemId": "fs-3", "transitEncryption": "ENABLED"}},
	]}
	{f.path | some f in findings} == {
		["volumes", 0, "efsVolumeConfiguration"],
		["volumes", 1, "efsVolumeConfiguration", "transitEncryption"],
	}
}

test_other_volumes_and_unresolved_values_allowed if {
	count(rule.deny) == 0 with input.resource as {"volumes": [
		{"name": "a", "host": {"sourcePath": "/data"}},
		{"name": "b"},
		{"name": "c", "efsVolumeConfiguration": {"fileSystemId": "fs-3", "transitEncryption": {"Ref": "Tls"}}},
		{"name": "d", "efsVolumeConfiguration": {"Fn::If": ["UseEfs", {"fileSystemId": "fs-4"}, {"Ref": "AWS::NoValue"}]}},
		{"name": "e", "efsVolumeConfiguration": {"fileSystemId": "fs-5", "transitEncryption": "enabled"}},
	]}
}
