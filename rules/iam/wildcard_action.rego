# METADATA
# title: IAM policy allows every action of a service
# description: >-
#   An Allow statement with `*` or `service:*` actions (or `NotAction`, which allows everything it
#   does not list) grants every present and future action of the service, including the ones that
#   delete data or change permissions. Whatever runs with the role can do far more than it needs.
#   Every action on every resource is reported by iam-admin-policy-attached instead.
# scope: package
# custom:
#   id: FG-IAM-001
#   name: iam-wildcard-action
#   severity: high
#   rationale: A stolen task credential can use every action of the service, destructive ones included.
#   kinds: [iam_role, iam_policy]
#   remediation: >-
#     List the actions the workload calls (`s3:GetObject`, `s3:PutObject`, ...) instead of `service:*`;
#     IAM Access Analyzer can generate a policy from the role's CloudTrail activity.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-21
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#   frameworks:
#     aws-fsbp: [IAM.21]
#     nist-800-53: [AC-6, AC-6(2)]
#   examples:
#     bad: '{"RolePolicyList": [{"PolicyName": "app", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::assets/*"}]}}]}'
#     good: '{"RolePolicyList": [{"PolicyName": "app", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::assets/*"}]}}]}'
package fgscan.rules.iam_wildcard_action

import rego.v1

import data.fgscan.lib.iam

# Imported as rules, not read through the package: regorus's VM evaluates every rule of a package read
# that way, for each input (about 100 us for a neighbourhood's lib.ingress).
import data.fgscan.lib.iam.allow_statements

hits contains [path, text] if {
	some s in allow_statements
	not iam.admin_statement(s)
	wild := sort({a | some a in s.actions; endswith(a, "*"); iam.full_wildcard(a)}) # one built-in for most actions
	count(wild) > 0
	text := concat("", [iam.describe(s), " allows ", concat(", ", wild)])
	path := s.path
}

hits contains [path, text] if {
	some s in allow_statements
	not iam.admin_statement(s)
	count(s.actions) == 0
	count(s.not_actions) > 0
	text := concat("", [iam.describe(s), " allows every action except ", concat(", ", sort(s.not_actions))])
	path := s.path
}

deny := iam.findings(hits)
