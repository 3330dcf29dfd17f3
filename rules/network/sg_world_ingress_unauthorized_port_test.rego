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

# On a group only load balancers use, the high-risk and administration port rules are silent: this rule
# judges those ports too, at medium, naming the balancers and their listener ports.
test_group_only_balancers_use_is_medium_and_names_the_listeners if {
	findings := rule.deny with input.facts as {
		"permissions": [
			entry({"from_port": 8080, "to_port": 8080}),
			entry({"index": 1, "from_port": 22, "to_port": 22, "path": ["IpPermissions", 1, "IpRanges", 0, "CidrIp"]}),
			entry({"index": 2, "path": ["IpPermissions", 2, "IpRanges", 0, "CidrIp"]}),
		],
		"attachments": fixtures.attachments({}),
	}
	count(findings) == 2
	some finding in findings
	finding.path == ["IpPermissions", 0, "IpRanges", 0, "CidrIp"]
	finding.severity == "medium"
	finding.msg == concat("", [
		"inbound tcp port 8080 from 0.0.0.0/0 opens ports outside the authorized (80, 443). The group is attached ",
		"only to internet-facing load balancer 'web' (listening on 80, 8080), which answers on its listener ports alone.",
	])
	some ssh in findings
	ssh.path == ["IpPermissions", 1, "IpRanges", 0, "CidrIp"]
}

test_group_only_balancers_use_leaves_every_port_to_all_traffic if {
	count(rule.deny) == 0 with input.facts as {
		"permissions": [entry(all_traffic), entry({"from_port": 0, "to_port": 65535, "all_ports": true})],
		"attachments": fixtures.attachments({}),
	}
}

test_several_balancers_named if {
	some finding in rule.deny with input.facts as {
		"permissions": [entry({"from_port": 8443, "to_port": 8443})],
		"attachments": fixtures.attachments({"load_balancers": [
			fixtures.balancer({}),
			fixtures.balancer({"name": "api", "scheme": "internal", "type": "network", "listener_ports": [8443]}),
		]}),
	}
	endswith(finding.msg, concat("", [
		"attached only to internet-facing load balancer 'web' (listening on 80, 8080), internal network load ",
		"balancer 'api' (listening on 8443), which answer on their listener ports alone.",
	]))
}

test_group_a_service_also_uses_keeps_todays_finding if {
	some finding in rule.deny with input.facts as {
		"permissions": [entry({"from_port": 8443, "to_port": 8443})],
		"attachments": fixtures.shared_with_service,
	}
	not finding.severity
	not contains(finding.msg, "load balancer")
	count(rule.deny) == 0 with input.facts as {
		"permissions": [entry({"from_port": 8080, "to_port": 8080})],
		"attachments": fixtures.shared_with_service,
	}
}

# Internal balancers have private addresses alone: their group's world rules let no internet traffic in.
test_group_only_internal_balancers_use_is_silent if {
	internal := fixtures.attachments({"load_balancers": [fixtures.balancer({"scheme": "internal"})]})
	count(rule.deny) == 0 with input.facts as {
		"permissions": [entry({"from_port": 8080, "to_port": 8080})],
		"attachments": internal,
	}
}

# One internet-facing balancer among them, or a scheme known only at deploy time, keeps the finding.
test_group_with_an_internet_facing_or_unknown_balancer_keeps_the_finding if {
	every scheme in ["internet-facing", null] {
		count(rule.deny) == 1 with input.facts as {
			"permissions": [entry({"from_port": 8080, "to_port": 8080})],
			"attachments": fixtures.attachments({"load_balancers": [
				fixtures.balancer({"scheme": "internal"}),
				fixtures.balancer({"name": "api", "scheme": scheme}),
			]}),
		}
	}
}
