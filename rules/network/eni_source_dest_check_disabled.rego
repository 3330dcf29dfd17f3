# METADATA
# title: Network interface has source/destination checking disabled
# description: >-
#   With `SourceDestCheck` false the interface accepts and sends traffic for addresses that are
#   not its own, so the workload behind it can route, spoof source addresses or intercept traffic
#   in the VPC. Only NAT instances, firewalls and VPN appliances need this. As in Security Hub's
#   EC2.180, interfaces AWS manages for other services (NAT gateways, load balancers, endpoints)
#   are out of scope; user interface types (`interface`, `branch`, `efa`, `lambda`, ...) and
#   templates are judged.
# scope: package
# custom:
#   id: FG-ENI-002
#   name: eni-source-dest-check-disabled
#   severity: medium
#   rationale: Lets a compromised workload act as a router or spoof addresses inside the VPC.
#   kinds: [ec2_network_interface]
#   remediation: >-
#     Set `SourceDestCheck` to true (`aws ec2 modify-network-interface-attribute --source-dest-check`);
#     replace NAT instances with a NAT gateway.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-180
#     - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/modify-network-interface-attributes.html
#   frameworks:
#     aws-fsbp: [EC2.180]
#   examples:
#     bad: '{"NetworkInterfaceId": "eni-1", "InterfaceType": "interface", "SourceDestCheck": false}'
#     good: '{"NetworkInterfaceId": "eni-1", "InterfaceType": "interface", "SourceDestCheck": true}'
package fgscan.rules.eni_source_dest_check_disabled

import rego.v1

# The interface types Security Hub's EC2.180 evaluates.
user_managed_types := {"aws_codestar_connections_managed", "branch", "efa", "interface", "lambda", "quicksight"}

deny contains finding if {
	input.resource.SourceDestCheck == false
	in_scope
	finding := {
		"msg": "source/destination checking is disabled.",
		"path": ["SourceDestCheck"],
	}
}

in_scope if not "InterfaceType" in object.keys(input.resource)

in_scope if input.resource.InterfaceType in user_managed_types
