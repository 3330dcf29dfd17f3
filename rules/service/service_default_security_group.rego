# METADATA
# title: Service or task run uses the VPC's default security group
# description: >-
#   An awsvpc service, task set or task run (a `run-task` request, a
#   scheduled or Step Functions task) that names no security groups gets the VPC's default group,
#   which every other resource created without a group also shares: by default it allows all
#   traffic between its members and all egress, so the tasks are reachable from unrelated
#   workloads and the group's rules cannot be tailored to the service.
# scope: package
# custom:
#   id: FG-SVC-024
#   name: service-default-security-group
#   severity: medium
#   rationale: Shared, usually permissive rules let unrelated workloads reach the tasks.
#   kinds: [ecs_service, ecs_task_set, ecs_task_run]
#   remediation: >-
#     Create a security group for the service or task run that allows only its load balancer (or callers) on the
#     container port, and list it in `networkConfiguration.awsvpcConfiguration.securityGroups`.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html
#     - https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
#   frameworks: {}
#   examples:
#     bad: '{"networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}}}'
#     good: '{"networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"], "securityGroups": ["sg-1"]}}}'
package fgscan.rules.service_default_security_group

import rego.v1

msg := "its awsvpc network configuration names no security group, so the VPC's default group is used."

deny contains finding if {
	awsvpc := input.resource.networkConfiguration.awsvpcConfiguration
	is_object(awsvpc)
	not intrinsic(awsvpc)
	not "securityGroups" in object.keys(awsvpc)
	finding := {"msg": msg, "path": ["networkConfiguration", "awsvpcConfiguration"]}
}

deny contains finding if {
	input.resource.networkConfiguration.awsvpcConfiguration.securityGroups in {null, []}
	finding := {"msg": msg, "path": ["networkConfiguration", "awsvpcConfiguration", "securityGroups"]}
}

intrinsic(value) if {
	count(value) == 1
	some key, _ in value
	key == "Ref"
}

intrinsic(value) if {
	count(value) == 1
	some key, _ in value
	startswith(key, "Fn::")
}
