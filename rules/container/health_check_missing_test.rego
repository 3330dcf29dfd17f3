package fgscan.rules.health_check_missing_test

import rego.v1

import data.fgscan.rules.health_check_missing as rule

test_essential_containers_without_health_check_denied if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "app"},
		{"name": "web", "essential": true},
		{"name": "ok", "healthCheck": {"command": ["CMD", "/health"]}},
		{"name": "sidecar", "essential": false},
		{"name": "maybe", "essential": {"Ref": "Essential"}},
	]}
	{f.path | some f in findings} == {["containerDefinitions", 0, "name"], ["containerDefinitions", 1, "name"]}
	some f in findings
	f.path[1] == 1
	contains(f.msg, "'web'")
}

test_checked_or_non_essential_containers_allowed if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "ok", "healthCheck": {"command": ["CMD", "/health"]}},
		{"name": "sidecar", "essential": false},
	]}
}
