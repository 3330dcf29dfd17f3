# METADATA
# title: ECS task role trust policy lacks a confused-deputy condition
# description: >-
#   A role that trusts `ecs-tasks.amazonaws.com` without an `aws:SourceAccount` or `aws:SourceArn`
#   condition can be assumed by ECS on behalf of tasks in any account that learns its ARN (the
#   cross-service confused deputy). AWS recommends both conditions for task roles. A role known to be
#   used only as an execution role is not reported, nor one used by no task definition of the input
#   that carries AmazonECSTaskExecutionRolePolicy: AWS documents the conditions for task roles.
# scope: package
# custom:
#   id: FG-IAM-005
#   name: iam-trust-policy-unscoped
#   severity: medium
#   rationale: Needs the role ARN and an ECS task in another account, but then grants the role's permissions.
#   kinds: [iam_role]
#   remediation: >-
#     Add `"Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:ecs:REGION:ACCOUNT:*"},
#     "StringEquals": {"aws:SourceAccount": "ACCOUNT"}}` to the trust statement for ecs-tasks.amazonaws.com.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
#   frameworks:
#     nist-800-53: [AC-3, AC-6]
#   examples:
#     bad: '{"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}'
#     good: '{"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}}'
package fgscan.rules.iam_trust_policy_unscoped

import rego.v1

import data.fgscan.lib.iam

import data.fgscan.params

execution_only if input.facts.roles_as == ["execution"]

# Not linked to a task definition in the input, but carrying the execution role's managed policy.
execution_only if {
	count(input.facts.roles_as) == 0
	some m in input.facts.managed
	m.name == "service-role/AmazonECSTaskExecutionRolePolicy"
}

hits contains [path, text] if {
	not execution_only
	some t in input.facts.trust
	t.effect == "Allow"
	some service in t.services
	service in params.iam_trust_ecs_services
	not guarded(t)
	text := concat("", ["the trust policy lets ", service, " assume the role without an aws:SourceAccount or aws:SourceArn condition"])
	path := t.path
}

guarded(t) if {
	some key in t.condition_keys
	key in params.iam_trust_confused_deputy_keys
}

deny := iam.findings(hits)
