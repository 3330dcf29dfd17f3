package fgscan.rules.non_awsvpc_network_mode_test

import rego.v1

import data.fgscan.rules.non_awsvpc_network_mode as rule

test_bridge_denied if {
	findings := rule.deny with input.resource as {"networkMode": "bridge", "containerDefinitions": []}
	count(findings) == 1
	some finding in findings
	finding.path == ["networkMode"]
	contains(finding.msg, "bridge network mode")
}

test_unset_mode_on_ec2_denied_at_family if {
	findings := rule.deny with input.resource as {"family": "web", "containerDefinitions": []}
	count(findings) == 1
	some finding in findings
	finding.path == ["family"]
	count(rule.deny) == 1 with input.resource as {"requiresCompatibilities": ["EC2"], "containerDefinitions": []}
}

test_awsvpc_host_none_and_fargate_allowed if {
	count(rule.deny) == 0 with input.resource as {"networkMode": "awsvpc", "containerDefinitions": []}
	count(rule.deny) == 0 with input.resource as {"networkMode": "host", "containerDefinitions": []}
	count(rule.deny) == 0 with input.resource as {"networkMode": "none", "containerDefinitions": []}
	count(rule.deny) == 0 with input.resource as {"networkMode": {"Ref": "Mode"}, "containerDefinitions": []}
	count(rule.deny) == 0 with input.resource as {"requiresCompatibilities": ["FARGATE"], "containerDefinitions": []}
}
