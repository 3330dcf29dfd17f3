# METADATA
# title: EC2 capacity provider without managed termination protection
# description: >-
#   With managed scaling, an Auto Scaling group capacity provider scales in by terminating instances.
#   Without managed termination protection it may terminate instances that still run tasks, stopping
#   them without draining; AWS FSBP ECS.19 requires it to be enabled.
# scope: package
# custom:
#   id: FG-SVC-029
#   name: capacity-provider-no-termination-protection
#   severity: medium
#   rationale: Availability; running tasks are stopped during scale-in.
#   kinds: [ecs_capacity_provider]
#   remediation: >-
#     Set `autoScalingGroupProvider.managedTerminationProtection: ENABLED` (with managed scaling on and
#     instance scale-in protection on the Auto Scaling group).
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-19
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-termination-protection.html
#   frameworks:
#     aws-fsbp: [ECS.19]
#     nist-800-53: [CP-10, SC-5]
#   examples:
#     bad: '{"name": "ec2", "autoScalingGroupProvider": {"autoScalingGroupArn": "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:1:autoScalingGroupName/ecs", "managedTerminationProtection": "DISABLED"}}'
#     good: '{"name": "ec2", "autoScalingGroupProvider": {"autoScalingGroupArn": "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:1:autoScalingGroupName/ecs", "managedTerminationProtection": "ENABLED"}}'
package fgscan.rules.capacity_provider_no_termination_protection

import rego.v1

deny contains finding if {
	provider := input.resource.autoScalingGroupProvider
	is_object(provider)
	setting := object.get(provider, "managedTerminationProtection", "DISABLED")
	is_string(setting)
	upper(setting) == "DISABLED"
	finding := {
		"msg": "managed termination protection is off: scale-in may terminate instances that run tasks.",
		"path": _path(provider),
	}
}

_path(provider) := ["autoScalingGroupProvider", "managedTerminationProtection"] if {
	"managedTerminationProtection" in object.keys(provider)
}

_path(provider) := ["autoScalingGroupProvider"] if not "managedTerminationProtection" in object.keys(provider)
