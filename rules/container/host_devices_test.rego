package fgscan.rules.host_devices_test

import rego.v1

import data.fgscan.rules.host_devices as rule

test_mapped_devices_denied if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "app"},
		{"name": "fuse", "linuxParameters": {"devices": [
			{"hostPath": "/dev/fuse", "permissions": ["read", "write"]},
			{"hostPath": {"Ref": "Dev"}},
		]}},
	]}
	count(findings) == 1
	some finding in findings
	finding.path == ["containerDefinitions", 1, "linuxParameters", "devices"]
	contains(finding.msg, "/dev/fuse, (unresolved)")
}

test_no_or_empty_devices_allowed if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "a", "linuxParameters": {"devices": []}},
		{"name": "b", "linuxParameters": {"devices": {"Ref": "AWS::NoValue"}}},
		{"name": "c", "linuxParameters": {"initProcessEnabled": true}},
		{"name": "d", "resourceRequirements": [{"type": "GPU", "value": "1"}]},
	]}
}
