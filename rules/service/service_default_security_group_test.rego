package fgscan.rules.service_default_security_group_test

import rego.v1

import data.fgscan.rules.service_default_security_group as rule

service(awsvpc) := {"serviceName": "web", "networkConfiguration": {"awsvpcConfiguration": awsvpc}}

test_no_security_groups_denied if {
	findings := rule.deny with input.resource as service({"subnets": ["subnet-1"], "assignPublicIp": "DISABLED"})
	count(findings) == 1
	some finding in findings
	finding.path == ["networkConfiguration", "awsvpcConfiguration"]
}

test_empty_security_groups_denied if {
	findings := rule.deny with input.resource as service({"subnets": ["subnet-1"], "securityGroups": []})
	count(findings) == 1
	some finding in findings
	finding.path == ["networkConfiguration", "awsvpcConfiguration", "securityGroups"]
}

test_named_security_groups_allowed if {
	count(rule.deny) == 0 with input.resource as service({"subnets": ["subnet-1"], "securityGroups": ["sg-0abc"]})
	count(rule.deny) == 0 with input.resource as service({"securityGroups": [{"Fn::GetAtt": ["WebSg", "GroupId"]}]})
}

test_unresolved_values_are_not_proof if {
	count(rule.deny) == 0 with input.resource as service({"subnets": ["subnet-1"], "securityGroups": {"Ref": "Groups"}})
	count(rule.deny) == 0 with input.resource as service({"Fn::If": ["Vpc", {"securityGroups": ["sg-1"]}, {"Ref": "AWS::NoValue"}]})
}

test_without_awsvpc_not_judged if {
	count(rule.deny) == 0 with input.resource as {"serviceName": "web", "launchType": "EC2"}
	count(rule.deny) == 0 with input.resource as {"serviceName": "web", "networkConfiguration": {}}
}

# A task run (`run-task`, an EventBridge target, a Step Functions state) takes the default group the same way.
run(awsvpc) := {"taskDefinition": "nightly", "networkConfiguration": {"awsvpcConfiguration": awsvpc}}

test_task_run_without_groups_denied_with_groups_allowed if {
	count(rule.deny) == 1 with input.resource as run({"subnets": ["subnet-1"], "assignPublicIp": "DISABLED"})
	count(rule.deny) == 0 with input.resource as run({"subnets": ["subnet-1"], "securityGroups": ["sg-1"]})
	count(rule.deny) == 0 with input.resource as run({"subnets": ["subnet-1"], "securityGroups": {"Fn::StatesPath": "$.sg"}})
}
