package fgscan.rules.secrets_in_environment_test

import rego.v1

import data.fgscan.rules.secrets_in_environment as rule

task(env) := {"containerDefinitions": [{"name": "app", "environment": env}]}

# The kind of secret found for one variable, or undefined when none is.
kind_of(name, value) := kind if {
	some f in rule.deny with input.resource as task([{"name": name, "value": value}])
	f.path == ["containerDefinitions", 0, "environment", 0, "value"]
	kind := regex.find_n(`\([^()]*\)[.]$`, f.msg, 1)[0]
}

test_known_formats_found_whatever_the_name if {
	kind_of("KEY_ID", "AKIAIOSFODNN7EXAMPLE") == "(AWS access key ID)."
	kind_of("CREDS", "id=ASIAY34FZKBOKMUTVV7A;region=eu-west-1") == "(AWS access key ID)."
	kind_of("SSH", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----") == "(private key)."
	kind_of("TLS", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----") == "(private key)."
	kind_of("GH", "ghp_Zx81kQ2mVv9LrT4bNc7Yw3JdFh6PsA0eGu5K") == "(GitHub token)."
	kind_of("GH2", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz") == "(GitHub fine-grained token)."
	kind_of("GL", "glpat-q8Fz0Lw2Rk7Tn4Vb9Xc1") == "(GitLab token)."
	kind_of("SLACK", "xoxb-123456789012-abcdefABCDEF") == "(Slack token)."
	kind_of("STRIPE", "sk_live_q8Fz0Lw2Rk7Tn4Vb9Xc1Md") == "(Stripe secret key)."
	kind_of("LLM", "sk-proj-q8Fz0Lw2Rk7Tn4Vb9Xc1Md5Hs3") == "(OpenAI or Anthropic API key)."
	kind_of("MAPS", "AIzaSyq8Fz0Lw2Rk7Tn4Vb9Xc1Md5Hs3Jg6PaQw") == "(Google API key)."
	kind_of("NPMRC", "npm_q8Fz0Lw2Rk7Tn4Vb9Xc1Md5Hs3Jg6PaQwErT") == "(npm token)."
	kind_of("DATABASE_URL", "postgres://orders:S3cretPass@db.internal:5432/orders") == "(URL with an embedded password)."
}

test_aws_secret_key_needs_an_aws_like_name if {
	kind_of("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") == "(AWS secret access key)."
	not kind_of("BUILD_CHECKSUM", "abcdefghijabcdefghijabcdefghijabcdefghij")
}

test_secret_named_variable_with_a_plausible_value if {
	kind_of("DB_PASSWORD", "correct-horse-battery") == "(literal value of a secret-named variable)."
	kind_of("jwtSecret", "not-so-secret-after-all") == "(literal value of a secret-named variable)."
	kind_of("DB_PASS", "postgres1") == "(literal value of a secret-named variable)."
	kind_of("DB_PASSWORD", "hunter2") == "(literal value of a secret-named variable)."
	kind_of("ADMIN_PASSWORD", "admin") == "(literal value of a secret-named variable)."
	kind_of("STRIPE_API_KEY", "k3y") == "(literal value of a secret-named variable)."
}

test_credential_names_whatever_the_value if {
	kind_of("AWS_ACCESS_KEY_ID", "my-key") == "(a credential by its name, whatever the value)."
	kind_of("aws_secret_access_key", "abc") == "(a credential by its name, whatever the value)."
	kind_of("ECS_ENGINE_AUTH_DATA", "{\"https://index.docker.io/v1/\":{\"username\":\"u\"}}") == "(a credential by its name, whatever the value)."
	kind_of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE") == "(AWS access key ID)."
	findings := rule.deny with input.resource as task([{"name": "AWS_SECRET_ACCESS_KEY", "value": {"Ref": "SecretKey"}}])
	count(findings) == 1
	count(rule.deny) == 0 with input.resource as task([
		{"name": "AWS_ACCESS_KEY_ID", "value": ""},
		{"name": "AWS_ACCESS_KEY_ID"},
		{"name": "AWS_REGION", "value": "eu-west-1"},
	])
}

test_high_entropy_token_under_any_name if {
	findings := rule.deny with input.resource as task([{"name": "CONFIG_BLOB", "value": "x7Kp2Qm9Lz4Rt8WvB3nJ"}])
		with input.facts as {"entropy": {"x7Kp2Qm9Lz4Rt8WvB3nJ": 4.322}}
	some f in findings
	contains(f.msg, "high-entropy string")
}

test_message_names_the_variable_never_the_value if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "web"},
		{"name": "worker", "environment": [
			{"name": "LOG_LEVEL", "value": "info"},
			{"name": "GITHUB_TOKEN", "value": "ghp_Zx81kQ2mVv9LrT4bNc7Yw3JdFh6PsA0eGu5K"},
		]},
	]}
	count(findings) == 1
	some f in findings
	f.path == ["containerDefinitions", 1, "environment", 1, "value"]
	contains(f.msg, "'GITHUB_TOKEN'")
	contains(f.msg, "'worker'")
	not contains(f.msg, "ghp_")
	not contains(f.msg, "Zx81")
}

