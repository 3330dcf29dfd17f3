# METADATA
# title: Security group opens an unauthorized port to the internet
# description: >-
#   An inbound rule from 0.0.0.0/0 or ::/0 opens TCP ports other than the authorized ones
#   (`authorized_world_ports`, 80 and 443 by default), any UDP port not in
#   `authorized_world_udp_ports`. A range counts when any port in it is unauthorized: 80-443
#   opens 81 to 442. So that one opening gives one finding, TCP ports in `high_risk_ports` are
#   left to sg-world-ingress-high-risk-port, administration ports (`admin_ports`) to
#   sg-world-ingress-admin-port and rules open on every port to sg-world-ingress-all-traffic;
#   ICMP and other port-less protocols are out of scope. On a group attached only to load
#   balancers, which answer on their listener ports alone, every port outside the authorized ones
#   counts (the high-risk and administration port rules are silent there) and the finding is
#   medium, naming the balancers and the ports they listen on. A group attached only to internal
#   balancers, which have private addresses alone, is not open to the internet: the rule is silent.
# scope: package
# custom:
#   id: FG-SG-021
#   name: sg-world-ingress-unauthorized-port
#   severity: high
#   rationale: Every port open to the internet beyond the web ports is attack surface nobody reviewed.
#   kinds: [ec2_security_group]
#   remediation: >-
#     Narrow the rule to the authorized ports, or replace 0.0.0.0/0 and ::/0 with the caller's
#     security group or address range. Put public services behind a load balancer that listens on
#     80/443 only.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18
#     - https://docs.aws.amazon.com/config/latest/developerguide/vpc-sg-open-only-to-authorized-ports.html
#   frameworks:
#     aws-fsbp: [EC2.18]
#     nist-800-53: [AC-4, AC-4(21), SC-7, SC-7(11), SC-7(16), SC-7(21), SC-7(4), SC-7(5)]
#   examples:
#     bad: '{"IpPermissions": [{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}'
#     good: '{"IpPermissions": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}'
package fgscan.rules.sg_world_ingress_unauthorized_port

import rego.v1

import data.fgscan.lib.network

# Imported as rules, not read through the package: regorus's VM evaluates every rule of a package read
# that way, for each input (about 100 us for a neighbourhood's lib.ingress).
import data.fgscan.lib.network.balancers_only
import data.fgscan.lib.network.internal_balancers_only
import data.fgscan.lib.network.reach_note
import data.fgscan.lib.network.reach_severity

deny contains finding if {
	some entry in input.facts.permissions
	entry.direction == "ingress"
	entry.world == true
	entry.ports_known == true
	entry.all_ports == false
	not internal_balancers_only
	count(network.covered(entry, allowed(entry.protocol))) < network.width(entry)
	finding := object.union(
		{
			"msg": concat("", [
				"inbound ", network.traffic(entry), " from ", entry.source, " opens ports outside the authorized ",
				listing(authorized(entry.protocol)), ".", reach_note,
			]),
			"path": entry.path,
		},
		reach_severity,
	)
}

# Ports an inbound world rule may cover without this rule firing: the authorized ones, and those another
# rule reports (not on a group only load balancers use, where those rules are silent).
allowed(protocol) := accepted(protocol) | {port | some port in data.fgscan.params.admin_ports} if not balancers_only

allowed(protocol) := {port | some port in authorized(protocol)} if balancers_only

# Ports an inbound world rule may cover without this rule firing (undefined: out of scope).
accepted("tcp") := {port | some port in data.fgscan.params.authorized_world_ports} | {port | some port in data.fgscan.params.high_risk_ports}

accepted("udp") := {port | some port in data.fgscan.params.authorized_world_udp_ports}

authorized("tcp") := data.fgscan.params.authorized_world_ports

authorized("udp") := data.fgscan.params.authorized_world_udp_ports

listing(ports) := "(none)" if count(ports) == 0

listing(ports) := concat("", ["(", network.port_list(ports), ")"]) if count(ports) > 0
