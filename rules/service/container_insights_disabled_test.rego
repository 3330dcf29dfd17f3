package fgscan.rules.container_insights_disabled_test

import rego.v1

import data.fgscan.rules.container_insights_disabled as rule

test_disabled_setting_denied if {
	findings := rule.deny with input.resource as {
		"clusterName": "prod",
		"settings": [{"name": "containerInsights", "value": "disabled"}],
	}
	count(findings) == 1
	some finding in findings
	finding.path == ["settings", 0, "value"]
}

test_settings_without_insights_denied if {
	findings := rule.deny with input.resource as {"clusterArn": "arn:aws:ecs:eu-west-1:1:cluster/prod", "settings": []}
	count(findings) == 1
	some finding in findings
	finding.path == ["settings"]
}

test_template_without_settings_denied if {
	findings := rule.deny with input.resource as {"clusterName": "prod"}
	count(findings) == 1
	some finding in findings
	finding.path == ["clusterName"]
	count(rule.deny) == 1 with input.resource as {}
}

test_enabled_and_enhanced_allowed if {
	count(rule.deny) == 0 with input.resource as {"settings": [{"name": "containerInsights", "value": "enabled"}]}
	count(rule.deny) == 0 with input.resource as {"settings": [{"name": "containerInsights", "value": "enhanced"}]}
}

test_api_output_without_settings_is_not_judged if {
	count(rule.deny) == 0 with input.resource as {"clusterArn": "arn:aws:ecs:eu-west-1:1:cluster/prod", "clusterName": "prod"}
}

test_unresolved_values_are_not_proof if {
	count(rule.deny) == 0 with input.resource as {
		"clusterName": "prod",
		"settings": [{"name": "containerInsights", "value": {"Ref": "Insights"}}],
	}
	count(rule.deny) == 0 with input.resource as {
		"clusterName": "prod",
		"settings": {"Fn::If": ["Prod", [{"name": "containerInsights", "value": "enabled"}], []]},
	}
}
