package fgscan.rules.load_balancer_bypass_test

import rego.v1

import data.fgscan.rules.load_balancer_bypass as rule

import data.fgscan.test.fixtures

cidr(source, public, private) := fixtures.hood_permission({"source": source, "public": public, "private": private})

from_balancer := fixtures.hood_permission({
	"source_type": "security_group", "source": null, "source_ref": "AlbSg", "source_group": "sg-alb",
	"private": false, "prefix": null, "version": null, "loc": "L7", "rule_loc": "L8",
})

balancer := {
	"container_name": "orders", "container_port": 8080, "known": true, "network": false, "loc": "L9",
	"security_groups": {"known": true, "names": ["sg-alb"]},
}

hood(balancers, permissions) := {
	"service": {"name": "orders", "loc": "L1"},
	"public_ip": {"known": true, "value": false},
	"ports": [{"container": "orders", "container_port": 8080, "protocol": "tcp", "loc": "L5"}],
	"security_groups": [{"name": "sg-orders", "known": true, "loc": "L6", "permissions": permissions}],
	"load_balancers": balancers,
}

test_cidr_beside_balancer_denied if {
	findings := rule.deny with input.neighbourhood as hood([balancer], [from_balancer, cidr("10.0.0.0/16", false, true)])
		with input.options as {}
	count(findings) == 1
	some f in findings
	f.location == "L3"
	f.severity == "medium"
	contains(f.msg, "[load balancer](L9)")
	contains(f.msg, "instead of only the balancer's group sg-alb")
}

test_public_cidr_is_high if {
	some f in rule.deny with input.neighbourhood as hood([balancer], [cidr("203.0.113.0/24", true, false)])
		with input.options as {}
	f.severity == "high"
}

test_balancer_group_only_allowed if {
	count(rule.deny) == 0 with input.neighbourhood as hood([balancer], [from_balancer]) with input.options as {}
}

test_no_balancer_allowed if {
	count(rule.deny) == 0 with input.neighbourhood as hood([], [cidr("10.0.0.0/16", false, true)]) with input.options as {}
}

test_network_load_balancer_allowed if {
	nlb := json.patch(balancer, [{"op": "replace", "path": "/network", "value": true}])
	count(rule.deny) == 0 with input.neighbourhood as hood([nlb], [cidr("10.0.0.0/16", false, true)]) with input.options as {}
}

test_other_port_allowed if {
	other := json.patch(balancer, [{"op": "replace", "path": "/container_port", "value": 9090}])
	count(rule.deny) == 0 with input.neighbourhood as hood([other], [cidr("10.0.0.0/16", false, true)]) with input.options as {}
}
