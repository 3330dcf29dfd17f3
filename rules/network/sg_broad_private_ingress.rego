# METADATA
# title: Security group admits all traffic from a large private range
# description: >-
#   An inbound rule allows every port (all protocols, or a TCP/UDP range 0-65535) from a private
#   range of `broad_private_prefix` (/16) or wider, such as 10.0.0.0/8 or the whole VPC. Any
#   compromised host in that range (another team's task, a peered VPC, a VPN client) can then
#   reach every service the group protects, which is how intrusions move laterally.
# scope: package
# custom:
#   id: FG-SG-025
#   name: sg-broad-private-ingress
#   severity: low
#   rationale: Needs a foothold inside the network first, but then removes the group as a barrier.
#   kinds: [ec2_security_group]
#   remediation: >-
#     Allow only the ports the service listens on, from the security groups of its callers (a load
#     balancer, an application tier) rather than from address ranges.
#   references:
#     - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#     - https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-network.html
#   frameworks: {}
#   examples:
#     bad: '{"IpPermissions": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}]}'
#     good: '{"IpPermissions": [{"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "UserIdGroupPairs": [{"GroupId": "sg-alb"}]}]}'
package fgscan.rules.sg_broad_private_ingress

import rego.v1

import data.fgscan.lib.network

deny contains finding if {
	some entry in input.facts.permissions
	entry.direction == "ingress"
	entry.source_type == "cidr"
	entry.private == true
	entry.prefix <= data.fgscan.params.broad_private_prefix
	entry.all_ports == true
	finding := {
		"msg": concat("", ["inbound ", network.traffic(entry), " from the private range ", entry.source, " is allowed."]),
		"path": entry.path,
	}
}
