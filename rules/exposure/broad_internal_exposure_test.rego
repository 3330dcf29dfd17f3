package fgscan.rules.broad_internal_exposure_test

import rego.v1

import data.fgscan.rules.broad_internal_exposure as rule

import data.fgscan.test.fixtures

cidr(source, prefix, version) := fixtures.hood_permission({"source": source, "prefix": prefix, "version": version})

hood(balancers, permissions) := {
	"service": {"name": "orders", "loc": "L1"},
	"ports": [{"container": "orders", "container_port": 8080, "protocol": "tcp", "loc": "L5"}],
	"security_groups": [{"name": "sg-orders", "known": true, "loc": "L6", "permissions": permissions}],
	"load_balancers": balancers,
	"load_balancers_known": true,
}

test_vpc_sized_range_denied if {
	findings := rule.deny with input.neighbourhood as hood([], [cidr("10.0.0.0/8", 8, 4)]) with input.options as {}
	count(findings) == 1
	some f in findings
	f.location == "L3"
	contains(f.msg, "whole private range 10.0.0.0/8")
	f.chain == "service orders -> sg-orders :8080 from 10.0.0.0/8 -> container orders :8080"
}

test_narrow_range_allowed if {
	count(rule.deny) == 0 with input.neighbourhood as hood([], [cidr("10.0.1.0/24", 24, 4)]) with input.options as {}
}

test_behind_load_balancer_allowed if {
	lb := {"container_name": "orders", "container_port": 8080}
	count(rule.deny) == 0 with input.neighbourhood as hood([lb], [cidr("10.0.0.0/8", 8, 4)]) with input.options as {}
}

test_unmapped_port_allowed if {
	other := json.patch(cidr("10.0.0.0/8", 8, 4), [
		{"op": "replace", "path": "/from_port", "value": 5432}, {"op": "replace", "path": "/to_port", "value": 5432},
	])
	count(rule.deny) == 0 with input.neighbourhood as hood([], [other]) with input.options as {}
}

test_ipv6_unique_local_range_denied if {
	count(rule.deny) == 1 with input.neighbourhood as hood([], [cidr("fd00::/8", 8, 6)]) with input.options as {}
}
