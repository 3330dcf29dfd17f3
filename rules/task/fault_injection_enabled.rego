# METADATA
# title: Fault injection is enabled on the task definition
# description: >-
#   `enableFaultInjection` (2024) opens an endpoint inside the task through which AWS Fault Injection
#   Service, or any process in the task, can add network latency, drop packets or stress the CPU. It
#   is meant for resilience tests; in a production task definition it lets whoever reaches that
#   endpoint degrade the service at will.
# scope: package
# custom:
#   id: FG-TSK-028
#   name: fault-injection-enabled
#   severity: low
#   rationale: Availability only, and only from inside the task or through FIS permissions.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Set `enableFaultInjection` to false outside test environments; register a separate task
#     definition revision for resilience experiments.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fault-injection.html
#   frameworks:
#     nist-800-53: [CM-7]
#   examples:
#     bad: '{"family": "web", "enableFaultInjection": true}'
#     good: '{"family": "web", "enableFaultInjection": false}'
package fgscan.rules.fault_injection_enabled

import rego.v1

deny contains finding if {
	input.resource.enableFaultInjection == true
	finding := {
		"msg": "fault injection is enabled: processes in the task can degrade its network and CPU on request.",
		"path": ["enableFaultInjection"],
	}
}
