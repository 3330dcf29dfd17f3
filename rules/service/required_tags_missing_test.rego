package fgscan.rules.required_tags_missing_test

import rego.v1

import data.fgscan.rules.required_tags_missing as rule

test_off_unless_configured if {
	count(rule.deny) == 0 with input.resource as {"clusterName": "main"}
}

test_missing_keys_named if {
	findings := rule.deny with input.resource as {"tags": [{"key": "team", "value": "web"}]}
		with data.fgscan.params.required_tags as ["team", "owner", "cost-centre"]
	count(findings) == 1
	some f in findings
	f.msg == "lacks required tag(s) cost-centre, owner."
	f.path == ["tags"]
	untagged := rule.deny with input.resource as {"family": "web"} with data.fgscan.params.required_tags as ["owner"]
	{u.path | some u in untagged} == {[]}
}

test_all_present_allowed if {
	count(rule.deny) == 0 with input.resource as {"tags": [{"key": "owner", "value": "ops"}]}
		with data.fgscan.params.required_tags as ["owner"]
}
