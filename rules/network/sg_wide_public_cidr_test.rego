package fgscan.rules.sg_wide_public_cidr_test

import rego.v1

import data.fgscan.rules.sg_wide_public_cidr as rule

# One `input.facts.permissions` entry as scanner/facts.py builds it: tcp 443 from 0.0.0.0/0.
entry(overrides) := object.union(
	{
		"direction": "ingress", "index": 0, "source_type": "cidr", "source": "0.0.0.0/0", "description": "web",
		"path": ["IpPermissions", 0, "IpRanges", 0, "CidrIp"], "permission_path": ["IpPermissions", 0],
		"protocol": "tcp", "protocol_known": true, "from_port": 443, "to_port": 443, "ports_known": true,
		"all_ports": false, "known": true, "world": true, "public": true, "private": false, "prefix": 0,
		"version": 4, "addresses": 4294967296,
	},
	overrides,
)

ipv6_world := {"source": "::/0", "version": 6, "addresses": null, "path": ["IpPermissions", 0, "Ipv6Ranges", 0, "CidrIpv6"]}

unresolved_cidr := {
	"source": null, "known": false, "world": false, "public": false, "private": false, "prefix": null,
	"version": null,
}

unresolved_ports := {"from_port": null, "to_port": null, "ports_known": false}

all_traffic := {"protocol": "all", "from_port": 0, "to_port": 65535, "all_ports": true}

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
