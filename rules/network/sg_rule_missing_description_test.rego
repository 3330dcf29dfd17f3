package fgscan.rules.sg_rule_missing_description_test

import rego.v1

import data.fgscan.rules.sg_rule_missing_description as rule

import data.fgscan.test.fixtures
import data.fgscan.test.fixtures.ipv6_world
import data.fgscan.test.fixtures.unresolved_cidr
import data.fgscan.test.fixtures.all_traffic

# `entry`: one `input.facts.permissions` entry, tcp 443 from 0.0.0.0/0 (see rules/lib/fixtures_test.rego).
entry(overrides) := fixtures.permission(overrides)

group := {"IpPermissions": [{
	"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
	"IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "public HTTPS"}, {"CidrIp": "198.51.100.7/32"}],
	"Ipv6Ranges": [{"CidrIpv6": "::/0", "Description": "   "}],
	"UserIdGroupPairs": [{"GroupId": "sg-1", "Description": {"Ref": "Why"}}],
}]}

facts := [
	entry({}),
	entry({"source": "198.51.100.7/32", "world": false, "prefix": 32, "path": ["IpPermissions", 0, "IpRanges", 1, "CidrIp"]}),
	entry(object.union(ipv6_world, {})),
	entry({
		"source_type": "security_group", "source": "sg-1", "world": false, "public": false, "prefix": null,
		"path": ["IpPermissions", 0, "UserIdGroupPairs", 0, "GroupId"],
	}),
]

test_missing_and_blank_descriptions_denied if {
	resource := group
	permissions := facts
	findings := rule.deny with input.resource as resource with input.facts.permissions as permissions
	{finding.path | some finding in findings} == {
		["IpPermissions", 0, "IpRanges", 1, "CidrIp"],
		["IpPermissions", 0, "Ipv6Ranges", 0, "CidrIpv6"],
	}
	some finding in findings
	finding.path[2] == "IpRanges"
	finding.msg == "inbound rule for tcp port 443 from 198.51.100.7/32 has no description."
}

test_egress_without_description_denied if {
	findings := rule.deny with input.resource as {"IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}
		with input.facts.permissions as [entry(object.union(all_traffic, {
			"direction": "egress",
			"path": ["IpPermissionsEgress", 0, "IpRanges", 0, "CidrIp"],
		}))]
	some finding in findings
	finding.msg == "outbound rule for all traffic to 0.0.0.0/0 has no description."
}

test_described_rules_allowed if {
	count(rule.deny) == 0 with input.resource as {"IpPermissions": [{"IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "web"}]}]}
		with input.facts.permissions as [entry({})]
}

test_unresolved_source_still_named if {
	findings := rule.deny with input.resource as {"IpPermissions": [{"IpRanges": [{"CidrIp": {"Ref": "Office"}}]}]}
		with input.facts.permissions as [entry(unresolved_cidr)]
	some finding in findings
	contains(finding.msg, "from an unresolved source has no description.")
}

test_default_group_left_to_its_rule if {
	count(rule.deny) == 0 with input.resource as {"GroupName": "default", "IpPermissions": [{"IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}
		with input.facts.permissions as [entry({})]
}
