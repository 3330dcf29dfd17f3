package fgscan.rules.host_network_mode_test

import rego.v1

import data.fgscan.rules.host_network_mode as rule

test_host_mode_denied if {
	findings := rule.deny with input.resource as {"networkMode": "host", "containerDefinitions": [{"name": "app"}]}
	count(findings) == 1
	some f in findings
	f.path == ["networkMode"]
}

test_other_modes_allowed if {
	every mode in ["awsvpc", "bridge", "none"] {
		count(rule.deny) == 0 with input.resource as {"networkMode": mode}
	}
}

test_unset_mode_allowed if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [{"name": "app"}]}
}

test_unresolved_mode_is_not_proof if {
	count(rule.deny) == 0 with input.resource as {"networkMode": {"Ref": "NetworkMode"}}
}
