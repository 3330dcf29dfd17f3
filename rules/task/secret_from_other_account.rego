# METADATA
# title: Container reads a secret owned by another AWS account
# description: >-
#   A `valueFrom` (container secrets, log driver secret options) or private registry
#   `credentialsParameter` that names a Secrets Manager secret or SSM parameter in another account
#   hands control of the value, and visibility of every read, to that account: whoever administers
#   it can change what the task receives or revoke it. That is sometimes the design (a central
#   secrets account), so the finding asks for a review.
# scope: package
# custom:
#   id: FG-TSK-027
#   name: secret-from-other-account
#   severity: low
#   rationale: Often deliberate (central secrets account); worth confirming the trust, not an exposure by itself.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Keep secrets in the workload's own account, or confirm the other account is your central
#     secrets account and restrict the secret's resource policy and KMS key policy to this task's
#     execution role (`aws:PrincipalArn`).
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html
#     - https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples_cross.html
#   frameworks:
#     nist-800-53: [AC-3, SC-28]
#   examples:
#     bad: '{"taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/app:1", "containerDefinitions": [{"name": "app", "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:210987654321:secret:db-AbCdEf"}]}]}'
#     good: '{"taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/app:1", "containerDefinitions": [{"name": "app", "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"}]}]}'
package fgscan.rules.secret_from_other_account

import data.fgscan.lib.task
import rego.v1

# The task's own account is looked for, and the container named, only when something is read from an ARN of an
# account (most tasks read nothing, most references are to the own account).
deny contains finding if {
	some ref in references
	other := account(ref.value)
	own := own_account
	other != own
	container := task.container(ref.container, input.resource.containerDefinitions[ref.container])
	finding := {
		"msg": concat("", [
			container, " reads ", ref.what, " from account ", other,
			", not the task definition's account ", own, ".",
		]),
		"path": ref.path,
	}
}

# The task definition's account: from its own ARN, else from its roles' ARNs.
own_account := a if {
	a := account(input.resource.taskDefinitionArn)
} else := a if {
	a := account(input.resource.executionRoleArn)
} else := a if {
	a := account(input.resource.taskRoleArn)
}

# The account id of an ARN (`arn:partition:service:region:account:resource`).
account(arn) := parts[4] if {
	is_string(arn)
	startswith(arn, "arn:")
	parts := split(arn, ":")
	count(parts) >= 6
	regex.match(`^[0-9]{12}$`, parts[4])
}

references contains {"container": i, "what": what, "value": value, "path": path} if {
	container := input.resource.containerDefinitions[i]
	secret := container.secrets[j]
	value := secret.valueFrom
	what := concat("", ["secret '", _name(secret), "'"])
	path := ["containerDefinitions", i, "secrets", j, "valueFrom"]
}

references contains {"container": i, "what": what, "value": value, "path": path} if {
	container := input.resource.containerDefinitions[i]
	secret := container.logConfiguration.secretOptions[j]
	value := secret.valueFrom
	what := concat("", ["log driver secret option '", _name(secret), "'"])
	path := ["containerDefinitions", i, "logConfiguration", "secretOptions", j, "valueFrom"]
}

references contains {"container": i, "what": "its registry credentials", "value": value, "path": path} if {
	container := input.resource.containerDefinitions[i]
	value := container.repositoryCredentials.credentialsParameter
	path := ["containerDefinitions", i, "repositoryCredentials", "credentialsParameter"]
}

_name(secret) := secret.name if is_string(secret.name)

_name(secret) := "?" if not is_string(secret.name)
