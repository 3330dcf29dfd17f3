# METADATA
# title: Security group rule has no description
# description: >-
#   An inbound or outbound rule source (CIDR, security group or prefix list) has no
#   `Description`. Without one, reviewers cannot tell why the rule exists or who owns it, so
#   obsolete openings are never removed. A description known only at deploy time counts as
#   present; a VPC's default group is left to sg-default-allows-traffic.
# scope: package
# custom:
#   id: FG-SG-027
#   name: sg-rule-missing-description
#   severity: low
#   rationale: A hygiene gap that lets stale rules survive review, not an opening itself.
#   kinds: [ec2_security_group]
#   remediation: >-
#     Add a `Description` to every rule saying what it is for and who asked for it (e.g. "ALB to
#     web tier, team-payments").
#   references:
#     - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#   frameworks: {}
#   examples:
#     bad: '{"IpPermissions": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}'
#     good: '{"IpPermissions": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "public HTTPS"}]}]}'
package fgscan.rules.sg_rule_missing_description

import rego.v1

import data.fgscan.lib.network

labels := {"ingress": ["inbound rule for ", " from "], "egress": ["outbound rule for ", " to "]}

deny contains finding if {
	not input.resource.GroupName == "default" # sg-default-allows-traffic asks to remove its rules
	some entry in input.facts.permissions
	# the source object ([field, i, listing, j]); object.get is several times faster in rego-cpp than indexing
	item := object.get(input.resource, array.slice(entry.path, 0, 4), null)
	is_object(item)
	not described(item)
	finding := {
		"msg": concat("", [
			labels[entry.direction][0], network.traffic(entry), labels[entry.direction][1], network.source(entry),
			" has no description.",
		]),
		"path": entry.path,
	}
}

described(item) if {
	is_string(item.Description)
	trim_space(item.Description) != ""
}

described(item) if is_object(item.Description)
