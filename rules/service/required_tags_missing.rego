# METADATA
# title: Resource lacks a required tag
# description: >-
#   Tags are how an organisation finds a workload's owner, cost centre and data classification, and
#   what tag-based access control (`aws:ResourceTag`) and automation act on. AWS FSBP ECS.13-15 check
#   services, clusters and task definitions for the tag keys you require. The keys are the
#   `required_tags` parameter, empty (so the rule is off) unless you configure it.
# scope: package
# custom:
#   id: FG-SVC-028
#   name: required-tags-missing
#   severity: low
#   rationale: Governance and ownership, not a direct exposure.
#   kinds: [ecs_cluster, ecs_service, ecs_task_definition]
#   off_unless_configured: true
#   remediation: >-
#     Add the missing tag keys (`tags` on the resource, `Tags` in CloudFormation), or set
#     `propagateTags` and tag at the stack level.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-13
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-14
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-15
#   frameworks:
#     aws-fsbp: [ECS.13, ECS.14, ECS.15]
#     nist-800-53: [CM-8]
package fgscan.rules.required_tags_missing

import rego.v1

present contains key if {
	key := input.resource.tags[_].key
	is_string(key)
}

missing := sort({key | some key in data.fgscan.params.required_tags; not key in present})

deny contains finding if {
	count(missing) > 0
	finding := {
		"msg": concat("", ["lacks required tag(s) ", concat(", ", missing), "."]),
		"path": _where,
	}
}

_where := ["tags"] if is_array(input.resource.tags)

_where := [] if not is_array(input.resource.tags)
