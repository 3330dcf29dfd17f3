# METADATA
# title: Service Connect traffic is not encrypted with TLS
# description: >-
#   A service that publishes endpoints through Service Connect without `tls` serves its callers in
#   plain text through the Envoy proxies: anything on the network path (another task in a shared
#   subnet, a mirrored ENI) reads and can alter requests and responses, credentials and tokens
#   included. Service Connect can issue and rotate certificates from AWS Private CA for each endpoint.
# scope: package
# custom:
#   id: FG-SVC-027
#   name: service-connect-without-tls
#   severity: medium
#   rationale: Needs a foothold on the network path, but then exposes every request between services.
#   kinds: [ecs_service]
#   remediation: >-
#     Add `tls` to each entry of `serviceConnectConfiguration.services`, with an AWS Private CA
#     (`issuerCertificateAuthority.awsPcaAuthorityArn`), a KMS key and the infrastructure role.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-tls.html
#   frameworks:
#     nist-800-53: [SC-8, SC-8(1)]
#   examples:
#     bad: '{"serviceName": "api", "serviceConnectConfiguration": {"enabled": true, "services": [{"portName": "http"}]}}'
#     good: '{"serviceName": "api", "serviceConnectConfiguration": {"enabled": true, "services": [{"portName": "http", "tls": {"issuerCertificateAuthority": {"awsPcaAuthorityArn": "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/1"}, "roleArn": "arn:aws:iam::123456789012:role/sc-tls"}}]}}'
package fgscan.rules.service_connect_without_tls

import rego.v1

# The configuration as written (templates, create-service input) or on the service's primary deployment (live).
configurations contains [["serviceConnectConfiguration"], configuration] if {
	configuration := input.resource.serviceConnectConfiguration
}

configurations contains [["deployments", i, "serviceConnectConfiguration"], configuration] if {
	deployment := input.resource.deployments[i]
	deployment.status == "PRIMARY"
	configuration := deployment.serviceConnectConfiguration
}

deny contains finding if {
	some entry in configurations
	entry[1].enabled == true
	service := entry[1].services[j]
	is_object(service)
	not "tls" in object.keys(service)
	finding := {
		"msg": sprintf("Service Connect endpoint '%s' has no TLS: its callers talk to it in plain text.", [_label(service)]),
		"path": array.concat(entry[0], ["services", j]),
	}
}

_label(service) := service.portName if is_string(service.portName)

_label(service) := "(unnamed)" if not is_string(service.portName)
