package fgscan.rules.sg_world_ingress_all_traffic_test

import rego.v1

import data.fgscan.rules.sg_world_ingress_all_traffic as rule

import data.fgscan.test.fixtures

# One `input.facts.permissions` entry (see rules/lib/fixtures_test.rego).
entry(i, protocol, from_port, to_port, source, world) := fixtures.permission({
	"index": i, "source": source, "path": ["IpPermissions", i, "Ipv6Ranges", 0, "CidrIpv6"],
	"permission_path": ["IpPermissions", i], "protocol": protocol, "from_port": from_port, "to_port": to_port,
	"all_ports": fixtures.full_range(from_port, to_port), "world": world,
})

findings(entries) := result if {
	result := rule.deny with input.facts as {"permissions": entries}
}

test_all_protocols_from_ipv6_world_denied if {
	result := findings([entry(2, "all", 0, 65535, "::/0", true)])
	count(result) == 1
	some f in result
	f.path == ["IpPermissions", 2, "Ipv6Ranges", 0, "CidrIpv6"]
	contains(f.msg, "all traffic")
}

test_every_tcp_port_from_ipv4_world_denied if {
	some f in findings([entry(0, "tcp", 0, 65535, "0.0.0.0/0", true)])
	contains(f.msg, "every tcp port")
}

test_every_udp_port_denied if {
	count(findings([entry(0, "udp", 0, 65535, "0.0.0.0/0", true)])) == 1
}

test_wide_but_not_full_ranges_allowed if {
	count(findings([
		entry(0, "tcp", 1, 65535, "0.0.0.0/0", true),
		entry(1, "tcp", 1024, 65535, "0.0.0.0/0", true),
		entry(2, "tcp", 443, 443, "::/0", true),
	])) == 0
}

test_icmp_from_world_allowed if {
	count(findings([entry(0, "icmp", 0, 65535, "0.0.0.0/0", true)])) == 0
}

test_restricted_sources_and_egress_allowed if {
	count(findings([
		entry(0, "all", 0, 65535, "10.0.0.0/8", false),
		object.union(entry(1, "all", 0, 65535, "0.0.0.0/0", true), {"direction": "egress"}),
	])) == 0
}

# A group only load balancers use exposes their listeners alone: medium, naming them.
test_group_only_balancers_use_is_medium if {
	result := rule.deny with input.facts as {
		"permissions": [entry(0, "all", 0, 65535, "0.0.0.0/0", true)],
		"attachments": fixtures.attachments({}),
	}
	count(result) == 1
	some f in result
	f.severity == "medium"
	endswith(f.msg, concat("", [
		"allows all traffic (every protocol and port). The group is attached only to internet-facing load balancer ",
		"'web' (listening on 80, 8080), which answers on its listener ports alone.",
	]))
}

test_group_a_service_also_uses_stays_critical if {
	some f in rule.deny with input.facts as {
		"permissions": [entry(0, "tcp", 0, 65535, "::/0", true)],
		"attachments": fixtures.shared_with_service,
	}
	not f.severity
	f.msg == "ingress from ::/0 allows every tcp port."
}

# Internal balancers have private addresses alone: their group's world rules let no internet traffic in.
test_group_only_internal_balancers_use_is_silent if {
	count(rule.deny) == 0 with input.facts as {
		"permissions": [entry(0, "all", 0, 65535, "0.0.0.0/0", true)],
		"attachments": fixtures.attachments({"load_balancers": [fixtures.balancer({"scheme": "internal"})]}),
	}
}
