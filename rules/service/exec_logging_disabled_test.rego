package fgscan.rules.exec_logging_disabled_test

import rego.v1

import data.fgscan.rules.exec_logging_disabled as rule

cluster(exec) := {"clusterName": "prod", "configuration": {"executeCommandConfiguration": exec}}

test_logging_none_denied if {
	findings := rule.deny with input.resource as cluster({"logging": "NONE"})
	count(findings) == 1
	some finding in findings
	finding.path == ["configuration", "executeCommandConfiguration", "logging"]
}

test_override_without_destination_denied if {
	count(rule.deny) == 1 with input.resource as cluster({"logging": "OVERRIDE"})
	count(rule.deny) == 1 with input.resource as cluster({
		"logging": "OVERRIDE",
		"logConfiguration": {"cloudWatchEncryptionEnabled": true, "s3BucketName": ""},
	})
}

test_override_with_destination_allowed if {
	count(rule.deny) == 0 with input.resource as cluster({
		"logging": "OVERRIDE",
		"logConfiguration": {"cloudWatchLogGroupName": "/ecs/exec"},
	})
	count(rule.deny) == 0 with input.resource as cluster({
		"logging": "OVERRIDE",
		"logConfiguration": {"s3BucketName": {"Ref": "AuditBucket"}},
	})
}

test_override_with_unresolved_configuration_is_not_proof if {
	count(rule.deny) == 0 with input.resource as cluster({
		"logging": "OVERRIDE",
		"logConfiguration": {"Fn::If": ["Audit", {"s3BucketName": "b"}, {"Ref": "AWS::NoValue"}]},
	})
}

test_default_or_unset_allowed if {
	count(rule.deny) == 0 with input.resource as cluster({"logging": "DEFAULT"})
	count(rule.deny) == 0 with input.resource as cluster({"kmsKeyId": "key"})
	count(rule.deny) == 0 with input.resource as {"clusterName": "prod"}
	count(rule.deny) == 0 with input.resource as cluster({"logging": {"Ref": "ExecLogging"}})
}
