package fgscan.rules.fault_injection_enabled_test

import rego.v1

import data.fgscan.rules.fault_injection_enabled as rule

test_enabled_denied if {
	findings := rule.deny with input.resource as {"family": "web", "enableFaultInjection": true}
	count(findings) == 1
	some f in findings
	f.path == ["enableFaultInjection"]
}

test_disabled_unset_or_unresolved_allowed if {
	count(rule.deny) == 0 with input.resource as {"family": "web", "enableFaultInjection": false}
	count(rule.deny) == 0 with input.resource as {"family": "web"}
	count(rule.deny) == 0 with input.resource as {"family": "web", "enableFaultInjection": {"Ref": "Chaos"}}
}
