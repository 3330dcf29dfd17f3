package fgscan.rules.secrets_in_command_test

import rego.v1

import data.fgscan.rules.secrets_in_command as rule

test_named_options_flags_and_known_formats_denied if {
	findings := rule.deny with input.resource as {"containerDefinitions": [{
		"name": "app",
		"command": ["--port=8080", "--db-password=hunter2hunter2", "--api-token", "Zq8mW2kLp5RtY7vB", "--verbose"],
		"entryPoint": ["/bin/sh", "-c", "curl -H 'Authorization: token ghp_Zx81kQ2mVv9LrT4bNc7Yw3JdFh6PsA0eGu5K' https://api.github.com"],
	}]}
		with input.facts as {"entropy": {}}
	count(findings) == 1
	some finding in findings
	finding.path == ["containerDefinitions", 0, "command", 1]
	contains(finding.msg, "command argument 1 (literal value of a secret-named option)")
	contains(finding.msg, "command argument 3 (literal value of a secret-named option)")
	contains(finding.msg, "entryPoint argument 2 (GitHub token)")
	not contains(finding.msg, "argument 0")
	not contains(finding.msg, "hunter2")
	not contains(finding.msg, "ghp_")
}

test_flag_value_in_next_argument_and_inside_shell_lines if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "split", "command": ["--password", "correct-horse-battery"]},
		{"name": "shell", "command": ["sh", "-c", "exec app --password correct-horse-battery"]},
	]}
		with input.facts as {"entropy": {}}
	{f.path | some f in findings} == {
		["containerDefinitions", 0, "command", 1],
		["containerDefinitions", 1, "command", 2],
	}
}

test_high_entropy_words_use_the_python_facts if {
	resource := {"containerDefinitions": [{"name": "a", "command": ["run", "--key=Xb8Kq2Lm9Zr4Tw7Yp3Nv6Hd"]}]}
	count(rule.deny) == 1 with input.resource as resource with input.facts as {"entropy": {"Xb8Kq2Lm9Zr4Tw7Yp3Nv6Hd": 4.5}}
	count(rule.deny) == 0 with input.resource as resource with input.facts as {"entropy": {"Xb8Kq2Lm9Zr4Tw7Yp3Nv6Hd": 3.1}}
}

test_docker_labels_judged_under_their_key if {
	findings := rule.deny with input.resource as {"containerDefinitions": [{"name": "a", "dockerLabels": {
		"com.example.db-password": "hunter2hunter2",
		"org.opencontainers.image.revision": "9b2a6f3e1c0d4b5a6978876655443322110f0e0d",
		"traefik.http.routers.web.rule": "Host(`example.com`)",
	}}]}
		with input.facts as {"entropy": {"9b2a6f3e1c0d4b5a6978876655443322110f0e0d": 3.9}}
	count(findings) == 1
	some finding in findings
	finding.path == ["containerDefinitions", 0, "dockerLabels", "com.example.db-password"]
	contains(finding.msg, "Docker label 'com.example.db-password'")
}

test_references_placeholders_and_ordinary_arguments_allowed if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "a", "command": [
			"--password=$DB_PASSWORD", "--token=${API_TOKEN}", "--password-file=/run/secrets/db",
			"--secret-id", "prod/orders/db", "--log-level=info", "--timeout=30s", "--enable-tls=true",
			"sh -c \"exec app --api-key=$API_KEY\"",
		]},
		{"name": "b", "entryPoint": [{"Fn::Sub": "--password=${Password}"}], "command": {"Ref": "Command"}},
		{"name": "c", "dockerLabels": {"version": "1.2.3", "com.example.password-file": "/run/secrets/x"}},
	]}
		with input.facts as {"entropy": {}}
}

test_path_points_at_the_first_hit if {
	findings := rule.deny with input.resource as {"containerDefinitions": [{
		"name": "a",
		"entryPoint": ["run", "--secret=correct-horse-battery", "--password=correct-horse-battery"],
		"dockerLabels": {"db-password": "correct-horse-battery"},
	}]}
		with input.facts as {"entropy": {}}
	{f.path | some f in findings} == {["containerDefinitions", 0, "entryPoint", 1]}
}
