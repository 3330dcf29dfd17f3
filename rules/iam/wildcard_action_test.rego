package fgscan.rules.iam_wildcard_action_test

import rego.v1

import data.fgscan.rules.iam_wildcard_action as rule

import data.fgscan.test.fixtures

# One `input.facts.statements` entry on one bucket's objects (see rules/lib/fixtures_test.rego).
statement(overrides) := fixtures.statement(object.union(
	{"resources": ["arn:aws:s3:::assets/*"], "wildcard_resource": false, "broad_resource": false},
	overrides,
))

test_service_wildcard_denied if {
	findings := rule.deny with input.kind as "iam_role"
		with input.facts as {"used_by": ["web"], "roles_as": ["task"], "statements": [
			statement({"actions": ["s3:getobject"]}),
			statement({"actions": ["s3:*", "sqs:sendmessage"], "path": ["RolePolicyList", 1, "PolicyDocument", "Statement", 0, "Action"]}),
		]}
	count(findings) == 1
	some finding in findings
	finding.path == ["RolePolicyList", 1, "PolicyDocument", "Statement", 0, "Action"]
	contains(finding.msg, "inline policy 'app' allows s3:*")
	contains(finding.msg, "task role of task definition 'web'")
}

test_not_action_denied if {
	findings := rule.deny with input.kind as "iam_role"
		with input.facts as {"used_by": [], "roles_as": [], "statements": [statement({"not_actions": ["iam:*"]})]}
	count(findings) == 1
	some finding in findings
	contains(finding.msg, "every action except iam:*")
}

test_aws_managed_statements_on_one_line_make_one_finding if {
	findings := rule.deny with input.kind as "iam_role"
		with input.facts as {"used_by": [], "roles_as": [], "statements": [
			statement({"actions": ["ecs:*"], "source": "aws-managed", "policy": "AmazonECS_FullAccess", "path": ["AttachedManagedPolicies", 0, "PolicyArn"]}),
			statement({"actions": ["logs:*"], "source": "aws-managed", "policy": "AmazonECS_FullAccess", "path": ["AttachedManagedPolicies", 0, "PolicyArn"]}),
		]}
	count(findings) == 1
	some finding in findings
	contains(finding.msg, "AWS managed policy 'AmazonECS_FullAccess' allows ecs:*")
	contains(finding.msg, "allows logs:*")
}

test_prefix_wildcards_and_deny_allowed if {
	count(rule.deny) == 0 with input.kind as "iam_role"
		with input.facts as {"used_by": [], "roles_as": [], "statements": [
			statement({"actions": ["s3:get*", "s3:list*"]}),
			statement({"effect": "Deny", "actions": ["*"]}),
		]}
}

test_admin_statement_left_to_admin_rule if {
	count(rule.deny) == 0 with input.kind as "iam_role"
		with input.facts as {"used_by": [], "roles_as": [], "statements": [
			statement({"actions": ["*"], "resources": ["*"], "wildcard_resource": true, "broad_resource": true}),
		]}
}

test_policy_shown_on_a_role_not_reported_twice if {
	count(rule.deny) == 0 with input.kind as "iam_policy"
		with input.facts as {"attached_roles": ["AppRole"], "statements": [statement({"actions": ["s3:*"]})]}
}

test_standalone_policy_reported if {
	findings := rule.deny with input.kind as "iam_policy"
		with input.facts as {"attached_roles": [], "statements": [statement({"actions": ["s3:*"], "source": "policy"})]}
	count(findings) == 1
	some finding in findings
	finding.msg == "the policy allows s3:*."
}
