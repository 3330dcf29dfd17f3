package fgscan.rules.sg_world_egress_all_test

import rego.v1

import data.fgscan.rules.sg_world_egress_all as rule

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
