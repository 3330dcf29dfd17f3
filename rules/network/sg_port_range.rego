# METADATA
# title: Security group opens a wide port range
# description: >-
#   An inbound TCP or UDP rule from an address range opens more than `max_port_range` (100)
#   consecutive ports; services listen on a few known ports, so a range exposes whatever else
#   happens to listen. Rules whose source is a security group or a prefix list are not reported
#   (the peer is a known workload), nor ranges from the whole internet (sg-world-ingress-*
#   report them), nor every port from a large private range (sg-broad-private-ingress), nor
#   all-protocol rules. A public source makes the finding medium.
# scope: package
# custom:
#   id: FG-SG-026
#   name: sg-port-range
#   severity: low
#   rationale: Widens the exposure to unintended listeners; the source still limits who can connect.
#   kinds: [ec2_security_group]
#   remediation: >-
#     List the ports the service uses, one rule per port or short range, or reference the caller's
#     security group instead of an address range.
#   references:
#     - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#   frameworks: {}
#   examples:
#     bad: '{"IpPermissions": [{"IpProtocol": "tcp", "FromPort": 1024, "ToPort": 65535, "IpRanges": [{"CidrIp": "10.1.0.0/24"}]}]}'
#     good: '{"IpPermissions": [{"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8081, "IpRanges": [{"CidrIp": "10.1.0.0/24"}]}]}'
package fgscan.rules.sg_port_range

import rego.v1

import data.fgscan.lib.network

import data.fgscan.params

deny contains finding if {
	some entry in input.facts.permissions
	entry.direction == "ingress"
	entry.source_type == "cidr"
	entry.known == true
	entry.world == false
	entry.protocol in {"tcp", "udp"}
	entry.ports_known == true
	network.width(entry) > params.max_port_range
	not broad_private(entry)
	finding := object.union(
		{
			"msg": concat("", [
				"inbound ", network.traffic(entry), " from ", entry.source, " opens ",
				sprintf("%d", [network.width(entry)]), " ports (more than ", sprintf("%d", [params.max_port_range]), ").",
			]),
			"path": entry.path,
		},
		severity(entry),
	)
}

# Reported by sg-broad-private-ingress.
broad_private(entry) if {
	entry.all_ports == true
	entry.private == true
	entry.prefix <= params.broad_private_prefix
}

severity(entry) := {"severity": "medium"} if entry.public == true

severity(entry) := {} if entry.public != true
