# METADATA
# title: ECS Exec is enabled on the service or task run
# description: >-
#   With `enableExecuteCommand` on, anyone allowed `ecs:ExecuteCommand` on the cluster can open an
#   interactive shell in the running containers of the service or task run
#   (a `run-task` request, a scheduled or Step Functions task), as the container's user and with the
#   task role's credentials, bypassing the image and the deployment pipeline. Keep it off in
#   production and turn it on only for a debugging session.
# scope: package
# custom:
#   id: FG-SVC-021
#   name: ecs-exec-enabled
#   severity: medium
#   rationale: A shell in production containers needs only an IAM permission that is easy to over-grant.
#   kinds: [ecs_service, ecs_task_run]
#   remediation: >-
#     Set `enableExecuteCommand` to false (`aws ecs update-service --disable-execute-command
#     --force-new-deployment`). Where Exec is needed, scope `ecs:ExecuteCommand` to named clusters and
#     containers in IAM and log every session (cluster `executeCommandConfiguration`).
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec-best-practices.html
#   frameworks: {}
#   examples:
#     bad: '{"serviceName": "web", "enableExecuteCommand": true}'
#     good: '{"serviceName": "web", "enableExecuteCommand": false}'
package fgscan.rules.ecs_exec_enabled

import rego.v1

deny contains finding if {
	input.resource.enableExecuteCommand == true
	finding := {
		"msg": "ECS Exec is enabled: anyone with ecs:ExecuteCommand can open a shell in its containers.",
		"path": ["enableExecuteCommand"],
	}
}
