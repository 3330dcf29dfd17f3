package fgscan.rules.ecs_exec_enabled_test

import rego.v1

import data.fgscan.rules.ecs_exec_enabled as rule

test_exec_enabled_denied if {
	findings := rule.deny with input.resource as {"serviceName": "web", "enableExecuteCommand": true}
	count(findings) == 1
	some finding in findings
	finding.path == ["enableExecuteCommand"]
}

test_exec_disabled_or_unset_allowed if {
	count(rule.deny) == 0 with input.resource as {"serviceName": "web", "enableExecuteCommand": false}
	count(rule.deny) == 0 with input.resource as {"serviceName": "web"}
}

test_unresolved_or_string_value_is_not_proof if {
	count(rule.deny) == 0 with input.resource as {
		"serviceName": "web",
		"enableExecuteCommand": {"Fn::If": ["Debug", true, false]},
	}
	count(rule.deny) == 0 with input.resource as {"serviceName": "web", "enableExecuteCommand": "yes"}
}

test_task_run_denied_and_allowed if {
	count(rule.deny) == 1 with input.resource as {"taskDefinition": "nightly", "enableExecuteCommand": true}
	count(rule.deny) == 0 with input.resource as {"taskDefinition": "nightly", "enableExecuteCommand": false}
	count(rule.deny) == 0 with input.resource as {"taskDefinition": "nightly"}
}
