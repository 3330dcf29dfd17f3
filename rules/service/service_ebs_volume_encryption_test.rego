package fgscan.rules.service_ebs_volume_encryption_test

import rego.v1

import data.fgscan.rules.service_ebs_volume_encryption as rule

test_unencrypted_medium_and_aws_key_low if {
	findings := rule.deny with input.resource as {"volumeConfigurations": [
		{"name": "plain", "managedEBSVolume": {"roleArn": "r", "encrypted": false}},
		{"name": "aws-key", "managedEBSVolume": {"roleArn": "r", "encrypted": true}},
		{"name": "default", "managedEBSVolume": {"roleArn": "r"}},
		{"name": "cmk", "managedEBSVolume": {"roleArn": "r", "encrypted": true, "kmsKeyId": "arn:aws:kms:eu-west-1:1:key/k"}},
		{"name": "param", "managedEBSVolume": {"roleArn": "r", "kmsKeyId": {"Ref": "Key"}}},
	]}
	count(findings) == 3
	{f.path[1] | some f in findings; f.severity == "low"} == {1, 2}
	some f in findings
	f.path == ["volumeConfigurations", 0, "managedEBSVolume", "encrypted"]
	contains(f.msg, "'plain' is not encrypted")
}

test_no_managed_volumes_allowed if {
	count(rule.deny) == 0 with input.resource as {"serviceName": "web"}
	count(rule.deny) == 0 with input.resource as {"volumeConfigurations": [{"name": "x"}]}
}

run_volume(ebs) := {"taskDefinition": "nightly", "volumeConfigurations": [{"name": "scratch", "managedEBSVolume": ebs}]}

test_task_run_denied_and_allowed if {
	count(rule.deny) == 1 with input.resource as run_volume({"roleArn": "arn:aws:iam::123456789012:role/infra", "encrypted": false})
	key := "arn:aws:kms:eu-west-1:123456789012:key/1111aaaa-22bb-33cc-44dd-555555eeeeee"
	count(rule.deny) == 0 with input.resource as run_volume({"roleArn": "arn:aws:iam::123456789012:role/infra", "kmsKeyId": key})
}
