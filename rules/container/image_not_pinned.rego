# METADATA
# title: Container image is not pinned by digest
# description: >-
#   A tag is a movable pointer: whoever can push to the repository (or a compromised upstream) can
#   change what `:1.2` or `:latest` means, and the next task launch runs it with the task's role and
#   secrets. Only a content digest (`@sha256:...`) names one exact image. `latest` or no tag at all
#   also makes rollbacks and audits guesswork.
# scope: package
# custom:
#   id: FG-CTR-025
#   name: image-not-pinned
#   severity: low
#   rationale: >-
#     Supply-chain hygiene rather than an open door: low for a version tag, medium when the tag is
#     `latest` or missing, since then every launch may run different code.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Reference the image by digest, keeping the tag for readers if you like:
#     `repo:1.4.2@sha256:<digest>`. Resolve the digest in your pipeline (`docker buildx imagetools
#     inspect`, `aws ecr describe-images`) and register a new revision for each release.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_image
#     - https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier
#   frameworks:
#     nist-800-53: [CM-2, SI-7]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "app", "image": "nginx:latest"}]}'
#     good: '{"containerDefinitions": [{"name": "app", "image": "public.ecr.aws/nginx/nginx:1.27@sha256:6af79ae5de407283dcea8b00d5c37ace95441fd58a8b1d2aa1ed93f5511bb18c"}]}'
package fgscan.rules.image_not_pinned

import data.fgscan.lib.task
import rego.v1

# The tag state of each image comes from `input.facts.images` (`scanner.facts.images`): an image known only at
# deploy time has no entry, a tag or digest hidden by a `${...}` placeholder has a null state.
deny contains finding if {
	some image in input.facts.images
	not image.pinned
	state := image.tag_state
	is_string(state)
	i := image.container
	container := input.resource.containerDefinitions[i]
	finding := object.union(
		{
			"msg": concat("", [task.container(i, container), " image ", _what[state], "."]),
			"path": ["containerDefinitions", i, "image"],
		},
		_severity[state],
	)
}

_what := {
	"tag": "is pinned by tag only, not by digest",
	"latest": "uses the 'latest' tag and no digest",
	"none": "has no tag (so 'latest') and no digest",
}

_severity := {"tag": {}, "latest": {"severity": "medium"}, "none": {"severity": "medium"}}
