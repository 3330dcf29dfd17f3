package fgscan.rules.sg_broad_private_ingress_test

import rego.v1

import data.fgscan.rules.sg_broad_private_ingress as rule

import data.fgscan.test.fixtures
import data.fgscan.test.fixtures.unresolved_cidr
import data.fgscan.test.fixtures.all_traffic

# `entry`: one `input.facts.permissions` entry, tcp 443 from 0.0.0.0/0 (see rules/lib/fixtures_test.rego).
entry(overrides) := fixtures.permission(overrides)

private(cidr, prefix, overrides) := entry(object.union(
	{"source": cidr, "prefix": prefix, "world": false, "public": false, "private": true},
	overrides,
))

test_all_traffic_from_large_private_range_denied if {
	findings := rule.deny with input.facts.permissions as [private("10.0.0.0/8", 8, all_traffic)]
	count(findings) == 1
	some finding in findings
	finding.path == ["IpPermissions", 0, "IpRanges", 0, "CidrIp"]
	finding.msg == "inbound all traffic from the private range 10.0.0.0/8 is allowed."
}

test_vpc_sized_range_and_full_tcp_denied if {
	count(rule.deny) == 2 with input.facts.permissions as [
		private("172.31.0.0/16", 16, all_traffic),
		private("10.0.0.0/8", 8, {"from_port": 0, "to_port": 65535, "all_ports": true}),
	]
}

test_ipv6_ula_denied if {
	count(rule.deny) == 1 with input.facts.permissions as [private("fd00::/8", 8, object.union(all_traffic, {"version": 6}))]
}

test_narrow_ranges_or_ports_allowed if {
	count(rule.deny) == 0 with input.facts.permissions as [
		private("10.0.12.0/24", 24, all_traffic),
		private("10.0.0.0/8", 8, {"from_port": 5432, "to_port": 5432}),
		private("10.0.0.0/8", 8, {"from_port": 1, "to_port": 65535}),
		entry(object.union(all_traffic, {"source_type": "security_group", "source": "sg-1", "world": false, "public": false})),
	]
}

test_public_world_and_unresolved_allowed if {
	count(rule.deny) == 0 with input.facts.permissions as [
		entry(all_traffic),
		entry(object.union(unresolved_cidr, all_traffic)),
		private("10.0.0.0/8", 8, object.union(all_traffic, {"direction": "egress"})),
	]
}
