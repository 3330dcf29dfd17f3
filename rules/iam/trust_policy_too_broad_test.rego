package fgscan.rules.iam_trust_policy_too_broad_test

import rego.v1

import data.fgscan.rules.iam_trust_policy_too_broad as rule

import data.fgscan.test.fixtures

# One `input.facts.trust` entry (see rules/lib/fixtures_test.rego).
trust(overrides) := fixtures.trust(overrides)

test_everyone_denied_as_critical if {
	findings := rule.deny with input.facts as {"account": "111122223333", "used_by": [], "roles_as": [], "trust": [trust({"any_principal": true, "aws": ["*"]})]}
	count(findings) == 1
	some finding in findings
	finding.severity == "critical"
	finding.msg == "the trust policy lets any AWS principal ('*') assume the role."
}

test_everyone_within_the_organization_allowed if {
	count(rule.deny) == 0 with input.facts as {"account": null, "used_by": [], "roles_as": [], "trust": [
		trust({"any_principal": true, "aws": ["*"], "condition_keys": ["aws:principalorgid"]}),
	]}
}

test_other_account_without_external_id_denied if {
	findings := rule.deny with input.facts as {"account": "111122223333", "used_by": ["web"], "roles_as": ["task"], "trust": [
		trust({"aws": ["arn:aws:iam::444455556666:root"], "accounts": ["444455556666"], "external_accounts": ["444455556666"]}),
	]}
	count(findings) == 1
	some finding in findings
	not finding.severity
	finding.msg == "the trust policy lets account 444455556666 assume the role without an sts:ExternalId or aws:PrincipalOrgID condition. The role is the task role of task definition 'web'."
}

test_unknown_own_account_is_said if {
	findings := rule.deny with input.facts as {"account": null, "used_by": [], "roles_as": [], "trust": [
		trust({"accounts": ["444455556666"], "external_accounts": ["444455556666"]}),
	]}
	some finding in findings
	contains(finding.msg, "444455556666 (not shown to be this role's account)")
}

test_external_id_allowed if {
	count(rule.deny) == 0 with input.facts as {"account": "111122223333", "used_by": [], "roles_as": [], "trust": [
		trust({"accounts": ["444455556666"], "external_accounts": ["444455556666"], "condition_keys": ["sts:externalid"]}),
	]}
}

test_own_account_and_services_allowed if {
	count(rule.deny) == 0 with input.facts as {"account": "111122223333", "used_by": [], "roles_as": [], "trust": [
		trust({"accounts": ["111122223333"]}),
		trust({"services": ["ecs-tasks.amazonaws.com"]}),
		trust({"effect": "Deny", "any_principal": true}),
	]}
}
