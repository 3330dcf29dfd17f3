# METADATA
# title: Security group allows all traffic from the internet
# description: >-
#   An ingress rule from 0.0.0.0/0 or ::/0 for all protocols (-1), or for every TCP or UDP port,
#   exposes every service listening on the tasks (debug endpoints, metrics, admin consoles,
#   databases in sidecars) to the whole internet. On a group attached only to load balancers, which
#   answer on their listener ports alone, the finding is medium and names the balancers and the
#   ports they listen on; on a group attached only to internal balancers, which have private
#   addresses alone, there is no finding.
# scope: package
# custom:
#   id: FG-SG-002
#   name: sg-world-ingress-all-traffic
#   severity: critical
#   rationale: Everything that listens is reachable from anywhere; the security group does nothing.
#   kinds: [ec2_security_group]
#   remediation: >-
#     Replace the rule with rules for the specific ports the service serves (usually only the
#     load balancer's security group should reach the tasks), and never use protocol -1 with a
#     world-open source.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19
#   frameworks:
#     aws-fsbp: [EC2.18, EC2.19]
#     nist-800-53: [AC-4, CM-7, SC-7]
#   examples:
#     bad: '{"IpPermissions": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}'
#     good: '{"IpPermissions": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}'
package fgscan.rules.sg_world_ingress_all_traffic

import rego.v1

# Imported as rules, not read through the package: regorus's VM evaluates every rule of a package read
# that way, for each input (about 100 us for a neighbourhood's lib.ingress).
import data.fgscan.lib.network.internal_balancers_only
import data.fgscan.lib.network.reach_note
import data.fgscan.lib.network.reach_severity

deny contains finding if {
	some permission in input.facts.permissions
	permission.direction == "ingress"
	permission.world == true
	permission.protocol == "all"
	not internal_balancers_only
	finding := object.union(
		{
			"msg": concat("", [
				"ingress from ", permission.source, " allows all traffic (every protocol and port).",
				reach_note,
			]),
			"path": permission.path,
		},
		reach_severity,
	)
}

deny contains finding if {
	some permission in input.facts.permissions
	permission.direction == "ingress"
	permission.world == true
	permission.protocol in {"tcp", "udp"}
	permission.all_ports == true
	not internal_balancers_only
	finding := object.union(
		{
			"msg": concat("", [
				"ingress from ", permission.source, " allows every ", permission.protocol, " port.",
				reach_note,
			]),
			"path": permission.path,
		},
		reach_severity,
	)
}
