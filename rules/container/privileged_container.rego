# METADATA
# title: Container runs in privileged mode
# description: >-
#   A privileged container gets every Linux capability and access to the host's devices, so a
#   compromise of the container is a compromise of the host. Fargate refuses privileged
#   containers, but EC2 and external launch types run them.
# scope: package
# custom:
#   id: FG-CTR-001
#   name: privileged-container
#   severity: critical
#   rationale: Root on the container host, breaking the isolation every other control relies on.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Remove `privileged` or set it to false; grant only the specific capabilities the
#     workload needs with `linuxParameters.capabilities.add`.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-4
#   frameworks:
#     aws-fsbp: [ECS.4]
#     nist-800-53: [AC-2(1), AC-6(10)]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "agent", "image": "datadog/agent:7", "privileged": true}]}'
#     good: '{"containerDefinitions": [{"name": "agent", "image": "datadog/agent:7", "privileged": false}]}'
package fgscan.rules.privileged_container

import data.fgscan.lib.task
import rego.v1

deny contains finding if {
	container := input.resource.containerDefinitions[i]
	container.privileged == true
	finding := {
		"msg": concat("", [task.container(i, container), " runs in privileged mode."]),
		"path": ["containerDefinitions", i, "privileged"],
	}
}
