package fgscan.rules.exec_role_broad_secret_access_test

import rego.v1

import data.fgscan.rules.exec_role_broad_secret_access as rule

import data.fgscan.test.fixtures

# One `input.facts.statements` entry of the policy 'secrets' (see rules/lib/fixtures_test.rego).
statement(overrides) := fixtures.statement(object.union({"policy": "secrets"}, overrides))

facts(roles_as, statements) := {"used_by": ["web"], "roles_as": roles_as, "statements": statements}

test_execution_role_reading_every_secret_denied if {
	findings := rule.deny with input.kind as "iam_role"
		with input.facts as facts(["execution"], [statement({"actions": ["secretsmanager:getsecretvalue", "kms:decrypt"]})])
	count(findings) == 1
	some finding in findings
	finding.msg == "inline policy 'secrets' allows kms:decrypt, secretsmanager:getsecretvalue on every resource. The role is the execution role of task definition 'web'."
}

test_wildcards_and_type_wide_arns_count if {
	count(rule.deny) == 2 with input.kind as "iam_role" with input.facts as facts(["execution"], [
		statement({"actions": ["ssm:get*"], "resources": ["arn:aws:ssm:eu-west-1:111122223333:parameter/*"], "wildcard_resource": false}),
		statement({"actions": ["secretsmanager:*"], "path": ["RolePolicyList", 1, "PolicyDocument", "Statement", 0, "Action"]}),
	])
}

test_named_secrets_allowed if {
	count(rule.deny) == 0 with input.kind as "iam_role" with input.facts as facts(["execution"], [
		statement({"actions": ["secretsmanager:getsecretvalue"], "resources": ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:web/db-AbCdEf"], "wildcard_resource": false, "broad_resource": false}),
	])
}

test_kms_via_service_allowed if {
	count(rule.deny) == 0 with input.kind as "iam_role"
		with input.facts as facts(["execution"], [statement({"actions": ["kms:decrypt"], "condition_keys": ["kms:viaservice"]})])
}

test_task_role_not_judged_by_this_rule if {
	count(rule.deny) == 0 with input.kind as "iam_role"
		with input.facts as facts(["task"], [statement({"actions": ["secretsmanager:getsecretvalue"]})])
}

test_standard_execution_policy_allowed if {
	count(rule.deny) == 0 with input.kind as "iam_role" with input.facts as facts(["execution"], [
		statement({"actions": ["ecr:getauthorizationtoken", "ecr:batchgetimage", "logs:createlogstream", "logs:putlogevents"], "source": "aws-managed"}),
	])
}

test_admin_statement_left_to_admin_rule if {
	count(rule.deny) == 0 with input.kind as "iam_role"
		with input.facts as facts(["execution"], [statement({"actions": ["*"]})])
}
