# METADATA
# title: Security group opens a high-risk port to the internet
# description: >-
#   An inbound rule from 0.0.0.0/0 or ::/0 whose TCP range (or all traffic) covers a port that
#   Security Hub's EC2.19 lists as high risk: remote administration (SSH, Telnet, RDP, RPC, SMB),
#   mail, databases (MySQL, PostgreSQL, SQL Server), search engines (OpenSearch, Kibana) and
#   development servers. These services are scanned for continuously and are rarely meant to be
#   public. So that one opening gives one finding, the administration ports (`admin_ports`: 22,
#   3389) are left to sg-world-ingress-admin-port and rules open on every port to
#   sg-world-ingress-all-traffic. A group attached only to load balancers is not reported: a
#   balancer answers on its listener ports alone (sg-world-ingress-unauthorized-port judges such
#   rules).
# scope: package
# custom:
#   id: FG-SG-020
#   name: sg-world-ingress-high-risk-port
#   severity: critical
#   rationale: Internet-wide scanners find and brute-force or exploit these services within minutes.
#   kinds: [ec2_security_group]
#   remediation: >-
#     Remove the rule, or replace 0.0.0.0/0 and ::/0 with the security group of the caller (a load
#     balancer, a bastion) or a specific address range; reach administration ports through
#     Session Manager or ECS Exec instead.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19
#     - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#   frameworks:
#     aws-fsbp: [EC2.19]
#     nist-800-53: [AC-4, AC-4(21), CA-9(1), CM-2, CM-2(2), CM-7, SC-7, SC-7(11), SC-7(16), SC-7(21), SC-7(4), SC-7(5)]
#   examples:
#     bad: '{"IpPermissions": [{"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}'
#     good: '{"IpPermissions": [{"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "UserIdGroupPairs": [{"GroupId": "sg-app"}]}]}'
package fgscan.rules.sg_world_ingress_high_risk_port

import rego.v1

import data.fgscan.lib.network

# Imported as rules, not read through the package: regorus's VM evaluates every rule of a package read
# that way, for each input (about 100 us for a neighbourhood's lib.ingress).
import data.fgscan.lib.network.balancers_only
import data.fgscan.lib.network.reach_note
import data.fgscan.lib.network.reach_severity

deny contains finding if {
	some entry in input.facts.permissions
	entry.direction == "ingress"
	entry.world == true
	entry.ports_known == true
	entry.protocol == "tcp"
	entry.all_ports == false
	not balancers_only
	ports := network.covered(entry, data.fgscan.params.high_risk_ports) - {port | some port in data.fgscan.params.admin_ports}
	count(ports) > 0
	finding := object.union(
		{
			"msg": concat("", [
				"inbound ", network.traffic(entry), " from ", entry.source, " reaches high-risk ",
				plural(ports), network.port_list(ports), ".", reach_note,
			]),
			"path": entry.path,
		},
		reach_severity,
	)
}

plural(ports) := "port " if count(ports) == 1

plural(ports) := "ports " if count(ports) > 1
