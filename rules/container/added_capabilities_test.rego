package fgscan.rules.added_capabilities_test

import rego.v1

import data.fgscan.rules.added_capabilities as rule

with_caps(add) := {"containerDefinitions": [{"name": "app", "linuxParameters": {"capabilities": {"add": add}}}]}

test_dangerous_capability_is_critical if {
	findings := rule.deny with input.resource as with_caps(["CHOWN", "SYS_ADMIN"])
	count(findings) == 1
	some f in findings
	f.severity == "critical"
	f.path == ["containerDefinitions", 0, "linuxParameters", "capabilities", "add"]
	contains(f.msg, "CHOWN, SYS_ADMIN")
}

test_cap_prefix_and_case_do_not_hide_a_dangerous_capability if {
	some f in rule.deny with input.resource as with_caps(["cap_sys_ptrace"])
	f.severity == "critical"
	contains(f.msg, "SYS_PTRACE")
}

test_harmless_capability_keeps_the_rule_severity if {
	findings := rule.deny with input.resource as with_caps(["NET_BIND_SERVICE"])
	count(findings) == 1
	some f in findings
	not f.severity
}

test_dangerous_list_comes_from_params if {
	some f in rule.deny with input.resource as with_caps(["NET_BIND_SERVICE"])
		with data.fgscan.params.dangerous_capabilities as ["NET_BIND_SERVICE"]
	f.severity == "critical"
}

test_unresolved_entry_still_counts_as_added if {
	some f in rule.deny with input.resource as with_caps([{"Ref": "ExtraCapability"}])
	contains(f.msg, "deploy time")
}

test_no_added_capabilities_allowed if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "a", "linuxParameters": {"capabilities": {"add": [], "drop": ["ALL"]}}},
		{"name": "b", "linuxParameters": {"capabilities": {"drop": ["NET_RAW"]}}},
		{"name": "c", "linuxParameters": {"initProcessEnabled": true}},
		{"name": "d"},
	]}
}

test_unresolved_list_is_not_proof if {
	count(rule.deny) == 0 with input.resource as with_caps({"Fn::If": ["Debug", ["SYS_PTRACE"], []]})
}
