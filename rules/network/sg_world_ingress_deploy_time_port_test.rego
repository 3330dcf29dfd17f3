package fgscan.rules.sg_world_ingress_deploy_time_port_test

import rego.v1

import data.fgscan.rules.sg_world_ingress_deploy_time_port as rule

import data.fgscan.test.fixtures
import data.fgscan.test.fixtures.ipv6_world
import data.fgscan.test.fixtures.unresolved_cidr
import data.fgscan.test.fixtures.unresolved_ports

# tcp from 0.0.0.0/0 on ports the input leaves to deploy time.
entry(overrides) := fixtures.permission(object.union(unresolved_ports, overrides))

group(from_port, to_port) := {"IpPermissions": [{
	"IpProtocol": "tcp", "FromPort": from_port, "ToPort": to_port,
	"IpRanges": [{"CidrIp": "0.0.0.0/0"}],
}]}

test_parameter_port_open_to_the_world_denied if {
	findings := rule.deny with input.facts.permissions as [entry({})]
		with input.resource as group({"Ref": "Port"}, {"Ref": "Port"})
	count(findings) == 1
	some finding in findings
	finding.path == ["IpPermissions", 0, "FromPort"]
	finding.msg == "inbound tcp from 0.0.0.0/0 on a port set only at deploy time (!Ref Port): nothing shows it is one of the authorized ports (80, 443)."
}

test_terraform_variable_and_to_port_named if {
	findings := rule.deny with input.facts.permissions as [entry(ipv6_world)]
		with input.resource as group(8080, {"Fn::Terraform": "var.port"})
	some finding in findings
	finding.path == ["IpPermissions", 0, "ToPort"]
	contains(finding.msg, "from ::/0 on a port set only at deploy time (var.port)")
}

test_udp_judged_against_udp_ports if {
	findings := rule.deny with input.facts.permissions as [entry({"protocol": "udp"})]
		with input.resource as group({"Fn::ImportValue": "port"}, {"Fn::ImportValue": "port"})
	some finding in findings
	contains(finding.msg, "inbound udp from 0.0.0.0/0 on a port set only at deploy time (!ImportValue ...)")
	endswith(finding.msg, "authorized ports (none).")
}

test_unresolved_protocol_denied if {
	count(rule.deny) == 1 with input.facts.permissions as [entry({"protocol": null, "protocol_known": false})]
		with input.resource as group({"Ref": "Port"}, {"Ref": "Port"})
}

test_known_ports_and_other_sources_left_to_other_rules if {
	count(rule.deny) == 0 with input.facts.permissions as [
		fixtures.permission({"from_port": 8443, "to_port": 8443}),
		entry(unresolved_cidr),
		entry({"source": "10.0.0.0/8", "world": false, "public": false, "private": true, "prefix": 8}),
		entry({"direction": "egress"}),
		entry({"protocol": "icmp"}),
		entry({"protocol": "50"}),
	]
		with input.resource as group({"Ref": "Port"}, {"Ref": "Port"})
}

test_groups_of_load_balancers_only_not_reported if {
	count(rule.deny) == 0 with input.facts.permissions as [entry({})]
		with input.resource as group({"Ref": "Port"}, {"Ref": "Port"})
		with input.facts.attachments as {"only_load_balancers": true, "load_balancers": [{"scheme": "internet-facing"}]}
	count(rule.deny) == 1 with input.facts.permissions as [entry({})]
		with input.resource as group({"Ref": "Port"}, {"Ref": "Port"})
		with input.facts.attachments as {"only_load_balancers": false, "load_balancers": []}
}
