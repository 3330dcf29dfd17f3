# METADATA
# title: Task does not use the awsvpc network mode
# description: >-
#   In `bridge` mode (the default on EC2 when `networkMode` is unset; Windows' `default` NAT mode
#   is the same) the task's containers share the instance's network interface and its security
#   groups with every other task on the instance: traffic cannot be filtered per task, VPC flow
#   logs cannot tell tasks apart, and containers can reach each other over the Docker bridge.
#   `awsvpc` gives each task its own interface and security groups. `host` mode is reported by
#   host-network-mode; `none` has no network to filter.
# scope: package
# custom:
#   id: FG-TSK-026
#   name: non-awsvpc-network-mode
#   severity: medium
#   rationale: Loses per-task network isolation and attribution, but does not expose anything by itself.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Set `networkMode` to `awsvpc` and give the service a `networkConfiguration` with its own
#     security groups; on EC2, enable ENI trunking if you need more tasks per instance.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html
#     - https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/networking-networkmode.html
#   frameworks:
#     nist-800-53: [AC-4, SC-7]
#   examples:
#     bad: '{"networkMode": "bridge", "containerDefinitions": [{"name": "app"}]}'
#     good: '{"networkMode": "awsvpc", "containerDefinitions": [{"name": "app"}]}'
package fgscan.rules.non_awsvpc_network_mode

import data.fgscan.lib.task

# Imported as a rule, not read as task.on_instances: regorus's VM evaluates an undefined rule read through a package
# import at a cost of several microseconds per input (the common case: Fargate).
import data.fgscan.lib.task.on_instances
import rego.v1

deny contains finding if {
	mode := input.resource.networkMode
	is_string(mode)
	lower(mode) in {"bridge", "default"}
	finding := {
		"msg": concat("", [
			"the task uses the ", lower(mode), " network mode, so its containers share the instance's ",
			"network interface and security groups.",
		]),
		"path": ["networkMode"],
	}
}

deny contains finding if {
	not "networkMode" in object.keys(input.resource)
	on_instances
	finding := {
		"msg": "the task sets no network mode, so on EC2 it uses bridge mode and shares the instance's network interface and security groups.",
		"path": _nearest,
	}
}

_nearest := ["family"] if "family" in object.keys(input.resource)

_nearest := [] if not "family" in object.keys(input.resource)
