package fgscan.rules.imds_hop_limit_test

import rego.v1

import data.fgscan.rules.imds_hop_limit as rule

test_hop_limit_above_one_denied if {
	findings := rule.deny with input.kind as "ec2_launch_template"
		with input.resource as {"LaunchTemplateData": {"MetadataOptions": {"HttpPutResponseHopLimit": 2}}}
	{f.path | some f in findings} == {["LaunchTemplateData", "MetadataOptions", "HttpPutResponseHopLimit"]}
}

test_one_unset_or_unresolved_allowed if {
	count(rule.deny) == 0 with input.kind as "autoscaling_launch_configuration"
		with input.resource as {"MetadataOptions": {"HttpPutResponseHopLimit": 1}}
	count(rule.deny) == 0 with input.kind as "autoscaling_launch_configuration" with input.resource as {}
	count(rule.deny) == 0 with input.kind as "ec2_launch_template"
		with input.resource as {"LaunchTemplateData": {"MetadataOptions": {"HttpPutResponseHopLimit": {"Ref": "Hops"}}}}
}
