# METADATA
# title: Tasks get a public IP address
# description: >-
#   With `assignPublicIp: ENABLED` every task of the service, task set or task run (a `run-task`
#   request, a scheduled or Step Functions task) gets a public IPv4 address. In a public subnet the tasks are then reachable from the internet directly,
#   bypassing the load balancer, and only their security groups stand between them and every
#   scanner on the internet.
# scope: package
# custom:
#   id: FG-SVC-001
#   name: public-ip-assigned
#   severity: high
#   rationale: Puts the tasks themselves on the internet; one security group mistake exposes them.
#   kinds: [ecs_service, ecs_task_set, ecs_task_run]
#   remediation: >-
#     Set `assignPublicIp` to DISABLED, run the tasks in private subnets, reach them through a
#     load balancer and give them outbound access through a NAT gateway or VPC endpoints.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-2
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-16
#   frameworks:
#     aws-fsbp: [ECS.2, ECS.16]
#     nist-800-53: [AC-4, AC-21, SC-7, SC-7(3)]
#   examples:
#     bad: '{"networkConfiguration": {"awsvpcConfiguration": {"assignPublicIp": "ENABLED", "subnets": ["subnet-1"]}}}'
#     good: '{"networkConfiguration": {"awsvpcConfiguration": {"assignPublicIp": "DISABLED", "subnets": ["subnet-1"]}}}'
package fgscan.rules.public_ip_assigned

import rego.v1

deny contains finding if {
	setting := input.resource.networkConfiguration.awsvpcConfiguration.assignPublicIp
	is_string(setting)
	upper(setting) == "ENABLED"
	finding := {
		"msg": "its tasks get a public IP address (assignPublicIp is ENABLED).",
		"path": ["networkConfiguration", "awsvpcConfiguration", "assignPublicIp"],
	}
}
