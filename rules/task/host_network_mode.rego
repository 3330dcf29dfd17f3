# METADATA
# title: Task uses the host network mode
# description: >-
#   With `networkMode: host` the task's containers share the host's network stack: they can bind
#   any host port, reach services listening on the host's loopback interface (including the
#   instance metadata and agent endpoints) and see other tasks' traffic, and security groups no
#   longer apply per task.
# scope: package
# custom:
#   id: FG-TSK-001
#   name: host-network-mode
#   severity: high
#   rationale: Removes network isolation between the task, the host and the other tasks on it.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Use `networkMode: awsvpc` (the only mode on Fargate) so each task gets its own network
#     interface and security groups; publish ports with `portMappings` instead.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-17
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html
#   frameworks:
#     aws-fsbp: [ECS.17]
#     nist-800-53: [AC-4, SC-7]
#   examples:
#     bad: '{"networkMode": "host", "containerDefinitions": [{"name": "app"}]}'
#     good: '{"networkMode": "awsvpc", "containerDefinitions": [{"name": "app"}]}'
package fgscan.rules.host_network_mode

import rego.v1

deny contains finding if {
	input.resource.networkMode == "host"
	finding := {
		"msg": "the task shares the host's network stack (networkMode is host).",
		"path": ["networkMode"],
	}
}
