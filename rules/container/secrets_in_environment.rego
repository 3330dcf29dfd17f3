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

params := data.fgscan.params

# Messages name the variable and the kind of secret, never the value.
deny contains finding if {
	some i, container in input.resource.containerDefinitions
	is_object(container)
	some j, variable in container.environment
	is_object(variable)
	is_string(variable.value)
	name := variable_name(variable, j)
	kind := secret_kind(name, variable.value)
	finding := {
		"msg": sprintf("container '%s' passes a secret in plain-text environment variable '%s' (%s).", [container.name, name, kind]),
		"path": ["containerDefinitions", i, "environment", j, "value"],
	}
}

variable_name(variable, _) := variable.name if is_string(variable.name)

variable_name(variable, j) := sprintf("#%d", [j]) if not is_string(variable.name)

# The first kind that applies: a known format, then a secret-like name, then randomness.
secret_kind(name, value) := kind if {
	kind := known_format(name, value)
} else := "literal value of a secret-named variable" if {
	named_secret(name, value)
} else := "high-entropy string" if {
	high_entropy(value)
}

known_format(name, value) := kinds[0] if {
	kinds := [p.name | some p in params.secret_patterns; format_matches(p, name, value)]
	count(kinds) > 0
}

format_matches(pattern, _, value) if {
	not pattern.name_regex
	regex.match(pattern.regex, value)
}

format_matches(pattern, name, value) if {
	regex.match(pattern.regex, value)
	regex.match(pattern.name_regex, upper(name))
}

# A secret-like name counts only when the value could be a secret: long enough, and not a number,
# a flag, a URL without credentials, a path, a reference or a placeholder (`secret_value_ignore`).
named_secret(name, value) if {
	regex.match(params.secret_name_regex, upper(name))
	count(trim_space(value)) >= params.secret_named_min_length
	not ignored_value(lower(trim_space(value)))
}

ignored_value(value) if {
	some pattern in params.secret_value_ignore
	regex.match(pattern, value)
}

# Random-looking tokens: long, high entropy (computed in Python), one token of key characters
# mixing upper case, lower case and digits, and no run of words (CamelCase names, slugs).
high_entropy(value) if {
	count(value) >= params.secret_min_length
	input.facts.entropy[value] >= params.secret_entropy_threshold
	regex.match(`^[A-Za-z0-9+/=_-]+$`, value)
	not startswith(value, "/")
	regex.match(`[a-z]`, value)
	regex.match(`[A-Z]`, value)
	regex.match(`[0-9]`, value)
	not regex.match(`[a-z]{5,}.*[a-z]{5,}`, value)
}
