package fgscan.rules.root_user_test

import rego.v1

import data.fgscan.rules.root_user as rule

containers(users) := [{"name": sprintf("c%d", [i]), "user": users[i]} | some i; users[i]]

test_root_users_denied if {
	findings := rule.deny with input.resource as {"containerDefinitions": containers(["root", "0", "0:0", "root:root", "root:10001", "0:10001", "000"])}
	count(findings) == 7
	every finding in findings {
		finding.path[2] == "user"
	}
}

test_numeric_zero_from_a_template_denied if {
	findings := rule.deny with input.resource as {"containerDefinitions": [{"name": "app", "user": 0}]}
	count(findings) == 1
}

test_unset_user_points_at_the_container_name if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "app", "user": "10001"},
		{"name": "sidecar"},
		{"name": "blank", "user": " "},
	]}
	count(findings) == 2
	{f.path | some f in findings} == {["containerDefinitions", 1, "name"], ["containerDefinitions", 2, "name"]}
	some f in findings
	contains(f.msg, "'sidecar'")
	contains(f.msg, "image's own USER")
	every finding in findings {
		finding.severity == "medium"
	}
}

test_explicit_root_keeps_the_rule_severity if {
	findings := rule.deny with input.resource as {"containerDefinitions": containers(["root", "0:0"])}
	count(findings) == 2
	count([f | some f in findings; f.severity]) == 0
}

test_non_root_users_allowed if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": containers(["10001", "app", "10001:10001", "1000:0", "app:root", "10", "rootless", "nobody"])}
}

test_unresolved_user_is_not_proof if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "app", "user": {"Ref": "ContainerUser"}},
	]}
}

test_windows_containers_out_of_scope if {
	count(rule.deny) == 0 with input.resource as {
		"runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
		"containerDefinitions": [{"name": "iis"}, {"name": "app", "user": "0"}],
	}
}

test_linux_platform_still_checked if {
	count(rule.deny) == 1 with input.resource as {
		"runtimePlatform": {"operatingSystemFamily": "LINUX"},
		"containerDefinitions": [{"name": "app", "user": "root"}],
	}
}

test_a_container_terraform_knows_only_at_apply_time_is_not_judged if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [{"Fn::Terraform": "module.container.json_map_object"}]}
}
