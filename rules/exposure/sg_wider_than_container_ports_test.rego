package fgscan.rules.sg_wider_than_container_ports_test

import rego.v1

import data.fgscan.rules.sg_wider_than_container_ports as rule

import data.fgscan.test.fixtures

perm(protocol, low, high) := fixtures.hood_permission({"protocol": protocol, "from_port": low, "to_port": high})

hood(permissions, served, served_known) := {
	"service": {"name": "orders", "loc": "L1"},
	"task_definition": {"known": true, "family": "orders"},
	"ports": [{"container": "orders", "container_port": 8080, "protocol": "tcp", "loc": "L5"}],
	"security_groups": [{
		"name": "sg-orders", "known": true, "loc": "L6", "permissions": permissions,
		"served_ports": served, "served_known": served_known,
	}],
}

served := [{"container_port": 8080, "protocol": "tcp"}, {"container_port": 8081, "protocol": "tcp"}]

test_range_wider_than_ports_denied if {
	findings := rule.deny with input.neighbourhood as hood([perm("tcp", 8000, 8100)], served, true)
		with input.options as {}
	count(findings) == 1
	some f in findings
	f.location == "L4"
	contains(f.msg, "admits tcp ports 8000-8100")
	contains(f.msg, "8080/tcp, 8081/tcp")
}

test_a_group_of_tasks_mapping_no_port_says_so if {
	findings := rule.deny with input.neighbourhood as hood([perm("all", 0, 65535)], [], true)
		with input.options as {}
	some f in findings
	endswith(f.msg, "but the tasks using the group map no ports.")
}

test_exact_ports_allowed if {
	count(rule.deny) == 0 with input.neighbourhood as hood([perm("tcp", 8080, 8081)], served, true)
		with input.options as {}
}

test_other_protocol_is_unmapped if {
	count(rule.deny) == 1 with input.neighbourhood as hood([perm("udp", 8080, 8080)], served, true)
		with input.options as {}
}

test_all_traffic_denied if {
	count(rule.deny) == 1 with input.neighbourhood as hood([perm("all", 0, 65535)], served, true)
		with input.options as {}
}

test_unknown_users_allowed if {
	count(rule.deny) == 0 with input.neighbourhood as hood([perm("tcp", 8000, 8100)], served, false)
		with input.options as {}
}

test_icmp_and_egress_allowed if {
	egress := json.patch(perm("tcp", 0, 65535), [{"op": "replace", "path": "/direction", "value": "egress"}])
	count(rule.deny) == 0 with input.neighbourhood as hood([perm("icmp", -1, -1), egress], served, true)
		with input.options as {}
}

test_one_finding_per_rule_whatever_its_sources if {
	second := json.patch(perm("tcp", 8000, 8100), [{"op": "replace", "path": "/source", "value": "10.1.0.0/16"}])
	count(rule.deny) == 1 with input.neighbourhood as hood([perm("tcp", 8000, 8100), second], served, true)
		with input.options as {}
}
