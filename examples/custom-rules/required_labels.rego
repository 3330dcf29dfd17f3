# METADATA
# title: Container lacks a label every Acme workload must carry
# description: >-
#   Acme routes alerts and costs by Docker labels. A container without them has no owner on
#   call when it misbehaves and no budget to charge.
# scope: package
# custom:
#   id: ACME-CTR-001
#   name: acme-required-labels
#   severity: low
#   rationale: Ownership, not exposure, but it slows every incident response.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Add each label named in `acme_required_labels` to the container's `dockerLabels`.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html
#   frameworks:
#     acme-baseline: [OPS-4]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "app", "image": "app:1.4"}]}'
#     good: '{"containerDefinitions": [{"name": "app", "image": "app:1.4", "dockerLabels": {"team": "payments"}}]}'
package acme.rules.required_labels

import rego.v1

deny contains finding if {
	some i, container in input.resource.containerDefinitions
	some label in data.fgscan.params.acme_required_labels
	not has_label(container, label)
	finding := {
		"msg": sprintf("container '%s' has no '%s' label.", [container.name, label]),
		"path": ["containerDefinitions", i, "name"],
	}
}

has_label(container, label) if container.dockerLabels[label]
