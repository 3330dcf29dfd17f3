package fgscan.rules.image_not_pinned_test

import rego.v1

import data.fgscan.rules.image_not_pinned as rule

digest := "sha256:9b2a6f3e1c0d4b5a69788766554433221100ffeeddccbbaa9988776655443322"

test_version_tag_is_low if {
	findings := rule.deny with input.resource as {"containerDefinitions": [{"name": "app", "image": "nginx:1.27"}]}
	count(findings) == 1
	some finding in findings
	finding.path == ["containerDefinitions", 0, "image"]
	contains(finding.msg, "tag only")
	not finding.severity
}

test_latest_and_missing_tag_are_medium if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "a", "image": "nginx:latest"},
		{"name": "b", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app"},
		{"name": "c", "image": "localhost:5000/team/app"},
	]}
	count(findings) == 3
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
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "a", "image": concat("@", ["nginx", digest])},
		{"name": "b", "image": concat("@", ["public.ecr.aws/team/app:1.2", digest])},
		{"name": "c", "image": concat("@", ["localhost:5000/app:latest", digest])},
	]}
}

test_truncated_digest_is_not_a_pin if {
	count(rule.deny) == 1 with input.resource as {"containerDefinitions": [{"name": "a", "image": "nginx@sha256:abc"}]}
}

test_fn_sub_literal_text_is_judged if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "a", "image": {"Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web:2.1.0"}},
		{"name": "b", "image": {"Fn::Sub": ["${Registry}/web:latest", {"Registry": "r"}]}},
	]}
	count(findings) == 2
}

test_unresolved_images_are_skipped if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "a", "image": {"Ref": "ImageUri"}},
		{"name": "b", "image": {"Fn::Sub": "${Repo}:${Tag}"}},
		{"name": "c", "image": {"Fn::Join": ["", ["repo:", {"Ref": "Tag"}]]}},
		{"name": "d", "image": {"Fn::Sub": ["${Uri}", {"Uri": {"Ref": "Image"}}]}},
		{"name": "e"},
		{"name": "f", "image": {"Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/api@${Digest}"}},
	]}
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
		{"name": "d", "image": "$IMAGE"},
		{"name": "e", "image": "{{ image }}"},
		{"name": "f", "image": "#{ImageUri}#"},
		{"name": "g", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/IMAGE_NAME"},
	]}
}

test_upper_case_tag_or_host_is_still_judged if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "a", "image": "nginx:Latest-RC1"},
		{"name": "b", "image": "Registry.Example.com/team/app"},
	]}
	count(findings) == 2
}
