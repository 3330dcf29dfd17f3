package fgscan.rules.sg_wide_public_cidr_test

import rego.v1

import data.fgscan.rules.sg_wide_public_cidr as rule

import data.fgscan.test.fixtures
import data.fgscan.test.fixtures.ipv6_world
import data.fgscan.test.fixtures.unresolved_cidr

# `entry`: one `input.facts.permissions` entry, tcp 443 from 0.0.0.0/0 (see rules/lib/fixtures_test.rego).
entry(overrides) := fixtures.permission(overrides)

public(cidr, prefix) := entry({"source": cidr, "prefix": prefix, "world": false})

test_wide_public_ipv4_range_denied if {
	findings := rule.deny with input.facts.permissions as [public("52.0.0.0/8", 8)]
	count(findings) == 1
	some finding in findings
	finding.path == ["IpPermissions", 0, "IpRanges", 0, "CidrIp"]
	finding.msg == "inbound tcp port 443 from the public range 52.0.0.0/8 (wider than /16)."
	count(rule.deny) == 1 with input.facts.permissions as [public("0.0.0.0/1", 1)]
}

test_wide_public_ipv6_range_denied if {
	count(rule.deny) == 1 with input.facts.permissions as [entry(object.union(ipv6_world, {"source": "2600::/16", "prefix": 16, "world": false}))]
}

test_world_left_to_other_rules if {
	count(rule.deny) == 0 with input.facts.permissions as [entry({}), entry(object.union(ipv6_world, {}))]
}

test_narrow_or_private_ranges_allowed if {
	count(rule.deny) == 0 with input.facts.permissions as [
		public("198.51.100.7/32", 32),
		public("52.95.0.0/16", 16),
		entry(object.union(ipv6_world, {"source": "2001:db8:1234::/48", "prefix": 48, "world": false})),
		entry({"source": "10.0.0.0/8", "prefix": 8, "world": false, "public": false, "private": true}),
		entry({"source": "100.64.0.0/10", "prefix": 10, "world": false, "public": false, "private": false}),
	]
}

test_egress_and_unresolved_allowed if {
	count(rule.deny) == 0 with input.facts.permissions as [
		entry({"direction": "egress", "source": "52.0.0.0/8", "prefix": 8, "world": false}),
		entry(unresolved_cidr),
	]
}

test_limit_follows_the_parameters if {
	count(rule.deny) == 1 with input.facts.permissions as [public("52.95.0.0/16", 16)]
		with data.fgscan.params.wide_cidr_prefix as 24
}
