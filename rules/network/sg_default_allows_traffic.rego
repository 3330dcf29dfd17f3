# METADATA
# title: VPC default security group allows traffic
# description: >-
#   The default security group of a VPC has inbound or outbound rules. Every resource launched
#   without a security group (an ECS service with no `securityGroups`, for one) lands in this
#   group, whose out-of-the-box rules allow all traffic between its members and all egress, so
#   unrelated workloads can reach each other. CIS and Security Hub expect it to have no rules.
# scope: package
# custom:
#   id: FG-SG-023
#   name: sg-default-allows-traffic
#   severity: high
#   rationale: Anything launched without a group silently joins a shared, permissive network.
#   kinds: [ec2_security_group]
#   remediation: >-
#     Remove every inbound and outbound rule from the default group (it cannot be deleted) and give
#     each workload its own least-privilege group.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2
#     - https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
#   frameworks:
#     aws-fsbp: [EC2.2]
#     cis-aws: ["5.4"]
#     nist-800-53: [AC-4, AC-4(21), SC-7, SC-7(11), SC-7(16), SC-7(21), SC-7(4), SC-7(5)]
#   examples:
#     bad: '{"GroupName": "default", "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}'
#     good: '{"GroupName": "default", "IpPermissions": [], "IpPermissionsEgress": []}'
package fgscan.rules.sg_default_allows_traffic

import rego.v1

directions := {"IpPermissions": "an inbound", "IpPermissionsEgress": "an outbound"}

deny contains finding if {
	input.resource.GroupName == "default"
	some field, label in directions
	permission := input.resource[field][i]
	is_object(permission)
	"IpProtocol" in object.keys(permission)
	finding := {
		"msg": concat("", ["the VPC default security group has ", label, " rule; it should have none."]),
		"path": [field, i, "IpProtocol"],
	}
}
