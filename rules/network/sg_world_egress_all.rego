# METADATA
# title: Security group allows all outbound traffic to the internet
# description: >-
#   An outbound rule to 0.0.0.0/0 or ::/0 on every port (all protocols, or a TCP/UDP range
#   0-65535) lets a compromised task send data anywhere and fetch tools from anywhere. Tasks
#   usually need only HTTPS to AWS endpoints, a registry and a few named services. Groups created
#   without egress rules get this rule implicitly; only rules written out are reported, and not
#   those of a VPC's default group (sg-default-allows-traffic asks to remove them all).
# scope: package
# custom:
#   id: FG-SG-022
#   name: sg-world-egress-all
#   severity: low
#   rationale: Open egress eases exfiltration and command-and-control but is the AWS default and rarely exploited alone.
#   kinds: [ec2_security_group]
#   remediation: >-
#     Replace the rule with the egress the tasks need, e.g. tcp 443 to the VPC endpoints' security
#     group or a prefix list, and DNS to the VPC resolver; use VPC endpoints or a proxy for AWS APIs.
#   references:
#     - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#     - https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-network.html
#   frameworks: {}
#   examples:
#     bad: '{"IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}'
#     good: '{"IpPermissionsEgress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "PrefixListIds": [{"PrefixListId": "pl-1"}]}]}'
package fgscan.rules.sg_world_egress_all

import rego.v1

import data.fgscan.lib.network

deny contains finding if {
	not input.resource.GroupName == "default" # sg-default-allows-traffic asks to remove its rules
	some entry in input.facts.permissions
	entry.direction == "egress"
	entry.world == true
	entry.all_ports == true
	finding := {
		"msg": concat("", ["outbound ", network.traffic(entry), " to ", entry.source, " is allowed."]),
		"path": entry.path,
	}
}
