package fgscan.rules.eni_public_ip_test

import rego.v1

import data.fgscan.rules.eni_public_ip as rule

task_eni(overrides) := object.union(
	{
		"NetworkInterfaceId": "eni-0a1", "InterfaceType": "interface", "RequesterManaged": true,
		"Description": "arn:aws:ecs:eu-west-1:111122223333:attachment/0b1c", "PrivateIpAddress": "10.0.1.25",
		"Association": {"IpOwnerId": "amazon", "PublicDnsName": "ec2-203-0-113-25.compute.amazonaws.com", "PublicIp": "203.0.113.25"},
	},
	overrides,
)

test_task_interface_with_public_ip_denied if {
	findings := rule.deny with input.resource as task_eni({})
	count(findings) == 1
	some finding in findings
	finding.path == ["Association", "PublicIp"]
	finding.msg == "has the public IP address 203.0.113.25."
}

test_interface_without_type_denied if {
	count(rule.deny) == 1 with input.resource as {"NetworkInterfaceId": "eni-1", "Association": {"PublicIp": "198.51.100.1"}}
}

test_private_interface_allowed if {
	count(rule.deny) == 0 with input.resource as {"NetworkInterfaceId": "eni-1", "InterfaceType": "interface", "PrivateIpAddress": "10.0.1.5"}
	count(rule.deny) == 0 with input.resource as {"NetworkInterfaceId": "eni-1", "Association": {"CarrierIp": "1.2.3.4"}}
}

test_managed_public_interfaces_allowed if {
	count(rule.deny) == 0 with input.resource as task_eni({"InterfaceType": "nat_gateway", "Description": "Interface for NAT Gateway nat-1"})
	count(rule.deny) == 0 with input.resource as task_eni({"InterfaceType": "network_load_balancer", "Description": "ELB net/web/1"})
	count(rule.deny) == 0 with input.resource as task_eni({"Description": "ELB app/web/50dc6c495c0c9188"})
}

test_unresolved_value_is_not_proof if {
	count(rule.deny) == 0 with input.resource as {"NetworkInterfaceId": "eni-1", "Association": {"PublicIp": {"Ref": "Eip"}}}
}
