package fgscan.rules.task_execution_role_shared_test

import rego.v1

import data.fgscan.rules.task_execution_role_shared as rule

arn(name) := concat("", ["arn:aws:iam::123456789012:role/", name])

test_same_arn_denied if {
	findings := rule.deny with input.resource as {"taskRoleArn": arn("app"), "executionRoleArn": arn("app")}
		with input.links as {"task_role": arn("app"), "execution_role": arn("app")}
	count(findings) == 1
	some f in findings
	f.path == ["executionRoleArn"]
}

test_same_cloudformation_target_denied if {
	count(rule.deny) == 1 with input.resource as {
		"taskRoleArn": {"Fn::GetAtt": ["AppRole", "Arn"]},
		"executionRoleArn": {"Ref": "AppRole"},
	}
		with input.links as {"task_role": "AppRole", "execution_role": "AppRole"}
}

test_same_intrinsic_without_links_denied if {
	count(rule.deny) == 1 with input.resource as {
		"taskRoleArn": {"Fn::ImportValue": "shared-role"},
		"executionRoleArn": {"Fn::ImportValue": "shared-role"},
	}
}

test_name_and_arn_of_the_same_role_denied if {
	count(rule.deny) == 1 with input.resource as {"taskRoleArn": "app", "executionRoleArn": arn("service/app")}
}

test_different_roles_allowed if {
	count(rule.deny) == 0 with input.resource as {"taskRoleArn": arn("app-task"), "executionRoleArn": arn("app-execution")}
		with input.links as {"task_role": arn("app-task"), "execution_role": arn("app-execution")}
}

test_similar_names_allowed if {
	count(rule.deny) == 0 with input.resource as {"taskRoleArn": "app", "executionRoleArn": arn("my-app")}
}

test_same_name_in_different_accounts_allowed if {
	count(rule.deny) == 0 with input.resource as {
		"taskRoleArn": "arn:aws:iam::111111111111:role/app",
		"executionRoleArn": "arn:aws:iam::222222222222:role/app",
	}
}

test_only_one_role_allowed if {
	count(rule.deny) == 0 with input.resource as {"executionRoleArn": arn("app")}
		with input.links as {"execution_role": arn("app")}
}

test_different_cloudformation_targets_allowed if {
	count(rule.deny) == 0 with input.resource as {
		"taskRoleArn": {"Fn::GetAtt": ["TaskRole", "Arn"]},
		"executionRoleArn": {"Fn::GetAtt": ["ExecutionRole", "Arn"]},
	}
		with input.links as {"task_role": "TaskRole", "execution_role": "ExecutionRole"}
}

test_empty_roles_allowed if {
	count(rule.deny) == 0 with input.resource as {"taskRoleArn": null, "executionRoleArn": null}
	count(rule.deny) == 0 with input.resource as {"taskRoleArn": "", "executionRoleArn": ""}
		with input.links as {"task_role": "", "execution_role": ""}
}
