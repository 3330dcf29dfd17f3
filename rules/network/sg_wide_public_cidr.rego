# METADATA
# title: Security group admits a very wide public address range
# description: >-
#   An inbound rule admits a public (internet-routable) range broader than `wide_cidr_prefix` (/16,
#   65,536 IPv4 addresses) or `wide_cidr_prefix_ipv6` (/32): such ranges belong to ISPs and cloud
#   providers, so the rule trusts thousands of strangers, often as a typo for a narrower range.
#   The whole internet (0.0.0.0/0, ::/0) is left to the world-ingress rules; a single office
#   address never fires.
# scope: package
# custom:
#   id: FG-SG-024
#   name: sg-wide-public-cidr
#   severity: medium
#   rationale: Close to open to the internet, but limited to a provider's or region's address space.
#   kinds: [ec2_security_group]
#   remediation: >-
#     Replace the range with the exact addresses that need access (office egress IPs, a partner's
#     /28) or with a managed prefix list, or route the traffic through a load balancer or VPN.
#   references:
#     - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#     - https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html
#   frameworks: {}
#   examples:
#     bad: '{"IpPermissions": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "52.0.0.0/8"}]}]}'
#     good: '{"IpPermissions": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "198.51.100.0/28"}]}]}'
package fgscan.rules.sg_wide_public_cidr

import rego.v1

import data.fgscan.lib.network

limit(4) := data.fgscan.params.wide_cidr_prefix

limit(6) := data.fgscan.params.wide_cidr_prefix_ipv6

deny contains finding if {
	some entry in input.facts.permissions
	entry.direction == "ingress"
	entry.source_type == "cidr"
	entry.known == true
	entry.public == true
	entry.world == false
	entry.prefix < limit(entry.version)
	finding := {
		"msg": concat("", [
			"inbound ", network.traffic(entry), " from the public range ", entry.source, " (wider than /",
			sprintf("%d", [limit(entry.version)]), ").",
		]),
		"path": entry.path,
	}
}
