# METADATA
# title: Container has no log configuration
# description: >-
#   A container without `logConfiguration.logDriver` sends its output nowhere you can read it on
#   Fargate, and only to the instance's local Docker log on EC2. Errors, access logs and the traces
#   of an intrusion are lost when the task stops.
# scope: package
# custom:
#   id: FG-CTR-023
#   name: logging-disabled
#   severity: medium
#   rationale: No direct exposure, but incidents can be neither detected nor investigated.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Add a `logConfiguration` with a log driver, usually `awslogs` (CloudWatch Logs) or
#     `awsfirelens`, with `"mode": "non-blocking"` and a `max-buffer-size` option.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-9
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html
#   frameworks:
#     aws-fsbp: [ECS.9]
#     nist-800-53: [AC-4(26), AU-2, AU-3, AU-6(3), AU-6(4), AU-10, AU-12, CA-7, SC-7(9), SI-7(8)]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "app"}]}'
#     good: '{"containerDefinitions": [{"name": "app", "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/app", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "app", "mode": "non-blocking"}}}]}'
package fgscan.rules.logging_disabled

import data.fgscan.lib.task
import rego.v1

deny contains finding if {
	container := input.resource.containerDefinitions[i]
	task.known_object(container)
	not "logConfiguration" in object.keys(container)
	finding := {
		"msg": concat("", [task.container(i, container), " has no log configuration, so its logs are not kept."]),
		"path": ["containerDefinitions", i, "name"],
	}
}

deny contains finding if {
	container := input.resource.containerDefinitions[i]
	task.known_object(container.logConfiguration)
	_no_driver(container.logConfiguration)
	finding := {
		"msg": concat("", [task.container(i, container), " has a log configuration without a log driver."]),
		"path": ["containerDefinitions", i, "logConfiguration"],
	}
}

_no_driver(config) if not "logDriver" in object.keys(config)

_no_driver(config) if config.logDriver in {null, ""}
