package fgscan.rules.iam_trust_policy_unscoped_test

import rego.v1

import data.fgscan.rules.iam_trust_policy_unscoped as rule

import data.fgscan.test.fixtures

# One `input.facts.trust` entry trusting ECS tasks (see rules/lib/fixtures_test.rego).
trust(overrides) := fixtures.trust(object.union({"services": ["ecs-tasks.amazonaws.com"]}, overrides))

test_unconditioned_ecs_trust_denied if {
	findings := rule.deny with input.facts as {"used_by": ["web"], "roles_as": ["task"], "trust": [trust({})]}
	count(findings) == 1
	some finding in findings
	finding.path == ["AssumeRolePolicyDocument", "Statement", 0, "Principal"]
	finding.msg == "the trust policy lets ecs-tasks.amazonaws.com assume the role without an aws:SourceAccount or aws:SourceArn condition. The role is the task role of task definition 'web'."
}

test_source_account_condition_allowed if {
	count(rule.deny) == 0 with input.facts as {"used_by": [], "roles_as": [], "trust": [trust({"condition_keys": ["aws:sourceaccount"]})]}
}

test_source_arn_condition_allowed if {
	count(rule.deny) == 0 with input.facts as {"used_by": [], "roles_as": [], "trust": [trust({"condition_keys": ["aws:sourcearn"]})]}
}

test_other_condition_is_not_a_guard if {
	count(rule.deny) == 1 with input.facts as {"used_by": [], "roles_as": [], "trust": [trust({"condition_keys": ["aws:requestedregion"]})]}
}

test_execution_only_role_not_reported if {
	count(rule.deny) == 0 with input.facts as {"used_by": ["web"], "roles_as": ["execution"], "trust": [trust({})]}
}

test_role_used_as_both_reported if {
	count(rule.deny) == 1 with input.facts as {"used_by": ["web"], "roles_as": ["execution", "task"], "trust": [trust({})]}
}

test_other_services_and_deny_not_reported if {
	count(rule.deny) == 0 with input.facts as {"used_by": [], "roles_as": [], "trust": [
		trust({"services": ["lambda.amazonaws.com"]}),
		trust({"effect": "Deny"}),
	]}
}

execution_policy := {"name": "service-role/AmazonECSTaskExecutionRolePolicy", "aws_managed": true}

test_unlinked_role_with_the_execution_policy_not_reported if {
	count(rule.deny) == 0 with input.facts as {"used_by": [], "roles_as": [], "managed": [execution_policy], "trust": [trust({})]}
}

test_task_role_with_the_execution_policy_reported if {
	count(rule.deny) == 1 with input.facts as {"used_by": ["web"], "roles_as": ["task"], "managed": [execution_policy], "trust": [trust({})]}
}
