package fgscan.rules.sg_port_range_test

import rego.v1

import data.fgscan.rules.sg_port_range as rule

import data.fgscan.test.fixtures
import data.fgscan.test.fixtures.unresolved_cidr
import data.fgscan.test.fixtures.unresolved_ports
import data.fgscan.test.fixtures.all_traffic

# `entry`: one `input.facts.permissions` entry, tcp 443 from 0.0.0.0/0 (see rules/lib/fixtures_test.rego).
entry(overrides) := fixtures.permission(overrides)

ranged(cidr, low, high, overrides) := entry(object.union(
	{
		"source": cidr, "from_port": low, "to_port": high, "world": false, "public": false, "private": true,
		"prefix": 24,
	},
	overrides,
))

test_wide_range_from_private_cidr_denied if {
	findings := rule.deny with input.facts.permissions as [ranged("10.1.0.0/24", 1024, 65535, {})]
	count(findings) == 1
	some finding in findings
	finding.path == ["IpPermissions", 0, "IpRanges", 0, "CidrIp"]
	finding.msg == "inbound tcp ports 1024-65535 from 10.1.0.0/24 opens 64512 ports (more than 100)."
	not finding.severity
}

test_public_source_raises_severity if {
	findings := rule.deny with input.facts.permissions as [
		ranged("198.51.100.7/32", 1000, 2000, {"public": true, "private": false, "prefix": 32}),
	]
	some finding in findings
	finding.severity == "medium"
}

test_udp_range_denied if {
	count(rule.deny) == 1 with input.facts.permissions as [ranged("10.1.0.0/24", 10000, 20000, {"protocol": "udp"})]
}

test_range_at_the_limit_allowed if {
	count(rule.deny) == 0 with input.facts.permissions as [
		ranged("10.1.0.0/24", 8000, 8099, {}),
		ranged("10.1.0.0/24", 443, 443, {}),
	]
}

test_covered_elsewhere_allowed if {
	count(rule.deny) == 0 with input.facts.permissions as [
		entry({"from_port": 1000, "to_port": 2000}),
		ranged("10.0.0.0/8", 0, 65535, {"all_ports": true, "prefix": 8}),
		ranged("10.1.0.0/24", 0, 65535, object.union(all_traffic, {"prefix": 24})),
	]
}

test_group_and_prefix_list_sources_allowed if {
	count(rule.deny) == 0 with input.facts.permissions as [
		ranged("sg-app", 1024, 65535, {"source_type": "security_group", "private": false, "prefix": null}),
		ranged("pl-1", 1024, 65535, {"source_type": "prefix_list", "private": false, "prefix": null}),
	]
}

test_unresolved_values_are_not_proof if {
	count(rule.deny) == 0 with input.facts.permissions as [
		ranged("10.1.0.0/24", 0, 0, unresolved_ports),
		ranged(null, 1024, 65535, unresolved_cidr),
	]
}

test_limit_follows_the_parameters if {
	count(rule.deny) == 1 with input.facts.permissions as [ranged("10.1.0.0/24", 8000, 8099, {})]
		with data.fgscan.params.max_port_range as 10
}
