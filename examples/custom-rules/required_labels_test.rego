package acme.rules.required_labels_test

import rego.v1

import data.acme.rules.required_labels as rule

test_container_without_labels_is_reported if {
	findings := rule.deny with input.resource as {"containerDefinitions": [
		{"name": "app", "dockerLabels": {"team": "payments"}},
		{"name": "sidecar"},
	]}
	count(findings) == 1
	some finding in findings
	finding.path == ["containerDefinitions", 1, "name"]
	contains(finding.msg, "'sidecar'")
}

test_labelled_containers_pass if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "app", "dockerLabels": {"team": "payments", "tier": "web"}},
	]}
}

test_each_missing_label_is_reported if {
	findings := rule.deny with input.resource as {"containerDefinitions": [{"name": "app", "dockerLabels": {"team": "payments"}}]}
		with data.fgscan.params.acme_required_labels as ["team", "cost-center"]
	count(findings) == 1
	some finding in findings
	contains(finding.msg, "'cost-center'")
}
