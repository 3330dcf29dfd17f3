# METADATA
# title: Secret passed as a plain-text environment variable
# description: >-
#   Environment values are stored in the task definition in plain text: anyone who can describe
#   task definitions, read the CloudFormation template or the repository, or inspect the running
#   container sees them. fgscan judges the value itself: known key and token formats, private
#   keys, passwords in URLs, high-entropy strings, and literal values of variables named like
#   secrets (`*_PASSWORD`, `*_TOKEN`, `*_SECRET`, ...) that are not numbers, flags, plain URLs,
#   paths or references.
# scope: package
# custom:
#   id: FG-CTR-005
#   name: secrets-in-environment
#   severity: critical
#   rationale: A leaked credential gives direct access to whatever it protects, with no exploit needed.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Rotate the exposed credential, store it in AWS Secrets Manager or SSM Parameter Store
#     (SecureString) and reference it from the container's `secrets` list (`valueFrom`) instead of
#     `environment`; grant the execution role read access to that one secret.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-8
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
#   frameworks:
#     aws-fsbp: [ECS.8]
#     nist-800-53: [IA-5(7), SC-28]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "app", "environment": [{"name": "DB_PASSWORD", "value": "hunter2hunter2"}]}]}'
#     good: '{"containerDefinitions": [{"name": "app", "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db"}]}]}'
package fgscan.rules.secrets_in_environment

import rego.v1

import data.fgscan.lib.secrets

# Messages name the variable and the kind of secret, never the value.
deny contains finding if {
	container := input.resource.containerDefinitions[i]
	is_object(container)
	variable := container.environment[j]
	is_object(variable)
	is_string(variable.value)
	name := variable_name(variable, j)
	kind := secrets.secret_kind(name, variable.value)
	finding := {
		"msg": sprintf("container '%s' passes a secret in plain-text environment variable '%s' (%s).", [container.name, name, kind]),
		"path": ["containerDefinitions", i, "environment", j, "value"],
	}
}

variable_name(variable, _) := variable.name if is_string(variable.name)

variable_name(variable, j) := sprintf("#%d", [j]) if not is_string(variable.name)
