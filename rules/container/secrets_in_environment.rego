# METADATA
# title: Secret passed as a plain-text environment variable
# description: >-
#   Environment values are stored in the task definition in plain text: anyone who can describe
#   task definitions, read the CloudFormation template or the repository, or inspect the running
#   container sees them. fgscan judges the value itself: known key and token formats, private
#   keys, passwords in URLs, high-entropy strings, and literal values of variables named like
#   secrets (`*_PASSWORD`, `*_TOKEN`, `*_SECRET`, ...), however short, that are not numbers, flags,
#   plain URLs, paths or references. Variables that always hold credentials (`always_secret_names`:
#   `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `ECS_ENGINE_AUTH_DATA`, as FSBP ECS.8 lists) are a
#   finding whatever their value. So is a CloudFormation dynamic reference to Secrets Manager
#   (`{{resolve:secretsmanager:...}}`) as an environment value: CloudFormation resolves it at deploy
#   time and writes the secret's value into the task definition. A variable named like a secret
#   whose value the deployer passes in (a Terraform input variable, a template parameter with no
#   default, `NoEcho` or not) is one too: whatever is passed is stored in plain text.
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

import data.fgscan.lib.task
import rego.v1

import data.fgscan.lib.secrets

# Messages name the variable and the kind of secret, never the value.
deny contains finding if {
	container := input.resource.containerDefinitions[i]
	task.known_object(container)
	variable := container.environment[j]
	is_object(variable)
	not _resolved_secret(i, j) # the next entry's finding
	name := variable_name(variable, j)
	kind := secret_kind(name, object.get(variable, "value", null))
	finding := {
		"msg": concat("", [task.container(i, container), " passes a secret in plain-text environment variable '", name, "' (", kind, ")."]),
		"path": ["containerDefinitions", i, "environment", j, "value"],
	}
}

# A known format first, then a credential name (whatever the value), then the other signs of a secret.
secret_kind(name, value) := kind if {
	is_string(value)
	kind := secrets.known_format(name, value)
} else := "a credential by its name, whatever the value" if {
	upper(name) in _always_secret_names
	not value in {null, ""}
} else := "literal value of a secret-named variable" if {
	is_string(value)
	secrets.named_secret(name, value)
} else := "high-entropy string" if {
	is_string(value)
	secrets.high_entropy(value)
}

# A template parameter declared `NoEcho` (a secret CloudFormation hides) placed in a plain environment value:
# the value is not in the template, but it is stored and shown in plain text in the deployed task definition.
# `facts.no_echo_environment` comes from the CloudFormation source, which never resolves such a parameter.
deny contains finding if {
	some use in input.facts.no_echo_environment
	container := input.resource.containerDefinitions[use.container]
	variable := container.environment[use.variable]
	finding := {
		"msg": concat("", [
			task.container(use.container, container), " passes NoEcho parameter '", use.parameter,
			"' in plain-text environment variable '", variable_name(variable, use.variable), "'.",
		]),
		"path": ["containerDefinitions", use.container, "environment", use.variable, "value"],
	}
}

# `facts.secrets_manager_environment` comes from the CloudFormation source: only CloudFormation resolves the
# reference (in a task definition registered as it is, the text is no reference at all).
deny contains finding if {
	some use in input.facts.secrets_manager_environment
	container := input.resource.containerDefinitions[use.container]
	variable := container.environment[use.variable]
	finding := {
		"msg": concat("", [
			task.container(use.container, container),
			" passes a Secrets Manager secret in plain-text environment variable '",
			variable_name(variable, use.variable), "': CloudFormation resolves its {{resolve:secretsmanager:...}}",
			" reference into the task definition.",
		]),
		"path": ["containerDefinitions", use.container, "environment", use.variable, "value"],
	}
}

# A secret-named variable whose value the deployer passes in: a Terraform input variable, or a template
# parameter with no default (`facts.parameter_environment`; a `NoEcho` one has its own message above).
# Whatever is passed lands in the task definition in plain text; the `secrets` list would keep it out.
deny contains finding if {
	container := input.resource.containerDefinitions[i]
	task.known_object(container)
	variable := container.environment[j]
	name := variable.name
	is_string(name)
	source := _passed_in(i, j, variable.value) # first: undefined for most variables, and cheaper than the regex
	regex.match(data.fgscan.params.secret_name_regex, upper(name))
	not upper(name) in _always_secret_names # reported above whatever the value
	finding := {
		"msg": concat("", [
			task.container(i, container), " passes a secret in plain-text environment variable '", name,
			"' (a secret-named variable set from ", source, ", stored as given).",
		]),
		"path": ["containerDefinitions", i, "environment", j, "value"],
	}
}

_passed_in(i, j, value) := concat("", ["input variable ", value["Fn::Terraform"]]) if {
	is_string(value["Fn::Terraform"])
	startswith(value["Fn::Terraform"], "var.")
} else := concat("", ["parameter '", use.parameter, "'"]) if {
	some use in input.facts.parameter_environment
	use.container == i
	use.variable == j
}

_resolved_secret(i, j) if {
	some use in input.facts.secrets_manager_environment
	use.container == i
	use.variable == j
}

# The names of `always_secret_names` in upper case, built once per evaluation.
_always_secret_names := {upper(n) | some n in data.fgscan.params.always_secret_names}

variable_name(variable, _) := variable.name if is_string(variable.name)

variable_name(variable, j) := sprintf("#%d", [j]) if not is_string(variable.name)
