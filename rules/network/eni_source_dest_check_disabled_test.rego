package fgscan.rules.eni_source_dest_check_disabled_test

import rego.v1

import data.fgscan.rules.eni_source_dest_check_disabled as rule

test_disabled_check_denied if {
	findings := rule.deny with input.resource as {"NetworkInterfaceId": "eni-1", "InterfaceType": "interface", "SourceDestCheck": false}
	count(findings) == 1
	some finding in findings
	finding.path == ["SourceDestCheck"]
	count(rule.deny) == 1 with input.resource as {"SubnetId": {"Ref": "Subnet"}, "SourceDestCheck": false}
	count(rule.deny) == 1 with input.resource as {"InterfaceType": "efa", "SourceDestCheck": false}
}

test_enabled_or_unset_allowed if {
	count(rule.deny) == 0 with input.resource as {"NetworkInterfaceId": "eni-1", "SourceDestCheck": true}
	count(rule.deny) == 0 with input.resource as {"NetworkInterfaceId": "eni-1"}
}

test_aws_managed_interfaces_allowed if {
	count(rule.deny) == 0 with input.resource as {"InterfaceType": "nat_gateway", "SourceDestCheck": false}
	count(rule.deny) == 0 with input.resource as {"InterfaceType": "gateway_load_balancer_endpoint", "SourceDestCheck": false}
	count(rule.deny) == 0 with input.resource as {"InterfaceType": "trunk", "SourceDestCheck": false}
}

test_unresolved_or_string_value_is_not_proof if {
	count(rule.deny) == 0 with input.resource as {"SourceDestCheck": {"Ref": "Check"}}
	count(rule.deny) == 0 with input.resource as {"SourceDestCheck": "false"}
	count(rule.deny) == 0 with input.resource as {"SourceDestCheck": null}
}
