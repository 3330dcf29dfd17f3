package fgscan.rules.writable_root_filesystem_test

import rego.v1

import data.fgscan.rules.writable_root_filesystem as rule

test_false_points_at_the_key if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "app", "readonlyRootFilesystem": true},
		{"name": "web", "readonlyRootFilesystem": false},
	]}
	count(findings) == 1
	some f in findings
	f.path == ["containerDefinitions", 1, "readonlyRootFilesystem"]
	contains(f.msg, "'web'")
}

test_missing_points_at_the_container_name if {
	findings := rule.deny with input.resource as {"containerDefinitions": [{"name": "app", "image": "app:1"}]}
	count(findings) == 1
	some f in findings
	f.path == ["containerDefinitions", 0, "name"]
}

test_unresolved_intrinsic_is_not_proof_of_read_only if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "app", "readonlyRootFilesystem": {"Fn::If": ["Hardened", true, false]}},
	]}
	count(findings) == 1
	some f in findings
	contains(f.msg, "deploy time")
}

test_null_and_strings_are_not_true if {
	count(rule.deny) == 2 with input.resource as {"containerDefinitions": [
		{"name": "a", "readonlyRootFilesystem": null},
		{"name": "b", "readonlyRootFilesystem": "true"},
	]}
}

test_read_only_containers_allowed if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "app", "readonlyRootFilesystem": true},
		{"name": "proxy", "readonlyRootFilesystem": true, "mountPoints": [{"containerPath": "/tmp"}]},
	]}
}

test_windows_containers_out_of_scope if {
	count(rule.deny) == 0 with input.resource as {
		"runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2019_FULL"},
		"containerDefinitions": [{"name": "iis"}],
	}
}

test_no_containers_no_findings if {
	count(rule.deny) == 0 with input.resource as {"family": "empty"}
}
