package fgscan.rules.missing_resource_limits_test

import rego.v1

import data.fgscan.rules.missing_resource_limits as rule

containers := [
	{"name": "soft", "memoryReservation": 256},
	{"name": "none"},
	{"name": "hard", "memory": 512},
	{"name": "both", "memory": 512, "memoryReservation": 256},
	{"name": "param", "memory": {"Ref": "Memory"}},
]

test_ec2_containers_without_hard_limit_denied if {
	findings := rule.deny with input.resource as {"requiresCompatibilities": ["EC2"], "containerDefinitions": containers}
	{f.path | some f in findings} == {
		["containerDefinitions", 0, "memoryReservation"],
		["containerDefinitions", 1, "name"],
	}
}

test_unset_compatibilities_and_external_mean_instances if {
	count(rule.deny) == 2 with input.resource as {"containerDefinitions": containers}
	count(rule.deny) == 2 with input.resource as {"requiresCompatibilities": ["EXTERNAL"], "containerDefinitions": containers}
	count(rule.deny) == 2 with input.resource as {"requiresCompatibilities": ["FARGATE", "EC2"], "containerDefinitions": containers}
}

test_task_memory_or_fargate_only_allowed if {
	count(rule.deny) == 0 with input.resource as {"requiresCompatibilities": ["FARGATE"], "containerDefinitions": containers}
	count(rule.deny) == 0 with input.resource as {"requiresCompatibilities": ["EC2"], "memory": "1024", "containerDefinitions": containers}
	count(rule.deny) == 0 with input.resource as {"requiresCompatibilities": ["EC2"], "memory": {"Ref": "TaskMemory"}, "containerDefinitions": containers}
	count(rule.deny) == 0 with input.resource as {"requiresCompatibilities": {"Ref": "Compat"}, "containerDefinitions": containers}
}
