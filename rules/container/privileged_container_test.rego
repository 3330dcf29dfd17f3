package fgscan.rules.privileged_container_test

import rego.v1

import data.fgscan.rules.privileged_container as rule

test_privileged_container_denied if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "app", "privileged": false},
		{"name": "agent", "privileged": true},
	]}
	count(findings) == 1
	some finding in findings
	finding.path == ["containerDefinitions", 1, "privileged"]
	contains(finding.msg, "'agent'")
}

test_unprivileged_containers_allowed if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "app", "privileged": false},
		{"name": "sidecar"},
	]}
}

test_unresolved_value_is_not_proof if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "app", "privileged": {"Fn::If": ["Debug", true, false]}},
	]}
}
