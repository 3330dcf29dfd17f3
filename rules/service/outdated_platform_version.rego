# METADATA
# title: Fargate service runs an outdated platform version
# description: >-
#   A Fargate service, task set or task run (a `run-task` request, a scheduled
#   or Step Functions task) pinned to a platform version older than the latest misses the
#   kernel, container runtime and security fixes that only the newer version carries. `LATEST` or
#   no version at all follows the newest release and passes. The service alone does not say
#   whether its tasks run Linux or Windows: `platformFamily` (in describe-services output) decides
#   when present; otherwise a version on the Windows line (1.0.x) is compared with the Windows
#   latest and any other version with the Linux latest, so a Linux service pinned to 1.0.0 is only
#   reported when its `platformFamily` says LINUX.
# scope: package
# custom:
#   id: FG-SVC-020
#   name: outdated-platform-version
#   severity: medium
#   rationale: Missing platform patches widen the attack surface but need another flaw to exploit.
#   kinds: [ecs_service, ecs_task_set, ecs_task_run]
#   remediation: >-
#     Set `platformVersion` to `LATEST` (or remove it), or pin the current version from
#     `latest_platform_versions`, and redeploy the service with `--force-new-deployment`.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-10
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html
#   frameworks:
#     aws-fsbp: [ECS.10]
#     nist-800-53: [SI-2, SI-2(2), SI-2(4), SI-2(5)]
#   examples:
#     bad: '{"serviceName": "web", "launchType": "FARGATE", "platformVersion": "1.3.0"}'
#     good: '{"serviceName": "web", "launchType": "FARGATE", "platformVersion": "LATEST"}'
package fgscan.rules.outdated_platform_version

import rego.v1

deny contains finding if {
	fargate
	version := input.resource.platformVersion
	is_string(version)
	regex.match(`^[0-9]+(\.[0-9]+)*$`, version)
	latest := data.fgscan.params.latest_platform_versions[os]
	older(version, latest)
	finding := {
		"msg": sprintf("Fargate platform version %s is older than the latest %s version %s.", [version, os, latest]),
		"path": ["platformVersion"],
	}
}

fargate if input.resource.launchType == "FARGATE"

fargate if {
	item := input.resource.capacityProviderStrategy[_]
	item.capacityProvider in {"FARGATE", "FARGATE_SPOT"}
}

# No launch type and no strategy: the cluster's default strategy applies, and ECS accepts a
# platform version only for Fargate.
fargate if {
	not "launchType" in object.keys(input.resource)
	object.get(input.resource, "capacityProviderStrategy", []) == []
}

os := "windows" if {
	is_string(input.resource.platformFamily)
	startswith(upper(input.resource.platformFamily), "WINDOWS")
} else := "linux" if {
	is_string(input.resource.platformFamily)
} else := "windows" if {
	is_string(input.resource.platformVersion)
	regex.match(`^1\.0(\.[0-9]+)*$`, input.resource.platformVersion)
} else := "linux"

older(version, latest) if {
	have := [to_number(part) | some part in split(version, ".")]
	want := [to_number(part) | some part in split(latest, ".")]
	some i, wanted in want
	position(have, i) < wanted
	count([j | earlier := want[j]; j < i; position(have, j) != earlier]) == 0
}

position(parts, i) := parts[i] if {
	i < count(parts)
} else := 0
