# METADATA
# title: Task execution role can read every secret
# description: >-
#   The execution role only needs the secrets and parameters its task definitions reference in
#   `secrets` and `repositoryCredentials`. Allowing `secretsmanager:GetSecretValue`,
#   `ssm:GetParameter(s)` or `kms:Decrypt` on every resource (or every resource of the type) lets any
#   task definition registered with the role, and anyone holding its credentials, read every secret
#   of the account. Every action on every resource is reported by iam-admin-policy-attached instead.
# scope: package
# custom:
#   id: FG-IAM-007
#   name: exec-role-broad-secret-access
#   severity: high
#   rationale: Every secret of the account is one task definition away from whoever can register one.
#   kinds: [iam_role]
#   remediation: >-
#     List the secret and parameter ARNs the task definitions reference in `Resource`, and the KMS key
#     ARN for `kms:Decrypt` (or scope it with `kms:ViaService`).
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html#task-execution-secrets
#     - https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples.html
#   frameworks:
#     nist-800-53: [AC-6, SC-28, IA-5(7)]
#   examples:
#     bad: '{"RolePolicyList": [{"PolicyName": "secrets", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}}]}'
#     good: '{"RolePolicyList": [{"PolicyName": "secrets", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:web/db-AbCdEf"}]}}]}'
package fgscan.rules.exec_role_broad_secret_access

import rego.v1

import data.fgscan.lib.iam

# Imported as rules, not read through the package: regorus's VM evaluates every rule of a package read
# that way, for each input (about 100 us for a neighbourhood's lib.ingress).
import data.fgscan.lib.iam.allow_statements

hits contains [path, text] if {
	"execution" in input.facts.roles_as
	some s in allow_statements
	s.broad_resource
	not iam.admin_statement(s)
	not iam.scoped_by_condition(s)
	found := sort({a |
		some a in data.fgscan.params.iam_execution_role_secret_actions
		iam.grants(s, a)
		not iam.denied(a)
	})
	count(found) > 0
	text := concat("", [iam.describe(s), " allows ", concat(", ", found), " on every resource"])
	path := s.path
}

deny := iam.findings(hits)
