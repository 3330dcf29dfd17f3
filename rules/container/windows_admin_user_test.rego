package fgscan.rules.windows_admin_user_test

import rego.v1

import data.fgscan.rules.windows_admin_user as rule

test_admin_and_missing_user_denied if {
	findings := rule.deny with input.resource as {
		"runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
		"containerDefinitions": [
			{"name": "iis", "user": "ContainerAdministrator"},
			{"name": "worker"},
			{"name": "blank", "user": ""},
			{"name": "ok", "user": "ContainerUser"},
		],
	}
		with data.fgscan.params.windows_admin_users as ["containeradministrator"]
	count(findings) == 3
	paths := {f.path | some f in findings}
	paths == {
		["containerDefinitions", 0, "user"],
		["containerDefinitions", 1, "name"],
		["containerDefinitions", 2, "name"],
	}
}

test_case_and_spacing_ignored if {
	count(rule.deny) == 1 with input.resource as {
		"runtimePlatform": {"operatingSystemFamily": "windows_server_2019_full"},
		"containerDefinitions": [{"name": "a", "user": " CONTAINERadministrator "}],
	}
		with data.fgscan.params.windows_admin_users as ["ContainerAdministrator"]
}

test_linux_and_unset_platform_out_of_scope if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [{"name": "a", "user": "ContainerAdministrator"}]}
		with data.fgscan.params.windows_admin_users as ["containeradministrator"]
	count(rule.deny) == 0 with input.resource as {
		"runtimePlatform": {"operatingSystemFamily": "LINUX"},
		"containerDefinitions": [{"name": "a"}],
	}
		with data.fgscan.params.windows_admin_users as ["containeradministrator"]
}

test_unresolved_user_or_platform_is_not_proof if {
	count(rule.deny) == 0 with input.resource as {
		"runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
		"containerDefinitions": [{"name": "a", "user": {"Ref": "User"}}],
	}
		with data.fgscan.params.windows_admin_users as ["containeradministrator"]
	count(rule.deny) == 0 with input.resource as {
		"runtimePlatform": {"operatingSystemFamily": {"Ref": "Os"}},
		"containerDefinitions": [{"name": "a"}],
	}
		with data.fgscan.params.windows_admin_users as ["containeradministrator"]
}
