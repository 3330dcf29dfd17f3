package fgscan.rules.iam_privilege_escalation_test

import rego.v1

import data.fgscan.rules.iam_privilege_escalation as rule

import data.fgscan.test.fixtures

# One `input.facts.statements` entry: an inline Allow on every resource (see rules/lib/fixtures_test.rego).
statement(overrides) := fixtures.statement(overrides)

scoped := {"resources": ["arn:aws:iam::111122223333:role/web"], "wildcard_resource": false, "broad_resource": false}

facts(statements) := {"used_by": ["web"], "roles_as": ["task"], "statements": statements}

test_iam_write_on_a_scoped_resource_denied if {
	findings := rule.deny with input.kind as "iam_role"
		with input.facts as facts([statement(object.union(scoped, {"actions": ["iam:attachrolepolicy", "s3:getobject"]}))])
	count(findings) == 1
	some finding in findings
	finding.msg == "inline policy 'app' allows iam:attachrolepolicy. The role is the task role of task definition 'web'."
}

test_iam_wildcard_counts if {
	findings := rule.deny with input.kind as "iam_role" with input.facts as facts([statement({"actions": ["iam:*"]})])
	count(findings) == 1
	some finding in findings
	contains(finding.msg, "iam:createaccesskey")
	contains(finding.msg, "iam:passrole on every role")
}

test_passrole_on_star_denied if {
	findings := rule.deny with input.kind as "iam_role" with input.facts as facts([statement({"actions": ["iam:passrole"]})])
	count(findings) == 1
	some finding in findings
	contains(finding.msg, "allows iam:passrole on every role")
}

test_passrole_on_one_role_alone_allowed if {
	count(rule.deny) == 0 with input.kind as "iam_role"
		with input.facts as facts([statement(object.union(scoped, {"actions": ["iam:passrole"]}))])
}

test_passrole_on_every_role_with_register_task_definition_denied if {
	findings := rule.deny with input.kind as "iam_role" with input.facts as facts([
		statement({"actions": ["iam:passrole"], "condition_keys": ["iam:passedtoservice"], "passed_to_services": ["ecs-tasks.amazonaws.com"]}),
		statement({"actions": ["ecs:registertaskdefinition", "ecs:runtask"], "path": ["RolePolicyList", 1, "PolicyDocument", "Statement", 0, "Action"]}),
	])
	count(findings) == 1
	some finding in findings
	finding.path == ["RolePolicyList", 1, "PolicyDocument", "Statement", 0, "Action"]
	contains(finding.msg, "ecs:registertaskdefinition together with iam:passrole")
}

test_deploy_pattern_with_passrole_on_named_roles_allowed if {
	count(rule.deny) == 0 with input.kind as "iam_role" with input.facts as facts([
		statement(object.union(scoped, {"actions": ["iam:passrole"]})),
		statement({"actions": ["ecs:registertaskdefinition", "ecs:describetaskdefinition"]}),
	])
}

test_register_task_definition_without_passrole_allowed if {
	count(rule.deny) == 0 with input.kind as "iam_role"
		with input.facts as facts([statement({"actions": ["ecs:registertaskdefinition", "lambda:createfunction"]})])
}

test_unconditional_deny_removes_the_action if {
	count(rule.deny) == 0 with input.kind as "iam_role" with input.facts as facts([
		statement({"actions": ["iam:passrole", "ecs:registertaskdefinition"]}),
		statement({"effect": "Deny", "actions": ["iam:passrole"]}),
	])
}

test_conditional_deny_does_not if {
	count(rule.deny) == 1 with input.kind as "iam_role" with input.facts as facts([
		statement({"actions": ["iam:passrole"]}),
		statement({"effect": "Deny", "actions": ["iam:passrole"], "conditions": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}),
	])
}

test_read_only_iam_allowed if {
	count(rule.deny) == 0 with input.kind as "iam_role"
		with input.facts as facts([statement({"actions": ["iam:get*", "iam:list*", "sts:getcalleridentity"]})])
}

test_admin_statement_left_to_admin_rule if {
	count(rule.deny) == 0 with input.kind as "iam_role" with input.facts as facts([statement({"actions": ["*"]})])
}

test_passrole_limited_to_a_service_is_not_every_role if {
	count(rule.deny) == 0 with input.kind as "iam_role" with input.facts as facts([statement({
		"actions": ["iam:passrole"], "condition_keys": ["iam:passedtoservice"],
		"passed_to_services": ["ecs-tasks.amazonaws.com"],
	})])
}

test_passrole_limited_to_other_services_does_not_escalate_through_lambda if {
	# AmazonDynamoDBFullAccess: PassRole only to application-autoscaling and dax.
	count(rule.deny) == 0 with input.kind as "iam_role" with input.facts as facts([
		statement({
			"actions": ["iam:passrole"], "condition_keys": ["iam:passedtoservice"],
			"passed_to_services": ["application-autoscaling.amazonaws.com", "dax.amazonaws.com"],
		}),
		statement({"actions": ["lambda:createfunction"]}),
	])
}

test_passrole_to_a_matching_service_pattern_escalates if {
	findings := rule.deny with input.kind as "iam_role" with input.facts as facts([
		statement({"actions": ["iam:passrole"], "condition_keys": ["iam:passedtoservice"], "passed_to_services": ["lambda.*"]}),
		statement({"actions": ["lambda:createfunction"], "path": ["RolePolicyList", 1, "PolicyDocument", "Statement", 0, "Action"]}),
	])
	count(findings) == 1
	some finding in findings
	contains(finding.msg, "lambda:createfunction together with iam:passrole")
}

test_assume_role_limited_by_tag_source_or_cluster_is_not_every_role if {
	count(rule.deny) == 0 with input.kind as "iam_role" with input.facts as facts([
		statement({"actions": ["sts:assumerole"], "condition_keys": ["aws:resourcetag/team"]}),
		statement({"actions": ["sts:assumerole"], "condition_keys": ["aws:sourcearn"]}),
		statement({"actions": ["iam:passrole"], "condition_keys": ["aws:sourceaccount"]}),
		statement({"actions": ["iam:passrole"], "condition_keys": ["ecs:cluster"]}),
	])
}
