# METADATA
# title: Container on EC2 has no hard memory limit
# description: >-
#   On EC2 (and ECS Anywhere) instances, a container whose task has no task-level `memory` and
#   which sets no container `memory` has no hard memory limit: `memoryReservation` is only a soft
#   reservation used for placement. A leak or a memory-exhaustion attack can then starve every
#   other task and the ECS agent on the instance. Fargate always enforces the task size.
# scope: package
# custom:
#   id: FG-CTR-030
#   name: missing-resource-limits
#   severity: low
#   rationale: A denial-of-service risk for neighbouring tasks on the same instance, with no data exposure.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Set a task-level `memory`, or a container `memory` hard limit (MiB) sized from observed
#     usage, keeping `memoryReservation` for the soft reservation if you want bursting.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_memory
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html
#   frameworks:
#     cis-docker: ["5.11"]
#     nist-800-53: [SC-6]
#   examples:
#     bad: '{"requiresCompatibilities": ["EC2"], "containerDefinitions": [{"name": "app", "memoryReservation": 256}]}'
#     good: '{"requiresCompatibilities": ["EC2"], "containerDefinitions": [{"name": "app", "memory": 512, "memoryReservation": 256}]}'
package fgscan.rules.missing_resource_limits

import data.fgscan.lib.task

# Imported as a rule, not read as task.on_instances: regorus's VM evaluates an undefined rule read through a package
# import at a cost of several microseconds per input (the common case: Fargate).
import data.fgscan.lib.task.on_instances
import rego.v1

deny contains finding if {
	on_instances
	not _set(input.resource, "memory")
	container := input.resource.containerDefinitions[i]
	task.known_object(container)
	not _set(container, "memory")
	finding := _finding(container, i)
}

_finding(container, i) := {
	"msg": concat("", [task.container(i, container), " has only a soft memoryReservation and no hard memory limit (neither container nor task memory)."]),
	"path": ["containerDefinitions", i, "memoryReservation"],
} if _set(container, "memoryReservation")

_finding(container, i) := {
	"msg": concat("", [task.container(i, container), " has no memory limit (neither container nor task memory)."]),
	"path": ["containerDefinitions", i, "name"],
} if not _set(container, "memoryReservation")

# Present and not empty or zero; a value known only at deploy time counts as set.
_set(obj, key) if {
	value := obj[key]
	not value in {null, "", 0, "0"}
}
