# METADATA
# title: Essential container has no health check
# description: >-
#   Without a `healthCheck` ECS knows only whether the process runs: a container that hangs, loses
#   its database or serves errors stays in service, and a deployment that never becomes healthy is
#   not rolled back by the circuit breaker until it crashes. Only essential containers are judged,
#   since their failure stops the task.
# scope: package
# custom:
#   id: FG-CTR-032
#   name: health-check-missing
#   severity: low
#   rationale: Availability, not confidentiality; a load balancer health check may cover part of it.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Add a `healthCheck` with a command the image can run (`["CMD-SHELL", "curl -f
#     http://localhost:8080/health || exit 1"]`), an interval, retries and a start period.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_healthcheck
#   frameworks:
#     nist-800-53: [SI-4]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "app", "essential": true}]}'
#     good: '{"containerDefinitions": [{"name": "app", "essential": true, "healthCheck": {"command": ["CMD", "/health"]}}]}'
package fgscan.rules.health_check_missing

import data.fgscan.lib.task
import rego.v1

# `essential` defaults to true.
deny contains finding if {
	container := input.resource.containerDefinitions[i]
	task.known_object(container)
	object.get(container, "essential", true) == true
	not "healthCheck" in object.keys(container)
	finding := {
		"msg": concat("", ["essential ", task.container(i, container), " has no health check."]),
		"path": ["containerDefinitions", i, "name"],
	}
}
