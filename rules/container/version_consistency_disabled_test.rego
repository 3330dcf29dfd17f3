package fgscan.rules.version_consistency_disabled_test

import rego.v1

import data.fgscan.rules.version_consistency_disabled as rule

test_disabled_denied if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "a", "versionConsistency": "disabled"},
		{"name": "b", "versionConsistency": "DISABLED"},
	]}
	{f.path | some f in findings} == {["containerDefinitions", 0, "versionConsistency"], ["containerDefinitions", 1, "versionConsistency"]}
}

test_enabled_unset_or_unresolved_allowed if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "a", "versionConsistency": "enabled"},
		{"name": "b"},
		{"name": "c", "versionConsistency": {"Ref": "Consistency"}},
		"not-a-container",
	]}
}
