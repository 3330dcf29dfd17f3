# METADATA
# title: IAM role has administrator access
# description: >-
#   The role carries an administrator-like AWS managed policy (AdministratorAccess, PowerUserAccess,
#   IAMFullAccess, ...) or a statement that allows every action (`*`, or `NotAction`) on every
#   resource. Anything running with the role, such as every container of a task that uses it, can
#   take over the account.
# scope: package
# custom:
#   id: FG-IAM-004
#   name: iam-admin-policy-attached
#   severity: critical
#   rationale: Full control of the AWS account from a single compromised workload.
#   kinds: [iam_role, iam_policy]
#   remediation: >-
#     Detach the administrator policy and grant the actions and resources the workload uses; start from
#     the policy IAM Access Analyzer generates from the role's CloudTrail activity.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html
#   frameworks:
#     aws-fsbp: [IAM.1]
#     cis-aws: ["1.16"]
#     nist-800-53: [AC-2, AC-6, AC-6(10)]
#   examples:
#     bad: '{"AttachedManagedPolicies": [{"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}]}'
#     good: '{"AttachedManagedPolicies": [{"PolicyName": "AmazonS3ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}]}'
package fgscan.rules.iam_admin_policy_attached

import rego.v1

import data.fgscan.lib.iam

# Imported as rules, not read through the package: regorus's VM evaluates every rule of a package read
# that way, for each input (about 100 us for a neighbourhood's lib.ingress).
import data.fgscan.lib.iam.allow_statements

hits contains [path, text] if {
	some m in input.facts.managed
	m.aws_managed
	m.canonical_arn in data.fgscan.params.iam_admin_managed_policies
	text := concat("", ["the role has the AWS managed policy '", m.name, "', administrator-like access"])
	path := m.path
}

hits contains [path, text] if {
	some s in allow_statements
	iam.admin_statement(s)
	"*" in s.actions
	text := concat("", [iam.describe(s), " allows every action on every resource"])
	path := s.path
}

hits contains [path, text] if {
	some s in allow_statements
	iam.admin_statement(s)
	not "*" in s.actions
	except := concat(", ", sort(s.not_actions))
	text := concat("", [iam.describe(s), " allows every action except ", except, " on every resource"])
	path := s.path
}

deny := iam.findings(hits)
