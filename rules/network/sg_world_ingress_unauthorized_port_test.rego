package fgscan.rules.sg_world_ingress_unauthorized_port_test

import rego.v1

import data.fgscan.rules.sg_world_ingress_unauthorized_port as rule

import data.fgscan.test.fixtures
import data.fgscan.test.fixtures.ipv6_world
import data.fgscan.test.fixtures.unresolved_cidr
import data.fgscan.test.fixtures.unresolved_ports
import data.fgscan.test.fixtures.all_traffic

# `entry`: one `input.facts.permissions` entry, tcp 443 from 0.0.0.0/0 (see rules/lib/fixtures_test.rego).
entry(overrides) := fixtures.permission(overrides)

test_range_between_authorized_ports_denied if {
	findings := rule.deny with input.facts.permissions as [entry({"from_port": 80, "to_port": 443})]
	count(findings) == 1
	some finding in findings
	finding.path == ["IpPermissions", 0, "IpRanges", 0, "CidrIp"]
	contains(finding.msg, "inbound tcp ports 80-443 from 0.0.0.0/0 opens ports outside the authorized (80, 443).")
}

test_other_tcp_port_denied if {
	count(rule.deny) == 1 with input.facts.permissions as [entry({"from_port": 8443, "to_port": 8443})]
	count(rule.deny) == 1 with input.facts.permissions as [entry(object.union(ipv6_world, {"from_port": 6379, "to_port": 6379}))]
}

test_udp_port_denied if {
	count(rule.deny) == 1 with input.facts.permissions as [entry({"protocol": "udp", "from_port": 53, "to_port": 53})]
}

test_range_mixing_high_risk_and_other_ports_denied if {
	# 20-25: all high-risk except 24
	count(rule.deny) == 1 with input.facts.permissions as [entry({"from_port": 20, "to_port": 25})]
}

test_authorized_ports_allowed if {
	count(rule.deny) == 0 with input.facts.permissions as [
		entry({}),
		entry({"from_port": 80, "to_port": 80}),
		entry(object.union(ipv6_world, {})),
	]
}

test_ports_left_to_other_rules if {
	count(rule.deny) == 0 with input.facts.permissions as [
		entry({"from_port": 22, "to_port": 22}),
		entry({"from_port": 3306, "to_port": 3306}),
		entry({"from_port": 20, "to_port": 23}),
		entry({"protocol": "udp", "from_port": 3389, "to_port": 3389}),
		entry(all_traffic),
		entry({"from_port": 0, "to_port": 65535, "all_ports": true}),
		entry({"protocol": "udp", "from_port": 0, "to_port": 65535, "all_ports": true}),
	]
}

test_udp_high_risk_port_still_unauthorized if {
	count(rule.deny) == 1 with input.facts.permissions as [entry({"protocol": "udp", "from_port": 445, "to_port": 445})]
}

test_icmp_egress_and_narrow_sources_allowed if {
	count(rule.deny) == 0 with input.facts.permissions as [
		entry({"protocol": "icmp", "from_port": -1, "to_port": -1}),
		entry({"direction": "egress", "from_port": 0, "to_port": 65535, "all_ports": true}),
		entry({"from_port": 8443, "to_port": 8443, "source": "198.51.100.7/32", "world": false, "prefix": 32}),
	]
}

test_unresolved_values_are_not_proof if {
	count(rule.deny) == 0 with input.facts.permissions as [
		entry(unresolved_ports),
		entry(object.union(unresolved_cidr, {"from_port": 8443, "to_port": 8443})),
		entry({"protocol": null, "protocol_known": false}),
	]
}

test_authorized_ports_follow_the_parameters if {
	count(rule.deny) == 0 with input.facts.permissions as [entry({"from_port": 8443, "to_port": 8443})]
		with data.fgscan.params.authorized_world_ports as [443, 8443]
	findings := rule.deny with input.facts.permissions as [entry({})] with data.fgscan.params.authorized_world_ports as []
	some finding in findings
	contains(finding.msg, "authorized (none).")
}
