package fgscan.rules.outdated_platform_version_test

import rego.v1

import data.fgscan.rules.outdated_platform_version as rule

test_old_linux_version_on_fargate_denied if {
	findings := rule.deny with input.resource as {"serviceName": "web", "launchType": "FARGATE", "platformVersion": "1.3.0"}
	count(findings) == 1
	some finding in findings
	finding.path == ["platformVersion"]
	contains(finding.msg, "1.3.0")
	contains(finding.msg, "linux version 1.4.0")
}

test_fargate_spot_strategy_denied if {
	count(rule.deny) == 1 with input.resource as {
		"serviceName": "web",
		"capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}],
		"platformVersion": "1.2.0",
	}
}

test_default_strategy_with_version_denied if {
	count(rule.deny) == 1 with input.resource as {"serviceName": "web", "platformVersion": "1.1.0"}
	count(rule.deny) == 1 with input.resource as {"serviceName": "web", "capacityProviderStrategy": [], "platformVersion": "1.1.0"}
}

test_task_set_denied if {
	count(rule.deny) == 1 with input.resource as {"taskSetArn": "arn:x", "launchType": "FARGATE", "platformVersion": "1.3"}
}

test_linux_family_makes_1_0_0_outdated if {
	count(rule.deny) == 1 with input.resource as {
		"serviceName": "web", "launchType": "FARGATE", "platformVersion": "1.0.0", "platformFamily": "LINUX",
	}
}

test_latest_and_unset_allowed if {
	count(rule.deny) == 0 with input.resource as {"serviceName": "web", "launchType": "FARGATE", "platformVersion": "LATEST"}
	count(rule.deny) == 0 with input.resource as {"serviceName": "web", "launchType": "FARGATE"}
}

test_current_and_newer_versions_allowed if {
	count(rule.deny) == 0 with input.resource as {"serviceName": "web", "launchType": "FARGATE", "platformVersion": "1.4.0"}

	# numeric, not string, comparison: 1.10.0 is newer than 1.4.0
	count(rule.deny) == 0 with input.resource as {"serviceName": "web", "launchType": "FARGATE", "platformVersion": "1.10.0"}
	count(rule.deny) == 0 with input.resource as {"serviceName": "web", "launchType": "FARGATE", "platformVersion": "2.0"}
}

test_windows_line_allowed if {
	count(rule.deny) == 0 with input.resource as {"serviceName": "win", "launchType": "FARGATE", "platformVersion": "1.0.0"}
	count(rule.deny) == 0 with input.resource as {
		"serviceName": "win", "launchType": "FARGATE", "platformVersion": "1.0.0",
		"platformFamily": "WINDOWS_SERVER_2019_CORE",
	}
}

test_not_fargate_allowed if {
	count(rule.deny) == 0 with input.resource as {"serviceName": "web", "launchType": "EC2", "platformVersion": "1.3.0"}
	count(rule.deny) == 0 with input.resource as {
		"serviceName": "web",
		"capacityProviderStrategy": [{"capacityProvider": "my-asg-provider"}],
		"platformVersion": "1.3.0",
	}
}

test_unresolved_values_are_not_proof if {
	count(rule.deny) == 0 with input.resource as {
		"serviceName": "web", "launchType": "FARGATE", "platformVersion": {"Ref": "PlatformVersion"},
	}
	count(rule.deny) == 0 with input.resource as {
		"serviceName": "web", "launchType": {"Ref": "LaunchType"}, "platformVersion": "1.3.0",
	}

	# an unresolved family falls back to the version line
	count(rule.deny) == 1 with input.resource as {
		"serviceName": "web", "launchType": "FARGATE", "platformVersion": "1.3.0", "platformFamily": {"Ref": "Os"},
	}
}

test_latest_follows_the_parameters if {
	count(rule.deny) == 1 with input.resource as {"serviceName": "web", "launchType": "FARGATE", "platformVersion": "1.4.0"}
		with data.fgscan.params.latest_platform_versions as {"linux": "1.5.0", "windows": "1.0.0"}
}

test_task_run_denied_and_allowed if {
	count(rule.deny) == 1 with input.resource as {"taskDefinition": "nightly", "launchType": "FARGATE", "platformVersion": "1.3.0"}
	count(rule.deny) == 0 with input.resource as {"taskDefinition": "nightly", "launchType": "FARGATE", "platformVersion": "LATEST"}
	count(rule.deny) == 0 with input.resource as {"taskDefinition": "nightly", "launchType": "EC2"}
}
