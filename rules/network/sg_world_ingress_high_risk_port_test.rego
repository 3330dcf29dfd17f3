package fgscan.rules.sg_world_ingress_high_risk_port_test

import rego.v1

import data.fgscan.rules.sg_world_ingress_high_risk_port as rule

import data.fgscan.test.fixtures
import data.fgscan.test.fixtures.ipv6_world
import data.fgscan.test.fixtures.unresolved_cidr
import data.fgscan.test.fixtures.unresolved_ports
import data.fgscan.test.fixtures.all_traffic

# `entry`: one `input.facts.permissions` entry, tcp 443 from 0.0.0.0/0 (see rules/lib/fixtures_test.rego).
entry(overrides) := fixtures.permission(overrides)

test_database_port_from_world_denied if {
	findings := rule.deny with input.facts.permissions as [entry({"from_port": 5432, "to_port": 5432})]
	count(findings) == 1
	some finding in findings
	finding.path == ["IpPermissions", 0, "IpRanges", 0, "CidrIp"]
	finding.msg == "inbound tcp port 5432 from 0.0.0.0/0 reaches high-risk port 5432."
}

test_range_names_every_covered_port_but_admin_ports if {
	findings := rule.deny with input.facts.permissions as [entry({"from_port": 1, "to_port": 9999})]
	some finding in findings
	finding.msg == concat("", [
		"inbound tcp ports 1-9999 from 0.0.0.0/0 reaches high-risk ports ",
		"20, 21, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 4333, 5000, 5432, 5500, 5601, 8080, 8088, ",
		"8888, 9200, 9300.",
	])
}

test_ipv6_world_denied if {
	count(rule.deny) == 1 with input.facts.permissions as [entry(object.union(ipv6_world, {"from_port": 3306, "to_port": 3306}))]
}

test_one_finding_per_world_source if {
	count(rule.deny) == 2 with input.facts.permissions as [
		entry({"from_port": 9200, "to_port": 9300}),
		entry(object.union(ipv6_world, {"from_port": 9200, "to_port": 9300})),
	]
}

test_hardened_web_group_allowed if {
	count(rule.deny) == 0 with input.facts.permissions as [
		entry({}),
		entry({"from_port": 80, "to_port": 80}),
		entry(object.union(ipv6_world, {})),
	]
}

test_left_to_the_admin_port_and_all_traffic_rules if {
	count(rule.deny) == 0 with input.facts.permissions as [
		entry({"from_port": 22, "to_port": 22}),
		entry({"from_port": 3389, "to_port": 3389}),
		entry(all_traffic),
		entry({"from_port": 0, "to_port": 65535, "all_ports": true}),
	]
}

test_range_stopping_short_of_a_port_allowed if {
	count(rule.deny) == 0 with input.facts.permissions as [
		entry({"from_port": 3301, "to_port": 3305}),
		entry({"from_port": 8081, "to_port": 8087}),
		entry({"from_port": 9201, "to_port": 9299}),
	]
}

test_narrow_sources_allowed if {
	count(rule.deny) == 0 with input.facts.permissions as [
		entry({"from_port": 5432, "to_port": 5432, "source": "203.0.113.10/32", "world": false, "prefix": 32}),
		entry({"from_port": 5432, "to_port": 5432, "source": "::/1", "world": false, "prefix": 1, "version": 6}),
		entry({
			"from_port": 5432, "to_port": 5432, "source_type": "security_group", "source": "sg-app",
			"world": false, "public": false, "prefix": null,
		}),
	]
}

test_udp_and_egress_allowed if {
	count(rule.deny) == 0 with input.facts.permissions as [
		entry({"protocol": "udp", "from_port": 20, "to_port": 25}),
		entry({"direction": "egress", "from_port": 5432, "to_port": 5432}),
	]
}

test_unresolved_values_are_not_proof if {
	count(rule.deny) == 0 with input.facts.permissions as [
		entry(unresolved_ports),
		entry(object.union(unresolved_cidr, {"from_port": 5432, "to_port": 5432})),
		entry({"protocol": null, "protocol_known": false, "from_port": 5432, "to_port": 5432}),
	]
}

test_ports_follow_the_parameters if {
	count(rule.deny) == 1 with input.facts.permissions as [entry({})]
		with data.fgscan.params.high_risk_ports as [443]
}

# A group only load balancers use answers on their listener ports alone (an ALB test listener on 8080).
test_group_only_balancers_use_not_reported if {
	count(rule.deny) == 0 with input.facts as {
		"permissions": [entry({"from_port": 8080, "to_port": 8080}), entry({"from_port": 5432, "to_port": 5432})],
		"attachments": fixtures.attachments({}),
	}
}

test_group_a_service_also_uses_reported if {
	count(rule.deny) == 1 with input.facts as {
		"permissions": [entry({"from_port": 8080, "to_port": 8080})],
		"attachments": fixtures.shared_with_service,
	}
}

test_group_of_tasks_without_public_ip_is_medium_with_a_note if {
	findings := rule.deny with input.facts.permissions as [entry({"from_port": 8080, "to_port": 8080})]
		with input.facts.attachments as {
			"load_balancers": [], "others": ["service 'App'"],
			"only_load_balancers": false, "private_tasks_only": true,
		}
	some finding in findings
	finding.severity == "medium"
	finding.msg == "inbound tcp port 8080 from 0.0.0.0/0 reaches high-risk port 8080. The group is attached only to tasks without a public IP (service 'App'): from the internet, only a load balancer in front of them reaches them."
}
