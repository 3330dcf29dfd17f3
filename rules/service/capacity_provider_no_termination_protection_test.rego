package fgscan.rules.capacity_provider_no_termination_protection_test

import rego.v1

import data.fgscan.rules.capacity_provider_no_termination_protection as rule

test_disabled_or_unset_denied if {
	findings := rule.deny with input.resource as {"autoScalingGroupProvider": {"autoScalingGroupArn": "a", "managedTerminationProtection": "DISABLED"}}
	{f.path | some f in findings} == {["autoScalingGroupProvider", "managedTerminationProtection"]}
	unset := rule.deny with input.resource as {"autoScalingGroupProvider": {"autoScalingGroupArn": "a"}}
	{f.path | some f in unset} == {["autoScalingGroupProvider"]}
}

test_enabled_fargate_or_unresolved_allowed if {
	count(rule.deny) == 0 with input.resource as {"autoScalingGroupProvider": {"managedTerminationProtection": "ENABLED"}}
	count(rule.deny) == 0 with input.resource as {"name": "FARGATE"}
	count(rule.deny) == 0 with input.resource as {"autoScalingGroupProvider": {"managedTerminationProtection": {"Ref": "P"}}}
}
