package fgscan.rules.internet_exposed_task_test

import rego.v1

import data.fgscan.rules.internet_exposed_task as rule

import data.fgscan.test.fixtures

world := fixtures.hood_permission({"source": "0.0.0.0/0", "world": true, "public": true, "private": false, "prefix": 0})

hood(public, permissions) := {
	"service": {"name": "orders", "loc": "L1"},
	"public_ip": {"known": true, "value": public, "loc": "L2"},
	"task_definition": {"known": true, "family": "orders", "containers": [{
		"name": "orders", "privileged": false, "user": null, "capabilities_add": [], "environment": [],
	}]},
	"ports": [{"container": "orders", "container_port": 8080, "protocol": "tcp", "loc": "L5"}],
	"security_groups": [{"name": "sg-orders", "known": true, "loc": "L6", "permissions": permissions}],
	"load_balancers": [],
}

test_complete_path_denied if {
	findings := rule.deny with input.neighbourhood as hood(true, [world]) with input.options as {}
	count(findings) == 1
	some f in findings
	f.location == "L3"
	f.severity == "high"
	f.chain == "service orders -> sg-orders :8080 from 0.0.0.0/0 -> container orders :8080"
	contains(f.msg, "[port 8080](L5)")
	contains(f.msg, "[public IP](L2)")
	contains(f.msg, "rule tcp port 8080 from 0.0.0.0/0")
}

test_no_public_ip_allowed if {
	count(rule.deny) == 0 with input.neighbourhood as hood(false, [world]) with input.options as {}
}

test_unresolved_public_ip_needs_assume_worst if {
	h := json.patch(hood(true, [world]), [{"op": "replace", "path": "/public_ip", "value": {"known": false, "value": null, "loc": "L2"}}])
	count(rule.deny) == 0 with input.neighbourhood as h with input.options as {}
	count(rule.deny) == 1 with input.neighbourhood as h with input.options as {"assume_worst": true}
}

test_port_not_mapped_allowed if {
	other := json.patch(world, [{"op": "replace", "path": "/from_port", "value": 443}, {"op": "replace", "path": "/to_port", "value": 443}])
	count(rule.deny) == 0 with input.neighbourhood as hood(true, [other]) with input.options as {}
}

test_private_source_allowed if {
	private := json.patch(world, [
		{"op": "replace", "path": "/world", "value": false}, {"op": "replace", "path": "/source", "value": "10.0.0.0/8"},
	])
	count(rule.deny) == 0 with input.neighbourhood as hood(true, [private]) with input.options as {}
}

test_udp_rule_does_not_reach_tcp_port if {
	udp := json.patch(world, [{"op": "replace", "path": "/protocol", "value": "udp"}])
	count(rule.deny) == 0 with input.neighbourhood as hood(true, [udp]) with input.options as {}
}

test_unknown_group_open_only_with_assume_worst if {
	h := json.patch(hood(true, []), [{"op": "replace", "path": "/security_groups/0/known", "value": false}])
	count(rule.deny) == 0 with input.neighbourhood as h with input.options as {}
	findings := rule.deny with input.neighbourhood as h with input.options as {"assume_worst": true}
	count(findings) == 1
	some f in findings
	f.location == "L2"
	contains(f.msg, "assumed")
}

test_privileged_container_makes_it_critical if {
	h := json.patch(hood(true, [world]), [{"op": "replace", "path": "/task_definition/containers/0/privileged", "value": true}])
	some f in rule.deny with input.neighbourhood as h with input.options as {}
	f.severity == "critical"
	contains(f.msg, "container 'orders' is privileged")
}

test_root_with_capabilities_makes_it_critical if {
	h := json.patch(hood(true, [world]), [
		{"op": "replace", "path": "/task_definition/containers/0/user", "value": "0:0"},
		{"op": "replace", "path": "/task_definition/containers/0/capabilities_add", "value": ["SYS_PTRACE"]},
	])
	some f in rule.deny with input.neighbourhood as h with input.options as {}
	f.severity == "critical"
	contains(f.msg, "runs as root with added capabilities SYS_PTRACE")
}

test_secret_in_environment_makes_it_critical if {
	h := json.patch(hood(true, [world]), [{
		"op": "replace", "path": "/task_definition/containers/0/environment",
		"value": [{"name": "GITHUB_TOKEN", "value": "ghp_Zx81kQ2mVv9LrT4bNc7Yw3JdFh6PsA0eGu5K"}],
	}])
	some f in rule.deny with input.neighbourhood as h with input.options as {}
	f.severity == "critical"
	contains(f.msg, "secret in environment variable 'GITHUB_TOKEN'")
	not contains(f.msg, "ghp_")
}

test_admin_role_makes_it_critical if {
	h := json.patch(hood(true, [world]), [{
		"op": "add", "path": "/task_definition/task_role",
		"value": {"known": true, "name": "orders-task", "managed": [{"arn": "arn:aws:iam::aws:policy/AdministratorAccess"}], "statements": []},
	}])
	some f in rule.deny with input.neighbourhood as h with input.options as {}
	f.severity == "critical"
	contains(f.msg, "task role 'orders-task' is administrator-like")
}

test_plain_environment_stays_high if {
	h := json.patch(hood(true, [world]), [{
		"op": "replace", "path": "/task_definition/containers/0/environment", "value": [{"name": "PORT", "value": "8080"}],
	}])
	some f in rule.deny with input.neighbourhood as h with input.options as {}
	f.severity == "high"
}
