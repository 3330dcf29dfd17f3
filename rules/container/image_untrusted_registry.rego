# METADATA
# title: Container image comes from a registry outside the allow-list
# description: >-
#   Images pulled from public registries such as Docker Hub are published by anyone, can be
#   typo-squatted or replaced, are not covered by your ECR scanning and replication, and are
#   subject to pull rate limits that stall deployments. Keeping images in registries you control
#   (ECR, or an approved mirror) is the base of supply-chain control.
# scope: package
# custom:
#   id: FG-CTR-026
#   name: image-untrusted-registry
#   severity: medium
#   rationale: An unvetted publisher's code runs with the task's role and secrets; exploitation needs a malicious or hijacked image.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Copy the image into a private ECR repository (or ECR pull-through cache) and reference it
#     there, or add your approved registry to the `allowed_registries` parameter (glob patterns,
#     `*` matching within one DNS label, e.g. `registry.example.com` or `*.dkr.ecr.*.amazonaws.com`).
#   references:
#     - https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_image
#   frameworks:
#     cis-docker: ["4.2"]
#     nist-800-53: [CM-7(5), SR-3]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "app", "image": "nginx:1.27"}]}'
#     good: '{"containerDefinitions": [{"name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/nginx:1.27"}]}'
package fgscan.rules.image_untrusted_registry

import data.fgscan.lib.task
import rego.v1

# The registry of each image comes from `input.facts.images` (`scanner.facts.images`): an image known only at
# deploy time has no entry, a registry hidden by a `${...}` placeholder is null.
deny contains finding if {
	some image in input.facts.images
	image.registry in _outside
	i := image.container
	container := input.resource.containerDefinitions[i]
	finding := {
		# concat, not sprintf: regopy's sprintf quotes strings computed by built-ins such as lower().
		"msg": concat("", [task.container(i, container), " pulls its image from '", image.registry, "', outside the allowed registries."]),
		"path": ["containerDefinitions", i, "image"],
	}
}

# The task's registries outside the allow-list, each judged once: a pattern without glob syntax is compared as
# text, only the others are matched (glob.match compiles its pattern at every call).
_outside := {registry |
	some registry in _registries
	not registry in _literal_patterns
	not _matches_a_glob(registry)
}

# Each registry once: a glob.match costs about 20 us on regorus's VM (it compiles the pattern at every call,
# even with the same arguments), and a task's containers mostly pull from one registry.
_registries := {registry |
	some image in input.facts.images
	registry := image.registry
	is_string(registry)
}

_patterns := {lower(p) | some p in data.fgscan.params.allowed_registries}

_literal_patterns := {p | some p in _patterns; not regex.match(`[*?\[\]{}\\]`, p)}

_matches_a_glob(registry) if {
	some pattern in _patterns
	not pattern in _literal_patterns
	glob.match(pattern, ["."], registry)
}
