package fgscan.rules.public_ip_assigned_test

import rego.v1

import data.fgscan.rules.public_ip_assigned as rule

awsvpc(config) := {"networkConfiguration": {"awsvpcConfiguration": config}}

test_enabled_denied if {
	findings := rule.deny with input.resource as awsvpc({"assignPublicIp": "ENABLED", "subnets": ["subnet-1"]})
	count(findings) == 1
	some f in findings
	f.path == ["networkConfiguration", "awsvpcConfiguration", "assignPublicIp"]
}

test_disabled_allowed if {
	count(rule.deny) == 0 with input.resource as awsvpc({"assignPublicIp": "DISABLED", "subnets": ["subnet-1"]})
}

test_default_is_disabled if {
	count(rule.deny) == 0 with input.resource as awsvpc({"subnets": ["subnet-1"]})
	count(rule.deny) == 0 with input.resource as {"serviceName": "web", "launchType": "EC2"}
}

test_unresolved_setting_is_not_proof if {
	count(rule.deny) == 0 with input.resource as awsvpc({"assignPublicIp": {"Fn::If": ["Public", "ENABLED", "DISABLED"]}})
}

# A task run: the RunTask request a `run-task` file, an EventBridge target or a Step Functions state makes.
test_task_run_enabled_denied_disabled_allowed if {
	run := {"taskDefinition": "nightly:3", "launchType": "FARGATE"}
	count(rule.deny) == 1 with input.resource as object.union(run, awsvpc({"assignPublicIp": "ENABLED"}))
	count(rule.deny) == 0 with input.resource as object.union(run, awsvpc({"assignPublicIp": "DISABLED"}))
	count(rule.deny) == 0 with input.resource as object.union(run, awsvpc({"assignPublicIp": {"Fn::StatesPath": "$.ip"}}))
}
