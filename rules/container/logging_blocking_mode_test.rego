package fgscan.rules.logging_blocking_mode_test

import rego.v1

import data.fgscan.rules.logging_blocking_mode as rule

test_explicit_blocking_denied if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "a", "logConfiguration": {"logDriver": "awslogs", "options": {"mode": "blocking"}}},
		{"name": "b", "logConfiguration": {"logDriver": "fluentd", "options": {"mode": "Blocking"}}},
		{"name": "c", "logConfiguration": {"logDriver": "awslogs", "options": {"mode": "non-blocking"}}},
	]}
		with data.fgscan.params.default_log_driver_mode as "non-blocking"
	{f.path | some f in findings} == {
		["containerDefinitions", 0, "logConfiguration", "options", "mode"],
		["containerDefinitions", 1, "logConfiguration", "options", "mode"],
	}
}

test_unset_mode_follows_the_account_default if {
	resource := {"containerDefinitions": [
		{"name": "a", "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/a"}}},
		{"name": "b", "logConfiguration": {"logDriver": "awslogs"}},
	]}
	count(rule.deny) == 0 with input.resource as resource with data.fgscan.params.default_log_driver_mode as "non-blocking"
	findings := rule.deny with input.resource as resource with data.fgscan.params.default_log_driver_mode as "blocking"
	{f.path | some f in findings} == {
		["containerDefinitions", 0, "logConfiguration", "options"],
		["containerDefinitions", 1, "logConfiguration", "logDriver"],
	}
}

test_no_driver_or_unresolved_values_skipped if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "none"},
		{"name": "nodriver", "logConfiguration": {"options": {"mode": "blocking"}}},
		{"name": "mode", "logConfiguration": {"logDriver": "awslogs", "options": {"mode": {"Ref": "Mode"}}}},
		{"name": "opts", "logConfiguration": {"logDriver": "awslogs", "options": {"Fn::If": ["C", {}, {}]}}},
		{"name": "cfg", "logConfiguration": {"Fn::If": ["C", {"logDriver": "awslogs"}, {"Ref": "AWS::NoValue"}]}},
	]}
		with data.fgscan.params.default_log_driver_mode as "blocking"
}
