# METADATA
# title: Task shares the host's process namespace
# description: >-
#   With `pidMode: host` the task's containers see every process on the instance: they can read
#   other processes' command lines and environments (where secrets often sit) from /proc and,
#   with enough privileges, signal or trace them, including other tasks and the ECS agent.
# scope: package
# custom:
#   id: FG-TSK-020
#   name: host-pid-namespace
#   severity: high
#   rationale: Breaks process isolation from the host and neighbouring tasks and leaks their secrets through /proc.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Remove `pidMode`, or set it to `task` when the containers of one task need to see each
#     other's processes (for example a debugging or monitoring sidecar).
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-3
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_pidmode
#   frameworks:
#     aws-fsbp: [ECS.3]
#     cis-docker: ["5.16"]
#     nist-800-53: [CA-9(1), CM-2]
#   examples:
#     bad: '{"pidMode": "host", "containerDefinitions": [{"name": "app"}]}'
#     good: '{"pidMode": "task", "containerDefinitions": [{"name": "app"}]}'
package fgscan.rules.host_pid_namespace

import rego.v1

deny contains finding if {
	input.resource.pidMode == "host"
	finding := {
		"msg": "the task shares the host's process namespace (pidMode is host).",
		"path": ["pidMode"],
	}
}
