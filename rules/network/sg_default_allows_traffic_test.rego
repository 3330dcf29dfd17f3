package fgscan.rules.sg_default_allows_traffic_test

import rego.v1

import data.fgscan.rules.sg_default_allows_traffic as rule

# rego-cpp ignores `with ... as <rule reference>`: bind the value to a variable first.
default_rules := {
	"GroupName": "default",
	"GroupId": "sg-0def",
	"IpPermissions": [{"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": "sg-0def", "UserId": "111122223333"}]}],
	"IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
}

test_default_group_with_rules_denied if {
	resource := default_rules
	findings := rule.deny with input.resource as resource
	count(findings) == 2
	{finding.path | some finding in findings} == {["IpPermissions", 0, "IpProtocol"], ["IpPermissionsEgress", 0, "IpProtocol"]}
	some finding in findings
	finding.path[0] == "IpPermissions"
	finding.msg == "the VPC default security group has an inbound rule; it should have none."
}

test_default_group_without_rules_allowed if {
	count(rule.deny) == 0 with input.resource as {
		"GroupName": "default", "GroupId": "sg-0def", "IpPermissions": [], "IpPermissionsEgress": [],
	}
	count(rule.deny) == 0 with input.resource as {"GroupName": "default", "IpPermissions": []}
}

test_other_groups_allowed if {
	count(rule.deny) == 0 with input.resource as object.union(default_rules, {"GroupName": "default-web"})
	count(rule.deny) == 0 with input.resource as object.union(default_rules, {"GroupName": "Default"})
	count(rule.deny) == 0 with input.resource as {"IpPermissions": default_rules.IpPermissions}
}

test_unresolved_values_are_not_proof if {
	count(rule.deny) == 0 with input.resource as object.union(default_rules, {"GroupName": {"Ref": "Name"}})
	count(rule.deny) == 0 with input.resource as {
		"GroupName": "default",
		"IpPermissions": [{"Fn::If": ["Open", {"IpProtocol": "-1"}, {"Ref": "AWS::NoValue"}]}],
	}
}
