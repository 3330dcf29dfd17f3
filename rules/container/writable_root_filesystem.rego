# METADATA
# title: Container root filesystem is writable
# description: >-
#   Unless `readonlyRootFilesystem` is true, a process in the container can rewrite its own
#   binaries, drop tools and persist changes for as long as the task runs. A read-only root with
#   explicit volumes for the few paths that need writes makes tampering much harder.
# scope: package
# custom:
#   id: FG-CTR-003
#   name: writable-root-filesystem
#   severity: medium
#   rationale: Makes post-exploitation easier but does not by itself grant access or privileges.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Set `readonlyRootFilesystem` to true and mount a volume (or bind mount of an empty task
#     volume) at each path the application writes to, such as /tmp.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-5
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security
#   frameworks:
#     aws-fsbp: [ECS.5]
#     cis-docker: ["5.12"]
#     nist-800-53: [AC-6, CM-7]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "app", "readonlyRootFilesystem": false}]}'
#     good: '{"containerDefinitions": [{"name": "app", "readonlyRootFilesystem": true}]}'
package fgscan.rules.writable_root_filesystem

import data.fgscan.lib.task
import rego.v1

# Windows containers do not support a read-only root filesystem.
windows if { is_string(input.resource.runtimePlatform.operatingSystemFamily); startswith(upper(input.resource.runtimePlatform.operatingSystemFamily), "WINDOWS") }

deny contains finding if {
	not windows
	container := input.resource.containerDefinitions[i]
	task.known_object(container)
	not "readonlyRootFilesystem" in object.keys(container)
	finding := {
		"msg": concat("", [task.container(i, container), " does not set readonlyRootFilesystem, so its root filesystem is writable."]),
		"path": ["containerDefinitions", i, "name"],
	}
}

deny contains finding if {
	not windows
	container := input.resource.containerDefinitions[i]
	task.known_object(container)
	value := container.readonlyRootFilesystem
	value != true
	finding := {
		"msg": concat("", [task.container(i, container), " has a writable root filesystem (", reason(value), ")."]),
		"path": ["containerDefinitions", i, "readonlyRootFilesystem"],
	}
}

reason(false) := "readonlyRootFilesystem is false"

reason(value) := "readonlyRootFilesystem is only known at deploy time, so it is not proven true" if is_object(value)

reason(value) := "readonlyRootFilesystem is not true" if {
	value != false
	not is_object(value)
}
