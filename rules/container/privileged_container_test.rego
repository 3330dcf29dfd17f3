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

test_a_name_known_only_at_deploy_time_is_named_by_position_and_expression if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "app"},
		{"name": {"Ref": "ServiceName"}, "privileged": true},
	]}
	some f in findings
	f.msg == "container #2 (!Ref ServiceName) runs in privileged mode."
}

test_a_name_terraform_knows_only_at_apply_time_is_named_by_its_expression if {
	findings := rule.deny with input.resource as {"containerDefinitions": [{
		"name": {"Fn::Terraform": "var.container_name"},
		"privileged": true,
	}]}
	some f in findings
	f.msg == "container #1 (var.container_name) runs in privileged mode."
}
