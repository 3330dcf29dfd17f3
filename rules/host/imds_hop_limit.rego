# METADATA
# title: Instance metadata hop limit lets containers reach it
# description: >-
#   The IMDSv2 token response carries an IP hop limit (`HttpPutResponseHopLimit`). With 1, the answer
#   dies at the Docker bridge, so containers in `bridge` mode cannot get a token and the instance
#   role stays out of their reach; with 2 or more they can. Tasks that need credentials should use
#   their task role instead.
# scope: package
# custom:
#   id: FG-HST-002
#   name: imds-hop-limit
#   severity: medium
#   rationale: Needs code execution or SSRF in a container, then yields the instance role.
#   kinds: [ec2_launch_template, autoscaling_launch_configuration]
#   remediation: >-
#     Set `MetadataOptions.HttpPutResponseHopLimit: 1`; give tasks a task role for AWS access.
#   references:
#     - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-metadata-v2-how-it-works.html
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-iam-roles.html
#   frameworks:
#     nist-800-53: [AC-3, SC-7]
#   examples:
#     bad: '{"LaunchTemplateData": {"MetadataOptions": {"HttpTokens": "required", "HttpPutResponseHopLimit": 2}}}'
#     good: '{"LaunchTemplateData": {"MetadataOptions": {"HttpTokens": "required", "HttpPutResponseHopLimit": 1}}}'
package fgscan.rules.imds_hop_limit

import rego.v1

# Imported as rules, not read through the package: regorus's VM evaluates every rule of a package read
# that way, for each input (about 100 us for a neighbourhood's lib.ingress).
import data.fgscan.lib.hosts.options
import data.fgscan.lib.hosts.options_path

deny contains finding if {
	limit := options.HttpPutResponseHopLimit
	is_number(limit)
	limit > 1
	finding := {
		"msg": sprintf("instance metadata hop limit is %d: containers in bridge mode can get IMDS tokens and the instance role.", [limit]),
		"path": array.concat(options_path, ["HttpPutResponseHopLimit"]),
	}
}
