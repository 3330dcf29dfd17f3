# METADATA
# title: IAM policy allows privilege escalation
# description: >-
#   Some IAM actions let the holder grant itself more: attach or write policies, create policy
#   versions, create access keys or login profiles for other users, rewrite a trust policy, assume
#   any role, or pass any role to new compute (`iam:PassRole` on `*` with `lambda:CreateFunction`,
#   `ecs:RegisterTaskDefinition`, `ec2:RunInstances`, ...). A role holding them is an administrator
#   in waiting, whatever else its policies say. Wildcards such as `iam:*` count; an unconditional
#   Deny on `*` removes the action. Conditions that limit the grant are judged: `iam:PassRole` or
#   `sts:AssumeRole` on every role limited by `iam:PassedToService`, `aws:ResourceTag`,
#   `aws:SourceArn`/`SourceAccount` or `ecs:cluster` is not "every role", and PassRole limited to
#   some services only escalates through those services.
# scope: package
# custom:
#   id: FG-IAM-003
#   name: iam-privilege-escalation
#   severity: high
#   rationale: One API call turns a compromised task into an account administrator.
#   kinds: [iam_role, iam_policy]
#   remediation: >-
#     Remove the IAM-write actions from workload roles; scope `iam:PassRole` and `sts:AssumeRole` to
#     the role ARNs needed (and `iam:PassRole` with an `iam:PassedToService` condition); keep policy
#     management in a separate, human-approved pipeline role with a permissions boundary.
#   references:
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
#   frameworks:
#     nist-800-53: [AC-6, AC-6(10), AC-3(7)]
#   examples:
#     bad: '{"RolePolicyList": [{"PolicyName": "deploy", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["ecs:RegisterTaskDefinition", "iam:PassRole"], "Resource": "*"}]}}]}'
#     good: '{"RolePolicyList": [{"PolicyName": "deploy", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/web-task", "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}]}}]}'
package fgscan.rules.iam_privilege_escalation

import rego.v1

import data.fgscan.lib.iam

# Imported as rules, not read through the package: regorus's VM evaluates every rule of a package read
# that way, for each input (about 100 us for a neighbourhood's lib.ingress).
import data.fgscan.lib.iam.allow_statements

import data.fgscan.params

judged contains s if {
	some s in allow_statements
	not iam.admin_statement(s)
}

hits contains [path, text] if {
	some s in judged
	found := sort({a | some a in iam.granted(s, _escalation); not iam.denied(a)})
	count(found) > 0
	text := concat("", [iam.describe(s), " allows ", concat(", ", found)])
	path := s.path
}

hits contains [path, text] if {
	some s in judged
	s.broad_resource
	not iam.scoped_by_condition(s)
	found := sort({a | some a in iam.granted(s, _escalation_on_any_resource); not iam.denied(a)})
	count(found) > 0
	text := concat("", [iam.describe(s), " allows ", concat(", ", found), " on every role"])
	path := s.path
}

# iam:PassRole on every role, and a service that runs the passed role on the holder's behalf, when the
# PassRole statement lets the role be passed to that service. PassRole scoped to named roles with
# ecs:RegisterTaskDefinition is the deployment pattern AWS documents.
hits contains [path, text] if {
	some p in judged
	p.broad_resource
	iam.grants(p, "iam:passrole")
	not iam.denied("iam:passrole")
	some s in judged
	found := sort({a |
		some a in iam.granted(s, _passrole_targets)
		not iam.denied(a)
		iam.passable_to(p, object.get(params.iam_passrole_target_services, a, "*"))
	})
	count(found) > 0
	text := concat("", [iam.describe(s), " allows ", concat(", ", found), " together with iam:passrole"])
	path := s.path
}

# The parameters' lists as sets, built once per evaluation.
_escalation := {a | some a in params.iam_escalation_actions}

_escalation_on_any_resource := {a | some a in params.iam_escalation_actions_on_any_resource}

_passrole_targets := {a | some a in params.iam_escalation_passrole_targets}

deny := iam.findings(hits)
