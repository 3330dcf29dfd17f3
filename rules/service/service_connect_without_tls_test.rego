package fgscan.rules.service_connect_without_tls_test

import rego.v1

import data.fgscan.rules.service_connect_without_tls as rule

tls := {"issuerCertificateAuthority": {"awsPcaAuthorityArn": "arn:aws:acm-pca:eu-west-1:1:certificate-authority/1"}}

test_endpoints_without_tls_denied if {
	findings := rule.deny with input.resource as {"serviceConnectConfiguration": {"enabled": true, "services": [
		{"portName": "http"},
		{"portName": "grpc", "tls": tls},
	]}}
	count(findings) == 1
	some f in findings
	f.path == ["serviceConnectConfiguration", "services", 0]
	contains(f.msg, "'http'")
}

test_live_primary_deployment_judged if {
	findings := rule.deny with input.resource as {"deployments": [
		{"status": "PRIMARY", "serviceConnectConfiguration": {"enabled": true, "services": [{"portName": "http"}]}},
		{"status": "ACTIVE", "serviceConnectConfiguration": {"enabled": true, "services": [{"portName": "old"}]}},
	]}
	{f.path | some f in findings} == {["deployments", 0, "serviceConnectConfiguration", "services", 0]}
}

test_client_only_disabled_or_unresolved_allowed if {
	count(rule.deny) == 0 with input.resource as {"serviceConnectConfiguration": {"enabled": true}}
	count(rule.deny) == 0 with input.resource as {"serviceConnectConfiguration": {"enabled": false, "services": [{"portName": "x"}]}}
	count(rule.deny) == 0 with input.resource as {"serviceConnectConfiguration": {"enabled": {"Ref": "On"}, "services": [{"portName": "x"}]}}
}
