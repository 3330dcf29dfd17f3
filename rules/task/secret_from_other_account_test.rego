package fgscan.rules.secret_from_other_account_test

import rego.v1

import data.fgscan.rules.secret_from_other_account as rule

task(extra) := object.union({"containerDefinitions": [{
	"name": "app",
	"secrets": [
		{"name": "OWN", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:own-AbCdEf"},
		{"name": "FOREIGN", "valueFrom": "arn:aws:ssm:eu-west-1:210987654321:parameter/shared/db"},
		{"name": "BY_NAME", "valueFrom": "/app/db-password"},
		{"name": "UNRESOLVED", "valueFrom": {"Ref": "SecretArn"}},
	],
	"logConfiguration": {"logDriver": "splunk", "secretOptions": [
		{"name": "splunk-token", "valueFrom": "arn:aws:secretsmanager:eu-west-1:210987654321:secret:splunk-AbCdEf"},
	]},
	"repositoryCredentials": {"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:210987654321:secret:registry-AbCdEf"},
}]}, extra)

test_foreign_references_denied_with_account_from_task_arn if {
	findings := rule.deny with input.resource as task({"taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/app:3"})
	{f.path | some f in findings} == {
		["containerDefinitions", 0, "secrets", 1, "valueFrom"],
		["containerDefinitions", 0, "logConfiguration", "secretOptions", 0, "valueFrom"],
		["containerDefinitions", 0, "repositoryCredentials", "credentialsParameter"],
	}
	some f in findings
	f.path[2] == "secrets"
	contains(f.msg, "secret 'FOREIGN' from account 210987654321, not the task definition's account 123456789012")
}

test_account_from_role_arns if {
	count(rule.deny) == 3 with input.resource as task({"executionRoleArn": "arn:aws:iam::123456789012:role/exec"})
	count(rule.deny) == 3 with input.resource as task({
		"executionRoleArn": {"Fn::GetAtt": ["Exec", "Arn"]},
		"taskRoleArn": "arn:aws-us-gov:iam::123456789012:role/task",
	})
}

test_same_account_or_unknown_account_allowed if {
	count(rule.deny) == 0 with input.resource as task({})
	count(rule.deny) == 0 with input.resource as task({"executionRoleArn": {"Fn::GetAtt": ["Exec", "Arn"]}})
}

test_own_account_decides_which_side_is_foreign if {
	findings := rule.deny with input.resource as task({"taskRoleArn": "arn:aws:iam::210987654321:role/task"})
	{f.path | some f in findings} == {["containerDefinitions", 0, "secrets", 0, "valueFrom"]}
}

test_task_definition_arn_wins_over_role_arns if {
	findings := rule.deny with input.resource as task({
		"taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/app:3",
		"executionRoleArn": "arn:aws:iam::210987654321:role/exec",
	})
	count(findings) == 3
}
