package fgscan.rules.image_untrusted_registry_test

import rego.v1

import data.fgscan.rules.image_untrusted_registry as rule
import data.fgscan.test.fixtures

# How registries are read from image references (Docker Hub's names, hosts with ports, placeholders, deploy-time
# tokens) is tested on `scanner.facts.images` in tests/test_facts.py; these tests give the rule those facts.

# Tests bind it to a local first: regopy ignores `with input.resource as` a rule of the package.
three := {"containerDefinitions": [{"name": "a", "image": "x"}, {"name": "b", "image": "x"}, {"name": "c", "image": "x"}]}

allowed := ["*.dkr.ecr.*.amazonaws.com", "public.ecr.aws"]

test_docker_hub_is_named if {
	resource := three
	findings := rule.deny with input.resource as resource with input.facts as {"images": [fixtures.image({})]}
		with data.fgscan.params.allowed_registries as allowed
	count(findings) == 1
	some finding in findings
	finding.path == ["containerDefinitions", 0, "image"]
	finding.msg == "container 'a' pulls its image from 'docker.io', outside the allowed registries."
}

test_ecr_and_lookalikes if {
	resource := three
	findings := rule.deny with input.resource as resource
		with input.facts.images as [
			fixtures.image({"registry": "123456789012.dkr.ecr.eu-west-1.amazonaws.com"}),
			fixtures.image({"container": 1, "registry": "123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.io"}),
			fixtures.image({"container": 2, "registry": "localhost:5000"}),
		]
		with data.fgscan.params.allowed_registries as allowed
	{f.path[1] | some f in findings} == {1, 2}
}

test_user_patterns_are_case_insensitive if {
	resource := three
	count(rule.deny) == 0 with input.resource as resource
		with input.facts as {"images": [fixtures.image({"registry": "registry.example.com"})]}
		with data.fgscan.params.allowed_registries as ["registry.EXAMPLE.com"]
}

test_placeholder_registry_or_no_image_fact_says_nothing if {
	resource := three
	count(rule.deny) == 0 with input.resource as resource with input.facts as {"images": [fixtures.image({"registry": null})]}
		with data.fgscan.params.allowed_registries as allowed
	count(rule.deny) == 0 with input.resource as resource with input.facts as {"images": []}
		with data.fgscan.params.allowed_registries as allowed
}
