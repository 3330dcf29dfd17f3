# METADATA
# title: Security group opens a remote administration port to the internet
# description: >-
#   An ingress rule from 0.0.0.0/0 or ::/0 whose port range includes a remote administration
#   port (`admin_ports` in data.json: SSH 22 and RDP 3389 by default) lets anyone on the internet
#   try to log in. Such ports are scanned and brute-forced within minutes of being exposed. A rule
#   open on every port (or protocol -1) is left to sg-world-ingress-all-traffic, so it gives one finding.
#   A group attached only to load balancers is not reported: a balancer answers on its listener
#   ports alone and runs no login service (sg-world-ingress-unauthorized-port judges such rules).
# scope: package
# custom:
#   id: FG-SG-001
#   name: sg-world-ingress-admin-port
#   severity: high
#   rationale: >-
#     High, as Security Hub rates EC2.13/14/53/54: the exposure needs a listening login service,
#     which Fargate tasks rarely run; rules open to all traffic are critical (FG-SG-002).
#   kinds: [ec2_security_group]
#   remediation: >-
#     Remove the rule, or limit its source to a known administration range or a bastion's
#     security group; for shell access to Fargate tasks use ECS Exec (Session Manager) instead of
#     SSH.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-53
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-54
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
#   frameworks:
#     aws-fsbp: [EC2.13, EC2.14, EC2.53, EC2.54]
#     cis-aws: ["5.2", "5.3"]
#     nist-800-53: [AC-4, CM-7, SC-7]
#   examples:
#     bad: '{"IpPermissions": [{"IpProtocol": "tcp", "FromPort": 0, "ToPort": 1024, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}'
#     good: '{"IpPermissions": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/16"}]}]}'
package fgscan.rules.sg_world_ingress_admin_port

import rego.v1

# Imported as rules, not read through the package: regorus's VM evaluates every rule of a package read
# that way, for each input (about 100 us for a neighbourhood's lib.ingress).
import data.fgscan.lib.network.balancers_only
import data.fgscan.lib.network.reach_note
import data.fgscan.lib.network.reach_severity

deny contains finding if {
	some permission in input.facts.permissions
	permission.direction == "ingress"
	permission.world == true
	permission.protocol in {"tcp", "udp", "all"}
	permission.ports_known == true
	permission.all_ports == false # every port (or protocol -1) is sg-world-ingress-all-traffic's one finding
	not balancers_only
	reached := [port |
		some port in data.fgscan.params.admin_ports
		permission.from_port <= port
		port <= permission.to_port
	]
	count(reached) > 0
	finding := object.union(
		{
			"msg": concat("", [
				"ingress from ", permission.source, " reaches administration ", plural(reached), " ",
				concat(", ", [sprintf("%d", [port]) | some port in reached]), " (", traffic(permission), ").",
				reach_note,
			]),
			"path": permission.path,
		},
		reach_severity,
	)
}

plural(ports) := "port" if count(ports) == 1

plural(ports) := "ports" if count(ports) > 1

# Messages are built with concat: rego-cpp's sprintf quotes strings that come from concat or function arguments.
traffic(permission) := "all traffic" if permission.protocol == "all"

traffic(permission) := concat("", [permission.protocol, " port ", format_int(permission.from_port, 10)]) if {
	permission.protocol != "all"
	permission.from_port == permission.to_port
}

traffic(permission) := concat("", [
	permission.protocol, " ports ",
	format_int(permission.from_port, 10), "-", format_int(permission.to_port, 10),
]) if {
	permission.protocol != "all"
	permission.from_port != permission.to_port
}
