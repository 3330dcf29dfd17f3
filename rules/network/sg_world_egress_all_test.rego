package fgscan.rules.sg_world_egress_all_test

import rego.v1

import data.fgscan.rules.sg_world_egress_all as rule

import data.fgscan.test.fixtures
import data.fgscan.test.fixtures.ipv6_world
import data.fgscan.test.fixtures.unresolved_cidr
import data.fgscan.test.fixtures.unresolved_ports
import data.fgscan.test.fixtures.all_traffic

# `entry`: one `input.facts.permissions` entry, tcp 443 from 0.0.0.0/0 (see rules/lib/fixtures_test.rego).
entry(overrides) := fixtures.permission(overrides)

egress(overrides) := entry(object.union(
	{"direction": "egress", "path": ["IpPermissionsEgress", 0, "IpRanges", 0, "CidrIp"]},
	overrides,
))

test_all_traffic_egress_to_world_denied if {
	findings := rule.deny with input.facts.permissions as [egress(all_traffic)]
	count(findings) == 1
	some finding in findings
	finding.path == ["IpPermissionsEgress", 0, "IpRanges", 0, "CidrIp"]
	finding.msg == "outbound all traffic to 0.0.0.0/0 is allowed."
}

test_ipv6_and_full_tcp_range_denied if {
	count(rule.deny) == 2 with input.facts.permissions as [
		egress(object.union(ipv6_world, all_traffic)),
		egress({"from_port": 0, "to_port": 65535, "all_ports": true}),
	]
}

test_restricted_egress_allowed if {
	count(rule.deny) == 0 with input.facts.permissions as [
		egress({}),
		egress({"from_port": 1, "to_port": 65535}),
		egress(object.union(all_traffic, {"source": "10.0.0.0/16", "world": false, "public": false, "private": true, "prefix": 16})),
		egress(object.union(all_traffic, {"source_type": "prefix_list", "source": "pl-123", "world": false, "public": false})),
	]
}

test_world_ingress_is_not_egress if {
	count(rule.deny) == 0 with input.facts.permissions as [entry(all_traffic)]
}

test_unresolved_values_are_not_proof if {
	count(rule.deny) == 0 with input.facts.permissions as [
		egress(object.union(unresolved_cidr, all_traffic)),
		egress(unresolved_ports),
	]
}

test_default_group_left_to_its_rule if {
	count(rule.deny) == 0 with input.facts.permissions as [egress(all_traffic)] with input.resource.GroupName as "default"
	count(rule.deny) == 1 with input.facts.permissions as [egress(all_traffic)] with input.resource.GroupName as "web"
}
