# METADATA
# title: Secret in a container's command, entry point or Docker labels
# description: >-
#   Command and entry point arguments and Docker label values are stored in the task definition
#   in plain text, visible to anyone who can describe it or read its template, and arguments are
#   also visible to every process on the host that can list processes. fgscan looks at each word
#   of each argument (so shell lines count), the value after `=` (`--password=...`), the word
#   after a secret-named flag (`--token <value>`) and each label value under its key, with the
#   checks of secrets-in-environment: known key formats, secret-named options with literal
#   values, and high-entropy tokens.
# scope: package
# custom:
#   id: FG-CTR-022
#   name: secrets-in-command
#   severity: high
#   rationale: >-
#     A plain-text credential needs no exploit to use; high rather than critical because free-form
#     arguments are judged by heuristics.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Rotate the credential, store it in Secrets Manager or SSM Parameter Store and inject it with
#     the container's `secrets` list; have the command read the environment variable (`"$DB_PASSWORD"`
#     in a shell line, or the application's own configuration) instead of a literal.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
#     - https://cwe.mitre.org/data/definitions/214.html
#   frameworks:
#     nist-800-53: [IA-5(7), SC-28]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "app", "command": ["--db-password=hunter2hunter2"]}]}'
#     good: '{"containerDefinitions": [{"name": "app", "command": ["--db-password-file=/run/secrets/db"], "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db"}]}]}'
package fgscan.rules.secrets_in_command

import data.fgscan.lib.secrets
import data.fgscan.lib.task
import rego.v1

# One finding per container; the message names argument positions and label keys, never values.
deny contains finding if {
	some i in _candidates
	container := input.resource.containerDefinitions[i]
	task.known_object(container)
	hits := array.concat(array.concat(_argument_hits(container, "command"), _argument_hits(container, "entryPoint")), _label_hits(container))
	count(hits) > 0
	finding := {
		"msg": concat("", [
			task.container(i, container), " has secret-looking values in ",
			concat(", ", [hit.where | some hit in hits]), ".",
		]),
		"path": array.concat(["containerDefinitions", i], _first(hits)),
	}
}

# The containers with a command, an entry point or Docker labels: the others (most) call no helper.
_candidates contains i if {
	container := input.resource.containerDefinitions[i]
	some field in ["command", "entryPoint", "dockerLabels"]
	container[field]
}

# Where the first hit is: command before entryPoint before labels, lowest position first.
_first(hits) := [field, min(at)] if {
	some field in ["command", "entryPoint"]
	at := {hit.at[1] | some hit in hits; hit.at[0] == field}
	count(at) > 0
	not _earlier_field(hits, field)
}

_first(hits) := ["dockerLabels", min({hit.at[1] | some hit in hits})] if {
	every hit in hits {
		hit.at[0] == "dockerLabels"
	}
}

_earlier_field(hits, "entryPoint") if {
	some hit in hits
	hit.at[0] == "command"
}

_argument_hits(container, field) := [] if not is_array(container[field])

# (regopy iterates, instead of binding, a function argument used as an index inside a comprehension:
# index with it before the comprehension.)
_argument_hits(container, field) := hits if {
	args := container[field]
	is_array(args)
	label := concat("", [field, " argument "])
	hits := [hit |
		arg := args[j]
		is_string(arg)
		kinds := _argument_kinds(args, j)
		count(kinds) > 0
		hit := {"where": concat("", [label, format_int(j, 10), " (", min(kinds), ")"]), "at": [field, j]}
	]
}

_label_hits(container) := [hit |
	labels := container.dockerLabels
	is_object(labels)
	some key in sort(object.keys(labels))
	is_string(labels[key])
	kind := _kind(_option_name(key), labels[key])
	hit := {"where": concat("", ["Docker label '", key, "' (", kind, ")"]), "at": ["dockerLabels", key]}
]

# What each word of argument j looks like: `name=value` judged under its name, other words under
# the name of a preceding `--flag` (in the same argument or ending the previous one).
_argument_kinds(args, j) := kinds if {
	words := _words(args[j])
	kinds := {kind | word := words[w]; kind := _word_kind(word, _flag_before(args, j, words, w))}
}

_word_kind(word, _) := _kind(_option_name(substring(word, 0, indexof(word, "="))), _after_equals(word)) if {
	contains(word, "=")
}

_word_kind(word, flag) := _kind(flag, word) if not contains(word, "=")

_flag_before(_, _, words, w) := _flag_name(words[w - 1]) if w > 0

_flag_before(args, j, _, 0) := _flag_name(previous[count(previous) - 1]) if {
	j > 0
	is_string(args[j - 1])
	previous := _words(args[j - 1])
}

_flag_before(args, j, _, 0) := "" if j == 0

_flag_before(args, j, _, 0) := "" if {
	j > 0
	not is_string(args[j - 1])
}

_flag_name(word) := _option_name(word) if {
	startswith(word, "-")
	not contains(word, "=")
}

_flag_name(word) := "" if not startswith(word, "-")

_flag_name(word) := "" if contains(word, "=")

# Words as scanner/facts.py splits them (its entropy facts are keyed by these strings).
_words(arg) := [trim(word, `'"`) | some word in regex.split(`[ \t\r\n]+`, trim_space(arg))]

_after_equals(word) := trim(substring(word, indexof(word, "=") + 1, -1), `'"`)

# `--db-password`, `com.example.api-key` -> DB_PASSWORD, COM_EXAMPLE_API_KEY.
_option_name(text) := upper(trim(regex.replace(text, `[^A-Za-z0-9]+`, "_"), "_"))

# The first kind that applies, worded for arguments; the checks are secrets-in-environment's.
_kind(name, value) := kind if {
	kind := secrets.known_format(name, value)
} else := "literal value of a secret-named option" if {
	secrets.named_secret(name, value)
} else := "high-entropy string" if {
	secrets.high_entropy(value)
}
