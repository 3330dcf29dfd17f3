# METADATA
# title: IAM role trust policy lets anyone or another account assume the role
# description: >-
#   A trust policy whose principal is `*` (with no condition on the caller's organization, account,
#   ARN or source) lets any AWS identity assume the role. A principal in another account without an
#   `sts:ExternalId` (or `aws:PrincipalOrgID`) condition lets that account, or a third party acting
#   for it, assume the role on anyone's request (the cross-account confused deputy). The role's own
#   account comes from its ARN; in a CloudFormation template it is unknown, so a literal account id
#   is taken as another account: write `${AWS::AccountId}` for your own.
# scope: package
# custom:
#   id: FG-IAM-006
#   name: iam-trust-policy-too-broad
#   severity: high
#   rationale: Outsiders get the role's permissions; critical when the principal is everyone.
#   kinds: [iam_role]
#   remediation: >-
#     Name the exact principals (role ARNs) that may assume the role; for a third party require the
#     `sts:ExternalId` it gave you, for accounts of your organization require `aws:PrincipalOrgID`.
#   references:
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
#   frameworks:
#     nist-800-53: [AC-3, AC-6, AC-20]
#   examples:
#     bad: '{"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole"}]}}'
#     good: '{"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "a1b2c3"}}}]}}'
package fgscan.rules.iam_trust_policy_too_broad

import rego.v1

# Imported as rules, not read through the package: regorus's VM evaluates every rule of a package read
# that way, for each input (about 100 us for a neighbourhood's lib.ingress).
import data.fgscan.lib.iam.usage

import data.fgscan.params

deny contains finding if {
	some t in input.facts.trust
	t.effect == "Allow"
	t.any_principal
	not has_key(t, params.iam_trust_principal_scoping_keys)
	finding := {
		"msg": concat("", ["the trust policy lets any AWS principal ('*') assume the role.", usage]),
		"path": t.path,
		"severity": "critical",
	}
}

deny contains finding if {
	some t in input.facts.trust
	t.effect == "Allow"
	count(t.external_accounts) > 0
	not t.any_principal
	not has_key(t, params.iam_trust_cross_account_keys)
	accounts := concat(", ", sort(t.external_accounts))
	finding := {
		"msg": concat("", ["the trust policy lets account ", accounts, own_account_note, " assume the role without an sts:ExternalId or aws:PrincipalOrgID condition.", usage]),
		"path": t.path,
	}
}

has_key(t, keys) if {
	some key in t.condition_keys
	key in keys
}

default own_account_note := ""

own_account_note := " (not shown to be this role's account)" if not is_string(input.facts.account)
