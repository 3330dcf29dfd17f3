package fgscan.rules.imds_v1_allowed_test

import rego.v1

import data.fgscan.rules.imds_v1_allowed as rule

test_optional_tokens_denied_high if {
	findings := rule.deny with input.kind as "ec2_launch_template"
		with input.resource as {"LaunchTemplateData": {"MetadataOptions": {"HttpTokens": "optional"}}}
	count(findings) == 1
	some f in findings
	f.path == ["LaunchTemplateData", "MetadataOptions", "HttpTokens"]
	not f.severity
}

test_unset_tokens_medium_at_the_nearest_key if {
	findings := rule.deny with input.kind as "autoscaling_launch_configuration"
		with input.resource as {"ImageId": "ami-1", "MetadataOptions": {"HttpPutResponseHopLimit": 1}}
	{[f.path, f.severity] | some f in findings} == {[["MetadataOptions"], "medium"]}
	bare := rule.deny with input.kind as "ec2_launch_template" with input.resource as {"LaunchTemplateData": {"ImageId": "ami-1"}}
	{f.path | some f in bare} == {["LaunchTemplateData"]}
}

test_required_or_unresolved_allowed if {
	count(rule.deny) == 0 with input.kind as "ec2_launch_template"
		with input.resource as {"LaunchTemplateData": {"MetadataOptions": {"HttpTokens": "required"}}}
	count(rule.deny) == 0 with input.kind as "autoscaling_launch_configuration"
		with input.resource as {"MetadataOptions": {"HttpTokens": {"Ref": "Tokens"}}}
}

test_malformed_options_not_judged if {
	count(rule.deny) == 0 with input.kind as "ec2_launch_template"
		with input.resource as {"LaunchTemplateData": {"MetadataOptions": "optional"}}
}
