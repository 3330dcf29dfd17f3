# METADATA
# title: Network interface has a public IP address
# description: >-
#   The network interface carries a public IPv4 address (`Association.PublicIp`), so whatever it
#   is attached to (a Fargate task started with `assignPublicIp`, an instance) is reachable from
#   the internet wherever its security groups allow, and can reach the internet without a NAT
#   gateway. Interfaces AWS manages for internet-facing load balancers, NAT gateways and other
#   managed endpoints (`eni_public_ip_exempt_types`, and load balancer interfaces described
#   "ELB ...") are expected to be public and are not reported. CloudFormation cannot set this
#   address, so the rule mostly applies to describe-network-interfaces output.
# scope: package
# custom:
#   id: FG-ENI-001
#   name: eni-public-ip
#   severity: medium
#   rationale: Direct internet reachability; the security group is then the only barrier.
#   kinds: [ec2_network_interface]
#   remediation: >-
#     Run the tasks in private subnets with `assignPublicIp: DISABLED`, reach the internet through
#     a NAT gateway or VPC endpoints, and publish services through a load balancer. Release or
#     disassociate Elastic IPs that are not needed.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-2
#   frameworks: {}
#   examples:
#     bad: '{"NetworkInterfaceId": "eni-1", "InterfaceType": "interface", "Association": {"PublicIp": "203.0.113.25"}}'
#     good: '{"NetworkInterfaceId": "eni-1", "InterfaceType": "interface", "PrivateIpAddress": "10.0.1.25"}'
package fgscan.rules.eni_public_ip

import rego.v1

deny contains finding if {
	address := input.resource.Association.PublicIp
	is_string(address)
	address != ""
	not managed
	finding := {
		"msg": concat("", ["has the public IP address ", address, "."]),
		"path": ["Association", "PublicIp"],
	}
}

managed if input.resource.InterfaceType in data.fgscan.params.eni_public_ip_exempt_types

# Application and Classic Load Balancer interfaces are of type `interface`.
managed if {
	is_string(input.resource.Description)
	startswith(input.resource.Description, "ELB ")
}
