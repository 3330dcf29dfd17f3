# METADATA
# title: Task role and execution role are the same role
# description: >-
#   The execution role is used by the ECS agent to pull images, write logs and read the secrets
#   injected into containers; the task role is what the application's code gets. Sharing one role
#   hands the application every secret and repository the agent can read, and makes least
#   privilege impossible for either.
# scope: package
# custom:
#   id: FG-TSK-002
#   name: task-execution-role-shared
#   severity: medium
#   rationale: Widens what a compromised application can reach, but only by the agent's own permissions.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Create a separate execution role with only `AmazonECSTaskExecutionRolePolicy` (plus read
#     access to this task's secrets) and give `taskRoleArn` a role scoped to what the application
#     calls.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html
#   frameworks:
#     nist-800-53: [AC-5, AC-6]
#   examples:
#     bad: '{"taskRoleArn": "arn:aws:iam::123456789012:role/app", "executionRoleArn": "arn:aws:iam::123456789012:role/app"}'
#     good: '{"taskRoleArn": "arn:aws:iam::123456789012:role/app-task", "executionRoleArn": "arn:aws:iam::123456789012:role/app-execution"}'
package fgscan.rules.task_execution_role_shared

import rego.v1

deny contains finding if {
	same_role
	finding := {
		"msg": "the task role and the execution role are the same role, so the application gets the agent's access to images, logs and secrets.",
		"path": ["executionRoleArn"],
	}
}

# The same ARN or name, or the same CloudFormation `Ref`/`GetAtt` target (resolved in `input.links`).
same_role if {
	input.links.task_role == input.links.execution_role
	input.links.task_role != ""
}

same_role if {
	input.resource.taskRoleArn == input.resource.executionRoleArn
	not input.resource.taskRoleArn in {null, ""}
}

# A role name on one side and an ARN ending in that name on the other.
same_role if name_matches_arn(input.resource.taskRoleArn, input.resource.executionRoleArn)

same_role if name_matches_arn(input.resource.executionRoleArn, input.resource.taskRoleArn)

name_matches_arn(name, arn) if {
	is_string(name)
	not startswith(name, "arn:")
	is_string(arn)
	contains(arn, ":role/")
	endswith(arn, concat("", ["/", name]))
}
