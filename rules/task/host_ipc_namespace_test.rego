package fgscan.rules.host_ipc_namespace_test

import rego.v1

import data.fgscan.rules.host_ipc_namespace as rule

test_host_ipc_denied if {
	findings := rule.deny with input.resource as {"ipcMode": "host", "containerDefinitions": [{"name": "a"}]}
	count(findings) == 1
	some finding in findings
	finding.path == ["ipcMode"]
}

test_task_none_or_private_ipc_allowed if {
	count(rule.deny) == 0 with input.resource as {"ipcMode": "task", "containerDefinitions": []}
	count(rule.deny) == 0 with input.resource as {"ipcMode": "none", "containerDefinitions": []}
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": []}
	count(rule.deny) == 0 with input.resource as {"ipcMode": {"Fn::If": ["Debug", "host", "task"]}, "containerDefinitions": []}
}
