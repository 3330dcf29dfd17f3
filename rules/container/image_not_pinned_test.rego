package fgscan.rules.image_not_pinned_test

import rego.v1

import data.fgscan.rules.image_not_pinned as rule
import data.fgscan.test.fixtures

# How images are taken apart (digests, tags, placeholders, deploy-time tokens) is tested on `scanner.facts.images`
# in tests/test_facts.py; these tests give the rule those facts.

# Tests bind it to a local first: regopy ignores `with input.resource as` a rule of the package.
three := {"containerDefinitions": [{"name": "a", "image": "x"}, {"name": "b", "image": "x"}, {"name": "c", "image": "x"}]}

test_version_tag_is_low if {
	resource := three
	findings := rule.deny with input.resource as resource with input.facts as {"images": [fixtures.image({})]}
	count(findings) == 1
	some finding in findings
	finding.path == ["containerDefinitions", 0, "image"]
	finding.msg == "container 'a' image is pinned by tag only, not by digest."
	not finding.severity
}

test_latest_and_missing_tag_are_medium if {
	resource := three
	findings := rule.deny with input.resource as resource with input.facts.images as [
		fixtures.image({"tag_state": "latest"}),
		fixtures.image({"container": 2, "tag_state": "none"}),
	]
	count(findings) == 2
	every finding in findings {
		finding.severity == "medium"
	}
	some latest in findings
	latest.path == ["containerDefinitions", 0, "image"]
	contains(latest.msg, "'latest'")
	some untagged in findings
	untagged.path == ["containerDefinitions", 2, "image"]
	contains(untagged.msg, "no tag")
}

test_digest_pins_with_or_without_tag if {
	resource := three
	count(rule.deny) == 0 with input.resource as resource with input.facts.images as [
		fixtures.image({"pinned": true, "tag_state": "none"}),
		fixtures.image({"container": 1, "pinned": true}),
		fixtures.image({"container": 2, "pinned": true, "tag_state": "latest"}),
	]
}

test_placeholder_tag_or_no_image_fact_says_nothing if {
	resource := three
	count(rule.deny) == 0 with input.resource as resource with input.facts as {"images": [fixtures.image({"tag_state": null})]}
	count(rule.deny) == 0 with input.resource as resource with input.facts as {"images": []}
}

test_container_named_by_position_when_its_name_is_not_text if {
	findings := rule.deny with input.resource as {"containerDefinitions": [{"name": {"Ref": "Name"}, "image": "x"}]}
		with input.facts as {"images": [fixtures.image({})]}
	some finding in findings
	finding.msg == "container #1 (!Ref Name) image is pinned by tag only, not by digest."
}
