package fgscan.rules.sg_world_ingress_admin_port_test

import rego.v1

import data.fgscan.rules.sg_world_ingress_admin_port as rule

import data.fgscan.test.fixtures

# One `input.facts.permissions` entry (see rules/lib/fixtures_test.rego).
entry(i, protocol, from_port, to_port, source, world) := fixtures.permission({
	"index": i, "source": source, "path": ["IpPermissions", i, "IpRanges", 0, "CidrIp"],
	"permission_path": ["IpPermissions", i], "protocol": protocol, "from_port": from_port, "to_port": to_port,
	"all_ports": fixtures.full_range(from_port, to_port), "world": world,
})

findings(entries) := result if {
	result := rule.deny with input.facts as {"permissions": entries}
}

test_ssh_from_ipv4_world_denied if {
	result := findings([entry(0, "tcp", 22, 22, "0.0.0.0/0", true)])
	count(result) == 1
	some f in result
	f.path == ["IpPermissions", 0, "IpRanges", 0, "CidrIp"]
	contains(f.msg, "port 22")
}

test_rdp_from_ipv6_world_denied if {
	some f in findings([entry(3, "tcp", 3389, 3389, "::/0", true)])
	f.path == ["IpPermissions", 3, "IpRanges", 0, "CidrIp"]
	contains(f.msg, "3389")
}

test_range_covering_both_ports_names_both if {
	some f in findings([entry(0, "tcp", 0, 10000, "0.0.0.0/0", true)])
	contains(f.msg, "22, 3389")
}

# Every port or protocol -1 from the world is one finding, sg-world-ingress-all-traffic's.
test_all_traffic_is_left_to_the_all_traffic_rule if {
	count(findings([
		entry(0, "all", 0, 65535, "0.0.0.0/0", true),
		entry(1, "tcp", 0, 65535, "::/0", true),
	])) == 0
}

test_udp_rdp_denied if {
	count(findings([entry(0, "udp", 3389, 3389, "0.0.0.0/0", true)])) == 1
}

test_ranges_stopping_short_allowed if {
	count(findings([
		entry(0, "tcp", 23, 1000, "0.0.0.0/0", true),
		entry(1, "tcp", 0, 21, "0.0.0.0/0", true),
		entry(2, "tcp", 3390, 65535, "::/0", true),
		entry(3, "tcp", 443, 443, "0.0.0.0/0", true),
	])) == 0
}

test_restricted_sources_allowed if {
	count(findings([
		entry(0, "tcp", 22, 22, "10.0.0.0/16", false),
		entry(1, "tcp", 22, 22, "203.0.113.10/32", false),
		object.union(entry(2, "tcp", 22, 22, null, false), {"source_type": "security_group"}),
	])) == 0
}

test_egress_and_icmp_allowed if {
	count(findings([
		object.union(entry(0, "tcp", 22, 22, "0.0.0.0/0", true), {"direction": "egress"}),
		entry(1, "icmp", 0, 65535, "0.0.0.0/0", true),
	])) == 0
}

test_unknown_ports_are_not_proof if {
	count(findings([object.union(
		entry(0, "tcp", 22, 22, "0.0.0.0/0", true),
		{"from_port": null, "to_port": null, "ports_known": false},
	)])) == 0
}

test_admin_ports_come_from_params if {
	count(rule.deny) == 1 with input.facts as {"permissions": [entry(0, "tcp", 5985, 5986, "0.0.0.0/0", true)]}
		with data.fgscan.params.admin_ports as [22, 3389, 5985]
	count(findings([entry(0, "tcp", 5985, 5986, "0.0.0.0/0", true)])) == 0
}

# A group only load balancers use answers on their listener ports alone: no login service is reachable.
test_group_only_balancers_use_not_reported if {
	count(rule.deny) == 0 with input.facts as {
		"permissions": [entry(0, "tcp", 22, 22, "0.0.0.0/0", true), entry(1, "tcp", 0, 10000, "::/0", true)],
		"attachments": fixtures.attachments({}),
	}
}

test_group_a_service_also_uses_reported if {
	count(rule.deny) == 1 with input.facts as {
		"permissions": [entry(0, "tcp", 22, 22, "0.0.0.0/0", true)],
		"attachments": fixtures.shared_with_service,
	}
}
