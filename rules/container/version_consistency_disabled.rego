# METADATA
# title: Image version consistency is disabled
# description: >-
#   Since 2024 ECS resolves each container's image tag to a digest when a deployment starts and runs
#   that exact image in every task of the deployment. With `versionConsistency: disabled` each task
#   pulls whatever the tag points to when it starts, so one deployment can run several images and an
#   image pushed under the same tag reaches production without a deployment or a review.
# scope: package
# custom:
#   id: FG-CTR-031
#   name: version-consistency-disabled
#   severity: low
#   rationale: Supply-chain hygiene; a retagged image runs unreviewed, but only after a push to the registry.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Remove `versionConsistency` (the default is `enabled`), or pin the image by digest.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html#deployment-container-image-stability
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_image
#   frameworks:
#     nist-800-53: [CM-2, SI-7]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "app", "image": "repo/app:1.2", "versionConsistency": "disabled"}]}'
#     good: '{"containerDefinitions": [{"name": "app", "image": "repo/app:1.2"}]}'
package fgscan.rules.version_consistency_disabled

import data.fgscan.lib.task
import rego.v1

deny contains finding if {
	container := input.resource.containerDefinitions[i]
	task.known_object(container)
	is_string(container.versionConsistency)
	lower(container.versionConsistency) == "disabled"
	finding := {
		"msg": concat("", [task.container(i, container), " disables version consistency: each task pulls whatever its image tag points to at start."]),
		"path": ["containerDefinitions", i, "versionConsistency"],
	}
}
