package fgscan.rules.unsafe_security_options_test

import rego.v1

import data.fgscan.rules.unsafe_security_options as rule

test_one_finding_per_container_at_first_unsafe_option if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "a", "dockerSecurityOptions": ["no-new-privileges", "apparmor:unconfined", "seccomp=unconfined"]},
		{"name": "b", "dockerSecurityOptions": ["LABEL:DISABLE"]},
		{"name": "c", "dockerSecurityOptions": ["label:type:spc_t"]},
	]}
		with data.fgscan.params.unsafe_security_options as ["apparmor:unconfined", "seccomp:unconfined", "label:disable", "label:type:spc_t"]
	count(findings) == 3
	some a in findings
	a.path == ["containerDefinitions", 0, "dockerSecurityOptions", 1]
	contains(a.msg, "apparmor:unconfined, seccomp:unconfined")
	{f.path | some f in findings} == {
		["containerDefinitions", 0, "dockerSecurityOptions", 1],
		["containerDefinitions", 1, "dockerSecurityOptions", 0],
		["containerDefinitions", 2, "dockerSecurityOptions", 0],
	}
}

test_custom_profiles_and_hardening_options_allowed if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "a", "dockerSecurityOptions": ["apparmor:docker-default", "label:type:container_t", "no-new-privileges"]},
		{"name": "b", "dockerSecurityOptions": ["credentialspec:file://gmsa.json", "label:level:s0:c100,c200"]},
		{"name": "c", "dockerSecurityOptions": [{"Ref": "Opt"}]},
		{"name": "d", "dockerSecurityOptions": {"Ref": "Opts"}},
		{"name": "e"},
	]}
		with data.fgscan.params.unsafe_security_options as ["apparmor:unconfined", "seccomp:unconfined", "label:disable", "label:type:spc_t"]
}
