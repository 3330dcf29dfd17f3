package fgscan.rules.shared_security_group_test

import rego.v1

import data.fgscan.rules.shared_security_group as rule

import data.fgscan.test.fixtures

self_all := fixtures.hood_permission({
	"protocol": "all", "from_port": 0, "to_port": 65535, "all_ports": true, "source_type": "security_group",
	"source": null, "source_ref": "AppSg", "source_group": "AppSg", "private": false, "prefix": null, "version": null,
	"self": true, "loc": "L7", "rule_loc": "L8",
})

hood(family, shared, permissions) := {
	"service": {"name": "orders", "loc": "L1"},
	"task_definition": {"known": true, "family": family},
	"security_groups": [{"name": "sg-app", "known": true, "loc": "L6", "permissions": permissions, "shared_with": shared}],
}

billing := {"service": "billing", "family": "billing", "loc": "L9"}

test_group_shared_with_other_family_denied if {
	findings := rule.deny with input.neighbourhood as hood("orders", [billing], []) with input.options as {}
	count(findings) == 1
	some f in findings
	f.location == "L6"
	f.severity == "medium"
	contains(f.msg, "[service 'billing' (billing)](L9)")
}

test_self_referencing_all_traffic_is_high if {
	some f in rule.deny with input.neighbourhood as hood("orders", [billing], [self_all]) with input.options as {}
	f.severity == "high"
	contains(f.msg, "[self-referencing rule](L7)")
}

test_same_family_allowed if {
	same := {"service": "orders-canary", "family": "orders", "loc": "L9"}
	count(rule.deny) == 0 with input.neighbourhood as hood("orders", [same], []) with input.options as {}
}

test_unknown_family_allowed if {
	count(rule.deny) == 0 with input.neighbourhood as hood(null, [billing], []) with input.options as {}
	unknown := {"service": "billing", "family": null, "loc": "L9"}
	count(rule.deny) == 0 with input.neighbourhood as hood("orders", [unknown], []) with input.options as {}
}
