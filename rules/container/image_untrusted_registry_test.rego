package fgscan.rules.image_untrusted_registry_test

import rego.v1

import data.fgscan.rules.image_untrusted_registry as rule

test_docker_hub_short_names_are_docker_io if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "a", "image": "nginx"},
		{"name": "b", "image": "library/nginx:1.27"},
		{"name": "c", "image": "docker.io/bitnami/redis:7"},
		{"name": "d", "image": "index.docker.io/library/nginx"},
	]}
		with data.fgscan.params.allowed_registries as ["*.dkr.ecr.*.amazonaws.com", "public.ecr.aws"]
	count(findings) == 4
	every finding in findings {
		contains(finding.msg, "'docker.io'")
	}
}

test_other_registries_named if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "app", "image": "ghcr.io/acme/app:1.0"},
		{"name": "ok", "image": "public.ecr.aws/nginx/nginx:1.27"},
	]}
		with data.fgscan.params.allowed_registries as ["*.dkr.ecr.*.amazonaws.com", "public.ecr.aws"]
	count(findings) == 1
	some finding in findings
	finding.path == ["containerDefinitions", 0, "image"]
	contains(finding.msg, "'ghcr.io'")
}

test_ecr_and_lookalikes if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "ecr", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1"},
		{"name": "evil", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.io/app:1"},
		{"name": "port", "image": "localhost:5000/app"},
	]}
		with data.fgscan.params.allowed_registries as ["*.dkr.ecr.*.amazonaws.com", "public.ecr.aws"]
	count(findings) == 2
	not "ecr" in {name | some f in findings; name := f.path[1]}
}

test_user_patterns_are_case_insensitive if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [{"name": "a", "image": "Registry.Example.com/app:1"}]}
		with data.fgscan.params.allowed_registries as ["registry.EXAMPLE.com"]
}

test_fn_sub_ecr_template_allowed if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "a", "image": {"Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web:2.1.0"}},
		{"name": "b", "image": {"Fn::Sub": "${Registry}/web:2.1.0"}},
		{"name": "c", "image": {"Fn::Sub": "${ImageUri}"}},
		{"name": "d", "image": {"Ref": "Image"}},
	]}
		with data.fgscan.params.allowed_registries as ["*.dkr.ecr.*.amazonaws.com", "public.ecr.aws"]
}

test_fn_sub_public_image_denied if {
	count(rule.deny) == 1 with input.resource as {"containerDefinitions": [{"name": "a", "image": {"Fn::Sub": "nginx:${Tag}"}}]}
		with data.fgscan.params.allowed_registries as ["*.dkr.ecr.*.amazonaws.com", "public.ecr.aws"]
}

test_dynamic_references_are_skipped if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "a", "image": "{{resolve:ssm:/app/image}}"},
		{"name": "b", "image": {"Fn::Sub": "{{resolve:ssm:/app/${Env}/image}}"}},
	]}
		with data.fgscan.params.allowed_registries as ["public.ecr.aws"]
}

test_deploy_time_placeholders_say_nothing if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "a", "image": "<IMAGE1_NAME>"},
		{"name": "b", "image": "REPOSITORY_URI:IMAGE_TAG"},
		{"name": "c", "image": "${IMAGE}"},
		{"name": "d", "image": "$IMAGE_URI"},
	]}
		with data.fgscan.params.allowed_registries as ["public.ecr.aws"]
}
