package fgscan.rules.logging_disabled_test

import rego.v1

import data.fgscan.rules.logging_disabled as rule

test_missing_configuration_and_driver_denied if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "app"},
		{"name": "half", "logConfiguration": {"options": {"awslogs-group": "/ecs/x"}}},
		{"name": "empty", "logConfiguration": {"logDriver": ""}},
		{"name": "ok", "logConfiguration": {"logDriver": "awslogs"}},
	]}
	{f.path | some f in findings} == {
		["containerDefinitions", 0, "name"],
		["containerDefinitions", 1, "logConfiguration"],
		["containerDefinitions", 2, "logConfiguration"],
	}
}

test_any_driver_counts if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "a", "logConfiguration": {"logDriver": "awsfirelens"}},
		{"name": "b", "logConfiguration": {"logDriver": "splunk", "options": {}}},
		{"name": "c", "logConfiguration": {"logDriver": {"Ref": "Driver"}}},
	]}
}

test_unresolved_configuration_is_not_proof if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "a", "logConfiguration": {"Fn::If": ["Prod", {"logDriver": "awslogs"}, {"Ref": "AWS::NoValue"}]}},
	]}
}
