package fgscan.rules.host_pid_namespace_test

import rego.v1

import data.fgscan.rules.host_pid_namespace as rule

test_host_pid_denied if {
	findings := rule.deny with input.resource as {"pidMode": "host", "containerDefinitions": [{"name": "a"}]}
	count(findings) == 1
	some finding in findings
	finding.path == ["pidMode"]
}

test_task_or_private_namespace_allowed if {
	count(rule.deny) == 0 with input.resource as {"pidMode": "task", "containerDefinitions": []}
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": []}
	count(rule.deny) == 0 with input.resource as {"pidMode": {"Ref": "PidMode"}, "containerDefinitions": []}
}
