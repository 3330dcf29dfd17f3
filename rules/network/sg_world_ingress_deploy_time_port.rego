# METADATA
# title: Security group opens a port chosen at deploy time to the internet
# description: >-
#   An inbound TCP or UDP rule from 0.0.0.0/0 or ::/0 whose port is set only at deploy time: a
#   CloudFormation parameter without a default (`FromPort: !Ref Port`), a Terraform variable without
#   one (`from_port = var.port`), another stack's output. Whatever port the deployment picks is open
#   to everyone, and nothing in the input shows it is one of the authorized ports
#   (`authorized_world_ports`, 80 and 443 by default), so the other world-ingress rules, which judge
#   only known ports, cannot vouch for it. Scanning with the deploy-time values (`--parameter`,
#   `*.tfvars`, a Terraform plan) resolves the port and hands the rule to them. A group attached only
#   to load balancers, which answer on their listener ports alone, is not reported.
# scope: package
# custom:
#   id: FG-SG-028
#   name: sg-world-ingress-deploy-time-port
#   severity: medium
#   rationale: >-
#     Medium: the opening is real but its port may be an authorized one; a known unauthorized port
#     is high (FG-SG-021).
#   kinds: [ec2_security_group]
#   remediation: >-
#     Admit only the load balancer's security group instead of 0.0.0.0/0 and ::/0, or fix the port in
#     the template; to have the port judged, scan with the value the deployment uses (`--parameter
#     Port=443`, a `*.tfvars` file or a Terraform plan).
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18
#     - https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
#   frameworks:
#     aws-fsbp: [EC2.18]
#     nist-800-53: [AC-4, SC-7, SC-7(5)]
#   examples:
#     bad: '{"IpPermissions": [{"IpProtocol": "tcp", "FromPort": {"Ref": "Port"}, "ToPort": {"Ref": "Port"}, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}'
#     good: '{"IpPermissions": [{"IpProtocol": "tcp", "FromPort": {"Ref": "Port"}, "ToPort": {"Ref": "Port"}, "IpRanges": [{"CidrIp": "10.0.0.0/16"}]}]}'
package fgscan.rules.sg_world_ingress_deploy_time_port

import rego.v1

import data.fgscan.lib.network

# Imported as rules, not read through the package: regorus's VM evaluates an undefined rule read through
# a package import at a cost of several microseconds per input (the common case).
import data.fgscan.lib.network.balancers_only
import data.fgscan.lib.task

deny contains finding if {
	some entry in input.facts.permissions
	entry.direction == "ingress"
	entry.world == true
	entry.ports_known == false
	_has_ports(entry)
	not balancers_only
	at := _unresolved_port(entry.permission_path)
	finding := {
		"msg": concat("", [
			"inbound ", _protocol(entry), " from ", entry.source, " on a port set only at deploy time (",
			_written(object.get(input.resource, at, null)), "): nothing shows it is one of the authorized ",
			_listing(entry.protocol), ".",
		]),
		"path": at,
	}
}

_written(value) := text if {
	text := task.written(value)
} else := "a value set at deploy time"

_has_ports(entry) if entry.protocol in {"tcp", "udp"}

_has_ports(entry) if entry.protocol_known == false

_protocol(entry) := entry.protocol if is_string(entry.protocol)

_protocol(entry) := "traffic on an unresolved protocol" if not is_string(entry.protocol)

# The rule's first port that is not a number: its `FromPort`, else its `ToPort`.
_unresolved_port(permission) := path if {
	path := array.concat(permission, ["FromPort"])
	not is_number(object.get(input.resource, path, null))
} else := array.concat(permission, ["ToPort"])

_listing(protocol) := _ports(data.fgscan.params.authorized_world_udp_ports) if protocol == "udp"

_listing(protocol) := _ports(data.fgscan.params.authorized_world_ports) if protocol != "udp" # null too

_ports(ports) := "ports (none)" if count(ports) == 0

_ports(ports) := concat("", ["ports (", network.port_list(ports), ")"]) if count(ports) > 0
