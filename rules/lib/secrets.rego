# Recognising secret values, shared by the rules that look for secrets in task definitions.
package fgscan.lib.secrets

import rego.v1

import data.fgscan.params

# The first kind that applies: a known format, then a secret-like name, then randomness.
secret_kind(name, value) := kind if {
	kind := known_format(name, value)
} else := "literal value of a secret-named variable" if {
	named_secret(name, value)
} else := "high-entropy string" if {
	high_entropy(value)
}

# One match against every format at once first: engines compile a pattern that is not a literal at each
# call, so one combined pattern per value costs a twentieth of trying each format in turn.
known_format(name, value) := kinds[0] if {
	regex.match(any_format, value)
	kinds := [p.name | some p in params.secret_patterns; format_matches(p, name, value)]
	count(kinds) > 0
}

# "(?:a)|(?:b)|...": two concats around one comprehension, half the cost on regorus's VM of a concat per pattern
# (about 16 us per input for the 20 default patterns). No patterns, no pattern: "" as before, not "(?:)".
any_format := concat("", ["(?:", concat(")|(?:", [p.regex | some p in params.secret_patterns]), ")"]) if {
	count(params.secret_patterns) > 0
} else := ""

format_matches(pattern, _, value) if {
	not pattern.name_regex
	regex.match(pattern.regex, value)
}

format_matches(pattern, name, value) if {
	regex.match(pattern.regex, value)
	regex.match(pattern.name_regex, upper(name))
}

# A secret-like name counts only when the value could be a secret: long enough, and not a number,
# a flag, a URL without credentials, a path, a reference or a placeholder (`secret_value_ignore`).
named_secret(name, value) if {
	count(trim_space(value)) >= params.secret_named_min_length
	regex.match(params.secret_name_regex, upper(name))
	not ignored_value(lower(trim_space(value)))
}

# A match of any one pattern is a match of their alternation: one combined pattern (compiled once per call,
# like `any_format`) costs a fifth of trying each pattern in turn.
ignored_value(value) if regex.match(_any_ignored, value)

_any_ignored := concat("", ["(?:", concat(")|(?:", params.secret_value_ignore), ")"]) if {
	count(params.secret_value_ignore) > 0
} else := ""

# Random-looking tokens: long, high entropy (computed in Python), one token of key characters
# mixing upper case, lower case and digits, and no run of words (CamelCase names, slugs).
high_entropy(value) if {
	count(value) >= params.secret_min_length
	input.facts.entropy[value] >= params.secret_entropy_threshold
	regex.match(`^[A-Za-z0-9+/=_-]+$`, value)
	not startswith(value, "/")
	regex.match(`[a-z]`, value)
	regex.match(`[A-Z]`, value)
	regex.match(`[0-9]`, value)
	not regex.match(`[a-z]{5,}.*[a-z]{5,}`, value)
}
