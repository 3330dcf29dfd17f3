# METADATA
# title: Task shares the host's IPC namespace
# description: >-
#   With `ipcMode: host` the task's containers share the instance's System V IPC objects and POSIX
#   message queues: they can read and corrupt shared memory segments of host processes and other
#   tasks, and exhaust the host's IPC limits.
# scope: package
# custom:
#   id: FG-TSK-021
#   name: host-ipc-namespace
#   severity: high
#   rationale: Breaks the isolation of shared memory between the task, the host and neighbouring tasks.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Remove `ipcMode` (each container then gets a private IPC namespace), or set it to `task`
#     when the containers of one task must share memory with each other.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_ipcmode
#     - https://docs.docker.com/reference/cli/docker/container/run/#ipc
#   frameworks:
#     cis-docker: ["5.17"]
#     nist-800-53: [SC-4, SC-39]
#   examples:
#     bad: '{"ipcMode": "host", "containerDefinitions": [{"name": "app"}]}'
#     good: '{"ipcMode": "task", "containerDefinitions": [{"name": "app"}]}'
package fgscan.rules.host_ipc_namespace

import rego.v1

deny contains finding if {
	input.resource.ipcMode == "host"
	finding := {
		"msg": "the task shares the host's IPC namespace (ipcMode is host).",
		"path": ["ipcMode"],
	}
}