test_secret_names_with_harmless_values_allowed if {
	count(rule.deny) == 0 with input.resource as task([
		{"name": "PASSWORD_MIN_LENGTH", "value": "12"},
		{"name": "DB_PASSWORD", "value": ""},
		{"name": "ENABLE_TOKEN", "value": "true"},
		{"name": "API_TOKEN_TTL", "value": "3600"},
		{"name": "SESSION_TOKEN", "value": "86400000"},
		{"name": "REFRESH_TOKEN", "value": "disabled"},
		{"name": "OAUTH_TOKEN", "value": "https://auth.example.com/oauth2/token"},
		{"name": "CLIENT_SECRET", "value": "/run/secrets/client-secret"},
		{"name": "DB_PASSWORD", "value": "${DB_PASSWORD}"},
		{"name": "SIGNING_SECRET", "value": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:sign-AbCdEf"},
		{"name": "API_KEY", "value": "<set-in-secrets-manager>"},
		{"name": "PASSWORD_POLICY", "value": "uppercase-digits-symbols"},
		{"name": "LOG_LEVEL", "value": "info"},
	])
}

test_urls_without_credentials_allowed if {
	count(rule.deny) == 0 with input.resource as task([
		{"name": "DATABASE_URL", "value": "postgres://db.internal:5432/orders"},
		{"name": "TEMPLATE_URL", "value": "postgres://orders:${DB_PASSWORD}@db.internal:5432/orders"},
		{"name": "CONTACT", "value": "mailto:ops@example.com"},
	])
}

test_random_looking_but_ordinary_values_allowed if {
	count(rule.deny) == 0 with input.resource as task([
		{"name": "CLUSTER", "value": "OrdersServiceProductionCluster2024"},
		{"name": "DB_HOST", "value": "orders-db.cluster-abc123.eu-west-1.rds.amazonaws.com"},
		{"name": "NOTE", "value": "desk-abcdefghijklmnopqrstuvwxyz"},
		{"name": "ID", "value": "XAKIAIOSFODNN7EXAMPLEX"},
	])
		with input.facts as {"entropy": {
			"OrdersServiceProductionCluster2024": 4.04,
			"orders-db.cluster-abc123.eu-west-1.rds.amazonaws.com": 4.133,
			"desk-abcdefghijklmnopqrstuvwxyz": 4.7,
			"XAKIAIOSFODNN7EXAMPLEX": 3.8,
		}}
}

test_entropy_threshold_comes_from_params if {
	count(rule.deny) == 0 with input.resource as task([{"name": "BLOB", "value": "x7Kp2Qm9Lz4Rt8WvB3nJ"}])
		with input.facts as {"entropy": {"x7Kp2Qm9Lz4Rt8WvB3nJ": 4.322}}
		with data.fgscan.params.secret_entropy_threshold as 4.5
}

test_values_known_only_at_deploy_time_allowed if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [{
		"name": "app",
		"environment": [{"name": "DB_PASSWORD", "value": {"Ref": "DbPassword"}}],
		"secrets": [{"name": "API_TOKEN", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/api-token"}],
	}]}
}

test_no_echo_parameter_in_plain_environment if {
	findings := rule.deny with input.resource as task([{"name": "DB_PASSWORD", "value": {"Ref": "DbPassword"}}])
		with input.facts as {"no_echo_environment": [{"container": 0, "variable": 0, "parameter": "DbPassword"}]}
	count(findings) == 1
	some f in findings
	f.path == ["containerDefinitions", 0, "environment", 0, "value"]
	f.msg == "container 'app' passes NoEcho parameter 'DbPassword' in plain-text environment variable 'DB_PASSWORD'."
}

test_reference_to_an_ordinary_parameter_is_not_a_secret if {
	count(rule.deny) == 0 with input.resource as task([{"name": "STAGE", "value": {"Ref": "Stage"}}])
		with input.facts as {}
}

test_secrets_manager_dynamic_reference_in_plain_environment if {
	findings := rule.deny with input.resource as task([
		{"name": "AWS_SECRET_ACCESS_KEY", "value": "{{resolve:secretsmanager:prod/aws:SecretString:key}}"},
		{"name": "STAGE", "value": "prod"},
	])
		with input.facts as {"secrets_manager_environment": [{"container": 0, "variable": 0}]}
	count(findings) == 1 # one finding, not also the one for a credential name
	some f in findings
	f.path == ["containerDefinitions", 0, "environment", 0, "value"]
	f.msg == "container 'app' passes a Secrets Manager secret in plain-text environment variable 'AWS_SECRET_ACCESS_KEY': CloudFormation resolves its {{resolve:secretsmanager:...}} reference into the task definition."
}

test_reference_text_outside_cloudformation_is_no_reference if {
	# registered as it is, the text is what the container gets: judged as any other value
	findings := rule.deny with input.resource as task([
		{"name": "API_TOKEN", "value": "{{resolve:secretsmanager:api-token}}"},
		{"name": "AWS_SECRET_ACCESS_KEY", "value": "{{resolve:secretsmanager:aws}}"},
	])
		with input.facts as {}
	count(findings) == 1
	some f in findings
	contains(f.msg, "'AWS_SECRET_ACCESS_KEY' (a credential by its name, whatever the value)")
}

test_secret_named_variable_from_a_parameter_left_to_deploy_time if {
	findings := rule.deny with input.resource as task([{"name": "DB_PASSWORD", "value": {"Ref": "DbPassword"}}])
		with input.facts as {"parameter_environment": [{"container": 0, "variable": 0, "parameter": "DbPassword"}]}
	count(findings) == 1
	some f in findings
	f.path == ["containerDefinitions", 0, "environment", 0, "value"]
	f.msg == "container 'app' passes a secret in plain-text environment variable 'DB_PASSWORD' (a secret-named variable set from parameter 'DbPassword', stored as given)."
}

test_secret_named_variable_from_a_terraform_input_variable if {
	findings := rule.deny with input.resource as task([
		{"name": "DD_API_KEY", "value": {"Fn::Terraform": "var.dd_api_key"}},
		{"name": "STAGE", "value": {"Fn::Terraform": "var.stage"}},
		{"name": "API_TOKEN", "value": {"Ref": "aws_ssm_parameter.token"}}, # names the parameter, holds no secret
	])
		with input.facts as {}
	count(findings) == 1
	some f in findings
	f.path == ["containerDefinitions", 0, "environment", 0, "value"]
	f.msg == "container 'app' passes a secret in plain-text environment variable 'DD_API_KEY' (a secret-named variable set from input variable var.dd_api_key, stored as given)."
}

test_credential_name_from_a_variable_reported_once if {
	findings := rule.deny with input.resource as task([{"name": "AWS_SECRET_ACCESS_KEY", "value": {"Fn::Terraform": "var.key"}}])
		with input.facts as {}
	count(findings) == 1
}
