# METADATA
# title: ECS container instances allow IMDSv1
# description: >-
#   Containers on EC2 container instances in `bridge` or `host` network mode reach the instance
#   metadata service, and through it the instance role's credentials (which can register and run any
#   task of the cluster). IMDSv1 answers a plain GET, so a server-side request forgery in any container
#   is enough to steal them; IMDSv2 needs a PUT for a session token first. Launch templates and
#   configurations that do not set `HttpTokens: required` allow IMDSv1 (unless the AMI demands v2).
# scope: package
# custom:
#   id: FG-HST-001
#   name: imds-v1-allowed
#   severity: high
#   rationale: >-
#     One SSRF in any container yields the instance role; medium when the setting is only absent,
#     since IMDSv2-only AMIs (Amazon Linux 2023) require v2 by default.
#   kinds: [ec2_launch_template, autoscaling_launch_configuration]
#   remediation: >-
#     Set `MetadataOptions.HttpTokens: required` (and `HttpPutResponseHopLimit: 1`) in the launch
#     template or configuration of the cluster's Auto Scaling group.
#   references:
#     - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-3
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-170
#   frameworks:
#     aws-fsbp: [AutoScaling.3, EC2.170]
#     nist-800-53: [AC-3, CM-2]
#   examples:
#     bad: '{"LaunchTemplateData": {"MetadataOptions": {"HttpTokens": "optional"}}}'
#     good: '{"LaunchTemplateData": {"MetadataOptions": {"HttpTokens": "required", "HttpPutResponseHopLimit": 1}}}'
package fgscan.rules.imds_v1_allowed

import rego.v1

# Imported as rules, not read through the package: regorus's VM evaluates every rule of a package read
# that way, for each input (about 100 us for a neighbourhood's lib.ingress).
import data.fgscan.lib.hosts.holder_path
import data.fgscan.lib.hosts.options
import data.fgscan.lib.hosts.options_path

deny contains finding if {
	is_string(options.HttpTokens)
	lower(options.HttpTokens) == "optional"
	finding := {
		"msg": "instance metadata allows IMDSv1 (HttpTokens optional): an SSRF in any container yields the instance role's credentials.",
		"path": array.concat(options_path, ["HttpTokens"]),
	}
}

deny contains finding if {
	is_object(options)
	not "HttpTokens" in object.keys(options)
	finding := {
		"msg": "HttpTokens is not set, so IMDSv1 is allowed unless the AMI requires IMDSv2: set HttpTokens to required.",
		"path": _nearest,
		"severity": "medium",
	}
}

_nearest := options_path if is_object(object.get(input.resource, options_path, null))

_nearest := holder_path if not is_object(object.get(input.resource, options_path, null))
