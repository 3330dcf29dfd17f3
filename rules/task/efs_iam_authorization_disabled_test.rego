package fgscan.rules.efs_iam_authorization_disabled_test

import rego.v1

import data.fgscan.rules.efs_iam_authorization_disabled as rule

test_unset_and_disabled_denied if {
	findings := rule.deny with input.resource as {"volumes": [
		{"name": "a", "efsVolumeConfiguration": {"fileSystemId": "fs-1"}},
		{"name": "b", "efsVolumeConfiguration": {"fileSystemId": "fs-2", "authorizationConfig": {"accessPointId": "fsap-1"}}},
		{"name": "c", "efsVolumeConfiguration": {"fileSystemId": "fs-3", "authorizationConfig": {"iam": "DISABLED"}}},
		{"name": "d", "efsVolumeConfiguration": {"fileSystemId": "fs-4", "authorizationConfig": {"iam": "ENABLED"}}},
	]}
	{f.path | some f in findings} == {
		["volumes", 0, "efsVolumeConfiguration"],
		["volumes", 1, "efsVolumeConfiguration", "authorizationConfig"],
		["volumes", 2, "efsVolumeConfiguration", "authorizationConfig", "iam"],
	}
}

test_other_volumes_and_unresolved_values_allowed if {
	count(rule.deny) == 0 with input.resource as {"volumes": [
		{"name": "a", "host": {"sourcePath": "/data"}},
		{"name": "b", "efsVolumeConfiguration": {"fileSystemId": "fs-2", "authorizationConfig": {"iam": {"Ref": "Iam"}}}},
		{"name": "c", "efsVolumeConfiguration": {"fileSystemId": "fs-3", "authorizationConfig": {"Fn::If": ["C", {"iam": "ENABLED"}, {}]}}},
		{"name": "d", "efsVolumeConfiguration": {"Ref": "EfsConfig"}},
	]}
}
