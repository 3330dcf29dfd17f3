package fgscan.rules.capabilities_not_dropped_test

import rego.v1

import data.fgscan.rules.capabilities_not_dropped as rule

test_each_missing_level_points_at_nearest_key if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "bare"},
		{"name": "params", "linuxParameters": {"initProcessEnabled": true}},
		{"name": "caps", "linuxParameters": {"capabilities": {"add": ["SYS_PTRACE"]}}},
		{"name": "partial", "linuxParameters": {"capabilities": {"drop": ["NET_RAW", "MKNOD"]}}},
		{"name": "empty", "linuxParameters": {"capabilities": {"drop": []}}},
	]}
	{f.path | some f in findings} == {
		["containerDefinitions", 0, "name"],
		["containerDefinitions", 1, "linuxParameters"],
		["containerDefinitions", 2, "linuxParameters", "capabilities"],
		["containerDefinitions", 3, "linuxParameters", "capabilities", "drop"],
		["containerDefinitions", 4, "linuxParameters", "capabilities", "drop"],
	}
}

test_drop_all_passes_even_with_adds_and_lower_case if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "a", "linuxParameters": {"capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]}}},
		{"name": "b", "linuxParameters": {"capabilities": {"drop": ["NET_RAW", "all"]}}},
	]}
}

test_windows_tasks_skipped if {
	count(rule.deny) == 0 with input.resource as {
		"runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_FULL"},
		"containerDefinitions": [{"name": "a"}],
	}
}

test_unresolved_values_are_not_proof if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "a", "linuxParameters": {"Fn::If": ["Harden", {"capabilities": {"drop": ["ALL"]}}, {}]}},
		{"name": "b", "linuxParameters": {"capabilities": {"drop": {"Ref": "DropList"}}}},
		{"name": "c", "linuxParameters": {"capabilities": {"drop": [{"Ref": "Cap"}]}}},
	]}
}
