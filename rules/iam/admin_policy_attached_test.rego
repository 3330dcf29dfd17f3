package fgscan.rules.iam_admin_policy_attached_test

import rego.v1

import data.fgscan.rules.iam_admin_policy_attached as rule

import data.fgscan.test.fixtures

# One `input.facts.statements` entry: an inline Allow on every resource (see rules/lib/fixtures_test.rego).
statement(overrides) := fixtures.statement(overrides)

managed(name, arn) := {
	"arn": arn, "canonical_arn": concat("", ["arn:aws:iam::aws:policy/", name]), "name": name,
	"aws_managed": true, "admin_like": true, "known": true, "path": ["AttachedManagedPolicies", 0, "PolicyArn"],
}

test_administrator_access_denied_once if {
	findings := rule.deny with input.kind as "iam_role" with input.facts as {
		"used_by": ["web", "api"], "roles_as": ["execution", "task"],
		"managed": [managed("AdministratorAccess", "arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess")],
		"statements": [statement({"actions": ["*"], "source": "aws-managed", "policy": "AdministratorAccess", "path": ["AttachedManagedPolicies", 0, "PolicyArn"]})],
	}
	count(findings) == 1
	some finding in findings
	finding.path == ["AttachedManagedPolicies", 0, "PolicyArn"]
	finding.msg == "the role has the AWS managed policy 'AdministratorAccess', administrator-like access. The role is the execution and task role of task definitions 'api', 'web'."
}

test_inline_star_on_star_denied if {
	findings := rule.deny with input.kind as "iam_role"
		with input.facts as {"used_by": [], "roles_as": [], "managed": [], "statements": [statement({"actions": ["*"]})]}
	count(findings) == 1
	some finding in findings
	finding.msg == "inline policy 'app' allows every action on every resource."
}

test_not_action_on_star_denied if {
	findings := rule.deny with input.kind as "iam_role"
		with input.facts as {"used_by": [], "roles_as": [], "managed": [], "statements": [statement({"not_actions": ["iam:*"]})]}
	count(findings) == 1
}

test_star_on_one_resource_allowed if {
	count(rule.deny) == 0 with input.kind as "iam_role" with input.facts as {"used_by": [], "roles_as": [], "managed": [], "statements": [
		statement({"actions": ["*"], "resources": ["arn:aws:s3:::assets/*"], "wildcard_resource": false, "broad_resource": false}),
	]}
}

test_deny_star_and_other_managed_policies_allowed if {
	count(rule.deny) == 0 with input.kind as "iam_role" with input.facts as {
		"used_by": [], "roles_as": [],
		"managed": [object.union(managed("AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"), {"admin_like": false})],
		"statements": [statement({"effect": "Deny", "actions": ["*"]})],
	}
}

test_customer_policy_named_like_an_aws_one_allowed if {
	count(rule.deny) == 0 with input.kind as "iam_role" with input.facts as {
		"used_by": [], "roles_as": [], "statements": [],
		"managed": [object.union(managed("AdministratorAccess", "arn:aws:iam::111122223333:policy/AdministratorAccess"), {"aws_managed": false, "canonical_arn": "arn:aws:iam::111122223333:policy/AdministratorAccess"})],
	}
}
